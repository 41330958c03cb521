import type {Evidence, Rule} from '../types.js';

const MISSING = /executable file not found|: not found|command not found|No such file or directory|exec: "[^"]+": stat/i;

export const healthcheckProbeMissing: Rule = {
	id: 'healthcheck-probe-missing',
	description: 'The health check runs a command the image does not have (curl in a slim image), so every probe fails.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['healthcheck-probe-missing'], silent: ['healthcheck-failing', 'healthy-healthcheck']},
	diagnose(f) {
		const h = f.state.health;
		if (!h || h.log.length === 0) return null;
		const failed = h.log.filter((p) => p.exitCode !== 0);
		const missing = failed.filter(
			(p) => MISSING.test(p.output) && (p.exitCode === 127 || p.exitCode === -1 || p.exitCode === 126 || /executable file not found|not found/i.test(p.output)),
		);
		if (missing.length === 0 || missing.length < failed.length / 2) return null;
		const test = f.healthcheck?.test ?? [];
		const probeCmd = test[0] === 'CMD-SHELL' ? test.slice(1).join(' ') : test.slice(1).join(' ');
		const tool =
			/exec: "([^"]+)"/.exec(missing.at(-1)!.output)?.[1] ??
			/(?:sh: )?(?:\d+: )?([\w./-]+): not found/.exec(missing.at(-1)!.output)?.[1] ??
			probeCmd.split(/\s+/)[0] ??
			'';
		const evidence: Evidence[] = [
			{
				kind: 'field',
				label: 'Config.Healthcheck.Test',
				value: JSON.stringify(test),
				command: `docker inspect --format '{{json .Config.Healthcheck}}' ${f.container.name}`,
			},
			...missing.slice(-2).map((p) => ({
				kind: 'probe' as const,
				label: `exit ${p.exitCode}`,
				value: p.output.trim(),
				time: p.end,
				command: `docker inspect --format '{{json .State.Health}}' ${f.container.name}`,
			})),
		];
		const usesWget = /curl/.test(tool);
		return {
			title: `The health check command "${tool}" is not in the image`,
			severity: 'error',
			confidence: 'high',
			evidence,
			explanation: `The health check runs "${probeCmd}", but the image has no ${tool}, so each probe fails immediately (the probe output says so) and the container is marked ${h.status}. The application itself may be fine. Slim and distroless images often lack curl and wget.`,
			fixes: [
				...(usesWget
					? [
							{
								description: 'Use a tool the image has, e.g. busybox/alpine wget',
								edit: {file: 'Dockerfile', change: 'HEALTHCHECK CMD wget -q --spider http://localhost:8080/health || exit 1'},
							},
						]
					: []),
				{
					description: `Install ${tool} in the image`,
					edit: {
						file: 'Dockerfile',
						change: `RUN apt-get update && apt-get install -y --no-install-recommends ${tool} && rm -rf /var/lib/apt/lists/*   # alpine: apk add --no-cache ${tool}`,
					},
				},
				{
					description: 'Or probe with the runtime already present (python -c, node -e) or a small static health binary',
					edit: {
						file: 'Dockerfile',
						change: `HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8080/health')"]`,
					},
				},
				{description: 'Run the probe by hand to see what happens', command: `docker exec ${f.container.name} ${probeCmd}`},
			],
		};
	},
};
