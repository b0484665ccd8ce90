/**
 * The custom functions case by case, as a user calls them in a cell, in memory. Expected values worked out by hand
 * from the domain rules; as of 10/04/2024, plan year 2024.
 */
import { describe, expect, it } from 'vitest';
import { callCatalogue, CatalogueError, type CatalogueContext } from '../src/core/functions/catalogue';
import { readAppendix } from '../src/core/reading/appendix';
import type { CellValue, Grid } from '../src/core/types';
import { HEADER, utc } from './fixtures/sheets';

const ctx: CatalogueContext = { asOf: '2024-04-10', planYear: 2024 };
const call = (name: string, args: unknown[], context: CatalogueContext = ctx) => callCatalogue(name, args as never, context);
const error = (message: string) => new CatalogueError(message);

/** Four tasks due in Q1 (one per outcome) and one in Q2. */
const PLAN: Grid = [
  ['KẾ HOẠCH CCHC NĂM 2024'],
  HEADER,
  [1, 'Đúng hạn', 'Văn phòng Sở', '31/03/2024', 'Đã hoàn thành', utc(30, 3, 2024)],
  [2, 'Trễ hạn', 'Văn phòng Sở', '15/02/2024', 'Đã hoàn thành', utc(20, 2, 2024)],
  [3, 'Quá hạn', 'Thanh tra Sở', '31/03/2024', 'Đang thực hiện', null],
  [4, 'Đã hủy', 'Thanh tra Sở', '31/01/2024', 'Không thực hiện', null],
  [5, 'Quý II', 'Văn phòng Sở', '30/06/2024', 'Đã hoàn thành', utc(1, 4, 2024)],
];

