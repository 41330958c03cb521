/** Run the built CLI as a long-lived child and read its NDJSON stdout line by line. */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {CLI} from './cli.js';

export class NdjsonRun {
	readonly child: ChildProcessWithoutNullStreams;
	readonly docs: any[] = [];
	stderr = '';
	#rest = '';
	readonly exited: Promise<number>;

	constructor(args: readonly string[], env: Record<string, string> = {}) {
		this.child = spawn(process.execPath, [CLI, ...args], {env: {...process.env, NO_COLOR: '1', ...env}, stdio: ['pipe', 'pipe', 'pipe']});
		this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			const lines = (this.#rest + chunk).split('\n');
			this.#rest = lines.pop() ?? '';
			for (const line of lines) if (line.trim()) this.docs.push(line.startsWith('{') ? JSON.parse(line) : {text: line});
		});
		this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
		this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code ?? -1)));
	}

	async waitFor(test: (doc: any) => boolean, what: string, timeout = 45_000): Promise<any> {
		const start = Date.now();
		for (;;) {
			const found = this.docs.find(test);
			if (found) return found;
			if (Date.now() - start > timeout)
				throw new Error(
					`timed out waiting for ${what}; got ${this.docs.length} lines:\n${this.docs
						.slice(-10)
						.map((d) => JSON.stringify(d).slice(0, 300))
						.join('\n')}\nstderr: ${this.stderr.slice(-500)}`,
				);
			await new Promise((r) => setTimeout(r, 100));
		}
	}

	kill(signal: NodeJS.Signals = 'SIGINT'): void {
		this.child.kill(signal);
	}
}
