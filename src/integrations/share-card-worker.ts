/**
 * The share-card drawing thread (see share-card-files.ts): draws every card it is sent into the
 * render cache and reports its times. A separate thread, so the cards are drawn on the second
 * core while Astro renders the pages on the first. Plain Node (types stripped), no Vite.
 */
import { readlinkSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import type { CardContent } from '../lib/share-cards.ts';
import { renderCard } from '../lib/share-card-drawing.ts';

interface Job {
  file: string;
  content: CardContent;
}

const jobs = (workerData as { jobs: Job[] }).jobs;
// The pages come first: this thread takes the CPU time the build leaves (Linux gives each
// thread its own niceness; elsewhere the thread keeps the build's priority).
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), 19);
} catch {
  // No /proc (not Linux), or not allowed: drawing at normal priority is still correct.
}
// This thread's own CPU time (Node ≥ 23.9); `cpuUsage` would count the whole build process.
const threadCpu = (process as { threadCpuUsage?: (previous?: NodeJS.CpuUsage) => NodeJS.CpuUsage }).threadCpuUsage?.bind(process) ?? process.cpuUsage.bind(process);
const started = performance.now();
const cpu = threadCpu();
// resvg keeps each rendered image's pixels (3 MB a card) in native memory until the garbage
// collector finalizes its JavaScript handle, and the handles are too small for V8 to collect
// on its own: 2,000 cards held 13 GB. Collecting every few cards, and letting the finalizers
// run, keeps the thread at about 150 MB.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
for (const [i, { file, content }] of jobs.entries()) {
  writeFileSync(file, await renderCard(content));
  if (i % 10 === 9) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
const used = threadCpu(cpu);
parentPort!.postMessage({ renderMs: performance.now() - started, renderCpuMs: (used.user + used.system) / 1000 });
