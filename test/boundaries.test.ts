/**
 * Behaviours at their edges, each expected value written by hand from the domain rules: the as-of date itself, equal
 * scores, severities and the order problems are shown in. Tables in memory, so each case reads in microseconds.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  callCatalogue,
  checkWorkbook,
  countDossiers,
  makePeriod,
  nextReportDue,
  parseTimeFrame,
  readAppendix,
  readStatus,
  renderReportSheet,
  reportValues,
  reportWorkbook,
  resetMemos,
  type CellValue,
  type WorkbookData,
} from '../src/core/index';
import { HEADER, utc } from './fixtures/sheets';

const TITLE = ['KẾ HOẠCH CCHC NĂM 2024'];
const workbook = (rows: CellValue[][], name = 'Phụ lục'): WorkbookData => ({ sheets: [{ name, grid: [TITLE, HEADER, ...rows] }] });

/** The cell addresses in the report tab's list of data problems (section VI), top to bottom. */
function problemCells(sheet: ReturnType<typeof renderReportSheet>): unknown[] {
  const heading = sheet.cells.find((c) => typeof c.value === 'string' && c.value.startsWith('VI. VẤN ĐỀ DỮ LIỆU'));
  return sheet.cells.filter((c) => heading && c.row > heading.row && c.col === 7 && /^[A-Z]+\d+$/.test(String(c.value))).map((c) => c.value);
}

describe('the as-of date itself', () => {
  const rows: CellValue[][] = [
    [1, 'Hạn hôm qua, chưa xong', 'Văn phòng Sở', '09/04/2024', 'Đang thực hiện', null],
    [2, 'Hạn hôm nay, chưa xong', 'Văn phòng Sở', '10/04/2024', 'Đang thực hiện', null],
    [3, 'Xong đúng ngày hạn', 'Văn phòng Sở', '05/04/2024', 'Đã hoàn thành', '05/04/2024'],
    [4, 'Xong sau hạn một ngày', 'Văn phòng Sở', '05/04/2024', 'Đã hoàn thành', '06/04/2024'],
  ];

  it('counts a task due today as not yet due, and one due yesterday as overdue by 1 day', () => {
    const { findings } = checkWorkbook(workbook(rows), { asOf: '2024-04-10' });
    const overdue = findings.filter((f) => f.code === 'OVERDUE');
    expect(overdue.map((f) => f.row)).toEqual([3]);
    expect(overdue[0].message).toContain('quá hạn 1 ngày (hạn 09/04/2024)');
  });

  it('counts a task done on its due date as on time and one done a day later as late by 1 day', () => {
    const { report } = reportWorkbook(workbook(rows), { asOf: '2024-04-10', period: makePeriod('Q2', 2024) });
    expect(report.items.map((i) => [i.tt, i.outcome, i.days])).toEqual([
      ['1', 'overdue', 1],
      ['2', 'pending', 0],
      ['3', 'on_time', 0],
      ['4', 'late', 1],
    ]);
    expect(report.totals).toMatchObject({ due: 4, onTime: 1, late: 1, overdue: 1, pending: 1 });
  });

  it('proposes the report due today as the next one, and the following one from the day after', () => {
    // Q1's report is due on the 20th of March (the national regime), 6 months' on the 20th of June.
    expect(nextReportDue('2024-03-20')).toMatchObject({ due: '2024-03-20', period: { type: 'Q1', year: 2024 } });
    expect(nextReportDue('2024-03-21')).toMatchObject({ due: '2024-06-20', period: { type: 'H1', year: 2024 } });
    expect(nextReportDue('2024-12-21')).toMatchObject({ due: '2025-03-20', period: { type: 'Q1', year: 2025 } });
  });

  it("gives a recurring task's next due date as today when it falls today, and the next one from tomorrow", () => {
    const due = (asOf: string) => callCatalogue('CCHC_DUE', ['Hằng quý', 2024], { asOf, appendix: () => null as never });
    expect(due('2024-06-30')).toBe('2024-06-30');
    expect(due('2024-07-01')).toBe('2024-09-30');
    expect(due('2024-12-31')).toBe('2024-12-31');
  });

  it('leaves a dossier due today and not yet returned out of the settled count, and counts one due yesterday as settled late', () => {
    const counts = (dueDay: number) =>
      countDossiers({ received: [utc(1, 4, 2024)], due: [utc(dueDay, 4, 2024)], returned: [null] }, { start: '2024-04-01', end: '2024-06-30' }, '2024-04-10');
    expect(counts(10)).toMatchObject({ received: 1, settled: 0, onTime: 0 });
    expect(counts(9)).toMatchObject({ received: 1, settled: 1, onTime: 0 });
  });
});

