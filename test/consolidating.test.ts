/**
 * Forms and the merge, in memory through the core service (no files): the task key, what a form remembers, the
 * three-way rule for every combination of what was sent, what the Office holds now and what the unit answered,
 * the full-copy rules, two units on one cell, reworded and stray rows, and whose a copy is by its file name.
 */
import { describe, expect, it } from 'vitest';
import { fileSlug, formGrid, formMetaGrid, FORM_META_SHEET, FORM_SHEET, readReturnedForm, taskKeys, trackingValue } from '../src/core/consolidating/forms';
import { describeValue, unitFromFileName } from '../src/core/consolidating/merge';
import { contentStamp, unitAccessPlan, unitUpdates } from '../src/core/consolidating/access';
import { checkWorkbook } from '../src/core/index';
import { fromPortable, toPortable } from '../src/core/portable';
import { DEFAULT_UNIT_DIRECTORY } from '../src/core/reading/units';
import { formsFor, mergeFor, ReturnedFileError } from '../src/core/service';
import type { CellValue, WorkbookData } from '../src/core/types';
import { utc } from './fixtures/sheets';
import { returnedForm } from './fixtures/forms';

const TODAY = '2024-07-10';
const HEADER = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành', 'Kết quả thực hiện'];

function office(rows: CellValue[][]): WorkbookData {
  return { sheets: [{ name: 'Phụ lục', grid: [HEADER, ...rows] }] };
}

const PLAN: CellValue[][] = [
  [1, 'Rà soát văn bản quy phạm pháp luật', 'Thanh tra Sở', 'Quý II/2024', 'Đang thực hiện', null, null],
  [2, 'Kiểm tra công tác CCHC tại các đơn vị', 'Văn phòng Sở', 'Quý III/2024', 'Chưa thực hiện', null, null],
  [3, 'Khảo sát sự hài lòng của người dân', 'Văn phòng Sở, Thanh tra Sở', 'Quý III/2024', 'Chưa thực hiện', null, null],
];


/** The form row (0-based in the grid) of a task, found by its content. */
const at = (grid: CellValue[][], content: string) => grid.findIndex((r) => r[3] === content);
const STATUS = 6;
const DONE = 7;
const RESULT = 8;

describe('task keys', () => {
  it('follow the task, not its row: inserting and reordering rows keeps every key', () => {
    const tasks = [
      { section: 'I. Cải cách thể chế', content: 'Việc A' },
      { section: 'I. Cải cách thể chế', content: 'Việc B' },
    ];
    const [a, b] = taskKeys(tasks);
    expect(a).toMatch(/^NV-[0-9A-Z]{7}$/);
    expect(taskKeys([{ section: null, content: 'Việc mới' }, tasks[1], tasks[0]]).slice(1)).toEqual([b, a]);
  });

  it('tell apart the same content in two sections, and number a repeat within one', () => {
    const [a, b, c] = taskKeys([
      { section: 'I', content: 'Báo cáo quý' },
      { section: 'II', content: 'Báo cáo quý' },
      { section: 'I', content: 'Báo cáo quý' },
    ]);
    expect(a).not.toBe(b);
    expect(c).toBe(`${a}-2`);
  });

  it('do not change with case, accents typed apart or extra spaces', () => {
    expect(taskKeys([{ section: 'I', content: 'Rà soát  văn bản' }])).toEqual(taskKeys([{ section: 'I', content: 'rà soát văn bản'.normalize('NFD') }]));
  });
});

describe('tracking values as compared', () => {
  it('read a done date written as a date, a serial, ISO text or day/month/year text as the same day', () => {
    expect([utc(5, 7, 2024), 45478, '2024-07-05', '5/7/2024', ' 05-07-2024 '].map((v) => trackingValue('doneDate', v))).toEqual(Array(5).fill('2024-07-05'));
  });

  it('keep a done date that is not a date as its text, and clean text of spaces', () => {
    expect(trackingValue('doneDate', 'tháng 7')).toBe('tháng 7');
    expect(trackingValue('result', '  Đã  trình  ')).toBe('Đã trình');
    expect(trackingValue('status', null)).toBe('');
  });
});

