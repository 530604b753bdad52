/**
 * The Markdown pipeline: the one place that says which plugins run, in what order, and with
 * which options. `.md` and `.mdx` notes both go through it (Astro's unified processor hands the
 * same lists to @astrojs/mdx). The Atlas stops here: each plugin is given only what it needs
 * (its typed `Options`: an accessor to the current vault index, the base path, a resolver), and
 * never reads the file system. Plugins report problems as messages on the file; each list ends
 * with the collector that hands them to the build's problem log (guard.ts, collect-problems.ts).
 *
 * Astro runs, in order: remark-parse, remark-gfm, [our remark plugins, then the collector],
 * remark-rehype, [our rehype plugins, Shiki first (with `mermaid` and `math` fences excluded),
 * then the collector], its own heading ids (which keep ids we set), and rehype-raw, which this
 * pipeline turns off (see the end of the rehype list).
 *
 * Options are bound here, once per build: what a plugin reads of the vault it reads through
 * `index()` when it runs, so the same instances serve every rebuild of the index in dev.
 */
import { rehypeHeadingIds as astroRehypeHeadingIds, rehypeShiki, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import rehypeRaw from 'rehype-raw';
import remarkBreaks from 'remark-breaks';
import remarkMath from 'remark-math';
import { diagramLinks } from '../diagrams/links.ts';
import { ledgerPlan } from '../integrations/ledger-store.ts';
import type { Atlas } from '../lib/atlas.ts';
import { linkPreview } from '../lib/link-preview.ts';
import { readObsidianAppSettings } from '../lib/obsidian-app-settings.ts';
import { linkResolver } from './link-resolver.ts';
import { rehypeHeadingAnchors } from './rehype-heading-anchors.ts';
import { rehypeHeadingIds } from './rehype-heading-ids.ts';
import { rehypeKeptAnchors } from './rehype-kept-anchors.ts';
import { rehypeDiagrams } from './rehype-diagrams.ts';
import { remarkBlockIds } from './remark-block-ids.ts';
import { remarkCallouts } from './remark-callouts.ts';
import { remarkEmbeds } from './remark-embeds.ts';
import { remarkExternalImages } from './remark-external-images.ts';
import { remarkGlossaryLinks } from './remark-glossary-links.ts';
import { rehypeLinkPreviews } from './rehype-link-previews.ts';
import { hasMath, rehypeMathCheck } from './rehype-math-check.ts';
import { hasNewline, onlyWhen } from './tree-search.ts';
import { rehypeMathScroll } from './rehype-math-scroll.ts';
import { rehypeSafeHtml } from './rehype-safe-html.ts';
import { remarkComments } from './remark-comments.ts';
import { remarkParseOnce } from './remark-parse-once.ts';
import { remarkHighlights } from './remark-highlights.ts';
import { remarkTags } from './remark-tags.ts';
import { remarkWikilinks } from './remark-wikilinks.ts';
import { remarkMarkdownLinks } from './remark-markdown-links.ts';
import { guardPlugins } from './guard.ts';
import { documentOf } from './context.ts';
import type { VFile } from 'vfile';
import { remarkEscapedBrackets } from '../lib/escaped-brackets.ts';
import type { VaultDocument } from '../lib/vault-model.ts';
import type { Root as MdastRoot } from 'mdast';
import { embeddedDocuments } from '../lib/outgoing-links.ts';
import { keepTreeForEmbeds } from './embed-sections.ts';
import type { VaultOptions } from './context.ts';

/**
 * Code highlighting: Shiki with both themes as CSS variables (`defaultColor: false`; the
 * stylesheet picks the theme). Diagram and math fences are rendered by their own plugins.
 * Run as our first rehype plugin rather than through Astro's `syntaxHighlight` option, which
 * would make Astro warn on every build that Shiki's `style` attributes need CSP allowances:
 * the site's policy has that allowance (`style-src-attr`, astro.config.mjs).
 */
export const SHIKI_CONFIG = { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false as const };
export const UNHIGHLIGHTED_LANGUAGES = ['mermaid', 'math'];
// rehypeShiki uses no processor (`this`); typed as a plain function of its two options.
const highlight = rehypeShiki as unknown as (config: typeof SHIKI_CONFIG, excludeLangs: string[]) => (tree: unknown) => Promise<void>;
const rehypeCodeHighlight = () => highlight(SHIKI_CONFIG, UNHIGHLIGHTED_LANGUAGES);

export function atlasPipeline(atlas: Atlas): UnifiedProcessorOptions {
  const { base, vaultDir } = atlas.config;
  // An accessor, not an index: in dev the vault index is rebuilt when the vault changes, and
  // these plugin instances render the next version too.
  const vault = { index: () => atlas.index(), vaultDir };
  // One resolver for both ways of writing a link to a note (link-resolver.ts).
  const resolveLink = linkResolver(atlas);
  // Obsidian's "strict line breaks" setting, off by default: then a single newline is a `<br>`.
  const { strictLineBreaks } = readObsidianAppSettings(vaultDir);
  return {
    // Obsidian does not turn quotes and dashes into typographic ones, and smartypants would
    // rewrite the text inside `[[…]]` before we read it.
    smartypants: false,
    // Every plugin runs guarded (guard.ts): a bug is reported at the note, not thrown. The
    // guard ends the list with the collector (collect-problems.ts): after every plugin of the
    // list, so it sees all their messages, and before the rehype stage, so they reach the
    // problem log even if a later step throws.
    remarkPlugins: guardPlugins(atlas, [
      // The parser takes the tree the vault index parsed from the same text, if it holds one
      // (remark-parse-once.ts): every note is parsed once, not twice. A note that another note
      // embeds leaves a copy for its embeds (embed-sections.ts), which would parse it again.
      [remarkParseOnce, { taken: (tree: Readonly<MdastRoot>, file: VFile) => keepForEmbeds(vault, tree, file) }],
      // A parser extension (no transformer), so its place in the list does not matter: it
      // keeps `\[` and `\]` out of text nodes, so `\[\[x\]\]` is never read as a link. The
      // vault index parses with it too (lib/markdown-parser.ts).
      remarkEscapedBrackets,
      // Comments before everything (only `.mdx` notes still have them here): a commented-out
      // `[[link]]` or `![[embed]]` must be neither resolved nor reported.
      remarkComments,
      // Images from other hosts before embeds, so embeds and Markdown images only ever see the
      // vault's own files: a link by default, images with `externalImages: true`.
      [remarkExternalImages, { show: atlas.config.externalImages }],
      // Embeds next: `![[…]]` must not be read as `!` + a link, and embedded content then
      // goes through every later plugin like the note's own.
      [remarkEmbeds, { ...vault, base }],
      // Wikilinks after embeds: `![[…]]` must not be read as `!` + a link.
      [remarkWikilinks, { ...vault, resolveLink }],
      // Markdown links to notes right after wikilinks: they share the resolver, and the links
      // wikilinks and embeds made (which carry properties) are told apart from the author's.
      // Before callouts and glossary links for the same reasons as wikilinks.
      [remarkMarkdownLinks, { ...vault, resolveLink }],
      // Callouts after wikilinks: they regroup the paragraph's inline nodes into title and
      // body, so links are made (and problems placed) on the parser's untouched text nodes.
      remarkCallouts,
      // Highlights after embeds and wikilinks, so a `==` never splits the text of a `[[…]]`
      // before it is read; after callouts, so one cannot span a callout's title and body.
      remarkHighlights,
      // Tags after wikilinks (the `#` of `[[Note#Heading]]` is inside a link by then) and
      // before glossary links (a tag is a link, so no term is linked inside it).
      [remarkTags, { index: vault.index, base }],
      // `$…$` and `$$…$$`. Its syntax reaches the parser wherever it is listed; the vault
      // index parses with it too (lib/markdown-parser.ts), so both read the same formulas.
      remarkMath,
      // After embeds, so a block embedded by `![[Note#^id]]` still has its marker to find.
      remarkBlockIds,
      // Last: term mentions are linked only in text no other plugin has turned into a link,
      // a tag or code, and after explicit links are known (those terms are not linked twice).
      [remarkGlossaryLinks, { ...vault, base }],
      // Single newlines → `<br>` (unless the vault has strict line breaks), after every plugin
      // that reads a paragraph's text across lines: callout titles end at the first newline,
      // and a block id (`…\n^id`) or a term's name may follow one.
      // Only a note whose text holds a newline has one to turn (remark-breaks finds and replaces
      // newlines in text nodes, nothing else); the walk of every other note is skipped.
      ...(strictLineBreaks ? [] : [onlyWhen(hasNewline, remarkBreaks)]),
    ]) as UnifiedProcessorOptions['remarkPlugins'],
    // Guarded and collected the same way. Astro's own steps after the collector (heading ids,
    // rehype-raw) report nothing.
    rehypePlugins: guardPlugins(atlas, [
      // Code blocks first, as Astro's own highlighting would run: before anything else reads
      // or adds markup.
      rehypeCodeHighlight,
      // Then: the note's raw HTML is parsed and made safe before any plugin adds markup of its
      // own, which therefore never has to fit the sanitizer's schema (KaTeX, diagrams, anchors,
      // previews). Ids survive it unprefixed, so the heading ids below may come after it.
      rehypeSafeHtml,
      // Before Astro's heading ids: every heading takes the id the vault index gave it.
      [rehypeHeadingIds, { headingsOf: (file: VFile) => documentOf(vault, file)?.headings }],
      // Right after the ids it maps from: a reworded heading keeps its old anchor too
      // (lib/published-ledger.ts). Embedded headings have prefixed ids and are never matched.
      [rehypeKeptAnchors, { ...vault, keptAnchors: (doc: VaultDocument) => ledgerPlan(atlas).keptAnchors.get(doc.path) }],
      // Math after the sanitizer (KaTeX's output would need a huge schema; KaTeX itself is
      // safe: its `trust` option is off, so `\href` and `\htmlClass` make no links or
      // attributes) and after the heading ids, which come from the TeX source as the vault
      // index computes them. The check reports bad TeX; rehype-katex never throws and renders
      // KaTeX's visible error marker instead (it sets `throwOnError` itself, so it takes none),
      // and a message of its own that the collector leaves alone (not ours: messages.ts).
      rehypeMathCheck,
      // Only for notes with math: rehype-katex walks every element of every note to find none.
      onlyWhen(hasMath, rehypeKatex),
      // Right after KaTeX: its display formulas scroll on their own, so the keyboard reaches them.
      rehypeMathScroll,
      // Diagrams after the heading ids (it adds no headings) and before link previews, so a
      // diagram box that links to a term gets the same preview as a link in the text.
      [rehypeDiagrams, { ...vault, links: (from: VaultDocument | undefined) => diagramLinks(atlas, from) }],
      // After the ids exist; the "#" it adds is not part of any heading's text before this.
      rehypeHeadingAnchors,
      // Last: every term and note link exists by now, explicit or automatic.
      [rehypeLinkPreviews, { index: vault.index, preview: (id: string, target: VaultDocument, outdated: string | undefined) => linkPreview(atlas, id, target, outdated) }],
    ]).concat([
      // Astro's own last step, rehype-raw, turned off (unified keeps one entry per plugin, and
      // `false` turns it off; Astro's later `use(rehypeRaw)` passes no options, so it stays
      // off). Its only work is raw HTML, which rehypeSafeHtml has already parsed (and made
      // safe), and no later plugin makes any; yet it took every note through parse5 and back:
      // 0.35 ms a note, 3.5 s of a 10,000-note build. MDX, which has no rehype-raw, is unchanged.
      [rehypeRaw, false],
      // Astro's heading-id pass, off the same way: rehypeHeadingIds (ours, above) has given every
      // heading its id, so Astro's would only collect `headings` into each entry's metadata,
      // which no page reads (the table of contents reads the index's headings); it walked every
      // node of every note twice over, 0.5 s of a 10,000-note build.
      [astroRehypeHeadingIds, false],
    ]) as UnifiedProcessorOptions['rehypePlugins'],
  };
}

/** A note that another note embeds keeps a copy of its tree for those embeds (embed-sections.ts). */
function keepForEmbeds(vault: VaultOptions, tree: Readonly<MdastRoot>, file: VFile): void {
  const doc = documentOf(vault, file);
  if (doc && embeddedDocuments(vault.index()).has(doc)) keepTreeForEmbeds(doc, tree);
}
