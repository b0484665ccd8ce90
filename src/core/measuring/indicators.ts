import type { Task } from '../reading/appendix';
import { daysBetween } from '../dates';
import type { Period } from './periods';
import { FIXED_KINDS } from '../reading/timeframe';
import type { IsoDate } from '../types';

export type Outcome = 'on_time' | 'late' | 'done_undated' | 'overdue' | 'pending' | 'cancelled';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  done_undated: 'Hoàn thành (chưa ghi ngày)',
  overdue: 'Quá hạn',
  pending: 'Chưa đến hạn',
  cancelled: 'Không thực hiện',
};

/** One (task, due date) pair. */
export interface DueItem {
  task: Task;
  due: IsoDate;
  outcome: Outcome;
  /** Days past the due date at the as-of date, for overdue items; days late for late ones. */
  days: number;
}

/** A task the user marked done, or left without status but gave a completion date. */
export function isDone(task: Task): boolean {
  return task.status.status === 'done' || (task.status.status === null && task.doneDate !== null);
}

/**
 * The due dates that count for rates. Fixed deadlines count; a yearly recurrence has one date in the plan
 * year and counts too. Weekly, monthly, quarterly and half-yearly recurrences do not: a single status cell
 * cannot say which occurrences were done, so they are reported with continuous work instead.
 */
export function countedDueDates(task: Task): readonly IsoDate[] {
  const { deadline } = task;
  if (FIXED_KINDS.includes(deadline.kind)) return deadline.dueDates;
  if (deadline.kind === 'recurring' && deadline.recurrence === 'yearly') return deadline.dueDates;
  return [];
}

/** The outcome of one due date of a task at the as-of date. */
export function outcomeOf(task: Task, due: IsoDate, asOf: IsoDate): { outcome: Outcome; days: number } {
  if (task.status.status === 'cancelled') return { outcome: 'cancelled', days: 0 };
  if (isDone(task)) {
    if (!task.doneDate) return { outcome: 'done_undated', days: 0 };
    const late = daysBetween(due, task.doneDate);
    return late > 0 ? { outcome: 'late', days: late } : { outcome: 'on_time', days: 0 };
  }
  const past = daysBetween(due, asOf);
  return past > 0 ? { outcome: 'overdue', days: past } : { outcome: 'pending', days: 0 };
}

/** Every due item of the tasks whose due date lies in the period (all of them when no period is given). */
export function dueItems(tasks: Task[], asOf: IsoDate, period?: Pick<Period, 'start' | 'end'>): DueItem[] {
  const items: DueItem[] = [];
  for (const task of tasks) {
    for (const due of countedDueDates(task)) {
      if (period && (due < period.start || due > period.end)) continue;
      items.push({ task, due, ...outcomeOf(task, due, asOf) });
    }
  }
  return items;
}

export interface OutcomeCounts {
  due: number;
  onTime: number;
  late: number;
  doneUndated: number;
  overdue: number;
  pending: number;
  cancelled: number;
}

export interface Rates {
  /** Done (on time, late or undated) over due items, cancelled not counted; null when nothing is due. */
  completion: number | null;
  /** Done on time over due items, cancelled not counted; null when nothing is due. */
  onTime: number | null;
}

export function countOutcomes(items: DueItem[]): OutcomeCounts {
  const counts: OutcomeCounts = { due: items.length, onTime: 0, late: 0, doneUndated: 0, overdue: 0, pending: 0, cancelled: 0 };
  for (const item of items) {
    switch (item.outcome) {
      case 'on_time':
        counts.onTime++;
        break;
      case 'late':
        counts.late++;
        break;
      case 'done_undated':
        counts.doneUndated++;
        break;
      case 'overdue':
        counts.overdue++;
        break;
      case 'pending':
        counts.pending++;
        break;
      case 'cancelled':
        counts.cancelled++;
        break;
    }
  }
  return counts;
}

export function ratesOf(counts: OutcomeCounts): Rates {
  const base = counts.due - counts.cancelled;
  if (base <= 0) return { completion: null, onTime: null };
  return {
    completion: (counts.onTime + counts.late + counts.doneUndated) / base,
    onTime: counts.onTime / base,
  };
}

export interface GroupRow extends OutcomeCounts {
  /** The unit or section name. */
  name: string;
  completionRate: number | null;
  onTimeRate: number | null;
}

/** Count outcomes per key (a task may belong to several keys, e.g. two lead units). */
export function groupOutcomes(items: DueItem[], keysOf: (task: Task) => string[], order?: string[]): GroupRow[] {
  const groups = new Map<string, DueItem[]>();
  for (const name of order ?? []) groups.set(name, []);
  for (const item of items) {
    for (const key of keysOf(item.task)) {
      const list = groups.get(key) ?? [];
      list.push(item);
      groups.set(key, list);
    }
  }
  return [...groups.entries()]
    .filter(([, list]) => list.length > 0)
    .map(([name, list]) => {
      const counts = countOutcomes(list);
      const rates = ratesOf(counts);
      return { name, ...counts, completionRate: rates.completion, onTimeRate: rates.onTime };
    });
}

export const NO_OWNER_LABEL = '(Chưa có đơn vị chủ trì)';
export const NO_SECTION_LABEL = '(Không thuộc mục nào)';

