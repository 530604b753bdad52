// @ts-check
import { defineConfig } from 'astro/config';
import settings from './src/site.config.ts';
import { atlasIntegration } from './src/integrations/atlas-integration.ts';

// The integration sets the rest from the vault's settings: address and base path, the Markdown
// pipeline, MDX, the sitemap and the Content-Security-Policy (src/integrations/astro-config.ts).
export default defineConfig({
  integrations: [atlasIntegration(settings)],
});
