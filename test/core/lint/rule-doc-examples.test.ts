/**
 * The Bad and Good examples of each rule page are real: Bad triggers the rule, Good does not.
 * Snippets without FROM get one prepended (the pages show only the relevant lines).
 * Rules whose pages show configuration in comments get that configuration here.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {parseDockerfile} from '../../../source/core/lint/parse.js';
import {rules} from '../../../source/core/lint/rules/index.js';
import type {BaseImageInfo, LintOptions} from '../../../source/core/lint/types.js';
import {packagePath} from '../../../source/adapters/content.js';

const OPTIONS: Record<string, Partial<LintOptions>> = {
	'registry-allowlist': {trustedRegistries: ['registry.example.com']},
	'label-schema': {labelSchema: {'org.opencontainers.image.source': 'url', 'org.opencontainers.image.licenses': 'spdx'}},
};

/** Engine-aware rules: the base image config their pages describe (the comment in the Bad example). */
const BASES: Record<string, BaseImageInfo> = {
	'base-arch-mismatch': {
		ref: 'node:20',
		id: 'sha256:0',
		user: '',
		healthcheck: undefined,
		entrypoint: undefined,
		cmd: ['node'],
		exposedPorts: [],
		architecture: 'arm64',
		os: 'linux',
		env: [],
		workingDir: '',
		engineArchitecture: 'amd64',
	},
};

function example(md: string, section: string): string | undefined {
	const m = new RegExp(`## ${section}\\s*\\n+\`\`\`dockerfile\\n([\\s\\S]*?)\\n\`\`\``).exec(md);
	return m?.[1];
}

function findings(slug: string, src: string): number[] {
	const full = /^\s*(FROM|ARG)\b/im.test(src) && /^\s*FROM\b/im.test(src) ? src : `FROM debian:12\n${src}`;
	const rule = rules.find((r) => r.slug === slug)!;
	const options: LintOptions = {trustedRegistries: [], labelSchema: {}, settings: {}, ...OPTIONS[slug]};
	return rule.check({file: parseDockerfile(full), options, base: () => BASES[slug]}).map((f) => f.line);
}

describe('rule pages: Bad triggers, Good does not', () => {
	for (const rule of rules) {
		const md = readFileSync(packagePath('content', 'rules', `${rule.slug}.md`), 'utf8');
		const bad = example(md, 'Bad');
		const good = example(md, 'Good');
		test.skipIf(!bad)(`${rule.slug}: Bad`, () => expect(findings(rule.slug, bad!).length).toBeGreaterThan(0));
		test.skipIf(!good)(`${rule.slug}: Good`, () => expect(findings(rule.slug, good!)).toEqual([]));
	}
});
