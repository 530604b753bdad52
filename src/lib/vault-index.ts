/**
 * The vault index: everything the pipeline needs to know about the whole vault, built once
 * per build before any page renders. Every plugin reads from it; no plugin touches the file
 * system. Building it is pure apart from reading the files (`readVault` does that part).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { parseMarkdown, type SourceFormat } from './markdown-parser.ts';
import { scanNote, type NoteScan, type ScannedHeading, type ScannedLink } from './markdown-scan.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { stripComments } from './obsidian-comments.ts';
import {
  basename,
  extname,
  isMarkdownPath,
  slugFromPermalink,
  slugFromVaultPath,
  slugifySegment,
  stripMarkdownExtension,
  toVaultPath,
  type Slug,
  type VaultPath,
} from './paths.ts';
import type { Problem } from './problems.ts';
import {
  glossaryFrontmatterSchema,
  noteFrontmatterSchema,
  type GlossaryFrontmatter,
  type NoteFrontmatter,
} from './schemas.ts';
import { didYouMean } from './suggest.ts';
import { tagAncestry } from './tags.ts';

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
  publish: boolean;
  headings: ScannedHeading[];
  blocks: Map<string, number>;
  links: ScannedLink[];
  excerpt: string;
  /** Prose outside headings, code and links (see markdown-scan). */
  prose: string;
  /** Has `$…$` / `$$…$$` math. */
  hasMath: boolean;
  /** The body with frontmatter blanked and comments removed: positions match the file. */
  body: string;
  frontmatter: Record<string, unknown>;
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
  /** Problems found while indexing (frontmatter, glossary, permalinks). */
  problems: Problem[];
  /** Changes whenever anything a page could depend on changes. */
  digest: string;
  options: IndexOptions;
}

/** Routes the site owns; a note cannot take these slugs. */
const RESERVED_SLUGS = new Set(['', 'glossary', 'tags', 'search', '404', 'files', 'pagefind', '_astro']);

export const DEFAULT_INDEX_OPTIONS: IndexOptions = { glossaryFolder: 'glossary', excludeFolders: [] };

