import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook, reportWorkbook } from '../src/core/index';
import { evaluateTarget, score766, scorePlanCompletion, evaluateIndicators, DEFAULT_INDICATORS } from '../src/core/measuring/indicators';
import { makePeriod } from '../src/core/measuring/periods';
import { estimateRowHeights, findUnitName, looksLikeFormula, renderReportSheet, REPORT_MARKER, isOwnReportSheet, reportValues } from '../src/core/presenting/report';
import type { WorkbookData } from '../src/core/types';
import { buildSheets, OUTCOMES_ROWS, tempDir, readWorkbook } from './fixtures/workbooks';

let workbook: WorkbookData;
beforeAll(async () => {
  const file = join(tempDir(), 'outcomes.xlsx');
  await buildSheets(file, [{ name: 'Phụ lục', rows: OUTCOMES_ROWS }]);
  workbook = readWorkbook(file);
});

const asOf = '2024-04-10';

describe('outcomes and rates', () => {
  it('classifies every due item of Q1/2024 (calendar): on time, late, done undated, overdue, cancelled', () => {
    const { report } = reportWorkbook(workbook, { asOf, period: makePeriod('Q1', 2024) });
    expect(report.items.map((i) => [i.row, i.due, i.outcome, i.days])).toEqual([
      [5, '2024-03-31', 'on_time', 0],
      [6, '2024-02-15', 'late', 15],
      [7, '2024-01-31', 'done_undated', 0],
      [9, '2024-03-31', 'overdue', 10],
      [10, '2024-03-31', 'cancelled', 0],
    ]);
    expect(report.totals).toMatchObject({ tasks: 8, due: 5, onTime: 1, late: 1, doneUndated: 1, overdue: 1, pending: 0, cancelled: 1, noDueDate: 2, noDeadline: 0 });
    expect(report.rates).toEqual({ completion: 0.75, onTime: 0.25 });
  });

  it('counts a due date not yet passed as pending in a cumulative period', () => {
    const { report } = reportWorkbook(workbook, { asOf, period: makePeriod('H1', 2024) });
    expect(report.items.find((i) => i.row === 11)).toMatchObject({ due: '2024-06-30', outcome: 'pending' });
    expect(report.totals).toMatchObject({ due: 6, pending: 1 });
    expect(report.rates.completion).toBeCloseTo(3 / 5);
  });

  it('uses the 15th–14th windows under the NĐ 09 cut-off', () => {
    const { report } = reportWorkbook(workbook, { asOf, period: makePeriod('Q1', 2024, 'nd09') });
    expect(report.period).toMatchObject({ start: '2023-12-15', end: '2024-03-14' });
    expect(report.items.map((i) => i.outcome)).toEqual(['late', 'done_undated']);
    expect(report.rates).toEqual({ completion: 1, onTime: 0 });
  });

  it('gives null rates when nothing is due', () => {
    const { report } = reportWorkbook(workbook, { asOf, period: makePeriod('Q4', 2024) });
    expect(report.totals.due).toBe(0);
    expect(report.rates).toEqual({ completion: null, onTime: null });
  });

  it('breaks the period down per lead unit and per section', () => {
    const { report } = reportWorkbook(workbook, { asOf, period: makePeriod('Q1', 2024) });
    expect(report.byUnit.map((u) => [u.unit, u.due, u.onTime, u.late, u.overdue, u.pending, u.onTimeRate])).toEqual([
      ['Phòng Tổ chức cán bộ', 2, 0, 0, 1, 0, 0],
      ['Văn phòng Sở', 2, 0, 1, 0, 0, 0],
      ['Thanh tra Sở', 1, 1, 0, 0, 0, 1],
    ]);
    expect(report.bySection.map((s) => [s.section, s.due])).toEqual([
      ['I. Cải cách thể chế', 3],
      ['II. Cải cách tổ chức bộ máy', 2],
    ]);
    expect(report.overdue).toEqual([{ row: 9, tt: '1', content: 'Rà soát vị trí việc làm', owners: ['Phòng Tổ chức cán bộ'], due: '2024-03-31', daysOverdue: 10 }]);
  });

  it('lists open data problems and when the report is due', () => {
    const { report } = reportWorkbook(workbook, { asOf, period: makePeriod('Q1', 2024) });
    expect(report.problems.map((p) => p.code)).toEqual(['DONE_WITHOUT_DATE']);
    expect(report.reportDue).toBe('2024-03-20');
    expect(report.nextReport).toEqual({ label: '6 tháng đầu năm 2024', due: '2024-06-20' });
  });
});

