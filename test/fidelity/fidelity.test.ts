/**
 * Nothing lost: workbooks as real tools write them (test/fidelity/files, made by make_corpus.py with XlsxWriter, an
 * Excel-style writer; openpyxl; and LibreOffice), each carrying what a copy must keep (charts, images, a pivot table,
 * macros, conditional formats, validations with formula bounds, comments, defined names, an autofilter with criteria,
 * frozen panes, hidden sheets, protection with passwords, print setup, hyperlinks, rich text, a table, an external
 * link, custom properties, a custom theme, 1904 dates in both spellings, a sheet named like the report tab).
 * The copies are read back with JSZip and ExcelJS, independent of the tool's own package code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLibreOffice, skipWithout } from '../fixtures/tools';
import { readZip, type ZipEntry } from '../../src/xlsx/zip';
import { readWorkbook, tempDir } from '../fixtures/workbooks';

const FILES = new URL('./files/', import.meta.url).pathname;
const NAMES = readdirSync(FILES).filter((f) => /\.xls[xm]$/.test(f)).sort();
const dir = tempDir('cchc-fidelity-');
const AS_OF = '2024-04-10';
const SOFFICE = findLibreOffice();

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/cchc.js', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function parts(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) if (!file.dir) out.set(file.name, await file.async('nodebuffer'));
  return out;
}

/** The parts that differ between two packages (changed, added or removed). */
async function changedParts(a: string, b: string): Promise<string[]> {
  const [pa, pb] = [await parts(a), await parts(b)];
  const names = new Set([...pa.keys(), ...pb.keys()]);
  return [...names].filter((n) => !pa.get(n) || !pb.get(n) || !pa.get(n)!.equals(pb.get(n)!)).sort();
}

