/**
 * Content collections: every published note of the vault, and every glossary term. Both are
 * loaded from the vault index (see `integrations/vault-loader.ts`) and validated with the zod
 * schemas of `lib/schemas.ts`.
 */
import { defineCollection } from 'astro:content';
import { getAtlas } from './lib/atlas.ts';
import { glossaryFrontmatterSchema, noteFrontmatterSchema } from './lib/schemas.ts';
import { vaultLoader } from './integrations/vault-loader.ts';

const atlas = getAtlas();

export const collections = {
  notes: defineCollection({ loader: vaultLoader(atlas, 'note'), schema: noteFrontmatterSchema }),
  glossary: defineCollection({ loader: vaultLoader(atlas, 'term'), schema: glossaryFrontmatterSchema }),
};
