/**
 * The in-page marker of an embed or picture that cannot be shown (lenient builds): what was
 * asked for, why it is not shown, and what fixes it, visible to everyone (not only in a
 * tooltip), since the reader of a lenient build may be the author looking for what to fix.
 */
import type { PhrasingContent } from 'mdast';
import { element, text } from './mdast-helpers.ts';

export function embedMarker(label: string, reason: string, fix: string, rule: string): PhrasingContent {
  return element('span', { className: ['atlas-missing'], dataRule: rule, title: `${reason}: ${fix}` }, [
    text(label),
    element('span', { className: ['atlas-embed-note'] }, [text(` (not shown: ${reason}; ${fix})`)]),
  ]);
}
