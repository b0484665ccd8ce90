/**
 * Indicators from a one-stop-shop dossier export (hồ sơ TTHC): one row per dossier with its received date, due date,
 * returned date, and whether it was filed online and digitised. The seeds' headline targets (đúng hẹn ≥ 98 %,
 * trực tuyến ≥ 70 %, số hóa) are computed here, for a period, the way QĐ 766/QĐ-TTg counts them.
 */
import { cellToIso, dateToSerial, isoToSerial, isPlausibleSerial } from '../dates';
import { findTextDate } from '../reading/status';
import { foldKey, isErrorCell } from '../reading/text';
import type { IndicatorDefinition } from './indicators';
import type { CellValue, Grid, IsoDate, WorkbookData } from '../types';

export interface DossierCounts {
  /** Rows read as dossiers received in the period. */
  received: number;
  /** Received dossiers already returned, or past their due date without a return: the on-time rate's base. */
  settled: number;
  onTime: number;
  online: number;
  digitised: number;
  /** Rows skipped because a needed cell was blank, an error (#N/A…) or not a date. */
  skipped: number;
}

export interface DossierRates {
  /** Returned on or before the due date ÷ settled dossiers. */
  onTime: number | null;
  /** Filed online ÷ received. */
  online: number | null;
  /** Digitised ÷ received. */
  digitised: number | null;
}


/**
 * A date cell as a serial day number, so Date cells, serial numbers and text compare as plain numbers (no string
 * built per cell: exports run to 200,000 rows).
 */
function dayOf(value: CellValue | undefined): number | null {
  // A fast path for the many empty cells of an export; the lines below give null for them too.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a fast path, equivalent.
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'number') return isPlausibleSerial(value) ? Math.floor(value) : null;
  if (typeof value !== 'string' || isErrorCell(value)) return null;
  const iso = cellToIso(value) ?? findTextDate(value);
  return iso ? isoToSerial(iso) : null;
}

/** "Có", "x", TRUE, 1, "Trực tuyến", "Mức độ 4"… → true; "Không", FALSE, 0, "Trực tiếp" → false; else null. */
export function yesNo(value: CellValue | undefined): boolean | null {
  // Empty and error cells first: the patterns below would also give null, at the cost of folding the text.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a fast path, equivalent.
  if (value === null || value === undefined || value === '' || isErrorCell(value)) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (/^\s*[-–]\s*$/.test(String(value))) return false;
  const key = foldKey(String(value));
  if (/^(co|x|yes|true|dung|truc tuyen|online|da so hoa|so hoa|muc do [34]|toan trinh|mot phan|1)$/.test(key)) return true;
  if (/^(khong|no|false|sai|truc tiep|buu chinh|chua so hoa|chua|0|-)$/.test(key)) return false;
  return null;
}

export interface DossierColumns {
  received: CellValue[];
  due?: CellValue[];
  returned?: CellValue[];
  online?: CellValue[];
  digitised?: CellValue[];
}

/**
 * Count the dossiers received in the span at the as-of date. One pass, no allocation per row: a 200,000-row
 * export is the normal case.
 */
export function countDossiers(columns: DossierColumns, span: { start: IsoDate; end: IsoDate } | null, asOf: IsoDate): DossierCounts {
  const counts: DossierCounts = { received: 0, settled: 0, onTime: 0, online: 0, digitised: 0, skipped: 0 };
  const n = columns.received.length;
  const start = span ? isoToSerial(span.start) : -Infinity;
  const end = span ? isoToSerial(span.end) : Infinity;
  const today = isoToSerial(asOf);
  // Stryker disable next-line EqualityOperator: one step past the end reads an undefined cell, skipped as empty.
  for (let i = 0; i < n; i++) {
    const raw = columns.received[i];
    if (raw === null || raw === undefined || raw === '') continue;
    const received = dayOf(raw);
    if (received === null) {
      counts.skipped++;
      continue;
    }
    if (received < start || received > end) continue;
    if (columns.due) {
      const due = dayOf(columns.due[i]);
      if (due === null) {
        counts.skipped++;
        continue;
      }
      const returnedRaw = columns.returned?.[i];
      const returned = dayOf(returnedRaw);
      if (returnedRaw !== null && returnedRaw !== undefined && returnedRaw !== '' && returned === null) {
        counts.skipped++;
        continue;
      }
      counts.received++;
      if (returned !== null) {
        counts.settled++;
        if (returned <= due) counts.onTime++;
      } else if (due < today) {
        counts.settled++;
      }
    } else {
      counts.received++;
    }
    if (columns.online && yesNo(columns.online[i]) === true) counts.online++;
    if (columns.digitised && yesNo(columns.digitised[i]) === true) counts.digitised++;
  }
  return counts;
}

