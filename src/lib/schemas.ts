/**
 * Frontmatter schemas, shared by the vault index and the content collections
 * (`src/content.config.ts`), so that both sides agree on what a valid note is.
 * Types are derived from the schemas, never written twice.
 */
import { z } from 'zod';

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
export const noteFrontmatterSchema = z
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
    permalink: z.string().min(1).optional(),
    cssclasses: stringList,
    cssclass: stringList,
    /** Obsidian Publish: `false` keeps the note out of the site and out of search. */
    publish: z.boolean().optional(),
    /** Position in the sidebar within its folder (lower first); then by title. */
    order: z.number().optional(),
    /** Old URL paths of this note (`/old-name/`): each gets a redirect page (published-ledger.ts). */
    redirects: stringList,
  })
  .transform(({ alias, tag, cssclass, ...rest }) => ({
    ...rest,
    aliases: [...rest.aliases, ...alias],
    tags: [...rest.tags, ...tag].map(normaliseTag),
    cssclasses: [...rest.cssclasses, ...cssclass],
  }));

export type NoteFrontmatter = z.output<typeof noteFrontmatterSchema>;

/** `#Kubernetes/Networking` → `kubernetes/networking` (Obsidian tags are case-insensitive). */
export function normaliseTag(tag: string): string {
  return tag.replace(/^#/, '').trim().toLowerCase();
}

const versionString = z.union([z.string(), z.number()]).transform(String);

export const TERM_STATUSES = ['current', 'outdated', 'removed'] as const;

/** A glossary entry: one file per term in the vault's glossary folder. */
export const glossaryFrontmatterSchema = z
  .looseObject({
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
    official: z.url({ error: '`official` must be the full URL of the official page (https://…).' }).optional(),
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
  });

export type GlossaryFrontmatter = z.output<typeof glossaryFrontmatterSchema>;
