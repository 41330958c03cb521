import {field, lastMatch, logEvidence, commandEvidence} from '../helpers.js';
import type {Evidence} from '../types.js';
import type {Rule} from '../types.js';

const CREATE_NOT_FOUND = /executable file not found in \$PATH|exec: "([^"]+)": stat [^:]+: no such file or directory|no such file or directory: unknown/i;
const SHELL_NOT_FOUND =
	/^(?:\/bin\/)?(?:sh|bash|dash|ash)(?:: line \d+| \d+)?: (?:line \d+: )?(?:exec: )?([^:\s]+): (?:not found|command not found|No such file or directory)$/;

export const commandNotFound: Rule = {
	id: 'command-not-found',
	description:
		'The entrypoint or command does not exist in the image (exit 127 or the runtime create error), or a script names an interpreter the image lacks.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {
		fires: ['command-not-found', 'entrypoint-path-missing', 'shell-command-not-found', 'interpreter-missing'],
		silent: ['crlf-entrypoint', 'not-executable', 'exec-format-error', 'stuck-created', 'stuck-created-device'],
	},
	diagnose(f) {
		const probe = f.executable;
		if (probe?.crlf) return null; // crlf-script explains it
		if (f.state.running && !f.state.restarting) return null;
		const stateHit =
			CREATE_NOT_FOUND.test(f.state.error) &&
			!/exec format error|permission denied|apparmor|chdir to cwd|error mounting|rlimit|sysctl|cgroup|nvidia-container-cli/i.test(f.state.error);
		const shellHit = f.state.exitCode === 127 ? lastMatch(f, SHELL_NOT_FOUND) : null;
		const initHit = lastMatch(f, /exec user process caused:? "?no such file or directory|exec .+: no such file or directory/);
		const interpreterMissing = probe?.exists && probe.interpreter && initHit ? probe.interpreter : null;
		// A runtime error about something else (a mount, a device) is not a missing command, whatever the exit code.
		const otherStateError = f.state.error !== '' && !stateHit;
		if (!stateHit && !shellHit && !(probe && !probe.exists && !otherStateError && (f.state.exitCode === 127 || initHit)) && !interpreterMissing) return null;
		const missing = interpreterMissing ?? (shellHit ? shellHit.match[1]! : (/exec: "([^"]+)"/.exec(f.state.error)?.[1] ?? f.container.path));
		const evidence: Evidence[] = [field(f, 'State.ExitCode', f.state.exitCode)];
		if (f.state.error) evidence.push(field(f, 'State.Error', f.state.error));
		if (shellHit) evidence.push(logEvidence(f, shellHit.line));
		if (initHit && !shellHit) evidence.push(logEvidence(f, initHit.line));
		evidence.push(commandEvidence(f));
		if (probe)
			evidence.push({
				kind: 'file',
				label: probe.path,
				value: probe.exists ? `exists; first line ${JSON.stringify(probe.firstLine ?? '')}` : 'not found in the container filesystem',
				command: `docker cp ${f.container.name}:${probe.path} - | tar -tv`,
			});
		const inShell = Boolean(shellHit);
		return {
			title: interpreterMissing
				? `The script's interpreter ${interpreterMissing} is not in the image`
				: inShell
					? `Command not found: ${missing}`
					: `The entrypoint/command "${missing}" does not exist in the image`,
			severity: 'error',
			confidence: 'high',
			evidence,
			explanation: interpreterMissing
				? `The entrypoint script starts with "#!${interpreterMissing}", but the image has no ${interpreterMissing}, so the kernel cannot run it and the runtime says "no such file or directory" — about the interpreter, not the script.`
				: inShell
					? `The shell ran, but the command "${missing}" it was asked to run is not installed in the image or not on PATH, so it exited with 127 ("command not found").`
					: `Docker tried to start "${missing}" as the container's main process, but no such file exists in the image${missing.includes('/') ? '' : ' on any directory of PATH'}. The container never started: the runtime failed while creating the process (exit code 127), which is why there are no logs.`,
			fixes: interpreterMissing
				? [
						{
							description: `Use an interpreter the image has (busybox/alpine images have /bin/sh, not /bin/bash)`,
							edit: {file: probe!.path, change: '#!/bin/sh'},
						},
						{description: 'Or install it in the image', edit: {file: 'Dockerfile', change: `RUN apk add --no-cache bash   # or apt-get install -y bash`}},
					]
				: [
						{
							description: 'Check what the image contains and where the program is',
							command: `docker run --rm --entrypoint sh ${f.container.image} -c 'echo $PATH; ls -l /usr/local/bin /app 2>/dev/null'`,
						},
						{
							description: 'Fix the name or path in CMD/ENTRYPOINT (exec form, absolute path), or install the program in the image',
							edit: {file: 'Dockerfile', change: `ENTRYPOINT ["/absolute/path/to/${missing.split('/').pop()}"]`},
						},
						{
							description: 'A multi-stage build may have left the file in the builder stage: copy it over',
							edit: {file: 'Dockerfile', change: `COPY --from=build /out/${missing.split('/').pop()} /usr/local/bin/`},
						},
					],
		};
	},
};
