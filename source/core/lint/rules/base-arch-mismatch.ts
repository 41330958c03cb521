import {defineRule} from '../types.js';

const message = (image: string, imageArch: string, engineArch: string) =>
	`the local base image ${image} is ${imageArch} but this engine runs ${engineArch}: RUN steps fail with "exec format error" unless emulation (binfmt/QEMU) is installed, and the image will not run natively here; pull the matching one (docker pull --platform linux/${engineArch} ${image}) or set FROM --platform=$TARGETPLATFORM for a deliberate cross-build`;

export default defineRule({
	id: 'DH1090',
	slug: 'base-arch-mismatch',
	severity: 'warning',
	description: 'The local base image is built for another CPU architecture than the engine',
	equivalents: {buildkit: 'InvalidBaseImagePlatform'},
	message,
	check(ctx) {
		const final = ctx.file.stages.find((s) => s.final);
		if (!final || final.platform !== undefined) return [];
		const base = ctx.base(final);
		if (!base || !base.engineArchitecture || !base.architecture || base.architecture === base.engineArchitecture) return [];
		return [{line: final.line, column: final.from.column, origin: 'inherited', message: message(base.ref, base.architecture, base.engineArchitecture)}];
	},
});
