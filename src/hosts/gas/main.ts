/// <reference types="google-apps-script" />
/**
 * The Google Sheets add-on. Apps Script sees only top-level functions: the build appends generated stubs that
 * call these exports (see build/gas.ts and ENTRY_POINTS), with the custom functions' JSDoc for autocomplete.
 */
import { AppendixNotFoundError, readAppendix } from '../../core/reading/appendix';
import { callCatalogue, CATALOGUE, CatalogueError, type Argument, type CatalogueFunction, type CatalogueResult } from '../../core/functions/catalogue';
import type { Cutoff } from '../../core/measuring/periods';
import { accessPlanFor, dailyRemindersFor, formsFor, isToolSheet, mergeFor, unitUpdatesFor, panelCheck as checkView, panelDocument as documentView, panelIndicators as indicatorsView, panelReminders as remindersView, panelInit as initView, reportDone, reportFor, trackingColumnsPlan, type PanelFinding } from '../../core/service';
import { readSettings, SETTINGS_SHEET } from '../../core/settings';
import { formatPercent } from '../../core/reading/text';
import { formatViDate } from '../../core/dates';
import { contentStamp } from '../../core/consolidating/access';
import { fromPortable, type PortableWorkbook } from '../../core/portable';
import { TRACKING_ROLES } from '../../core/consolidating/forms';

const TRACKING_COLUMN_COUNT = TRACKING_ROLES.length;
import type { CellValue } from '../../core/types';
import { columnNumber, isoToDateInZone, todayInZone, toCoreValue } from './convert';
import { readSheet, readWorkbook } from './read';
import { addTrackingColumns, applyUnitAccess, appendReminderLog, writeMergeEdits, clearHighlights, ensureSettingsSheet, highlightFindings, withDocumentLock, writeReportSheet } from './write';
import { logOfRun, REMINDER_LOG_SHEET, reminderLogRows, withinQuota, type DailyMail } from '../../core/measuring/reminders';

const active = () => SpreadsheetApp.getActiveSpreadsheet();

/** The scopes every action needs; with REMINDER_SCOPES, what appsscript.json lists (a test keeps them equal). */
export const REQUIRED_SCOPES = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'];

/** Asked only when the user turns the daily reminder on: running every day, and sending mail as them. */
export const REMINDER_SCOPES = ['https://www.googleapis.com/auth/script.scriptapp', 'https://www.googleapis.com/auth/script.send_mail'];

/** The daily trigger's handler (an entry point of Code.js). */
const REMINDER_HANDLER = 'dailyReminders';

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
    // Only the scopes every action needs: a user who never turned the reminder on has not granted its scopes.
    const auth = (ScriptApp.getAuthorizationInfo as (mode: GoogleAppsScript.Script.AuthMode, scopes?: string[]) => GoogleAppsScript.Script.AuthorizationInfo)(ScriptApp.AuthMode.FULL, REQUIRED_SCOPES);
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
    .addItem('Phân quyền cho các đơn vị tự cập nhật', 'menuUnitAccess')
    .addItem('Tình hình cập nhật của các đơn vị', 'menuUnitUpdates')
    .addItem('Bật nhắc hạn hằng ngày qua e-mail', 'menuRemindersOn')
    .addItem('Tắt nhắc hạn hằng ngày', 'menuRemindersOff')
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

function reminderTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === REMINDER_HANDLER);
}

/**
 * Turn the daily reminder on: only now are the two scopes it needs asked for (Apps Script's consent names them), then
 * one time-driven trigger is installed for this spreadsheet (never a second).
 */
