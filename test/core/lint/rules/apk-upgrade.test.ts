import rule from '../../../../source/core/lint/rules/apk-upgrade.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM alpine:3.18\nRUN apk upgrade --no-cache', lines: [2]},
		{name: 'continuation', src: 'FROM alpine:3.18\nRUN apk update \\\n && apk upgrade', lines: [3]},
	],
	passes: ['FROM alpine:3.20\nRUN apk add --no-cache --upgrade openssl'],
});
