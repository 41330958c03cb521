import rule from '../../../../source/core/lint/rules/instruction-casing.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM alpine:3.20\nrun apk add --no-cache curl\nCMD ["sh"]', lines: [2], messages: ['RUN']},
		{name: 'mixed case is always reported', src: 'from alpine:3.20\nrun true\nExpose 80', lines: [3], messages: ['expose']},
		{name: 'ONBUILD trigger', src: 'FROM alpine:3.20\nONBUILD run true', lines: [2]},
	],
	passes: ['FROM alpine:3.20\nRUN true', 'from alpine:3.20\nrun true\ncmd ["sh"]'],
});
