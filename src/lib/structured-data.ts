/**
 * Structured data (schema.org, as JSON-LD) for search engines and link unfurlers:
 * - a term page is a `DefinedTerm` in the site's `DefinedTermSet` (the glossary);
 * - a note is a `TechArticle`, with `dateModified` from its `updated` (or `date`) property;
 * - both have a `BreadcrumbList`: home, the glossary or the note's folders, the page.
 * Pure: from the index and the site's URLs.
 */
import { folderPages } from './navigation.ts';
import { hrefFor } from './paths.ts';
import { termNamesOf } from './term-names.ts';
import type { VaultDocument, VaultIndex } from './vault-model.ts';

export interface SiteUrls {
  /** The deployed origin, `https://atlas.example.org`. */
  site: string;
  base: string;
  siteName: string;
}

type Thing = Record<string, unknown>;

function absolute(urls: SiteUrls, slug: string): string {
  return new URL(hrefFor(urls.base, slug), urls.site).href;
}

/** `updated`, else `date` (or `created`), as an ISO date; undefined when the note has neither. */
export function modifiedDate(doc: VaultDocument): string | undefined {
  return (doc.updated ?? doc.date)?.toISOString().slice(0, 10);
}

const folderNameCache = new WeakMap<VaultIndex, Map<string, string>>();

/** Each folder page's slug → the folder's own name (the last part of its label). */
function folderNames(index: VaultIndex): Map<string, string> {
  let names = folderNameCache.get(index);
  if (!names) folderNameCache.set(index, (names = new Map(folderPages(index).map((group) => [group.slug, group.label.split(' / ').at(-1)!]))));
  return names;
}

export function breadcrumbs(doc: VaultDocument, index: VaultIndex, urls: SiteUrls): Thing {
  const crumbs: Array<{ name: string; url: string }> = [{ name: urls.siteName, url: absolute(urls, '') }];
  if (doc.kind === 'term') crumbs.push({ name: 'Glossary', url: absolute(urls, 'glossary') });
  else {
    // Each folder above the note that has a page (its folder page, or a folder note).
    const folders = folderNames(index);
    const parts = doc.slug.split('/').slice(0, -1);
    parts.forEach((_, i) => {
      const slug = parts.slice(0, i + 1).join('/');
      const page = folders.get(slug) ?? index.bySlug.get(slug)?.title;
      if (page) crumbs.push({ name: page, url: absolute(urls, slug) });
    });
  }
  crumbs.push({ name: doc.title, url: absolute(urls, doc.slug) });
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: crumb.url })),
  };
}

/** The page's structured data: its main entity and its breadcrumbs. */
export function structuredData(doc: VaultDocument, index: VaultIndex, urls: SiteUrls, image?: string): Thing {
  const url = absolute(urls, doc.slug);
  const term = doc.term;
  const main: Thing = term
    ? {
        '@type': 'DefinedTerm',
        '@id': url,
        name: term.title,
        description: term.definition,
        url,
        alternateName: termNamesOf(term, 'alias', 'outdated'),
        inDefinedTermSet: { '@type': 'DefinedTermSet', '@id': absolute(urls, 'glossary'), name: `${urls.siteName} glossary`, url: absolute(urls, 'glossary') },
      }
    : {
        '@type': 'TechArticle',
        '@id': url,
        headline: doc.title,
        description: doc.description ?? doc.excerpt,
        url,
        dateModified: modifiedDate(doc),
        keywords: doc.tags.length ? doc.tags.join(', ') : undefined,
        isPartOf: { '@type': 'WebSite', name: urls.siteName, url: absolute(urls, '') },
      };
  if (image) main.image = image;
  return { '@context': 'https://schema.org', '@graph': [main, breadcrumbs(doc, index, urls)] };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped, so no title can close the
 * element (`</script>`) or open a comment; U+2028/U+2029 are escaped as JSON allows.
 */
export function jsonLdText(data: Thing): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
