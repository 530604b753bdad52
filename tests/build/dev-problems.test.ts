/**
 * The author's loop in `npm run dev`: each content problem is printed in the terminal as it
 * is found (path:line:col, message, suggestion), printed again after an edit while it is still
 * there, and "no problems" once the last one is fixed. Runs a dev server on a copy of the
 * broken vault, on E2E_PORT (default 4406).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './build-site.ts';

const PORT = process.env.E2E_PORT ?? '4406';
let vault: string;
let server: ChildProcess;
let output = '';

/** Resolves once the terminal output after `from` matches `pattern`; fails after 60 s. */
async function printed(pattern: RegExp, from = 0): Promise<string> {
  for (let waited = 0; waited < 60_000; waited += 200) {
    const match = pattern.exec(output.slice(from));
    if (match) return match[0];
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Not printed within 60 s: ${pattern}\n--- output ---\n${output}`);
}

const edit = (file: string, from: string, to: string) => writeFileSync(join(vault, file), readFileSync(join(vault, file), 'utf8').replace(from, to));

beforeAll(() => {
  vault = mkdtempSync(join(tmpdir(), 'atlas-dev-problems-'));
  cpSync(join(ROOT, 'tests/fixtures/strict-vault'), vault, { recursive: true });
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', PORT, '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_VAULT: vault, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
});

afterAll(() => {
  server?.kill();
  rmSync(vault, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('prints each problem as it is found, with its position and suggestion', async () => {
    await printed(/Note\.md:3:11 {2}error {2}Cannot resolve `\[\[Nowhere\]\]`: no note or file named `Nowhere`\. Create the note, or fix the link\. {2}\(wikilink-unresolved\)/);
    await printed(/Note\.md:3:38 {2}error {2}Cannot resolve `\[\[Note#Missing heading\]\]`: `Note\.md` has no heading `Missing heading`\. Its headings are `A note with two problems`\./);
  });

  it('prints a problem again after an edit that leaves it, at its new position', async () => {
    const mark = output.length;
    edit('Note.md', '[[Nowhere]]', '[[Clean]]');
    // `[[Clean]]` is two characters shorter than `[[Nowhere]]`: the heading link moved left.
    await printed(/Note\.md:3:36 {2}error {2}Cannot resolve `\[\[Note#Missing heading\]\]`/, mark);
    expect(output.slice(mark)).not.toContain('[[Nowhere]]');
  });

  it('rebuilds the vault index once per save, then loads the notes once', async () => {
    const mark = output.length;
    edit('Clean.md', 'A clean note', 'A clean note, edited,');
    await printed(/Synced content/, mark);
    // A second rebuild for the same save would come within moments: wait for it.
    await new Promise((r) => setTimeout(r, 1500));
    const after = output.slice(mark);
    expect(after.match(/\S+ changed: rebuilding the vault index\./g)).toEqual(['Clean.md changed: rebuilding the vault index.']);
    expect(after.match(/Notes: \d+ rendered/g)).toHaveLength(1);
  });

  it('says so once the last problem is fixed', async () => {
    const mark = output.length;
    edit('Note.md', '[[Note#Missing heading]]', '[[Note#A note with two problems]]');
    await printed(/Vault checked: no problems\./, mark);
    expect(output.slice(mark)).not.toMatch(/\berror\b/);
  });
});
