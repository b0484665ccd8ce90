/**
 * Workbook data as google.script.run can carry it: no Date objects (a date cell becomes `{ date: "YYYY-MM-DD" }`) —
 * for returned files read in the sidebar and merged by the Apps Script host.
 */
import type { CellValue, SheetData, WorkbookData } from './types';

export type PortableCell = Exclude<CellValue, Date> | { date: string };

export interface PortableWorkbook {
  sheets: (Omit<SheetData, 'grid'> & { grid: PortableCell[][] })[];
}

export function toPortable(workbook: WorkbookData): PortableWorkbook {
  return {
    sheets: workbook.sheets.map((s) => ({ ...s, grid: s.grid.map((r) => Array.from(r, (v) => (v instanceof Date ? { date: v.toISOString().slice(0, 10) } : (v ?? null)))) })),
  };
}

export function fromPortable(workbook: PortableWorkbook): WorkbookData {
  return {
    sheets: workbook.sheets.map((s) => ({
      ...s,
      grid: s.grid.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? new Date(`${v.date}T00:00:00Z`) : v))),
    })),
  };
}
