import rule from '../../../../source/core/lint/rules/apt-not-apt-get.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM debian:12\nRUN apt update && apt install -y curl', lines: [2], messages: ['apt-get update']},
		{name: 'one finding per RUN', src: 'FROM debian:12\nRUN apt-get update\nRUN apt install -y curl \\\n && apt clean', lines: [3]},
		{name: 'ONBUILD', src: 'FROM debian:12\nONBUILD RUN apt install -y curl', lines: [2]},
	],
	passes: [
		'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
		'FROM debian:12\nRUN apt-cache policy curl',
		'FROM debian:12\nRUN echo apt install',
	],
});
