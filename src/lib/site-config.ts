/**
 * Site configuration, in three layers, each validated with zod at the boundary:
 *
 * 1. the engine's defaults: this schema's defaults and `src/site.config.ts` (neutral: no site
 *    has its identity there);
 * 2. the vault's own settings file, `atlas.yaml` at the vault root: the site's identity (title,
 *    description, language, footer, logo, favicon, home note, navigation, interface labels);
 * 3. environment variables, for what one deployment needs (vault, origin, base path, lenient
 *    mode, title).
 *
 * An invalid value stops the build with a message that names the file and line, says what was
 * expected and what was found, and where to read more.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { normaliseBase } from './paths.ts';
import { parseSettingsFile, type Position } from './settings-file.ts';

const text = z.string().min(1);
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://example.org/' });

/** Every word the interface shows that is not content. Defaults are neutral English. */
export const labelsSchema = z.strictObject({
  home: text.default('Home'),
  glossary: text.default('Glossary'),
  tags: text.default('Tags'),
  map: text.default('Map'),
  search: text.default('Search'),
  /** The search box's label when the vault has no glossary. */
  searchNotes: text.default('Search notes'),
  searchNotesAndGlossary: text.default('Search notes and glossary'),
  onThisPage: text.default('On this page'),
  backlinks: text.default('Linked from'),
  skipToContent: text.default('Skip to content'),
  /** The generated home page's list of notes. */
  notes: text.default('Notes'),
  /** The generated home page's glossary terms (`keyConcepts`). */
  keyConcepts: text.default('Key concepts'),
  /** The generated home page's link to the whole glossary; `{count}` is the number of terms. */
  allTerms: text.default('All {count} terms'),
  notFoundTitle: text.default('Page not found'),
  notFoundText: text.default('There is no page at this address. It may have moved, or the link may have a typo.'),
  notFoundHome: text.default('Go to the home page'),
  notFoundGlossary: text.default('Browse the glossary'),
  notFoundSearch: text.default('Search the site'),
  notFoundSearchHeading: text.default('Search for what you were looking for'),
  /** The 404 page's search link once it knows the missing address's words. */
  notFoundSearchFor: text.default('Search the site for “{query}”'),
});

export type Labels = z.output<typeof labelsSchema>;

/**
 * A header link: `home`, `glossary`, `map`, `tags` or `search` (the site's own pages, with their
 * labels), a note name as in `[[Note]]`, a site path (`/tags/`), an http(s) URL, or
 * `{ label, link }` with any of these.
 */
export const navItemSchema = z.union([text, z.strictObject({ label: text, link: text })]);

export const siteSettingsSchema = z.strictObject({
  /** The vault folder, relative to the project root. `ATLAS_VAULT` overrides it. */
  vault: text.default('content'),
  /** The settings file, relative to the vault. */
  settingsFile: text.default('atlas.yaml'),
  /** The site's name, in the header and the page titles ("Pasta | Cooking Notes"). */
  title: text.default('Notes'),
  /** One sentence for the home page, search engines and the feed. */
  description: z.string().default(''),
  /** A paragraph under the description on the generated home page (Markdown-free text). */
  intro: z.string().default(''),
  /** The pages' language, `<html lang>`: a BCP 47 tag such as `en`, `fr` or `pt-BR`. */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as `en`, `fr` or `pt-BR`')
    .default('en'),
  /** The footer's text; empty for no footer. */
  footer: z.string().default('Built from an Obsidian vault.'),
  /** Vault path of an image shown before the title in the header. */
  logo: text.optional(),
  /** Vault path of the favicon (SVG, PNG or ICO); the engine's own icon otherwise. */
  favicon: text.optional(),
  /**
   * The note shown at `/`, as in `[[Note]]`. By default `index.md` or `Home.md` at the vault
   * root when there is one; otherwise the home page is a generated overview.
   */
  home: text.optional(),
  /** The header links, in order. */
  nav: z.array(navItemSchema).default(['home', 'glossary', 'map', 'tags']),
  /**
   * Base URL of "edit this page" links: the note's vault path is appended,
   * e.g. `https://github.com/me/notes/edit/main/` + `Start here.md`.
   */
  editBaseUrl: httpUrl.optional(),
  /** Glossary slugs shown as "key concepts" on the generated home page. */
  keyConcepts: z.array(text).default([]),
  /** The vault folder holding one file per glossary term. */
  glossaryFolder: text.default('glossary'),
  /** Extra vault folders never published (templates are excluded already). */
  excludeFolders: z.array(z.string()).default([]),
  /**
   * The site's public origin, for canonical links, the sitemap and the feed. Deployments set
   * `ATLAS_SITE_URL`; the default is the address `npm start` serves.
   */
  url: httpUrl.default('http://127.0.0.1:4321'),
  /**
   * Show images from other hosts (`![](https://…)`). Default `false`: the site makes no request
   * to another host, and each such image is a link (see markdown/remark-external-images.ts).
   */
  externalImages: z.boolean().default(false),
  labels: labelsSchema.prefault({}),
});

/** What `src/site.config.ts` (and tests) may set: any setting, all optional. */
export type SiteSettings = z.input<typeof siteSettingsSchema>;

/**
 * What the vault's `atlas.yaml` may set: the site's settings, minus where the vault is, each
 * optional and without its default (a key the file leaves out keeps the engine's value).
 */
