import { defineConfig, devices } from '@playwright/test';
import { freePortSync } from './tests/helpers/free-port.ts';

/**
 * Browser tests run in Debian's Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium): tool
 * downloads of browsers do not work on our machines. Two projects:
 *
 * - `fixture`: everything that tests the engine (search, keyboard, previews, copy link, theme,
 *   phone widths, glossary and term pages, the concept map, reading, axe, math, diagrams). It
 *   runs on the fixture vault tests/fixtures/e2e-vault, built once per run by the global setup
 *   (tests/e2e/global-setup.ts) and served by a small static server on a free port: editing a
 *   note of the shipped vault cannot break it.
 * - `content`: the quality of the shipped knowledge base itself (tests/e2e/content/: the search
 *   query sets, every shipped diagram reads well). It tests the built site of content/
 *   (`npm run build` first), served by `astro preview` on a free local port (set E2E_PORT to
 *   choose one); editing a note may rightly fail it.
 *
 * The config is evaluated again in every worker process: the port chosen here and the fixture's
 * address (set by the global setup) are in the environment, which the workers inherit, so they
 * all talk to the one preview server and the one fixture server.
 */
process.env.E2E_PORT ??= String(freePortSync());
const PORT = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // A test that fails once fails: a retry would hide a flaky condition instead of fixing it.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // As root in a container Chromium needs --no-sandbox; the rest stop it calling home
      // (this machine has no network, and retries would slow every test).
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
  projects: [
    {
      name: 'fixture',
      testIgnore: 'content/**',
      use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: process.env.E2E_FIXTURE_ORIGIN },
    },
    {
      // The shipped knowledge base: these tests are about its notes, not about the engine.
      name: 'content',
      testDir: 'tests/e2e/content',
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    // The port is free by construction: whatever listens there is not our preview.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
