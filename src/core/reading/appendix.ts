import { cellToIso, formatViDate } from '../dates';
import { assignRoles, isPureHeader, matchHeader, ROLE_LABELS, type ColumnRole } from './headers';
import { findTextDate, readStatus, type StatusReading } from './status';
import { cleanText, foldText, isErrorCell } from './text';
import { parseTimeFrame, type TimeFrame } from './timeframe';
import type { CellValue, Grid, IsoDate, SheetData, WorkbookData } from '../types';
import { createUnitResolver, type ResolvedUnit, type UnitDirectory } from './units';

export type Columns = Partial<Record<ColumnRole, number>>;

/** Where a task's cell for a role is, for findings and for taking the user there (0-based). */
export interface CellRef {
  row: number;
  col: number;
}

export interface Task {
  /** 1-based sheet row where the task starts. */
  row: number;
  /** Every 1-based sheet row the task spans (a task split over a page break has two). */
  rows: number[];
  tt: string;
  section: string | null;
  content: string;
  leadText: string;
  owners: ResolvedUnit[];
  coordinatorsText: string;
  coordinators: ResolvedUnit[];
  deadline: TimeFrame;
  status: StatusReading;
  /** From the done-date column, else a date written in the status cell. */
  doneDate: IsoDate | null;
  /** The done-date cell as written, when it could not be read as a date. */
  doneDateProblem: string | null;
  product: string;
  note: string;
  /** What the lead unit wrote back: the result achieved, the difficulties, the proposals (tracking columns). */
  result: string;
  difficulty: string;
  proposal: string;
  /** Cells showing a formula error (#REF!, #N/A…): read as empty, reported as ERROR_CELL. */
  errorCells: { row: number; col: number; value: string }[];
}

export interface Section {
  row: number;
  tt: string;
  title: string;
  /** "1. Cải cách thể chế": how reports name it. */
  label: string;
}

export interface Appendix {
  sheet: string;
  /** 1-based rows of the header (one or two). */
  headerRows: number[];
  /** Each column's header text as read (both header rows joined), for messages naming what was seen. */
  headers: string[];
  columns: Columns;
  planYear: number;
  planYearSource: 'option' | 'title' | 'deadlines' | 'as-of';
  /** Text above the header ("PHỤ LỤC", "(Kèm theo Kế hoạch số …)"), one entry per non-empty row. */
  titleLines: string[];
  sections: Section[];
  tasks: Task[];
}

export interface ReadOptions {
  sheet?: string;
  planYear?: number;
  /** Used only when no plan year can be found in the sheet. */
  asOf?: IsoDate;
  units?: UnitDirectory;
  /** Sheets the tool wrote itself (report tabs, settings): never read as an appendix. */
  ignoreSheets?: (sheet: SheetData) => boolean;
}

/**
 * Raised when no sheet holds something that looks like an appendix; the message is for the user, in words every
 * front end can use. `sheetsSearched`: the sheets were searched for a header, so a front end that can name the sheet
 * (the command line's --sheet) may say so.
 */
export class AppendixNotFoundError extends Error {
  constructor(
    message: string,
    readonly sheetsSearched = false,
  ) {
    super(message);
    this.name = 'AppendixNotFoundError';
  }
}

type Row = CellValue[];

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatViDate(cellToIso(value));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return cleanText(String(value));
}

/**
 * Vertical merges give every row of the merge the top cell's value (a lead unit merged over three tasks). Rows no
 * merge touches are shared with the sheet, not copied: a 50,000-row sheet usually has a handful of merges.
 */
