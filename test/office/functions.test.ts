import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAppendix } from '../../src/core/reading/appendix';
import { callCatalogue, CATALOGUE, CatalogueError, type CatalogueContext } from '../../src/core/functions/catalogue';
import { isoToSerial, todayIso } from '../../src/core/dates';
import { reportWorkbook } from '../../src/core/index';
import { makePeriod } from '../../src/core/measuring/periods';
import type { CellValue, Grid, WorkbookData } from '../../src/core/types';
import { evaluate, excelName, UserError } from '../../src/hosts/office/functions';
import { buildSheets, OUTCOMES_ROWS, tempDir, readWorkbook } from '../fixtures/workbooks';
import { createExcel, ExcelStore, plainObject } from './fake-excel';

const asOf = '2024-04-10';
let workbook: WorkbookData;
let ctx: CatalogueContext;

beforeAll(async () => {
  const file = join(tempDir(), 'functions.xlsx');
  await buildSheets(file, [{ name: 'Phụ lục', rows: OUTCOMES_ROWS }]);
  workbook = readWorkbook(file);
  ctx = { asOf, appendix: () => readAppendix(workbook, { asOf }) };
});

/** The appendix as Excel holds it: dates as serial numbers. */
function excelGrid(grid: Grid): (string | number | boolean | null)[][] {
  return grid.map((row) => row.map((v) => (v instanceof Date ? isoToSerial(v.toISOString().slice(0, 10)) : v)));
}

describe('functions.json', () => {
  const metadata = JSON.parse(readFileSync(new URL('../../dist/office/functions.json', import.meta.url), 'utf8'));

  it('declares every catalogue function with its id, Excel name, description and parameters', () => {
    expect(metadata.functions.map((f: { id: string }) => f.id)).toEqual(CATALOGUE.map((f) => f.id));
    for (const fn of CATALOGUE) {
      const declared = metadata.functions.find((f: { id: string }) => f.id === fn.id);
      expect(declared.name).toBe(excelName(fn));
      expect(declared.description).toBe(fn.description);
      expect(declared.parameters.map((p: { name: string; description: string; optional?: boolean }) => [p.name, p.description, p.optional ?? false])).toEqual(
        fn.params.map((p) => [p.name, p.description, p.optional]),
      );
      for (const [i, p] of fn.params.entries()) {
        if (p.type === 'range' || fn.elementwise) expect(declared.parameters[i].dimensionality).toBe('matrix');
      }
      if (fn.elementwise) expect(declared.result.dimensionality).toBe('matrix');
    }
  });

  it('types rates and dates as any, so "no data" shows as an empty cell (as in Google Sheets) rather than #VALUE!', () => {
    // functions.json leaves the type out for any.
    const result = (id: string) => metadata.functions.find((f: { id: string }) => f.id === id).result;
    expect(result('ONTIME')).toEqual({});
    expect(result('DOSSIERONTIME')).toEqual({});
    expect(result('OVERDUE')).toEqual({ type: 'number' });
  });
});

describe('the built functions.js', () => {
  it('associates every catalogue id, reads the workbook when no range is given, and raises Vietnamese CustomFunctions errors', async () => {
    const associated = new Map<string, (...a: unknown[]) => Promise<unknown>>();
    class CfError extends Error {
      constructor(readonly code: string, message: string) {
        super(message);
      }
    }
    const store = ExcelStore.from(workbook);
    const context = vm.createContext({
      CustomFunctions: { associate: (id: string, fn: (...a: unknown[]) => Promise<unknown>) => associated.set(id, fn), Error: CfError, ErrorCode: { invalidValue: '#VALUE!' } },
      Excel: createExcel(store, plainObject),
    });
    vm.runInContext(readFileSync(new URL('../../dist/office/functions.js', import.meta.url), 'utf8'), context);
    expect([...associated.keys()].sort()).toEqual(CATALOGUE.map((f) => f.id).sort());

    const today = todayIso();
    const { report } = reportWorkbook(workbook, { asOf: today, period: makePeriod('Q1', 2024) });
    expect(await associated.get('ONTIME')!('Q1/2024', null, null)).toBe(report.rates.onTime);
    expect(await associated.get('TARGET')!([[0.99], [0.5]], [[0.98]], null)).toEqual([['Đạt'], ['Không đạt']]);
    expect(await associated.get('DUE')!([['Quý III/2024']], [[null]])).toEqual([[isoToSerial('2024-09-30')]]);
    await expect(associated.get('ONTIME')!('quý năm', null, null)).rejects.toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^Không hiểu kỳ "quý năm"/) });
    // Nothing falls due in a period of another year: no rate, shown as an empty cell.
    expect(await associated.get('ONTIME')!('Q1/2031', null, null)).toBe('');
  });
});

