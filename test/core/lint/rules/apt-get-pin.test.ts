import rule from '../../../../source/core/lint/rules/apt-get-pin.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl', lines: [2], messages: ['curl']},
		{
			name: 'continuation with comment lines',
			src: 'FROM debian:12\nRUN apt-get update \\\n  # tools\n  && apt-get install -y \\\n    curl=7.88.1-10 \\\n    git',
			lines: [4],
			messages: ['git'],
		},
		{name: 'heredoc', src: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y jq\nEOF', lines: [4]},
		{name: 'ONBUILD', src: 'FROM debian:12\nONBUILD RUN apt-get install -y jq', lines: [2]},
		{name: 'escape directive', src: '# escape=`\nFROM debian:12\nRUN apt-get update && `\n    apt-get install -y jq', lines: [4]},
	],
	passes: [
		'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8',
		{name: 'version through variables', src: 'FROM debian:12\nARG CURL_VERSION=7.88.1-10\nRUN apt-get install -y curl=${CURL_VERSION} git=$GIT_VER'},
		{name: 'release pin and local .deb', src: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports foo/bookworm-backports ./pkg.deb'},
		{name: 'option values are not packages', src: 'FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold install -y jq=1.6-2'},
		{name: 'simulation', src: 'FROM debian:12\nRUN apt-get install -s jq > /dev/null'},
		{name: 'package list in a variable', src: 'FROM debian:12\nRUN apt-get install -y $PACKAGES'},
	],
});
