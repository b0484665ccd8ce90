import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppendixNotFoundError, readAppendix, type Appendix } from '../src/core/reading/appendix';
import { buildExampleWorkbook } from '../src/cli/example';
import type { WorkbookData } from '../src/core/types';
import { buildSeed002, buildSheets, tempDir, utc, readWorkbook } from './fixtures/workbooks';

const dir = tempDir();
async function load(path: string): Promise<WorkbookData> {
  return readWorkbook(path);
}

/** Seed 002's appendix as printed: TT, time frame, due dates, lead units (directory names). */
const SEED002: [string, string, string[], string[]][] = [
  ['1.1', 'continuous', [], ['Văn phòng Sở']],
  ['1.2', 'continuous', [], ['Thanh tra Sở']],
  ['1.3', 'recurring', [], ['Phòng Nghiệp vụ Y dược']],
  ['2.1', 'continuous', [], ['Các phòng chức năng theo chức năng, nhiệm vụ tham mưu triển khai thực hiện']],
  ['2.2', 'event', [], ['Thanh tra Sở']],
  ['2.3', 'event', [], ['Phòng Nghiệp vụ Y dược', 'Phòng Kế hoạch - Tài chính']],
  ['3.1', 'event', [], ['Lãnh đạo các phòng chức năng', 'Thủ trưởng các đơn vị trực thuộc']],
  ['3.2', 'quarter', ['2020-03-31', '2020-09-30'], ['Lãnh đạo các phòng chức năng', 'Thủ trưởng các đơn vị trực thuộc']],
  ['3.3', 'recurring', [], ['Lãnh đạo các phòng chức năng', 'Thủ trưởng các đơn vị trực thuộc']],
  ['3.4', 'quarter', ['2020-06-30'], ['Công đoàn ngành Y tế']],
  ['3.5', 'quarter', ['2020-03-31'], ['Văn phòng Sở']],
  ['4.1', 'continuous', [], ['Văn phòng Sở']],
  ['4.2', 'quarter', ['2020-03-31'], ['Phòng Kế hoạch - Tài chính']],
  ['4.3', 'recurring', ['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31'], ['Thanh tra Sở']],
  ['4.4', 'month', ['2020-11-30', '2020-12-31'], ['Thanh tra Sở']],
  ['4.5', 'continuous', [], ['Văn phòng Sở', 'Phòng Kế hoạch - Tài chính']],
  ['4.6', 'recurring', ['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31'], ['Phòng Tổ chức cán bộ']],
  ['4.7', 'continuous', [], ['Phòng Tổ chức cán bộ']],
  ['5.1', 'continuous', [], ['Lãnh đạo Sở', 'Thủ trưởng các đơn vị trực thuộc']],
  ['5.2', 'continuous', [], ['Các phòng chức năng', 'các đơn vị trực thuộc liên quan']],
  ['5.3', 'continuous', [], ['Văn phòng Sở']],
  ['5.4', 'continuous', [], ['Văn phòng Sở']],
  ['5.5', 'continuous', [], ['Thanh tra Sở']],
  ['5.6', 'continuous', [], ['Văn phòng Sở']],
  ['6.1', 'continuous', [], ['Phòng Nghiệp vụ Y dược']],
  ['6.2', 'continuous', [], ['Phòng Nghiệp vụ Y dược', 'Phòng Kế hoạch - Tài chính']],
  ['6.3', 'continuous', [], ['Phòng Nghiệp vụ Y dược', 'Phòng Kế hoạch - Tài chính']],
  ['6.4', 'continuous', [], ['Phòng Tổ chức cán bộ']],
];

