import {effectiveUser, field, isRoot, logEvidence, mountFor, pathsIn} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

const DENIED = /Permission denied|EACCES|Operation not permitted|EPERM|AccessDeniedException|PermissionError/;

export const volumePermission: Rule = {
	id: 'volume-permission',
	description: 'Permission denied on a volume or bind mount: the container user (UID/GID) does not own the files.',
	kind: 'cause',
	basis: 'logs',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['volume-permission'], silent: ['read-only-fs', 'not-executable', 'app-port-privileged']},
	diagnose(f) {
		const lines = f.logs.lines.filter((l) => DENIED.test(l.text) && !/bind|listen|socket|docker\.sock/i.test(l.text));
		let hit: {line: (typeof lines)[number]; path: string; mount: ReturnType<typeof mountFor>} | null = null;
		for (const line of [...lines].reverse()) {
			const paths = pathsIn(line.text);
			const withMount = paths.map((p) => ({path: p, mount: mountFor(f, p)})).find((x) => x.mount);
			if (withMount) {
				hit = {line, path: withMount.path, mount: withMount.mount};
				break;
			}
			if (!hit && paths.length > 0) hit = {line, path: paths[0]!, mount: undefined};
		}
		if (!hit) return null;
		if (hit.path === f.executable?.path) return null; // not-executable explains it
		const user = effectiveUser(f);
		const m = hit.mount;
		const uid = /^\d+/.exec(user)?.[0] ?? (isRoot(user) ? '0' : user.split(':')[0]!);
		const evidence: Evidence[] = [logEvidence(f, hit.line), field(f, 'Config.User', user || '(root)')];
		if (m)
			evidence.push({
				kind: 'field',
				label: 'Mounts',
				value: `${m.type} ${m.name ?? m.source} → ${m.destination} (${m.rw ? 'rw' : 'ro'})`,
				command: `docker inspect --format '{{json .Mounts}}' ${f.container.name}`,
			});
		const host = m?.type === 'bind' ? m.source : m?.name ? `/var/lib/docker/volumes/${m.name}/_data` : null;
		return {
			title: m
				? `Permission denied on ${m.type === 'bind' ? 'bind mount' : 'volume'} ${m.destination} for user ${user}`
				: `Permission denied on ${hit.path} for user ${user}`,
			severity: 'error',
			confidence: m ? 'high' : 'medium',
			evidence,
			explanation:
				`The program runs as ${isRoot(user) ? 'root' : `user ${user}`} and was refused access to ${hit.path}. ` +
				(m
					? `That path is ${m.type === 'bind' ? `the host directory ${m.source}` : `the volume ${m.name ?? m.source}`}, mounted at ${m.destination}. Linux checks numeric user and group ids: files created on the host or by another container belong to other ids than the container user's, so ${isRoot(user) ? 'even root can be refused (rootless Docker, user namespaces, NFS root squash, or SELinux labels)' : 'the container user may not write there'}. A new named volume starts owned by root unless the image already has the directory with the right owner.`
					: 'That path belongs to another user inside the image (for example files copied as root while the image switches to a non-root USER).'),
			fixes: m
				? [
						{
							description: `Give the container user's id (${uid}) ownership of the ${m.type === 'bind' ? 'host directory' : 'volume'}`,
							command:
								m.type === 'bind'
									? `sudo chown -R ${uid}:${uid} ${host}`
									: `docker run --rm -v ${m.name}:${m.destination} --user 0 ${f.container.image} chown -R ${uid}:${uid} ${m.destination}`,
						},
						{description: 'Or run the container as the owner of the files', command: `docker run --user "$(id -u):$(id -g)" ...`},
						{
							description: 'For named volumes, create the directory with the right owner in the image before declaring it, so new volumes inherit it',
							edit: {file: 'Dockerfile', change: `RUN mkdir -p ${m.destination} && chown ${uid}:${uid} ${m.destination}\nVOLUME ${m.destination}`},
						},
						...(m.type === 'bind'
							? [{description: 'On SELinux hosts (Fedora, RHEL) relabel the bind mount', command: `docker run -v ${m.source}:${m.destination}:z ...`}]
							: []),
					]
				: [{description: 'Copy files with the runtime user as owner', edit: {file: 'Dockerfile', change: `COPY --chown=${uid}:${uid} . /app`}}],
		};
	},
};
