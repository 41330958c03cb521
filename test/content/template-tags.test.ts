/** The guides recommend the base images the templates ship, so a reader who copies either gets the same. */
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../support/cli.js';

const slim = readFileSync(path.join(ROOT, 'assets/dockerfiles/slim.Dockerfile'), 'utf8');
const python = /ARG PYTHON_VERSION=(\d+\.\d+)/.exec(slim)![1]!;
const release = /ARG DEBIAN_RELEASE=(\w+)/.exec(slim)![1]!;

describe('content uses the templates python tag', () => {
	for (const dir of ['content/guides', 'content/topics']) {
		for (const file of readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.md'))) {
			it(`${dir}/${file}`, () => {
				const text = readFileSync(path.join(ROOT, dir, file), 'utf8');
				for (const m of text.matchAll(/python:(\d+\.\d+)(?:\.\d+)?(-slim(?:-(\w+))?)?/g)) {
					expect(m[1], m[0]).toBe(python);
					if (m[3]) expect(m[3], m[0]).toBe(release);
				}
			});
		}
	}
});
