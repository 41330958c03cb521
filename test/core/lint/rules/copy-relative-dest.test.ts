import rule from '../../../../source/core/lint/rules/copy-relative-dest.js';
import {BASE, ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM python:3.12-slim\nCOPY requirements.txt .\nCOPY app/ app/', lines: [2]},
		{name: 'engine saw no working directory', src: 'FROM python:3.12-slim\nCOPY a.txt a.txt', base: BASE, lines: [2]},
		{name: 'second stage', src: 'FROM golang:1.23 AS build\nWORKDIR /src\nFROM alpine:3.20\nCOPY --from=build /src/app app', lines: [4]},
	],
	passes: [
		'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .',
		'FROM python:3.12-slim\nCOPY requirements.txt /app/',
		{name: 'WORKDIR in the parent stage', src: 'FROM python:3.12-slim AS base\nWORKDIR /app\nFROM base\nCOPY . .'},
		{name: 'quoted variable destination', src: 'FROM jupyter/base-notebook:2024-05-01\nCOPY binder/README.ipynb "${HOME}"/README.ipynb'},
		{name: 'scratch', src: 'FROM scratch\nCOPY app app'},
		{name: 'base image working directory from the engine', src: 'FROM node:22\nCOPY . .', base: {...BASE, workingDir: '/usr/src/app'}},
		{name: 'heredoc', src: 'FROM alpine:3.20\nCOPY <<EOF motd\nhi\nEOF'},
	],
});
