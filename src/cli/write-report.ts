import type ExcelJS from 'exceljs';
import { isoToDate } from '../core/dates';
import { estimateRowHeights, isOwnReportSheet, type CellStyle, type ReportCell, type ReportSheet } from '../core/presenting/report';
import { sheetToData } from './xlsx';

const FONT = 'Times New Roman';

const STYLES: Record<CellStyle, { font?: Partial<ExcelJS.Font>; fill?: string }> = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { bold: true, size: 12 } },
  heading: { font: { bold: true, size: 12 }, fill: 'FFDDEBF7' },
  tableHeader: { font: { bold: true }, fill: 'FFBDD7EE' },
  label: { font: { bold: true } },
  bold: { font: { bold: true } },
  bad: { font: { bold: true, color: { argb: 'FFC00000' } } },
  good: { font: { bold: true, color: { argb: 'FF007A33' } } },
  muted: { font: { italic: true, color: { argb: 'FF595959' } } },
  body: {},
};

const FORMATS: Record<NonNullable<ReportCell['format']>, string | undefined> = {
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  integer: '0',
  decimal: '0.00',
  text: '@',
};

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

/** Sheet names Excel refuses, or that would make the copy unreadable. */
function safeSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, '-').slice(0, 31);
}

/**
 * Put the report tab into the workbook: a previous tab of ours with the same name is replaced; a user's sheet
 * that happens to have that name is left alone and the report takes the next free name.
 * Returns the name the tab got.
 */
export function placeReportSheet(wb: ExcelJS.Workbook, report: ReportSheet): string {
  const wanted = safeSheetName(report.name);
  let name = wanted;
  for (let n = 2; ; n++) {
    const existing = wb.getWorksheet(name);
    if (!existing) break;
    if (isOwnReportSheet(sheetToData(existing))) {
      wb.removeWorksheet(existing.id);
      break;
    }
    name = safeSheetName(`${wanted.slice(0, 26)} (${n})`);
  }
  const ws = wb.addWorksheet(name, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ showGridLines: false }],
  });
  report.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const inTable = (r: number, c: number) => report.tables.some((t) => r >= t.top && r <= t.bottom && c >= t.left && c <= t.right);
  // One style object per distinct look, shared by its cells: ExcelJS serialises a style object once (it keys its
  // cache on the object), which halves the time to write a long tab. Shared objects are never mutated afterwards.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styled = new Set<string>();
  for (const cell of report.cells) {
    const bordered = inTable(cell.row, cell.col);
    const key = [cell.style ?? 'body', cell.format ?? '', typeof cell.value, cell.align ?? 'left', cell.wrap ?? false, bordered].join('|');
    let style = styles.get(key);
    if (!style) {
      const look = STYLES[cell.style ?? 'body'];
      const format = cell.format ? FORMATS[cell.format] : undefined;
      style = {
        font: { name: FONT, size: 12, ...look.font },
        alignment: { horizontal: cell.align ?? 'left', vertical: 'middle', wrapText: cell.wrap ?? false },
        ...(look.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: look.fill } } } : {}),
        ...(format && !(cell.format === 'text' && typeof cell.value === 'number') ? { numFmt: format } : {}),
        ...(bordered ? { border: { top: THIN, left: THIN, bottom: THIN, right: THIN } } : {}),
      };
      styles.set(key, style);
    }
    const target = ws.getCell(cell.row + 1, cell.col + 1);
    // Strings stay strings: ExcelJS writes them as shared strings, never as formulas, whatever they start with.
    target.value = cell.date ? isoToDate(cell.date) : cell.value;
    target.style = style as ExcelJS.Style;
    styled.add(`${cell.row}:${cell.col}`);
  }
  for (const m of report.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // Empty cells inside a table still need their borders.
  const border = { border: { top: THIN, left: THIN, bottom: THIN, right: THIN } } as Partial<ExcelJS.Style>;
  for (const t of report.tables) {
    for (let r = t.top; r <= t.bottom; r++) {
      for (let c = t.left; c <= t.right; c++) if (!styled.has(`${r}:${c}`)) ws.getCell(r + 1, c + 1).style = border as ExcelJS.Style;
    }
  }
  estimateRowHeights(report).forEach((h, i) => (ws.getRow(i + 1).height = h));
  ws.getRow(2).height = 24;
  return name;
}
