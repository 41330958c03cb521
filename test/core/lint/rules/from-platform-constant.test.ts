import rule from '../../../../source/core/lint/rules/from-platform-constant.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM --platform=linux/amd64 golang:1.23 AS build\nRUN go version', lines: [1]},
		{
			name: 'final stage in a multi-stage file',
			src: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM --platform=linux/arm64 alpine:3.20\nCOPY --from=build /x /x',
			lines: [2],
		},
	],
	passes: [
		'FROM --platform=$BUILDPLATFORM golang:1.23 AS build',
		'FROM --platform=${TARGETPLATFORM} alpine:3.20',
		'FROM alpine:3.20',
		{name: 'stage named after its platform (BuildKit exception)', src: 'FROM --platform=linux/arm64 alpine:3.20 AS build-arm64'},
		{name: 'stage named after its platform OS (BuildKit exception)', src: 'FROM --platform=linux/amd64 alpine:3.20 AS linux'},
	],
});
