/**
 * Consolidation: the answers units send back (update forms, or a full copy of the appendix with their rows filled)
 * merged into the Office's appendix. Only the tracking cells of the tasks a unit leads are filled; everything that
 * cannot be applied with certainty is listed as a conflict instead, so nothing anyone wrote is lost:
 * - an answer for a task the unit does not lead;
 * - two units answering the same cell differently;
 * - a cell the Office changed after the form went out that the unit also changed (three-way: the form remembers
 *   what it was sent with).
 * The result is a list of cell edits; a writer (the lossless .xlsx writer, or a host after the user confirms)
 * carries them out and touches no other cell.
 */
import { distance } from 'fastest-levenshtein';
import { cellToIso, formatViDate } from '../dates';
import type { Appendix, Task } from '../reading/appendix';
import { cleanText, columnLetter, foldText } from '../reading/text';
import type { UnitDirectory } from '../reading/units';
import type { Grid, IsoDate } from '../types';
import {
  TRACKING_HEADERS,
  TRACKING_ROLES,
  fileSlug,
  formUnits,
  taskKeys,
  trackingCells,
  type Answer,
  type TrackingRole,
} from './forms';

/** One returned file, read: whose it is, what kind, and the answers it holds. */
export interface ReturnedAnswers {
  /** The file's name as given (messages and the JSON's "from"). */
  file: string;
  unit: string;
  kind: 'form' | 'copy';
  answers: Answer[];
}

/** A cell to write: 1-based row, 0-based column; a date as ISO in `date`; null clears the cell. */
export interface CellEdit {
  row: number;
  col: number;
  value: string | null;
  date?: IsoDate;
}

export interface AppliedAnswer {
  row: number;
  /** The column's letter in the Office's sheet ("K"). */
  column: string;
  header: string;
  /** The value written: text, a date as YYYY-MM-DD, or null for a cell cleared. */
  value: string | null;
  /** The file(s) it came from. */
  from: string;
  /** What the cell held before ("" when empty): kept in the result so nothing is lost. */
  previous: string;
}

export type ConflictReason = 'not-lead' | 'two-answers' | 'changed-since-sent';

export interface MergeConflict {
  row: number;
  column: string;
  header: string;
  current: string;
  incoming: string;
  from: string;
  reason: ConflictReason;
  /** Why it was not applied, in Vietnamese. */
  message: string;
}

/** An answer row that matches no task of the appendix (a row the unit added, or a task since removed). */
export interface UnmatchedAnswer {
  from: string;
  row: number;
  key: string;
  content: string;
}

export interface MergeResult {
  sheet: string;
  applied: AppliedAnswer[];
  conflicts: MergeConflict[];
  /** Lead units that have tasks but sent nothing back. */
  missingUnits: string[];
  unmatched: UnmatchedAnswer[];
  /** Each returned file: whose, what kind, how many rows it answered. */
  returns: { file: string; unit: string; kind: 'form' | 'copy'; answers: number }[];
  /** The cells to write, headers of tracking columns the appendix lacked included. */
  edits: CellEdit[];
  /** Tracking columns added after the last used column because an answer needed them. */
  addedColumns: { column: string; header: string }[];
}

/**
 * How close two contents must be to be the same task reworded: by characters (1 − edit distance ÷ longer length:
 * a typo fixed) or by words (shared ÷ all distinct words: a few words added or dropped).
 */
export const SAME_TASK_SIMILARITY = 0.8;

function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  const chars = longer ? 1 - distance(a, b) / longer : 1;
  const wa = new Set(a.split(/[\s,.;:()]+/).filter(Boolean));
  const wb = new Set(b.split(/[\s,.;:()]+/).filter(Boolean));
  const shared = [...wa].filter((w) => wb.has(w)).length;
  const all = new Set([...wa, ...wb]).size;
  return Math.max(chars, all ? shared / all : 0);
}

/**
 * The Office's task for each answer: by key, else (a task reworded, or a key the unit changed) by the closest
 * content among the tasks not yet matched in this file, the unit's own first.
 */
