/**
 * The Markdown pipeline: the one place that says which plugins run, and in what order.
 * `.md` and `.mdx` notes both go through it (Astro's unified processor hands the same lists
 * to @astrojs/mdx). Every plugin is given the Atlas (vault index + problem log) and never
 * reads the file system.
 *
 * Astro runs, in order: remark-parse, remark-gfm, [our remark plugins], remark-rehype,
 * Shiki (with `mermaid` and `math` fences excluded), [our rehype plugins], its own heading
 * ids (which keep ids we set), rehype-raw.
 */
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import type { Atlas } from '../lib/atlas.ts';
import { rehypeHeadingAnchors } from './rehype-heading-anchors.ts';
import { rehypeHeadingIds } from './rehype-heading-ids.ts';
import { remarkBlockIds } from './remark-block-ids.ts';
import { remarkCallouts } from './remark-callouts.ts';
import { remarkEmbeds } from './remark-embeds.ts';
import { remarkGlossaryLinks } from './remark-glossary-links.ts';
import { rehypeLinkPreviews } from './rehype-link-previews.ts';
import { remarkWikilinks } from './remark-wikilinks.ts';

export function atlasPipeline(atlas: Atlas): UnifiedProcessorOptions {
  const options = { atlas };
  return {
    // Obsidian does not turn quotes and dashes into typographic ones, and smartypants would
    // rewrite the text inside `[[…]]` before we read it.
    smartypants: false,
    remarkPlugins: [
      // Embeds first: `![[…]]` must not be read as `!` + a link, and embedded content then
      // goes through every later plugin like the note's own.
      [remarkEmbeds, options],
      // Wikilinks after embeds: `![[…]]` must not be read as `!` + a link.
      [remarkWikilinks, options],
      // Callouts after wikilinks: they regroup the paragraph's inline nodes into title and
      // body, so links are made (and problems placed) on the parser's untouched text nodes.
      [remarkCallouts, options],
      // After embeds, so a block embedded by `![[Note#^id]]` still has its marker to find.
      remarkBlockIds,
      // Last: term mentions are linked only in text no other plugin has turned into a link,
      // a tag or code, and after explicit links are known (those terms are not linked twice).
      [remarkGlossaryLinks, options],
    ],
    rehypePlugins: [
      // Before Astro's heading ids, so anchors match the ones the vault index computed.
      rehypeHeadingIds,
      // After the ids exist; the "#" it adds is not part of any heading's text before this.
      rehypeHeadingAnchors,
      // Last: every term and note link exists by now, explicit or automatic.
      [rehypeLinkPreviews, options],
    ],
  };
}
