/**
 * Reading an appendix table in memory, form by form: the plan year, numbering, sections, rows that continue a task,
 * rows to skip, completion dates and error cells. Expected values written by hand from the sheets below.
 */
import { describe, expect, it } from 'vitest';
import { AppendixNotFoundError, readAppendix } from '../src/core/reading/appendix';
import type { CellValue, MergeRange, WorkbookData } from '../src/core/types';
import { HEADER, utc } from './fixtures/sheets';

const sheet = (grid: CellValue[][], name = 'PL', merges?: MergeRange[]): WorkbookData => ({ sheets: [{ name, grid, ...(merges ? { merges } : {}) }] });
const read = (grid: CellValue[][], options: Parameters<typeof readAppendix>[1] = { asOf: '2030-06-01' }, name = 'PL', merges?: MergeRange[]) =>
  readAppendix(sheet(grid, name, merges), options);

describe('the plan year', () => {
  const body: CellValue[][] = [HEADER, [1, 'Việc một', 'Văn phòng Sở', 'Quý I/2023']];

  it('comes from "năm …" in the title, not from a document number above the table', () => {
    expect(read([['(Kèm theo Kế hoạch số 12/KH-SYT của Sở Y tế)'], ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], ...body])).toMatchObject({ planYear: 2024, planYearSource: 'title' });
    expect(read([['Căn cứ Quyết định 45/2019/QĐ-UBND'], ...body])).toMatchObject({ planYear: 2023, planYearSource: 'deadlines' });
  });

  it('takes only years from 1990 to 2100 in the title', () => {
    expect(read([['Thành lập năm 1989'], ...body]).planYear).toBe(2023);
    expect(read([['Kế hoạch năm 1990'], ...body]).planYear).toBe(1990);
    expect(read([['Tầm nhìn năm 2101'], ...body]).planYear).toBe(2023);
  });

  it('comes from the sheet’s name when the title has none', () => {
    expect(read(body, { asOf: '2030-06-01' }, 'KH 2025')).toMatchObject({ planYear: 2025, planYearSource: 'title' });
  });

  it('comes from the deadlines’ most frequent year, the earlier on a tie, date cells counted', () => {
    const grid: CellValue[][] = [
      HEADER,
      [1, 'Một', 'Văn phòng Sở', 'Quý I/2025'],
      [2, 'Hai', 'Văn phòng Sở', utc(1, 6, 2026)],
      [3, 'Ba', 'Văn phòng Sở', 'Tháng 3/2026'],
      [4, 'Bốn', 'Văn phòng Sở', 'Năm 2025'],
    ];
    expect(read(grid)).toMatchObject({ planYear: 2025, planYearSource: 'deadlines' });
    expect(read([...grid, [5, 'Năm', 'Văn phòng Sở', '30/6/2026']]).planYear).toBe(2026);
  });

  it('does not take the tail of a longer number for a year', () => {
    // "12025" is a number, not the year 2025: the one real year, 2024, is the plan year.
    const grid: CellValue[][] = [HEADER, [1, 'Một', 'Văn phòng Sở', 'Quý I/2024'], [2, 'Hai', 'Văn phòng Sở', 'Theo văn bản số 12025, 12025']];
    expect(read(grid)).toMatchObject({ planYear: 2024, planYearSource: 'deadlines' });
  });

  it('falls back to the as-of year, and an explicit year always wins', () => {
    const noYears: CellValue[][] = [HEADER, [1, 'Một', 'Văn phòng Sở', 'Thường xuyên']];
    expect(read(noYears, { asOf: '2027-03-01' })).toMatchObject({ planYear: 2027, planYearSource: 'as-of' });
    expect(read(body, { planYear: 2022 })).toMatchObject({ planYear: 2022, planYearSource: 'option' });
  });
});

