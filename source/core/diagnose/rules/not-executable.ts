import {field, lastMatch, logEvidence} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

export const notExecutable: Rule = {
	id: 'not-executable',
	description: 'The entrypoint or command exists but is not executable (exit 126, permission denied).',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['not-executable'], silent: ['command-not-found', 'crlf-entrypoint', 'volume-permission', 'app-port-privileged']},
	diagnose(f) {
		if (f.state.running && !f.state.restarting) return null;
		const probe = f.executable;
		const stateHit = /permission denied/i.test(f.state.error) && /exec|starting container process/i.test(f.state.error);
		const shellHit = f.state.exitCode === 126 ? lastMatch(f, /: (?:Permission denied|cannot execute|Is a directory)/i) : null;
		const probeHit = probe?.exists && probe.executable === false && (f.state.exitCode === 126 || stateHit);
		if (!stateHit && !shellHit && !probeHit) return null;
		if (/mount|volume/i.test(f.state.error) && !/exec/i.test(f.state.error)) return null;
		const evidence: Evidence[] = [field(f, 'State.ExitCode', f.state.exitCode)];
		if (f.state.error) evidence.push(field(f, 'State.Error', f.state.error));
		if (shellHit) evidence.push(logEvidence(f, shellHit.line));
		const target = probe?.path ?? f.container.path;
		if (probe?.exists)
			evidence.push({
				kind: 'file',
				label: probe.path,
				value: `mode ${probe.mode}${probe.executable ? '' : ' (no x bit)'}`,
				command: `docker cp ${f.container.name}:${probe.path} - | tar -tv`,
			});
		const dir = /Is a directory/i.test(shellHit?.line.text ?? '');
		return {
			title: dir ? `The command ${target} is a directory` : `The entrypoint ${target} is not executable`,
			severity: 'error',
			confidence: probeHit || stateHit ? 'high' : 'medium',
			evidence,
			explanation: dir
				? 'The command points at a directory, not a program.'
				: `The file exists, but it lacks the executable permission bit${probe?.mode ? ` (mode ${probe.mode})` : ''}, so the kernel refuses to run it (exit code 126). This usually happens when a script is created on Windows or copied without its mode, or a volume is mounted with noexec.`,
			fixes: [
				{
					description: 'Make it executable in the image',
					edit: {file: 'Dockerfile', change: `RUN chmod +x ${target}   # or, with BuildKit: COPY --chmod=755 ${target.split('/').pop()} ${target}`},
				},
				{description: 'And record the bit in git so every checkout has it', command: `git update-index --chmod=+x ${target.split('/').pop()}`},
				{description: 'Or run it through its interpreter', edit: {file: 'Dockerfile', change: `ENTRYPOINT ["sh", "${target}"]`}},
			],
		};
	},
};