/** The one-stop-shop table as the software prints it, for one window. */
export interface DossierTable {
  /** Received before the window and not returned before it started. */
  carriedOver: number;
  newOnline: number;
  newInPerson: number;
  newByPost: number;
  /** Returned within the window, before / on / after the due date. */
  early: number;
  onTime: number;
  late: number;
  /** Not returned by the window's end (or the as-of date, if earlier): due date not passed / passed. */
  notYetDue: number;
  overdue: number;
  /** Rows skipped because a needed cell was blank, an error or not a date. */
  skipped: number;
}

/** "Bưu chính", "BCCI", "qua bưu điện": filed by post. */
function byPost(value: CellValue | undefined): boolean {
  return typeof value === 'string' && /buu chinh|buu dien|bcci/.test(foldKey(value));
}

/**
 * Count the window's dossiers the way the one-stop-shop report lays them out: received (carried over; new online,
 * in person, by post), resolved within the window (early, on time, late), and still in progress at its end (not yet
 * due, overdue). A dossier counts once in "received" and once in either "resolved" or "in progress".
 */
export function dossierTable(columns: DossierColumns, span: { start: IsoDate; end: IsoDate }, asOf: IsoDate): DossierTable {
  const table: DossierTable = { carriedOver: 0, newOnline: 0, newInPerson: 0, newByPost: 0, early: 0, onTime: 0, late: 0, notYetDue: 0, overdue: 0, skipped: 0 };
  const start = isoToSerial(span.start);
  const end = isoToSerial(span.end);
  const reference = Math.min(end, isoToSerial(asOf));
  for (let i = 0; i < columns.received.length; i++) {
    const raw = columns.received[i];
    if (raw === null || raw === undefined || raw === '') continue;
    const received = dayOf(raw);
    const due = columns.due ? dayOf(columns.due[i]) : null;
    const returnedRaw = columns.returned?.[i];
    const returned = dayOf(returnedRaw);
    const returnedUnreadable = returnedRaw !== null && returnedRaw !== undefined && returnedRaw !== '' && returned === null;
    if (received === null || due === null || returnedUnreadable) {
      table.skipped++;
      continue;
    }
    if (received > end || (returned !== null && returned < start)) continue;
    if (received < start) table.carriedOver++;
    else if (byPost(columns.online?.[i])) table.newByPost++;
    else if (columns.online && yesNo(columns.online[i]) === true) table.newOnline++;
    else table.newInPerson++;
    if (returned !== null && returned <= end) {
      if (returned < due) table.early++;
      else if (returned === due) table.onTime++;
      else table.late++;
    } else if (due < reference) table.overdue++;
    else table.notYetDue++;
  }
  return table;
}

export function dossierRates(counts: DossierCounts): DossierRates {
  return {
    onTime: counts.settled ? counts.onTime / counts.settled : null,
    online: counts.received ? counts.online / counts.received : null,
    digitised: counts.received ? counts.digitised / counts.received : null,
  };
}

// ---- Finding a dossier sheet in a workbook -----------------------------------------------------------

/** Header words, folded. Order matters: "Ngày hẹn trả" is the due date before "trả" can make it the return date. */
const DOSSIER_HEADERS: readonly (readonly [keyof DossierColumns, RegExp])[] = [
  ['received', /^(ngay (tiep nhan|nhan|nop)( ho so)?|ngay nhan ho so|thoi gian tiep nhan)$/],
  ['due', /^(ngay hen tra( ket qua)?|han (giai quyet|tra( ket qua)?|xu ly)|ngay hen|thoi han giai quyet)$/],
  ['returned', /^(ngay (tra|tra ket qua|hoan thanh|co ket qua|giai quyet xong)|ngay ket thuc|thoi gian tra ket qua)$/],
  ['online', /^(truc tuyen|nop truc tuyen|hinh thuc( nop)?|dich vu cong truc tuyen|kenh nop|muc do)$/],
  ['digitised', /^(so hoa|da so hoa|so hoa ket qua|so hoa ho so|ket qua so hoa)$/],
];