function matchAnswers(tasks: readonly Task[], keys: readonly string[], answers: readonly Answer[], unit: string): (number | null)[] {
  const byKey = new Map(keys.map((k, i) => [k, i]));
  const taken = new Set<number>();
  const matched: (number | null)[] = answers.map((a) => {
    const i = byKey.get(a.key);
    if (i === undefined || taken.has(i)) return null;
    taken.add(i);
    return i;
  });
  answers.forEach((a, n) => {
    if (matched[n] !== null || !a.content) return;
    const folded = foldText(a.content);
    let best = -1;
    let bestScore = SAME_TASK_SIMILARITY;
    tasks.forEach((t, i) => {
      if (taken.has(i)) return;
      // The unit's own task wins a tie.
      const score = similarity(folded, foldText(t.content)) + (formUnits(t).includes(unit) ? 0.001 : 0);
      if (score >= bestScore && (best < 0 || score > bestScore)) {
        best = i;
        bestScore = score;
      }
    });
    if (best >= 0) {
      taken.add(best);
      matched[n] = best;
    }
  });
  return matched;
}

interface Proposal {
  task: number;
  role: TrackingRole;
  value: string;
  from: string;
  current: string;
}

const REASON_MESSAGES: Record<ConflictReason, (p: { from: string; unit: string }) => string> = {
  'not-lead': ({ unit }) => `${unit} không chủ trì nhiệm vụ này: câu trả lời không được ghi vào phụ lục.`,
  'two-answers': () => 'Hai đơn vị trả lời khác nhau cho cùng một ô: Văn phòng cần chọn một.',
  'changed-since-sent': () => 'Văn phòng đã sửa ô này sau khi gửi phiếu, và đơn vị cũng sửa: cần đối chiếu trước khi ghi.',
};

/** How a value reads in a message or a conflict: a date as dd/mm/yyyy. */
function shown(role: TrackingRole, value: string): string {
  return role === 'doneDate' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatViDate(value) : value;
}

/**
 * Merge the returned answers into the appendix read from `grid`. The units expected to answer are every named lead
 * unit (the units forms go to).
 */
export function mergeAnswers(appendix: Appendix, grid: Grid, returns: readonly ReturnedAnswers[]): MergeResult {
  const keys = taskKeys(appendix.tasks);
  const current = appendix.tasks.map((t) => trackingCells(appendix, grid, t));
  const proposals: Proposal[] = [];
  const conflicts: MergeConflict[] = [];
  const unmatched: UnmatchedAnswer[] = [];
  const freeColumn = Math.max(0, ...grid.map((r) => r.length));
  const columnOf = (role: TrackingRole) => appendix.columns[role];
  const conflict = (task: number, role: TrackingRole, incoming: string, from: string, unit: string, reason: ConflictReason) => {
    const col = columnOf(role);
    conflicts.push({
      row: appendix.tasks[task].row,
      column: col === undefined ? '' : columnLetter(col),
      header: TRACKING_HEADERS[role],
      current: shown(role, current[task][role]),
      incoming: shown(role, incoming),
      from,
      reason,
      message: REASON_MESSAGES[reason]({ from, unit }),
    });
  };

  for (const ret of returns) {
    const matched = matchAnswers(appendix.tasks, keys, ret.answers, ret.unit);
    ret.answers.forEach((answer, n) => {
      const task = matched[n];
      if (task === null) {
        // A row with nothing filled in is no answer: a task the unit added and left blank is not worth a line.
        if (Object.values(answer.values).some((v) => v)) unmatched.push({ from: ret.file, row: answer.row, key: answer.key, content: answer.content });
        return;
      }
      const leads = formUnits(appendix.tasks[task]).includes(ret.unit);
      for (const role of TRACKING_ROLES) {
        const incoming = answer.values[role];
        if (incoming === undefined) continue;
        const now = current[task][role];
        if (incoming === now) continue;
        // What the unit changed: against what was sent (a form), else against the Office's cell; a copy never clears.
        const base = answer.sent ? answer.sent[role] : now;
        if (incoming === base || (!answer.sent && !incoming)) continue;
        if (!leads) {
          // A full copy carries every row as it was sent: only a cell the Office left empty looks like an answer.
          if (answer.sent || !now) conflict(task, role, incoming, ret.file, ret.unit, 'not-lead');
          continue;
        }
        if (answer.sent && now !== answer.sent[role]) {
          conflict(task, role, incoming, ret.file, ret.unit, 'changed-since-sent');
          continue;
        }
        proposals.push({ task, role, value: incoming, from: ret.file, current: now });
      }
    });
  }

  // Two answers for one cell: the same value is applied once; different values are both listed, neither applied.
  const byCell = new Map<string, Proposal[]>();
  for (const p of proposals) {
    const id = `${p.task}|${p.role}`;
    byCell.set(id, [...(byCell.get(id) ?? []), p]);
  }
  const applied: AppliedAnswer[] = [];
  const edits: CellEdit[] = [];
  const agreed = [...byCell.values()].filter((group) => {
    if (new Set(group.map((p) => p.value)).size === 1) return true;
    for (const p of group) conflict(p.task, p.role, p.value, p.from, '', 'two-answers');
    return false;
  });
  // A tracking column the appendix lacks is added after the last used column (in the tracking columns' order).
  const added = new Map<TrackingRole, number>();
  for (const role of TRACKING_ROLES) {
    if (columnOf(role) === undefined && agreed.some((g) => g[0].role === role)) added.set(role, freeColumn + added.size);
  }
  for (const group of agreed) {
    const { task, role, value, current: previous } = group[0];
    const col = columnOf(role) ?? added.get(role)!;
    const t = appendix.tasks[task];
    applied.push({ row: t.row, column: columnLetter(col), header: TRACKING_HEADERS[role], value: value || null, from: group.map((p) => p.from).join(', '), previous });
    const date = role === 'doneDate' ? cellToIso(value) : null;
    edits.push(date ? { row: t.row, col, value, date } : { row: t.row, col, value: value || null });
  }
  const headerRow = appendix.headerRows[0];
  for (const [role, col] of added) edits.push({ row: headerRow, col, value: TRACKING_HEADERS[role] });
  const order = (a: { row: number; column: string }, b: { row: number; column: string }) =>
    a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column);
  applied.sort(order);
  conflicts.sort((a, b) => order(a, b) || a.from.localeCompare(b.from));
  edits.sort((a, b) => a.row - b.row || a.col - b.col);

  const answered = new Set(returns.map((r) => r.unit));
  const missingUnits = [...new Set(appendix.tasks.flatMap(formUnits))].filter((u) => !answered.has(u));
  return {
    sheet: appendix.sheet,
    applied,
    conflicts,
    missingUnits,
    unmatched,
    returns: returns.map((r) => ({ file: r.file, unit: r.unit, kind: r.kind, answers: r.answers.length })),
    edits,
    addedColumns: [...added].map(([role, col]) => ({ column: columnLetter(col), header: TRACKING_HEADERS[role] })),
  };
}

