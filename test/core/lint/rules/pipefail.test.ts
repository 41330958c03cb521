import rule from '../../../../source/core/lint/rules/pipefail.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM alpine\nRUN wget -O - https://x | tar xz', lines: [2]},
		{name: 'in a continuation', src: 'FROM alpine\nRUN set -e \\\n && curl -fsSL https://x \\\n | sh', lines: [3]},
		{name: 'pipefail set after the pipe', src: 'FROM alpine\nRUN curl x | sh && set -o pipefail', lines: [2]},
		{name: 'heredoc', src: 'FROM alpine\nRUN <<EOF\ncurl -fsSL x | sh\nEOF', lines: [3]},
		{name: 'ONBUILD', src: 'FROM alpine\nONBUILD RUN curl x | sh', lines: [2]},
		{name: 'SHELL /bin/sh -o pipefail (dash rejects it)', src: 'FROM debian\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN curl x | sh', lines: [3]},
		{
			name: 'SHELL in another stage does not count',
			src: 'FROM debian AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian\nRUN curl x | sh',
			lines: [4],
		},
	],
	passes: [
		'FROM alpine\nRUN set -o pipefail && wget -O - https://x | tar xz',
		'FROM alpine\nRUN set -euxo pipefail; curl x | sh',
		'FROM debian\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl x | sh',
		{name: 'SHELL inherited through FROM <stage>', src: 'FROM debian AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM a\nRUN curl x | sh'},
		'FROM alpine\nRUN echo "a|b" && echo yes | cat',
		{name: 'heredoc sets pipefail', src: 'FROM alpine\nRUN <<EOF\nset -o pipefail\ncurl x | sh\nEOF'},
		{
			name: 'powershell SHELL is not sh',
			src: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item',
		},
	],
});
