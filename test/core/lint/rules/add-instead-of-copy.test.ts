import rule from '../../../../source/core/lint/rules/add-instead-of-copy.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM alpine:3.20\nADD requirements.txt /app/', lines: [2]},
		{name: 'JSON form', src: 'FROM alpine:3.20\nADD ["src/", "/app/src/"]', lines: [2]},
		{name: 'multi-stage', src: 'FROM alpine:3.20 AS a\nADD a.txt /a\nFROM alpine:3.20\nADD b.txt /b', lines: [2, 4]},
	],
	passes: [
		'FROM alpine:3.20\nCOPY requirements.txt /app/',
		{name: 'archive is unpacked', src: 'FROM scratch\nADD rootfs.tar.xz /'},
		{name: 'URL', src: 'FROM alpine:3.20\nADD --checksum=sha256:abc https://example.com/x /x'},
		{name: 'git repository', src: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.16.0 /src'},
		{name: 'heredoc', src: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF'},
	],
});
