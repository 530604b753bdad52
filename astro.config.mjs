// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import settings from './src/site.config.ts';
import { useAtlas } from './src/lib/atlas.ts';
import { atlasPipeline } from './src/markdown/pipeline.ts';
import { atlasIntegration } from './src/integrations/atlas-integration.ts';
import { cspHashes } from './src/lib/inline-scripts.ts';
import { aliasRedirects } from './src/lib/alias-redirects.ts';

// Configuration, the vault index and the problem log, shared with the pages (src/lib/atlas.ts).
const atlas = useAtlas(settings);
const redirectPaths = new Set(aliasRedirects(atlas.index()).map((r) => `${atlas.config.base}glossary/${r.slug}/`));
/** @param {string} page */
const isRedirectPage = (page) => redirectPaths.has(new URL(page).pathname);

export default defineConfig({
  site: atlas.config.site,
  base: atlas.config.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor runs no remark/rehype plugins; ours need unified.
    processor: unified(atlasPipeline(atlas)),
    // Code is highlighted by the pipeline itself (Shiki, see SHIKI_CONFIG in pipeline.ts).
    syntaxHighlight: false,
  },
  integrations: [
    mdx(),
    // Alias redirect pages and the 404 page are not content: keep them out of the sitemap.
    sitemap({ filter: (page) => !isRedirectPage(page) && !page.endsWith('/404/') }),
    atlasIntegration(atlas),
  ],
  // A strict Content-Security-Policy in every page's <meta>: scripts only from this origin or
  // with the hashes Astro computes for our inline scripts; no 'unsafe-inline' scripts.
  security: {
    csp: {
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
    },
  },
  // KaTeX's fonts stay files (`font-src 'self'`): Vite would inline the smallest ones as
  // `data:` URLs, which that policy blocks, and formulas would lose their glyph sizes.
  vite: { build: { assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined) } },
  devToolbar: { enabled: false },
});
