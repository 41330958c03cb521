import rule from '../../../../source/core/lint/rules/apt-upgrade.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade', lines: [2]},
		{name: 'upgrade via apt, continuation', src: 'FROM debian:12\nRUN apt-get update \\\n && apt upgrade -y', lines: [3]},
	],
	passes: ['FROM debian:12\nRUN apt-get install -y --only-upgrade openssl', 'FROM debian:12\nRUN pip install --upgrade pip'],
});
