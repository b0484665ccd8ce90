import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { OfficeMockObject } from 'office-addin-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/core/functions/catalogue';
import { formatViDate, isoToSerial, serialToIso, todayIso } from '../../src/core/dates';
import type { CellValue, WorkbookData } from '../../src/core/types';
import { officeAddTrackingColumns, officeCheck, officeHighlight, officeIndicators, officeOpenSettings, officeReminders, officeReport, officeSelect, officeAddFormulaNames } from '../../src/hosts/office/host';
import { buildHostFixtures, cchcJson, FORMULA_LEAD_APPENDIX, FORMULA_TEXT, syntheticAppendix, type FixtureName } from '../fixtures/hosts';
import { tempDir } from '../fixtures/workbooks';
import { createExcel, ExcelStore } from './fake-excel';

const dir = tempDir();
let files: Record<FixtureName, string>;
let data: Record<FixtureName, WorkbookData>;
const today = todayIso();

/** Point the Excel global at a fresh in-memory workbook, ranges as office-addin-mock objects. */
function useWorkbook(workbook: WorkbookData): ExcelStore {
  const store = ExcelStore.from(workbook);
  (globalThis as Record<string, unknown>).Excel = createExcel(store, (d) => new OfficeMockObject(d) as unknown as Record<string, unknown>);
  return store;
}

beforeAll(async () => {
  ({ files, data } = await buildHostFixtures(dir));
});

