/**
 * Markdown links into the vault resolve like wikilinks, as in Obsidian: `[Custom name](Example.md)`,
 * `[Section](Example.md#Details)`, `[filters](Filters)`, `[x](<My Note.md>)`, `[x](My%20Note.md)`,
 * `[pdf](spec.pdf)`. Same resolver, heading matching and href as `[[…]]` (link-resolver.ts); a
 * link that does not resolve is reported (`markdown-link-unresolved`, or the heading and block
 * rules) and rendered as the same marker. The link keeps its own text and formatting.
 *
 * External links (`https:`, `mailto:`, `//host`), anchors alone (`#x`) and site paths
 * (`/tags/x/`) are left as written (see `markdownLinkAsWikilink`).
 */
import type { Link, Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from '../lib/walk.ts';
import type { VFile } from 'vfile';
import { markdownLinkAsWikilink } from '../lib/wikilink-syntax.ts';
import { documentOf } from './context.ts';
import type { LinkSyntax } from './link-resolver.ts';
import { element, missingMarker } from './mdast-helpers.ts';
import { fileMessage } from './messages.ts';
import { hintNode } from './outdated-hint.ts';
import { linkProperties, type WikilinksOptions } from './remark-wikilinks.ts';

/** The same as remark-wikilinks': the resolver they share, and the vault. */
export type MarkdownLinksOptions = WikilinksOptions;

export function remarkMarkdownLinks(options: MarkdownLinksOptions) {
  const { resolveLink } = options;
  return (tree: Root, file: VFile) => {
    const from = documentOf(options, file);
    const edits: Array<{ parent: Parent; node: Link; replacement: PhrasingContent }> = [];
    visitParents(tree, 'link', (node: Link, ancestors: Parent[]) => {
      // Links made by other plugins (wikilinks, embeds, tags) carry their own properties.
      if ((node.data as { hProperties?: unknown } | undefined)?.hProperties) return;
      const text = toString(node);
      const link = markdownLinkAsWikilink(node.url, `[${text}](${node.url})`);
      if (!link) return;
      const syntax: LinkSyntax = {
        unresolvedRule: 'markdown-link-unresolved',
        suggest: (target, fragment) => `\`[${text}](${encodeURI(target.endsWith('.md') ? target : `${target}.md`)}${fragment ? `#${encodeURI(fragment)}` : ''})\``,
      };
      const outcome = resolveLink(link, from, (problem) => fileMessage(file, node, problem, ancestors), syntax);
      const parent = ancestors.at(-1)!;
      if (outcome.kind === 'text') edits.push({ parent, node, replacement: element('span', {}, node.children) });
      else if (outcome.kind === 'missing') edits.push({ parent, node, replacement: missingMarker(text, outcome.reason, outcome.rule) });
      else {
        node.url = outcome.href;
        node.data = { ...node.data, hProperties: linkProperties(outcome) } as Link['data'];
        if (outcome.hint) edits.push({ parent, node, replacement: element('span', { className: ['atlas-outdated-word'] }, [{ ...node }, hintNode(outcome.hint)]) });
      }
    });
    for (const { parent, node, replacement } of edits) parent.children.splice(parent.children.indexOf(node as never), 1, replacement as never);
  };
}
