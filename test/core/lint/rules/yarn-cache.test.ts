import rule from '../../../../source/core/lint/rules/yarn-cache.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nRUN yarn install --frozen-lockfile --production', lines: [2]},
		{name: 'heredoc', src: 'FROM node:22\nRUN <<EOF\nyarn\nyarn build\nEOF', lines: [3]},
	],
	passes: [
		{name: 'cache mount', src: 'FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile'},
		'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean',
		{name: 'Yarn 2+', src: 'FROM node:22\nRUN yarn install --immutable'},
		{
			name: 'build stage not shipped',
			src: 'FROM node:22 AS build\nRUN yarn install --frozen-lockfile && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html',
		},
	],
});
