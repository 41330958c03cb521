/**
 * Contract for every shipped Dockerfile template: parsed with a real Dockerfile parser
 * (dockerfile-ast), then checked for the properties the product promises.
 * Nothing can be pulled here, so the templates are not built for real; what can run for
 * real does: the HEALTHCHECK probes (see healthcheck-probes.test.ts).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {DockerfileParser, type Dockerfile, type Instruction} from 'dockerfile-ast';
import {describe, expect, it} from 'vitest';
import {parseTemplateIndex, type TemplateVariant} from '../../source/core/templates.js';
import {ROOT} from '../support/cli.js';

const DIR = path.join(ROOT, 'assets', 'dockerfiles');
const variants = parseTemplateIndex(JSON.parse(readFileSync(path.join(DIR, 'index.json'), 'utf8')));

/** Dependency manifests: copied alone, before the install, and fine to leave root-owned. */
const MANIFESTS = ['requirements.txt', 'package.json', 'package-lock.json'];
/** Users that official base images create themselves (name → UID). */
const BASE_USERS: Record<string, Record<string, number>> = {node: {node: 1000}};
/** Health-probe commands that exist in each base family without installing anything. */
const PROBE_TOOLS: Record<TemplateVariant['family'], readonly string[]> = {alpine: ['wget', 'python', 'node'], debian: ['python', 'node']};

interface Stage {
	readonly image: string;
	readonly name: string | null;
	readonly instructions: Instruction[];
}

function resolveArgs(text: string, args: Record<string, string>): string {
	return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, name: string) => args[name] ?? m);
}

function load(variant: TemplateVariant) {
	const text = readFileSync(path.join(DIR, variant.file), 'utf8');
	const df: Dockerfile = DockerfileParser.parse(text);
	const globalArgs: Record<string, string> = {};
	for (const arg of df.getInitialARGs()) {
		const p = arg.getProperty();
		if (p?.getName() && p.getValue() !== null) globalArgs[p.getName()] = p.getValue()!;
	}
	const stages: Stage[] = [];
	for (const ins of df.getInstructions()) {
		const kw = ins.getKeyword();
		if (kw === 'FROM') {
			const from = df.getFROMs().find((f) => f.getRange().start.line === ins.getRange().start.line)!;
			stages.push({image: resolveArgs(from.getImage() ?? '', globalArgs), name: from.getBuildStage(), instructions: []});
		} else if (stages.length > 0) stages.at(-1)!.instructions.push(ins);
	}
	return {text, df, stages, final: stages.at(-1)!, lines: text.split('\n')};
}