function fillVerticalMerges(sheet: SheetData): Grid {
  // Only one-column merges: a block merged over several columns is a heading or a pasted picture, not a value. (A
  // one-cell merge fills no row below it.)
  const vertical = (sheet.merges ?? []).filter((m) => m.left === m.right);
  // Stryker disable next-line ConditionalExpression: a fast path; with no merge the copy below equals the sheet.
  if (!vertical.length) return sheet.grid;
  const grid = sheet.grid.slice();
  const copied = new Set<number>();
  for (const m of vertical) {
    const value = grid[m.top]?.[m.left] ?? null;
    // A merge drawn past the sheet's last row fills nothing there: no rows are made up.
    for (let r = m.top + 1; r <= Math.min(m.bottom, grid.length - 1); r++) {
      // Stryker disable next-line ConditionalExpression: copying a row once is a saving; a second copy holds the same cells.
      if (!copied.has(r)) {
        grid[r] = (grid[r] ?? []).slice();
        copied.add(r);
      }
      if (grid[r][m.left] === null || grid[r][m.left] === undefined || grid[r][m.left] === '') grid[r][m.left] = value;
    }
  }
  return grid;
}

/** Header text per column for rows `top..bottom`, every merged header cell counted in each column it covers. */
function headerTexts(sheet: SheetData, top: number, bottom: number, width: number): string[] {
  const texts: string[][] = Array.from({ length: width }, () => []);
  for (let r = top; r <= bottom; r++) {
    for (let c = 0; c < width; c++) {
      const merge = (sheet.merges ?? []).find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
      const value = merge ? sheet.grid[merge.top]?.[merge.left] : sheet.grid[r]?.[c];
      const text = cellText(value ?? null);
      // A cell merged down over both header rows is read once.
      if (text && !texts[c].includes(text)) texts[c].push(text);
    }
  }
  return texts.map((parts) => parts.join(' '));
}

interface HeaderCandidate {
  top: number;
  bottom: number;
  texts: string[];
  columns: Columns;
  score: number;
}

const MAX_HEADER_SCAN_ROWS = 200;

/** Rows that decide whether a sheet holds an appendix: the header search reads no further (a two-row header ends one below). */
export const APPENDIX_HEAD_ROWS = MAX_HEADER_SCAN_ROWS + 1;

/** Does the sheet have a header row an appendix could be read under (judged from its first APPENDIX_HEAD_ROWS rows)? */
export function hasAppendixHeader(sheet: SheetData): boolean {
  return findHeader(sheet) !== null;
}

function scoreColumns(columns: Columns): number {
  if (columns.task === undefined) return 0;
  if (columns.timeframe === undefined && columns.lead === undefined) return 0;
  return Object.keys(columns).length;
}

function findHeader(sheet: SheetData): HeaderCandidate | null {
  const width = Math.max(0, ...sheet.grid.slice(0, MAX_HEADER_SCAN_ROWS + 1).map((r) => r.length));
  let best: HeaderCandidate | null = null;
  for (let r = 0; r < Math.min(sheet.grid.length, MAX_HEADER_SCAN_ROWS); r++) {
    const row = sheet.grid[r] ?? [];
    if (!row.some((v) => typeof v === 'string' && matchHeader(v))) continue;
    for (const bottom of [r, r + 1]) {
      if (bottom >= sheet.grid.length) continue;
      const texts = headerTexts(sheet, r, bottom, width);
      const columns = assignRoles(texts);
      const score = scoreColumns(columns);
      // A second header row is taken only when it names more columns than the first alone (a tie keeps one row).
      if (score > 0 && (!best || score > best.score)) best = { top: r, bottom, texts, columns, score };
    }
    if (best) break;
  }
  return best;
}

type NumberClass = 'empty' | 'roman' | 'letter' | 'int' | 'dotted2' | 'dotted3' | 'lower' | 'bullet' | 'other';

function numberText(value: CellValue | undefined): string {
  return cellText(value ?? null).replace(/\s/g, '');
}

function classifyNumber(tt: string): NumberClass {
  if (!tt) return 'empty';
  if (/^[IVXL]+[.)]?$/.test(tt)) return 'roman';
  if (/^[A-ZĐ][.)]?$/.test(tt)) return 'letter';
  if (/^\d+[.)]?$/.test(tt)) return 'int';
  if (/^\d+\.\d+[.)]?$/.test(tt)) return 'dotted2';
  if (/^\d+\.\d+\.\d+[.)]?$/.test(tt)) return 'dotted3';
  if (/^[a-zđ][.)]?$/.test(tt)) return 'lower';
  if (/^[-+•*–]$/.test(tt)) return 'bullet';
  return 'other';
}

