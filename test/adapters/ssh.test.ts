import {describe, expect, it} from 'vitest';
import {sshArgs, sshFailure} from '../../source/adapters/ssh.js';

describe('ssh argv, as the docker CLI builds it', () => {
	it.each([
		[{host: 'box'}, ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=30', '-T', '--', 'box', 'docker', 'system', 'dial-stdio']],
		[
			{host: 'box', port: 2222, username: 'me'},
			['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=30', '-T', '-l', 'me', '-p', '2222', '--', 'box', 'docker', 'system', 'dial-stdio'],
		],
		// A host that looks like an option stays a host after `--`.
		[{host: '-oProxyCommand=x'}, ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=30', '-T', '--', '-oProxyCommand=x', 'docker', 'system', 'dial-stdio']],
	])('%j', (target, argv) => {
		expect(sshArgs(target)).toEqual(argv);
	});
});

describe('ssh failures in the docker CLI words, with the fix', () => {
	const t = {host: 'h', port: 2200, username: 'u'};
	it.each([
		['Host key verification failed.\n', 'ENGINE_UNREACHABLE', /not in known_hosts/, /ssh-keyscan -p 2200 h >> ~\/.ssh\/known_hosts/],
		[
			'@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n@@@@@\nHost key verification failed.\n',
			'ENGINE_UNREACHABLE',
			/CHANGED/,
			/ssh-keygen -R '\[h\]:2200'/,
		],
		['u@h: Permission denied (publickey).\n', 'ENGINE_UNREACHABLE', /Permission denied/, /ssh-add/],
		['bash: line 1: docker: command not found\n', 'ENGINE_UNREACHABLE', /no docker CLI/, /Install the docker CLI/],
		['ssh: connect to host h port 2200: Connection timed out\n', 'ENGINE_TIMEOUT', /timed out/, /ssh -p 2200 u@h/],
		['ssh: connect to host h port 2200: Connection refused\n', 'ENGINE_UNREACHABLE', /Connection refused/, /sshd runs there/],
	])('%j', (stderr, code, message, hint) => {
		const e = sshFailure(t, 255, null, stderr, false);
		expect(e.code).toBe(code);
		expect(e.message).toMatch(/Host key|Permission|docker CLI|timed out|refused/);
		expect(e.message).toMatch(message);
		expect(e.hint).toMatch(hint);
	});
});
