import rule from '../../../../source/core/lint/rules/maintainer-deprecated.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM alpine\nMAINTAINER Jane <jane@example.com>', lines: [2], messages: ['org.opencontainers.image.authors="Jane <jane@example.com>"']},
		{name: 'lower case', src: 'FROM alpine\nmaintainer jane', lines: [2]},
	],
	passes: ['FROM alpine\nLABEL org.opencontainers.image.authors="jane"', 'FROM alpine\n# MAINTAINER jane'],
});
