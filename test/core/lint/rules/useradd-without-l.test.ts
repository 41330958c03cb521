import rule from '../../../../source/core/lint/rules/useradd-without-l.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM debian:12\nRUN useradd -u 1000000 -m app', lines: [2]},
		{name: 'continuation', src: 'FROM debian:12\nRUN groupadd -g 123456 app \\\n  && useradd --uid 123456 -g app app', lines: [3]},
		{name: 'heredoc', src: 'FROM debian:12\nRUN <<EOF\nset -e\nuseradd -u 200000 app\nEOF', lines: [4]},
		{name: 'ONBUILD', src: 'FROM debian:12\nONBUILD RUN useradd -u 200000 app', lines: [2]},
	],
	passes: [
		'FROM debian:12\nRUN useradd -l -u 1000000 -m app',
		'FROM debian:12\nRUN useradd --no-log-init -u 1000000 app',
		'FROM debian:12\nRUN useradd -u 10001 app',
		'FROM debian:12\nRUN useradd -u $UID app',
	],
});
