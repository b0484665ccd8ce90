/**
 * The Excel add-in in dist/office: taskpane.html (the shared runtime's page: Office.js from Microsoft's CDN, the
 * panel's CSS inlined), taskpane.js, functions.js, functions.json and icons. functions.json is produced by
 * custom-functions-metadata from JSDoc that this script writes from the catalogue; its errors fail the build.
 */
import { build } from 'esbuild';
import { EXCELJS_BROWSER } from './vendor';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { CATALOGUE, type CatalogueFunction } from '../src/core/functions/catalogue';
import { excelName } from '../src/hosts/office/functions';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function jsdocType(fn: CatalogueFunction, type: CatalogueFunction['params'][number]['type']): string {
  if (type === 'range') return 'any[][]';
  // Element-wise functions take ranges in every argument and broadcast single cells.
  if (fn.elementwise) return 'any[][]';
  return type === 'text' ? 'string' : type === 'number' ? 'number' : 'any';
}

/**
 * A rate or a date may have no value ("no data": nothing fell due in the period). Both hosts show that as an empty
 * cell; Excel shows "" from a number-typed function as #VALUE!, so those are declared `any`.
 */
function resultType(fn: CatalogueFunction): string {
  if (fn.elementwise) return 'any[][]';
  if (fn.result === 'text') return 'string';
  return fn.result === 'number' ? 'number' : 'any';
}

/** JSDoc source that custom-functions-metadata turns into functions.json (ids and names from the catalogue). */
export function metadataSource(): string {
  return CATALOGUE.map((fn) => {
    const lines = [
      '/**',
      ` * ${fn.description}`,
      ` * @customfunction ${fn.id} ${excelName(fn)}`,
      ...fn.params.map((p) => ` * @param {${jsdocType(fn, p.type)}} ${p.optional ? `[${p.name}]` : p.name} ${p.description}`),
      ` * @returns {${resultType(fn)}} ${fn.result === 'percent' ? 'Tỷ lệ (0–1).' : fn.result === 'date' ? 'Ngày (số sê-ri).' : 'Kết quả.'}`,
      ' */',
      `export function ${excelName(fn)}(${fn.params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${jsdocType(fn, p.type)}`).join(', ')}): ${resultType(fn)} {`,
      `  throw new Error('metadata only');`,
      '}',
    ];
    return lines.join('\n');
  }).join('\n\n');
}

export async function buildOffice(root: string): Promise<void> {
  const out = `${root}dist/office`;
  await mkdir(`${out}/assets`, { recursive: true });

  const scratch = `${root}dist/.office-metadata`;
  await mkdir(scratch, { recursive: true });
  const source = `${scratch}/functions.ts`;
  await writeFile(source, metadataSource());
  const result = await generateCustomFunctionsMetadata(source, false);
  if (result.errors.length) throw new Error(`custom-functions-metadata:\n${result.errors.join('\n')}`);
  const ids = result.associate.map((a) => a.id).sort();
  const expected = CATALOGUE.map((f) => f.id).sort();
  if (JSON.stringify(ids) !== JSON.stringify(expected)) throw new Error(`functions.json ids ${ids} do not match the catalogue ${expected}`);
  await writeFile(`${out}/functions.json`, result.metadataJson);
  await rm(scratch, { recursive: true, force: true });

  const common = { bundle: true, format: 'iife' as const, target: 'es2017', minify: true, logLevel: 'warning' as const, mainFields: ['module', 'main'] };
  await build({ ...common, entryPoints: [`${root}src/hosts/office/functions-entry.ts`], outfile: `${out}/functions.js` });
  await build({ ...common, entryPoints: [`${root}src/hosts/office/taskpane.ts`], outfile: `${out}/taskpane.js` });

  const template = await readFile(`${root}src/panel/panel.html`, 'utf8');
  const css = await readFile(`${root}src/panel/panel.css`, 'utf8');
  const html = template
    .replace('/*CSS*/', () => css)
    .replace('<!--HEAD-->', `<script src="${OFFICE_JS}"></script>`)
    .replace('<script>/*JS*/</script>', '<script src="functions.js"></script>\n<script src="taskpane.js"></script>');
  await writeFile(`${out}/taskpane.html`, html);
  for (const icon of await readdir(`${root}assets/icons`)) await copyFile(`${root}assets/icons/${icon}`, `${out}/assets/${icon}`);
  // ExcelJS's browser build, served beside the pane and loaded only when update forms are made or read.
  await copyFile(EXCELJS_BROWSER, `${out}/exceljs.min.js`);
}
