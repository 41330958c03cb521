import rule from '../../../../source/core/lint/rules/rpm-clean.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM fedora:40\nRUN dnf install -y httpd\nRUN dnf clean all', lines: [2]},
		{name: 'zypper', src: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl', lines: [2], messages: ['zypper clean']},
	],
	passes: [
		'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
		'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum',
		{name: 'BuildKit cache mount', src: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd'},
		{name: 'microdnf clean', src: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5\nRUN microdnf install -y tar && microdnf clean all'},
		{name: 'build stage not shipped', src: 'FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM scratch\nCOPY --from=build /x /x'},
	],
});
