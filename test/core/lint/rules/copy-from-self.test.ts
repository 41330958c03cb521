import rule from '../../../../source/core/lint/rules/copy-from-self.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22 AS build\nCOPY --from=build /app/dist /srv', lines: [2]},
		{name: 'by index', src: 'FROM node:22\nFROM alpine:3.20\nCOPY --from=1 /x /x', lines: [3]},
	],
	passes: ['FROM node:22 AS build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html', 'FROM node:22\nFROM alpine:3.20\nCOPY --from=0 /x /x'],
});
