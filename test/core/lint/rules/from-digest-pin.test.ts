import rule from '../../../../source/core/lint/rules/from-digest-pin.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM python:3.12-slim\nCMD ["python"]', lines: [1], messages: ['python:3.12-slim@sha256']},
		{name: 'final stage built from a stage: the root base is reported', src: 'FROM node:22 AS base\nRUN true\nFROM base AS final\nCMD ["node"]', lines: [1]},
		{name: 'only the final stage counts', src: 'FROM golang:1.23 AS build\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /x /x', lines: [2]},
	],
	passes: [
		'FROM python:3.12-slim@sha256:2b0079146a74e23bf4ae8f6a28e1b484c6292f6fb904cbb51825b4a19812fcd8',
		'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /x /x',
		{name: "untagged is from-untagged's business", src: 'FROM ubuntu'},
	],
});
