import rule from '../../../../source/core/lint/rules/label-key-invalid.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM alpine:3.20\nLABEL Version="1.0"', lines: [2]},
		{name: 'reserved namespace and double dot', src: 'FROM alpine:3.20\nLABEL com.docker.extension=true \\\n      org..example=1', lines: [2, 2]},
	],
	passes: ['FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0" maintainer="a@b.c"', 'FROM alpine:3.20\nLABEL "com.example.vendor"="ACME"'],
});
