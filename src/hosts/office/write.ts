/// <reference types="office-js" />
import type { Finding } from '../../core/measuring/checks';
import { isoToSerial } from '../../core/dates';
import { CELL_FORMATS, CELL_LOOKS, looksLikeFormula, REPORT_BORDER_COLOR, REPORT_FONT, REPORT_FONT_SIZE, REPORT_PAGE, type ReportCell, type ReportSheet } from '../../core/presenting/report';
import type { TrackingColumnsPlan } from '../../core/service';
import { settingsGrid, SETTINGS_COLUMN_WIDTHS } from '../../core/settings';
import { STATUS_CHOICES } from '../../core/reading/status';
import { columnLetter } from '../../core/reading/text';

/**
 * Compress cells into as few A1 ranges as possible (runs of rows per column), so a style is applied to many cells
 * with one RangeAreas command: the number of syncs never depends on the number of cells.
 */
export function compressAddresses(cells: { row: number; col: number }[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c.row]);
  const out: string[] = [];
  for (const [col, rows] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (const r of [...rows.slice(1), Number.NaN]) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      const L = columnLetter(col);
      out.push(start === prev ? `${L}${start + 1}` : `${L}${start + 1}:${L}${prev + 1}`);
      start = r;
      prev = r;
    }
  }
  return out;
}

/** Group cells by a key and apply one command per group over all its ranges. */
function applyGrouped(ws: Excel.Worksheet, cells: ReportCell[], key: (c: ReportCell) => string | null, apply: (areas: Excel.RangeAreas, key: string) => void) {
  const groups = new Map<string, ReportCell[]>();
  for (const c of cells) {
    const k = key(c);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  for (const [k, group] of groups) {
    // RangeAreas takes a comma-separated address list; keep each list to a sane length.
    const addresses = compressAddresses(group);
    for (let i = 0; i < addresses.length; i += 200) apply(ws.getRanges(addresses.slice(i, i + 200).join(',')), k);
  }
}

/**
 * Queue the report tab's values and formatting on `ws` (a new sheet, or our own previous one, cleared). No sync here:
 * the caller syncs once for the whole write.
 */
export function queueReportSheet(ws: Excel.Worksheet, model: ReportSheet, reuse: boolean): void {
  if (reuse) {
    const all = ws.getRange();
    all.unmerge();
    all.clear();
    ws.horizontalPageBreaks.removePageBreaks();
  }
  const rows = model.rowCount;
  const cols = model.colCount;
  const values: (string | number | boolean)[][] = Array.from({ length: rows }, () => Array(cols).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => Array(cols).fill('@'));
  for (const cell of model.cells) {
    const { row: r, col: c } = cell;
    if (cell.date) values[r][c] = isoToSerial(cell.date);
    else if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) values[r][c] = `'${cell.value}`;
    else values[r][c] = cell.value ?? '';
    formats[r][c] = cell.format ? CELL_FORMATS[cell.format] : typeof cell.value === 'number' ? '0.##' : '@';
  }
  const range = ws.getRangeByIndexes(0, 0, rows, cols);
  range.numberFormat = formats;
  range.values = values;
  range.format.font.name = REPORT_FONT;
  range.format.font.size = REPORT_FONT_SIZE;
  range.format.verticalAlignment = 'Center';
  const style = (c: ReportCell) => CELL_LOOKS[c.style ?? 'body'];
  applyGrouped(ws, model.cells, (c) => (style(c).bold ? 'b' : null), (a) => (a.format.font.bold = true));
  applyGrouped(ws, model.cells, (c) => (style(c).italic ? 'i' : null), (a) => (a.format.font.italic = true));
  applyGrouped(ws, model.cells, (c) => style(c).color ?? null, (a, color) => (a.format.font.color = color));
  applyGrouped(ws, model.cells, (c) => style(c).fill ?? null, (a, fill) => (a.format.fill.color = fill));
  applyGrouped(ws, model.cells, (c) => (style(c).size ? String(style(c).size) : null), (a, size) => (a.format.font.size = Number(size)));
  applyGrouped(ws, model.cells, (c) => (c.align && c.align !== 'left' ? c.align : null), (a, align) => (a.format.horizontalAlignment = align === 'center' ? 'Center' : 'Right'));
  applyGrouped(ws, model.cells, (c) => (c.wrap ? 'w' : null), (a) => (a.format.wrapText = true));
  // The model's merges are blocks merged row by row.
  for (const m of model.merges) ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(true);
  // Excel does not grow a row for a merged wrapped cell: rows of the same height are set together.
  const heights = model.rowHeights;
  const mergedRows = new Set(model.merges.flatMap((m) => Array.from({ length: m.bottom - m.top + 1 }, (_, i) => m.top + i)));
  const byHeight = new Map<number, number[]>();
  for (const r of mergedRows) byHeight.set(heights[r], [...(byHeight.get(heights[r]) ?? []), r]);
  for (const [height, list] of byHeight) {
    // A range's row height is its rows' height: column A stands for the row.
    const addresses = compressAddresses(list.map((row) => ({ row, col: 0 })));
    for (let i = 0; i < addresses.length; i += 200) ws.getRanges(addresses.slice(i, i + 200).join(',')).format.rowHeight = height;
  }
  const page = ws.pageLayout;
  page.orientation = REPORT_PAGE.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = 'A4';
  page.zoom = { horizontalFitToPages: REPORT_PAGE.fitToWidth, verticalFitToPages: 0 };
  const m = REPORT_PAGE.margins;
  [page.leftMargin, page.rightMargin, page.topMargin, page.bottomMargin, page.headerMargin, page.footerMargin] = [m.left, m.right, m.top, m.bottom, m.header, m.footer].map((inches) => Math.round(inches * 720) / 10);
  page.headersFooters.defaultForAllPages.centerFooter = REPORT_PAGE.footer;
  for (const r of model.pageBreaks) ws.horizontalPageBreaks.add(`A${r + 1}`);
  for (const t of model.tables) {
    const table = ws.getRangeByIndexes(t.top, t.left, t.bottom - t.top + 1, t.right - t.left + 1);
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
      const border = table.format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = REPORT_BORDER_COLOR;
    }
  }
  model.columnWidths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(w * 5.6)));
  ws.showGridlines = false;
}

