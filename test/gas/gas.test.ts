import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAppendix } from '../../src/core/reading/appendix';
import { callCatalogue } from '../../src/core/functions/catalogue';
import { formatViDate } from '../../src/core/dates';
import type { WorkbookData } from '../../src/core/types';
import { buildHostFixtures, cchcJson, FORMULA_LEAD_APPENDIX, FORMULA_TEXT, syntheticAppendix, type FixtureName } from '../fixtures/hosts';
import { tempDir } from '../fixtures/workbooks';
import { FakeSpreadsheet, isoIn, loadCodeJs, midnightIn } from './fake';

const TZ = 'Asia/Ho_Chi_Minh';
const dir = tempDir();
const today = isoIn(new Date(), TZ);
let files: Record<FixtureName, string>;
let data: Record<FixtureName, WorkbookData>;

function plain(value: unknown): unknown {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return formatViDate(isoIn(value as Date, TZ));
  return value;
}

beforeAll(async () => {
  ({ files, data } = await buildHostFixtures(dir));
});

describe('the Apps Script bundle', () => {
  it('loads in a context without require, module, process or setTimeout, and onOpen builds the CCHC add-on menu', () => {
    const { gas, ui } = loadCodeJs(FakeSpreadsheet.from(data.seed));
    for (const name of ['require', 'module', 'process', 'setTimeout']) expect(name in (gas as object)).toBe(false);
    gas.onOpen();
    expect(ui.menu?.items).toEqual([
      ['Mở bảng điều khiển', 'showSidebar'],
      ['Kiểm tra phụ lục', 'menuCheck'],
      ['Tạo báo cáo định kỳ…', 'menuReport'],
      '---',
      ['Thêm cột theo dõi tiến độ', 'menuAddTrackingColumns'],
      ['Phân quyền cho các đơn vị tự cập nhật', 'menuUnitAccess'],
      ['Tình hình cập nhật của các đơn vị', 'menuUnitUpdates'],
      ['Bật nhắc hạn hằng ngày qua e-mail', 'menuRemindersOn'],
      ['Tắt nhắc hạn hằng ngày', 'menuRemindersOff'],
      ['Cài đặt', 'menuSettings'],
    ]);
    for (const [, fn] of ui.menu!.items.filter((i): i is [string, string] => Array.isArray(i))) expect(typeof gas[fn]).toBe('function');
    gas.showSidebar();
    expect(ui.sidebars).toEqual(['Sidebar']);
  });

  it.each(['seed', 'example', 'outcomes'] as const)('finds the same problems in the %s fixture as cchc check', (key) => {
    const { gas } = loadCodeJs(FakeSpreadsheet.from(data[key]));
    const view = gas.panelCheck() as { sheet: string; tasks: number; findings: Record<string, unknown>[] };
    const cli = cchcJson(today, 'check', files[key]);
    expect(view.sheet).toBe(cli.sheet);
    expect(view.tasks).toBe(cli.tasks.length);
    const pick = (f: Record<string, unknown>) => ({ row: f.row, column: f.column, code: f.code, severity: f.severity, message: f.message });
    expect(view.findings.map(pick)).toEqual(cli.findings.map(pick));
    expect(view.findings.length).toBeGreaterThan(0);
  });

  it('writes the report tab with the same figures as cchc report, leaving every other sheet as it was', async () => {
    const ss = FakeSpreadsheet.from(data.outcomes);
    const before = ss.sheets.map((s) => [s.name, s.dump()]);
    const { gas, lock } = loadCodeJs(ss);
    const done = gas.panelReport('Q1/2024', 'calendar') as { tab: string; rates: unknown; totals: unknown; url: string };
    const out = join(dir, 'cli-report.xlsx');
    const cli = cchcJson(today, 'report', files.outcomes, '--period', 'Q1/2024', '--out', out);
    expect(done.tab).toBe('Báo cáo Quý I-2024');
    expect(done.url).toMatch(/#gid=\d+$/);
    expect(done.rates).toEqual(cli.rates);
    expect(done.totals).toEqual(cli.totals);
    expect(lock.acquired).toBe(1);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Phụ lục', 'Báo cáo Quý I-2024']);
    for (const [name, values] of before) expect(ss.sheets.find((s) => s.name === name)!.dump()).toEqual(values);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cliValues: unknown[][] = [];
    wb.getWorksheet('Báo cáo Quý I-2024')!.eachRow({ includeEmpty: true }, (row, n) => {
      cliValues[n - 1] = Array.from({ length: 9 }, (_, c) => {
        const cell = row.getCell(c + 1);
        if (cell.isMerged && cell.master !== cell) return '';
        const v = cell.value;
        return v instanceof Date ? formatViDate(v.toISOString().slice(0, 10)) : (v ?? '');
      });
    });
    const tab = ss.sheets.find((s) => s.name === 'Báo cáo Quý I-2024')!;
    expect(tab.dump().map((r) => r.map(plain))).toEqual(cliValues);
  });

  it('writes task text that looks like a formula as text', () => {
    const ss = FakeSpreadsheet.from(data.outcomes);
    const { gas } = loadCodeJs(ss);
    gas.panelReport('Q1/2024', 'calendar');
    const tab = ss.sheets.find((s) => s.name === 'Báo cáo Quý I-2024')!;
    expect(tab.formulas).toEqual([]);
    expect(tab.dump().flat()).toContain('1. =HYPERLINK("http://x.invalid","bấm")');
  });

  it('replaces its own tab on a second run and leaves a user sheet of the same name alone', () => {
    const ss = FakeSpreadsheet.from(data.outcomes);
    const { gas } = loadCodeJs(ss);
    gas.panelReport('Q1/2024', 'calendar');
    gas.panelReport('Q1/2024', 'calendar');
    expect(ss.sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Phụ lục', 'Báo cáo Quý I-2024']);

    const user = FakeSpreadsheet.from({ sheets: [...data.outcomes.sheets, { name: 'Báo cáo Quý I-2024', grid: [['Báo cáo tự làm'], ['Số liệu', 42]] }] });
    const other = loadCodeJs(user).gas;
    expect((other.panelReport('Q1/2024', 'calendar') as { tab: string }).tab).toBe('Báo cáo Quý I-2024 (2)');
    expect(user.sheets.find((s) => s.name === 'Báo cáo Quý I-2024')!.dump()).toEqual([['Báo cáo tự làm', ''], ['Số liệu', 42]]);
  });

  it('says in Vietnamese which access is missing when the user granted only some scopes, and asks for the manifest\'s scopes from the menu', () => {
    const ss = FakeSpreadsheet.from(data.outcomes);
    const partial = loadCodeJs(ss, { scopesGranted: false });
    expect(() => partial.gas.panelCheck()).toThrow(
      'Tiện ích chưa được cấp đủ quyền: cần quyền xem và sửa bảng tính đang mở (để đọc phụ lục và ghi trang báo cáo) và quyền hiển thị bảng điều khiển, hộp thoại trong Google Trang tính. Mở liên kết sau để cấp quyền rồi thử lại: https://script.google.com/macros/auth?x=1',
    );
    expect(() => partial.gas.panelReport('Q1/2024', 'calendar')).toThrow(/chưa được cấp đủ quyền/);
    expect(ss.sheets).toHaveLength(2);
    // The menu leaves it to Apps Script's consent prompt, asking for the manifest's scopes but the two only the daily
    // reminder needs (asked when it is turned on: test/gas/reminders.test.ts).
    expect(() => partial.gas.menuCheck()).toThrow('Authorization is required to perform that action.');
    const manifest = JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8'));
    const reminderOnly = ['https://www.googleapis.com/auth/script.scriptapp', 'https://www.googleapis.com/auth/script.send_mail'];
    expect(partial.required).toEqual([manifest.oauthScopes.filter((s: string) => !reminderOnly.includes(s))]);
    const granted = loadCodeJs(ss);
    expect(() => granted.gas.panelCheck()).not.toThrow();
  });

  it('refuses to write while another person holds the document lock, with a Vietnamese message', () => {
    const ss = FakeSpreadsheet.from(data.outcomes);
    const { gas } = loadCodeJs(ss, { lockBusy: true });
    expect(() => gas.panelReport('Q1/2024', 'calendar')).toThrow(/Một người khác đang tạo báo cáo/);
    expect(ss.sheets).toHaveLength(2);
  });

  it('makes the same number of host calls for a 20-row and a 5,000-row appendix', () => {
    const counts = [20, 5000].map((n) => {
      const ss = FakeSpreadsheet.from(syntheticAppendix(n));
      const { gas } = loadCodeJs(ss);
      ss.calls.reset();
      gas.panelCheck();
      gas.panelReport('Q1/2024', 'calendar');
      gas.panelHighlight(true);
      gas.panelHighlight(false);
      return { ...ss.calls.counts };
    });
    for (const name of ['getValues', 'setValues', 'getRange', 'getDataRange']) expect(counts[1][name] ?? 0).toBe(counts[0][name] ?? 0);
    expect(counts[0].getValues).toBeGreaterThan(0);
    expect(counts[0].setValues).toBe(1);
  });

  it('gives the catalogue’s results for custom functions called with 2-D ranges and Date values', () => {
    const ss = FakeSpreadsheet.from(data.outcomes);
    const { gas } = loadCodeJs(ss);
    const cf = gas.__cchc.customFunctions;
    const ctx = { asOf: today, appendix: () => readAppendix(data.outcomes, { asOf: today }) };
    const range = data.outcomes.sheets[1].grid.slice(2);
    const sheetsRange = range.map((row) => row.map((v) => (v instanceof Date ? midnightIn(v.toISOString().slice(0, 10), TZ) : (v ?? ''))));
    expect(cf.CCHC_ONTIME('Q1/2024', '', sheetsRange)).toBe(callCatalogue('CCHC_ONTIME', ['Q1/2024', null, range], ctx));
    expect(cf.CCHC_DONE('Q1/2024')).toBe(callCatalogue('CCHC_DONE', ['Q1/2024'], ctx));
    expect(cf.CCHC_OVERDUE('Q1/2024', 'TCCB')).toBe(1);
    // Nothing falls due in a period of another year: no rate, shown as an empty cell (as in Excel).
    expect(cf.CCHC_ONTIME('Q1/2031')).toBe('');
    const status = cf.CCHC_STATUS(
      [['Quý I/2024'], ['15/02/2024'], ['Thường xuyên']],
      [['Hoàn thành'], ['Hoàn thành'], ['Đang thực hiện']],
      [[midnightIn('2024-03-20', TZ)], [midnightIn('2024-03-01', TZ)], ['']],
    );
    expect(status).toEqual([['Đúng hạn'], ['Trễ hạn'], ['Thường xuyên']]);
    expect(cf.CCHC_TARGET([[0.99], [0.5]], 0.98)).toEqual([['Đạt'], ['Không đạt']]);
  });

  it('reads a date cell 31/03/2024 in an Asia/Ho_Chi_Minh spreadsheet as 31/03/2024 whatever the script’s time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = zone;
        const ss = FakeSpreadsheet.from(data.outcomes, TZ);
        const { gas } = loadCodeJs(ss);
        const cell = midnightIn('2024-03-31', TZ);
        const due = gas.__cchc.customFunctions.CCHC_DUE([[cell], ['Quý II/2024']], 2024) as Date[][];
        expect(due.map((r) => isoIn(r[0], TZ))).toEqual(['2024-03-31', '2024-06-30']);
        expect(gas.__cchc.customFunctions.CCHC_STATUS('31/03/2024', 'Hoàn thành', cell)).toBe('Đúng hạn');
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it('shows custom-function errors as Vietnamese messages, not stack traces', () => {
    const { gas } = loadCodeJs(FakeSpreadsheet.from(data.outcomes));
    expect(() => gas.__cchc.customFunctions.CCHC_ONTIME('quý năm')).toThrow(/^Không hiểu kỳ "quý năm"/);
    expect(() => gas.__cchc.customFunctions.CCHC_DUE('sớm')).toThrow(/^Không đọc được thời hạn "sớm"/);
    const empty = loadCodeJs(FakeSpreadsheet.from({ sheets: [{ name: 'Trang tính1', grid: [['Họ tên']] }] })).gas;
    expect(() => empty.panelCheck()).toThrow(/^Không tìm thấy bảng phụ lục/);
  });

  it('highlights problem cells and gives back each cell’s own colour when cleared', () => {
    const ss = FakeSpreadsheet.from(data.outcomes);
    const sheet = ss.sheets[1];
    sheet.backgrounds.set('9:6', '#00ff00'); // the user's own colour on the overdue task's status cell
    const { gas } = loadCodeJs(ss);
    const { count } = gas.panelHighlight(true) as { count: number };
    expect(count).toBeGreaterThan(0);
    expect(sheet.backgrounds.get('9:6')).toBe('#f8d7da');
    gas.panelHighlight(false);
    expect(sheet.backgrounds.get('9:6')).toBe('#00ff00');
    expect([...sheet.backgrounds.values()].filter((c) => c !== '#ffffff' && c !== '#00ff00')).toEqual([]);
  });

  it('selects the cell of a finding', () => {
    const ss = FakeSpreadsheet.from(data.outcomes);
    const { gas } = loadCodeJs(ss);
    gas.panelSelect({ sheet: 'Phụ lục', row: 9, column: 'F' } as never);
    expect(ss.active).toEqual({ sheet: 'Phụ lục', row: 9, col: 6 });
  });

  it('adds Tiến độ, Ngày hoàn thành and the columns units write back into after the last column, never moving or overwriting existing ones', () => {
    const ss = FakeSpreadsheet.from(data.seed);
    const sheet = ss.sheets[0];
    const before = sheet.dump();
    const { gas } = loadCodeJs(ss);
    const added = ['Tiến độ', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Khó khăn, vướng mắc', 'Đề xuất'];
    expect(gas.panelAddTrackingColumns()).toEqual(added);
    const after = sheet.dump();
    before.forEach((row, r) => row.forEach((v, c) => expect(after[r][c]).toEqual(v)));
    expect(after[4].slice(5, 10)).toEqual(added);
    expect(sheet.validations.map((v) => [v.col, v.row, v.rule.kind])).toEqual([
      [6, 6, 'list'],
      [7, 6, 'date'],
    ]);
    expect(sheet.validations[0].rule.values).toEqual(['Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Không thực hiện']);
    expect(gas.panelAddTrackingColumns()).toEqual([]);
  });

  it('creates a readable settings sheet whose edits change the reports', () => {
    const ss = FakeSpreadsheet.from(data.outcomes);
    const { gas } = loadCodeJs(ss);
    expect(gas.panelOpenSettings()).toEqual({ sheet: 'CCHC - Cài đặt' });
    const settings = ss.sheets.find((s) => s.name === 'CCHC - Cài đặt')!;
    const grid = settings.dump();
    const cutoffRow = grid.findIndex((r) => r[0] === 'Cách tính kỳ báo cáo') + 1;
    settings.values.set(`${cutoffRow}:2`, 'NĐ 09/2019 (từ ngày 15 đến ngày 14)');
    const unitRow = grid.findIndex((r) => r[0] === 'Tên đơn vị (tiêu đề báo cáo)') + 1;
    settings.values.set(`${unitRow}:2`, 'Sở Y tế tỉnh Đắk Nông');
    const done = gas.panelReport('Q1/2024') as { tab: string; totals: { due: number } };
    expect(done.totals.due).toBe(2);
    expect(ss.sheets.find((s) => s.name === done.tab)!.dump()[0][0]).toBe('SỞ Y TẾ TỈNH ĐẮK NÔNG');
    expect((gas.panelCheck() as { sheet: string }).sheet).toBe('Phụ lục');
  });
});

describe('the Apps Script report writer and formula-looking text', () => {
  it('writes a lead unit that looks like a formula as text in every table that names it, so nothing is run', () => {
    const ss = FakeSpreadsheet.from(FORMULA_LEAD_APPENDIX);
    const { gas } = loadCodeJs(ss);
    gas.panelReport('Q1/2024', 'calendar');
    const tab = ss.sheets.find((s) => s.name === 'Báo cáo Quý I-2024')!;
    expect(tab.formulas).toEqual([]);
    // The per-unit table and the overdue list both name the unit, exactly as written.
    expect(tab.dump().flat().filter((v) => v === FORMULA_TEXT)).toHaveLength(2);
  });
});
