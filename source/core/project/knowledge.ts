/**
 * What dependencies tell about a project, as data: the Debian packages a Python dependency needs to
 * build and to run, which libraries make it an AI/ML service, and which ones mean a database or a cache.
 */
import type {ServiceId} from './types.js';

export interface NativeDependency {
	/** Normalised PyPI names (PEP 503). */
	readonly names: readonly string[];
	readonly why: string;
	/** Build stage only: headers and a compiler. */
	readonly build: readonly string[];
	/** The shared libraries the compiled module links against at run time. */
	readonly runtime: readonly string[];
}

/**
 * Packages that compile against a system library when pip builds them from source. psycopg2 (not
 * psycopg2-binary) has no wheel at all; the others have manylinux wheels for common platforms but
 * fall back to a source build on others (arm/v7, musl, a new Python), where the headers are needed.
 */
export const NATIVE_DEPENDENCIES: readonly NativeDependency[] = [
	{names: ['psycopg2'], why: 'psycopg2 compiles against libpq (psycopg2-binary would not)', build: ['gcc', 'libc6-dev', 'libpq-dev'], runtime: ['libpq5']},
	{
		names: ['mysqlclient'],
		why: 'mysqlclient compiles against the MariaDB client library',
		build: ['gcc', 'libc6-dev', 'pkg-config', 'default-libmysqlclient-dev'],
		runtime: ['libmariadb3'],
	},
	{
		names: ['pillow'],
		why: 'Pillow builds against libjpeg and zlib where no wheel fits',
		build: ['gcc', 'libc6-dev', 'libjpeg62-turbo-dev', 'zlib1g-dev'],
		runtime: ['libjpeg62-turbo', 'zlib1g'],
	},
	{
		names: ['lxml'],
		why: 'lxml builds against libxml2 and libxslt where no wheel fits',
		build: ['gcc', 'libc6-dev', 'libxml2-dev', 'libxslt1-dev'],
		runtime: ['libxml2', 'libxslt1.1'],
	},
	{
		names: ['python-ldap'],
		why: 'python-ldap compiles against OpenLDAP and SASL',
		build: ['gcc', 'libc6-dev', 'libldap2-dev', 'libsasl2-dev'],
		runtime: ['libldap2', 'libsasl2-2'],
	},
	{
		names: ['cffi', 'cryptography'],
		why: 'cffi and cryptography build against libffi where no wheel fits',
		build: ['gcc', 'libc6-dev', 'libffi-dev'],
		runtime: [],
	},
];

/** Libraries that make a service an AI/ML one: model caches, shared memory and often a GPU. */
export const AI_LIBRARIES: readonly string[] = [
	'torch',
	'tensorflow',
	'tensorflow-cpu',
	'jax',
	'transformers',
	'sentence-transformers',
	'diffusers',
	'accelerate',
	'vllm',
	'onnxruntime',
	'onnxruntime-gpu',
	'llama-cpp-python',
	'langchain',
	'openai-whisper',
	'faster-whisper',
	'ultralytics',
	'keras',
	'@xenova/transformers',
	'@huggingface/transformers',
	'onnxruntime-node',
	'@tensorflow/tfjs-node',
];

/** Dependencies (PyPI and npm) that mean the service talks to a database or a cache. */
export const SERVICE_DEPENDENCIES: Readonly<Record<ServiceId, readonly string[]>> = {
	postgres: ['psycopg2', 'psycopg2-binary', 'psycopg', 'psycopg-binary', 'asyncpg', 'pg', 'postgres', 'pg-promise', 'typeorm-pg'],
	redis: ['redis', 'django-redis', 'celery', 'rq', 'aioredis', 'ioredis', 'bullmq', 'bull'],
};

/** What settings and code say about the same services (Django DATABASES, URLs). */
export const SERVICE_TEXT: Readonly<Record<ServiceId, RegExp>> = {
	postgres: /django\.db\.backends\.postgresql|postgres(?:ql)?:\/\//,
	redis: /django_redis|redis:\/\//,
};
