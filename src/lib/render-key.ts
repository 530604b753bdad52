/**
 * The render key of a note: what its rendered HTML depends on, hashed. Two builds that give a
 * note the same key render it to the same HTML (and the same problems), so the second can reuse
 * the first one's output (integrations/vault-loader.ts). A key covers:
 *
 * - the engine (every source file of `src/`, `astro.config.mjs`, the lockfile) and the site's
 *   settings, including the vault's `.obsidian/app.json`;
 * - the note itself: its path, body and frontmatter, and the old anchors the ledger keeps on its
 *   headings;
 * - every link, embed and Markdown link it writes, as the vault index resolves it now: the
 *   target's address, title, summary, headings and block ids (a link's text, its anchor, its
 *   preview), or that it is missing and what is suggested; an embed adds the embedded note's
 *   own key (its text is part of the page);
 * - the glossary (names, definitions, status: any note may mention any term), and the list of
 *   attachments (a Markdown image names a file without a wikilink);
 * - for a note with a Mermaid diagram, every note's name (a box can link to any note).
 *
 * So a change elsewhere renders a note again only when it changes something the note shows.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { outgoingLinks } from './outgoing-links.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';

const hash = (...parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

const fingerprints = new Map<string, string>();

/**
 * The engine's own fingerprint: every file that can change how Markdown renders. Worked out
 * once per process and project (the render keys and the scan cache share it).
 */
export function engineFingerprint(root: string): string {
  const known = fingerprints.get(root);
  if (known) return known;
  const fingerprint = fingerprintNow(root);
  fingerprints.set(root, fingerprint);
  return fingerprint;
}

function fingerprintNow(root: string): string {
  const digest = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else digest.update(path).update(readFileSync(path));
    }
  };
  walk(join(root, 'src'));
  for (const file of ['astro.config.mjs', 'package-lock.json']) if (existsSync(join(root, file))) digest.update(file).update(readFileSync(join(root, file)));
  return digest.digest('hex').slice(0, 32);
}

/** What a link shows of its target: its address, name, preview and anchors. */
function targetFacts(target: VaultDocument): unknown {
  return [target.path, target.slug, target.kind, target.publish, target.title, target.summary, target.headings.map((h) => [h.slug, h.key, h.text]), [...target.blocks.keys()]];
}

export interface RenderKeyOptions {
  /** `engineFingerprint` of the project. */
  engine: string;
  /** The site's settings as they affect rendering (base path, strictness, line breaks…). */
  settings: string;
  /** The old anchors the ledger keeps on the note's headings (rehype-kept-anchors.ts). */
  keptAnchors?: (doc: VaultDocument) => unknown;
}

/** Render keys for the documents of one index, each computed once. */
export function renderKeys(index: VaultIndex, { engine, settings, keptAnchors }: RenderKeyOptions): (doc: VaultDocument) => string {
  const glossary = hash(JSON.stringify([...index.terms.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1))));
  const attachments = hash(index.attachments.map((a) => a.path).sort().join('\n'));
  let names: string | undefined;
  const allNames = () => (names ??= hash(JSON.stringify(index.documents.map((d) => [d.path, d.slug, d.title, d.aliases, d.publish]))));
  const keys = new Map<VaultDocument, string>();
  const visiting = new Set<VaultDocument>();
  const keyOf = (doc: VaultDocument): string => {
    const known = keys.get(doc);
    if (known) return known;
    // An embed cycle: the page shows the cycle's marker, which the note's own text decides.
    if (visiting.has(doc)) return `cycle:${doc.path}`;
    visiting.add(doc);
    const links = outgoingLinks(index, doc).map(({ link, resolution: found }) => {
      if (found.kind === 'self') return ['here', link.raw];
      if (found.kind === 'missing') return ['missing', link.raw, found.suggestions];
      if (found.kind === 'attachment') return ['file', link.raw, found.attachment.path, found.ambiguous?.map((a) => a.path)];
      const target = found.document;
      return ['note', link.raw, found.viaAlias, found.ambiguous?.map((d) => d.path), targetFacts(target), link.embed ? keyOf(target) : ''];
    });
    const key = hash(
      engine,
      settings,
      glossary,
      attachments,
      doc.diagrams.length ? allNames() : '',
      doc.path,
      doc.body,
      JSON.stringify(doc.frontmatter),
      JSON.stringify(links),
      JSON.stringify(keptAnchors?.(doc) ?? null),
    );
    visiting.delete(doc);
    keys.set(doc, key);
    return key;
  };
  return keyOf;
}
