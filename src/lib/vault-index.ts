/**
 * The vault index: everything the pipeline needs to know about the whole vault, built once
 * per build before any page renders. Every plugin reads from it; no plugin touches the file
 * system. Building it is pure: `vault-files.ts` reads the files, `vault-document.ts` indexes one
 * file, `document-slugs.ts` gives URLs, `glossary-validation.ts` checks the glossary as a whole.
 */
import { createHash } from 'node:crypto';
import { assignSlugs } from './document-slugs.ts';
import { validateGlossary } from './glossary-validation.ts';
import type { SourceFormat } from './markdown-parser.ts';
import type { ScannedHeading, ScannedLink } from './markdown-scan.ts';
import { basename, stripMarkdownExtension, type Slug, type VaultPath } from './paths.ts';
import type { Problem } from './problems.ts';
import type { GlossaryFrontmatter } from './schemas.ts';
import { indexDocument } from './vault-document.ts';
import { findHomeNote, HOME_SLUG } from './home-note.ts';

export interface VaultFile {
  path: VaultPath;
  /** File contents for Markdown files; undefined for attachments. */
  source?: string;
}

export interface IndexOptions {
  /** Vault-relative folder holding one file per glossary term. */
  glossaryFolder: string;
  /** Vault-relative folders never published (templates), in addition to dot-folders. */
  excludeFolders: string[];
  /** The home note's name, as in `[[Note]]`; else `index.md` or `Home.md` at the vault root. */
  home?: string | undefined;
}

export type TermStatus = GlossaryFrontmatter['status'];

export interface GlossaryTerm {
  slug: string;
  title: string;
  definition: string;
  aliases: string[];
  outdatedNames: Array<{ name: string; since?: string; note?: string }>;
  misspellings: string[];
  tags: string[];
  related: string[];
  status: TermStatus;
  replacedBy: string[];
  statusSince?: string;
  official?: string;
  verified?: Date;
  caseSensitive: boolean;
  autolink: boolean;
}

export interface VaultDocument {
  path: VaultPath;
  kind: 'note' | 'term';
  format: SourceFormat;
  slug: Slug;
  title: string;
  description?: string;
  aliases: string[];
  /** Frontmatter tags and inline tags, with nested tags' parents (`a/b` → `a`, `a/b`). */
  tags: string[];
  cssclasses: string[];
  order?: number;
  /** The frontmatter `permalink`, when it passed its schema (see schemas.ts). */
  permalink?: string;
  publish: boolean;
  headings: ScannedHeading[];
  blocks: Map<string, number>;
  links: ScannedLink[];
  /** The opening paragraph as rendered text (markdown-scan `readerText`). */
  excerpt: string;
  /**
   * What lists, previews, the meta and Open Graph description and the feed show for this
   * document, as plain text: its `description`, a term's definition, else its excerpt.
   * Derived once, here; every view reads it.
   */
  summary: string;
  /** Prose outside headings, code and links (see markdown-scan). */
  prose: string;
  /** Has `$…$` / `$$…$$` math. */
  hasMath: boolean;
  /** The body with frontmatter blanked and comments removed: positions match the file. */
  body: string;
  frontmatter: Record<string, unknown>;
  /** The frontmatter parsed and passed its schema (else a problem was reported). */
  frontmatterValid: boolean;
  /** File line of a top-level frontmatter key, for problems about that property. */
  lineOfKey: (key: string) => number;
  /** Set for glossary entries. */
  term?: GlossaryTerm;
}

export interface Attachment {
  path: VaultPath;
}

