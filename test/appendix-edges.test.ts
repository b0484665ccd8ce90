/**
 * Edges of reading an appendix that real plans have: a row of column numbers under the header, a lead unit merged
 * down over several tasks, document numbers that look like years, and two sheets with the same header.
 */
import { describe, expect, it } from 'vitest';
import { readAppendix } from '../src/core/reading/appendix';
import type { CellValue, WorkbookData } from '../src/core/types';

const HEAD = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'];
const book = (grid: CellValue[][], merges: WorkbookData['sheets'][number]['merges'] = []): WorkbookData => ({ sheets: [{ name: 'PL', grid, merges }] });

describe('rows under the header', () => {
  it('skips a row of column numbers, plain or in brackets, and reads the next row as the first task', () => {
    for (const numbers of [[1, 2, 3, 4, 5], ['(1)', '(2)', '(3)', '(4)', '(5)']] as CellValue[][]) {
      const a = readAppendix(book([HEAD, numbers, [1, 'Rà soát quy chế', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện']]), { asOf: '2024-04-10' });
      expect(a.tasks.map((t) => [t.row, t.content]), JSON.stringify(numbers)).toEqual([[3, 'Rà soát quy chế']]);
    }
  });

  it('takes a row with a number of three digits or a word for a task row, not a row of column numbers', () => {
    const a = readAppendix(book([HEAD, [1, 2, 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện']]), { asOf: '2024-04-10' });
    expect(a.tasks.map((t) => [t.row, t.owners.map((o) => o.name)])).toEqual([[2, ['Văn phòng Sở']]]);
  });
});

describe('a lead unit merged down over several tasks', () => {
  it('gives every task the merge covers the unit, and none to a task above the merge', () => {
    const grid: CellValue[][] = [
      HEAD,
      [1, 'Việc không có chủ trì', null, 'Quý I/2024', 'Đang thực hiện'],
      [2, 'Việc một', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện'],
      [3, 'Việc hai', null, 'Quý II/2024', 'Đang thực hiện'],
      [4, 'Việc ba', null, 'Quý III/2024', 'Đang thực hiện'],
    ];
    const a = readAppendix(book(grid, [{ top: 2, left: 2, bottom: 4, right: 2 }]), { asOf: '2024-04-10' });
    expect(a.tasks.map((t) => [t.content, t.owners.map((o) => o.name)])).toEqual([
      ['Việc không có chủ trì', []],
      ['Việc một', ['Văn phòng Sở']],
      ['Việc hai', ['Văn phòng Sở']],
      ['Việc ba', ['Văn phòng Sở']],
    ]);
  });
});

describe('the plan year from the deadlines', () => {
  it('does not count the year-like numbers of document references, and takes the earlier year on a tie', () => {
    const rows = (frames: string[]): CellValue[][] => [HEAD, ...frames.map((f, i) => [i + 1, `Việc ${i + 1}`, 'Văn phòng Sở', f, 'Đang thực hiện'])];
    // "2024/SYT-VP" is a document number: the plan is 2025's.
    expect(readAppendix(book(rows(['Quý I/2025', 'Theo Công văn 2024/SYT-VP', 'Theo Công văn 2024/SYT-VP'])), { asOf: '2025-04-10' }).planYear).toBe(2025);
    // One deadline each in 2023 and 2024: the earlier.
    expect(readAppendix(book(rows(['15/03/2024', '15/03/2023'])), { asOf: '2025-04-10' })).toMatchObject({ planYear: 2023, planYearSource: 'deadlines' });
  });
});

describe('two sheets with the same header', () => {
  it('reads the one with more rows of content, blank rows not counted', () => {
    const task = (i: number): CellValue[] => [i, `Việc ${i}`, 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện'];
    const small: CellValue[][] = [HEAD, task(1), ['', '', '', '', ''], ['', '', '', '', ''], ['', '', '', '', '']];
    const full: CellValue[][] = [HEAD, task(1), task(2), task(3)];
    const wb: WorkbookData = { sheets: [{ name: 'Nháp', grid: small }, { name: 'Phụ lục', grid: full }] };
    expect(readAppendix(wb, { asOf: '2024-04-10' }).sheet).toBe('Phụ lục');
    const reversed: WorkbookData = { sheets: [{ name: 'Phụ lục', grid: full }, { name: 'Nháp', grid: small }] };
    expect(readAppendix(reversed, { asOf: '2024-04-10' }).sheet).toBe('Phụ lục');
  });
});
