/** TLS certificate verification, per runtime: a missing CA bundle in slim images, corporate proxies, clocks, host names. */
import type {SignatureFamily} from './types.js';

const WHY =
	"The program could not verify the server's certificate chain. In containers the usual causes are a slim or scratch image without a CA bundle (ca-certificates), or a corporate TLS-inspecting proxy whose root CA is trusted on the host but not inside the image.";
const CA = {
	description: 'Install the CA bundle in the runtime image',
	edit: {
		file: 'Dockerfile',
		change: 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates   # Alpine: apk add --no-cache ca-certificates',
	},
};
const CORP = {
	description: "Behind a TLS-inspecting proxy, add its root CA to the image's trust store",
	edit: {file: 'Dockerfile', change: 'COPY corp-root.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates'},
};

export const tls: SignatureFamily = {
	id: 'tls',
	description: 'TLS certificate verification failures across Python, Node, Go, Java, Ruby, PHP, .NET, Rust and curl.',
	signatures: [
		{
			id: 'tls-verify-python',
			runtime: 'python',
			pattern: /\[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: ([\w ]+)/,
			title: 'Python could not verify a TLS certificate: {1}',
			explanation: WHY + " Python's requests uses certifi, but urllib, aiohttp and httpx may use the system bundle.",
			fixes: [
				CA,
				CORP,
				{
					description: 'Point Python at the bundle',
					command: 'docker run -e SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt -e REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt {image}',
				},
			],
			cases: {
				fires: [
					{
						log: [
							'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)',
						],
					},
				],
				silent: [{log: ['ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)']}],
			},
		},
		{
			id: 'tls-verify-node',
			runtime: 'node',
			pattern:
				/(?:reason: |^Error: )(unable to get local issuer certificate|self[- ]signed certificate in certificate chain|unable to verify the first certificate)|(UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/,
			title: 'Node.js could not verify a TLS certificate ({1}{2})',
			explanation: WHY + ' Node.js has its own CA list and ignores the system store unless told otherwise.',
			fixes: [
				CORP,
				{description: 'Give Node the extra CA', command: 'docker run -e NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-root.crt {image}'},
			],
			cases: {
				fires: [
					{log: ['FetchError: request to https://registry.example.com/ failed, reason: unable to get local issuer certificate']},
					{log: ['Error: self-signed certificate in certificate chain', '    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34)']},
				],
				silent: [{log: ['Error: Client network socket disconnected before secure TLS connection was established']}],
			},
		},
		{
			id: 'tls-verify-go',
			runtime: 'go',
			pattern: /x509: (certificate signed by unknown authority|failed to load system roots and no roots provided)/,
			title: 'Go could not verify a TLS certificate: {1}',
			explanation: WHY + ' A Go binary in a scratch or distroless/static image has no /etc/ssl/certs at all unless it is copied in.',
			fixes: [
				{
					description: 'Copy the CA bundle into a scratch image',
					edit: {file: 'Dockerfile', change: 'COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/'},
				},
				CORP,
			],
			cases: {
				fires: [
					{log: ['Get "https://api.github.com/repos": tls: failed to verify certificate: x509: certificate signed by unknown authority']},
					{log: ['x509: failed to load system roots and no roots provided']},
				],
				silent: [{log: ['level=info msg="loaded 142 root certificates"']}],
			},
		},
		{
			id: 'tls-verify-jvm',
			runtime: 'jvm',
			pattern: /PKIX path building failed|unable to find valid certification path to requested target/,
			title: 'Java could not verify a TLS certificate (PKIX path building failed)',
			explanation: WHY + ' The JVM uses its own trust store (cacerts), not the system one.',
			fixes: [
				{
					description: 'Import the CA into the JVM trust store',
					edit: {
						file: 'Dockerfile',
						change: 'COPY corp-root.crt /tmp/\nRUN keytool -importcert -noprompt -cacerts -storepass changeit -alias corp -file /tmp/corp-root.crt',
					},
				},
			],
			cases: {
				fires: [
					{
						log: [
							'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
						],
					},
				],
				silent: [{log: ['javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake']}],
			},
		},
		{
			id: 'tls-verify-curl',
			runtime: 'shell',
			pattern: /curl: \((60|77)\) (SSL certificate problem: [\w ]+|error setting certificate verify locations)/,
			title: 'curl could not verify a TLS certificate: {2}',
			explanation: WHY + ' curl exit 77 means it found no CA bundle at all.',
			fixes: [CA, CORP],
			cases: {
				fires: [
					{log: ['curl: (60) SSL certificate problem: unable to get local issuer certificate', 'More details here: https://curl.se/docs/sslcerts.html']},
					{log: ['curl: (77) error setting certificate verify locations:  CAfile: /etc/ssl/certs/ca-certificates.crt CApath: none']},
				],
				silent: [{log: ['curl: (6) Could not resolve host: example.invalid']}],
			},
		},
		{
			id: 'tls-verify-ruby',
			runtime: 'ruby',
			pattern: /SSL_connect returned=1 errno=0 [^\n]*?: certificate verify failed(?: \(([\w ]+)\))?/,
			title: 'Ruby could not verify a TLS certificate ({1})',
			explanation: WHY,
			fixes: [CA, CORP, {description: 'Point OpenSSL at the bundle', command: 'docker run -e SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt {image}'}],
			cases: {
				fires: [
					{
						log: [
							'OpenSSL::SSL::SSLError: SSL_connect returned=1 errno=0 peeraddr=140.82.121.4:443 state=error: certificate verify failed (unable to get local issuer certificate)',
						],
					},
				],
				silent: [{log: ['OpenSSL::SSL::SSLError: SSL_connect SYSCALL returned=5 errno=0 state=SSLv3/TLS write client hello']}],
			},
		},
		{
			id: 'tls-verify-php',
			runtime: 'php',
			pattern: /cURL error 60: SSL certificate problem: ([\w ]+)/,
			title: 'PHP (cURL) could not verify a TLS certificate: {1}',
			explanation: WHY,
			fixes: [
				CA,
				CORP,
				{
					description: 'Or point PHP at the bundle',
					edit: {file: 'php.ini', change: 'curl.cainfo = /etc/ssl/certs/ca-certificates.crt\nopenssl.cafile = /etc/ssl/certs/ca-certificates.crt'},
				},
			],
			cases: {
				fires: [
					{
						log: [
							'GuzzleHttp\\Exception\\RequestException: cURL error 60: SSL certificate problem: unable to get local issuer certificate (see https://curl.haxx.se/libcurl/c/libcurl-errors.html)',
						],
					},
				],
				silent: [{log: ['GuzzleHttp\\Exception\\ConnectException: cURL error 7: Failed to connect to api port 443: Connection refused']}],
			},
		},
		{
			id: 'tls-verify-dotnet',
			runtime: 'dotnet',
			pattern: /The remote certificate is invalid (?:according to the validation procedure|because of errors in the certificate chain): ?([\w, ]+)?/,
			title: '.NET rejected a TLS certificate ({1})',
			explanation: WHY + ' On Linux, .NET uses the OpenSSL trust store of the image.',
			fixes: [CA, CORP],
			cases: {
				fires: [
					{
						log: [
							'System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot',
						],
					},
				],
				silent: [{log: ['System.Net.Http.HttpRequestException: Connection refused (api:443)']}],
			},
		},
		{
			id: 'tls-verify-rust',
			runtime: 'rust',
			pattern: /invalid peer certificate: (UnknownIssuer|BadSignature|Expired|NotValidForName)|certificate verify failed:[^\n]*rustls/,
			title: 'Rust (rustls) rejected a TLS certificate: {1}',
			explanation:
				WHY + ' With rustls-native-certs the system bundle is read; with webpki-roots the roots are compiled in and a corporate CA must be added in code.',
			fixes: [CA, CORP],
			cases: {
				fires: [
					{
						log: [
							'Error: reqwest::Error { kind: Request, url: "https://api.example.com/", source: hyper_util::client::legacy::Error(Connect, Custom { kind: Other, error: Custom { kind: InvalidData, error: InvalidCertificate(UnknownIssuer) } }) } invalid peer certificate: UnknownIssuer',
						],
					},
				],
				silent: [{log: ['INFO rustls::client: Using ciphersuite TLS13_AES_256_GCM_SHA384']}],
			},
		},
		{
			id: 'tls-certificate-expired',
			runtime: 'any',
			pattern: /(?:x509: certificate has expired or is not yet valid|certificate has expired|CERT_HAS_EXPIRED|certificate is not yet valid)/,
			title: 'A TLS certificate is expired, or the clock is wrong',
			explanation:
				"The certificate's validity period does not include the current time. Either the server's certificate really expired, or the clock is off: containers share the host's clock, so check the host (and the VM, with Docker Desktop).",
			fixes: [
				{description: "Compare the container's clock with the real time", command: 'docker exec {name} date -u'},
				{
					description: 'See the certificate dates',
					command: 'openssl s_client -connect HOST:443 -servername HOST </dev/null 2>/dev/null | openssl x509 -noout -dates',
				},
			],
			cases: {
				fires: [
					{
						log: [
							'Get "https://internal.example/": x509: certificate has expired or is not yet valid: current time 2024-05-01T10:00:00Z is after 2024-04-30T23:59:59Z',
						],
					},
					{log: ['Error: certificate has expired', "    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34) { code: 'CERT_HAS_EXPIRED' }"]},
				],
				silent: [{log: ['INFO certificate renewed, expires 2024-08-01']}],
			},
		},
		{
			id: 'tls-hostname-mismatch',
			runtime: 'any',
			pattern:
				/(?:x509: certificate is valid for ([^,]+(?:, [^,]+)*), not ([\w.-]+)|Hostname\/IP does not match certificate's altnames|hostname '([\w.-]+)' doesn't match|ERR_TLS_CERT_ALTNAME_INVALID)/,
			title: 'The TLS certificate does not name the host the client called',
			explanation:
				"The server's certificate does not list the name the client used. Between containers this happens when calling a service by its compose service name (db, api) while the certificate names the public host: use the name on the certificate, or issue one that includes the internal name.",
			fixes: [
				{
					description: 'See the names on the certificate',
					command: 'openssl s_client -connect HOST:443 -servername HOST </dev/null 2>/dev/null | openssl x509 -noout -ext subjectAltName',
				},
			],
			cases: {
				fires: [{log: ['Get "https://api:8443/health": tls: failed to verify certificate: x509: certificate is valid for api.example.com, not api']}],
				silent: [{log: ['Get "https://api:8443/health": dial tcp: lookup api on 127.0.0.11:53: no such host']}],
			},
		},
	],
};
