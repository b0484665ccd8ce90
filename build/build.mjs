// Build every bundle from the one TypeScript core. Hosts added by later issues add their entries here.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const root = new URL('..', import.meta.url).pathname;

export async function buildCli() {
  await build({
    entryPoints: [`${root}src/cli/index.ts`],
    outfile: `${root}dist/cli/cchc.cjs`,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // ExcelJS is a runtime dependency installed by npm; bundling it buys nothing and hides its own files.
    external: ['exceljs'],
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await rm(`${root}dist/cli`, { recursive: true, force: true });
  await buildCli();
}
