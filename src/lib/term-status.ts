/**
 * What a term page says about a term's status, in one box at the top (components/TermPage):
 * the status sentence ("Removed in v1.24. Use instead: …") and the outdated words for it.
 * When the entry itself opens with a callout that already explains the status
 * (`> [!warning] Removed in v1.24`), the author's words are the box and ours is left out.
 */
import type { VaultDocument } from './vault-model.ts';

/** A callout title that explains a status: "Outdated term: master", "Removed in v1.24". */
export const STATUS_CALLOUT_TITLE = /\b(outdated|removed|deprecated)\b/i;

/** `> [!type] Title` (with an optional fold sign) as the first line of the body. */
const OPENING_CALLOUT = /^\s*>\s*\[![^\]]+\][-+]?[ \t]*([^\n]*)/;

export function opensWithStatusCallout(doc: VaultDocument): boolean {
  const title = OPENING_CALLOUT.exec(doc.body)?.[1];
  return title !== undefined && STATUS_CALLOUT_TITLE.test(title);
}
