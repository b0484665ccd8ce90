/**
 * Who to remind of what: per lead unit, its tasks due within the next days and its overdue tasks, at an as-of date.
 * The overdue lists are the check's OVERDUE findings (the same due dates and outcomes), so a reminder never says
 * a task is late when the check does not.
 */
import { addDays, cellToIso, daysBetween, formatViDate } from '../dates';
import type { Appendix } from '../reading/appendix';
import type { UnitDirectory } from '../reading/units';
import { foldKey } from '../reading/text';
import type { CellValue, IsoDate, WorkbookData } from '../types';
import { countedDueDates, NO_OWNER_LABEL, outcomeOf, ownerNames } from './indicators';

export interface ReminderItem {
  row: number;
  tt: string;
  content: string;
  due: IsoDate;
}

export interface UnitReminders {
  unit: string;
  /** The unit's focal e-mail from the settings' unit directory; null when none is set. */
  email: string | null;
  dueSoon: (ReminderItem & { daysLeft: number })[];
  overdue: (ReminderItem & { daysOverdue: number })[];
}

export interface Reminders {
  asOf: IsoDate;
  days: number;
  units: UnitReminders[];
}

/**
 * For each lead unit (the units' order: most to do first, then by name), the open tasks due from the as-of date to
 * `days` days after it, and the overdue ones with their first missed due date (as the check reports them). Units
 * with nothing to be reminded of are left out.
 */
export function remindersFor(appendix: Appendix, asOf: IsoDate, days: number, directory: UnitDirectory = []): Reminders {
  const horizon = addDays(asOf, days);
  const byUnit = new Map<string, UnitReminders>();
  const unit = (name: string) => {
    let entry = byUnit.get(name);
    if (!entry) {
      const known = directory.find((u) => foldKey(u.name) === foldKey(name));
      entry = { unit: name, email: known?.email ?? null, dueSoon: [], overdue: [] };
      byUnit.set(name, entry);
    }
    return entry;
  };
  for (const task of appendix.tasks) {
    const dues = countedDueDates(task);
    const item = (due: IsoDate): ReminderItem => ({ row: task.row, tt: task.tt, content: task.content, due });
    const late = dues.filter((due) => outcomeOf(task, due, asOf).outcome === 'overdue');
    const soon = dues.filter((due) => due >= asOf && due <= horizon && outcomeOf(task, due, asOf).outcome === 'pending');
    for (const name of late.length || soon.length ? ownerNames(task) : []) {
      const entry = unit(name);
      if (late.length) entry.overdue.push({ ...item(late[0]), daysOverdue: daysBetween(late[0], asOf) });
      for (const due of soon) entry.dueSoon.push({ ...item(due), daysLeft: daysBetween(asOf, due) });
    }
  }
  const units = [...byUnit.values()];
  for (const u of units) u.dueSoon.sort((a, b) => a.due.localeCompare(b.due) || a.row - b.row);
  units.sort((a, b) => b.overdue.length + b.dueSoon.length - (a.overdue.length + a.dueSoon.length) || a.unit.localeCompare(b.unit, 'vi'));
  return { asOf, days, units };
}

/** One reminder e-mail's subject and plain-text body, in Vietnamese. */
export function reminderMail(unit: UnitReminders, asOf: IsoDate, days: number, sender: string): { subject: string; body: string } {
  const line = (i: ReminderItem) => `${i.tt ? `${i.tt}. ` : ''}${i.content} (dòng ${i.row}, hạn ${formatViDate(i.due)})`;
  const parts: string[] = [`Kính gửi: ${unit.unit},`, '', `Theo phụ lục kế hoạch cải cách hành chính, tính đến ngày ${formatViDate(asOf)}:`];
  if (unit.overdue.length) {
    parts.push('', `Nhiệm vụ đã quá hạn mà chưa hoàn thành (${unit.overdue.length}):`);
    for (const o of unit.overdue) parts.push(`- ${line(o)}: quá ${o.daysOverdue} ngày.`);
  }
  if (unit.dueSoon.length) {
    parts.push('', `Nhiệm vụ đến hạn trong ${days} ngày tới (${unit.dueSoon.length}):`);
    for (const d of unit.dueSoon) parts.push(`- ${line(d)}: ${d.daysLeft === 0 ? 'đến hạn hôm nay' : `còn ${d.daysLeft} ngày`}.`);
  }
  parts.push('', 'Đề nghị quý đơn vị cập nhật tiến độ, ngày hoàn thành, kết quả thực hiện, khó khăn và đề xuất (nếu có) vào phụ lục.', '', `${sender}`);
  const what = [unit.overdue.length ? `${unit.overdue.length} quá hạn` : '', unit.dueSoon.length ? `${unit.dueSoon.length} sắp đến hạn` : ''].filter(Boolean).join(', ');
  return { subject: `[CCHC] Nhắc hạn nhiệm vụ cải cách hành chính: ${what}`, body: parts.join('\n') };
}

