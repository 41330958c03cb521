import rule from '../../../../source/core/lint/rules/json-args-recommended.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node\nCMD node server.js', lines: [2], messages: ['CMD node server.js']},
		{src: 'FROM node\nENTRYPOINT /entrypoint.sh', lines: [2]},
		{name: 'multi-stage: every stage', src: 'FROM node AS a\nCMD npm start\nFROM node\nCMD node x.js', lines: [2, 4]},
		{name: 'broken JSON is shell form', src: "FROM node\nCMD ['node', 'x.js']", lines: [2]},
		{name: 'continuation', src: 'FROM node\nCMD node \\\n  server.js', lines: [2]},
	],
	passes: [
		'FROM node\nCMD ["node", "server.js"]',
		'FROM node\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["--port", "80"]',
		'FROM node\nCMD exec node server.js',
		'FROM node\nRUN npm ci',
	],
});
