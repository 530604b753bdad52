/**
 * Site configuration: `src/site.config.ts` (edited by the site owner) plus environment
 * variables (set per deployment), validated with zod at the boundary. An invalid value stops
 * the build with a message that says what was expected, what was found, and where to look.
 */
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { normaliseBase } from './paths.ts';

export const siteSettingsSchema = z.object({
  /** The site's name, in the header and the page titles. */
  title: z.string().min(1).default('Container Atlas'),
  /** One sentence for the home page and search engines. */
  description: z.string().default(''),
  /** The vault folder, relative to the project root. `ATLAS_VAULT` overrides it. */
  vault: z.string().min(1).default('content'),
  /** The vault folder holding one file per glossary term. */
  glossaryFolder: z.string().min(1).default('glossary'),
  /** Extra vault folders never published (templates are excluded already). */
  excludeFolders: z.array(z.string()).default([]),
  /** Where the source lives, for "edit this page" links. Optional. */
  repository: z.url().optional(),
  /**
   * "Edit this page" links: the note's vault path (URL-encoded) is appended to this, e.g.
   * `https://github.com/me/atlas/edit/main/content/`. Optional: no link without it.
   */
  editBaseUrl: z.url().optional(),
  /**
   * The site's public origin, for canonical links, the sitemap and the feed. Deployments set
   * `ATLAS_SITE_URL`; the default is the address `npm start` serves.
   */
  url: z.url().default('http://127.0.0.1:4321'),
});

export type SiteSettings = z.input<typeof siteSettingsSchema>;

export interface SiteConfig extends z.output<typeof siteSettingsSchema> {
  /** Absolute path of the vault. */
  vaultDir: string;
  /** `true` unless `ATLAS_LENIENT=1`: content problems fail the build. */
  strict: boolean;
  /** The deployed origin, e.g. `https://atlas.example.org` (`ATLAS_SITE_URL`, else `url`). */
  site: string;
  /** The base path, `/` or `/docs/` (`ATLAS_BASE`). */
  base: string;
}

const envSchema = z.object({
  ATLAS_VAULT: z.string().min(1).optional(),
  ATLAS_LENIENT: z.enum(['0', '1', 'true', 'false', '']).optional(),
  ATLAS_SITE_URL: z
    .url({ error: (issue) => `ATLAS_SITE_URL must be an absolute URL such as https://atlas.example.org; found \`${String(issue.input)}\`.` })
    .optional(),
  ATLAS_BASE: z
    .string()
    .regex(/^\/?[\w\-./]*$/, 'ATLAS_BASE must be a URL path such as /atlas/.')
    .optional(),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadSiteConfig(settings: SiteSettings, env: NodeJS.ProcessEnv = process.env, root = process.cwd()): SiteConfig {
  const parsedSettings = siteSettingsSchema.safeParse(settings);
  if (!parsedSettings.success) throw new ConfigError(explain('src/site.config.ts', parsedSettings.error));
  const parsedEnv = envSchema.safeParse(env);
  if (!parsedEnv.success) throw new ConfigError(explain('the environment', parsedEnv.error));
  const vault = parsedEnv.data.ATLAS_VAULT ?? parsedSettings.data.vault;
  return {
    ...parsedSettings.data,
    vaultDir: isAbsolute(vault) ? vault : resolve(root, vault),
    strict: !['1', 'true'].includes(parsedEnv.data.ATLAS_LENIENT ?? ''),
    site: parsedEnv.data.ATLAS_SITE_URL ?? parsedSettings.data.url,
    base: normaliseBase(parsedEnv.data.ATLAS_BASE),
  };
}

function explain(where: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return `Invalid configuration in ${where}:\n${lines.join('\n')}\nSee "Configuration" in the README.`;
}
