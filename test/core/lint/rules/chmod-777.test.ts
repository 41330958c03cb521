import rule from '../../../../source/core/lint/rules/chmod-777.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{name: 'escape directive', src: '# escape=`\nFROM debian:12\nRUN mkdir /data && `\n    chmod 777 /data', lines: [4]},
		{src: 'FROM debian:12\nRUN mkdir -p /app/data && chmod -R 777 /app/data', lines: [2]},
		{name: 'symbolic and 0666', src: 'FROM debian:12\nRUN chmod o+w /srv \\\n && chmod 0666 /etc/app.conf', lines: [2, 3]},
		{name: 'COPY --chmod', src: 'FROM debian:12\nCOPY --chmod=777 tool /usr/local/bin/tool', lines: [2]},
		{name: 'ONBUILD', src: 'FROM debian:12\nONBUILD RUN chmod a+rwx /app', lines: [2]},
	],
	passes: [
		'FROM debian:12\nRUN chmod 755 /usr/local/bin/tool && chmod 644 /etc/app.conf',
		{name: 'sticky bit like /tmp', src: 'FROM debian:12\nRUN mkdir -p /scratch && chmod 1777 /scratch'},
		{name: 'scratch dir removed in the same RUN', src: 'FROM debian:12\nRUN tmp="$(mktemp -d)"; chmod 777 "$tmp"; do-things "$tmp"; rm -rf "$tmp"'},
		'FROM debian:12\nRUN chmod +x /entrypoint.sh',
	],
});
