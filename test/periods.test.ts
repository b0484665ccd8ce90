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

describe('reporting periods, every form', () => {
  it.each([
    ['Q1', 'Quý I/2024', 'Báo cáo Quý I-2024', false],
    ['Q2', 'Quý II/2024', 'Báo cáo Quý II-2024', false],
    ['Q3', 'Quý III/2024', 'Báo cáo Quý III-2024', false],
    ['Q4', 'Quý IV/2024', 'Báo cáo Quý IV-2024', false],
    ['H1', '6 tháng đầu năm 2024', 'Báo cáo 6 tháng-2024', true],
    ['9M', '9 tháng năm 2024', 'Báo cáo 9 tháng-2024', true],
    ['Y', 'Năm 2024', 'Báo cáo năm 2024', true],
  ] as const)('labels %s/2024 "%s", names its tab "%s", and counts from January: %s', (type, label, tab, cumulative) => {
    const period = makePeriod(type, 2024);
    expect(period).toMatchObject({ type, year: 2024, cutoff: 'calendar', code: `${type}/2024`, label, cumulative });
    expect(reportSheetName(period)).toBe(tab);
  });

  it.each([
    ['Qui II/2024', 'Q2'],
    ['Q.2/2024', 'Q2'],
    ['Q 4 - 2024', 'Q4'],
    ['quý iv năm 2024', 'Q4'],
    ['Quý 1 2024', 'Q1'],
    ['6T/2024', 'H1'],
    ['Nửa đầu năm 2024', 'H1'],
    ['9T/2024', '9M'],
    ['9 tháng đầu năm 2024', '9M'],
    ['Cả năm/2024', 'Y'],
  ])("also reads '%s' as %s", (text, type) => {
    expect(parsePeriod(text)).toMatchObject({ type, year: 2024 });
  });

  it('reads nothing from empty text even with a default year, nor a year followed by anything', () => {
    expect(parsePeriod('', 'calendar', 2025)).toBeNull();
    expect(parsePeriod('   ', 'calendar', 2025)).toBeNull();
    expect(parsePeriod('2024 quý 1')).toBeNull();
    expect(parsePeriod('Q1/2024x')).toBeNull();
    expect(parsePeriod('Quý I - năm 2024')).toMatchObject({ type: 'Q1', year: 2024 });
  });

  it('reads a period with spaces before it or none before the year, and nothing that only contains one', () => {
    expect(parsePeriod('  Quý I/2024')).toMatchObject({ type: 'Q1', year: 2024 });
    expect(parsePeriod('Quý I\n2024')).toMatchObject({ type: 'Q1', year: 2024 });
    expect(parsePeriod('Quý I năm2024')).toMatchObject({ type: 'Q1', year: 2024 });
    expect(parsePeriod('6 tháng đầu năm2024')).toMatchObject({ type: 'H1', year: 2024 });
    // "Quý 12" is no quarter; a phrase holding a period, or two, is not one period.
    expect(parsePeriod('Quý 12/2024')).toBeNull();
    expect(parsePeriod('Tháng 3 quý I/2024')).toBeNull();
    expect(parsePeriod('Quý III và 6 tháng/2024')).toBeNull();
  });

  it('takes years from 1900 to 2200 only, and reads under the cut-off it is given', () => {
    expect([parsePeriod('Năm 1899'), parsePeriod('Năm 2201')]).toEqual([null, null]);
    expect([parsePeriod('Năm 1900')?.end, parsePeriod('Năm 2200')?.end]).toEqual(['1900-12-31', '2200-12-31']);
    expect(parsePeriod('Quý II/2024', 'nd09')).toMatchObject({ cutoff: 'nd09', start: '2024-03-15', end: '2024-06-14' });
  });

  it('puts a report due on the day a local plan sets, and proposes a report due today', () => {
    expect(reportDueDate(makePeriod('9M', 2024), 25)).toBe('2024-09-25');
    expect(reportDueDate(makePeriod('Y', 2024))).toBe('2024-12-20');
    expect(nextReportDue('2024-06-20')).toMatchObject({ due: '2024-06-20', period: { type: 'H1', year: 2024 } });
    expect(nextReportDue('2024-09-21')).toMatchObject({ due: '2024-12-20', period: { type: 'Y', year: 2024 } });
    expect(nextReportDue('2024-03-21', 'nd09', 10)).toMatchObject({ due: '2024-06-10', period: { type: 'H1', cutoff: 'nd09' } });
  });

  it('proposes the period that ended on the as-of date itself, under either cut-off', () => {
    expect(latestEndedPeriod('2024-03-31').code).toBe('Q1/2024');
    expect(latestEndedPeriod('2024-03-30').code).toBe('Y/2023');
    expect(latestEndedPeriod('2024-03-14', 'nd09')).toMatchObject({ code: 'Q1/2024', cutoff: 'nd09' });
    expect(latestEndedPeriod('2024-12-31').code).toBe('Y/2024');
    expect(latestEndedPeriod('2024-02-01', 'nd09')).toMatchObject({ code: 'Y/2023', end: '2023-12-14' });
  });
});
