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
import { checkSettings } from './settings-check.ts';

export interface Atlas {
  config: SiteConfig;
  problems: ProblemLog;
  /** The current index; rebuilt lazily after `invalidate()`. */
  index(): VaultIndex;
  invalidate(): void;
  /**
   * The vault changed: forget the index and the problems found so far. Both content
   * collections' loaders call it for the same file event; the second call in the same turn of
   * the event loop is skipped, so it cannot wipe problems the first loader is already
   * re-finding.
   */
  refresh(): void;
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
  let refreshing = false;
  return {
    config,
    problems,
    index() {
      if (!current) {
        // What reading refused (links out of the vault, notes cut at the size limit).
        const readProblems: Problem[] = [];
        // The settings file configures the site; it is not an attachment to publish.
        const files = readFiles(readProblems).filter((file) => file.path !== config.settingsFile);
        current = buildVaultIndex(files, {
          glossaryFolder: config.glossaryFolder,
          excludeFolders: [...templateFolders(config.vaultDir), ...config.excludeFolders],
          home: config.home,
        });
        for (const problem of [...readProblems, ...current.problems, ...checkSettings(config, current)]) problems.add(problem);
      }
      return current;
    },
    invalidate() {
      current = undefined;
    },
    refresh() {
      if (refreshing) return;
      refreshing = true;
      setImmediate(() => (refreshing = false));
      current = undefined;
      problems.clear();
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