const SENTENCE_END = /[.;:!?…)"”]$/;

function startsLowercase(text: string): boolean {
  const c = text.charAt(0);
  return c !== c.toUpperCase() || /^[(,;]/.test(text);
}

function isColumnNumberRow(row: Row): boolean {
  // Stryker disable next-line ConditionalExpression,MethodExpression,ArrowFunction,EqualityOperator: a fast path; a text longer than four characters fails the number test below too.
  if (row.some((v) => typeof v === 'string' && v.length > 4)) return false;
  const texts = row.map((v) => cellText(v ?? null)).filter(Boolean);
  return texts.length >= 3 && texts.every((t) => /^\(?\d{1,2}\)?$/.test(t));
}

function isRepeatedHeader(row: Row, columns: Columns): boolean {
  // A task's number cell holds a number, never a header's word: most rows are out at this first test.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a fast path; a number never reads as a header word below.
  if (columns.number !== undefined && typeof row[columns.number] === 'number') return false;
  // A repeated header has a short header word in the task column.
  const task = columns.task === undefined ? undefined : row[columns.task];
  if (typeof task !== 'string' || task.length > 60 || !isPureHeader(task) || matchHeader(task) !== 'task') return false;
  let hits = 1;
  for (const [role, col] of Object.entries(columns) as [ColumnRole, number][]) {
    if (role === 'task') continue;
    const v = row[col];
    if (typeof v === 'string' && v.length <= 80 && isPureHeader(v) && matchHeader(v) === role) hits++;
  }
  return hits >= 2;
}

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');

function detectPlanYear(grid: Grid, headerTop: number, sheetName: string, columns: Columns): { year: number; source: 'title' | 'deadlines' } | null {
  for (let r = 0; r < headerTop; r++) {
    for (const v of grid[r] ?? []) {
      if (typeof v !== 'string') continue;
      const m = /\bnam (\d{4})\b/.exec(foldText(v).replace(/\d+\/[a-z][\w\-/]*/g, ' '));
      if (m && +m[1] >= 1990 && +m[1] <= 2100) return { year: +m[1], source: 'title' };
    }
  }
  const fromName = /\b(20\d{2})\b/.exec(sheetName);
  if (fromName) return { year: +fromName[1], source: 'title' };
  if (columns.timeframe === undefined) return null;
  const counts = new Map<number, number>();
  for (let r = headerTop + 1; r < grid.length; r++) {
    const v = grid[r]?.[columns.timeframe];
    let years: number[] = [];
    if (typeof v === 'string') {
      years = [...foldText(v).replace(/\d+\/[a-z][\w\-/]*/g, ' ').matchAll(/(?:^|\D)(20\d{2}|19\d{2})(?!\d)/g)].map((m) => +m[1]);
    } else {
      const iso = cellToIso(v ?? null);
      if (iso) years = [+iso.slice(0, 4)];
    }
    for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0) || (n === counts.get(best) && y < best)) best = y;
  return best === null ? null : { year: best, source: 'deadlines' };
}

function lookedForMessage(sheets: SheetData[]): string {
  const words = ['Nội dung nhiệm vụ / Nội dung hoạt động', 'Thời gian thực hiện / Thời hạn', 'Đơn vị chủ trì'];
  const names = sheets.map((s) => `"${s.name}"`).join(', ') || '(không có trang tính nào)';
  return (
    `Không tìm thấy bảng phụ lục kế hoạch CCHC. Đã tìm hàng tiêu đề có cột ${words.join(', ')} ` +
    `(cần cột nội dung và ít nhất một trong hai cột thời gian hoặc đơn vị chủ trì) trong các trang tính: ${names}. ` +
    `Hãy kiểm tra hàng tiêu đề của bảng.`
  );
}

