/** Engine objects for the operations tests (images, cleanup, monitor, debug): every name starts with dh-op-. */
import {randomBytes} from 'node:crypto';
import {execFileSync} from 'node:child_process';
import {docker} from './engine.js';

export function opName(what: string): string {
	return `dh-op-${what}-${randomBytes(4).toString('hex')}`;
}

/** Build an image from a Dockerfile text with the legacy builder (no registry, no BuildKit), without a context. */
export function buildImage(tag: string, dockerfile: string): string {
	execFileSync('docker', ['build', '-q', '-t', tag, '-'], {
		input: dockerfile,
		encoding: 'utf8',
		env: {...process.env, DOCKER_BUILDKIT: '0'},
		stdio: ['pipe', 'pipe', 'pipe'],
		timeout: 120_000,
	});
	return docker(['image', 'inspect', '--format', '{{.Id}}', tag]);
}

/** docker's own size formatting (go-units HumanSize: 4 significant digits, decimal units), to compare with `docker system df`. */
export function humanSize(bytes: number): string {
	const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
	let size = bytes;
	let i = 0;
	while (size >= 1000 && i < units.length - 1) {
		size /= 1000;
		i++;
	}
	return `${Number(size.toPrecision(4))}${units[i]}`;
}

/** Remove images by id or tag, ignoring ones that are already gone. */
export function removeImages(...refs: string[]): void {
	if (refs.length > 0) docker(['rmi', '-f', ...refs], {allowFail: true});
}
