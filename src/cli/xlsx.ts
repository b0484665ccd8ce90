import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { CellValue, MergeRange, SheetData, WorkbookData } from '../core/types';
import { CliError } from './errors';

/** ExcelJS's cell value in the core's plain shape. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return String(value.error);
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : toCellValue(result as ExcelJS.CellValue);
    }
    if ('text' in value) return toCellValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  }
  return String(value);
}

/** One worksheet as a grid; merged cells other than the top-left are empty, as Sheets and Excel return them. */
export function sheetToData(ws: ExcelJS.Worksheet): SheetData {
  const grid: CellValue[][] = [];
  const merges = new Map<string, MergeRange>();
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.isMerged && cell.master !== cell) {
        const master = cell.master;
        const range = merges.get(master.address) ?? {
          top: Number(master.row) - 1,
          left: Number(master.col) - 1,
          bottom: Number(master.row) - 1,
          right: Number(master.col) - 1,
        };
        range.bottom = Math.max(range.bottom, r);
        range.right = Math.max(range.right, c);
        merges.set(master.address, range);
        return;
      }
      out[c] = toCellValue(cell.value);
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    grid[r] = out;
  });
  for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
  return { name: ws.name, grid, merges: [...merges.values()], hiddenRows };
}

export function workbookToData(wb: ExcelJS.Workbook): WorkbookData {
  return { sheets: wb.worksheets.map(sheetToData) };
}

/** Load an .xlsx file, turning every way it can fail into a Vietnamese message. */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`Không tìm thấy tệp "${path}".`);
    if (code === 'EISDIR') throw new CliError(`"${path}" là một thư mục, không phải tệp .xlsx.`);
    throw new CliError(`Không mở được tệp "${path}" (${code ?? 'lỗi đọc tệp'}).`);
  }
  const head = buffer.subarray(0, 8);
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new CliError(
      `Tệp "${path}" là tệp Excel cũ (.xls) hoặc tệp có đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu nếu có, ` +
        `rồi lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".`,
    );
  }
  if (head[0] !== 0x50 || head[1] !== 0x4b) {
    throw new CliError(`Tệp "${path}" không phải tệp .xlsx (sổ làm việc Excel). Hãy lưu lại tệp dưới dạng .xlsx.`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (err) {
    throw new CliError(`Tệp "${path}" bị hỏng hoặc không phải .xlsx hợp lệ (${(err as Error).message}).`);
  }
  return wb;
}
