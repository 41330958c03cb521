/** Every log-signature family, one file each. A family is data; signatureRule turns each signature into a rule. */
import type {Rule} from '../types.js';
import {databases} from './databases.js';
import {dataServices} from './data-services.js';
import {signatureRule} from './engine.js';
import {files} from './files.js';
import {ml} from './ml.js';
import {networking} from './networking.js';
import {processes} from './process.js';
import {resources} from './resources.js';
import {runtimes} from './runtimes.js';
import {startErrors} from './start-errors.js';
import {tls} from './tls.js';
import type {SignatureFamily} from './types.js';
import {webServers} from './web-servers.js';

export const FAMILIES: readonly SignatureFamily[] = [
	startErrors,
	resources,
	networking,
	tls,
	files,
	processes,
	ml,
	runtimes,
	webServers,
	databases,
	dataServices,
];

export const SIGNATURE_RULES: readonly Rule[] = FAMILIES.flatMap((f) => f.signatures.map(signatureRule));
