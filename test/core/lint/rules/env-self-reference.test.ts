import rule from '../../../../source/core/lint/rules/env-self-reference.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM alpine:3.20\nENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin', lines: [2]},
		{name: 'continuation', src: 'FROM alpine:3.20\nENV A=1 \\\n    B=${A}2', lines: [2]},
		{name: 'ONBUILD', src: 'FROM alpine:3.20\nONBUILD ENV X=1 Y=$X', lines: [2]},
	],
	passes: [
		'FROM alpine:3.20\nENV APP_HOME=/srv/app\nENV APP_BIN=$APP_HOME/bin',
		{name: 'extending an existing variable', src: 'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH'},
		{name: 'defined before and redefined', src: 'FROM alpine:3.20\nENV A=1\nENV A=2 B=$A'},
		'FROM alpine:3.20\nENV A B',
	],
});
