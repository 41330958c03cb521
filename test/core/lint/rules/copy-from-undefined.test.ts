import rule from '../../../../source/core/lint/rules/copy-from-undefined.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=biuld /out/app /app', lines: [3], messages: ['did you mean "build"'], severity: 'warning'},
		{name: 'index out of range', src: 'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=2 /x /x', lines: [3], severity: 'error'},
		{name: 'forward reference', src: 'FROM alpine:3.20 AS app\nCOPY --from=build /x /x\nFROM golang:1.23 AS build', lines: [2]},
	],
	passes: [
		'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /app',
		'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /x /x',
		{name: 'image references', src: 'FROM alpine:3.20\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/\nCOPY --from=ghcr.io/astral-sh/uv /uv /bin/'},
		{name: 'plain image name unlike any stage', src: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=busybox /bin/busybox /bin/'},
		{name: 'case-insensitive stage name', src: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=BUILD /x /x'},
		'FROM alpine:3.20\nCOPY --from=${BUILDER} /x /x',
	],
});
