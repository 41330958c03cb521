/**
 * Real-shaped secrets and look-alikes, one table for every redaction test: the pure
 * redactor, lint's source lines, inspect, logs and diagnose through the built CLI.
 * Each secret row names the part that must never be printed (`secret`); each look-alike
 * must come out unchanged.
 */
export interface SecretCase {
	/** What the issue calls this format. */
	readonly format: string;
	/** A line as it would appear in a log, an argument or a file. */
	readonly text: string;
	/** The part that must not appear in any output. */
	readonly secret: string;
}

// Built from parts so the file itself does not look like it holds live credentials.
const STRIPE = ['sk', 'live', '51HxQeR2eZvKYlo2C0FfJpQw9tRk'].join('_');
const STRIPE_RESTRICTED = ['rk', 'live', '51HxQeR2eZvKYlo2CxRestrict9'].join('_');
const GOOGLE = 'AIza' + 'SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8m3kPLE1';
const GITHUB = 'ghp_' + 'Z8kQ2m7TxV4bN1cR9wY3pL6hF0sD5aJ2uE8i';
const SLACK_HOOK_PATH = 'T0B4XQ2LM/B07F3KQ9ZRP/Xq8vR2mN5tY7wK1pL4sD9fG3';
const DISCORD_HOOK_PATH = '1187654321098765432/Zk3Qp9WmX2vB7nR4tY6uI8oP0aS1dF5gH3jK';
const KEY_BODY = [
	'MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC7VJTUt9Us8cKj',
	'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu',
	'NMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s+CLOyS56YyCFGeJZ',
];

export const SECRETS: readonly SecretCase[] = [
	{format: 'password in a URL (postgres)', text: 'connecting to postgres://app:Hunter2pw@db:5432/app', secret: 'Hunter2pw'},
	{format: 'password in a URL (mongodb+srv)', text: 'uri=mongodb+srv://admin:M0ngoPw77@cluster0.example.net/db', secret: 'M0ngoPw77'},
	{format: 'password in a URL (jdbc)', text: 'jdbc:mysql://root:JdbcPw42@mysql:3306/shop', secret: 'JdbcPw42'},
	{format: 'password in a URL (amqp)', text: 'broker amqp://guest:RabbitPw9@rabbit:5672/', secret: 'RabbitPw9'},
	{format: 'password in a URL (redis, no user)', text: 'redis://:RedisPw88@cache:6379/0', secret: 'RedisPw88'},
	{format: 'password in a URL (smtp)', text: 'mailer smtp://mailer:SmtpPw31@mail.example.com:587', secret: 'SmtpPw31'},
	{format: 'password with / and @ in a URL', text: 'proxy https://bob:pa/ss@w0rd@proxy.example.com:3128', secret: 'pa/ss@w0rd'},
	{format: 'token as the user of a URL', text: `git clone https://${GITHUB}@github.com/org/repo.git`, secret: GITHUB.slice(4)},
	{format: 'lowercase bearer', text: 'authorization: bearer s3cr3tT0kenValue', secret: 's3cr3tT0kenValue'},
	{format: 'Bearer header', text: 'curl -H "Authorization: Bearer abc.def-Ghi_jkl99" https://api', secret: 'abc.def-Ghi_jkl99'},
	{format: 'bearer in free text', text: 'using bearer tok_9f8e7d6c5b4a3', secret: 'tok_9f8e7d6c5b4a3'},
	{format: 'PASSPHRASE', text: 'PASSPHRASE=correct-horse-battery', secret: 'correct-horse-battery'},
	{format: '*_PASSPHRASE', text: 'GPG_PASSPHRASE=TrustNo1Phrase', secret: 'TrustNo1Phrase'},
	{format: '--passphrase value', text: 'gpg --batch --passphrase Op3nSesame --decrypt f', secret: 'Op3nSesame'},
	{format: 'Stripe sk_live_', text: `stripe key ${STRIPE} loaded`, secret: STRIPE},
	{format: 'Stripe rk_live_', text: `restricted ${STRIPE_RESTRICTED}`, secret: STRIPE_RESTRICTED},
	{format: 'Google AIza key', text: `maps key=${GOOGLE}&v=3`, secret: GOOGLE},
	{format: 'Google AIza key in free text', text: `using ${GOOGLE} for geocoding`, secret: GOOGLE},
	{format: 'AWS secret key in free text', text: `aws creds AKIAIOSFODNN7ABCDEFG ${AWS_SECRET}`, secret: AWS_SECRET},
	{format: 'AWS access key id', text: 'key id AKIAZ7QX3MLP2VN4RT6B', secret: 'AKIAZ7QX3MLP2VN4RT6B'},
	{format: 'mysql -pSECRET', text: 'mysql -h db -uroot -pMyS3cretPw shop', secret: 'MyS3cretPw'},
	{format: '--password=value', text: 'app --password=Hunter2eq --port 80', secret: 'Hunter2eq'},
	{format: '--password value', text: 'mysqladmin --password Hunter2sp ping', secret: 'Hunter2sp'},
	{format: 'NAME=value with a secret name', text: 'DB_PASSWORD=Hunter2env', secret: 'Hunter2env'},
	{format: 'JSON secret field', text: '{"client_secret": "Cl13ntS3cret", "id": 4}', secret: 'Cl13ntS3cret'},
	{format: 'Python-style secret field', text: "config {'db_password': 'Py7hOnPw', 'port': 5432}", secret: 'Py7hOnPw'},
	{format: 'Slack webhook', text: `posting to https://hooks.slack.com/services/${SLACK_HOOK_PATH}`, secret: SLACK_HOOK_PATH.split('/')[2]!},
	{format: 'Discord webhook', text: `hook https://discord.com/api/webhooks/${DISCORD_HOOK_PATH}`, secret: DISCORD_HOOK_PATH.split('/')[1]!},
	{
		format: 'Teams webhook',
		text: 'notify https://contoso.webhook.office.com/webhookb2/3f1a9c7e-aaaa-bbbb-cccc-0123456789ab@tenant/IncomingWebhook/9e8d7c6b5a4f3e2d1c0b',
		secret: '9e8d7c6b5a4f3e2d1c0b',
	},
	{format: 'generic webhook URL', text: 'sending to https://ci.example.com/api/webhooks/build/Qm9vX3Rva2VuXzEyMzQ1Njc4', secret: 'Qm9vX3Rva2VuXzEyMzQ1Njc4'},
	{format: 'GitHub token', text: `GH=${GITHUB.slice(0, 0)}token ${GITHUB}`, secret: GITHUB},
	{
		format: 'JWT',
		text: 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
		secret: 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
	},
];

