import rule from '../../../../source/core/lint/rules/base-arch-mismatch.js';
import {BASE, ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{
			src: 'FROM node:20\nCMD ["node"]',
			base: {...BASE, ref: 'node:20', architecture: 'arm64', engineArchitecture: 'amd64'},
			lines: [1],
			origin: 'inherited',
			messages: ['node:20 is arm64 but this engine runs amd64'],
		},
		{
			name: 'final stage of several',
			src: 'FROM alpine AS build\nRUN true\nFROM node:20\nCMD ["node"]',
			base: {...BASE, architecture: 'amd64', engineArchitecture: 'arm64'},
			lines: [3],
		},
	],
	passes: [
		{name: 'same architecture', src: 'FROM node:20', base: {...BASE, architecture: 'amd64', engineArchitecture: 'amd64'}},
		{name: 'no engine', src: 'FROM node:20'},
		{name: 'image not present', src: 'FROM node:20', base: null},
		{name: 'engine architecture unknown', src: 'FROM node:20', base: {...BASE, architecture: 'arm64'}},
		{name: 'a deliberate --platform', src: 'FROM --platform=$TARGETPLATFORM node:20', base: {...BASE, architecture: 'arm64', engineArchitecture: 'amd64'}},
	],
});
