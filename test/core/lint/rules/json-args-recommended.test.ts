import rule from '../../../../source/core/lint/rules/json-args-recommended.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node\nCMD node server.js', lines: [2], messages: ['CMD node server.js']},
		{src: 'FROM node\nENTRYPOINT /entrypoint.sh', lines: [2]},
		{name: 'multi-stage: every stage', src: 'FROM node AS a\nCMD npm start\nFROM node\nCMD node x.js', lines: [2, 4]},
		{name: 'broken JSON is shell form', src: "FROM node\nCMD ['node', 'x.js']", lines: [2]},
		{name: 'continuation', src: 'FROM node\nCMD node \\\n  server.js', lines: [2]},
		{name: 'SHELL only after the CMD', src: 'FROM node\nCMD node x.js\nSHELL ["/bin/bash", "-c"]', lines: [2]},
		{name: 'SHELL in an unrelated stage', src: 'FROM node AS a\nSHELL ["/bin/bash", "-c"]\nFROM node\nCMD node x.js', lines: [4]},
	],
	passes: [
		'FROM node\nCMD ["node", "server.js"]',
		'FROM node\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["--port", "80"]',
		'FROM node\nCMD exec node server.js',
		'FROM node\nRUN npm ci',
		{name: 'under a custom SHELL', src: 'FROM node\nSHELL ["/usr/bin/customshell"]\nENTRYPOINT node x.js'},
		{name: 'under a SHELL inherited through FROM <stage>', src: 'FROM node AS base\nSHELL ["/bin/bash", "-c"]\nFROM base AS mid\nFROM mid\nCMD node x.js'},
	],
});
