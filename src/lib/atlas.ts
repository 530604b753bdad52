/**
 * The build's shared state: configuration, the vault index and the problem log.
 *
 * Astro loads `astro.config.mjs` (which builds the Markdown pipeline) and the pages through
 * different module graphs, so a plain module-level variable would exist twice. The state lives
 * on `globalThis` under a registered symbol instead, and both sides see the same index:
 * it is built once per build (and again in dev when the vault changes).
 */
import { buildVaultIndex, type VaultFile, type VaultIndex } from './vault-index.ts';
import { readVault, templateFolders } from './vault-files.ts';
import { loadSiteConfig, vaultFolderProblem, type SiteConfig, type SiteSettings } from './site-config.ts';
import { ProblemLog, type Problem } from './problems.ts';

export interface Atlas {
  config: SiteConfig;
  problems: ProblemLog;
  /** The current index; rebuilt lazily after `invalidate()`. */
  index(): VaultIndex;
  invalidate(): void;
}

const KEY = Symbol.for('container-atlas.state');
type Holder = typeof globalThis & { [KEY]?: Atlas };

/**
 * @param readFiles where the vault's files come from: the disk by default; tests pass an
 *   in-memory vault.
 */
export function createAtlas(
  config: SiteConfig,
  readFiles: (problems: Problem[]) => VaultFile[] = (problems) => readVault(config.vaultDir, problems),
): Atlas {
  const problems = new ProblemLog();
  let current: VaultIndex | undefined;
  return {
    config,
    problems,
    index() {
      if (!current) {
        // What reading refused (links out of the vault, notes cut at the size limit).
        const readProblems: Problem[] = [];
        current = buildVaultIndex(readFiles(readProblems), {
          glossaryFolder: config.glossaryFolder,
          excludeFolders: [...templateFolders(config.vaultDir), ...config.excludeFolders],
        });
        for (const problem of [...readProblems, ...current.problems]) problems.add(problem);
      }
      return current;
    },
    invalidate() {
      current = undefined;
    },
  };
}

/** The build's Atlas, created on first use from the settings and the environment. */
export function useAtlas(settings?: SiteSettings): Atlas {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    if (!settings) throw new Error('Container Atlas is not initialised: astro.config.mjs must call useAtlas(settings) first.');
    const config = loadSiteConfig(settings);
    // One clear line and a failed build, not an empty site (nor Astro's config stack trace).
    const problem = vaultFolderProblem(config.vaultDir);
    if (problem) {
      process.stderr.write(`\n${problem}\n`);
      process.exit(1);
    }
    holder[KEY] = createAtlas(config);
  }
  return holder[KEY];
}
