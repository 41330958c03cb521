import rule from '../../../../source/core/lint/rules/multiple-healthcheck.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{
			src: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD wget -q --spider http://localhost/',
			lines: [3],
			messages: ['line 2'],
		},
		{name: 'NONE counts', src: 'FROM nginx:1.27\nHEALTHCHECK NONE\nHEALTHCHECK CMD true', lines: [3]},
	],
	passes: [
		'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1',
		{name: 'one per stage', src: 'FROM nginx:1.27 AS a\nHEALTHCHECK CMD true\nFROM nginx:1.27\nHEALTHCHECK CMD true'},
		{name: 'ONBUILD HEALTHCHECK is for child images', src: 'FROM nginx:1.27\nHEALTHCHECK CMD true\nONBUILD HEALTHCHECK CMD false'},
	],
});
