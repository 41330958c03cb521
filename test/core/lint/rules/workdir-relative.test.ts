import rule from '../../../../source/core/lint/rules/workdir-relative.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM node:22\nWORKDIR app', lines: [2], messages: ['WORKDIR /app']},
		{name: 'second stage has no absolute WORKDIR', src: 'FROM node:22 AS a\nWORKDIR /app\nFROM node:22\nWORKDIR src', lines: [4]},
	],
	passes: [
		'FROM node:22\nWORKDIR /app',
		{name: 'relative after absolute', src: 'FROM node:22\nWORKDIR /app\nWORKDIR src'},
		{name: 'absolute in the parent stage', src: 'FROM node:22 AS base\nWORKDIR /app\nFROM base\nWORKDIR src'},
		'FROM node:22\nWORKDIR $APP_HOME',
		{name: 'Windows path with escape directive', src: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app'},
	],
});