export interface VaultIndex {
  documents: VaultDocument[];
  /** Lower-cased vault path without extension → document. */
  byPath: Map<string, VaultDocument>;
  /** Lower-cased file name without extension → documents (several when names repeat). */
  byName: Map<string, VaultDocument[]>;
  /** Lower-cased alias (frontmatter `aliases`, term outdated names and misspellings) → documents. */
  byAlias: Map<string, VaultDocument[]>;
  bySlug: Map<string, VaultDocument>;
  attachments: Attachment[];
  /** Lower-cased file name (with extension) → attachments. */
  attachmentsByName: Map<string, Attachment[]>;
  attachmentsByPath: Map<string, Attachment>;
  /** Glossary terms by slug. */
  terms: Map<string, GlossaryTerm>;
  /** Tag → published documents that carry it (nested tags count for their parents). */
  tags: Map<string, VaultDocument[]>;
  /** The note published at `/` (slug `''`), when the vault has one (see home-note.ts). */
  home?: VaultDocument;
  /** Problems found while indexing (frontmatter, glossary, permalinks). */
  problems: Problem[];
  /** Changes whenever anything a page could depend on changes. */
  digest: string;
  options: IndexOptions;
}

export const DEFAULT_INDEX_OPTIONS: IndexOptions = { glossaryFolder: 'glossary', excludeFolders: [] };

export function buildVaultIndex(files: VaultFile[], options: IndexOptions = DEFAULT_INDEX_OPTIONS): VaultIndex {
  const problems: Problem[] = [];
  const documents: VaultDocument[] = [];
  const attachments: Attachment[] = [];
  const glossaryPrefix = options.glossaryFolder.replace(/^\/+|\/+$/g, '').toLowerCase() + '/';
  const excluded = options.excludeFolders.map((f) => f.toLowerCase().replace(/\/+$/, '') + '/');

  for (const file of files) {
    const lower = file.path.toLowerCase();
    if (excluded.some((folder) => lower.startsWith(folder))) continue;
    if (file.source === undefined) {
      attachments.push({ path: file.path });
      continue;
    }
    const isTerm = lower.startsWith(glossaryPrefix) && !lower.slice(glossaryPrefix.length).includes('/');
    documents.push(indexDocument(file.path, file.source, isTerm, problems));
  }

  assignSlugs(documents, problems);
  const index: VaultIndex = {
    documents,
    byPath: new Map(),
    byName: new Map(),
    byAlias: new Map(),
    bySlug: new Map(),
    attachments,
    attachmentsByName: new Map(),
    attachmentsByPath: new Map(),
    terms: new Map(),
    tags: new Map(),
    problems,
    digest: '',
    options,
  };
  for (const doc of documents) {
    index.byPath.set(stripMarkdownExtension(doc.path).toLowerCase(), doc);
    push(index.byName, basename(stripMarkdownExtension(doc.path)).toLowerCase(), doc);
    const names = [...doc.aliases, ...(doc.term?.outdatedNames.map((n) => n.name) ?? []), ...(doc.term?.misspellings ?? [])];
    for (const name of new Set(names.map((n) => n.toLowerCase()))) push(index.byAlias, name, doc);
    if (doc.publish) index.bySlug.set(doc.slug, doc);
    if (doc.term && doc.publish) index.terms.set(doc.term.slug, doc.term);
    if (doc.publish) for (const tag of doc.tags) push(index.tags, tag, doc);
  }
  for (const attachment of attachments) {
    push(index.attachmentsByName, basename(attachment.path).toLowerCase(), attachment);
    index.attachmentsByPath.set(attachment.path.toLowerCase(), attachment);
  }
  const home = findHomeNote(index, options.home);
  if (home) {
    // Its links, sidebar entry and search result all point to `/`, as in Obsidian Publish.
    index.bySlug.delete(home.slug);
    home.slug = HOME_SLUG;
    index.bySlug.set(HOME_SLUG, home);
    index.home = home;
    // The front page opens the sidebar and the reading order unless its author placed it.
    home.order ??= Number.NEGATIVE_INFINITY;
  }
  validateGlossary(index, problems);
  index.digest = digestOf(files);
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function digestOf(files: VaultFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(file.source ?? '').update('\0');
  return hash.digest('hex').slice(0, 16);
}
