/**
 * How the reader takes a table apart on layouts real plans have: merged cells (down over a task's rows, past the last
 * row), numbering by form (which numbers are headings, which are tasks), rows that are neither (column numbers, a
 * repeated header, blank cells), where the header is looked for, and the plan year. Expected values are written from
 * the layout, by hand.
 */
import { describe, expect, it } from 'vitest';
import { AppendixNotFoundError, readAppendix } from '../src/core/reading/appendix';
import type { CellValue, MergeRange as Merge, WorkbookData } from '../src/core/types';

const HEAD = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'];
const book = (grid: CellValue[][], merges: Merge[] = [], name = 'PL'): WorkbookData => ({ sheets: [{ name, grid, merges }] });
const read = (grid: CellValue[][], merges: Merge[] = []) => readAppendix(book(grid, merges), { asOf: '2024-04-10' });
const task = (tt: CellValue, content: string, lead: string | null = 'Văn phòng Sở', frame: string | null = 'Quý I/2024'): CellValue[] => [
  tt,
  content,
  lead,
  frame,
  'Đang thực hiện',
];

describe('a cell merged down over the rows of one task', () => {
  it('gives the task its lead unit once, not once per row it spans', () => {
    const grid = [HEAD, task(1, 'Rà soát quy chế làm việc'), [null, 'của các phòng chức năng', null, null, null]];
    const a = read(grid, [{ top: 1, left: 2, bottom: 2, right: 2 }, { top: 1, left: 3, bottom: 2, right: 3 }]);
    expect(a.tasks.map((t) => [t.rows, t.content, t.leadText, t.owners.map((o) => o.name), t.deadline.text, t.deadline.dueDates])).toEqual([
      [[2, 3], 'Rà soát quy chế làm việc của các phòng chức năng', 'Văn phòng Sở', ['Văn phòng Sở'], 'Quý I/2024', ['2024-03-31']],
    ]);
  });

  it('still gives a unit merged over two tasks to both, when the row under the merge is shorter than the table', () => {
    // Readers drop a row's trailing empty cells: the second task's row ends before the lead column.
    const grid = [HEAD, task(1, 'Việc một'), [2, 'Việc hai']];
    const a = read(grid, [{ top: 1, left: 2, bottom: 2, right: 2 }]);
    expect(a.tasks.map((t) => [t.tt, t.owners.map((o) => o.name)])).toEqual([
      ['1', ['Văn phòng Sở']],
      ['2', ['Văn phòng Sở']],
    ]);
  });

  it('makes up no rows for a merge drawn past the last row, and reads a merge that starts below the table as nothing', () => {
    const grid = [HEAD, task(1, 'Việc một'), task(2, 'Việc hai')];
    const merges: Merge[] = [
      { top: 2, left: 2, bottom: 6, right: 2 },
      { top: 10, left: 0, bottom: 12, right: 0 },
      { top: 10, left: 2, bottom: 12, right: 2 },
    ];
    const a = read(grid, merges);
    expect(a.tasks.map((t) => [t.tt, t.rows, t.leadText])).toEqual([
      ['1', [2], 'Văn phòng Sở'],
      ['2', [3], 'Văn phòng Sở'],
    ]);
  });

  it('names the sheet row of an error cell in a task\'s second row, whether the rows are joined by text or by a merged number', () => {
    const byText = read([HEAD, task(1, 'Rà soát quy chế'), [null, 'của các phòng', '#N/A', null, null]]);
    expect(byText.tasks[0].errorCells).toEqual([{ row: 3, col: 2, value: '#N/A' }]);
    const byMerge = read([HEAD, task(1, 'Rà soát quy chế'), [null, null, '#REF!', null, null]], [{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(byMerge.tasks[0].errorCells).toEqual([{ row: 3, col: 2, value: '#REF!' }]);
  });
});

describe('numbering by form: a number without a deadline or an owner is a heading when tasks are numbered otherwise', () => {
  // [heading number, the tasks' numbers]: each pair differs only in the form a looser rule would confuse.
  const cases: [string, string[]][] = [
    ['I', ['I.1', 'I.2']],
    ['A', ['1.1.1.1', '1.1.1.2']],
    ['1.1.1', ['1.1.1.1', '1.1.1.2']],
    ['a', ['a.1', 'a.2']],
    ['-', ['1.1-', '1.2-']],
  ];
  it.each(cases)('reads "%s" as a heading over tasks numbered %j', (heading, numbers) => {
    const grid = [HEAD, [heading, 'Cải cách thể chế', null, null, null], ...numbers.map((n, i) => task(n, `Việc ${i + 1}`))];
    const a = read(grid);
    expect(a.sections.map((s) => [s.row, s.tt])).toEqual([[2, heading]]);
    expect(a.tasks.map((t) => [t.tt, t.section])).toEqual(numbers.map((n) => [n, a.sections[0].label]));
  });

  it('takes a heading\'s title from whichever cell holds it, not from its number', () => {
    const head = [...HEAD, 'Ghi chú'];
    const a = read([head, ['II', null, null, null, null, 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'], [...task(1, 'Việc một'), null]]);
    expect(a.sections.map((s) => [s.tt, s.title, s.label])).toEqual([['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 'II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH']]);
  });

  it('gives an unnumbered heading an empty number', () => {
    const a = read([HEAD, [null, 'CẢI CÁCH THỂ CHẾ', null, null, null], task(1, 'Việc một')]);
    expect(a.sections).toEqual([{ row: 2, tt: '', title: 'CẢI CÁCH THỂ CHẾ', label: 'CẢI CÁCH THỂ CHẾ' }]);
  });

  it('reads the numbering most tasks use as the tasks\' even when a heading row also names a unit', () => {
    // "A." carries the group's lead unit, so it has data; the four numbered rows set the numbering, and task 4, with
    // neither owner nor deadline yet, is still a task (to be reported as such), not a heading.
    const grid = [HEAD, ['A.', 'CẢI CÁCH THỂ CHẾ', 'Văn phòng Sở', null, null], task(1, 'Việc một'), task(2, 'Việc hai'), task(3, 'Việc ba'), task(4, 'Việc bốn', null, null)];
    const a = read(grid);
    expect(a.tasks.map((t) => t.tt)).toEqual(['A.', '1', '2', '3', '4']);
  });
});

describe('a row without a number after a finished sentence', () => {
  it('is a task of its own when it starts with a capital, even with a bracket inside', () => {
    const a = read([HEAD, task(1, 'Rà soát quy chế làm việc.'), [null, 'Kiểm tra (đột xuất) các đơn vị', 'Thanh tra Sở', 'Quý II/2024', 'Chưa thực hiện']]);
    expect(a.tasks.map((t) => [t.tt, t.content])).toEqual([
      ['1', 'Rà soát quy chế làm việc.'],
      ['', 'Kiểm tra (đột xuất) các đơn vị'],
    ]);
  });
});

describe('rows that are neither tasks nor headings', () => {
  it('skips a row of column numbers with a gap under a merged column, and one of twelve columns', () => {
    const gap = read([HEAD, [1, 2, null, 4, 5], task(1, 'Việc một')]);
    expect(gap.tasks.map((t) => t.row)).toEqual([3]);
    const wide = [...HEAD, 'Sản phẩm', 'Ngày hoàn thành', 'Ghi chú', 'Đơn vị phối hợp', 'Kết quả thực hiện', 'Khó khăn, vướng mắc', 'Đề xuất'];
    const twelve = read([wide, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], task(1, 'Việc một')]);
    expect(twelve.tasks.map((t) => t.row)).toEqual([3]);
    expect(twelve.sections).toEqual([]);
  });

  it('reads a task whose cells are all short words as a task, not as a row of column numbers', () => {
    const a = read([HEAD, [7, 'Họp', 'VPS', 'Q.I', 'Xong']]);
    expect(a.tasks.map((t) => [t.tt, t.content])).toEqual([['7', 'Họp']]);
  });

  it('skips a header repeated after a page break even when it repeats only two of its columns', () => {
    const a = read([HEAD, task(1, 'Việc một.'), [null, 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', null, null], task(2, 'Việc hai')]);
    expect(a.tasks.map((t) => [t.tt, t.content, t.rows])).toEqual([
      ['1', 'Việc một.', [2]],
      ['2', 'Việc hai', [4]],
    ]);
  });

  it('skips a row of spaces, and makes no heading of it', () => {
    const a = read([HEAD, task(1, 'Việc một.'), ['  ', ' ', '   ', ' ', ' '], task(2, 'Việc hai')]);
    expect(a.sections).toEqual([]);
    expect(a.tasks.map((t) => t.rows)).toEqual([[2], [4]]);
  });

  it('does not read the title line right above the header as a heading', () => {
    const a = read([['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH'], HEAD, task(1, 'Việc một')]);
    expect(a.sections).toEqual([]);
    expect(a.tasks.map((t) => t.section)).toEqual([null]);
  });
});

describe('what a task collects from its rows', () => {
  it('joins the product, result, difficulty and proposal written over two rows with a space', () => {
    const head = [...HEAD, 'Sản phẩm', 'Kết quả thực hiện', 'Khó khăn, vướng mắc', 'Đề xuất'];
    const a = read([
      head,
      [...task(1, 'Rà soát quy chế'), 'Quy chế', 'Đã rà soát', 'Thiếu người', 'Bổ sung'],
      [null, 'của các phòng', null, null, null, 'sửa đổi', '12 văn bản', 'và kinh phí', 'biên chế'],
    ]);
    expect(a.tasks.map((t) => [t.product, t.result, t.difficulty, t.proposal])).toEqual([
      ['Quy chế sửa đổi', 'Đã rà soát 12 văn bản', 'Thiếu người và kinh phí', 'Bổ sung biên chế'],
    ]);
  });

  it('reads a checkbox in the note column as TRUE or FALSE', () => {
    const head = [...HEAD, 'Ghi chú'];
    const a = read([head, [...task(1, 'Việc một'), true], [...task(2, 'Việc hai'), false]]);
    expect(a.tasks.map((t) => t.note)).toEqual(['TRUE', 'FALSE']);
  });
});

describe('the header', () => {
  it('keeps an empty text for a column whose header cell is empty, and no text for empty title cells', () => {
    const a = read([['PHỤ LỤC', null, null], ['TT', 'Nội dung nhiệm vụ', null, 'Đơn vị chủ trì', 'Thời gian thực hiện'], [1, 'Việc một', null, 'Văn phòng Sở', 'Quý I/2024']]);
    expect(a.headers).toEqual(['TT', 'Nội dung nhiệm vụ', '', 'Đơn vị chủ trì', 'Thời gian thực hiện']);
    expect(a.titleLines).toEqual(['PHỤ LỤC']);
  });

  it('reads a header cell merged across columns past the last filled one', () => {
    const a = read([HEAD, task(1, 'Việc một')], [{ top: 0, left: 4, bottom: 0, right: 6 }]);
    expect(a.columns.status).toBe(4);
    expect(a.headers.slice(0, 5)).toEqual(HEAD);
  });

  it('needs a content column: a units-and-dates table is not an appendix', () => {
    const grid = [['TT', 'Đơn vị chủ trì', 'Thời gian thực hiện'], [1, 'Văn phòng Sở', 'Quý I/2024']];
    expect(() => read(grid)).toThrow(AppendixNotFoundError);
  });

  it('says where it looked in words a spreadsheet user can act on, naming no command-line option', () => {
    let error: unknown;
    try {
      read([['Ghi chú']]);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ sheetsSearched: true });
    expect((error as Error).message).toMatch(/trong các trang tính: "PL"\. Hãy kiểm tra hàng tiêu đề của bảng\.$/);
    expect((error as Error).message).not.toContain('--');
  });

  it('looks for the header in the first 200 rows, and counts the columns of those rows and the one below only', () => {
    const blank = (n: number): CellValue[][] => Array.from({ length: n }, () => []);
    // A two-row header on rows 200–201: its second row names the status column.
    const found = read([...blank(199), HEAD.slice(0, 4), [null, null, null, null, 'Tiến độ'], task(1, 'Việc một'), ...blank(50), [null, null, null, null, null, null, 'x']]);
    expect(found.headerRows).toEqual([200, 201]);
    expect(found.columns.status).toBe(4);
    expect(found.headers).toHaveLength(5);
    expect(() => read([...blank(200), HEAD, task(1, 'Việc một')])).toThrow(AppendixNotFoundError);
  });
});

describe('the plan year', () => {
  const rows = (frames: CellValue[]): CellValue[][] => [HEAD, ...frames.map((f, i) => task(i + 1, `Việc ${i + 1}`, 'Văn phòng Sở', f as string))];

  it('is the year most deadlines name, not the last one read', () => {
    expect(read(rows(['Quý I/2024', 'Quý II/2024', 'Quý I/2025'])).planYear).toBe(2024);
  });

  it('counts a year at the very start of a deadline ("2023-2025")', () => {
    // 2023 twice, 2025 twice, 2024 once: the tie goes to the earlier year, which only counting the leading year finds.
    expect(read(rows(['2023-2025', '2023-2025', 'Quý I/2024'])).planYear).toBe(2023);
  });

  it('is not taken from the header row, only from the lines above it', () => {
    const grid = [[...HEAD, 'Kinh phí năm 2023'], [...task(1, 'Việc một', 'Văn phòng Sở', 'Quý I/2024'), null]];
    expect(read(grid)).toMatchObject({ planYear: 2024, planYearSource: 'deadlines' });
  });
});
