/**
 * The flags analyze and verify share: --build/-f to build the image first, the CI gates (as dive's
 * .dive-ci names them) and --config for the `analyze:` section that holds the same gates. One spec,
 * so both commands take and describe them alike.
 */
import type {GateName} from '../core/images/gates.js';
import type {FlagSpec} from './types.js';

export const GATE_FLAG_SPECS: Readonly<Record<GateName, FlagSpec>> = {
	lowestEfficiency: {type: 'string', placeholder: 'ratio', description: 'Fail when efficiency is below this (0..1, or 90%)'},
	highestWastedBytes: {type: 'string', placeholder: 'size', description: 'Fail when wasted bytes exceed this (20MB, 1GiB, bytes)'},
	highestUserWastedPercent: {type: 'string', placeholder: 'ratio', description: 'Fail when wasted / bytes above the base layer exceeds this (0..1, or 10%)'},
	maxSize: {type: 'string', placeholder: 'size', description: 'Fail when the image is larger than this (500MB, 1GiB)'},
};

/** --build, -f, the gates and --config: the flags of analyze, and of verify besides its own. */
export const IMAGE_GATE_FLAGS: Readonly<Record<string, FlagSpec>> = {
	build: {type: 'string', placeholder: 'context', description: 'Build the image from this context first (tagged <image>), then check it'},
	file: {type: 'string', shortFlag: 'f', placeholder: 'Dockerfile', description: 'Dockerfile for --build (default: <context>/Dockerfile)'},
	...GATE_FLAG_SPECS,
	config: {
		type: 'string',
		placeholder: 'file',
		description: 'Config with an analyze: section of gates (default: .docker-helper.yaml in the current directory)',
	},
};
