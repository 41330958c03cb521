import rule from '../../../../source/core/lint/rules/apt-lists-cleanup.js';
import {ruleSpec} from './helper.js';

ruleSpec(rule, {
	triggers: [
		{name: 'escape directive', src: '# escape=`\nFROM debian:12\nRUN apt-get update && `\n    apt-get install -y curl', lines: [3]},
		{src: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl', lines: [2]},
		{
			name: 'cleanup in a later RUN does not count',
			src: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*',
			lines: [2],
		},
		{
			name: 'cache mount on the wrong path',
			src: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl',
			lines: [2],
		},
		{
			name: 'stage the final image is built from',
			src: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl"]',
			lines: [2],
		},
	],
	passes: [
		'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
		{
			name: 'BuildKit cache mount on the lists',
			src: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\\n    apt-get update && apt-get install -y curl',
		},
		{name: 'cache mount on /var/lib/apt', src: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl'},
		{
			name: 'build stage that is not shipped',
			src: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM alpine:3.20\nCOPY --from=build /x /x',
		},
		{name: 'heredoc with cleanup', src: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF'},
		'FROM debian:13\nRUN apt-get update; apt-get install -y curl; apt-get dist-clean',
	],
});
