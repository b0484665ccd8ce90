/**
 * What the panel (Google Sheets sidebar, Excel task pane) asks for, computed from plain workbook data. Each host
 * reads the workbook once, calls one of these, and sends the plain result to the panel (no Date objects).
 */
import { APPENDIX_HEAD_ROWS, AppendixNotFoundError, hasAppendixHeader, readAppendix } from './reading/appendix';
import type { Finding } from './measuring/checks';
import { checkWorkbook, reportWorkbook, type CheckResult, type ReportResult } from './index';
import { dossierIndicatorValues, dossierRates, dossierTable, findDossierSheet, withDossierFigures, type DossierFigures } from './measuring/dossiers';
import { readIndicatorSheet, resultsFor, type IndicatorSheet } from './measuring/indicator-sheet';
import type { IndicatorDefinition } from './measuring/indicators';
import { latestEndedPeriod, makePeriod, nextReportDue, parsePeriod, REPORT_SEQUENCE, type Cutoff, type Period, type PeriodType } from './measuring/periods';
import type { QuarterlyReport } from './presenting/report';
import { findUnitName, isOwnReportSheet, reportDueLabel } from './presenting/report';
import { dailyReminderPlan, readReminderLog, REMINDER_LOG_SHEET, reminderMail, remindersFor, type DailyPlan, type Reminders, type UnitReminders } from './measuring/reminders';
import { buildOfficialDocument, type OfficialDocument } from './presenting/document';
import { isSettingsSheet, readSettings, SETTINGS_SHEET, type Settings } from './settings';
import type { IsoDate, Severity, WorkbookData } from './types';
import { buildUpdateForms, readReturnedForm, taskKeys, TRACKING_HEADERS, TRACKING_ROLES, type UpdateForm } from './consolidating/forms';
import { unitAccessPlan, unitUpdates, type AccessPlan, type UnitUpdate } from './consolidating/access';
import { copyAnswers, leadUnits, mergeAnswers, unitFromFileName, type MergeResult, type ReturnedAnswers } from './consolidating/merge';
import { createUnitResolver } from './reading/units';

export interface PanelPeriod {
  code: string;
  label: string;
}

export interface PanelInit {
  planYear: number | null;
  cutoff: Cutoff;
  periods: PanelPeriod[];
  defaultPeriod: string;
  nextReport: { label: string; due: IsoDate };
  asOf: IsoDate;
  /** Set when the workbook has no appendix yet: the panel shows it instead of the views. */
  problem: string | null;
}

export interface PanelFinding extends Finding {
  sheet: string;
}

export interface PanelCheck {
  sheet: string;
  planYear: number;
  tasks: number;
  counts: Record<Severity, number>;
  findings: PanelFinding[];
}

export interface PanelIndicators {
  period: { code: string; label: string; start: IsoDate; end: IsoDate };
  totals: QuarterlyReport['totals'];
  rates: QuarterlyReport['rates'];
  byUnit: { unit: string; due: number; onTimeRate: number | null; overdue: number }[];
  indicators: { name: string; target: number; actual: number | null; result: string | null }[];
}

/**
 * The first rows of each sheet a host reads before the rest: every search for a header (appendix, settings, indicator
 * and dossier sheets) looks no further, so these rows tell which sheets an action needs.
 */
export const HEAD_ROWS = APPENDIX_HEAD_ROWS;

/** What an action computes: checks need the appendix and settings; reports also the indicator and dossier sheets. */
export type ReadJob = 'check' | 'report';

/**
 * The sheets an action reads in full, judged from each sheet's first HEAD_ROWS rows, for hosts that pay for every
 * row they read (Excel on the web refuses a request over 5 MB). A sheet not named here matters only by its name.
 */
export function sheetsToRead(heads: WorkbookData, job: ReadJob): string[] {
  const one = (sheet: WorkbookData['sheets'][number]) => ({ sheets: [sheet] });
  return heads.sheets
    .filter(
      (s) =>
        isSettingsSheet(s) ||
        hasAppendixHeader(s) ||
        (job === 'report' && (readIndicatorSheet(one(s)) !== null || findDossierSheet(one(s)) !== null)),
    )
    .map((s) => s.name);
}

/** Sheets the tool wrote itself, never read as an appendix. */
export function isToolSheet(sheet: WorkbookData['sheets'][number]): boolean {
  return isOwnReportSheet(sheet) || isSettingsSheet(sheet) || sheet.name === REMINDER_LOG_SHEET;
}

