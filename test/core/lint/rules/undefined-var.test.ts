import rule from '../../../../source/core/lint/rules/undefined-var.js';
import {BASE, ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'ARG VERSION=1.2.3\nFROM alpine:3.20\nCOPY app-${VERSION}.tar.gz /tmp/', lines: [3], messages: ['repeat `ARG VERSION`']},
		{
			name: 'typo of a defined name',
			src: 'FROM alpine:3.20\nARG APP_VERSION=1\nCOPY app-$APP_VERSON.jar /app.jar',
			lines: [3],
			messages: ['did you mean $APP_VERSION'],
		},
		{name: 'scratch defines nothing', src: 'FROM scratch\nWORKDIR $APP_HOME', lines: [2]},
		{name: 'base image env from the engine', src: 'FROM alpine:3.20\nENV PATH=$PATH:$GOPATHX/bin', base: BASE, lines: [2]},
	],
	passes: [
		'ARG VERSION=1.2.3\nFROM alpine:3.20\nARG VERSION\nCOPY app-${VERSION}.tar.gz /tmp/',
		{name: 'base image may define it (no engine)', src: 'FROM python:3.12\nENV PATH=/opt/venv/bin:$PATH PY=$PYTHON_VERSION'},
		{name: 'defined in the parent stage', src: 'FROM alpine:3.20 AS base\nENV APP=/app\nFROM base\nWORKDIR $APP'},
		{name: 'RUN is shell territory', src: 'FROM scratch\nRUN echo $HOME $FOO'},
		{name: 'default given', src: 'FROM scratch\nWORKDIR ${APP_HOME:-/app}'},
		{name: 'in the base env (engine)', src: 'FROM alpine:3.20\nENV PATH=/x:$PATH', base: BASE},
	],
});
