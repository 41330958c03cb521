/** Files and mounts: wrong working directory or entry file, a bind mount that turned into a directory, secrets never mounted. */
import type {SignatureFamily} from './types.js';

const WORKDIR = {description: 'Check the working directory and what is in it', command: "docker run --rm --entrypoint sh {image} -c 'pwd; ls -la'"};
const DIR_MOUNT =
	"The path is a directory where the program expects a file. With -v ./file:/path, when ./file did not exist on the engine's machine at the time the container was created, Docker silently created an empty directory in its place and mounted that.";
const DIR_FIX = [
	{
		description: 'Check the host side of the mount: is it a directory?',
		command: "docker inspect --format '{{range .Mounts}}{{.Source}} -> {{.Destination}}{{println}}{{end}}' {name}",
	},
	{
		description: 'Replace the accidental directory with the file, then recreate the container',
		command: 'rmdir ./config.json && cp config.example.json ./config.json && docker compose up -d --force-recreate',
	},
];
const SECRET =
	'The program reads a secret or config file that is not there. Docker secrets and configs appear under /run/secrets (or the configured target) only when the service declares them; compose v1 and plain docker run need them mounted as files.';
const SECRET_FIX = [
	{
		description: 'Declare and mount the secret',
		edit: {file: 'compose.yaml', change: 'services:\n  app:\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt'},
	},
	{description: 'With docker run, mount the file read-only', command: 'docker run -v "$PWD/secrets/db_password.txt:/run/secrets/db_password:ro" {image}'},
];

