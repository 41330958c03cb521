import rule from '../../../../source/core/lint/rules/npm-cache.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nRUN npm ci --omit=dev', lines: [2], messages: ['--mount=type=cache,target=/root/.npm']},
		{name: 'heredoc', src: 'FROM node:22\nRUN <<EOF\nnpm ci\nnpm run build\nEOF', lines: [3]},
	],
	passes: [
		{name: 'escape directive with a cache mount', src: '# escape=`\nFROM node:22\nRUN --mount=type=cache,target=/root/.npm `\n    npm ci'},
		{name: 'BuildKit cache mount', src: 'FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev'},
		'FROM node:22\nRUN npm ci --omit=dev && npm cache clean --force',
		{
			name: 'build stage not shipped',
			src: 'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html',
		},
	],
});
