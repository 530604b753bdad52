/**
 * Frontmatter schemas, shared by the vault index and the content collections
 * (`src/content.config.ts`), so that both sides agree on what a valid note is.
 * Types are derived from the schemas, never written twice.
 */
import { z } from 'zod';
import { safeUrl } from './safe-url.ts';
import { siteRouteOf } from './site-routes.ts';

/**
 * An empty property (`description:`, `tags:`, `aliases:` with no value) is valid in Obsidian
 * and means "not set"; YAML reads it as `null`. Dropping null properties before validation
 * treats them as absent everywhere, instead of "expected string, received null".
 */
function withoutEmptyProperties(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
}

export const PERMALINK_MAX_LENGTH = 200;

/**
 * Obsidian Publish's `permalink`: the page's URL path (`guides/start`, `/guides/start/`).
 * Checked here, where the author wrote it (the problem is placed at the `permalink:` line):
 *
 * - letters (any script), digits, `-`, `_`, `.` and `/` between segments: what a URL path keeps
 *   readable without escapes; no `%` (an escape would be decoded into a different path), no
 *   spaces, no `?` or `#` (they would end the path);
 * - no `.` or `..` segment: the path must not climb out of the site's folder;
 * - at most 200 characters (file systems limit a name to 255 bytes);
 * - not `/` (the home page: name the note `index.md` or make it the home note instead, so
 *   the site has one way to say which note is the home page) and not a path the site
 *   generates itself (site-routes.ts).
 *
 * Collisions with other notes and folder pages are checked when slugs are assigned
 * (document-slugs.ts), where the other notes are known.
 */
export const permalinkSchema = z
  // `permalink: 2024` is a number in YAML, and a fine path.
  .union([z.string(), z.number().transform(String)])
  .pipe(z.string().trim().max(PERMALINK_MAX_LENGTH, `A \`permalink\` can have at most ${PERMALINK_MAX_LENGTH} characters.`))
  .superRefine((value, context) => {
    const slug = slugOfPermalink(value);
    const fail = (message: string) => context.addIssue({ code: 'custom', message });
    if (value.includes('%')) return fail(`\`permalink: ${value}\` contains \`%\`: write the characters themselves (\`café\`, not \`caf%C3%A9\`).`);
    if (value.split('/').some((segment) => segment === '.' || segment === '..')) return fail(`\`permalink: ${value}\` contains a \`.\` or \`..\` segment; a permalink is a path inside the site, such as \`guides/start\`.`);
    const bad = [...value].find((char) => !/[\p{L}\p{M}\p{N}\-_./]/u.test(char));
    if (bad !== undefined) return fail(`\`permalink: ${value}\` contains ${bad === ' ' ? 'a space' : `\`${bad}\``}; use letters, digits, \`-\`, \`_\`, \`.\` and \`/\` (for example \`${suggestPermalink(value)}\`).`);
    if (slug === '') return fail('`permalink: /` would make this note the home page; the home page is the vault\'s home note (`index.md`), so name this note `index.md`, or give it another permalink.');
    const route = siteRouteOf(slug);
    if (route) return fail(`\`permalink: ${value}\` asks for \`/${slug}/\`, which is ${route.owner}; choose another permalink, such as \`${suggestPermalink(value).replace(/\//g, '-')}-page\`.`);
  });

/** `/Guides/Start/` → `guides/start`: the slug a valid permalink gives (see paths.ts). */
function slugOfPermalink(permalink: string): string {
  return permalink.split('/').filter(Boolean).join('/').toLowerCase();
}

function suggestPermalink(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/%[0-9a-f]{2}/gi, '')
      .replace(/[^\p{L}\p{M}\p{N}\-_/]+/gu, '-')
      .split('/')
      .map((segment) => segment.replace(/^-+|-+$/g, ''))
      .filter(Boolean)
      .join('/') || 'my-page'
  );
}

/** Obsidian accepts a single string or a list for list properties (`tags: k8s`). */
const stringList = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .nullish()
  .transform((value) => {
    if (value == null) return [];
    const list = Array.isArray(value) ? value : value.split(',');
    return list.map((item) => String(item).trim()).filter(Boolean);
  });

/**
 * The properties Obsidian and Obsidian Publish understand. Every property is optional: a note
 * without frontmatter is valid. Unknown properties are kept (Obsidian allows any).
 */