describe('reading seed 002 (Đắk Nông PAPI plan 2020) from .xlsx', () => {
  let appendix: Appendix;
  let book: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    const file = join(dir, 'seed002.xlsx');
    await buildSeed002(file);
    book = await load(file);
  });
  // Read before each test: Stryker attributes code run in a beforeAll to no test (see README, Mutation testing).
  beforeEach(() => {
    appendix = readAppendix(book);
  });

  it('finds exactly its 28 tasks in order, with six sections', () => {
    expect(appendix.tasks.map((t) => t.tt)).toEqual(SEED002.map((s) => s[0]));
    expect(appendix.sections.map((s) => s.tt)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
  });

  it('takes the plan year 2020 from the title', () => {
    expect(appendix).toMatchObject({ planYear: 2020, planYearSource: 'title', sheet: 'Phụ lục' });
  });

  it.each(SEED002)('reads task %s as %s with due dates %j and lead units %j', (tt, kind, dueDates, owners) => {
    const task = appendix.tasks.find((t) => t.tt === tt)!;
    expect(task.deadline.kind).toBe(kind);
    if (kind !== 'recurring' || dueDates.length) expect(task.deadline.dueDates).toEqual(dueDates);
    expect(task.owners.map((o) => o.name)).toEqual(owners);
  });

  it('joins the five tasks split over a page break, skipping the repeated header between the parts', () => {
    const split = appendix.tasks.filter((t) => t.rows.length > 1).map((t) => t.tt);
    expect(split).toEqual(['2.1', '3.2', '4.6', '5.4', '6.3']);
    const t21 = appendix.tasks.find((t) => t.tt === '2.1')!;
    expect(t21.content).toBe(
      'Công khai, minh bạch đầy đủ, đúng quy định các Đề án, chương trình, kế hoạch liên quan đến quy hoạch phát triển ngành, các lĩnh vực chuyên môn, công tác cán bộ; dự toán, quyết toán; các loại phí, lệ phí; các chế độ, chính sách liên quan đến quyền lợi, nghĩa vụ của CBCC, VC và người lao động, nhân dân, doanh nghiệp.',
    );
    expect(t21.leadText).toBe('Các phòng chức năng theo chức năng, nhiệm vụ tham mưu triển khai thực hiện.');
    const t32 = appendix.tasks.find((t) => t.tt === '3.2')!;
    expect(t32.deadline.text).toBe('Quý I/2020\nQuý III/2020');
    expect(t32.leadText).toBe('Lãnh đạo các phòng chức năng; Thủ trưởng các đơn vị trực thuộc.');
  });

  it('resolves the "Y được" misspelling and keeps each task’s section', () => {
    const t13 = appendix.tasks.find((t) => t.tt === '1.3')!;
    expect(t13.owners[0]).toMatchObject({ written: 'Phòng Nghiệp vụ Y được', name: 'Phòng Nghiệp vụ Y dược', known: true });
    expect(t13.section).toBe('1. Đối với chỉ số nội dung 1: “Tham gia của người dân ở cấp cơ sở”');
    expect(appendix.tasks.find((t) => t.tt === '6.4')!.section).toMatch(/^6\. Chỉ số nội dung “Cung ứng dịch vụ công”/);
  });

  it('reports each task at the sheet row where it starts', () => {
    const rows = appendix.tasks.map((t) => t.row);
    expect(rows[0]).toBe(7);
    expect(new Set(rows).size).toBe(28);
    expect(appendix.headerRows).toEqual([5]);
  });
});