export const files: SignatureFamily = {
	id: 'files',
	description: 'Entry files and working directories, bind mounts that became directories, secrets and configs that were never mounted.',
	signatures: [
		{
			id: 'python-entry-file-missing',
			runtime: 'python',
			pattern: /python[\d.]*: can't open file '([^']+)': \[Errno 2\] No such file or directory/,
			title: 'Python cannot find the script {1}',
			explanation:
				'The command names a script that is not at that path: the WORKDIR differs from where the code was copied, the COPY went elsewhere, or a bind mount over the app directory hides the files the image had.',
			fixes: [
				WORKDIR,
				{
					description: 'Copy the code to the working directory the command expects',
					edit: {file: 'Dockerfile', change: 'WORKDIR /app\nCOPY . .\nCMD ["python", "main.py"]'},
				},
			],
			cases: {
				fires: [{log: ["python: can't open file '/app/main.py': [Errno 2] No such file or directory"]}],
				silent: [{log: ["FileNotFoundError: [Errno 2] No such file or directory: 'data.csv'"]}],
			},
		},
		{
			id: 'node-entry-file-missing',
			runtime: 'node',
			pattern: /Error: Cannot find module '(\/[^']+)'/,
			unless: /^Require stack:/,
			title: 'Node.js cannot find the entry file {1}',
			explanation:
				'node was started with a file path that does not exist in the container: the build output directory (dist/, build/) was not copied, the WORKDIR is different, or a bind mount over /app hides what the image had.',
			fixes: [
				WORKDIR,
				{description: 'Build and copy the output the command starts', edit: {file: 'Dockerfile', change: 'RUN npm run build\nCMD ["node", "dist/index.js"]'}},
			],
			cases: {
				fires: [
					{
						log: [
							'node:internal/modules/cjs/loader:1080',
							'  throw err;',
							"Error: Cannot find module '/app/dist/index.js'",
							'    at Module._resolveFilename (node:internal/modules/cjs/loader:1077:15)',
							"  code: 'MODULE_NOT_FOUND',",
						],
					},
				],
				silent: [{log: ["Error: Cannot find module 'express'", 'Require stack:', '- /app/server.js']}],
			},
		},
		{
			id: 'npm-package-json-missing',
			runtime: 'node',
			pattern: /npm (?:ERR!|error) (?:enoent|code ENOENT)?.*(?:open|no such file or directory, open) '([^']*package\.json)'/,
			title: 'npm finds no package.json at {1}: wrong working directory',
			explanation:
				"npm start (or npm run) looks for package.json in the current directory. The container's WORKDIR is not the directory the project was copied to, or a volume hides it.",
			fixes: [WORKDIR, {description: 'Set WORKDIR before COPY and npm', edit: {file: 'Dockerfile', change: 'WORKDIR /app\nCOPY package*.json ./'}}],
			cases: {
				fires: [
					{
						log: [
							'npm ERR! code ENOENT',
							'npm ERR! syscall open',
							'npm ERR! path /package.json',
							'npm ERR! errno -2',
							"npm ERR! enoent ENOENT: no such file or directory, open '/package.json'",
						],
					},
					{
						log: [
							'npm error code ENOENT',
							"npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/usr/src/package.json'",
						],
					},
				],
				silent: [{log: ['npm notice New minor version of npm available! 10.2.4 -> 10.5.2']}],
			},
		},
		{
			id: 'java-jar-missing',
			runtime: 'jvm',
			pattern: /Error: Unable to access jarfile (\S+)/,
			title: 'Java cannot open the jar {1}',
			explanation:
				'The java -jar path does not exist in the container: the build stage wrote the jar under another name (a version in the file name) or path, or the COPY --from pattern matched nothing you expected.',
			fixes: [
				{
					description: 'Copy the jar under a fixed name',
					edit: {file: 'Dockerfile', change: 'COPY --from=build /src/target/*.jar /app/app.jar\nCMD ["java", "-jar", "/app/app.jar"]'},
				},
			],
			cases: {fires: [{log: ['Error: Unable to access jarfile /app/app.jar']}], silent: [{log: ['Error: Invalid or corrupt jarfile /app/app.jar']}]},
		},
		{
			id: 'ruby-entry-file-missing',
			runtime: 'ruby',
			pattern: /ruby: No such file or directory -- (\S+) \(LoadError\)/,
			title: 'Ruby cannot find the script {1}',
			explanation: 'The script named on the command line is not in the working directory of the container.',
			fixes: [WORKDIR],
			cases: {
				fires: [{log: ['ruby: No such file or directory -- app.rb (LoadError)']}],
				silent: [
					{log: ["<internal:/usr/local/lib/ruby/3.3.0/rubygems/core_ext/kernel_require.rb>:136:in `require': cannot load such file -- sinatra (LoadError)"]},
				],
			},
		},
		{
			id: 'php-input-file-missing',
			runtime: 'php',
			pattern: /^Could not open input file: (\S+)/,
			title: 'PHP cannot open {1}',
			explanation: 'php was asked to run a file (artisan, a script) that is not in the working directory: the WORKDIR or the COPY destination is wrong.',
			fixes: [WORKDIR, {description: 'Run from the project directory', edit: {file: 'Dockerfile', change: 'WORKDIR /var/www/html'}}],
			cases: {
				fires: [{log: ['Could not open input file: artisan']}],
				silent: [{log: ['PHP Warning:  file_get_contents(/tmp/x): Failed to open stream: No such file or directory in /var/www/html/index.php on line 2']}],
			},
		},
		{
			id: 'dotnet-dll-missing',
			runtime: 'dotnet',
			pattern: /(?:The application to execute does not exist: '([^']+)'|Could not execute because the specified command or file was not found)/,
			title: '.NET cannot find the application {1}',
			explanation:
				'dotnet was given a .dll that is not there: the publish output was copied from another folder, or the assembly has another name than the ENTRYPOINT expects (it follows the project file name).',
			fixes: [
				{
					description: 'Copy the publish output and name the real assembly',
					edit: {file: 'Dockerfile', change: 'COPY --from=build /app/publish .\nENTRYPOINT ["dotnet", "MyApp.dll"]'},
				},
			],
			cases: {
				fires: [
					{log: ["The application to execute does not exist: '/app/Api.dll'."]},
					{log: ['Could not execute because the specified command or file was not found.', 'Possible reasons for this include:']},
				],
				silent: [{log: ['info: Microsoft.Hosting.Lifetime[0]', '      Application started. Press Ctrl+C to shut down.']}],
			},
		},
		{
			id: 'is-a-directory',
			runtime: 'any',
			pattern:
				/(?:IsADirectoryError: \[Errno 21\] Is a directory: '([^']+)'|EISDIR: illegal operation on a directory, read|\(21: Is a directory\)|java\.io\.FileNotFoundException: (\S+) \(Is a directory\)|read (\S+): is a directory|^(?:cat|head|tail|grep|sed|awk): read error: Is a directory)/,
			title: 'A file the program reads is a directory{1}{2}{3}',
			explanation: DIR_MOUNT,
			fixes: DIR_FIX,
			cases: {
				fires: [
					{log: ["IsADirectoryError: [Errno 21] Is a directory: '/app/config.json'"]},
					{log: ['2024/05/01 10:00:00 [emerg] 1#1: pread() "/etc/nginx/nginx.conf" failed (21: Is a directory)']},
					{log: ['Error: EISDIR: illegal operation on a directory, read']},
					{log: ['loading /etc/app.conf', 'cat: read error: Is a directory']},
				],
				silent: [{log: ["NotADirectoryError: [Errno 20] Not a directory: '/app/x'"]}],
			},
		},
		{
			id: 'config-file-missing',
			runtime: 'any',
			pattern:
				/(?:FileNotFoundError: \[Errno 2\] No such file or directory: '([^']+\.(?:ya?ml|json|toml|ini|conf|cfg|env|properties))'|ENOENT: no such file or directory, open '([^']+\.(?:ya?ml|json|toml|ini|conf|cfg|env))'|open ([^:\s]+\.(?:ya?ml|json|toml|ini|conf|cfg|env)): no such file or directory|java\.io\.FileNotFoundException: (\S+\.(?:ya?ml|json|properties|xml)) \(No such file or directory\))/,
			title: 'The configuration file {1}{2}{3}{4} is missing',
			explanation:
				'The program reads a configuration file that is not in the image nor mounted. Config usually comes from a bind mount or a compose configs: entry that this container does not have, or from a relative path resolved against a different working directory.',
			fixes: [{description: 'Mount the file (read-only)', command: 'docker run -v "$PWD/config.yaml:/app/config.yaml:ro" {image}'}, WORKDIR],
			cases: {
				fires: [
					{log: ["FileNotFoundError: [Errno 2] No such file or directory: 'config/settings.yaml'"]},
					{log: ['2024/05/01 10:00:00 open /etc/app/config.yaml: no such file or directory']},
				],
				silent: [
					{log: ['INFO loaded configuration from /etc/app/config.yaml']},
					{log: ["FileNotFoundError: [Errno 2] No such file or directory: '/run/secrets/db_password'"]},
				],
			},
		},
		{
			id: 'secret-not-mounted',
			runtime: 'any',
			pattern:
				/(?:No such file or directory|ENOENT|not found|does not exist|no such file)[^\n]*['" ](\/run\/secrets\/[\w.-]+)|(\/run\/secrets\/[\w.-]+)['":]*[^\n]*(?:No such file or directory|ENOENT|no such file|does not exist)/,
			title: 'The secret {1}{2} was never mounted',
			explanation: SECRET,
			fixes: SECRET_FIX,
			cases: {
				fires: [
					{log: ["FileNotFoundError: [Errno 2] No such file or directory: '/run/secrets/db_password'"]},
					{log: ['panic: open /run/secrets/api_key: no such file or directory']},
					{log: ["cat: can't open '/run/secrets/token': No such file or directory"]},
				],
				silent: [{log: ['INFO read secret from /run/secrets/db_password']}],
			},
		},
		{
			id: 'file-env-missing',
			runtime: 'shell',
			pattern:
				/(?:error: both ([A-Z_]+) and \1_FILE are set \(but are exclusive\)|(?:^|: )([A-Z][A-Z0-9_]+_FILE)[^\n]*(?:No such file or directory|cannot open|can't open))/,
			title: 'The _FILE variable {1}{2} points at a file that is missing, or clashes with the plain variable',
			explanation:
				'Official images (postgres, mysql, mariadb, wordpress) read VAR_FILE as "the value is in this file", meant for secrets. Either the file is not mounted, or both VAR and VAR_FILE are set, which the entrypoint refuses.',
			fixes: SECRET_FIX,
			cases: {
				fires: [{log: ['error: both POSTGRES_PASSWORD and POSTGRES_PASSWORD_FILE are set (but are exclusive)']}],
				silent: [{log: ['PostgreSQL init process complete; ready for start up.']}],
			},
		},
		{
			id: 'script-not-found-in-workdir',
			runtime: 'shell',
			pattern: /^(?:\/bin\/)?(?:sh|bash): (?:0: )?(?:cannot open|[Cc]an't open) '?([./\w-]+\.sh)'?(?:: No such file)?/,
			title: 'The shell cannot open the script {1}',
			explanation:
				'sh was told to run a script by a relative or absolute path that does not exist in the container: the WORKDIR is not where the script was copied, or a mount hides it.',
			fixes: [WORKDIR],
			cases: {
				fires: [
					{log: ['sh: 0: cannot open ./start.sh: No such file']},
					{log: ["/bin/sh: can't open 'entrypoint.sh': No such file or directory".replace("can't open 'entrypoint.sh'", "Can't open entrypoint.sh")]},
					{log: ["sh: can't open './start.sh': No such file or directory"]},
				],
				silent: [{log: ['sh: 1: ./start.sh: Permission denied']}],
			},
		},
	],
};