describe('a form', () => {
  it('holds the unit’s tasks with the tracking values as sent, in the form and in its hidden sheet', () => {
    const wb = office([[1, 'Việc A', 'Văn phòng Sở', 'Quý I/2024', 'Hoàn thành', utc(20, 3, 2024), 'Đã ban hành']]);
    const [form] = formsFor(wb, TODAY, 'ke-hoach.xlsx').forms;
    expect(form.unit).toBe('Văn phòng Sở');
    expect(form.fileName).toBe('phieu-cap-nhat-van-phong-so.xlsx');
    expect(form.tasks[0]).toMatchObject({ row: 2, tt: '1', content: 'Việc A', timeframe: 'Quý I/2024', sent: { status: 'Hoàn thành', doneDate: '2024-03-20', result: 'Đã ban hành', difficulty: '', proposal: '' } });
    expect(formGrid(form)[5].slice(6)).toEqual(['Hoàn thành', utc(20, 3, 2024), 'Đã ban hành', null, null]);
    expect(formMetaGrid(form)[6]).toEqual([form.tasks[0].key, 2, 'Việc A', 'Hoàn thành', '2024-03-20', 'Đã ban hành', '', '']);
  });

  it('goes to each lead unit of a task led jointly, and to no vague group', () => {
    const wb = office([...PLAN, [4, 'Việc chung', 'Các phòng chức năng', 'Quý IV/2024', null, null, null]]);
    const { forms, withoutUnit } = formsFor(wb, TODAY, 'ke-hoach.xlsx');
    expect(forms.map((f) => [f.unit, f.tasks.map((t) => t.tt)])).toEqual([
      ['Thanh tra Sở', ['1', '3']],
      ['Văn phòng Sở', ['2', '3']],
    ]);
    expect(withoutUnit).toBe(1);
  });
});

