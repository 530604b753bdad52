/**
 * `[[Note]]`, `[[Note|text]]`, `[[Note#Heading]]`, `[[#Heading]]`, `[[Note#^block]]`,
 * `[[folder/Note]]`, `[[Note.md]]`, `[[file.pdf]]` → links, resolved through the vault index.
 * A link that does not resolve is reported (file:line:col, with a suggestion) and rendered
 * as a visible "missing" marker. Embeds (`![[…]]`) are handled before, by `remark-embeds`.
 */
import type { Root, PhrasingContent } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import type { VFile } from 'vfile';
import { blockAnchorId } from '../lib/block-ids.ts';
import { attachmentHref, hrefFor } from '../lib/paths.ts';
import { headingSuggestions, resolveHeading, resolveTarget } from '../lib/resolve.ts';
import type { VaultDocument } from '../lib/vault-index.ts';
import { parseWikilinkInner, wikilinkDisplayText, type Wikilink } from '../lib/wikilink-syntax.ts';
import { documentOf, report, type PluginOptions } from './context.ts';
import { element, missingMarker, positionInText, text } from './mdast-helpers.ts';
import { hintNode } from './remark-glossary-links.ts';
import { outdatedHint } from '../lib/glossary.ts';

export function remarkWikilinks({ atlas }: PluginOptions) {
  return (tree: Root, file: VFile) => {
    const from = documentOf(atlas, file);
    findAndReplace(
      tree,
      [
        [
          // `(?<!!)` not an embed; `[[`, the inside (no brackets or newlines), `]]`.
          /(?<!!)\[\[([^[\]\n]+?)\]\]/g,
          (raw: string, inner: string, match: RegExpMatchObject) => {
            const textNode = match.stack.at(-1)!;
            const position = positionInText(textNode, match.input, match.index, raw.length);
            const link = parseWikilinkInner(inner, false, raw);
            const node = renderWikilink(link, from, (problem) =>
              report(atlas, file, { type: 'text', position }, problem, match.stack),
            );
            return node;
          },
        ],
      ],
      { ignore: ['link', 'linkReference', 'inlineCode', 'code', 'html', 'inlineMath', 'math'] },
    );
  };

  type Reporter = (problem: Parameters<typeof report>[3]) => void;

  function renderWikilink(link: Wikilink, from: VaultDocument | undefined, problem: Reporter): PhrasingContent {
    const index = atlas.index();
    const base = atlas.config.base;
    const display = wikilinkDisplayText(link);

    // `[[]]`-like text with nothing to link to (`[[#]]`, `[[ | x]]`) stays text, as in Obsidian.
    if (!link.target && !link.block && link.headingPath.length === 0) return text(link.raw);
    // Same-page link: `[[#Heading]]`, `[[#^block]]`.
    if (!link.target) {
      if (!from) return text(display);
      return fragmentLink(from, link, display, problem, true) ?? missingMarker(display, 'missing heading', 'heading-unresolved');
    }

    const resolution = resolveTarget(index, from, link.target);
    if (resolution.kind === 'missing') {
      problem({
        ruleId: 'wikilink-unresolved',
        message: `Cannot resolve \`${link.raw}\`: no note or file named \`${link.target}\`.`,
        suggestion: resolution.suggestions.length
          ? `Did you mean ${resolution.suggestions.map((s) => `\`[[${s}]]\``).join(' or ')}?`
          : 'Create the note, or fix the link.',
      });
      return missingMarker(display, 'missing link', 'wikilink-unresolved');
    }
    if (resolution.kind === 'attachment') {
      return linkNode(attachmentHref(base, resolution.attachment.path), display, ['atlas-wikilink', 'atlas-file-link']);
    }
    const target = resolution.document;
    if (resolution.ambiguous) {
      problem({
        severity: 'warning',
        ruleId: 'wikilink-ambiguous',
        message: `\`${link.raw}\` could mean ${resolution.ambiguous.map((d) => `\`${d.path}\``).join(', ')}; it links to \`${target.path}\`, as in Obsidian.`,
        suggestion: target.path.includes('/')
          ? `Write the path to be sure: \`[[${target.path.replace(/\.mdx?$/, '')}]]\`.`
          : `To link another one, write its path, e.g. \`[[${resolution.ambiguous.find((d) => d !== target)!.path.replace(/\.mdx?$/, '')}]]\`.`,
      });
    }
    if (!target.publish) {
      problem({
        severity: 'warning',
        ruleId: 'wikilink-unpublished',
        message: `\`${link.raw}\` links to \`${target.path}\`, which is not published (\`publish: false\`); it is shown as plain text.`,
        suggestion: 'Publish the note, or remove the link.',
      });
      return text(display);
    }
    if (link.block || link.headingPath.length) {
      return fragmentLink(target, link, display, problem, target === from) ?? missingMarker(display, 'missing section', link.block ? 'block-unresolved' : 'heading-unresolved');
    }
    const node = linkNode(hrefFor(base, target.slug), display, classesFor(target), target);
    // `[[master]]` reaches the control plane through an outdated name: the preview says so.
    const outdated = resolution.viaAlias && target.term?.outdatedNames.find((n) => n.name.toLowerCase() === resolution.viaAlias!.toLowerCase());
    if (outdated) {
      const properties = (node.data as { hProperties: Record<string, unknown> }).hProperties;
      properties.dataAtlasOutdated = outdated.name;
    }
    const hint = target.term && outdatedHint(target.term, index, outdated ? outdated.name : undefined);
    if (hint) {
      const properties = (node.data as { hProperties: Record<string, unknown> }).hProperties;
      properties.className = [...(properties.className as string[]), 'atlas-term-outdated'];
      return element('span', { className: ['atlas-outdated-word'] }, [node, hintNode(hint)]);
    }
    return node;
  }

  function fragmentLink(target: VaultDocument, link: Wikilink, display: string, problem: Reporter, samePage: boolean): PhrasingContent | undefined {
    const href = (fragment: string) => (samePage ? `#${fragment}` : hrefFor(atlas.config.base, target.slug, fragment));
    if (link.block) {
      if (target.blocks.has(link.block)) return linkNode(href(blockAnchorId(link.block)), display, classesFor(target), target);
      problem({
        ruleId: 'block-unresolved',
        message: `Cannot resolve \`${link.raw}\`: \`${target.path}\` has no block \`^${link.block}\`.`,
        suggestion: target.blocks.size
          ? `Its blocks are ${[...target.blocks.keys()].slice(0, 5).map((b) => `\`^${b}\``).join(', ')}.`
          : 'Add ` ^' + link.block + '` at the end of the paragraph you mean.',
      });
      return undefined;
    }
    const heading = resolveHeading(target, link.headingPath);
    if (heading) return linkNode(href(heading.slug), display, classesFor(target), target);
    const wanted = link.headingPath.at(-1)!;
    const close = headingSuggestions(target, wanted);
    problem({
      ruleId: 'heading-unresolved',
      message: `Cannot resolve \`${link.raw}\`: \`${target.path}\` has no heading \`${wanted}\`.`,
      suggestion: close.length
        ? `Did you mean ${close.map((h) => `\`[[${link.target}#${h}]]\``).join(' or ')}?`
        : `Its headings are ${target.headings.slice(0, 5).map((h) => `\`${h.text}\``).join(', ') || '(none)'}.`,
    });
    return undefined;
  }
}

function classesFor(target: VaultDocument): string[] {
  return ['atlas-wikilink', target.kind === 'term' ? 'atlas-term-link' : 'atlas-note-link'];
}

function linkNode(url: string, display: string, className: string[], target?: VaultDocument): PhrasingContent {
  return {
    type: 'link',
    url,
    children: [text(display)],
    data: {
      hProperties: {
        className,
        ...(target ? { dataAtlasTarget: target.slug } : {}),
      },
    },
  };
}

