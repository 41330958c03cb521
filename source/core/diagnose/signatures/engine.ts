/** Turn signatures into diagnosis rules: one rule per signature, so each has its own finding id. */
import {field, logEvidence, ref, sh} from '../helpers.js';
import type {DiagnosisFacts, LogLine} from '../facts.js';
import type {Evidence, Fix, Rule} from '../types.js';
import type {Signature} from './types.js';

function fill(text: string, m: RegExpExecArray, f: DiagnosisFacts): string {
	return text.replace(/\{(\d|name|image)\}/g, (_, k: string) => {
		if (k === 'name') return sh(ref(f));
		if (k === 'image') return f.container.image || 'IMAGE';
		return m[Number(k)] ?? '';
	});
}

function fillFix(fix: Fix, m: RegExpExecArray, f: DiagnosisFacts): Fix {
	return {
		description: fill(fix.description, m, f),
		...(fix.command ? {command: fill(fix.command, m, f)} : {}),
		...(fix.edit ? {edit: {file: fill(fix.edit.file, m, f), change: fill(fix.edit.change, m, f)}} : {}),
	};
}

/** The last line matching the signature, with its match; null when absent or when `unless` shows it was handled. */
export function matchSignature(s: Signature, f: DiagnosisFacts): {line: LogLine | null; match: RegExpExecArray} | null {
	if (s.when && !s.when(f)) return null;
	if (s.on === 'state-error') {
		const match = s.pattern.exec(f.state.error);
		return match ? {line: null, match} : null;
	}
	const lines = f.logs.lines;
	for (let i = lines.length - 1; i >= 0; i--) {
		const match = s.pattern.exec(lines[i]!.text);
		if (!match) continue;
		if (s.unless && lines.slice(i + 1).some((l) => s.unless!.test(l.text))) return null;
		return {line: lines[i]!, match};
	}
	return null;
}

export function signatureRule(s: Signature): Rule {
	return {
		id: s.id,
		description: `${s.runtime}: ${s.title.replace(/\{\d\}/g, '…').replace(/\{name\}|\{image\}/g, 'the container')}`,
		kind: s.kind ?? 'cause',
		basis: s.on === 'state-error' ? 'state' : 'logs',
		diagnose(f) {
			const hit = matchSignature(s, f);
			if (!hit) return null;
			const evidence: Evidence[] = [];
			if (hit.line) {
				// Up to two lines before the match give context (a traceback's last frame, the command that failed).
				const i = f.logs.lines.indexOf(hit.line);
				for (const l of f.logs.lines.slice(Math.max(0, i - 2), i)) if (l.text.trim() !== '' && l.stream === hit.line.stream) evidence.push(logEvidence(f, l));
				evidence.push(logEvidence(f, hit.line));
			} else evidence.push(field(f, 'State.Error', f.state.error));
			if (f.state.exitCode !== 0 && !f.state.running) evidence.push(field(f, 'State.ExitCode', f.state.exitCode));
			return {
				title: fill(s.title, hit.match, f),
				severity: s.severity ?? 'error',
				confidence: s.confidence ?? 'high',
				evidence,
				explanation: fill(s.explanation, hit.match, f),
				fixes: s.fixes.map((x) => fillFix(x, hit.match, f)),
			};
		},
	};
}
