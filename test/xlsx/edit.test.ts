/**
 * The lossless writer changing cells of an existing sheet (what the merge writes through), on workbooks as real
 * tools write them (test/fidelity/files): only the named cells change, their look is kept, dates are dates, a
 * formula is never overwritten, every other part is copied byte for byte, and LibreOffice opens the result.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkFor } from '../../src/core/service';
import { XlsxPackage } from '../../src/xlsx/package';
import { readWorkbookData } from '../../src/xlsx/read';
import { writeEditsCopy } from '../../src/xlsx/edit';
import { findLibreOffice, skipWithout } from '../fixtures/tools';
import { tempDir } from '../fixtures/workbooks';

const FILES = new URL('../fidelity/files/', import.meta.url).pathname;
const NAMES = readdirSync(FILES).filter((f) => /\.xls[xm]$/.test(f)).sort();
const dir = tempDir('cchc-edit-');
const SOFFICE = findLibreOffice();
/** Inputs ExcelJS itself misreads, checked without it (it fails on the original file just the same). */
const EXCELJS_CANNOT: Record<string, string> = {
  'openpyxl-features.xlsx': 'ExcelJS throws on the drawing anchors openpyxl writes',
  'libreoffice-1904.xlsx': 'ExcelJS ignores date1904="true" (LibreOffice\'s spelling), so its dates are 1462 days early',
};

/** The edits the merge would make on a file's appendix: a status, a done date, and a column it lacks. */
function planFor(name: string) {
  const pkg = new XlsxPackage(readFileSync(join(FILES, name)));
  const data = readWorkbookData(pkg);
  const { appendix } = checkFor(data, '2024-04-10');
  const grid = data.sheets.find((s) => s.name === appendix.sheet)!.grid;
  const task = appendix.tasks[0];
  const free = Math.max(...grid.map((r) => r.length));
  const statusCol = appendix.columns.status ?? free + 1;
  const edits = [
    { row: task.row, col: statusCol, value: 'Đã hoàn thành' },
    { row: task.row, col: free, value: '2024-03-28', date: '2024-03-28' },
    { row: appendix.headerRows[0], col: free, value: 'Ngày hoàn thành (đơn vị báo)' },
  ];
  return { pkg, sheet: appendix.sheet, task, edits, statusCol, free };
}

describe.each(NAMES)('cells changed in a copy of %s', (name) => {
  it('holds the new values, as ExcelJS reads them, and nothing else changed in that sheet', async () => {
    const { pkg, sheet, edits, task, statusCol, free } = planFor(name);
    const { buffer, skipped } = writeEditsCopy(pkg, sheet, edits);
    expect(skipped).toEqual([]);
    const before = readWorkbookData(pkg).sheets.find((s) => s.name === sheet)!.grid;
    const after = readWorkbookData(new XlsxPackage(buffer)).sheets.find((s) => s.name === sheet)!.grid;
    expect(after[task.row - 1][statusCol]).toBe('Đã hoàn thành');
    expect(after[task.row - 1][free]).toEqual(new Date(Date.UTC(2024, 2, 28)));
    const touched = new Set(edits.map((e) => `${e.row - 1}:${e.col}`));
    for (let r = 0; r < Math.max(before.length, after.length); r++) {
      for (let c = 0; c < Math.max(before[r]?.length ?? 0, after[r]?.length ?? 0); c++) {
        if (touched.has(`${r}:${c}`)) continue;
        expect(after[r]?.[c] ?? null, `${name} ${r + 1}:${c}`).toEqual(before[r]?.[c] ?? null);
      }
    }
    writeFileSync(join(dir, `${name}.edited${name.endsWith('.xlsm') ? '.xlsm' : '.xlsx'}`), buffer);
    // An independent reader sees a date cell shown as a date (LibreOffice, below, reads every file).
    if (EXCELJS_CANNOT[name]) return;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const cell = wb.getWorksheet(sheet)!.getCell(task.row, free + 1);
    expect(cell.value).toEqual(new Date(Date.UTC(2024, 2, 28)));
    expect(cell.numFmt).toBe('dd/mm/yyyy');
  });

  it('copies every part but the sheet and the styles byte for byte', () => {
    const { pkg, sheet, edits } = planFor(name);
    const copy = new XlsxPackage(writeEditsCopy(pkg, sheet, edits).buffer);
    const part = pkg.sheets.find((s) => s.name === sheet)!.part!;
    const differs = pkg.zip.entries.filter((e) => !pkg.data(e.name).equals(copy.data(e.name))).map((e) => e.name);
    expect(differs.filter((n) => n !== part && n !== pkg.workbookPartOf('styles'))).toEqual([]);
    expect(copy.zip.entries.map((e) => e.name)).toEqual(pkg.zip.entries.map((e) => e.name));
  });
});

describe('cells that hold formulas', () => {
  it('are never overwritten: the edit comes back as skipped and the formula stays', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian', 'Tiến độ']);
    ws.addRow([1, 'Việc A', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện']);
    ws.getCell('E3').value = { formula: 'E2', result: 'Đang thực hiện' };
    ws.getCell('B3').value = 'Việc B';
    const pkg = new XlsxPackage(Buffer.from(await wb.xlsx.writeBuffer()));
    const { buffer, skipped } = writeEditsCopy(pkg, 'Phụ lục', [
      { row: 2, col: 4, value: 'Đã hoàn thành' },
      { row: 3, col: 4, value: 'Đã hoàn thành' },
    ]);
    expect(skipped).toEqual([{ row: 3, col: 4, value: 'Đã hoàn thành', reason: 'formula' }]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(back.getWorksheet('Phụ lục')!.getCell('E2').value).toBe('Đã hoàn thành');
    expect(back.getWorksheet('Phụ lục')!.getCell('E3').value).toMatchObject({ formula: 'E2' });
  });

  it('writes text that looks like a formula as text', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['a']);
    const pkg = new XlsxPackage(Buffer.from(await wb.xlsx.writeBuffer()));
    const { buffer } = writeEditsCopy(pkg, 'S', [{ row: 1, col: 1, value: '=HYPERLINK("http://x","y")' }]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(back.getWorksheet('S')!.getCell('B1').value).toBe('=HYPERLINK("http://x","y")');
  });
});

describe.skipIf(skipWithout('LibreOffice', SOFFICE, 'opening the edited copies in LibreOffice (test/xlsx/edit)', 'install libreoffice-calc-nogui or set SOFFICE_PATH'))('the edited copies in LibreOffice', () => {
  it('opens every edited copy and shows the new status and date', () => {
    const out = join(dir, 'csv');
    const copies = readdirSync(dir).filter((f) => f.includes('.edited.')).map((f) => join(dir, f));
    expect(copies).toHaveLength(NAMES.length);
    execFileSync(
      SOFFICE!,
      [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, ...copies],
      { stdio: 'ignore', timeout: 240_000 },
    );
    for (const name of NAMES) {
      const { sheet } = planFor(name);
      const csv = readFileSync(join(out, `${name}.edited-${sheet}.csv`), 'utf8');
      expect(csv, name).toContain('Đã hoàn thành');
      expect(csv, name).toMatch(/28\/03\/2024|03\/28\/2024/);
    }
  }, 300_000);
});
