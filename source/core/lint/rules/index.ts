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
import fromBuildplatformFinal from './from-buildplatform-final.js';
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
import aptGetPin from './apt-get-pin.js';
import aptGetNoInstallRecommends from './apt-get-no-install-recommends.js';
import aptListsCleanup from './apt-lists-cleanup.js';
import aptNotAptGet from './apt-not-apt-get.js';
import aptUpgrade from './apt-upgrade.js';
import aptGetUpdateAlone from './apt-get-update-alone.js';
import apkNoCache from './apk-no-cache.js';
import apkPin from './apk-pin.js';
import apkUpgrade from './apk-upgrade.js';
import rpmAssumeYes from './rpm-assume-yes.js';
import rpmClean from './rpm-clean.js';
import rpmPin from './rpm-pin.js';
import rpmUpgrade from './rpm-upgrade.js';
import pipPin from './pip-pin.js';
import pipNoCacheDir from './pip-no-cache-dir.js';
import pipUser from './pip-user.js';
import pipRequirementsMissing from './pip-requirements-missing.js';
import npmCi from './npm-ci.js';
import npmPin from './npm-pin.js';
import npmCache from './npm-cache.js';
import yarnFrozenLockfile from './yarn-frozen-lockfile.js';
import gemPin from './gem-pin.js';
import gemNoDocument from './gem-no-document.js';
import goInstallLatest from './go-install-latest.js';
import cargoInstallLocked from './cargo-install-locked.js';
import yarnCache from './yarn-cache.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import addUrlChecksum from './add-url-checksum.js';
import copyAllBeforeInstall from './copy-all-before-install.js';
import workdirRelative from './workdir-relative.js';
import cdInRun from './cd-in-run.js';
import copyDestSlash from './copy-dest-slash.js';
import copyFromUndefined from './copy-from-undefined.js';
import copyFromSelf from './copy-from-self.js';
import duplicateStageName from './duplicate-stage-name.js';
import reservedStageName from './reserved-stage-name.js';
import stageNameCasing from './stage-name-casing.js';
import chmod777 from './chmod-777.js';
import copyChownMissing from './copy-chown-missing.js';
import copyRelativeDest from './copy-relative-dest.js';
import curlPipeShell from './curl-pipe-shell.js';
import wgetProgress from './wget-progress.js';
import curlAndWget from './curl-and-wget.js';
import shellViaSymlink from './shell-via-symlink.js';
import secretName from './secret-name.js';
import secretToken from './secret-token.js';
import secretFileCopy from './secret-file-copy.js';
import instructionCasing from './instruction-casing.js';
import fromAsCasing from './from-as-casing.js';
import legacyEnvFormat from './legacy-env-format.js';
import undefinedVar from './undefined-var.js';
import labelSchema from './label-schema.js';
import labelKeyInvalid from './label-key-invalid.js';
import envSelfReference from './env-self-reference.js';
import onbuildInvalid from './onbuild-invalid.js';
import baseArchMismatch from './base-arch-mismatch.js';

export const rules: readonly Rule[] = [
	// DH1xxx base images / stages
	fromUntagged,
	fromLatest,
	fromDigestPin,
	registryAllowlist,
	fromPlatformConstant,
	fromUndefinedArg,
	fromEmptyArgDefault,
	fromBuildplatformFinal,
	baseArchMismatch,
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
	aptGetPin,
	aptGetNoInstallRecommends,
	aptListsCleanup,
	aptNotAptGet,
	aptUpgrade,
	aptGetUpdateAlone,
	apkNoCache,
	apkPin,
	apkUpgrade,
	rpmAssumeYes,
	rpmClean,
	rpmPin,
	rpmUpgrade,
	pipPin,
	pipNoCacheDir,
	pipUser,
	pipRequirementsMissing,
	npmCi,
	npmPin,
	npmCache,
	yarnFrozenLockfile,
	yarnCache,
	gemPin,
	gemNoDocument,
	goInstallLatest,
	cargoInstallLocked,
	// DH5xxx files
	addInsteadOfCopy,
	addUrlChecksum,
	copyAllBeforeInstall,
	workdirRelative,
	cdInRun,
	copyDestSlash,
	copyFromUndefined,
	copyFromSelf,
	duplicateStageName,
	reservedStageName,
	stageNameCasing,
	chmod777,
	copyChownMissing,
	copyRelativeDest,
	// DH6xxx shell
	pipefail,
	curlPipeShell,
	wgetProgress,
	curlAndWget,
	shellViaSymlink,
	// DH7xxx secrets
	secretName,
	secretToken,
	secretFileCopy,
	// DH8xxx style & hygiene
	maintainerDeprecated,
	instructionCasing,
	fromAsCasing,
	legacyEnvFormat,
	undefinedVar,
	labelSchema,
	labelKeyInvalid,
	envSelfReference,
	onbuildInvalid,
];