/** Reads every file of a vault, skipping dot-folders (`.obsidian`, `.trash`) and node_modules. */
export function readVault(vaultDir: string): VaultFile[] {
  if (!existsSync(vaultDir) || !statSync(vaultDir).isDirectory()) return [];
  const entries = readdirSync(vaultDir, { recursive: true, withFileTypes: true });
  const files: VaultFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = toVaultPath(relative(vaultDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
    if (path.split('/').some((segment) => segment.startsWith('.') || segment === 'node_modules')) continue;
    files.push(isMarkdownPath(path) ? { path, source: readFileSync(join(vaultDir, path), 'utf8') } : { path });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Obsidian's Templates core plugin stores its folder in `.obsidian/templates.json`; notes there
 * are templates, not content. `Templates/` and `templates/` are excluded too when they exist.
 */
export function templateFolders(vaultDir: string): string[] {
  const folders = new Set(['templates', 'Templates', '_templates']);
  for (const config of ['templates.json', 'plugins/templater-obsidian/data.json']) {
    try {
      const parsed = JSON.parse(readFileSync(join(vaultDir, '.obsidian', config), 'utf8')) as Record<string, unknown>;
      const folder = parsed.folder ?? parsed.templates_folder;
      if (typeof folder === 'string' && folder.trim()) folders.add(folder.trim().replace(/^\/+|\/+$/g, ''));
    } catch {
      // No such plugin configured: nothing to add.
    }
  }
  return [...folders];
}

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
  validateGlossary(index, problems);
  index.digest = digestOf(files);
  return index;
}

function indexDocument(path: VaultPath, source: string, isTerm: boolean, problems: Problem[]): VaultDocument {
  const split = splitFrontmatter(source);
  for (const issue of split.issues) {
    problems.push({
      file: path,
      line: issue.line,
      column: issue.column,
      ruleId: 'frontmatter-yaml',
      severity: 'error',
      message: `Malformed frontmatter: ${issue.message}`,
      suggestion: 'Fix the YAML between the `---` lines (quote values that contain `:` or `#`).',
    });
  }
  const format: SourceFormat = extname(path) === '.mdx' ? 'mdx' : 'md';
  const body = stripComments(split.body);
  let scan: NoteScan;
  try {
    scan = scanNote(parseMarkdown(body, format));
  } catch (error) {
    // MDX syntax errors carry a position; Markdown never throws.
    const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
    problems.push({
      file: path,
      line: place?.start?.line ?? place?.line ?? 1,
      column: place?.start?.column ?? place?.column ?? 1,
      ruleId: 'mdx-syntax',
      severity: 'error',
      message: `Cannot parse this MDX note: ${(error as Error).message.split('\n')[0]}`,
      suggestion: 'Escape `{`, `}` and `<` as `\\{`, `\\}` and `&lt;`, or rename the note to `.md`.',
    });
    scan = { headings: [], blocks: [], tags: [], links: [], excerpt: '', prose: '', hasMath: false };
  }

  const schema = isTerm ? glossaryFrontmatterSchema : noteFrontmatterSchema;
  const parsed = schema.safeParse(split.data);
  let frontmatter: NoteFrontmatter | GlossaryFrontmatter | undefined;
  if (parsed.success) {
    frontmatter = parsed.data;
  } else {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      problems.push({
        file: path,
        line: split.lineOfKey(typeof key === 'symbol' ? undefined : key),
        column: 1,
        ruleId: isTerm ? 'glossary-invalid' : 'frontmatter-invalid',
        severity: 'error',
        message: `Invalid frontmatter${issue.path.length ? ` property \`${issue.path.join('.')}\`` : ''}: ${issue.message}`,
        suggestion: isTerm
          ? 'See "Glossary entries" in the README for the expected properties.'
          : 'See "Writing notes" in the README for the supported properties.',
      });
    }
    // Keep the note: fall back to what parses on its own, so nothing is lost.
    frontmatter = noteFrontmatterSchema.safeParse({}).data;
  }
  const fm = (frontmatter ?? {}) as Partial<GlossaryFrontmatter> & Partial<NoteFrontmatter>;
  const fileTitle = basename(stripMarkdownExtension(path));
  const title = fm.title ?? scan.firstH1 ?? fileTitle;
  const term: GlossaryTerm | undefined =
    isTerm && parsed.success
      ? {
          slug: slugifySegment(fileTitle),
          title,
          definition: (fm.definition ?? '').trim(),
          aliases: fm.aliases ?? [],
          outdatedNames: fm.outdatedNames ?? [],
          misspellings: fm.misspellings ?? [],
          tags: fm.tags ?? [],
          related: fm.related ?? [],
          status: fm.status ?? 'current',
          replacedBy: fm.replacedBy ?? [],
          statusSince: fm.statusSince,
          official: fm.official,
          verified: fm.verified,
          caseSensitive: fm.caseSensitive ?? false,
          autolink: fm.autolink ?? true,
        }
      : undefined;
  const tags = new Set<string>();
  for (const tag of [...(fm.tags ?? []), ...scan.tags]) for (const t of tagAncestry(tag)) tags.add(t);
  return {
    path,
    kind: isTerm ? 'term' : 'note',
    format,
    slug: '' as Slug,
    title,
    description: fm.description ?? (term ? term.definition : undefined),
    aliases: fm.aliases ?? [],
    tags: [...tags].sort(),
    cssclasses: fm.cssclasses ?? [],
    order: fm.order,
    publish: fm.publish !== false,
    headings: scan.headings,
    blocks: new Map(scan.blocks.map((b) => [b.id, b.line])),
    links: scan.links,
    excerpt: scan.excerpt || fm.description || term?.definition || '',
    prose: scan.prose,
    hasMath: scan.hasMath,
    body,
    frontmatter: split.data,
    lineOfKey: split.lineOfKey,
    term,
  };
}

function assignSlugs(documents: VaultDocument[], problems: Problem[]): void {
  const taken = new Map<string, VaultDocument>();
  for (const doc of documents) {
    const permalink = typeof doc.frontmatter.permalink === 'string' ? doc.frontmatter.permalink : undefined;
    let slug: string =
      doc.kind === 'term'
        ? `glossary/${slugifySegment(basename(stripMarkdownExtension(doc.path)))}`
        : permalink
          ? slugFromPermalink(permalink)
          : slugFromVaultPath(doc.path);
    if (!doc.publish) {
      doc.slug = slug as Slug;
      continue;
    }
    const clash = taken.get(slug) ?? (RESERVED_SLUGS.has(slug) ? 'reserved' : undefined);
    if (clash) {
      let n = 2;
      while (taken.has(`${slug}-${n}`)) n += 1;
      problems.push({
        file: doc.path,
        line: 1,
        column: 1,
        ruleId: 'permalink-conflict',
        severity: 'error',
        message:
          clash === 'reserved'
            ? `The URL \`/${slug}/\` belongs to the site itself; this note was published at \`/${slug}-${n}/\`.`
            : `The URL \`/${slug}/\` is also the URL of \`${clash.path}\`; this note was published at \`/${slug}-${n}/\`.`,
        suggestion: 'Rename the note or set a different `permalink` in its frontmatter.',
      });
      slug = `${slug}-${n}`;
    }
    taken.set(slug, doc);
    doc.slug = slug as Slug;
  }
}

function validateGlossary(index: VaultIndex, problems: Problem[]): void {
  const owner = new Map<string, GlossaryTerm>();
  const termDocs = index.documents.filter((d) => d.term);
  for (const doc of termDocs) {
    const term = doc.term!;
    owner.set(term.slug.toLowerCase(), term);
    owner.set(term.title.toLowerCase(), term);
  }
  for (const doc of termDocs) {
    const term = doc.term!;
    const names: Array<[string, string]> = [
      ...term.aliases.map((a): [string, string] => [a, 'aliases']),
      ...term.outdatedNames.map((n): [string, string] => [n.name, 'outdatedNames']),
      ...term.misspellings.map((m): [string, string] => [m, 'misspellings']),
    ];
    for (const [name, key] of names) {
      const existing = owner.get(name.toLowerCase());
      if (existing && existing !== term) {
        problems.push({
          file: doc.path,
          line: doc.lineOfKey(key),
          column: 1,
          ruleId: 'glossary-alias-duplicate',
          severity: 'error',
          message: `The name \`${name}\` in \`${key}\` already names the term \`${existing.slug}\`.`,
          suggestion: 'Each name must lead to one term: remove it here or there.',
        });
      } else owner.set(name.toLowerCase(), term);
    }
    for (const related of [...term.related, ...term.replacedBy]) {
      if (index.terms.has(related)) continue;
      const key = term.related.includes(related) ? 'related' : 'replacedBy';
      problems.push({
        file: doc.path,
        line: doc.lineOfKey(key),
        column: 1,
        ruleId: 'glossary-related-unknown',
        severity: 'error',
        message: `\`${key}\` names \`${related}\`, but there is no glossary term with that slug.`,
        suggestion: didYouMean(related, [...index.terms.keys()], (slug) => `\`${slug}\``) ?? 'Create the term, or fix the slug.',
      });
    }
  }
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

