/**
 * Report periods as staff type them, at the edges of what is a period: a cell broken over lines, and phrases that
 * start or end like a period but are not one (the second half-year, a date in words, a decision number).
 */
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../src/core/measuring/periods';

describe('a period typed in a cell', () => {
  it('reads "6 tháng đầu năm 2024" broken over two lines with a blank line between as the first six months', () => {
    expect(parsePeriod('6 tháng\n\nđầu năm 2024')).toMatchObject({ type: 'H1', year: 2024, start: '2024-01-01', end: '2024-06-30' });
  });

  it.each([
    // The second half-year is no report period: reports are Q1, 6 months, 9 months (or Q3) and the year.
    ['6 tháng cuối năm 2024'],
    // Dates written in words, not the 6- or 9-month reports.
    ['6 tháng 10 năm 2024'],
    ['9 tháng 10 năm 2024'],
    // A decision's number is no quarter.
    ['QĐ 1/2024'],
  ])('does not take "%s" for a report period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('a cumulative period ("lũy kế")', () => {
  it.each([
    ['Lũy kế 6 tháng năm 2024', 'H1', '2024-06-30'],
    ['Luỹ kế 9 tháng năm 2024', '9M', '2024-09-30'],
    ['Lũy kế 9 tháng/2024', '9M', '2024-09-30'],
    ['Lũy kế năm 2024', 'Y', '2024-12-31'],
  ])('reads "%s" as the report period %s, from 1 January', (text, type, end) => {
    expect(parsePeriod(text)).toMatchObject({ type, year: 2024, start: '2024-01-01', end });
  });
});
