import { defineConfig } from 'vitest/config';

// Five projects: `unit` (pure modules, and plugins through the real Markdown processor),
// `build` (the fixture vaults are built once, in global setup; many assertions read their
// HTML), `hostile` (generated hostile vaults), `site` and `deploy` (quality gates on the real
// dist/ and nginx, so they run after `npm run build`).
// Browser tests are Playwright's (playwright.config.ts).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'] } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          exclude: ['tests/build/hostile-*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
      // `hostile`: vaults generated at test time (symlinks, planted script, limits), each built
      // for real; independent of the fixture build, so without its global setup.
      { test: { name: 'hostile', include: ['tests/build/hostile-*.test.ts'], testTimeout: 120_000, hookTimeout: 600_000 } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], testTimeout: 120_000 } },
      // `deploy`: deploy/ (manifests, Dockerfile, workflow) and deploy/nginx/ running in Debian's
      // nginx over the real dist/, so it too runs after `npm run build`.
      { test: { name: 'deploy', include: ['tests/deploy/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});
