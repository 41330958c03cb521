import rule from '../../../../source/core/lint/rules/expose-host-mapping.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM nginx:1.27\nEXPOSE 8080:80', lines: [2], messages: ['EXPOSE 80']},
		{name: 'ip mapping with protocol', src: 'FROM nginx:1.27\nEXPOSE 80 127.0.0.1:5353:53/udp', lines: [2], messages: ['53/udp']},
	],
	passes: ['FROM nginx:1.27\nEXPOSE 80 443/tcp', 'FROM nginx:1.27\nEXPOSE ${PORT}'],
});
