import rule from '../../../../source/core/lint/rules/reserved-stage-name.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM alpine:3.20 AS scratch', lines: [1]},
		{name: 'context', src: 'FROM alpine:3.20 AS base\nFROM base AS context', lines: [2]},
	],
	passes: ['FROM alpine:3.20 AS base', 'FROM scratch\nCOPY a /a'],
});
