/**
 * Time frames as staff type them, phrase by phrase: a monthly cadence that names a start date, a day glued to "ngày",
 * deadlines written out of order, impossible dates, checkboxes, and a sheet that holds the same value as text and as a
 * date cell. Expected values are written by hand from the calendar.
 */
import { describe, expect, it } from 'vitest';
import { parseTimeFrame, resetTimeFrameMemo } from '../src/core/reading/timeframe';

const Y = 2024;
const read = (value: string | number | boolean | null, year = Y) => parseTimeFrame(value, year);

const MONTH_ENDS_2024 = [
  '2024-01-31',
  '2024-02-29',
  '2024-03-31',
  '2024-04-30',
  '2024-05-31',
  '2024-06-30',
  '2024-07-31',
  '2024-08-31',
  '2024-09-30',
  '2024-10-31',
  '2024-11-30',
  '2024-12-31',
];

describe('monthly work and the day it is due', () => {
  it("reads 'Hằng tháng, kể từ ngày 01/01/2024' as due at the end of every month: the start date is not a monthly day", () => {
    const tf = read('Hằng tháng, kể từ ngày 01/01/2024');
    expect(tf).toMatchObject({ kind: 'recurring', recurrence: 'monthly' });
    expect(tf.dueDates).toEqual(MONTH_ENDS_2024);
  });

  it("reads 'Trước ngày25 hằng tháng' (a space lost in pasting) as due on the 25th of every month", () => {
    const tf = read('Trước ngày25 hằng tháng');
    expect(tf.dueDates).toHaveLength(12);
    expect(tf.dueDates.slice(0, 3)).toEqual(['2024-01-25', '2024-02-25', '2024-03-25']);
    expect(tf.dueDates[11]).toBe('2024-12-25');
  });
});

describe('several deadlines in one cell', () => {
  it("lists 'Tháng 3/2024 và Quý IV/2024' in calendar order and is due on 31/12/2024", () => {
    const tf = read('Tháng 3/2024 và Quý IV/2024');
    expect(tf.dueDates).toEqual(['2024-03-31', '2024-12-31']);
    expect(tf.due).toBe('2024-12-31');
  });

  it("lists 'Trước 15/3/2024 và 6 tháng cuối năm' in calendar order and is due on 31/12/2024", () => {
    const tf = read('Trước 15/3/2024 và 6 tháng cuối năm');
    expect(tf.dueDates).toEqual(['2024-03-15', '2024-12-31']);
    expect(tf.due).toBe('2024-12-31');
  });
});

describe('cells that are not a deadline', () => {
  it("says which date does not exist when no year is written: 'Trước ngày 31/2' names 31/2", () => {
    const tf = read('Trước ngày 31/2');
    expect(tf.kind).toBe('unknown');
    expect(tf.due).toBeNull();
    expect(tf.problem).toBe('ngày 31/2 không tồn tại');
  });

  it('shows a ticked checkbox as TRUE and an unticked one as FALSE, neither as a deadline', () => {
    expect(read(true)).toMatchObject({ text: 'TRUE', kind: 'unknown', due: null });
    expect(read(false)).toMatchObject({ text: 'FALSE', kind: 'unknown', due: null });
  });
});

describe('the same value twice in a sheet', () => {
  it('reads a date cell by its date even after a text cell showing the same number', () => {
    // Row 5 holds the text "45382" (typed, not a date); row 6 a date cell whose serial is 45382 (31/03/2024).
    expect(read('45382').kind).toBe('unknown');
    expect(read(45382)).toMatchObject({ text: '31/03/2024', kind: 'date', due: '2024-03-31' });
  });

  it('answers a phrase repeated down the sheet with the same reading, and reads it afresh once the memo is reset', () => {
    const first = read('Quý IV/2024');
    expect(read('Quý IV/2024')).toBe(first);
    resetTimeFrameMemo();
    const again = read('Quý IV/2024');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('a yearly task with a full date', () => {
  it.each([
    ['Hằng năm, trước ngày 15/01/2025', '2026-01-15'],
    ['Hằng năm (báo cáo trước 15/12/2025)', '2026-12-15'],
  ])('reads "%s" as due on that day and month of the plan year', (text, due) => {
    expect(parseTimeFrame(text, 2026)).toMatchObject({ kind: 'recurring', recurrence: 'yearly', dueDates: [due] });
  });
});
