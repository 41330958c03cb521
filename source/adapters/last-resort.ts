/**
 * A last resort for throwaway containers when the process is ending before the engine call that
 * removes them could finish (the Ink app exits on Ctrl-C with process.exit): a synchronous
 * `docker rm -f` through the docker CLI at the same endpoint, argument array, bounded in time.
 * Silent when the CLI is missing: the container then carries its label for cleanup.
 */
import {spawnSync} from 'node:child_process';

export function removeContainerNow(host: string, id: string): void {
	spawnSync('docker', ['-H', host, 'rm', '-f', '-v', id], {stdio: 'ignore', timeout: 10_000});
}

/** Remove the container with removeContainerNow if the process exits before the returned function is called. */
export function removeOnExit(host: string, id: string): () => void {
	const onExit = () => removeContainerNow(host, id);
	process.once('exit', onExit);
	return () => process.off('exit', onExit);
}
