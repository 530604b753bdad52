/**
 * Publishing vault attachments under `/files/`: copied after a build, served in dev. Each file
 * is resolved again at that moment and published only when it is still a regular file inside
 * the vault (vault-files.ts), and SVG and HTML are rewritten inert first (inert-attachments.ts).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inertAttachment, inertKindOf } from '../lib/inert-attachments.ts';
import type { Problem } from '../lib/problems.ts';
import { attachmentFile } from '../lib/vault-files.ts';
import type { Attachment } from '../lib/vault-model.ts';

/** The bytes to serve for an attachment, or `undefined` when it must not be served. */
export function attachmentContent(vaultDir: string, attachment: Attachment, problems?: Problem[]): Buffer | string | undefined {
  const file = attachmentFile(vaultDir, attachment.path);
  if (!file) {
    problems?.push({
      file: attachment.path,
      line: 1,
      column: 1,
      severity: 'warning',
      ruleId: 'vault-symlink',
      message: `\`${attachment.path}\` is no longer a regular file inside the vault; it is not published.`,
      suggestion: 'Replace a link with the file itself.',
    });
    return undefined;
  }
  const kind = inertKindOf(attachment.path);
  if (!kind) return readFileSync(file);
  const { content, changed } = inertAttachment(kind, readFileSync(file, 'utf8'));
  if (changed.length > 0) {
    problems?.push({
      file: attachment.path,
      line: 1,
      column: 1,
      severity: 'warning',
      ruleId: 'attachment-unsafe',
      message: `\`${attachment.path}\` is published without what could run or load from it as a page: ${changed.slice(0, 8).join(', ')}${changed.length > 8 ? ', …' : ''}.`,
      suggestion: kind === 'svg' ? 'Export the picture as plain SVG (no scripts, links or animations), or as PNG.' : 'Publish the page as a note, or as a PDF.',
    });
  }
  return content;
}

/** Copies every attachment into `<outDir>/files/`, reporting what was refused or changed. */
export function publishAttachments(vaultDir: string, attachments: Attachment[], outDir: string, problems: Problem[]): void {
  for (const attachment of attachments) {
    const target = join(outDir, 'files', attachment.path);
    const kind = inertKindOf(attachment.path);
    if (!kind) {
      const file = attachmentFile(vaultDir, attachment.path);
      if (!file) {
        attachmentContent(vaultDir, attachment, problems);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
      continue;
    }
    const content = attachmentContent(vaultDir, attachment, problems);
    if (content === undefined) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}
