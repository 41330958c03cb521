/**
 * Text from containers and engines (log lines, labels, env, names, error messages) may carry
 * terminal control sequences: cursor moves, screen clears, window titles, OSC 52 clipboard
 * writes, hyperlinks. Printed raw they rewrite the user's terminal. Here they are made
 * visible instead (ESC → "\x1b"), so the text reads the same and does nothing.
 *
 * Colour (SGR: ESC [ digits ; m) is the one sequence that may be kept: our own theme emits it,
 * and a container's coloured log lines read better with it. Nothing else passes.
 */

/** C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides ("Trojan Source"). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** SGR, with a bounded parameter list. */
const SGR = /\u001b\[[0-9;:]{0,32}m/y;

function visible(ch: string): string {
	const code = ch.charCodeAt(0);
	// \u for DEL and above: the same spelling is a valid escape inside a JSON string (lint --format json is text).
	return code < 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface TerminalTextOptions {
	/** Keep colour sequences (SGR) as they are; when false they are dropped. Default false: everything is shown. */
	readonly sgr?: 'keep' | 'drop' | 'show';
	/** Keep newlines (multi-line text); default true. */
	readonly newlines?: boolean;
}

/** Make control characters visible. With sgr 'keep' a line that kept colour ends with a reset, so it cannot bleed. */
export function terminalText(text: string, options: TerminalTextOptions = {}): string {
	const sgr = options.sgr ?? 'show';
	const newlines = options.newlines ?? true;
	if (!hasControl(text, newlines)) return text;
	let out = '';
	let keptColour = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (ch === '\u001b' && sgr !== 'show') {
			SGR.lastIndex = i;
			const m = SGR.exec(text);
			if (m) {
				if (sgr === 'keep') {
					out += m[0];
					keptColour = true;
				}
				i += m[0].length - 1;
				continue;
			}
		}
		if (ch === '\n' && !newlines) out += '\\n';
		else if (ch === '\n' || ch === '\t') out += ch;
		else if (isControl(ch)) out += visible(ch);
		else out += ch;
	}
	return keptColour ? `${out}\u001b[0m` : out;
}

function isControl(ch: string): boolean {
	CONTROL.lastIndex = 0;
	return CONTROL.test(ch);
}

function hasControl(text: string, newlines: boolean): boolean {
	CONTROL.lastIndex = 0;
	return CONTROL.test(text) || (!newlines && text.includes('\n'));
}

/**
 * JSON.stringify escapes C0 controls already; DEL, C1 and the bidi overrides it leaves raw.
 * They only ever occur inside strings, where \uXXXX is the same value.
 */
export function escapeJsonControls(json: string): string {
	return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
