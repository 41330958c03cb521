/**
 * What goes into a generated .dockerignore: a common base every project gets, and one
 * block per language. Patterns follow Docker's rules (Go filepath.Match plus `**`,
 * relative to the build context root; `**\/x` matches x at any depth; `!` re-includes).
 * Each entry says why it is there: the reason is printed as a comment above its block.
 */
export interface IgnoreBlock {
	readonly id: string;
	readonly title: string;
	/** One comment line explaining the block. */
	readonly why: string;
	readonly patterns: readonly string[];
}

export type LanguageId = 'python' | 'node' | 'go' | 'java' | 'rust' | 'ruby' | 'php' | 'dotnet';

export interface Language extends IgnoreBlock {
	readonly id: LanguageId;
	/** File names (basename, exact) whose presence anywhere in the bounded walk detects the language. */
	readonly markers: readonly string[];
	/** Basename suffixes (`.csproj`) that also count as markers. */
	readonly markerSuffixes: readonly string[];
	/** Source-file extensions: weaker evidence, used when no marker is found. */
	readonly extensions: readonly string[];
}

export const COMMON_BLOCKS: readonly IgnoreBlock[] = [
	{
		id: 'vcs',
		title: 'Version control',
		why: 'large, and its history can hold secrets you have since deleted',
		patterns: ['.git', '.gitignore', '.gitattributes', '.gitmodules', '.svn', '.hg'],
	},
	{
		id: 'secrets',
		title: 'Secrets and local configuration',
		why: 'pass them at run time (--env-file, secrets), never bake them into a layer; examples stay, at every depth (a negation re-includes only what it matches, so `!**/` undoes `**/`)',
		patterns: [
			'.env',
			'**/.env',
			'.env.*',
			'**/.env.*',
			'!**/.env.example',
			'!**/.env.sample',
			'!**/.env.template',
			'*.pem',
			'*.key',
			'.netrc',
			'.pypirc',
			'.aws',
			'.ssh',
			'id_rsa*',
			'id_ed25519*',
			'*.tfstate',
			'*.tfstate.*',
		],
	},
	{
		id: 'docker',
		title: 'Docker files',
		why: 'editing them should not invalidate the cache of COPY . . (the builder reads them anyway)',
		patterns: ['Dockerfile*', '*.Dockerfile', '.dockerignore', 'docker-compose*.yml', 'docker-compose*.yaml', 'compose*.yml', 'compose*.yaml'],
	},
	{
		id: 'editor',
		title: 'Editors, OS files, CI configuration',
		why: 'nothing the image needs',
		patterns: ['.vscode', '.idea', '**/*.swp', '**/*~', '**/.DS_Store', '**/Thumbs.db', '.github', '.gitlab-ci.yml', '.circleci', '.devcontainer'],
	},
	{
		id: 'logs',
		title: 'Logs, coverage and temporary files',
		why: 'change on every run and would bust the build cache',
		patterns: ['**/*.log', 'coverage', '.coverage', 'tmp', '.cache'],
	},
];

export const LANGUAGES: readonly Language[] = [
	{
		id: 'python',
		title: 'Python',
		why: 'caches and virtual environments are rebuilt inside the image (a host venv does not even work there)',
		markers: ['requirements.txt', 'pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile', 'Pipfile.lock', 'poetry.lock', 'uv.lock', 'environment.yml', 'tox.ini'],
		markerSuffixes: [],
		extensions: ['.py', '.ipynb'],
		patterns: [
			'**/__pycache__',
			'**/*.py[cod]',
			'.venv',
			'venv',
			'**/.venv',
			'.pytest_cache',
			'.mypy_cache',
			'.ruff_cache',
			'.tox',
			'.nox',
			'.hypothesis',
			'htmlcov',
			'*.egg-info',
			'.eggs',
			'**/.ipynb_checkpoints',
			'wandb',
			'mlruns',
		],
	},
	{
		id: 'node',
		title: 'Node.js',
		why: 'dependencies are installed inside the image with npm ci; host node_modules may hold native builds for the wrong OS',
		markers: ['package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', '.nvmrc'],
		markerSuffixes: [],
		extensions: ['.js', '.mjs', '.cjs', '.ts', '.tsx', '.jsx'],
		patterns: [
			'node_modules',
			'**/node_modules',
			'npm-debug.log*',
			'yarn-debug.log*',
			'yarn-error.log*',
			'pnpm-debug.log*',
			'.npm',
			'.yarn/cache',
			'.pnpm-store',
			'.next/cache',
			'.nuxt',
			'.turbo',
			'.parcel-cache',
			'.eslintcache',
		],
	},
	{
		id: 'go',
		title: 'Go',
		why: 'binaries are built inside the image; host builds are for the wrong platform',
		markers: ['go.mod', 'go.sum', 'go.work'],
		markerSuffixes: [],
		extensions: ['.go'],
		patterns: ['**/*.test', '**/*.out', 'coverage.txt', 'go.work.sum'],
	},
	{
		id: 'java',
		title: 'Java / Kotlin (Maven, Gradle)',
		why: 'build output and tool caches are recreated by the build stage',
		markers: ['pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradlew', 'mvnw'],
		markerSuffixes: [],
		extensions: ['.java', '.kt', '.kts', '.scala'],
		patterns: ['target', '**/target', 'build', '**/build', '.gradle', '**/.gradle', 'out', '*.class', '.classpath', '.project', '.settings'],
	},
	{
		id: 'rust',
		title: 'Rust',
		why: 'target/ is often gigabytes and is rebuilt by cargo inside the image',
		markers: ['Cargo.toml', 'Cargo.lock', 'rust-toolchain.toml', 'rust-toolchain'],
		markerSuffixes: [],
		extensions: ['.rs'],
		patterns: ['target', '**/target', '**/*.rs.bk'],
	},
	{
		id: 'ruby',
		title: 'Ruby',
		why: 'gems are installed inside the image with bundle install',
		markers: ['Gemfile', 'Gemfile.lock', 'Rakefile', 'config.ru', '.ruby-version'],
		markerSuffixes: ['.gemspec'],
		extensions: ['.rb', '.erb'],
		patterns: ['.bundle', 'vendor/bundle', 'log', 'tmp', '.byebug_history', 'spec/examples.txt', 'public/packs-test', 'storage'],
	},
	{
		id: 'php',
		title: 'PHP',
		why: 'Composer installs vendor/ inside the image',
		markers: ['composer.json', 'composer.lock', 'artisan'],
		markerSuffixes: [],
		extensions: ['.php'],
		patterns: ['vendor', '.phpunit.result.cache', '.phpunit.cache', '.php-cs-fixer.cache', 'storage/logs', 'storage/framework/cache', 'bootstrap/cache/*.php'],
	},
	{
		id: 'dotnet',
		title: '.NET',
		why: 'dotnet restore and publish recreate bin/ and obj/ in the build stage',
		markers: ['global.json', 'nuget.config', 'NuGet.Config', 'Directory.Build.props'],
		markerSuffixes: ['.csproj', '.fsproj', '.vbproj', '.sln', '.slnx'],
		extensions: ['.cs', '.fs', '.vb'],
		patterns: ['**/bin', '**/obj', '**/out', '.vs', '*.user', '*.suo', 'TestResults', '**/*.nupkg'],
	},
];
