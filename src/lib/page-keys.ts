/**
 * Page keys for Astro's incremental build (`experimental.incrementalBuild`, astro-config.ts): a
 * page whose key and whose code are both unchanged since the previous build is copied from
 * Astro's cache instead of rendered. So a key must change whenever anything the page shows
 * changes, and it is a hash of:
 *
 * - **the site**: the engine (every source file), the site's settings, and every fact a page
 *   can show of any document: its address, names, summary, headings, block ids, tags, links,
 *   properties and diagrams; the glossary, the attachments and the Git dates. Each of these may
 *   appear on many pages (navigation, previews, backlinks, local maps, lists), so a change to
 *   one renders every page again;
 * - **the page's own**: for a note or a glossary entry, its render key (`entry.digest`:
 *   lib/render-key.ts), which covers its text and everything its HTML is made of; for an entry,
 *   also the notes that mention it (read from their prose).
 *
 * What is left out of the site's facts is only what a document's own page reads: its text
 * (`body`) and what is derived from the text alone (`prose`, and the lines of its blocks and
 * formulas, which move whenever a line is added above them). Then an edit to a note's text that
 * changes none of the facts above renders that note's page, and the pages that embed it, and
 * nothing else. The table below decides each field of `VaultDocument`; a field added to it does
 * not compile until it is decided here.
 */
import { createHash } from 'node:crypto';
import type { Atlas } from './atlas.ts';
import { gitHistory } from './last-updated.ts';
import { mentionsOf } from './term-mentions.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';

/** How the site's facts read a field: as it is, through a function, or not at all (`'own'`: only the document's own page shows it, through its render key). */
type Reading = 'shown' | 'own' | ((doc: VaultDocument) => unknown);

const FIELDS: { [Field in keyof Required<VaultDocument>]: Reading } = {
  path: 'shown',
  kind: 'shown',
  format: 'shown',
  slug: 'shown',
  title: 'shown',
  description: 'shown',
  aliases: 'shown',
  tags: 'shown',
  cssclasses: 'shown',
  order: 'shown',
  permalink: 'shown',
  publish: 'shown',
  // Without the line each starts on: lines move with every line added above them.
  headings: (doc) => doc.headings.map(({ depth, text, slug, key }) => [depth, text, slug, key]),
  blocks: (doc) => [...doc.blocks.keys()],
  links: (doc) => doc.links.map(({ link }) => link),
  diagrams: (doc) => doc.diagrams.map(({ linksBoxes, numbered, source, caption }) => [linksBoxes, numbered, source, caption]),
  excerpt: 'shown',
  summary: 'shown',
  frontmatter: 'shown',
  frontmatterValid: 'shown',
  updated: 'shown',
  date: 'shown',
  redirects: 'shown',
  anchors: 'shown',
  autolink: 'shown',
  term: 'shown',
  // A note's page reads these of itself (and of what it embeds, whose render keys its own
  // includes); a glossary entry's page reads the notes that mention it (`termPageKey`).
  body: 'own',
  prose: 'own',
  blockLines: 'own',
  mathLines: 'own',
  lineOfKey: 'own',
};

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The facts of one document that any page may show. */
export function shownFacts(doc: VaultDocument): unknown[] {
  return Object.entries(FIELDS).map(([field, reading]) => {
    if (reading === 'own') return null;
    return reading === 'shown' ? (doc[field as keyof VaultDocument] ?? null) : reading(doc);
  });
}

const siteKeys = new WeakMap<VaultIndex, string>();

/** The hash of the site's facts (see the top of this file): computed once per index. */
export function siteKey(atlas: Pick<Atlas, 'config' | 'index' | 'cache'>): string {
  const index = atlas.index();
  const known = siteKeys.get(index);
  if (known) return known;
  const key = hash(
    JSON.stringify([
      atlas.cache?.engine ?? '',
      atlas.config,
      index.documents.map(shownFacts),
      index.home?.path ?? null,
      [...index.terms.values()],
      index.attachments.map((a) => a.path),
      [...gitHistory(atlas.config.vaultDir)],
    ]),
  );
  siteKeys.set(index, key);
  return key;
}

/** A page's key: the site's facts and what the page alone shows (`own`, plain data). */
export function pageKey(atlas: Pick<Atlas, 'config' | 'index' | 'cache'>, own: unknown[]): string {
  return hash(JSON.stringify([siteKey(atlas), own]));
}

/**
 * A note's page: the page's address and the note's render key. `undefined` (the page is always
 * rendered) when the entry has none.
 */
export function notePageKey(atlas: Pick<Atlas, 'config' | 'index' | 'cache'>, entry: { id: string; digest?: string | number }): string | undefined {
  return entry.digest === undefined ? undefined : pageKey(atlas, ['note', entry.id, entry.digest]);
}

/** A glossary entry's page: its render key, and the notes that mention the term in their prose. */
export function termPageKey(atlas: Pick<Atlas, 'config' | 'index' | 'cache'>, entry: { id: string; digest?: string | number }): string | undefined {
  const term = atlas.index().bySlug.get(entry.id)?.term;
  if (entry.digest === undefined || !term) return undefined;
  return pageKey(atlas, ['term', entry.id, entry.digest, mentionsOf(atlas.index(), term.slug).map((doc) => doc.path)]);
}