export function ownerNames(task: Task): string[] {
  // One lead unit is the common case: no set built for it.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path; the lines below give the same.
  if (task.owners.length === 1) return [task.owners[0].name];
  const names = [...new Set(task.owners.map((o) => o.name))];
  return names.length ? names : [NO_OWNER_LABEL];
}

export function sectionName(task: Task): string[] {
  return [task.section ?? NO_SECTION_LABEL];
}

// ---- Indicators against targets -------------------------------------------------------------------------

export type Comparator = '>=' | '>';

export interface IndicatorDefinition {
  id: string;
  name: string;
  /** A fraction: 0.98 for 98 %. */
  target: number;
  comparator: Comparator;
  /** Points for the 766-style score; full points when the target is met, else pro rata. */
  points: number;
  /** Where the value comes from: the appendix itself, or a figure the user enters. */
  source: 'plan-completion' | 'plan-on-time' | 'manual';
  /** Which seed document set the target. */
  /** Where the figure comes from (the report's "Nguồn số liệu"): a source, never another province's document. */
  basis: string;
}

/** Default targets from the seed plans; users edit them in settings. */
export const DEFAULT_INDICATORS: readonly IndicatorDefinition[] = [
  { id: 'plan_completion', name: 'Hoàn thành nhiệm vụ kế hoạch CCHC', target: 1, comparator: '>=', points: 1, source: 'plan-completion', basis: 'Phụ lục kế hoạch (tự tính)' },
  { id: 'plan_on_time', name: 'Nhiệm vụ hoàn thành đúng hạn', target: 1, comparator: '>=', points: 1, source: 'plan-on-time', basis: 'Phụ lục kế hoạch (tự tính)' },
  { id: 'dossier_on_time', name: 'Hồ sơ TTHC giải quyết đúng hẹn', target: 0.98, comparator: '>=', points: 1, source: 'manual', basis: 'Phần mềm một cửa (trang hồ sơ hoặc nhập kết quả)' },
  { id: 'satisfaction', name: 'Tỷ lệ hài lòng của người dân', target: 0.87, comparator: '>=', points: 1, source: 'manual', basis: 'Khảo sát sự hài lòng (nhập kết quả)' },
  { id: 'online_services', name: 'Tỷ lệ sử dụng dịch vụ công trực tuyến', target: 0.7, comparator: '>=', points: 1, source: 'manual', basis: 'Cổng dịch vụ công (nhập kết quả)' },
  { id: 'digitised', name: 'Kết quả giải quyết TTHC được số hóa', target: 1, comparator: '>=', points: 1, source: 'manual', basis: 'Phần mềm một cửa (trang hồ sơ hoặc nhập kết quả)' },
  { id: 'e_documents', name: 'Văn bản trao đổi dưới dạng điện tử', target: 0.98, comparator: '>=', points: 1, source: 'manual', basis: 'Hệ thống quản lý văn bản (nhập kết quả)' },
  { id: 'feedback', name: 'Phản ánh, kiến nghị được xử lý', target: 1, comparator: '>=', points: 1, source: 'manual', basis: 'Sổ theo dõi phản ánh, kiến nghị (nhập kết quả)' },
  { id: 'procedure_time_cut', name: 'TTHC được cắt giảm thời gian giải quyết', target: 0.4, comparator: '>=', points: 1, source: 'manual', basis: 'Quyết định công bố TTHC (nhập kết quả)' },
];

export type TargetResult = 'Đạt' | 'Không đạt';

/** Đạt when the value reaches the target. */
export function evaluateTarget(actual: number, target: number, comparator: Comparator = '>='): TargetResult {
  // Rates are compared to 1e-9 so 0.98 entered as 98 % does not fail on float noise.
  const met = comparator === '>' ? actual > target + 1e-9 : actual >= target - 1e-9;
  return met ? 'Đạt' : 'Không đạt';
}

/** QĐ 766/QĐ-TTg style: full points at target, else rate × points / target. */
export function score766(actual: number, target: number, points = 1): number {
  // A target of 0 is met by any rate (no special case needed: the comparison below holds for it).
  return actual >= target - 1e-9 ? points : Math.max(0, (actual * points) / target);
}

/** Provincial PAR-index rule for plan completion: > 90 % full, 70–90 % half, < 70 % nothing. */
export function scorePlanCompletion(rate: number, points = 1): number {
  if (rate > 0.9) return points;
  if (rate >= 0.7) return points / 2;
  return 0;
}

export interface IndicatorResult extends IndicatorDefinition {
  actual: number | null;
  result: TargetResult | null;
  score: number | null;
}

/** Evaluate every indicator: appendix-based ones from the rates, the others from the values the user gave. */
export function evaluateIndicators(
  definitions: readonly IndicatorDefinition[],
  rates: Rates,
  values: Record<string, number | null | undefined> = {},
): IndicatorResult[] {
  return definitions.map((def) => {
    const actual =
      def.source === 'plan-completion' ? rates.completion : def.source === 'plan-on-time' ? rates.onTime : values[def.id] ?? null;
    if (actual === null || actual === undefined || !Number.isFinite(actual)) {
      return { ...def, actual: null, result: null, score: null };
    }
    return {
      ...def,
      actual,
      result: evaluateTarget(actual, def.target, def.comparator),
      score: score766(actual, def.target, def.points),
    };
  });
}