describe('the Excel host over Office.js', () => {
  it.each(['seed', 'example', 'outcomes'] as const)('finds the same problems in the %s fixture as cchc check', async (k) => {
    useWorkbook(data[k]);
    const view = await officeCheck();
    const cli = cchcJson(today, 'check', files[k]);
    const pick = (f: { row: unknown; column: unknown; code: unknown; severity: unknown; message: unknown }) => ({ row: f.row, column: f.column, code: f.code, severity: f.severity, message: f.message });
    expect(view.findings.map(pick)).toEqual(cli.findings.map(pick));
    expect(view.tasks).toBe(cli.tasks.length);
  });

  it('writes the report into a new worksheet with the same figures as cchc report, leaving the others untouched', async () => {
    const store = useWorkbook(data.outcomes);
    const before = store.sheets.map((s) => [s.name, store.dump(s.name)]);
    const done = await officeReport('Q1/2024', 'calendar');
    const out = join(dir, 'cli.xlsx');
    const cli = cchcJson(today, 'report', files.outcomes, '--period', 'Q1/2024', '--out', out);
    expect(done).toMatchObject({ tab: 'Báo cáo Quý I-2024', rates: cli.rates, totals: cli.totals });
    expect(store.sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Phụ lục', 'Báo cáo Quý I-2024']);
    for (const [name, values] of before) expect(store.dump(name as string)).toEqual(values);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const expected: unknown[][] = [];
    wb.getWorksheet('Báo cáo Quý I-2024')!.eachRow({ includeEmpty: true }, (row, n) => {
      expected[n - 1] = Array.from({ length: 9 }, (_, c) => {
        const cell = row.getCell(c + 1);
        if (cell.isMerged && cell.master !== cell) return null;
        const v = cell.value;
        return v instanceof Date ? formatViDate(v.toISOString().slice(0, 10)) : (v ?? null);
      });
    });
    const tab = store.sheet('Báo cáo Quý I-2024');
    const written = store.dump(tab.name).map((row, r) =>
      row.map((v, c) => (tab.formats.get(`${r}:${c}`) === 'dd/mm/yyyy' && typeof v === 'number' ? formatViDate(serialToIso(v)) : v)),
    );
    expect(written).toEqual(expected);
    expect(store.formulaWrites).toEqual([]);
    expect(written.flat()).toContain('1. =HYPERLINK("http://x.invalid","bấm")');
  });

  it('sets the tab to print: A4 landscape one page wide, numbered pages, breaks before sections and repeated headers', async () => {
    const store = useWorkbook(syntheticAppendix(400));
    await officeReport('Q1/2024', 'calendar');
    const tab = store.sheet('Báo cáo Quý I-2024');
    expect(tab.page).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftMargin: 36,
      rightMargin: 36,
      topMargin: 43.2,
      bottomMargin: 43.2,
      headerMargin: 21.6,
      footerMargin: 21.6,
      centerFooter: 'Trang &P/&N',
    });
    const grid = store.dump(tab.name);
    expect(tab.pageBreaks.length).toBeGreaterThan(1);
    // Each printed page starts with a section heading or a table's repeated header row.
    for (const r of tab.pageBreaks) expect(String(grid[r][0])).toMatch(/^(I|II|III|IV|V|VI)\. |^STT$/);
    // Merged rows are merged row by row, and each has the height its wrapped text needs (Excel does not grow them).
    expect(tab.merges.every((m) => m.top === m.bottom)).toBe(true);
    for (const m of tab.merges) expect(tab.heights.get(m.top), `row ${m.top + 1}`).toBeGreaterThanOrEqual(16);
    // A second report replaces the breaks instead of adding to them.
    const breaks = [...tab.pageBreaks];
    await officeReport('Q1/2024', 'calendar');
    expect(store.sheet('Báo cáo Quý I-2024').pageBreaks).toEqual(breaks);
  });

  it('replaces only its own previous tab, never a user sheet of the same name', async () => {
    const store = useWorkbook(data.outcomes);
    await officeReport('Q1/2024', 'calendar');
    await officeReport('Q1/2024', 'calendar');
    expect(store.sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Phụ lục', 'Báo cáo Quý I-2024']);
    const user = useWorkbook({ sheets: [...data.outcomes.sheets, { name: 'Báo cáo Quý I-2024', grid: [['Báo cáo tự làm'], ['Số liệu', 42]] }] });
    expect((await officeReport('Q1/2024', 'calendar')).tab).toBe('Báo cáo Quý I-2024 (2)');
    expect(user.dump('Báo cáo Quý I-2024')).toEqual([['Báo cáo tự làm', null], ['Số liệu', 42]]);
  });

  it('reads with a number of context.sync() calls set by the bytes read, not the rows: 5,000 and 20,000 short rows alike', async () => {
    const syncs = [];
    for (const n of [20, 5000, 20000]) {
      const store = useWorkbook(syntheticAppendix(n));
      const counts: number[] = [];
      for (const action of [() => officeCheck(), () => officeReport('Q1/2024', 'calendar'), () => officeHighlight(true), () => officeHighlight(false)]) {
        const before = store.syncs;
        await action();
        counts.push(store.syncs - before);
      }
      syncs.push(counts);
    }
    // The sheet list, the used ranges' sizes, the first 201 rows; then, beyond them, one block of rows (20,000 short
    // rows are well under a request's budget); the writes add one sync, highlighting reads its record first.
    expect(syncs[0]).toEqual([3, 4, 6, 6]);
    expect(syncs[1]).toEqual([4, 5, 7, 7]);
    expect(syncs[2]).toEqual(syncs[1]);
  });

  it('reads a large appendix in blocks that keep every response under the 5 MB limit, more blocks for more bytes', async () => {
    const long = (n: number, words: number) => {
      const wb = syntheticAppendix(n);
      const text = ' rà soát, đánh giá, báo cáo kết quả thực hiện'.repeat(words);
      for (const row of wb.sheets[0].grid.slice(2)) row[1] = `${String(row[1])}${text}`;
      return wb;
    };
    const run = async (wb: WorkbookData) => {
      const store = useWorkbook(wb);
      const view = await officeCheck();
      return { view, syncs: store.syncs, responses: store.responses };
    };
    // 20,000 tasks of about 480 characters (≈ 10 MB of values): over the limit in one request.
    const big = await run(long(20000, 10));
    expect(big.view.tasks).toBe(20000);
    expect(Math.max(...big.responses)).toBeLessThanOrEqual(5_000_000);
    const total = big.responses.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(9_000_000);
    // At least one request per 5 MB read. At most: the two sizing syncs, the first rows, and one request per 1.67 MB
    // (the 2.5 MB budget over the estimate's margin of half again what rows cost), plus a last partial block.
    expect(big.syncs).toBeGreaterThanOrEqual(2 + Math.ceil(total / 5_000_000));
    expect(big.syncs).toBeLessThanOrEqual(3 + Math.ceil(total / (2_500_000 / 1.5)) + 1);
    // Twice the text on the same rows: more requests.
    const bigger = await run(long(20000, 20));
    expect(bigger.syncs).toBeGreaterThan(big.syncs);
    expect(Math.max(...bigger.responses)).toBeLessThanOrEqual(5_000_000);
  });

  it('sends a refused request again in smaller blocks, and finds the same problems', async () => {
    const store = useWorkbook(syntheticAppendix(5000));
    const expected = await officeCheck();
    // A host with a much smaller limit than planned for: the first blocks are refused and split.
    store.payloadLimit = 60_000;
    store.responses = [];
    const view = await officeCheck();
    expect(view.findings).toEqual(expected.findings);
    expect(Math.max(...store.responses)).toBeLessThanOrEqual(60_000);
  });

  it('reads only the first rows of a 200,000-row dossier export when checking, and all of it for the indicators', async () => {
    const dossiers: CellValue[][] = [['Mã hồ sơ', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Trực tuyến', 'Số hóa']];
    // 200,000 dossiers received in Q1/2024, each resolved on its due date (on time), every other one online.
    for (let i = 0; i < 200_000; i++) dossiers.push([`HS-${i}`, isoToSerial('2024-02-01'), isoToSerial('2024-02-10'), isoToSerial('2024-02-10'), i % 2 ? 'Có' : 'Không', 'Có']);
    const plain = syntheticAppendix(20);
    const withExport: WorkbookData = { sheets: [...plain.sheets, { name: 'Hồ sơ', grid: dossiers }] };
    const alone = useWorkbook(plain);
    await officeCheck();
    const store = useWorkbook(withExport);
    await officeCheck();
    // The export's first 201 rows are read with every sheet's; nothing more.
    expect(store.syncs).toBe(alone.syncs);
    expect(store.responses.reduce((a, b) => a + b, 0)).toBeLessThan(200_000);
    const before = store.syncs;
    const view = await officeIndicators('Q1/2024', 'calendar');
    expect(view.indicators.find((i) => i.name === 'Hồ sơ TTHC giải quyết đúng hẹn')?.actual).toBe(1);
    expect(view.indicators.find((i) => i.name === 'Tỷ lệ sử dụng dịch vụ công trực tuyến')?.actual).toBe(0.5);
    expect(Math.max(...store.responses)).toBeLessThanOrEqual(5_000_000);
    expect(store.syncs - before).toBeGreaterThan(3);
  });

  it('lists the reminders per lead unit from the workbook, with the unit directory\'s e-mail and the mail text', async () => {
    useWorkbook(data.outcomes);
    const r = await officeReminders(7);
    const asOf = todayIso();
    // Whatever today is, the overdue lists are the check's OVERDUE findings.
    const overdue = new Set((await officeCheck()).findings.filter((f) => f.code === 'OVERDUE').map((f) => f.row));
    expect(new Set(r.units.flatMap((u) => u.overdue.map((o) => o.row)))).toEqual(overdue);
    expect(r.asOf).toBe(asOf);
    for (const u of r.units) expect(u.mail.body.startsWith(`Kính gửi: ${u.unit},`)).toBe(true);
  });

  it('selects the cell of a finding', async () => {
    const store = useWorkbook(data.outcomes);
    await officeSelect({ sheet: 'Phụ lục', row: 9, column: 'F' });
    expect(store.active).toEqual({ sheet: 'Phụ lục', address: 'F9' });
  });

  it('highlights problem cells and gives back each cell’s own fill when cleared', async () => {
    const store = useWorkbook(data.outcomes);
    const sheet = store.sheet('Phụ lục');
    sheet.fills.set('8:5', '#00FF00'); // F9, the overdue task's status cell, coloured by the user
    const { count } = await officeHighlight(true);
    expect(count).toBeGreaterThan(0);
    expect(sheet.fills.get('8:5')).toBe('#F8D7DA');
    await officeHighlight(false);
    expect(sheet.fills.get('8:5')).toBe('#00FF00');
    expect([...sheet.fills.values()]).toEqual(['#00FF00']);
    expect(store.settings.size).toBe(0);
  });

  it('adds the tracking columns after the last column without touching existing cells', async () => {
    const store = useWorkbook(data.seed);
    const before = store.dump('Phụ lục');
    const added = ['Tiến độ', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Khó khăn, vướng mắc', 'Đề xuất'];
    expect(await officeAddTrackingColumns()).toEqual(added);
    const after = store.dump('Phụ lục');
    before.forEach((row, r) => row.forEach((v, c) => expect(after[r][c]).toEqual(v)));
    expect(after[4].slice(5, 10)).toEqual(added);
    const rules = store.sheet('Phụ lục').validations.map((v) => [v.left, v.top, Object.keys(v.rule as object)[0]]);
    expect(rules).toEqual([
      [5, 5, 'list'],
      [6, 5, 'date'],
    ]);
  });

  it('creates the settings sheet, and adds LAMBDA names so =CCHC_ONTIME() works as in Google Sheets', async () => {
    const store = useWorkbook(data.outcomes);
    expect(await officeOpenSettings()).toEqual({ sheet: 'CCHC - Cài đặt' });
    expect(store.dump('CCHC - Cài đặt')[0][0]).toBe('CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC');
    expect(await officeAddFormulaNames()).toBe(CATALOGUE.length);
    expect(store.names.find((n) => n.name === 'CCHC_ONTIME')?.formula).toBe(
      '=LAMBDA([ky],[don_vi],[vung_phu_luc],CCHC.ONTIME(IF(ISOMITTED(ky),"",ky),IF(ISOMITTED(don_vi),"",don_vi),IF(ISOMITTED(vung_phu_luc),"",vung_phu_luc)))',
    );
    expect(await officeAddFormulaNames()).toBe(0);
  });
});

describe('the Excel report writer and reader at their edges', () => {
  it('adds no name in an Excel without LAMBDA and says so in Vietnamese, naming the Excel spelling of the functions', async () => {
    const store = useWorkbook(data.outcomes);
    store.lambda = false;
    await expect(officeAddFormulaNames()).rejects.toThrow(
      'Excel này chưa có hàm LAMBDA (cần Microsoft 365, Excel trên web hoặc Excel 2024), nên không thêm được tên CCHC_…. Các hàm vẫn dùng được với tên của Excel, ví dụ =CCHC.ONTIME("Q1/2024") thay cho =CCHC_ONTIME("Q1/2024").',
    );
    expect(store.names).toEqual([]);
    store.lambda = true;
    expect(await officeAddFormulaNames()).toBe(CATALOGUE.length);
  });

  it('writes a lead unit that looks like a formula as text in every table that names it, so nothing is run', async () => {
    const store = useWorkbook(FORMULA_LEAD_APPENDIX);
    await officeReport('Q1/2024', 'calendar');
    expect(store.formulaWrites).toEqual([]);
    expect(store.dump('Báo cáo Quý I-2024').flat().filter((v) => v === FORMULA_TEXT)).toHaveLength(2);
  });

  it('writes report dates as date serial numbers formatted dd/mm/yyyy, not as text', async () => {
    const store = useWorkbook(data.outcomes);
    await officeReport('Q1/2024', 'calendar');
    const tab = store.sheet('Báo cáo Quý I-2024');
    const dateCells = [...tab.formats].filter(([, f]) => f === 'dd/mm/yyyy').map(([k]) => store.dump(tab.name)[Number(k.split(':')[0])][Number(k.split(':')[1])]);
    // The one overdue task (row 9) was due 31/03/2024: serial 45382.
    expect(dateCells).toContain(45382);
    expect(dateCells.every((v) => typeof v === 'number')).toBe(true);
  });

  it('reports findings in the sheet’s own columns when the table starts right of column A and below row 1', async () => {
    const blank = [null, null];
    useWorkbook({
      sheets: [
        {
          name: 'Phụ lục',
          grid: [
            [],
            [],
            [...blank, 'TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'],
            [...blank, 1, 'Việc không có chủ trì', null, 'Thường xuyên', 'Đang thực hiện'],
            [...blank, 2, 'Việc quá hạn', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện'],
          ],
        },
      ],
    });
    const view = await officeCheck();
    const at = (code: string) => view.findings.filter((f) => f.code === code).map((f) => `${f.column}${f.row}`);
    // Lead units are in column E, status in G: a table offset by two columns and two rows.
    expect(at('MISSING_OWNER')).toEqual(['E4']);
    expect(at('OVERDUE')).toEqual(['G5']);
  });
});
