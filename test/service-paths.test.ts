/**
 * The service's one path per job, on what the front ends pass it: the document's date and file name, and who the
 * reminders are signed by. Expected values written by hand; the appendix is the outcomes one (as of 10/04/2024).
 */
import { describe, expect, it } from 'vitest';
import { officialDocumentFor, panelDocument, remindersForWorkbook, reportFor } from '../src/core/service';
import { DEFAULT_SETTINGS, SETTINGS_SHEET, settingsGrid } from '../src/core/settings';
import type { CellValue, WorkbookData } from '../src/core/types';
import { OUTCOMES_ROWS } from './fixtures/workbooks';

const rows = OUTCOMES_ROWS as CellValue[][];
const book = (...sheets: WorkbookData['sheets']): WorkbookData => ({ sheets });

describe('the official document through the service', () => {
  it('is dated the day asked for, and the figures\' date when none is asked for', () => {
    const result = reportFor(book({ name: 'Phụ lục', grid: rows }), '2024-04-10', 'Q1/2024');
    expect(officialDocumentFor(result, '2024-04-15').placeDate).toMatch(/ngày 15 tháng 04 năm 2024$/);
    expect(officialDocumentFor(result).placeDate).toMatch(/ngày 10 tháng 04 năm 2024$/);
  });

  it('is offered for download under a file name naming its period', () => {
    expect(panelDocument(book({ name: 'Phụ lục', grid: rows }), '2024-04-10', 'Q1/2024').fileName).toBe('bao-cao-cchc-Q1-2024.docx');
    expect(panelDocument(book({ name: 'Phụ lục', grid: rows }), '2024-07-10', 'H1/2024').fileName).toBe('bao-cao-cchc-H1-2024.docx');
  });
});

describe('who the reminders come from', () => {
  // The outcomes appendix's title names no unit.
  const appendix = { name: 'Phụ lục', grid: rows };
  const withTitle = { name: 'Phụ lục', grid: [['Sở Y tế tỉnh Lâm Đồng'], ...rows] };
  const settings = { name: SETTINGS_SHEET, grid: settingsGrid({ ...DEFAULT_SETTINGS, unitName: 'Sở Y tế tỉnh Kon Tum' }) };

  it('is the unit named for the run, then the settings\' unit, then the one the title names, else the Office of the Department', () => {
    expect(remindersForWorkbook(book(appendix, settings), '2024-04-10', 7, { unitName: 'Sở Y tế tỉnh Gia Lai' }).unitName).toBe('Sở Y tế tỉnh Gia Lai');
    expect(remindersForWorkbook(book(appendix, settings), '2024-04-10', 7).unitName).toBe('Sở Y tế tỉnh Kon Tum');
    expect(remindersForWorkbook(book(withTitle), '2024-04-10', 7).unitName).toBe('Sở Y tế tỉnh Lâm Đồng');
    expect(remindersForWorkbook(book(appendix), '2024-04-10', 7).unitName).toBe('Văn phòng Sở Y tế');
  });
});
