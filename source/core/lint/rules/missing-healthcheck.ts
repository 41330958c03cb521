import {defineRule, type Instruction} from '../types.js';
import {externalBase, finalStage, lastInChain} from '../rule-helpers.js';

/** Programs that run a long-lived service when they are the container's command. */
const SERVICES =
	/(^|[\s/"'[,])(nginx|httpd|apache2(ctl)?|caddy|traefik|haproxy|envoy|gunicorn|uvicorn|hypercorn|daphne|waitress-serve|puma|unicorn|rails|php-fpm\d*(\.\d+)?|php-fpm|node|nodemon|pm2-runtime|deno|bun|java|catalina\.sh|redis-server|postgres|mysqld|mariadbd|mongod|memcached|rabbitmq-server|elasticsearch|kibana|grafana-server|prometheus|consul|vault|nats-server|minio|supervisord|flask|streamlit|serve|http-server|next|nuxt|dotnet)(\s|"|'|,|\]|$)/;

type Why = {service: string; notChecked: boolean; notLocal: boolean};

const message = (why: Why): string =>
	`the image runs a long-lived service (${why.service}) but has no HEALTHCHECK, so docker and orchestrators cannot tell "running" from "working"; add HEALTHCHECK CMD <a probe that exits 0 when healthy>` +
	(why.notChecked ? ' (base image not checked: it may define one)' : why.notLocal ? ' (base image not present locally: it may define one)' : '');

/** Interpreters are a service only when they run something: `CMD ["node"]` is a REPL. */
const INTERPRETERS = new Set(['node', 'deno', 'bun', 'java', 'dotnet']);

function serviceOf(i: Instruction | undefined): string | undefined {
	if (!i) return undefined;
	const argv = i.json ? [...i.json] : i.args.split(/\s+/).filter(Boolean);
	const text = argv.join(' ');
	const m = SERVICES.exec(text);
	if (!m) return undefined;
	const name = m[2]!;
	if (INTERPRETERS.has(name)) {
		const at = argv.findIndex((a) => a === name || a.endsWith(`/${name}`));
		if (at < 0 || at === argv.length - 1) return undefined;
	}
	return name;
}

export default defineRule({
	id: 'DH3001',
	slug: 'missing-healthcheck',
	severity: 'info',
	description: 'A service image has no HEALTHCHECK',
	equivalents: {hadolint: 'DL3057'},
	message,
	check(ctx) {
		const final = finalStage(ctx.file);
		if (!final) return [];
		if (lastInChain(ctx.file, final, 'HEALTHCHECK')) return []; // defined, or HEALTHCHECK NONE on purpose
		const base = ctx.base(final);
		if (base && base.healthcheck && base.healthcheck.length > 0 && base.healthcheck[0] !== 'NONE') return [];
		const expose = lastInChain(ctx.file, final, 'EXPOSE');
		const service =
			serviceOf(lastInChain(ctx.file, final, 'ENTRYPOINT')) ??
			serviceOf(lastInChain(ctx.file, final, 'CMD')) ??
			(expose ? `EXPOSE ${expose.args.replace(/\s+/g, ' ')}` : undefined) ??
			(base && base.exposedPorts.length > 0 ? `the base image exposes ${base.exposedPorts.join(', ')}` : undefined);
		if (!service) return [];
		if (
			externalBase(ctx.file, final).base.scratch &&
			!expose &&
			!serviceOf(lastInChain(ctx.file, final, 'ENTRYPOINT')) &&
			!serviceOf(lastInChain(ctx.file, final, 'CMD'))
		)
			return [];
		return [{line: final.line, column: final.from.column, message: message({service, notChecked: base === undefined, notLocal: base === null})}];
	},
});
