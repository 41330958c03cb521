import {describe, expect, test} from 'vitest';
import {parseShell} from '../../../source/core/lint/shell.js';

const at = () => [1, 1] as const;
const names = (s: string) => parseShell(s, at).commands.map((c) => c.name);

describe('parseShell', () => {
	test('operators, quoting and wrappers', () => {
		const r = parseShell(
			`set -eux; DEBIAN_FRONTEND=noninteractive sudo -u root apt-get -o Dpkg::Options::=--force-confold install -qy "curl" 'a b' || true; echo "x && y" | grep -q x & wait`,
			at,
		);
		expect(r.commands.map((c) => [c.name, c.before, c.after])).toEqual([
			['set', undefined, ';'],
			['apt-get', ';', '||'],
			['true', '||', ';'],
			['echo', ';', '|'],
			['grep', '|', '&'],
			['wait', '&', undefined],
		]);
		const apt = r.commands[1]!;
		expect(apt.assignments).toEqual(['DEBIAN_FRONTEND=noninteractive']);
		expect(apt.wrappers).toEqual(['sudo']);
		expect(apt.subcommand).toBe('install');
		expect(apt.packages).toEqual(['curl', 'a b']);
		expect(apt.hasFlag('-y')).toBe(true);
		expect(apt.hasFlag('--yes', '-x')).toBe(false);
		expect(apt.flagValue('-o')).toBe('Dpkg::Options::=--force-confold');
		expect(r.commands[3]!.args[0]!.value).toBe('x && y');
		expect(r.commands[3]!.piped && r.commands[4]!.piped).toBe(true);
	});

	test('sh -c bodies, python -m pip, subshells and control flow', () => {
		expect(names(`bash -lc "npm ci && npm run build"`)).toEqual(['bash', 'npm', 'npm']);
		expect(parseShell('python3 -m pip install --no-cache-dir x', at).commands[0]).toMatchObject({name: 'pip', subcommand: 'install', packages: ['x']});
		expect(names('(cd /x && make) && if [ -f a ]; then rm a; else touch a; fi')).toEqual(['cd', 'make', '[', 'rm', 'touch']);
		expect(names('for f in a b; do echo $f; done')).toEqual(['echo']);
		expect(names('x=$(curl -s https://a | head -1) && echo "$x"')).toEqual(['echo']);
	});

	test('redirections and fds are not arguments', () => {
		const c = parseShell('curl -o /tmp/x https://a > /dev/null 2>&1', at).commands[0]!;
		expect(c.args.map((a) => a.value)).toEqual(['-o', '/tmp/x', 'https://a']);
		expect(c.redirects).toEqual(['/dev/null']);
	});

	test('pipefail: set before the first pipe', () => {
		expect(parseShell('set -o pipefail && a | b', at).pipefail).toBe(true);
		expect(parseShell('set -euxo pipefail; a | b', at).pipefail).toBe(true);
		expect(parseShell('a | b; set -o pipefail', at).pipefail).toBe(false);
		expect(parseShell('a | b', at, {pipefail: true}).pipefail).toBe(true);
	});

	test('dynamic words and comments', () => {
		const c = parseShell('apt-get install -y curl=${CURL_VERSION} # pinned\n', at).commands[0]!;
		expect(c.packages).toEqual(['curl=${CURL_VERSION}']);
		expect(c.args[2]!.dynamic).toBe(true);
		expect(parseShell("echo 'unterminated", at).problems).toEqual(['unterminated single quote']);
	});
});

test('case patterns are not commands and their | is not a pipe', () => {
	const r = parseShell(
		'arch="$(uname -m)"; case "$arch" in\n  x86_64 | amd64) a=amd64 ;;\n  arm64) echo arm ;;\n  *) echo "unsupported" >&2; exit 1 ;;\nesac; curl x | tar xz',
		() => [1, 1],
	);
	expect(r.commands.map((c) => [c.name, c.piped])).toEqual([
		['echo', false],
		['echo', false],
		['exit', false],
		['curl', true],
		['tar', true],
	]);
});