/** The catalogue as a HyperFormula plugin calling the Excel runtime's own conversion (`evaluate`). */
class CchcPlugin extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(
    CATALOGUE.map((fn) => [fn.name, { method: 'cchc', parameters: fn.params.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })) }]),
  );

  cchc(ast: { procedureName: string; args: unknown[] }, state: unknown) {
    const fn = CATALOGUE.find((f) => f.name === ast.procedureName)!;
    const plain = (v: unknown): CellValue => {
      if (typeof v === 'symbol' || v === undefined) return null;
      if (v && typeof v === 'object' && 'val' in v) return (v as { val: number }).val;
      return v as CellValue;
    };
    const args = ast.args.map((a) => {
      const value = this.evaluateAst(a as never, state as never);
      return value instanceof SimpleRangeValue ? value.data.map((row) => row.map(plain)) : plain(value);
    });
    try {
      const result = evaluate(fn, args, ctx) as unknown;
      return Array.isArray(result) ? (result as unknown[][])[0][0] : result;
    } catch (err) {
      if (err instanceof UserError) return new CellError(ErrorType.VALUE, err.message);
      throw err;
    }
  }
}

describe('custom functions in a real formula engine (HyperFormula)', () => {
  let hf: HyperFormula;
  beforeAll(() => {
    HyperFormula.registerFunctionPlugin(CchcPlugin as never, { enGB: Object.fromEntries(CATALOGUE.map((f) => [f.name, f.name])) });
    hf = HyperFormula.buildFromSheets({ 'Phụ lục': excelGrid(workbook.sheets[0].grid) as never }, { licenseKey: 'gpl-v3' });
  });

  const cell = (formula: string) => {
    const sheet = hf.getSheetId('Phụ lục')!;
    hf.setCellContents({ sheet, row: 40, col: 0 }, [[formula]]);
    return hf.getCellValue({ sheet, row: 40, col: 0 });
  };

  it.each([
    ['=CCHC_ONTIME("Q1/2024",,A3:G13)', 'CCHC_ONTIME', ['Q1/2024', null]],
    ['=CCHC_DONE("Q1/2024",,A3:G13)', 'CCHC_DONE', ['Q1/2024', null]],
    ['=CCHC_OVERDUE("Q1/2024",,A3:G13)', 'CCHC_OVERDUE', ['Q1/2024', null]],
    ['=CCHC_DONE("6 tháng/2024","VP Sở",A3:G13)', 'CCHC_DONE', ['6 tháng/2024', 'VP Sở']],
  ])('%s over the appendix range gives the catalogue’s result', (formula, name, args) => {
    const range = excelGrid(workbook.sheets[0].grid.slice(2, 13));
    const expected = callCatalogue(name, [...(args as (string | null)[]), range], ctx);
    expect(typeof expected).toBe('number');
    // HyperFormula rounds results to its display precision (about 11 significant digits).
    expect(cell(formula)).toBeCloseTo(expected as number, 9);
  });

  it('evaluates the element-wise functions cell by cell like the catalogue, dates as serial numbers', () => {
    expect(cell('=CCHC_DUE(E5)')).toBe(isoToSerial(callCatalogue('CCHC_DUE', ['Quý I/2024'], ctx) as string));
    expect(cell('=CCHC_STATUS(E6,F6,G6)')).toBe('Trễ hạn');
    expect(cell('=CCHC_STATUS(E9,F9,G9)')).toBe(callCatalogue('CCHC_STATUS', ['31/03/2024', 'Đang thực hiện', null], ctx));
    expect(cell('=CCHC_TARGET(0.985,0.98)')).toBe('Đạt');
    expect(cell('=CCHC_SCORE(0.49,0.98,2)')).toBeCloseTo(1);
    const error = cell('=CCHC_ONTIME("quý năm",,A3:G13)') as { type: string; message: string };
    expect(error.type).toBe('VALUE');
    expect(error.message).toMatch(/^Không hiểu kỳ/);
    expect(callCatalogue('CCHC_ONTIME', ['quý năm', null, []], ctx)).toBeInstanceOf(CatalogueError);
  });
});