describe('the merge of a returned form (three-way)', () => {
  /** Merge one VP answer for task 2's status, with the Office's current status and the value sent. */
  function threeWay(sent: string, now: string, answer: string) {
    const before = office([[2, 'Kiểm tra công tác CCHC tại các đơn vị', 'Văn phòng Sở', 'Quý III/2024', sent, null, null]]);
    const back = returnedForm(before, 'Văn phòng Sở', (g) => (g[5][STATUS] = answer));
    const after = office([[2, 'Kiểm tra công tác CCHC tại các đơn vị', 'Văn phòng Sở', 'Quý III/2024', now, null, null]]);
    return mergeFor(after, TODAY, [{ file: 'vp.xlsx', workbook: back }]);
  }

  it('applies what the unit changed where the Office did not', () => {
    const r = threeWay('Chưa thực hiện', 'Chưa thực hiện', 'Đang thực hiện');
    expect(r.applied).toEqual([{ row: 2, column: 'E', header: 'Tiến độ', value: 'Đang thực hiện', from: 'vp.xlsx', previous: 'Chưa thực hiện' }]);
    expect(r.edits).toEqual([{ row: 2, col: 4, value: 'Đang thực hiện' }]);
    expect(r.conflicts).toEqual([]);
  });

  it('leaves a cell the unit did not change, even where the Office changed it', () => {
    const r = threeWay('Chưa thực hiện', 'Đang thực hiện', 'Chưa thực hiện');
    expect([r.applied, r.conflicts, r.edits]).toEqual([[], [], []]);
  });

  it('does nothing where both made the same change', () => {
    const r = threeWay('Chưa thực hiện', 'Đã hoàn thành', 'Đã hoàn thành');
    expect([r.applied, r.conflicts]).toEqual([[], []]);
  });

  it('lists, and does not apply, a cell both changed differently', () => {
    const r = threeWay('Chưa thực hiện', 'Đang thực hiện', 'Đã hoàn thành');
    expect(r.applied).toEqual([]);
    expect(r.conflicts).toEqual([
      {
        row: 2, column: 'E', header: 'Tiến độ', current: 'Đang thực hiện', incoming: 'Đã hoàn thành', from: 'vp.xlsx', reason: 'changed-since-sent',
        message: 'Văn phòng đã sửa ô này sau khi gửi phiếu, và đơn vị cũng sửa: cần đối chiếu trước khi ghi.',
      },
    ]);
  });

  it('clears a cell the unit emptied', () => {
    const r = threeWay('Đang thực hiện', 'Đang thực hiện', '');
    expect(r.applied.map((a) => [a.column, a.value, a.previous])).toEqual([['E', null, 'Đang thực hiện']]);
    expect(r.edits).toEqual([{ row: 2, col: 4, value: null }]);
  });

  it('writes a done date as a date edit, and a result as text', () => {
    const back = returnedForm(office(PLAN), 'Văn phòng Sở', (g) => {
      const row = at(g, 'Kiểm tra công tác CCHC tại các đơn vị');
      g[row][DONE] = '15/08/2024';
      g[row][RESULT] = 'Đã kiểm tra 6 đơn vị';
    });
    const r = mergeFor(office(PLAN), TODAY, [{ file: 'vp.xlsx', workbook: back }]);
    expect(r.edits).toEqual([
      { row: 3, col: 5, value: '2024-08-15', date: '2024-08-15' },
      { row: 3, col: 6, value: 'Đã kiểm tra 6 đơn vị' },
    ]);
  });

  it('finds the task after the Office inserted rows above it, and a reworded task by its content', () => {
    const back = returnedForm(office(PLAN), 'Văn phòng Sở', (g) => (g[at(g, 'Kiểm tra công tác CCHC tại các đơn vị')][STATUS] = 'Đang thực hiện'));
    const moved = office([
      [0, 'Nhiệm vụ mới', 'Thanh tra Sở', 'Quý IV/2024', null, null, null],
      PLAN[0],
      [2, 'Kiểm tra công tác CCHC tại các đơn vị trực thuộc', 'Văn phòng Sở', 'Quý III/2024', 'Chưa thực hiện', null, null],
      [3, 'Kiểm tra công tác văn thư, lưu trữ tại các đơn vị', 'Văn phòng Sở', 'Quý III/2024', 'Chưa thực hiện', null, null],
    ]);
    // Two words added change the key; 9 of the 11 words are shared (a task sharing 6 of 12 is another task).
    const r = mergeFor(moved, TODAY, [{ file: 'vp.xlsx', workbook: back }]);
    expect(r.applied.map((a) => [a.row, a.column, a.value])).toEqual([[4, 'E', 'Đang thực hiện']]);
  });

  it('lists a row that matches no task, and does not count it', () => {
    const back = returnedForm(office(PLAN), 'Văn phòng Sở', (g) => g.push(['', '9', '', 'Hội nghị sơ kết', '', '', 'Đã hoàn thành']));
    const r = mergeFor(office(PLAN), TODAY, [{ file: 'vp.xlsx', workbook: back }]);
    expect(r.unmatched).toEqual([{ from: 'vp.xlsx', row: 8, key: '', content: 'Hội nghị sơ kết' }]);
    expect(r.applied).toEqual([]);
  });

  it('lists an answer for a task the unit no longer leads', () => {
    const back = returnedForm(office(PLAN), 'Văn phòng Sở', (g) => (g[at(g, 'Kiểm tra công tác CCHC tại các đơn vị')][STATUS] = 'Đã hoàn thành'));
    const reassigned = office([PLAN[0], [2, 'Kiểm tra công tác CCHC tại các đơn vị', 'Thanh tra Sở', 'Quý III/2024', 'Chưa thực hiện', null, null], PLAN[2]]);
    const r = mergeFor(reassigned, TODAY, [{ file: 'vp.xlsx', workbook: back }]);
    expect(r.applied).toEqual([]);
    expect(r.conflicts.map((c) => [c.row, c.reason, c.message])).toEqual([[3, 'not-lead', 'Văn phòng Sở không chủ trì nhiệm vụ này: câu trả lời không được ghi vào phụ lục.']]);
  });
});

