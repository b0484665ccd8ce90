/// <reference types="google-apps-script" />
import type { Finding } from '../../core/measuring/checks';
import { CELL_FORMATS, CELL_LOOKS, isOwnReportSheet, looksLikeFormula, REPORT_BORDER_COLOR, REPORT_FONT, REPORT_FONT_SIZE, type ReportSheet } from '../../core/presenting/report';
import { highlightTargets, type TrackingColumnsPlan } from '../../core/service';
import type { AccessPlan } from '../../core/consolidating/access';
import type { CellEdit } from '../../core/consolidating/merge';
import { columnLetter } from '../../core/reading/text';
import { settingsGrid, SETTINGS_COLUMN_WIDTHS, SETTINGS_SHEET } from '../../core/settings';
import { REMINDER_LOG_HEADER, REMINDER_LOG_SHEET } from '../../core/measuring/reminders';
import { STATUS_CHOICES } from '../../core/reading/status';
import type { CellValue } from '../../core/types';
import { columnNumber, isoToDateInZone } from './convert';
import { readSheet } from './read';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Run under the document lock so two people clicking at once cannot interleave their writes. */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) throw new Error('Một người khác đang tạo báo cáo trong bảng tính này. Hãy thử lại sau ít phút.');
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

function isOwn(sheet: Sheet, timeZone: string): boolean {
  return isOwnReportSheet(readSheet(sheet, timeZone));
}

/**
 * Write the report tab: a previous tab of ours is cleared and reused, a user's sheet with the same name is left
 * alone. One setValues and one call per formatting aspect over the whole range; merges and borders are a constant
 * number of calls: the model's merges are blocks merged row by row (one mergeAcross each) and its tables do not grow in
 * number with the appendix. Sheets has no page-break or footer API: the tab's repeated table headers still print.
 */
export function writeReportSheet(ss: Spreadsheet, model: ReportSheet): { name: string; sheetId: number } {
  const timeZone = ss.getSpreadsheetTimeZone();
  let name = model.name;
  let sheet: Sheet | null = null;
  for (let n = 2; ; n++) {
    const existing = ss.getSheetByName(name);
    if (!existing) break;
    if (isOwn(existing, timeZone)) {
      sheet = existing;
      sheet.clear();
      sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
      break;
    }
    name = `${model.name.slice(0, 26)} (${n})`;
  }
  if (!sheet) sheet = ss.insertSheet(name, ss.getNumSheets());
  if (sheet.getMaxRows() < model.rowCount) sheet.insertRowsAfter(sheet.getMaxRows(), model.rowCount - sheet.getMaxRows());

  const rows = model.rowCount;
  const cols = model.colCount;
  const blank = <T>(v: T) => Array.from({ length: rows }, () => Array<T>(cols).fill(v));
  const values = blank<CellValue>('');
  // Every written cell has an explicit format; empty ones are plain text (no reliance on an "automatic" pattern).
  const formats = blank<string>('@');
  const weights = blank<'bold' | 'normal'>('normal');
  const styles = blank<'italic' | 'normal'>('normal');
  const colors = blank<string>('#000000');
  const backgrounds = blank<string | null>(null);
  const aligns = blank<'left' | 'center' | 'right'>('left');
  const wraps = blank<boolean>(false);
  const sizes = blank<number>(REPORT_FONT_SIZE);
  for (const cell of model.cells) {
    const { row: r, col: c } = cell;
    const style = CELL_LOOKS[cell.style ?? 'body'];
    if (cell.date) values[r][c] = isoToDateInZone(cell.date, timeZone);
    else if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) values[r][c] = `'${cell.value}`;
    else values[r][c] = cell.value ?? '';
    formats[r][c] = cell.format ? CELL_FORMATS[cell.format] : typeof cell.value === 'number' ? '0.##' : '@';
    weights[r][c] = style.bold ? 'bold' : 'normal';
    styles[r][c] = style.italic ? 'italic' : 'normal';
    colors[r][c] = style.color ?? '#000000';
    backgrounds[r][c] = style.fill ?? null;
    aligns[r][c] = cell.align ?? 'left';
    wraps[r][c] = cell.wrap ?? false;
    sizes[r][c] = style.size ?? REPORT_FONT_SIZE;
  }
  const range = sheet.getRange(1, 1, rows, cols);
  range.setNumberFormats(formats);
  range.setValues(values as unknown[][]);
  range.setFontFamily(REPORT_FONT);
  range.setFontWeights(weights);
  range.setFontStyles(styles);
  range.setFontColors(colors);
  range.setBackgrounds(backgrounds as string[][]);
  range.setHorizontalAlignments(aligns);
  range.setVerticalAlignment('middle');
  range.setWraps(wraps);
  range.setFontSizes(sizes);
  for (const m of model.merges) sheet.getRange(m.top + 1, m.left + 1, m.bottom - m.top + 1, m.right - m.left + 1).mergeAcross();
  for (const t of model.tables) {
    sheet.getRange(t.top + 1, t.left + 1, t.bottom - t.top + 1, t.right - t.left + 1).setBorder(true, true, true, true, true, true, REPORT_BORDER_COLOR, SpreadsheetApp.BorderStyle.SOLID);
  }
  model.columnWidths.forEach((w, i) => sheet!.setColumnWidth(i + 1, Math.round(w * 7 + 5)));
  sheet.setHiddenGridlines(true);
  return { name, sheetId: sheet.getSheetId() };
}

