/**
 * A note's scan (markdown-scan.ts) by its text: parsed once, then reused while the text is
 * unchanged, within a process (every save in dev builds the index again) and between builds
 * (a file beside Astro's content store). Parsing every note was most of indexing (2.2 s of a
 * 1,000-note build); with this, only the notes whose text changed are parsed.
 *
 * The tree a Markdown note's scan was made from is kept until the page pipeline renders the
 * same text (`takeParsedTree`, markdown/remark-parse-once.ts), so a note is parsed once per
 * build, not twice (1.3 ms a note each time). Trees are small (13 MB for 1,000 notes) and are
 * dropped once taken.
 *
 * The cache on disk belongs to one engine: its fingerprint (render-key.ts `engineFingerprint`,
 * every source file and the lockfile) is stored with it, and a cache of another engine is
 * ignored, so a change to the scanner can never serve an old scan. Only the scans the last
 * index used are written, so the file stays the size of the vault.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Root } from 'mdast';
import { parseMarkdown, type SourceFormat } from './markdown-parser.ts';
import { scanNote, type NoteScan } from './markdown-scan.ts';

const scans = new Map<string, NoteScan>();
/** Trees parsed for a scan and not yet rendered, by the same key. */
const trees = new Map<string, Root>();
/** The scans asked for since the last save: what the current vault needs. */
const used = new Set<string>();
const MEMORY_LIMIT = 50_000;
const TREE_LIMIT = 20_000;

const keyOf = (body: string, format: SourceFormat) => createHash('sha256').update(format).update('\u0000').update(body).digest('base64url');

/** The scan of a note's body; a copy, which the caller may change. Throws as the parser does (MDX). */
export function scanOf(body: string, format: SourceFormat): NoteScan {
  const key = keyOf(body, format);
  let scan = scans.get(key);
  if (!scan) {
    // A tree parsed ahead on another thread (parse-ahead.ts) is used as if parsed here.
    const tree = trees.get(key) ?? parseMarkdown(body, format);
    scan = scanNote(tree);
    if (scans.size >= MEMORY_LIMIT) scans.clear();
    scans.set(key, scan);
    // Only a Markdown note is rendered from it (remark-parse-once.ts); MDX parses its own.
    if (format === 'md') {
      if (trees.size >= TREE_LIMIT) trees.clear();
      trees.set(key, tree);
    }
  }
  used.add(key);
  return structuredClone(scan);
}

/** Whether the scan of this text is known (in memory, or read from the cache on disk). */
export function hasScan(body: string, format: SourceFormat): boolean {
  return scans.has(keyOf(body, format));
}

/**
 * Holds a tree parsed from exactly this text elsewhere (parse-ahead.ts, on worker threads), and
 * its scan when that was made there too, as if `scanOf` had parsed and scanned it: `scanOf`
 * returns the scan (or scans the tree), and the page pipeline takes the tree.
 */
export function holdParsedTree(body: string, format: SourceFormat, tree: Root, scan?: NoteScan): void {
  const key = keyOf(body, format);
  if (scan && !scans.has(key) && scans.size < MEMORY_LIMIT) scans.set(key, scan);
  if (trees.size < TREE_LIMIT) trees.set(key, tree);
}

/** The scans held for these texts, by key: what another thread needs to build the same index (render-ahead.ts). */
export function heldScans(bodies: Iterable<string>, format: SourceFormat): Array<[string, NoteScan]> {
  return [...bodies].flatMap((body) => {
    const key = keyOf(body, format);
    const scan = scans.get(key);
    return scan ? [[key, scan] as [string, NoteScan]] : [];
  });
}

/** Holds the scan of this text, made elsewhere (a thread that keeps the tree, parse-ahead.ts). */
export function holdScanOf(body: string, format: SourceFormat, scan: NoteScan): void {
  holdScans([[keyOf(body, format), scan]]);
}

/** Holds scans made elsewhere (`heldScans` on another thread, or the cache file), by key. */
export function holdScans(entries: Iterable<[string, NoteScan]>): void {
  for (const [key, scan] of entries) if (!scans.has(key) && scans.size < MEMORY_LIMIT) scans.set(key, scan);
}

/**
 * The tree `scanOf` parsed from exactly this text, if it is still held: the caller owns it (it
 * is not kept). The scan only reads its tree, so the tree is as the parser made it.
 */
export function takeParsedTree(body: string, format: SourceFormat): Root | undefined {
  const key = keyOf(body, format);
  const tree = trees.get(key);
  trees.delete(key);
  return tree;
}

/**
 * The tree `scanOf` parsed from exactly this text, if it is still held, left in place: the caller
 * must not change it (the page pipeline will take it). Embeds copy it instead of parsing again.
 */
export function peekParsedTree(body: string, format: SourceFormat): Readonly<Root> | undefined {
  return trees.get(keyOf(body, format));
}

interface CacheFile {
  engine: string;
  scans: Array<[string, NoteScan]>;
}

/** Reads the scans a previous build saved with the same engine; returns how many. */
export function loadScans(file: string, engine: string): number {
  if (!existsSync(file)) return 0;
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cache.engine !== engine || !Array.isArray(cache.scans)) return 0;
    holdScans(cache.scans);
    return cache.scans.length;
  } catch {
    // A cache cut short (a build killed while writing) is only slower: parse again.
    return 0;
  }
}

/** Writes the scans used since the last save (written aside, then renamed: never half a file). */
export function saveScans(file: string, engine: string): void {
  const cache: CacheFile = { engine, scans: [...used].flatMap((key) => (scans.has(key) ? [[key, scans.get(key)!] as [string, NoteScan]] : [])) };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(cache));
  renameSync(`${file}.tmp`, file);
  used.clear();
}

/** Forget every scan held in memory (tests: a build from an empty cache). */
export function forgetScans(): void {
  scans.clear();
  trees.clear();
  used.clear();
}
