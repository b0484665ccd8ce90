/**
 * Units updating the shared spreadsheet (Google Sheets, in the Apps Script fake): each unit may edit only the
 * tracking cells of the tasks it leads (protections from the directory's e-mails), the rest is the Office's; edits
 * leave a date per task; the per-unit view says who updated when.
 */
import { describe, expect, it } from 'vitest';
import type { WorkbookData } from '../../src/core/types';
import { utc } from '../fixtures/sheets';
import { FAKE_USER, FakeSpreadsheet, loadCodeJs } from './fake';

const WORKBOOK: WorkbookData = {
  sheets: [
    {
      name: 'Phụ lục',
      grid: [
        ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành', 'Kết quả thực hiện'],
        [1, 'Việc A', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện', null, null],
        [2, 'Việc B', 'VP Sở', 'Quý II/2024', null, null, null],
        [3, 'Việc C', 'Thanh tra Sở', 'Quý II/2024', null, null, null],
        [4, 'Việc D', 'Văn phòng Sở, Thanh tra Sở', 'Quý III/2024', null, null, null],
        [5, 'Việc E', 'Phòng Tổ chức cán bộ', 'Quý III/2024', 'Chưa thực hiện', null, null],
      ],
    },
    {
      name: 'CCHC - Cài đặt',
      grid: [
        ['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC'],
        ['Ngày tính số liệu', utc(10, 4, 2024)],
        [],
        ['Danh mục đơn vị', 'Tên gọi khác', 'E-mail đầu mối'],
        ['Văn phòng Sở', 'VP Sở', 'vp@syt.example.gov.vn'],
        ['Thanh tra Sở', '', 'tt@syt.example.gov.vn'],
        ['Phòng Tổ chức cán bộ', 'TCCB', ''],
      ],
    },
  ],
};

const blocksOf = (ss: FakeSpreadsheet, unit: string) =>
  ss.sheets[0].protections.filter((p) => p.description === `CCHC: ${unit}`).map((p) => [p.range!.row, p.range!.col, p.range!.rows, p.range!.cols, p.editors]);

describe('giving units access to their own cells', () => {
  it('opens to each unit only the tracking cells of its tasks, joint tasks to both, and keeps the rest for the Office', () => {
    const ss = FakeSpreadsheet.from(WORKBOOK);
    const { gas, ui } = loadCodeJs(ss);
    gas.menuUnitAccess();
    // Tracking columns E:G (5–7); the Office of the Department leads rows 2, 3 and 5, the Inspectorate rows 4 and 5.
    expect(blocksOf(ss, 'Văn phòng Sở')).toEqual([
      [2, 5, 2, 3, [FAKE_USER, 'vp@syt.example.gov.vn']],
      [5, 5, 1, 3, [FAKE_USER, 'vp@syt.example.gov.vn']],
    ]);
    expect(blocksOf(ss, 'Thanh tra Sở')).toEqual([[4, 5, 2, 3, [FAKE_USER, 'tt@syt.example.gov.vn']]]);
    const sheetLock = ss.sheets[0].protections.find((p) => p.type === 'SHEET')!;
    expect([sheetLock.editors, sheetLock.domainEdit, sheetLock.unprotected.length]).toEqual([[FAKE_USER], false, 3]);
    expect(ui.alerts[0]).toContain('Chưa có e-mail đầu mối (trang "CCHC - Cài đặt"), nên chưa được sửa: Phòng Tổ chức cán bộ.');
    expect(ui.alerts[0]).toContain('Phụ lục chưa có cột: Khó khăn, vướng mắc, Đề xuất.');
  });

  it('replaces its own protections on a second run and leaves anyone else’s alone', () => {
    const ss = FakeSpreadsheet.from(WORKBOOK);
    ss.sheets[0].getRange(1, 1, 1, 7).protect().setDescription('Khóa dòng tiêu đề');
    loadCodeJs(ss).gas.menuUnitAccess();
    loadCodeJs(ss).gas.menuUnitAccess();
    expect(ss.sheets[0].protections.map((p) => p.description).sort()).toEqual([
      'CCHC: Thanh tra Sở',
      'CCHC: Văn phòng Sở',
      'CCHC: Văn phòng Sở',
      'CCHC: phụ lục, chỉ Văn phòng sửa; mỗi đơn vị sửa các ô theo dõi của mình',
      'Khóa dòng tiêu đề',
    ]);
  });

  it('asks for the tracking columns first when the appendix has none', () => {
    const bare: WorkbookData = { sheets: [{ name: 'Phụ lục', grid: WORKBOOK.sheets[0].grid.map((r) => r.slice(0, 4)) }, WORKBOOK.sheets[1]] };
    const ss = FakeSpreadsheet.from(bare);
    const { gas, ui } = loadCodeJs(ss);
    gas.menuUnitAccess();
    expect(ui.alerts).toEqual(['Phụ lục chưa có cột theo dõi nào (Tiến độ, Ngày hoàn thành, …): chọn "Thêm cột theo dõi tiến độ" trước.']);
    expect(ss.sheets[0].protections).toEqual([]);
  });
});

describe('who updated when', () => {
  it('dates a task when its tracking cells are edited, ignores other edits, and lists the units not updated first', () => {
    const ss = FakeSpreadsheet.from(WORKBOOK);
    const props = new Map<string, string>();
    const at = (day: number) => new Date(Date.UTC(2024, 3, day, 3));
    loadCodeJs(ss, { props, now: at(10) }).gas.menuUnitAccess();
    const sheet = ss.sheets[0];
    const edit = (day: number, range: unknown) => loadCodeJs(ss, { props, now: at(day) }).gas.onEdit({ range, source: ss });
    // 11/04: Việc B's status (E3); a content cell (B4) and a cell of the settings sheet: no stamp.
    edit(11, sheet.getRange(3, 5));
    edit(11, sheet.getRange(4, 2));
    edit(11, ss.sheets[1].getRange(5, 5));
    // 12/04: a paste over Việc C and D's results (G4:G5): both dated, Việc D for both its units.
    edit(12, sheet.getRange(4, 7, 2, 1));
    const view = loadCodeJs(ss, { props, now: at(12) });
    view.gas.menuUnitUpdates();
    expect(view.ui.alerts[0].split('\n')).toEqual([
      'Phòng Tổ chức cán bộ: chưa cập nhật — 1/1 nhiệm vụ có tiến độ',
      'Thanh tra Sở: cập nhật lần cuối 12/04/2024 — 0/2 nhiệm vụ có tiến độ',
      'Văn phòng Sở: cập nhật lần cuối 12/04/2024 — 1/3 nhiệm vụ có tiến độ',
    ]);
  });

  it('says the dates start only once units are given access', () => {
    const ss = FakeSpreadsheet.from(WORKBOOK);
    const { gas, ui } = loadCodeJs(ss);
    gas.onEdit({ range: ss.sheets[0].getRange(3, 5), source: ss });
    gas.menuUnitUpdates();
    expect(ui.alerts[0]).toContain('(Chưa theo dõi ngày cập nhật: chọn "Phân quyền cho các đơn vị tự cập nhật" để bắt đầu.)');
    expect(ui.alerts[0]).toContain('Văn phòng Sở: chưa cập nhật');
  });
});
