import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { cut } from '../src/cli/output';
import { buildSeed002, buildSheets, OUTCOMES_ROWS, tempDir } from './fixtures/workbooks';

const dir = tempDir();
const seed = join(dir, 'seed002.xlsx');
const outcomes = join(dir, 'outcomes.xlsx');

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/cchc.js', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function sheetValues(file: string, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) return null;
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  await buildSeed002(seed);
  const rows = OUTCOMES_ROWS.map((r) => [...r]);
  rows[8][1] = '=HYPERLINK("http://x.invalid","bấm")';
  await buildSheets(outcomes, [
    { name: 'Hướng dẫn', rows: [['Ghi chú'], ['Cập nhật hằng tháng']] },
    { name: 'Phụ lục', rows },
  ]);
});

describe('cchc check', () => {
  it('reads --as-of written day/month/year (10/04/2024 is 10 April), and refuses an impossible date in Vietnamese', () => {
    const iso = cchc('check', outcomes, '--as-of', '2024-04-10', '--json');
    const vi = cchc('check', outcomes, '--as-of', '10/04/2024', '--json');
    expect(vi.code).toBe(0);
    expect(JSON.parse(vi.stdout).asOf).toBe('2024-04-10');
    expect(JSON.parse(vi.stdout).findings).toEqual(JSON.parse(iso.stdout).findings);
    const bad = cchc('check', outcomes, '--as-of', '31/02/2024');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('Lỗi: --as-of "31/02/2024" không phải ngày hợp lệ: ngày 31/2/2024 không tồn tại.\n');
    for (const written of ['10-04-2024', '10.04.2024', '2024-4-10']) {
      expect(JSON.parse(cchc('check', outcomes, '--as-of', written, '--json').stdout).asOf, written).toBe('2024-04-10');
    }
  });

  it('prints exactly one JSON object with the contract fields and exits 0', () => {
    const r = cchc('check', seed, '--as-of', '2020-07-01', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['sheet', 'planYear', 'tasks', 'findings']));
    expect(json).toMatchObject({ sheet: 'Phụ lục', planYear: 2020 });
    expect(json.tasks).toHaveLength(28);
    const t32 = json.tasks.find((t: { tt: string }) => t.tt === '3.2');
    expect(t32).toEqual({
      row: 19,
      rows: [19, 22],
      tt: '3.2',
      section: '3. Chỉ số nội dung 3: “Trách nhiệm giải trình với người dân”',
      content: expect.stringMatching(/^Rà soát, sửa đổi, bổ sung cụ thể hóa nhiệm vụ giải trình trong nội quy, quy chế làm việc; tổ chức kiểm tra/),
      owners: ['Lãnh đạo các phòng chức năng', 'Thủ trưởng các đơn vị trực thuộc'],
      coordinators: ['Các bộ phận tham mưu, giúp việc'],
      deadline: { text: 'Quý I/2020\nQuý III/2020', kind: 'quarter', due: '2020-09-30', dueDates: ['2020-03-31', '2020-09-30'] },
      status: null,
      statusText: '',
      doneDate: null,
    });
    const t43 = json.tasks.find((t: { tt: string }) => t.tt === '4.3');
    expect(t43.deadline).toMatchObject({ kind: 'recurring', due: null, dueDates: ['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31'] });
    for (const f of json.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['row', 'column', 'code', 'severity', 'message']));
    const codes = new Set(json.findings.map((f: { code: string }) => f.code));
    expect([...codes].sort()).toEqual(['NO_STATUS_COLUMN', 'OVERDUE', 'VAGUE_DEADLINE', 'VAGUE_OWNER']);
    expect(json.findings.find((f: { code: string; row: number }) => f.code === 'OVERDUE' && f.row === 19)).toMatchObject({ column: 'C', severity: 'error' });
  });

  it('prints a readable table by default', () => {
    const r = cchc('check', outcomes, '--as-of', '2024-04-10');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Phụ lục: trang "Phụ lục", 8 nhiệm vụ, 2 mục; năm kế hoạch 2024');
    expect(r.stdout).toMatch(/F9\s+Lỗi\s+OVERDUE\s+Nhiệm vụ 1 \(dòng 9\) quá hạn 10 ngày/);
  });
});

