/**
 * The units' loop end to end on the example workbook, through the command line: the Office makes the update forms,
 * then changes its own appendix (a task inserted near the top, a status edited); the Personnel Office answers through
 * its form, the Office of the Department through a full copy with a row it added, the other units stay silent. The
 * merge must fill exactly their tracking cells, list what it did not apply and who did not answer, and the report on
 * the merged file must count the new completions. Expected values are written from the example's rows by hand.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExampleWorkbook } from '../src/cli/example';
import { XlsxPackage } from '../src/xlsx/package';
import { readWorkbookData } from '../src/xlsx/read';
import { tempDir } from './fixtures/workbooks';

const dir = tempDir('cchc-loop-');
const office = join(dir, 'ke-hoach-cchc-2024.xlsx');
const forms = join(dir, 'phieu');
const copy = join(dir, 'ke-hoach-cchc-2024 (Van phong So).xlsx');
const merged = join(dir, 'tong-hop.xlsx');
const cchc = (...args: string[]) => spawnSync(process.execPath, ['bin/cchc.js', ...args], { encoding: 'utf8' });
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** The row of a sheet whose column B (content) starts with `start`. */
function rowStarting(ws: ExcelJS.Worksheet, column: number, start: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (String(row.getCell(column).value ?? '').startsWith(start)) found = row;
  });
  if (!found) throw new Error(`no row starting "${start}"`);
  return found;
}

async function edit(path: string, change: (wb: ExcelJS.Workbook) => void, out = path) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  change(wb);
  await wb.xlsx.writeFile(out);
}

let formsJson: { forms: { unit: string; file: string; tasks: number }[]; withoutUnit: number };

beforeAll(async () => {
  await buildExampleWorkbook(office);
  // The Office of the Department takes a full copy before anything changes.
  copyFileSync(office, copy);
  const r = cchc('forms', office, '--out-dir', forms, '--as-of', '2024-07-10', '--json');
  expect(r.stderr).toBe('');
  formsJson = JSON.parse(r.stdout);

  // After the forms went out, the Office inserts a task at the top of section I and edits one status itself.
  await edit(office, (wb) => {
    const ws = wb.getWorksheet('Phụ lục')!;
    ws.insertRow(9, ['1a', 'Nhiệm vụ mới bổ sung sau khi gửi phiếu', 'Báo cáo', 'Thanh tra Sở', '', 'Quý IV/2024', 'Chưa thực hiện']);
    rowStarting(ws, 2, 'Tham mưu Quyết định quy định thẩm quyền').getCell(7).value = 'Đang thực hiện';
  });

  // Phòng Tổ chức cán bộ fills in its form (three tasks; one status the Office has since changed).
  const tccb = join(forms, 'phieu-cap-nhat-phong-to-chuc-can-bo.xlsx');
  await edit(tccb, (wb) => {
    const ws = wb.getWorksheet('Phiếu cập nhật')!;
    const a = rowStarting(ws, 4, 'Rà soát, sắp xếp tinh gọn bộ máy');
    a.getCell(7).value = 'Đã hoàn thành';
    a.getCell(8).value = d(2024, 7, 5);
    a.getCell(9).value = 'Đề án đã trình UBND tỉnh';
    rowStarting(ws, 4, 'Tham mưu Quyết định quy định thẩm quyền').getCell(7).value = 'Đã hoàn thành';
    const b = rowStarting(ws, 4, 'Cập nhật Cơ sở dữ liệu quốc gia');
    b.getCell(7).value = 'Đã hoàn thành';
    b.getCell(8).value = '25/04/2024';
    b.getCell(10).value = 'Dữ liệu một số đơn vị chưa đầy đủ';
  });

  // Văn phòng Sở fills its rows in the full copy, adds a row of its own, and writes a date on a task it does not lead.
  await edit(copy, (wb) => {
    const ws = wb.getWorksheet('Phụ lục')!;
    const training = rowStarting(ws, 2, 'Tập huấn kỹ năng giao tiếp');
    training.getCell(7).value = 'Đã hoàn thành';
    training.getCell(8).value = d(2024, 9, 20);
    rowStarting(ws, 2, 'Duy trì phần mềm quản lý văn bản').getCell(8).value = d(2024, 6, 30);
    ws.insertRow(46, ['7', 'Hội nghị sơ kết công tác CCHC 6 tháng đầu năm', 'Hội nghị', 'Văn phòng Sở', '', 'Tháng 7/2024', 'Đã hoàn thành', d(2024, 7, 8)]);
  });
});

