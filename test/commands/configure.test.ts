import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';
import {describeEngine, docker} from '../support/engine.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dh-configure-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('configure (built binary)', () => {
	it('--help shows usage, flags and examples', () => {
		const r = runCli(['configure', '--help']);
		expect(r.code).toBe(0);
		for (const s of ['--write', '--force', '--platform', '--file', 'Examples']) expect(r.stdout).toContain(s);
	});

	it('usage errors exit 2: unknown platform (with suggestion), --force or --file without --write', () => {
		const p = runCli(['configure', '--platform', 'macso']);
		expect(p.code).toBe(2);
		expect(p.stderr).toContain('Did you mean macos?');
		expect(runCli(['configure', '--force']).code).toBe(2);
		expect(runCli(['configure', '--file', '.wslconfig']).code).toBe(2);
		expect(runCli(['configure', '--workload', 'gpu']).code).toBe(2);
	});

	it("--platform windows shows a .wslconfig with recommend's numbers and writes it with --write", () => {
		const rec = runJson(['recommend', '--workload', 'web']).doc.result;
		const {code, doc} = runJson(['configure', '--platform', 'windows', '--workload', 'web']);
		expect(code).toBe(0);
		const wsl = doc.result.files.find((f: {id: string}) => f.id === '.wslconfig');
		expect(wsl.content).toContain(`memory=${Math.round(rec.settings.dockerMemory.value / 1024 ** 3)}GB`);
		expect(wsl.content).toContain(`processors=${rec.settings.dockerCpus.value}`);
		const target = path.join(dir, '.wslconfig');
		writeFileSync(target, '[wsl2]\nmemory=2GB\nnestedVirtualization=false\n');
		const refused = runCli(['configure', '--platform', 'windows', '--workload', 'web', '--write', target]);
		expect(refused.code).toBe(1);
		expect(readFileSync(target, 'utf8')).toBe('[wsl2]\nmemory=2GB\nnestedVirtualization=false\n');
		const forced = runJson(['configure', '--platform', 'windows', '--workload', 'web', '--write', target, '--force']);
		expect(forced.code).toBe(0);
		const merged = readFileSync(target, 'utf8');
		expect(merged).toContain('nestedVirtualization=false'); // the user's key stays
		expect(merged).toContain(`memory=${Math.round(rec.settings.dockerMemory.value / 1024 ** 3)}GB`);
		expect(merged).not.toContain('memory=2GB');
		expect(readFileSync(`${target}.bak`, 'utf8')).toBe('[wsl2]\nmemory=2GB\nnestedVirtualization=false\n');
	});
});

