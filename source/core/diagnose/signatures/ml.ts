/** AI and ML serving: CUDA and driver mismatches, model downloads (auth, offline, disk, cache permissions), weights that do not fit. */
import type {DiagnosisFacts} from '../facts.js';
import type {SignatureFamily} from './types.js';

const nonRoot = (f: DiagnosisFacts) => !/^(|root|0)(:.*)?$/.test(f.container.user || f.image?.user || '');
const TOKEN = {
	description: "Pass a Hugging Face token (accept the model's licence on its page first for gated models)",
	command: 'docker run -e HF_TOKEN {image}',
};
const CACHE = {description: 'Keep the model cache on a volume the app user owns', command: 'docker run -e HF_HOME=/models -v hf-cache:/models {image}'};

export const ml: SignatureFamily = {
	id: 'ml',
	description: 'GPU drivers and CUDA builds, model downloads and caches, tokenizers, weights that do not fit.',
	signatures: [
		{
			id: 'cuda-driver-too-old',
			runtime: 'python',
			pattern: /(?:The NVIDIA driver on your system is too old \(found version (\d+)\)|CUDA driver version is insufficient for CUDA runtime version)/,
			title: "The host's NVIDIA driver is too old for the CUDA in this image",
			explanation:
				"The image's CUDA runtime (bundled with PyTorch, TensorFlow or the base image) needs a newer kernel driver than the host has. The driver comes from the host, not the image, so either update the host driver or use an image built for an older CUDA.",
			fixes: [
				{description: 'See the highest CUDA version the host driver supports (top right of the output)', command: 'nvidia-smi'},
				{description: 'Install a framework build for that CUDA version', command: 'pip install torch --index-url https://download.pytorch.org/whl/cu118'},
			],
			cases: {
				fires: [
					{
						log: [
							'RuntimeError: The NVIDIA driver on your system is too old (found version 11040). Please update your GPU driver by downloading and installing a new version from the URL: http://www.nvidia.com/Download/index.aspx',
						],
					},
					{log: ['CUDA error: CUDA driver version is insufficient for CUDA runtime version']},
				],
				silent: [{log: ['NVIDIA-SMI 535.104.05   Driver Version: 535.104.05   CUDA Version: 12.2']}],
			},
		},
		{
			id: 'cuda-no-gpu-visible',
			runtime: 'python',
			pattern:
				/(?:Found no NVIDIA driver on your system|RuntimeError: No CUDA GPUs are available|torch\.cuda\.is_available\(\) (?:is|returned) False|CUDA initialization: Found no NVIDIA driver|cudaGetDeviceCount returned 100|AssertionError: Torch not compiled with CUDA enabled)/,
			title: 'The program wants a GPU, but none is visible in the container',
			explanation:
				'No GPU device is passed into the container (run without --gpus, or compose without a device reservation), the host has no NVIDIA driver, or the installed framework is a CPU-only build ("Torch not compiled with CUDA enabled").',
			fixes: [
				{description: 'Pass the GPUs', command: 'docker run --gpus all {image}'},
				{
					description: 'In compose',
					edit: {
						file: 'compose.yaml',
						change: 'deploy:\n  resources:\n    reservations:\n      devices:\n        - driver: nvidia\n          count: all\n          capabilities: [gpu]',
					},
				},
			],
			cases: {
				fires: [
					{
						log: [
							'RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx',
						],
					},
					{log: ['AssertionError: Torch not compiled with CUDA enabled']},
				],
				silent: [{log: ['INFO Using device: cuda:0 (NVIDIA L4)']}],
			},
		},
		{
			id: 'cuda-arch-unsupported',
			runtime: 'python',
			pattern:
				/(?:CUDA error: no kernel image is available for execution on the device|is not compatible with the current PyTorch installation\.\s*The current PyTorch install supports CUDA capabilities)/,
			title: "The framework was not compiled for this GPU's architecture",
			explanation:
				"The CUDA kernels in the installed build do not include this GPU's compute capability: an old GPU with a new PyTorch, or a brand-new GPU with an old build. This is not a driver problem.",
			fixes: [
				{description: "See the GPU's compute capability", command: 'nvidia-smi --query-gpu=name,compute_cap --format=csv'},
				{
					description: 'Install a build that supports it (or build from source with TORCH_CUDA_ARCH_LIST)',
					command: 'pip install torch==2.3.1 --index-url https://download.pytorch.org/whl/cu121',
				},
			],
			cases: {
				fires: [
					{
						log: [
							'RuntimeError: CUDA error: no kernel image is available for execution on the device',
							'CUDA kernel errors might be asynchronously reported at some other API call',
						],
					},
				],
				silent: [{log: ['RuntimeError: CUDA error: out of memory']}],
			},
		},
		{
			id: 'libcuda-missing',
			runtime: 'any',
			pattern: /(libcuda\.so\.1|libnvidia-ml\.so\.1|libcudart\.so\.[\d.]+|libcudnn\.so\.\d+): cannot open shared object file/,
			title: 'The CUDA library {1} is not in the container',
			explanation:
				"libcuda.so.1 and libnvidia-ml.so.1 come from the host driver and are injected only when the container runs with --gpus; libcudart and libcudnn must be in the image (a -runtime or -cudnn base image, or the framework's wheels).",
			fixes: [
				{description: 'Run with the GPU runtime so the driver libraries are mounted', command: 'docker run --gpus all {image}'},
				{description: 'Base the image on a CUDA runtime image', edit: {file: 'Dockerfile', change: 'FROM nvidia/cuda:12.2.2-cudnn8-runtime-ubuntu22.04'}},
			],
			cases: {
				fires: [
					{log: ['OSError: libcuda.so.1: cannot open shared object file: No such file or directory']},
					{log: ['ImportError: libcudnn.so.8: cannot open shared object file: No such file or directory']},
				],
				silent: [{log: ['ImportError: libGL.so.1: cannot open shared object file: No such file or directory']}],
			},
		},
		{
			id: 'hf-gated-or-unauthorized',
			runtime: 'python',
			pattern:
				/(?:GatedRepoError|RepositoryNotFoundError|Cannot access gated repo for url|You are trying to access a gated repo|401 Client Error: Unauthorized for url: https:\/\/huggingface\.co\/(\S+))/,
			title: 'The model download was refused: the repo is gated, private, or the name is wrong',
			explanation:
				'Hugging Face answered 401/403: the model is gated (its licence must be accepted on the website with the same account), private, or the repo id is misspelled (a wrong id also answers 401 when no token is sent). The container has no HF_TOKEN, or one without access.',
			fixes: [TOKEN, {description: 'Check the repo id and your access', command: 'docker run --rm -e HF_TOKEN {image} huggingface-cli whoami'}],
			cases: {
				fires: [
					{
						log: [
							'huggingface_hub.utils._errors.GatedRepoError: 401 Client Error. (Request ID: Root=1-abc)',
							'Cannot access gated repo for url https://huggingface.co/meta-llama/Llama-2-7b-hf/resolve/main/config.json.',
						],
					},
				],
				silent: [{log: ['Downloading shards: 100%|██████████| 2/2 [00:30<00:00, 15.1s/it]']}],
			},
		},
		{
			id: 'hf-offline',
			runtime: 'python',
			pattern:
				/(?:We couldn't connect to 'https:\/\/huggingface\.co' to load this (?:file|model)|OfflineModeIsEnabled|LocalEntryNotFoundError: (?:Connection error|Cannot find an appropriate cached snapshot folder))/,
			title: 'The model is not cached and the hub cannot be reached',
			explanation:
				'The library looked for the model in its cache (HF_HOME, ~/.cache/huggingface), did not find it, and could not download it: the container has no internet access, HF_HUB_OFFLINE=1 is set, or a proxy blocks it. An air-gapped deployment needs the model baked into the image or on a volume.',
			fixes: [
				{
					description: 'Download the model into a volume once, then mount it',
					command: 'docker run --rm -v hf-cache:/models -e HF_HOME=/models {image} huggingface-cli download MODEL',
				},
				CACHE,
			],
			cases: {
				fires: [
					{
						log: [
							"OSError: We couldn't connect to 'https://huggingface.co' to load this file, couldn't find it in the cached files and it looks like bert-base-uncased is not the path to a directory containing a file named config.json.",
						],
					},
				],
				silent: [{log: ['Loading checkpoint shards: 100%|██████████| 2/2 [00:04<00:00,  2.01s/it]']}],
			},
		},
		{
			id: 'model-cache-permission',
			runtime: 'python',
			when: nonRoot,
			pattern: /PermissionError: \[Errno 13\] Permission denied: '([^']*(?:\.cache|huggingface|torch|transformers|models?|hub)[^']*)'/,
			title: 'The model cache {1} is not writable for the app user',
			explanation:
				'The container runs as a non-root user, and the model cache path belongs to root (a cache directory created at build time, or HOME=/ so the cache lands in /.cache). Tokenizers and model files are written there on first load.',
			fixes: [
				CACHE,
				{
					description: 'Or create the cache directory for the user in the image',
					edit: {file: 'Dockerfile', change: 'ENV HF_HOME=/home/app/.cache/huggingface\nRUN mkdir -p $HF_HOME && chown -R app:app /home/app'},
				},
			],
			cases: {
				fires: [{log: ["PermissionError: [Errno 13] Permission denied: '/.cache/huggingface/hub'"], facts: {user: '1000'}}],
				silent: [{log: ["PermissionError: [Errno 13] Permission denied: '/.cache/huggingface/hub'"], facts: {user: 'root'}}],
			},
		},
		{
			id: 'model-weights-truncated',
			runtime: 'python',
			pattern:
				/(?:SafetensorError: Error while deserializing header: (MetadataIncompleteBuffer|HeaderTooLarge|InvalidHeaderDeserialization)|PytorchStreamReader failed reading zip archive: failed finding central directory|unexpected EOF, expected \d+ more bytes\. The file might be corrupted)/,
			title: 'The model weights on disk are incomplete or corrupt',
			explanation:
				'The weights file is truncated: an interrupted download (the disk filled up, the container was killed, the network dropped) left a partial file in the cache, which is now loaded as if complete.',
			fixes: [
				{
					description: 'Delete the partial file and download again (check free space first)',
					command: 'docker run --rm -v hf-cache:/models {image} sh -c "df -h /models; rm -rf /models/hub/models--ORG--NAME"',
				},
			],
			cases: {
				fires: [{log: ['safetensors_rust.SafetensorError: Error while deserializing header: MetadataIncompleteBuffer']}],
				silent: [{log: ['INFO loaded 291 tensors from model.safetensors']}],
			},
		},
		{
			id: 'tokenizer-load-failed',
			runtime: 'python',
			pattern: /OSError: Can't load tokenizer for '([^']+)'/,
			title: 'The tokenizer for {1} could not be loaded',
			explanation:
				'transformers found neither a local directory nor a cached or downloadable tokenizer for that name: the model path is wrong, the download failed (offline, gated), or the cache is not readable for this user.',
			fixes: [TOKEN, CACHE],
			cases: {
				fires: [
					{
						log: [
							"OSError: Can't load tokenizer for 'mistralai/Mistral-7B-v0.1'. If you were trying to load it from 'https://huggingface.co/models', make sure you don't have a local directory with the same name.",
						],
					},
				],
				silent: [{log: ['tokenizer_config.json: 100%|██████████| 1.47k/1.47k [00:00<00:00, 5.2MB/s]']}],
			},
		},
		{
			id: 'vllm-kv-cache-too-small',
			runtime: 'python',
			pattern:
				/(?:The model's max seq len \((\d+)\) is larger than the maximum number of tokens that can be stored in KV cache \((\d+)\)|No available memory for the cache blocks)/,
			title: 'vLLM has no GPU memory left for the KV cache',
			explanation:
				"After loading the weights, the GPU memory vLLM may use (gpu_memory_utilization, 0.9 by default) leaves too little for the KV cache at the model's full context length.",
			fixes: [
				{
					description: 'Shorten the context or let vLLM use more of the GPU',
					command: 'docker run --gpus all {image} --max-model-len 8192 --gpu-memory-utilization 0.95',
				},
			],
			cases: {
				fires: [
					{
						log: [
							"ValueError: The model's max seq len (32768) is larger than the maximum number of tokens that can be stored in KV cache (21264). Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.",
						],
					},
				],
				silent: [{log: ['INFO 05-01 10:00:00 gpu_executor.py:83] # GPU blocks: 1329, # CPU blocks: 2048']}],
			},
		},
		{
			id: 'ollama-model-pull-failed',
			runtime: 'ollama',
			pattern: /(?:Error: pull model manifest: (.{0,120})|Error: model ['"]?([\w.:/-]+)['"]? not found, try pulling it first|error loading model: (.{0,120}))/,
			title: 'Ollama could not get or load the model',
			explanation:
				'ollama run pulls the model on first use. The pull failed (no network, a proxy, a misspelled tag) or the file on disk does not load (truncated download, too little memory).',
			fixes: [
				{description: 'Pull it explicitly and watch the error', command: 'docker exec -it {name} ollama pull llama3'},
				{description: 'Keep models on a volume so they survive recreating the container', command: 'docker run -v ollama:/root/.ollama {image}'},
			],
			cases: {
				fires: [
					{
						log: [
							'Error: pull model manifest: Get "https://registry.ollama.ai/v2/library/llama3/manifests/latest": dial tcp: lookup registry.ollama.ai on 127.0.0.11:53: no such host',
						],
					},
					{log: ["Error: model 'llama3:70b' not found, try pulling it first"]},
				],
				silent: [{log: ['time=2024-05-01T10:00:00.000Z level=INFO source=routes.go:1074 msg="Listening on [::]:11434 (version 0.1.32)"']}],
			},
		},
	],
};