export const noteFrontmatterSchema = z.preprocess(
  withoutEmptyProperties,
  z
    .looseObject({
      title: z.string().min(1).optional(),
      aliases: stringList,
      /** Obsidian's older singular spelling. Merged into `aliases`. */
      alias: stringList,
      tags: stringList,
      /** Obsidian's older singular spelling. Merged into `tags`. */
      tag: stringList,
      description: z.string().optional(),
      /** Obsidian Publish: the URL path of the page, e.g. `guides/start`. */
      permalink: permalinkSchema.optional(),
      cssclasses: stringList,
      cssclass: stringList,
      /** Obsidian Publish: `false` keeps the note out of the site and out of search. */
      publish: z.boolean().optional(),
      /** Position in the sidebar within its folder (lower first); then by title. */
      order: z.number().optional(),
      /** When the note last changed, shown as "Last updated"; else the Git history says. */
      updated: z.coerce.date().optional(),
      /** When the note was written (`date`, or `created` as many templates name it): the feed's date. */
      date: z.coerce.date().optional(),
      created: z.coerce.date().optional(),
      /** `false`: glossary terms are not linked automatically in this note (explicit links still are). */
      autolink: z.boolean().optional(),
      /** Old URL paths of this note (`/old-name/`): each gets a redirect page (published-ledger.ts). */
      redirects: stringList,
      /** Old heading anchors → the heading (its text or id) that now answers to each (published-ledger.ts). */
      anchors: z.record(z.string(), z.string()).optional(),
    })
    .transform(({ alias, tag, cssclass, ...rest }) => ({
      ...rest,
      aliases: [...rest.aliases, ...alias],
      tags: [...rest.tags, ...tag].map(normaliseTag),
      cssclasses: [...rest.cssclasses, ...cssclass],
    })),
);

export type NoteFrontmatter = z.output<typeof noteFrontmatterSchema>;

/** `#Kubernetes/Networking` → `kubernetes/networking` (Obsidian tags are case-insensitive). */
export function normaliseTag(tag: string): string {
  return tag.replace(/^#/, '').trim().toLowerCase();
}

const versionString = z.union([z.string(), z.number()]).transform(String);

export const TERM_STATUSES = ['current', 'outdated', 'removed'] as const;

/** A glossary entry: one file per term in the vault's glossary folder. */
export const glossaryFrontmatterSchema = z.preprocess(
  withoutEmptyProperties,
  z.looseObject({
    title: z.string().min(1),
    /** One plain-text sentence, shown in previews and on the index. */
    definition: z
      .string({ error: 'Every glossary term needs a `definition`: one plain-text sentence.' })
      .trim()
      .min(1, 'The `definition` is empty: write one plain-text sentence.'),
    aliases: stringList,
    outdatedNames: z
      .array(
        z.object({
          name: z.string().min(1),
          since: versionString.optional(),
          note: z.string().optional(),
        }),
      )
      .default([]),
    /** Misspellings seen in notes: they find the entry, but are never displayed. */
    misspellings: stringList,
    tags: stringList.transform((tags) => tags.map(normaliseTag)),
    related: stringList,
    status: z.enum(TERM_STATUSES).default('current'),
    replacedBy: stringList,
    statusSince: versionString.optional(),
    // A link on the term's page: through the one URL validator, and absolute web URLs only
    // (`z.url()` alone accepts `javascript:` and `data:`, which would run on a click).
    official: z
      .url({ error: '`official` must be the full URL of the official page (https://…).' })
      .refine((url) => safeUrl(url) !== null && /^https?:\/\//i.test(safeUrl(url)!), {
        error: (issue) => `\`official\` must be an http:// or https:// URL; found \`${String(issue.input)}\`.`,
      })
      .optional(),
    verified: z.coerce.date().optional(),
    /** When true, only the exact capitalisation of the title and aliases is linked automatically. */
    caseSensitive: z.boolean().default(false),
    /** `false` turns off automatic linking of this term (explicit links still work). */
    autolink: z.boolean().default(true),
    publish: z.boolean().optional(),
    order: z.number().optional(),
    description: z.string().optional(),
    permalink: z.string().optional(),
    cssclasses: stringList,
    redirects: stringList,
    anchors: z.record(z.string(), z.string()).optional(),
  }),
);

export type GlossaryFrontmatter = z.output<typeof glossaryFrontmatterSchema>;
