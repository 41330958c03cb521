import rule from '../../../../source/core/lint/rules/apt-get-update-alone.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl', lines: [2], messages: ['line 3']},
		{name: 'flags before the subcommand', src: 'FROM debian:12\nRUN apt-get -qq update\nCOPY . .\nRUN apt-get -y install curl', lines: [2]},
	],
	passes: [
		'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
		{name: 'later RUN updates again', src: 'FROM debian:12\nRUN apt-get update\nRUN apt-get update && apt-get install -y curl'},
		{name: 'install in another stage', src: 'FROM debian:12 AS a\nRUN apt-get update\nFROM debian:12\nRUN apt-get update && apt-get install -y curl'},
	],
});
