/**
 * The layer rules in eslint.config.js catch what they must: each case lints a small text as if it
 * were a file at that path, through the project's own config. If a rule is dropped or its pattern
 * rots, the case that it should catch stops failing here.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {ESLint} from 'eslint';
import {describe, expect, test} from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({cwd: ROOT});

async function ruleIds(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, {filePath: path.join(ROOT, file)});
	return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const LAYER_RULES = ['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals'];
const layerErrors = async (file: string, code: string) => (await ruleIds(file, code)).filter((id) => LAYER_RULES.includes(id) || id.startsWith('fatal'));

describe('the layers are enforced by ESLint', () => {
	const caught: Array<[string, string, string]> = [
		['core/ reads no files', 'source/core/x.ts', "import {readFileSync} from 'node:fs';\nexport const f = readFileSync;\n"],
		['core/ reads no files (bare specifier)', 'source/core/lint/x.ts', "import fs from 'fs';\nexport const f = fs;\n"],
		['core/ touches no process', 'source/core/x.ts', 'export const cols = process.stdout.columns;\n'],
		['core/ imports no adapter', 'source/core/diagnose/x.ts', "import {connect} from '../../adapters/docker.js';\nexport const c = connect;\n"],
		['core/ imports no command', 'source/core/x.ts', "import type {Context} from '../commands/types.js';\nexport type C = Context;\n"],
		['core/ imports no chalk', 'source/core/x.ts', "import chalk from 'chalk';\nexport const c = chalk;\n"],
		['core/ imports no React, even lazily', 'source/core/x.ts', "export const r = () => import('react');\n"],
		['core/ imports no dockerode', 'source/core/engine/x.ts', "import type Docker from 'dockerode';\nexport type D = Docker;\n"],
		['core/ imports no systeminformation', 'source/core/setup/x.ts', "import si from 'systeminformation';\nexport const s = si;\n"],
		['commands/ never imports ui/', 'source/commands/x.ts', "import {viewLoader} from '../ui/views/registry.js';\nexport const v = viewLoader;\n"],
		['commands/ never imports ui/ lazily', 'source/commands/x.ts', "export const app = () => import('../ui/run-app.js');\n"],
		['commands/ never imports Ink', 'source/commands/x.ts', "import {render} from 'ink';\nexport const r = render;\n"],
		['only adapters/docker.ts imports dockerode', 'source/adapters/files.ts', "import Docker from 'dockerode';\nexport const d = Docker;\n"],
		['only adapters/docker.ts imports dockerode (commands)', 'source/commands/x.ts', "import Docker from 'dockerode';\nexport const d = Docker;\n"],
		['only adapters/host.ts imports systeminformation', 'source/adapters/docker.ts', "import si from 'systeminformation';\nexport const s = si;\n"],
		['only adapters/host.ts imports systeminformation (main)', 'source/main.ts', "export const s = () => import('systeminformation');\n"],
		['output/ does no I/O', 'source/output/x.ts', "import {writeFileSync} from 'node:fs';\nexport const w = writeFileSync;\n"],
		['output/ touches no process', 'source/output/x.ts', 'export const w = process.stdout.columns;\n'],
		['output/ imports no adapter', 'source/output/x.ts', "import {connect} from '../adapters/docker.js';\nexport const c = connect;\n"],
		['output/ takes no value from commands/', 'source/output/x.ts', "import {flagBool} from '../commands/types.js';\nexport const f = flagBool;\n"],
		['views import no adapter', 'source/ui/views/XView.tsx', "import {connect} from '../../adapters/docker.js';\nexport const c = connect;\n"],
		['views import no command', 'source/ui/views/XView.tsx', "import {commands} from '../../commands/index.js';\nexport const c = commands;\n"],
	];
	test.each(caught)('%s', async (_name, file, code) => {
		expect(await layerErrors(file, code)).not.toEqual([]);
	});

	const allowed: Array<[string, string, string]> = [
		['core/ imports core/', 'source/core/diagnose/x.ts', "import {redactText} from '../redact.js';\nexport const r = redactText;\n"],
		['adapters/docker.ts imports dockerode', 'source/adapters/docker.ts', "import Docker from 'dockerode';\nexport const d = Docker;\n"],
		['adapters/host.ts imports systeminformation', 'source/adapters/host.ts', "import si from 'systeminformation';\nexport const s = si;\n"],
		[
			'commands/ import adapters/ and output/',
			'source/commands/x.ts',
			"import {safeWrite} from '../adapters/files.js';\nimport {makeTheme} from '../output/theme.js';\nexport const a = [safeWrite, makeTheme];\n",
		],
		['output/ names the descriptor it renders', 'source/output/x.ts', "import type {FlagSpec} from '../commands/types.js';\nexport type F = FlagSpec;\n"],
		['main.ts loads the app lazily', 'source/main.ts', "export const app = () => import('./ui/run-app.js');\n"],
	];
	test.each(allowed)('%s (allowed)', async (_name, file, code) => {
		expect(await layerErrors(file, code)).toEqual([]);
	});

	test('hooks after an early return are caught (react-hooks)', async () => {
		const code = [
			"import {useState} from 'react';",
			'export default function V({on}: {readonly on: boolean}) {',
			'\tif (!on) return null;',
			'\tconst [n] = useState(0);',
			'\treturn n;',
			'}',
			'',
		].join('\n');
		expect(await ruleIds('source/ui/views/XView.tsx', code)).toContain('react-hooks/rules-of-hooks');
	});
});

describe('the checks run before the tests', () => {
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {scripts: Record<string, string>};
	test('npm test runs the typecheck, ESLint and the formatter check first (pretest)', () => {
		const pretest = pkg.scripts['pretest'] ?? '';
		for (const script of ['build', 'typecheck', 'lint', 'format:check']) expect(pretest).toContain(`npm run ${script}`);
		expect(pkg.scripts['lint']).toMatch(/^eslint\b/);
		expect(pkg.scripts['typecheck']).toMatch(/^tsc --noEmit\b/);
	});
});
