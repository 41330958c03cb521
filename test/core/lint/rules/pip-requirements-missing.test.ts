import rule from '../../../../source/core/lint/rules/pip-requirements-missing.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM python:3.12\nWORKDIR /app\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .', lines: [3]},
		{name: 'other file copied', src: 'FROM python:3.12\nCOPY setup.py /app/setup.py\nRUN pip install -r /app/requirements-dev.txt', lines: [3]},
	],
	passes: [
		'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt',
		{name: 'renamed on copy', src: 'FROM python:3.12\nCOPY docs/requirements.txt /tmp/req-docs.txt\nRUN pip install -r /tmp/req-docs.txt'},
		{name: 'whole context copied', src: 'FROM python:3.12\nCOPY . /app\nRUN pip install -r /app/requirements.txt'},
		{name: 'bind mount', src: 'FROM python:3.12\nRUN --mount=type=bind,source=requirements.txt,target=/tmp/r.txt pip install -r /tmp/r.txt'},
		{name: 'copied in the parent stage', src: 'FROM python:3.12 AS base\nCOPY requirements.txt .\nFROM base\nRUN pip install -r requirements.txt'},
		{name: 'generated in the same RUN', src: 'FROM python:3.12\nRUN poetry export -o requirements.txt && pip install -r requirements.txt'},
	],
});
