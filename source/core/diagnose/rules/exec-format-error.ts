import {field, lastMatch, logEvidence} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

export const execFormatError: Rule = {
	id: 'exec-format-error',
	description: 'exec format error: the binary is built for another CPU architecture than the host (or a script lacks its #! line).',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['exec-format-error', 'no-shebang'], silent: ['crlf-entrypoint', 'not-executable', 'command-not-found']},
	diagnose(f) {
		const hit = lastMatch(f, /exec format error/i);
		const stateHit = /exec format error/i.test(f.state.error);
		if (!hit && !stateHit) return null;
		const probe = f.executable;
		const hostArch = f.host.arch;
		const imageArch = f.image?.architecture ?? '';
		const binaryArch = probe?.elfArch ?? null;
		const evidence: Evidence[] = [];
		if (stateHit) evidence.push(field(f, 'State.Error', f.state.error));
		if (hit) evidence.push(logEvidence(f, hit.line));
		evidence.push({kind: 'host', label: 'engine architecture', value: hostArch, command: `docker version --format '{{.Server.Arch}}'`});
		if (imageArch)
			evidence.push({
				kind: 'field',
				label: 'image Architecture',
				value: imageArch + (f.image?.variant ? `/${f.image.variant}` : ''),
				command: `docker image inspect --format '{{.Architecture}}' ${f.container.image}`,
			});
		if (probe?.exists && binaryArch)
			evidence.push({
				kind: 'file',
				label: probe.path,
				value: `ELF binary for ${binaryArch}`,
				command: `docker cp ${f.container.name}:${probe.path} - | tar -xO | head -c 20 | od -A d -t x1`,
			});
		const noShebang = probe?.exists && !binaryArch && probe.firstLine !== undefined && !probe.firstLine.startsWith('#!');
		if (noShebang)
			evidence.push({
				kind: 'file',
				label: probe!.path,
				value: `script without #! line; first line ${JSON.stringify(probe!.firstLine)}`,
				command: `docker cp ${f.container.name}:${probe!.path} - | tar -xO | head -n 1`,
			});
		const foreign = (binaryArch && binaryArch !== hostArch) || (imageArch && imageArch !== hostArch) ? (binaryArch ?? imageArch) : null;
		return {
			title: noShebang
				? `${probe!.path} is a script without a #! line`
				: foreign
					? `Built for ${foreign}, but this engine runs ${hostArch} (exec format error)`
					: 'exec format error: the entrypoint is not a program this machine can run',
			severity: 'error',
			confidence: foreign || noShebang ? 'high' : 'medium',
			evidence,
			explanation: noShebang
				? 'The kernel can only execute binaries and scripts that start with "#!/path/to/interpreter". This script has no such line, so exec fails with "exec format error".'
				: foreign
					? `The kernel refuses to execute a program compiled for another CPU: this one is for ${foreign} and the engine's machine is ${hostArch}. This happens when an image is built on an Apple Silicon Mac (arm64) and run on an amd64 server, or the other way round. Without QEMU emulation (binfmt_misc) the kernel returns "exec format error".`
					: `The kernel did not recognise the entrypoint as a program for this machine (${hostArch}). It may be a binary for another architecture, a corrupt file, or a script without a #! line.`,
			fixes: noShebang
				? [{description: 'Add an interpreter line at the top of the script', edit: {file: probe!.path, change: '#!/bin/sh'}}]
				: [
						{description: `Build the image for ${hostArch}`, command: `docker build --platform linux/${hostArch} -t ${f.container.image} .`},
						{
							description: 'Or publish a multi-platform image',
							command: `docker buildx build --platform linux/amd64,linux/arm64 -t ${f.container.image} --push .`,
						},
						{description: 'Or run foreign binaries through QEMU emulation (slow)', command: 'docker run --privileged --rm tonistiigi/binfmt --install all'},
					],
		};
	},
};