describe('rates and counts over the appendix', () => {
  it('counts a period’s due dates, the cancelled one left out, for every unit or for one written any way', () => {
    // Q1: on time 1, late 1, overdue 1 of 3 counted.
    expect(call('CCHC_ONTIME', ['Q1/2024', null, PLAN])).toBe(1 / 3);
    expect(call('CCHC_DONE', ['Quý I/2024', '', PLAN])).toBe(2 / 3);
    expect(call('CCHC_OVERDUE', ['Q1/2024', undefined, PLAN])).toBe(1);
    // Văn phòng Sở in Q1: one on time, one late.
    expect(call('CCHC_ONTIME', ['Q1/2024', 'VP Sở', PLAN])).toBe(0.5);
    expect(call('CCHC_OVERDUE', ['Q1/2024', 'Thanh tra Sở', PLAN])).toBe(1);
    // Thanh tra Sở has nothing done; with its cancelled task left out, 0 of 1.
    expect(call('CCHC_DONE', ['Q1/2024', 'Thanh tra Sở', PLAN])).toBe(0);
  });

  it('covers the plan year up to today when no period is given, and gives no rate when nothing is due', () => {
    // From 01/01 to 10/04: the four Q1 items (task 5 is due 30/06, outside the window); by 31/12 task 5 counts too.
    expect(call('CCHC_DONE', [null, null, PLAN])).toBe(2 / 3);
    expect(call('CCHC_DONE', [null, null, PLAN], { asOf: '2024-12-31', planYear: 2024 })).toBe(3 / 4);
    // After the plan year, the window stops at 31/12.
    expect(call('CCHC_OVERDUE', [null, null, PLAN], { asOf: '2025-02-01', planYear: 2024 })).toBe(1);
    expect(call('CCHC_ONTIME', ['Q3/2024', null, PLAN])).toBeNull();
  });

  it('stops the window at the plan year’s end, even for a task due after it', () => {
    // As of 01/02/2025 with plan year 2024: the task due 31/01/2025 lies outside the window 01/01–31/12/2024.
    const late = [...PLAN, [6, 'Sang năm', 'Thanh tra Sở', '31/01/2025', 'Đang thực hiện', null]];
    expect(call('CCHC_OVERDUE', [null, null, late], { asOf: '2025-02-01', planYear: 2024 })).toBe(1);
  });

  it('reads the workbook’s appendix when no range is given, and says what to pass when there is none', () => {
    const appendix = readAppendix({ sheets: [{ name: 'PL', grid: PLAN }] }, { asOf: ctx.asOf });
    expect(call('CCHC_OVERDUE', ['Q1/2024'], { ...ctx, appendix: () => appendix })).toBe(1);
    expect(call('CCHC_OVERDUE', ['Q1/2024'])).toEqual(error('Không có phụ lục: hãy truyền vùng dữ liệu phụ lục (kể cả hàng tiêu đề) làm đối số.'));
    expect(call('CCHC_OVERDUE', ['Q1/2024', null, []])).toEqual(error('Không có phụ lục: hãy truyền vùng dữ liệu phụ lục (kể cả hàng tiêu đề) làm đối số.'));
  });

  it('answers a period it cannot read, or a range with no appendix table, with a Vietnamese error value', () => {
    expect(call('CCHC_ONTIME', ['Q5/2024', null, PLAN])).toEqual(
      error('Không hiểu kỳ "Q5/2024": ghi dạng Q1/2024, Quý I/2024, 6 tháng/2024, 9 tháng/2024 hoặc 2024.'),
    );
    const notATable = call('CCHC_ONTIME', ['Q1/2024', null, [['a', 'b'], [1, 2]]]);
    expect(notATable).toBeInstanceOf(CatalogueError);
    expect((notATable as CatalogueError).message).toMatch(/^Không tìm thấy bảng phụ lục kế hoạch CCHC\./);
  });

  it('reads a period given as a date cell or a 1×1 range as its text', () => {
    expect(call('CCHC_OVERDUE', [[['Q1/2024']], null, PLAN])).toBe(1);
    expect(call('CCHC_OVERDUE', [[[null, 'Q1/2024']], null, PLAN])).toBe(1);
    expect(call('CCHC_OVERDUE', [[['', 'Q1/2024']], null, PLAN])).toBe(1);
    // A date is not a period: it is quoted back as the day it is; an invalid date reads as no period.
    expect(call('CCHC_OVERDUE', [utc(31, 3, 2024), null, PLAN])).toEqual(
      error('Không hiểu kỳ "2024-03-31": ghi dạng Q1/2024, Quý I/2024, 6 tháng/2024, 9 tháng/2024 hoặc 2024.'),
    );
    expect(call('CCHC_DONE', [new Date(Number.NaN), null, PLAN])).toBe(call('CCHC_DONE', [null, null, PLAN]));
  });

  it('comes back as an error value naming the function when something inside fails', () => {
    const broken = new Proxy([[1]], { get: (target, key) => (key === 'length' || key === 'map' ? () => { throw new Error('vùng hỏng'); } : Reflect.get(target, key)) });
    expect(call('CCHC_DUE', [broken, 2024])).toEqual(error('Lỗi khi tính CCHC_DUE: vùng hỏng'));
  });
});

