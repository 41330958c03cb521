/**
 * JSON Schemas of the --json results of recommend, configure and generate-compose: what scripts may rely on.
 * The CLI tests check the real output against them with ajv, so a change of shape fails a test.
 */
const num = {type: 'object', required: ['value', 'display', 'reason'], additionalProperties: false, properties: {value: {type: 'number'}, display: {type: 'string'}, reason: {type: 'string', minLength: 10}}};
const finding = {type: 'object', required: ['id', 'severity', 'message', 'hint'], additionalProperties: false, properties: {id: {type: 'string'}, severity: {enum: ['fail', 'warn', 'info']}, message: {type: 'string'}, hint: {type: 'string'}}};
const nullable = (s: object) => ({anyOf: [s, {type: 'null'}]});

export const recommendSchema = {
	type: 'object',
	required: ['workload', 'title', 'machine', 'feasible', 'findings', 'settings', 'apply', 'endpoint', 'measured'],
	properties: {
		workload: {enum: ['ai-inference', 'ai-training', 'web']},
		title: {type: 'string'},
		feasible: {type: 'boolean'},
		findings: {type: 'array', items: finding},
		machine: {
			type: 'object',
			required: ['kind', 'description', 'memory', 'cpus', 'source', 'engineMemory', 'engineCpus', 'diskFree', 'diskWhere', 'swap', 'gpu'],
			properties: {
				kind: {enum: ['linux', 'desktop', 'vm', 'remote', 'host-only']},
				memory: {type: 'integer', minimum: 1},
				cpus: {type: 'integer', minimum: 1},
				source: {enum: ['host', 'engine']},
				diskFree: nullable({type: 'number'}),
				gpu: {type: 'object', required: ['nvidia', 'usable', 'runtime']},
			},
		},
		settings: nullable({
			type: 'object',
			required: ['dockerMemory', 'dockerCpus', 'swap', 'diskFree', 'containerMemory', 'containerMemoryReservation', 'containerMemorySwap', 'containerCpus', 'containerCpusReservation', 'pids', 'shm', 'gpu'],
			additionalProperties: false,
			properties: {
				dockerMemory: num, dockerCpus: num, swap: num, diskFree: num, containerMemory: num, containerMemoryReservation: num, containerMemorySwap: num, containerCpus: num, containerCpusReservation: num, pids: num,
				shm: nullable(num),
				gpu: {type: 'object', required: ['value', 'reason'], properties: {value: {type: 'boolean'}, reason: {type: 'string'}}},
			},
		}),
		apply: nullable({
			type: 'object',
			required: ['desktop', 'vm', 'daemonJson', 'dockerRun', 'compose'],
			properties: {desktop: nullable({type: 'array', items: {type: 'string'}}), vm: nullable({type: 'string'}), daemonJson: {type: 'object'}, dockerRun: {type: 'string', pattern: '^docker run '}, compose: {type: 'string'}},
		}),
		measured: {type: 'object', required: ['host', 'engine']},
	},
};

export const configureSchema = {
	type: 'object',
	required: ['platform', 'platformWhy', 'workload', 'feasible', 'endpoint', 'sections', 'files', 'findings', 'written'],
	properties: {
		platform: {enum: ['linux', 'macos', 'windows']},
		sections: {type: 'array', items: {type: 'object', required: ['title', 'lines'], properties: {title: {type: 'string'}, lines: {type: 'array', items: {type: 'string'}}}}},
		files: {
			type: 'array',
			items: {
				type: 'object',
				required: ['id', 'location', 'content', 'mergedFrom', 'changes', 'activate'],
				properties: {
					id: {enum: ['daemon.json', '.wslconfig']},
					content: {type: 'string'},
					changes: {type: 'array', items: {type: 'object', required: ['key', 'action', 'ours', 'reason'], properties: {action: {enum: ['added', 'extended', 'kept', 'same', 'set']}}}},
				},
			},
		},
		findings: {type: 'array', items: finding},
		written: nullable({type: 'object', required: ['path', 'bytes', 'replaced', 'file']}),
	},
};

export const generateComposeSchema = {
	type: 'object',
	required: ['workload', 'service', 'port', 'gpu', 'probe', 'content', 'stdout', 'preview', 'written', 'findings', 'nextSteps'],
	properties: {
		port: {type: 'integer', minimum: 1, maximum: 65535},
		probe: {enum: ['python', 'node', 'wget', 'curl']},
		content: nullable({type: 'string'}),
		written: nullable({type: 'object', required: ['path', 'bytes', 'replaced']}),
		findings: {type: 'array', items: finding},
		nextSteps: {type: 'array', items: {type: 'string'}},
	},
};
