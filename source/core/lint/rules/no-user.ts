import {defineRule} from '../types.js';
import {externalBase, finalStage, lastInChain, splitUser} from '../rule-helpers.js';

function isRootUser(user: string): boolean {
	const u = splitUser(user.trim()).user.trim();
	return u === '' || u === 'root' || u === '0';
}

type Why = {kind: 'base-root'; image: string; user: string} | {kind: 'scratch'} | {kind: 'not-checked'; image: string} | {kind: 'not-local'; image: string};

/** The base image by name; an image whose name is only known at build time (FROM ${BASE}) is said so. */
const base = (image: string): string => (image.trim() === '' ? 'base image (its name is only known at build time)' : `base image ${image}`);

const message = (why: Why): string => {
	const fix = 'add `USER <uid>` (e.g. USER 10001) after the steps that need root';
	switch (why.kind) {
		case 'base-root':
			return `the image runs as root: this file never sets USER and the ${base(why.image)} runs as ${why.user === '' ? 'root (its config has no User)' : `"${why.user}"`}; ${fix}`;
		case 'scratch':
			return `the image runs as root: it is built FROM scratch and never sets USER; ${fix}`;
		case 'not-local':
			return `this file never sets USER; the ${base(why.image)} is not present locally, so what it sets was not checked — unless it sets a non-root user the container runs as root; ${fix}`;
		case 'not-checked':
			return `this file never sets USER; unless the ${base(why.image)} sets a non-root user the container runs as root (base image not checked: run with an engine, or --engine); ${fix}`;
	}
};

export default defineRule({
	id: 'DH2001',
	slug: 'no-user',
	severity: 'error',
	description: 'The final image never switches away from root',
	equivalents: {hadolint: 'DL3063'},
	message,
	check(ctx) {
		const final = finalStage(ctx.file);
		if (!final) return [];
		if (lastInChain(ctx.file, final, 'USER')) return []; // last-user-root judges an explicit USER
		const origin = externalBase(ctx.file, final);
		const line = final.line;
		const column = final.from.column;
		if (origin.base.scratch) {
			// A scratch image without CMD/ENTRYPOINT only carries files (build outputs, `--output` stages): nothing runs as anyone.
			const runs = lastInChain(ctx.file, final, 'CMD') ?? lastInChain(ctx.file, final, 'ENTRYPOINT');
			return runs ? [{line, column, message: message({kind: 'scratch'})}] : [];
		}
		const image = origin.base.expanded || origin.base.raw;
		const base = ctx.base(final);
		// Windows containers have no root: their default user model (ContainerUser/ContainerAdministrator) is out of scope.
		if (base?.os === 'windows' || /windows|servercore|nanoserver/i.test(image) || ctx.file.escape === '`') return [];
		if (base === undefined) return [{line, column, severity: 'warning', message: message({kind: 'not-checked', image})}];
		if (base === null) return [{line, column, severity: 'warning', message: message({kind: 'not-local', image})}];
		if (!isRootUser(base.user)) return [];
		return [{line, column, origin: 'inherited', message: message({kind: 'base-root', image, user: base.user})}];
	},
});