interface PendingTask {
  rows: number[];
  tt: string;
  section: string | null;
  parts: Partial<Record<ColumnRole, CellValue[]>>;
  errorCells: { row: number; col: number; value: string }[];
  /** Rows joined by a merged number cell: each row names its own units, so their unit cells are separate lines. */
  rowsAreParts: boolean;
}

/** Add a row's cell for a role to a task; error cells are set aside, not read as text. */
function collect(task: PendingTask, role: ColumnRole, value: CellValue, row: number, col: number) {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a fast path; an empty part reads as nothing wherever parts are joined or read.
  if (value === null || value === '') return;
  if (isErrorCell(value)) task.errorCells.push({ row, col, value: value.trim() });
  else (task.parts[role] ??= []).push(value);
}

/**
 * Find the appendix table in a workbook and read its tasks.
 * @throws AppendixNotFoundError with a Vietnamese message naming what was looked for and where.
 */
export function readAppendix(workbook: WorkbookData, options: ReadOptions = {}): Appendix {
  const candidates = workbook.sheets.filter((s) => !options.ignoreSheets?.(s));
  let pool = candidates;
  if (options.sheet !== undefined) {
    pool = candidates.filter((s) => s.name === options.sheet);
    if (!pool.length) {
      const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ');
      throw new AppendixNotFoundError(`Không có trang tính tên "${options.sheet}". Các trang tính trong tệp: ${names}.`);
    }
  }
  let chosen: { sheet: SheetData; header: HeaderCandidate; rowsBelow: number } | null = null;
  for (const sheet of pool) {
    const header = findHeader(sheet);
    if (!header) continue;
    const rowsBelow = sheet.grid.slice(header.bottom + 1).filter((r) => r.some((v) => v !== null && v !== '')).length;
    if (
      !chosen ||
      header.score > chosen.header.score ||
      (header.score === chosen.header.score && rowsBelow > chosen.rowsBelow)
    ) {
      chosen = { sheet, header, rowsBelow };
    }
  }
  if (!chosen) throw new AppendixNotFoundError(lookedForMessage(pool), true);
  return readTable(chosen.sheet, chosen.header, options);
}

