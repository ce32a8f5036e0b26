import { defineConfig } from 'vitest/config';

/**
 * Four projects, one run (`npm test` runs them all through scripts/run-tests.ts):
 *  - unit:        fast tests beside the code (`**\/*.test.ts`) plus test/unit; no database.
 *  - integration: test/integration, against a real Neo4j; one file at a time.
 *  - e2e:         test/e2e, real Chromium against the real stack; one file at a time.
 *  - electron:    test/electron, needs the Electron binary (tests skip themselves when it is absent).
 * The database projects share test/setup/global-neo4j.ts, which starts ONE fresh Neo4j for the whole run
 * (or uses SCHAKEL_TEST_NEO4J_URI when the caller already started one).
 */
const databaseSetup = ['./test/setup/global-neo4j.ts'];
const neverTests = ['**/node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'local-neo4j/launcher/**', '.schakel-data/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          // Generous: CI machines have two cores and generating demo data takes seconds under load.
          testTimeout: 60_000,
          environment: 'node',
          include: ['**/*.test.ts', '**/*.test.tsx', 'test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          exclude: [...neverTests, 'test/integration/**', 'test/e2e/**', 'test/electron/**'],
        },
      },
      {
        test: {
          name: 'integration',
          // The database projects share one Neo4j and wipe or seed it: run them one after another.
          sequence: { groupOrder: 1 },
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          exclude: neverTests,
          globalSetup: databaseSetup,
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          // The database projects share one Neo4j and wipe or seed it: run them one after another.
          sequence: { groupOrder: 2 },
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          exclude: neverTests,
          globalSetup: databaseSetup,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'electron',
          // The database projects share one Neo4j and wipe or seed it: run them one after another.
          sequence: { groupOrder: 3 },
          environment: 'node',
          include: ['test/electron/**/*.test.ts'],
          exclude: neverTests,
          globalSetup: databaseSetup,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
