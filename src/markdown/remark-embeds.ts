/**
 * Obsidian embeds, `![[…]]`:
 * - images (`|300`, `|300x200` sizes, `|alt text`), found by name anywhere in the vault;
 * - audio, video and PDF as the browser's own elements; any other file type gets a visible
 *   "cannot embed" marker with a link to the file;
 * - notes: `![[Note]]` (all of it), `![[Note#Heading]]` (that section, up to the next heading
 *   of the same or a higher level), `![[Note#^block]]` (that block), see embed-sections.ts.
 *   Embeds nest; a cycle (A embeds B embeds A) and a chain deeper than `LIMITS.embedDepth`
 *   are cut with a marker. A problem at any depth is reported at the embed in the note being
 *   built ("inside the embedded `B.md`: …"), since that is the page that shows it;
 * - standard Markdown images and links to vault files (local-paths.ts).
 *
 * Runs before `remark-wikilinks`, so `![[…]]` is never read as `!` + a link, and so that
 * links inside embedded content are resolved by the later plugins like any other.
 */
import type { Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { headingKey } from '../lib/headings.ts';
import { LIMITS } from '../lib/limits.ts';
import { mediaKindOf } from '../lib/media.ts';
import { attachmentHref, basename, hrefFor } from '../lib/paths.ts';
import { resolveTarget } from '../lib/resolve.ts';
import type { Attachment, VaultDocument } from '../lib/vault-index.ts';
import { parseWikilinkInner, wikilinkDisplayText, type Wikilink } from '../lib/wikilink-syntax.ts';
import { documentOf, EMBEDDED_FROM, type VaultOptions } from './context.ts';
import { embedMarker } from './embed-markers.ts';
import { sectionOf } from './embed-sections.ts';
import { climbsOut, resolveLocalPaths } from './local-paths.ts';
import { element, positionInText, text } from './mdast-helpers.ts';
import { fileMessage, type ContentProblem as Problem } from './messages.ts';

/** A placeholder left in a paragraph, lifted out to block level once all embeds are found. */
interface EmbedBlock {
  type: 'atlasEmbedBlock';
  children: RootContent[];
  data: Record<string, unknown>;
}

export interface EmbedsOptions extends VaultOptions {
  /** The site's base path, which every page and file address starts with. Default: `'/'`. */
  base?: string;
}

export function remarkEmbeds(options: EmbedsOptions) {
  const { base = '/' } = options;
  return (tree: Root, file: VFile) => {
    const host = documentOf(options, file);
    const problemAt = (node: Nodes | undefined, stack: Nodes[]) => (problem: Problem) => fileMessage(file, node, problem, stack);
    expandEmbeds(tree, host, host ? [embedKey(host)] : [], 0, problemAt);
  };

  function expandEmbeds(
    tree: Root | Parent,
    from: VaultDocument | undefined,
    chain: string[],
    depth: number,
    problemAt: (node: Nodes | undefined, stack: Nodes[]) => (problem: Problem) => void,
  ): void {
    // Pictures and links first: embedded content added below has had its own pass already.
    resolveLocalPaths(tree as Root, options.index(), from, base, problemAt);
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
    const index = options.index();
    const display = wikilinkDisplayText(link);
    if (!link.target && !link.block && link.headingPath.length === 0) return text(link.raw);
    const target = link.target ? resolveTarget(index, from, link.target) : from ? ({ kind: 'document', document: from } as const) : undefined;
    if (link.target && climbsOut(from, link.target)) {
      problem({
        ruleId: 'path-outside-vault',
        message: `Cannot embed \`${link.raw}\`: the path points outside the vault; only files inside the vault are published, and nothing else is read.`,
        suggestion: 'Copy the file into the vault and embed it by its name.',
      });
      return embedMarker(display, 'the path is outside the vault', 'copy the file into the vault', 'path-outside-vault');
    }
    if (!target || target.kind === 'missing') {
      problem({
        ruleId: 'embed-unresolved',
        message: `Cannot embed \`${link.raw}\`: no note or file named \`${link.target}\`.`,
        suggestion: target?.suggestions.length
          ? `Did you mean ${target.suggestions.map((s) => `\`![[${s}]]\``).join(' or ')}?`
          : 'Add the file to the vault, or fix the name.',
      });
      return embedMarker(display, 'no note or file of that name', 'add it to the vault or fix the name', 'embed-unresolved');
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
    if (chain.includes(key)) {
      problem({
        ruleId: 'embed-cycle',
        message: `\`${link.raw}\` would embed itself: ${[...chain, key].join(' → ')}.`,
        suggestion: 'Replace one embed in the chain with a link (drop the `!`).',
      });
      return embedMarker(display, 'it would embed itself', 'replace one embed of the cycle with a link', 'embed-cycle');
    }
    if (depth >= LIMITS.embedDepth) {
      problem({
        ruleId: 'embed-too-deep',
        message: `\`${link.raw}\` is cut: embeds are followed ${LIMITS.embedDepth} levels deep, and this chain goes further: ${[...chain, key].join(' → ')}.`,
        suggestion: 'Replace one embed in the chain with a link (drop the `!`).',
      });
      return embedMarker(display, `embeds nest at most ${LIMITS.embedDepth} deep`, 'replace one embed of the chain with a link', 'embed-too-deep');
    }
    const content = sectionOf(doc, link, problem);
    if (!content) {
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
    const inside = (p: Problem) => problem({ ...p, message: `Inside the embedded \`${doc.path}\`: ${p.message}` });
    expandEmbeds(wrapper as unknown as Parent, doc, [...chain, key], depth + 1, () => inside);
    wrapper.children.unshift({
      type: 'paragraph',
      data: { hProperties: { className: ['atlas-embed-title'] } },
      children: [{ type: 'link', url: hrefFor(base, doc.slug, fragmentOf(doc, link)), children: [text(embedTitle(doc, link))] }],
    });
    return wrapper;
  }

  function embedFile(attachment: Attachment, link: Wikilink, problem: (p: Problem) => void): PhrasingContent {
    const src = attachmentHref(base, attachment.path);
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
        // Not sandboxed: Chromium refuses to run its PDF viewer in a sandboxed frame, and PDF
        // scripts run in the viewer's own sandbox, not in the page's origin.
        return element('iframe', { src, title: alt ?? name, loading: 'lazy', className: ['atlas-embed-pdf'], width, height });
      case 'page':
        // An HTML attachment (rewritten inert at publish time, inert-attachments.ts) in a frame
        // with every sandbox flag off: no script, no forms, no popups, an origin of its own.
        return element('iframe', { src, title: alt ?? name, loading: 'lazy', sandbox: '', className: ['atlas-embed-pdf'], width, height });
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
