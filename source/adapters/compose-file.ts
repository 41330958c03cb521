/** The compose file a project's containers name in their labels, read (bounded) and reduced to what diagnose needs. */
import path from 'node:path';
import {composeModelFrom, type ComposeModel} from '../core/diagnose/compose/model.js';
import {readText} from './files.js';

/**
 * com.docker.compose.project.config_files (comma-separated; relative to .working_dir in some versions).
 * Null when the labels name no file, or it is not on this machine (a remote engine), or not a compose file.
 */
export async function readComposeModel(labels: Readonly<Record<string, string>>): Promise<ComposeModel | null> {
	const files = (labels['com.docker.compose.project.config_files'] ?? '')
		.split(',')
		.map((f) => f.trim())
		.filter(Boolean);
	const dir = labels['com.docker.compose.project.working_dir'] ?? '';
	if (files.length === 0) return null;
	// yaml loads when a compose project is diagnosed, not with the CLI (~100 ms of every start-up)
	const {parse} = await import('yaml');
	for (const f of files) {
		const file = path.isAbsolute(f) ? f : path.join(dir, f);
		try {
			const model = composeModelFrom(parse(await readText(file, {maxBytes: 4 * 1024 * 1024})), file);
			if (model) return model;
		} catch {
			// Not readable here or not YAML: the project is diagnosed from the containers alone.
		}
	}
	return null;
}
