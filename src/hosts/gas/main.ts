/// <reference types="google-apps-script" />
/**
 * The Google Sheets add-on. Apps Script sees only top-level functions: the build appends generated stubs that
 * call these exports (see build/gas.ts and ENTRY_POINTS), with the custom functions' JSDoc for autocomplete.
 */
import { AppendixNotFoundError, readAppendix } from '../../core/reading/appendix';
import { callCatalogue, CATALOGUE, CatalogueError, type Argument, type CatalogueFunction, type CatalogueResult } from '../../core/functions/catalogue';
import type { Cutoff } from '../../core/measuring/periods';
import { isToolSheet, panelCheck as checkView, panelDocument as documentView, panelIndicators as indicatorsView, panelReminders as remindersView, panelInit as initView, reportDone, reportFor, trackingColumnsPlan, type PanelFinding } from '../../core/service';
import { readSettings, SETTINGS_SHEET } from '../../core/settings';
import { formatPercent } from '../../core/reading/text';
import type { CellValue } from '../../core/types';
import { columnNumber, isoToDateInZone, todayInZone, toCoreValue } from './convert';
import { readSheet, readWorkbook } from './read';
import { addTrackingColumns, clearHighlights, ensureSettingsSheet, highlightFindings, withDocumentLock, writeReportSheet } from './write';

const active = () => SpreadsheetApp.getActiveSpreadsheet();

/** The scopes every action needs, as appsscript.json lists them (a test keeps the two equal). */
export const REQUIRED_SCOPES = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'];

/** Said when a user granted only some of the scopes (Google's granular consent lets them untick one). */
export function missingAccessMessage(url: string | null): string {
  return (
    'Tiện ích chưa được cấp đủ quyền: cần quyền xem và sửa bảng tính đang mở (để đọc phụ lục và ghi trang báo cáo) ' +
    `và quyền hiển thị bảng điều khiển, hộp thoại trong Google Trang tính. ${url ? `Mở liên kết sau để cấp quyền rồi thử lại: ${url}` : 'Chạy lại một mục trong trình đơn Tiện ích để cấp quyền.'}`
  );
}

/** From the menu: Apps Script's own consent prompt asks for what is missing (and says why, from the manifest). */
function requireScopesFromMenu(): void {
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, REQUIRED_SCOPES);
}

/** A failure the user can act on reaches the panel or dialog as its Vietnamese message, never a stack trace. */
function userFacing<T>(work: () => T): T {
  try {
    const auth = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    if (auth.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) throw new Error(missingAccessMessage(auth.getAuthorizationUrl()));
    return work();
  } catch (err) {
    if (err instanceof AppendixNotFoundError || err instanceof Error) throw new Error(err.message);
    throw new Error(String(err));
  }
}

function context() {
  const ss = active();
  return { ss, workbook: readWorkbook(ss), today: todayInZone(ss.getSpreadsheetTimeZone()) };
}

// ---- Menu ---------------------------------------------------------------------------------------------

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // In AuthMode.NONE only the menu may be built: nothing here reads the spreadsheet.
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Mở bảng điều khiển', 'showSidebar')
    .addItem('Kiểm tra phụ lục', 'menuCheck')
    .addItem('Tạo báo cáo định kỳ…', 'menuReport')
    .addSeparator()
    .addItem('Thêm cột theo dõi tiến độ', 'menuAddTrackingColumns')
    .addItem('Cài đặt', 'menuSettings')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  requireScopesFromMenu();
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Kế hoạch CCHC');
  SpreadsheetApp.getUi().showSidebar(html);
}

export function menuCheck(): void {
  requireScopesFromMenu();
  const ui = SpreadsheetApp.getUi();
  try {
    const { workbook, today } = context();
    const view = checkView(workbook, today);
    showSidebar();
    active().toast(`${view.tasks} nhiệm vụ: ${view.counts.error} lỗi, ${view.counts.warning} cảnh báo, ${view.counts.info} lưu ý.`, 'Kiểm tra phụ lục');
  } catch (err) {
    ui.alert('Kiểm tra phụ lục', (err as Error).message, ui.ButtonSet.OK);
  }
}

