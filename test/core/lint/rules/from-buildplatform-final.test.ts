import rule from '../../../../source/core/lint/rules/from-buildplatform-final.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{
			src: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM --platform=$BUILDPLATFORM alpine:3.20\nCOPY --from=build /out/app /app',
			lines: [3],
		},
		{name: 'braced, single stage', src: 'FROM --platform=${BUILDPLATFORM} node:22\nCMD ["node"]', lines: [1]},
	],
	passes: [
		'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app',
		'FROM --platform=$TARGETPLATFORM alpine:3.20',
		{
			name: 'BUILDPLATFORM only in a build stage that is not last',
			src: 'FROM alpine:3.20 AS final\nFROM --platform=$BUILDPLATFORM golang:1.23 AS tools\nFROM final',
		},
	],
});
