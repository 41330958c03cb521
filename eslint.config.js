/**
 * ESLint: typescript-eslint's recommended rules, React's rules of hooks, and the layers of README's
 * "How it is built" as import restrictions. When a layer rule objects, move the code; do not silence it.
 *
 * The layers are checked on static imports, re-exports and dynamic import() alike, by specifier:
 * every project import is relative and ends in `.js`, so a pattern on the path is exact.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-in modules, with or without the `node:` prefix. */
const NODE_BUILTINS = [
	'assert',
	'async_hooks',
	'buffer',
	'child_process',
	'cluster',
	'crypto',
	'dgram',
	'dns',
	'events',
	'fs',
	'fs/promises',
	'http',
	'http2',
	'https',
	'module',
	'net',
	'os',
	'path',
	'perf_hooks',
	'process',
	'readline',
	'stream',
	'stream/promises',
	'timers',
	'timers/promises',
	'tls',
	'tty',
	'url',
	'util',
	'v8',
	'vm',
	'worker_threads',
	'zlib',
];

/**
 * One layer rule: `paths` are package names (exact), `regex` matches a specifier (a project path or
 * a package family). The same list drives no-restricted-imports (static) and no-restricted-syntax
 * (import() calls), so a lazy import cannot slip past a layer.
 */
function layer(message, {paths = [], regex = [], typesFrom = []}) {
	const pattern = (re) => ({regex: re, message});
	// A type-only import of these is allowed (a renderer may name the descriptor it renders).
	const typeOnly = typesFrom.map((re) => ({regex: re, message, allowTypeImports: true}));
	const dynamic = [
		...paths.map((p) => `ImportExpression > Literal[value=${JSON.stringify(p)}]`),
		...[...regex, ...typesFrom].map((re) => `ImportExpression > Literal[value=/${re.replace(/\//g, '\\/')}/]`),
	];
	return {
		'@typescript-eslint/no-restricted-imports': ['error', {paths: paths.map((name) => ({name, message})), patterns: [...regex.map(pattern), ...typeOnly]}],
		'no-restricted-syntax': ['error', ...dynamic.map((selector) => ({selector, message}))],
	};
}

const node = NODE_BUILTINS.flatMap((m) => [m, `node:${m}`]);
const inkAndReact = ['ink', 'ink-select-input', 'ink-testing-library', 'react', 'react/jsx-runtime'];

/** Merge two rule sets made by layer(): both keys take the union of their options. */
function both(a, b) {
	const [, aImports] = a['@typescript-eslint/no-restricted-imports'];
	const [, bImports] = b['@typescript-eslint/no-restricted-imports'];
	return {
		'@typescript-eslint/no-restricted-imports': [
			'error',
			{paths: [...aImports.paths, ...bImports.paths], patterns: [...aImports.patterns, ...bImports.patterns]},
		],
		'no-restricted-syntax': ['error', ...a['no-restricted-syntax'].slice(1), ...b['no-restricted-syntax'].slice(1)],
	};
}

const onlyDockerAdapter = layer('Only source/adapters/docker.ts talks to dockerode: add a method there that returns domain types.', {
	paths: ['dockerode', 'docker-modem'],
});
const onlyHostAdapter = layer('Only source/adapters/host.ts imports systeminformation: add a fact there.', {paths: ['systeminformation']});

const coreLayer = layer(
	'core/ is pure: no fs, process, dockerode, systeminformation, Ink, React or chalk, and no adapters/, commands/, output/ or ui/. Pass the facts in from an adapter.',
	{
		paths: [...node, 'dockerode', 'docker-modem', 'ssh2', 'systeminformation', 'chalk', 'meow', ...inkAndReact],
		regex: ['^(\\.\\./)+(adapters|commands|output|ui)/', '^(\\.\\./)+(main|context|bin)\\.js$'],
	},
);

const commandsLayer = layer('commands/ never imports ui/: register the view in source/ui/views/registry.ts.', {
	paths: inkAndReact,
	regex: ['^(\\.\\./)+ui/'],
});

const outputLayer = layer('output/ renders a Result to text: no I/O (fs, process, engine, host), no adapters/, commands/ or ui/.', {
	paths: [...node, 'dockerode', 'docker-modem', 'ssh2', 'systeminformation', ...inkAndReact],
	regex: ['^(\\.\\./)+(adapters|ui)/', '^(\\.\\./)+commands/(?!types\\.js$)', '^(\\.\\./)+(main|context|bin)\\.js$'],
	typesFrom: ['^(\\.\\./)+commands/types\\.js$'],
});

const viewsLayer = layer('Views import only core/, output/ and ui/: the Result comes in through ViewProps.', {
	paths: ['dockerode', 'docker-modem', 'ssh2', 'systeminformation'],
	regex: ['^(\\.\\./)+(adapters|commands)/', '^(\\.\\./)+(main|context|bin)\\.js$'],
});

export default tseslint.config(
	{ignores: ['dist/', 'coverage/', 'node_modules/', 'test/fixtures/', 'content/', 'assets/', 'docs/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {globals: {...globals.node}},
		linterOptions: {reportUnusedDisableDirectives: 'error'},
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
			// Terminal output is this tool's trade: ANSI escapes and control characters in patterns are meant.
			'no-control-regex': 'off',
		},
	},
	{
		files: ['**/*.cjs'],
		languageOptions: {sourceType: 'commonjs'},
		rules: {'@typescript-eslint/no-require-imports': 'off'},
	},
	{
		// Tests and the scripts' declarations read engine and JSON documents of no fixed shape.
		files: ['test/**', 'bench/**', 'scripts/**'],
		rules: {'@typescript-eslint/no-explicit-any': 'off'},
	},
	{
		files: ['**/*.tsx'],
		plugins: {'react-hooks': reactHooks},
		rules: {'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn'},
	},
	// The layers. Flat config applies the last matching value of a rule, so each file gets one set.
	{files: ['source/**/*.{ts,tsx}'], ignores: ['source/adapters/docker.ts', 'source/adapters/host.ts'], rules: both(onlyDockerAdapter, onlyHostAdapter)},
	{files: ['source/adapters/docker.ts'], rules: onlyHostAdapter},
	{files: ['source/adapters/host.ts'], rules: onlyDockerAdapter},
	{
		files: ['source/core/**/*.{ts,tsx}'],
		rules: {...coreLayer, 'no-restricted-globals': ['error', {name: 'process', message: 'core/ is pure: take the value as an argument.'}]},
	},
	{files: ['source/commands/**/*.{ts,tsx}'], rules: both(commandsLayer, both(onlyDockerAdapter, onlyHostAdapter))},
	{
		files: ['source/output/**/*.{ts,tsx}'],
		rules: {...outputLayer, 'no-restricted-globals': ['error', {name: 'process', message: 'output/ renders: take the value as an argument.'}]},
	},
	{files: ['source/ui/views/**/*.{ts,tsx}'], rules: viewsLayer},
);
