/**
 * The fixture site of the browser tests: tests/fixtures/e2e-vault, built by the global setup
 * (./global-setup.ts) into FIXTURE_DIST and served as the `fixture` project's baseURL.
 */
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURE_VAULT = join(ROOT, 'tests/fixtures/e2e-vault');
export const FIXTURE_DIST = join(ROOT, 'tests/.tmp/e2e-fixture-dist');
/** The site's canonical origin (`url:` in the fixture's atlas.yaml), not the test server's. */
export const FIXTURE_SITE_URL = 'https://notes.homelab.example';
/** Entries of the fixture's glossary folder. */
export const FIXTURE_TERMS = 46;
