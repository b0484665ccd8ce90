/**
 * The quarterly report's figures and rows for appendices written for the purpose: which tasks count as having no
 * single due date or no deadline, a task shared by two lead units in the overdue list, and how the tab is cut into
 * printed pages. Figures are worked out by hand from the appendix; the page checks state the report's layout rules (a
 * page ends only where the next block does not fit; a table is kept with its heading and header, whole when it fits on
 * a page, else with its first three rows; the closing line is kept with the footer).
 */
import { describe, expect, it } from 'vitest';
import { reportWorkbook } from '../src/core/index';
import { makePeriod } from '../src/core/measuring/periods';
import { pageHeightPoints, reportValues, type ReportSheet } from '../src/core/presenting/report';
import type { CellValue } from '../src/core/types';

const asOf = '2024-04-10';
const HEAD = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành'];
const lines = (sheet: ReportSheet) => reportValues(sheet).map((row) => row.filter((v) => v !== null).join(' | '));

describe('tasks without a single due date, and tasks without a deadline', () => {
  /**
   * Six tasks of the 2024 plan: on request (an event), every year (one due date, 31/12), all the time, every month,
   * no time frame at all, and a time frame no one can read ("sớm nhất có thể").
   */
  const grid: CellValue[][] = [
    ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
    HEAD,
    [1, 'Giải quyết phản ánh, kiến nghị của tổ chức, cá nhân', 'Văn phòng Sở', 'Khi có yêu cầu', 'Đang thực hiện', null],
    [2, 'Báo cáo kết quả cải cách hành chính năm', 'Văn phòng Sở', 'Hằng năm', 'Chưa thực hiện', null],
    [3, 'Tuyên truyền cải cách hành chính', 'Trung tâm Kiểm soát bệnh tật', 'Thường xuyên', 'Đang thực hiện', null],
    [4, 'Cập nhật văn bản trên Cổng thông tin điện tử', 'Văn phòng Sở', 'Hằng tháng', 'Đang thực hiện', null],
    [5, 'Rà soát quy trình nội bộ', 'Thanh tra Sở', null, 'Chưa thực hiện', null],
    [6, 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 'Văn phòng Sở', 'sớm nhất có thể', 'Chưa thực hiện', null],
  ];

  it('counts on-request, continuous and monthly tasks as having no single due date, but not a yearly one', () => {
    const { report, sheet } = reportWorkbook({ sheets: [{ name: 'PL', grid }] }, { asOf, period: makePeriod('Q1', 2024) });
    expect(report.totals).toMatchObject({ tasks: 6, due: 0, inProgress: 3, noDueDate: 3, noDeadline: 2 });
    expect(lines(sheet)).toContain('10 | Nhiệm vụ thường xuyên, định kỳ, khi có yêu cầu | 3');
    expect(lines(sheet)).toContain('11 | Nhiệm vụ chưa có hoặc không đọc được thời hạn | 2');
  });

  it('counts a yearly task by its due date instead, in the annual report', () => {
    const { report } = reportWorkbook({ sheets: [{ name: 'PL', grid }] }, { asOf: '2025-01-10', period: makePeriod('Y', 2024) });
    expect(report.items.map((i) => [i.row, i.due, i.outcome])).toEqual([[4, '2024-12-31', 'overdue']]);
  });
});

describe('a task shared by two lead units in the overdue list', () => {
  it('names both units in the lead unit column', () => {
    const grid: CellValue[][] = [
      ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
      HEAD,
      [1, 'Xây dựng đề án vị trí việc làm', 'Phòng Tổ chức cán bộ, Văn phòng Sở', '31/01/2024', 'Đang thực hiện', null],
    ];
    const { sheet } = reportWorkbook({ sheets: [{ name: 'PL', grid }] }, { asOf, period: makePeriod('Q1', 2024) });
    // Due 31/01/2024, 70 days overdue on 10/04/2024 (29 days of February); the task is on the sheet's third row.
    expect(lines(sheet)).toContain('1 | 1. Xây dựng đề án vị trí việc làm | Phòng Tổ chức cán bộ; Văn phòng Sở | 31/01/2024 | 70 | 3');
  });
});

