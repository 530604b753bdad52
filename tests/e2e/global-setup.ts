/**
 * Browser tests' global setup: builds the fixture vault (tests/fixtures/e2e-vault) once per run
 * and serves it on a free port (tests/helpers/static-server.ts). Every engine spec runs on that
 * site, so editing a note of the shipped vault (content/) cannot break one; the `content`
 * project alone reads the shipped site (playwright.config.ts).
 *
 * The fixture's diagrams are drawn from its committed render cache
 * (tests/fixtures/e2e-vault/.atlas/diagrams/). Locally a missing render is drawn in Chromium and
 * written there, to be committed. In CI (CI set) the build gets no browser, so a render missing
 * from the commit fails the run instead of being drawn and passing; a render no diagram uses
 * any more fails it too (the build would prune it, leaving the commit stale).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, forgetBuilds } from '../build/build-site.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { FIXTURE_DIST, FIXTURE_VAULT } from './fixture-site.ts';

const CACHE = join(FIXTURE_VAULT, '.atlas/diagrams');

const renders = () => (existsSync(CACHE) ? readdirSync(CACHE).filter((f) => !f.endsWith('.tmp')).sort() : []);

export default async function globalSetup() {
  const ci = Boolean(process.env.CI);
  // A ledger of published addresses left by an earlier run would hold addresses of fixture
  // pages that have changed since, and fail the strict build; each run starts without one.
  rmSync(join(FIXTURE_VAULT, '.atlas/published.json'), { force: true });
  // Every note rendered afresh, so every diagram passes through the render cache: a build that
  // reuses notes from Astro's content store prunes the renders of the notes it did not render
  // (src/integrations/atlas-integration.ts), and the committed cache would lose them.
  forgetBuilds(FIXTURE_VAULT);
  const before = renders();
  const started = performance.now();
  const built = buildSite(FIXTURE_VAULT, FIXTURE_DIST, ci ? { CHROMIUM_PATH: '/nonexistent/chromium' } : {});
  if (built.status !== 0) {
    const missing = /diagram-no-browser/.test(built.output)
      ? '\nA diagram of the fixture has no committed render: run the browser tests once outside CI (npx playwright test) and commit tests/fixtures/e2e-vault/.atlas/diagrams/.\n'
      : '';
    throw new Error(`The e2e fixture vault did not build.${missing}\n${built.output}`);
  }
  const after = renders();
  if (ci && after.join() !== before.join()) {
    throw new Error(
      `The e2e fixture's committed render cache is stale (renders added or pruned: ${[...before.filter((f) => !after.includes(f)), ...after.filter((f) => !before.includes(f))].join(', ')}). Build it outside CI and commit tests/fixtures/e2e-vault/.atlas/diagrams/.`,
    );
  }
  const server = await startStaticServer(FIXTURE_DIST);
  // Workers inherit the environment: playwright.config.ts reads this for the fixture projects.
  process.env.E2E_FIXTURE_ORIGIN = server.origin;
  console.log(`e2e fixture: built in ${((performance.now() - started) / 1000).toFixed(1)} s, served at ${server.origin}`);
  return () => server.close();
}
