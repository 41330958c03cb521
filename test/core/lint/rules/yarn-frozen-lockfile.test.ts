import rule from '../../../../source/core/lint/rules/yarn-frozen-lockfile.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nRUN yarn install --production', lines: [2]},
		{name: 'bare yarn', src: 'FROM node:22\nRUN yarn && yarn build', lines: [2]},
	],
	passes: [
		'FROM node:22\nRUN yarn install --frozen-lockfile',
		'FROM node:22\nRUN yarn install --immutable',
		'FROM node:22\nRUN yarn build',
		'FROM node:22\nRUN yarn add left-pad@1.3.0',
	],
});
