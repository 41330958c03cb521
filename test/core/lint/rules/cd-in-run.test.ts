import rule from '../../../../source/core/lint/rules/cd-in-run.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nRUN cd /app && npm ci', lines: [2], messages: ['WORKDIR /app']},
		{name: 'continuation', src: 'FROM node:22\nRUN cd /usr/src/app \\\n && make', lines: [2]},
		{name: 'ONBUILD', src: 'FROM node:22\nONBUILD RUN cd /app && npm ci', lines: [2]},
	],
	passes: [
		'FROM node:22\nWORKDIR /app\nRUN npm ci',
		{name: 'cd into an unpacked tree mid-script', src: 'FROM debian:12\nRUN curl -fsSLo x.tgz https://example.com/x.tgz && tar xzf x.tgz && cd x && make'},
		{name: 'hops between directories', src: 'FROM debian:12\nRUN cd /a && make && cd /b && make'},
		{name: 'tmp work', src: 'FROM debian:12\nRUN cd /tmp && wget -q https://example.com/x && rm x'},
		{name: 'heredoc script', src: 'FROM debian:12\nRUN <<EOF\ncd /src\nmake\nEOF'},
	],
});
