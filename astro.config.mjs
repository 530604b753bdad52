// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import settings from './src/site.config.ts';
import { useAtlas } from './src/lib/atlas.ts';
import { atlasPipeline } from './src/markdown/pipeline.ts';
import { atlasIntegration } from './src/integrations/atlas-integration.ts';

// Configuration, the vault index and the problem log, shared with the pages (src/lib/atlas.ts).
const atlas = useAtlas(settings);

export default defineConfig({
  site: atlas.config.site,
  base: atlas.config.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor runs no remark/rehype plugins; ours need unified.
    processor: unified(atlasPipeline(atlas)),
    // Diagram and math fences are rendered by our own plugins, not highlighted as code.
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid', 'math'] },
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
  },
  integrations: [mdx(), atlasIntegration(atlas)],
  devToolbar: { enabled: false },
});
