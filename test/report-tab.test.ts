/**
 * The quarterly summary tab, line by line, for the outcomes appendix (test/fixtures/workbooks.ts, in memory). Every
 * figure is worked out by hand from that appendix as of 10/04/2024 for Quý I/2024:
 * - 8 tasks; 5 due dates in Q1: I.1 done 20/03 for 31/03 (on time), I.2 done 01/03 for 15/02 (late), I.3 "HT" with no
 *   date (done, undated), II.1 due 31/03 in progress (overdue 10 days), II.2 cancelled; II.3 falls in Q2;
 * - II.4 "Thường xuyên" and II.5 "Hằng quý" have no single due date; 3 tasks are in progress (II.1, II.4, II.5);
 * - completion 3 of 4 counted (the cancelled one is not) = 75 %; on time 1 of 4 = 25 %.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { reportWorkbook } from '../src/core/index';
import { makePeriod } from '../src/core/measuring/periods';
import { estimateRowHeights, findUnitName, isOwnReportSheet, looksLikeFormula, outcomeSummary, pageHeightPoints, REPORT_MARKER, reportDueLabel, reportValues, type ReportSheet } from '../src/core/presenting/report';
import type { CellValue } from '../src/core/types';
import { OUTCOMES_ROWS } from './fixtures/workbooks';

const asOf = '2024-04-10';
const workbook = { sheets: [{ name: 'Phụ lục', grid: OUTCOMES_ROWS as CellValue[][] }] };

/** Each row of the tab as its non-empty values joined by " | ". */
const lines = (sheet: ReportSheet) => reportValues(sheet).map((row) => row.filter((v) => v !== null).join(' | '));
const cellAt = (sheet: ReportSheet, text: string, offset: number) => {
  const at = sheet.cells.findIndex((c) => c.value === text);
  return sheet.cells[at + offset];
};

