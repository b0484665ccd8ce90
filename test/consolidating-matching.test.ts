/**
 * How an answer whose key the Office no longer knows finds its task by content: close by characters (a typo fixed),
 * close by words (the same words reordered), or no task at all (another task entirely). Rows and values by hand.
 */
import { describe, expect, it } from 'vitest';
import { mergeFor } from '../src/core/service';
import type { CellValue, WorkbookData } from '../src/core/types';
import { returnedForm } from './fixtures/forms';

const TODAY = '2024-07-10';
const HEADER = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành', 'Kết quả thực hiện'];
const PLAN: CellValue[][] = [
  [1, 'Rà soát, sửa đổi quy chế làm việc của Sở', 'Văn phòng Sở', 'Quý III/2024', 'Chưa thực hiện', null, null],
  [2, 'Tuyên truyền cải cách hành chính trên Cổng thông tin điện tử', 'Văn phòng Sở', 'Quý III/2024', 'Chưa thực hiện', null, null],
];
const office = (): WorkbookData => ({ sheets: [{ name: 'Phụ lục', grid: [HEADER, ...PLAN] }] });
const CONTENT = 3;
const STATUS = 6;

/** The unit's form for its first task, with the key changed (so only the content can find the task) and a new status. */
function answerWith(content: string) {
  const back = returnedForm(office(), 'Văn phòng Sở', (g) => {
    g[5][0] = 'NV-DOI';
    g[5][CONTENT] = content;
    g[5][STATUS] = 'Đã hoàn thành';
    g.splice(6, 1);
  });
  return mergeFor(office(), TODAY, [{ file: 'vp.xlsx', workbook: back }]);
}

describe('an answer found by its content', () => {
  it('finds the task with two typos, though two of its ten words then differ', () => {
    const r = answerWith('Rà soát, sửa đổi quy chee làm viêcc của Sở');
    expect(r.applied.map((a) => [a.row, a.value])).toEqual([[2, 'Đã hoàn thành']]);
    expect(r.unmatched).toEqual([]);
  });

  it('finds the task with its words reordered, though few characters line up', () => {
    const r = answerWith('Quy chế làm việc của Sở: rà soát, sửa đổi');
    expect(r.applied.map((a) => [a.row, a.value])).toEqual([[2, 'Đã hoàn thành']]);
  });

  it('finds no task for another task entirely, even one sharing words with a task', () => {
    const r = answerWith('Kiểm tra việc thực hiện quy chế làm việc tại các phòng chức năng');
    expect(r.applied).toEqual([]);
    expect(r.unmatched.map((u) => [u.key, u.content])).toEqual([['NV-DOI', 'Kiểm tra việc thực hiện quy chế làm việc tại các phòng chức năng']]);
  });
});
