/**
 * The rule registry: one import line and one array entry per rule, kept in id order within a block.
 * A meta-test checks unique ids/slugs, a doc page content/rules/<slug>.md and a spec
 * test/core/lint/rules/<slug>.test.ts for each.
 */
import type {Rule} from '../types.js';
import fromUntagged from './from-untagged.js';
import fromLatest from './from-latest.js';
import fromDigestPin from './from-digest-pin.js';
import registryAllowlist from './registry-allowlist.js';
import fromPlatformConstant from './from-platform-constant.js';
import fromUndefinedArg from './from-undefined-arg.js';
import fromEmptyArgDefault from './from-empty-arg-default.js';
import noUser from './no-user.js';
import lastUserRoot from './last-user-root.js';
import userNonNumeric from './user-non-numeric.js';
import useraddWithoutL from './useradd-without-l.js';
import noSudo from './no-sudo.js';
import missingHealthcheck from './missing-healthcheck.js';
import jsonArgsRecommended from './json-args-recommended.js';
import multipleHealthcheck from './multiple-healthcheck.js';
import multipleCmd from './multiple-cmd.js';
import multipleEntrypoint from './multiple-entrypoint.js';
import exposePortRange from './expose-port-range.js';
import exposeHostMapping from './expose-host-mapping.js';
import exposeProtocol from './expose-protocol.js';
import aptGetYes from './apt-get-yes.js';
import pipefail from './pipefail.js';
import maintainerDeprecated from './maintainer-deprecated.js';

export const rules: readonly Rule[] = [
	// DH1xxx base images / stages
	fromUntagged,
	fromLatest,
	fromDigestPin,
	registryAllowlist,
	fromPlatformConstant,
	fromUndefinedArg,
	fromEmptyArgDefault,
	// DH2xxx users
	noUser,
	lastUserRoot,
	userNonNumeric,
	useraddWithoutL,
	noSudo,
	// DH3xxx health & runtime
	missingHealthcheck,
	jsonArgsRecommended,
	multipleHealthcheck,
	multipleCmd,
	multipleEntrypoint,
	exposePortRange,
	exposeHostMapping,
	exposeProtocol,
	// DH4xxx package managers
	aptGetYes,
	// DH5xxx files
	// DH6xxx shell
	pipefail,
	// DH7xxx secrets
	// DH8xxx style & hygiene
	maintainerDeprecated,
];

export function findRule(idOrSlug: string): Rule | undefined {
	const key = idOrSlug.trim().toLowerCase();
	return rules.find((r) => r.id.toLowerCase() === key || r.slug === key);
}
