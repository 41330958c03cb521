import rule from '../../../../source/core/lint/rules/from-as-casing.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22 as build', lines: [1], messages: ['write AS']},
		{name: 'lower-case from', src: 'from node:22 AS build', lines: [1]},
		{name: 'with --platform, second stage', src: 'FROM a:1 AS x\nFROM --platform=$BUILDPLATFORM node:22 as build', lines: [2]},
	],
	passes: ['FROM node:22 AS build', 'from node:22 as build', 'FROM node:22'],
});
