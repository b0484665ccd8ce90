/**
 * The edges of forms and the merge that mutation testing found unstated: which values are dates, how a returned form
 * is recognised and read, how answers find their task, where added columns go, in which order results come, whose a
 * copy is by its file name, who may edit which cells, and when each unit last updated.
 */
import { describe, expect, it } from 'vitest';
import { contentStamp, unitAccessPlan, unitUpdates } from '../src/core/consolidating/access';
import { formGrid, readReturnedForm, trackingValue } from '../src/core/consolidating/forms';
import { describeValue, unitFromFileName } from '../src/core/consolidating/merge';
import { checkWorkbook } from '../src/core/index';
import { formsFor, mergeFor } from '../src/core/service';
import type { CellValue, WorkbookData } from '../src/core/types';
import { utc } from './fixtures/sheets';
import { returnedForm } from './fixtures/forms';

const TODAY = '2024-07-10';
const HEADER = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành', 'Kết quả thực hiện'];
const office = (rows: CellValue[][], header = HEADER): WorkbookData => ({ sheets: [{ name: 'Phụ lục', grid: [header, ...rows] }] });
const PLAN: CellValue[][] = [
  [1, 'Kiểm tra công tác văn thư tại đơn vị A', 'Văn phòng Sở', 'Quý III/2024', 'Chưa thực hiện', null, null],
  [2, 'Kiểm tra công tác văn thư tại đơn vị B', 'Văn phòng Sở', 'Quý III/2024', 'Chưa thực hiện', null, null],
  [3, 'Khảo sát sự hài lòng của người dân', 'Thanh tra Sở', 'Quý III/2024', 'Chưa thực hiện', null, null],
];

const returned = returnedForm;
const merge = (workbook: WorkbookData, ...files: [string, WorkbookData][]) => mergeFor(workbook, TODAY, files.map(([file, wb]) => ({ file, workbook: wb })));
const STATUS = 6;
const DONE = 7;
const RESULT = 8;

describe('values as forms hold them', () => {
  it('reads a date only in the done-date column: a result that looks like a date stays text, a date cell elsewhere is its day', () => {
    expect(trackingValue('result', '5/7/2024')).toBe('5/7/2024');
    expect(trackingValue('result', utc(5, 7, 2024))).toBe('2024-07-05');
    expect(trackingValue('doneDate', 'Dự kiến 2024-07-05')).toBe('Dự kiến 2024-07-05');
  });

  it('puts a done date in a form as a date cell, and any other text as text', () => {
    const wb = office([[1, 'Việc A', 'Văn phòng Sở', 'Quý I/2024', '2024-03-20', 'khoảng 2024-03-20', '2024-03-20 (dự kiến)']]);
    const [form] = formsFor(wb, TODAY, 'x.xlsx').forms;
    expect(form.tasks[0].section).toBe('');
    expect(formGrid(form)[5].slice(STATUS, 9)).toEqual(['2024-03-20', 'khoảng 2024-03-20', '2024-03-20 (dự kiến)']);
    const dated = formsFor(office([[1, 'Việc A', 'Văn phòng Sở', 'Quý I/2024', null, utc(20, 3, 2024), null]]), TODAY, 'x.xlsx').forms[0];
    expect(formGrid(dated)[5][DONE]).toEqual(utc(20, 3, 2024));
  });
});

describe('recognising and reading a returned form', () => {
  it('needs both the hidden sheet’s name and its mark', () => {
    const wb = returned(office(PLAN), 'Văn phòng Sở', () => undefined);
    expect(readReturnedForm(wb)?.unit).toBe('Văn phòng Sở');
    const renamed = { sheets: [wb.sheets[0], { ...wb.sheets[1], name: 'Sheet2' }] };
    expect(readReturnedForm(renamed)).toBeNull();
    const unmarked = { sheets: [wb.sheets[0], { ...wb.sheets[1], grid: [['x'], ...wb.sheets[1].grid.slice(1)] }] };
    expect(readReturnedForm(unmarked)).toBeNull();
  });

  it('reads the form sheet under another name, its header on the first row, and what was sent per task', () => {
    const wb = returned(office(PLAN), 'Văn phòng Sở', (g) => {
      g.splice(0, 4);
      g[1][STATUS] = 'Đang thực hiện';
    });
    const back = readReturnedForm({ sheets: [{ ...wb.sheets[0], name: 'Trang tính1' }, wb.sheets[1]] })!;
    expect(back.answers.map((a) => [a.row, a.content, a.values.status, a.sent?.status])).toEqual([
      [2, 'Kiểm tra công tác văn thư tại đơn vị A', 'Đang thực hiện', 'Chưa thực hiện'],
      [3, 'Kiểm tra công tác văn thư tại đơn vị B', 'Chưa thực hiện', 'Chưa thực hiện'],
    ]);
  });

  it('skips a blank key row in the remembered table, and has no date when the form names none', () => {
    const wb = returned(office(PLAN), 'Văn phòng Sở', () => undefined);
    const meta = wb.sheets[1].grid.filter((r) => r[0] !== 'sentOn');
    meta.splice(6, 0, ['', 99, 'Dòng trống', 'x']);
    const back = readReturnedForm({ sheets: [wb.sheets[0], { ...wb.sheets[1], grid: meta }] })!;
    expect(back.sentOn).toBe('');
    expect(back.answers.map((a) => a.sent?.status)).toEqual(['Chưa thực hiện', 'Chưa thực hiện']);
  });
});

