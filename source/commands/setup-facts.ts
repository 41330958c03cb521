/** Gather SetupFacts once, concurrently: engine (info, version, df), host, local socket and daemon.json. */
import {describeEndpoint} from '../adapters/docker.js';
import {readDaemonConfig, socketFacts} from '../adapters/local-engine.js';
import {isHelperError} from '../core/errors.js';
import type {SetupFacts, EngineFacts, DiskUsageFacts, HostFacts, EngineError, EndpointFacts} from '../core/setup/facts.js';
import {diskUsageFrom, engineFactsFrom} from '../core/setup/from-engine.js';
import type {Context} from './types.js';

export async function gatherSetupFacts(ctx: Context, options: {diskUsage: boolean} = {diskUsage: true}): Promise<SetupFacts> {
	ctx.progress('Reading host facts and asking the Docker Engine…');
	const hostPromise = gatherHost(ctx);
	let endpoint: EndpointFacts | null = null;
	let engine: EngineFacts | null = null;
	let engineError: EngineError | null = null;
	let diskUsage: DiskUsageFacts | null = null;
	let transportSocket: string | null = null;
	try {
		const ep = await ctx.endpoint();
		endpoint = {...describeEndpoint(ep), transport: ep.transport.kind};
		if (ep.transport.kind === 'unix') transportSocket = ep.transport.socketPath;
		const client = await ctx.engine();
		const [info, version, df] = await Promise.all([
			client.info(),
			client.version(),
			options.diskUsage ? client.diskUsage().catch(() => null) : Promise.resolve(null),
		]);
		engine = engineFactsFrom(info, version);
		diskUsage = df ? diskUsageFrom(df) : null;
	} catch (error) {
		if (!isHelperError(error)) throw error;
		// Conflicting flags are the user's mistake, not a finding.
		if (error.code === 'USAGE') throw error;
		engineError = {code: error.code, message: error.message, hint: error.hint};
	}
	const [host, socket, daemonConfig] = await Promise.all([
		hostPromise,
		transportSocket ? socketFacts(transportSocket) : Promise.resolve(null),
		transportSocket && engine && !engine.desktop ? readDaemonConfig(engine.rootless, ctx.env) : Promise.resolve(null),
	]);
	return {endpoint, engine, engineError, diskUsage, socket, daemonConfig, host, today: new Date().toISOString().slice(0, 10)};
}

export async function gatherHost(ctx: Context): Promise<HostFacts> {
	const h = await ctx.host();
	const [memory, cpus, fileSystems, gpus, os, shm] = await Promise.all([h.memory(), h.cpu(), h.fileSystems(), h.gpus().catch(() => []), h.os(), h.shmSize()]);
	return {
		memory: {total: memory.total, available: memory.available, swapTotal: memory.swapTotal},
		cpus,
		fileSystems: fileSystems.map((f) => ({mount: f.mount, size: f.size, available: f.available, type: f.type})),
		gpus,
		os,
		shm,
	};
}
