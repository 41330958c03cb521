import rule from '../../../../source/core/lint/rules/expose-protocol.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM nginx:1.27\nEXPOSE 53/UDP', lines: [2], messages: ['lower case']},
		{name: 'unknown protocol', src: 'FROM nginx:1.27\nEXPOSE 80/http', lines: [2], messages: ['not a protocol']},
	],
	passes: ['FROM nginx:1.27\nEXPOSE "53/udp"', 'FROM nginx:1.27\nEXPOSE 53/udp 80/tcp 9/sctp 443', 'FROM nginx:1.27\nEXPOSE 80/$PROTO'],
});
