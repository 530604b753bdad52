/**
 * `[[Note]]`, `[[Note|text]]`, `[[Note#Heading]]`, `[[#Heading]]`, `[[Note#^block]]`,
 * `[[folder/Note]]`, `[[Note.md]]`, `[[file.pdf]]` → links, resolved through the vault index
 * (link-resolver.ts, shared with Markdown links). A link that does not resolve is reported
 * (file:line:col, with a suggestion) and rendered as a visible marker that says why and what to
 * do. Embeds (`![[…]]`) are handled before, by `remark-embeds`.
 */
import type { Root, PhrasingContent } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import type { VFile } from 'vfile';
import { LINK_PATTERN, parseWikilinkInner, wikilinkDisplayText } from '../lib/wikilink-syntax.ts';
import { documentOf, type VaultOptions } from './context.ts';
import type { LinkOutcome, linkResolver } from './link-resolver.ts';
import { element, missingMarker, positionInText, text } from './mdast-helpers.ts';
import { fileMessage } from './messages.ts';
import { hintNode } from './outdated-hint.ts';
import { hasText } from './tree-search.ts';

export interface WikilinksOptions extends VaultOptions {
  /**
   * What a link means (link-resolver.ts), shared with remark-markdown-links. Required. It reads
   * the index itself, at each call.
   */
  resolveLink: ReturnType<typeof linkResolver>;
}

export function remarkWikilinks(options: WikilinksOptions) {
  const { resolveLink } = options;
  return (tree: Root, file: VFile) => {
    // A link is found inside one text node, so a note without `[[` in any has none.
    if (!hasText(tree, '[[')) return;
    const from = documentOf(options, file);
    findAndReplace(
      tree,
      [
        [
          new RegExp(LINK_PATTERN),
          (raw: string, inner: string, match: RegExpMatchObject) => {
            const textNode = match.stack.at(-1)!;
            const position = positionInText(textNode, match.input, match.index, raw.length);
            const link = parseWikilinkInner(inner, false, raw);
            const outcome = resolveLink(link, from, (problem) => fileMessage(file, { type: 'text', position }, problem, match.stack));
            return linkFor(outcome, link.raw, wikilinkDisplayText(link));
          },
        ],
      ],
      { ignore: ['link', 'linkReference', 'inlineCode', 'code', 'html', 'inlineMath', 'math'] },
    );
  };
}

function linkFor(outcome: LinkOutcome, raw: string, display: string): PhrasingContent {
  if (outcome.kind === 'text') return text(outcome.asWritten ? raw : display);
  if (outcome.kind === 'missing') return missingMarker(display, outcome.reason, outcome.rule);
  const node: PhrasingContent = {
    type: 'link',
    url: outcome.href,
    children: [text(display)],
    data: { hProperties: linkProperties(outcome) },
  };
  if (!outcome.hint) return node;
  return element('span', { className: ['atlas-outdated-word'] }, [node, hintNode(outcome.hint)]);
}

/** The attributes every resolved link carries (read by rehype-link-previews). */
export function linkProperties(outcome: Extract<LinkOutcome, { kind: 'link' }>): Record<string, unknown> {
  return {
    className: outcome.className,
    ...(outcome.target ? { dataAtlasTarget: outcome.target.slug } : {}),
    ...(outcome.outdatedName ? { dataAtlasOutdated: outcome.outdatedName } : {}),
  };
}