describe('due dates from time-frame cells', () => {
  it.each([
    ['Quý I/2024', null, '2024-03-31'],
    ['Tháng 11, 12', 2025, '2025-12-31'],
    ['trước ngày 05/11 hàng năm', '2023', '2023-11-05'],
    // A quarterly task's next due date on or after today.
    ['Hằng quý', null, '2024-06-30'],
    ['Thường xuyên', null, ''],
    ['Khi có yêu cầu', null, ''],
    // A year outside 1900–2200 is no year: the plan year is used. A year written as text counts, spaces around it.
    ['Tháng 5', 1800, '2024-05-31'],
    ['Tháng 5', 1900, '1900-05-31'],
    ['Tháng 5', 2200, '2200-05-31'],
    ['Tháng 5', 2201, '2024-05-31'],
    ['Tháng 5', ' 2025 ', '2025-05-31'],
    ['Tháng 5', '2025 x', '2024-05-31'],
    ['Tháng 5', 'x2025', '2024-05-31'],
    // A recurring phrase with no date, and a true/false cell: empty, and an error saying why.
    ['Định kỳ', null, ''],
  ])('reads "%s" (year %s) as %j', (text, year, expected) => {
    expect(call('CCHC_DUE', [text, year])).toBe(expected);
  });

  it('gives a recurring task’s last date once all have passed, and uses this year when there is no plan year', () => {
    expect(call('CCHC_DUE', ['Hằng quý', 2024], { asOf: '2025-01-05' })).toBe('2024-12-31');
    expect(call('CCHC_DUE', ['Tháng 5'], { asOf: '2026-01-05' })).toBe('2026-05-31');
  });

  it('runs over the longest range given, a shorter one read as blank beyond its end', () => {
    // Three time frames, two statuses: the third row has no status.
    expect(call('CCHC_STATUS', [[['31/03/2024'], ['31/03/2024'], ['30/06/2024']], [['Đã hoàn thành'], ['Đang thực hiện']], null, 2024])).toEqual([
      ['Hoàn thành (chưa ghi ngày)'],
      ['Quá hạn'],
      ['Chưa đến hạn'],
    ]);
  });

  it('says a true/false cell is not a time frame', () => {
    expect(call('CCHC_DUE', [true, 2024])).toEqual(error('Không đọc được thời hạn "TRUE": ô đánh dấu đúng/sai, không phải thời hạn.'));
  });

  it('takes an empty single value beside a range as no value: a status\'s own date then counts', () => {
    expect(call('CCHC_STATUS', [[['31/03/2024']], 'Đã hoàn thành ngày 02/04/2024', '', 2024])).toEqual([['Trễ hạn']]);
  });

  it('keeps the shape of a range, leaves blank rows blank, and explains what it cannot read', () => {
    expect(call('CCHC_DUE', [[['Quý I/2024'], [null], ['Sớm nhất có thể']], 2024])).toEqual([
      ['2024-03-31'],
      [''],
      [error('Không đọc được thời hạn "Sớm nhất có thể": không nhận ra ngày, tháng, quý hay năm.')],
    ]);
  });
});

describe('a task’s status today', () => {
  it.each([
    ['31/03/2024', 'Đã hoàn thành', utc(30, 3, 2024), 'Đúng hạn'],
    ['31/03/2024', 'Đã hoàn thành', utc(2, 4, 2024), 'Trễ hạn'],
    ['31/03/2024', 'Đã hoàn thành ngày 02/04/2024', null, 'Trễ hạn'],
    ['31/03/2024', 'Đã hoàn thành', null, 'Hoàn thành (chưa ghi ngày)'],
    ['31/03/2024', 'Đang thực hiện', null, 'Quá hạn'],
    ['10/04/2024', 'Đang thực hiện', null, 'Chưa đến hạn'],
    ['31/03/2024', 'Không thực hiện', null, 'Không thực hiện'],
    ['Thường xuyên', 'Đang thực hiện', null, 'Thường xuyên'],
    ['Hằng quý', null, null, 'Định kỳ'],
    ['Khi có yêu cầu', null, null, 'Khi có yêu cầu'],
    [null, 'Đang thực hiện', null, 'Chưa có thời hạn'],
    ['Sớm nhất có thể', null, null, 'Không đọc được thời hạn'],
    // Two due dates: overdue as soon as one has passed undone; the worst outcome is the label.
    ['Tháng 3, 6/2024', 'Đang thực hiện', null, 'Quá hạn'],
    ['Tháng 3, 6/2024', 'Đã hoàn thành', utc(15, 4, 2024), 'Trễ hạn'],
    ['Tháng 5, 6/2024', null, null, 'Chưa đến hạn'],
    // A yearly task counts its date in the plan year.
    ['trước ngày 05/11 hàng năm', 'Đã hoàn thành', utc(1, 11, 2024), 'Đúng hạn'],
  ])('labels a task due "%s", "%s", done %s: %s', (timeframe, status, done, label) => {
    expect(call('CCHC_STATUS', [timeframe, status, done, 2024])).toBe(label);
  });
});

