import rule from '../../../../source/core/lint/rules/cargo-install-locked.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [{src: 'FROM rust:1.82\nRUN cargo install ripgrep', lines: [2]}],
	passes: ['FROM rust:1.82\nRUN cargo install --locked ripgrep@14.1.1', 'FROM rust:1.82\nRUN cargo build --release'],
});
