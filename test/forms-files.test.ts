/**
 * Units the directories do not know, written apart only by case or accents, are one unit (one line in reports, one
 * form); units whose names differ otherwise but read the same in ASCII get a file each.
 */
import { describe, expect, it } from 'vitest';
import { readAppendix } from '../src/core/reading/appendix';
import { formsFor } from '../src/core/service';
import type { CellValue, WorkbookData } from '../src/core/types';

const HEADER = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện'];
const ROWS: CellValue[][] = [
  [1, 'Rà soát thủ tục hành chính', 'Tổ công tác số 1', null, 'Quý III/2024'],
  [2, 'Kiểm tra công vụ', 'Tổ Công Tác số 1', 'Văn phòng Sở', 'Quý III/2024'],
  [3, 'Khảo sát sự hài lòng', 'Tổ Công Tác số 1', null, 'Quý III/2024'],
  [4, 'Số hóa hồ sơ', 'Tổ công tác (số 1)', 'Tổ công tac số 1', 'Quý III/2024'],
];
const workbook: WorkbookData = { sheets: [{ name: 'Phụ lục', grid: [HEADER, ...ROWS] }] };

describe('an unknown unit written in several ways', () => {
  it('is named by the form written most often, as lead and as coordinating unit, and keeps what each cell wrote', () => {
    const { tasks } = readAppendix(workbook, { asOf: '2024-07-10' });
    expect(tasks.map((t) => t.owners.map((o) => o.name))).toEqual([['Tổ Công Tác số 1'], ['Tổ Công Tác số 1'], ['Tổ Công Tác số 1'], ['Tổ công tác (số 1)']]);
    expect(tasks[3].coordinators.map((c) => [c.written, c.name])).toEqual([['Tổ công tac số 1', 'Tổ Công Tác số 1']]);
    expect(tasks[0].owners[0].written).toBe('Tổ công tác số 1');
  });

  it('takes the first form on a tie', () => {
    const { tasks } = readAppendix({ sheets: [{ name: 'Phụ lục', grid: [HEADER, ROWS[0], ROWS[1]] }] }, { asOf: '2024-07-10' });
    expect(tasks.map((t) => t.owners.map((o) => o.name))).toEqual([['Tổ công tác số 1'], ['Tổ công tác số 1']]);
  });
});

describe('form file names', () => {
  it('gives one form to a unit written in several ways, and numbers a second unit whose file name reads the same', () => {
    const { forms } = formsFor(workbook, '2024-07-10', 'ke-hoach.xlsx');
    expect(forms.map((f) => [f.unit, f.fileName, f.tasks.map((t) => t.row)])).toEqual([
      ['Tổ Công Tác số 1', 'phieu-cap-nhat-to-cong-tac-so-1.xlsx', [2, 3, 4]],
      ['Tổ công tác (số 1)', 'phieu-cap-nhat-to-cong-tac-so-1-2.xlsx', [5]],
    ]);
  });
});
