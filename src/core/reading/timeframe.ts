import { BoundedMemo } from '../memo';
import {
  cellToIso,
  daysInMonth,
  endOfMonth,
  formatViDate,
  isoDate,
  isValidDate,
  addDays,
  weekday,
} from '../dates';
import { cleanText, foldText } from './text';
import type { CellValue, IsoDate } from '../types';

export type TimeFrameKind =
  | 'date'
  | 'month'
  | 'quarter'
  | 'half'
  | 'year'
  | 'recurring'
  | 'continuous'
  | 'event'
  | 'missing'
  | 'unknown';

export type Recurrence = 'weekly' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

export interface TimeFrame {
  /** The cell as the user wrote it (cleaned), or the date cell shown as dd/mm/yyyy. */
  text: string;
  kind: TimeFrameKind;
  /** The final due date for kinds date/month/quarter/half/year; otherwise null. */
  due: IsoDate | null;
  /** Every due date, sorted; a recurring time frame is expanded over the plan year. Frozen: tasks share it. */
  readonly dueDates: readonly IsoDate[];
  recurrence?: Recurrence;
  /** True when a year was missing from the text and taken from the plan year. */
  yearInferred: boolean;
  /** A span of years ("2025 - 2030", "Giai đoạn 2026 - 2030"): kind `year`, due at the end of its last year. */
  span?: { from: number; to: number };
  /** Why the text could not be read (kind `unknown`), in Vietnamese. */
  problem?: string;
}

/** Kinds with a single final deadline: the ones whose `due` is set. */
export const FIXED_KINDS: readonly TimeFrameKind[] = ['date', 'month', 'quarter', 'half', 'year'];

// Phrase tables, matched against folded text (lower case, no diacritics, đ → d).

/** Words that may stand before "thường xuyên" without changing it: "Nhiệm vụ thường xuyên", "Thực hiện thường xuyên". */
const ONGOING_LEAD = '(?:(?:nhiem vu|cong viec|hoat dong|thuc hien|trien khai|duoc thuc hien|tien hanh|to chuc|la|duy tri)\\s+)*';

/**
 * Whole-task-long work: no due date. Checked before recurrence so "Thường xuyên, hằng năm" stays continuous. A span
 * of named years ("Giai đoạn 2026 - 2030") is not here: it has a last year, so it is read as a year.
 */
export const CONTINUOUS_PHRASES: readonly RegExp[] = [
  new RegExp(`^${ONGOING_LEAD}(thuong xuyen|lien tuc)`),
  /^hang ngay|^moi ngay/,
  /^(ca|trong|suot) giai doan(?!\s*\d)/,
  /^giai doan$/,
  /^tu nam \d{4}( tro di)?$/,
];

/** Work triggered by something else. Checked after fixed periods, so "Theo kế hoạch, Quý II/2024" is a quarter. */
export const EVENT_PHRASES: readonly RegExp[] = [
  /^khi\b/,
  /^sau khi\b/,
  /^theo (lo trinh|ke hoach|quy dinh|yeu cau|chi dao|huong dan|van ban|tien do|thong bao|ke hoach)/,
  /^theo\b/,
  /^dot xuat/,
  /^ngay sau khi/,
  /^tuy tinh hinh|^tuy theo/,
  /^(co|neu) (yeu cau|phat sinh)/,
  /^phu thuoc\b/,
  /^can cu\b/,
];

/** Recurrence words; the first match wins, so longer cadences that contain shorter words come first. */
export const RECURRENCE_PHRASES: readonly (readonly [RegExp, Recurrence | null])[] = [
  [/(hang|moi|dinh ky) 6 thang|6 thang\s*(\/|mot)\s*lan|hang nua nam/, 'half-yearly'],
  [/(hang|moi|dinh ky) tuan/, 'weekly'],
  [/(hang|moi|dinh ky) thang/, 'monthly'],
  [/(hang|moi|dinh ky) quy/, 'quarterly'],
  [/(hang|moi|dinh ky) nam|cac nam tiep theo/, 'yearly'],
  [/^dinh ky\b/, null],
];

/** Text that is only the plan year: "Cả năm", "Trong năm". */
export const WHOLE_YEAR_PHRASES: readonly RegExp[] = [/^ca nam$/, /^trong nam$/, /^nam nay$/, /^ca nam \d{4}$/];

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Numbers in document references ("Kế hoạch số 02-KH/BCĐTW", "90/2013/NĐ-CP ngày 08/8/2013") are not dates. */
const DOCUMENT_REFERENCE =
  /\d+(?:\/\d{2,4})?[/-][a-z][a-z0-9]*(?:[/-][a-z0-9]+)*(?:\s*-\s*[a-z]{2,})?(?:,?\s+ngay\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4})?/g;

