import rule from '../../../../source/core/lint/rules/apk-no-cache.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM alpine:3.20\nRUN apk update && apk add curl', lines: [2]},
		{name: 'continuation', src: 'FROM alpine:3.20\nRUN set -eux \\\n  && apk add --virtual .deps gcc', lines: [3]},
		{name: 'ONBUILD', src: 'FROM alpine:3.20\nONBUILD RUN apk add curl', lines: [2]},
	],
	passes: [
		'FROM alpine:3.20\nRUN apk add --no-cache curl',
		{name: 'BuildKit cache mount', src: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl'},
		{name: 'cleaned in the same RUN', src: 'FROM alpine:3.20\nRUN apk add -U curl && rm -rf /var/cache/apk/*'},
		{
			name: 'official rundeps idiom',
			src: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc \\\n && runDeps="$(scanelf --needed /usr/local)" \\\n && apk add --virtual .python-rundeps $runDeps \\\n && apk del .build-deps',
		},
		{name: 'offline install', src: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps so:libc.musl-x86_64.so.1'},
		{name: 'build stage not shipped', src: 'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM scratch\nCOPY --from=build /x /x'},
	],
});
