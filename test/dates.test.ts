/** Calendar arithmetic on ISO dates and spreadsheet serials; every value worked out by hand from the calendar. */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  cellToIso,
  dateToIso,
  dateToSerial,
  daysBetween,
  daysInMonth,
  endOfMonth,
  formatViDate,
  isoDate,
  isoToDate,
  isoToSerial,
  isPlausibleSerial,
  isValidDate,
  parseIso,
  serialToIso,
  todayIso,
  weekday,
} from '../src/core/dates';

describe('calendar dates', () => {
  it('writes dates with zero-padded fields and reads them back', () => {
    expect([isoDate(2024, 3, 5), isoDate(999, 12, 31)]).toEqual(['2024-03-05', '0999-12-31']);
    expect(parseIso('2024-03-05')).toEqual({ year: 2024, month: 3, day: 5 });
  });

  it('knows leap years, month lengths and the years a plan can have (1900–2200)', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2000, 2), daysInMonth(2100, 2), daysInMonth(2024, 4), daysInMonth(2024, 12)]).toEqual([29, 28, 29, 28, 30, 31]);
    expect([endOfMonth(2024, 2), endOfMonth(2024, 6)]).toEqual(['2024-02-29', '2024-06-30']);
    expect([isValidDate(2024, 2, 29), isValidDate(2023, 2, 29), isValidDate(2024, 4, 31), isValidDate(2024, 12, 31)]).toEqual([true, false, false, true]);
    expect([isValidDate(1900, 1, 1), isValidDate(2200, 12, 31), isValidDate(1899, 12, 31), isValidDate(2201, 1, 1)]).toEqual([true, true, false, false]);
    expect([isValidDate(2024, 0, 1), isValidDate(2024, 13, 1), isValidDate(2024, 1, 0), isValidDate(2024, 1.5, 1), isValidDate(2024.5, 1, 1), isValidDate(2024, 1, 1.5)]).toEqual([
      false, false, false, false, false, false,
    ]);
  });

  it('adds days across month, leap-day and year ends, and counts the days between two dates', () => {
    expect([addDays('2024-02-28', 1), addDays('2024-03-01', -1), addDays('2024-12-31', 1), addDays('2024-01-31', 30)]).toEqual([
      '2024-02-29', '2024-02-29', '2025-01-01', '2024-03-01',
    ]);
    // 31/01 → 10/04/2024: 29 (to 29/02) + 31 (to 31/03) + 10.
    expect([daysBetween('2024-01-31', '2024-04-10'), daysBetween('2024-04-10', '2024-01-31'), daysBetween('2024-04-10', '2024-04-10')]).toEqual([70, -70, 0]);
    // 10/04/2024 was a Wednesday; 14/04/2024 a Sunday.
    expect([weekday('2024-04-10'), weekday('2024-04-14')]).toEqual([3, 0]);
  });

  it('shows dates to users as dd/mm/yyyy, and nothing for no date', () => {
    expect([formatViDate('2024-03-31'), formatViDate(null), formatViDate(undefined), formatViDate('')]).toEqual(['31/03/2024', '', '', '']);
  });
});

describe('spreadsheet serial days', () => {
  it('counts from 30/12/1899, as Excel and Google Sheets do after February 1900', () => {
    // 01/01/2024 is serial 45292 in both spreadsheets.
    expect([serialToIso(45292), serialToIso(45292.75), serialToIso(1), isoToSerial('2024-01-01'), isoToSerial('2024-03-01')]).toEqual([
      '2024-01-01', '2024-01-01', '1899-12-31', 45292, 45352,
    ]);
    expect([serialToIso(0), serialToIso(-5), serialToIso(Number.NaN), serialToIso(120_001)]).toEqual([null, null, null, null]);
    expect(serialToIso(120_000)).not.toBeNull();
    expect([dateToSerial(new Date(Date.UTC(2024, 0, 1, 18))), dateToSerial(new Date(Number.NaN))]).toEqual([45292, null]);
  });

  it('takes a number for a date only between 20,000 and 80,000 (1954–2119)', () => {
    expect([isPlausibleSerial(19_999), isPlausibleSerial(20_000), isPlausibleSerial(80_000), isPlausibleSerial(80_001), isPlausibleSerial(Number.POSITIVE_INFINITY)]).toEqual([
      false, true, true, false, false,
    ]);
  });
});

describe('date cells', () => {
  it('reads a Date, a serial number or an ISO text as a date, and nothing else', () => {
    expect(cellToIso(new Date(Date.UTC(2024, 2, 31)))).toBe('2024-03-31');
    expect(cellToIso(45292)).toBe('2024-01-01');
    expect(cellToIso(' 2024-03-31 ')).toBe('2024-03-31');
    expect(cellToIso('2024-03-31T00:00:00Z')).toBe('2024-03-31');
    expect(cellToIso('2024-03-31 10:30:00.5')).toBe('2024-03-31');
    expect([cellToIso(100), cellToIso('2024-02-30'), cellToIso('31/03/2024'), cellToIso('2024-03-31 sáng'), cellToIso(true), cellToIso(null)]).toEqual([
      null, null, null, null, null, null,
    ]);
    // Only a cell that is an ISO date: not a text that ends with one.
    expect(cellToIso('Hạn 2024-03-31')).toBeNull();
  });

  it('refuses an invalid Date and one outside 1900–2200', () => {
    expect([dateToIso(new Date(Number.NaN)), dateToIso(new Date(Date.UTC(1899, 11, 31))), dateToIso(new Date(Date.UTC(2201, 0, 1)))]).toEqual([null, null, null]);
    expect([dateToIso(new Date(Date.UTC(1900, 0, 1))), dateToIso(new Date(Date.UTC(2200, 11, 31)))]).toEqual(['1900-01-01', '2200-12-31']);
    expect(isoToDate('2024-04-10').toISOString()).toBe('2024-04-10T00:00:00.000Z');
  });

  it('takes today from the local calendar fields of the clock', () => {
    expect(todayIso(new Date(2024, 3, 10, 23, 30))).toBe('2024-04-10');
    expect(todayIso(new Date(2024, 0, 1, 0, 5))).toBe('2024-01-01');
  });
});
