/**
 * Workloads are data: what each kind of service needs at least, what it is comfortable with,
 * and how a machine's resources are shared out for it. recommend.ts turns these into numbers
 * for a measured machine; nothing in the policy code names a workload.
 */
const GiB = 1024 ** 3;

export type WorkloadId = 'ai-inference' | 'ai-training' | 'web';

export interface Workload {
	readonly id: WorkloadId;
	readonly title: string;
	/** One line for help and the menu. */
	readonly summary: string;
	/** Below these the workload cannot run: recommend says so instead of inventing numbers. */
	readonly minimum: {readonly memory: number; readonly cpus: number; readonly diskFree: number};
	/** Comfortable sizes: below them recommend still works but says what suffers. */
	readonly comfortable: {readonly memory: number; readonly cpus: number; readonly diskFree: number};
	/** Docker's share of the machine's memory (a Desktop VM, or the budget for containers on Linux). */
	readonly dockerMemory: {readonly share: number; readonly cap: number; readonly capWhy: string};
	/** Swap for the Desktop VM / host: a cushion for load-time peaks. */
	readonly swap: {readonly size: number; readonly why: string};
	/** The main container of the workload. */
	readonly container: {
		/** Share of Docker's memory the main container may use. */
		readonly memoryShare: number;
		readonly memoryShareWhy: string;
		readonly memoryCap: number;
		/** Share of Docker's CPUs the main container may use. */
		readonly cpuShare: number;
		readonly pids: number;
		readonly pidsWhy: string;
		/** Swap the container may use on top of its memory, as a share of its memory (0: none). */
		readonly swapShare: number;
		readonly swapWhy: string;
	};
	/** /dev/shm for the container as a share of its memory limit; null keeps Docker's 64 MiB. */
	readonly shm: {readonly share: number; readonly min: number; readonly max: number; readonly why: string} | null;
	/** Whether a GPU matters for this workload: it is reserved when present. */
	readonly usesGpu: boolean;
}

export const WORKLOADS: Readonly<Record<WorkloadId, Workload>> = {
	'ai-inference': {
		id: 'ai-inference',
		title: 'AI inference service',
		summary: 'serve a model behind an HTTP API (FastAPI, vLLM, Triton, Ollama...)',
		minimum: {memory: 4 * GiB, cpus: 2, diskFree: 20 * GiB},
		comfortable: {memory: 16 * GiB, cpus: 8, diskFree: 50 * GiB},
		dockerMemory: {
			share: 0.5,
			cap: 64 * GiB,
			capWhy: 'beyond 64 GiB a single inference stack rarely gains; the rest serves the host page cache that loads model files',
		},
		swap: {size: 2 * GiB, why: 'absorbs the peak while a model is loaded and converted, without becoming working memory'},
		container: {
			memoryShare: 0.75,
			memoryShareWhy: "the model server gets most of Docker's memory; a quarter stays for sidecars (proxy, cache) and the engine itself",
			memoryCap: 48 * GiB,
			cpuShare: 1,
			pids: 1024,
			pidsWhy: 'worker processes and their threads fit easily; a fork loop stops here instead of taking the machine',
			swapShare: 0,
			swapWhy:
				'no swap inside the container: a swapping model server answers in seconds instead of milliseconds; an OOM kill (exit 137) is visible, slowness is not',
		},
		shm: {
			share: 0.125,
			min: 1 * GiB,
			max: 8 * GiB,
			why: "tokenizer and data-loader workers pass tensors through /dev/shm; Docker's 64 MiB default breaks them",
		},
		usesGpu: true,
	},
	'ai-training': {
		id: 'ai-training',
		title: 'AI training / fine-tuning',
		summary: 'train or fine-tune models (PyTorch, JAX) with multi-worker data loaders',
		minimum: {memory: 8 * GiB, cpus: 4, diskFree: 50 * GiB},
		comfortable: {memory: 32 * GiB, cpus: 16, diskFree: 200 * GiB},
		dockerMemory: {share: 0.5, cap: 256 * GiB, capWhy: 'past 256 GiB the host page cache for data sets is worth more than more container memory'},
		swap: {size: 4 * GiB, why: 'absorbs checkpoint-saving and data-set loading peaks'},
		container: {
			memoryShare: 0.85,
			memoryShareWhy: 'training is the only big tenant; 15% stays for the engine and a monitoring sidecar',
			memoryCap: 240 * GiB,
			cpuShare: 1,
			pids: 4096,
			pidsWhy: 'DataLoader workers each start many threads (OpenMP, BLAS); 4096 leaves room for them and still stops a fork loop',
			swapShare: 0.25,
			swapWhy: 'a little swap lets a checkpoint save survive a peak; more would turn a memory leak into a crawl',
		},
		shm: {
			share: 0.25,
			min: 2 * GiB,
			max: 32 * GiB,
			why: 'PyTorch DataLoader workers hand batches over through /dev/shm; too little fails with "bus error" or "unable to write to file </torch_...>"',
		},
		usesGpu: true,
	},
	web: {
		id: 'web',
		title: 'web service',
		summary: 'an ordinary web app or API with a few companion services',
		minimum: {memory: 1 * GiB, cpus: 1, diskFree: 10 * GiB},
		comfortable: {memory: 4 * GiB, cpus: 4, diskFree: 20 * GiB},
		dockerMemory: {share: 0.5, cap: 16 * GiB, capWhy: 'a web stack seldom uses more than 16 GiB; the rest is better left to the host'},
		swap: {size: 1 * GiB, why: 'a small cushion for build and start-up peaks'},
		container: {
			memoryShare: 0.25,
			memoryShareWhy: "a web stack runs several containers (app, database, cache): the app gets a quarter of Docker's memory",
			memoryCap: 2 * GiB,
			cpuShare: 0.5,
			pids: 512,
			pidsWhy: 'enough for a pre-forking server (gunicorn, puma) and its threads; stops a fork loop',
			swapShare: 0,
			swapWhy: 'no swap for a latency-bound service: restart on OOM beats answering slowly',
		},
		shm: null,
		usesGpu: false,
	},
};

export const WORKLOAD_IDS = Object.keys(WORKLOADS) as WorkloadId[];
