/**
 * What links in a diagram point to, decided from the vault index: `click` URLs written
 * root-relative (`/glossary/etcd/`, as the content conventions ask) get the base path and are
 * checked against the site's pages, a box labelled with a glossary term's title or alias
 * links to its entry, and an `internal-link` box's label resolves like a wikilink.
 */
import type { Atlas } from '../lib/atlas.ts';
import { hrefFor } from '../lib/paths.ts';
import { resolveTarget } from '../lib/resolve.ts';
import { siteRouteOf } from '../lib/site-routes.ts';
import { termNamesOf } from '../lib/term-names.ts';
import type { VaultDocument, VaultIndex } from '../lib/vault-model.ts';
import type { DiagramLinks, ResolvedLink } from './svg.ts';


interface TermName {
  name: string;
  doc: VaultDocument;
}

const namesByIndex = new WeakMap<VaultIndex, Map<string, TermName[]>>();

/** Lower-cased title or alias → the glossary entries that use it (autolinked terms only). */
function termNames(index: VaultIndex): Map<string, TermName[]> {
  let names = namesByIndex.get(index);
  if (names) return names;
  names = new Map();
  for (const doc of index.documents) {
    const term = doc.term;
    // Outdated names and misspellings are not the concept's name: a box saying one stays as is.
    if (!term || !doc.publish || !term.autolink) continue;
    for (const name of termNamesOf(term, 'title', 'alias')) {
      const key = name.toLowerCase();
      names.set(key, [...(names.get(key) ?? []), { name, doc }]);
    }
  }
  namesByIndex.set(index, names);
  return names;
}

function targetOf(doc: VaultDocument): ResolvedLink['target'] {
  return { slug: doc.slug, kind: doc.kind };
}

/** Links for diagrams in the note `from` (no box links to the page it is on). */
export function diagramLinks(atlas: Atlas, from: VaultDocument | undefined): DiagramLinks {
  const index = atlas.index();
  const base = atlas.config.base;
  return {
    resolve(url) {
      // Root-relative only: `//host/…` is another site, and relative URLs are left alone.
      if (!url.startsWith('/') || url.startsWith('//')) return { href: url };
      const path = url.replace(/[?#].*$/, '');
      const slug = path.replace(/^\/+|\/+$/g, '');
      const doc = index.bySlug.get(slug) ?? index.bySlug.get(decodeURIComponent(slug).toLowerCase());
      if (doc) return { href: hrefFor(base, doc.slug) + url.slice(path.length), target: targetOf(doc) };
      const href = base === '/' ? url : base + url.slice(1);
      // A path the site generates is known; below the glossary, only terms (found above) are.
      const route = siteRouteOf(slug);
      const known = slug === '' || (route !== undefined && (!route.pagesFromVault || route.path === slug.toLowerCase()));
      return known ? { href } : { href, broken: true };
    },
    termFor(label) {
      const wanted = label.trim();
      const candidates = termNames(index).get(wanted.toLowerCase()) ?? [];
      // A case-sensitive term ("Service", "Pod") names the concept only as written.
      const hit = candidates.find((c) => c.doc !== from && (!c.doc.term!.caseSensitive || c.name === wanted));
      return hit ? { href: hrefFor(base, hit.doc.slug), target: targetOf(hit.doc) } : undefined;
    },
    internal(label) {
      // The whole label is the target, as in `[[label]]`.
      const resolution = resolveTarget(index, from, label);
      if (resolution.kind !== 'document' || !resolution.document.publish) return undefined;
      return { href: hrefFor(base, resolution.document.slug), target: targetOf(resolution.document) };
    },
  };
}
