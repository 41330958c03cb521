import rule from '../../../../source/core/lint/rules/multiple-cmd.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nCMD ["npm", "start"]\nCMD ["node", "server.js"]', lines: [3]},
		{name: 'three CMDs', src: 'FROM node:22\nCMD a\nCMD b\nCMD c', lines: [3, 4]},
	],
	passes: [
		'FROM node:22\nCMD ["node", "server.js"]',
		{name: 'one per stage', src: 'FROM node:22 AS a\nCMD ["a"]\nFROM node:22\nCMD ["b"]'},
		{name: 'ONBUILD CMD does not count', src: 'FROM node:22\nCMD ["a"]\nONBUILD CMD ["b"]'},
	],
});
