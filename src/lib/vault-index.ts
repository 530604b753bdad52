/**
 * The vault index: everything the pipeline needs to know about the whole vault, built once
 * per build before any page renders. Every plugin reads from it; no plugin touches the file
 * system. Building it is pure: `vault-files.ts` reads the files, `vault-document.ts` indexes one
 * file, `document-slugs.ts` gives URLs, `glossary-validation.ts` checks the glossary as a whole.
 */
import { createHash } from 'node:crypto';
import { assignSlugs } from './document-slugs.ts';
import { validateGlossary } from './glossary-validation.ts';
import { basename, stripMarkdownExtension } from './paths.ts';
import type { Problem } from './problems.ts';
import { indexDocument } from './vault-document.ts';
import { findHomeNote, HOME_SLUG } from './home-note.ts';
import { termNamesOf } from './term-names.ts';
import type { Attachment, IndexOptions, VaultDocument, VaultFile, VaultIndex } from './vault-model.ts';

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
    // `[[name]]` finds a note by its aliases; a term also by its outdated names and misspellings.
    const names = doc.term ? termNamesOf(doc.term, 'alias', 'outdated', 'misspelling') : doc.aliases;
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