describe('two units on one task', () => {
  const answer = (unit: string, status: string) =>
    returnedForm(office(PLAN), unit, (g) => (g[at(g, 'Khảo sát sự hài lòng của người dân')][STATUS] = status));

  it('apply once what both answered alike, naming both files', () => {
    const r = mergeFor(office(PLAN), TODAY, [
      { file: 'vp.xlsx', workbook: answer('Văn phòng Sở', 'Đang thực hiện') },
      { file: 'tt.xlsx', workbook: answer('Thanh tra Sở', 'Đang thực hiện') },
    ]);
    expect(r.applied.map((a) => [a.row, a.value, a.from])).toEqual([[4, 'Đang thực hiện', 'vp.xlsx, tt.xlsx']]);
    expect(r.missingUnits).toEqual([]);
  });

  it('list both answers, and apply neither, when they differ', () => {
    const r = mergeFor(office(PLAN), TODAY, [
      { file: 'vp.xlsx', workbook: answer('Văn phòng Sở', 'Đang thực hiện') },
      { file: 'tt.xlsx', workbook: answer('Thanh tra Sở', 'Đã hoàn thành') },
    ]);
    expect(r.applied).toEqual([]);
    expect(r.conflicts.map((c) => [c.row, c.incoming, c.from, c.reason])).toEqual([
      [4, 'Đã hoàn thành', 'tt.xlsx', 'two-answers'],
      [4, 'Đang thực hiện', 'vp.xlsx', 'two-answers'],
    ]);
  });
});

describe('the merge of a returned full copy', () => {
  const copyOf = (rows: CellValue[][]) => office(rows);

  it('fills the unit’s own tasks, never clears, and keeps what a cell held', () => {
    const copy = copyOf([PLAN[0], [2, PLAN[1][1], 'Văn phòng Sở', 'Quý III/2024', 'Đã hoàn thành', utc(1, 8, 2024), null], [3, PLAN[2][1], 'Văn phòng Sở, Thanh tra Sở', 'Quý III/2024', null, null, null]]);
    const r = mergeFor(office(PLAN), TODAY, [{ file: 'ke-hoach - Van phong So.xlsx', workbook: copy }]);
    expect(r.returns).toEqual([{ file: 'ke-hoach - Van phong So.xlsx', unit: 'Văn phòng Sở', kind: 'copy', answers: 3 }]);
    expect(r.applied.map((a) => [a.row, a.column, a.value, a.previous])).toEqual([
      [3, 'E', 'Đã hoàn thành', 'Chưa thực hiện'],
      [3, 'F', '2024-08-01', ''],
    ]);
    expect(r.missingUnits).toEqual(['Thanh tra Sở']);
  });

  it('ignores another unit’s row as it was sent, and lists an answer written into another unit’s empty cell', () => {
    const current = office([[1, PLAN[0][1], 'Thanh tra Sở', 'Quý II/2024', 'Đã hoàn thành', null, null], PLAN[1], PLAN[2]]);
    const copy = copyOf([[1, PLAN[0][1], 'Thanh tra Sở', 'Quý II/2024', 'Đang thực hiện', utc(30, 6, 2024), null], PLAN[1], PLAN[2]]);
    const r = mergeFor(current, TODAY, [{ file: 'copy.xlsx', workbook: copy }], { unit: 'VP Sở' });
    expect(r.applied).toEqual([]);
    expect(r.conflicts.map((c) => [c.row, c.column, c.current, c.incoming, c.reason])).toEqual([[2, 'F', '', '30/06/2024', 'not-lead']]);
  });

  it('says in Vietnamese when it cannot tell whose a copy is, or when --unit names no lead unit', () => {
    const copy = copyOf(PLAN);
    expect(() => mergeFor(office(PLAN), TODAY, [{ file: 'ban-sao.xlsx', workbook: copy }])).toThrow(ReturnedFileError);
    expect(() => mergeFor(office(PLAN), TODAY, [{ file: 'ban-sao.xlsx', workbook: copy }])).toThrow(
      'Không biết tệp "ban-sao.xlsx" là bản của đơn vị nào: ghi tên đơn vị vào tên tệp (ví dụ "ke-hoach - Phong To chuc can bo.xlsx") hoặc dùng --unit "Tên đơn vị" (mỗi lần một tệp). Các đơn vị chủ trì: "Thanh tra Sở", "Văn phòng Sở".',
    );
    expect(() => mergeFor(office(PLAN), TODAY, [{ file: 'x.xlsx', workbook: copy }], { unit: 'Phòng Tổ chức cán bộ' })).toThrow(
      '--unit "Phòng Tổ chức cán bộ" không chủ trì nhiệm vụ nào trong phụ lục. Các đơn vị chủ trì: "Thanh tra Sở", "Văn phòng Sở".',
    );
    const notAPlan: WorkbookData = { sheets: [{ name: 'Sheet1', grid: [['Họ tên', 'Điện thoại']] }] };
    expect(() => mergeFor(office(PLAN), TODAY, [{ file: 'danh-ba.xlsx', workbook: notAPlan }])).toThrow('Tệp "danh-ba.xlsx" không phải phiếu cập nhật do công cụ tạo');
  });
});