describe('the units’ loop: forms out, answers back, one merge', () => {
  it('writes one form per named lead unit, each with that unit’s tasks', () => {
    expect(formsJson.forms.map((f) => [f.unit, f.tasks])).toEqual([
      ['Thanh tra Sở', 3],
      ['Văn phòng Sở', 11],
      ['Phòng Kế hoạch - Tài chính', 6],
      ['Phòng Nghiệp vụ Dược', 1],
      ['Phòng Tổ chức cán bộ', 6],
      ['Tổ Công nghệ thông tin', 1],
      ['Trung tâm Kiểm soát bệnh tật', 1],
    ]);
    // "Các phòng chuyên môn" names no one; one task has no lead unit at all.
    expect(formsJson.withoutUnit).toBe(2);
    expect(readdirSync(forms)).toContain('phieu-cap-nhat-phong-to-chuc-can-bo.xlsx');
  });

  it('does not write over forms already made, and says so when --out-dir is a file', () => {
    const again = cchc('forms', office, '--out-dir', forms);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^Lỗi: Tệp ".*phieu-cap-nhat-thanh-tra-so\.xlsx" đã có/);
    const onFile = cchc('forms', office, '--out-dir', office);
    expect([onFile.status, onFile.stderr]).toEqual([2, `Lỗi: --out-dir "${office}": đã có một tệp trùng tên (hoặc một phần của đường dẫn là tệp), không tạo được thư mục.\n`]);
  });

  it('locks everything in a form but the tracking cells, and offers the status list', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(forms, 'phieu-cap-nhat-phong-ke-hoach-tai-chinh.xlsx'));
    const ws = wb.getWorksheet('Phiếu cập nhật')!;
    const row = rowStarting(ws, 4, 'Thực hiện Kế hoạch đầu tư công');
    expect(row.getCell(4).protection?.locked).not.toBe(false);
    expect([7, 8, 9, 10, 11].map((c) => row.getCell(c).protection?.locked)).toEqual([false, false, false, false, false]);
    expect(row.getCell(7).value).toBe('Đang thực hiện');
    expect(row.getCell(7).dataValidation).toMatchObject({ type: 'list', formulae: ['"Đã hoàn thành,Đang thực hiện,Chưa thực hiện,Không thực hiện"'] });
    expect(wb.getWorksheet('cchc_phieu')?.state).toBe('veryHidden');
  });

  it('fills exactly the answered tracking cells, lists the conflicts, the stray row and the silent units', () => {
    const r = cchc('merge', office, join(forms, 'phieu-cap-nhat-phong-to-chuc-can-bo.xlsx'), copy, '--out', merged, '--json');
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    const tccb = 'phieu-cap-nhat-phong-to-chuc-can-bo.xlsx';
    const vp = 'ke-hoach-cchc-2024 (Van phong So).xlsx';
    // Rows are the Office's after its insertion (everything from row 9 down moved by one).
    expect(json.applied.map((a: Record<string, unknown>) => [a.row, a.column, a.value, a.from])).toEqual([
      [21, 'G', 'Đã hoàn thành', tccb],
      [21, 'H', '2024-07-05', tccb],
      [21, 'J', 'Đề án đã trình UBND tỉnh', tccb],
      [27, 'G', 'Đã hoàn thành', vp],
      [27, 'H', '2024-09-20', vp],
      [29, 'G', 'Đã hoàn thành', tccb],
      [29, 'H', '2024-04-25', tccb],
      [29, 'K', 'Dữ liệu một số đơn vị chưa đầy đủ', tccb],
    ]);
    expect(json.addedColumns).toEqual([
      { column: 'J', header: 'Kết quả thực hiện' },
      { column: 'K', header: 'Khó khăn, vướng mắc' },
    ]);
    expect(json.conflicts.map((c: Record<string, unknown>) => [c.row, c.column, c.current, c.incoming, c.from, c.reason])).toEqual([
      [23, 'G', 'Đang thực hiện', 'Đã hoàn thành', tccb, 'changed-since-sent'],
      [37, 'H', '', '30/06/2024', vp, 'not-lead'],
    ]);
    expect(json.unmatched).toEqual([{ from: vp, row: 46, key: expect.stringMatching(/^NV-/), content: 'Hội nghị sơ kết công tác CCHC 6 tháng đầu năm' }]);
    expect(json.missingUnits).toEqual(['Thanh tra Sở', 'Phòng Kế hoạch - Tài chính', 'Phòng Nghiệp vụ Dược', 'Tổ Công nghệ thông tin', 'Trung tâm Kiểm soát bệnh tật']);
  });

  it('changes no cell of the appendix but the applied ones and the new headers, and no other part', () => {
    const before = new XlsxPackage(readFileSync(office));
    const after = new XlsxPackage(readFileSync(merged));
    const a = readWorkbookData(before).sheets.find((s) => s.name === 'Phụ lục')!.grid;
    const b = readWorkbookData(after).sheets.find((s) => s.name === 'Phụ lục')!.grid;
    const changed: string[] = [];
    for (let r = 0; r < Math.max(a.length, b.length); r++) {
      for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++) {
        const x = a[r]?.[c] ?? null;
        const y = b[r]?.[c] ?? null;
        if ((x instanceof Date ? x.getTime() : x) !== (y instanceof Date ? y.getTime() : y)) changed.push(`${String.fromCharCode(65 + c)}${r + 1}=${y instanceof Date ? y.toISOString().slice(0, 10) : y}`);
      }
    }
    expect(changed.sort()).toEqual(
      [
        'G21=Đã hoàn thành', 'H21=2024-07-05', 'J21=Đề án đã trình UBND tỉnh',
        'G27=Đã hoàn thành', 'H27=2024-09-20',
        'G29=Đã hoàn thành', 'H29=2024-04-25', 'K29=Dữ liệu một số đơn vị chưa đầy đủ',
        'J6=Kết quả thực hiện', 'K6=Khó khăn, vướng mắc',
      ].sort(),
    );
    const parts = (p: XlsxPackage) => p.zip.entries.map((e) => e.name).sort();
    expect(parts(after)).toEqual(parts(before));
    const differs = before.zip.entries.filter((e) => !before.data(e.name).equals(after.data(e.name))).map((e) => e.name);
    const sheetPart = before.sheets.find((s) => s.name === 'Phụ lục')!.part;
    expect(differs.sort()).toEqual([sheetPart, 'xl/styles.xml'].sort());
  });

  it('tells a person what it wrote, what waits for the Office, and who has not answered', () => {
    const text = join(dir, 'tong-hop-text.xlsx');
    const r = cchc('merge', office, join(forms, 'phieu-cap-nhat-phong-to-chuc-can-bo.xlsx'), copy, '--out', text);
    expect(r.status).toBe(0);
    // The copy: the example's 31 tasks and the row the unit added.
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Đã đọc 2 tệp gửi lại:',
      '  phieu-cap-nhat-phong-to-chuc-can-bo.xlsx: Phòng Tổ chức cán bộ (phiếu cập nhật, 6 dòng)',
      '  ke-hoach-cchc-2024 (Van phong So).xlsx: Văn phòng Sở (bản sao phụ lục, 32 dòng)',
    ]);
    expect(lines).toContain(`Đã ghi 8 ô vào trang "Phụ lục" của "${text}" (tệp gốc không bị sửa).`);
    expect(lines).toContain('  Thêm cột J "Kết quả thực hiện" (phụ lục chưa có cột này).');
    expect(lines).toContain('  Dòng 21, cột H (Ngày hoàn thành): (trống) → 05/07/2024 — phieu-cap-nhat-phong-to-chuc-can-bo.xlsx');
    expect(lines).toContain(
      '  Dòng 23, cột G (Tiến độ): đang là Đang thực hiện, phieu-cap-nhat-phong-to-chuc-can-bo.xlsx gửi Đã hoàn thành. Văn phòng đã sửa ô này sau khi gửi phiếu, và đơn vị cũng sửa: cần đối chiếu trước khi ghi.',
    );
    expect(lines.filter(Boolean).pop()).toBe('Đơn vị chưa gửi lại: Thanh tra Sở, Phòng Kế hoạch - Tài chính, Phòng Nghiệp vụ Dược, Tổ Công nghệ thông tin, Trung tâm Kiểm soát bệnh tật.');
  });

  it('refuses, in Vietnamese, a merge without returned files, over its input, or of a copy nobody can place', () => {
    expect(cchc('merge', office).stderr).toBe(
      'Lỗi: Lệnh "merge" cần tệp phụ lục của Văn phòng rồi các tệp đơn vị gửi lại, ví dụ: cchc merge ke-hoach.xlsx phieu-cap-nhat-*.xlsx --out ke-hoach.tong-hop.xlsx\n',
    );
    const same = cchc('merge', office, copy, '--out', copy);
    expect([same.status, same.stderr]).toEqual([2, `Lỗi: --out trùng với tệp đầu vào "${copy}": công cụ không ghi đè tệp gốc. Hãy chọn tên tệp khác.\n`]);
    const anonymous = join(dir, 'ban-sao.xlsx');
    copyFileSync(copy, anonymous);
    const r = cchc('merge', office, anonymous, '--out', join(dir, 'x.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Không biết tệp "ban-sao.xlsx" là bản của đơn vị nào/);
    const named = cchc('merge', office, anonymous, '--unit', 'VP Sở', '--out', join(dir, 'y.xlsx'), '--json');
    expect(JSON.parse(named.stdout).returns).toEqual([{ file: 'ban-sao.xlsx', unit: 'Văn phòng Sở', kind: 'copy', answers: 32 }]);
  });

  it('counts the new completions in the report on the merged file', () => {
    const report = (file: string) => JSON.parse(cchc('report', file, '--period', '9M/2024', '--as-of', '2024-10-15', '--out', join(dir, `r-${Math.random()}.xlsx`), '--json').stdout);
    const before = report(office);
    const after = report(merged);
    // Three tasks became done on time: two of the Personnel Office's (Quý III, 30/04), one of the Office's (Quý III).
    expect(after.totals.onTime - before.totals.onTime).toBe(3);
    const unit = (r: { byUnit: { unit: string; onTime: number }[] }, name: string) => r.byUnit.find((u) => u.unit === name)!.onTime;
    expect(unit(after, 'Phòng Tổ chức cán bộ') - unit(before, 'Phòng Tổ chức cán bộ')).toBe(2);
    expect(unit(after, 'Văn phòng Sở') - unit(before, 'Văn phòng Sở')).toBe(1);
  });
});
