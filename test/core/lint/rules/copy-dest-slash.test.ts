import rule from '../../../../source/core/lint/rules/copy-dest-slash.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nCOPY package.json package-lock.json /app', lines: [2], messages: ['/app/']},
		{name: 'JSON form', src: 'FROM node:22\nCOPY ["a", "b", "/dest"]', lines: [2]},
		{name: 'ADD and --from', src: 'FROM node:22 AS b\nFROM node:22\nCOPY --from=b /x /y /opt\nADD a b /srv', lines: [3, 4]},
	],
	passes: [
		'FROM node:22\nCOPY package.json package-lock.json /app/',
		'FROM node:22\nCOPY a b .',
		'FROM node:22\nCOPY a /app',
		'FROM node:22\nCOPY a b $DEST',
		{name: 'heredoc', src: 'FROM node:22\nCOPY <<EOF /etc/x\nhi\nEOF'},
	],
});
