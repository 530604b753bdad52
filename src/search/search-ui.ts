/**
 * The search form's behaviour, shared by the dialog, the search page and the 404 page (markup:
 * components/SearchPanel.astro). The input is an ARIA combobox and the results a listbox: focus
 * stays in the input, arrow keys move `aria-activedescendant`, Enter opens the active result.
 * https://www.w3.org/WAI/ARIA/apg/patterns/combobox/
 *
 * Each option is a real link (`<a role="option">`, allowed by ARIA in HTML), so a click, a
 * middle click or "open in new tab" work as on any link.
 */
import { loadPagefind, loadSearchTerms, loadVocabulary, preload, search, tagsOf, type Pagefind, type SearchHit, type SearchResults } from './pagefind-client.ts';
import { exactTerm, namesIndex } from './exact-term.ts';
import type { SearchTerm } from './terms.ts';
import type { SearchRequest } from './query.ts';
import { didYouMeanTerm, suggestTerms, type TermSuggestion } from './suggest-terms.ts';
import { normaliseBase } from '../lib/paths.ts';

export interface SearchUiOptions {
  /** The site's base path (`import.meta.env.BASE_URL`). */
  base: string;
  /** Wait after the last keystroke before searching. Default 80 ms. */
  debounceMs?: number;
  /** Called with each request searched (the search page mirrors it in its URL). */
  onSearch?: (request: SearchRequest) => void;
  /** Called before a result opens (the dialog closes itself). */
  onOpen?: (href: string) => void;
  /**
   * When nothing is found, suggest only terms close to the WHOLE query, not to one of its
   * words. Default false. The 404 page sets it: its query is a guess made from a URL, and a
   * single word of it ("page" in /nonexistent-page/) is too weak a hint ("image").
   */
  wholeQuerySuggestions?: boolean;
}

export interface SearchUi {
  /** Searches for what the form holds now. */
  run(): Promise<void>;
  /** Sets the form's fields and searches. */
  searchFor(request: Partial<SearchRequest>): Promise<void>;
  input: HTMLInputElement;
}

const KIND_LABEL: Record<string, string> = { glossary: 'Glossary', note: 'Note' };
/** Pages shown at first, and added by each "Show more results". */
const BATCH = 8;

