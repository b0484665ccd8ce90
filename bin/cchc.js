#!/usr/bin/env node
// Launcher for the bundled command line (built by `npm run build` into dist/cli/cchc.cjs).
//
// The bundle is compiled with V8's code cache, one per command (dist/cli/cchc.cjs.<command>.cache, written after the
// command's first run, rewritten when V8 rejects it after a rebuild or a Node upgrade): a run then skips compiling the
// functions the same command used before, about 15 ms of a 250 ms report on 1,000 tasks. Node 20 has no built-in compile cache for CommonJS (module.enableCompileCache
// arrives in Node 22).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

const bundle = new URL('../dist/cli/cchc.cjs', import.meta.url).pathname;
if (!existsSync(bundle)) {
  process.stderr.write('Chưa dựng công cụ: chạy "npm ci && npm run build" trong thư mục dự án trước.\n');
  process.exit(2);
}
const command = /^(check|report|demo)$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
const cacheFile = `${bundle}.${command}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
const module = { exports: {}, filename: bundle };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
process.on('exit', () => {
  if (cachedData && !script.cachedDataRejected) return;
  // Written beside the bundle through a temporary file, so parallel runs never read half a cache; a read-only
  // install simply runs without one.
  try {
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    // No cache this time.
  }
});
