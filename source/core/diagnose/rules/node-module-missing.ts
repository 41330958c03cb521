import {lastMatch, logEvidence, mountFor} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

export const nodeModuleMissing: Rule = {
	id: 'node-module-missing',
	description: 'A Node.js require/import failed: a package missing from node_modules, or a file path that does not exist in the image.',
	kind: 'cause',
	basis: 'logs',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['node-module-missing'], silent: ['python-module-missing', 'command-not-found']},
	diagnose(f) {
		const hit = lastMatch(f, /Cannot find (?:module|package) '([^']+)'|ERR_MODULE_NOT_FOUND[^']*'([^']+)'/);
		if (!hit) return null;
		const spec = hit.match[1] ?? hit.match[2]!;
		const isFile = spec.startsWith('/') || spec.startsWith('.');
		const pkg = isFile ? spec : spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
		const code = lastMatch(f, /code: '(MODULE_NOT_FOUND|ERR_MODULE_NOT_FOUND)'/);
		const evidence: Evidence[] = [logEvidence(f, hit.line), ...(code ? [logEvidence(f, code.line)] : [])];
		const wd = f.container.workingDir || '/';
		const shadow = mountFor(f, wd);
		if (shadow && shadow.type === 'bind')
			evidence.push({
				kind: 'field',
				label: 'Mounts',
				value: `${shadow.source} → ${shadow.destination} (bind)`,
				command: `docker inspect --format '{{json .Mounts}}' ${f.container.name}`,
			});
		return {
			title: isFile ? `Node.js cannot find the file ${spec}` : `Node.js package "${pkg}" is not installed`,
			severity: 'error',
			confidence: 'high',
			evidence,
			explanation: isFile
				? `Node was told to load ${spec}, but the file is not in the image: the build output was not copied (a multi-stage COPY --from missing), the WORKDIR differs from what the command assumes, or a .dockerignore excluded it.`
				: `The code requires "${pkg}", but it is not in node_modules. Usually it is missing from package.json dependencies (or only in devDependencies while the image runs npm ci --omit=dev)` +
					(shadow?.type === 'bind'
						? `, or — likely here — the bind mount of ${shadow.source} onto ${shadow.destination} hides the node_modules that the image installed`
						: '') +
					'.',
			fixes: isFile
				? [
						{description: 'List what the image really contains', command: `docker run --rm --entrypoint sh ${f.container.image} -c 'pwd; ls -la'`},
						{description: 'Copy the build output into the runtime stage', edit: {file: 'Dockerfile', change: 'COPY --from=build /app/dist ./dist'}},
					]
				: [
						{description: `Add it to the dependencies and rebuild`, command: `npm install ${pkg} && docker build -t ${f.container.image} .`},
						...(shadow?.type === 'bind'
							? [
									{
										description: 'Keep the image node_modules visible under the bind mount with an anonymous volume',
										command: `docker run -v ${shadow.source}:${shadow.destination} -v ${shadow.destination.replace(/\/$/, '')}/node_modules ...`,
									},
								]
							: []),
						{description: 'Install production dependencies in the image', edit: {file: 'Dockerfile', change: 'COPY package*.json ./\nRUN npm ci --omit=dev'}},
					],
		};
	},
};
