/** Runtime-specific start failures: native modules built elsewhere, module systems, class versions, missing frameworks, shell dialects. */
import type {SignatureFamily} from './types.js';

const REBUILD = {
	description: "Install dependencies inside the image, not on the host, and keep the host's node_modules out",
	edit: {file: '.dockerignore', change: 'node_modules'},
};

export const runtimes: SignatureFamily = {
	id: 'runtimes',
	description: 'Node, Python, JVM, Ruby, PHP, .NET and shell failures whose message names the cause plainly.',
	signatures: [
		{
			id: 'node-native-abi-mismatch',
			runtime: 'node',
			pattern:
				/was compiled against a different Node\.js version using\s*NODE_MODULE_VERSION (\d+)\. This version of Node\.js requires\s*NODE_MODULE_VERSION (\d+)/,
			title: 'A native Node module was built for another Node.js (ABI {1}, this one needs {2})',
			explanation:
				"A compiled addon (bcrypt, sharp, sqlite3, ...) in node_modules was built for a different Node.js version: node_modules was copied from the host or an older image, or a bind mount brings in the host's.",
			fixes: [REBUILD, {description: 'Rebuild the addons in the image', command: 'docker run --rm {image} npm rebuild'}],
			cases: {
				fires: [
					{
						log: [
							"Error: The module '/app/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node'",
							'was compiled against a different Node.js version using',
							'NODE_MODULE_VERSION 93. This version of Node.js requires',
							'NODE_MODULE_VERSION 115. Please try re-compiling or re-installing',
						]
							.join('\n')
							.split('\n')
							.slice(0, 1)
							.concat([
								'was compiled against a different Node.js version using NODE_MODULE_VERSION 93. This version of Node.js requires NODE_MODULE_VERSION 115. Please try re-compiling or re-installing',
							]),
					},
				],
				silent: [{log: ['> bcrypt@5.1.1 install /app/node_modules/bcrypt', '> node-pre-gyp install --fallback-to-build']}],
			},
		},
		{
			id: 'native-libc-mismatch',
			runtime: 'node',
			pattern:
				/(?:Error loading shared library (ld-linux-[\w-]+\.so\.\d)|(?:symbol not found|Error relocating)[^\n]*(?:__[\w]+_chk|gnu_get_libc_version|fcntl64)|GLIBC_([\d.]+)' not found)/,
			title: 'A native binary was built for a different C library (glibc vs musl, or a newer glibc)',
			explanation:
				'The binary or addon links against glibc, but the image is Alpine (musl), or it needs a newer glibc than the base image has. Binaries copied from a Debian build stage into Alpine, or prebuilt addons downloaded for the host, cause it.',
			fixes: [
				{
					description: 'Build and run on the same base (both Debian slim, or both Alpine)',
					edit: {file: 'Dockerfile', change: 'FROM node:20-bookworm-slim AS build\n...\nFROM node:20-bookworm-slim'},
				},
				{description: 'Or install the addon for musl in the image', command: 'npm install --os=linux --libc=musl'},
			],
			cases: {
				fires: [
					{
						log: [
							'Error: Error loading shared library ld-linux-x86-64.so.2: No such file or directory (needed by /app/node_modules/@swc/core-linux-x64-gnu/swc.linux-x64-gnu.node)',
						],
					},
					{log: ["/app/server: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /app/server)"]},
				],
				silent: [{log: ['/app/server: error while loading shared libraries: libssl.so.3: cannot open shared object file: No such file or directory']}],
			},
		},
		{
			id: 'node-esm-cjs-mismatch',
			runtime: 'node',
			pattern:
				/(SyntaxError: Cannot use import statement outside a module|Error \[ERR_REQUIRE_ESM\]: require\(\) of ES Module (\S+)|ReferenceError: require is not defined in ES module scope)/,
			title: 'Node.js module system mismatch: {1}',
			explanation:
				'ES modules (import) and CommonJS (require) are mixed: the file uses import but package.json has no "type": "module", or CommonJS code requires a package that is ESM-only since its last major version (node-fetch 3, chalk 5, ...).',
			fixes: [
				{description: 'Declare the module type that the code uses', edit: {file: 'package.json', change: '"type": "module"'}},
				{description: 'Or pin the last CommonJS major of the package', command: 'npm install node-fetch@2'},
			],
			cases: {
				fires: [
					{log: ['/app/index.js:1', "import express from 'express';", '^^^^^^', '', 'SyntaxError: Cannot use import statement outside a module']},
					{log: ['Error [ERR_REQUIRE_ESM]: require() of ES Module /app/node_modules/node-fetch/src/index.js from /app/index.js not supported.']},
				],
				silent: [{log: ['(node:1) ExperimentalWarning: Importing JSON modules is an experimental feature']}],
			},
		},
		{
			id: 'npm-missing-script',
			runtime: 'node',
			pattern: /npm (?:ERR!|error) Missing script: "?([\w:-]+)"?/i,
			title: 'package.json has no "{1}" script',
			explanation:
				'The command runs npm run {1} (npm start is npm run start), and package.json in the working directory has no such script: the wrong directory, or a production image built from a package.json without it.',
			fixes: [
				{description: 'Add the script, or run the entry file directly', edit: {file: 'package.json', change: '"scripts": { "start": "node dist/index.js" }'}},
			],
			cases: {
				fires: [{log: ['npm ERR! Missing script: "start"', 'npm ERR!', 'npm ERR! Did you mean one of these?']}, {log: ['npm error Missing script: "dev"']}],
				silent: [{log: ['> app@1.0.0 start', '> node index.js']}],
			},
		},
		{
			id: 'node-dev-dependency-missing',
			runtime: 'node',
			pattern: /^(?:sh: (?:\d+: )?)(nodemon|ts-node|tsx|vite|next|nest|webpack|tsc|jest|react-scripts|concurrently): (?:not found|Permission denied)/,
			title: '{1} is not installed in the image (a devDependency)',
			explanation:
				'The start script calls {1}, which lives in devDependencies; the image installed production dependencies only (npm ci --omit=dev, NODE_ENV=production), so node_modules/.bin has no {1}.',
			fixes: [
				{
					description: 'Build in one stage with dev dependencies, run the built output with production ones',
					edit: {file: 'package.json', change: '"start": "node dist/index.js"'},
				},
			],
			cases: {
				fires: [{log: ['> app@1.0.0 dev', '> nodemon src/index.js', '', 'sh: 1: nodemon: not found']}],
				silent: [{log: ['[nodemon] 3.1.0', '[nodemon] starting `node src/index.js`']}],
			},
		},
		{
			id: 'jvm-class-version',
			runtime: 'jvm',
			pattern:
				/UnsupportedClassVersionError: ([\w/.$]+) has been compiled by a more recent version of the Java Runtime \(class file version ([\d.]+)\), this version of the Java Runtime only recognizes class file versions up to ([\d.]+)/,
			title: '{1} was compiled for a newer Java than this image runs',
			explanation:
				"Class file version 52 is Java 8, 55 is 11, 61 is 17, 65 is 21. The build stage's JDK is newer than the runtime image's JRE (class file {2} vs at most {3}).",
			fixes: [
				{
					description: 'Use the same Java version to build and run',
					edit: {file: 'Dockerfile', change: 'FROM eclipse-temurin:21-jdk AS build\n...\nFROM eclipse-temurin:21-jre'},
				},
			],
			cases: {
				fires: [
					{
						log: [
							'Error: LinkageError occurred while loading main class com.example.App',
							'\tjava.lang.UnsupportedClassVersionError: com/example/App has been compiled by a more recent version of the Java Runtime (class file version 65.0), this version of the Java Runtime only recognizes class file versions up to 61.0',
						],
					},
				],
				silent: [{log: ['openjdk version "21.0.2" 2024-01-16 LTS']}],
			},
		},
		{
			id: 'jar-no-main-manifest',
			runtime: 'jvm',
			pattern: /no main manifest attribute, in (\S+)|Error: Invalid or corrupt jarfile (\S+)/,
			title: 'The jar {1}{2} cannot be run with java -jar',
			explanation:
				"java -jar needs a Main-Class in the jar's manifest. A plain jar (Maven without the Spring Boot plugin's repackage, Gradle's plain jar next to the boot jar) has none; a corrupt jar is often a partially copied file or an HTML error page saved as .jar.",
			fixes: [
				{
					description: 'Copy the executable (boot) jar, not the plain one',
					edit: {file: 'Dockerfile', change: 'COPY --from=build /src/build/libs/*-SNAPSHOT.jar /app/app.jar   # not *-plain.jar'},
				},
			],
			cases: {fires: [{log: ['no main manifest attribute, in /app/app.jar']}], silent: [{log: ['Error: Unable to access jarfile /app/app.jar']}]},
		},
		{
			id: 'spring-port-in-use',
			runtime: 'jvm',
			pattern: /Web server failed to start\. Port (\d+) was already in use\./,
			title: 'Spring Boot could not start its web server: port {1} is in use',
			explanation:
				"Inside its own network namespace only this container's processes can hold the port: the app starts two servers on {1} (management and main on one port, a second context), or the container shares a network namespace (network_mode: host or service:) with something that uses it.",
			fixes: [{description: 'Choose another port for one of them', command: 'docker run -e SERVER_PORT=8081 {image}'}],
			cases: {
				fires: [
					{
						log: [
							'***************************',
							'APPLICATION FAILED TO START',
							'***************************',
							'',
							'Description:',
							'',
							'Web server failed to start. Port 8080 was already in use.',
						],
					},
				],
				silent: [{log: ["Tomcat started on port 8080 (http) with context path ''"]}],
			},
		},
		{
			id: 'spring-datasource-missing',
			runtime: 'jvm',
			pattern: /Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured/,
			title: 'Spring Boot has no database URL',
			explanation:
				'A JDBC/JPA starter is on the classpath, so Spring Boot wants a DataSource, but spring.datasource.url is not set in the profile this container runs with.',
			fixes: [
				{
					description: 'Pass the database settings as environment variables',
					command: 'docker run -e SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/app -e SPRING_DATASOURCE_USERNAME=app -e SPRING_DATASOURCE_PASSWORD {image}',
				},
			],
			cases: {
				fires: [
					{log: ['Description:', '', "Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured."]},
				],
				silent: [{log: ['HikariPool-1 - Start completed.']}],
			},
		},
		{
			id: 'bundler-gem-not-found',
			runtime: 'ruby',
			pattern: /(?:Bundler::GemNotFound: )?Could not find ([\w.-]+-[\d.]+(?:-[\w-]+)?) in (?:locally installed gems|any of the sources)/,
			title: 'Bundler cannot find the gem {1}',
			explanation:
				'Gemfile.lock names a gem version that is not installed in the image: bundle install ran against another lock file, with BUNDLE_WITHOUT excluding the group, or for another platform (a lock file from macOS lacks x86_64-linux/aarch64-linux).',
			fixes: [
				{description: 'Add the Linux platform to the lock file and rebuild', command: 'bundle lock --add-platform x86_64-linux aarch64-linux'},
				{description: 'Install in the image with the same lock file', edit: {file: 'Dockerfile', change: 'COPY Gemfile Gemfile.lock ./\nRUN bundle install'}},
			],
			cases: {
				fires: [
					{log: ['Could not find nokogiri-1.16.4-x86_64-linux in locally installed gems (Bundler::GemNotFound)']},
					{log: ['Bundler::GemNotFound: Could not find rake-13.2.1 in locally installed gems']},
				],
				silent: [{log: ['Bundle complete! 12 Gemfile dependencies, 54 gems now installed.']}],
			},
		},
		{
			id: 'rails-secret-key-base',
			runtime: 'ruby',
			pattern: /Missing `secret_key_base` for '(\w+)' environment/,
			title: 'Rails needs secret_key_base in {1}',
			explanation:
				'In production Rails refuses to start without a secret key base: from config/master.key (usually not in the image, correctly) or the SECRET_KEY_BASE / RAILS_MASTER_KEY environment variable.',
			fixes: [{description: 'Pass the master key at run time (never bake it into the image)', command: 'docker run -e RAILS_MASTER_KEY {image}'}],
			cases: {
				fires: [{log: ["Missing `secret_key_base` for 'production' environment, set this string with `bin/rails credentials:edit` (ArgumentError)"]}],
				silent: [{log: ['=> Booting Puma', '=> Rails 7.1.3 application starting in production']}],
			},
		},
		{
			id: 'rails-pending-migrations',
			runtime: 'ruby',
			pattern: /(ActiveRecord::PendingMigrationError|ActiveRecord::NoDatabaseError)/,
			title: 'Rails database not ready: {1}',
			explanation:
				'The database exists but has migrations to run (PendingMigrationError), or does not exist yet (NoDatabaseError). A fresh database container needs db:prepare before the app server starts.',
			fixes: [{description: 'Prepare the database in the entrypoint', edit: {file: 'bin/docker-entrypoint', change: './bin/rails db:prepare\nexec "$@"'}}],
			cases: {
				fires: [{log: ['ActiveRecord::NoDatabaseError: We could not find your database: app_production.']}],
				silent: [{log: ['== 20240501100000 CreateUsers: migrated (0.0123s) ==']}],
			},
		},
		{
			id: 'php-class-not-found',
			runtime: 'php',
			pattern: /PHP Fatal error:\s+Uncaught Error: Class "([^"]+)" not found/,
			title: 'PHP cannot find the class {1}',
			explanation:
				'The autoloader knows no such class: vendor/ is stale or missing (composer install not run in the image, or a bind mount over the project hides it), or the class is in a dev dependency installed with --no-dev.',
			fixes: [
				{
					description: 'Install and dump the autoloader in the image',
					edit: {file: 'Dockerfile', change: 'RUN composer install --no-dev --optimize-autoloader'},
				},
			],
			cases: {
				fires: [{log: ['PHP Fatal error:  Uncaught Error: Class "Redis" not found in /var/www/html/app/Cache.php:12']}],
				silent: [{log: ['PHP Deprecated:  Return type of Foo::offsetGet($key) should be compatible']}],
			},
		},
		{
			id: 'php-extension-missing',
			runtime: 'php',
			pattern:
				/(?:Call to undefined function (mysqli_connect|pg_connect|imagecreatefrom\w+|curl_init|mb_\w+|intl\w*|gd_info)\(\)|could not find driver \(Connection: (\w+)|PDOException: could not find driver)/,
			title: 'A PHP extension is not installed in the image ({1}{2})',
			explanation:
				'The code calls an extension that the official php image does not include by default (pdo_mysql, pdo_pgsql, mysqli, gd, intl, ...). "could not find driver" means the PDO driver for the database is missing.',
			fixes: [{description: 'Install the extension in the image', edit: {file: 'Dockerfile', change: 'RUN docker-php-ext-install pdo_mysql mysqli'}}],
			cases: {
				fires: [
					{log: ['PHP Fatal error:  Uncaught Error: Call to undefined function mysqli_connect() in /var/www/html/db.php:3']},
					{log: ['Illuminate\\Database\\QueryException: could not find driver (Connection: mysql, SQL: select * from `sessions`)']},
				],
				silent: [{log: ['[01-May-2024 10:00:00] NOTICE: ready to handle connections']}],
			},
		},
		{
			id: 'dotnet-framework-missing',
			runtime: 'dotnet',
			pattern:
				/(?:You must install or update \.NET to run this application\.|The framework '(Microsoft\.[\w.]+)', version '([\d.]+)' \([\w]+\) was not found\.|Framework: '(Microsoft\.[\w.]+)', version '([\d.]+)')/,
			title: 'The .NET runtime in the image does not match the app ({1}{3} {2}{4})',
			explanation:
				"The app targets a .NET version (or ASP.NET Core) that the runtime image lacks: the base image is runtime instead of aspnet, or an older major version than the project's TargetFramework.",
			fixes: [
				{
					description: 'Use the aspnet image of the same major version as the project',
					edit: {file: 'Dockerfile', change: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0'},
				},
			],
			cases: {
				fires: [
					{
						log: [
							'You must install or update .NET to run this application.',
							'',
							"Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)",
							'.NET location: /usr/share/dotnet/',
						],
					},
				],
				silent: [{log: ['info: Microsoft.Hosting.Lifetime[0]', '      Hosting environment: Production']}],
			},
		},
		{
			id: 'dotnet-icu-missing',
			runtime: 'dotnet',
			pattern: /Couldn't find a valid ICU package installed on the system/,
			title: '.NET needs ICU, which the image lacks',
			explanation:
				'Globalization support needs the ICU libraries. Alpine and chiseled images do not have them unless installed; the app can instead opt into invariant globalization.',
			fixes: [
				{description: 'Install ICU', edit: {file: 'Dockerfile', change: 'RUN apk add --no-cache icu-libs\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false'}},
				{description: 'Or run invariant', command: 'docker run -e DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 {image}'},
			],
			cases: {
				fires: [
					{
						log: [
							"Process terminated. Couldn't find a valid ICU package installed on the system. Please install libicu (or icu-libs) using your package manager and try again. Alternatively you can set the configuration flag System.Globalization.Invariant to true if you want to run with no globalization support.",
						],
					},
				],
				silent: [{log: ['warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]']}],
			},
		},
		{
			id: 'dotnet-port-80-nonroot',
			runtime: 'dotnet',
			pattern:
				/Failed to bind to address http:\/\/[^:]+:(80|443): (?:Permission denied|address already in use)|System\.Net\.Sockets\.SocketException \(13\): Permission denied/,
			title: 'ASP.NET Core cannot bind port {1} as a non-root user',
			explanation:
				'Since .NET 8 the official images run as the non-root user app and listen on 8080 by default. An ASPNETCORE_URLS or Kestrel setting for port 80 from older images now fails with permission denied.',
			fixes: [{description: 'Listen on 8080 and publish that', command: 'docker run -p 8080:8080 -e ASPNETCORE_HTTP_PORTS=8080 {image}'}],
			cases: {
				fires: [
					{
						log: [
							'crit: Microsoft.AspNetCore.Server.Kestrel[0]',
							'      Unable to start Kestrel.',
							'      System.Net.Sockets.SocketException (13): Permission denied',
						],
					},
				],
				silent: [{log: ['      Now listening on: http://[::]:8080']}],
			},
		},
		{
			id: 'shell-bashism',
			runtime: 'shell',
			pattern:
				/^(?:\/[\w/.-]+|sh): (?:\d+: )?(?:(?:[\w/.-]+: )?(?:\d+: )?(?:Syntax error: "?\(\)?"? unexpected|Syntax error: redirection unexpected|\[\[: not found|source: not found|Bad substitution|declare: not found|shopt: not found))/,
			title: 'A bash script runs under sh: bash-only syntax fails',
			explanation:
				'The script uses bash features (arrays, [[ ]], source, ${var//x/y}, function with ()), but runs under /bin/sh, which is dash on Debian and busybox ash on Alpine. Either the shebang says #!/bin/sh, or the script is started as "sh script.sh".',
			fixes: [
				{description: 'Run it with bash (install it on Alpine), and say so in the shebang', edit: {file: 'entrypoint.sh', change: '#!/usr/bin/env bash'}},
				{description: 'Or make it POSIX: check it with shellcheck', command: 'shellcheck -s sh entrypoint.sh'},
			],
			cases: {
				fires: [{log: ['/entrypoint.sh: 5: Syntax error: "(" unexpected']}, {log: ['/docker-entrypoint.sh: 12: [[: not found']}],
				silent: [{log: ["/entrypoint.sh: line 5: syntax error near unexpected token `fi'"]}],
			},
		},
		{
			id: 'shell-syntax-error',
			runtime: 'shell',
			pattern: /^([\w/.-]+): line (\d+): syntax error(?: near unexpected token `([^']*)'| at end of file|: unexpected end of file)/,
			title: 'Syntax error in {1} at line {2}',
			explanation:
				'bash could not parse the script. A missing fi/done/esac, an unclosed quote, or Windows line endings (a stray \\r before a keyword) are the usual causes; the line number points at or just after the problem.',
			fixes: [
				{description: 'Check the script', command: 'shellcheck {1}'},
				{description: 'Strip Windows line endings', command: "sed -i 's/\\r$//' {1}"},
			],
			cases: {
				fires: [
					{log: ["/entrypoint.sh: line 14: syntax error near unexpected token `fi'", "/entrypoint.sh: line 14: `fi'"]},
					{log: ['/entrypoint.sh: line 20: syntax error: unexpected end of file']},
				],
				silent: [{log: ['/entrypoint.sh: line 3: cd: /app/data: No such file or directory']}],
			},
		},
		{
			id: 'python-import-name',
			runtime: 'python',
			pattern: /ImportError: cannot import name '([\w.]+)' from '([\w.]+)'/,
			title: 'Python cannot import {1} from {2}: a version mismatch',
			explanation:
				'The package is installed, but not the version the code was written for: {1} was renamed or removed (or is new) in the version in the image. Unpinned requirements pick up new major versions at build time.',
			fixes: [
				{
					description: 'Pin the version the code works with',
					edit: {file: 'requirements.txt', change: '{2}==X.Y.Z   # the version you developed with: pip freeze'},
				},
			],
			cases: {
				fires: [{log: ["ImportError: cannot import name 'url_quote' from 'werkzeug.urls' (/usr/local/lib/python3.12/site-packages/werkzeug/urls.py)"]}],
				silent: [{log: ["ModuleNotFoundError: No module named 'werkzeug'"]}],
			},
		},
		{
			id: 'python-syntax-error',
			runtime: 'python',
			pattern: /^\s*(SyntaxError|IndentationError|TabError): (.{1,120})$/,
			when: (f) => f.logs.lines.some((l) => /^\s*File "[^"]+", line \d+/.test(l.text)),
			title: 'Python cannot parse the code: {1}: {2}',
			explanation:
				'The source does not compile. Often the code uses syntax newer than the Python in the image (match statements need 3.10, "X | Y" types at runtime need 3.10, f-string nesting needs 3.12).',
			fixes: [{description: 'Use the Python version the code is written for', edit: {file: 'Dockerfile', change: 'FROM python:3.12-slim'}}],
			cases: {
				fires: [{log: ['  File "/app/main.py", line 7', '    match command:', '          ^', 'SyntaxError: invalid syntax']}],
				silent: [{log: ["SyntaxWarning: invalid escape sequence '\\d'"]}],
			},
		},
		{
			id: 'go-dynamic-binary-on-scratch',
			runtime: 'go',
			pattern: /^exec (\/[\w/.-]+): no such file or directory$/,
			title: 'The binary {1} exists, but its dynamic loader does not',
			explanation:
				'"no such file or directory" about a file that is there means the kernel cannot find the binary\'s ELF interpreter (/lib64/ld-linux-x86-64.so.2): a Go binary built with cgo enabled, or any glibc-linked binary, copied into scratch, distroless/static or Alpine.',
			fixes: [
				{description: 'Build a static Go binary', command: 'CGO_ENABLED=0 go build -o /app/server .'},
				{description: 'Or run it on a base with the same C library', edit: {file: 'Dockerfile', change: 'FROM gcr.io/distroless/base-debian12'}},
			],
			cases: {fires: [{log: ['exec /app/server: no such file or directory']}], silent: [{log: ['exec /app/server: exec format error']}]},
		},
	],
};
