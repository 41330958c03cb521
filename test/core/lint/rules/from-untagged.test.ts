import rule from '../../../../source/core/lint/rules/from-untagged.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM ubuntu\nRUN true', lines: [1], messages: ['ubuntu:latest']},
		{name: 'registry with port, no tag', src: 'FROM registry.example.com:5000/team/app\nRUN true', lines: [1]},
		{name: 'multi-stage: only the external untagged base', src: 'FROM golang:1.23 AS build\nFROM alpine\nCOPY --from=build /x /x', lines: [2]},
		{name: 'escape directive', src: '# escape=`\nFROM debian\nRUN echo a `\n  b', lines: [2]},
	],
	passes: [
		'FROM ubuntu:24.04',
		'FROM ubuntu@sha256:2b0079146a74e23bf4ae8f6a28e1b484c6292f6fb904cbb51825b4a19812fcd8',
		'FROM scratch\nCOPY app /app',
		{name: 'FROM an earlier stage', src: 'FROM node:22 AS base\nFROM base\nRUN true'},
		{name: 'image from a build arg', src: 'ARG BASE=alpine:3.20\nFROM ${BASE}\nRUN true'},
		{name: 'stage picked by variable', src: 'ARG V=a\nFROM alpine:3 AS build-a\nFROM build-${V}\nRUN true'},
	],
});
