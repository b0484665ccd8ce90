/// <reference types="office-js" />
/// <reference types="custom-functions-runtime" />
/**
 * Excel custom functions from the core's catalogue. `evaluate` converts Excel's values (serial dates, 2-D ranges,
 * null for omitted arguments) to the catalogue's and back; the associated functions add the workbook reads Excel
 * needs (settings always, the appendix when no range is given) and turn user errors into CustomFunctions.Error.
 */
import { readAppendix } from '../../core/reading/appendix';
import { callCatalogue, CATALOGUE, CatalogueError, type Argument, type CatalogueContext, type CatalogueFunction, type CatalogueResult } from '../../core/functions/catalogue';
import { isoToSerial, todayIso } from '../../core/dates';
import { isToolSheet } from '../../core/service';
import { readSettings, SETTINGS_SHEET } from '../../core/settings';
import type { CellValue, WorkbookData } from '../../core/types';
import { readWorkbook } from './read';

/** Excel's name for a catalogue function: the manifest's namespace CCHC is prefixed, so CCHC_ONTIME is =CCHC.ONTIME(). */
export function excelName(fn: CatalogueFunction): string {
  return fn.name.replace(/^CCHC_/, '');
}

function toArgument(value: unknown): Argument {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]).map((v) => (v === '' || v === undefined ? null : (v as CellValue))));
  return value === undefined || value === '' ? null : (value as CellValue);
}

export class UserError extends Error {}

/** Catalogue result → Excel value; a user error becomes a UserError (the caller maps it to CustomFunctions.Error). */
function fromResult(result: CatalogueResult, fn: CatalogueFunction): unknown {
  const one = (v: unknown): unknown => {
    if (v instanceof CatalogueError) throw new UserError(v.message);
    if (v === null || v === undefined) return '';
    if (fn.result === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return isoToSerial(v);
    return v;
  };
  if (Array.isArray(result)) return result.map((row) => row.map(one));
  const value = one(result);
  // Element-wise functions are declared as returning a matrix.
  return fn.elementwise ? [[value]] : value;
}

export function evaluate(fn: CatalogueFunction, args: unknown[], ctx: CatalogueContext): unknown {
  return fromResult(callCatalogue(fn.name, args.map(toArgument), ctx), fn);
}

/** Does this call need the appendix from the workbook (the optional appendix range left out)? */
export function needsWorkbook(fn: CatalogueFunction, args: unknown[]): boolean {
  return fn.params.some((p, i) => p.type === 'range' && p.optional && (args[i] === null || args[i] === undefined || args[i] === '' || (Array.isArray(args[i]) && (args[i] as unknown[][]).every((r) => r.every((v) => v === '' || v === null)))));
}

async function readForFunction(fn: CatalogueFunction, args: unknown[]): Promise<WorkbookData> {
  return Excel.run(async (context) => {
    if (needsWorkbook(fn, args)) return readWorkbook(context);
    const used = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET).getUsedRangeOrNullObject(true);
    used.load('values');
    await context.sync();
    return { sheets: used.isNullObject ? [] : [{ name: SETTINGS_SHEET, grid: used.values as CellValue[][] }] };
  });
}

export function customFunction(fn: CatalogueFunction) {
  return async (...args: unknown[]): Promise<unknown> => {
    // Excel appends an invocation object for some functions; the catalogue's parameters are all that count.
    const given = args.slice(0, fn.params.length);
    const workbook = await readForFunction(fn, given);
    const settings = readSettings(workbook);
    const asOf = settings.asOf ?? todayIso();
    try {
      return evaluate(fn, given, {
        asOf,
        cutoff: settings.cutoff,
        planYear: settings.planYear ?? undefined,
        units: settings.units,
        appendix: () => readAppendix(workbook, { asOf, planYear: settings.planYear ?? undefined, units: settings.units, ignoreSheets: isToolSheet }),
      });
    } catch (err) {
      if (err instanceof UserError) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, err.message);
      throw err;
    }
  };
}

/** Register every catalogue function under its id (the build checks the ids against functions.json). */
export function associateAll(): string[] {
  return CATALOGUE.map((fn) => {
    CustomFunctions.associate(fn.id, customFunction(fn));
    return fn.id;
  });
}

/**
 * Workbook names that let `=CCHC_ONTIME(...)` (the Google Sheets spelling) work in Excel 365: each is a LAMBDA
 * calling the namespaced function, with every parameter optional.
 */
export function portableNames(): { name: string; formula: string; comment: string }[] {
  return CATALOGUE.map((fn) => {
    const params = fn.params.map((p) => p.name);
    const passed = params.map((p) => `IF(ISOMITTED(${p}),"",${p})`);
    return {
      name: fn.name,
      formula: `=LAMBDA(${params.map((p) => `[${p}]`).join(',')},CCHC.${excelName(fn)}(${passed.join(',')}))`,
      comment: `Tên dùng chung với Google Sheets cho =CCHC.${excelName(fn)}()`,
    };
  });
}
