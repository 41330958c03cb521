import rule from '../../../../source/core/lint/rules/rpm-pin.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all', lines: [2], messages: ['httpd']},
		{name: 'zypper', src: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl', lines: [2]},
	],
	passes: [
		'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
		'FROM opensuse/leap:15.6\nRUN zypper -n install "curl=8.6.0"',
		{name: 'groups, globs, variables, local rpms', src: 'FROM fedora:40\nRUN dnf install -y @development-tools "python3-*" $PKGS ./x.rpm'},
	],
});
