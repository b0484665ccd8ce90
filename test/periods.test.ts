import { describe, expect, it } from 'vitest';
import { latestEndedPeriod, makePeriod, nextReportDue, parsePeriod, reportDueDate, reportSheetName } from '../src/core/measuring/periods';

describe('reporting periods', () => {
  it.each([
    ['Q1', '2024-01-01', '2024-03-31'],
    ['Q2', '2024-04-01', '2024-06-30'],
    ['Q3', '2024-07-01', '2024-09-30'],
    ['Q4', '2024-10-01', '2024-12-31'],
    ['H1', '2024-01-01', '2024-06-30'],
    ['9M', '2024-01-01', '2024-09-30'],
    ['Y', '2024-01-01', '2024-12-31'],
  ] as const)('gives %s/2024 the calendar window %s – %s', (type, start, end) => {
    expect(makePeriod(type, 2024, 'calendar')).toMatchObject({ start, end });
  });

  it.each([
    ['Q1', '2023-12-15', '2024-03-14'],
    ['Q2', '2024-03-15', '2024-06-14'],
    ['Q3', '2024-06-15', '2024-09-14'],
    ['Q4', '2024-09-15', '2024-12-14'],
    ['H1', '2023-12-15', '2024-06-14'],
    ['9M', '2023-12-15', '2024-09-14'],
    ['Y', '2023-12-15', '2024-12-14'],
  ] as const)('gives %s/2024 the NĐ 09/2019 window %s – %s', (type, start, end) => {
    expect(makePeriod(type, 2024, 'nd09')).toMatchObject({ start, end });
  });

  it.each([
    ['Q1/2024', 'Q1'],
    ['Quý I/2024', 'Q1'],
    ['quý 3 năm 2024', 'Q3'],
    ['H1/2024', 'H1'],
    ['6 tháng/2024', 'H1'],
    ['6 tháng đầu năm 2024', 'H1'],
    ['9M/2024', '9M'],
    ['9 tháng năm 2024', '9M'],
    ['Y/2024', 'Y'],
    ['Năm 2024', 'Y'],
    ['Cả năm 2024', 'Y'],
    ['2024', 'Y'],
  ])("reads '%s' as %s of 2024", (text, type) => {
    expect(parsePeriod(text)).toMatchObject({ type, year: 2024 });
  });

  it('refuses what is not a period', () => {
    for (const text of ['Q5/2024', 'hello', '', 'Quý I']) expect(parsePeriod(text)).toBeNull();
    expect(parsePeriod('Quý I', 'calendar', 2025)?.code).toBe('Q1/2025');
  });

  it('names the report tab without characters sheet names forbid', () => {
    expect(reportSheetName(makePeriod('Q1', 2024))).toBe('Báo cáo Quý I-2024');
    expect(reportSheetName(makePeriod('H1', 2024))).toBe('Báo cáo 6 tháng-2024');
    expect(reportSheetName(makePeriod('Y', 2024))).toBe('Báo cáo năm 2024');
  });

  it('puts the report due date on the 20th of the period’s last month and finds the next one', () => {
    expect(reportDueDate(makePeriod('Q1', 2024))).toBe('2024-03-20');
    expect(nextReportDue('2024-03-21')).toMatchObject({ due: '2024-06-20', period: { type: 'H1' } });
    expect(nextReportDue('2024-12-21')).toMatchObject({ due: '2025-03-20', period: { type: 'Q1', year: 2025 } });
  });

  it('proposes the latest period that has ended', () => {
    expect(latestEndedPeriod('2024-07-10').code).toBe('H1/2024');
    expect(latestEndedPeriod('2024-02-01').code).toBe('Y/2023');
  });
});
