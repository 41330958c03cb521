import {lastMatch, logEvidence} from '../helpers.js';
import {PIP_NAMES} from '../pip-names.js';
import type {Rule} from '../types.js';

export const pythonModuleMissing: Rule = {
	id: 'python-module-missing',
	description: 'A Python import failed (ModuleNotFoundError), with the pip package name when it differs from the import name.',
	kind: 'cause',
	basis: 'logs',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['python-module-missing'], silent: ['node-module-missing', 'healthy-running']},
	diagnose(f) {
		const hit = lastMatch(f, /(?:ModuleNotFoundError|ImportError): No module named ['"]?([\w.]+)['"]?/);
		if (!hit) return null;
		const dotted = hit.match[1]!;
		const top = dotted.split('.')[0]!;
		const pip = PIP_NAMES[top] ?? top.replace(/_/g, '-');
		const differs = pip.toLowerCase() !== top.toLowerCase();
		const traceback = lastMatch(f, /File "([^"]+)", line (\d+)/);
		const local =
			traceback &&
			!/site-packages|dist-packages|\/usr\/lib\/python/.test(traceback.match[1]!) &&
			PIP_NAMES[top] === undefined &&
			/^[a-z_]+$/.test(top) &&
			f.container.workingDir !== '';
		return {
			title: `Python module "${dotted}" is not installed${differs ? ` (pip package: ${pip.split(' ')[0]})` : ''}`,
			severity: 'error',
			confidence: 'high',
			evidence: [logEvidence(f, hit.line), ...(traceback ? [logEvidence(f, traceback.line)] : [])],
			explanation:
				`The program imports "${dotted}", but no such module is installed in the image's Python environment, so it stops at start-up. ` +
				(differs ? `The import name and the package name differ: "import ${top}" comes from the pip package "${pip}". ` : '') +
				'Common reasons: the package is missing from requirements.txt, it was installed into a different Python (a virtualenv in a build stage that was not copied), or it was installed for another Python version.' +
				(local
					? ` If "${top}" is your own package, check that its directory is copied into the image and that the working directory (${f.container.workingDir}) or PYTHONPATH points at it.`
					: ''),
			fixes: [
				{description: `Add it to requirements.txt and rebuild`, edit: {file: 'requirements.txt', change: pip.split(' ')[0]!}},
				{description: 'Or install it in the Dockerfile', edit: {file: 'Dockerfile', change: `RUN pip install --no-cache-dir ${pip.split(' ')[0]}`}},
				{
					description: 'Check which Python and packages the image has',
					command: `docker run --rm --entrypoint sh ${f.container.image} -c 'which python; python -m pip list'`,
				},
			],
		};
	},
};
