import {lastMatch, logEvidence} from '../helpers.js';
import type {Rule} from '../types.js';

/** Other runtimes whose "dependency missing" signature is unambiguous. */
const SIGNATURES: ReadonlyArray<{
	runtime: string;
	pattern: RegExp;
	what: (m: RegExpExecArray) => string;
	fix: (name: string) => {description: string; command?: string; edit?: {file: string; change: string}};
}> = [
	{
		runtime: 'Ruby',
		pattern: /cannot load such file -- ([\w/.-]+) \(LoadError\)/,
		what: (m) => m[1]!,
		fix: (n) => ({description: 'Add the gem to the Gemfile and run bundle install in the image', edit: {file: 'Gemfile', change: `gem '${n.split('/')[0]}'`}}),
	},
	{
		runtime: 'Java',
		pattern: /(?:Could not find or load main class|java\.lang\.ClassNotFoundException:|java\.lang\.NoClassDefFoundError:) ([\w.$/]+)/,
		what: (m) => m[1]!,
		fix: () => ({
			description: 'Build a jar that contains its dependencies (a fat/shaded jar) or put them on the classpath',
			command: 'java -cp "app.jar:libs/*" com.example.Main',
		}),
	},
	{
		runtime: 'PHP',
		pattern: /(?:Failed opening required|failed to open stream: No such file or directory in) '?([^'\s]+vendor\/autoload\.php|[^'\s]+)'?/,
		what: (m) => m[1]!,
		fix: () => ({
			description: 'Install Composer dependencies in the image',
			edit: {file: 'Dockerfile', change: 'RUN composer install --no-dev --optimize-autoloader'},
		}),
	},
	{
		runtime: 'shared library',
		pattern: /error while loading shared libraries: ([^:]+): cannot open shared object file/,
		what: (m) => m[1]!,
		fix: (n) => ({
			description: `Install the package that provides ${n} in the runtime stage (e.g. apt-get install, apk add); on Alpine, binaries built for glibc need a glibc base image`,
			command: `docker run --rm --entrypoint sh <image> -c 'ldd /path/to/binary'`,
		}),
	},
	{
		runtime: 'Go',
		pattern: /cannot find package "([^"]+)"|no required module provides package ([\w./-]+)/,
		what: (m) => m[1] ?? m[2]!,
		fix: (n) => ({description: 'Add the module and vendor or download it during the build', command: `go get ${n} && go mod tidy`}),
	},
];

export const runtimeDependencyMissing: Rule = {
	id: 'runtime-dependency-missing',
	description: 'Ruby gems, Java classes, PHP Composer autoload, Go packages or shared libraries missing at start-up.',
	kind: 'cause',
	basis: 'logs',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: [], silent: ['python-module-missing', 'node-module-missing', 'jvm-heap-oom']},
	diagnose(f) {
		for (const s of SIGNATURES) {
			const hit = lastMatch(f, s.pattern);
			if (!hit) continue;
			const name = s.what(hit.match);
			return {
				title: `${s.runtime}: ${name} is missing`,
				severity: 'error',
				confidence: 'high',
				evidence: [logEvidence(f, hit.line)],
				explanation: `The ${s.runtime === 'shared library' ? 'dynamic linker' : `${s.runtime} runtime`} could not find ${name} when the program started. It is not installed in the image (or installed in a build stage that the final stage does not copy).`,
				fixes: [s.fix(name), {description: 'Look inside the image', command: `docker run --rm -it --entrypoint sh ${f.container.image}`}],
			};
		}
		return null;
	},
};
