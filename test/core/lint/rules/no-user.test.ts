import rule from '../../../../source/core/lint/rules/no-user.js';
import {BASE, ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{name: 'no engine: base not checked', src: 'FROM node:20\nCMD ["node"]', lines: [1], severity: 'warning', messages: ['base image not checked']},
		{
			name: 'engine: base runs as root',
			src: 'FROM node:20\nCMD ["node"]',
			base: {...BASE, user: ''},
			lines: [1],
			severity: 'error',
			origin: 'inherited',
			messages: ['runs as root (its config has no User)'],
		},
		{
			name: 'engine: base sets root explicitly',
			src: 'FROM node:20\nCMD ["node"]',
			base: {...BASE, user: '0:0'},
			lines: [1],
			severity: 'error',
			messages: ['"0:0"'],
		},
		{name: 'engine: image not present', src: 'FROM node:20', base: null, lines: [1], severity: 'warning', messages: ['not present locally']},
		{name: 'scratch with an entrypoint', src: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]', lines: [1], severity: 'error'},
		{name: 'USER only in a build stage', src: 'FROM node AS build\nUSER node\nFROM node\nCOPY --from=build /a /a', lines: [3]},
	],
	passes: [
		'FROM node:20\nUSER node',
		{name: 'USER 0 is judged by last-user-root, not here', src: 'FROM node:20\nUSER root'},
		{name: 'scratch that only carries files (an --output stage)', src: 'FROM alpine AS gen\nRUN touch /out\nFROM scratch\nCOPY --from=gen /out /'},
		{name: 'Windows images are out of scope', src: 'FROM mcr.microsoft.com/dotnet/runtime:8.0-windowsservercore-ltsc2022\nCMD ["app.exe"]'},
		{name: 'Windows by the escape directive', src: '# escape=`\nFROM mcr.microsoft.com/powershell\nCMD ["pwsh"]'},
		{name: 'engine: base sets a non-root user', src: 'FROM node:20\nCMD ["node"]', base: {...BASE, user: 'node'}},
		{name: 'USER inherited through FROM <stage>', src: 'FROM node AS base\nUSER 1000\nFROM base\nCMD ["node"]'},
	],
});