export interface DossierSheet {
  sheet: string;
  headerRow: number;
  columns: Partial<Record<keyof DossierColumns, number>>;
  data: DossierColumns;
}

/** A sheet whose header names at least a received date and one of due / online / digitised. */
export function findDossierSheet(workbook: WorkbookData): DossierSheet | null {
  for (const sheet of workbook.sheets) {
    for (let r = 0; r < Math.min(sheet.grid.length, 20); r++) {
      const row = sheet.grid[r] ?? [];
      const columns: Partial<Record<keyof DossierColumns, number>> = {};
      row.forEach((v, c) => {
        if (typeof v !== 'string') return;
        const key = foldKey(v);
        for (const [role, re] of DOSSIER_HEADERS) {
          if (columns[role] === undefined && re.test(key)) {
            columns[role] = c;
            break;
          }
        }
      });
      if (columns.received === undefined || (columns.due === undefined && columns.online === undefined && columns.digitised === undefined)) continue;
      const body = sheet.grid.slice(r + 1);
      const pick = (role: keyof DossierColumns) => (columns[role] === undefined ? undefined : body.map((line) => line[columns[role] as number] ?? null));
      return {
        sheet: sheet.name,
        headerRow: r + 1,
        columns,
        data: { received: pick('received') ?? [], due: pick('due'), returned: pick('returned'), online: pick('online'), digitised: pick('digitised') },
      };
    }
  }
  return null;
}

/** A range argument (one column or one row) as the flat list countDossiers reads. */
export function cellsOf(range: Grid | undefined): CellValue[] | undefined {
  if (!range) return undefined;
  return range.length === 1 ? [...range[0]] : range.map((row) => row[0] ?? null);
}

/** Indicator ids the dossier sheet feeds, and how. */
export const DOSSIER_INDICATORS: Record<string, keyof DossierRates> = {
  dossier_on_time: 'onTime',
  online_services: 'online',
  digitised: 'digitised',
};

/**
 * Indicator values for a period from the workbook's dossier sheet, if it has one: the report's indicator table
 * then shows computed figures instead of typed ones, with the sheet as their basis.
 */
export interface DossierFigures {
  sheet: string;
  /** The sheet's columns, for the one-stop-shop table (counted only when a document asks for it). */
  data: DossierColumns;
  values: Record<string, number | null>;
  counts: DossierCounts;
}

export function dossierIndicatorValues(workbook: WorkbookData, span: { start: IsoDate; end: IsoDate }, asOf: IsoDate): DossierFigures | null {
  const found = findDossierSheet(workbook);
  if (!found) return null;
  const counts = countDossiers(found.data, span, asOf);
  const rates = dossierRates(counts);
  const values: Record<string, number | null> = {};
  for (const [id, rate] of Object.entries(DOSSIER_INDICATORS)) {
    const column = rate === 'onTime' ? found.data.due : rate === 'online' ? found.data.online : found.data.digitised;
    if (column) values[id] = rates[rate];
  }
  return { sheet: found.sheet, data: found.data, values, counts };
}

/**
 * Indicator definitions and values with the dossier sheet's figures for the period taking the place of typed ones,
 * their basis naming the sheet. Without a dossier sheet, returns what it was given.
 */
export function withDossierSheet(
  workbook: WorkbookData,
  span: { start: IsoDate; end: IsoDate },
  asOf: IsoDate,
  definitions: readonly IndicatorDefinition[],
  values: Record<string, number | null | undefined>,
): { indicators: IndicatorDefinition[]; indicatorValues: Record<string, number | null | undefined> } {
  return withDossierFigures(dossierIndicatorValues(workbook, span, asOf), definitions, values);
}

/** The same, from figures already counted (the service counts once and keeps them for the official report). */
export function withDossierFigures(
  found: DossierFigures | null,
  definitions: readonly IndicatorDefinition[],
  values: Record<string, number | null | undefined>,
): { indicators: IndicatorDefinition[]; indicatorValues: Record<string, number | null | undefined> } {
  if (!found) return { indicators: [...definitions], indicatorValues: values };
  const basis = `Trang "${found.sheet}" (${found.counts.received} hồ sơ${found.counts.skipped ? `, bỏ qua ${found.counts.skipped} dòng lỗi` : ''})`;
  return {
    indicators: definitions.map((d) => (d.id in found.values ? { ...d, basis } : d)),
    indicatorValues: { ...values, ...found.values },
  };
}
