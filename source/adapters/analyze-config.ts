/** The `analyze:` section of .docker-helper.yaml (or dive's .dive-ci `rules:`), read from cwd or --config. */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {HelperError} from '../core/errors.js';
import {gatesFromConfig, type Gates} from '../core/images/gates.js';
import {readText} from './files.js';

export async function loadAnalyzeGates(cwd: string, explicit: string | undefined): Promise<{gates: Gates; problems: string[]; source: string | null}> {
	let file: string | undefined;
	if (explicit) {
		file = path.resolve(cwd, explicit);
		if (!existsSync(file))
			throw new HelperError('USAGE', `No such config file: ${explicit}`, 'Pass a .docker-helper.yaml (analyze: section) or a .dive-ci file.', {path: explicit});
	} else {
		file = ['.docker-helper.yaml', '.docker-helper.yml', '.dive-ci'].map((n) => path.join(cwd, n)).find((f) => existsSync(f));
	}
	if (!file) return {gates: {}, problems: [], source: null};
	const shown = path.relative(cwd, file) || file;
	const {parse} = await import('yaml');
	let doc: unknown;
	try {
		doc = parse(await readText(file, {display: shown}));
	} catch (error) {
		if (error instanceof HelperError) throw error;
		throw new HelperError('USAGE', `Cannot read ${shown}: ${(error as Error).message.split('\n')[0]}`, 'Fix the YAML, or pass the gates as flags instead.', {
			path: file,
		});
	}
	return {...gatesFromConfig(doc, shown), source: shown};
}