async function sheetNames(path: string): Promise<string[]> {
  const xml = (await parts(path)).get('xl/workbook.xml')!.toString('utf8');
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

interface Run {
  input: string;
  before: string;
  copy: string;
  again: string;
  tab: string;
}
const runs = new Map<string, Run>();

beforeAll(() => {
  for (const name of NAMES) {
    const input = join(dir, name);
    copyFileSync(join(FILES, name), input);
    const before = sha(input);
    const ext = name.endsWith('.xlsm') ? '.xlsm' : '.xlsx';
    const copy = join(dir, `${name}.copy${ext}`);
    const again = join(dir, `${name}.again${ext}`);
    const first = cchc('report', input, '--period', 'Q1/2024', '--as-of', AS_OF, '--out', copy, '--json');
    if (first.code !== 0) throw new Error(`${name}: ${first.stderr}`);
    const second = cchc('report', copy, '--period', 'Q1/2024', '--as-of', AS_OF, '--out', again, '--json');
    if (second.code !== 0) throw new Error(`${name} (second run): ${second.stderr}`);
    runs.set(name, { input, before, copy, again, tab: JSON.parse(first.stdout).tab });
  }
});

describe.each(NAMES)('a report copy of %s', (name) => {
  it('leaves the input byte for byte as it was', () => {
    const run = runs.get(name)!;
    expect(sha(run.input)).toBe(run.before);
  });

  it('changes only the sheet list, its relationships, the content types and the styles, and adds one sheet', async () => {
    const run = runs.get(name)!;
    const changed = await changedParts(run.input, run.copy);
    const input = await parts(run.input);
    const added = changed.filter((p) => !input.has(p));
    const modified = changed.filter((p) => input.has(p));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    expect(modified.every((p) => ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'].includes(p))).toBe(true);
    // Every part of the input is still there.
    const copy = await parts(run.copy);
    expect([...input.keys()].filter((p) => !copy.has(p))).toEqual([]);
  });

  it('stores every unchanged part exactly as the input stored it (same compressed bytes, same local header)', async () => {
    const run = runs.get(name)!;
    const changed = new Set(await changedParts(run.input, run.copy));
    const [a, b] = [readFileSync(run.input), readFileSync(run.copy)];
    const [za, zb] = [readZip(a), readZip(b)];
    const stored = (buf: Buffer, e: ZipEntry) => buf.subarray(e.localStart, e.localEnd);
    let compared = 0;
    for (const entry of za.entries.filter((e) => !changed.has(e.name))) {
      const twin = zb.entries.find((e) => e.name === entry.name)!;
      expect(stored(b, twin).equals(stored(a, entry)), entry.name).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(za.entries.length - 4);
  });

  it('keeps the workbook part as it was but for one more <sheet>, and the styles with formats only appended', async () => {
    const run = runs.get(name)!;
    const [a, b] = [await parts(run.input), await parts(run.copy)];
    const before = a.get('xl/workbook.xml')!.toString('utf8');
    const after = b.get('xl/workbook.xml')!.toString('utf8');
    const inserted = new RegExp(`<sheet name="${run.tab.replace(/[()]/g, '\\$&')}" sheetId="\\d+" (?:xmlns:r="[^"]*" )?r:id="rId\\d+"/>`).exec(after);
    expect(inserted).not.toBeNull();
    expect(after.replace(inserted![0], '')).toBe(before);
    for (const list of ['fonts', 'fills', 'borders', 'cellXfs']) {
      const inner = (xml: string) => new RegExp(`<${list}[^>]*>(.*?)</${list}>`, 's').exec(xml)?.[1] ?? '';
      const old = inner(a.get('xl/styles.xml')!.toString('utf8'));
      const now = inner(b.get('xl/styles.xml')!.toString('utf8'));
      expect(now.startsWith(old), `${list} keeps its existing entries first`).toBe(true);
      expect(now.length).toBeGreaterThan(old.length);
    }
  });

  it('gives the same tasks and findings from cchc check on the copy as on the input', () => {
    const run = runs.get(name)!;
    const a = JSON.parse(cchc('check', run.input, '--as-of', AS_OF, '--json').stdout);
    const b = JSON.parse(cchc('check', run.copy, '--as-of', AS_OF, '--json').stdout);
    expect(b.tasks).toEqual(a.tasks);
    expect(b.findings).toEqual(a.findings);
    expect(a.tasks).toHaveLength(5);
  });

  it('replaces only its own tab on a second run', async () => {
    const run = runs.get(name)!;
    expect(await sheetNames(run.again)).toEqual(await sheetNames(run.copy));
    const changed = await changedParts(run.copy, run.again);
    expect(changed.every((p) => p === 'xl/styles.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(p))).toBe(true);
  });

  it('is read by ExcelJS with the tab in place, wherever ExcelJS reads the input at all', async () => {
    const run = runs.get(name)!;
    const original = await new ExcelJS.Workbook().xlsx.readFile(run.input).then(
      () => null,
      (err: Error) => err.message,
    );
    const wb = new ExcelJS.Workbook();
    if (original !== null) {
      // ExcelJS cannot read openpyxl's image anchors ("reading 'anchors'"); the copy fails the same way, no worse.
      await expect(wb.xlsx.readFile(run.copy)).rejects.toThrow(original);
      return;
    }
    await wb.xlsx.readFile(run.copy);
    const tab = wb.getWorksheet(run.tab)!;
    expect(tab.getCell('A2').value).toBe('BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH');
    expect(tab.getCell('A2').font).toMatchObject({ bold: true, name: 'Times New Roman' });
    expect((await sheetNames(run.copy)).length).toBe((await sheetNames(run.input)).length + 1);
  });
});

describe('what the corpus carries, case by case', () => {
  it('gives the report a new name when the user has a sheet named like it, and leaves that sheet alone', async () => {
    const run = runs.get('excel-style-features.xlsx')!;
    expect(run.tab).toBe('Báo cáo Quý I-2024 (2)');
    expect(await sheetNames(run.copy)).toEqual(['Phụ lục', 'Ghi chú', 'Số liệu', 'Ẩn', 'Báo cáo Quý I-2024', 'Báo cáo Quý I-2024 (2)']);
  });

  it('keeps an .xlsm an .xlsm with its macros, and refuses to write it as .xlsx', async () => {
    const name = 'excel-style-macros.xlsm';
    const run = runs.get(name)!;
    const [a, b] = [await parts(run.input), await parts(run.copy)];
    expect(b.get('xl/vbaProject.bin')!.equals(a.get('xl/vbaProject.bin')!)).toBe(true);
    expect(b.get('[Content_Types].xml')!.toString('utf8')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    const byDefault = cchc('report', run.input, '--period', 'Q1/2024', '--as-of', AS_OF, '--json');
    expect(byDefault.code).toBe(0);
    expect(JSON.parse(byDefault.stdout).output).toBe(join(dir, 'excel-style-macros.bao-cao-Q1-2024.xlsm'));
    const asXlsx = cchc('report', run.input, '--period', 'Q1/2024', '--out', join(dir, 'macros.xlsx'));
    expect(asXlsx.code).toBe(2);
    expect(asXlsx.stderr).toContain('có macro (VBA): tệp kết quả phải có đuôi .xlsm');
    expect(existsSync(join(dir, 'macros.xlsx'))).toBe(false);
    const plainAsXlsm = cchc('report', runs.get('excel-style-plain.xlsx')!.input, '--period', 'Q1/2024', '--out', join(dir, 'plain.xlsm'));
    expect(plainAsXlsm.code).toBe(2);
    expect(plainAsXlsm.stderr).toContain('không có macro: tệp kết quả phải có đuôi .xlsx');
  });

  it('reads the same dates from a LibreOffice 1904 workbook ("true"), an Excel-style 1904 one ("1") and a 1900 one', () => {
    const grid = (name: string) => readWorkbook(join(FILES, name)).sheets[0].grid;
    const plain = grid('excel-style-plain.xlsx');
    // Task 1 is due 31/03/2024 and was done 20/03/2024 (make_corpus.py).
    expect(plain[4][4]).toEqual(new Date(Date.UTC(2024, 2, 31)));
    expect(plain[4][6]).toEqual(new Date(Date.UTC(2024, 2, 20)));
    expect(grid('excel-style-1904.xlsx')).toEqual(plain);
    expect(grid('libreoffice-1904.xlsx')).toEqual(plain);
  });

  it('writes the report\'s dates as serial numbers of the workbook\'s own date system', async () => {
    for (const name of ['excel-style-plain.xlsx', 'libreoffice-1904.xlsx', 'excel-style-1904.xlsx']) {
      const run = runs.get(name)!;
      const report = readWorkbook(run.copy).sheets.find((s) => s.name === run.tab)!;
      // The overdue table lists task 2 (Quý I/2024, due 31/03/2024) with its due date as a date cell.
      const row = report.grid.find((r) => r[1] === '2. Kiểm tra công tác CCHC tại các đơn vị')!;
      expect(row[3], name).toEqual(new Date(Date.UTC(2024, 2, 31)));
    }
  });
});

describe.skipIf(skipWithout('LibreOffice', SOFFICE, 'opening the fidelity copies in LibreOffice (test/fidelity)', 'install libreoffice-calc-nogui or set SOFFICE_PATH'))('the copies in LibreOffice', () => {
  it('opens every copy and reads the report tab and every user sheet', () => {
    const out = join(dir, 'csv');
    const copies = NAMES.map((n) => runs.get(n)!.copy);
    execFileSync(
      SOFFICE!,
      [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, ...copies],
      { stdio: 'ignore', timeout: 240_000 },
    );
    const written = readdirSync(out);
    for (const name of NAMES) {
      const run = runs.get(name)!;
      const base = run.copy.split('/').pop()!.replace(/\.xls[xm]$/, '');
      const report = written.find((f) => f === `${base}-${run.tab}.csv`);
      expect(report, `${name}: LibreOffice read the report tab`).toBeDefined();
      expect(readFileSync(join(out, report!), 'utf8')).toContain('BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH');
      expect(written.filter((f) => f.startsWith(`${base}-`))).toHaveLength(readWorkbook(run.input).sheets.length + 1);
    }
  }, 300_000);
});
