/** Drive a program in a real pseudo-terminal with tmux (send-keys / capture-pane). */
import {execFileSync, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';

export const tmuxAvailable = spawnSync('tmux', ['-V']).status === 0;

export class Tmux {
	readonly socket = `dhtest-${randomBytes(4).toString('hex')}`;
	readonly session = 'e2e';

	constructor(options: {width?: number; height?: number; env?: Record<string, string>} = {}) {
		const env = Object.entries({TERM: 'xterm-256color', PS1: 'READY$ ', ...options.env}).map(([k, v]) => `${k}=${v}`);
		this.tmux(
			'-f',
			'/dev/null',
			'new-session',
			'-d',
			'-s',
			this.session,
			'-x',
			String(options.width ?? 120),
			'-y',
			String(options.height ?? 40),
			'env',
			...env,
			'bash',
			'--norc',
			'--noprofile',
		);
		// Esc must reach the program at once, not be held as a possible Alt prefix.
		this.tmux('set-option', '-s', 'escape-time', '0');
	}

	tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8'});
	}

	type(text: string): void {
		this.tmux('send-keys', '-t', this.session, '-l', text);
	}

	keys(...keys: string[]): void {
		this.tmux('send-keys', '-t', this.session, ...keys);
	}

	screen(): string {
		return this.tmux('capture-pane', '-p', '-t', this.session);
	}

	async waitFor(test: (screen: string) => boolean, what: string, timeout = 30_000): Promise<string> {
		const start = Date.now();
		for (;;) {
			const s = this.screen();
			if (test(s)) return s;
			if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}

	kill(): void {
		spawnSync('tmux', ['-L', this.socket, 'kill-server']);
	}
}