/** A PEM private key as a log prints it: BEGIN, body and END on separate lines. */
export const PRIVATE_KEY_LINES: readonly string[] = ['-----BEGIN PRIVATE KEY-----', ...KEY_BODY, '-----END PRIVATE KEY-----'];
/** The parts of the key that must never be printed. */
export const PRIVATE_KEY_SECRETS: readonly string[] = KEY_BODY.map((l) => l.slice(8, 40));

/** Text that looks a little like a secret and must come out unchanged. */
export const LOOKALIKES: readonly string[] = [
	'PWD=/srv/app',
	'OLDPWD=/root',
	'KEYBOARD=us',
	'KEYBOARD_LAYOUT=de',
	'XKB_DEFAULT_KEYBOARD=pc105',
	'TOKENIZERS_PARALLELISM=false',
	'PASSENGER_APP_ENV=production',
	'AUTHOR=jane',
	'commit 3f786850e387550fdab836ed7e6dc881de23001b merged',
	'image sha256:9c7a54a9a43cca047013b82af109fe963fde787f63f9e016fdc3384500c2823d',
	'docker run -p 8080:80 -p8443:443 nginx',
	'useradd -u 1000 app',
	'/etc/passwd:/etc/passwd:ro',
	'GET https://example.com/api/v1/items?page=2 200',
	'mail bob@example.com',
	'ssh://deploy@build.example.com',
	'the bearer of bad news',
	'Basic information about the service',
	'Authorization required',
	'id 123e4567-e89b-12d3-a456-426614174000',
	'postgres://db:5432/app',
	'mysql -P3306 -h db shop',
	'starting worker pid=42 port=8080',
];
