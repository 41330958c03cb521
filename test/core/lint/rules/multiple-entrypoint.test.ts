import rule from '../../../../source/core/lint/rules/multiple-entrypoint.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [{src: 'FROM alpine:3.20\nENTRYPOINT ["/docker-entrypoint.sh"]\nENTRYPOINT ["/app"]', lines: [3], messages: ['line 2']}],
	passes: [
		'FROM alpine:3.20\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["/app"]',
		{name: 'one per stage', src: 'FROM alpine:3.20 AS a\nENTRYPOINT ["a"]\nFROM alpine:3.20\nENTRYPOINT ["b"]'},
	],
});
