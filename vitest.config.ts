import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Test tiers by file name (see docs/decisions/003-prisma-7-pglite-tests.md):
//   unit         *.test.ts(x)              pure, no database, no network
//   integration  *.integration.test.ts     real database (PGlite, or PostgreSQL when TEST_DATABASE_URL is set)
//   e2e          test/e2e/*.e2e.test.ts    the built server driven by headless Chromium
export default defineConfig({
  // The app's `~/…` imports (tsconfig paths), for unit tests of app components.
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/**/*.test.ts',
            'app/**/*.test.{ts,tsx}',
            'server/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          setupFiles: ['test/setup/setup-test-env.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.integration.test.ts', 'server/**/*.integration.test.ts'],
          setupFiles: ['test/setup/setup-test-env.ts'],
          globalSetup: ['test/setup/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
