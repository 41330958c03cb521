import rule from '../../../../source/core/lint/rules/secret-name.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{name: 'AWS access key id', src: 'ARG AWS_ACCESS_KEY_ID\nFROM alpine:3.20', lines: [1]},
		{src: 'FROM node:22\nARG NPM_TOKEN\nRUN echo x', lines: [2], messages: ['--mount=type=secret']},
		{name: 'ENV with a value, legacy form', src: 'FROM postgres:16\nENV POSTGRES_PASSWORD hunter2', lines: [2], messages: ['docker inspect']},
		{name: 'several pairs on continuation lines', src: 'FROM python:3.12\nENV APP_ENV=prod \\\n    DB_PASSWORD=s3cret \\\n    SECRET_KEY=abc', lines: [3, 4]},
		{name: 'global ARG', src: 'ARG GITHUB_TOKEN\nFROM alpine:3.20', lines: [1]},
		{name: 'ONBUILD', src: 'FROM alpine:3.20\nONBUILD ARG API_KEY', lines: [2]},
	],
	passes: [
		'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
		'FROM alpine:3.20\nARG AWS_ACCESS_KEY_ID_FILE\nENV SECRET_KEY_FILE=/run/secrets/key',
		'FROM alpine:3.20\nENV PASSWORD_MIN_LENGTH=12 TOKEN_URL=https://example.com/token',
		{name: 'empty ENV', src: 'FROM alpine:3.20\nENV API_TOKEN=""'},
		'FROM alpine:3.20\nARG PUBLIC_KEY=abc',
		{name: 'PWD is the working directory', src: 'FROM alpine:3.20\nENV PWD=/app'},
	],
});