describe('cchc report', () => {
  it('writes a copy with the summary tab, prints the JSON contract, and leaves the input byte-for-byte unchanged', async () => {
    const before = sha(outcomes);
    const out = join(dir, 'q1.xlsx');
    const r = cchc('report', outcomes, '--period', 'Q1/2024', '--as-of', '2024-04-10', '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(sha(outcomes)).toBe(before);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      period: { label: 'Quý I/2024', start: '2024-01-01', end: '2024-03-31' },
      asOf: '2024-04-10',
      sheet: 'Phụ lục',
      totals: { due: 5, onTime: 1, late: 1, overdue: 1, pending: 0, cancelled: 1 },
      rates: { completion: 0.75, onTime: 0.25 },
      tab: 'Báo cáo Quý I-2024',
    });
    expect(json.byUnit[0]).toEqual(expect.objectContaining({ unit: 'Phòng Tổ chức cán bộ', due: 2, onTime: 0, late: 0, overdue: 1, pending: 0 }));
    expect(json.items.map((i: { outcome: string }) => i.outcome)).toEqual(['on_time', 'late', 'done_undated', 'overdue', 'cancelled']);
    expect(json.overdue[0]).toMatchObject({ row: 9, daysOverdue: 10 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Phụ lục', 'Báo cáo Quý I-2024']);
    for (const name of ['Hướng dẫn', 'Phụ lục']) expect(await sheetValues(out, name)).toEqual(await sheetValues(outcomes, name));
  });

  it('writes task text that looks like a formula as a text cell, never a formula', async () => {
    const out = join(dir, 'q1-inject.xlsx');
    cchc('report', outcomes, '--period', 'Q1/2024', '--as-of', '2024-04-10', '--out', out);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheetXml = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    expect(sheetXml).not.toContain('<f>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    let found: ExcelJS.Cell | undefined;
    wb.getWorksheet('Báo cáo Quý I-2024')!.eachRow((row) =>
      row.eachCell((cell) => {
        if (String(cell.value).includes('HYPERLINK') && cell.master === cell) found = cell;
      }),
    );
    expect(found?.type).toBe(ExcelJS.ValueType.String);
  });

  it('replaces only its own tab on a second run, and never a user sheet that shares the name', async () => {
    const first = join(dir, 'first.xlsx');
    const second = join(dir, 'second.xlsx');
    cchc('report', outcomes, '--period', 'Q1/2024', '--as-of', '2024-04-10', '--out', first);
    const r = cchc('report', first, '--period', 'Q1/2024', '--as-of', '2024-04-15', '--out', second, '--json');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Phụ lục', 'Báo cáo Quý I-2024']);
    expect(JSON.stringify(await sheetValues(second, 'Báo cáo Quý I-2024'))).toContain('15/04/2024');

    const userSheet = join(dir, 'user-sheet.xlsx');
    await buildSheets(userSheet, [
      { name: 'Phụ lục', rows: OUTCOMES_ROWS },
      { name: 'Báo cáo Quý I-2024', rows: [['Báo cáo tự làm của chuyên viên'], ['Số liệu', 42]] },
    ]);
    const third = join(dir, 'third.xlsx');
    const r3 = cchc('report', userSheet, '--period', 'Q1/2024', '--as-of', '2024-04-10', '--out', third, '--json');
    expect(JSON.parse(r3.stdout).tab).toBe('Báo cáo Quý I-2024 (2)');
    expect(await sheetValues(third, 'Báo cáo Quý I-2024')).toEqual([['Báo cáo tự làm của chuyên viên'], ['Số liệu', 42]]);
  });

  it('reads the settings sheet like the add-ins do: its date, unit name, unit directory and period results, options winning', async () => {
    const withSettings = join(dir, 'with-settings.xlsx');
    const rows = OUTCOMES_ROWS.map((r) => [...r]);
    rows[11][2] = 'TTPY';
    await buildSheets(withSettings, [
      { name: 'Phụ lục', rows },
      {
        name: 'CCHC - Cài đặt',
        rows: [
          ['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC'],
          ['Ngày tính số liệu', '10/04/2024'],
          ['Tên đơn vị (tiêu đề báo cáo)', 'Sở Y tế tỉnh Bình Phước'],
          [],
          ['Danh mục đơn vị', 'Tên gọi khác'],
          ['Trung tâm Pháp y', 'TTPY'],
          ['Phòng Tổ chức cán bộ', 'TCCB'],
          ['Văn phòng Sở', 'VP'],
          ['Thanh tra Sở', ''],
          [],
          ['Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Kỳ báo cáo'],
          ['Tỷ lệ hài lòng của người dân', '90%', '92%', 'Quý I/2024'],
        ],
      },
    ]);
    const json = JSON.parse(cchc('report', withSettings, '--period', 'Q1/2024', '--out', join(dir, 'settings-q1.xlsx'), '--json').stdout);
    expect(json.asOf).toBe('2024-04-10');
    expect(json.unitName).toBe('Sở Y tế tỉnh Bình Phước');
    expect(json.indicators.find((i: { id: string }) => i.id === 'satisfaction')).toMatchObject({ target: 0.9, actual: 0.92, result: 'Đạt' });
    const check = JSON.parse(cchc('check', withSettings, '--json').stdout);
    expect(check.asOf).toBe('2024-04-10');
    // "TTPY" is a unit of the settings' directory: the task's owner is its full name, and nothing is unknown.
    expect(check.findings.filter((f: { code: string }) => f.code === 'UNKNOWN_UNIT')).toEqual([]);
    const bare = join(dir, 'without-settings.xlsx');
    await buildSheets(bare, [{ name: 'Phụ lục', rows }]);
    const unknown = JSON.parse(cchc('check', bare, '--as-of', '2024-04-10', '--json').stdout).findings.filter((f: { code: string }) => f.code === 'UNKNOWN_UNIT');
    expect(unknown.map((f: { row: number }) => f.row)).toEqual([12]);
    const flagged = JSON.parse(cchc('report', withSettings, '--period', 'Q1/2024', '--as-of', '2024-05-02', '--unit-name', 'Sở Y tế tỉnh Đồng Nai', '--out', join(dir, 'settings-q1b.xlsx'), '--json').stdout);
    expect(flagged).toMatchObject({ asOf: '2024-05-02', unitName: 'Sở Y tế tỉnh Đồng Nai' });
  });

  it('uses the NĐ 09 windows with --cutoff nd09 and names the output after the period by default', () => {
    const r = cchc('report', outcomes, '--period', 'Quý I/2024', '--cutoff', 'nd09', '--as-of', '2024-04-10', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.period).toMatchObject({ start: '2023-12-15', end: '2024-03-14', cutoff: 'nd09' });
    expect(json.output).toBe(join(dir, 'outcomes.bao-cao-Q1-2024.xlsx'));
    expect(existsSync(json.output)).toBe(true);
    // A report made from that copy is named after the original, not "….bao-cao-Q1-2024.bao-cao-Q2-2024.xlsx"; the
    // cutoff is read whatever its case.
    const next = cchc('report', json.output, '--period', 'Q2/2024', '--cutoff', 'ND09', '--as-of', '2024-07-10', '--json');
    expect(JSON.parse(next.stdout)).toMatchObject({ output: join(dir, 'outcomes.bao-cao-Q2-2024.xlsx'), period: { cutoff: 'nd09' } });
  });
});

describe('cchc output in a terminal', () => {
  it('fits the terminal\'s width: messages wrap under their column, task text is cut at a word with "…"', () => {
    const narrow = (...args: string[]) => spawnSync(process.execPath, ['bin/cchc.js', ...args], { encoding: 'utf8', env: { ...process.env, COLUMNS: '80' } });
    const check = narrow('check', seed, '--as-of', '2024-04-10').stdout.split('\n');
    expect(Math.max(...check.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    // A wrapped message goes on under the message column (39 characters in).
    expect(check.some((l) => /^ {39}\S/.test(l))).toBe(true);
    const report = narrow('report', outcomes, '--period', 'Q1/2024', '--as-of', '2024-04-10', '--out', join(dir, 'narrow.xlsx')).stdout.split('\n');
    const overdue = report.filter((l) => l.startsWith('  dòng '));
    expect(overdue.length).toBeGreaterThan(0);
    expect(Math.max(...overdue.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(cut('Tăng cường công tác cải cách hành chính tại các đơn vị', 30)).toBe('Tăng cường công tác cải cách…');
    expect(cut('Ngắn', 30)).toBe('Ngắn');
    // Without a terminal (a pipe, a file), lines are whole, for scripts.
    const piped = cchc('check', seed, '--as-of', '2024-04-10').stdout.split('\n');
    expect(Math.max(...piped.map((l) => [...l].length))).toBeGreaterThan(80);
  });
});

describe('cchc report outside the plan year', () => {
  it('warns on stderr when the period is not in the plan year, and still writes the report', () => {
    const out = join(dir, 'next-year.xlsx');
    const r = cchc('report', outcomes, '--period', 'Q1/2025', '--as-of', '2025-04-10', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Lưu ý: kỳ báo cáo Quý I/2025 nằm ngoài năm kế hoạch 2024 của phụ lục: kiểm tra --period (hoặc --year nếu phụ lục ghi sai năm).\n');
    expect(existsSync(out)).toBe(true);
    expect(cchc('report', outcomes, '--period', 'Q1/2024', '--as-of', '2024-04-10', '--out', join(dir, 'same-year.xlsx')).stderr).toBe('');
  });
});

describe('cchc help', () => {
  it('prints the general usage, each command\'s own help, and the version from package.json', () => {
    expect(cchc('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('cchc check <tệp.xlsx>') });
    const report = cchc('report', '--help');
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('--period KỲ');
    expect(report.stdout).not.toContain('cchc check');
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    expect(cchc('--version')).toMatchObject({ code: 0, stdout: `cchc ${version}\n` });
  });

  it('suggests the command a typing slip meant, and nothing for a word far from any command', () => {
    expect(cchc('reprot').stderr).toContain('Không có lệnh "reprot". Có phải ý bạn là "cchc report"?');
    expect(cchc('kiemtra').stderr).not.toContain('Có phải ý bạn là');
  });
});

describe('cchc usage errors', () => {
  const notXlsx = join(dir, 'notes.xlsx');
  const legacy = join(dir, 'old.xlsx');
  const noAppendix = join(dir, 'no-appendix.xlsx');
  beforeAll(async () => {
    writeFileSync(notXlsx, 'TT;Nội dung\n1;Việc');
    writeFileSync(legacy, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await buildSheets(noAppendix, [{ name: 'Chi phí', rows: [['Khoản mục', 'Số tiền']] }]);
  });

  it.each([
    [[], /Cách dùng/],
    [['lam-gi'], /Không có lệnh "lam-gi"/],
    [['check'], /cần đúng một tệp \.xlsx/],
    [['check', 'khong-co.xlsx'], /Không tìm thấy tệp "khong-co.xlsx"/],
    [['check', 'NOTES'], /không phải tệp \.xlsx/],
    [['check', 'LEGACY'], /tệp Excel cũ \(\.xls\) hoặc tệp có đặt mật khẩu/],
    [['check', 'NOAPPENDIX'], /Không tìm thấy bảng phụ lục.*"Chi phí".*Có thể chỉ định trang tính bằng --sheet\./s],
    [['check', 'OUTCOMES', '--as-of', '2024-13-01'], /--as-of "2024-13-01" không phải ngày hợp lệ/],
    [['check', 'OUTCOMES', '--year', 'hai'], /--year "hai" không phải năm hợp lệ/],
    [['check', 'OUTCOMES', '--bogus'], /Lệnh "check": không có tùy chọn --bogus\./],
    [['report', 'OUTCOMES', '--period'], /Lệnh "report": tùy chọn --period cần một giá trị\./],
    [['check', 'OUTCOMES', '--as-of', 'hôm qua'], /ghi dạng YYYY-MM-DD hoặc ngày\/tháng\/năm/],
    [['report', 'OUTCOMES'], /cần --period/],
    [['report', 'OUTCOMES', '--period', 'Q5/2024'], /--period "Q5\/2024" không hợp lệ/],
    [['report', 'OUTCOMES', '--period', 'Q1/2024', '--cutoff', 'xyz'], /--cutoff "xyz" không hợp lệ/],
    [['report', 'OUTCOMES', '--period', 'Q1/2024', '--out', 'OUTCOMES'], /không ghi đè phụ lục gốc/],
    [['check', 'OUTCOMES', '--sheet', 'Không có'], /Không có trang tính tên "Không có"/],
  ])('exits 2 with a Vietnamese message for %j', (args, message) => {
    const files: Record<string, string> = { NOTES: notXlsx, LEGACY: legacy, NOAPPENDIX: noAppendix, OUTCOMES: outcomes };
    const r = cchc(...(args as string[]).map((a) => files[a] ?? a));
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.(ts|js|cjs):\d+/);
    // Node's own English never leaks.
    expect(r.stderr).not.toMatch(/\b(Option|argument|Unknown)\b/);
  });
});

describe('cchc demo', () => {
  it('builds the example workbook and its 6-month report', () => {
    const out = join(dir, 'demo');
    const r = cchc('demo', '--out-dir', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('31 nhiệm vụ, 7 mục; năm kế hoạch 2024');
    expect(r.stdout).toContain('Đã ghi trang "Báo cáo 6 tháng-2024"');
    expect(existsSync(join(out, 'ke-hoach-cchc-2024.bao-cao-H1-2024.xlsx'))).toBe(true);
  });

  it('makes an example that prints: A4 sheets, the appendix header on every page, rows tall enough for their text', async () => {
    const out = join(dir, 'demo-print');
    cchc('demo', '--out-dir', out);
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'ke-hoach-cchc-2024.xlsx')));
    for (const n of [1, 2, 3]) expect(await zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string')).toMatch(/<pageSetup [^>]*paperSize="9"/);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Phụ lục&apos;!\$6:\$7<\/definedName>/);
    // Task 1 of section I (row 9) wraps its 92-character content over 3 lines of its 46-character column.
    const sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const height = Number(/<row r="9"[^>]*\sht="([\d.]+)"/.exec(sheet)?.[1]);
    expect(height).toBeGreaterThanOrEqual(3 * 15);
  });
});
