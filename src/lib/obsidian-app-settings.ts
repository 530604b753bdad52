/**
 * The Obsidian editor settings that change how a note renders, read from the vault's own
 * `.obsidian/app.json`, so the site shows a note as its author sees it in Obsidian.
 *
 * - `strictLineBreaks` (Obsidian: Settings → Editor → "Strict line breaks"): off by default, and
 *   then a single line break inside a paragraph shows as a line break (`<br>`); on, it is a
 *   space, as in CommonMark.
 *
 * A missing or unreadable file, or a value of the wrong type, means Obsidian's defaults: the
 * file belongs to Obsidian, which writes it, and is never a reason to stop a build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const appSettingsSchema = z.object({
  strictLineBreaks: z.boolean().catch(false).default(false),
});

export type ObsidianAppSettings = z.output<typeof appSettingsSchema>;

export function readObsidianAppSettings(vaultDir: string): ObsidianAppSettings {
  let raw: unknown = {};
  try {
    raw = JSON.parse(readFileSync(join(vaultDir, '.obsidian', 'app.json'), 'utf8'));
  } catch {
    // No Obsidian settings in this vault (or not JSON): Obsidian's defaults.
  }
  const parsed = appSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : appSettingsSchema.parse({});
}
