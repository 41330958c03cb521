/** recommend as text: the numbers with their reasons, then how to apply them. */
import type {Finding, Num, RecommendResult} from '../core/setup/recommend.js';
import {formatBytes} from '../core/units.js';
import type {Theme} from './theme.js';
import {wrap} from './wrap.js';

/** Prose wrapped to 100 columns so it reads in an 80–120 column terminal and in the app's pane; commands are never wrapped. */
const WIDTH = 100;

export function findingLine(f: Finding, theme: Theme): string[] {
	const glyph = f.severity === 'fail' ? theme.glyph.fail : f.severity === 'warn' ? theme.glyph.warn : theme.glyph.info;
	const [first, ...rest] = wrap(f.message, WIDTH - 8);
	return [`${glyph} ${first}`, ...rest.map((l) => `  ${l}`), `  ${theme.accent('→')} ${f.hint}`];
}

function row(label: string, n: Num, theme: Theme): string {
	const indent = ' '.repeat(2 + 20 + 1 + 10 + 1);
	const [first, ...rest] = wrap(n.reason, WIDTH - indent.length);
	return [`  ${label.padEnd(20)} ${theme.bold(n.display.padEnd(10))} ${theme.dim(first!)}`, ...rest.map((l) => `${indent}${theme.dim(l)}`)].join('\n');
}

export function recommendText(r: RecommendResult, theme: Theme): string {
	const lines: string[] = [];
	const m = r.measured;
	lines.push(theme.heading(`Resources for ${r.title} (--workload ${r.workload})`));
	lines.push(`on ${r.machine.description}`);
	const measured = [`host ${formatBytes(m.host.memory)}, ${m.host.cpus} CPUs, swap ${m.host.swap ? formatBytes(m.host.swap) : 'none'}`];
	if (m.engine) measured.push(`engine Docker ${m.engine.version}: ${formatBytes(m.engine.memory)}, ${m.engine.cpus} CPUs`);
	if (r.machine.diskFree !== null) measured.push(`${formatBytes(r.machine.diskFree)} free on ${r.machine.diskWhere}`);
	lines.push(theme.dim(`measured: ${measured.join('; ')}`));
	if (r.endpoint) lines.push(theme.dim(`engine: ${r.endpoint.host} — ${r.endpoint.why}`));
	lines.push('');

	if (!r.feasible || !r.settings || !r.apply) {
		lines.push(theme.error(`This machine cannot run ${r.title}: nothing is recommended.`));
		for (const f of r.findings) lines.push(...findingLine(f, theme));
		return lines.join('\n');
	}
	const s = r.settings;
	const scope =
		r.machine.kind === 'desktop' || r.machine.kind === 'vm'
			? "the VM's size"
			: r.machine.kind === 'linux'
				? 'no VM on Linux: memory is a budget for all containers together'
				: r.machine.kind === 'remote'
					? 'on the remote engine'
					: '';
	lines.push(theme.bold('Docker as a whole') + (scope ? theme.dim(` (${scope})`) : ''));
	lines.push(row('memory', s.dockerMemory, theme));
	lines.push(row('CPUs', s.dockerCpus, theme));
	lines.push(row('swap', s.swap, theme));
	lines.push(row('free disk', s.diskFree, theme));
	lines.push('');
	lines.push(theme.bold('The main container'));
	lines.push(row('memory limit', s.containerMemory, theme));
	lines.push(row('memory reservation', s.containerMemoryReservation, theme));
	lines.push(row('memory + swap', s.containerMemorySwap, theme));
	lines.push(row('CPUs limit', s.containerCpus, theme));
	lines.push(row('CPUs reservation', s.containerCpusReservation, theme));
	lines.push(row('pids limit', s.pids, theme));
	lines.push(
		s.shm
			? row('shm_size', s.shm, theme)
			: `  ${'shm_size'.padEnd(20)} ${theme.bold('64 MiB'.padEnd(10))} ${theme.dim("Docker's default is enough for this workload")}`,
	);
	lines.push(row('GPU', {value: s.gpu.value ? 1 : 0, display: s.gpu.value ? 'all' : 'none', reason: s.gpu.reason}, theme));
	if (r.findings.length > 0) {
		lines.push('');
		lines.push(theme.bold('Findings'));
		for (const f of r.findings) lines.push(...findingLine(f, theme).map((l) => `  ${l}`));
	}
	lines.push('');
	lines.push(theme.heading('How to apply'));
	if (r.apply.desktop) {
		lines.push(
			theme.bold('Docker Desktop → Settings → Resources → Advanced') +
				theme.dim(m.host.wsl || m.host.platform === 'win32' ? ' (with the WSL 2 backend these limits live in .wslconfig: docker-helper configure)' : ''),
		);
		for (const l of r.apply.desktop) lines.push(`  ${l}`);
	} else if (r.apply.vm) {
		lines.push(theme.bold('The VM'));
		lines.push(`  ${theme.code(r.apply.vm)}`);
	} else if (r.machine.kind === 'linux') {
		lines.push(theme.dim('No VM limits apply on Linux: containers share the host, so limit each container (below).'));
	}
	lines.push(
		theme.bold('daemon.json') + theme.dim(' (engine-wide defaults; memory and CPU limits are per container) — docker-helper configure merges it with yours'),
	);
	for (const l of JSON.stringify(r.apply.daemonJson, null, 2).split('\n')) lines.push(`  ${theme.code(l)}`);
	lines.push(theme.bold('docker run'));
	lines.push(`  ${theme.code(r.apply.dockerRun)}`);
	lines.push(theme.bold('compose') + theme.dim(' (docker-helper generate-compose writes a whole file with these)'));
	for (const l of r.apply.compose.trimEnd().split('\n')) lines.push(`  ${theme.code(l)}`);
	return lines.join('\n');
}
