import rule from '../../../../source/core/lint/rules/stage-name-casing.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM golang:1.23 AS Builder', lines: [1], messages: ['"builder"']},
		{name: 'second stage', src: 'FROM a:1 AS one\nFROM b:1 AS TWO', lines: [2]},
	],
	passes: ['FROM golang:1.23 AS builder', 'FROM golang:1.23', {name: 'lower-case as', src: 'from golang:1.23 as build-stage_2'}],
});
