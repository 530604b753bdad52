/** Reading the built site: pages as DOM documents (linkedom), all pages of a dist folder. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';

export function page(outDir: string, urlPath: string): Document {
  const file = join(outDir, urlPath.replace(/^\//, ''), urlPath.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`No page at ${urlPath} (${file})`);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

export function allPages(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${relative(outDir, join(outDir, f)).replace(/index\.html$/, '')}`)
    .sort();
}
