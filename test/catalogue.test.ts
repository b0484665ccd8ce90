import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAppendix } from '../src/core/reading/appendix';
import { CATALOGUE, CatalogueError, callCatalogue, type CatalogueContext } from '../src/core/functions/catalogue';
import { reportWorkbook } from '../src/core/index';
import { makePeriod, parsePeriod } from '../src/core/measuring/periods';
import type { Grid, WorkbookData } from '../src/core/types';
import { buildSheets, OUTCOMES_ROWS, tempDir, utc, readWorkbook } from './fixtures/workbooks';

let workbook: WorkbookData;
let range: Grid;
const asOf = '2024-04-10';
let ctx: CatalogueContext;

beforeAll(async () => {
  const file = join(tempDir(), 'catalogue.xlsx');
  await buildSheets(file, [{ name: 'Phụ lục', rows: OUTCOMES_ROWS }]);
  workbook = readWorkbook(file);
  range = workbook.sheets[0].grid.slice(2); // from the header row down, as a user selects it
  ctx = { asOf, appendix: () => readAppendix(workbook, { asOf }) };
});

const call = (name: string, ...args: unknown[]) => callCatalogue(name, args as never, ctx);

describe('the custom-function catalogue', () => {
  it('declares each function once with a Vietnamese description and parameters', () => {
    const names = CATALOGUE.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['CCHC_ONTIME', 'CCHC_DONE', 'CCHC_OVERDUE', 'CCHC_DUE', 'CCHC_STATUS', 'CCHC_TARGET']));
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(CATALOGUE.map((f) => f.id)).size).toBe(names.length);
    for (const f of CATALOGUE) {
      expect(f.description).toMatch(/[ạảãàáâăđêôơư]/i);
      expect(f.params.every((p) => /^[a-z_]+$/.test(p.name) && p.description.length > 10)).toBe(true);
    }
  });

  it.each([
    ['Q1/2024', 'calendar'],
    ['H1/2024', 'calendar'],
    ['Q1/2024', 'nd09'],
    ['9M/2024', 'nd09'],
  ] as const)('gives the same on-time and completion rates and overdue count as the report for %s (%s)', (code, cutoff) => {
    const { report } = reportWorkbook(workbook, { asOf, period: parsePeriod(code, cutoff)! });
    const c = { ...ctx, cutoff };
    expect(callCatalogue('CCHC_ONTIME', [code, null, range], c)).toBe(report.rates.onTime);
    expect(callCatalogue('CCHC_DONE', [code, null, range], c)).toBe(report.rates.completion);
    expect(callCatalogue('CCHC_OVERDUE', [code, null, range], c)).toBe(report.totals.overdue);
    expect(callCatalogue('CCHC_ONTIME', [code], c)).toBe(report.rates.onTime);
  });

  it('accepts the period in Vietnamese and filters by lead unit, written any way the directory knows', () => {
    const { report } = reportWorkbook(workbook, { asOf, period: makePeriod('Q1', 2024) });
    const vp = report.byUnit.find((u) => u.unit === 'Văn phòng Sở')!;
    expect(call('CCHC_DONE', 'Quý I/2024', 'VP Sở', range)).toBe(vp.completionRate);
    expect(call('CCHC_ONTIME', 'Quý I/2024', 'Thanh tra', range)).toBe(1);
  });

  it('covers the plan year up to today when called with no argument', () => {
    expect(call('CCHC_ONTIME')).toBe(0.25);
    expect(call('CCHC_OVERDUE')).toBe(1);
  });

  it('returns a Vietnamese error value for a period it cannot read or a range with no header', () => {
    const bad = call('CCHC_ONTIME', 'quý năm', null, range);
    expect(bad).toBeInstanceOf(CatalogueError);
    expect((bad as CatalogueError).message).toMatch(/Không hiểu kỳ "quý năm"/);
    const noHeader = call('CCHC_ONTIME', 'Q1/2024', null, [[1, 'x', 'y']]);
    expect((noHeader as CatalogueError).message).toMatch(/Không tìm thấy bảng phụ lục/);
  });

  it('turns time-frame text into due dates, element by element over a range', () => {
    expect(call('CCHC_DUE', 'Quý III/2020')).toBe('2020-09-30');
    expect(call('CCHC_DUE', [['Quý I'], ['Tháng 11, 12'], ['Thường xuyên'], [utc(5, 2, 2024)], [45382]], 2024)).toEqual([
      ['2024-03-31'],
      ['2024-12-31'],
      [''],
      ['2024-02-05'],
      ['2024-03-31'],
    ]);
    expect(call('CCHC_DUE', 'Hằng quý', 2024)).toBe('2024-06-30');
    expect(call('CCHC_DUE', 'sớm')).toBeInstanceOf(CatalogueError);
  });

  it('labels each task’s status today, element by element', () => {
    const result = call(
      'CCHC_STATUS',
      [['Quý I/2024'], ['15/02/2024'], ['31/03/2024'], ['Quý II/2024'], ['Thường xuyên'], ['Hằng quý'], ['Khi có yêu cầu'], [null], ['Quý I/2024'], ['Tháng 1/2024']],
      [['Hoàn thành'], ['Hoàn thành'], ['Đang thực hiện'], [''], ['Đang thực hiện'], [''], [''], [''], ['Hủy'], ['HT']],
      [[utc(20, 3, 2024)], ['01/03/2024'], [null], [null], [null], [null], [null], [null], [null], [null]],
      2024,
    );
    expect(result).toEqual([
      ['Đúng hạn'],
      ['Trễ hạn'],
      ['Quá hạn'],
      ['Chưa đến hạn'],
      ['Thường xuyên'],
      ['Định kỳ'],
      ['Khi có yêu cầu'],
      [''],
      ['Không thực hiện'],
      ['Hoàn thành (chưa ghi ngày)'],
    ]);
    expect(call('CCHC_STATUS', null, 'x')).toBe('Chưa có thời hạn');
  });

  it('compares results with targets and scores them', () => {
    expect(call('CCHC_TARGET', 0.985, 0.98)).toBe('Đạt');
    expect(call('CCHC_TARGET', '97%', '98%')).toBe('Không đạt');
    expect(call('CCHC_TARGET', [[0.99], [0.5]], 0.98)).toEqual([['Đạt'], ['Không đạt']]);
    expect(call('CCHC_TARGET', 0.8, 0.8, '>')).toBe('Không đạt');
    expect(call('CCHC_SCORE', 0.49, 0.98, 2)).toBeCloseTo(1);
    expect(call('CCHC_TARGET', 'nhiều', 0.9)).toBeInstanceOf(CatalogueError);
  });

  it('throws only when a host asks for a function that does not exist', () => {
    expect(() => call('CCHC_NOPE')).toThrow(/Unknown catalogue function/);
  });
});
