import rule from '../../../../source/core/lint/rules/curl-and-wget.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [{src: 'FROM debian:12\nRUN curl -fsSLo a https://example.com/a\nRUN wget -q https://example.com/b', lines: [3], messages: ['line 2']}],
	passes: [
		'FROM debian:12\nRUN curl -fsSLo a https://example.com/a && curl -fsSLo b https://example.com/b',
		{name: 'different stages', src: 'FROM debian:12 AS a\nRUN curl -fsSLo a https://example.com/a\nFROM alpine:3.20\nRUN wget -q https://example.com/b'},
		'FROM debian:12\nRUN apt-get install -y curl wget',
	],
});