// ---- The daily reminder (Google Sheets' opt-in trigger) ---------------------------------------------------

/** The tool's log of what the daily reminder sent: read before each run, so nothing is sent twice. */
export const REMINDER_LOG_SHEET = 'CCHC - Nhật ký nhắc hạn';
export const REMINDER_LOG_HEADER = ['Ngày', 'Gửi đến', 'E-mail', 'Mã nhiệm vụ', 'Dòng', 'Hạn', 'Mốc nhắc', 'Kết quả'] as const;
const SENT = 'Đã gửi';
const HELD = 'Chưa gửi: hết hạn mức e-mail trong ngày, sẽ gửi lần chạy sau';

/** One reminder of one task (or of the report) at one stage, as the log keeps it. */
export interface ReminderLogEntry {
  date: IsoDate;
  unit: string;
  email: string;
  /** The task's key (see taskKeys), or "BC-<period>" for the report. */
  key: string;
  row: number;
  due: IsoDate;
  /** "còn 7 ngày", "còn 1 ngày", "quá hạn (tuần 1)": each is sent once per task and due date. */
  stage: string;
  sent: boolean;
  /** Why it was not sent (the log's "Kết quả"); the day's quota when not given. */
  note?: string;
}

export interface DailyMail {
  unit: string;
  to: string;
  subject: string;
  body: string;
  entries: ReminderLogEntry[];
}

export interface DailyPlan {
  mails: DailyMail[];
  /** Units with something to be reminded of but no e-mail in the settings' unit directory. */
  withoutEmail: string[];
}

/**
 * The stage a due date is at: the smallest of the reminder days (7, 3, 1 by default) it is within, so a day the
 * trigger did not run is caught up the next; overdue, one stage per week late.
 */
export function reminderStage(daysLeft: number, stages: readonly number[]): string | null {
  if (daysLeft < 0) return `quá hạn (tuần ${Math.floor((-daysLeft - 1) / 7) + 1})`;
  const t = [...stages].sort((a, b) => a - b).find((s) => daysLeft <= s);
  return t === undefined ? null : `còn ${t} ngày`;
}

/** The log as read from its sheet (rows the tool wrote; anything else is skipped). */
export function readReminderLog(workbook: WorkbookData): ReminderLogEntry[] {
  const sheet = workbook.sheets.find((s) => s.name === REMINDER_LOG_SHEET);
  if (!sheet) return [];
  return sheet.grid.slice(1).flatMap((r): ReminderLogEntry[] => {
    const date = cellToIso(r[0] ?? null);
    const due = cellToIso(r[5] ?? null);
    if (!date || !due || !r[3]) return [];
    return [{ date, unit: String(r[1] ?? ''), email: String(r[2] ?? ''), key: String(r[3]), row: Number(r[4]) || 0, due, stage: String(r[6] ?? ''), sent: r[7] === SENT }];
  });
}

/** Rows to append to the log (dates as ISO text: the host writes them as dates). */
export function reminderLogRows(entries: readonly ReminderLogEntry[]): CellValue[][] {
  return entries.map((e) => [e.date, e.unit, e.email, e.key, e.row || null, e.due, e.stage, e.sent ? SENT : (e.note ?? HELD)]);
}

/**
 * Today's reminders: per unit with an e-mail, one mail listing its tasks that reached a new stage (due within the
 * reminder days, or overdue), leaving out what the log says was already sent; and the Office's reminder of the next
 * report's due date. Overdue lists are the check's (remindersFor).
 */
