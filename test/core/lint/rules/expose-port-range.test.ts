import rule from '../../../../source/core/lint/rules/expose-port-range.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM nginx:1.27\nEXPOSE 80800', lines: [2]},
		{name: 'bad range, second word', src: 'FROM nginx:1.27\nEXPOSE 80 9000-8000/tcp', lines: [2], messages: ['9000-8000']},
		{name: 'not a number', src: 'FROM nginx:1.27\nEXPOSE http', lines: [2]},
		{name: 'through an ARG', src: 'FROM nginx:1.27\nARG PORT=70000\nEXPOSE $PORT', lines: [3]},
	],
	passes: [
		'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 8000-8010',
		{name: 'unresolved variable', src: 'FROM nginx:1.27\nEXPOSE $PORT'},
		'FROM nginx:1.27\nEXPOSE 65535',
		{name: 'quoted ports', src: 'FROM nginx:1.27\nEXPOSE "8080" \'53/udp\''},
	],
});
