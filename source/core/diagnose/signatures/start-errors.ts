/** The engine's own start-time errors (State.Error): each a distinct cause, not one "stuck in created" bucket. */
import type {SignatureFamily} from './types.js';

const runc = (tail: string) => `OCI runtime create failed: container_linux.go:380: starting container process caused: ${tail}: unknown`;

export const startErrors: SignatureFamily = {
	id: 'start-errors',
	description: 'Start failures the engine records in State.Error: users, groups, networks, devices, GPUs, mounts, working directory, limits.',
	signatures: [
		{
			id: 'unknown-user',
			runtime: 'engine',
			on: 'state-error',
			pattern: /unable to find user ([^\s:]+): no matching entries in passwd file/,
			title: 'The user "{1}" does not exist in the image',
			explanation:
				"The container is set to run as {1} (--user, or USER in the Dockerfile), but the image's /etc/passwd has no such user, so the runtime cannot start the process. A numeric uid:gid needs no passwd entry.",
			fixes: [
				{
					description: 'Create the user in the image',
					edit: {file: 'Dockerfile', change: 'RUN adduser -D -u 10001 {1}   # Debian: useradd -r -u 10001 {1}\nUSER {1}'},
				},
				{description: 'Or run as a numeric uid:gid, which needs no passwd entry', command: 'docker run --user 10001:10001 {image}'},
			],
			cases: {
				fires: [{log: [], facts: {status: 'created', stateError: 'unable to find user app: no matching entries in passwd file'}}],
				silent: [{log: [], facts: {status: 'created', stateError: 'unable to find group app: no matching entries in group file'}}],
			},
		},
		{
			id: 'unknown-group',
			runtime: 'engine',
			on: 'state-error',
			pattern: /unable to find group ([^\s:]+): no matching entries in group file/,
			title: 'The group "{1}" does not exist in the image',
			explanation:
				"The user setting names a group ({1}) that the image's /etc/group does not have. The runtime resolves names inside the image, not on the host.",
			fixes: [
				{description: 'Create the group in the image', edit: {file: 'Dockerfile', change: 'RUN addgroup -g 10001 {1}   # Debian: groupadd -g 10001 {1}'}},
				{description: 'Or give a numeric gid', command: 'docker run --user 10001:10001 {image}'},
			],
			cases: {
				fires: [{log: [], facts: {status: 'created', stateError: 'unable to find group staff2: no matching entries in group file'}}],
				silent: [{log: [], facts: {status: 'created', stateError: 'unable to find user staff2: no matching entries in passwd file'}}],
			},
		},
		{
			id: 'network-missing',
			runtime: 'engine',
			on: 'state-error',
			pattern: /network ([\w.-]+) not found/,
			title: 'The network "{1}" it is attached to no longer exists',
			explanation:
				'The container was created on network {1}, which was removed since (docker network rm, docker compose down of another project, a prune). The engine cannot start a container on a network that is gone; recreating the network with the same name does not fix it, because the container refers to the old network id.',
			fixes: [
				{
					description: 'Create the network and reconnect the container',
					command: 'docker network create {1} && docker network disconnect -f {1} {name}; docker network connect {1} {name}',
				},
				{description: 'With compose, recreate the project', command: 'docker compose up -d --force-recreate'},
			],
			cases: {
				fires: [{log: [], facts: {status: 'created', stateError: 'network dhtest-net not found'}}],
				silent: [{log: [], facts: {status: 'created', stateError: 'Cannot link to a non running container: /db AS /web/db'}}],
			},
		},
		{
			id: 'device-missing',
			runtime: 'engine',
			on: 'state-error',
			pattern: /error gathering device information while adding custom device "([^"]+)": no such file or directory/,
			title: 'The device {1} does not exist on this host',
			explanation:
				'The container asks for --device {1} (devices: in compose), and the host has no such device node. Devices are passed from the host; USB or serial devices may also have moved to another name since.',
			fixes: [
				{description: 'Look for the device on the host', command: 'ls -l /dev | head -50'},
				{description: 'Start without it, or with the path it has now', command: 'docker run --device /dev/ttyUSB0 {image}'},
			],
			cases: {
				fires: [
					{
						log: [],
						facts: {status: 'created', stateError: 'error gathering device information while adding custom device "/dev/ttyUSB7": no such file or directory'},
					},
				],
				silent: [{log: [], facts: {status: 'created', stateError: 'could not select device driver "" with capabilities: [[gpu]]'}}],
			},
		},
		{
			id: 'gpu-runtime-missing',
			runtime: 'engine',
			on: 'state-error',
			pattern: /could not select device driver "[^"]*" with capabilities: \[\[gpu\]\]/,
			title: 'GPUs were requested, but this engine has no GPU runtime',
			explanation:
				'The container asks for GPUs (--gpus, or deploy.resources.reservations.devices in compose). The engine hands that request to a device driver, and none is registered: the NVIDIA Container Toolkit is not installed or the engine was not restarted after installing it. This is about the engine, not the image.',
			fixes: [
				{
					description: 'Install the NVIDIA Container Toolkit, register it and restart the engine',
					command: 'sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker',
				},
				{description: 'Check that the host sees the GPU at all', command: 'nvidia-smi'},
				{description: 'Or run on CPU: drop --gpus', command: 'docker run {image}'},
			],
			cases: {
				fires: [{log: [], facts: {status: 'created', stateError: 'could not select device driver "" with capabilities: [[gpu]]'}}],
				silent: [{log: [], facts: {status: 'created', stateError: 'unknown or invalid runtime name: nvidia'}}],
			},
		},
		{
			id: 'nvidia-driver-error',
			runtime: 'engine',
			on: 'state-error',
			pattern: /nvidia-container-cli: (initialization error: [^:]+(?:: [^:]+)?|requirement error: unsatisfied condition: ([^,]+))/,
			title: 'The NVIDIA runtime could not set up the GPU: {1}',
			explanation:
				'The NVIDIA Container Toolkit is installed, but it failed before the container started. "driver not loaded" or "nvml error" means the host\'s kernel driver is missing or not loaded; an unsatisfied "cuda>=" condition means the image needs a newer CUDA than the host driver supports (the image\'s NVIDIA_REQUIRE_CUDA).',
			fixes: [
				{description: 'Check the host driver and the CUDA version it supports', command: 'nvidia-smi'},
				{
					description: "Use an image built for the host's CUDA version, or update the host driver",
					command: 'docker run --gpus all nvidia/cuda:12.2.0-base-ubuntu22.04 nvidia-smi',
				},
			],
			cases: {
				fires: [
					{
						log: [],
						facts: {
							status: 'created',
							stateError: runc(
								'process_linux.go:545: container init caused: Running hook #0:: error running hook: exit status 1, stdout: , stderr: nvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.2, please update your driver to a newer version, or use an earlier cuda container',
							),
						},
					},
					{log: [], facts: {status: 'created', stateError: 'nvidia-container-cli: initialization error: nvml error: driver not loaded'}},
				],
				silent: [{log: [], facts: {status: 'created', stateError: 'could not select device driver "" with capabilities: [[gpu]]'}}],
			},
		},
		{
			id: 'unknown-runtime',
			runtime: 'engine',
			on: 'state-error',
			pattern: /unknown or invalid runtime name: ([\w.-]+)/,
			title: 'The engine has no runtime called "{1}"',
			explanation:
				"The container asks for --runtime {1} (runtime: in compose), which is not registered in the engine's daemon.json. The usual case is runtime: nvidia on a machine without the NVIDIA toolkit.",
			fixes: [
				{description: 'List the runtimes the engine has', command: "docker info --format '{{json .Runtimes}}'"},
				{description: 'For GPUs, prefer --gpus all over --runtime nvidia', command: 'docker run --gpus all {image}'},
			],
			cases: {
				fires: [{log: [], facts: {status: 'created', stateError: 'unknown or invalid runtime name: nvidia'}}],
				silent: [{log: [], facts: {status: 'created', stateError: 'network nvidia not found'}}],
			},
		},
		{
			id: 'bind-mount-type-mismatch',
			runtime: 'engine',
			on: 'state-error',
			pattern: /error mounting "([^"]+)" to rootfs at "([^"]+)"[^]*?(?:not a directory|Are you trying to mount a directory onto a file)/,
			title: 'Bind mount {1} → {2}: a file and a directory are swapped',
			explanation:
				'One side of the bind mount is a file and the other a directory. The usual story: the host path did not exist when the container was first created, so Docker created an empty directory there, and now that directory is mounted where the image has a file (or the other way round).',
			fixes: [
				{description: 'Check what the host path is', command: 'ls -ld {1}'},
				{
					description: 'If Docker created an empty directory in place of your file, remove it and put the file there',
					command: 'rmdir {1} && cp ./your-file {1}',
				},
				{
					description: 'Use --mount, which refuses a missing source instead of creating a directory',
					command: 'docker run --mount type=bind,source={1},target={2} {image}',
				},
			],
			cases: {
				fires: [
					{
						log: [],
						facts: {
							status: 'created',
							stateError:
								runc(
									'process_linux.go:545: container init caused: rootfs_linux.go:76: mounting "/srv/app/nginx.conf" to rootfs at "/etc/nginx/nginx.conf" caused: mount through procfd: not a directory',
								).replace('mounting "', 'error mounting "') +
								': Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type',
						},
					},
				],
				silent: [{log: [], facts: {status: 'created', stateError: 'chdir to cwd ("/app") set in config.json failed: not a directory'}}],
			},
		},
		{
			id: 'mount-source-create-failed',
			runtime: 'engine',
			on: 'state-error',
			pattern: /error while creating mount source path '([^']+)': mkdir [^:]+: ([\w ]+)/,
			title: 'The bind-mount source {1} does not exist and could not be created ({2})',
			explanation:
				'A -v host-path:container-path bind mount names a host path that does not exist. Docker tries to create it as a directory and could not ({2}): the parent is read-only, belongs to another user, or (with Docker Desktop or a remote engine) the path is not on the machine the engine runs on.',
			fixes: [
				{description: "Create the source on the engine's machine (or fix the path)", command: 'mkdir -p {1}'},
				{description: 'With a remote engine or Desktop, use a named volume instead of a host path', command: 'docker volume create app-data'},
			],
			cases: {
				fires: [
					{log: [], facts: {status: 'created', stateError: "error while creating mount source path '/srv/data/app': mkdir /srv/data: read-only file system"}},
				],
				silent: [
					{
						log: [],
						facts: {status: 'created', stateError: 'error gathering device information while adding custom device "/srv/data": no such file or directory'},
					},
				],
			},
		},
		{
			id: 'bind-source-missing',
			runtime: 'engine',
			on: 'state-error',
			pattern: /bind source path does not exist: (\S+)/,
			title: 'The bind-mount source {1} does not exist',
			explanation:
				'The mount is given with --mount type=bind (or the long volume syntax in compose), which, unlike -v, refuses to invent a missing host path. The path is relative to the machine the engine runs on.',
			fixes: [{description: 'Create it, or correct the path', command: 'ls -ld {1}'}],
			cases: {
				fires: [
					{log: [], facts: {status: 'created', stateError: 'invalid mount config for type "bind": bind source path does not exist: /home/me/app/config'}},
				],
				silent: [
					{log: [], facts: {status: 'created', stateError: "error while creating mount source path '/home/me/app/config': mkdir /home/me: permission denied"}},
				],
			},
		},
		{
			id: 'workdir-not-directory',
			runtime: 'engine',
			on: 'state-error',
			pattern: /chdir to cwd \("([^"]+)"\) set in config\.json failed: ([\w ]+)/,
			title: 'The working directory {1} cannot be entered: {2}',
			explanation:
				"The container's working directory (WORKDIR, or -w / working_dir:) is {1}, and the runtime could not change into it ({2}): it is a file, or a mount put a file there, or a non-root user may not enter it.",
			fixes: [
				{description: 'Check what is at that path in the image', command: 'docker run --rm --entrypoint ls {image} -ld {1}'},
				{description: 'Set a working directory that is a directory', edit: {file: 'Dockerfile', change: 'WORKDIR /app'}},
			],
			cases: {
				fires: [
					{
						log: [],
						facts: {
							status: 'created',
							stateError: runc('process_linux.go:545: container init caused: chdir to cwd ("/etc/passwd") set in config.json failed: not a directory'),
						},
					},
				],
				silent: [{log: [], facts: {status: 'created', stateError: 'unable to find user app: no matching entries in passwd file'}}],
			},
		},
		{
			id: 'cpuset-unavailable',
			runtime: 'engine',
			on: 'state-error',
			pattern: /Requested CPUs are not available - requested ([\d,-]+), available: ([\d,-]+)/,
			title: 'Pinned to CPUs {1}, but this machine has {2}',
			explanation: 'The container is pinned with --cpuset-cpus to CPUs this machine does not have. Often the setting was written for a bigger host.',
			fixes: [{description: 'Pin to CPUs that exist, or drop the pinning', command: 'docker update --cpuset-cpus {2} {name}'}],
			cases: {
				fires: [{log: [], facts: {status: 'created', stateError: 'Requested CPUs are not available - requested 0-63, available: 0-1'}}],
				silent: [{log: [], facts: {status: 'created', stateError: 'unknown or invalid runtime name: cpus'}}],
			},
		},
		{
			id: 'rlimit-not-permitted',
			runtime: 'engine',
			on: 'state-error',
			pattern: /error setting rlimit type (\d+): operation not permitted/,
			title: 'A --ulimit is above what the engine may grant (rlimit type {1})',
			explanation:
				"The container asks for a ulimit (rlimit type 7 is nofile, 6 nproc, 8 memlock) with a hard value above the engine's own hard limit, which an unprivileged or rootless engine cannot raise.",
			fixes: [{description: "Lower the value to at most the engine's limit", command: 'docker run --ulimit nofile=65536:65536 {image}'}],
			cases: {
				fires: [
					{
						log: [],
						facts: {status: 'created', stateError: runc('process_linux.go:545: container init caused: error setting rlimit type 7: operation not permitted')},
					},
				],
				silent: [{log: [], facts: {status: 'created', stateError: 'Requested CPUs are not available - requested 7, available: 0-1'}}],
			},
		},
		{
			id: 'sysctl-not-allowed',
			runtime: 'engine',
			on: 'state-error',
			pattern:
				/sysctl "([^"]+)" (?:not allowed in host network namespace|is not in a separate kernel namespace)|open \/proc\/sys\/([\w/.-]+): (?:no such file or directory|read-only file system)/,
			title: 'The sysctl {1}{2} cannot be set in this container',
			explanation:
				'Only namespaced kernel settings (net.*, some kernel.* and fs.mqueue.*) can be set per container with --sysctl; with --network host the net.* ones belong to the host. Anything else must be set on the host.',
			fixes: [{description: 'Set it on the host instead', command: 'sudo sysctl -w {1}{2}=VALUE'}],
			cases: {
				fires: [{log: [], facts: {status: 'created', stateError: 'sysctl "net.ipv4.ip_forward" not allowed in host network namespace'}}],
				silent: [{log: [], facts: {status: 'created', stateError: 'error setting rlimit type 7: operation not permitted'}}],
			},
		},
		{
			id: 'join-stopped-container',
			runtime: 'engine',
			on: 'state-error',
			pattern: /cannot join network of a non running container: (\w+)|Cannot link to a non running container: (\S+)/,
			title: 'It shares the network of a container that is not running ({1}{2})',
			explanation:
				'The container uses --network container:… (network_mode: service: in compose) or a legacy --link, and the container it depends on is stopped. It can only start after that one.',
			fixes: [
				{description: 'Start the other container first', command: 'docker start {1}{2}'},
				{description: 'With compose, let it order the start', edit: {file: 'compose.yaml', change: 'depends_on:\n  - vpn'}},
			],
			cases: {
				fires: [{log: [], facts: {status: 'created', stateError: 'cannot join network of a non running container: 4f1b2c3d4e5f'}}],
				silent: [{log: [], facts: {status: 'created', stateError: 'network 4f1b2c3d4e5f not found'}}],
			},
		},
		{
			id: 'apparmor-unavailable',
			runtime: 'engine',
			on: 'state-error',
			pattern: /apparmor failed to apply profile|AppArmor enabled on system but the ([\w-]+) profile could not be loaded/,
			title: 'The AppArmor profile could not be applied',
			explanation:
				'The engine applies an AppArmor profile to every container, and the kernel refused it: the profile is not loaded, or AppArmor is half set up on this host (common in nested containers and some WSL kernels).',
			fixes: [
				{description: 'Check the loaded profiles', command: 'sudo aa-status'},
				{description: 'Reload the default profile by restarting the engine', command: 'sudo systemctl restart docker'},
			],
			cases: {
				fires: [
					{
						log: [],
						facts: {
							status: 'created',
							stateError: runc(
								'process_linux.go:545: container init caused: apparmor failed to apply profile: write /proc/self/attr/apparmor/exec: no such file or directory',
							),
						},
					},
				],
				silent: [{log: [], facts: {status: 'created', stateError: 'seccomp: config provided but seccomp not supported'}}],
			},
		},
		{
			id: 'cgroup-limit-rejected',
			runtime: 'engine',
			on: 'state-error',
			pattern: /error setting cgroup config for procHooks process: (?:failed to write "([^"]+)" to "?([^":]+)"?|([^:]+: [^:]+))/,
			title: 'The kernel rejected a resource limit ({2}{3})',
			explanation:
				"The runtime could not write a limit into the container's cgroup. Typical causes: a CPU quota or period out of range, a memory limit below what is already used, a cgroup controller the kernel does not offer (cgroup v1/v2 mix), or a nested engine whose parent cgroup caps the value.",
			fixes: [
				{description: 'See the limits the container asks for', command: "docker inspect --format '{{json .HostConfig}}' {name}"},
				{description: "Check the engine's cgroup setup", command: "docker info --format '{{.CgroupVersion}} {{.CgroupDriver}}'"},
			],
			cases: {
				fires: [
					{
						log: [],
						facts: {
							status: 'created',
							stateError: runc(
								'process_linux.go:508: container init caused: process_linux.go:471: setting cgroup config for procHooks process caused: error setting cgroup config for procHooks process: failed to write "100000" to "/sys/fs/cgroup/cpu,cpuacct/docker/ab/cpu.cfs_quota_us": write /sys/fs/cgroup/cpu,cpuacct/docker/ab/cpu.cfs_quota_us: invalid argument',
							),
						},
					},
				],
				silent: [{log: [], facts: {status: 'created', stateError: 'Requested CPUs are not available - requested 4, available: 0-1'}}],
			},
		},
		{
			id: 'volume-mount-failed',
			runtime: 'engine',
			on: 'state-error',
			pattern: /error while mounting volume '([^']+)': failed to mount local volume: ([^]+)/,
			title: 'The volume {1} could not be mounted',
			explanation:
				'The volume was created with driver options (an NFS or CIFS share, a device, a bind with type=none), and mounting it failed at start: {2}. The options are fixed at volume creation, so correcting them means recreating the volume.',
			fixes: [
				{description: 'See how the volume was defined', command: 'docker volume inspect {1}'},
				{
					description: 'Recreate it with working options (data on the share is not touched)',
					command: 'docker volume rm {1} && docker volume create --driver local --opt type=nfs --opt o=addr=HOST,rw --opt device=:/export {1}',
				},
			],
			cases: {
				fires: [
					{
						log: [],
						facts: {
							status: 'created',
							stateError:
								"error while mounting volume '/var/lib/docker/volumes/nfsdata/_data': failed to mount local volume: mount :/export:/var/lib/docker/volumes/nfsdata/_data, data: addr=10.0.0.5: connection refused",
						},
					},
				],
				silent: [{log: [], facts: {status: 'created', stateError: "error while creating mount source path '/nfs': mkdir /nfs: permission denied"}}],
			},
		},
	],
};