describe('indicators against targets', () => {
  it('says Đạt at or above the target and Không đạt below, strictly above for a "trên" target', () => {
    expect(evaluateTarget(0.98, 0.98)).toBe('Đạt');
    expect(evaluateTarget(0.979, 0.98)).toBe('Không đạt');
    expect(evaluateTarget(0.8, 0.8, '>')).toBe('Không đạt');
  });

  it('scores like QĐ 766: full points at the target, pro rata below', () => {
    expect(score766(0.99, 0.98, 2)).toBe(2);
    expect(score766(0.49, 0.98, 2)).toBeCloseTo(1);
    expect([scorePlanCompletion(0.95), scorePlanCompletion(0.8), scorePlanCompletion(0.5)]).toEqual([1, 0.5, 0]);
  });

  it('takes plan completion from the appendix and other indicators from the values given', () => {
    const results = evaluateIndicators(DEFAULT_INDICATORS, { completion: 0.75, onTime: 0.25 }, { dossier_on_time: 0.99 });
    expect(results.find((r) => r.id === 'plan_completion')).toMatchObject({ actual: 0.75, result: 'Không đạt', score: 0.75 });
    expect(results.find((r) => r.id === 'dossier_on_time')).toMatchObject({ actual: 0.99, result: 'Đạt', score: 1 });
    expect(results.find((r) => r.id === 'satisfaction')).toMatchObject({ actual: null, result: null });
  });
});

