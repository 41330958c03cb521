// Loaded with `node --import`: prints the process's peak resident memory and CPU time when it exits.
process.on('exit', () => {
	const u = process.resourceUsage();
	process.stderr.write(`\n__MAXRSS_KB__ ${u.maxRSS}\n__CPU_MS__ ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
});
