/// <reference types="office-js" />
import type { CellValue, MergeRange, SheetData, WorkbookData } from '../../core/types';

/** "Sheet1!A1:E2" or "A1:E2" → 0-based inclusive bounds. */
export function parseAddress(address: string): MergeRange {
  const part = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = part.replace(/\$/g, '').split(':');
  const cell = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(ref.trim());
    if (!m) throw new Error(`Không đọc được địa chỉ ô "${ref}"`);
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const from = cell(a);
  const to = cell(b);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

function toCore(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * Read every worksheet's used range and merged areas. Two syncs whatever the size: the sheet list has to arrive
 * before its ranges can be asked for; then all ranges come back together.
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookData> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const pending = worksheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values,rowIndex,columnIndex');
    const merged = used.getMergedAreasOrNullObject();
    merged.load('address');
    return { name: ws.name, used, merged };
  });
  await context.sync();
  return {
    sheets: pending.map(({ name, used, merged }): SheetData => {
      if (used.isNullObject) return { name, grid: [], merges: [] };
      // The used range may start below or right of A1: the core counts from A1.
      const grid: CellValue[][] = Array.from({ length: used.rowIndex }, () => []);
      for (const row of used.values) grid.push([...Array<CellValue>(used.columnIndex).fill(null), ...row.map(toCore)]);
      const merges = merged.isNullObject || !merged.address ? [] : merged.address.split(',').map((a) => parseAddress(a));
      return { name, grid, merges };
    }),
  };
}
