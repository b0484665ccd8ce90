/**
 * The core's front door. Hosts (command line, Apps Script, Office.js) call these with plain data and get plain
 * data back; nothing here touches files, the DOM or a spreadsheet API.
 */
import { readAppendix, type Appendix, type ReadOptions } from './reading/appendix';
import { checkAppendix, type Finding } from './measuring/checks';
import { todayIso } from './dates';
import { buildQuarterlyReport, isOwnReportSheet, renderReportSheet, type QuarterlyReport, type ReportOptions, type ReportSheet } from './presenting/report';
import { resetHeaderMemo } from './reading/headers';
import { resetTextMemo } from './reading/text';
import { resetTimeFrameMemo } from './reading/timeframe';
import { resetUnitMemo } from './reading/units';
import { resetStatusMemo } from './reading/status';
import type { IsoDate, WorkbookData } from './types';

export interface CheckOptions extends ReadOptions {
  asOf?: IsoDate;
}

export interface CheckResult {
  appendix: Appendix;
  findings: Finding[];
  asOf: IsoDate;
}

/** Find the appendix in a workbook and check it. Throws AppendixNotFoundError (Vietnamese message) when there is none. */
export function checkWorkbook(workbook: WorkbookData, options: CheckOptions = {}): CheckResult {
  const asOf = options.asOf ?? todayIso();
  const appendix = readAppendix(workbook, {
    ...options,
    asOf,
    ignoreSheets: (s) => isOwnReportSheet(s) || (options.ignoreSheets?.(s) ?? false),
  });
  return { appendix, findings: checkAppendix(appendix, asOf), asOf };
}

export interface ReportResult extends CheckResult {
  report: QuarterlyReport;
  sheet: ReportSheet;
}

/** Check the workbook and assemble its quarterly report, as data and as the summary tab's cells. */
export function reportWorkbook(
  workbook: WorkbookData,
  options: CheckOptions & Omit<ReportOptions, 'asOf'>,
): ReportResult {
  const checked = checkWorkbook(workbook, options);
  const report = buildQuarterlyReport(checked.appendix, checked.findings, { ...options, asOf: checked.asOf });
  return { ...checked, report, sheet: renderReportSheet(report) };
}

/** Start cold: forget every memo (benchmarks call this between runs; a fresh process starts this way anyway). */
export function resetMemos(): void {
  resetTextMemo();
  resetTimeFrameMemo();
  resetUnitMemo();
  resetHeaderMemo();
  resetStatusMemo();
}

export * from './types';
export * from './dates';
export * from './reading/text';
export * from './reading/timeframe';
export * from './reading/units';
export * from './reading/status';
export * from './reading/headers';
export * from './reading/appendix';
export * from './measuring/checks';
export * from './measuring/periods';
export * from './measuring/indicators';
export * from './presenting/report';
export * from './functions/catalogue';
export * from './measuring/indicator-sheet';
export * from './settings';
export * from './measuring/dossiers';
