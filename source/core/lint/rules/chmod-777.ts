import {defineRule, type RuleFinding} from '../types.js';
import {commandsOf, runCommands} from '../rule-helpers.js';

/** World-writable without the sticky bit (1777, like /tmp, is fine). */
export function worldWritable(mode: string): boolean {
	if (/^0?[0-7]{3,4}$/.test(mode)) {
		const digits = mode.replace(/^0(?=\d{4}$)/, '').padStart(4, '0');
		const sticky = (Number(digits[0]) & 1) === 1;
		return (Number(digits[3]) & 2) === 2 && !sticky;
	}
	// Symbolic: o+w, a+rwx, +w is umask-filtered (not reported), o=rwx.
	return mode.split(',').some((part) => /^[ugoa]*[ao][ugoa]*[+=][rwxXst]*w/.test(part) && !/t/.test(part));
}

const rule = defineRule({
	id: 'DH5012',
	slug: 'chmod-777',
	severity: 'warning',
	description: 'Files or directories are made world-writable (chmod 777, o+w)',
	equivalents: {},
	message: (mode: string) =>
		`chmod ${mode} makes files world-writable: any process in the container (or with access to a mounted volume) can change them; grant ownership to the runtime user instead (chown / COPY --chown) and use 755/644 (or 775 with a shared group).`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {instruction, command: c} of runCommands(file)) {
			if (c.name !== 'chmod') continue;
			const mode = c.args.find((a) => !a.value.startsWith('-') || /^-[rwxXst]+$/.test(a.value));
			if (!mode || !worldWritable(mode.value)) continue;
			// A scratch directory removed again in the same RUN (mktemp -d; chmod 777; ...; rm -rf) never ships.
			const targets = c.args.filter((a) => a !== mode && !a.value.startsWith('-')).map((a) => a.raw);
			const removed = commandsOf(instruction).some(
				(o) => o.name === 'rm' && o.line >= c.line && targets.length > 0 && targets.every((t) => o.args.some((a) => a.raw === t)),
			);
			if (!removed) out.push({line: c.line, column: c.column, message: rule.message(mode.value)});
		}
		for (const ins of [...file.byKeyword('COPY'), ...file.byKeyword('ADD')]) {
			const mode = ins.flag('chmod')?.value;
			if (mode && worldWritable(mode)) out.push({line: ins.line, message: rule.message(mode)});
		}
		return out.sort((a, b) => a.line - b.line);
	},
});
export default rule;
