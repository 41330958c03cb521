import {promises as fs} from 'node:fs';
import path from 'node:path';
import {checkWriteTarget, readText, writeFileSafe} from '../adapters/files.js';
import {dockerConfigDir} from '../adapters/docker-config.js';
import {runningCli} from '../adapters/install.js';
import {HelperError} from '../core/errors.js';
import {isOwnShim, PLUGIN_FILE, shimScript, type PluginResult} from '../core/plugin.js';
import {pluginText} from '../output/plugin.js';
import {flagBool, flagString, type Command} from './types.js';

export const plugin: Command<PluginResult> = {
	name: 'plugin',
	summary: 'Install docker-helper as a Docker CLI plugin: docker helper <command>',
	description:
		"install writes a small shim, docker-helper, into the docker CLI's plugin directory ($DOCKER_CONFIG/cli-plugins,\n" +
		'default ~/.docker/cli-plugins). It runs this copy of docker-helper with this Node, so `docker helper validate`\n' +
		"is `docker-helper validate`, and the docker CLI's own options (docker --context X helper ..., docker -H ...\n" +
		'helper ...) choose the engine. A different file of that name is never replaced unless --force is given (it is\n' +
		'then kept as a numbered .bak). uninstall removes the shim only if install wrote it.',
	usage: 'docker-helper plugin <install|uninstall> [--dir <cli-plugins dir>] [--force]',
	examples: ['docker-helper plugin install', 'docker helper validate', 'docker --context build-box helper diagnose --all', 'docker-helper plugin uninstall'],
	group: 'setup',
	args: [{name: 'action', description: 'install or uninstall', required: true}],
	flags: {
		dir: {type: 'string', placeholder: 'path', description: 'The cli-plugins directory (default $DOCKER_CONFIG/cli-plugins or ~/.docker/cli-plugins)'},
		force: {type: 'boolean', description: 'install: replace a docker-helper file there that install did not write (kept as a numbered .bak)'},
	},
	async run(ctx, input) {
		const action = input.args[0];
		if (action !== 'install' && action !== 'uninstall') {
			throw new HelperError(
				'USAGE',
				action ? `Unknown plugin action '${action}'.` : 'plugin needs an action.',
				'Use: docker-helper plugin install, or docker-helper plugin uninstall',
			);
		}
		const dir = path.resolve(ctx.cwd, flagString(input, 'dir') ?? path.join(dockerConfigDir(ctx.env), 'cli-plugins'));
		const target = path.join(dir, PLUGIN_FILE);
		const current = await checkWriteTarget(target, '--dir');
		const text = current ? await readText(target, {display: target}) : null;
		const own = text !== null && isOwnShim(text);
		if (action === 'uninstall') {
			if (!current) return {action, path: target, outcome: 'not-installed'};
			if (!own)
				throw new HelperError(
					'FILE_EXISTS',
					`${target} was not written by docker-helper plugin install; it was left in place.`,
					'Remove it yourself if it is yours to remove.',
					{path: target},
				);
			await fs.rm(target);
			return {action, path: target, outcome: 'removed'};
		}
		const runs = runningCli();
		const shim = shimScript(runs.node, runs.cli);
		if (text === shim) return {action, path: target, outcome: 'unchanged', runs};
		if (current && !own && !flagBool(input, 'force')) {
			throw new HelperError(
				'FILE_EXISTS',
				`${target} exists and was not written by docker-helper plugin install; it was left untouched.`,
				'Pass --force to replace it (it is kept as a numbered .bak), or --dir for another plugin directory.',
				{path: target},
			);
		}
		await fs.mkdir(dir, {recursive: true});
		// Our own older shim is replaced without a backup; anything else keeps one.
		const written = await writeFileSafe(target, shim, {force: current !== null, backup: !own, mode: 0o755, outputFlag: '--dir'});
		await fs.chmod(target, 0o755);
		return {
			action,
			path: target,
			outcome: !current ? 'installed' : own ? 'updated' : 'replaced-foreign',
			...(written.backup ? {backup: written.backup} : {}),
			runs,
		};
	},
	text: (result, theme) => pluginText(result, theme),
};
