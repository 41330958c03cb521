/**
 * Docker Engine majors known to be past upstream end of life, with the date support ended.
 * Data, as of the date below: a newer version that is not listed is "not known to be EOL",
 * never claimed as supported. Source: Docker Engine release notes and the moby
 * maintenance policy (each major is maintained until shortly after the next one ships).
 */
export const LIFECYCLE_AS_OF = '2026-11';

export const END_OF_LIFE: ReadonlyArray<{readonly major: string; readonly ended: string}> = [
	{major: '18.09', ended: '2020-06'},
	{major: '19.03', ended: '2021-07'},
	{major: '20.10', ended: '2023-12'},
	{major: '23.0', ended: '2024-05'},
	{major: '24.0', ended: '2024-06'},
	{major: '25.0', ended: '2024-10'},
	{major: '26.0', ended: '2024-06'},
	{major: '26.1', ended: '2024-10'},
	{major: '27', ended: '2025-05'},
];

/** "20.10.24+dfsg1" → its EOL entry, if any. Majors before 18.09 are all EOL. */
export function endOfLife(version: string): {major: string; ended: string} | undefined {
	const match = /^(\d+)\.(\d+)/.exec(version);
	if (!match) return undefined;
	const major = Number(match[1]);
	const minor = Number(match[2]);
	if (major < 18 || (major === 18 && minor < 9)) return {major: `${major}.${String(minor).padStart(2, '0')}`, ended: 'before 2020'};
	return END_OF_LIFE.find((e) => {
		const [m, n] = e.major.split('.').map(Number);
		return n === undefined ? m === major : m === major && n === minor;
	});
}
