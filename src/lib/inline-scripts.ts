/**
 * The only inline scripts of the site: tiny, and they must run before first paint, so they
 * cannot be deferred modules. Their exact text is hashed into the Content-Security-Policy
 * (`cspHashes`, in integrations/astro-config.ts), so the policy needs no 'unsafe-inline'.
 */
import { createHash } from 'node:crypto';

/** Applies the reader's chosen theme before the page is painted: no flash of the wrong theme. */
export const THEME_SCRIPT =
  "try{const t=localStorage.getItem('atlas-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";

/** Narrow screens start with the notes list folded; without JavaScript it stays open. */
export const SIDEBAR_SCRIPT =
  "if(matchMedia('(max-width: 60rem)').matches)document.querySelector('.atlas-sidebar')?.removeAttribute('open')";

export function cspHashes(): Array<`sha256-${string}`> {
  return [THEME_SCRIPT, SIDEBAR_SCRIPT].map((code) => `sha256-${createHash('sha256').update(code).digest('base64')}` as const);
}
