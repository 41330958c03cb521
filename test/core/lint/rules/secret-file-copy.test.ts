import rule from '../../../../source/core/lint/rules/secret-file-copy.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nCOPY .env /app/.env', lines: [2]},
		{
			name: 'keys and credential files',
			src: 'FROM node:22\nCOPY .npmrc package.json ./\nADD id_rsa /root/.ssh/id_rsa\nCOPY certs/server.key /etc/ssl/private/',
			lines: [2, 3, 4],
		},
		{name: 'JSON form', src: 'FROM node:22\nCOPY ["credentials.json", "/app/"]', lines: [2]},
	],
	passes: [
		'FROM node:22\nCOPY .env.example /app/.env.example',
		'FROM node:22\nCOPY certs/ca.pem /usr/local/share/ca-certificates/ca.crt',
		{name: 'from another stage', src: 'FROM node:22 AS a\nFROM node:22\nCOPY --from=a /app/.env /app/.env'},
		'FROM node:22\nCOPY environment.ts keyboard.js /app/',
	],
});
