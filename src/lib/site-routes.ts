/**
 * The URL paths the site generates itself, next to the vault's pages: the one list that both
 * the permalink check (schemas.ts, document-slugs.ts) and the diagram link check
 * (diagrams/links.ts) read, so that they cannot disagree about what a note may not take.
 *
 * Paths are slugs: no base path, no slashes at either end (see paths.ts).
 */

export interface SiteRoute {
  /** `tags`, `rss.xml`. */
  path: string;
  /** What the site serves there, for messages: "the tag pages". */
  owner: string;
  /** Every path below it belongs to the site too (`tags/x`, `pagefind/pagefind.js`). */
  folder: boolean;
  /**
   * The pages below it come from the vault (the glossary's terms): a link there is checked
   * against the vault index, only the folder's own page is generated.
   */
  pagesFromVault?: boolean;
}

export const SITE_ROUTES: readonly SiteRoute[] = [
  { path: 'glossary', owner: 'the glossary', folder: true, pagesFromVault: true },
  { path: 'tags', owner: 'the tag pages', folder: true },
  { path: 'search', owner: 'the search page', folder: true },
  { path: 'map', owner: 'the concept map', folder: true },
  { path: 'files', owner: "the vault's attachments", folder: true },
  { path: 'pagefind', owner: 'the search index', folder: true },
  { path: '_astro', owner: "the site's scripts and styles", folder: true },
  { path: '404', owner: 'the "page not found" page', folder: false },
  { path: '404.html', owner: 'the "page not found" page', folder: false },
  { path: 'favicon.svg', owner: 'the site icon', folder: false },
  { path: 'rss.xml', owner: 'the RSS feed', folder: false },
  { path: 'robots.txt', owner: 'the instructions for search engines', folder: false },
  { path: 'sitemap-index.xml', owner: 'the sitemap', folder: false },
  { path: 'sitemap-0.xml', owner: 'the sitemap', folder: false },
  { path: 'search-terms.json', owner: "search's list of glossary names", folder: false },
];

/** The site route a slug falls on (compared ignoring case, as file systems may), if any. */
export function siteRouteOf(slug: string): SiteRoute | undefined {
  const wanted = slug.toLowerCase();
  return SITE_ROUTES.find((route) => wanted === route.path || (route.folder && wanted.startsWith(`${route.path}/`)));
}
