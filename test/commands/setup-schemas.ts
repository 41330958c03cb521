/**
 * JSON Schemas of the --json results of recommend, configure and generate-compose: what scripts may
 * rely on. They are published in docs/schema/; the CLI tests check the real output against them with
 * ajv, so a change of shape fails a test.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {ROOT} from '../support/cli.js';

const load = (name: string): object => JSON.parse(readFileSync(path.join(ROOT, 'docs', 'schema', `${name}.schema.json`), 'utf8')) as object;

export const recommendSchema = load('recommend');
export const configureSchema = load('configure');
export const generateComposeSchema = load('generate-compose');