/**
 * What the user may set for one run beyond the settings sheet (the command line's options); each wins over the
 * settings sheet, which wins over what is detected.
 */
export interface RunOverrides {
  /** The appendix sheet's name. */
  sheet?: string;
  planYear?: number;
  unitName?: string;
  asOf?: IsoDate;
}

function options(workbook: WorkbookData, settings: Settings, asOf: IsoDate, overrides: RunOverrides = {}) {
  // A sheet of the user's own ("Chỉ tiêu") may add indicators or change the settings' targets.
  const separate = readIndicatorSheet({ sheets: workbook.sheets.filter((s) => !isToolSheet(s)) }, settings.indicators);
  const run = {
    asOf,
    sheet: overrides.sheet,
    planYear: overrides.planYear ?? settings.planYear ?? undefined,
    units: settings.units,
    ignoreSheets: isToolSheet,
    unitName: overrides.unitName ?? settings.unitName ?? undefined,
    reportDueDay: settings.reportDueDay,
    indicators: separate?.definitions ?? settings.indicators,
  };
  return { run, separate };
}

/**
 * The typed indicator results for the report's period: the settings sheet's first, then a sheet of the user's own
 * ("Chỉ tiêu"). An indicator whose result names no period keeps no figure, and its source says why.
 */
function indicatorResults(settings: Settings, separate: IndicatorSheet | null, period: Period, cutoff: Cutoff, definitions: readonly IndicatorDefinition[]) {
  const { values, undated } = resultsFor([...settings.indicatorResults, ...(separate?.entries ?? [])], period, cutoff);
  const where = separate ? `trang "${separate.sheet}"` : `trang "${SETTINGS_SHEET}"`;
  const note = `có kết quả nhưng chưa ghi kỳ báo cáo: ghi kỳ (ví dụ ${period.code}) ở cột "Kỳ báo cáo", ${where}`;
  return {
    indicatorValues: values,
    indicators: definitions.map((d) => (undated.includes(d.id) ? { ...d, basis: `${d.basis}; ${note}` } : d)),
  };
}

/** The date figures are computed at: the settings' "Ngày tính số liệu", else today. */
export function effectiveAsOf(workbook: WorkbookData, today: IsoDate): IsoDate {
  return readSettings(workbook).asOf ?? today;
}

export function panelInit(workbook: WorkbookData, today: IsoDate): PanelInit {
  const settings = readSettings(workbook);
  const asOf = settings.asOf ?? today;
  let planYear: number | null = settings.planYear;
  let problem: string | null = null;
  try {
    planYear = checkFor(workbook, today).appendix.planYear;
  } catch (err) {
    if (!(err instanceof AppendixNotFoundError)) throw err;
    problem = err.message;
  }
  const year = planYear ?? Number(asOf.slice(0, 4));
  const types: PeriodType[] = ['Q1', 'Q2', 'H1', 'Q3', '9M', 'Q4', 'Y'];
  const periods = types.map((t) => makePeriod(t, year, settings.cutoff)).map((p) => ({ code: p.code, label: p.label }));
  const latest = latestEndedPeriod(asOf, settings.cutoff);
  const defaultPeriod = latest.year === year ? latest.code : makePeriod(REPORT_SEQUENCE[0], year).code;
  const next = nextReportDue(asOf, settings.cutoff, settings.reportDueDay);
  return { planYear, cutoff: settings.cutoff, periods, defaultPeriod, nextReport: { label: next.period.label, due: next.due }, asOf, problem };
}

/** Check the workbook with its settings sheet (and the run's overrides): the one path every front end takes. */
export function checkFor(workbook: WorkbookData, today: IsoDate, overrides: RunOverrides = {}): CheckResult {
  return checkWith(workbook, readSettings(workbook), today, overrides);
}

function checkWith(workbook: WorkbookData, settings: Settings, today: IsoDate, overrides: RunOverrides): CheckResult {
  const asOf = overrides.asOf ?? settings.asOf ?? today;
  return checkWorkbook(workbook, options(workbook, settings, asOf, overrides).run);
}

export function panelCheck(workbook: WorkbookData, today: IsoDate): PanelCheck {
  const { appendix, findings } = checkFor(workbook, today);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    sheet: appendix.sheet,
    planYear: appendix.planYear,
    tasks: appendix.tasks.length,
    counts,
    findings: findings.map((f) => ({ ...f, sheet: appendix.sheet })),
  };
}

