declare const __DOCKER_HELPER_VERSION__: string | undefined;

/** Injected by the build from package.json; tests that run from source see the dev marker. */
export const VERSION: string = typeof __DOCKER_HELPER_VERSION__ === 'string' ? __DOCKER_HELPER_VERSION__ : '0.0.0-dev';