describe('the summary tab, line by line', () => {
  // Computed before each test, not once for all: Stryker attributes code run in a beforeAll (or at collection) to no
  // test, so no test would be run against its mutants (see README, Mutation testing).
  let sheet: ReportSheet;
  let report: ReturnType<typeof reportWorkbook>['report'];
  beforeEach(() => {
    ({ sheet, report } = reportWorkbook(workbook, { asOf, period: makePeriod('Q1', 2024), unitName: 'Sở Y tế tỉnh Đắk Nông' }));
  });

  it('says who reports, for which period, as of when, and when this and the next report are due', () => {
    expect(lines(sheet).slice(0, 6)).toEqual([
      'SỞ Y TẾ TỈNH ĐẮK NÔNG',
      'BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH',
      'Kỳ báo cáo: Quý I/2024 (từ 01/01/2024 đến 31/03/2024, theo năm dương lịch)',
      'Số liệu tính đến ngày 10/04/2024 · Phụ lục: trang "Phụ lục", năm kế hoạch 2024',
      // Q1's report is due on 20/03; the next, for the first six months, on 20/06.
      'Hạn gửi báo cáo kỳ này: 20/03/2024 (đã quá 21 ngày) · Báo cáo kế tiếp: 6 tháng đầu năm 2024, hạn 20/06/2024',
      '',
    ]);
  });

  it('totals the period, then breaks it down by lead unit (most due first) and by section (in the appendix’s order)', () => {
    expect(lines(sheet).slice(6, 39)).toEqual([
      'I. TỔNG HỢP CHUNG',
      'STT | Chỉ tiêu | Số lượng',
      '1 | Tổng số nhiệm vụ trong phụ lục | 8',
      '2 | Số mốc thời hạn đến hạn trong kỳ | 5',
      '3 | – Hoàn thành đúng hạn | 1',
      '4 | – Hoàn thành trễ hạn | 1',
      '5 | – Hoàn thành nhưng chưa ghi ngày | 1',
      '6 | – Quá hạn, chưa hoàn thành | 1',
      '7 | – Chưa đến hạn | 0',
      '8 | – Không thực hiện (đã hủy/dừng) | 1',
      '9 | Nhiệm vụ đang thực hiện | 3',
      '10 | Nhiệm vụ thường xuyên, định kỳ, khi có yêu cầu | 2',
      '11 | Nhiệm vụ chưa có hoặc không đọc được thời hạn | 0',
      '12 | Tỷ lệ hoàn thành | 0.75',
      '13 | Tỷ lệ hoàn thành đúng hạn | 0.25',
      '',
      'II. THEO ĐƠN VỊ CHỦ TRÌ',
      'STT | Đơn vị chủ trì | Đến hạn | Đúng hạn | Trễ hạn | Chưa ghi ngày | Quá hạn | Chưa đến hạn | Tỷ lệ đúng hạn',
      // Two due each, in Vietnamese alphabetical order; the cancelled task leaves TCCB a base of 1.
      '1 | Phòng Tổ chức cán bộ | 2 | 0 | 0 | 0 | 1 | 0 | 0',
      '2 | Văn phòng Sở | 2 | 0 | 1 | 1 | 0 | 0 | 0',
      '3 | Thanh tra Sở | 1 | 1 | 0 | 0 | 0 | 0 | 1',
      // The plan's own totals close the table (each due date once): 5 due, 1 on time of 4 counted.
      'Tổng cộng | 5 | 1 | 1 | 1 | 1 | 0 | 0.25',
      '',
      'III. THEO NỘI DUNG CỦA PHỤ LỤC',
      'STT | Mục trong phụ lục | Đến hạn | Đúng hạn | Trễ hạn | Chưa ghi ngày | Quá hạn | Chưa đến hạn | Tỷ lệ đúng hạn',
      `1 | I. Cải cách thể chế | 3 | 1 | 1 | 1 | 0 | 0 | ${1 / 3}`,
      '2 | II. Cải cách tổ chức bộ máy | 2 | 0 | 0 | 0 | 1 | 0 | 0',
      'Tổng cộng | 5 | 1 | 1 | 1 | 1 | 0 | 0.25',
      '',
      'IV. CHỈ SỐ SO VỚI MỤC TIÊU',
      'STT | Chỉ số | Mục tiêu | Kết quả | Đánh giá | Điểm | Nguồn số liệu',
      '1 | Hoàn thành nhiệm vụ kế hoạch CCHC | 1 | 0.75 | Không đạt | 0.75 | Phụ lục kế hoạch (tự tính)',
      '2 | Nhiệm vụ hoàn thành đúng hạn | 1 | 0.25 | Không đạt | 0.25 | Phụ lục kế hoạch (tự tính)',
    ]);
    expect(lines(sheet)[39]).toBe('3 | Hồ sơ TTHC giải quyết đúng hẹn | 0.98 | Chưa có số liệu | — | — | Phần mềm một cửa (trang hồ sơ hoặc nhập kết quả)');
  });

  it('lists the overdue tasks and the data problems, then the footer that marks the tab as the tool’s own', () => {
    const all = lines(sheet);
    const from = all.indexOf('V. NHIỆM VỤ QUÁ HẠN (1)');
    expect(all[from - 1]).toBe('');
    expect(all.slice(from)).toEqual([
      'V. NHIỆM VỤ QUÁ HẠN (1)',
      'STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Hạn | Số ngày quá hạn | Dòng',
      '1 | 1. Rà soát vị trí việc làm | Phòng Tổ chức cán bộ | 31/03/2024 | 10 | 9',
      '',
      'VI. VẤN ĐỀ DỮ LIỆU CẦN XỬ LÝ (1)',
      'STT | Loại vấn đề | Số lượng',
      '1 | Hoàn thành nhưng chưa ghi ngày | 1',
      '',
      'STT | Vấn đề | Mức độ | Ô',
      '1 | Nhiệm vụ 3 (dòng 7) đã hoàn thành nhưng chưa có ngày hoàn thành: nhập ngày (dd/mm/yyyy) để tính đúng hạn hay trễ hạn. | Cảnh báo | G7',
      'Danh sách đầy đủ ở thẻ Kiểm tra của bảng điều khiển CCHC.',
      '',
      'Trang này do công cụ CCHC tạo tự động từ trang "Phụ lục" ngày 10/04/2024. Lần tạo sau sẽ thay thế trang này; không nhập dữ liệu vào đây.',
    ]);
    expect([sheet.rowCount, sheet.colCount, sheet.columnWidths]).toEqual([all.length, 9, [6, 48, 18, 16, 12, 13, 11, 13, 14]]);
    expect(report.overdue).toEqual([{ row: 9, tt: '1', content: 'Rà soát vị trí việc làm', owners: ['Phòng Tổ chức cán bộ'], due: '2024-03-31', daysOverdue: 10 }]);
  });

  it('marks what is bad, good or missing by style, and writes counts, rates and dates in their own formats', () => {
    // The TCCB row: its overdue count is bad; Văn phòng Sở's zero is plain.
    expect(cellAt(sheet, 'Phòng Tổ chức cán bộ', 5)).toMatchObject({ value: 1, style: 'bad', format: 'integer', align: 'center' });
    expect(cellAt(sheet, 'Văn phòng Sở', 5)).toMatchObject({ value: 0, style: 'body' });
    expect(cellAt(sheet, 'Thanh tra Sở', 7)).toMatchObject({ value: 1, format: 'percent', align: 'center' });
    expect(cellAt(sheet, 'Hoàn thành nhiệm vụ kế hoạch CCHC', 3)).toMatchObject({ value: 'Không đạt', style: 'bad', align: 'center' });
    expect(cellAt(sheet, 'Hoàn thành nhiệm vụ kế hoạch CCHC', 4)).toMatchObject({ value: 0.75, format: 'decimal' });
    expect(cellAt(sheet, 'Hồ sơ TTHC giải quyết đúng hẹn', 2)).toMatchObject({ value: 'Chưa có số liệu', style: 'muted' });
    expect(cellAt(sheet, 'Hồ sơ TTHC giải quyết đúng hẹn', 3)).toMatchObject({ value: '—', style: 'muted' });
    expect(cellAt(sheet, 'Hồ sơ TTHC giải quyết đúng hẹn', 5)).toMatchObject({ value: 'Phần mềm một cửa (trang hồ sơ hoặc nhập kết quả)', style: 'muted' });
    expect(cellAt(sheet, '1. Rà soát vị trí việc làm', 2)).toMatchObject({ value: '31/03/2024', date: '2024-03-31', format: 'date', align: 'center' });
    expect(cellAt(sheet, '1. Rà soát vị trí việc làm', 3)).toMatchObject({ value: 10, style: 'bad' });
    expect(cellAt(sheet, 'Cảnh báo', 0)).toMatchObject({ style: 'body', align: 'center' });
    expect(cellAt(sheet, 'Tỷ lệ hoàn thành', 1)).toMatchObject({ value: 0.75, format: 'percent', style: 'bold' });
    expect(sheet.cells.find((c) => c.value === 'BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH')).toMatchObject({ style: 'title', align: 'center', wrap: false });
    expect(sheet.cells.find((c) => c.value === 'SỞ Y TẾ TỈNH ĐẮK NÔNG')).toMatchObject({ style: 'bold', align: 'left', wrap: true });
  });

  it('merges the full-width lines and each wide column as one block, and borders each table', () => {
    // Five heading lines, six section titles, the "full list" line and the footer span all nine columns.
    expect(sheet.merges.filter((m) => m.left === 0 && m.right === 8 && m.top === m.bottom)).toHaveLength(5 + 6 + 2);
    // The indicators' source spans G:I over the table's header and nine rows; the problem message spans B:F.
    expect(sheet.merges.filter((m) => m.right < 8 || m.left > 0)).toEqual([
      { top: 36, left: 6, bottom: 45, right: 8 },
      { top: 55, left: 1, bottom: 56, right: 5 },
    ]);
    expect(sheet.merges).toHaveLength(15);
    expect(sheet.tables.map((t) => [t.top, t.bottom, t.right])).toEqual([
      [7, 20, 2],
      [23, 27, 8],
      [30, 33, 8],
      [36, 45, 8],
      [48, 49, 5],
      [52, 53, 2],
      [55, 56, 7],
    ]);
  });

  it('counts each row\'s height as the heights the hosts set: one per row, equal to the estimate from its cells', () => {
    expect(sheet.rowHeights).toHaveLength(sheet.rowCount);
    expect(sheet.rowHeights).toEqual(estimateRowHeights(sheet));
  });

  it('starts printed pages only at a section heading, never inside a table that fits on one page', () => {
    const all = lines(sheet);
    expect(sheet.pageBreaks.length).toBeGreaterThan(0);
    for (const r of sheet.pageBreaks) expect(all[r]).toMatch(/^(I|II|III|IV|V|VI)\. /);
    for (const t of sheet.tables) expect(sheet.pageBreaks.filter((r) => r > t.top && r <= t.bottom)).toEqual([]);
  });
});

