import rule from '../../../../source/core/lint/rules/legacy-env-format.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM python:3.12\nENV PYTHONUNBUFFERED 1', lines: [2]},
		{name: 'LABEL', src: 'FROM python:3.12\nLABEL maintainer someone@example.com', lines: [2]},
		{name: 'ONBUILD ENV', src: 'FROM python:3.12\nONBUILD ENV A b', lines: [2]},
	],
	passes: ['FROM python:3.12\nENV PYTHONUNBUFFERED=1 APP=/srv', 'FROM python:3.12\nLABEL a=b', 'FROM python:3.12\nENV A="x y"'],
});
