import rule from '../../../../source/core/lint/rules/add-url-checksum.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM alpine:3.20\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini', lines: [2]},
		{name: 'with other flags', src: 'FROM alpine:3.20\nADD --chmod=755 http://example.com/tool /usr/local/bin/tool', lines: [2]},
	],
	passes: [
		'FROM alpine:3.20\nADD --checksum=sha256:93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini',
		'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.16.0 /src',
		'FROM alpine:3.20\nADD local.tar.gz /opt/',
	],
});
