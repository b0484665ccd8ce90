import { defineConfig } from 'vitest/config';

/**
 * The suite as `npm run mutate` runs it: the tests that exercise the core in the test process. Tests that drive a child
 * process (the built CLI, and the corpus, which runs every case through it), the built Apps Script bundle in node:vm, a
 * browser or LibreOffice cannot see a mutant, which lives in this process; they run in `npm test`. The Excel host test
 * is left out too: its parity checks compare the host (mutated core) with the command line (unmutated child process),
 * so they fail on any change whatever the expected behaviour, and a kill there proves no test states it. The package
 * reader and writer (src/xlsx, test/xlsx, test/fidelity) are not part of the core and are not mutated.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/cli.test.ts',
      'test/cli-files.test.ts',
      'test/fidelity/**',
      'test/xlsx/**',
      'test/real-plans.test.ts',
      'test/corpus/**',
      'test/render.test.ts',
      'test/gas/**',
      'test/office/taskpane.test.ts',
      'test/office/taskpane-exchange.test.ts',
      'test/office/office.test.ts',
    ],
    globalSetup: ['test/setup/build-cli.ts'],
    setupFiles: ['test/setup/cold-memos.ts'],
    env: { CCHC_MUTATION: '1' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
