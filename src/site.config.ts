/**
 * The site owner's settings. Validated by `src/lib/site-config.ts`; per-deployment values
 * (vault path, site URL, base path, lenient mode) come from environment variables, see README.
 */
import type { SiteSettings } from './lib/site-config.ts';

export default {
  title: 'Container Atlas',
  description: 'Learn containers and Kubernetes: linked notes, a glossary with permalinks, and diagrams.',
  vault: 'content',
  glossaryFolder: 'glossary',
} satisfies SiteSettings;
