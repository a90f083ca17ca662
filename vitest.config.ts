import { defineConfig } from 'vitest/config';

// Three tiers (see CODE_STYLE.md): pure unit tests, "db" tests that run services and HTTP
// against a real database (engine chosen by TEST_DB=sqlite|postgres), and browser journeys.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    // Registers the modules' permission actions for tests that do not build the app.
    setupFiles: ['test/support/module-actions.setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'src/**/*.test.tsx',
            // ── D ── the evaluation data sets' shape checks (issue 14)
            'test/data/**/*.data.test.ts',
            // ── end D ──
          ],
          exclude: ['**/*.db.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
