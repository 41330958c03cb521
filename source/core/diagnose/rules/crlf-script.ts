import {field, lastMatch, logEvidence} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

export const crlfScript: Rule = {
	id: 'crlf-script',
	description: 'The entrypoint script has Windows (CRLF) line endings: the runtime looks for "/bin/sh\\r" and reports a missing file.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['crlf-entrypoint'], silent: ['interpreter-missing', 'entrypoint-path-missing', 'exec-format-error', 'healthy-running']},
	diagnose(f) {
		const probe = f.executable;
		// Shell errors about a stray carriage return, e.g. "$'\r': command not found" or "set: Illegal option -\r".
		const shellHit = lastMatch(f, /\r$|\$'\\r'|\^M|: not found\r|Illegal option -\s*$/);
		if (!probe?.crlf && !(shellHit && /not found|Illegal option|\\r|\^M|\r/.test(shellHit.line.text) && !f.state.running)) return null;
		const evidence: Evidence[] = [];
		if (f.state.error) evidence.push(field(f, 'State.Error', f.state.error));
		const init = lastMatch(f, /no such file or directory/i);
		if (init) evidence.push(logEvidence(f, init.line));
		else if (shellHit) evidence.push(logEvidence(f, {...shellHit.line, text: shellHit.line.text.replace(/\r/g, '\\r')}));
		if (probe?.crlf)
			evidence.push({
				kind: 'file',
				label: probe.path,
				value: `first line ${JSON.stringify(probe.firstLine)} ends with \\r (CRLF)`,
				command: `docker cp ${f.container.name}:${probe.path} - | tar -xO | head -n 1 | od -c`,
			});
		const script = probe?.path ?? 'entrypoint.sh';
		return {
			title: `${script} has Windows (CRLF) line endings`,
			severity: 'error',
			confidence: probe?.crlf ? 'high' : 'medium',
			evidence,
			explanation:
				`The script was saved with Windows line endings (\\r\\n). Linux reads the first line as "${probe?.interpreter ?? '/bin/sh'}\\r" — an interpreter whose name ends in an invisible carriage return — which does not exist, so the runtime reports "no such file or directory" although the script is there. ` +
				'Shells that do start print errors about "\\r" on every line.',
			fixes: [
				{
					description: 'Convert the file to Unix line endings and rebuild',
					command: `sed -i 's/\\r$//' ${script.split('/').pop()}   # or: dos2unix ${script.split('/').pop()}`,
				},
				{description: 'Keep git from converting it again on Windows checkouts', edit: {file: '.gitattributes', change: '*.sh text eol=lf'}},
				{description: 'Or strip carriage returns during the build', edit: {file: 'Dockerfile', change: `RUN sed -i 's/\\r$//' ${script}`}},
			],
		};
	},
};
