/**
 * Units editing the shared spreadsheet itself (Google Sheets): which cells each unit may change (the tracking cells
 * of the tasks it leads, as blocks of adjacent rows), and when each unit last changed them.
 */
import type { Appendix } from '../reading/appendix';
import type { UnitDirectory } from '../reading/units';
import type { IsoDate } from '../types';
import { fnv1a, formUnits, TRACKING_HEADERS, TRACKING_ROLES, type TrackingRole } from './forms';
import { foldText } from '../reading/text';

/** A block of cells, 1-based, as hosts address ranges. */
export interface CellBlock {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface UnitAccess {
  unit: string;
  emails: string[];
  blocks: CellBlock[];
}

export interface AccessPlan {
  sheet: string;
  units: UnitAccess[];
  /** Units that lead tasks but have no e-mail in the directory: their cells stay the Office's. */
  withoutEmail: string[];
  /** Tracking columns the appendix lacks (the tracking-columns action adds them). */
  missingColumns: string[];
  /** What an edit stamp needs to know (1-based): the tracking columns, the content column, the first task row. */
  watch: { columns: number[]; contentColumn: number; firstRow: number };
}

/**
 * Per unit with an e-mail, the tracking cells of its tasks as few blocks as possible: the tracking columns that sit
 * side by side make one block per run of the unit's adjacent task rows. A task led jointly is open to each unit.
 */
export function unitAccessPlan(appendix: Appendix, directory: UnitDirectory): AccessPlan {
  const cols = TRACKING_ROLES.map((r) => appendix.columns[r]).filter((c): c is number => c !== undefined).sort((a, b) => a - b);
  // Adjacent tracking columns, as 1-based runs.
  const colRuns: { col: number; cols: number }[] = [];
  for (const c of cols) {
    const last = colRuns[colRuns.length - 1];
    if (last && last.col + last.cols === c + 1) last.cols++;
    else colRuns.push({ col: c + 1, cols: 1 });
  }
  const rowsOf = new Map<string, number[]>();
  for (const task of appendix.tasks) {
    for (const unit of formUnits(task)) rowsOf.set(unit, [...(rowsOf.get(unit) ?? []), ...task.rows]);
  }
  const units: UnitAccess[] = [];
  const withoutEmail: string[] = [];
  for (const [unit, rows] of rowsOf) {
    const email = directory.find((d) => foldText(d.name) === foldText(unit))?.email;
    if (!email) {
      withoutEmail.push(unit);
      continue;
    }
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    const rowRuns: { row: number; rows: number }[] = [];
    for (const r of sorted) {
      const last = rowRuns[rowRuns.length - 1];
      if (last && last.row + last.rows === r) last.rows++;
      else rowRuns.push({ row: r, rows: 1 });
    }
    units.push({ unit, emails: [email], blocks: rowRuns.flatMap((rr) => colRuns.map((cr) => ({ ...rr, ...cr }))) });
  }
  const missingColumns = TRACKING_ROLES.filter((r: TrackingRole) => appendix.columns[r] === undefined).map((r) => TRACKING_HEADERS[r]);
  return {
    sheet: appendix.sheet,
    units: cols.length ? units : [],
    withoutEmail,
    missingColumns,
    watch: { columns: cols.map((c) => c + 1), contentColumn: (appendix.columns.task ?? 0) + 1, firstRow: appendix.headerRows[appendix.headerRows.length - 1] + 1 },
  };
}

/** The key an edit is remembered by: the task's content, folded (its row changes when rows are inserted). */
export function contentStamp(content: string): string {
  return fnv1a(foldText(content)).toString(36);
}

export interface UnitUpdate {
  unit: string;
  tasks: number;
  /** The latest day one of its tasks' tracking cells was edited, or null when never (since the stamps began). */
  lastUpdated: IsoDate | null;
  /** Its tasks with a status written. */
  withStatus: number;
}

/** Per lead unit, when it last updated its tasks (from the stamps edits leave) and how many have a status. */
export function unitUpdates(appendix: Appendix, stamps: Readonly<Record<string, IsoDate>>): UnitUpdate[] {
  const byUnit = new Map<string, UnitUpdate>();
  for (const task of appendix.tasks) {
    const stamp = stamps[contentStamp(task.content)] ?? null;
    for (const unit of formUnits(task)) {
      const u = byUnit.get(unit) ?? { unit, tasks: 0, lastUpdated: null, withStatus: 0 };
      u.tasks++;
      if (task.status.text) u.withStatus++;
      if (stamp && (!u.lastUpdated || stamp > u.lastUpdated)) u.lastUpdated = stamp;
      byUnit.set(unit, u);
    }
  }
  // Who has not updated for longest first.
  return [...byUnit.values()].sort((a, b) => (a.lastUpdated ?? '').localeCompare(b.lastUpdated ?? '') || a.unit.localeCompare(b.unit, 'vi'));
}