describe('numbering, sections and rows that continue a task', () => {
  it('takes roman and letter rows without data for sections, and the numbering most rows use for tasks', () => {
    const a = read([
      HEADER,
      ['A.', 'NHIỆM VỤ CHUNG'],
      ['I', 'Cải cách thể chế'],
      ['1.1', 'Việc một', 'Văn phòng Sở', 'Quý I/2024'],
      ['1.2', 'Việc hai', 'Thanh tra Sở', 'Quý II/2024'],
      ['2', 'Nhóm việc', null, null],
      ['2.1', 'Việc ba', 'Văn phòng Sở', 'Quý III/2024'],
      ['II.', 'Cải cách tổ chức'],
      ['a)', 'Việc bốn', 'Văn phòng Sở', 'Quý IV/2024'],
    ]);
    expect(a.sections.map((s) => [s.row, s.tt, s.label])).toEqual([
      [2, 'A.', 'A. NHIỆM VỤ CHUNG'],
      [3, 'I', 'I. Cải cách thể chế'],
      [6, '2', '2. Nhóm việc'],
      [8, 'II.', 'II. Cải cách tổ chức'],
    ]);
    expect(a.tasks.map((t) => [t.row, t.tt, t.section, t.content])).toEqual([
      [4, '1.1', 'I. Cải cách thể chế', 'Việc một'],
      [5, '1.2', 'I. Cải cách thể chế', 'Việc hai'],
      [7, '2.1', '2. Nhóm việc', 'Việc ba'],
      [9, 'a)', 'II. Cải cách tổ chức', 'Việc bốn'],
    ]);
  });

  it('joins a row with no number to the task above while the text goes on, and starts a section after a finished sentence', () => {
    const a = read([
      HEADER,
      [1, 'Rà soát, đánh giá', 'Phòng Kế hoạch -', 'Quý I/2024'],
      [null, 'thủ tục hành chính', 'Tài chính', null],
      [2, 'Ban hành quy chế.', 'Văn phòng Sở', 'Quý II/2024'],
      [null, 'Cải cách tổ chức bộ máy'],
      [3, 'Sắp xếp đơn vị', 'Văn phòng Sở', 'Quý III/2024'],
    ]);
    expect(a.tasks.map((t) => [t.tt, t.rows, t.content, t.leadText, t.section])).toEqual([
      ['1', [2, 3], 'Rà soát, đánh giá thủ tục hành chính', 'Phòng Kế hoạch - Tài chính', null],
      ['2', [4], 'Ban hành quy chế.', 'Văn phòng Sở', null],
      ['3', [6], 'Sắp xếp đơn vị', 'Văn phòng Sở', 'Cải cách tổ chức bộ máy'],
    ]);
    expect(a.tasks[0].owners.map((o) => o.name)).toEqual(['Phòng Kế hoạch - Tài chính']);
  });

  it('never joins a row merged across the table to the task above: it is a heading', () => {
    const grid: CellValue[][] = [HEADER, [1, 'Rà soát, đánh giá', 'Văn phòng Sở', 'Quý I/2024'], [null, 'cải cách tổ chức bộ máy'], [2, 'Việc hai', 'Văn phòng Sở', 'Quý II/2024']];
    const a = read(grid, { asOf: '2024-01-01' }, 'PL', [{ top: 2, left: 1, bottom: 2, right: 5 }]);
    expect(a.sections.map((s) => s.title)).toEqual(['cải cách tổ chức bộ máy']);
    expect(a.tasks.map((t) => t.content)).toEqual(['Rà soát, đánh giá', 'Việc hai']);
  });

  it('skips blank rows, a row of column numbers and a header repeated at a page break', () => {
    const a = read([
      HEADER,
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
      [1, 'Việc một', 'Văn phòng Sở', 'Quý I/2024'],
      [null, '  ', null],
      ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện'],
      [2, 'Việc hai', 'Văn phòng Sở', 'Quý II/2024'],
    ]);
    expect(a.tasks.map((t) => [t.tt, t.rows])).toEqual([
      ['1', [3]],
      ['2', [6]],
    ]);
    expect(a.sections).toEqual([]);
  });

  it('reads a heading typed into the number cell, words and all, as a section', () => {
    const a = read([HEADER, ['B. NHIỆM VỤ TRỌNG TÂM', null], [1, 'Việc một', 'Văn phòng Sở', 'Quý I/2024']]);
    expect(a.sections.map((s) => [s.tt, s.label])).toEqual([['', 'B. NHIỆM VỤ TRỌNG TÂM']]);
    expect(a.tasks[0].section).toBe('B. NHIỆM VỤ TRỌNG TÂM');
  });

  it('joins the rows under a number cell merged down, each row’s lead unit on a line of its own', () => {
    const grid: CellValue[][] = [HEADER, [1, 'Việc một', 'Văn phòng Sở', 'Quý I/2024'], [null, null, 'Thanh tra Sở', null], [2, 'Việc hai', 'Văn phòng Sở', 'Quý II/2024']];
    const a = read(grid, { asOf: '2024-01-01' }, 'PL', [{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(a.tasks.map((t) => [t.tt, t.rows, t.leadText])).toEqual([
      ['1', [2, 3], 'Văn phòng Sở\nThanh tra Sở'],
      ['2', [4], 'Văn phòng Sở'],
    ]);
  });
});

describe('completion dates and error cells', () => {
  it('reads the done-date column as a date cell or text, says what it cannot read, and falls back to a date in the status', () => {
    const a = read([
      HEADER,
      [1, 'Một', 'Văn phòng Sở', 'Quý I/2024', 'Đã hoàn thành', utc(15, 3, 2024)],
      [2, 'Hai', 'Văn phòng Sở', 'Quý I/2024', 'Đã hoàn thành', 'xong ngày 20/3/2024'],
      [3, 'Ba', 'Văn phòng Sở', 'Quý I/2024', 'Đã hoàn thành', 'cuối tháng'],
      [4, 'Bốn', 'Văn phòng Sở', 'Quý I/2024', 'Hoàn thành 25/3/2024', null],
      [5, 'Năm', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện', null],
    ]);
    expect(a.tasks.map((t) => [t.doneDate, t.doneDateProblem])).toEqual([
      ['2024-03-15', null],
      ['2024-03-20', null],
      [null, 'cuối tháng'],
      ['2024-03-25', null],
      [null, null],
    ]);
  });

  it('sets error cells aside instead of reading them, with their sheet address', () => {
    const a = read([HEADER, [1, 'Một', '#REF!', '#N/A', 'Đang thực hiện']]);
    expect(a.tasks[0]).toMatchObject({
      leadText: '',
      deadline: { kind: 'missing' },
      errorCells: [
        { row: 2, col: 2, value: '#REF!' },
        { row: 2, col: 3, value: '#N/A' },
      ],
    });
  });

  it('keeps the lines above the table as the title, one per non-empty row, and both header rows', () => {
    const a = read([
      ['SỞ Y TẾ TỈNH ĐẮK NÔNG', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      [],
      ['PHỤ LỤC'],
      ['TT', 'Nội dung nhiệm vụ', 'Đơn vị thực hiện', null, 'Thời gian thực hiện'],
      [null, null, 'Chủ trì', 'Phối hợp', null],
      [1, 'Một', 'Văn phòng Sở', 'Thanh tra Sở', 'Quý I/2024'],
    ]);
    expect(a.titleLines).toEqual(['SỞ Y TẾ TỈNH ĐẮK NÔNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'PHỤ LỤC']);
    expect(a.headerRows).toEqual([4, 5]);
    expect(a.tasks[0]).toMatchObject({ leadText: 'Văn phòng Sở', coordinatorsText: 'Thanh tra Sở' });
  });
});

describe('choosing the sheet', () => {
  it('names the sheets it has when the one asked for does not exist, and says when there are no sheets at all', () => {
    const wb: WorkbookData = { sheets: [{ name: 'A', grid: [] }, { name: 'B', grid: [] }] };
    expect(() => readAppendix(wb, { sheet: 'PL' })).toThrow(new AppendixNotFoundError('Không có trang tính tên "PL". Các trang tính trong tệp: "A", "B".'));
    expect(() => readAppendix({ sheets: [] })).toThrow(/trong các trang tính: \(không có trang tính nào\)\./);
  });

  it('never reads a sheet the caller says is its own', () => {
    const grid: CellValue[][] = [HEADER, [1, 'Một', 'Văn phòng Sở', 'Quý I/2024']];
    const wb: WorkbookData = { sheets: [{ name: 'Báo cáo', grid: [...grid, [2, 'Hai', 'Văn phòng Sở', 'Quý II/2024']] }, { name: 'PL', grid }] };
    expect(readAppendix(wb, { ignoreSheets: (s) => s.name === 'Báo cáo' }).sheet).toBe('PL');
    expect(readAppendix(wb).sheet).toBe('Báo cáo');
  });
});

describe('the numbering tasks use', () => {
  // A row with no deadline, owner or status is a task when it is numbered like the tasks, a heading otherwise.
  it.each([
    ['1', '13.', 'IV'],
    ['2)', '13', '1a)'],
    ['1.1', '10.12)', 'a)'],
    ['1.1', '10.12', '1.1x'],
    ['1.1.1', '10.10.12.', '1.10'],
    ['1.1.1', '10.10.12', 'x1.1.1'],
    ['a)', 'b.', 'XII'],
    ['đ', 'e)', '3'],
    ['a', 'b', '1b'],
    ['V', 'XIV.', 'A'],
    ['V', 'XIV', 'AXIV'],
    ['B)', 'C', 'IV'],
    ['–', '+', 'a)'],
    ['–', '+', '+1'],
  ])('with tasks numbered like "%s", reads "%s" without data as a task and "%s" without data as a heading', (numbered, sameKind, otherKind) => {
    const a = read([
      HEADER,
      [numbered, 'Việc một', 'Văn phòng Sở', 'Quý I/2024'],
      [numbered, 'Việc hai', 'Văn phòng Sở', 'Quý II/2024'],
      [sameKind, 'Việc chưa giao'],
      [otherKind, 'Mục khác'],
      [numbered, 'Việc ba', 'Văn phòng Sở', 'Quý III/2024'],
    ]);
    expect(a.tasks.map((t) => t.content)).toEqual(['Việc một', 'Việc hai', 'Việc chưa giao', 'Việc ba']);
    expect(a.sections.map((s) => s.title)).toEqual(['Mục khác']);
  });
});

describe('merged cells', () => {
  it('gives every row under a lead cell merged down that unit, never overwriting a row’s own value, and leaves the sheet as it was', () => {
    const grid: CellValue[][] = [
      HEADER,
      [1, 'Một', 'Văn phòng Sở', 'Quý I/2024'],
      [2, 'Hai', null, 'Quý II/2024'],
      [3, 'Ba', '', 'Quý III/2024'],
      [4, 'Bốn', 'Thanh tra Sở', 'Quý IV/2024'],
      [5, 'Năm', null, 'Quý IV/2024'],
    ];
    const before = JSON.stringify(grid);
    const merges = [
      { top: 1, left: 2, bottom: 4, right: 2 },
      // A one-cell "merge" and a merge across columns fill nothing.
      { top: 5, left: 2, bottom: 5, right: 2 },
      { top: 5, left: 1, bottom: 5, right: 2 },
    ];
    const a = read(grid, { asOf: '2024-01-01' }, 'PL', merges);
    expect(a.tasks.map((t) => t.leadText)).toEqual(['Văn phòng Sở', 'Văn phòng Sở', 'Văn phòng Sở', 'Thanh tra Sở', '']);
    expect(JSON.stringify(grid)).toBe(before);
  });

  it('counts a header cell merged over two columns in both, and one merged over two rows once', () => {
    const grid: CellValue[][] = [
      ['TT', 'Nội dung nhiệm vụ', 'Đơn vị thực hiện', null, 'Thời gian thực hiện'],
      [null, null, 'Chủ trì', 'Phối hợp', null],
      [1, 'Việc một', 'Văn phòng Sở', 'Thanh tra Sở', 'Quý I/2024'],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 1, right: 4 },
    ];
    const a = read(grid, { asOf: '2024-01-01' }, 'PL', merges);
    expect(a.headers).toEqual(['TT', 'Nội dung nhiệm vụ', 'Đơn vị thực hiện Chủ trì', 'Đơn vị thực hiện Phối hợp', 'Thời gian thực hiện']);
    expect(a.columns).toEqual({ number: 0, task: 1, lead: 2, coordinators: 3, timeframe: 4 });
    expect(a.headerRows).toEqual([1, 2]);
  });

  it('joins rows under a merged number cell only when the merge starts at a number, in the number column', () => {
    const grid: CellValue[][] = [HEADER, [null, 'Mục không số'], [1, 'Một', 'Văn phòng Sở', 'Quý I/2024'], [null, null, 'Thanh tra Sở', null]];
    // A merge over an empty number cell, and one in another column: no task is joined.
    const a = read(grid, { asOf: '2024-01-01' }, 'PL', [{ top: 1, left: 0, bottom: 2, right: 0 }, { top: 2, left: 4, bottom: 3, right: 4 }]);
    expect(a.tasks.map((t) => [t.tt, t.rows, t.leadText])).toEqual([['1', [3, 4], 'Văn phòng Sở Thanh tra Sở']]);
    // A block merged over the number and the content columns is no merged number cell either.
    const b = read(grid.slice(0, 1).concat(grid.slice(2)), { asOf: '2024-01-01' }, 'PL', [{ top: 1, left: 0, bottom: 2, right: 1 }]);
    expect(b.tasks.map((t) => [t.rows, t.leadText])).toEqual([[[2, 3], 'Văn phòng Sở Thanh tra Sở']]);
  });
});

describe('rows that are not tasks', () => {
  it('skips a row of column numbers only when three or more cells are all numbers up to two digits', () => {
    const a = read([
      HEADER,
      ['(1)', '(2)', '(3)'],
      [1, 'Một', 'Văn phòng Sở', 'Quý I/2024'],
      ['(1)', '(2)'],
      [2, 'Hai', 'Văn phòng Sở', 'Quý II/2024'],
    ]);
    expect(a.tasks.map((t) => [t.tt, t.content])).toEqual([
      ['1', 'Một'],
      ['2', 'Hai'],
    ]);
    // Two cells are not a row of column numbers: "(1) (2)" is a row of its own (a heading).
    expect(a.sections.map((s) => s.row)).toEqual([4]);
  });

  it('skips a repeated header only when the task column and another column both repeat their headers', () => {
    const a = read([
      HEADER,
      [1, 'Một', 'Văn phòng Sở', 'Quý I/2024'],
      [null, 'Nội dung nhiệm vụ', 'Văn phòng Sở', 'Quý II/2024'],
      [null, 'Nội dung', 'Đơn vị chủ trì', 'Thời gian thực hiện'],
      [2, 'Hai', 'Văn phòng Sở', 'Quý II/2024'],
    ]);
    // Row 3 has real data beside a header word: it continues task 1; row 4 repeats the header and is skipped.
    expect(a.tasks.map((t) => [t.tt, t.rows])).toEqual([
      ['1', [2, 3]],
      ['2', [5]],
    ]);
  });
});

describe('appendix details, one by one', () => {
  it('says what it looked for and where when no sheet holds an appendix', () => {
    let error: unknown;
    try {
      readAppendix({ sheets: [{ name: 'Trang 1', grid: [['Ghi chú']] }, { name: 'Trang 2', grid: [] }] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppendixNotFoundError);
    expect((error as Error).name).toBe('AppendixNotFoundError');
    expect((error as Error).message).toBe(
      'Không tìm thấy bảng phụ lục kế hoạch CCHC. Đã tìm hàng tiêu đề có cột Nội dung nhiệm vụ / Nội dung hoạt động, Thời gian thực hiện / Thời hạn, Đơn vị chủ trì ' +
        '(cần cột nội dung và ít nhất một trong hai cột thời gian hoặc đơn vị chủ trì) trong các trang tính: "Trang 1", "Trang 2". ' +
        'Hãy kiểm tra hàng tiêu đề của bảng.',
    );
  });

  it('takes a one-row header when a second row adds no role, and counts only the rows below it when choosing a sheet', () => {
    const a = read([HEADER, [1, 'Một', 'Văn phòng Sở', 'Quý I/2024']]);
    expect([a.headerRows, a.tasks.length]).toEqual([[1], 1]);
    const titled: CellValue[][] = [['KẾ HOẠCH'], ['NĂM 2024'], ['Sở Y tế'], HEADER, [1, 'Một', 'Văn phòng Sở', 'Quý I/2024']];
    const longer: CellValue[][] = [HEADER, [1, 'Một', 'Văn phòng Sở', 'Quý I/2024'], [2, 'Hai', 'Văn phòng Sở', 'Quý II/2024']];
    expect(readAppendix({ sheets: [{ name: 'A', grid: titled }, { name: 'B', grid: longer }] }).sheet).toBe('B');
    // A better header first is kept whatever follows.
    const fewer: CellValue[][] = [['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì'], [1, 'Một', 'Văn phòng Sở'], [2, 'Hai', 'Văn phòng Sở'], [3, 'Ba', 'Văn phòng Sở']];
    expect(readAppendix({ sheets: [{ name: 'A', grid: longer }, { name: 'B', grid: fewer }] }).sheet).toBe('A');
  });

  it('counts deadline years only below the header, without document numbers, and takes the earlier year on a tie', () => {
    expect(read([[null, null, null, 'Cập nhật 2019'], HEADER, [1, 'Một', 'Văn phòng Sở', 'Quý I/2024']]).planYear).toBe(2024);
    expect(read([HEADER, [1, 'Một', 'Văn phòng Sở', 'Quý II/2024 (theo 05/2019/TT-BYT)']]).planYear).toBe(2024);
    expect(read([HEADER, [1, 'Một', 'Văn phòng Sở', 'Năm 1999']]).planYear).toBe(1999);
    expect(read([HEADER, [1, 'Một', 'Văn phòng Sở', 'Quý I/2026'], [2, 'Hai', 'Văn phòng Sở', 'Quý I/2025']]).planYear).toBe(2025);
  });

  it('decides the tasks’ numbering from rows with data only, the first seen on a tie', () => {
    const sections = read([HEADER, ['I', 'Một'], [1, 'Việc một', 'Văn phòng Sở', 'Quý I/2024'], ['II', 'Hai'], [2, 'Việc hai', 'Văn phòng Sở', 'Quý II/2024'], ['III', 'Ba']]);
    expect(sections.sections.map((s) => s.tt)).toEqual(['I', 'II', 'III']);
    const tie = read([HEADER, [1, 'Việc một', 'Văn phòng Sở', 'Quý I/2024'], ['1.1', 'Việc con', 'Văn phòng Sở', 'Quý I/2024'], [2, 'Việc chưa giao']]);
    expect(tie.tasks.map((t) => t.tt)).toEqual(['1', '1.1', '2']);
  });

  it('joins a row to the task above: an extra unit after a finished sentence, lower-case text, or any text while the sentence goes on', () => {
    const a = read([
      HEADER,
      [1, 'Ban hành quy chế.', 'Văn phòng Sở', 'Quý I/2024'],
      [null, null, 'Thanh tra Sở', null],
      [2, 'Rà soát quy trình.', 'Văn phòng Sở', 'Quý II/2024'],
      [null, 'và các biểu mẫu', null, null],
      [3, 'Rà soát, cập nhật', 'Văn phòng Sở', 'Quý III/2024'],
      [null, 'Danh mục thủ tục', null, 'Quý IV/2024'],
      [null, '   ', 'Phòng Nghiệp vụ Y', null],
    ]);
    expect(a.tasks.map((t) => [t.tt, t.rows, t.content, t.leadText, t.deadline.dueDates])).toEqual([
      ['1', [2, 3], 'Ban hành quy chế.', 'Văn phòng Sở Thanh tra Sở', ['2024-03-31']],
      ['2', [4, 5], 'Rà soát quy trình. và các biểu mẫu', 'Văn phòng Sở', ['2024-06-30']],
      ['3', [6, 7, 8], 'Rà soát, cập nhật Danh mục thủ tục', 'Văn phòng Sở Phòng Nghiệp vụ Y', ['2024-09-30', '2024-12-31']],
    ]);
  });

  it('never lets a merge on another row or over two columns make a continued row a heading', () => {
    const grid: CellValue[][] = [['KẾ HOẠCH NĂM 2024'], HEADER, [1, 'Rà soát, đánh giá', 'Văn phòng Sở', 'Quý I/2024'], [null, 'thủ tục hành chính', null, null], [null, 'Mục rộng'], [2, 'Hai', 'Văn phòng Sở', 'Quý II/2024']];
    const merges = [
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 3, left: 1, bottom: 3, right: 2 },
      { top: 4, left: 1, bottom: 4, right: 3 },
    ];
    const a = read(grid, { asOf: '2024-01-01' }, 'PL', merges);
    expect(a.tasks.map((t) => [t.tt, t.content])).toEqual([
      ['1', 'Rà soát, đánh giá thủ tục hành chính'],
      ['2', 'Hai'],
    ]);
    expect(a.sections.map((s) => [s.row, s.title])).toEqual([[5, 'Mục rộng']]);
  });

  it('names a section from its number and whatever cell holds its title', () => {
    const a = read([
      [...HEADER, 'Ghi chú'],
      ['II .', 'Cải cách tổ chức'],
      [1, 'Việc một', 'Văn phòng Sở', 'Quý I/2024'],
      ['PHẦN B', 'Nhiệm vụ trọng tâm'],
      ['III)', null, null, null, null, null, null],
      [2, 'Việc hai', 'Văn phòng Sở', 'Quý II/2024'],
      ['1.1', 'Nhóm việc'],
      [null, null, null, null, null, null, 'Phần bổ sung'],
    ]);
    expect(a.sections.map((s) => [s.row, s.label])).toEqual([
      [2, 'II. Cải cách tổ chức'],
      [4, 'PHẦN B Nhiệm vụ trọng tâm'],
      [5, 'III)'],
      [7, '1.1. Nhóm việc'],
      [8, 'Phần bổ sung'],
    ]);
  });

  it('reads a ticked box as TRUE, trims an error cell, and joins notes over rows', () => {
    const a = read([
      [...HEADER, 'Ghi chú'],
      [1, true, 'Văn phòng Sở', 'Quý I/2024', ' #REF! ', null, 'Ghi chú một'],
      [null, 'tiếp', null, null, null, null, 'hai'],
    ]);
    expect(a.tasks[0]).toMatchObject({ content: 'TRUE tiếp', note: 'Ghi chú một hai', errorCells: [{ row: 2, col: 4, value: '#REF!' }] });
  });
});