function readTable(sheet: SheetData, header: HeaderCandidate, options: ReadOptions): Appendix {
  const { columns } = header;
  const grid = fillVerticalMerges(sheet);
  const detected = detectPlanYear(sheet.grid, header.top, sheet.name, columns);
  const planYear = options.planYear ?? detected?.year ?? Number((options.asOf ?? new Date().toISOString()).slice(0, 4));
  const planYearSource = options.planYear !== undefined ? 'option' : detected?.source ?? 'as-of';
  const resolver = createUnitResolver(options.units);

  const dataRoles: ColumnRole[] = ['timeframe', 'lead', 'coordinators', 'status', 'doneDate'];
  const get = (row: Row, role: ColumnRole): CellValue => {
    const col = columns[role];
    return col === undefined ? null : row[col] ?? null;
  };
  const hasData = (row: Row) => dataRoles.some((role) => !isBlank(get(row, role)));
  const widest = Math.max(...Object.values(columns).map((c) => c as number));
  const isWideMerge = (r: number) =>
    (sheet.merges ?? []).some((m) => m.top <= r && m.bottom >= r && m.right - m.left >= Math.min(2, widest));
  // A number cell merged down over several rows makes them one task (each row may add its own lead unit).
  const numberMergedBelow = new Set<number>();
  for (const m of sheet.merges ?? []) {
    if (m.left !== columns.number || m.right !== columns.number) continue;
    if (isBlank(sheet.grid[m.top]?.[m.left])) continue;
    for (let r = m.top + 1; r <= m.bottom; r++) numberMergedBelow.add(r);
  }

  // Which numbering do tasks use? The class most rows with a deadline or an owner have.
  // First pass: what each row is, kept for the second pass so no row is examined twice.
  const info: ({ tt: string; cls: NumberClass; data: boolean; mergedPart?: true } | null)[] = [];
  const classCounts = new Map<NumberClass, number>();
  for (let r = header.bottom + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every(isBlank) || isRepeatedHeader(row, columns) || isColumnNumberRow(row)) {
      info[r] = null;
      continue;
    }
    if (numberMergedBelow.has(r)) {
      info[r] = { tt: '', cls: 'empty', data: hasData(row), mergedPart: true };
      continue;
    }
    const tt = numberText(get(row, 'number'));
    const cls = classifyNumber(tt);
    const data = hasData(row);
    info[r] = { tt, cls, data };
    if (data && cls !== 'empty') classCounts.set(cls, (classCounts.get(cls) ?? 0) + 1);
  }
  let taskClass: NumberClass | null = null;
  for (const [cls, n] of classCounts) if (!taskClass || n > (classCounts.get(taskClass) ?? 0)) taskClass = cls;

  const roles = Object.keys(columns) as ColumnRole[];
  const sections: Section[] = [];
  const pending: PendingTask[] = [];
  let currentSection: string | null = null;
  let last: PendingTask | null = null;

  for (let r = header.bottom + 1; r < grid.length; r++) {
    const known = info[r];
    if (!known) continue;
    const row = grid[r] ?? [];
    const { tt, cls, data } = known;
    if (known.mergedPart && last) {
      // The sheet's own cells, not the merge-filled copy: a merged deadline or content is read once, from the top row.
      const own = sheet.grid[r] ?? [];
      last.rows.push(r + 1);
      last.rowsAreParts = true;
      for (const role of roles) collect(last, role, get(own, role), r + 1, columns[role] as number);
      continue;
    }
    const content = cellText(get(row, 'task'));

    if (cls === 'empty') {
      const lastContent = last ? cellText((last.parts.task ?? []).join(' ')) : '';
      const continues = !isWideMerge(r) && (content === '' || startsLowercase(content) || !SENTENCE_END.test(lastContent));
      if (continues && last) {
        // The sheet's own cells again: a lead unit merged over the task's rows is one unit, not one per row.
        const own = sheet.grid[r] ?? [];
        last.rows.push(r + 1);
        for (const role of roles) collect(last, role, get(own, role), r + 1, columns[role] as number);
        continue;
      }
      if (!data) {
        const title = content || rowTexts(row).find(Boolean) || '';
        sections.push({ row: r + 1, tt: '', title, label: title });
        currentSection = title;
        last = null;
        continue;
      }
    } else if (cls !== taskClass && !data) {
      // A heading typed into the number cell and merged across the row ("A. NHIỆM VỤ TRỌNG TÂM").
      const headingInNumberCell = cls === 'other' && /\s/.test(cellText(get(row, 'number')));
      if (headingInNumberCell) {
        const label = [cellText(get(row, 'number')), content].filter(Boolean).join(' ');
        sections.push({ row: r + 1, tt: '', title: label, label });
        currentSection = label;
        last = null;
        continue;
      }
      const title = content || rowTexts(row).filter((t) => t !== tt).find(Boolean) || '';
      const label = `${/[.)]$/.test(tt) ? tt : `${tt}.`} ${title}`.trim();
      sections.push({ row: r + 1, tt, title, label });
      currentSection = label;
      last = null;
      continue;
    }

    const task: PendingTask = { rows: [r + 1], tt, section: currentSection, parts: {}, errorCells: [], rowsAreParts: false };
    for (const role of roles) collect(task, role, get(row, role), r + 1, columns[role] as number);
    pending.push(task);
    last = task;
  }

  const tasks = unifyUnknownUnits(pending.map((p) => buildTask(p, planYear, resolver)));
  return {
    sheet: sheet.name,
    headerRows: header.bottom > header.top ? [header.top + 1, header.bottom + 1] : [header.top + 1],
    headers: header.texts,
    columns,
    planYear,
    planYearSource,
    titleLines: sheet.grid
      .slice(0, header.top)
      .map((row) => row.map((v) => cellText(v ?? null)).filter(Boolean).join(' '))
      .filter(Boolean),
    sections,
    tasks,
  };
}