export function menuRemindersOn(): void {
  requireScopesFromMenu();
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, REMINDER_SCOPES);
  const ui = SpreadsheetApp.getUi();
  try {
    const { ss, workbook, today } = context();
    if (!reminderTriggers(ss).length) ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().everyDays(1).atHour(7).create();
    const settings = readSettings(workbook);
    const plan = dailyRemindersFor(workbook, today);
    const missing = plan.withoutEmail.length ? ` Chưa có e-mail đầu mối (trang "${SETTINGS_SHEET}"): ${plan.withoutEmail.join(', ')}.` : '';
    ui.alert(
      'Nhắc hạn hằng ngày',
      `Đã bật. Mỗi sáng (khoảng 7–8 giờ), mỗi đơn vị chủ trì nhận một e-mail từ tài khoản của bạn liệt kê nhiệm vụ còn ${settings.reminderDays.join(', ')} ngày ` +
        `đến hạn và nhiệm vụ quá hạn; mỗi mốc chỉ nhắc một lần, ghi ở trang "${REMINDER_LOG_SHEET}". Tiện ích xin thêm quyền gửi e-mail và chạy theo lịch chỉ cho việc này.${missing}`,
      ui.ButtonSet.OK,
    );
  } catch (err) {
    ui.alert('Nhắc hạn hằng ngày', (err as Error).message, ui.ButtonSet.OK);
  }
}

export function menuRemindersOff(): void {
  requireScopesFromMenu();
  const ui = SpreadsheetApp.getUi();
  const triggers = reminderTriggers(active());
  for (const t of triggers) ScriptApp.deleteTrigger(t);
  ui.alert('Nhắc hạn hằng ngày', triggers.length ? 'Đã tắt nhắc hạn hằng ngày.' : 'Nhắc hạn hằng ngày chưa được bật.', ui.ButtonSet.OK);
}

/**
 * The daily run (time-driven trigger): today's new reminders, as many as the day's e-mail quota allows, each logged;
 * what did not fit, or was refused, is logged as not sent and tried again the next day.
 */
export function dailyReminders(_e?: unknown): { sent: number; held: number; failed: number } {
  return withDocumentLock(() => {
    const { ss, workbook, today } = context();
    const plan = dailyRemindersFor(workbook, today);
    const { send, held } = withinQuota(plan, MailApp.getRemainingDailyQuota());
    const sent: DailyMail[] = [];
    const failed: { mail: DailyMail; error: string }[] = [];
    for (const mail of send) {
      try {
        MailApp.sendEmail({ to: mail.to, subject: mail.subject, body: mail.body, name: 'Kế hoạch CCHC' });
        sent.push(mail);
      } catch (err) {
        failed.push({ mail, error: (err as Error).message });
      }
    }
    appendReminderLog(ss, reminderLogRows(logOfRun(sent, held, failed)));
    return { sent: sent.length, held: held.length, failed: failed.length };
  });
}

/** Where edits are watched (document properties): set when units are given access, read by onEdit. */
const WATCH_PROPERTY = 'cchc.watch';
const STAMPS_PROPERTY = 'cchc.updates';

/**
 * Give each unit (by the e-mails of the settings' unit directory) edit rights on its tasks' tracking cells only,
 * the rest of the appendix to the Office; and start remembering when units edit (see onEdit).
 */
export function menuUnitAccess(): void {
  requireScopesFromMenu();
  const ui = SpreadsheetApp.getUi();
  try {
    const message = withDocumentLock(() => {
      const { ss, workbook, today } = context();
      const plan = accessPlanFor(workbook, today);
      if (plan.missingColumns.length === TRACKING_COLUMN_COUNT) {
        return 'Phụ lục chưa có cột theo dõi nào (Tiến độ, Ngày hoàn thành, …): chọn "Thêm cột theo dõi tiến độ" trước.';
      }
      const { blocks } = applyUnitAccess(ss, plan);
      PropertiesService.getDocumentProperties().setProperty(WATCH_PROPERTY, JSON.stringify({ sheet: plan.sheet, ...plan.watch }));
      const who = plan.units.map((u) => `${u.unit} (${u.emails.join(', ')})`).join('; ');
      return (
        `Đã phân quyền trên trang "${plan.sheet}": ${who || 'chưa đơn vị nào'} chỉ sửa được các ô theo dõi của nhiệm vụ mình chủ trì (${blocks} vùng); ` +
        'phần còn lại chỉ Văn phòng sửa.' +
        (plan.withoutEmail.length ? ` Chưa có e-mail đầu mối (trang "${SETTINGS_SHEET}"), nên chưa được sửa: ${plan.withoutEmail.join(', ')}.` : '') +
        (plan.missingColumns.length ? ` Phụ lục chưa có cột: ${plan.missingColumns.join(', ')}.` : '')
      );
    });
    ui.alert('Phân quyền cập nhật', message, ui.ButtonSet.OK);
  } catch (err) {
    ui.alert('Phân quyền cập nhật', (err as Error).message, ui.ButtonSet.OK);
  }
}

