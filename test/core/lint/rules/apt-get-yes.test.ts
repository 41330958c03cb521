import rule from '../../../../source/core/lint/rules/apt-get-yes.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM debian\nRUN apt-get install curl', lines: [2], messages: ['apt-get install curl without -y']},
		{
			name: 'continuation with a comment line',
			src: 'FROM debian\nRUN apt-get update \\\n  # then install\n  && apt-get install --no-install-recommends curl',
			lines: [4],
		},
		{name: 'heredoc script', src: 'FROM debian\nRUN <<EOF\nset -e\napt-get update\napt-get install curl\nEOF', lines: [5]},
		{name: 'ONBUILD', src: 'FROM debian\nONBUILD RUN apt-get install curl', lines: [2]},
		{name: 'escape directive', src: '# escape=`\nFROM debian\nRUN apt-get update `\n  && apt-get install curl', lines: [4]},
		{name: 'sudo and sh -c', src: 'FROM debian\nRUN sudo apt-get install a\nRUN sh -c "apt-get install b"', lines: [2, 3]},
		{name: 'two stages', src: 'FROM debian AS a\nRUN apt-get install a\nFROM debian\nRUN apt-get install b', lines: [2, 4]},
	],
	passes: [
		'FROM debian\nRUN apt-get install -y curl',
		'FROM debian\nRUN apt-get -qy install curl',
		'FROM debian\nRUN apt-get install --yes curl',
		'FROM debian\nRUN apt-get -qq install curl',
		'FROM debian\nRUN apt-get update',
		'FROM debian\nRUN echo "apt-get install curl"',
		{name: 'heredoc for python is not shell', src: 'FROM debian\nRUN python3 <<EOF\nprint("apt-get install curl")\nEOF'},
		{name: 'heredoc', src: 'FROM debian\nRUN <<EOF\napt-get install -y curl\nEOF'},
	],
});
