import rule from '../../../../source/core/lint/rules/pip-user.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM python:3.12-slim\nRUN pip install --user -r requirements.txt\nUSER 10001\nCMD ["python", "app.py"]', lines: [2], messages: ['/root/.local']},
		{
			name: 'copied from a builder stage',
			src: 'FROM python:3.12 AS build\nRUN pip install --user -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\nUSER app',
			lines: [2],
		},
	],
	passes: [
		{name: 'runs as root', src: 'FROM python:3.12-slim\nRUN pip install --user -r requirements.txt\nCMD ["python"]'},
		{name: 'pip runs as the runtime user', src: 'FROM python:3.12-slim\nUSER app\nRUN pip install --user -r requirements.txt'},
		{
			name: 'builder copied to a non-root home',
			src: 'FROM python:3.12 AS build\nUSER app\nRUN pip install --user flask==3.1.0\nFROM python:3.12-slim\nCOPY --from=build /home/app/.local /home/app/.local\nUSER app',
		},
	],
});
