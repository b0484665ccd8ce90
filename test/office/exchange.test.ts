/**
 * The units' loop in the Excel host (in-memory Excel): the forms' content, the merge preview that changes nothing,
 * the merge that writes only its cells (dates as dates, formulas never overwritten) in a constant number of syncs,
 * and a returned file read by the task pane (ExcelJS) giving the same merge as the command line's reader.
 */
import ExcelJS from 'exceljs';
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { formsFor, mergeFor } from '../../src/core/service';
import type { WorkbookData } from '../../src/core/types';
import { workbookFromExcelJS } from '../../src/forms/read';
import { updateFormWorkbook } from '../../src/forms/write';
import { officeForms, officeMerge } from '../../src/hosts/office/host';
import { XlsxPackage } from '../../src/xlsx/package';
import { readWorkbookData } from '../../src/xlsx/read';
import { OUTCOMES_ROWS } from '../fixtures/workbooks';
import { createExcel, ExcelStore } from './fake-excel';

const OFFICE: WorkbookData = { sheets: [{ name: 'Phụ lục', grid: OUTCOMES_ROWS.map((r) => r.map((v) => (v === '' ? null : v))) }] };

function useWorkbook(workbook: WorkbookData): ExcelStore {
  const store = ExcelStore.from(workbook);
  (globalThis as Record<string, unknown>).Excel = createExcel(store, (d) => new OfficeMockObject(d) as unknown as Record<string, unknown>);
  return store;
}

/** Phòng Tổ chức cán bộ's form, filled in: both its tasks done (statuses F9, F10; dates G9, G10). */
async function returnedForm(): Promise<Buffer> {
  const form = formsFor(OFFICE, '2024-04-10', 'ke-hoach.xlsx').forms.find((f) => f.unit === 'Phòng Tổ chức cán bộ')!;
  const wb = await updateFormWorkbook(ExcelJS, form);
  const ws = wb.getWorksheet('Phiếu cập nhật')!;
  ws.getCell('G6').value = 'Đã hoàn thành';
  ws.getCell('H6').value = new Date(Date.UTC(2024, 2, 28));
  ws.getCell('G7').value = 'Đã hoàn thành';
  ws.getCell('H7').value = '02/04/2024';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function asPaneReadsIt(buffer: Buffer): Promise<WorkbookData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbookFromExcelJS(wb);
}

describe('the units’ loop in Excel', () => {
  it('gives the forms’ content: one per named lead unit, in reading order', async () => {
    useWorkbook(OFFICE);
    const { forms, withoutUnit } = await officeForms();
    expect(forms.map((f) => [f.unit, f.tasks.map((t) => t.row)])).toEqual([
      ['Thanh tra Sở', [5]],
      ['Văn phòng Sở', [6, 7, 11, 13]],
      ['Phòng Tổ chức cán bộ', [9, 10]],
      ['Trung tâm Kiểm soát bệnh tật', [12]],
    ]);
    expect(withoutUnit).toBe(0);
  });

  it('previews without writing, then writes only the merge’s cells, a date as a date serial', async () => {
    const store = useWorkbook(OFFICE);
    const returned = [{ file: 'phieu-tccb.xlsx', workbook: await asPaneReadsIt(await returnedForm()) }];
    const before = store.dump('Phụ lục');
    const preview = await officeMerge(returned, null, false);
    expect(preview.applied.map((a) => [a.row, a.column, a.value])).toEqual([
      [9, 'F', 'Đã hoàn thành'],
      [9, 'G', '2024-03-28'],
      [10, 'F', 'Đã hoàn thành'],
      [10, 'G', '2024-04-02'],
    ]);
    expect(preview.written).toBe(0);
    expect(store.dump('Phụ lục')).toEqual(before);
    const done = await officeMerge(returned, null, true);
    expect(done.written).toBe(4);
    const sheet = store.sheet('Phụ lục');
    // 28/03/2024 is serial 45379 (1 January 2024 is 45292), 02/04/2024 is 45384.
    expect([sheet.values.get('8:5'), sheet.values.get('8:6'), sheet.formats.get('8:6'), sheet.values.get('9:6')]).toEqual(['Đã hoàn thành', 45379, 'dd/mm/yyyy', 45384]);
    const after = store.dump('Phụ lục');
    const changed = after.flatMap((row, r) => row.flatMap((v, c) => (v !== (before[r]?.[c] ?? null) && !(v instanceof Date) ? [`${r + 1}:${c}`] : [])));
    expect(changed).toEqual(['9:5', '9:6', '10:5', '10:6']);
  });

  it('never overwrites a formula, and names the cell', async () => {
    const store = useWorkbook(OFFICE);
    store.sheet('Phụ lục').formulas = new Map([['9:5', '=IF(G10<>"","Đã hoàn thành","")']]);
    const done = await officeMerge([{ file: 'phieu-tccb.xlsx', workbook: await asPaneReadsIt(await returnedForm()) }], null, true);
    expect(done.formulaCells).toEqual([{ row: 10, column: 'F' }]);
    expect(done.written).toBe(3);
    expect(store.sheet('Phụ lục').values.get('9:5')).toBe('Không thực hiện');
  });

  it('writes four cells or one in the same number of syncs', async () => {
    const syncs = async (fill: (ws: ExcelJS.Worksheet) => void) => {
      const form = formsFor(OFFICE, '2024-04-10', 'x.xlsx').forms.find((f) => f.unit === 'Văn phòng Sở')!;
      const wb = await updateFormWorkbook(ExcelJS, form);
      fill(wb.getWorksheet('Phiếu cập nhật')!);
      const returned = [{ file: 'vp.xlsx', workbook: await asPaneReadsIt(Buffer.from(await wb.xlsx.writeBuffer())) }];
      const store = useWorkbook(OFFICE);
      const done = await officeMerge(returned, null, true);
      return [done.written, store.syncs];
    };
    const one = await syncs((ws) => (ws.getCell('I6').value = 'Đã ban hành'));
    const four = await syncs((ws) => ['I6', 'I7', 'I8', 'I9'].forEach((a) => (ws.getCell(a).value = 'Xong')));
    // Four answers in the result column, which the appendix lacks: the header is written too.
    expect([one[0], four[0]]).toEqual([2, 5]);
    expect(four[1]).toBe(one[1]);
  });

  it('merges a returned file read by the task pane exactly as the command line’s reader does', async () => {
    const buffer = await returnedForm();
    const pane = mergeFor(OFFICE, '2024-04-10', [{ file: 'f.xlsx', workbook: await asPaneReadsIt(buffer) }]);
    const cli = mergeFor(OFFICE, '2024-04-10', [{ file: 'f.xlsx', workbook: readWorkbookData(new XlsxPackage(buffer)) }]);
    expect(pane).toEqual(cli);
    expect(pane.applied).toHaveLength(4);
  });
});