describe('whose a copy is, by its file name', () => {
  const units = ['Văn phòng Sở', 'Phòng Tổ chức cán bộ', 'Thanh tra Sở', 'Phòng Nghiệp vụ Y'];
  it.each([
    ['ke-hoach-cchc (Van phong So).xlsx', 'Văn phòng Sở'],
    ['Kế hoạch CCHC - Phòng Tổ chức cán bộ.xlsx', 'Phòng Tổ chức cán bộ'],
    ['KH CCHC 2024_TCCB.xlsx', 'Phòng Tổ chức cán bộ'],
    ['thanh-tra-so.xlsx', 'Thanh tra Sở'],
    ['ke-hoach-cchc-2024.xlsx', null],
    ['nghiep-vu.xlsx', null],
  ])('reads "%s" as %s', (file, unit) => {
    expect(unitFromFileName(file, units, DEFAULT_UNIT_DIRECTORY)).toBe(unit);
  });
});

describe('units editing the shared spreadsheet', () => {
  const SHEET: CellValue[][] = [
    ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ghi chú', 'Ngày hoàn thành', 'Kết quả thực hiện'],
    [1, 'Việc A', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện', null, null, null],
    [2, 'Việc B', 'VP Sở', 'Quý II/2024', null, null, null, null],
    [3, 'Việc C', 'Thanh tra Sở', 'Quý II/2024', null, null, null, null],
    [4, 'Việc D', 'Văn phòng Sở, Thanh tra Sở', 'Quý III/2024', null, null, null, null],
    [5, 'Việc E', 'Phòng Tổ chức cán bộ', 'Quý III/2024', 'Chưa thực hiện', null, null, null],
    [6, 'Việc F', 'Các phòng chức năng', 'Quý IV/2024', null, null, null, null],
  ];
  const DIRECTORY = [
    { name: 'Văn phòng Sở', aliases: ['VP Sở'], email: 'vp@syt.gov.vn' },
    { name: 'Thanh tra Sở', aliases: [], email: 'tt@syt.gov.vn' },
    { name: 'Phòng Tổ chức cán bộ', aliases: [] },
  ];
  const appendix = () => checkWorkbook({ sheets: [{ name: 'PL', grid: SHEET }] }, { asOf: TODAY, units: DIRECTORY }).appendix;

  it('opens each unit’s tracking cells as blocks of adjacent rows and side-by-side columns, the note column between kept shut', () => {
    const plan = unitAccessPlan(appendix(), DIRECTORY);
    // Tracking columns E (5), G–H (7–8): "Ghi chú" (F) is nobody's to fill.
    expect(plan.units).toEqual([
      { unit: 'Văn phòng Sở', emails: ['vp@syt.gov.vn'], blocks: [{ row: 2, rows: 2, col: 5, cols: 1 }, { row: 2, rows: 2, col: 7, cols: 2 }, { row: 5, rows: 1, col: 5, cols: 1 }, { row: 5, rows: 1, col: 7, cols: 2 }] },
      { unit: 'Thanh tra Sở', emails: ['tt@syt.gov.vn'], blocks: [{ row: 4, rows: 2, col: 5, cols: 1 }, { row: 4, rows: 2, col: 7, cols: 2 }] },
    ]);
    expect(plan.withoutEmail).toEqual(['Phòng Tổ chức cán bộ']);
    expect(plan.missingColumns).toEqual(['Khó khăn, vướng mắc', 'Đề xuất']);
    expect(plan.watch).toEqual({ columns: [5, 7, 8], contentColumn: 2, firstRow: 2 });
  });

  it('opens nothing when the appendix has no tracking column', () => {
    const bare = checkWorkbook({ sheets: [{ name: 'PL', grid: SHEET.map((r) => r.slice(0, 4)) }] }, { asOf: TODAY, units: DIRECTORY }).appendix;
    expect(unitAccessPlan(bare, DIRECTORY).units).toEqual([]);
  });

  it('dates each unit’s last update from its tasks’ stamps, the longest silent first, with how many tasks have a status', () => {
    const stamps = { [contentStamp('Việc B')]: '2024-04-11', [contentStamp('Việc D')]: '2024-04-12', [contentStamp('Việc A')]: '2024-04-09' };
    expect(unitUpdates(appendix(), stamps)).toEqual([
      { unit: 'Phòng Tổ chức cán bộ', tasks: 1, lastUpdated: null, withStatus: 1 },
      { unit: 'Thanh tra Sở', tasks: 2, lastUpdated: '2024-04-12', withStatus: 0 },
      { unit: 'Văn phòng Sở', tasks: 3, lastUpdated: '2024-04-12', withStatus: 1 },
    ]);
  });

  it('stamps a task by its content, the same however it is typed, and another task apart', () => {
    expect(contentStamp('Rà soát  văn bản')).toBe(contentStamp('rà soát văn bản'.normalize('NFD')));
    expect(contentStamp('Rà soát văn bản')).not.toBe(contentStamp('Rà soát văn bản mới'));
  });
});

describe('workbook data crossing google.script.run', () => {
  it('carries a date as ISO text and brings it back as the same date', () => {
    const wb: WorkbookData = { sheets: [{ name: 'S', grid: [[utc(28, 3, 2024), 'x', 1, null, true]], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] }] };
    const portable = toPortable(wb);
    expect(portable.sheets[0].grid[0]).toEqual([{ date: '2024-03-28' }, 'x', 1, null, true]);
    expect(JSON.parse(JSON.stringify(portable))).toEqual(portable);
    expect(fromPortable(portable)).toEqual(wb);
  });
});