function periodFor(code: string, cutoff: Cutoff) {
  const period = parsePeriod(code, cutoff);
  if (!period) throw new AppendixNotFoundError(`Không hiểu kỳ báo cáo "${code}": chọn Q1/2024, 6 tháng/2024, 9 tháng/2024 hoặc năm.`);
  return period;
}

/** A report as the service builds it: with the settings it read and the dossier sheet's figures it counted. */
export interface ServiceReport extends ReportResult {
  settings: Settings;
  dossiers: DossierFigures | null;
}

/**
 * The report for a period, as data and as the tab's cells, with the settings sheet (and the run's overrides): the
 * one path every front end takes. Throws AppendixNotFoundError with a Vietnamese message.
 */
export function reportFor(workbook: WorkbookData, today: IsoDate, code: string, cutoff?: Cutoff, overrides: RunOverrides = {}): ServiceReport {
  const settings = readSettings(workbook);
  const asOf = overrides.asOf ?? settings.asOf ?? today;
  const chosenCutoff = cutoff ?? settings.cutoff;
  const period = periodFor(code, chosenCutoff);
  const { run, separate } = options(workbook, settings, asOf, overrides);
  const typed = indicatorResults(settings, separate, period, chosenCutoff, run.indicators);
  const dossiers = dossierIndicatorValues(workbook, period, asOf);
  const result = reportWorkbook(workbook, { ...run, ...withDossierFigures(dossiers, typed.indicators, typed.indicatorValues), period });
  return { ...result, settings, dossiers };
}

/**
 * The official report (the document that is sent) for a report already built: the same figures, settings and
 * dossier sheet, and the one-stop-shop table (counted here, when a document is asked for). Every front end drafts it
 * through here.
 */
export function officialDocumentFor(result: ServiceReport, date?: IsoDate): OfficialDocument {
  const { report, settings, dossiers: found } = result;
  // The one-stop-shop table needs due dates; an export without them gives the rates it can.
  const dossiers = found?.data.due ? { sheet: found.sheet, table: dossierTable(found.data, report.period, report.asOf), rates: dossierRates(found.counts) } : null;
  return buildOfficialDocument(report, result.appendix, settings.officialReport, date ?? report.asOf, { criteria: settings.parCriteria, dossiers });
}

/** Reminders per lead unit, with the e-mails of the settings' unit directory: the one path every front end takes. */
export function remindersForWorkbook(workbook: WorkbookData, today: IsoDate, days: number, overrides: RunOverrides = {}): Reminders & { unitName: string } {
  const settings = readSettings(workbook);
  const { appendix, asOf } = checkWith(workbook, settings, today, overrides);
  return { ...remindersFor(appendix, asOf, days, settings.units), unitName: officeName(appendix, settings, overrides) };
}

/** Who gathers the units' answers and sends the reminders: the run's unit name, the settings', the title's. */
function officeName(appendix: CheckResult['appendix'], settings: Settings, overrides: RunOverrides): string {
  return overrides.unitName ?? settings.unitName ?? findUnitName(appendix.titleLines) ?? 'Văn phòng Sở Y tế';
}

/**
 * Today's reminder e-mails for the daily trigger: what reached a new stage since the log's last run, and the
 * Office's reminder of the next report. The one path the trigger takes.
 */
export function dailyRemindersFor(workbook: WorkbookData, today: IsoDate): DailyPlan {
  const settings = readSettings(workbook);
  // Reminders speak of the real today, whatever date the settings fix for the figures.
  const { appendix, asOf } = checkWith(workbook, settings, today, { asOf: today });
  const next = nextReportDue(asOf, settings.cutoff, settings.reportDueDay);
  return dailyReminderPlan(appendix, asOf, {
    stages: settings.reminderDays,
    directory: settings.units,
    log: readReminderLog(workbook),
    sender: officeName(appendix, settings, {}),
    keys: taskKeys(appendix.tasks),
    report: { email: settings.officeEmail, due: next.due, label: next.period.label, code: next.period.code },
  });
}

/** Who may edit which cells when units update the shared spreadsheet (Google Sheets protections). */
export function accessPlanFor(workbook: WorkbookData, today: IsoDate): AccessPlan {
  const settings = readSettings(workbook);
  return unitAccessPlan(checkWith(workbook, settings, today, {}).appendix, settings.units);
}

/** When each lead unit last updated its tasks, from the stamps its edits left. */
export function unitUpdatesFor(workbook: WorkbookData, today: IsoDate, stamps: Readonly<Record<string, IsoDate>>): UnitUpdate[] {
  return unitUpdates(checkFor(workbook, today).appendix, stamps);
}