// ---- Highlights ---------------------------------------------------------------------------------------

const HIGHLIGHT_KEY = 'cchc.highlights';
const HIGHLIGHT: Record<Finding['severity'], string> = { error: '#f8d7da', warning: '#fff3cd', info: '#dbeafe' };

interface HighlightRecord {
  sheet: string;
  /** A1 → the user's own background (absent: default). */
  cells: Record<string, string | null>;
}

function a1(row: number, col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

/** Colour every problem cell by severity, remembering each cell's own background to restore it later. */
export function highlightFindings(ss: Spreadsheet, sheetName: string, findings: Finding[]): number {
  clearHighlights(ss);
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return 0;
  const range = sheet.getDataRange();
  const backgrounds = range.getBackgrounds();
  const record: HighlightRecord = { sheet: sheetName, cells: {} };
  for (const { row, column, severity } of highlightTargets(findings)) {
    const col = columnNumber(column);
    if (row > backgrounds.length || col > (backgrounds[0]?.length ?? 0)) continue;
    const own = backgrounds[row - 1][col - 1];
    record.cells[a1(row, col)] = own && own !== '#ffffff' ? own : null;
    backgrounds[row - 1][col - 1] = HIGHLIGHT[severity];
  }
  range.setBackgrounds(backgrounds);
  PropertiesService.getDocumentProperties().setProperty(HIGHLIGHT_KEY, JSON.stringify(record));
  return Object.keys(record.cells).length;
}

/** Put back the backgrounds the highlights replaced; a cell the user recoloured since is left as it is. */
export function clearHighlights(ss: Spreadsheet): number {
  const props = PropertiesService.getDocumentProperties();
  const raw = props.getProperty(HIGHLIGHT_KEY);
  if (!raw) return 0;
  props.deleteProperty(HIGHLIGHT_KEY);
  const record = JSON.parse(raw) as HighlightRecord;
  const sheet = ss.getSheetByName(record.sheet);
  if (!sheet) return 0;
  const range = sheet.getDataRange();
  const backgrounds = range.getBackgrounds() as (string | null)[][];
  const ours = new Set(Object.values(HIGHLIGHT));
  let restored = 0;
  for (const [ref, own] of Object.entries(record.cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    const row = Number(m[2]) - 1;
    const col = columnNumber(m[1]) - 1;
    if (row >= backgrounds.length || col >= backgrounds[0].length || !ours.has(String(backgrounds[row][col]))) continue;
    backgrounds[row][col] = own;
    restored++;
  }
  range.setBackgrounds(backgrounds as string[][]);
  return restored;
}

// ---- Tracking columns and settings --------------------------------------------------------------------

/**
 * Add "Tiến độ" (dropdown of the status words) and/or "Ngày hoàn thành" (date validation) after the last used
 * column: existing columns are never moved or overwritten. Returns the headers added.
 */
export function addTrackingColumns(ss: Spreadsheet, plan: TrackingColumnsPlan): string[] {
  const sheet = ss.getSheetByName(plan.sheet);
  if (!sheet) return [];
  const { headers } = plan;
  if (!headers.length) return [];
  const first = plan.firstFreeColumn + 1;
  const header = sheet.getRange(plan.headerRow, first, 1, headers.length);
  header.setValues([headers]);
  header.setFontWeight('bold');
  const rows = Math.max(1, plan.lastRow - plan.firstRow + 1);
  let col = first;
  if (plan.needStatus) {
    const rule = SpreadsheetApp.newDataValidation().requireValueInList([...STATUS_CHOICES], true).setAllowInvalid(true).build();
    sheet.getRange(plan.firstRow, col, rows, 1).setDataValidation(rule);
    col++;
  }
  if (plan.needDoneDate) {
    const rule = SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).setHelpText('Nhập ngày hoàn thành dạng dd/mm/yyyy.').build();
    const range = sheet.getRange(plan.firstRow, col, rows, 1);
    range.setDataValidation(rule);
    range.setNumberFormat('dd/mm/yyyy');
  }
  return headers;
}

/** The settings sheet, created with the defaults when it does not exist yet. */
export function ensureSettingsSheet(ss: Spreadsheet): Sheet {
  const existing = ss.getSheetByName(SETTINGS_SHEET);
  if (existing) return existing;
  const sheet = ss.insertSheet(SETTINGS_SHEET, ss.getNumSheets());
  const grid = settingsGrid();
  const range = sheet.getRange(1, 1, grid.length, grid[0].length);
  range.setValues(grid.map((r) => r.map((v) => v ?? '')));
  sheet.getRange(1, 1, 1, grid[0].length).setFontWeight('bold');
  SETTINGS_COLUMN_WIDTHS.forEach((px, i) => sheet.setColumnWidth(i + 1, px));
  return sheet;
}

/**
 * Append the daily reminder's log rows in one write, creating the log sheet (header in bold) the first time. The
 * dates (columns 1 and 6) are written as dates of the spreadsheet's time zone.
 */
export function appendReminderLog(ss: Spreadsheet, rows: CellValue[][]): void {
  if (!rows.length) return;
  const timeZone = ss.getSpreadsheetTimeZone();
  let sheet = ss.getSheetByName(REMINDER_LOG_SHEET);
  if (!sheet) {
    sheet = ss.insertSheet(REMINDER_LOG_SHEET, ss.getNumSheets());
    sheet.getRange(1, 1, 1, REMINDER_LOG_HEADER.length).setValues([[...REMINDER_LOG_HEADER]]);
    sheet.getRange(1, 1, 1, REMINDER_LOG_HEADER.length).setFontWeight('bold');
  }
  const isDate = (c: number) => c === 0 || c === 5;
  const values = rows.map((r) =>
    r.map((v, c) => (isDate(c) && typeof v === 'string' ? isoToDateInZone(v, timeZone) : typeof v === 'string' && looksLikeFormula(v) ? `'${v}` : (v ?? ''))),
  );
  const range = sheet.getRange(sheet.getLastRow() + 1, 1, values.length, REMINDER_LOG_HEADER.length);
  range.setValues(values);
  range.setNumberFormats(values.map((r) => r.map((_, c) => (isDate(c) ? 'dd/mm/yyyy' : c === 4 ? '0' : '@'))));
}

/** The description that marks a protection as the tool's: only those are replaced on the next run. */
export const ACCESS_MARK = 'CCHC:';

/**
 * Protect the appendix so that each unit edits only its tasks' tracking cells: the sheet is the Office's (the
 * tool's earlier protections are removed first, anyone else's are left), and each unit's blocks are unprotected on
 * the sheet and protected again for the unit's e-mails. Host calls grow with the number of blocks, not of rows.
 */
export function applyUnitAccess(ss: Spreadsheet, plan: AccessPlan): { blocks: number } {
  const sheet = ss.getSheetByName(plan.sheet);
  if (!sheet) return { blocks: 0 };
  const { SHEET, RANGE } = SpreadsheetApp.ProtectionType;
  for (const p of [...sheet.getProtections(SHEET), ...sheet.getProtections(RANGE)]) if (p.getDescription().startsWith(ACCESS_MARK)) p.remove();
  const me = Session.getEffectiveUser();
  /** Editable only by the current user (who set it) and `emails`: the documented way, the user added before the rest go. */
  const restrict = (p: GoogleAppsScript.Spreadsheet.Protection, emails: string[]) => {
    p.addEditor(me);
    p.removeEditors(p.getEditors());
    if (p.canDomainEdit()) p.setDomainEdit(false);
    if (emails.length) p.addEditors(emails);
  };
  const sheetProtection = sheet.protect().setDescription(`${ACCESS_MARK} phụ lục, chỉ Văn phòng sửa; mỗi đơn vị sửa các ô theo dõi của mình`);
  restrict(sheetProtection, []);
  const open: GoogleAppsScript.Spreadsheet.Range[] = [];
  let blocks = 0;
  for (const unit of plan.units) {
    for (const b of unit.blocks) {
      const range = sheet.getRange(b.row, b.col, b.rows, b.cols);
      open.push(range);
      restrict(range.protect().setDescription(`${ACCESS_MARK} ${unit.unit}`), unit.emails);
      blocks++;
    }
  }
  sheetProtection.setUnprotectedRanges(open);
  return { blocks };
}

/**
 * The merge's cells written one by one (they are scattered: writing their bounding block would rewrite the cells in
 * between); the formulas over that block are read once first, and a formula cell is skipped and named.
 */
export function writeMergeEdits(ss: Spreadsheet, sheetName: string, edits: readonly CellEdit[]): { written: number; formulaCells: { row: number; column: string }[] } {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet || !edits.length) return { written: 0, formulaCells: [] };
  const timeZone = ss.getSpreadsheetTimeZone();
  const top = Math.min(...edits.map((e) => e.row));
  const left = Math.min(...edits.map((e) => e.col)) + 1;
  const block = sheet.getRange(top, left, Math.max(...edits.map((e) => e.row)) - top + 1, Math.max(...edits.map((e) => e.col)) + 2 - left);
  const formulas = block.getFormulas();
  const formulaCells: { row: number; column: string }[] = [];
  let written = 0;
  for (const e of edits) {
    if (formulas[e.row - top]?.[e.col + 1 - left]) {
      formulaCells.push({ row: e.row, column: columnLetter(e.col) });
      continue;
    }
    const cell = sheet.getRange(e.row, e.col + 1);
    if (e.date) {
      cell.setNumberFormat('dd/mm/yyyy');
      cell.setValue(isoToDateInZone(e.date, timeZone));
    } else cell.setValue(e.value === null ? '' : looksLikeFormula(e.value) ? `'${e.value}` : e.value);
    written++;
  }
  return { written, formulaCells };
}
