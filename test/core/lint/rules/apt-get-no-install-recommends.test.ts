import rule from '../../../../source/core/lint/rules/apt-get-no-install-recommends.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM debian:12\nRUN apt-get update && apt-get install -y python3', lines: [2]},
		{name: 'heredoc', src: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y python3\nEOF', lines: [4]},
		{name: 'multi-stage, both stages', src: 'FROM debian:12 AS a\nRUN apt-get install -y gcc\nFROM debian:12\nRUN apt-get install -y curl', lines: [2, 4]},
	],
	passes: [
		'FROM debian:12\nRUN apt-get install -y --no-install-recommends python3',
		'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false python3',
		{
			name: 'apt.conf written in the file',
			src: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y python3',
		},
		'FROM debian:12\nRUN apt-get update',
		{name: 'simulation installs nothing', src: 'FROM debian:12\nRUN if apt-get install -s "pg-jit" > /dev/null 2>&1; then echo yes; fi'},
	],
});
