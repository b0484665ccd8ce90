/// <reference types="office-js" />
/**
 * The Excel host: the panel's Bridge over Office.js. Every action is one Excel.run: the read takes two syncs plus as
 * many as its bytes need (read.ts: only the sheets the action needs, within the web's 5 MB request limit), the write one.
 */
import { parsePeriod, reportSheetName, type Cutoff } from '../../core/measuring/periods';
import { isOwnReportSheet, looksLikeFormula } from '../../core/presenting/report';
import { isoToSerial, todayIso } from '../../core/dates';
import { formsFor, mergeFor, type ReturnedFile, highlightTargets, panelCheck, panelDocument, panelReminders, panelIndicators, panelInit, reportDone, reportFor, trackingColumnsPlan, type PanelFinding, type ReadJob } from '../../core/service';
import { SETTINGS_SHEET } from '../../core/settings';
import { columnLetter } from '../../core/reading/text';
import type { WorkbookData } from '../../core/types';
import type { Bridge, PanelMerge } from '../../panel/bridge';
import { portableNames } from './functions';
import { parseAddress, readWorkbook } from './read';
import { HIGHLIGHT_COLORS, HIGHLIGHT_SETTING, queueReportSheet, queueSettingsSheet, queueTrackingColumns, type HighlightRecord } from './write';

/** Today where Excel runs (Excel has no workbook time zone). */
export function today(): string {
  return todayIso();
}

async function withWorkbook<T>(
  work: (context: Excel.RequestContext, workbook: WorkbookData) => Promise<T>,
  job: ReadJob = 'check',
  alsoRead?: (name: string) => boolean,
): Promise<T> {
  return Excel.run(async (context) => work(context, await readWorkbook(context, job, alsoRead)));
}

export const officeInit = () => withWorkbook(async (_c, wb) => panelInit(wb, today()));
export const officeCheck = () => withWorkbook(async (_c, wb) => panelCheck(wb, today()));
export const officeIndicators = (code: string, cutoff: Cutoff) => withWorkbook(async (_c, wb) => panelIndicators(wb, today(), code, cutoff), 'report');
export const officeReminders = (days: number) => withWorkbook(async (_c, wb) => panelReminders(wb, today(), days));
export const officeDocument = (code: string, cutoff: Cutoff) => withWorkbook(async (_c, wb) => panelDocument(wb, today(), code, cutoff), 'report');

/**
 * Write the quarterly tab: our previous tab of that name is reused; a user's sheet of that name is left alone.
 * Two people clicking at once may both find no tab and both add it: the second add fails (ItemAlreadyExists), and
 * that run starts over once, now finding the other's tab as its own and replacing it.
 */
export async function officeReport(code: string, cutoff: Cutoff) {
  try {
    return await writeReportOnce(code, cutoff);
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e?.code === 'ItemAlreadyExists' || /already exists/i.test(String(e?.message))) return writeReportOnce(code, cutoff);
    throw err;
  }
}

function writeReportOnce(code: string, cutoff: Cutoff) {
  // A previous tab of this period is read whole: whether it is the tool's own is said at its end.
  const period = parsePeriod(code, cutoff);
  const tabName = period ? reportSheetName(period) : null;
  return withWorkbook(async (context, wb) => {
    const { report, sheet } = reportFor(wb, today(), code, cutoff);
    let name = sheet.name;
    let reuse = false;
    for (let n = 2; ; n++) {
      const existing = wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!existing) break;
      if (isOwnReportSheet(existing)) {
        reuse = true;
        break;
      }
      name = `${sheet.name.slice(0, 26)} (${n})`;
    }
    const ws = reuse ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.add(name);
    queueReportSheet(ws, { ...sheet, name }, reuse);
    await context.sync();
    return reportDone(report, name, null);
  }, 'report', (name) => tabName !== null && name.toLowerCase().startsWith(tabName.toLowerCase()));
}

export function officeSelect(target: Pick<PanelFinding, 'sheet' | 'row' | 'column'>) {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(target.sheet);
    ws.activate();
    ws.getRange(`${target.column}${target.row}`).select();
    await context.sync();
  });
}

export function officeOpenSheet(name: string) {
  return Excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}

export function officeOpenSettings() {
  return withWorkbook(async (context, wb) => {
    const exists = wb.sheets.some((s) => s.name === SETTINGS_SHEET);
    const ws = exists ? context.workbook.worksheets.getItem(SETTINGS_SHEET) : context.workbook.worksheets.add(SETTINGS_SHEET);
    if (!exists) queueSettingsSheet(ws);
    ws.activate();
    await context.sync();
    return { sheet: SETTINGS_SHEET };
  });
}

export function officeAddTrackingColumns() {
  return withWorkbook(async (context, wb) => {
    const plan = trackingColumnsPlan(wb, today());
    const added = queueTrackingColumns(context.workbook.worksheets.getItem(plan.sheet), plan);
    await context.sync();
    return added;
  });
}

/**
 * Colour problem cells by severity; the cells' own fills are kept in the workbook's settings so clearing gives them
 * back. A cell recoloured by the user since is left as it is.
 */