describeEngine('configure against the real engine', () => {
	const info = JSON.parse(docker(['info', '--format', '{{json .}}'])) as {Driver: string; NCPU: number};

	it("--json: detects Linux, no VM limits, daemon.json from the engine's facts", () => {
		const {code, doc} = runJson(['configure', '--workload', 'web']);
		expect(code).toBe(0);
		expect(doc.result.platform).toBe('linux');
		expect(doc.result.sections[0].lines[0]).toContain('No VM limits apply');
		const daemon = JSON.parse(doc.result.files.find((f: {id: string}) => f.id === 'daemon.json').content);
		expect(daemon['log-opts']).toMatchObject({'max-size': expect.any(String)});
		expect(daemon['live-restore']).toBe(true);
		// The storage driver is pinned only when the engine already uses overlay2.
		expect(daemon['storage-driver']).toBe(info.Driver === 'overlay2' ? 'overlay2' : info.Driver === 'vfs' ? 'overlay2' : undefined);
		expect(doc.result.written).toBeNull();
	});

	it('shows, never writes, without --write; --write refuses an existing file, --force merges and keeps .bak', () => {
		const target = path.join(dir, 'daemon.json');
		const plain = runCli(['configure'], {cwd: dir});
		expect(plain.code).toBe(0);
		expect(plain.stdout).toContain('Nothing was written');
		expect(existsSync(target)).toBe(false);

		const first = runJson(['configure', '--write', target]);
		expect(first.code).toBe(0);
		expect(first.doc.result.written.path).toBe(target);
		const fresh = JSON.parse(readFileSync(target, 'utf8'));
		expect(fresh['log-opts']['max-size']).toBe('10m');

		const mine = '{"debug": true, "log-opts": {"max-size": "50m"}, "registry-mirrors": ["https://mirror.example"]}\n';
		writeFileSync(target, mine);
		const refused = runCli(['configure', '--write', target]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('already exists');
		expect(refused.stderr).toContain('--force');
		expect(readFileSync(target, 'utf8')).toBe(mine); // byte-identical

		const forced = runJson(['configure', '--write', target, '--force']);
		expect(forced.code).toBe(0);
		expect(readFileSync(`${target}.bak`, 'utf8')).toBe(mine);
		const merged = JSON.parse(readFileSync(target, 'utf8'));
		expect(merged.debug).toBe(true);
		expect(merged['registry-mirrors']).toEqual(['https://mirror.example']);
		expect(merged['log-opts']).toEqual({'max-size': '50m', 'max-file': '3'});
		const changes = forced.doc.result.files.find((f: {id: string}) => f.id === 'daemon.json').changes;
		expect(changes.find((c: {key: string}) => c.key === 'log-opts').action).toBe('extended');
	});

	it('an invalid daemon.json at the target is left untouched (exit 1)', () => {
		const target = path.join(dir, 'broken.json');
		writeFileSync(target, '{"debug": true,,}');
		const r = runCli(['configure', '--write', target, '--force']);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('not a valid JSON object');
		expect(readFileSync(target, 'utf8')).toBe('{"debug": true,,}');
	});

	// dockerd 20.10 has no --validate. It loads and type-checks the config file (unknown keys, JSON types,
	// sizes) before it parses --log-level, so a bogus level makes it stop right after a successful load,
	// without creating anything (pid file, data root and socket point into a temporary directory anyway).
	it.skipIf(process.getuid?.() !== 0)('the daemon.json it writes is loaded by a real dockerd; a broken one is not', () => {
		const target = path.join(dir, 'validate-me.json');
		expect(runCli(['configure', '--write', target]).code).toBe(0);
		const load = (file: string) => {
			const scratch = mkdtempSync(path.join(tmpdir(), 'dh-dockerd-'));
			try {
				const r = spawnSync(
					'dockerd',
					[
						'--config-file',
						file,
						'--log-level',
						'not-a-level',
						'--pidfile',
						path.join(scratch, 'pid'),
						'--data-root',
						path.join(scratch, 'data'),
						'--exec-root',
						path.join(scratch, 'exec'),
						'-H',
						`unix://${path.join(scratch, 's.sock')}`,
					],
					{encoding: 'utf8', timeout: 20_000},
				);
				return `${r.stdout}${r.stderr}`;
			} finally {
				rmSync(scratch, {recursive: true, force: true});
			}
		};
		expect(load(target)).toContain('unable to parse logging level: not-a-level');
		const broken = path.join(dir, 'broken-shm.json');
		writeFileSync(
			broken,
			readFileSync(target, 'utf8')
				.replace(/"default-shm-size": "[^"]*"/, '"default-shm-size": "lots"')
				.replace('"live-restore"', '"live-restor"'),
		);
		expect(load(broken)).toMatch(/unable to configure the Docker daemon with file .*(invalid size|don't match any configuration option)/);
	});
});

describeEngine('configure when the machine is below the workload minimum', () => {
	const ncpu = Number(docker(['info', '--format', '{{.NCPU}}']));
	it.skipIf(ncpu >= 4)('--write of a .wslconfig for ai-training on a 2-CPU host writes nothing and exits 1', () => {
		const target = path.join(dir, 'never.wslconfig');
		const r = runCli(['configure', '--platform', 'windows', '--workload', 'ai-training', '--write', target]);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('Nothing was written: see the findings.');
		expect(r.stdout).toContain('needs at least 4 CPUs');
		expect(existsSync(target)).toBe(false);
	});
});
