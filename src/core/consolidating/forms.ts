/**
 * Update forms: what the Office sends each lead unit so that it fills in its own tasks. A form is two sheets:
 * the unit's tasks with the tracking columns to fill (everything else locked by the writer), and a hidden sheet
 * that remembers, per task, the key and the tracking values as sent, so that the merge can tell what the unit
 * changed from what the Office changed meanwhile (a three-way comparison).
 *
 * The grids are built here, free of any host: the command line writes them with ExcelJS; an add-in can do the same.
 */
import { cellToIso, formatViDate } from '../dates';
import type { Appendix, Task } from '../reading/appendix';
import { findTextDate, STATUS_CHOICES } from '../reading/status';
import { cleanText, foldText } from '../reading/text';
import type { UnitDirectory } from '../reading/units';
import type { CellValue, Grid, IsoDate, SheetData, WorkbookData } from '../types';

/** The columns a lead unit writes back into, in the order forms and the tracking-columns action show them. */
export const TRACKING_ROLES = ['status', 'doneDate', 'result', 'difficulty', 'proposal'] as const;
export type TrackingRole = (typeof TRACKING_ROLES)[number];

/** The header each tracking column gets when the tool adds it (to an appendix, or in a form). */
export const TRACKING_HEADERS: Record<TrackingRole, string> = {
  status: 'Tiến độ',
  doneDate: 'Ngày hoàn thành',
  result: 'Kết quả thực hiện',
  difficulty: 'Khó khăn, vướng mắc',
  proposal: 'Đề xuất',
};

export const FORM_SHEET = 'Phiếu cập nhật';
/** The hidden sheet of a form: what was sent. Its first cell marks the workbook as a form. */
export const FORM_META_SHEET = 'cchc_phieu';
export const FORM_MARK = 'cchc-phieu-cap-nhat';
export const FORM_VERSION = 1;

/** The form sheet's columns: the task as the plan states it (locked), then the tracking columns (to fill). */
export const FORM_COLUMNS: readonly { header: string; width: number; role?: TrackingRole }[] = [
  { header: 'Mã nhiệm vụ', width: 12 },
  { header: 'TT', width: 6 },
  { header: 'Mục', width: 24 },
  { header: 'Nội dung nhiệm vụ', width: 50 },
  { header: 'Thời gian hoàn thành', width: 18 },
  { header: 'Đơn vị phối hợp', width: 22 },
  ...TRACKING_ROLES.map((role) => ({ header: TRACKING_HEADERS[role], width: role === 'status' ? 18 : role === 'doneDate' ? 15 : 32, role })),
];
/** 1-based row of the form's column headers; the tasks start on the next row. */
export const FORM_HEADER_ROW = 5;

export interface FormTask {
  key: string;
  /** 1-based row of the task in the Office's appendix when the form was made. */
  row: number;
  tt: string;
  section: string;
  content: string;
  timeframe: string;
  coordinators: string;
  /** The tracking cells as sent (normalised: dates as ISO, text cleaned, empty as ""). */
  sent: Record<TrackingRole, string>;
}

export interface UpdateForm {
  unit: string;
  email: string | null;
  /** "phieu-cap-nhat-phong-to-chuc-can-bo.xlsx": ASCII, one per unit. */
  fileName: string;
  sentOn: IsoDate;
  /** Where the tasks came from: the Office's file (as named to the tool) and its appendix sheet. */
  source: { file: string; sheet: string };
  /** Who gathers the answers (heads the form's instructions). */
  office: string;
  tasks: FormTask[];
}

/** "Phòng Tổ chức cán bộ" → "phong-to-chuc-can-bo": a file name every system accepts. */
export function fileSlug(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'don-vi';
}

/** 32-bit FNV-1a over the UTF-16 code units: short, stable keys (not a security measure). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Each task's stable key ("NV-3F9K2A"): from its section and content, not its row, so it survives rows inserted,
 * deleted or reordered. Two tasks with the same section and content get "-2", "-3" in reading order.
 */
