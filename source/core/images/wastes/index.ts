/** The waste rules, in the order they are tried: specific causes first, the generic ones last. */
import {aptLists} from './apt-lists.js';
import {deletedLater} from './deleted-later.js';
import {nodeModulesInContext} from './node-modules-in-context.js';
import {overwritten} from './overwritten.js';
import {packageCache} from './package-cache.js';
import type {WasteRule} from './types.js';
import {vcsInContext} from './vcs-in-context.js';

export const WASTE_RULES: readonly WasteRule[] = [aptLists, packageCache, vcsInContext, nodeModulesInContext, deletedLater, overwritten];

export type {WasteCandidate, WasteLayer, WasteRule} from './types.js';
