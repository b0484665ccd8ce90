/**
 * An update form as an .xlsx (ExcelJS): the unit's tasks locked, the tracking columns open (yellow), a status
 * dropdown and a date check, the header frozen, and the hidden sheet of what was sent. The sheets are protected
 * without a password: the lock prevents slips, it is not a secret.
 *
 * ExcelJS is handed in, not imported: the command line passes the npm package, the task pane the browser build it
 * loads when forms are asked for (so neither the pane nor the sidebar carries it otherwise).
 */
import type ExcelJSModule from 'exceljs';
import type ExcelJS from 'exceljs';
import { wrappedLines } from '../core/presenting/report';
import {
  FORM_COLUMNS,
  FORM_HEADER_ROW,
  FORM_META_SHEET,
  FORM_SHEET,
  FORM_STATUS_CHOICES,
  formGrid,
  formMetaGrid,
  type UpdateForm,
} from '../core/consolidating/forms';

const BORDER = { style: 'thin', color: { argb: 'FF9E9E9E' } } as const;
const OPEN_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8C5' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } } as const;

export type ExcelJSLibrary = Pick<typeof ExcelJSModule, 'Workbook'>;

/** The form's workbook, ready to be written (`xlsx.writeBuffer()`). */
export async function updateFormWorkbook(lib: ExcelJSLibrary, form: UpdateForm): Promise<ExcelJS.Workbook> {
  const wb = new lib.Workbook();
  wb.creator = 'cchc';
  const ws = wb.addWorksheet(FORM_SHEET, {
    views: [{ state: 'frozen', ySplit: FORM_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${FORM_HEADER_ROW}:${FORM_HEADER_ROW}` },
  });
  ws.columns = FORM_COLUMNS.map((c) => ({ width: c.width }));
  const grid = formGrid(form);
  grid.forEach((line, r) => {
    const row = ws.getRow(r + 1);
    line.forEach((value, c) => {
      row.getCell(c + 1).value = value as ExcelJS.CellValue;
    });
  });
  const last = FORM_COLUMNS.length;
  for (let r = 1; r < FORM_HEADER_ROW; r++) {
    ws.mergeCells(r, 1, r, last);
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'middle' };
  }
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).font = { bold: true };
  ws.getRow(3).height = 30;
  ws.getRow(4).height = 30;
  const header = ws.getRow(FORM_HEADER_ROW);
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
  });
  const choices = `"${FORM_STATUS_CHOICES.join(',')}"`;
  for (let r = FORM_HEADER_ROW + 1; r <= grid.length; r++) {
    // Tall enough for the longest wrapped text (spreadsheet programs do not size rows written by a library).
    const texts = grid[r - 1].map((v) => (typeof v === 'string' ? v : ''));
    ws.getRow(r).height = Math.max(2, ...texts.map((t, i) => wrappedLines(t, FORM_COLUMNS[i].width))) * 15 + 3;
    for (let c = 1; c <= last; c++) {
      const cell = ws.getCell(r, c);
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
      const role = FORM_COLUMNS[c - 1].role;
      if (!role) continue;
      cell.protection = { locked: false };
      cell.fill = OPEN_FILL;
      if (role === 'status') {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [choices],
          showErrorMessage: true,
          errorTitle: 'Tiến độ',
          error: `Chọn một trong: ${FORM_STATUS_CHOICES.join(', ')}.`,
        };
      } else if (role === 'doneDate') {
        cell.numFmt = 'dd/mm/yyyy';
        cell.dataValidation = {
          type: 'date',
          operator: 'greaterThan',
          allowBlank: true,
          formulae: [new Date(Date.UTC(2000, 0, 1))],
          showErrorMessage: true,
          errorTitle: 'Ngày hoàn thành',
          error: 'Ghi ngày hoàn thành dạng ngày/tháng/năm, ví dụ 15/03/2024.',
        };
      }
    }
  }
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const meta = wb.addWorksheet(FORM_META_SHEET, { state: 'veryHidden' });
  for (const line of formMetaGrid(form)) meta.addRow(line as ExcelJS.CellValue[]);
  await meta.protect('', {});
  return wb;
}
