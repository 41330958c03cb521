import rule from '../../../../source/core/lint/rules/shell-via-symlink.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh', lines: [2], messages: ['SHELL ["/bin/bash"']},
		{name: 'continuation', src: 'FROM debian:12\nRUN rm /bin/sh \\\n && ln -s /bin/bash /bin/sh', lines: [3]},
	],
	passes: ['FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'FROM debian:12\nRUN ln -sf /usr/bin/python3 /usr/bin/python'],
});
