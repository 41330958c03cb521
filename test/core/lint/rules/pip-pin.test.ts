import rule from '../../../../source/core/lint/rules/pip-pin.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM python:3.12\nRUN pip install --no-cache-dir flask gunicorn==23.0.0', lines: [2], messages: ['flask']},
		{name: 'python -m pip', src: 'FROM python:3.12\nRUN python3 -m pip install requests', lines: [2]},
		{name: 'uv pip', src: 'FROM python:3.12\nRUN uv pip install --system numpy', lines: [2]},
		{
			name: 'git URL without @ref',
			src: 'FROM python:3.12\nRUN pip install "app @ git+https://github.com/a/app.git" git+https://github.com/a/lib.git#egg=lib',
			lines: [2],
			messages: ['git+https://github.com/a/lib.git#egg=lib'],
		},
		{name: 'heredoc', src: 'FROM python:3.12\nRUN <<EOF\npip install torch\nEOF', lines: [3]},
	],
	passes: [
		'FROM python:3.12\nRUN pip install -r requirements.txt',
		'FROM python:3.12\nRUN pip install "flask>=3,<4" numpy~=1.26 "requests==2.32.3"',
		{name: 'versions through variables', src: 'FROM python:3.12\nARG TORCH_VERSION=2.4.0\nRUN pip install torch==${TORCH_VERSION} "vllm==$VLLM_VER"'},
		{name: 'constraints file', src: 'FROM python:3.12\nRUN pip install -c constraints.txt flask'},
		{name: 'upgrading the installer', src: 'FROM python:3.12\nRUN pip install --upgrade pip setuptools wheel'},
		{name: 'local project and wheels', src: 'FROM python:3.12\nRUN pip install . ./dist/app-1.0-py3-none-any.whl -e ./lib'},
		{
			name: 'git URLs pinned to a ref',
			src: 'FROM python:3.12\nRUN pip install git+https://github.com/a/lib.git@v1.2#egg=lib "app @ git+https://github.com/a/app.git@3f2a1c9"',
		},
		{name: 'a directory path and --root-user-action', src: 'FROM python:3.12\nRUN pip install --root-user-action ignore vendor/pkg'},
		{name: 'option values are not packages', src: 'FROM python:3.12\nRUN pip install --index-url https://example/simple --target /opt/x -r req.txt'},
	],
});
