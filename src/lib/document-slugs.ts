/**
 * URLs of documents: a note's comes from its path (or its `permalink`), a glossary term's is
 * `glossary/<file name>`.
 *
 * A `permalink` asks for an address; it cannot take one that is already another note's (by its
 * path), a term's, or a folder's index page. That is an error at the `permalink:` line of the
 * note that asks, naming the other side; the asking note keeps the URL of its path, so nothing
 * is lost and the innocent note keeps its own. The permalink itself was validated by its
 * schema (schemas.ts: characters, length, the site's own routes).
 *
 * Two notes whose paths give one URL (`A b.md` and `a-b.md`), or a note whose path is a route
 * the site owns (`Search.md`), cannot be fixed by keeping a URL: the later one is published at
 * `<slug>-2` and the problem says so, at its first line.
 */
import { basename, dirname, slugFromPermalink, slugFromVaultPath, slugifySegment, stripMarkdownExtension, type Slug } from './paths.ts';
import type { Problem } from './problems.ts';
import { siteRouteOf } from './site-routes.ts';
import type { VaultDocument } from './vault-model.ts';

export function assignSlugs(documents: VaultDocument[], problems: Problem[]): void {
  const owners = new Map<string, VaultDocument>();
  const folders = folderSlugs(documents);
  const place = (doc: VaultDocument, slug: string) => {
    owners.set(slug, doc);
    doc.slug = slug as Slug;
  };

  // Unpublished notes have no page; their slug only names them.
  for (const doc of documents) if (!doc.publish) doc.slug = (doc.permalink && doc.kind === 'note' ? slugFromPermalink(doc.permalink) : ownSlug(doc)) as Slug;

  // First every URL that comes from a path, so a permalink never takes one away.
  for (const doc of documents) {
    if (!doc.publish || (doc.kind === 'note' && doc.permalink)) continue;
    const slug = ownSlug(doc);
    const other = owners.get(slug);
    const route = doc.kind === 'note' ? siteRouteOf(slug) : undefined;
    // Only the route itself: a note in a vault folder called `Files/` keeps `files/<note>`.
    if (!other && !(route && route.path === slug)) {
      place(doc, slug);
      continue;
    }
    const fallback = freeSlug(slug, owners);
    problems.push({
      file: doc.path,
      line: 1,
      column: 1,
      ruleId: 'permalink-conflict',
      severity: 'error',
      message: other
        ? `\`${doc.path}\` and \`${other.path}\` both get the URL \`/${slug}/\` from their names; this note is published at \`/${fallback}/\` instead.`
        : `The URL \`/${slug}/\` of \`${doc.path}\` is ${route!.owner}; this note is published at \`/${fallback}/\` instead.`,
      suggestion: 'Rename the note, or give it a `permalink` in its frontmatter.',
    });
    place(doc, fallback);
  }

  // Then the permalinks, in path order: the first note to ask for an address gets it.
  for (const doc of documents) {
    if (!doc.publish || doc.kind !== 'note' || !doc.permalink) continue;
    const slug = slugFromPermalink(doc.permalink);
    const other = owners.get(slug);
    const folder = folders.get(slug);
    if (!other && folder === undefined) {
      place(doc, slug);
      continue;
    }
    const own = ownSlug(doc);
    const fallback = owners.has(own) ? freeSlug(own, owners) : own;
    problems.push({
      file: doc.path,
      line: doc.lineOfKey('permalink'),
      column: 1,
      ruleId: 'permalink-conflict',
      severity: 'error',
      message: `\`permalink: ${doc.permalink}\` asks for \`/${slug}/\`, which is ${
        other
          ? `already the URL of \`${other.path}\`${other.permalink ? ' (its own `permalink`)' : ''}`
          : `the index page of the folder \`${folder}\``
      }; this note is published at \`/${fallback}/\` instead.`,
      suggestion: other
        ? `Choose another permalink, or remove it to use the note's own URL \`/${own}/\`.`
        : `Choose another permalink (a note at \`/${slug}/\` would hide the folder's list of notes), or remove it to use \`/${own}/\`.`,
    });
    place(doc, fallback);
  }
}

/** The URL a document gets from its path: `glossary/<file name>` for terms. */
function ownSlug(doc: VaultDocument): string {
  return doc.kind === 'term' ? `glossary/${slugifySegment(basename(stripMarkdownExtension(doc.path)))}` : slugFromVaultPath(doc.path);
}

/**
 * The folders that get an index page (see navigation.ts `folderPages`): every folder holding
 * a published note, slug → folder path.
 */
function folderSlugs(documents: VaultDocument[]): Map<string, string> {
  const folders = new Map<string, string>();
  for (const doc of documents) {
    const folder = dirname(doc.path);
    if (doc.kind === 'note' && doc.publish && folder) folders.set(slugFromVaultPath(folder), folder);
  }
  return folders;
}

function freeSlug(slug: string, owners: Map<string, VaultDocument>): string {
  let n = 2;
  while (owners.has(`${slug}-${n}`)) n += 1;
  return `${slug}-${n}`;
}
