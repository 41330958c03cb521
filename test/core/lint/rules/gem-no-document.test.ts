import rule from '../../../../source/core/lint/rules/gem-no-document.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [{src: 'FROM ruby:3.3\nRUN gem install rails -v 8.0.0', lines: [2]}],
	passes: [
		'FROM ruby:3.3\nRUN gem install rails -v 8.0.0 --no-document',
		'FROM ruby:3.3\nRUN gem install -N rails -v 8.0.0',
		{name: 'gemrc written', src: 'FROM ruby:3.3\nRUN echo "gem: --no-document" > /usr/local/etc/gemrc\nRUN gem install rails -v 8.0.0'},
	],
});
