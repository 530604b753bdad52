import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readObsidianAppSettings } from '../../../src/lib/obsidian-app-settings.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('atlas-app-');

function vaultWith(appJson: string | undefined): string {
  const dir = tempDir();
  if (appJson !== undefined) {
    mkdirSync(join(dir, '.obsidian'));
    writeFileSync(join(dir, '.obsidian', 'app.json'), appJson);
  }
  return dir;
}

describe("the vault's .obsidian/app.json", () => {
  it('defaults to Obsidian\'s "strict line breaks" off', () => {
    expect(readObsidianAppSettings(vaultWith(undefined)).strictLineBreaks).toBe(false);
    expect(readObsidianAppSettings(vaultWith('{"promptDelete": false}')).strictLineBreaks).toBe(false);
  });
  it('reads strictLineBreaks when set', () => {
    expect(readObsidianAppSettings(vaultWith('{"strictLineBreaks": true}')).strictLineBreaks).toBe(true);
  });
  it('falls back to the defaults on a broken file or a wrong type', () => {
    expect(readObsidianAppSettings(vaultWith('{not json')).strictLineBreaks).toBe(false);
    expect(readObsidianAppSettings(vaultWith('{"strictLineBreaks": "yes"}')).strictLineBreaks).toBe(false);
  });
});
