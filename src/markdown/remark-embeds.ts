/**
 * Obsidian embeds, `![[…]]`. This module finds them and puts in what they show; each part of
 * the job has its own module:
 * - what an embed names, and whether it may be shown (embed-targets.ts): a path out of the
 *   vault, a missing or unpublished note, a cycle (A embeds B embeds A) and a chain deeper than
 *   `LIMITS.embedDepth` are cut with a marker (embed-markers.ts);
 * - vault files (embed-media.ts): images (`|300`, `|300x200` sizes, `|alt text`, embed-label.ts),
 *   audio, video and PDF as the browser's own elements, other types linked;
 * - notes: `![[Note]]` (all of it), `![[Note#Heading]]` (that section, up to the next heading
 *   of the same or a higher level), `![[Note#^block]]` (that block), see embed-sections.ts.
 *   The embedded content is a block, lifted out of its paragraph (embed-blocks.ts). Embeds
 *   nest; a problem at any depth is reported at the embed in the note being built ("inside the
 *   embedded `B.md`: …"), since that is the page that shows it;
 * - standard Markdown images and links to vault files (local-paths.ts).
 *
 * Runs before `remark-wikilinks`, so `![[…]]` is never read as `!` + a link, and so that
 * links inside embedded content are resolved by the later plugins like any other.
 */
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import type { VFile } from 'vfile';
import { headingKey } from '../lib/headings.ts';
import { hrefFor } from '../lib/paths.ts';
import type { VaultDocument } from '../lib/vault-model.ts';
import { EMBED_PATTERN, parseWikilinkInner, wikilinkDisplayText, type Wikilink } from '../lib/wikilink-syntax.ts';
import { documentOf, EMBEDDED_FROM, type VaultOptions } from './context.ts';
import { liftBlocks, type EmbedBlock } from './embed-blocks.ts';
import { embedFile } from './embed-media.ts';
import { embedMarker } from './embed-markers.ts';
import { sectionOf } from './embed-sections.ts';
import { embedKey, embedTarget } from './embed-targets.ts';
import { resolveLocalPaths } from './local-paths.ts';
import { positionInText, text } from './mdast-helpers.ts';
import { hasText } from './tree-search.ts';
import { fileMessage, type ContentProblem, type Reporter } from './messages.ts';

// Kept here for its callers (and its tests) from before embed-label.ts.
export { parseEmbedLabel } from './embed-label.ts';

export interface EmbedsOptions extends VaultOptions {
  /** The site's base path, which every page and file address starts with. Default: `'/'`. */
  base?: string;
}

/** A reporter for problems at `node`, found under `stack`. */
type ReporterAt = (node: Nodes | undefined, stack: Nodes[]) => Reporter;

export function remarkEmbeds(options: EmbedsOptions) {
  const { base = '/' } = options;
  return (tree: Root, file: VFile) => {
    const host = documentOf(options, file);
    const problemAt: ReporterAt = (node, stack) => (problem) => fileMessage(file, node, problem, stack);
    expandEmbeds(tree, host, host ? [embedKey(host)] : [], 0, problemAt);
  };

  function expandEmbeds(tree: Root | Parent, from: VaultDocument | undefined, chain: string[], depth: number, problemAt: ReporterAt): void {
    // Pictures and links first: embedded content added below has had its own pass already.
    resolveLocalPaths(tree as Root, options.index(), from, base, problemAt);
    // An embed is found inside one text node: without `![[` in any, there is nothing to expand or lift.
    if (!hasText(tree, '![[')) return;
    findAndReplace(
      tree as Root,
      [
        [
          // A copy for each pass: a nested embed runs a pass inside this one, and a global
          // pattern keeps its place in `lastIndex`.
          new RegExp(EMBED_PATTERN),
          (raw: string, inner: string, match: RegExpMatchObject) => {
            const textNode = match.stack.at(-1)!;
            const position = positionInText(textNode, match.input, match.index, raw.length);
            const problem = problemAt({ type: 'text', value: raw, position }, match.stack as Nodes[]);
            return embed(parseWikilinkInner(inner, true, raw), from, chain, depth, problem) as PhrasingContent;
          },
        ],
      ],
      { ignore: ['link', 'linkReference', 'inlineCode', 'code', 'html', 'inlineMath', 'math'] },
    );
    liftBlocks(tree);
  }

  function embed(link: Wikilink, from: VaultDocument | undefined, chain: string[], depth: number, problem: Reporter): PhrasingContent | EmbedBlock {
    const target = embedTarget(options.index(), link, from, chain, depth, problem);
    if (target.kind === 'shown') return target.node;
    if (target.kind === 'file') return embedFile(target.attachment, link, base, problem);
    return embedNote(target.doc, target.key, link, chain, depth, problem);
  }

  function embedNote(doc: VaultDocument, key: string, link: Wikilink, chain: string[], depth: number, problem: Reporter): PhrasingContent | EmbedBlock {
    const content = sectionOf(doc, link, problem);
    if (!content) {
      const display = wikilinkDisplayText(link);
      return link.block
        ? embedMarker(display, `no block \`^${link.block}\` in ${doc.title}`, 'add the block id or fix the link', 'block-unresolved')
        : embedMarker(display, `no heading \`${link.headingPath.at(-1)}\` in ${doc.title}`, 'fix the heading name', 'heading-unresolved');
    }
    const wrapper: EmbedBlock = {
      type: 'atlasEmbedBlock',
      children: content,
      data: {
        [EMBEDDED_FROM]: doc.path,
        hName: 'div',
        hProperties: { className: ['atlas-embed'], dataEmbedSource: doc.slug },
      },
    };
    // Embeds inside the embedded content. Their problems are reported here, at this embed:
    // the page being built is the one that shows them (the embedded note's own page reports
    // them at their own lines too).
    const inside = (p: ContentProblem) => problem({ ...p, message: `Inside the embedded \`${doc.path}\`: ${p.message}` });
    expandEmbeds(wrapper as unknown as Parent, doc, [...chain, key], depth + 1, () => inside);
    wrapper.children.unshift({
      type: 'paragraph',
      data: { hProperties: { className: ['atlas-embed-title'] } },
      children: [{ type: 'link', url: hrefFor(base, doc.slug, fragmentOf(doc, link)), children: [text(embedTitle(doc, link))] }],
    });
    return wrapper;
  }
}

function embedTitle(doc: VaultDocument, link: Wikilink): string {
  const heading = link.headingPath.at(-1);
  return heading ? `${doc.title} › ${heading}` : doc.title;
}

function fragmentOf(doc: VaultDocument, link: Wikilink): string | undefined {
  if (link.block) return `^${link.block}`;
  const key = link.headingPath.at(-1);
  return key ? doc.headings.find((h) => h.key === headingKey(key))?.slug : undefined;
}
