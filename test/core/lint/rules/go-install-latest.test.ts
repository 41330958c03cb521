import rule from '../../../../source/core/lint/rules/go-install-latest.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest', lines: [2]},
		{name: 'continuation, branch', src: 'FROM golang:1.23\nRUN go install \\\n  github.com/a/b@main', lines: [3]},
	],
	passes: [
		'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2',
		'FROM golang:1.23\nRUN go install github.com/a/b@${B_VERSION}',
		'FROM golang:1.23\nRUN go install ./cmd/app',
	],
});