describe('the tab as printed', () => {
  it('sizes a page for A4 landscape at one page wide, keeping 12 % in hand', () => {
    // 10.69 × 7.07 in inside the margins (769.7 × 509.0 pt); 151 width units at 7 px plus 5 px a column are 1,102 px
    // (826.5 pt), so the columns print at 93.1 %: a page holds 546.6 pt of rows, 481.0 with 12 % kept in hand.
    expect(pageHeightPoints([6, 48, 18, 16, 12, 13, 11, 13, 14])).toBeCloseTo(481.0, 0);
    // Columns narrower than the page are not scaled up.
    expect(pageHeightPoints([10])).toBeCloseTo(509.04 * 0.88, 1);
  });

  it('repeats a long table\'s header at the top of each page it runs onto, and fills no page beyond its height', () => {
    const tab = (n: number) => {
      const grid: CellValue[][] = [['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ']];
      for (let i = 1; i <= n; i++) grid.push([i, `Nhiệm vụ số ${i}: rà soát, đánh giá và báo cáo kết quả thực hiện theo kế hoạch của Sở`, 'Văn phòng Sở', '15/02/2024', 'Đang thực hiện']);
      return reportWorkbook({ sheets: [{ name: 'PL', grid }] }, { asOf, period: makePeriod('Q1', 2024) }).sheet;
    };
    const sheet = tab(120);
    const all = lines(sheet);
    const header = 'STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Hạn | Số ngày quá hạn | Dòng';
    const overdue = sheet.tables[4];
    expect(all[overdue.top]).toBe(header);
    const inside = sheet.pageBreaks.filter((r) => r > overdue.top && r <= overdue.bottom);
    // 120 rows of two lines (34 pt) cannot fit on fewer than eight pages of 481 pt.
    expect(inside.length).toBeGreaterThanOrEqual(8);
    for (const r of inside) expect(all[r]).toBe(header);
    expect(all.filter((l) => l === header)).toHaveLength(1 + inside.length);
    const heights = estimateRowHeights(sheet);
    const starts = [0, ...sheet.pageBreaks, sheet.rowCount];
    for (let p = 0; p + 1 < starts.length; p++) {
      const used = heights.slice(starts[p], starts[p + 1]).reduce((a, b) => a + b, 0);
      expect(used).toBeLessThanOrEqual(pageHeightPoints(sheet.columnWidths));
    }
    // The merges and bordered blocks do not grow with the list: as many as for three tasks.
    expect(sheet.merges).toHaveLength(tab(3).merges.length);
    expect(sheet.tables).toHaveLength(tab(3).tables.length);
  });
});