export function dailyReminderPlan(
  appendix: Appendix,
  asOf: IsoDate,
  options: {
    stages: readonly number[];
    directory: UnitDirectory;
    log: readonly ReminderLogEntry[];
    sender: string;
    keys: readonly string[];
    report: { email: string | null; due: IsoDate; label: string; code: string } | null;
  },
): DailyPlan {
  const horizon = Math.max(0, ...options.stages);
  const sent = new Set(options.log.filter((e) => e.sent).map((e) => `${e.email}|${e.key}|${e.due}|${e.stage}`));
  const keyOfRow = new Map(appendix.tasks.map((t, i) => [t.row, options.keys[i]]));
  const mails: DailyMail[] = [];
  const withoutEmail: string[] = [];
  for (const unit of remindersFor(appendix, asOf, horizon, options.directory).units) {
    const email = unit.email ?? '';
    const fresh = (row: number, due: IsoDate, daysLeft: number) => {
      const stage = reminderStage(daysLeft, options.stages);
      if (!stage) return null;
      const entry: ReminderLogEntry = { date: asOf, unit: unit.unit, email, key: keyOfRow.get(row) ?? `dong-${row}`, row, due, stage, sent: true };
      return sent.has(`${entry.email}|${entry.key}|${entry.due}|${entry.stage}`) ? null : entry;
    };
    const overdue = unit.overdue.filter((o) => fresh(o.row, o.due, -o.daysOverdue));
    const dueSoon = unit.dueSoon.filter((d) => fresh(d.row, d.due, d.daysLeft));
    if (!overdue.length && !dueSoon.length) continue;
    if (!email) {
      // A task with no lead unit needs one, not an e-mail: the check reports it.
      if (unit.unit !== NO_OWNER_LABEL) withoutEmail.push(unit.unit);
      continue;
    }
    const entries = [...overdue.map((o) => fresh(o.row, o.due, -o.daysOverdue)!), ...dueSoon.map((d) => fresh(d.row, d.due, d.daysLeft)!)];
    mails.push({ unit: unit.unit, to: email, ...reminderMail({ ...unit, overdue, dueSoon }, asOf, horizon, options.sender), entries });
  }
  const report = options.report;
  if (report?.email) {
    const daysLeft = daysBetween(asOf, report.due);
    const stage = daysLeft >= 0 ? reminderStage(daysLeft, options.stages) : null;
    const key = `BC-${report.code}`;
    if (stage && !sent.has(`${report.email}|${key}|${report.due}|${stage}`)) {
      mails.push({
        unit: options.sender,
        to: report.email,
        subject: `[CCHC] Hạn gửi báo cáo ${report.label}: ${formatViDate(report.due)} (${daysLeft === 0 ? 'hôm nay' : `còn ${daysLeft} ngày`})`,
        body: [
          `Báo cáo kết quả cải cách hành chính ${report.label} đến hạn gửi ngày ${formatViDate(report.due)}.`,
          '',
          'Trong Google Trang tính: Tiện ích mở rộng › CCHC › Tạo báo cáo định kỳ, rồi tải văn bản báo cáo (.docx) từ bảng điều khiển.',
          '',
          options.sender,
        ].join('\n'),
        entries: [{ date: asOf, unit: options.sender, email: report.email, key, row: 0, due: report.due, stage, sent: true }],
      });
    }
  }
  return { mails, withoutEmail };
}

/** The mails that fit today's remaining quota (one recipient each), in the plan's order; the rest wait for tomorrow. */
export function withinQuota(plan: DailyPlan, remaining: number): { send: DailyMail[]; held: DailyMail[] } {
  const n = Math.max(0, Math.min(plan.mails.length, Math.floor(remaining)));
  return { send: plan.mails.slice(0, n), held: plan.mails.slice(n) };
}

/**
 * The log rows of a run: what was sent, what was held back for the quota, and what the mail service refused (with
 * its reason). Only what was sent counts as sent: the rest is tried again on the next run.
 */
export function logOfRun(sent: readonly DailyMail[], held: readonly DailyMail[], failed: readonly { mail: DailyMail; error: string }[] = []): ReminderLogEntry[] {
  return [
    ...sent.flatMap((m) => m.entries),
    ...held.flatMap((m) => m.entries.map((e) => ({ ...e, sent: false }))),
    ...failed.flatMap(({ mail, error }) => mail.entries.map((e) => ({ ...e, sent: false, note: `Lỗi khi gửi: ${error}` }))),
  ];
}
