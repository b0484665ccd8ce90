/**
 * What the panel asks of the core (the same calls both hosts make), on workbooks in memory. Expected values worked out
 * by hand; the appendix is the outcomes one (test/fixtures/workbooks.ts): as of 10/04/2024, one task overdue in Q1.
 */
import { describe, expect, it } from 'vitest';
import { AppendixNotFoundError } from '../src/core/reading/appendix';
import { renderReportSheet, reportValues } from '../src/core/presenting/report';
import {
  effectiveAsOf,
  HEAD_ROWS,
  highlightTargets,
  isToolSheet,
  panelCheck,
  panelIndicators,
  panelInit,
  reportDone,
  reportFor,
  sheetsToRead,
  trackingColumnsPlan,
} from '../src/core/service';
import { DEFAULT_SETTINGS, SETTINGS_SHEET, settingsGrid } from '../src/core/settings';
import type { CellValue, WorkbookData } from '../src/core/types';
import { OUTCOMES_ROWS } from './fixtures/workbooks';

const appendix = { name: 'Phụ lục', grid: OUTCOMES_ROWS as CellValue[][] };
const settingsSheet = (settings: Partial<typeof DEFAULT_SETTINGS>) => ({ name: SETTINGS_SHEET, grid: settingsGrid({ ...DEFAULT_SETTINGS, ...settings }) });
const book = (...sheets: WorkbookData['sheets']): WorkbookData => ({ sheets });

describe('the panel’s first view', () => {
  it('offers the plan year’s periods in the order they fall due, the latest ended one first chosen, and the next report', () => {
    const init = panelInit(book(appendix), '2024-04-10');
    expect(init.periods).toEqual([
      { code: 'Q1/2024', label: 'Quý I/2024' },
      { code: 'Q2/2024', label: 'Quý II/2024' },
      { code: 'H1/2024', label: '6 tháng đầu năm 2024' },
      { code: 'Q3/2024', label: 'Quý III/2024' },
      { code: '9M/2024', label: '9 tháng năm 2024' },
      { code: 'Q4/2024', label: 'Quý IV/2024' },
      { code: 'Y/2024', label: 'Năm 2024' },
    ]);
    expect(init).toMatchObject({ planYear: 2024, cutoff: 'calendar', defaultPeriod: 'Q1/2024', nextReport: { label: '6 tháng đầu năm 2024', due: '2024-06-20' }, asOf: '2024-04-10', problem: null });
    // Before any 2024 period has ended, the last ended one is of 2023: the plan's first quarter is proposed instead.
    expect(panelInit(book(appendix), '2024-02-01').defaultPeriod).toBe('Q1/2024');
  });

  it('takes the as-of date, cut-off and due day from the settings sheet', () => {
    const init = panelInit(book(settingsSheet({ asOf: '2024-07-01', cutoff: 'nd09', reportDueDay: 10 }), appendix), '2024-04-10');
    expect(init).toMatchObject({ asOf: '2024-07-01', cutoff: 'nd09', defaultPeriod: 'H1/2024', nextReport: { label: '9 tháng năm 2024', due: '2024-09-10' } });
    expect(effectiveAsOf(book(settingsSheet({ asOf: '2024-07-01' })), '2024-04-10')).toBe('2024-07-01');
    expect(effectiveAsOf(book(appendix), '2024-04-10')).toBe('2024-04-10');
  });

  it('says why there is nothing to show when the workbook has no appendix, and offers this year’s periods', () => {
    const init = panelInit(book({ name: 'Trang 1', grid: [['Ghi chú']] }), '2025-05-02');
    expect(init.problem).toMatch(/^Không tìm thấy bảng phụ lục kế hoạch CCHC\./);
    expect(init).toMatchObject({ planYear: null, defaultPeriod: 'Q1/2025' });
    expect(init.periods[0]).toEqual({ code: 'Q1/2025', label: 'Quý I/2025' });
    expect(panelInit(book(settingsSheet({ planYear: 2023 }), { name: 'Trang 1', grid: [['Ghi chú']] }), '2025-05-02')).toMatchObject({ planYear: 2023, defaultPeriod: 'Q1/2023' });
  });
});