// ---- Highlights ---------------------------------------------------------------------------------------

export const HIGHLIGHT_SETTING = 'cchc.highlights';
export const HIGHLIGHT_COLORS: Record<Finding['severity'], string> = { error: '#F8D7DA', warning: '#FFF3CD', info: '#DBEAFE' };

export interface HighlightRecord {
  sheet: string;
  /** A1 → the cell's own fill (null: none). */
  cells: Record<string, string | null>;
}

// ---- Tracking columns and settings --------------------------------------------------------------------

export function queueTrackingColumns(ws: Excel.Worksheet, plan: TrackingColumnsPlan): string[] {
  const { headers } = plan;
  if (!headers.length) return [];
  const header = ws.getRangeByIndexes(plan.headerRow - 1, plan.firstFreeColumn, 1, headers.length);
  header.values = [headers];
  header.format.font.bold = true;
  const rows = Math.max(1, plan.lastRow - plan.firstRow + 1);
  let col = plan.firstFreeColumn;
  if (plan.needStatus) {
    ws.getRangeByIndexes(plan.firstRow - 1, col, rows, 1).dataValidation.rule = { list: { inCellDropDown: true, source: STATUS_CHOICES.join(',') } };
    col++;
  }
  if (plan.needDoneDate) {
    const range = ws.getRangeByIndexes(plan.firstRow - 1, col, rows, 1);
    range.dataValidation.rule = { date: { formula1: '2000-01-01', operator: 'GreaterThan' } };
    range.numberFormat = Array.from({ length: rows }, () => ['dd/mm/yyyy']);
  }
  return headers;
}

export function queueSettingsSheet(ws: Excel.Worksheet): void {
  const grid = settingsGrid();
  const range = ws.getRangeByIndexes(0, 0, grid.length, grid[0].length);
  range.values = grid.map((r) => r.map((v) => (v instanceof Date ? isoToSerial(v.toISOString().slice(0, 10)) : v ?? '')));
  ws.getRangeByIndexes(0, 0, 1, grid[0].length).format.font.bold = true;
  // Excel's column widths are in points: 3/4 of a pixel at 96 dpi.
  SETTINGS_COLUMN_WIDTHS.forEach((px, i) => (ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = px * 0.75));
}