const argText = (ins: Instruction) => ins.getArgumentsContent() ?? '';
const flagsOf = (ins: Instruction) => ((ins as unknown as {getFlags?: () => Array<{getName(): string; getValue(): string | null}>}).getFlags?.() ?? []);
const isJsonForm = (ins: Instruction) => /^\s*\[/.test(argText(ins));

describe('template index (assets/dockerfiles/index.json)', () => {
	it('lists at least the promised variants, each with a file', () => {
		expect(variants.map((v) => v.id)).toEqual(expect.arrayContaining(['alpine', 'slim', 'gunicorn', 'basic', 'node']));
		for (const v of variants) expect(() => readFileSync(path.join(DIR, v.file))).not.toThrow();
	});

	it('rejects a malformed index (the parser checks what it promises)', () => {
		expect(() => parseTemplateIndex({variants: [{id: 'x'}]})).toThrow(/file/);
		expect(() => parseTemplateIndex({variants: []})).toThrow(/non-empty/);
	});
});

describe.each(variants.map((v) => [v.id, v] as const))('template %s', (_id, variant) => {
	const {text, df, stages, final, lines} = load(variant);
	const finalRuns = final.instructions.filter((i) => i.getKeyword() === 'RUN').map(argText).join('\n');

	it('parses into stages with a real Dockerfile parser', () => {
		expect(df.getInstructions().length).toBeGreaterThan(5);
		expect(stages.length).toBeGreaterThanOrEqual(1);
	});

	it('pins every base image to an exact version, never latest', () => {
		for (const stage of stages) {
			expect(stage.image).not.toMatch(/\$/); // every ARG resolved from its default
			const [, tag] = stage.image.split(':');
			expect(tag, stage.image).toBeDefined();
			expect(tag).not.toMatch(/latest/);
			expect(tag, `${stage.image} needs major.minor.patch`).toMatch(/^\d+\.\d+\.\d+-/);
		}
		expect(final.image).toBe(variant.base);
		expect(variant.family === 'alpine').toBe(/alpine\d/.test(final.image));
	});

	it(variant.production ? 'is multi-stage: the final stage copies only results from a build stage' : 'is single-stage (development)', () => {
		if (!variant.production) {
			expect(stages).toHaveLength(1);
			return;
		}
		expect(stages.length).toBeGreaterThanOrEqual(2);
		expect(final.instructions.some((i) => i.getKeyword() === 'COPY' && flagsOf(i).some((f) => f.getName() === 'from'))).toBe(true);
		// every stage of a multi-stage build starts from the same base: copied virtualenvs and
		// node_modules reference that interpreter
		expect(new Set(stages.map((s) => s.image)).size).toBe(1);
	});

	it('runs the final stage as a non-root user backed by a numeric UID created correctly for its base', () => {
		const users = final.instructions.filter((i) => i.getKeyword() === 'USER');
		expect(users.length).toBeGreaterThan(0);
		const user = argText(users.at(-1)!).trim();
		const [name, group] = user.split(':');
		expect(name).toMatch(/^\d+$/); // numeric: verifiable by runAsNonRoot
		const uid = Number(name);
		expect(uid).not.toBe(0);
		if (group !== undefined) expect(Number(group)).not.toBe(0);
		const baseUsers = BASE_USERS[final.image.split(':')[0]!] ?? {};
		const fromBase = Object.values(baseUsers).includes(uid);
		if (fromBase) {
			expect(finalRuns).not.toMatch(/\b(adduser|useradd)\b/); // would collide with the base's UID
			return;
		}
		if (variant.family === 'alpine') {
			expect(finalRuns).toMatch(new RegExp(`addgroup\\b[^\\n]*-g ${uid}\\b`));
			expect(finalRuns).toMatch(new RegExp(`adduser\\b[^\\n]*-u ${uid}\\b`));
			expect(finalRuns).not.toMatch(/\b(useradd|groupadd)\b/);
		} else {
			expect(finalRuns).toMatch(new RegExp(`groupadd\\b[^\\n]*--gid ${uid}\\b`));
			expect(finalRuns).toMatch(new RegExp(`useradd\\b[^\\n]*--uid ${uid}\\b`));
			expect(finalRuns).not.toMatch(/\b(adduser|addgroup) -/); // BusyBox syntax does not exist on Debian
		}
		// the user is created before USER switches to it
		const createdAt = final.instructions.find((i) => i.getKeyword() === 'RUN' && /useradd|adduser/.test(argText(i)))!.getRange().start.line;
		expect(createdAt).toBeLessThan(users.at(-1)!.getRange().start.line);
	});

	it('copies application files with --chown to that user', () => {
		// Application copies: from the build context, or the built app directory from a build stage.
		// Dependency trees (/opt/venv) stay root-owned on purpose: the app must not rewrite its libraries.
		const sourceCopies = final.instructions.filter((i) => {
			if (i.getKeyword() !== 'COPY') return false;
			const from = flagsOf(i).find((f) => f.getName() === 'from');
			const sources = argText(i).trim().split(/\s+/).slice(0, -1);
			const manifestsOnly = sources.every((src) => MANIFESTS.includes(src));
			return (!from && !manifestsOnly) || (from !== undefined && /^\/app\b/.test(argText(i)));
		});
		expect(sourceCopies.length).toBeGreaterThan(0);
		for (const copy of sourceCopies) {
			const chown = flagsOf(copy).find((f) => f.getName() === 'chown');
			expect(chown, `line ${copy.getRange().start.line + 1}: ${argText(copy)}`).toBeDefined();
			expect(chown!.getValue()).toMatch(/^(app|node|1000)(:(app|node|1000))?$/);
		}
	});

	it('has a HEALTHCHECK whose probe exists in the base image (no curl in slim/alpine)', () => {
		const hcs = final.instructions.filter((i) => i.getKeyword() === 'HEALTHCHECK');
		expect(hcs).toHaveLength(1);
		const hc = hcs[0]!.getTextContent().replace(/\\\n\s*/g, '').replace(/^HEALTHCHECK\s+/, '');
		const cmd = hc.replace(/^(--[a-z-]+=\S+\s+)*/, '');
		expect(cmd).toMatch(/^CMD\s/);
		const probe = cmd.replace(/^CMD\s+/, '');
		const tool = probe.startsWith('[') ? (JSON.parse(probe) as string[])[0]! : probe.split(/\s+/)[0]!;
		expect(PROBE_TOOLS[variant.family]).toContain(tool);
		if (tool === 'python') expect(final.image).toMatch(/^python:/);
		if (tool === 'node') expect(final.image).toMatch(/^node:/);
		expect(hc).not.toMatch(/\bcurl\b/);
		for (const opt of ['interval', 'timeout', 'start-period', 'retries']) expect(hc).toContain(`--${opt}=`);
		// a probe that reads $PORT must find PORT set in the final stage
		for (const v of hc.matchAll(/\$\{?([A-Z_]+)\}?|environ\.get\('([A-Z_]+)'/g)) {
			const name = v[1] ?? v[2]!;
			expect(final.instructions.some((i) => i.getKeyword() === 'ENV' && new RegExp(`\\b${name}=`).test(argText(i))), `${name} set by ENV`).toBe(true);
		}
	});

	it('uses exec form for CMD and ENTRYPOINT', () => {
		const cmds = final.instructions.filter((i) => i.getKeyword() === 'CMD');
		expect(cmds).toHaveLength(1);
		for (const i of final.instructions.filter((x) => x.getKeyword() === 'CMD' || x.getKeyword() === 'ENTRYPOINT')) {
			expect(isJsonForm(i), argText(i)).toBe(true);
			expect(() => JSON.parse(argText(i))).not.toThrow();
		}
	});

	it('installs dependencies from the manifest before copying the source (cache hits)', () => {
		const all = stages.flatMap((s) => s.instructions);
		const install = all.find((i) => i.getKeyword() === 'RUN' && /pip install|npm ci/.test(argText(i)))!;
		expect(install).toBeDefined();
		const manifest = all.find((i) => i.getKeyword() === 'COPY' && /requirements\.txt|package\.json/.test(argText(i)))!;
		const source = all.find((i) => i.getKeyword() === 'COPY' && /(^|\s)\.\s+\.\s*$/.test(argText(i)))!;
		expect(manifest.getRange().start.line).toBeLessThan(install.getRange().start.line);
		expect(install.getRange().start.line).toBeLessThan(source.getRange().start.line);
	});

	it('leaves no build tools or package caches in the final stage', () => {
		if (variant.production) expect(finalRuns).not.toMatch(/build-base|build-essential|\bgcc\b|-dev\b|pip install|npm (ci|install)/);
		for (const stage of stages) {
			for (const run of stage.instructions.filter((i) => i.getKeyword() === 'RUN').map(argText)) {
				if (/apt-get install/.test(run)) {
					expect(run).toMatch(/--no-install-recommends/);
					expect(run).toMatch(/rm -rf \/var\/lib\/apt\/lists\/\*/);
				}
				if (/apk add/.test(run)) expect(run).toMatch(/--no-cache/);
				if (/pip install/.test(run)) expect(run).toMatch(/--no-cache-dir/);
				expect(run).not.toMatch(/(^|&&|;)\s*cd\s/); // WORKDIR, not cd
				if (/[^|]\|[^|]/.test(run)) expect(run).toMatch(/set -o pipefail/);
			}
		}
	});

	it('keeps configuration in ENV/ARG with defaults and no secrets; absolute WORKDIR', () => {
		for (const stage of stages) {
			for (const i of stage.instructions) {
				if (i.getKeyword() === 'ENV' || i.getKeyword() === 'ARG') expect(argText(i)).not.toMatch(/PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIAL/i);
				if (i.getKeyword() === 'WORKDIR') expect(argText(i)).toMatch(/^\//);
			}
		}
		for (const arg of df.getARGs()) expect(arg.getProperty()?.getValue(), `ARG ${arg.getProperty()?.getName()} needs a default`).toBeTruthy();
	});

	it('exposes the port the metadata advertises', () => {
		const expose = final.instructions.find((i) => i.getKeyword() === 'EXPOSE');
		expect(argText(expose!).trim()).toBe(String(variant.port));
		expect(variant.runFlags).toContain(`${variant.port}:${variant.port}`);
	});

	it('explains itself: a comment above every instruction block and a header naming the files it expects', () => {
		const comments = lines.filter((l) => /^\s*#/.test(l)).length;
		expect(comments).toBeGreaterThanOrEqual(df.getInstructions().length);
		for (const e of variant.expects) expect(text.split('\n').slice(0, 15).join('\n')).toContain(e.path.split('/')[0]!);
		// every instruction in the final stage is preceded by a comment line (or continues a commented block of related lines)
		for (const i of final.instructions) {
			const line = i.getRange().start.line;
			const above = lines[line - 1] ?? '';
			const previousIsInstruction = /^[A-Z]+\s/.test(above) || /^\s+/.test(above);
			expect(/^\s*#/.test(above) || previousIsInstruction, `line ${line + 1} (${i.getKeyword()}) has no explanation above it`).toBe(true);
		}
	});
});
