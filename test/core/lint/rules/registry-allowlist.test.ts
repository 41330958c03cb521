import rule from '../../../../source/core/lint/rules/registry-allowlist.js';
import {ruleSpec} from './helper.js';

const options = {trustedRegistries: ['registry.example.com', '*.corp.example', 'ghcr.io/my-org']};

ruleSpec(rule, {
	triggers: [
		{src: 'FROM quay.io/someone/tool:1.2', options, lines: [1], messages: ['quay.io']},
		{name: 'Docker Hub image not in the list', src: 'FROM node:22', options, lines: [1], messages: ['docker.io']},
		{name: 'other org on an allowed host prefix', src: 'FROM ghcr.io/other/app:1', options, lines: [1]},
		{
			name: 'COPY --from a bare Docker Hub image',
			src: 'FROM registry.example.com/base:1\nCOPY --from=composer /usr/bin/composer /usr/bin/',
			options,
			lines: [2],
		},
		{name: 'COPY --from an image', src: 'FROM registry.example.com/base:1\nCOPY --from=quay.io/x/y:1 /bin/y /bin/y', options, lines: [2]},
	],
	passes: [
		{name: 'no allowlist configured', src: 'FROM quay.io/someone/tool:1.2'},
		{src: 'FROM registry.example.com/mirror/node:22', options},
		{name: 'wildcard host', src: 'FROM mirror.corp.example/node:22', options},
		{name: 'allowed org prefix', src: 'FROM ghcr.io/my-org/app:1', options},
		{name: 'stages and scratch', src: 'FROM registry.example.com/golang:1 AS build\nFROM scratch\nCOPY --from=build /x /x', options},
		{name: 'docker.io listed', src: 'FROM node:22', options: {trustedRegistries: ['docker.io']}},
	],
});
