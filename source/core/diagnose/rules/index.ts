/** Every diagnosis rule, one file each. Order does not matter: findings are ranked by the engine. */
import {SIGNATURE_RULES} from '../signatures/index.js';
import type {Rule} from '../types.js';
import {appOom} from './app-oom.js';
import {appPortBind} from './app-port-bind.js';
import {commandNotFound} from './command-not-found.js';
import {connectionRefused} from './connection-refused.js';
import {crashLoop} from './crash-loop.js';
import {cpuThrottled} from './cpu-throttled.js';
import {crlfScript} from './crlf-script.js';
import {dnsFailure} from './dns-failure.js';
import {execFormatError} from './exec-format-error.js';
import {exitZeroService} from './exit-zero-service.js';
import {fatalSignal} from './fatal-signal.js';
import {healthcheckFailing} from './healthcheck-failing.js';
import {healthcheckProbeMissing} from './healthcheck-probe-missing.js';
import {healthcheckSlow} from './healthcheck-slow.js';
import {hostPortAllocated} from './host-port-allocated.js';
import {listeningLoopback} from './listening-loopback.js';
import {memoryNearLimit} from './memory-near-limit.js';
import {missingEnvVar} from './missing-env-var.js';
import {noSpace} from './no-space.js';
import {nodeModuleMissing} from './node-module-missing.js';
import {notExecutable} from './not-executable.js';
import {oomKilled} from './oom-killed.js';
import {pidsNearLimit} from './pids-near-limit.js';
import {publishedPortNotListening} from './published-port-not-listening.js';
import {pythonModuleMissing} from './python-module-missing.js';
import {readOnlyFs} from './read-only-fs.js';
import {runtimeDependencyMissing} from './runtime-dependency-missing.js';
import {sigkill} from './sigkill.js';
import {stoppedSigterm} from './stopped-sigterm.js';
import {stuckCreated} from './stuck-created.js';
import {volumePermission} from './volume-permission.js';

/** Every rule: code rules and one rule per log signature. */
export const RULES: readonly Rule[] = [
	oomKilled,
	sigkill,
	stoppedSigterm,
	fatalSignal,
	exitZeroService,
	commandNotFound,
	notExecutable,
	execFormatError,
	crlfScript,
	listeningLoopback,
	publishedPortNotListening,
	memoryNearLimit,
	pidsNearLimit,
	cpuThrottled,
	// Signatures name specific causes: they rank before the generic log rules below on a tie.
	...SIGNATURE_RULES,
	hostPortAllocated,
	appPortBind,
	pythonModuleMissing,
	nodeModuleMissing,
	runtimeDependencyMissing,
	missingEnvVar,
	connectionRefused,
	dnsFailure,
	healthcheckProbeMissing,
	healthcheckFailing,
	healthcheckSlow,
	crashLoop,
	volumePermission,
	noSpace,
	readOnlyFs,
	appOom,
	stuckCreated,
];

/** The rules written as code (state, events, mounts, limits, image config), each with its recorded cases. */
export const CODE_RULES: readonly Rule[] = RULES.filter((r) => !SIGNATURE_RULES.includes(r));
