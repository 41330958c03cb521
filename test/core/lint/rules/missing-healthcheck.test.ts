import rule from '../../../../source/core/lint/rules/missing-healthcheck.js';
import {BASE, ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM nginx\nEXPOSE 80', lines: [1], messages: ['(EXPOSE 80) but has no HEALTHCHECK']},
		{name: 'says the base was not checked', src: 'FROM nginx\nEXPOSE 80', lines: [1], messages: ['base image not checked']},
		{name: 'service command', src: 'FROM python:3\nCMD ["gunicorn", "app:app"]', lines: [1], messages: ['gunicorn']},
		{name: 'final stage of several', src: 'FROM node AS build\nHEALTHCHECK CMD true\nFROM node\nCMD ["node", "server.js"]', lines: [3]},
		{name: 'engine: base has no healthcheck', src: 'FROM nginx\nEXPOSE 80', base: {...BASE}, lines: [1]},
		{
			name: 'engine: the base exposes ports',
			src: 'FROM nginx',
			base: {...BASE, exposedPorts: ['80/tcp']},
			lines: [1],
			messages: ['the base image exposes 80/tcp'],
		},
	],
	passes: [
		'FROM nginx\nEXPOSE 80\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1',
		{name: 'opt-out', src: 'FROM nginx\nEXPOSE 80\nHEALTHCHECK NONE'},
		{name: 'not a service', src: 'FROM alpine\nCMD ["sh"]'},
		{name: 'an interpreter with no script is a REPL (node official image)', src: 'FROM debian\nCMD ["node"]'},
		{name: 'engine: base provides a healthcheck', src: 'FROM nginx\nEXPOSE 80', base: {...BASE, healthcheck: ['CMD-SHELL', 'curl -f localhost']}},
		{name: 'inherited through FROM <stage>', src: 'FROM nginx AS base\nHEALTHCHECK CMD true\nFROM base\nEXPOSE 80'},
	],
});
