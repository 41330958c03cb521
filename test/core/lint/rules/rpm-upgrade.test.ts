import rule from '../../../../source/core/lint/rules/rpm-upgrade.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM fedora:40\nRUN dnf -y upgrade && dnf clean all', lines: [2]},
		{name: 'zypper dist-upgrade', src: 'FROM opensuse/leap:15.6\nRUN zypper -n dup', lines: [2]},
	],
	passes: ['FROM centos:7\nRUN yum -y update openssl', 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62'],
});
