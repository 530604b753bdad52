/**
 * The data model of a vault: the index and what it holds (documents, terms, attachments). Types
 * only: `vault-index.ts` builds it, `vault-document.ts` builds one document, and every view
 * reads it. Kept apart so those modules import the model, not each other.
 */
import type { SourceFormat } from './markdown-parser.ts';
import type { ScannedDiagram, ScannedHeading, ScannedLink } from './markdown-scan.ts';
import type { Slug, VaultPath } from './paths.ts';
import type { Problem } from './problems.ts';
import type { GlossaryFrontmatter } from './schemas.ts';

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

/**
 * A glossary entry as every view reads it: its properties exactly as the schema gives them
 * (schemas.ts), plus the slug of its page and its title.
 */
export type GlossaryTerm = Pick<
  GlossaryFrontmatter,
  'definition' | 'aliases' | 'outdatedNames' | 'misspellings' | 'tags' | 'related' | 'status' | 'replacedBy' | 'statusSince' | 'official' | 'verified' | 'caseSensitive' | 'autolink'
> & {
  slug: string;
  title: string;
};

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
  /** Block id → the lines of the block it names (what `![[Note#^id]]` shows). */
  blockLines: Map<string, [number, number]>;
  /** Lines where math starts. */
  mathLines: number[];
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
  /** Its Mermaid fences (markdown-scan). */
  diagrams: ScannedDiagram[];
  /** The body with frontmatter blanked and comments removed: positions match the file. */
  body: string;
  frontmatter: Record<string, unknown>;
  /** The frontmatter parsed and passed its schema (else a problem was reported). */
  frontmatterValid: boolean;
  /**
   * Properties as their schema reads them (schemas.ts), for every view to read typed: `updated`
   * ("Last updated"), `date` (or `created`: the feed), `redirects` and `anchors` (the ledger),
   * `autolink: false` (no automatic term links in this note).
   */
  updated?: Date;
  date?: Date;
  redirects: string[];
  anchors: Record<string, string>;
  autolink: boolean;
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