describe('the order of overdue tasks and problems', () => {
  it('lists the most overdue first, equal ones by row; marks errors red and warnings plain; pads every row to the tab width', () => {
    // As of 10/04/2024: row 3 is 10 days overdue (31/03), row 4 55 days (15/02), row 5 10 days (31/03, no lead unit).
    const grid: CellValue[][] = [
      ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành'],
      [1, 'Việc quý một', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện', null],
      [2, 'Việc tháng hai', 'Thanh tra Sở', '15/02/2024', 'Đang thực hiện', null],
      [3, 'Việc chưa giao', null, 'Quý I/2024', 'Đang thực hiện', null],
    ];
    const { sheet, report } = reportWorkbook({ sheets: [{ name: 'PL', grid }] }, { asOf, period: makePeriod('Q1', 2024) });
    expect(report.overdue.map((o) => [o.row, o.daysOverdue])).toEqual([[3, 55], [2, 10], [4, 10]]);
    expect(cellAt(sheet, 'Lỗi', 0)).toMatchObject({ style: 'bad', align: 'center' });
    // Exactly the problems listed: no "… và 0 vấn đề khác".
    expect(lines(sheet)).toContain('Danh sách đầy đủ ở thẻ Kiểm tra của bảng điều khiển CCHC.');
    expect(reportValues(sheet).every((row) => row.length === 9)).toBe(true);
  });
});

describe('the summary tab with nothing to show', () => {
  it('says so in each table instead of leaving it empty, and a passed indicator reads Đạt in green', () => {
    const quiet = { sheets: [{ name: 'PL', grid: [['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành'], [1, 'Việc quý II', 'Văn phòng Sở', 'Quý II/2024', 'Chưa thực hiện']] as CellValue[][] }] };
    const { sheet } = reportWorkbook(quiet, { asOf, period: makePeriod('Q1', 2024), indicatorValues: { satisfaction: 0.9 } });
    const all = lines(sheet);
    expect(all.filter((l) => l.startsWith('Không có'))).toEqual([
      'Không có nhiệm vụ đến hạn trong kỳ.',
      'Không có nhiệm vụ đến hạn trong kỳ.',
      'Không có nhiệm vụ quá hạn trong kỳ.',
      'Không có vấn đề dữ liệu.',
    ]);
    expect(all).toContain('VI. VẤN ĐỀ DỮ LIỆU CẦN XỬ LÝ (0)');
    expect(all).not.toContain('STT | Loại vấn đề | Số lượng');
    expect(all[0]).toBe('SỞ Y TẾ');
    expect(all).toContain('12 | Tỷ lệ hoàn thành | —');
    expect(cellAt(sheet, 'Tỷ lệ hài lòng của người dân', 3)).toMatchObject({ value: 'Đạt', style: 'good' });
    expect(cellAt(sheet, 'Tỷ lệ hài lòng của người dân', 4)).toMatchObject({ value: 1, format: 'decimal' });
    expect(sheet.cells.find((c) => c.value === 'Không có vấn đề dữ liệu.')).toMatchObject({ style: 'muted' });
  });
});

describe('the outcomes in words', () => {
  it('names every outcome, so the parts add up to the due dates counted', () => {
    const t = { due: 16, onTime: 7, late: 2, doneUndated: 2, overdue: 4, pending: 0, cancelled: 1 };
    expect(outcomeSummary(t)).toBe('16 mốc đến hạn: 7 đúng hạn · 2 trễ hạn · 2 xong chưa ghi ngày · 4 quá hạn · 0 chưa đến hạn · 1 không thực hiện');
  });
});

describe('the report deadline', () => {
  it('says how long ago it passed, that it is today, or how long is left', () => {
    expect(reportDueLabel('2024-06-20', '2024-07-10')).toBe('20/06/2024 (đã quá 20 ngày)');
    expect(reportDueLabel('2024-06-20', '2024-06-20')).toBe('20/06/2024 (hôm nay)');
    expect(reportDueLabel('2024-06-20', '2024-06-15')).toBe('20/06/2024 (còn 5 ngày)');
  });
});

describe('the unit, the tab and formulas', () => {
  it('finds the unit name in the title lines, with its province, and "Sở Y tế" alone only when nothing better is written', () => {
    expect(findUnitName(['KẾ HOẠCH CCHC', 'của Sở Y tế tỉnh Bà Rịa - Vũng Tàu năm 2024'])).toBe('Sở Y tế tỉnh Bà Rịa - Vũng Tàu');
    expect(findUnitName(['Kế hoạch của Sở Y tế tỉnh Lâm Đồng ban hành ngày 05/01/2024'])).toBe('Sở Y tế tỉnh Lâm Đồng');
    expect(findUnitName(['SỞ Y TẾ THÀNH PHỐ HÀ NỘI'])).toBe('SỞ Y TẾ THÀNH PHỐ HÀ NỘI');
    expect(findUnitName(['Sở Y tế TP. Hồ Chí Minh'])).toBe('Sở Y tế TP. Hồ Chí Minh');
    expect(findUnitName(['SỞ Y TẾ', 'Phụ lục'])).toBe('Sở Y tế');
    expect(findUnitName([])).toBeNull();
  });

  it('takes text that a spreadsheet would run as a formula for one, whatever spaces lead it', () => {
    expect(['=SUM(A1)', '+1', '-2', '@A1', '  =1'].map(looksLikeFormula)).toEqual([true, true, true, true, true]);
    expect(['Quý I', '1. =SUM(A1)', 'a-b', ''].map(looksLikeFormula)).toEqual([false, false, false, false]);
  });

  it('knows its own tab by the marker line in column A, anywhere in the tab, and nothing else', () => {
    expect(isOwnReportSheet({ name: 'X', grid: [['a'], [`${REPORT_MARKER} từ trang "PL"`]] })).toBe(true);
    expect(isOwnReportSheet({ name: 'X', grid: [[null, REPORT_MARKER]] })).toBe(false);
    expect(isOwnReportSheet({ name: 'X', grid: [[`Ghi chú: ${REPORT_MARKER}`]] })).toBe(false);
  });

  it('lists at most 50 problems in the tab, errors first, and says how many more there are', () => {
    const rows: CellValue[][] = Array.from({ length: 60 }, (_, i) => [i + 1, `Việc ${i + 1}`, i < 5 ? null : 'Văn phòng Sở', 'Quý I/2024', 'Đã hoàn thành', null]);
    const { sheet, report } = reportWorkbook(
      { sheets: [{ name: 'PL', grid: [['KẾ HOẠCH NĂM 2024'], ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành'], ...rows] }] },
      { asOf, period: makePeriod('Q1', 2024) },
    );
    // 5 tasks without a lead unit (errors), 60 done without a date (warnings).
    expect(report.problems).toHaveLength(65);
    const all = lines(sheet);
    const listed = all.filter((l) => /^\d+ \| .* \| (Lỗi|Cảnh báo) \| [A-Z]+\d+$/.test(l));
    expect(listed).toHaveLength(50);
    expect(listed.slice(0, 5).every((l) => l.includes('| Lỗi |'))).toBe(true);
    expect(listed[5]).toContain('| Cảnh báo |');
    expect(all).toContain('… và 15 vấn đề khác. Danh sách đầy đủ ở thẻ Kiểm tra của bảng điều khiển CCHC.');
    expect(all).toContain('1 | Hoàn thành nhưng chưa ghi ngày | 60');
    expect(all).toContain('2 | Chưa có đơn vị chủ trì | 5');
  });
});