describe('printed pages', () => {
  /**
   * Where each page break of the tab is, and what follows it: a table's heading (the heading, header row and either
   * the whole table or, for a table longer than a page, its first three rows are kept together), a table without a
   * heading (the problem list: its header and first rows), the repeated header of a table running on, or the closing
   * line (kept with the blank row and the footer under it). Anything else is a page cut in the wrong place.
   */
  const keptTogether = (sheet: ReportSheet, r: number): number[] => {
    const h = sheet.rowHeights;
    const page = pageHeightPoints(sheet.columnWidths);
    const sum = (from: number, to: number) => h.slice(from, to + 1).reduce((a, b) => a + b, 0);
    const headed = sheet.tables.find((t) => t.top === r + 1) ?? sheet.tables.find((t) => t.top === r);
    if (headed) {
      const headerRow = headed.top;
      const end = sum(r, headed.bottom) <= page ? headed.bottom : Math.min(headed.bottom, headerRow + 3);
      return [r, end];
    }
    if (sheet.tables.some((t) => t.top < r && r <= t.bottom)) return [r, r + 1];
    if (lines(sheet)[r].endsWith('Danh sách đầy đủ ở thẻ Kiểm tra của bảng điều khiển CCHC.')) return [r, r + 2];
    throw new Error(`page break before row ${r}: "${lines(sheet)[r]}"`);
  };

  const checkPages = (sheet: ReportSheet) => {
    const page = pageHeightPoints(sheet.columnWidths);
    const h = sheet.rowHeights;
    const starts = [0, ...sheet.pageBreaks, sheet.rowCount];
    for (let p = 0; p + 1 < starts.length; p++) {
      const used = h.slice(starts[p], starts[p + 1]).reduce((a, b) => a + b, 0);
      // No page is fuller than the paper, and none is empty.
      expect(used).toBeLessThanOrEqual(page);
      expect(starts[p + 1]).toBeGreaterThan(starts[p]);
      if (p + 2 < starts.length) {
        // A page ends early only because what comes next, kept together, would not fit on it.
        const [from, to] = keptTogether(sheet, starts[p + 1]);
        expect(used + h.slice(from, to + 1).reduce((a, b) => a + b, 0)).toBeGreaterThan(page);
      }
    }
    const all = lines(sheet);
    const closing = all.findIndex((l) => l.endsWith('Danh sách đầy đủ ở thẻ Kiểm tra của bảng điều khiển CCHC.'));
    // The closing line, a blank row and the footer marker end the tab together, on one page.
    expect(closing).toBe(sheet.rowCount - 3);
    expect(sheet.pageBreaks.filter((r) => r > closing)).toEqual([]);
  };

  /**
   * `overdue` tasks of the Văn phòng Sở due 15/02/2024 and still in progress (overdue on 10/04/2024), then `unowned`
   * tasks with no lead unit (an error each, and overdue too), on a sheet whose long name makes the footer two lines.
   */
  const tab = (overdue: number, unowned: number) => {
    const grid: CellValue[][] = [['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], HEAD];
    for (let i = 1; i <= overdue; i++) {
      grid.push([i, `Nhiệm vụ số ${i}: rà soát, đánh giá${' và báo cáo kết quả thực hiện'.repeat(i % 3)}`, 'Văn phòng Sở', '15/02/2024', 'Đang thực hiện', null]);
    }
    for (let i = 1; i <= unowned; i++) grid.push([overdue + i, `Nhiệm vụ chưa giao số ${i}`, null, 'Quý I/2024', 'Đang thực hiện', null]);
    return reportWorkbook({ sheets: [{ name: 'Phụ lục kế hoạch CCHC năm 2024', grid }] }, { asOf, period: makePeriod('Q1', 2024) }).sheet;
  };

  it('breaks pages only where the next block does not fit, for lists of every length', () => {
    for (const overdue of [0, 5, 12]) {
      for (let unowned = 0; unowned <= 12; unowned++) checkPages(tab(overdue, unowned));
    }
  });

  it('starts a list longer than a page under the previous table when its heading, header and first three rows fit there', () => {
    for (const overdue of [40]) {
      for (let unowned = 0; unowned <= 12; unowned++) checkPages(tab(overdue, unowned));
    }
  });
});

describe('the indicator table with no indicator', () => {
  it('says there is none and where to add them, as every other empty table says what it lacks', () => {
    const grid: CellValue[][] = [HEAD, [1, 'Rà soát quy chế làm việc', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện', null]];
    const { sheet } = reportWorkbook({ sheets: [{ name: 'PL', grid }] }, { asOf, period: makePeriod('Q1', 2024), indicators: [] });
    const at = lines(sheet).indexOf('IV. CHỈ SỐ SO VỚI MỤC TIÊU');
    expect(lines(sheet).slice(at + 2, at + 3)).toEqual(['Chưa có chỉ tiêu nào: thêm chỉ tiêu ở trang cài đặt.']);
  });
});
