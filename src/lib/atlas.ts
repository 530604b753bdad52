/**
 * The build's shared state: configuration, the vault index and the problem log.
 *
 * The Astro integration creates it in `astro:config:setup` (integrations/atlas-integration.ts)
 * and hands the same object to the Markdown pipeline; pages, components and the content
 * loaders read it with `getAtlas()`. The index is built once per build, and in dev again once
 * per change to the vault (integrations/vault-watcher.ts).
 */
import { buildVaultIndex } from './vault-index.ts';
import type { VaultDocument, VaultFile, VaultIndex } from './vault-model.ts';
import { readVault, templateFolders } from './vault-files.ts';
import type { SiteConfig } from './site-config.ts';
import { ProblemLog, type Problem } from './problems.ts';
import { checkSettings } from './settings-check.ts';
import type { RenderAhead } from './render-ahead.ts';

/** Where a build keeps what a later build may reuse, and the engine that wrote it. */
export interface BuildCache {
  dir: string;
  engine: string;
}

export interface Atlas {
  config: SiteConfig;
  problems: ProblemLog;
  /** The current index, built on first use. */
  index(): VaultIndex;
  /**
   * Reads the vault's files now, for the next `index()` to use, and returns them: a build parses
   * their notes on worker threads first (parse-ahead.ts), then builds the index from the same
   * files. (Not imported here: pages import this module, and Vite would bundle the threads.)
   */
  readAhead(): readonly VaultFile[];
  /**
   * The vault changed: forget the problems found so far and build the index again. Only the
   * dev server's vault watcher calls it, once per change, before the content loaders render
   * from the new index and report their problems again.
   */
  refresh(): VaultIndex;
  /**
   * Notes and terms whose HTML this build took from Astro's content store instead of rendering
   * (integrations/vault-loader.ts). Their diagrams were not rendered either, so the diagram
   * cache can be pruned only after a build that rendered everything.
   */
  reusedRenders: number;
  /**
   * The index each content collection last loaded from (integrations/vault-loader.ts): in dev,
   * a reload is done only when both hold the current one (integrations/content-refresh.ts).
   */
  loaded: Partial<Record<VaultDocument['kind'], VaultIndex>>;
  /** How many times a content collection has started loading (integrations/content-refresh.ts). */
  loadsStarted: number;
  /**
   * The render keys each content collection last loaded (integrations/vault-loader.ts): the
   * rendered notes kept beside the store that a build still uses (lib/rendered-notes.ts).
   */
  renderKeys: Partial<Record<VaultDocument['kind'], Set<string>>>;
  /**
   * Where this build keeps what a later build may reuse (beside Astro's content store), set by
   * the integration; without it (tests), nothing is kept.
   */
  cache?: BuildCache;
  /**
   * A thread rendering part of a large vault's notes during the content sync (render-ahead.ts),
   * set by the integration for a build; the content loaders claim its renders.
   */
  renderAhead?: RenderAhead;
}

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
  const read = () => {
    // What reading refused (links out of the vault, notes cut at the size limit).
    const readProblems: Problem[] = [];
    // The settings file configures the site; it is not an attachment to publish.
    const files = readFiles(readProblems).filter((file) => file.path !== config.settingsFile);
    return { files, readProblems };
  };
  // The files `readAhead` read, for the next index (then dropped: a refresh reads again).
  let readAhead: ReturnType<typeof read> | undefined;
  const index = (): VaultIndex => {
    if (!current) {
      const { files, readProblems } = readAhead ?? read();
      readAhead = undefined;
      current = buildVaultIndex(files, {
        glossaryFolder: config.glossaryFolder,
        excludeFolders: [...templateFolders(config.vaultDir), ...config.excludeFolders],
        home: config.home,
      });
      for (const problem of [...readProblems, ...current.problems, ...checkSettings(config, current)]) problems.add(problem);
    }
    return current;
  };
  return {
    reusedRenders: 0,
    loaded: {},
    loadsStarted: 0,
    renderKeys: {},
    config,
    problems,
    index,
    readAhead() {
      readAhead = read();
      return readAhead.files;
    },
    refresh() {
      current = undefined;
      problems.clear();
      return index();
    },
  };
}

// The transport between the integration and the pages. Astro evaluates `astro.config.mjs` (and
// so the integration) with its own module loader, and the pages, components and content config
// in Vite's: the two import separate copies of this module, and a module-level variable would
// exist twice. So the one Atlas is kept on `globalThis`, under a registered symbol that both
// copies derive, and read only through `getAtlas()`.
const KEY = Symbol.for('container-atlas.state');
type Holder = typeof globalThis & { [KEY]?: Atlas };

/** Makes `atlas` the one `getAtlas()` returns. Called by the integration only. */
export function provideAtlas(atlas: Atlas): void {
  (globalThis as Holder)[KEY] = atlas;
}

/** The build's Atlas: what pages, components and the content loaders read. */
export function getAtlas(): Atlas {
  const atlas = (globalThis as Holder)[KEY];
  if (!atlas) throw new Error('Container Atlas is not set up: its integration (src/integrations/atlas-integration.ts) must be listed in astro.config.mjs.');
  return atlas;
}
