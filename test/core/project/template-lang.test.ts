import {describe, expect, it} from 'vitest';
import {renderTemplate, TemplateError} from '../../../source/core/project/template-lang.js';

describe('init template language', () => {
	it.each([
		['plain {{name}}', {name: 'x'}, 'plain x'],
		['{{a.b}}', {a: {b: 3}}, '3'],
		['CMD {{json cmd}}', {cmd: ['node', 'a "b".js']}, 'CMD ["node","a \\"b\\".js"]'],
		['{{#if on}}yes{{else}}no{{/if}}', {on: false}, 'no'],
		['{{#if list}}some{{/if}}', {list: []}, ''],
		['{{#unless on}}off{{/unless}}', {on: false}, 'off'],
		['{{#each xs}}[{{this}}]{{/each}}', {xs: ['a', 'b']}, '[a][b]'],
		['{{#each xs}}{{this.n}},{{/each}}', {xs: [{n: 1}, {n: 2}]}, '1,2,'],
		['a{{! dropped }}b', {}, 'ab'],
	] as const)('%s', (source, data, out) => {
		expect(renderTemplate(source, data)).toBe(out);
	});

	it('a block tag alone on its line takes the line with it', () => {
		expect(renderTemplate('A\n{{#if x}}\nB\n{{/if}}\nC\n', {x: true})).toBe('A\nB\nC\n');
		expect(renderTemplate('A\n{{#if x}}\nB\n{{/if}}\nC\n', {x: false})).toBe('A\nC\n');
		expect(renderTemplate('A\n  {{#each xs}}\n# {{this}}\n  {{/each}}\nZ\n', {xs: ['1', '2']})).toBe('A\n# 1\n# 2\nZ\n');
	});

	it('partials come from the set and see the same data', () => {
		expect(renderTemplate('top\n{{> part}}\nend\n', {v: 'V'}, {partials: {part: 'in {{v}}\n'}})).toBe('top\nin V\nend\n');
	});

	it('an unknown placeholder is an error with the line, never an empty string', () => {
		expect(() => renderTemplate('ok\n{{missing}}\n', {}, {name: 't'})).toThrow(TemplateError);
		expect(() => renderTemplate('ok\n{{missing}}\n', {}, {name: 't'})).toThrow('t:2: unknown placeholder {{missing}}');
	});

	it.each([
		['{{#if x}}never closed', /never closed/],
		['{{/if}}', /does not close/],
		['{{else}}', /outside/],
		['{{#each x}}{{/if}}', /does not close/],
		['{{> nope}}', /no partial/],
		['{{x y z}}', /cannot read/],
		['{{list}}', /a list/],
	])('%s is a template error', (source, message) => {
		expect(() => renderTemplate(source, {x: true, list: ['a']})).toThrow(message);
	});
});