describe('recurrences in the rates', () => {
  it('counts a yearly recurrence with a stated day as a due item, and leaves quarterly ones out', () => {
    const rows: CellValue[][] = [
      [1, 'Báo cáo năm', 'Văn phòng Sở', 'trước ngày 05/11 hàng năm', 'Đang thực hiện', null],
      [2, 'Báo cáo quý', 'Văn phòng Sở', 'Hằng quý', 'Đang thực hiện', null],
    ];
    const { report } = reportWorkbook(workbook(rows), { asOf: '2024-11-06', period: makePeriod('Y', 2024) });
    expect(report.items.map((i) => [i.tt, i.due, i.outcome, i.days])).toEqual([['1', '2024-11-05', 'overdue', 1]]);
  });

  it.each(['6 tháng một lần', '6 tháng/lần', 'Hằng nửa năm', 'Định kỳ 6 tháng'])("expands '%s' to 30/06 and 31/12 of the plan year", (text) => {
    expect(parseTimeFrame(text, 2024)).toMatchObject({ kind: 'recurring', recurrence: 'half-yearly', dueDates: ['2024-06-30', '2024-12-31'] });
  });
});

describe('CCHC_STATUS for a task with several due dates', () => {
  const status = (timeframe: string, progress: string | null, asOf: string) =>
    callCatalogue('CCHC_STATUS', [timeframe, progress, null, 2024], { asOf, appendix: () => null as never });

  it('is overdue when one of its dates has passed undone, even if a later one has not', () => {
    expect(status('Quý I và Quý III/2024', 'Đang thực hiện', '2024-05-01')).toBe('Quá hạn');
  });

  it('is not yet due before the first date, and on time when done before the first date', () => {
    expect(status('Quý I và Quý III/2024', 'Đang thực hiện', '2024-03-31')).toBe('Chưa đến hạn');
  });
});

describe('choosing between two candidate sheets', () => {
  const header = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện'];
  const task = (n: number): CellValue[] => [n, `Việc ${n}`, 'Văn phòng Sở', 'Quý I/2024'];

  it('takes the sheet with more rows when the headers score the same, whatever the order of the sheets', () => {
    const a = { name: 'Bản A', grid: [header, task(1), task(2)] };
    const b = { name: 'Bản B', grid: [header, task(1), task(2), task(3)] };
    expect(readAppendix({ sheets: [a, b] }).sheet).toBe('Bản B');
    expect(readAppendix({ sheets: [b, a] }).sheet).toBe('Bản B');
  });

  it('takes the first sheet when headers and rows are equal', () => {
    const a = { name: 'Bản A', grid: [header, task(1)] };
    const b = { name: 'Bản B', grid: [header, task(1)] };
    expect(readAppendix({ sheets: [a, b] }).sheet).toBe('Bản A');
    expect(readAppendix({ sheets: [b, a] }).sheet).toBe('Bản B');
  });

  it('takes the sheet whose header names more roles over one with more rows', () => {
    const a = { name: 'Ít cột', grid: [header, task(1), task(2), task(3)] };
    const b = { name: 'Đủ cột', grid: [[...header, 'Tiến độ'], [...task(1), 'Đang thực hiện']] };
    expect(readAppendix({ sheets: [a, b] }).sheet).toBe('Đủ cột');
  });
});

