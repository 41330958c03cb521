import rule from '../../../../source/core/lint/rules/curl-pipe-shell.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{name: 'escape directive', src: '# escape=`\nFROM debian:12\nRUN apt-get update && `\n    curl -fsSL https://example.com/i.sh | sh', lines: [4]},
		{src: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh', lines: [2]},
		{
			name: 'wget through tee into bash, continuation',
			src: 'FROM debian:12\nRUN apt-get update \\\n && wget -qO- https://example.com/i.sh | tee /tmp/i.sh | bash -s -- --yes',
			lines: [3],
			messages: ['wget | bash'],
		},
		{name: 'sh -c "$(curl ...)"', src: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"', lines: [2]},
		{name: 'heredoc', src: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -sSf https://sh.rustup.rs | sh -s -- -y\nEOF', lines: [4]},
		{name: 'python interpreter', src: 'FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | python3 -', lines: [2]},
	],
	passes: [
		'FROM debian:12\nRUN curl -fsSL https://api.github.com/repos/a/b/releases/latest | python3 -c "import json,sys; print(json.load(sys.stdin)[\'tag_name\'])"',
		'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh',
		'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar xz -C /opt',
		'FROM debian:12\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg',
	],
});
