/**
 * Building beside the site, not over it: Astro empties `outDir` when a build starts, so a
 * build that then fails (a strict build with content errors) would leave no site at all. The
 * build writes to a staging folder next to `outDir` (same file system, so the swap is two
 * renames) and replaces `outDir` only once it has succeeded.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `…/dist` → `…/.dist.building`: hidden, beside it, and never inside it. */
export function stagingDirFor(outDir: string): string {
  const dir = outDir.replace(/\/+$/, '');
  return join(dirname(dir), `.${basename(dir)}.building`);
}

export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Moves the finished build into `finalDir`, replacing what was there. The replaced site is
 * renamed aside and deleted by a detached process: removing a 1,000-note site took 0.9 s of
 * the build, and nothing waits for it. A leftover (a machine stopped mid-delete) is removed by
 * the next swap.
 */
export function swapInto(staging: string, finalDir: string): void {
  const target = finalDir.replace(/\/+$/, '');
  const from = staging.replace(/\/+$/, '');
  const prefix = `.${basename(target)}.previous`;
  for (const name of readdirSync(dirname(target))) {
    if (name === prefix || name.startsWith(`${prefix}-`)) rmSync(join(dirname(target), name), { recursive: true, force: true });
  }
  const old = join(dirname(target), `${prefix}-${process.pid}-${Date.now()}`);
  try {
    if (existsSync(target)) renameSync(target, old);
    renameSync(from, target);
  } catch (error) {
    // `outDir` on another file system, or a mount point (a container volume) that cannot be
    // renamed: copy instead, which is not atomic but still only after a successful build.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV' && (error as NodeJS.ErrnoException).code !== 'EBUSY') throw error;
    if (existsSync(old) && !existsSync(target)) renameSync(old, target);
    mkdirSync(target, { recursive: true });
    for (const entry of readdirSync(target)) rmSync(join(target, entry), { recursive: true, force: true });
    cpSync(from, target, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
  if (existsSync(old)) removeInBackground(old);
}

/** Deletes a folder from a detached child process, which outlives the build. */
function removeInBackground(dir: string): void {
  const script = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';
  spawn(process.execPath, ['-e', script, dir], { detached: true, stdio: 'ignore' }).unref();
}