interface Part {
  kind: 'date' | 'month' | 'quarter' | 'half' | 'year';
  dates: IsoDate[];
  yearInferred: boolean;
  span?: { from: number; to: number };
}

interface Scan {
  parts: Part[];
  problems: string[];
}

/** Years a plan can name; anything else ("Quý I/0000") is a typing slip, not a deadline. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

function readYear(raw: string | undefined, planYear: number): { year: number; inferred: boolean } | null {
  if (!raw) return { year: planYear, inferred: true };
  let year = Number(raw);
  if (raw.length === 2) year += 2000;
  return year >= MIN_YEAR && year <= MAX_YEAR ? { year, inferred: false } : null;
}

function quarterNumber(token: string): number {
  return ROMAN[token] ?? Number(token);
}

const QUARTER_TOKEN = '(iv|i{1,3}|[1-4])';
const YEAR_TAIL = '(?:\\s*(?:\\/|-|–|\\.|,)?\\s*(?:nam\\s*)?(\\d{4}))?';
const LIST_SEP = '\\s*(?:,|;|&|\\bva\\b|\\+)\\s*';
const RANGE_SEP = '\\s*(?:-|–|\\bden\\b)\\s*';

// Quarter groups: "quy i va quy iii/2025", "quy i, ii/2020", "qui iv-2025", "quy i - ii/2024" (range).
const QUARTER_GROUP = new RegExp(
  `\\b(?:quy|qui|q\\.?)\\s*${QUARTER_TOKEN}\\b((?:(?:${LIST_SEP}|${RANGE_SEP})(?:(?:quy|qui|q\\.?)\\s*)?${QUARTER_TOKEN}\\b(?!\\d))*)${YEAR_TAIL}`,
  'g',
);
/** After a month number: not the start of a "dd/mm" pair, but "/2024" (a year) may follow. */
const NOT_DAY_MONTH = '(?!\\d)(?!\\s*[/.-]\\s*\\d{1,2}(?!\\d))';
// Month groups: "thang 11, 12/2020", "thang 3 nam 2024", "tu thang 3 den thang 5/2024".
const MONTH_GROUP = new RegExp(
  `\\bthang\\s*(\\d{1,2})(?!\\d)((?:(?:${LIST_SEP}|${RANGE_SEP})(?:thang\\s*)?\\d{1,2}${NOT_DAY_MONTH})*)${YEAR_TAIL}`,
  'g',
);
const HALF = /\b6 thang (dau|cuoi)(?: nam)?(?:\s*(?:\/|-|,)?\s*(?:nam\s*)?(\d{4}))?|\bnua (dau|cuoi) nam(?:\s*(\d{4}))?/g;
const WORDED_DATE = /\bngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*(?:nam|\/|-)\s*(\d{4}))?/g;
// No lookbehind (Safari before 16.4 rejects it): the one character before the date is matched (and blanked with it).
const NUMERIC_DATE = /(?:^|[^\d/.])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?(?![\d/])/g;
const YEAR = /(?:\bnam\s*|^|\s)(\d{4})(?:\s*[-–]\s*(\d{4}))?\b/g;

function splitItems(first: string, rest: string): { items: string[]; range: boolean } {
  const items = [first];
  const range = /-|–|\bden\b/.test(rest);
  for (const m of rest.matchAll(/(iv|i{1,3}|\d{1,2})\b/g)) items.push(m[1]);
  return { items, range };
}

function blank(text: string, start: number, length: number): string {
  return text.slice(0, start) + ' '.repeat(length) + text.slice(start + length);
}

