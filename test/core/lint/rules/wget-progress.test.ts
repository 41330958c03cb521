import rule from '../../../../source/core/lint/rules/wget-progress.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM debian:12\nRUN wget https://example.com/tool-1.2.3.tar.gz', lines: [2]},
		{name: 'ONBUILD', src: 'FROM debian:12\nONBUILD RUN wget -O /x https://example.com/x', lines: [2]},
	],
	passes: [
		'FROM debian:12\nRUN wget -q https://example.com/x',
		'FROM debian:12\nRUN wget -nv https://example.com/x',
		'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/x',
		'FROM debian:12\nRUN wget -qO- https://example.com/x | tar xz',
		'FROM debian:12\nRUN wget https://example.com/x 2>/dev/null',
	],
});
