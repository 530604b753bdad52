/**
 * The one URL validator. Every URL that reaches a page from the vault (a glossary entry's
 * `official`, Markdown links and images, `srcset` candidates, Mermaid `click` targets, raw HTML
 * attributes) goes through `safeUrl` before it is written.
 *
 * Allowed: `http:`, `https:`, `mailto:`, and scheme-less URLs (relative paths, `/abs`, `#frag`,
 * `?query`, `//host` is refused: it is another host behind a relative look).
 *
 * Browsers are lenient in ways a naive check is not, so the check runs on what the browser would
 * see: HTML character references decoded (`&#106;avascript:`), then ASCII tab, LF and CR removed
 * anywhere (the URL standard strips them: `java\tscript:` is `javascript:`), then leading and
 * trailing C0 controls and spaces trimmed. https://url.spec.whatwg.org/#concept-basic-url-parser
 */
import { decodeHTML } from 'entities';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A scheme: a letter, then letters, digits, `+`, `-` or `.`, then `:`. */
const SCHEME = /^([a-z][a-z\d+\-.]*):/i;

/** What a browser makes of the attribute text before it looks at the scheme. */
export function normalizeUrl(raw: string): string {
  return decodeHTML(raw)
    .replace(/[\t\n\r]/g, '')
    // C0 controls and space, at either end (the URL parser trims them).
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/**
 * The URL as it may be written into a page, or `null` when it must not be: a scheme other than
 * http, https or mailto (`javascript:`, `data:`, `vbscript:`, `file:` …), a protocol-relative
 * `//host` URL, or a URL with a control character left inside it.
 */
export function safeUrl(raw: string): string | null {
  const url = normalizeUrl(raw);
  // Controls that survive trimming (NUL inside the scheme, etc.) are never legitimate.
  if (/[\u0000-\u001f\u007f]/.test(url)) return null;
  // Backslashes count as slashes for http(s) in browsers: `\\host` and `/\host` are other hosts.
  if (/^[/\\]{2}/.test(url)) return null;
  const scheme = SCHEME.exec(url);
  if (!scheme) return url;
  return ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase()) ? url : null;
}

/** True when `raw` may be written into a page as a link or resource URL. */
export function isSafeUrl(raw: string): boolean {
  return safeUrl(raw) !== null;
}

/**
 * The candidates of a `srcset` value, split as the HTML standard does: a URL is a run of
 * non-space characters (it may contain commas, as `data:` URLs do), a trailing comma ends it,
 * and descriptors run to the next comma.
 * https://html.spec.whatwg.org/multipage/images.html#parsing-a-srcset-attribute
 */
export function srcsetCandidates(value: string): { url: string; descriptors: string }[] {
  const candidates: { url: string; descriptors: string }[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i]!)) i++;
    const urlStart = i;
    while (i < value.length && !/\s/.test(value[i]!)) i++;
    let url = value.slice(urlStart, i);
    if (!url) break;
    if (url.endsWith(',')) {
      candidates.push({ url: url.replace(/,+$/, ''), descriptors: '' });
      continue;
    }
    const descStart = i;
    while (i < value.length && value[i] !== ',') i++;
    candidates.push({ url, descriptors: value.slice(descStart, i).trim() });
    i++;
  }
  return candidates;
}

/**
 * A `srcset` value with every candidate URL checked: the candidates whose URL is unsafe are
 * dropped (the rest keep their descriptors). `null` when none is left.
 */
export function safeSrcset(raw: string): string | null {
  const kept = srcsetCandidates(decodeHTML(raw))
    .filter((candidate) => safeUrl(candidate.url) !== null)
    .map(({ url, descriptors }) => (descriptors ? `${url} ${descriptors}` : url));
  return kept.length > 0 ? kept.join(', ') : null;
}
