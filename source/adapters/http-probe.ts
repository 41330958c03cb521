/** One HTTP GET from the host to a loopback port (verify --http): status and the first bytes of the body, or the error. */
import http from 'node:http';

export interface HttpAnswer {
	readonly status: number | null;
	readonly body: string;
	readonly error: string | null;
}

export function httpGet(port: number, path: string, timeoutMs: number): Promise<HttpAnswer> {
	return new Promise((resolve) => {
		const req = http.get({host: '127.0.0.1', port, path, timeout: timeoutMs, headers: {'User-Agent': 'docker-helper-verify'}}, (res) => {
			const chunks: Buffer[] = [];
			let length = 0;
			res.on('data', (c: Buffer) => {
				if (length < 512) chunks.push(c);
				length += c.length;
			});
			res.on('end', () => resolve({status: res.statusCode ?? null, body: Buffer.concat(chunks).toString('utf8').slice(0, 200), error: null}));
			res.on('error', (e) => resolve({status: res.statusCode ?? null, body: '', error: e.message}));
		});
		req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', (e) => resolve({status: null, body: '', error: (e as NodeJS.ErrnoException).code ?? e.message}));
	});
}
