import rule from '../../../../source/core/lint/rules/label-schema.js';
import {ruleSpec} from './helper.js';

const options = {
	labelSchema: {'org.opencontainers.image.source': 'url', 'org.opencontainers.image.licenses': 'spdx', 'org.opencontainers.image.created': 'rfc3339'},
};

ruleSpec(rule, {
	triggers: [
		{
			src: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="MIT license" \\\n      org.opencontainers.image.source=https://github.com/org/app',
			options,
			lines: [1, 2],
			messages: ['created', 'licenses'],
		},
		{
			name: 'strict-labels: a label outside the schema',
			src: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x.example/a org.opencontainers.image.licenses=MIT org.opencontainers.image.created=2024-05-01T12:00:00Z\nLABEL team=infra',
			options: {...options, strictLabels: true},
			lines: [3],
			messages: ['team is not in the label schema'],
		},
		{
			name: 'label only in a build stage',
			src: 'FROM alpine:3.20 AS build\nLABEL org.opencontainers.image.source=https://x.example/a org.opencontainers.image.licenses=MIT org.opencontainers.image.created=2024-05-01T12:00:00Z\nFROM alpine:3.20',
			options,
			lines: [3, 3, 3],
		},
	],
	passes: [
		{name: 'no schema configured', src: 'FROM alpine:3.20'},
		{
			src: 'FROM alpine:3.20\nARG CREATED\nLABEL org.opencontainers.image.source="https://github.com/org/app" \\\n      org.opencontainers.image.licenses="Apache-2.0 OR MIT" \\\n      org.opencontainers.image.created=$CREATED',
			options,
		},
		{
			name: 'strict-labels with only schema labels',
			src: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x.example/a org.opencontainers.image.licenses=MIT org.opencontainers.image.created=2024-05-01T12:00:00Z',
			options: {...options, strictLabels: true},
		},
		{
			name: 'an extra label without strict-labels',
			src: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x.example/a org.opencontainers.image.licenses=MIT org.opencontainers.image.created=2024-05-01T12:00:00Z team=infra',
			options,
		},
		{
			name: 'inherited from the parent stage',
			src: 'FROM alpine:3.20 AS base\nLABEL org.opencontainers.image.source=https://x.example/a org.opencontainers.image.licenses=MIT org.opencontainers.image.created=2024-05-01T12:00:00Z\nFROM base',
			options,
		},
	],
});
