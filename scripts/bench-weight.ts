/**
 * Page weight of a built site: gzipped HTML, CSS and JS for each page type, counting what a
 * page loads before the reader does anything (inline scripts and styles, and the files its
 * <script src> and <link rel=stylesheet> point to). Search code loaded on demand is not counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  type: string;
  path: string;
  html: number;
  css: number;
  js: number;
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

export function pageWeight(dist: string, type: string, path: string): PageWeight {
  const file = join(dist, path, path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`No page at ${path}`);
  const html = readFileSync(file, 'utf8');
  let css = 0;
  let js = 0;
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)) js += gz(readFileSync(join(dist, src!.replace(/^\/+/, ''))));
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('\n');
  if (inlineScripts.trim()) js += gz(inlineScripts);
  for (const [, href] of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g)) css += gz(readFileSync(join(dist, href!.replace(/^\/+/, ''))));
  for (const [, href] of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"[^>]*>/g)) css += gz(readFileSync(join(dist, href!.replace(/^\/+/, ''))));
  const inlineStyles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('\n');
  if (inlineStyles.trim()) css += gz(inlineStyles);
  return { type, path, html: gz(html), css, js };
}
