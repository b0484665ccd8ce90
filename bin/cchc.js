#!/usr/bin/env node
// Launcher for the bundled command line (built by `npm run build` into dist/cli/cchc.cjs).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const bundle = new URL('../dist/cli/cchc.cjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('Chưa dựng công cụ: chạy "npm ci && npm run build" trong thư mục dự án trước.\n');
  process.exit(2);
}
createRequire(import.meta.url)(bundle.pathname);