/** Find every fixed period in the text, consuming each span so one number is read once. */
function scanFixed(input: string, planYear: number): Scan {
  let text = input;
  const parts: Part[] = [];
  const problems: string[] = [];

  const consume = (re: RegExp, onMatch: (m: RegExpMatchArray) => void) => {
    for (const m of [...text.matchAll(re)]) {
      onMatch(m);
      text = blank(text, m.index ?? 0, m[0].length);
    }
  };

  const yearOf = (raw: string | undefined) => {
    const y = readYear(raw, planYear);
    if (!y) problems.push(`năm ${raw} không hợp lệ`);
    return y;
  };

  consume(HALF, (m) => {
    const which = m[1] ?? m[3];
    const y = yearOf(m[2] ?? m[4]);
    if (!y) return;
    const { year, inferred } = y;
    parts.push({ kind: 'half', dates: [which === 'dau' ? isoDate(year, 6, 30) : isoDate(year, 12, 31)], yearInferred: inferred });
  });

  consume(QUARTER_GROUP, (m) => {
    const { items, range } = splitItems(m[1], m[2]);
    const y = yearOf(m[4]);
    if (!y) return;
    const { year, inferred } = y;
    // QUARTER_TOKEN admits only I–IV and 1–4. A range ("Quý I - III") is due at its end.
    let quarters = items.map(quarterNumber);
    if (range) quarters = [Math.max(...quarters)];
    parts.push({ kind: 'quarter', dates: quarters.map((q) => endOfMonth(year, q * 3)), yearInferred: inferred });
  });

  consume(WORDED_DATE, (m) => addDate(m[1], m[2], m[3]));

  consume(MONTH_GROUP, (m) => {
    const { items, range } = splitItems(m[1], m[2]);
    const y = yearOf(m[3]);
    if (!y) return;
    const { year, inferred } = y;
    let months = items.map(Number);
    const bad = months.filter((x) => x < 1 || x > 12);
    if (bad.length) {
      problems.push(`tháng ${bad.join(', ')} không tồn tại`);
      return;
    }
    if (range) months = [Math.max(...months)];
    parts.push({ kind: 'month', dates: months.map((mo) => endOfMonth(year, mo)), yearInferred: inferred });
  });

  consume(NUMERIC_DATE, (m) => addDate(m[1], m[2], m[3]));

  consume(YEAR, (m) => {
    const first = Number(m[1]);
    const last = Number(m[2] ?? m[1]);
    if (last < MIN_YEAR || last > MAX_YEAR) return;
    const span = m[2] && first < last && first >= MIN_YEAR ? { span: { from: first, to: last } } : {};
    parts.push({ kind: 'year', dates: [isoDate(last, 12, 31)], yearInferred: false, ...span });
  });

  function addDate(d: string, mo: string, y: string | undefined) {
    const read = readYear(y, planYear);
    const day = Number(d);
    const month = Number(mo);
    if (!read || !isValidDate(read.year, month, day)) {
      problems.push(`ngày ${d}/${mo}${y ? '/' + y : ''} không tồn tại`);
      return;
    }
    parts.push({ kind: 'date', dates: [isoDate(read.year, month, day)], yearInferred: read.inferred });
  }

  return { parts, problems };
}

function expandRecurrence(recurrence: Recurrence, planYear: number, folded: string): IsoDate[] {
  const dates: IsoDate[] = [];
  // A stated day: "trước ngày 05/11 hàng năm", "trước ngày 25 hàng tháng"; a year written with a yearly day
  // ("Hằng năm, trước ngày 15/01/2025") is the first time, the day and month repeat.
  const dayMonth = /(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*\d{4})?(?![\d/])/.exec(folded);
  const dayOnly = /ngay\s*(\d{1,2})(?!\s*[/.-]?\s*\d)/.exec(folded);
  switch (recurrence) {
    case 'weekly': {
      let d = isoDate(planYear, 1, 1);
      while (weekday(d) !== 0) d = addDays(d, 1);
      for (; d <= isoDate(planYear, 12, 31); d = addDays(d, 7)) dates.push(d);
      break;
    }
    case 'monthly': {
      // "ngày 0" is no day: fall back to the month's end.
      const stated = dayOnly ? Number(dayOnly[1]) : 0;
      const day = stated >= 1 ? stated : 31;
      for (let m = 1; m <= 12; m++) dates.push(isoDate(planYear, m, Math.min(day, daysInMonth(planYear, m))));
      break;
    }
    case 'quarterly':
      for (let q = 1; q <= 4; q++) dates.push(endOfMonth(planYear, q * 3));
      break;
    case 'half-yearly':
      dates.push(isoDate(planYear, 6, 30), isoDate(planYear, 12, 31));
      break;
    case 'yearly':
      if (dayMonth && isValidDate(planYear, Number(dayMonth[2]), Number(dayMonth[1]))) {
        dates.push(isoDate(planYear, Number(dayMonth[2]), Number(dayMonth[1])));
      } else {
        dates.push(isoDate(planYear, 12, 31));
      }
      break;
  }
  return dates;
}

function result(text: string, kind: TimeFrameKind, dueDates: IsoDate[] = [], extra: Partial<TimeFrame> = {}): TimeFrame {
  const sorted = [...new Set(dueDates)].sort();
  const due = FIXED_KINDS.includes(kind) && sorted.length ? sorted[sorted.length - 1] : null;
  return { text, kind, due, dueDates: sorted, yearInferred: false, ...extra };
}

