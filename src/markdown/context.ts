/**
 * What every plugin of the pipeline is given: the vault index (through `Atlas`), and helpers to
 * find the note being rendered and to report a problem at a node's position.
 */
import { relative, sep } from 'node:path';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { Atlas } from '../lib/atlas.ts';
import { stripMarkdownExtension, toVaultPath } from '../lib/paths.ts';
import type { Problem, RuleId, Severity } from '../lib/problems.ts';
import type { VaultDocument } from '../lib/vault-index.ts';

export interface PluginOptions {
  atlas: Atlas;
}

/** The vault-relative path of the file being rendered, or undefined outside the vault. */
export function vaultPathOf(atlas: Atlas, file: VFile): string | undefined {
  const path = file.history[0] ?? file.path;
  if (!path) return undefined;
  const rel = relative(atlas.config.vaultDir, path.startsWith('file:') ? new URL(path).pathname : path);
  if (rel.startsWith('..')) return undefined;
  return toVaultPath(rel.split(sep).join('/'));
}

export function documentOf(atlas: Atlas, file: VFile): VaultDocument | undefined {
  const path = vaultPathOf(atlas, file);
  return path ? atlas.index().byPath.get(stripMarkdownExtension(path).toLowerCase()) : undefined;
}

/** Marks a subtree as coming from another note (an embed): problems there belong to that note. */
export const EMBEDDED_FROM = 'atlasEmbeddedFrom';

export function report(
  atlas: Atlas,
  file: VFile,
  node: Node | undefined,
  problem: { ruleId: RuleId; message: string; suggestion?: string; severity?: Severity },
  ancestors: Node[] = [],
): void {
  // Content copied in from an embedded note is checked when that note itself is rendered.
  if (ancestors.some((a) => (a.data as Record<string, unknown> | undefined)?.[EMBEDDED_FROM])) return;
  const path = vaultPathOf(atlas, file) ?? file.path ?? '<unknown>';
  const full: Problem = {
    file: path,
    line: node?.position?.start.line ?? 1,
    column: node?.position?.start.column ?? 1,
    severity: problem.severity ?? 'error',
    ruleId: problem.ruleId,
    message: problem.message,
    suggestion: problem.suggestion,
  };
  atlas.problems.add(full);
}