export function taskKeys(tasks: readonly Pick<Task, 'section' | 'content'>[]): string[] {
  const seen = new Map<string, number>();
  return tasks.map((t) => {
    const base = `NV-${fnv1a(`${foldText(t.section ?? '')}|${foldText(t.content)}`).toString(36).toUpperCase().padStart(7, '0')}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

const WHOLE_TEXT_DATE = /^\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*$/;

/** A tracking cell as compared and remembered: a date as ISO, text cleaned, nothing as "". */
export function trackingValue(role: TrackingRole, value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (role === 'doneDate') {
    // A date typed as text ("15/3/2024") is the same date as a date cell: compared and written as one.
    const iso = cellToIso(value) ?? (typeof value === 'string' && WHOLE_TEXT_DATE.test(value) ? findTextDate(value) : null);
    if (iso) return iso;
  }
  if (value instanceof Date) return cellToIso(value) ?? '';
  return cleanText(String(value));
}

/** The task's tracking cells in the appendix's grid (a column the appendix lacks reads as ""). */
export function trackingCells(appendix: Appendix, grid: Grid, task: Task): Record<TrackingRole, string> {
  const line = grid[task.row - 1] ?? [];
  const out = {} as Record<TrackingRole, string>;
  for (const role of TRACKING_ROLES) {
    const col = appendix.columns[role];
    out[role] = col === undefined ? '' : trackingValue(role, line[col]);
  }
  return out;
}

/** The lead units a form goes to: every named unit (a vague group names no one to send it to). */
export function formUnits(task: Task): string[] {
  return [...new Set(task.owners.filter((o) => !o.vague).map((o) => o.name))];
}

/** One form per lead unit, units in the order they first lead a task. */
export function buildUpdateForms(
  appendix: Appendix,
  grid: Grid,
  directory: UnitDirectory,
  options: { sentOn: IsoDate; file: string; office: string },
): UpdateForm[] {
  const keys = taskKeys(appendix.tasks);
  const byUnit = new Map<string, FormTask[]>();
  appendix.tasks.forEach((task, i) => {
    const entry: FormTask = {
      key: keys[i],
      row: task.row,
      tt: task.tt,
      section: task.section ?? '',
      content: task.content,
      timeframe: task.deadline.text,
      coordinators: task.coordinatorsText,
      sent: trackingCells(appendix, grid, task),
    };
    for (const unit of formUnits(task)) {
      const list = byUnit.get(unit) ?? [];
      list.push(entry);
      byUnit.set(unit, list);
    }
  });
  const names = new Set<string>();
  return [...byUnit].map(([unit, tasks]) => {
    let fileName = `phieu-cap-nhat-${fileSlug(unit)}.xlsx`;
    for (let n = 2; names.has(fileName); n++) fileName = `phieu-cap-nhat-${fileSlug(unit)}-${n}.xlsx`;
    names.add(fileName);
    const email = directory.find((d) => d.name === unit)?.email ?? null;
    return { unit, email, fileName, sentOn: options.sentOn, source: { file: options.file, sheet: appendix.sheet }, office: options.office, tasks };
  });
}

/** The visible sheet: title, unit, instructions, the header row, then one row per task (dates as `Date`). */
export function formGrid(form: UpdateForm): Grid {
  const fill = FORM_COLUMNS.filter((c) => c.role).map((c) => `"${c.header}"`).join(', ');
  const grid: Grid = [
    ['PHIẾU CẬP NHẬT TÌNH HÌNH THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH'],
    [`Đơn vị: ${form.unit}`],
    [`Gửi ngày ${formatViDate(form.sentOn)} (từ "${form.source.file}", trang "${form.source.sheet}"). Gửi lại tệp này cho ${form.office}.`],
    [`Xin điền các cột ${fill} (ô nền vàng); các cột khác đã khóa. Không thêm, xóa hay đổi mã nhiệm vụ.`],
    FORM_COLUMNS.map((c) => c.header),
  ];
  for (const t of form.tasks) {
    grid.push([
      t.key,
      t.tt,
      t.section,
      t.content,
      t.timeframe,
      t.coordinators,
      ...TRACKING_ROLES.map((role): CellValue => {
        const v = t.sent[role];
        return role === 'doneDate' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v || null;
      }),
    ]);
  }
  return grid;
}

/** The hidden sheet: the mark, the form's facts, then per task its key, row, content and the values as sent. */
export function formMetaGrid(form: UpdateForm): Grid {
  return [
    [FORM_MARK, FORM_VERSION],
    ['unit', form.unit],
    ['sentOn', form.sentOn],
    ['file', form.source.file],
    ['sheet', form.source.sheet],
    ['key', 'row', 'content', ...TRACKING_ROLES],
    ...form.tasks.map((t) => [t.key, t.row, t.content, ...TRACKING_ROLES.map((r) => t.sent[r])]),
  ];
}

/** The status choices of the form's dropdown (the same words the tracking-columns action offers). */
export const FORM_STATUS_CHOICES = STATUS_CHOICES;

/** A unit's answer for one task, as read back from a form or a full copy. */
export interface Answer {
  key: string;
  content: string;
  /** Where it was in the returned file (1-based), for messages. */
  row: number;
  values: Partial<Record<TrackingRole, string>>;
  /** The values as sent (forms only): the base of the three-way comparison. */
  sent?: Record<TrackingRole, string>;
}

export interface ReturnedForm {
  unit: string;
  sentOn: string;
  answers: Answer[];
}

/** The form's hidden sheet, or null when the workbook is not a form. */
export function formMetaSheet(workbook: WorkbookData): SheetData | null {
  return workbook.sheets.find((s) => s.name === FORM_META_SHEET && s.grid[0]?.[0] === FORM_MARK) ?? null;
}

/**
 * A returned form: the answers in the form sheet (found by its header row, so a column moved by the unit is still
 * read by its header), each with what was sent for it. A row whose key the unit changed or removed is matched later
 * by its content. Null when the workbook is not a form.
 */
export function readReturnedForm(workbook: WorkbookData): ReturnedForm | null {
  const meta = formMetaSheet(workbook);
  if (!meta) return null;
  const fact = (name: string) => String(meta.grid.find((r) => r[0] === name)?.[1] ?? '');
  const headAt = meta.grid.findIndex((r) => r[0] === 'key');
  const sent = new Map<string, Record<TrackingRole, string>>();
  const sentContent = new Map<string, string>();
  for (const line of meta.grid.slice(headAt + 1)) {
    const key = String(line[0] ?? '');
    if (!key) continue;
    sentContent.set(key, String(line[2] ?? ''));
    sent.set(key, Object.fromEntries(TRACKING_ROLES.map((r, i) => [r, trackingValue(r, line[3 + i])])) as Record<TrackingRole, string>);
  }
  const sheet = workbook.sheets.find((s) => s.name === FORM_SHEET) ?? workbook.sheets.find((s) => s !== meta);
  const answers: Answer[] = [];
  if (sheet) {
    const headerIndex = sheet.grid.findIndex((r) => foldText(String(r?.[0] ?? '')) === foldText(FORM_COLUMNS[0].header));
    const header = (sheet.grid[headerIndex] ?? []).map((h) => foldText(String(h ?? '')));
    const colOf = (name: string) => header.indexOf(foldText(name));
    const keyCol = colOf(FORM_COLUMNS[0].header);
    const contentCol = colOf('Nội dung nhiệm vụ');
    for (let r = headerIndex + 1; headerIndex >= 0 && r < sheet.grid.length; r++) {
      const line = sheet.grid[r] ?? [];
      const key = cleanText(String(line[keyCol] ?? ''));
      const content = cleanText(String(line[contentCol] ?? ''));
      if (!key && !content) continue;
      const values: Partial<Record<TrackingRole, string>> = {};
      for (const role of TRACKING_ROLES) {
        const col = colOf(TRACKING_HEADERS[role]);
        if (col >= 0) values[role] = trackingValue(role, line[col]);
      }
      answers.push({ key, content: content || sentContent.get(key) || '', row: r + 1, values, sent: sent.get(key) });
    }
  }
  return { unit: fact('unit'), sentOn: fact('sentOn'), answers };
}