export function officeHighlight(on: boolean) {
  return withWorkbook(async (context, wb) => {
    const stored = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
    stored.load('value');
    await context.sync();
    let count = 0;
    if (!stored.isNullObject) {
      const record = JSON.parse(String(stored.value)) as HighlightRecord;
      const refs = Object.keys(record.cells);
      if (wb.sheets.some((s) => s.name === record.sheet) && refs.length) {
        const ws = context.workbook.worksheets.getItem(record.sheet);
        const areas = refs.map((ref) => ws.getRange(ref));
        areas.forEach((r) => r.format.fill.load('color'));
        await context.sync();
        const ours = new Set(Object.values(HIGHLIGHT_COLORS).map((c) => c.toUpperCase()));
        areas.forEach((r, i) => {
          if (!ours.has(String(r.format.fill.color).toUpperCase())) return;
          const own = record.cells[refs[i]];
          if (own) r.format.fill.color = own;
          else r.format.fill.clear();
          count++;
        });
      }
      stored.delete();
    }
    if (on) {
      const view = panelCheck(wb, today());
      const ws = context.workbook.worksheets.getItem(view.sheet);
      const targets = highlightTargets(view.findings);
      const refs = targets.map((t) => `${t.column}${t.row}`);
      const ranges = refs.map((ref) => ws.getRange(ref));
      ranges.forEach((r) => r.format.fill.load('color'));
      await context.sync();
      const record: HighlightRecord = { sheet: view.sheet, cells: {} };
      ranges.forEach((r, i) => {
        const own = String(r.format.fill.color ?? '');
        record.cells[refs[i]] = own && own.toUpperCase() !== '#FFFFFF' ? own : null;
        r.format.fill.color = HIGHLIGHT_COLORS[targets[i].severity];
      });
      context.workbook.settings.add(HIGHLIGHT_SETTING, JSON.stringify(record));
      count = refs.length;
    }
    await context.sync();
    return { count };
  });
}

/** Said when this Excel has no LAMBDA (Excel 2021 and older): the names cannot be added, the functions still work. */
export const NO_LAMBDA_MESSAGE =
  'Excel này chưa có hàm LAMBDA (cần Microsoft 365, Excel trên web hoặc Excel 2024), nên không thêm được tên CCHC_…. ' +
  'Các hàm vẫn dùng được với tên của Excel, ví dụ =CCHC.ONTIME("Q1/2024") thay cho =CCHC_ONTIME("Q1/2024").';

/**
 * Add the CCHC_… workbook names (LAMBDA aliases) so formulas read the same as in Google Sheets; returns how many.
 * One LAMBDA name is tried first: Excel without LAMBDA refuses it, and then nothing is added and the user is told why.
 */
export function officeAddFormulaNames(): Promise<number> {
  return Excel.run(async (context) => {
    const names = context.workbook.names;
    names.load('items/name');
    await context.sync();
    const existing = new Set(names.items.map((n) => n.name.toUpperCase()));
    const added = portableNames().filter((n) => !existing.has(n.name.toUpperCase()));
    if (!added.length) return 0;
    try {
      names.add(added[0].name, added[0].formula, added[0].comment);
      await context.sync();
    } catch {
      throw new Error(NO_LAMBDA_MESSAGE);
    }
    for (const n of added.slice(1)) names.add(n.name, n.formula, n.comment);
    await context.sync();
    return added.length;
  });
}

/** The update forms' content: the panel writes each .xlsx with ExcelJS. */
export const officeForms = () =>
  withWorkbook(async (_c, wb) => {
    const { sheet, forms, withoutUnit } = formsFor(wb, today(), 'sổ làm việc đang mở');
    return { sheet, forms, withoutUnit };
  });

/**
 * Merge returned files: the same core merge as the command line's. Applying writes only the merge's cells, after
 * one read of their formulas (a formula is never overwritten): one sync to read them, one to write, whatever their
 * number. A date is written as a serial with a date format; text that looks like a formula as text.
 */
export function officeMerge(returned: ReturnedFile[], unit: string | null, apply: boolean): Promise<PanelMerge> {
  return withWorkbook(async (context, wb) => {
    const result = mergeFor(wb, today(), returned, unit ? { unit } : {});
    if (!apply || !result.edits.length) return { ...result, written: 0, formulaCells: [] };
    const ws = context.workbook.worksheets.getItem(result.sheet);
    const cells = result.edits.map((e) => ws.getRangeByIndexes(e.row - 1, e.col, 1, 1));
    for (const cell of cells) cell.load('formulas');
    await context.sync();
    const formulaCells: PanelMerge['formulaCells'] = [];
    result.edits.forEach((e, i) => {
      const formula = cells[i].formulas[0][0];
      if (typeof formula === 'string' && formula.startsWith('=')) {
        formulaCells.push({ row: e.row, column: columnLetter(e.col) });
        return;
      }
      if (e.date) {
        cells[i].numberFormat = [['dd/mm/yyyy']];
        cells[i].values = [[isoToSerial(e.date)]];
      } else cells[i].values = [[e.value === null ? '' : looksLikeFormula(e.value) ? `'${e.value}` : e.value]];
    });
    await context.sync();
    return { ...result, written: result.edits.length - formulaCells.length, formulaCells };
  });
}

export function officeBridge(): Bridge {
  return {
    init: officeInit,
    check: officeCheck,
    select: officeSelect,
    highlight: officeHighlight,
    indicators: officeIndicators,
    report: officeReport,
    document: officeDocument,
    reminders: officeReminders,
    openSheet: officeOpenSheet,
    openSettings: officeOpenSettings,
    addTrackingColumns: officeAddTrackingColumns,
    addFormulaNames: officeAddFormulaNames,
    forms: officeForms,
    merge: officeMerge,
  };
}

export { columnLetter, parseAddress };
