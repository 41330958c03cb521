import rule from '../../../../source/core/lint/rules/npm-pin.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nRUN npm install -g pm2', lines: [2], messages: ['pm2']},
		{
			name: 'git URL without #commit-ish',
			src: 'FROM node:22\nRUN npm install git+https://github.com/a/b.git github:a/c',
			lines: [2],
			messages: ['git+https://github.com/a/b.git, github:a/c'],
		},
		{
			name: 'scoped package and @latest',
			src: 'FROM node:22\nRUN npm install -g @angular/cli typescript@latest',
			lines: [2],
			messages: ['@angular/cli, typescript@latest'],
		},
	],
	passes: [
		'FROM node:22\nRUN npm install -g pm2@5.4.3 @angular/cli@18.2.0',
		{name: 'version through a variable', src: 'FROM node:22\nRUN npm install -g "npm@$NPM_VERSION" yarn@${YARN_VERSION}'},
		'FROM node:22\nRUN npm install ./local-pkg file:../x git+https://github.com/a/b.git#v1.2.0 pkg-1.0.0.tar.gz',
		'FROM node:22\nRUN npm ci',
	],
});
