/**
 * The one browser entry of search: the header script imports it on first open, the search
 * and 404 pages import it at once. One entry means one chunk with no dependencies, so the
 * header's dynamic import needs no preload helper and its always-loaded script stays tiny.
 */
export { openSearchDialog } from './dialog.ts';
export { mountNotFoundSearch, mountSearchPage } from './page.ts';