describe('reading other layouts', () => {
  it('reads a two-row header with merged "Đơn vị thực hiện", roman sections, restarting numbers and date cells', async () => {
    const file = join(dir, 'example.xlsx');
    await buildExampleWorkbook(file);
    const a = readAppendix(await load(file));
    expect(a.sheet).toBe('Phụ lục');
    expect(a.headerRows).toEqual([6, 7]);
    expect(a.columns).toMatchObject({ number: 0, task: 1, product: 2, lead: 3, coordinators: 4, timeframe: 5, status: 6, doneDate: 7, note: 8 });
    expect(a.tasks).toHaveLength(31);
    expect(a.sections.map((s) => s.tt)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    const kiemSoat = a.tasks.find((t) => t.content.startsWith('Xây dựng và triển khai Kế hoạch kiểm soát TTHC'))!;
    expect(kiemSoat).toMatchObject({ tt: '1', section: 'II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH, THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG', doneDate: '2024-01-26' });
    expect(kiemSoat.deadline).toMatchObject({ kind: 'date', due: '2024-01-31' });
    const truyenThong = a.tasks.find((t) => t.content.startsWith('Xây dựng Kế hoạch truyền thông'))!;
    expect(truyenThong.doneDate).toBe('2024-03-20');
  });

  const offsetRows = [
    ['KẾ HOẠCH HÀNH ĐỘNG NĂM 2025'.normalize('NFD')],
    [],
    ['STT', 'Nhiệm vụ cụ thể', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn hoàn thành', 'Tình trạng', 'Ngày hoàn thành thực tế', 'Người đứng đầu chịu trách nhiệm', 'Kết quả thực hiện'].map((s) =>
      s.normalize('NFD'),
    ),
    ['1', 'Rà soát quy trình nội bộ'.normalize('NFD'), 'Văn phòng Sở'.normalize('NFD'), 'TCCB', 'Quý I'.normalize('NFD'), 'Đã hoàn thành'.normalize('NFD'), utc(28, 3, 2025), 'Nguyễn Văn A', 'Quy trình được ban hành'],
    ['2', 'Số hóa hồ sơ'.normalize('NFD'), 'Phòng Kế hoạch\u00a0-\u00a0Tài chính', '', utc(30, 6, 2025), 'Đang thực hiện'.normalize('NFD'), null, 'Trần Thị B', 'Hồ sơ được số hóa'],
  ];

  it('finds an NFD table that starts at C10 on the third sheet, and never takes the responsible person for the lead unit', async () => {
    const file = join(dir, 'offset.xlsx');
    await buildSheets(file, [
      { name: 'Hướng dẫn', rows: [['Sổ theo dõi'], ['Nội dung', 'Ghi chú']] },
      { name: 'Danh mục', rows: [['Đơn vị', 'Viết tắt'], ['Văn phòng Sở', 'VP']] },
      { name: 'Sheet3', origin: { row: 10, col: 3 }, rows: offsetRows },
    ]);
    const a = readAppendix(await load(file));
    expect(a.sheet).toBe('Sheet3');
    expect(a.headerRows).toEqual([12]);
    expect(a.planYear).toBe(2025);
    expect(a.columns).toMatchObject({ number: 2, task: 3, lead: 4, coordinators: 5, timeframe: 6, status: 7, doneDate: 8, person: 9, result: 10 });
    expect(a.tasks.map((t) => [t.row, t.content, t.owners[0].name, t.deadline.due, t.status.status, t.doneDate])).toEqual([
      [13, 'Rà soát quy trình nội bộ', 'Văn phòng Sở', '2025-03-31', 'done', '2025-03-28'],
      [14, 'Số hóa hồ sơ', 'Phòng Kế hoạch - Tài chính', '2025-06-30', 'in_progress', null],
    ]);
  });

  it('gives every task under a vertically merged lead cell that lead unit', async () => {
    const file = join(dir, 'merged-lead.xlsx');
    await buildSheets(file, [
      {
        name: 'KH',
        rows: [
          ['TT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian thực hiện'],
          [1, 'Việc một', 'Thanh tra Sở', 'Quý I/2024'],
          [2, 'Việc hai', null, 'Quý II/2024'],
          [3, 'Việc ba', null, 'Quý III/2024'],
        ],
        merges: [[2, 3, 4, 3]],
      },
    ]);
    const a = readAppendix(await load(file), { planYear: 2024 });
    expect(a.tasks.map((t) => t.owners.map((o) => o.name))).toEqual([['Thanh tra Sở'], ['Thanh tra Sở'], ['Thanh tra Sở']]);
    expect(a.tasks.map((t) => t.tt)).toEqual(['1', '2', '3']);
  });

  it('reads numbers written as numeric cells (1.1 as a number) and a heading merged across the row as a section', async () => {
    const file = join(dir, 'numeric.xlsx');
    await buildSheets(file, [
      {
        name: 'PL',
        rows: [
          ['STT', 'Nội dung công việc', 'Phòng chủ trì', 'Thời hạn'],
          ['A. NHIỆM VỤ TRỌNG TÂM'],
          [1.1, 'Việc một', 'VP Sở', 'Tháng 3/2024'],
          [1.2, 'Việc hai', 'KHTC', 'Tháng 4/2024'],
        ],
        merges: [[2, 1, 2, 4]],
      },
    ]);
    const a = readAppendix(await load(file), { planYear: 2024 });
    expect(a.sections.map((s) => s.title)).toEqual(['A. NHIỆM VỤ TRỌNG TÂM']);
    expect(a.tasks.map((t) => [t.tt, t.section, t.owners[0].name])).toEqual([
      ['1.1', 'A. NHIỆM VỤ TRỌNG TÂM', 'Văn phòng Sở'],
      ['1.2', 'A. NHIỆM VỤ TRỌNG TÂM', 'Phòng Kế hoạch - Tài chính'],
    ]);
  });

  it('picks the fuller of two candidate tables and honours an explicit sheet choice', async () => {
    const file = join(dir, 'two.xlsx');
    const header = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện'];
    await buildSheets(file, [
      { name: 'Nháp', rows: [header, [1, 'Việc nháp', 'VP Sở', 'Quý I/2024']] },
      { name: 'Chính thức', rows: [[...header, 'Tiến độ'], [1, 'Việc một', 'VP Sở', 'Quý I/2024', 'Đang thực hiện'], [2, 'Việc hai', 'KHTC', 'Quý II/2024', '']] },
    ]);
    const wb = await load(file);
    expect(readAppendix(wb).sheet).toBe('Chính thức');
    expect(readAppendix(wb, { sheet: 'Nháp' }).tasks).toHaveLength(1);
    expect(() => readAppendix(wb, { sheet: 'Không có' })).toThrow(/Không có trang tính tên "Không có".*"Nháp", "Chính thức"/);
  });

  it('says in Vietnamese which headers it looked for and in which sheets when there is no appendix', async () => {
    const file = join(dir, 'none.xlsx');
    await buildSheets(file, [
      { name: 'Chi phí', rows: [['Khoản mục', 'Số tiền'], ['Văn phòng phẩm', 1000]] },
      { name: 'Danh bạ', rows: [['Họ tên', 'Điện thoại']] },
    ]);
    const wb = await load(file);
    expect(() => readAppendix(wb)).toThrow(AppendixNotFoundError);
    expect(() => readAppendix(wb)).toThrow(/Thời gian thực hiện.*Đơn vị chủ trì.*"Chi phí", "Danh bạ"/s);
  });

  it('infers the plan year from the deadlines when the title has none', async () => {
    const file = join(dir, 'noyear.xlsx');
    await buildSheets(file, [
      { name: 'PL', rows: [['TT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian thực hiện'], [1, 'Việc một', 'VP Sở', 'Quý I/2023'], [2, 'Việc hai', 'VP Sở', 'Tháng 5/2023'], [3, 'Việc ba', 'VP Sở', 'Quý III']] },
    ]);
    const a = readAppendix(await load(file));
    expect(a).toMatchObject({ planYear: 2023, planYearSource: 'deadlines' });
    expect(a.tasks[2].deadline.due).toBe('2023-09-30');
    expect(readAppendix(await load(file), { planYear: 2030 }).tasks[2].deadline.due).toBe('2030-09-30');
  });
});
