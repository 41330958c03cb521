import {lastMatch, logEvidence} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

const DNS: readonly RegExp[] = [
	/getaddrinfo (?:ENOTFOUND|EAI_AGAIN) ([\w.-]+)/,
	/bad address '([\w.-]+)(?::\d+)?'/,
	/lookup ([\w.-]+)(?: on [\d.:]+)?: (?:no such host|server misbehaving|i\/o timeout)/,
	/could not translate host name "([\w.-]+)"/,
	/UnknownHostException: ([\w.-]+)/,
	/(?:Name or service not known|nodename nor servname provided|Temporary failure in name resolution|Name does not resolve|No address associated with hostname)/,
	/Could not resolve host:? ([\w.-]+)/,
	/unknown host:? ([\w.-]+)/i,
];

export const dnsFailure: Rule = {
	id: 'dns-failure',
	description: 'A host or service name does not resolve (wrong network, service not on the same user-defined network, typo).',
	kind: 'cause',
	basis: 'logs',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['dns-failure'], silent: ['connection-refused-localhost', 'healthy-running']},
	diagnose(f) {
		let hit: ReturnType<typeof lastMatch> = null;
		for (const p of DNS) {
			hit = lastMatch(f, p);
			if (hit) break;
		}
		if (!hit) return null;
		const name = hit.match[1] ?? /(?:host|to|for) ['"]?([\w-]+(?:\.[\w-]+)*)['"]?/i.exec(hit.line.text)?.[1] ?? '';
		const short = name !== '' && !name.includes('.');
		const defaultBridge =
			f.network.mode === 'default' || f.network.mode === 'bridge' || (f.network.networks.length === 1 && f.network.networks[0] === 'bridge');
		const evidence: Evidence[] = [
			logEvidence(f, hit.line),
			{
				kind: 'field',
				label: 'NetworkSettings.Networks',
				value: f.network.networks.join(', ') || f.network.mode,
				command: `docker inspect --format '{{json .NetworkSettings.Networks}}' ${f.container.name}`,
			},
		];
		return {
			title: `Cannot resolve ${name ? `"${name}"` : 'a host name'}${defaultBridge && short ? ': the default bridge network has no name resolution' : ''}`,
			severity: 'error',
			confidence: name ? 'high' : 'medium',
			evidence,
			explanation:
				`The program looked up ${name ? `"${name}"` : 'a name'} and DNS had no answer. ` +
				(short
					? defaultBridge
						? `Container and service names resolve only on user-defined networks (compose creates one per project); this container is on the default "bridge" network, where Docker's embedded DNS does not resolve names.`
						: `Docker's DNS resolves a container or service name only for containers on the same user-defined network. The container is on ${f.network.networks.join(', ')}; "${name}" is not a container there, is stopped, or is spelled differently.`
					: 'It may be a typo, a name only your host knows (/etc/hosts, VPN DNS), or the container has no working DNS server.'),
			fixes: short
				? [
						{
							description: `Put both containers on one user-defined network and use the name`,
							command: `docker network create app-net && docker network connect app-net ${f.container.name} && docker network connect app-net ${name}`,
						},
						{
							description: 'Check which names resolve from inside',
							command: `docker run --rm --network ${defaultBridge ? 'app-net' : (f.network.networks[0] ?? 'bridge')} busybox nslookup ${name}`,
						},
						{
							description: 'In compose, use the service name and keep both services in the same project/networks',
							edit: {file: 'compose.yaml', change: `services.${f.container.composeService ?? 'app'}.networks: [default]`},
						},
					]
				: [
						{description: 'Test resolution from the container', command: `docker exec ${f.container.name} nslookup ${name || 'example.com'}`},
						{
							description: 'Set DNS servers for the engine or the container if the host uses a VPN/local resolver',
							command: 'docker run --dns 1.1.1.1 ...   # or "dns" in /etc/docker/daemon.json',
						},
					],
		};
	},
};
