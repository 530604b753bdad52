/**
 * The Astro configuration Container Atlas needs, set by its integration in
 * `astro:config:setup` (./atlas-integration.ts), so `astro.config.mjs` only lists the
 * integration: the address and base path from the site settings, the Markdown pipeline, MDX and
 * the sitemap, and the Content-Security-Policy.
 */
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import type { AstroConfig, AstroIntegration, HookParameters } from 'astro';
import type { Atlas } from '../lib/atlas.ts';
import { aliasRedirects } from '../lib/alias-redirects.ts';
import { pathToFileURL } from 'node:url';
import { cspHashes } from '../lib/inline-scripts.ts';
import { astroCacheFolder } from '../lib/rendered-notes.ts';
import { atlasPipeline } from '../markdown/pipeline.ts';

/** What `updateConfig` in `astro:config:setup` takes. */
type ConfigUpdate = Parameters<HookParameters<'astro:config:setup'>['updateConfig']>[0];

export function astroConfigFor(atlas: Atlas): ConfigUpdate {
  return {
    site: atlas.config.site,
    // Astro normalises the base path of the user's config only, not one set here: the site
    // config's is already `/` or `/docs/` (normaliseBase), as `trailingSlash: 'always'` wants.
    base: atlas.config.base,
    trailingSlash: 'always',
    // Four pages at a time: one page at a time left the main thread idle half of the page
    // generation, waiting for each file to be written (3.76 s → 3.15 s at 1,000 notes). Pages only
    // read the build's state, and two builds stay byte-identical (tests/build).
    build: { format: 'directory', concurrency: 4 },
    // A page whose key (lib/page-keys.ts) and code are unchanged since the previous build is
    // copied from Astro's cache, not rendered: with one note changed, one page is rendered
    // instead of every page. The cache is the vault's own (`astroCacheFolder`).
    experimental: { incrementalBuild: true },
    ...(atlas.cache ? { cacheDir: pathToFileURL(`${astroCacheFolder(atlas.cache.dir, atlas.config.vaultDir)}/`) } : {}),
    markdown: {
      // Astro 7's default processor runs no remark/rehype plugins; ours need unified. @astrojs/mdx
      // compiles `.mdx` notes with the same processor: it reads `markdown.processor` in
      // `astro:config:done`, after every integration's `astro:config:setup` (extendMarkdownConfig).
      processor: unified(atlasPipeline(atlas)),
      // Code is highlighted by the pipeline itself (Shiki, see SHIKI_CONFIG in pipeline.ts).
      syntaxHighlight: false,
    },
    security: { csp: contentSecurityPolicy(atlas) },
    // KaTeX's fonts stay files (`font-src 'self'`): Vite would inline the smallest ones as
    // `data:` URLs, which that policy blocks, and formulas would lose their glyph sizes.
    vite: { build: { assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined) } },
    devToolbar: { enabled: false },
  };
}

/**
 * The integrations the site is built with, besides ours, unless the project lists them itself
 * (as Starlight adds @astrojs/mdx and @astrojs/sitemap).
 */
export function companionIntegrations(atlas: Atlas, listed: AstroIntegration[]): AstroIntegration[] {
  const has = (name: string) => listed.some((integration) => integration.name === name);
  const companions: AstroIntegration[] = [];
  if (!has('@astrojs/mdx')) companions.push(mdx());
  if (!has('@astrojs/sitemap')) {
    // Alias redirect pages and the 404 page are not content: keep them out of the sitemap. The
    // filter runs after the build, when the index is final.
    let redirects: Set<string> | undefined;
    const isRedirectPage = (page: string) => {
      redirects ??= new Set(aliasRedirects(atlas.index()).map((r) => `${atlas.config.base}glossary/${r.slug}/`));
      return redirects.has(new URL(page).pathname);
    };
    companions.push(sitemap({ filter: (page) => !isRedirectPage(page) && !page.endsWith('/404/') }));
  }
  return companions;
}

/**
 * A strict Content-Security-Policy in every page's <meta>: scripts only from this origin or with
 * the hashes Astro computes for our inline scripts; no 'unsafe-inline' scripts.
 */
function contentSecurityPolicy(atlas: Atlas): Exclude<AstroConfig['security']['csp'], boolean> {
  return {
    // Astro's default, spelled out: a value set in `astro:config:setup` gets no defaults.
    algorithm: 'SHA-256',
    directives: [
      "default-src 'self'",
      // Images from other hosts only when the site settings allow them (remark-external-images).
      `img-src 'self' data:${atlas.config.externalImages ? ' https:' : ''}`,
      "font-src 'self'",
      "connect-src 'self'",
      "frame-src 'self'",
      "media-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    // Pagefind's search runs as WebAssembly.
    // Our two pre-paint inline scripts are allowed by their hashes (src/lib/inline-scripts.ts).
    scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: cspHashes() },
    // Shiki colours and KaTeX layout are `style` attributes; inline <style> elements still
    // need a hash, and <script> has no such allowance. `style-src` is 'self' plus those
    // hashes, which Astro writes when no other `style-src` resource is listed here (listing
    // 'self' too would make Astro warn that `style-src-attr` shadows it, which is the point).
    styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }] },
  };
}