export const vaultSettingsSchema = withoutDefaults(siteSettingsSchema.omit({ vault: true, settingsFile: true })).extend({
  labels: withoutDefaults(labelsSchema).optional(),
});

export type VaultSettings = z.output<typeof vaultSettingsSchema>;

export interface SiteConfig extends z.output<typeof siteSettingsSchema> {
  /** Absolute path of the vault. */
  vaultDir: string;
  /** `true` unless `ATLAS_LENIENT=1`: content problems fail the build. */
  strict: boolean;
  /** `ATLAS_THREADS_FROM`: from how many notes a build parses and renders on two cores. */
  threadsFrom?: number;
  /** The deployed origin, e.g. `https://atlas.example.org` (`ATLAS_SITE_URL`, else `url`). */
  site: string;
  /** The base path, `/` or `/docs/` (`ATLAS_BASE`). */
  base: string;
  /**
   * Where a setting was written in the vault's settings file, for problems found later (an
   * unknown key concept, a navigation link to no note). `undefined` when the vault has none.
   */
  settingsSource?: { path: string; positionOf(path: ReadonlyArray<PropertyKey>): Position };
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
  /**
   * From how many notes to parse, and render, on two cores (lib/parse-ahead.ts, render-ahead.ts);
   * default 2,000. Tests set 1 to build a small vault the way a large one is built.
   */
  ATLAS_THREADS_FROM: z.coerce.number().int().min(1, 'ATLAS_THREADS_FROM must be a number of notes, 1 or more.').optional(),
  /** A deployment's own name, e.g. "Cooking Notes (preview)"; overrides the settings' title. */
  ATLAS_TITLE: z.string().min(1, 'ATLAS_TITLE must not be empty; unset it to use the vault\'s title.').optional(),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadSiteConfig(settings: SiteSettings, env: NodeJS.ProcessEnv = process.env, root = process.cwd()): SiteConfig {
  const engine = siteSettingsSchema.safeParse(settings);
  if (!engine.success) throw new ConfigError(explain('src/site.config.ts', engine.error));
  const parsedEnv = envSchema.safeParse(env);
  if (!parsedEnv.success) throw new ConfigError(explain('the environment', parsedEnv.error));
  const vault = parsedEnv.data.ATLAS_VAULT ?? engine.data.vault;
  const vaultDir = isAbsolute(vault) ? vault : resolve(root, vault);
  const fromVault = readVaultSettings(vaultDir, engine.data.settingsFile, root);
  const merged = {
    ...engine.data,
    ...fromVault.settings,
    labels: { ...engine.data.labels, ...fromVault.settings.labels },
    ...(parsedEnv.data.ATLAS_TITLE ? { title: parsedEnv.data.ATLAS_TITLE } : {}),
  };
  return {
    ...merged,
    vaultDir,
    strict: !['1', 'true'].includes(parsedEnv.data.ATLAS_LENIENT ?? ''),
    site: parsedEnv.data.ATLAS_SITE_URL ?? merged.url,
    base: normaliseBase(parsedEnv.data.ATLAS_BASE),
    ...(fromVault.source ? { settingsSource: fromVault.source } : {}),
    ...(parsedEnv.data.ATLAS_THREADS_FROM ? { threadsFrom: parsedEnv.data.ATLAS_THREADS_FROM } : {}),
  };
}

/** The vault's settings file, validated; none is fine (the engine's defaults apply). */
function readVaultSettings(vaultDir: string, file: string, root: string): { settings: VaultSettings; source?: SiteConfig['settingsSource'] } {
  const path = join(vaultDir, file);
  if (!existsSync(path)) return { settings: {} };
  const label = path.startsWith(root + '/') ? path.slice(root.length + 1) : path;
  const parsed = parseSettingsFile(readFileSync(path, 'utf8'), label, vaultSettingsSchema);
  if (!parsed.data) {
    throw new ConfigError(`Invalid settings in ${label}:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}\nSee "Configuration" in the README.`);
  }
  return { settings: parsed.data, source: { path: file, positionOf: parsed.positionOf } };
}

/** The same keys, each optional with no default: zod 4 applies an inner default even under `.optional()`. */
function withoutDefaults<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault || field instanceof z.ZodPrefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, inner.optional()];
    }),
  ) as unknown as { [K in keyof Shape]: z.ZodOptional<Shape[K] extends z.ZodDefault<infer T> | z.ZodPrefault<infer T> ? T : Shape[K]> };
  return z.strictObject(shape);
}

function explain(where: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return `Invalid configuration in ${where}:\n${lines.join('\n')}\nSee "Configuration" in the README.`;
}

/**
 * Why the vault folder cannot be built, in one line, or `undefined`: a missing folder or a
 * file would otherwise build an empty site and exit 0.
 */
export function vaultFolderProblem(vaultDir: string): string | undefined {
  let isFolder: boolean;
  try {
    isFolder = statSync(vaultDir).isDirectory();
  } catch {
    return `Container Atlas: the vault folder ${vaultDir} does not exist. Set ATLAS_VAULT (or \`vault\` in src/site.config.ts) to the folder of your Obsidian vault.`;
  }
  return isFolder
    ? undefined
    : `Container Atlas: the vault ${vaultDir} is a file, not a folder. Set ATLAS_VAULT (or \`vault\` in src/site.config.ts) to the folder of your Obsidian vault.`;
}
