/** Plain-text rendering of `images` and `cleanup`: tables that fit the width, totals, the docker commands. */
import type {CleanupResult} from '../core/housekeeping/cleanup.js';
import type {ImageRow, ImagesResult} from '../core/housekeeping/images.js';
import {humanAge} from '../core/housekeeping/cleanup.js';
import {formatBytes} from '../core/units.js';
import type {Theme} from './theme.js';
import {wrap} from './wrap.js';

const dash = '—';

function cut(text: string, width: number): string {
	return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

function stateText(row: ImageRow, theme: Theme): string {
	return row.state === 'in-use' ? theme.ok('in use') : row.state === 'dangling' ? theme.warn('dangling') : theme.dim('unused');
}

/** One row per image; the TAGS and USED BY columns take what the width leaves. */
export function imagesText(result: ImagesResult, theme: Theme, width = 100, now = Date.now() / 1000): string {
	const lines: string[] = [];
	if (result.images.length === 0) lines.push('No local images.');
	else {
		const fixed = 12 + 2 + 8 + 2 + 9 + 2 + 9 + 2 + 8 + 2;
		const room = Math.max(20, width - fixed);
		const tagsWidth = Math.max(14, Math.ceil(room * 0.6));
		const usersWidth = Math.max(6, room - tagsWidth - 2);
		const header = [
			'IMAGE ID'.padEnd(12),
			'TAGS'.padEnd(tagsWidth),
			'CREATED'.padEnd(8),
			'SIZE'.padStart(9),
			'UNIQUE'.padStart(9),
			'STATE'.padEnd(8),
			'USED BY',
		].join('  ');
		lines.push(theme.bold(header));
		for (const row of result.images) {
			const tags = row.tags.length > 0 ? row.tags.join(', ') : row.digests.length > 0 ? `<none> (${row.digests[0]!.split('@')[0]}@digest)` : '<none>';
			const users = row.containers.length > 0 ? row.containers.map((c) => `${c.name}${c.state === 'running' ? '' : ` (${c.state})`}`).join(', ') : dash;
			const state = stateText(row, theme);
			const statePad = ' '.repeat(Math.max(0, 8 - (row.state === 'in-use' ? 6 : row.state.length)));
			lines.push(
				[
					row.shortId.padEnd(12),
					cut(tags, tagsWidth).padEnd(tagsWidth),
					humanAge(now - row.created).padEnd(8),
					formatBytes(row.size).padStart(9),
					(row.uniqueSize === null ? '?' : formatBytes(row.uniqueSize)).padStart(9),
					state + statePad,
					cut(users, usersWidth),
				].join('  '),
			);
			for (const h of row.hygiene)
				lines.push(`${' '.repeat(14)}${theme.warn('!')} ${cut(h.message, Math.max(20, width - 19 - h.rule.length))} ${theme.dim(`[${h.rule}]`)}`);
		}
	}
	if (result.history) lines.push('', ...historyLines(result.history, theme, width, now));
	const t = result.totals;
	const c = result.counts;
	lines.push('');
	const para = (text: string, style: (t: string) => string = (x) => x) => lines.push(...wrap(text, width).map(style));
	para(`${result.images.length} images: ${c['in-use']} in use, ${c.unused} unused, ${c.dangling} dangling.`);
	para(`Total ${formatBytes(t.size)} on disk (layers counted once); reclaimable ${formatBytes(t.reclaimable)} (${t.reclaimablePercent}%).`);
	para(`Same figures as \`docker system df\` (Images: ${t.count} total, ${t.active} active, ${t.size} B, ${t.reclaimable} B reclaimable).`, theme.dim);
	if (result.trustedRegistries.length === 0) para('Registry allowlist not checked: no trustedRegistries in .docker-helper.yaml or .hadolint.yaml.', theme.dim);
	if (c.dangling + c.unused > 0) lines.push(`${theme.dim('Free space:')} docker-helper cleanup${c.unused > 0 ? ' --older-than 30d' : ''}`);
	return lines.join('\n');
}

export function cleanupText(result: CleanupResult, theme: Theme, width = 100): string {
	const {plan, outcome} = result;
	const lines: string[] = [];
	lines.push(theme.heading(outcome ? 'Cleanup' : 'Cleanup plan (nothing removed yet)'));
	let n = 0;
	for (const s of plan.steps) {
		if (s.skipped) {
			lines.push(`${theme.dim('-')} ${s.title}: ${theme.dim(s.skipped)}`);
			continue;
		}
		n++;
		const done = outcome?.steps.find((o) => o.kind === s.kind);
		const freed = done ? `freed ${formatBytes(done.freed)}` : `frees ${s.kind.endsWith('images') ? 'at least ' : ''}${formatBytes(s.frees)}`;
		lines.push(`${theme.bold(`${n}. ${s.title}`)}: ${s.items.length} · ${freed}`);
		for (const item of s.items.slice(0, 15)) {
			const size = item.size === null ? '' : formatBytes(item.size);
			const mark = done ? (done.removed.includes(item.id) ? theme.ok('removed') : theme.error('kept')) : '';
			lines.push(
				`   ${cut(item.name, Math.max(16, Math.floor(width * 0.4))).padEnd(Math.min(40, Math.floor(width * 0.4)))} ${size.padStart(9)}  ${theme.dim(cut(item.detail, Math.max(10, width - 56)))} ${mark}`.trimEnd(),
			);
		}
		if (s.items.length > 15) lines.push(theme.dim(`   … ${s.items.length - 15} more (all of them in --json)`));
		for (const f of done?.failed ?? []) lines.push(`   ${theme.error('✖')} ${f.name}: ${f.message}`);
		lines.push(`   ${theme.dim('$')} ${theme.code(s.command)}`);
	}
	if (plan.keptInUse.count > 0) lines.push(theme.dim(`Kept: ${plan.keptInUse.count} image(s) used by containers (running or stopped), never removed.`));
	lines.push('');
	if (outcome) {
		const failed = outcome.steps.reduce((k, s) => k + s.failed.length, 0);
		lines.push(
			`${theme.ok('Done')}: removed ${outcome.steps.reduce((k, s) => k + s.removed.length, 0)} of ${plan.itemCount}, freed ${formatBytes(outcome.freed)} (image layers on disk: ${formatBytes(outcome.layersBefore)} → ${formatBytes(outcome.layersAfter)}).${failed > 0 ? ` ${theme.error(`${failed} could not be removed.`)}` : ''}`,
		);
	} else if (plan.itemCount === 0) lines.push('Nothing to clean up.');
	else {
		lines.push(`${plan.itemCount} item(s), frees at least ${formatBytes(plan.total)}.`);
		lines.push(result.confirmed ? '' : `Nothing was removed. To remove exactly these: ${theme.code(`docker-helper cleanup${flagsOf(plan.options)} --yes`)}`);
	}
	return lines.join('\n').trimEnd();
}

function flagsOf(o: CleanupResult['plan']['options']): string {
	return [
		o.olderThanSeconds !== null ? ` --older-than ${o.olderThanSeconds}s` : '',
		o.volumes ? ' --volumes' : '',
		o.buildCache ? '' : ' --no-build-cache',
		...o.labels.map((l) => ` --label ${l}`),
	].join('');
}

/** docker history's table: newest layer first, the instruction cut to the width. */
export function historyLines(history: NonNullable<ImagesResult['history']>, theme: Theme, width = 100, now = Date.now() / 1000): string[] {
	const lines = [
		theme.heading(`History of ${history.image}: ${history.layers.length} layers`),
		theme.bold(`${'LAYER'.padEnd(12)}  ${'CREATED'.padEnd(9)}  ${'SIZE'.padStart(9)}  CREATED BY`),
	];
	for (const l of history.layers) {
		const by = l.createdBy
			.replace(/^\/bin\/sh -c #\(nop\)\s*/, '')
			.replace(/^\/bin\/sh -c /, 'RUN ')
			.replace(/\s+/g, ' ');
		const id = l.id === '<missing>' ? '<missing>' : l.id.replace(/^sha256:/, '').slice(0, 12);
		lines.push(`${id.padEnd(12)}  ${humanAge(now - l.created).padEnd(9)}  ${formatBytes(l.size).padStart(9)}  ${cut(by, Math.max(10, width - 38))}`);
	}
	return lines;
}