describe('targets and scores', () => {
  it('compares results with targets written as ratios, percents or numbers, strictly for "trên" or ">"', () => {
    expect(call('CCHC_TARGET', [0.98, '98%'])).toBe('Đạt');
    expect(call('CCHC_TARGET', [97, 0.98])).toBe('Không đạt');
    expect(call('CCHC_TARGET', [0.9, 0.9, 'trên'])).toBe('Không đạt');
    expect(call('CCHC_TARGET', [0.9, 0.9, 'Trên'])).toBe('Không đạt');
    expect(call('CCHC_TARGET', [0.91, 0.9, '>'])).toBe('Đạt');
    expect(call('CCHC_TARGET', [0.9, 0.9, '>='])).toBe('Đạt');
    expect(call('CCHC_TARGET', ['cao', 0.9])).toEqual(error('Kết quả và mục tiêu phải là số hoặc tỷ lệ phần trăm.'));
    expect(call('CCHC_TARGET', [0.9, null])).toEqual(error('Kết quả và mục tiêu phải là số hoặc tỷ lệ phần trăm.'));
  });

  it('scores pro rata below the target with the points given, one point by default', () => {
    expect(call('CCHC_SCORE', [0.49, 0.98, 2])).toBeCloseTo(1, 12);
    expect(call('CCHC_SCORE', [0.49, 0.98])).toBeCloseTo(0.5, 12);
    expect(call('CCHC_SCORE', [0.49, 0.98, 'hai'])).toBeCloseTo(0.5, 12);
  });

  it('broadcasts a single target over a range of results, and a 1×1 range like a single value', () => {
    expect(call('CCHC_TARGET', [[[0.9], [0.99], [null]], 0.98])).toEqual([['Không đạt'], ['Đạt'], ['']]);
    expect(call('CCHC_TARGET', [[[0.9, 0.99]], [[0.95]]])).toEqual([['Không đạt', 'Đạt']]);
    expect(call('CCHC_TARGET', [[[0.9], [0.99]], [[0.95], [1]]])).toEqual([['Không đạt'], ['Không đạt']]);
  });
});

describe('dossier rates in a cell', () => {
  const received: CellValue[][] = [[utc(1, 4, 2024)], [utc(2, 4, 2024)], [utc(3, 1, 2024)]];
  const due: CellValue[][] = [[utc(5, 4, 2024)], [utc(5, 4, 2024)], [utc(10, 1, 2024)]];
  const returned: CellValue[][] = [[utc(5, 4, 2024)], [utc(6, 4, 2024)], [utc(9, 1, 2024)]];

  it('computes on-time, online and digitised rates for a period, with the base and skipped rows on request', () => {
    expect(call('CCHC_DOSSIER_ONTIME', [received, due, returned, 'Q2/2024'])).toBe(0.5);
    expect(call('CCHC_DOSSIER_ONTIME', [received, due, returned])).toBe(2 / 3);
    expect(call('CCHC_DOSSIER_ONTIME', [received, due, returned, 'Q2/2024', true])).toEqual([[0.5, 2, 0]]);
    expect(call('CCHC_DOSSIER_ONLINE', [received, [['Có'], ['Không'], ['Có']], '2024', true])).toEqual([[2 / 3, 3, 0]]);
    expect(call('CCHC_DOSSIER_DIGITAL', [received, [['x'], [null], [null]], 'Quý II/2024'])).toBe(0.5);
  });

  it('says which range is missing, which ranges differ in length, and which period it cannot read', () => {
    expect(call('CCHC_DOSSIER_ONLINE', [null, [['Có']]])).toEqual(error('Cần vùng "Ngày tiếp nhận" của danh sách hồ sơ.'));
    expect(call('CCHC_DOSSIER_ONTIME', [received, due.slice(0, 2), returned])).toEqual(
      error('Các vùng phải có cùng số dòng: cột "Ngày tiếp nhận" có 3 dòng, một cột khác có 2.'),
    );
    expect(call('CCHC_DOSSIER_DIGITAL', [received, [['x'], [null], [null]], 'Q9/2024'])).toEqual(
      error('Không hiểu kỳ "Q9/2024": ghi dạng Q1/2024, Quý I/2024, 6 tháng/2024, 9 tháng/2024 hoặc 2024.'),
    );
  });

  it('takes single cells as columns of one dossier', () => {
    expect(call('CCHC_DOSSIER_ONLINE', [utc(1, 4, 2024), 'Có'])).toBe(1);
    expect(call('CCHC_DOSSIER_ONTIME', [utc(1, 4, 2024), utc(5, 4, 2024), utc(6, 4, 2024)])).toBe(0);
    expect(call('CCHC_DOSSIER_ONLINE', [utc(1, 4, 2024), [['Có']], null, true])).toEqual([[1, 1, 0]]);
  });
});
