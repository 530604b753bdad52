/**
 * Renders Markdown through the same processor the site uses (Astro's unified processor with
 * our pipeline and Shiki settings), as a note of an in-memory vault.
 */
import { createMarkdownProcessor, rehypeHeadingIds as astroRehypeHeadingIds } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import rehypeRaw from 'rehype-raw';
import { createAtlas, type Atlas } from '../../../src/lib/atlas.ts';
import { loadSiteConfig, type SiteSettings } from '../../../src/lib/site-config.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { stripComments } from '../../../src/lib/obsidian-comments.ts';
import { takeParsedTree } from '../../../src/lib/note-scans.ts';
import type { VaultFile } from '../../../src/lib/vault-model.ts';
import type { VaultPath } from '../../../src/lib/paths.ts';
import { atlasPipeline } from '../../../src/markdown/pipeline.ts';

export const VAULT_DIR = '/virtual-vault';

export function vaultFiles(files: Record<string, string | null>): VaultFile[] {
  return Object.entries(files).map(([path, source]) =>
    source === null ? { path: path as VaultPath } : { path: path as VaultPath, source },
  );
}

export function testAtlas(files: Record<string, string | null>, env: Record<string, string> = {}, settings: Partial<SiteSettings> = {}): Atlas {
  const config = loadSiteConfig({ title: 'Test', vault: VAULT_DIR, ...settings }, { ATLAS_LENIENT: '1', ...env });
  return createAtlas(config, () => vaultFiles(files));
}

/**
 * Renders `files[path]` as the site would, returning the HTML and the problems reported.
 * `parseAgain`: the pipeline parses the note itself instead of taking the tree the vault index
 * parsed (markdown/remark-parse-once.ts). `heldTree`: the index held a tree of the note when the
 * render started (then parseAgain dropped it); `treeLeft`: one was still held after it.
 * `astroRawPass`: Astro's own last rehype-raw pass runs, as it would without the pipeline
 * turning it off (pipeline.ts); `astroHeadingIds`: Astro's own heading-id pass runs, likewise.
 */
export async function renderNote(files: Record<string, string | null>, path: string, env: Record<string, string> = {}, settings: Partial<SiteSettings> = {}, { parseAgain = false, astroRawPass = false, astroHeadingIds = false } = {}) {
  const atlas = testAtlas(files, env, settings);
  const pipeline = atlasPipeline(atlas);
  const turnedOn = new Set([...(astroRawPass ? [rehypeRaw] : []), ...(astroHeadingIds ? [astroRehypeHeadingIds] : [])]);
  const rehypePlugins = pipeline.rehypePlugins?.filter((plugin) => !(Array.isArray(plugin) && turnedOn.has(plugin[0] as never)));
  const processor = await createMarkdownProcessor({
    ...pipeline,
    rehypePlugins,
    syntaxHighlight: false,
  });
  const source = files[path];
  if (source == null) throw new Error(`No note ${path} in the test vault`);
  // The body the site renders: the index's (comments removed, past-the-limit input neutralised).
  const indexed = atlas.index().documents.find((doc) => doc.path === path);
  const body = indexed?.body ?? stripComments(splitFrontmatter(source).body);
  const heldTree = parseAgain ? takeParsedTree(body, 'md') !== undefined : undefined;
  const result = await processor.render(body, { fileURL: pathToFileURL(`${VAULT_DIR}/${path}`) });
  atlas.index();
  const treeLeft = takeParsedTree(body, 'md') !== undefined;
  return { html: result.code, problems: atlas.problems.list(), atlas, heldTree, treeLeft };
}
