/// <reference types="google-apps-script" />
import { isoDate } from '../../core/dates';
import type { CellValue, IsoDate } from '../../core/types';

/**
 * Apps Script hands dates over as instants at midnight in the spreadsheet's time zone; the core wants calendar
 * dates in UTC fields. Everything that crosses goes through these two functions, never through local getters,
 * so the script's own time zone cannot shift a day.
 */
export function dateToIsoInZone(value: Date, timeZone: string): IsoDate {
  return Utilities.formatDate(value, timeZone, 'yyyy-MM-dd');
}

export function isoToDateInZone(value: IsoDate, timeZone: string): Date {
  return Utilities.parseDate(value, timeZone, 'yyyy-MM-dd');
}

export function toCoreValue(value: unknown, timeZone: string): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    if (Number.isNaN(d.getTime())) return null;
    const [y, m, day] = dateToIsoInZone(d, timeZone).split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, day));
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

export function todayInZone(timeZone: string): IsoDate {
  return dateToIsoInZone(new Date(), timeZone);
}

/** "AB" → 28 (1-based), for findings' column letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export { isoDate };
