import rule from '../../../../source/core/lint/rules/last-user-root.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM debian:12\nUSER app\nUSER root\nCMD ["/app"]', lines: [3]},
		{name: 'uid 0 with group', src: 'FROM debian:12\nUSER 0:0', lines: [2]},
		{name: 'multi-stage: final stage', src: 'FROM node:22 AS build\nUSER node\nFROM node:22\nUSER root', lines: [4]},
		{name: 'root inherited from the stage the final one is built FROM', src: 'FROM debian:12 AS base\nUSER root\nFROM base\nRUN true', lines: [2]},
		{name: 'through a variable', src: 'FROM debian:12\nARG RUNAS=root\nUSER $RUNAS', lines: [3]},
	],
	passes: [
		'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app',
		{name: 'root only in a build stage', src: 'FROM node:22 AS build\nUSER root\nFROM node:22\nUSER node'},
		{name: "no USER at all is no-user's business", src: 'FROM debian:12\nCMD ["sh"]'},
		{name: 'ONBUILD USER root does not apply to this image', src: 'FROM debian:12\nUSER app\nONBUILD USER root'},
	],
});
