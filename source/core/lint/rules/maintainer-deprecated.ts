import {defineRule} from '../types.js';

const message = (who: string) => `MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="${who.replace(/"/g, '\\"')}"`;

export default defineRule({
	id: 'DH8001',
	slug: 'maintainer-deprecated',
	severity: 'style',
	description: 'MAINTAINER is deprecated; use a LABEL',
	equivalents: {hadolint: 'DL4000', buildkit: 'MaintainerDeprecated'},
	message,
	check(ctx) {
		return ctx.file.byKeyword('MAINTAINER').map((i) => ({line: i.line, column: i.column, message: message(i.args)}));
	},
});
