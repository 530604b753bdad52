/**
 * URLs of documents: a note's comes from its path (or its `permalink`), a glossary term's is
 * `glossary/<file name>`. Two documents with one URL, or a note taking a URL the site owns
 * (`/glossary/`, `/tags/`, …), is reported; the later one gets a `-2` suffix, so nothing is lost.
 */
import { basename, slugFromPermalink, slugFromVaultPath, slugifySegment, stripMarkdownExtension, type Slug } from './paths.ts';
import type { Problem } from './problems.ts';
import type { VaultDocument } from './vault-index.ts';

/** Routes the site owns; a note cannot take these slugs. */
const RESERVED_SLUGS = new Set(['', 'glossary', 'tags', 'search', '404', 'files', 'pagefind', '_astro', 'map']);

export function assignSlugs(documents: VaultDocument[], problems: Problem[]): void {
  const taken = new Map<string, VaultDocument>();
  for (const doc of documents) {
    const permalink = typeof doc.frontmatter.permalink === 'string' ? doc.frontmatter.permalink : undefined;
    let slug: string =
      doc.kind === 'term'
        ? `glossary/${slugifySegment(basename(stripMarkdownExtension(doc.path)))}`
        : permalink
          ? slugFromPermalink(permalink)
          : slugFromVaultPath(doc.path);
    if (!doc.publish) {
      doc.slug = slug as Slug;
      continue;
    }
    const clash = taken.get(slug) ?? (RESERVED_SLUGS.has(slug) ? 'reserved' : undefined);
    if (clash) {
      let n = 2;
      while (taken.has(`${slug}-${n}`)) n += 1;
      problems.push({
        file: doc.path,
        line: 1,
        column: 1,
        ruleId: 'permalink-conflict',
        severity: 'error',
        message:
          clash === 'reserved'
            ? `The URL \`/${slug}/\` belongs to the site itself; this note was published at \`/${slug}-${n}/\`.`
            : `The URL \`/${slug}/\` is also the URL of \`${clash.path}\`; this note was published at \`/${slug}-${n}/\`.`,
        suggestion: 'Rename the note or set a different `permalink` in its frontmatter.',
      });
      slug = `${slug}-${n}`;
    }
    taken.set(slug, doc);
    doc.slug = slug as Slug;
  }
}
