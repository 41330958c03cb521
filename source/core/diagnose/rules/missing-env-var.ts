import {field, lastMatch, logEvidence} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

/** Messages of well-known images that name the variables they need. */
const KNOWN: ReadonlyArray<{pattern: RegExp; vars: string[]}> = [
	// The entry points' own error texts; the bare variable name also appears in healthy starts' warnings.
	{pattern: /superuser password is not specified|You must specify POSTGRES_PASSWORD/i, vars: ['POSTGRES_PASSWORD']},
	{
		pattern: /password option is not specified|You need to specify one of the following(?: as an environment variable)?/i,
		vars: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD', 'MARIADB_ROOT_PASSWORD'],
	},
];

const GENERIC: readonly RegExp[] = [
	// sh/bash ${VAR:?message}
	/(?:^|: )([A-Z][A-Z0-9_]{2,}): (?:parameter (?:null or )?not set|.*\b(?:required|must be set|not set|missing)\b.*)$/,
	/\b(?:env(?:ironment)?(?: variable| var)?|config(?:uration)? (?:value|key))s? ['"`]?([A-Z][A-Z0-9_]{2,})['"`]? (?:is )?(?:not set|not defined|undefined|missing|required|must be set|empty)/i,
	/\b(?:missing|required|undefined|no|unset) (?:required )?(?:env(?:ironment)? ?var(?:iable)?s?|config(?:uration)? (?:value|key)s?)[:\s]+['"`]?([A-Z][A-Z0-9_]{2,})/i,
	/['"`]?([A-Z][A-Z0-9_]{2,})['"`]? (?:env(?:ironment)? ?var(?:iable)? )?(?:is not set|must be set|is required|is missing|is undefined|not defined|not set)\b/,
	/KeyError: '([A-Z][A-Z0-9_]{2,})'/,
];

export const missingEnvVar: Rule = {
	id: 'missing-env-var',
	description: 'A required environment variable or configuration value is missing: the program says so in its log and the container env lacks it.',
	kind: 'cause',
	basis: 'logs',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['missing-env-var'], silent: ['healthy-running', 'unexplained-exit', 'connection-refused-localhost']},
	diagnose(f) {
		const names = new Map(f.container.env.map((e) => [e.slice(0, Math.max(0, e.indexOf('='))) || e, e.slice(e.indexOf('=') + 1)]));
		for (const k of KNOWN) {
			const hit = lastMatch(f, k.pattern);
			if (hit && !k.vars.some((v) => names.get(v))) return finding(f, hit.line, k.vars, names);
		}
		for (const pattern of GENERIC) {
			const hit = lastMatch(f, pattern);
			if (!hit) continue;
			const name = hit.match[1]!;
			if (name !== name.toUpperCase()) continue;
			if (names.get(name)) continue; // it is set: the message means something else
			return finding(f, hit.line, [name], names);
		}
		return null;
	},
};

function finding(f: Parameters<typeof field>[0], line: Parameters<typeof logEvidence>[1], vars: string[], names: Map<string, string>) {
	const present = vars.filter((v) => names.has(v));
	const evidence: Evidence[] = [
		logEvidence(f, line),
		{
			...field(f, 'Config.Env', ''),
			value: present.length > 0 ? `${present.join(', ')} set but empty` : `no ${vars.join(' / ')} among ${names.size} variables`,
			command: `docker inspect --format '{{range .Config.Env}}{{println .}}{{end}}' ${f.container.name}`,
		},
	];
	const v = vars[0]!;
	return {
		title: `Required environment variable ${vars.length > 1 ? `(${vars.slice(0, 2).join(' or ')}…)` : v} is missing`,
		severity: 'error' as const,
		confidence: 'high' as const,
		evidence,
		explanation: `The program needs ${vars.length > 1 ? `one of ${vars.join(', ')}` : v} to start and stops when it is not set. Environment variables reach a container only through docker run -e/--env-file or the compose file's environment/env_file; a .env file in the project is not passed into the container by itself.`,
		fixes: [
			{description: 'Pass it when running', command: `docker run -e ${v}=... ${f.container.image}`},
			{
				description: 'Or in compose (secrets from an env file that is not committed)',
				edit: {file: 'compose.yaml', change: `services.${f.container.composeService ?? '<service>'}.environment:\n  ${v}: \${${v}:?set ${v} in .env}`},
			},
		],
	};
}
