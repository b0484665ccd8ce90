/// <reference types="google-apps-script" />
import type { SheetData, WorkbookData } from '../../core/types';
import { toCoreValue } from './convert';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One sheet in one read: its data range's values and merges, whatever its size. */
export function readSheet(sheet: Sheet, timeZone: string): SheetData {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const merges = range.getMergedRanges().map((m) => ({
    top: m.getRow() - 1,
    left: m.getColumn() - 1,
    bottom: m.getRow() + m.getNumRows() - 2,
    right: m.getColumn() + m.getNumColumns() - 2,
  }));
  return { name: sheet.getName(), grid: values.map((row) => row.map((v) => toCoreValue(v, timeZone))), merges };
}

export function readWorkbook(ss: Spreadsheet): WorkbookData {
  const timeZone = ss.getSpreadsheetTimeZone();
  return { sheets: ss.getSheets().map((sheet) => readSheet(sheet, timeZone)) };
}
