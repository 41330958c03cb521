import rule from '../../../../source/core/lint/rules/onbuild-invalid.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nONBUILD FROM node:22-slim', lines: [2], allowParseProblems: true},
		{name: 'ONBUILD MAINTAINER', src: 'FROM node:22\nONBUILD MAINTAINER me', lines: [2], allowParseProblems: true},
	],
	passes: ['FROM node:22\nONBUILD COPY package*.json ./\nONBUILD RUN npm ci'],
});