/** The update forms, one per named lead unit: the one path every front end takes. */
export function formsFor(workbook: WorkbookData, today: IsoDate, file: string, overrides: RunOverrides = {}): { sheet: string; forms: UpdateForm[]; withoutUnit: number } {
  const settings = readSettings(workbook);
  const { appendix, asOf } = checkWith(workbook, settings, today, overrides);
  const grid = workbook.sheets.find((s) => s.name === appendix.sheet)!.grid;
  const forms = buildUpdateForms(appendix, grid, settings.units, { sentOn: asOf, file, office: officeName(appendix, settings, overrides) });
  return { sheet: appendix.sheet, forms, withoutUnit: appendix.tasks.filter((t) => !t.owners.some((o) => !o.vague)).length };
}

/** A returned file as the merge is given it: its name (to recognise its unit and to name it in the results). */
export interface ReturnedFile {
  file: string;
  workbook: WorkbookData;
}

/** A returned file the merge cannot use; the message says what was expected. */
export class ReturnedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReturnedFileError';
  }
}

/**
 * The merge of returned forms and full copies into the appendix: the cells to write and what was not applied. A
 * full copy's unit is `unit` when given (one copy at a time), else read from its file name.
 */
export function mergeFor(workbook: WorkbookData, today: IsoDate, returned: readonly ReturnedFile[], overrides: RunOverrides & { unit?: string } = {}): MergeResult {
  const settings = readSettings(workbook);
  const { appendix } = checkWith(workbook, settings, today, overrides);
  const grid = workbook.sheets.find((s) => s.name === appendix.sheet)!.grid;
  const units = leadUnits(appendix);
  const list = units.map((u) => `"${u}"`).join(', ');
  let named: string | null = null;
  if (overrides.unit !== undefined) {
    named = createUnitResolver(settings.units).resolve(overrides.unit).name;
    if (!units.includes(named)) throw new ReturnedFileError(`--unit "${overrides.unit}" không chủ trì nhiệm vụ nào trong phụ lục. Các đơn vị chủ trì: ${list}.`);
  }
  const returns: ReturnedAnswers[] = returned.map(({ file, workbook: wb }) => {
    const form = readReturnedForm(wb);
    if (form) return { file, unit: form.unit, kind: 'form', answers: form.answers };
    let copy;
    try {
      copy = readAppendix(wb, { units: settings.units, ignoreSheets: isToolSheet, planYear: appendix.planYear });
    } catch (err) {
      if (err instanceof AppendixNotFoundError) {
        throw new ReturnedFileError(`Tệp "${file}" không phải phiếu cập nhật do công cụ tạo, cũng không có bảng phụ lục (cần cột nội dung nhiệm vụ và đơn vị chủ trì hoặc thời gian).`);
      }
      throw err;
    }
    const unit = named ?? unitFromFileName(file, units, settings.units);
    if (!unit) {
      throw new ReturnedFileError(
        `Không biết tệp "${file}" là bản của đơn vị nào: ghi tên đơn vị vào tên tệp (ví dụ "ke-hoach - Phong To chuc can bo.xlsx") ` +
          `hoặc dùng --unit "Tên đơn vị" (mỗi lần một tệp). Các đơn vị chủ trì: ${list}.`,
      );
    }
    const copyGrid = wb.sheets.find((s) => s.name === copy.sheet)!.grid;
    return { file, unit, kind: 'copy', answers: copyAnswers(copy, copyGrid) };
  });
  const copies = returns.filter((r) => r.kind === 'copy');
  if (named && copies.length > 1) throw new ReturnedFileError(`--unit chỉ dùng với một bản sao phụ lục; lần này có ${copies.length}: ${copies.map((c) => `"${c.file}"`).join(', ')}.`);
  return mergeAnswers(appendix, grid, returns);
}

export interface PanelReminders {
  asOf: IsoDate;
  days: number;
  units: (UnitReminders & { mail: { subject: string; body: string } })[];
}

/** The reminders for the panel, each unit with its e-mail text (the panel offers it as a mailto: link). */
export function panelReminders(workbook: WorkbookData, today: IsoDate, days = 7): PanelReminders {
  const r = remindersForWorkbook(workbook, today, days);
  return { asOf: r.asOf, days: r.days, units: r.units.map((u) => ({ ...u, mail: reminderMail(u, r.asOf, r.days, r.unitName) })) };
}

