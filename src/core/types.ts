/**
 * The plain data the core speaks. Hosts translate their world into these shapes and back; nothing here
 * knows about ExcelJS, SpreadsheetApp or Office.js.
 */

/**
 * One cell as a host reads it. A `Date` stands for a calendar date and is read by its UTC fields: hosts
 * build it as `Date.UTC(y, m, d)` (Apps Script converts from the spreadsheet's time zone first). Numbers in
 * date columns are spreadsheet serial dates (1899-12-30 epoch).
 */
export type CellValue = string | number | boolean | Date | null;

export type Grid = CellValue[][];

/** A merged range, 0-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetData {
  name: string;
  /** Row 0 is sheet row 1; column 0 is column A. Ragged rows are allowed. */
  grid: Grid;
  merges?: MergeRange[];
  /** Sheet rows (0-based) the user has hidden; kept for messages, never skipped silently. */
  hiddenRows?: number[];
}

export interface WorkbookData {
  sheets: SheetData[];
}

/** A calendar date as `YYYY-MM-DD`: sortable, JSON-safe, free of time zones. */
export type IsoDate = string;

export type Severity = 'error' | 'warning' | 'info';
