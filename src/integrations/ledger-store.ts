/**
 * The ledger of published addresses on disk (`<vault>/.atlas/published.json`, see
 * lib/published-ledger.ts): read once per vault index, compared with what the index publishes,
 * written back after a build that succeeded. `ATLAS_FORGET=/old/,/x/#y` drops addresses on
 * purpose for one build (the build then writes the ledger without them).
 *
 * The plan is computed once per index and shared by the pages (redirects), the Markdown
 * pipeline (kept anchors) and the build's end (problems, writing), so they all agree.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Atlas } from '../lib/atlas.ts';
import type { Problem } from '../lib/problems.ts';
import { lineOfAddress, parseLedger, planLedger, serializeLedger, type Ledger, type LedgerPlan } from '../lib/published-ledger.ts';
import type { VaultIndex } from '../lib/vault-model.ts';

/** Vault-relative path of the ledger. */
export const LEDGER_FILE = '.atlas/published.json';

const plans = new WeakMap<VaultIndex, { plan: LedgerPlan; text: string; problem?: Problem }>();

export function ledgerPath(vaultDir: string): string {
  return join(vaultDir, LEDGER_FILE);
}

/** `ATLAS_FORGET=/old/,/x/#y` → the addresses, trimmed. */
export function forgetList(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.ATLAS_FORGET ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

function load(atlas: Atlas) {
  const index = atlas.index();
  const cached = plans.get(index);
  if (cached) return cached;
  const file = ledgerPath(atlas.config.vaultDir);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  let previous: Ledger = new Map();
  let problem: Problem | undefined;
  try {
    if (text) previous = parseLedger(text);
  } catch (error) {
    problem = {
      file: LEDGER_FILE,
      line: 1,
      column: 1,
      ruleId: 'address-lost',
      severity: 'error',
      message: `Cannot read the ledger of published addresses: ${(error as Error).message}`,
      suggestion: 'Restore it from version control (git checkout -- .atlas/published.json); the build rewrites it.',
    };
  }
  const result = { plan: planLedger(previous, index, forgetList()), text, problem };
  plans.set(index, result);
  return result;
}

export function ledgerPlan(atlas: Atlas): LedgerPlan {
  return load(atlas).plan;
}

/** One positioned problem per lost address, at its line in the ledger. */
export function ledgerProblems(atlas: Atlas): Problem[] {
  const { plan, text, problem } = load(atlas);
  const problems: Problem[] = plan.lost.map((lost) => ({
    file: LEDGER_FILE,
    line: lineOfAddress(text, lost.address),
    column: 5,
    ruleId: 'address-lost',
    severity: 'error',
    message: `The published address \`${lost.address}\` (from \`${lost.entry.note}\`) is no longer produced, and links to it would break.`,
    suggestion: lost.fix,
  }));
  return problem ? [problem, ...problems] : problems;
}

/** Writes the next ledger (only when it changed, so a warm build leaves the file alone). */
export function writeLedger(atlas: Atlas): boolean {
  const { plan, text } = load(atlas);
  const next = serializeLedger(plan.next);
  if (next === text) return false;
  const file = ledgerPath(atlas.config.vaultDir);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, next);
  return true;
}
