/**
 * The page served at an old address of a moved note (see published-ledger.ts): a script that
 * keeps the fragment (`public/atlas-redirect.js`, from this origin, so the strict CSP allows
 * it), a meta refresh for readers without JavaScript, a canonical link for search engines, and
 * a visible link for everyone else.
 */
import { escapeAttribute, escapeText } from 'entities';

export interface RedirectPageOptions {
  /** The new page's href, under the base path. */
  target: string;
  /** The new page's absolute URL. */
  canonical: string;
  title: string;
  base: string;
}

export function redirectPageHtml({ target, canonical, title, base }: RedirectPageOptions): string {
  const href = escapeAttribute(target);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'">
    <title>Moved: ${escapeText(title)}</title>
    <script src="${escapeAttribute(base)}atlas-redirect.js" data-target="${href}"></script>
    <meta http-equiv="refresh" content="0; url=${href}">
    <link rel="canonical" href="${escapeAttribute(canonical)}">
    <meta name="robots" content="noindex">
  </head>
  <body>
    <main>
      <p>This page moved to <a href="${href}">${escapeText(title)}</a>.</p>
    </main>
  </body>
</html>
`;
}
