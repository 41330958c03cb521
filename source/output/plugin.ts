import type {PluginResult} from '../core/plugin.js';
import type {Theme} from './theme.js';

export function pluginText(r: PluginResult, theme: Theme): string {
	const lines: string[] = [];
	switch (r.outcome) {
		case 'installed':
		case 'updated':
		case 'replaced-foreign':
		case 'unchanged':
			lines.push(`${theme.glyph.ok} ${r.outcome === 'unchanged' ? 'Already installed' : r.outcome === 'updated' ? 'Updated' : 'Installed'}: ${r.path}`);
			if (r.backup) lines.push(`  The file that was there is kept as ${r.backup}`);
			if (r.runs) lines.push(`  It runs ${r.runs.cli} with ${r.runs.node}.`);
			lines.push('', 'Try it:', '  docker helper --version', '  docker helper validate', '  docker --context <name> helper diagnose --all');
			break;
		case 'removed':
			lines.push(`${theme.glyph.ok} Removed ${r.path}`);
			break;
		case 'not-installed':
			lines.push(`Nothing to remove: ${r.path} does not exist.`);
			break;
	}
	return lines.join('\n');
}
