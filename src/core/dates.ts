import type { CellValue, IsoDate } from './types';

/** Calendar arithmetic on `YYYY-MM-DD` strings. Everything goes through UTC so no time zone can shift a day. */

const DAY_MS = 86_400_000;
/** Spreadsheet serial 0 (both Excel and Google Sheets count from here for dates after 1900-03-01). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function endOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

export function parseIso(value: IsoDate): { year: number; month: number; day: number } {
  const [y, m, d] = value.split('-').map(Number);
  return { year: y, month: m, day: d };
}

function toMs(value: IsoDate): number {
  // Called for every due item: slice the fixed-width fields rather than split and map.
  return Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10));
}

function fromMs(ms: number): IsoDate {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(value: IsoDate, days: number): IsoDate {
  return fromMs(toMs(value) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** Day of week, 0 = Sunday. */
export function weekday(value: IsoDate): number {
  return new Date(toMs(value)).getUTCDay();
}

export function serialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 120_000) return null;
  return fromMs(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

/** A host Date (a calendar date in UTC fields) as a serial day number, without building a string. */
export function dateToSerial(value: Date): number | null {
  const t = value.getTime();
  return Number.isNaN(t) ? null : Math.floor((t - SERIAL_EPOCH_MS) / DAY_MS);
}

export function isoToSerial(value: IsoDate): number {
  return Math.round((toMs(value) - SERIAL_EPOCH_MS) / DAY_MS);
}

/** A host `Date` (a calendar date in UTC fields) to ISO; `null` for an invalid Date. */
export function dateToIso(value: Date): IsoDate | null {
  if (Number.isNaN(value.getTime())) return null;
  const y = value.getUTCFullYear();
  if (y < 1900 || y > 2200) return null;
  return isoDate(y, value.getUTCMonth() + 1, value.getUTCDate());
}

export function isoToDate(value: IsoDate): Date {
  return new Date(toMs(value));
}

/** `31/03/2024`: the only way dates are shown to users. */
export function formatViDate(value: IsoDate | null | undefined): string {
  if (!value) return '';
  return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
}

/** Plausible serial range for a date typed in a date column (1954–2119); outside it a number is not a date. */
export function isPlausibleSerial(value: number): boolean {
  return Number.isFinite(value) && value >= 20_000 && value <= 80_000;
}

/**
 * A date cell's value as ISO, whether the host gave a Date, a serial number or an ISO string.
 * Text in day/month/year form is left to the time-frame parser.
 */
export function cellToIso(value: CellValue): IsoDate | null {
  if (value instanceof Date) return dateToIso(value);
  if (typeof value === 'number') return isPlausibleSerial(value) ? serialToIso(value) : null;
  if (typeof value === 'string') {
    const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?\s*$/.exec(value);
    if (m && isValidDate(+m[1], +m[2], +m[3])) return isoDate(+m[1], +m[2], +m[3]);
  }
  return null;
}

/** Today's date where the code runs; hosts and the CLI pass their own when they know better. */
export function todayIso(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
