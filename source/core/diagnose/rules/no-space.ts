import {formatBytes} from '../../units.js';
import {field, logEvidence, mountFor, pathsIn} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

const ENOSPC = /No space left on device|ENOSPC|Disk quota exceeded|EDQUOT|not enough space on the disk/i;

export const noSpace: Rule = {
	id: 'no-space',
	description: 'No space left on device: the disk (the Docker data root, a volume or a tmpfs) is full.',
	kind: 'cause',
	basis: 'logs',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['no-space'], silent: ['read-only-fs', 'volume-permission']},
	diagnose(f) {
		const lines = f.logs.lines.filter((l) => ENOSPC.test(l.text)).slice(-3);
		const stateHit = ENOSPC.test(f.state.error);
		if (lines.length === 0 && !stateHit) return null;
		const evidence: Evidence[] = lines.map((l) => logEvidence(f, l));
		if (stateHit) evidence.push(field(f, 'State.Error', f.state.error));
		const free = f.host.dataRootFree;
		evidence.push({
			kind: 'host',
			label: `free space on ${f.host.dockerRootDir}`,
			value: free === null ? 'unknown (remote engine)' : `${formatBytes(free)} of ${formatBytes(f.host.dataRootSize)}`,
			command: `df -h ${f.host.dockerRootDir}; docker system df`,
		});
		const path = lines.flatMap((l) => pathsIn(l.text))[0];
		const m = path ? mountFor(f, path) : undefined;
		const tmpfs = m?.type === 'tmpfs' || (path ? Object.keys(f.resources.tmpfs).find((d) => path.startsWith(d)) : undefined);
		if (m)
			evidence.push({
				kind: 'field',
				label: 'Mounts',
				value: `${m.type} ${m.name ?? m.source} → ${m.destination}`,
				command: `docker inspect --format '{{json .Mounts}}' ${f.container.name}`,
			});
		const lowHost = free !== null && f.host.dataRootSize !== null && free < Math.max(1024 ** 3, f.host.dataRootSize * 0.05);
		return {
			title: tmpfs
				? `No space left on the tmpfs mounted at ${typeof tmpfs === 'string' ? tmpfs : m!.destination}`
				: lowHost
					? `No space left: the Docker data root has only ${formatBytes(free)} free`
					: 'No space left on device',
			severity: 'error',
			confidence: lines.length > 0 || stateHit ? 'high' : 'medium',
			evidence,
			explanation:
				`A write failed because the file system it targets is full${path ? ` (${path})` : ''}. ` +
				(tmpfs
					? 'That path is a tmpfs with a size limit: it lives in memory and is full.'
					: `The container's writable layer and its volumes live under the engine's data root ${f.host.dockerRootDir}${free !== null ? `, which has ${formatBytes(free)} free` : ''}. Old images, stopped containers, build cache and unrotated logs are the usual culprits.`),
			fixes: tmpfs
				? [
						{
							description: 'Give the tmpfs more room, or write large files to a volume instead',
							command: `docker run --tmpfs ${typeof tmpfs === 'string' ? tmpfs : m!.destination}:size=256m ...`,
						},
					]
				: [
						{description: 'See what uses the space', command: 'docker system df -v'},
						{
							description: 'Reclaim space from unused images, stopped containers and build cache (check the list first)',
							command: 'docker system prune && docker builder prune',
						},
						{
							description: 'Rotate container logs so they cannot fill the disk',
							edit: {file: '/etc/docker/daemon.json', change: '{"log-driver": "local", "log-opts": {"max-size": "10m", "max-file": "3"}}'},
						},
					],
		};
	},
};
