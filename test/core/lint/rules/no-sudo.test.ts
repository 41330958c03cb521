import rule from '../../../../source/core/lint/rules/no-sudo.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{name: 'escape directive', src: '# escape=`\nFROM debian:12\nRUN echo hi && `\n    sudo make install', lines: [4]},
		{src: 'FROM debian:12\nUSER app\nRUN sudo apt-get update', lines: [3]},
		{name: 'second command, continuation', src: 'FROM debian:12\nRUN echo hi \\\n  && sudo -E make install', lines: [3]},
		{name: 'ONBUILD', src: 'FROM debian:12\nONBUILD RUN sudo make install', lines: [2]},
	],
	passes: [
		'FROM debian:12\nRUN apt-get install -y sudo',
		'FROM debian:12\nRUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app',
		'FROM debian:12\nCMD ["sudo", "-u", "app", "x"]',
	],
});
