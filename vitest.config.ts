import {readFileSync} from 'node:fs';
import {defineConfig} from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {version: string};

export default defineConfig({
	define: {__DOCKER_HELPER_VERSION__: JSON.stringify(pkg.version)},
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// Fails a CI run that leaves containers, images, networks or volumes on the engine.
		globalSetup: ['test/support/engine-leaks.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Integration tests share one engine; files run in parallel but each names its own containers.
		pool: 'forks',
		reporters: ['default'],
	},
});
