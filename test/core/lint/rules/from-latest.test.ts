import rule from '../../../../source/core/lint/rules/from-latest.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:latest\nCMD ["node"]', lines: [1]},
		{name: 'latest through a build arg', src: 'ARG TAG=latest\nFROM python:${TAG}\nRUN true', lines: [2]},
		{name: 'multi-stage', src: 'FROM golang:1.23 AS build\nFROM alpine:latest\nCOPY --from=build /x /x', lines: [2]},
	],
	passes: [
		'FROM node:22-slim',
		{name: 'latest but pinned by digest', src: 'FROM node:latest@sha256:2b0079146a74e23bf4ae8f6a28e1b484c6292f6fb904cbb51825b4a19812fcd8'},
		{name: 'stage named latest', src: 'FROM alpine:3.20 AS latest\nFROM latest\nRUN true'},
	],
});