describe('answers finding their task', () => {
  it('keeps an answer found by its key even when another task reads almost the same', () => {
    const back = returned(office(PLAN), 'Văn phòng Sở', (g) => {
      g[5][STATUS] = 'Đang thực hiện';
      g.splice(6, 1);
    });
    expect(merge(office(PLAN), ['vp.xlsx', back]).applied.map((a) => [a.row, a.value])).toEqual([[2, 'Đang thực hiện']]);
  });

  it('matches a reworded task once: a second answer with the same wording finds no task', () => {
    const back = returned(office(PLAN), 'Thanh tra Sở', (g) => {
      g[5][0] = 'NV-KHAC';
      g[5][3] = 'Khảo sát sự hài lòng của người dân năm 2024';
      g[5][STATUS] = 'Đang thực hiện';
      g.push(['NV-KHAC-2', '9', '', 'Khảo sát sự hài lòng của người dân năm 2024', '', '', 'Đã hoàn thành']);
    });
    const r = merge(office(PLAN), ['tt.xlsx', back]);
    expect(r.applied.map((a) => [a.row, a.value])).toEqual([[4, 'Đang thực hiện']]);
    expect(r.unmatched.map((u) => u.key)).toEqual(['NV-KHAC-2']);
  });
});

describe('what the merge writes, and in which order', () => {
  it('adds the columns the appendix lacks after its last used column, in the tracking columns’ order', () => {
    const short = office(PLAN.map((r) => r.slice(0, 5)), HEADER.slice(0, 5));
    const back = returned(short, 'Văn phòng Sở', (g) => {
      g[5][10] = 'Cần thêm kinh phí';
      g[5][RESULT] = 'Đã kiểm tra';
    });
    const r = merge(short, ['vp.xlsx', back]);
    expect(r.addedColumns).toEqual([
      { column: 'F', header: 'Kết quả thực hiện' },
      { column: 'G', header: 'Đề xuất' },
    ]);
    expect(r.edits).toEqual([
      { row: 1, col: 5, value: 'Kết quả thực hiện' },
      { row: 1, col: 6, value: 'Đề xuất' },
      { row: 2, col: 5, value: 'Đã kiểm tra' },
      { row: 2, col: 6, value: 'Cần thêm kinh phí' },
    ]);
  });

  it('writes text that looks like a date in a text column as text, and a done date as a date', () => {
    const back = returned(office(PLAN), 'Văn phòng Sở', (g) => {
      g[5][RESULT] = '2024-06-30';
      g[5][DONE] = '2024-06-30';
    });
    expect(merge(office(PLAN), ['vp.xlsx', back]).edits).toEqual([
      { row: 2, col: 5, value: '2024-06-30', date: '2024-06-30' },
      { row: 2, col: 6, value: '2024-06-30' },
    ]);
  });

  it('lists applied cells and edits by row then column, whatever the order of the files', () => {
    const tt = returned(office(PLAN), 'Thanh tra Sở', (g) => (g[5][STATUS] = 'Đang thực hiện'));
    const vp = returned(office(PLAN), 'Văn phòng Sở', (g) => {
      g[6][RESULT] = 'Xong';
      g[6][STATUS] = 'Đã hoàn thành';
      g[5][STATUS] = 'Đang thực hiện';
    });
    const r = merge(office(PLAN), ['tt.xlsx', tt], ['vp.xlsx', vp]);
    expect(r.applied.map((a) => `${a.column}${a.row}`)).toEqual(['E2', 'E3', 'G3', 'E4']);
    expect(r.edits.map((e) => `${e.col}:${e.row}`)).toEqual(['4:2', '4:3', '6:3', '4:4']);
  });

  it('names a conflict’s column, or none when the appendix has no such column, and shows a done date the Vietnamese way', () => {
    const short = office(PLAN.map((r) => r.slice(0, 6)), HEADER.slice(0, 6));
    const back = returned(short, 'Văn phòng Sở', (g) => {
      g[5][DONE] = '2024-06-30';
      g[5][RESULT] = 'Đã kiểm tra';
    });
    const moved = office([PLAN[2], [1, PLAN[0][1], 'Thanh tra Sở', 'Quý III/2024', 'Chưa thực hiện', null], PLAN[1].slice(0, 6)], HEADER.slice(0, 6));
    const r = merge(moved, ['vp.xlsx', back]);
    // By row, then column: a column the appendix lacks (no letter) comes first.
    expect(r.conflicts.map((c) => [c.row, c.column, c.header, c.incoming, c.reason])).toEqual([
      [3, '', 'Kết quả thực hiện', 'Đã kiểm tra', 'not-lead'],
      [3, 'F', 'Ngày hoàn thành', '30/06/2024', 'not-lead'],
    ]);
  });

  it('says why two different answers for one cell are left to the Office', () => {
    const joint = office([[1, 'Việc chung', 'Văn phòng Sở, Thanh tra Sở', 'Quý III/2024', 'Chưa thực hiện', null, null]]);
    const vp = returned(joint, 'Văn phòng Sở', (g) => (g[5][STATUS] = '2024-06-30'));
    const tt = returned(joint, 'Thanh tra Sở', (g) => (g[5][STATUS] = 'Đã hoàn thành'));
    const r = merge(joint, ['vp.xlsx', vp], ['tt.xlsx', tt]);
    expect(r.conflicts.map((c) => [c.incoming, c.message])).toEqual([
      ['Đã hoàn thành', 'Hai đơn vị trả lời khác nhau cho cùng một ô: Văn phòng cần chọn một.'],
      ['2024-06-30', 'Hai đơn vị trả lời khác nhau cho cùng một ô: Văn phòng cần chọn một.'],
    ]);
    expect(describeValue('vào 2024-03-28')).toBe('vào 2024-03-28');
    expect(describeValue('2024-03-28 xong')).toBe('2024-03-28 xong');
  });
});

