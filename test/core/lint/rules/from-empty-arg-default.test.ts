import rule from '../../../../source/core/lint/rules/from-empty-arg-default.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'ARG VERSION\nFROM node:${VERSION}', lines: [2], messages: ['node:']},
		{name: 'empty default', src: 'ARG IMAGE=""\nFROM $IMAGE', lines: [2]},
		{name: 'registry prefix only', src: 'ARG REGISTRY\nARG NAME\nFROM ${REGISTRY}/${NAME}:1', lines: [3]},
	],
	passes: [
		'ARG VERSION=22\nFROM node:${VERSION}',
		{name: 'empty ARG as an optional suffix still gives a valid reference', src: 'ARG VARIANT\nFROM node${VARIANT}:22'},
		{name: 'fallback in the expression', src: 'ARG VERSION\nFROM node:${VERSION:-22}'},
		'FROM node:22',
	],
});
