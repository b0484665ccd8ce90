/**
 * Who to remind of what: per lead unit, its tasks due within the next days and its overdue tasks, at an as-of date.
 * The overdue lists are the check's OVERDUE findings (the same due dates and outcomes), so a reminder never says
 * a task is late when the check does not.
 */
import { addDays, daysBetween, formatViDate } from '../dates';
import type { Appendix } from '../reading/appendix';
import type { UnitDirectory } from '../reading/units';
import { foldKey } from '../reading/text';
import type { IsoDate } from '../types';
import { countedDueDates, outcomeOf, ownerNames } from './indicators';

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