/**
 * A full copy's answers: every task of the copy's appendix, with its tracking cells (the unit's rows and the
 * rest; the merge tells them apart). Rows the unit inserted are answers too, and end up unmatched.
 */
export function copyAnswers(copy: Appendix, grid: Grid): Answer[] {
  const keys = taskKeys(copy.tasks);
  return copy.tasks.map((task, i) => {
    const cells = trackingCells(copy, grid, task);
    const values: Partial<Record<TrackingRole, string>> = {};
    for (const role of TRACKING_ROLES) if (copy.columns[role] !== undefined) values[role] = cells[role];
    return { key: keys[i], content: task.content, row: task.row, values };
  });
}

/**
 * Whose a full copy is, from its file name: the lead unit whose name, an alias or its initials appear in it as whole
 * words ("ke-hoach-cchc (Phong TCCB).xlsx"); the longest such name wins, and two units matching equally is no answer.
 */
export function unitFromFileName(fileName: string, units: readonly string[], directory: UnitDirectory): string | null {
  const name = `-${fileSlug(fileName.replace(/\.[^.]+$/, ''))}-`;
  // Each unit's longest form found in the name.
  const found = units.flatMap((unit) => {
    const forms = [unit, ...(directory.find((d) => d.name === unit)?.aliases ?? [])].map(fileSlug);
    // Initials of the words after the kind of body ("Phòng Tổ chức cán bộ" → "tccb").
    forms.push(fileSlug(unit).split('-').slice(1).map((w) => w[0]).join(''));
    const lengths = forms.filter((f) => f.length >= 3 && name.includes(`-${f}-`)).map((f) => f.length);
    return lengths.length ? [{ unit, length: Math.max(...lengths) }] : [];
  });
  const longest = Math.max(0, ...found.map((f) => f.length));
  const best = found.filter((f) => f.length === longest);
  return best.length === 1 ? best[0].unit : null;
}

/** Every unit that leads a task and can be sent a form, in reading order. */
export function leadUnits(appendix: Appendix): string[] {
  return [...new Set(appendix.tasks.flatMap(formUnits))];
}

/** A value as a user reads it in a list: dates in Vietnamese order, long text cut. */
export function describeValue(value: string | null): string {
  if (value === null || value === '') return '(trống)';
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatViDate(value) : cleanText(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
