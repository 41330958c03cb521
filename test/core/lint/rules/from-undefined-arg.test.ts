import rule from '../../../../source/core/lint/rules/from-undefined-arg.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM ${BASE_IMAGE}:3.20\nRUN true', lines: [1], messages: ['ARG BASE_IMAGE']},
		{name: 'ARG declared inside a stage is not visible to FROM', src: 'FROM alpine:3.20\nARG VARIANT=slim\nFROM python:3.12-$VARIANT', lines: [3]},
		{name: 'two stages', src: 'ARG A=1\nFROM node:$A AS one\nFROM node:$B AS two', lines: [3]},
	],
	passes: [
		'ARG BASE_IMAGE=alpine\nFROM ${BASE_IMAGE}:3.20',
		{name: 'declared without default still counts as declared', src: 'ARG TAG\nFROM alpine:${TAG}'},
		'FROM --platform=$BUILDPLATFORM golang:1.23',
		{name: 'default in the expression', src: 'FROM alpine:${TAG:-3.20}'},
		{name: 'escaped dollar is literal', src: 'FROM alpine:3.20\nRUN true'},
	],
});
