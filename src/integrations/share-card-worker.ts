/**
 * The share-card drawing thread (see share-card-files.ts): draws every card it is sent into the
 * render cache and reports its times. A separate thread, so the cards are drawn on the second
 * core while Astro renders the pages on the first. Plain Node (types stripped), no Vite.
 */
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { type CardContent, renderCard } from '../lib/share-cards.ts';

interface Job {
  file: string;
  content: CardContent;
}

const jobs = (workerData as { jobs: Job[] }).jobs;
// This thread's own CPU time (Node ≥ 23.9); `cpuUsage` would count the whole build process.
const threadCpu = (process as { threadCpuUsage?: (previous?: NodeJS.CpuUsage) => NodeJS.CpuUsage }).threadCpuUsage?.bind(process) ?? process.cpuUsage.bind(process);
const started = performance.now();
const cpu = threadCpu();
for (const { file, content } of jobs) writeFileSync(file, await renderCard(content));
const used = threadCpu(cpu);
parentPort!.postMessage({ renderMs: performance.now() - started, renderCpuMs: (used.user + used.system) / 1000 });
