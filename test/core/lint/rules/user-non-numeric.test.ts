import rule from '../../../../source/core/lint/rules/user-non-numeric.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER app', lines: [3], messages: ['USER app']},
		{name: 'name with group', src: 'FROM debian:12\nUSER app:app', lines: [2]},
		{name: 'multi-stage', src: 'FROM node:22 AS build\nUSER 1000\nFROM node:22\nUSER node', lines: [4]},
	],
	passes: [
		'FROM debian:12\nUSER 10001',
		'FROM debian:12\nUSER 10001:10001',
		{name: 'variable', src: 'FROM debian:12\nARG UID=1000\nUSER ${UID}'},
		{name: "root is last-user-root's business", src: 'FROM debian:12\nUSER root'},
		{name: 'named user only in a build stage', src: 'FROM node:22 AS build\nUSER node\nFROM node:22\nUSER 1000'},
	],
});
