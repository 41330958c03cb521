import rule from '../../../../source/core/lint/rules/copy-chown-missing.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nCOPY . /app\nRUN chown -R node:node /app\nUSER node', lines: [3], messages: ['COPY --chown=node:node']},
		{name: 'relative to WORKDIR', src: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN useradd -m app && chown -R app /app', lines: [4]},
		{name: 'parent directory of the copy', src: 'FROM python:3.12\nCOPY src/ /srv/app/src/\nRUN chown -R app:app /srv/app', lines: [3]},
	],
	passes: [
		'FROM node:22\nCOPY --chown=node:node . /app\nUSER node',
		{name: 'chown to root', src: 'FROM nginx:1.27\nCOPY conf /etc/nginx\nRUN chown -R root:root /etc/nginx'},
		{name: 'directory not from COPY', src: 'FROM node:22\nRUN mkdir /data && chown -R node /data'},
		{name: 'other stage', src: 'FROM node:22 AS a\nCOPY . /app\nFROM node:22\nRUN chown -R node /app'},
	],
});