describe('the check view', () => {
  it('counts findings by severity and names the appendix sheet on each', () => {
    const check = panelCheck(book(appendix), '2024-04-10');
    // One overdue task (error), one done without a date (warning), one task due in Q2 … and "Thường xuyên" / "Hằng quý" raise nothing.
    expect(check).toMatchObject({ sheet: 'Phụ lục', planYear: 2024, tasks: 8, counts: { error: 1, warning: 1, info: 0 } });
    expect(check.findings.map((f) => [f.sheet, f.code, f.row])).toEqual([
      ['Phụ lục', 'DONE_WITHOUT_DATE', 7],
      ['Phụ lục', 'OVERDUE', 9],
    ]);
  });

  it('highlights each cell once, with the most severe of its findings', () => {
    expect(
      highlightTargets([
        { row: 3, column: 'C', severity: 'info' },
        { row: 3, column: 'C', severity: 'error' },
        { row: 3, column: 'C', severity: 'warning' },
        { row: 4, column: 'C', severity: 'warning' },
        { row: 4, column: 'C', severity: 'info' },
      ]),
    ).toEqual([
      { row: 3, column: 'C', severity: 'error' },
      { row: 4, column: 'C', severity: 'warning' },
    ]);
  });
});

describe('reports and indicators for the panel', () => {
  it('builds the report at the settings’ as-of date, under the cut-off asked for', () => {
    const workbook = book(settingsSheet({ asOf: '2024-04-10' }), appendix);
    const { report, sheet } = reportFor(workbook, '2030-01-01', 'Q1/2024');
    expect([report.asOf, report.period.code, report.overdue.length, sheet.name]).toEqual(['2024-04-10', 'Q1/2024', 1, 'Báo cáo Quý I-2024']);
    expect(reportFor(workbook, '2030-01-01', 'Q1/2024', 'nd09').report.period).toMatchObject({ cutoff: 'nd09', start: '2023-12-15', end: '2024-03-14' });
  });

  it('refuses a period it cannot read, saying which forms it takes', () => {
    expect(() => reportFor(book(appendix), '2024-04-10', 'Q9/2024')).toThrow(AppendixNotFoundError);
    expect(() => reportFor(book(appendix), '2024-04-10', 'Q9/2024')).toThrow('Không hiểu kỳ báo cáo "Q9/2024": chọn Q1/2024, 6 tháng/2024, 9 tháng/2024 hoặc năm.');
  });

  it('never reads its own report tab or settings as the appendix, and takes typed indicator results from either sheet', () => {
    const first = reportFor(book(appendix), '2024-04-10', 'Q1/2024').sheet;
    const ownTab = { name: first.name, grid: reportValues(renderReportSheet(reportFor(book(appendix), '2024-04-10', 'Q1/2024').report)) };
    expect(isToolSheet(ownTab)).toBe(true);
    expect(isToolSheet(settingsSheet({}))).toBe(true);
    expect(isToolSheet(appendix)).toBe(false);
    const results = { name: 'Kết quả', grid: [['Chỉ tiêu', 'Kết quả', 'Kỳ'], ['Tỷ lệ hài lòng của người dân', '91%', 'Quý I/2024'], ['Hồ sơ TTHC giải quyết đúng hẹn', '99%', 'Q1/2024']] };
    const workbook = book(ownTab, settingsSheet({ indicatorResults: [{ id: 'dossier_on_time', period: 'Q1/2024', value: 0.95 }] }), results, appendix);
    const panel = panelIndicators(workbook, '2024-04-10', 'Q1/2024');
    expect(panel.period).toEqual({ code: 'Q1/2024', label: 'Quý I/2024', start: '2024-01-01', end: '2024-03-31' });
    expect(panel.rates).toEqual({ completion: 0.75, onTime: 0.25 });
    expect(panel.byUnit).toEqual([
      { unit: 'Phòng Tổ chức cán bộ', due: 2, onTimeRate: 0, overdue: 1 },
      { unit: 'Văn phòng Sở', due: 2, onTimeRate: 0, overdue: 0 },
      { unit: 'Thanh tra Sở', due: 1, onTimeRate: 1, overdue: 0 },
    ]);
    // The settings sheet's own figure wins over the separate sheet's.
    expect(panel.indicators.slice(2, 4)).toEqual([
      { name: 'Hồ sơ TTHC giải quyết đúng hẹn', target: 0.98, actual: 0.95, result: 'Không đạt' },
      { name: 'Tỷ lệ hài lòng của người dân', target: 0.87, actual: 0.91, result: 'Đạt' },
    ]);
  });

  it('takes a typed result only for the period its row names, and says when a result names none', () => {
    const results = {
      name: 'Chỉ tiêu',
      grid: [
        ['Chỉ tiêu', 'Kết quả', 'Kỳ báo cáo'],
        ['Tỷ lệ hài lòng của người dân', '91%', 'Năm 2023'],
        ['Tỷ lệ hài lòng của người dân', '80%', '6 tháng/2024'],
        ['Tỷ lệ hài lòng của người dân', '85%', 'Quý I/2024'],
        ['Văn bản trao đổi dưới dạng điện tử', '99%', null],
        ['Phản ánh, kiến nghị được xử lý', '100%', 'đầu năm'],
      ],
    };
    const q1 = reportFor(book(results, appendix), '2024-04-10', 'Q1/2024').report.indicators;
    const byId = new Map(q1.map((i) => [i.id, i]));
    expect(byId.get('satisfaction')).toMatchObject({ actual: 0.85, result: 'Không đạt' });
    expect(byId.get('e_documents')).toMatchObject({ actual: null, result: null });
    expect(byId.get('e_documents')?.basis).toBe('Hệ thống quản lý văn bản (nhập kết quả); có kết quả nhưng chưa ghi kỳ báo cáo: ghi kỳ (ví dụ Q1/2024) ở cột "Kỳ báo cáo", trang "Chỉ tiêu"');
    // A period that cannot be read counts as none.
    expect(byId.get('feedback')).toMatchObject({ actual: null, result: null });
    expect(byId.get('feedback')?.basis).toContain('chưa ghi kỳ báo cáo');
    // Without a result for the period: no figure (last year's 91 % is not this year's).
    const h1 = new Map(reportFor(book(results, appendix), '2024-07-10', 'H1/2024').report.indicators.map((i) => [i.id, i]));
    expect(h1.get('satisfaction')).toMatchObject({ actual: 0.8 });
    const q3 = new Map(reportFor(book(results, appendix), '2024-10-10', '9M/2024').report.indicators.map((i) => [i.id, i]));
    expect(q3.get('satisfaction')).toMatchObject({ actual: null, result: null, basis: 'Khảo sát sự hài lòng (nhập kết quả)' });
  });

  it('never takes the figures of its own report tab back as typed results', () => {
    const ownTab = { name: 'Báo cáo Quý I-2024', grid: [['Chỉ số', 'Kết quả'], ['Tỷ lệ hài lòng của người dân', 0.5], ['Trang này do công cụ CCHC tạo tự động từ trang "Phụ lục".']] };
    expect(panelIndicators(book(ownTab, appendix), '2024-04-10', 'Q1/2024').indicators[3]).toEqual({ name: 'Tỷ lệ hài lòng của người dân', target: 0.87, actual: null, result: null });
  });

  it('sums up a finished report for the panel', () => {
    const { report } = reportFor(book(appendix), '2024-04-10', 'Q1/2024');
    expect(reportDone(report, 'Báo cáo Quý I-2024', null)).toEqual({
      tab: 'Báo cáo Quý I-2024',
      url: null,
      period: 'Quý I/2024',
      totals: report.totals,
      rates: { completion: 0.75, onTime: 0.25 },
      overdue: 1,
      problems: 1,
      reportDue: '2024-03-20',
      // 20/03 to 10/04: 21 days late.
      reportDueLabel: '20/03/2024 (đã quá 21 ngày)',
      nextReport: { label: '6 tháng đầu năm 2024', due: '2024-06-20' },
    });
  });
});

