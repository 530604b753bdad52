/**
 * The engine's defaults, neutral: no site's identity lives here. A vault describes itself in
 * its own settings file (`atlas.yaml` at the vault root: title, description, language,
 * navigation, labels…); every setting and its default is in `src/lib/site-config.ts`.
 * Per-deployment values (vault path, site URL, base path, lenient mode) come from environment
 * variables, see "Configuration" in the README.
 */
import type { SiteSettings } from './lib/site-config.ts';

export default {
  /** The vault published when `ATLAS_VAULT` is not set. */
  vault: 'content',
  /** The vault's settings file, relative to the vault. */
  settingsFile: 'atlas.yaml',
} satisfies SiteSettings;
