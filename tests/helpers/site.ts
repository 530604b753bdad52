/**
 * Reading a built site (dist/ or a fixture build): pages as DOM documents (linkedom), the list
 * of pages, and a link checker that reports page → link → why.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';

const cache = new Map<string, Document>();

export function page(outDir: string, urlPath: string): Document {
  const file = fileFor(outDir, urlPath);
  if (!existsSync(file)) throw new Error(`No page at ${urlPath} (${file})`);
  // Parsing is the slow part of a site check: each page once per test file.
  const cached = cache.get(file);
  if (cached) return cached.cloneNode(true) as Document;
  const doc = parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
  cache.set(file, doc);
  return doc.cloneNode(true) as Document;
}

export function pageHtml(outDir: string, urlPath: string): string {
  return readFileSync(fileFor(outDir, urlPath), 'utf8');
}

function fileFor(outDir: string, urlPath: string): string {
  return join(outDir, decodeURIComponent(urlPath).replace(/^\//, ''), urlPath.endsWith('.html') ? '' : 'index.html');
}

export function allPages(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${relative(outDir, join(outDir, f)).replace(/index\.html$/, '')}`)
    .sort();
}

/** Pages that are only a redirect (alias URLs): they have a meta refresh and no content. */
export function isRedirect(outDir: string, path: string): boolean {
  return /<meta http-equiv="refresh"/.test(pageHtml(outDir, path));
}

/**
 * Every internal reference of every page: links, images, media, frames, scripts, stylesheets,
 * icons; and for links with a fragment, an element with that id on the target page.
 * `base` is the site's base path (the built files live under it).
 */
export function brokenLinks(outDir: string, base = '/'): string[] {
  const broken: string[] = [];
  for (const path of allPages(outDir)) {
    const doc = page(outDir, path);
    const pageUrl = `http://site${base.replace(/\/$/, '')}${path}`;
    for (const el of doc.querySelectorAll('a[href], img[src], iframe[src], audio[src], video[src], source[src], script[src], link[href]')) {
      const ref = el.getAttribute('href') ?? el.getAttribute('src')!;
      if (/^(https?:|mailto:|data:)/.test(ref) && !ref.startsWith('http://site')) continue;
      const url = new URL(ref, pageUrl);
      if (url.host !== 'site') continue;
      if (!url.pathname.startsWith(base)) {
        broken.push(`${path} → ${ref}: outside the base path ${base}`);
        continue;
      }
      const target = `/${decodeURIComponent(url.pathname.slice(base.length))}`;
      const file = join(outDir, target, target.endsWith('/') ? 'index.html' : '');
      if (!existsSync(file)) {
        broken.push(`${path} → ${ref}: no such file`);
        continue;
      }
      if (url.hash && url.hash !== '#' && (target.endsWith('/') || target.endsWith('.html'))) {
        const id = decodeURIComponent(url.hash.slice(1));
        const targetDoc = target === path ? doc : page(outDir, target);
        if (!targetDoc.getElementById(id)) {
          const ids = [...targetDoc.querySelectorAll('h2[id], h3[id]')].map((e) => e.id).slice(0, 8);
          broken.push(`${path} → ${ref}: no element with id "${id}" (available fragments: ${ids.join(', ') || 'none'})`);
        }
      }
    }
  }
  return broken;
}

/** Where a redirect page sends readers (its meta refresh), or undefined for other pages. */
export function redirectTarget(outDir: string, path: string): string | undefined {
  return /<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"/.exec(pageHtml(outDir, path))?.[1];
}

/**
 * Every address of a ledger of published addresses (`.atlas/published.json`, see
 * src/lib/published-ledger.ts) that does not resolve in a built site: the page must exist (after
 * following redirect pages) and, for `/x/#y`, have an element with id `y`. `base` is the base path.
 */
export function unresolvedAddresses(outDir: string, ledgerFile: string, base = '/'): string[] {
  const { addresses } = JSON.parse(readFileSync(ledgerFile, 'utf8')) as { addresses: Record<string, unknown> };
  const unresolved: string[] = [];
  for (const address of Object.keys(addresses)) {
    const hash = address.indexOf('#');
    const fragment = hash === -1 ? undefined : decodeURIComponent(address.slice(hash + 1));
    let path = hash === -1 ? address : address.slice(0, hash);
    const seen = new Set<string>();
    let why: string | undefined;
    for (;;) {
      if (!existsSync(fileFor(outDir, path))) {
        why = `no page at ${path}`;
        break;
      }
      const target = redirectTarget(outDir, path);
      if (!target) break;
      if (seen.has(path)) {
        why = `redirect loop at ${path}`;
        break;
      }
      seen.add(path);
      path = `/${target.slice(base.length)}`;
    }
    if (!why && fragment && !page(outDir, path).getElementById(fragment)) why = `no element with id "${fragment}" on ${path}`;
    if (why) unresolved.push(`${address}: ${why}`);
  }
  return unresolved;
}
