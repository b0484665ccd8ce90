// Preloaded by `npm run bench` (node --require) into a measured process: prints its peak resident memory (MB) on
// stderr as it exits, so both sides of a memory comparison are measured the same way.
process.on('exit', () => process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS / 1024}\n`));
