import {defineRule, type RuleFinding} from '../types.js';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

function norm(r: string): string {
	const s = r
		.trim()
		.toLowerCase()
		.replace(/^https?:\/\//, '')
		.replace(/\/+$/, '');
	return DOCKER_HUB.has(s) ? 'docker.io' : s;
}

/** Exact host, `*.example.com` wildcard, or a host/path prefix (`ghcr.io/my-org`). */
export function allowed(ref: {registry: string; repository: string}, list: readonly string[]): boolean {
	const reg = norm(ref.registry);
	const full = `${reg}/${ref.repository.toLowerCase()}`;
	return list.some((entry) => {
		const e = norm(entry);
		if (e.startsWith('*.')) return reg.endsWith(e.slice(1));
		return reg === e || full === e || full.startsWith(e + '/');
	});
}

function parseRef(image: string): {registry: string; repository: string} {
	const noDigest = image.split('@')[0]!;
	const parts = noDigest.split('/');
	const first = parts[0]!;
	const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
	const registry = hasHost ? first : 'docker.io';
	const rest = (hasHost ? parts.slice(1) : parts).join('/');
	return {registry, repository: rest.replace(/:[^/]*$/, '')};
}

const rule = defineRule({
	id: 'DH1004',
	slug: 'registry-allowlist',
	severity: 'warning',
	description: 'FROM pulls from a registry that is not in the configured allowlist',
	equivalents: {hadolint: 'DL3026'},
	message: (image: string, registry: string, list: readonly string[]) =>
		`${image} comes from ${registry}, which is not a trusted registry (${list.join(', ')}); use a mirrored image from one of them.`,
	check({file, options}): RuleFinding[] {
		const list = options.trustedRegistries ?? [];
		if (list.length === 0) return [];
		const out = [];
		for (const s of file.stages) {
			const b = s.base;
			if (b.stageIndex !== undefined || b.scratch || b.unresolved.length > 0 || b.expanded === '') continue;
			if (!allowed(b, list)) out.push({line: s.from.line, message: rule.message(b.expanded, norm(b.registry), list)});
		}
		for (const ins of file.byKeyword('COPY')) {
			const from = ins.flag('from')?.value;
			if (!from || /\$/.test(from) || /^\d+$/.test(from) || file.findStage(from)) continue;
			const ref = parseRef(from);
			if (!allowed(ref, list)) out.push({line: ins.line, message: rule.message(from, norm(ref.registry), list)});
		}
		return out;
	},
});
export default rule;