describe('whose a copy is, by its file name (any directory)', () => {
  const units = ['Phòng Nghiệp vụ Y', 'Phòng Nghiệp vụ Dược', 'Phòng Y', 'Phòng Y tế', 'Thanh tra Sở', 'Văn phòng Sở'];
  const directory = units.map((name) => ({ name, aliases: name === 'Thanh tra Sở' ? ['TTr Sở'] : [] }));
  it.each([
    ['bao-cao NVY.xlsx', 'Phòng Nghiệp vụ Y'],
    ['KH.2024.phong-nghiep-vu-duoc.xlsx', 'Phòng Nghiệp vụ Dược'],
    ['ke hoach - phong y te.xlsx', 'Phòng Y tế'],
    ['ke hoach - phong y.xlsx', 'Phòng Y'],
    ['ban sao (TTr So).xlsx', 'Thanh tra Sở'],
    ['thanh-tra-so va van-phong-so.xlsx', null],
    ['ke-hoach.xlsx', null],
  ])('reads "%s" as %s', (file, unit) => {
    expect(unitFromFileName(file, units, directory)).toBe(unit);
  });
});

describe('units editing the shared spreadsheet: the edges', () => {
  it('finds adjacent tracking columns whatever order the sheet puts them in', () => {
    const grid: CellValue[][] = [
      ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Ngày hoàn thành', 'Tiến độ'],
      [1, 'Việc A', 'Văn phòng Sở', 'Quý I/2024', null, null],
    ];
    const { appendix } = checkWorkbook({ sheets: [{ name: 'PL', grid }] }, { asOf: TODAY });
    const plan = unitAccessPlan(appendix, [{ name: 'Văn phòng Sở', aliases: [], email: 'vp@x.vn' }]);
    expect(plan.units[0].blocks).toEqual([{ row: 2, rows: 1, col: 5, cols: 2 }]);
  });

  it('keeps a unit’s latest update whatever order its tasks come in', () => {
    const { appendix } = checkWorkbook({ sheets: [{ name: 'PL', grid: [HEADER, ...PLAN] }] }, { asOf: TODAY });
    const stamps = { [contentStamp(String(PLAN[0][1]))]: '2024-04-12', [contentStamp(String(PLAN[1][1]))]: '2024-04-03' };
    expect(unitUpdates(appendix, stamps).map((u) => [u.unit, u.lastUpdated])).toEqual([
      ['Thanh tra Sở', null],
      ['Văn phòng Sở', '2024-04-12'],
    ]);
  });
});