describe('severities and where findings point', () => {
  const rows: CellValue[][] = [
    [1, 'Không có chủ trì', null, 'Quý IV/2024', 'Đang thực hiện', null],
    [2, 'Không có thời hạn', 'Văn phòng Sở', null, 'Đang thực hiện', null],
    [3, 'Thời hạn lạ', 'Văn phòng Sở', 'Sớm nhất có thể', 'Đang thực hiện', null],
    [4, 'Quá hạn', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện', null],
    [5, 'Chủ trì chung chung', 'Các phòng chức năng', 'Quý IV/2024', 'Tốt', null],
    [5, 'Trùng số', 'Văn phòng Sở', 'Khi có yêu cầu', 'Đang thực hiện', null],
    [7, 'Đơn vị lạ', 'Tổ Công nghệ thông tin', 'Quý IV/2024', '#REF!', null],
  ];
  // Before each test, not once: code run in a beforeAll belongs to no test for Stryker's coverage.
  let findings: ReturnType<typeof checkWorkbook>['findings'] = [];
  beforeEach(() => {
    ({ findings } = checkWorkbook(workbook(rows), { asOf: '2024-04-10' }));
  });
  const at = (row: number, code: string) => findings.find((f) => f.row === row && f.code === code);

  it.each([
    [3, 'MISSING_OWNER', 'error', 'C'],
    [4, 'MISSING_DEADLINE', 'error', 'D'],
    [5, 'UNREADABLE_DEADLINE', 'error', 'D'],
    [6, 'OVERDUE', 'error', 'E'],
    [7, 'VAGUE_OWNER', 'warning', 'C'],
    [7, 'UNKNOWN_STATUS', 'warning', 'E'],
    [8, 'DUPLICATE_NUMBER', 'warning', 'A'],
    [8, 'VAGUE_DEADLINE', 'info', 'D'],
    [9, 'UNKNOWN_UNIT', 'info', 'C'],
    [9, 'ERROR_CELL', 'warning', 'E'],
  ])('reports row %i %s as %s in column %s', (row, code, severity, column) => {
    expect(at(row, code)).toMatchObject({ severity, column });
  });

  it('names the error cell by its own column and row in the message', () => {
    expect(at(9, 'ERROR_CELL')?.message).toMatch(/^Ô E9 đang báo lỗi #REF!/);
  });

  it('lists errors before warnings in the report tab, whatever their rows', () => {
    const { report } = reportWorkbook(workbook(rows), { asOf: '2024-04-10', period: makePeriod('Q1', 2024) });
    const listed = problemCells(renderReportSheet(report));
    // The errors at rows 3, 4 and 5 first, then the warnings in row order; info findings are not data problems.
    expect(listed).toEqual(['C3', 'D4', 'D5', 'C7', 'E7', 'A8', 'E9']);
  });

  it('lists an error on a later row before a warning on an earlier one', () => {
    const rows2: CellValue[][] = [
      [1, 'Chủ trì chung chung', 'Các phòng chức năng', 'Quý IV/2024', 'Đang thực hiện', null],
      [2, 'Không có chủ trì', null, 'Quý IV/2024', 'Đang thực hiện', null],
    ];
    const { report } = reportWorkbook(workbook(rows2), { asOf: '2024-04-10', period: makePeriod('Q1', 2024) });
    const listed = problemCells(renderReportSheet(report));
    expect(listed).toEqual(['C4', 'C3']);
  });
});

describe('the front door', () => {
  it('passes the sheet, the plan year and the unit directory through to the reading', () => {
    const two: WorkbookData = { sheets: [{ name: 'A', grid: [TITLE, HEADER, [1, 'Việc A', 'Văn phòng Sở', 'Quý I/2024']] }, { name: 'B', grid: [TITLE, HEADER, [1, 'Việc B', 'Phòng Mới', 'Quý II/2024']] }] };
    const { appendix, findings } = checkWorkbook(two, { asOf: '2024-04-10', sheet: 'B', planYear: 2030, units: [{ name: 'Phòng Mới', aliases: [] }] });
    expect([appendix.sheet, appendix.planYear, appendix.tasks[0].content]).toEqual(['B', 2030, 'Việc B']);
    // "Phòng Mới" is in the directory given, so it is a known unit.
    expect(findings.filter((f) => f.code === 'UNKNOWN_UNIT')).toEqual([]);
  });
});

describe('the sheets the front door reads', () => {
  it('never takes the tool\'s own report tab for the appendix, and leaves out the sheets it is told to', () => {
    const appendix: CellValue[][] = [TITLE, HEADER, [1, 'Việc cũ', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện']];
    const { sheet } = reportWorkbook(workbook(appendix.slice(2)), { asOf: '2024-04-10', period: makePeriod('Q1', 2024) });
    // The tab lists the overdue task under "Nội dung nhiệm vụ | Đơn vị chủ trì | Hạn": a table an appendix reader could take.
    const own = { name: 'Báo cáo Quý I-2024', grid: reportValues(sheet) };
    const copy = { name: 'Bản sao', grid: [TITLE, HEADER, [1, 'Việc mới', 'Thanh tra Sở', 'Quý II/2024', 'Đang thực hiện']] as CellValue[][] };
    expect(checkWorkbook({ sheets: [own, { name: 'Phụ lục', grid: appendix }] }, { asOf: '2024-04-10' }).appendix.sheet).toBe('Phụ lục');
    const chosen = checkWorkbook({ sheets: [{ name: 'Phụ lục', grid: appendix }, copy] }, { asOf: '2024-04-10', ignoreSheets: (s) => s.name === 'Phụ lục' });
    expect(chosen.appendix.sheet).toBe('Bản sao');
  });

  it('starts cold after resetMemos: a status read again is read anew', () => {
    const first = readStatus('Đã hoàn thành');
    expect(readStatus('Đã hoàn thành')).toBe(first);
    resetMemos();
    expect(readStatus('Đã hoàn thành')).not.toBe(first);
    expect(readStatus('Đã hoàn thành')).toEqual(first);
  });
});
