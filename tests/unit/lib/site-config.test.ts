import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadSiteConfig } from '../../../src/lib/site-config.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('atlas-settings-');

/** A vault folder with the given `atlas.yaml` (none when `settings` is undefined). */
function vaultWith(settings?: string): string {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  if (settings !== undefined) writeFileSync(join(dir, 'atlas.yaml'), settings);
  return dir;
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadSiteConfig', () => {
  it('uses the settings, with environment overrides', () => {
    const config = loadSiteConfig({ vault: 'content' }, { ATLAS_VAULT: '/tmp/v', ATLAS_BASE: 'atlas', ATLAS_SITE_URL: 'https://x.org' }, '/root');
    expect(config).toMatchObject({ vaultDir: '/tmp/v', base: '/atlas/', site: 'https://x.org', strict: true });
  });

  it('has neutral defaults: a vault without settings is nobody in particular', () => {
    const config = loadSiteConfig({ vault: vaultWith() }, {});
    expect(config).toMatchObject({ title: 'Notes', language: 'en', footer: 'Built from an Obsidian vault.', nav: ['home', 'glossary', 'map', 'tags'] });
    expect(config.labels).toMatchObject({ notes: 'Notes', searchNotes: 'Search notes', onThisPage: 'On this page' });
    expect(config.editBaseUrl).toBeUndefined();
  });

  it('is strict unless ATLAS_LENIENT is set', () => {
    expect(loadSiteConfig({}, { ATLAS_LENIENT: '1' }).strict).toBe(false);
    expect(loadSiteConfig({}, {}).strict).toBe(true);
  });

  it('says what is wrong and where to look', () => {
    expect(() => loadSiteConfig({}, { ATLAS_SITE_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => loadSiteConfig({}, { ATLAS_SITE_URL: 'not a url' })).toThrow(
      /Invalid configuration in the environment:\n {2}- ATLAS_SITE_URL: ATLAS_SITE_URL must be an absolute URL such as https:\/\/atlas\.example\.org; found `not a url`\.\nSee "Configuration" in the README\./,
    );
  });
});

describe("the vault's settings file", () => {
  it("gives the site its identity, over the engine's defaults", () => {
    const vault = vaultWith(
      [
        'title: Cooking Notes',
        'language: pt-BR',
        'footer: ""',
        'editBaseUrl: https://github.com/me/notes/edit/main/',
        'nav: [home, { label: Recipes, link: Recipes/Pasta }]',
        'labels:',
        '  onThisPage: Nesta página',
      ].join('\n'),
    );
    const config = loadSiteConfig({ vault }, {});
    expect(config).toMatchObject({ title: 'Cooking Notes', language: 'pt-BR', footer: '', editBaseUrl: 'https://github.com/me/notes/edit/main/' });
    expect(config.nav).toEqual(['home', { label: 'Recipes', link: 'Recipes/Pasta' }]);
    // Labels the file does not set keep their default.
    expect(config.labels).toMatchObject({ onThisPage: 'Nesta página', backlinks: 'Linked from' });
    expect(config.settingsSource?.positionOf(['labels', 'onThisPage'])).toEqual({ line: 7, column: 15 });
  });

  it('treats an empty property as unset, as Obsidian does', () => {
    const config = loadSiteConfig({ vault: vaultWith('title: Garden\ndescription:\nlabels:\n') }, {});
    expect(config).toMatchObject({ title: 'Garden', description: '' });
  });

  it('lets ATLAS_TITLE rename one deployment', () => {
    expect(loadSiteConfig({ vault: vaultWith('title: Garden') }, { ATLAS_TITLE: 'Garden (preview)' }).title).toBe('Garden (preview)');
  });

  it('names the file and line of a value of the wrong type, what was expected and what was found', () => {
    const vault = vaultWith('# my site\ntitle: Garden\nfooter: 42\nnav:\n  - home\n  - [a, b]\n');
    const message = errorOf(() => loadSiteConfig({ vault }, {}, vault));
    expect(message).toBe(
      [
        'Invalid settings in atlas.yaml:',
        '  atlas.yaml:3:9  `footer`: expected text, found the number 42.',
        '  atlas.yaml:6:5  `nav[1]`: expected a note name, `home`, `glossary`, `map`, `tags`, `search`, a URL, or `{ label, link }`, found a list.',
        'See "Configuration" in the README.',
      ].join('\n'),
    );
  });

  it('suggests the key an unknown one was meant to be', () => {
    const vault = vaultWith('title: Garden\nlabels:\n  onthispage: On this page\ntitel: x\n');
    const message = errorOf(() => loadSiteConfig({ vault }, {}, vault));
    expect(message).toContain('atlas.yaml:3:3  unknown setting `labels.onthispage`. Did you mean `onThisPage`?');
    expect(message).toContain('atlas.yaml:4:1  unknown setting `titel`. Did you mean `title`?');
  });

  it('checks URLs and language tags', () => {
    const vault = vaultWith('editBaseUrl: javascript:alert(1)\nlanguage: English\n');
    const message = errorOf(() => loadSiteConfig({ vault }, {}, vault));
    expect(message).toContain('atlas.yaml:1:14  `editBaseUrl`: expected an absolute http(s) URL such as https://example.org/, found `javascript:alert(1)`.');
    expect(message).toContain('atlas.yaml:2:11  `language`: expected a language tag such as `en`, `fr` or `pt-BR`, found `English`.');
  });

  it('reports YAML syntax errors with their line', () => {
    const vault = vaultWith('title: Garden\nnav: [home\n');
    expect(errorOf(() => loadSiteConfig({ vault }, {}, vault))).toMatch(/atlas\.yaml:\d+:\d+ {2}YAML syntax: /);
  });
});
