import rule from '../../../../source/core/lint/rules/apk-pin.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{name: 'escape directive', src: '# escape=`\nFROM alpine:3.20\nRUN apk add --no-cache `\n    curl', lines: [3]},
		{src: 'FROM alpine:3.20\nRUN apk add --no-cache curl', lines: [2], messages: ['curl']},
		{
			name: 'virtual name is not a package',
			src: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0 make',
			lines: [2],
			messages: ['make'],
		},
		{name: 'heredoc', src: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache jq\nEOF', lines: [3]},
	],
	passes: [
		'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 git~2.45',
		{name: 'versions through variables', src: 'FROM alpine:3.20\nRUN apk add --no-cache "curl=${CURL_VERSION}" $EXTRA'},
		'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/pkg.apk',
	],
});