describe('details of forms and the merge', () => {
  it('names form files in ASCII after the unit, and takes the unit’s e-mail from the directory', () => {
    expect(fileSlug('Phòng Tổ chức cán bộ')).toBe('phong-to-chuc-can-bo');
    expect(fileSlug('— ; —')).toBe('don-vi');
    const settings: CellValue[][] = [['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC'], ['Danh mục đơn vị', 'Tên gọi khác', 'E-mail đầu mối'], ['Thanh tra Sở', '', 'thanhtra@syt.gov.vn'], ['Văn phòng Sở', 'VP', '']];
    const { forms } = formsFor({ sheets: [...office(PLAN).sheets, { name: 'CCHC - Cài đặt', grid: settings }] }, TODAY, 'ke-hoach.xlsx');
    expect(forms.map((f) => [f.unit, f.fileName, f.email])).toEqual([
      ['Thanh tra Sở', 'phieu-cap-nhat-thanh-tra-so.xlsx', 'thanhtra@syt.gov.vn'],
      ['Văn phòng Sở', 'phieu-cap-nhat-van-phong-so.xlsx', null],
    ]);
  });

  it('heads a form with its title, unit, origin and what to fill, and remembers the facts it was sent with', () => {
    const form = formsFor(office(PLAN), TODAY, 'ke-hoach.xlsx', { unitName: 'Sở Y tế tỉnh Đồng Nai' }).forms[0];
    expect(formGrid(form).slice(0, 5)).toEqual([
      ['PHIẾU CẬP NHẬT TÌNH HÌNH THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH'],
      ['Đơn vị: Thanh tra Sở'],
      ['Gửi ngày 10/07/2024 (từ "ke-hoach.xlsx", trang "Phụ lục"). Gửi lại tệp này cho Sở Y tế tỉnh Đồng Nai.'],
      ['Xin điền các cột "Tiến độ", "Ngày hoàn thành", "Kết quả thực hiện", "Khó khăn, vướng mắc", "Đề xuất" (ô nền vàng); các cột khác đã khóa. Không thêm, xóa hay đổi mã nhiệm vụ.'],
      ['Mã nhiệm vụ', 'TT', 'Mục', 'Nội dung nhiệm vụ', 'Thời gian hoàn thành', 'Đơn vị phối hợp', 'Tiến độ', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Khó khăn, vướng mắc', 'Đề xuất'],
    ]);
    expect(formMetaGrid(form).slice(0, 6)).toEqual([
      ['cchc-phieu-cap-nhat', 1],
      ['unit', 'Thanh tra Sở'],
      ['sentOn', '2024-07-10'],
      ['file', 'ke-hoach.xlsx'],
      ['sheet', 'Phụ lục'],
      ['key', 'row', 'content', 'status', 'doneDate', 'result', 'difficulty', 'proposal'],
    ]);
  });

  it('reads a returned form by its headers: a column the unit moved, a content it cleared, a blank row', () => {
    const wb = returnedForm(office(PLAN), 'Văn phòng Sở', (g) => {
      const row = at(g, 'Kiểm tra công tác CCHC tại các đơn vị');
      g[row][RESULT] = 'Đã kiểm tra';
      g[row][3] = null;
      // The unit swapped the result and proposal columns, headers and all, and left a blank row.
      for (const line of g.slice(4)) [line[RESULT], line[10]] = [line[10] ?? null, line[RESULT] ?? null];
      g.push([]);
    });
    const back = readReturnedForm(wb)!;
    expect(back.unit).toBe('Văn phòng Sở');
    expect(back.sentOn).toBe('2024-07-10');
    expect(back.answers.map((a) => [a.row, a.content, a.values.result, a.values.proposal])).toEqual([
      [6, 'Kiểm tra công tác CCHC tại các đơn vị', 'Đã kiểm tra', ''],
      [7, 'Khảo sát sự hài lòng của người dân', '', ''],
    ]);
    expect(readReturnedForm(office(PLAN))).toBeNull();
  });

  it('lists no blank row a unit added, and shows values as a person reads them', () => {
    const back = returnedForm(office(PLAN), 'Văn phòng Sở', (g) => g.push(['', '', '', 'Dòng thêm để trống']));
    expect(mergeFor(office(PLAN), TODAY, [{ file: 'vp.xlsx', workbook: back }]).unmatched).toEqual([]);
    expect([describeValue(null), describeValue(''), describeValue('2024-03-28'), describeValue('x'.repeat(61)), describeValue('y'.repeat(60))]).toEqual([
      '(trống)',
      '(trống)',
      '28/03/2024',
      `${'x'.repeat(57)}…`,
      'y'.repeat(60),
    ]);
  });

  it('prefers the unit’s own task when a reworded answer is as close to two tasks', () => {
    const twins = office([
      [1, 'Kiểm tra công tác văn thư tại đơn vị A', 'Thanh tra Sở', 'Quý III/2024', null, null, null],
      [2, 'Kiểm tra công tác văn thư tại đơn vị B', 'Văn phòng Sở', 'Quý III/2024', null, null, null],
    ]);
    const back: WorkbookData = {
      sheets: [
        { name: FORM_SHEET, grid: [[], [], [], [], ['Mã nhiệm vụ', 'TT', 'Mục', 'Nội dung nhiệm vụ', 'Thời gian hoàn thành', 'Đơn vị phối hợp', 'Tiến độ'], ['NV-CU', '2', '', 'Kiểm tra công tác văn thư tại đơn vị C', '', '', 'Đang thực hiện']] },
        { name: FORM_META_SHEET, grid: [['cchc-phieu-cap-nhat', 1], ['unit', 'Văn phòng Sở'], ['key', 'row', 'content']] },
      ],
    };
    expect(mergeFor(twins, TODAY, [{ file: 'vp.xlsx', workbook: back }]).applied.map((a) => [a.row, a.value])).toEqual([[3, 'Đang thực hiện']]);
  });
});
