import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/core/diagnose/diagnose.js';
import {recordings} from './fixtures.js';

describe('evidence labels say which inspect fields they show', () => {
	it('a value with the arguments is never labelled Path alone (Path is only the executable)', () => {
		let commands = 0;
		for (const r of recordings) {
			for (const f of diagnose(r.facts).findings) {
				for (const e of f.evidence) {
					if (e.kind !== 'field') continue;
					if (e.label === 'Path') expect(e.value, `${r.scenario}/${f.id}`).toBe(r.facts.container.path);
					if (e.label === 'Path + Args') {
						commands++;
						expect(e.value).toBe([r.facts.container.path, ...r.facts.container.args].join(' '));
						expect(e.command).toContain('{{json .Args}}');
					}
				}
			}
		}
		expect(commands).toBeGreaterThan(0);
	});
});
