/**
 * What `![[…]]` names, and whether it may be shown: a note, a vault file, or nothing (a marker
 * that says why). Every refusal is reported: a path out of the vault, no such note or file, an
 * unpublished note (shown as nothing, a warning), a cycle (A embeds B embeds A), and a chain
 * deeper than `LIMITS.embedDepth`. Which part of a note is shown is embed-sections.ts's job.
 */
import type { PhrasingContent } from 'mdast';
import { LIMITS } from '../lib/limits.ts';
import { resolveTarget } from '../lib/resolve.ts';
import type { Attachment, VaultDocument, VaultIndex } from '../lib/vault-model.ts';
import { wikilinkDisplayText, type Wikilink } from '../lib/wikilink-syntax.ts';
import { embedMarker } from './embed-markers.ts';
import { climbsOut } from './local-paths.ts';
import { text } from './mdast-helpers.ts';
import type { Reporter } from './messages.ts';

export type EmbedTarget =
  /** Nothing to embed: the node to put in its place (the text as written, a marker, nothing). */
  | { kind: 'shown'; node: PhrasingContent }
  | { kind: 'file'; attachment: Attachment }
  /** `key` names the note and its part, for the chain of embeds (`embedKey`). */
  | { kind: 'note'; doc: VaultDocument; key: string };

/**
 * @param chain the embeds that led here, outermost first (`embedKey`s), to find cycles
 * @param depth how many embeds deep this one is
 */
export function embedTarget(index: VaultIndex, link: Wikilink, from: VaultDocument | undefined, chain: string[], depth: number, problem: Reporter): EmbedTarget {
  const display = wikilinkDisplayText(link);
  const marker = (reason: string, fix: string, rule: string) => ({ kind: 'shown', node: embedMarker(display, reason, fix, rule) }) as const;
  if (!link.target && !link.block && link.headingPath.length === 0) return { kind: 'shown', node: text(link.raw) };
  const target = link.target ? resolveTarget(index, from, link.target) : from ? ({ kind: 'document', document: from } as const) : undefined;
  if (link.target && climbsOut(from, link.target)) {
    problem({
      ruleId: 'path-outside-vault',
      message: `Cannot embed \`${link.raw}\`: the path points outside the vault; only files inside the vault are published, and nothing else is read.`,
      suggestion: 'Copy the file into the vault and embed it by its name.',
    });
    return marker('the path is outside the vault', 'copy the file into the vault', 'path-outside-vault');
  }
  if (!target || target.kind === 'missing') {
    problem({
      ruleId: 'embed-unresolved',
      message: `Cannot embed \`${link.raw}\`: no note or file named \`${link.target}\`.`,
      suggestion: target?.suggestions.length
        ? `Did you mean ${target.suggestions.map((s) => `\`![[${s}]]\``).join(' or ')}?`
        : 'Add the file to the vault, or fix the name.',
    });
    return marker('no note or file of that name', 'add it to the vault or fix the name', 'embed-unresolved');
  }
  if (target.kind === 'attachment') return { kind: 'file', attachment: target.attachment };

  const doc = target.document;
  if (!doc.publish) {
    problem({
      severity: 'warning',
      ruleId: 'wikilink-unpublished',
      message: `\`${link.raw}\` embeds \`${doc.path}\`, which is not published (\`publish: false\`); nothing is shown.`,
      suggestion: 'Publish the note, or remove the embed.',
    });
    return { kind: 'shown', node: text('') };
  }
  const key = embedKey(doc, link);
  if (chain.includes(key)) {
    problem({
      ruleId: 'embed-cycle',
      message: `\`${link.raw}\` would embed itself: ${[...chain, key].join(' → ')}.`,
      suggestion: 'Replace one embed in the chain with a link (drop the `!`).',
    });
    return marker('it would embed itself', 'replace one embed of the cycle with a link', 'embed-cycle');
  }
  if (depth >= LIMITS.embedDepth) {
    problem({
      ruleId: 'embed-too-deep',
      message: `\`${link.raw}\` is cut: embeds are followed ${LIMITS.embedDepth} levels deep, and this chain goes further: ${[...chain, key].join(' → ')}.`,
      suggestion: 'Replace one embed in the chain with a link (drop the `!`).',
    });
    return marker(`embeds nest at most ${LIMITS.embedDepth} deep`, 'replace one embed of the chain with a link', 'embed-too-deep');
  }
  return { kind: 'note', doc, key };
}

/** `![[Note]]`, `![[Note#Heading]]` and `![[Note#^id]]` are different embeds of one note. */
export function embedKey(doc: VaultDocument, link?: Wikilink): string {
  if (link?.block) return `${doc.path}#^${link.block}`;
  if (link?.headingPath.length) return `${doc.path}#${link.headingPath.join('#')}`;
  return doc.path;
}
