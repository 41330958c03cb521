import rule from '../../../../source/core/lint/rules/pip-no-cache-dir.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{name: 'escape directive', src: '# escape=`\nFROM python:3.12\nRUN echo hi && `\n    pip install -r requirements.txt', lines: [4]},
		{src: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt', lines: [3], messages: ['--mount=type=cache']},
		{name: 'cache mount on another path', src: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.npm pip install flask==3.1.0', lines: [2]},
		{name: 'ONBUILD', src: 'FROM python:3.12\nONBUILD RUN pip install -r requirements.txt', lines: [2]},
	],
	passes: [
		'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt',
		{name: 'BuildKit cache mount', src: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt'},
		{name: 'cache mount on ~/.cache', src: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt'},
		{name: 'PIP_NO_CACHE_DIR', src: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt'},
		{
			name: 'PIP_NO_CACHE_DIR=0 disables the cache too (pip reads any boolean as off)',
			src: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install -r requirements.txt',
		},
		{name: 'as a prefix', src: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install -r requirements.txt'},
		{name: 'exported earlier in the RUN', src: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install -r requirements.txt'},
		{
			name: 'build stage not shipped',
			src: 'FROM python:3.12 AS build\nRUN pip wheel -w /w -r req.txt && pip install -r req.txt\nFROM python:3.12-slim\nCOPY --from=build /w /w',
		},
	],
});
