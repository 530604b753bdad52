export {};

/**
 * Builds one vault in this process with Astro's API and prints JSON: wall time and peak
 * memory (max resident set size). Run in a child process per measurement, so every build
 * starts cold: node scripts/measure-build.ts <vault> <outDir>
 */
const [vault, outDir] = process.argv.slice(2);
if (!vault || !outDir) throw new Error('usage: node scripts/measure-build.ts <vault> <outDir>');
process.env.ATLAS_VAULT = vault;
const { build } = await import('astro');
const started = performance.now();
await build({ outDir, logLevel: 'error' });
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes.
console.log(JSON.stringify({ seconds, peakMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
