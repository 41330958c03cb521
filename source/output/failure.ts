/** An expected failure as text: one line saying what happened, one saying what to do. */
import {terminalText} from '../core/terminal-text.js';
import type {Theme} from './theme.js';

export function failureText(message: string, hint: string, theme: Theme): string {
	return `${theme.error('docker-helper:')} ${terminalText(message, {newlines: false})}\n${theme.dim('  → ')}${terminalText(hint, {newlines: false})}\n`;
}