/** The stamps edits left: task content (folded, hashed) → the day it was last edited. */
function readStamps(): Record<string, string> {
  try {
    return JSON.parse(PropertiesService.getDocumentProperties().getProperty(STAMPS_PROPERTY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * Simple trigger: an edit in a watched tracking column stamps its tasks with today's date. One read of the edited
 * rows' content cells; nothing happens for an edit anywhere else.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e?.range) return;
  const raw = PropertiesService.getDocumentProperties().getProperty(WATCH_PROPERTY);
  if (!raw) return;
  const watch = JSON.parse(raw) as { sheet: string; columns: number[]; contentColumn: number; firstRow: number };
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== watch.sheet) return;
  const first = range.getColumn();
  const last = first + range.getNumColumns() - 1;
  if (!watch.columns.some((c) => c >= first && c <= last)) return;
  const top = Math.max(range.getRow(), watch.firstRow);
  const bottom = range.getRow() + range.getNumRows() - 1;
  if (bottom < top) return;
  const contents = sheet.getRange(top, watch.contentColumn, bottom - top + 1, 1).getValues();
  const today = todayInZone(e.source.getSpreadsheetTimeZone());
  const stamps = readStamps();
  for (const [content] of contents) if (String(content ?? '').trim()) stamps[contentStamp(String(content))] = today;
  PropertiesService.getDocumentProperties().setProperty(STAMPS_PROPERTY, JSON.stringify(stamps));
}

/** Who updated when: the units that have not updated for longest first. */
export function menuUnitUpdates(): void {
  requireScopesFromMenu();
  const ui = SpreadsheetApp.getUi();
  try {
    const { workbook, today } = context();
    const lines = unitUpdatesFor(workbook, today, readStamps()).map(
      (u) => `${u.unit}: ${u.lastUpdated ? `cập nhật lần cuối ${formatViDate(u.lastUpdated)}` : 'chưa cập nhật'} — ${u.withStatus}/${u.tasks} nhiệm vụ có tiến độ`,
    );
    const watched = PropertiesService.getDocumentProperties().getProperty(WATCH_PROPERTY);
    const note = watched ? '' : '\n\n(Chưa theo dõi ngày cập nhật: chọn "Phân quyền cho các đơn vị tự cập nhật" để bắt đầu.)';
    ui.alert('Tình hình cập nhật của các đơn vị', `${lines.join('\n')}${note}`, ui.ButtonSet.OK);
  } catch (err) {
    ui.alert('Tình hình cập nhật của các đơn vị', (err as Error).message, ui.ButtonSet.OK);
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

/** The update forms' content for the sidebar, which writes each .xlsx with ExcelJS. */
export function panelForms() {
  return userFacing(() => {
    const { ss, workbook, today } = context();
    const { sheet, forms, withoutUnit } = formsFor(workbook, today, ss.getName());
    return { sheet, forms, withoutUnit };
  });
}

/**
 * Merge the files units sent back (read in the sidebar; dates as ISO text): a preview, or the cells written. Only the
 * merge's cells change; a formula is never overwritten (one read of the formulas over the cells' rows and columns).
 */
export function panelMerge(returned: { file: string; workbook: PortableWorkbook }[], unit: string | null, apply: boolean) {
  return userFacing(() => {
    const run = () => {
      const { ss, workbook, today } = context();
      const result = mergeFor(workbook, today, returned.map((r) => ({ file: r.file, workbook: fromPortable(r.workbook) })), unit ? { unit } : {});
      if (!apply || !result.edits.length) return { ...result, written: 0, formulaCells: [] as { row: number; column: string }[] };
      return { ...result, ...writeMergeEdits(ss, result.sheet, result.edits) };
    };
    return apply ? withDocumentLock(run) : run();
  });
}

/** ExcelJS's browser build (base64, from ExcelJS.html in the project) for the sidebar, fetched only when forms are used. */
export function panelXlsxLibrary(): string {
  return userFacing(() => HtmlService.createHtmlOutputFromFile('ExcelJS').getContent().trim());
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
