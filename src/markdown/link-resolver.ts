/**
 * What a link to a note means, decided once for both ways of writing it: wikilinks
 * (`[[Note#Heading|text]]`, remark-wikilinks) and Markdown links (`[text](Note.md#Heading)`,
 * remark-markdown-links). Same resolver (lib/resolve.ts), same heading and block matching, same
 * href; a link that does not resolve is reported (file:line:col, "did you mean") and comes back
 * as `missing`, with the reason and the fix in words a reader of the page understands.
 */
import { blockAnchorId } from '../lib/block-ids.ts';
import { outdatedHint } from '../lib/glossary.ts';
import { attachmentHref, hrefFor } from '../lib/paths.ts';
import type { RuleId } from '../lib/problems.ts';
import { headingSuggestions, resolveHeading, resolveTarget } from '../lib/resolve.ts';
import type { Atlas } from '../lib/atlas.ts';
import type { VaultDocument } from '../lib/vault-model.ts';
import type { Wikilink } from '../lib/wikilink-syntax.ts';
import type { Reporter } from './messages.ts';

export type LinkOutcome =
  /** A link to a page or an attachment. */
  | { kind: 'link'; href: string; className: string[]; target?: VaultDocument; outdatedName?: string; hint?: string }
  /** Shown as plain text: an unpublished note; `asWritten` when there is nothing to link to. */
  | { kind: 'text'; asWritten?: boolean }
  /** Broken: `reason` says why and what to do, for the page's marker. */
  | { kind: 'missing'; rule: RuleId; reason: string };

/** How the link was written, for messages that quote and suggest in the author's syntax. */
export interface LinkSyntax {
  /** Rule id of a link whose note or file does not exist. */
  unresolvedRule: RuleId;
  /** A suggested link to `target` (`[[Food]]`, `[text](Food.md)`). */
  suggest(target: string, fragment?: string): string;
}

export const WIKILINK_SYNTAX: LinkSyntax = {
  unresolvedRule: 'wikilink-unresolved',
  suggest: (target, fragment) => `\`[[${target}${fragment ? `#${fragment}` : ''}]]\``,
};

const quote = (name: string) => `“${name}”`;

