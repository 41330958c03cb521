import type {Command, FlagSpec} from '../commands/types.js';
import type {Theme} from './theme.js';
import {GLOBAL_FLAGS} from './global-flags.js';

const GROUP_TITLES: Record<Command['group'], string> = {
	setup: 'Check and configure your setup',
	knowledge: 'Learn',
	templates: 'Start from a hardened template',
	troubleshoot: 'Troubleshoot containers',
	build: 'Build better images',
};

export function mainHelp(commands: readonly Command[], theme: Theme, version: string): string {
	const lines: string[] = [];
	lines.push(`${theme.bold('docker-helper')} ${theme.dim(version)} — a Docker expert assistant for the terminal`);
	lines.push('');
	lines.push(`${theme.heading('Usage')}`);
	lines.push('  docker-helper                     open the interactive menu (in a terminal)');
	lines.push('  docker-helper <command> [options]');
	lines.push('  docker-helper help <command>      help for one command');
	const width = Math.max(...commands.map((c) => c.name.length)) + 2;
	for (const group of Object.keys(GROUP_TITLES) as Array<Command['group']>) {
		const inGroup = commands.filter((c) => c.group === group);
		if (inGroup.length === 0) continue;
		lines.push('');
		lines.push(theme.heading(GROUP_TITLES[group]));
		for (const c of inGroup) lines.push(`  ${theme.accent(c.name.padEnd(width))}${c.summary}`);
	}
	lines.push('');
	lines.push(theme.heading('Global options'));
	lines.push(...flagLines(GLOBAL_FLAGS, theme));
	lines.push('');
	lines.push(theme.heading('Exit codes'));
	lines.push('  0 success · 1 the command found a failure · 2 usage error · 3 Docker Engine unreachable');
	lines.push('');
	lines.push(`Engine: --host, then --context, then DOCKER_HOST, DOCKER_CONTEXT, the current context, the default socket.`);
	return lines.join('\n');
}

export function commandHelp(command: Command, theme: Theme): string {
	const lines: string[] = [];
	lines.push(`${theme.bold(`docker-helper ${command.name}`)} — ${command.summary}`);
	lines.push('');
	lines.push(theme.heading('Usage'));
	lines.push(`  ${command.usage}`);
	if (command.description) {
		lines.push('');
		lines.push(...command.description.split('\n').map((l) => (l ? `  ${l}` : '')));
	}
	if (command.args.length > 0) {
		lines.push('');
		lines.push(theme.heading('Arguments'));
		const w = Math.max(...command.args.map((a) => a.name.length)) + 4;
		for (const a of command.args) lines.push(`  ${theme.accent(`<${a.name}>`.padEnd(w))}${a.description}${a.required ? '' : theme.dim(' (optional)')}`);
	}
	if (Object.keys(command.flags).length > 0) {
		lines.push('');
		lines.push(theme.heading('Options'));
		lines.push(...flagLines(command.flags, theme));
	}
	lines.push('');
	lines.push(theme.heading('Global options'));
	lines.push(...flagLines(GLOBAL_FLAGS, theme));
	if (command.examples.length > 0) {
		lines.push('');
		lines.push(theme.heading('Examples'));
		for (const e of command.examples) lines.push(`  ${theme.code(e)}`);
	}
	return lines.join('\n');
}

function kebab(name: string): string {
	return name.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
}

function flagLines(flags: Readonly<Record<string, FlagSpec>>, theme: Theme): string[] {
	const rows = Object.entries(flags).map(([name, spec]) => {
		const short = spec.shortFlag ? `-${spec.shortFlag}, ` : '    ';
		const value = spec.type === 'boolean' ? '' : ` <${spec.placeholder ?? (spec.type === 'number' ? 'n' : 'value')}>`;
		const display = name === 'color' || (spec.type === 'boolean' && spec.default === true) ? `--no-${kebab(name)}` : `--${kebab(name)}${value}`;
		let text = spec.description;
		if (spec.choices) text += theme.dim(` (${spec.choices.join(' | ')})`);
		if (spec.default !== undefined && spec.type !== 'boolean') text += theme.dim(` [default: ${spec.default}]`);
		return {left: `${short}${display}`, text};
	});
	const w = Math.max(0, ...rows.map((r) => r.left.length)) + 2;
	return rows.map((r) => `  ${theme.accent(r.left.padEnd(w))}${r.text}`);
}
