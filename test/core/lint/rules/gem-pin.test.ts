import rule from '../../../../source/core/lint/rules/gem-pin.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{src: 'FROM ruby:3.3\nRUN gem install bundler', lines: [2]},
		{name: 'two gems, one pinned', src: 'FROM ruby:3.3\nRUN gem install rake:13.2.1 rails', lines: [2], messages: ['rails']},
	],
	passes: [
		'FROM ruby:3.3\nRUN gem install bundler -v 2.5.22',
		'FROM ruby:3.3\nRUN gem install bundler --version "$BUNDLER_VERSION"',
		'FROM ruby:3.3\nRUN gem install rake:13.2.1 $GEM',
	],
});
