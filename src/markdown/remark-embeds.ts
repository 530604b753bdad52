/**
 * Obsidian embeds, `![[…]]`:
 * - images (`|300`, `|300x200` sizes, `|alt text`), found by name anywhere in the vault;
 * - audio, video and PDF as the browser's own elements; any other file type gets a visible
 *   "cannot embed" marker with a link to the file;
 * - notes: `![[Note]]` (all of it), `![[Note#Heading]]` (that section, up to the next heading
 *   of the same or a higher level), `![[Note#^block]]` (that block). Embeds nest; a cycle
 *   (A embeds B embeds A) is reported and cut with a marker.
 *
 * Runs before `remark-wikilinks`, so `![[…]]` is never read as `!` + a link, and so that
 * links inside embedded content are resolved by the later plugins like any other.
 */
import type { Heading, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { BLOCK_ID_ALONE, BLOCK_ID_AT_END } from '../lib/block-ids.ts';
import { headingKey, renderedHeadingText } from '../lib/headings.ts';
import { parseMarkdown } from '../lib/markdown-parser.ts';
import { mediaKindOf } from '../lib/media.ts';
import { attachmentHref, basename, hrefFor } from '../lib/paths.ts';
import { headingSuggestions, resolveTarget } from '../lib/resolve.ts';
import type { Attachment, VaultDocument } from '../lib/vault-index.ts';
import { parseWikilinkInner, replaceWikilinksWithText, wikilinkDisplayText, type Wikilink } from '../lib/wikilink-syntax.ts';
import { documentOf, EMBEDDED_FROM, report, type PluginOptions } from './context.ts';
import { element, missingMarker, positionInText, text } from './mdast-helpers.ts';

/** Deeper than this, an embed chain is surely a mistake; it is cut like a cycle. */
const MAX_DEPTH = 12;

type Problem = Parameters<typeof report>[3];

/** A placeholder left in a paragraph, lifted out to block level once all embeds are found. */
interface EmbedBlock {
  type: 'atlasEmbedBlock';
  children: RootContent[];
  data: Record<string, unknown>;
}

export function remarkEmbeds({ atlas }: PluginOptions) {
  return (tree: Root, file: VFile) => {
    const host = documentOf(atlas, file);
    const problemAt = (node: Nodes | undefined, stack: Nodes[]) => (problem: Problem) => report(atlas, file, node, problem, stack);
    expandEmbeds(tree, host, host ? [embedKey(host)] : [], 0, problemAt);
  };

  function expandEmbeds(
    tree: Root | Parent,
    from: VaultDocument | undefined,
    chain: string[],
    depth: number,
    problemAt: (node: Nodes | undefined, stack: Nodes[]) => (problem: Problem) => void,
  ): void {
    findAndReplace(
      tree as Root,
      [
        [
          // `![[`, the inside (no brackets or newlines, lazily), `]]`.
          /!\[\[([^[\]\n]+?)\]\]/g,
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

  function embed(
    link: Wikilink,
    from: VaultDocument | undefined,
    chain: string[],
    depth: number,
    problem: (p: Problem) => void,
  ): PhrasingContent | EmbedBlock {
    const index = atlas.index();
    const display = wikilinkDisplayText(link);
    if (!link.target && !link.block && link.headingPath.length === 0) return text(link.raw);
    const target = link.target ? resolveTarget(index, from, link.target) : from ? ({ kind: 'document', document: from } as const) : undefined;
    if (!target || target.kind === 'missing') {
      problem({
        ruleId: 'embed-unresolved',
        message: `Cannot embed \`${link.raw}\`: no note or file named \`${link.target}\`.`,
        suggestion: target?.suggestions.length
          ? `Did you mean ${target.suggestions.map((s) => `\`![[${s}]]\``).join(' or ')}?`
          : 'Add the file to the vault, or fix the name.',
      });
      return missingMarker(display, 'missing embed', 'embed-unresolved');
    }
    if (target.kind === 'attachment') return embedFile(target.attachment, link, problem);

    const doc = target.document;
    if (!doc.publish) {
      problem({
        severity: 'warning',
        ruleId: 'wikilink-unpublished',
        message: `\`${link.raw}\` embeds \`${doc.path}\`, which is not published (\`publish: false\`); nothing is shown.`,
        suggestion: 'Publish the note, or remove the embed.',
      });
      return text('');
    }
    const key = embedKey(doc, link);
    if (chain.includes(key) || depth >= MAX_DEPTH) {
      problem({
        ruleId: 'embed-cycle',
        message: `\`${link.raw}\` would embed itself: ${[...chain, key].join(' → ')}.`,
        suggestion: 'Replace one embed in the chain with a link (drop the `!`).',
      });
      return missingMarker(display, 'embed cycle', 'embed-cycle');
    }
    const content = sectionOf(doc, link, problem);
    if (!content) return missingMarker(display, 'missing section', link.block ? 'block-unresolved' : 'heading-unresolved');
    const wrapper: EmbedBlock = {
      type: 'atlasEmbedBlock',
      children: content,
      data: {
        [EMBEDDED_FROM]: doc.path,
        hName: 'div',
        hProperties: { className: ['atlas-embed'], dataEmbedSource: doc.slug },
      },
    };
    // Embeds inside the embedded content; problems there belong to that note, not this one.
    expandEmbeds(wrapper as unknown as Parent, doc, [...chain, key], depth + 1, () => () => undefined);
    wrapper.children.unshift({
      type: 'paragraph',
      data: { hProperties: { className: ['atlas-embed-title'] } },
      children: [{ type: 'link', url: hrefFor(atlas.config.base, doc.slug, fragmentOf(doc, link)), children: [text(embedTitle(doc, link))] }],
    });
    return wrapper;
  }

  function embedFile(attachment: Attachment, link: Wikilink, problem: (p: Problem) => void): PhrasingContent {
    const src = attachmentHref(atlas.config.base, attachment.path);
    const name = basename(attachment.path);
    const { alt, width, height } = parseEmbedLabel(link.label);
    switch (mediaKindOf(attachment.path)) {
      case 'image':
        return element('img', { src, alt: alt ?? name.replace(/\.[^.]+$/, ''), width, height, loading: 'lazy', decoding: 'async', className: ['atlas-embed-image'] });
      case 'audio':
        return element('audio', { src, controls: true, preload: 'metadata', className: ['atlas-embed-audio'], ariaLabel: alt ?? name }, [
          { type: 'link', url: src, children: [text(`Download ${name}`)] },
        ]);
      case 'video':
        return element('video', { src, controls: true, preload: 'metadata', width, height, className: ['atlas-embed-video'], ariaLabel: alt ?? name }, [
          { type: 'link', url: src, children: [text(`Download ${name}`)] },
        ]);
      case 'pdf':
        return element('iframe', { src, title: alt ?? name, loading: 'lazy', className: ['atlas-embed-pdf'], width, height });
      default:
        problem({
          severity: 'warning',
          ruleId: 'embed-unsupported',
          message: `\`${link.raw}\`: a \`${name.split('.').pop()}\` file cannot be shown in a page; it is linked instead.`,
          suggestion: 'Use a link (`[[…]]`) for files that browsers cannot display.',
        });
        return element('span', { className: ['atlas-embed-unsupported'] }, [
          { type: 'link', url: src, children: [text(name)] },
          element('span', { className: ['atlas-embed-note'] }, [text(' (cannot be embedded; download it)')]),
        ]);
    }
  }
}

/** `![[Note]]`, `![[Note#Heading]]` and `![[Note#^id]]` are different embeds of one note. */
function embedKey(doc: VaultDocument, link?: Wikilink): string {
  if (link?.block) return `${doc.path}#^${link.block}`;
  if (link?.headingPath.length) return `${doc.path}#${link.headingPath.join('#')}`;
  return doc.path;
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

/** `300`, `300x200`, `alt text`, `alt text|300` (Obsidian accepts alt and size, in either order). */
export function parseEmbedLabel(label: string | undefined): { alt?: string; width?: number; height?: number } {
  const result: { alt?: string; width?: number; height?: number } = {};
  for (const part of (label ?? '').split('|').map((p) => p.trim()).filter(Boolean)) {
    const size = /^(\d+)(?:x(\d+))?$/.exec(part);
    if (size) {
      result.width = Number(size[1]);
      if (size[2]) result.height = Number(size[2]);
    } else result.alt = part;
  }
  return result;
}

/** The mdast of what `![[Note…]]` shows: the whole note, one section, or one block. */
function sectionOf(doc: VaultDocument, link: Wikilink, problem: (p: Problem) => void): RootContent[] | undefined {
  const tree = parseMarkdown(doc.body, doc.format);
  stripMdx(tree);
  if (link.block) {
    const block = findBlock(tree, link.block);
    if (!block) {
      problem({
        ruleId: 'block-unresolved',
        message: `Cannot embed \`${link.raw}\`: \`${doc.path}\` has no block \`^${link.block}\`.`,
        suggestion: doc.blocks.size ? `Its blocks are ${[...doc.blocks.keys()].slice(0, 5).map((b) => `\`^${b}\``).join(', ')}.` : `Add \` ^${link.block}\` at the end of the paragraph you mean.`,
      });
    }
    return block ? [block] : undefined;
  }
  const wanted = link.headingPath.at(-1);
  if (!wanted) return tree.children;
  const children = tree.children;
  const start = children.findIndex(
    (node) => node.type === 'heading' && headingKey(renderedHeadingText(toString(node), replaceWikilinksWithText)) === headingKey(wanted),
  );
  if (start === -1) {
    const close = headingSuggestions(doc, wanted);
    problem({
      ruleId: 'heading-unresolved',
      message: `Cannot embed \`${link.raw}\`: \`${doc.path}\` has no heading \`${wanted}\`.`,
      suggestion: close.length ? `Did you mean ${close.map((h) => `\`![[${link.target}#${h}]]\``).join(' or ')}?` : undefined,
    });
    return undefined;
  }
  const depth = (children[start] as Heading).depth;
  let end = start + 1;
  while (end < children.length && !(children[end]!.type === 'heading' && (children[end] as Heading).depth <= depth)) end += 1;
  return children.slice(start, end);
}

/** The block that `^id` names: a paragraph or list item ending with it, or the block before a lone `^id`. */
function findBlock(tree: Root, id: string): RootContent | undefined {
  let found: RootContent | undefined;
  visit(tree, (node, index, parent) => {
    if (found || node.type !== 'paragraph' || !parent || index === undefined) return;
    const value = toString(node);
    const alone = BLOCK_ID_ALONE.exec(value);
    if (alone?.[1] === id) {
      found = (parent.children[index - 1] as RootContent | undefined) ?? node;
      return;
    }
    if (BLOCK_ID_AT_END.exec(value)?.[1] === id) found = parent.type === 'listItem' ? { type: 'list', ordered: false, spread: false, children: [parent] } : node;
  });
  return found;
}

/** MDX code (import/export, expressions, components) is meaningless outside its own note. */
function stripMdx(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression'].includes(node.type)) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

/**
 * Embeds of notes are blocks, but `![[…]]` sits inside a paragraph. Split the paragraph around
 * each one: text before, the embed, text after (Obsidian shows it the same way).
 */
function liftBlocks(tree: Root | Parent): void {
  visit(tree, 'paragraph', (paragraph: Paragraph, index, parent) => {
    if (!parent || index === undefined) return;
    if (!paragraph.children.some((c) => (c as Nodes).type === ('atlasEmbedBlock' as never))) return;
    const replacement: Nodes[] = [];
    let run: PhrasingContent[] = [];
    const flush = () => {
      if (run.some((c) => !(c.type === 'text' && !c.value.trim()))) replacement.push({ type: 'paragraph', children: run });
      run = [];
    };
    for (const child of paragraph.children) {
      if ((child as Nodes).type === ('atlasEmbedBlock' as never)) {
        flush();
        replacement.push(child as never);
      } else run.push(child);
    }
    flush();
    parent.children.splice(index, 1, ...(replacement as never[]));
    return index + replacement.length;
  });
}
