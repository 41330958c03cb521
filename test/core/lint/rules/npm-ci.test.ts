import rule from '../../../../source/core/lint/rules/npm-ci.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nCOPY package*.json ./\nRUN npm install --omit=dev', lines: [3]},
		{name: 'npm i', src: 'FROM node:22\nRUN npm i', lines: [2]},
		{name: 'ONBUILD', src: 'FROM node:22\nONBUILD RUN npm install', lines: [2]},
	],
	passes: [
		'FROM node:22\nRUN npm ci --omit=dev',
		'FROM node:22\nRUN npm install -g pm2@5.4.3',
		{name: "named packages are npm-pin's business", src: 'FROM node:22\nRUN npm install express'},
	],
});
