import { describe, expect, it } from 'vitest';
import { ConfigError, loadSiteConfig } from '../../../src/lib/site-config.ts';

describe('loadSiteConfig', () => {
  it('uses the settings, with environment overrides', () => {
    const config = loadSiteConfig({ vault: 'content' }, { ATLAS_VAULT: '/tmp/v', ATLAS_BASE: 'atlas', ATLAS_SITE_URL: 'https://x.org' }, '/root');
    expect(config).toMatchObject({ vaultDir: '/tmp/v', base: '/atlas/', site: 'https://x.org', strict: true, title: 'Container Atlas' });
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