export function menuReport(): void {
  requireScopesFromMenu();
  const ui = SpreadsheetApp.getUi();
  const { workbook, today } = context();
  const init = initView(workbook, today);
  const answer = ui.prompt(
    'Tạo báo cáo định kỳ',
    `Nhập kỳ báo cáo (ví dụ Q1/${init.planYear ?? today.slice(0, 4)}, 6 tháng/…, 9 tháng/…, năm …). Để trống: ${init.defaultPeriod}.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  try {
    const done = panelReport(answer.getResponseText().trim() || init.defaultPeriod, init.cutoff);
    ui.alert('Tạo báo cáo định kỳ', `Đã tạo trang "${done.tab}". Tỷ lệ đúng hạn: ${formatPercent(done.rates.onTime)}.`, ui.ButtonSet.OK);
  } catch (err) {
    ui.alert('Tạo báo cáo định kỳ', (err as Error).message, ui.ButtonSet.OK);
  }
}

export function menuAddTrackingColumns(): void {
  requireScopesFromMenu();
  const ui = SpreadsheetApp.getUi();
  try {
    const added = panelAddTrackingColumns();
    ui.alert('Thêm cột theo dõi', added.length ? `Đã thêm cột: ${added.join(', ')}.` : 'Phụ lục đã có cột Tiến độ và Ngày hoàn thành.', ui.ButtonSet.OK);
  } catch (err) {
    ui.alert('Thêm cột theo dõi', (err as Error).message, ui.ButtonSet.OK);
  }
}

export function menuSettings(): void {
  requireScopesFromMenu();
  panelOpenSettings();
}


// ---- Panel server functions (google.script.run: plain data in and out, no Date) ------------------------

export function panelInit() {
  return userFacing(() => {
    const { workbook, today } = context();
    return initView(workbook, today);
  });
}

export function panelCheck() {
  return userFacing(() => {
    const { workbook, today } = context();
    return checkView(workbook, today);
  });
}

export function panelSelect(target: Pick<PanelFinding, 'sheet' | 'row' | 'column'>): void {
  userFacing(() => {
    const ss = active();
    const sheet = ss.getSheetByName(target.sheet);
    if (!sheet) throw new Error(`Không còn trang tính "${target.sheet}".`);
    ss.setActiveSheet(sheet);
    sheet.getRange(target.row, columnNumber(target.column)).activate();
  });
}

export function panelHighlight(on: boolean): { count: number } {
  return userFacing(() =>
    withDocumentLock(() => {
      const ss = active();
      if (!on) return { count: clearHighlights(ss) };
      const view = checkView(readWorkbook(ss), todayInZone(ss.getSpreadsheetTimeZone()));
      return { count: highlightFindings(ss, view.sheet, view.findings) };
    }),
  );
}

export function panelIndicators(code: string, cutoff?: Cutoff) {
  return userFacing(() => {
    const { workbook, today } = context();
    return indicatorsView(workbook, today, code, cutoff);
  });
}

export function panelReport(code: string, cutoff?: Cutoff) {
  return userFacing(() =>
    withDocumentLock(() => {
      const { ss, workbook, today } = context();
      const { report, sheet } = reportFor(workbook, today, code, cutoff);
      const written = writeReportSheet(ss, sheet);
      return reportDone(report, written.name, `${ss.getUrl()}#gid=${written.sheetId}`);
    }),
  );
}

/**
 * The official report's content for the sidebar, which lays it out as a .docx and downloads it: the sidebar's
 * sandbox allows downloads, so no Drive scope is needed (the file never goes through the user's Drive).
 */
export function panelDocument(code: string, cutoff?: Cutoff) {
  return userFacing(() => {
    const { workbook, today } = context();
    return documentView(workbook, today, code, cutoff);
  });
}

export function panelReminders(days: number) {
  return userFacing(() => {
    const { workbook, today } = context();
    return remindersView(workbook, today, days);
  });
}

export function panelOpenSheet(name: string): void {
  userFacing(() => {
    const ss = active();
    const sheet = ss.getSheetByName(name);
    if (!sheet) throw new Error(`Không có trang tính "${name}".`);
    ss.setActiveSheet(sheet);
  });
}

export function panelOpenSettings(): { sheet: string } {
  return userFacing(() => {
    const ss = active();
    const sheet = ensureSettingsSheet(ss);
    ss.setActiveSheet(sheet);
    return { sheet: sheet.getName() };
  });
}

export function panelAddTrackingColumns(): string[] {
  return userFacing(() =>
    withDocumentLock(() => {
      const { ss, workbook, today } = context();
      return addTrackingColumns(ss, trackingColumnsPlan(workbook, today));
    }),
  );
}

// ---- Custom functions ---------------------------------------------------------------------------------

function toArgument(value: unknown, timeZone: string): Argument {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]).map((v) => toCoreValue(v, timeZone)));
  return toCoreValue(value, timeZone);
}

function fromResult(result: CatalogueResult, fn: CatalogueFunction, timeZone: string): unknown {
  const one = (v: unknown): unknown => {
    if (v instanceof CatalogueError) throw new Error(v.message);
    if (v === null || v === undefined) return '';
    if (fn.result === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return isoToDateInZone(v, timeZone);
    return v;
  };
  return Array.isArray(result) ? result.map((row) => row.map(one)) : one(result);
}

function runCustomFunction(fn: CatalogueFunction, args: unknown[]): unknown {
  const ss = active();
  const timeZone = ss.getSpreadsheetTimeZone();
  const settingsSheet = ss.getSheetByName(SETTINGS_SHEET);
  const settings = readSettings({ sheets: settingsSheet ? [readSheet(settingsSheet, timeZone)] : [] });
  const asOf = settings.asOf ?? todayInZone(timeZone);
  const result = callCatalogue(fn.name, args.map((a) => toArgument(a, timeZone)), {
    asOf,
    cutoff: settings.cutoff,
    planYear: settings.planYear ?? undefined,
    units: settings.units,
    appendix: () => readAppendix(readWorkbook(ss), { asOf, planYear: settings.planYear ?? undefined, units: settings.units, ignoreSheets: isToolSheet }),
  });
  return fromResult(result, fn, timeZone);
}

/** One wrapper per catalogue function; the generated stubs call `__cchc.customFunctions.NAME`. */
export const customFunctions: Record<string, (...args: unknown[]) => unknown> = {};
for (const fn of CATALOGUE) customFunctions[fn.name] = (...args: unknown[]) => runCustomFunction(fn, args);

export type { CellValue };