export interface PanelDocument {
  document: OfficialDocument;
  /** "bao-cao-cchc-Q1-2024.docx". */
  fileName: string;
}

/** The official report for the panel's download button: the same core path as `cchc report --docx`. */
export function panelDocument(workbook: WorkbookData, today: IsoDate, code: string, cutoff?: Cutoff): PanelDocument {
  const result = reportFor(workbook, today, code, cutoff);
  return { document: officialDocumentFor(result), fileName: `bao-cao-cchc-${result.report.period.code.replace('/', '-')}.docx` };
}

export function panelIndicators(workbook: WorkbookData, today: IsoDate, code: string, cutoff?: Cutoff): PanelIndicators {
  const { report } = reportFor(workbook, today, code, cutoff);
  return {
    period: { code: report.period.code, label: report.period.label, start: report.period.start, end: report.period.end },
    totals: report.totals,
    rates: report.rates,
    byUnit: report.byUnit.map((u) => ({ unit: u.unit, due: u.due, onTimeRate: u.onTimeRate, overdue: u.overdue })),
    indicators: report.indicators.map((i) => ({ name: i.name, target: i.target, actual: i.actual, result: i.result })),
  };
}

/** Where the "Tiến độ" / "Ngày hoàn thành" columns go: after the last used column, over the task rows. */
export interface TrackingColumnsPlan {
  sheet: string;
  /** 1-based rows. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** 0-based: the first column with nothing in it, so no existing column moves or is overwritten. */
  firstFreeColumn: number;
  needStatus: boolean;
  needDoneDate: boolean;
  /**
   * The headers to add, in order: "Tiến độ" and "Ngày hoàn thành" (with their dropdown and date check), then the
   * columns units write back into, "Kết quả thực hiện", "Khó khăn, vướng mắc", "Đề xuất"; each only when missing.
   */
  headers: string[];
}

export function trackingColumnsPlan(workbook: WorkbookData, today: IsoDate): TrackingColumnsPlan {
  const { appendix } = checkFor(workbook, today);
  // The appendix was read from one of these sheets, so it is there.
  const grid = workbook.sheets.find((s) => s.name === appendix.sheet)!.grid;
  const lastTask = appendix.tasks[appendix.tasks.length - 1];
  const needStatus = appendix.columns.status === undefined;
  const needDoneDate = appendix.columns.doneDate === undefined;
  return {
    sheet: appendix.sheet,
    headerRow: appendix.headerRows[0],
    firstRow: appendix.headerRows[appendix.headerRows.length - 1] + 1,
    lastRow: lastTask ? Math.max(...lastTask.rows) : appendix.headerRows[0] + 1,
    firstFreeColumn: Math.max(0, ...grid.map((r) => r.length)),
    needStatus,
    needDoneDate,
    headers: TRACKING_ROLES.filter((role) => appendix.columns[role] === undefined).map((role) => TRACKING_HEADERS[role]),
  };
}

/** The cells to highlight: one entry per cell, with the most severe of its findings. */
export function highlightTargets(findings: Pick<Finding, 'row' | 'column' | 'severity'>[]): { row: number; column: string; severity: Severity }[] {
  const order: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
  const strongest = new Map<string, { row: number; column: string; severity: Severity }>();
  for (const f of findings) {
    const key = `${f.column}${f.row}`;
    const prev = strongest.get(key);
    // Stryker disable next-line EqualityOperator: an equal severity at the same cell stores the same entry.
    if (!prev || order[f.severity] > order[prev.severity]) strongest.set(key, { row: f.row, column: f.column, severity: f.severity });
  }
  return [...strongest.values()];
}

export interface PanelReportDone {
  tab: string;
  /** A link to the new tab where the host has one (Google Sheets); hosts without one open it by name. */
  url: string | null;
  period: string;
  totals: QuarterlyReport['totals'];
  rates: QuarterlyReport['rates'];
  overdue: number;
  problems: number;
  reportDue: IsoDate;
  /** The deadline as the panel shows it: "20/06/2024 (đã quá 20 ngày)". */
  reportDueLabel: string;
  nextReport: { label: string; due: IsoDate };
}

export function reportDone(report: QuarterlyReport, tab: string, url: string | null): PanelReportDone {
  return {
    tab,
    url,
    period: report.period.label,
    totals: report.totals,
    rates: report.rates,
    overdue: report.overdue.length,
    problems: report.problems.length,
    reportDue: report.reportDue,
    reportDueLabel: reportDueLabel(report.reportDue, report.asOf),
    nextReport: report.nextReport,
  };
}
