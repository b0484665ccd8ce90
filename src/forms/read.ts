/**
 * A workbook ExcelJS has loaded (in the task pane: a file the user picked), as the core reads workbooks: every
 * sheet's values (rich text joined, a formula's result, a link's text, an error's code), merges and hidden rows.
 * The command line reads files with its own package reader (src/xlsx/read.ts); a test holds both to the same merge.
 */
import type ExcelJS from 'exceljs';
import type { CellValue, MergeRange, SheetData, WorkbookData } from '../core/types';

function plain(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return value.error;
    if ('formula' in value || 'sharedFormula' in value) return plain((value as { result?: ExcelJS.CellValue }).result);
    if ('text' in value) return plain((value as { text: ExcelJS.CellValue }).text);
  }
  return String(value);
}

/** "B2:D3" → its 0-based range. */
function mergeRange(ref: string): MergeRange | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) };
}

export function workbookFromExcelJS(wb: ExcelJS.Workbook): WorkbookData {
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => {
    const grid: CellValue[][] = [];
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const line: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        line[c - 1] = plain(cell.value);
      });
      grid[r - 1] = Array.from(line, (v) => v ?? null);
      if (row.hidden) hiddenRows.push(r - 1);
    });
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(mergeRange).filter((m): m is MergeRange => m !== null);
    sheets.push({ name: ws.name, grid: Array.from(grid, (line) => line ?? []), merges, hiddenRows });
  });
  return { sheets };
}
