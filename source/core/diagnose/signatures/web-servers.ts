/** nginx and Apache httpd: configuration errors, upstreams, privileged ports and cache directories as non-root. */
import type {SignatureFamily} from './types.js';

const NGINX_TEST = {
	description: 'Test the configuration with the same image',
	command: 'docker run --rm -v "$PWD/nginx.conf:/etc/nginx/nginx.conf:ro" {image} nginx -t',
};

export const webServers: SignatureFamily = {
	id: 'web-servers',
	description: 'nginx and Apache httpd start-up and proxy errors.',
	signatures: [
		{
			id: 'nginx-upstream-host-not-found',
			runtime: 'nginx',
			pattern: /\[emerg\] \d+#\d+: host not found in upstream "([^"]+)" in (\S+)/,
			title: 'nginx cannot resolve the upstream "{1}" at start-up',
			explanation:
				'nginx resolves every proxy_pass/upstream host name once, when it starts, and refuses to start if one does not resolve. The app container is not running yet, has another service name, or is not on the same network. Unlike the app, nginx does not retry.',
			fixes: [
				{description: 'Start nginx after the app (compose)', edit: {file: 'compose.yaml', change: 'depends_on:\n  app:\n    condition: service_started'}},
				{
					description: "Or resolve at request time with Docker's DNS, so nginx starts regardless",
					edit: {file: 'nginx.conf', change: 'resolver 127.0.0.11 valid=10s;\nset $upstream http://{1};\nproxy_pass $upstream;'},
				},
			],
			cases: {
				fires: [
					{
						log: [
							'2024/05/01 10:00:00 [emerg] 1#1: host not found in upstream "app:8000" in /etc/nginx/conf.d/default.conf:3',
							'nginx: [emerg] host not found in upstream "app:8000" in /etc/nginx/conf.d/default.conf:3',
						],
					},
				],
				silent: [{log: ['2024/05/01 10:00:00 [notice] 1#1: start worker processes']}],
			},
		},
		{
			id: 'nginx-config-error',
			runtime: 'nginx',
			pattern:
				/\[emerg\] \d+#\d+: (unknown directive "[^"]+"|"[\w_]+" directive is not allowed here|invalid number of arguments in "[\w_]+" directive|unexpected "[^"]+"|unexpected end of file, expecting "[^"]+"|"[\w_]+" directive is duplicate) in (\S+)/,
			title: 'nginx configuration error: {1} in {2}',
			explanation:
				'nginx refuses to start with a syntax or placement error in its configuration. Files in conf.d/ are included inside the http block, so they may hold server blocks but not top-level directives like events or http.',
			fixes: [NGINX_TEST],
			cases: {
				fires: [
					{log: ['2024/05/01 10:00:00 [emerg] 1#1: "server" directive is not allowed here in /etc/nginx/nginx.conf:1']},
					{log: ['2024/05/01 10:00:00 [emerg] 1#1: unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:5']},
				],
				silent: [{log: ['nginx: the configuration file /etc/nginx/nginx.conf syntax is ok']}],
			},
		},
		{
			id: 'nginx-file-missing',
			runtime: 'nginx',
			pattern:
				/\[emerg\] \d+#\d+: (?:open\(\) "([^"]+)" failed \(2: No such file or directory\)|cannot load certificate(?: key)? "([^"]+)": BIO_new_file\(\) failed)/,
			title: 'nginx cannot open {1}{2}',
			explanation:
				'A file the configuration includes (a config snippet, a certificate or key) is not in the container: the bind mount is missing or points at a different host path.',
			fixes: [
				{description: 'Mount the file where the configuration expects it', command: 'docker run -v "$PWD/certs:/etc/nginx/certs:ro" {image}'},
				NGINX_TEST,
			],
			cases: {
				fires: [
					{
						log: [
							'2024/05/01 10:00:00 [emerg] 1#1: cannot load certificate "/etc/nginx/certs/site.crt": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/nginx/certs/site.crt, r) error:10000080:BIO routines::no such file)',
						],
					},
				],
				silent: [
					{
						log: [
							'2024/05/01 10:00:00 [error] 29#29: *1 open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 172.17.0.1, server: localhost, request: "GET /favicon.ico HTTP/1.1"',
						],
					},
				],
			},
		},
		{
			id: 'nginx-nonroot-dirs',
			runtime: 'nginx',
			pattern:
				/\[emerg\] \d+#\d+: (?:mkdir\(\) "([^"]+)" failed \(13: Permission denied\)|open\(\) "(\/var\/run\/nginx\.pid|\/run\/nginx\.pid)" failed \(13: Permission denied\))/,
			title: 'nginx as a non-root user cannot write {1}{2}',
			explanation:
				'The stock nginx image expects to start as root (it binds port 80 and writes /var/cache/nginx and /var/run/nginx.pid). Run as another user, those paths must be writable or moved; the nginxinc/nginx-unprivileged image does exactly that and listens on 8080.',
			fixes: [
				{description: 'Use the unprivileged image', edit: {file: 'Dockerfile', change: 'FROM nginxinc/nginx-unprivileged:stable-alpine'}},
				{description: 'Or give those paths tmpfs mounts', command: 'docker run --user 101 --tmpfs /var/cache/nginx --tmpfs /var/run {image}'},
			],
			cases: {
				fires: [{log: ['2024/05/01 10:00:00 [emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (13: Permission denied)']}],
				silent: [{log: ['2024/05/01 10:00:00 [notice] 1#1: using the "epoll" event method']}],
			},
		},
		{
			id: 'nginx-upstream-refused',
			runtime: 'nginx',
			pattern:
				/\[error\] \d+#\d+: \*\d+ connect\(\) failed \(111: Connection refused\) while connecting to upstream, client: [^,]+, server: [^,]*, request: "[^"]*", upstream: "([^"]+)"/,
			severity: 'warning',
			title: 'nginx answers 502: the upstream {1} refuses connections',
			explanation:
				'nginx is up, but the application it proxies to does not accept connections at that address: it is down, still starting, listens on another port, or binds to 127.0.0.1 inside its own container.',
			fixes: [{description: 'Check the app container and the port it listens on', command: 'docker compose ps; docker compose logs --tail 50 app'}],
			cases: {
				fires: [
					{
						log: [
							'2024/05/01 10:00:00 [error] 29#29: *7 connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1, server: _, request: "GET / HTTP/1.1", upstream: "http://172.18.0.3:8000/", host: "localhost:8080"',
						],
						facts: {running: true},
					},
				],
				silent: [{log: ['172.18.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0"'], facts: {running: true}}],
			},
		},
		{
			id: 'nginx-upstream-timeout',
			runtime: 'nginx',
			pattern:
				/\[error\] \d+#\d+: \*\d+ upstream timed out \(110: (?:Connection|Operation) timed out\) while (reading response header from upstream|connecting to upstream)/,
			severity: 'warning',
			title: 'nginx answers 504: the upstream timed out {1}',
			explanation:
				'The application took longer than proxy_read_timeout (60 s by default) to answer, or the connection could not be made in time. Slow requests, a saturated worker pool or a CPU-throttled app container are the usual causes.',
			fixes: [
				{description: 'Find the slow endpoint; raise the timeout only for real long work', edit: {file: 'nginx.conf', change: 'proxy_read_timeout 120s;'}},
			],
			cases: {
				fires: [
					{
						log: [
							'2024/05/01 10:00:00 [error] 29#29: *3 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 172.18.0.1, server: _, request: "GET /report HTTP/1.1", upstream: "http://172.18.0.3:8000/report"',
						],
						facts: {running: true},
					},
				],
				silent: [{log: ['2024/05/01 10:00:00 [info] 29#29: *3 client closed connection while waiting for request'], facts: {running: true}}],
			},
		},
		{
			id: 'httpd-config-syntax',
			runtime: 'httpd',
			pattern: /AH00526: Syntax error on line (\d+) of ([^:]+):/,
			title: 'Apache httpd configuration error on line {1} of {2}',
			explanation:
				'httpd refuses to start with an error in its configuration. The next log line names the directive; an "Invalid command" usually means the module that provides it is not loaded.',
			fixes: [{description: 'Test the configuration', command: 'docker run --rm {image} httpd -t'}],
			cases: {
				fires: [
					{
						log: [
							'AH00526: Syntax error on line 52 of /usr/local/apache2/conf/httpd.conf:',
							"Invalid command 'RewriteEngine', perhaps misspelled or defined by a module not included in the server configuration",
						],
					},
				],
				silent: [
					{
						log: [
							"AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message",
						],
					},
				],
			},
		},
		{
			id: 'httpd-mpm-conflict',
			runtime: 'httpd',
			pattern: /AH00534: (?:apache2|httpd): Configuration error: (No MPM loaded|More than one MPM loaded)\./,
			title: 'Apache: {1}',
			explanation:
				'Exactly one multi-processing module (prefork, worker, event) must be loaded. mod_php needs prefork, so enabling PHP on an event-MPM image, or a config that loads two, stops httpd.',
			fixes: [{description: 'Enable exactly one MPM', edit: {file: 'Dockerfile', change: 'RUN a2dismod mpm_event && a2enmod mpm_prefork'}}],
			cases: {
				fires: [{log: ['AH00534: apache2: Configuration error: More than one MPM loaded.']}],
				silent: [{log: ['AH00489: Apache/2.4.58 (Unix) configured -- resuming normal operations']}],
			},
		},
		{
			id: 'httpd-bind-failed',
			runtime: 'httpd',
			pattern: /\((98|13)\)(Address already in use|Permission denied): AH00072: make_sock: could not bind to address ([^\s]+)/,
			title: 'Apache cannot bind {3}: {2}',
			explanation:
				'httpd could not open its listening socket. "Address already in use" inside a container means two Listen directives for the same port or another process in the same network namespace; "Permission denied" means httpd runs as non-root and the port is below 1024.',
			fixes: [
				{description: 'Listen on an unprivileged port when not root, and publish it', edit: {file: 'httpd.conf', change: 'Listen 8080'}},
				{description: 'Look for duplicate Listen lines', command: 'docker run --rm {image} grep -rn ^Listen /usr/local/apache2/conf'},
			],
			cases: {
				fires: [
					{
						log: [
							'(98)Address already in use: AH00072: make_sock: could not bind to address [::]:80',
							'(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:80',
							'no listening sockets available, shutting down',
						],
					},
				],
				silent: [{log: ["AH00094: Command line: 'httpd -D FOREGROUND'"]}],
			},
		},
	],
};
