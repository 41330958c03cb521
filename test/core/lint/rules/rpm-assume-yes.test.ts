import rule from '../../../../source/core/lint/rules/rpm-assume-yes.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM fedora:40\nRUN dnf install httpd', lines: [2], messages: ['-y']},
		{name: 'yum update in a chain', src: 'FROM centos:7\nRUN yum -q update \\\n && yum install -y httpd', lines: [2]},
		{name: 'zypper', src: 'FROM opensuse/leap:15.6\nRUN zypper install curl', lines: [2], messages: ['--non-interactive']},
	],
	passes: [
		'FROM fedora:40\nRUN dnf install -y httpd',
		'FROM centos:7\nRUN yum --assumeyes install httpd',
		'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl',
		'FROM opensuse/leap:15.6\nRUN zypper -n in curl',
		{name: 'microdnf never prompts', src: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5\nRUN microdnf install shadow-utils'},
		'FROM fedora:40\nRUN dnf clean all',
	],
});