export function linkResolver(atlas: Atlas) {
  return function resolveLink(link: Wikilink, from: VaultDocument | undefined, problem: Reporter, syntax: LinkSyntax = WIKILINK_SYNTAX): LinkOutcome {
    const index = atlas.index();
    const base = atlas.config.base;

    // `[[]]`-like text with nothing to link to (`[[#]]`, `[[ | x]]`) stays text, as in Obsidian.
    if (!link.target && !link.block && link.headingPath.length === 0) return { kind: 'text', asWritten: true };
    // Same-page link: `[[#Heading]]`, `[[#^block]]`.
    if (!link.target) {
      if (!from) return { kind: 'text' };
      return fragmentLink(from, link, problem, syntax, true);
    }

    const resolution = resolveTarget(index, from, link.target);
    if (resolution.kind === 'missing') {
      const [first] = resolution.suggestions;
      problem({
        ruleId: syntax.unresolvedRule,
        message: `Cannot resolve \`${link.raw}\`: no note or file named \`${link.target}\`.`,
        suggestion: resolution.suggestions.length
          ? `Did you mean ${resolution.suggestions.map((s) => syntax.suggest(s)).join(' or ')}?`
          : 'Create the note, or fix the link.',
      });
      return {
        kind: 'missing',
        rule: syntax.unresolvedRule,
        reason: `No note named ${quote(link.target)}${first ? ` — did you mean ${quote(first)}?` : ' — create it, or fix the link.'}`,
      };
    }
    if (resolution.kind === 'attachment') {
      return { kind: 'link', href: attachmentHref(base, resolution.attachment.path), className: ['atlas-wikilink', 'atlas-file-link'] };
    }
    const target = resolution.document;
    if (resolution.ambiguous) {
      problem({
        severity: 'warning',
        ruleId: 'wikilink-ambiguous',
        message: `\`${link.raw}\` could mean ${resolution.ambiguous.map((d) => `\`${d.path}\``).join(', ')}; it links to \`${target.path}\`, as in Obsidian.`,
        suggestion: target.path.includes('/')
          ? `Write the path to be sure: ${syntax.suggest(target.path.replace(/\.mdx?$/, ''))}.`
          : `To link another one, write its path, e.g. ${syntax.suggest(resolution.ambiguous.find((d) => d !== target)!.path.replace(/\.mdx?$/, ''))}.`,
      });
    }
    if (!target.publish) {
      problem({
        severity: 'warning',
        ruleId: 'wikilink-unpublished',
        message: `\`${link.raw}\` links to \`${target.path}\`, which is not published (\`publish: false\`); it is shown as plain text.`,
        suggestion: 'Publish the note, or remove the link.',
      });
      return { kind: 'text' };
    }
    if (link.block || link.headingPath.length) return fragmentLink(target, link, problem, syntax, target === from);

    const outcome: LinkOutcome = { kind: 'link', href: hrefFor(base, target.slug), className: classesFor(target), target };
    // `[[master]]` reaches the control plane through an outdated name: the preview says so.
    const outdated = resolution.viaAlias && target.term?.outdatedNames.find((n) => n.name.toLowerCase() === resolution.viaAlias!.toLowerCase());
    if (outdated) outcome.outdatedName = outdated.name;
    const hint = target.term && outdatedHint(target.term, index, outdated ? outdated.name : undefined);
    if (hint) {
      outcome.hint = hint;
      outcome.className = [...outcome.className, 'atlas-term-outdated'];
    }
    return outcome;
  };

  function fragmentLink(target: VaultDocument, link: Wikilink, problem: Reporter, syntax: LinkSyntax, samePage: boolean): LinkOutcome {
    const href = (fragment: string) => (samePage ? `#${fragment}` : hrefFor(atlas.config.base, target.slug, fragment));
    const name = samePage ? 'This note' : quote(target.title);
    if (link.block) {
      if (target.blocks.has(link.block)) return { kind: 'link', href: href(blockAnchorId(link.block)), className: classesFor(target), target };
      problem({
        ruleId: 'block-unresolved',
        message: `Cannot resolve \`${link.raw}\`: \`${target.path}\` has no block \`^${link.block}\`.`,
        suggestion: target.blocks.size
          ? `Its blocks are ${[...target.blocks.keys()].slice(0, 5).map((b) => `\`^${b}\``).join(', ')}.`
          : 'Add ` ^' + link.block + '` at the end of the paragraph you mean.',
      });
      return {
        kind: 'missing',
        rule: 'block-unresolved',
        reason: `${name} has no block ${quote(`^${link.block}`)} — add ${quote(`^${link.block}`)} at the end of the paragraph you mean.`,
      };
    }
    const heading = resolveHeading(target, link.headingPath);
    if (heading) return { kind: 'link', href: href(heading.slug), className: classesFor(target), target };
    const wanted = link.headingPath.at(-1)!;
    const close = headingSuggestions(target, wanted);
    problem({
      ruleId: 'heading-unresolved',
      message: `Cannot resolve \`${link.raw}\`: \`${target.path}\` has no heading \`${wanted}\`.`,
      suggestion: close.length
        ? `Did you mean ${close.map((h) => syntax.suggest(link.target, h)).join(' or ')}?`
        : `Its headings are ${target.headings.slice(0, 5).map((h) => `\`${h.text}\``).join(', ') || '(none)'}.`,
    });
    return {
      kind: 'missing',
      rule: 'heading-unresolved',
      reason: `${name} has no heading ${quote(wanted)}${close[0] ? ` — did you mean ${quote(close[0])}?` : ' — fix the link, or add the heading.'}`,
    };
  }
}

function classesFor(target: VaultDocument): string[] {
  return ['atlas-wikilink', target.kind === 'term' ? 'atlas-term-link' : 'atlas-note-link'];
}
