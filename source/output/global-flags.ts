import type {FlagSpec} from '../commands/types.js';

export const GLOBAL_FLAGS = {
	json: {type: 'boolean', description: 'Machine-readable JSON on stdout (schema: docs/json.md)'},
	plain: {type: 'boolean', description: 'Plain text: no colour, no interactive view'},
	color: {type: 'boolean', default: true, description: 'No colour (also: NO_COLOR=1)'},
	host: {type: 'string', shortFlag: 'H', placeholder: 'url', description: 'Docker Engine endpoint (unix://, tcp://, ssh://)'},
	context: {type: 'string', shortFlag: 'c', placeholder: 'name', description: 'Docker context to use'},
	help: {type: 'boolean', shortFlag: 'h', description: 'Show help'},
	version: {type: 'boolean', shortFlag: 'v', description: 'Show the version'},
} as const satisfies Record<string, FlagSpec>;
