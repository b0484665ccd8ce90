import { cellToIso, isoDate, isValidDate } from '../dates';
import { BoundedMemo } from '../memo';
import { cleanText, foldKey } from './text';
import type { CellValue, IsoDate } from '../types';

export type TaskStatus = 'done' | 'in_progress' | 'not_started' | 'cancelled';

export interface StatusReading {
  text: string;
  status: TaskStatus | null;
  /** A completion date written inside the status cell ("Hoàn thành ngày 15/3/2024"). */
  date: IsoDate | null;
  /** False when the cell has text the vocabulary does not know. */
  recognised: boolean;
}

/**
 * Status words, matched at the start of the folded cell. Order matters: negations ("chưa hoàn thành",
 * "không thực hiện") come before the words they contain.
 */
export const STATUS_PHRASES: readonly (readonly [RegExp, TaskStatus])[] = [
  [/^(khong thuc hien|khong trien khai|khong con thuc hien|dung thuc hien|tam dung|da dung|dung\b|huy\b|da huy|bai bo|loai bo)/, 'cancelled'],
  [/^(chua hoan thanh|chua xong|dang hoan thien|tiep tuc)/, 'in_progress'],
  [/^(chua thuc hien|chua trien khai|chua bat dau|chua lam|chua\b)/, 'not_started'],
  [/^(dang thuc hien|dang trien khai|dang lam|dang xay dung|dang\b|dth\b)/, 'in_progress'],
  [/^(da hoan thanh|hoan thanh|ht\b|xong|da xong|hoan tat|da thuc hien|da trien khai|da ban hanh|dat\b|da dat)/, 'done'],
];

export const STATUS_LABELS: Record<TaskStatus, string> = {
  done: 'Đã hoàn thành',
  in_progress: 'Đang thực hiện',
  not_started: 'Chưa thực hiện',
  cancelled: 'Không thực hiện',
};

/** The words offered in the status dropdown (hosts' tracking column). */
export const STATUS_CHOICES: readonly string[] = Object.values(STATUS_LABELS);

function fromPercent(p: number): TaskStatus {
  if (p >= 100) return 'done';
  if (p <= 0) return 'not_started';
  return 'in_progress';
}

// The character before the date is matched, not looked behind at (Safari before 16.4 rejects lookbehind).
const TEXT_DATE = /(?:^|[^\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])/;

/** A date written as text, day/month/year, anywhere in the cell. */
export function findTextDate(text: string): IsoDate | null {
  const iso = cellToIso(text);
  if (iso) return iso;
  const m = TEXT_DATE.exec(text);
  if (m && isValidDate(+m[3], +m[2], +m[1])) return isoDate(+m[3], +m[2], +m[1]);
  return null;
}

/**
 * Read a "Tiến độ / Tình trạng" cell.
 * @example readStatus('Đã hoàn thành 15/3/2024') // { status: 'done', date: '2024-03-15', … }
 */
export function readStatus(value: CellValue | undefined): StatusReading {
  // An empty string goes on to the text path, which reads it the same way.
  if (value === null || value === undefined) return { text: '', status: null, date: null, recognised: true };
  if (typeof value === 'boolean') {
    return { text: value ? 'TRUE' : 'FALSE', status: value ? 'done' : 'not_started', date: null, recognised: true };
  }
  if (typeof value === 'number') {
    // A percentage cell: 1 = 100 %; a plain 0–100 number is read as a percentage too.
    const p = value <= 1 ? value * 100 : value;
    if (value >= 0 && p <= 100) return { text: String(value), status: fromPercent(p), date: null, recognised: true };
    return { text: String(value), status: null, date: null, recognised: false };
  }
  if (value instanceof Date) return { text: '', status: 'done', date: cellToIso(value), recognised: true };
  // A column holds a handful of distinct texts ("Đã hoàn thành", "Đang thực hiện"…): each is read once. Tasks share
  // the reading, so it is frozen, as shared time frames are.
  return memo.get(value) ?? memo.set(value, Object.freeze(readStatusText(value)));
}

const memo = new BoundedMemo<string, StatusReading>(5_000);

/** Forget the remembered readings (tests start cold). */
export function resetStatusMemo(): void {
  memo.clear();
}

function readStatusText(value: string): StatusReading {
  const text = cleanText(value);
  if (!text) return { text: '', status: null, date: null, recognised: true };
  const key = foldKey(text);
  const date = findTextDate(text);
  const percent = /^(\d{1,3}(?:[.,]\d+)?)\s*%/.exec(key);
  if (percent) return { text, status: fromPercent(Number(percent[1].replace(',', '.'))), date, recognised: true };
  for (const [re, status] of STATUS_PHRASES) {
    if (re.test(key)) return { text, status, date, recognised: true };
  }
  return { text, status: null, date, recognised: false };
}
