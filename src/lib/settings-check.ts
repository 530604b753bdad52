/**
 * Settings that name things in the vault (the home note, key concepts, navigation links, the
 * logo and favicon) can only be checked once the vault is indexed. A wrong name is a content
 * problem positioned in the settings file, like a broken link in a note.
 */
import { basename, stripMarkdownExtension } from './paths.ts';
import type { Problem } from './problems.ts';
import { problem, siteNavigation } from './site-nav.ts';
import type { SiteConfig } from './site-config.ts';
import { closestNames } from './suggest.ts';
import type { Attachment, VaultIndex } from './vault-model.ts';

export function checkSettings(config: SiteConfig, index: VaultIndex): Problem[] {
  const problems: Problem[] = [...siteNavigation(config, index).problems];
  if (config.home !== undefined && !index.home) {
    problems.push(problem(config, ['home'], `The home note \`${config.home}\` is not a published note of the vault.`, suggest(config.home, noteNames(index), 'Write its name as in `[[Note]]`.')));
  }
  for (const [i, slug] of config.keyConcepts.entries()) {
    if (index.terms.has(slug)) continue;
    problems.push(problem(config, ['keyConcepts', i], `The key concept \`${slug}\` is not a glossary term.`, suggest(slug, index.terms.keys(), `Write the term's file name in \`${config.glossaryFolder}/\`, without \`.md\`.`)));
  }
  for (const key of ['logo', 'favicon'] as const) {
    const path = config[key];
    if (path !== undefined && !settingsAttachment(index, path)) {
      problems.push(problem(config, [key], `The ${key} \`${path}\` is not a file in the vault.`, suggest(path, index.attachments.map((a) => a.path), 'Write its path from the vault root, e.g. `attachments/logo.svg`.')));
    }
  }
  return problems;
}

/**
 * The vault file a setting names (`logo: attachments/pot.svg`), found as Obsidian finds
 * files, ignoring case; its real path is the one to publish.
 */
export function settingsAttachment(index: VaultIndex, path: string): Attachment | undefined {
  return index.attachmentsByPath.get(path.replace(/^\/+/, '').toLowerCase());
}

function noteNames(index: VaultIndex): string[] {
  return index.documents.filter((d) => d.kind === 'note' && d.publish).map((d) => basename(stripMarkdownExtension(d.path)));
}

function suggest(wanted: string, candidates: Iterable<string>, otherwise: string): string {
  const close = closestNames(wanted, candidates);
  return close.length ? `Did you mean ${close.map((c) => `\`${c}\``).join(' or ')}?` : otherwise;
}