/**
 * A unit the directories do not know, written apart only by case or accents ("Tổ công tác", "Tổ Công tác"), is one
 * unit: the form written most often names it (the first on a tie), so reports count it once and it gets one form.
 * The resolver's shared results are replaced, never changed.
 */
function unifyUnknownUnits(tasks: Task[]): Task[] {
  const forms = new Map<string, Map<string, number>>();
  const keyOf = (u: ResolvedUnit) => foldText(u.name);
  for (const t of tasks) {
    for (const u of [...t.owners, ...t.coordinators]) {
      if (u.known) continue;
      const counts = forms.get(keyOf(u)) ?? new Map<string, number>();
      counts.set(u.name, (counts.get(u.name) ?? 0) + 1);
      forms.set(keyOf(u), counts);
    }
  }
  const named = new Map<string, string>();
  for (const [key, counts] of forms) {
    if (counts.size < 2) continue;
    let best = '';
    for (const [name, n] of counts) if (!best || n > (counts.get(best) as number)) best = name;
    named.set(key, best);
  }
  if (!named.size) return tasks;
  const renamed = (units: ResolvedUnit[]) =>
    units.map((u) => {
      const name = u.known ? undefined : named.get(keyOf(u));
      return name === undefined || name === u.name ? u : { ...u, name };
    });
  return tasks.map((t) => ({ ...t, owners: renamed(t.owners), coordinators: renamed(t.coordinators) }));
}

function rowTexts(row: Row): string[] {
  return row.map((v) => cellText(v ?? null));
}

function joined(values: CellValue[] | undefined, separator: string): string {
  // Most parts are one cell: no arrays made for them.
  if (!values) return '';
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path; the line below gives the same.
  if (values.length === 1) return cellText(values[0]);
  return values.map((v) => cellText(v)).filter(Boolean).join(separator);
}

function buildTask(p: PendingTask, planYear: number, resolver: ReturnType<typeof createUnitResolver>): Task {
  const unitSeparator = p.rowsAreParts ? '\n' : ' ';
  const leadText = joined(p.parts.lead, unitSeparator);
  const coordinatorsText = joined(p.parts.coordinators, unitSeparator);
  const timeframeValues = p.parts.timeframe ?? [];
  const deadline =
    timeframeValues.length === 1
      ? parseTimeFrame(timeframeValues[0], planYear)
      : parseTimeFrame(joined(timeframeValues, '\n'), planYear);
  const status = readStatus(p.parts.status?.[0] ?? null);
  const doneRaw = p.parts.doneDate?.[0] ?? null;
  let doneDate: IsoDate | null = null;
  let doneDateProblem: string | null = null;
  if (doneRaw !== null) {
    doneDate = cellToIso(doneRaw) ?? (typeof doneRaw === 'string' ? findTextDate(doneRaw) : null);
    if (!doneDate) doneDateProblem = cellText(doneRaw);
  }
  if (!doneDate && !doneDateProblem) doneDate = status.date;
  return {
    row: p.rows[0],
    rows: p.rows,
    tt: p.tt,
    section: p.section,
    content: joined(p.parts.task, ' '),
    leadText,
    owners: resolver.resolveCell(leadText),
    coordinatorsText,
    coordinators: resolver.resolveCell(coordinatorsText),
    deadline,
    status,
    doneDate,
    doneDateProblem,
    product: joined(p.parts.product, ' '),
    note: joined(p.parts.note, ' '),
    result: joined(p.parts.result, ' '),
    difficulty: joined(p.parts.difficulty, ' '),
    proposal: joined(p.parts.proposal, ' '),
    errorCells: p.errorCells,
  };
}

export { ROLE_LABELS };
