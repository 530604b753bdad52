/**
 * The search page (`/search/?q=…&type=…&tag=…`) and the 404 page: the same search as the
 * dialog, on the page. The search page keeps its URL in step with the form, so a search can
 * be shared; the 404 page searches the words of the missing path.
 */
import { mountSearch } from './search-ui.ts';
import { queryFromPath, readSearchRequest, searchPageHref } from './query.ts';

const base = import.meta.env.BASE_URL;

export function mountSearchPage(form: HTMLFormElement): void {
  const ui = mountSearch(form, {
    base,
    onSearch: (request) => history.replaceState(history.state, '', searchPageHref(base, request)),
  });
  const request = readSearchRequest(location.search);
  void ui.searchFor(request);
}

/** On the 404 page: search for the missing path's words, and point the link at that search. */
export function mountNotFoundSearch(form: HTMLFormElement, link: HTMLAnchorElement | null): void {
  const q = queryFromPath(location.pathname, base);
  if (!q) {
    // Nothing to search for (the page was opened as /404.html): load search on first use.
    form.addEventListener('focusin', () => mountSearch(form, { base }), { once: true });
    return;
  }
  const ui = mountSearch(form, { base, wholeQuerySuggestions: true });
  if (link) {
    link.href = searchPageHref(base, { q });
    // The wording is the site's (`labels.notFoundSearchFor` in its settings, on the link).
    link.textContent = (link.dataset.notFoundSearch || 'Search for “{query}”').replace('{query}', () => q);
  }
  void ui.searchFor({ q });
}
