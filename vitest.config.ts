import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build-cli.ts'],
    setupFiles: ['test/setup/cold-memos.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
