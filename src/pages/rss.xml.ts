/**
 * An RSS feed of the notes, in reading order. Notes carry no dates unless the author adds
 * `date` (or `created`) to the frontmatter; file times are not used, so two builds of the same
 * vault give the same feed. Each item's description is the note's summary (vault index).
 */
import rss from '@astrojs/rss';
import { escapeUTF8 } from 'entities';
import type { APIRoute } from 'astro';
import { getAtlas } from '../lib/atlas.ts';
import { readingOrder } from '../lib/navigation.ts';
import { hrefFor } from '../lib/paths.ts';

export const GET: APIRoute = (context) => {
  const atlas = getAtlas();
  const notes = readingOrder(atlas.index());
  return rss({
    title: atlas.config.title,
    description: atlas.config.description || atlas.config.title,
    site: context.site ?? atlas.config.site,
    items: notes.map((note) => {
      const pubDate = note.date;
      return {
        title: note.title,
        link: hrefFor(atlas.config.base, note.slug),
        // Feed readers read `<description>` as HTML: the note's plain-text summary, escaped,
        // so a `<` in it is a character there too, never markup that runs.
        description: escapeUTF8(note.summary),
        categories: note.tags,
        ...(pubDate && !Number.isNaN(pubDate.getTime()) ? { pubDate } : {}),
      };
    }),
  });
};
