import rule from '../../../../source/core/lint/rules/copy-all-before-install.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]', lines: [3], messages: ['line 4']},
		{name: 'pip -r', src: 'FROM python:3.12\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt', lines: [2]},
		{name: 'go mod download', src: 'FROM golang:1.23\nCOPY . .\nRUN go mod download && go build -o /app .', lines: [2]},
		{name: 'heredoc install', src: 'FROM ruby:3.3\nCOPY . /app\nRUN <<EOF\nbundle install\nEOF', lines: [2]},
	],
	passes: [
		'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
		'FROM node:22\nCOPY package*.json ./\nCOPY . .\nRUN npm ci',
		{name: 'install does not depend on manifests', src: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app .'},
		{name: 'bind-mounted manifests', src: 'FROM node:22\nCOPY . .\nRUN --mount=type=bind,source=package.json,target=package.json npm ci'},
		{name: 'install in another stage', src: 'FROM node:22 AS deps\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM node:22\nCOPY . .'},
	],
});