/**
 * Read a "Thời gian thực hiện" cell into a kind and due dates. Never throws: anything unreadable is
 * kind `unknown` with a Vietnamese `problem`.
 * @example parseTimeFrame('Quý I và Quý III/2025', 2025).dueDates // ['2025-03-31', '2025-09-30']
 */
export function parseTimeFrame(value: CellValue | undefined, planYear: number): TimeFrame {
  // The same few dozen phrases fill a sheet: memoise text cells. Results are frozen because tasks share them.
  const key = typeof value === 'string' && value.length <= 200 ? `${planYear}\u0000${value}` : null;
  const cached = key === null ? undefined : memo.get(key);
  if (cached) return cached;
  let parsed: TimeFrame;
  try {
    parsed = parseUnsafe(value ?? null, planYear);
  } catch {
    // A guard no input is known to reach (the property test over arbitrary input never throws): a parser bug must not
    // stop a whole sheet from being read.
    // Stryker disable next-line all: unreachable by any known input, see above
    parsed = result(String(value ?? ''), 'unknown', [], { problem: 'không đọc được nội dung ô' });
  }
  Object.freeze(parsed.dueDates);
  Object.freeze(parsed);
  if (key !== null) {
    memo.set(key, parsed);
  }
  return parsed;
}

const memo = new BoundedMemo<string, TimeFrame>(5_000);

/** Forget memoised time frames (benchmarks start every run cold). */
export function resetTimeFrameMemo(): void {
  memo.clear();
}

function parseUnsafe(value: CellValue, planYear: number): TimeFrame {
  if (value === null) return result('', 'missing');
  if (typeof value === 'boolean') return result(value ? 'TRUE' : 'FALSE', 'unknown', [], { problem: 'ô đánh dấu đúng/sai, không phải thời hạn' });
  if (value instanceof Date || typeof value === 'number') {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2200) {
      return result(String(value), 'year', [isoDate(value, 12, 31)]);
    }
    const iso = cellToIso(value);
    if (iso) return result(formatViDate(iso), 'date', [iso]);
    return result(String(value), 'unknown', [], { problem: `số ${String(value)} không phải là ngày` });
  }

  const text = cleanText(value);
  if (text === '') return result('', 'missing');
  const iso = cellToIso(text);
  if (iso) return result(text, 'date', [iso]);

  const folded = foldText(text).replace(/\n/g, ' ; ').replace(DOCUMENT_REFERENCE, ' ');
  const lead = folded.replace(/^[\s;:,.\-–•*+]+/, '');

  if (CONTINUOUS_PHRASES.some((re) => re.test(lead))) return result(text, 'continuous');

  for (const [re, recurrence] of RECURRENCE_PHRASES) {
    if (!re.test(folded)) continue;
    if (!recurrence) return result(text, 'recurring');
    return result(text, 'recurring', expandRecurrence(recurrence, planYear, folded), {
      recurrence,
      yearInferred: true,
    });
  }

  const scan = scanFixed(folded, planYear);
  if (scan.parts.length) {
    const all = scan.parts.flatMap((p) => p.dates);
    const last = [...all].sort().pop() as IsoDate;
    const lastPart = scan.parts.find((p) => p.dates.includes(last)) as Part;
    return result(text, lastPart.kind, all, {
      yearInferred: scan.parts.some((p) => p.yearInferred),
      ...(lastPart.span ? { span: lastPart.span } : {}),
      ...(scan.problems.length ? { problem: scan.problems.join('; ') } : {}),
    });
  }
  if (scan.problems.length) return result(text, 'unknown', [], { problem: scan.problems.join('; ') });

  const key = lead.replace(/[\s.;:,]+$/, '');
  if (WHOLE_YEAR_PHRASES.some((re) => re.test(key))) {
    return result(text, 'year', [isoDate(planYear, 12, 31)], { yearInferred: true });
  }
  if (EVENT_PHRASES.some((re) => re.test(lead))) return result(text, 'event');
  return result(text, 'unknown', [], { problem: 'không nhận ra ngày, tháng, quý hay năm' });
}

/** A Vietnamese label for a kind, used in tables and messages. */
export const KIND_LABELS: Record<TimeFrameKind, string> = {
  date: 'Ngày cụ thể',
  month: 'Tháng',
  quarter: 'Quý',
  half: '6 tháng',
  year: 'Năm',
  recurring: 'Định kỳ',
  continuous: 'Thường xuyên',
  event: 'Khi có yêu cầu/sự kiện',
  missing: 'Chưa có thời hạn',
  unknown: 'Không đọc được',
};
