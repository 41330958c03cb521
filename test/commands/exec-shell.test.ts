/**
 * The interactive shell in a real pseudo-terminal (tmux): `docker-helper exec <c>` opens sh
 * (busybox has no bash), keys reach it, the window size follows tmux, the shell's exit code
 * comes back, and the terminal is back in canonical mode with echo afterwards.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {CLI} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers, uniqueName} from '../support/engine.js';

const container = uniqueName('exec-shell');
const withBash = uniqueName('exec-bash');
const socket = uniqueName('tmux'); // a private tmux server: never touches anyone else's sessions
const session = 'shell';
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const pane = (target = session) => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', target);
async function waitFor(pattern: RegExp, what: string, target = session): Promise<string> {
	for (let i = 0; i < 200; i++) {
		const text = pane(target);
		if (pattern.test(text)) return text;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`timed out waiting for ${what}; pane:\n${pane(target)}`);
}

afterAll(() => {
	spawnSync('tmux', ['-L', socket, 'kill-server']);
	removeContainers(container, withBash);
});

describeEngine('exec interactive shell (tmux pty)', () => {
	beforeAll(() => {
		docker(['run', '-d', '--name', container, FIXTURE_IMAGE, 'sleep', '600']);
		// An image "with bash": /bin/bash is a wrapper that marks the shell it started.
		docker([
			'run',
			'-d',
			'--name',
			withBash,
			FIXTURE_IMAGE,
			'sh',
			'-c',
			'printf "#!/bin/sh\\nexport DH_SHELL=bash\\nexec /bin/sh \\"\\$@\\"\\n" > /bin/bash && chmod +x /bin/bash && exec sleep 600',
		]);
		for (let i = 0; i < 50 && spawnSync('docker', ['exec', withBash, 'test', '-x', '/bin/bash']).status !== 0; i++) execFileSync('sleep', ['0.1']);
	});

	it.runIf(hasTmux)(
		'opens a shell with a pty, follows resizes, returns the exit code and restores the terminal',
		async () => {
			tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', 'env PS1="host$ " bash --norc --noprofile');
			await waitFor(/host\$ $/m, 'the host shell');
			tmux(
				'send-keys',
				'-t',
				session,
				`${process.execPath} ${CLI} exec ${container}; echo "EXIT=$?"; echo "STATE=$(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | sort | tr '\\n' ',')"`,
				'Enter',
			);
			await waitFor(/^\/ # $/m, 'the container shell prompt');
			tmux('send-keys', '-t', session, 'echo $((6*7))', 'Enter');
			await waitFor(/^42$/m, 'the answer 42 from inside the container');
			tmux('send-keys', '-t', session, 'stty size', 'Enter');
			await waitFor(/^30 100$/m, 'the initial window size');
			tmux('resize-window', '-t', session, '-x', '90', '-y', '20');
			await new Promise((r) => setTimeout(r, 300));
			tmux('send-keys', '-t', session, 'stty size', 'Enter');
			await waitFor(/^20 90$/m, 'the resized window size');
			tmux('send-keys', '-t', session, 'exit 3', 'Enter');
			const text = await waitFor(/^STATE=.*,$/m, 'the terminal state after exit');
			expect(text).toMatch(/^EXIT=3$/m);
			expect(text).toMatch(/^STATE=echo,icanon,$/m);
		},
		60_000,
	);

	it.runIf(hasTmux)(
		'prefers bash when the image has it',
		async () => {
			tmux('new-session', '-d', '-s', 'bash', '-x', '100', '-y', '30', 'env PS1="host$ " bash --norc --noprofile');
			await waitFor(/host\$ $/m, 'the host shell', 'bash');
			tmux('send-keys', '-t', 'bash', `${process.execPath} ${CLI} exec ${withBash}; echo "EXIT=$?"`, 'Enter');
			await waitFor(/^\/ # $/m, 'the container shell prompt', 'bash');
			tmux('send-keys', '-t', 'bash', 'echo "shell=$DH_SHELL"', 'Enter');
			expect(await waitFor(/^shell=\w*$/m, 'the shell marker', 'bash')).toMatch(/^shell=bash$/m);
			tmux('send-keys', '-t', 'bash', 'exit', 'Enter');
			await waitFor(/^EXIT=0$/m, 'exit 0', 'bash');
		},
		60_000,
	);

	it.runIf(hasTmux)(
		'-it runs a given command in the same pty session (keys in, exit code out)',
		async () => {
			tmux('new-session', '-d', '-s', 'it', '-x', '100', '-y', '30', 'env PS1="host$ " bash --norc --noprofile');
			await waitFor(/host\$ $/m, 'the host shell', 'it');
			tmux(
				'send-keys',
				'-t',
				'it',
				`${process.execPath} ${CLI} exec -it ${container} -- sh -c 'printf "ready> "; read x; echo "got=$x"; exit 4'; echo "EXIT=$?"`,
				'Enter',
			);
			await waitFor(/ready> $/m, 'the prompt from the command', 'it');
			tmux('send-keys', '-t', 'it', 'hello there', 'Enter');
			const text = await waitFor(/^EXIT=\d+$/m, 'the exit code', 'it');
			expect(text).toMatch(/^got=hello there\r?$/m);
			expect(text).toMatch(/^EXIT=4$/m);
		},
		60_000,
	);
});