describe('which sheets an action reads in full', () => {
  it('reads the appendix and settings for a check, and also the indicator and dossier sheets for a report', () => {
    const heads: WorkbookData = {
      sheets: [
        { name: 'Ghi chú', grid: [['Ghi chú của phòng'], ['Cập nhật hằng tháng']] },
        { name: 'Phụ lục', grid: OUTCOMES_ROWS.slice(0, 5) as CellValue[][] },
        { name: 'Hồ sơ', grid: [['Mã hồ sơ', 'Ngày tiếp nhận', 'Ngày hẹn trả'], ['HS-1', 45300, 45310]] },
        { name: 'Kết quả', grid: [['Chỉ tiêu', 'Kết quả', 'Kỳ'], ['Tỷ lệ hài lòng của người dân', '91%', 'Q1/2024']] },
        settingsSheet({}),
        // A sheet whose header starts below the 201 rows read first is not taken for an appendix.
        { name: 'Xa', grid: [...Array.from({ length: 201 }, () => ['…']), ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện']] },
      ],
    };
    expect(HEAD_ROWS).toBe(201);
    expect(sheetsToRead(heads, 'check')).toEqual(['Phụ lục', SETTINGS_SHEET]);
    expect(sheetsToRead(heads, 'report')).toEqual(['Phụ lục', 'Hồ sơ', 'Kết quả', SETTINGS_SHEET]);
  });
});

describe('where the tracking columns go', () => {
  it('adds the missing ones after the last used column, over the task rows', () => {
    const grid: CellValue[][] = [
      ['KẾ HOẠCH CCHC NĂM 2024'],
      ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện'],
      [1, 'Việc một', 'Văn phòng Sở', 'Quý I/2024'],
      [2, 'Việc hai', 'Thanh tra Sở', 'Quý II/2024', null, 'ghi chú lạc'],
    ];
    expect(trackingColumnsPlan(book({ name: 'PL', grid }), '2024-04-10')).toEqual({
      sheet: 'PL',
      headerRow: 2,
      firstRow: 3,
      lastRow: 4,
      firstFreeColumn: 6,
      needStatus: true,
      needDoneDate: true,
      // Then the columns units write back into (issue 11): result, difficulties, proposals.
      headers: ['Tiến độ', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Khó khăn, vướng mắc', 'Đề xuất'],
    });
    const withStatus = grid.map((r, i) => (i === 1 ? [...r, 'Tiến độ', 'Khó khăn, vướng mắc'] : r));
    expect(trackingColumnsPlan(book({ name: 'PL', grid: withStatus }), '2024-04-10')).toMatchObject({
      needStatus: false,
      needDoneDate: true,
      headers: ['Ngày hoàn thành', 'Kết quả thực hiện', 'Đề xuất'],
    });
    expect(trackingColumnsPlan(book(appendix), '2024-04-10')).toMatchObject({ headerRow: 3, firstRow: 4, lastRow: 13, firstFreeColumn: 7, headers: ['Kết quả thực hiện', 'Khó khăn, vướng mắc', 'Đề xuất'] });
  });

  it('plans the columns down to the row under the header when the appendix has no task yet', () => {
    const grid: CellValue[][] = [['KẾ HOẠCH CCHC NĂM 2024'], ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện']];
    expect(trackingColumnsPlan(book({ name: 'PL', grid }), '2024-04-10')).toMatchObject({ headerRow: 2, firstRow: 3, lastRow: 3 });
  });

  it('plans over the appendix\'s own sheet, not the first one, and down to the last row of a task written over two rows', () => {
    const notes = { name: 'Ghi chú', grid: [['Ghi chú của văn phòng', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy']] };
    // Task 2 runs over rows 3 and 4: its second row continues the content.
    const grid: CellValue[][] = [
      ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện'],
      [1, 'Việc một', 'Văn phòng Sở', 'Quý I/2024'],
      [2, 'Việc hai dài', 'Thanh tra Sở', 'Quý II/2024'],
      [null, 'và phần tiếp theo', null, null],
    ];
    expect(trackingColumnsPlan(book(notes, { name: 'PL', grid }), '2024-04-10')).toMatchObject({ sheet: 'PL', firstFreeColumn: 4, lastRow: 4 });
  });
});
