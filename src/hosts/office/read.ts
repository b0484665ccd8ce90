/// <reference types="office-js" />
import { HEAD_ROWS, sheetsToRead, type ReadJob } from '../../core/service';
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
 * Bytes of cell values one request may carry. Excel on the web refuses a request or response over 5 MB; sizes are
 * estimated from what was read, so half of it is planned for, and a request refused all the same is split in two.
 */
export const REQUEST_BUDGET = 2_500_000;
/** A cell's value costs at least this much in a response (quotes, comma, a short value). */
const MIN_CELL_BYTES = 8;
/** What a cell is assumed to cost before any of its sheet was seen (a long task text). */
const UNSEEN_CELL_BYTES = 60;

function isPayloadLimit(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return /PayloadSizeLimitExceeded/i.test(String(e?.code)) || /payload size/i.test(String(e?.message));
}

interface SheetRead {
  name: string;
  ws: Excel.Worksheet;
  /** The used range's first row and column, and its size (0 rows: an empty sheet). */
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** Rows of the used range read so far, in order. */
  values: CellValue[][];
  merges: MergeRange[];
  /** Estimated bytes a row of this sheet costs in a response. */
  rowBytes: number;
  /** Whether rowBytes comes from rows read (else it is the guess for a sheet not seen yet). */
  seen: boolean;
}

/** A block of rows of one sheet to load: `rows` rows from the used range's row `from`. */
interface Block {
  sheet: SheetRead;
  from: number;
  rows: number;
  withMerges: boolean;
}

/**
 * Load blocks in as few requests as the budget allows: blocks are packed into a request until their estimated size
 * reaches the budget. A request the host refuses as too large is split and sent again. The number of requests
 * depends on the bytes read, never on the number of rows as such.
 */
async function loadBlocks(context: Excel.RequestContext, blocks: Block[], budget: number): Promise<void> {
  const queue = [...blocks];
  while (queue.length) {
    const batch: Block[] = [];
    let bytes = 0;
    while (queue.length) {
      const next = queue[0];
      const cost = next.rows * next.sheet.rowBytes;
      if (batch.length && bytes + cost > budget) break;
      // A block over the budget alone is split before it is sent.
      if (cost > budget && next.rows > 1) {
        const rows = Math.max(1, Math.floor(budget / next.sheet.rowBytes));
        queue.splice(0, 1, { ...next, rows }, { ...next, from: next.from + rows, rows: next.rows - rows, withMerges: false });
        continue;
      }
      batch.push(queue.shift()!);
      bytes += cost;
    }
    const pending = batch.map((b) => {
      const range = b.sheet.ws.getRangeByIndexes(b.sheet.top + b.from, b.sheet.left, b.rows, b.sheet.cols);
      range.load('values');
      let merged: Excel.RangeAreas | null = null;
      if (b.withMerges) {
        // Every merge of the used range, once per sheet: an address list costs a few bytes a merge.
        merged = b.sheet.ws.getRangeByIndexes(b.sheet.top, b.sheet.left, b.sheet.rows, b.sheet.cols).getMergedAreasOrNullObject();
        merged.load('address');
      }
      return { block: b, range, merged };
    });
    try {
      await context.sync();
    } catch (err) {
      if (!isPayloadLimit(err) || batch.every((b) => b.rows === 1)) throw err;
      // Refused as too large: the estimate was low. Send the same rows again in halves.
      for (const b of batch) b.sheet.rowBytes *= 2;
      queue.unshift(...batch);
      continue;
    }
    for (const { block, range, merged } of pending) {
      range.values.forEach((row, i) => (block.sheet.values[block.from + i] = row.map(toCore)));
      // Half as much again as the rows read so far cost at most; the guess for an unseen sheet is dropped.
      const seen = Math.max((JSON.stringify(range.values).length / Math.max(1, range.values.length)) * 1.5, block.sheet.cols * MIN_CELL_BYTES);
      block.sheet.rowBytes = block.sheet.seen ? Math.max(block.sheet.rowBytes, seen) : seen;
      block.sheet.seen = true;
      if (merged && !merged.isNullObject && merged.address) block.sheet.merges = merged.address.split(',').map((a) => parseAddress(a));
    }
  }
}

/**
 * Read the workbook for one kind of action, within Excel on the web's request size limit: the sheet list, each used
 * range's size, every sheet's first HEAD_ROWS rows (packed by size), then the rest of only the sheets the action
 * needs (`sheetsToRead`, plus `alsoRead` from the host), in blocks sized by bytes. Sheets not needed keep their first
 * rows only. Syncs: two, plus as many as the bytes read need.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  job: ReadJob = 'check',
  alsoRead: (name: string) => boolean = () => false,
  budget = REQUEST_BUDGET,
): Promise<WorkbookData> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const used = worksheets.items.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return { ws, range };
  });
  await context.sync();
  const sheets: SheetRead[] = used.map(({ ws, range }) => ({
    name: ws.name,
    ws,
    top: range.isNullObject ? 0 : range.rowIndex,
    left: range.isNullObject ? 0 : range.columnIndex,
    rows: range.isNullObject ? 0 : range.rowCount,
    cols: range.isNullObject ? 0 : range.columnCount,
    values: [],
    merges: [],
    rowBytes: range.isNullObject ? 0 : Math.max(1, range.columnCount) * UNSEEN_CELL_BYTES,
    seen: false,
  }));
  const present = sheets.filter((s) => s.rows > 0);
  await loadBlocks(context, present.map((sheet) => ({ sheet, from: 0, rows: Math.min(sheet.rows, HEAD_ROWS), withMerges: true })), budget);
  const needed = new Set(sheetsToRead(toWorkbook(sheets), job));
  const rest = present.filter((s) => s.rows > HEAD_ROWS && (needed.has(s.name) || alsoRead(s.name)));
  await loadBlocks(context, rest.map((sheet) => ({ sheet, from: HEAD_ROWS, rows: sheet.rows - HEAD_ROWS, withMerges: false })), budget);
  return toWorkbook(sheets);
}

/** The core's view: each sheet's grid counted from A1 (the used range may start below or right of it). */
function toWorkbook(sheets: SheetRead[]): WorkbookData {
  return {
    sheets: sheets.map(({ name, top, left, values, merges }): SheetData => {
      if (!values.length) return { name, grid: [], merges: [] };
      const grid: CellValue[][] = Array.from({ length: top }, () => []);
      for (const row of values) grid.push([...Array<CellValue>(left).fill(null), ...row]);
      return { name, grid, merges };
    }),
  };
}
