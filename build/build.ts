/**
 * Build every bundle from the one TypeScript core: the command line (dist/cli), the Google Sheets add-on
 * (dist/gas) and the Excel add-in (dist/office). Run with `npm run build`.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { buildGas } from './gas';
import { buildOffice } from './office';

const root = new URL('..', import.meta.url).pathname;

export async function buildCli(): Promise<void> {
  await build({
    entryPoints: [`${root}src/cli/index.ts`],
    outfile: `${root}dist/cli/cchc.cjs`,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // ExcelJS (the example) and docx (the official report) are runtime dependencies installed by npm, loaded only by the
    // commands that use them: bundling them would make every command parse them.
    external: ['exceljs', 'docx'],
    define: { CCHC_VERSION: JSON.stringify(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version) },
    logLevel: 'warning',
  });
}

export async function buildAll(): Promise<void> {
  await rm(`${root}dist`, { recursive: true, force: true });
  await Promise.all([buildCli(), buildGas(root), buildOffice(root)]);
}

if (process.argv[1]?.endsWith('build.ts')) {
  buildAll().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