describe('the summary tab', () => {
  it('finds the unit name in the appendix title, preferring the written form to a letterhead in capitals', () => {
    expect(findUnitName(['SỞ Y TẾ TỈNH ĐẮK NÔNG', '(Kèm theo Kế hoạch số: /KH-SYT, ngày /1/2020 của Sở Y tế tỉnh Đắk Nông)'])).toBe('Sở Y tế tỉnh Đắk Nông');
    expect(findUnitName(['PHỤ LỤC'])).toBeNull();
  });

  it('lays out heading, totals, units, sections, indicators, overdue tasks, problems and the marker line', () => {
    const { sheet } = reportWorkbook(workbook, { asOf, period: makePeriod('Q1', 2024), unitName: 'Sở Y tế tỉnh Đắk Nông' });
    const texts = sheet.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(sheet.name).toBe('Báo cáo Quý I-2024');
    for (const heading of ['SỞ Y TẾ TỈNH ĐẮK NÔNG', 'I. TỔNG HỢP CHUNG', 'II. THEO ĐƠN VỊ CHỦ TRÌ', 'III. THEO NỘI DUNG CỦA PHỤ LỤC', 'IV. CHỈ SỐ SO VỚI MỤC TIÊU', 'V. NHIỆM VỤ QUÁ HẠN (1)', 'VI. VẤN ĐỀ DỮ LIỆU CẦN XỬ LÝ (1)']) {
      expect(texts).toContain(heading);
    }
    expect(texts.some((t) => t.startsWith('Kỳ báo cáo: Quý I/2024 (từ 01/01/2024 đến 31/03/2024'))).toBe(true);
    const rate = sheet.cells.find((c, i) => sheet.cells[i - 1]?.value === 'Tỷ lệ hoàn thành đúng hạn');
    expect(rate).toMatchObject({ value: 0.25, format: 'percent' });
    const dueCell = sheet.cells.find((c) => c.date === '2024-03-31');
    expect(dueCell).toMatchObject({ value: '31/03/2024', format: 'date' });
    const values = reportValues(sheet);
    expect(isOwnReportSheet({ name: sheet.name, grid: values })).toBe(true);
    expect(String(values[values.length - 1][0])).toMatch(new RegExp(`^${REPORT_MARKER}`));
  });

  it('makes a row tall enough for every wrapped line: length over the covered width, plus explicit line breaks', () => {
    const sheet = {
      name: 'Báo cáo',
      columnWidths: [6, 50, 18],
      cells: [
        { row: 0, col: 1, value: 'x'.repeat(120), wrap: true },
        { row: 1, col: 1, value: 'ngắn', wrap: true },
        { row: 2, col: 1, value: 'dòng một\ndòng hai', wrap: true },
        { row: 3, col: 1, value: 'x'.repeat(120), wrap: true },
        { row: 4, col: 1, value: 'x'.repeat(120) },
        { row: 5, col: 1, value: 'x'.repeat(60), wrap: true },
        { row: 6, col: 1, value: 'x'.repeat(45), wrap: true },
        { row: 7, col: 1, value: 'Đ'.repeat(40), wrap: true },
      ],
      // Row 5's merge starts in another column: it does not widen the cell in column B.
      merges: [{ top: 3, left: 1, bottom: 3, right: 2 }, { top: 5, left: 2, bottom: 5, right: 2 }],
      tables: [],
      rowCount: 8,
      colCount: 3,
    };
    // 16 points a line and 2 of padding. A width unit holds one character, and one is left for the margin: 120
    // characters need three lines in a 50-wide column, two across the 68-wide merge; 45 fit one line; an unwrapped
    // cell stays one line. Capitals count 1.3: 40 of them (52 units) take two lines.
    expect(estimateRowHeights(sheet as never)).toEqual([50, 18, 34, 34, 16, 34, 18, 34]);
  });

  it('keeps a task text that looks like a formula as a plain string cell', async () => {
    const rows = OUTCOMES_ROWS.map((r) => [...r]);
    rows[8][1] = '=HYPERLINK("http://x.invalid","bấm")';
    const file = join(tempDir(), 'inject.xlsx');
    await buildSheets(file, [{ name: 'PL', rows }]);
    const { sheet } = reportWorkbook(readWorkbook(file), { asOf, period: makePeriod('Q1', 2024) });
    const cell = sheet.cells.find((c) => typeof c.value === 'string' && c.value.includes('HYPERLINK'))!;
    expect(cell.value).toBe('1. =HYPERLINK("http://x.invalid","bấm")');
    expect(looksLikeFormula('=1+1') && looksLikeFormula(' @SUM(A1)') && !looksLikeFormula('Quý I')).toBe(true);
  });

  it('renders the same report as the same cells every time', () => {
    const a = reportWorkbook(workbook, { asOf, period: makePeriod('Q1', 2024) });
    const b = reportWorkbook(workbook, { asOf, period: makePeriod('Q1', 2024) });
    expect(renderReportSheet(b.report)).toEqual(a.sheet);
  });

  it('finds in the outcomes appendix exactly the undated completion and the overdue task', () => {
    // Row 7 is done ("HT") with no date; row 9 was due 31/03/2024 and is still in progress on 10/04/2024.
    expect(checkWorkbook(workbook, { asOf }).findings.map((f) => [f.row, f.code, f.severity])).toEqual([
      [7, 'DONE_WITHOUT_DATE', 'warning'],
      [9, 'OVERDUE', 'error'],
    ]);
  });
});

describe('the data problems in the tab', () => {
  it('summarises many problems by kind, lists the first 50 errors first, and keeps every one in the report data', () => {
    const grid = [
      ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'],
      ...Array.from({ length: 120 }, (_, i) => [i + 1, `Việc ${i + 1}`, i % 2 ? 'VP Sở' : null, i % 3 ? 'Quý I/2024' : 'sớm', 'Đang thực hiện']),
    ];
    const { report, sheet } = reportWorkbook({ sheets: [{ name: 'PL', grid }] }, { asOf, period: makePeriod('Q1', 2024), planYear: 2024 });
    expect(report.problems.length).toBe(100);
    const texts = sheet.cells.map((c) => c.value);
    expect(texts).toContain('Loại vấn đề');
    const summary = sheet.cells.filter((c, i) => sheet.cells[i - 1]?.value === 'Chưa có đơn vị chủ trì' || sheet.cells[i - 1]?.value === 'Thời hạn không đọc được');
    expect(summary.map((c) => c.value)).toEqual([60, 40]);
    const listed = sheet.cells.filter((c) => typeof c.value === 'string' && /^Nhiệm vụ \d+ \(dòng \d+\) chưa có đơn vị chủ trì|^Không đọc được thời hạn/.test(c.value));
    expect(listed).toHaveLength(50);
    expect(texts).toContain('… và 50 vấn đề khác. Danh sách đầy đủ ở thẻ Kiểm tra của bảng điều khiển CCHC.');
  });
});
