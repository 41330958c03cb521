import rule from '../../../../source/core/lint/rules/duplicate-stage-name.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22 AS build\nFROM golang:1.23 AS build', lines: [2], messages: ['line 1']},
		{name: 'case-insensitive', src: 'FROM node:22 AS build\nRUN true\nFROM golang:1.23 AS Build', lines: [3]},
	],
	passes: ['FROM node:22 AS web\nFROM golang:1.23 AS api', 'FROM node:22\nFROM golang:1.23'],
});