export function mountSearch(form: HTMLFormElement, options: SearchUiOptions): SearchUi {
  const base = normaliseBase(options.base);
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const typeSelect = form.querySelector<HTMLSelectElement>('select[name="type"]')!;
  const tagSelect = form.querySelector<HTMLSelectElement>('select[name="tag"]')!;
  const status = form.querySelector<HTMLElement>('[role="status"]')!;
  const listbox = form.querySelector<HTMLElement>('[data-search-results]')!;
  const moreButton = form.querySelector<HTMLButtonElement>('[data-search-more]');
  // The markup is a plain search form (it works without JavaScript); the combobox is ours.
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', 'Search results');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('aria-expanded', 'false');
  let active = -1;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pagefind: Pagefind | undefined;
  /** What "Show more results" continues: the current results and the page URLs on screen. */
  let current: { results: SearchResults; shown: Set<string>; next: number; quoted: string; mine: number } | undefined;
  let names: { terms: SearchTerm[]; index: ReturnType<typeof namesIndex> } | undefined;

  const request = (): SearchRequest => ({ q: input.value.trim(), type: typeSelect.value, tag: tagSelect.value });
  const optionsList = () => [...listbox.querySelectorAll<HTMLAnchorElement>('[role="option"]')];

  const ready = loadPagefind(base).then(
    async (pf) => {
      pagefind = pf;
      await fillTags(pf);
      return pf;
    },
    () => {
      setStatus('Search is not available: the search index is built by npm run build.');
      return undefined;
    },
  );

  async function fillTags(pf: Pagefind): Promise<void> {
    if (tagSelect.options.length > 1) return;
    const wanted = tagSelect.dataset.wanted ?? '';
    for (const [tag, count] of await tagsOf(pf)) tagSelect.add(new Option(`#${tag} (${count})`, tag, false, tag === wanted));
  }

  function setStatus(text: string): void {
    if (status.textContent !== text) status.textContent = text;
  }

  function setActive(index: number): void {
    const all = optionsList();
    all[active]?.setAttribute('aria-selected', 'false');
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    const option = all[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function show(children: HTMLElement[]): void {
    active = -1;
    input.removeAttribute('aria-activedescendant');
    listbox.replaceChildren();
    append(children);
  }

  /** Adds options after those shown (a new batch keeps the active one where it is). */
  function append(children: HTMLElement[]): void {
    const before = listbox.children.length;
    listbox.append(...children);
    children.forEach((option, i) => (option.id = `${listbox.id}-${before + i}`));
    listbox.hidden = listbox.children.length === 0;
    input.setAttribute('aria-expanded', String(listbox.children.length > 0));
  }

  function option(href: string, className: string, parts: Array<[string, string, 'text' | 'html']>): HTMLAnchorElement {
    const a = document.createElement('a');
    a.href = href;
    a.className = `atlas-search-option ${className}`;
    a.setAttribute('role', 'option');
    a.setAttribute('aria-selected', 'false');
    // Not a Tab stop: the keyboard moves through results with the arrow keys.
    a.tabIndex = -1;
    for (const [cls, content, kind] of parts) {
      const span = document.createElement('span');
      span.className = cls;
      if (kind === 'html') span.innerHTML = content;
      else span.textContent = content;
      a.append(span);
    }
    return a;
  }

  function renderHits(hits: SearchHit[]): HTMLElement[] {
    const items: HTMLElement[] = [];
    for (const hit of hits) {
      items.push(
        option(hit.url, 'atlas-search-page', [
          ['atlas-search-title', hit.title, 'text'],
          ['atlas-search-kind', KIND_LABEL[hit.type] ?? '', 'text'],
          // Pagefind escapes the excerpt's text and adds only <mark>: safe as HTML.
          ['atlas-search-excerpt', hit.excerptHtml, 'html'],
        ]),
      );
      for (const section of hit.sections) {
        items.push(
          option(section.url, 'atlas-search-section', [
            ['atlas-search-title', section.title, 'text'],
            ['atlas-sr-only', `, in ${hit.title}`, 'text'],
            ['atlas-search-excerpt', section.excerptHtml, 'html'],
          ]),
        );
      }
    }
    return items;
  }

  /**
   * Glossary terms with a close name. Only a term's real title is shown, and the name that
   * matched only when it is correct (an alias) or marked as outdated: never a misspelling.
   */
  function renderSuggestions(suggestions: TermSuggestion[], didYouMean = false): HTMLElement[] {
    return suggestions.map(({ term, via }) => {
      const named = via.kind === 'alias' ? `also known as ${via.name}` : via.kind === 'outdated' ? `formerly called ${via.name}` : '';
      const note = [didYouMean ? 'Did you mean this glossary term?' : '', named].filter(Boolean).join(' ');
      return option(`${base}${term.slug}/`, 'atlas-search-suggestion', [
        ['atlas-search-title', term.title, 'text'],
        ['atlas-search-kind', 'Glossary', 'text'],
        ...(note ? [['atlas-search-excerpt', note, 'text'] as [string, string, 'text']] : []),
      ]);
    });
  }

  async function run(): Promise<void> {
    clearTimeout(timer);
    const wanted = request();
    const mine = ++sequence;
    options.onSearch?.(wanted);
    if (!wanted.q) {
      show([]);
      setStatus('');
      current = undefined;
      if (moreButton) moreButton.hidden = true;
      form.dataset.searched = '';
      return;
    }
    form.setAttribute('aria-busy', 'true');
    const pf = pagefind ?? (await ready);
    if (!pf) form.removeAttribute('aria-busy');
    if (!pf || mine !== sequence) return;
    const terms = await loadSearchTerms(base);
    if (names?.terms !== terms) names = { terms, index: namesIndex(terms) };
    // The entry the query names exactly goes first, unless the filters leave glossary out.
    const named = wanted.type === 'note' ? undefined : exactTerm(wanted.q, names.index);
    const namedUrl = named && `${base}${named.slug}/`;
    const results = await search(pf, wanted, namedUrl, await loadVocabulary(base));
    const hits = await results.hits(0, BATCH);
    if (mine !== sequence) return;
    const quoted = `“${wanted.q}”`;
    current = undefined;
    if (hits.length > 0) {
      const shownSlugs = hits.slice(0, 3).map((hit) => hit.url.slice(base.length).replace(/\/(#.*)?$/, ''));
      // Named exactly but ranked below the first results (or filtered out by a tag): a link to
      // it still comes first. Otherwise a close glossary name when the results are loose.
      const pinned = named && hits[0]!.url !== namedUrl && !wanted.tag ? ({ term: named, via: { kind: 'title', name: named.title } } as TermSuggestion) : undefined;
      const near = pinned || named || wanted.type === 'note' || wanted.tag ? undefined : didYouMeanTerm(wanted.q, terms, shownSlugs);
      const shown = new Set(hits.map((hit) => hit.url));
      const listed = pinned ? hits.filter((hit) => hit.url !== namedUrl) : hits;
      show([...renderSuggestions(pinned ? [pinned] : near ? [near] : [], Boolean(near)), ...renderHits(listed)]);
      current = { results, shown, next: hits.length, quoted, mine };
      if (pinned) shown.add(namedUrl!);
      setResultsStatus(near ? ` Did you mean ${near.term.title}?` : '');
    } else {
      const suggestions = suggestTerms(wanted.q, terms, { words: !options.wholeQuerySuggestions });
      show(renderSuggestions(suggestions));
      setStatus(
        suggestions.length > 0
          ? `No pages found for ${quoted}. Glossary terms with a similar name:`
          : `No pages found for ${quoted}. Try another word, or fewer words.`,
      );
      if (moreButton) moreButton.hidden = true;
    }
    form.removeAttribute('aria-busy');
    // For tests and the benchmark: the query whose results are on screen.
    form.dataset.searched = wanted.q;
  }

  /**
   * "N pages found", and how many are on screen while some are not. Pages counted once each:
   * a section shown under its page is part of that page's result.
   */
  function setResultsStatus(extra: string): void {
    if (!current) return;
    const { results, shown, next, quoted } = current;
    const count = `${results.total} ${results.total === 1 ? 'page' : 'pages'} found for ${quoted}`;
    const partial = shown.size < results.total ? `, the first ${shown.size} shown` : '';
    setStatus(`${count}${partial}.${extra}`);
    if (moreButton) moreButton.hidden = next >= results.total;
  }

  /** The next batch of results, under those shown. */
  async function showMore(): Promise<void> {
    const batch = current;
    if (!batch) return;
    const from = batch.next;
    const hits = (await batch.results.hits(from, from + BATCH)).filter((hit) => !batch.shown.has(hit.url));
    if (batch !== current || batch.mine !== sequence) return;
    batch.next = Math.min(from + BATCH, batch.results.total);
    for (const hit of hits) batch.shown.add(hit.url);
    append(renderHits(hits));
    setResultsStatus('');
    // The button is gone once everything is shown: focus goes back to the box, from which the
    // arrow keys reach every result.
    if (moreButton?.hidden) input.focus();
  }

  function schedule(): void {
    clearTimeout(timer);
    if (pagefind) preload(pagefind, request());
    timer = setTimeout(() => void run(), options.debounceMs ?? 80);
  }

  /** Ctrl/⌘ (as with a click) opens a new tab and leaves search as it is. */
  function open(target: HTMLAnchorElement, event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey) {
      window.open(target.href, '_blank', 'noopener');
      return;
    }
    options.onOpen?.(target.href);
    location.assign(target.href);
  }

  input.addEventListener('input', schedule);
  moreButton?.addEventListener('click', () => void showMore());
  typeSelect.addEventListener('change', () => void run());
  tagSelect.addEventListener('change', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const count = optionsList().length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      setActive(event.key === 'ArrowDown' ? active + 1 : active < 0 ? -1 : active - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const target = optionsList()[active] ?? (form.dataset.searched === input.value.trim() ? optionsList()[0] : undefined);
      if (target) open(target, event);
      else void run();
    }
  });
  listbox.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLAnchorElement>('[role="option"]');
    if (target && !event.ctrlKey && !event.metaKey && !event.shiftKey) options.onOpen?.(target.href);
  });

  return {
    run,
    input,
    async searchFor(wanted) {
      if (wanted.q !== undefined) input.value = wanted.q;
      if (wanted.type !== undefined) typeSelect.value = wanted.type;
      if (wanted.tag !== undefined) {
        // The tag list arrives with Pagefind's filters; remember the wish until then.
        tagSelect.dataset.wanted = wanted.tag;
        await ready;
        tagSelect.value = wanted.tag;
      }
      await run();
    },
  };
}
