import { BoundedMemo } from '../memo';
import { foldKey } from './text';

export type ColumnRole =
  | 'number'
  | 'task'
  | 'timeframe'
  | 'lead'
  | 'coordinators'
  | 'product'
  | 'status'
  | 'doneDate'
  | 'note'
  | 'person'
  /** What was actually achieved ("Kết quả thực hiện"), as units write it; not the plan's expected output. */
  | 'result'
  | 'difficulty'
  | 'proposal';

/** A phrase (folded: lower case, no diacritics, đ → d) and how strongly it speaks for a role. */
export type HeaderWord = readonly [phrase: string, weight: number];

/** A phrase weighing at least this much names the role on its own; lighter ones only add to such a phrase. */
export const CORE_WEIGHT = 3;

/**
 * What each role's header says, scored by meaning rather than matched by wording: a column's header scores the sum of
 * the weights of the phrases it contains (as whole words, in any order), counted only when it contains at least one
 * core phrase (weight ≥ CORE_WEIGHT). Negative weights are traps ("Đơn vị tính" is a unit of measure, not a lead unit).
 *
 * The table is read top to bottom when two roles score the same, so the traps come first: a person
 * ("Người đứng đầu chịu trách nhiệm") is never the lead unit, an actual completion date ("Ngày hoàn thành",
 * "… thực tế") is never the deadline, and "Tiến độ" alone is a status while "Tiến độ thực hiện" is a time frame.
 */
export const HEADER_WORDS: readonly (readonly [ColumnRole, readonly HeaderWord[]])[] = [
  ['person', [['nguoi', 6], ['nguoi dung dau', 8], ['ho ten', 6], ['lanh dao', 5], ['can bo', 6], ['chuyen vien', 6], ['ca nhan', 5]]],
  [
    'doneDate',
    [
      ['ngay hoan thanh', 7], ['hoan thanh thuc te', 8], ['thoi gian thuc te', 8], ['ngay thuc te', 8],
      ['thoi diem hoan thanh', 7], ['ngay ht', 7], ['ngay xong', 7],
    ],
  ],
  ['coordinators', [['phoi hop', 8]]],
  [
    'status',
    [
      ['tinh trang', 6], ['trang thai', 6], ['tinh hinh', 6], ['tien do', 4], ['muc do hoan thanh', 6],
      ['ket qua danh gia', 8], ['danh gia', 4], ['hien tai', 2], ['cap nhat', 2], ['den nay', 2],
    ],
  ],
  [
    'timeframe',
    [
      ['thoi gian', 5], ['thoi han', 6], ['han hoan thanh', 6], ['han chot', 6], ['deadline', 6], ['tien do thuc hien', 5],
      ['tien do hoan thanh', 5], ['moc hoan thanh', 5], ['lo trinh', 4],
      ['hoan thanh', 1], ['thuc hien', 1], ['du kien', 2], ['trien khai', 1], ['ket thuc', 1], ['trinh', 1], ['bat dau', -1],
    ],
  ],
  [
    'lead',
    [
      ['chu tri', 6], ['don vi thuc hien', 4], ['co quan thuc hien', 4], ['bo phan thuc hien', 4], ['phu trach', 3],
      ['chiu trach nhiem', 4], ['trach nhiem', 3], ['dau moi', 4], ['don vi', 3], ['co quan', 3], ['phan cong', 3],
      ['thuc hien', 1], ['chinh', 1], ['don vi tinh', -20],
    ],
  ],
  // What units write back: the result achieved outweighs the plan's expected output ("Kết quả" alone, "Kết quả dự kiến").
  ['result', [['ket qua thuc hien', 8], ['ket qua dat duoc', 8], ['ket qua trien khai', 8], ['ket qua da dat', 8]]],
  ['product', [['san pham', 6], ['ket qua', 5], ['dau ra', 3], ['hinh thuc', 4]]],
  [
    'task',
    [
      ['noi dung', 5], ['nhiem vu', 5], ['giai phap', 4], ['hoat dong', 5], ['cong viec', 5], ['de an', 4], ['ten van ban', 5],
      ['chuong trinh', 3], ['ten', 1], ['cu the', 1], ['chu yeu', 1], ['trong tam', 1],
    ],
  ],
  ['note', [['ghi chu', 8]]],
  // After the task: "Nội dung đề xuất" stays the task's column (equal weight, earlier role).
  ['difficulty', [['kho khan', 8], ['vuong mac', 8]]],
  ['proposal', [['de xuat', 5], ['kien nghi', 5], ['de nghi', 5]]],
];

/** The number column is named by a short word alone. */
export const NUMBER_HEADERS: readonly string[] = ['tt', 'stt', 'so tt', 'so thu tu', 's tt', 'thu tu'];

/** Words that join two names in a header and say nothing themselves ("Nhiệm vụ và giải pháp", "Cơ quan/đơn vị"). */
const CONNECTING_WORDS = /(^| )(va|hoac|cac|nhung)(?= |$)/g;

/** Longer than this, a cell is a title or a task, not a column header. */
const MAX_HEADER_LENGTH = 90;

/** The roles a table needs before it is taken for an appendix. */
export const REQUIRED_ROLES: readonly ColumnRole[] = ['task'];
export const SUPPORTING_ROLES: readonly ColumnRole[] = ['timeframe', 'lead'];

/** Vietnamese names of the roles, for messages. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  number: 'TT',
  task: 'Nội dung nhiệm vụ',
  timeframe: 'Thời gian thực hiện',
  lead: 'Đơn vị chủ trì',
  coordinators: 'Đơn vị phối hợp',
  product: 'Sản phẩm',
  status: 'Tiến độ',
  doneDate: 'Ngày hoàn thành',
  note: 'Ghi chú',
  person: 'Người chịu trách nhiệm',
  result: 'Kết quả thực hiện',
  difficulty: 'Khó khăn, vướng mắc',
  proposal: 'Đề xuất',
};

export interface HeaderScore {
  role: ColumnRole;
  score: number;
}

/** A header's words, folded, separators and connecting words dropped, padded for whole-word search. */
function headerKey(text: string): string | null {
  const folded = foldKey(text);
  if (!folded || folded.length > MAX_HEADER_LENGTH) return null;
  const words = folded
    .replace(/[/\\,;:.()[\]{}"'“”‘’*+&|–-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(CONNECTING_WORDS, '')
    .trim();
  return words ? ` ${words} ` : null;
}

/** Every phrase of the table by its first word: a header is compared only with phrases that start with one of its words. */
const PHRASES_BY_FIRST_WORD = new Map<string, { role: ColumnRole; phrase: string; weight: number }[]>();
for (const [role, words] of HEADER_WORDS) {
  for (const [phrase, weight] of words) {
    const first = phrase.split(' ')[0];
    PHRASES_BY_FIRST_WORD.set(first, [...(PHRASES_BY_FIRST_WORD.get(first) ?? []), { role, phrase, weight }]);
  }
}
const ROLE_ORDER = new Map(HEADER_WORDS.map(([role], i) => [role, i]));

const memo = new BoundedMemo<string, HeaderScore[]>(5_000);

/** Forget memoised header scores (benchmarks and tests start cold, as a fresh process does). */
export function resetHeaderMemo(): void {
  memo.clear();
}

/**
 * Every role a header speaks for, best first (the role listed first in the table on a tie); empty when no role reaches
 * a core phrase.
 * @example scoreRoles('Tiến độ thực hiện') // [{ role: 'timeframe', score: 5 }, { role: 'status', score: 4 }]
 */
export function scoreRoles(text: string): HeaderScore[] {
  const cached = memo.get(text);
  if (cached !== undefined) return cached;
  const key = headerKey(text);
  const scores: HeaderScore[] = [];
  if (key !== null) {
    if (NUMBER_HEADERS.includes(key.trim())) scores.push({ role: 'number', score: 10 });
    else {
      const found = new Map<ColumnRole, { phrase: string; weight: number }[]>();
      for (const word of new Set(key.trim().split(' '))) {
        for (const p of PHRASES_BY_FIRST_WORD.get(word) ?? []) {
          if (key.includes(` ${p.phrase} `)) found.set(p.role, [...(found.get(p.role) ?? []), p]);
        }
      }
      // Roles in table order, so a tie goes to the role listed first.
      for (const [role, phrases] of [...found].sort((a, b) => (ROLE_ORDER.get(a[0]) ?? 0) - (ROLE_ORDER.get(b[0]) ?? 0))) {
        let score = 0;
        let core = false;
        for (const { phrase, weight } of phrases) {
          // A phrase inside a longer one of the same role ("trách nhiệm" in "chịu trách nhiệm") is counted once, as the longer.
          if (phrases.some((o) => o.phrase !== phrase && ` ${o.phrase} `.includes(` ${phrase} `))) continue;
          score += weight;
          if (weight >= CORE_WEIGHT) core = true;
        }
        if (core && score >= CORE_WEIGHT) scores.push({ role, score });
      }
    }
  }
  // A stable sort keeps table order among equal scores.
  scores.sort((a, b) => b.score - a.score);
  return memo.set(text, scores);
}

/**
 * The role a header speaks for, with its score; null when no role reaches a core phrase.
 * @example scoreHeader('NHIỆM VỤ VÀ GIẢI PHÁP') // { role: 'task', score: 9 }
 */
export function scoreHeader(text: string): HeaderScore | null {
  return scoreRoles(text)[0] ?? null;
}

export function matchHeader(text: string): ColumnRole | null {
  return scoreHeader(text)?.role ?? null;
}

const VOCABULARY = new Set(
  [...HEADER_WORDS.flatMap(([, words]) => words.flatMap(([phrase]) => phrase.split(' '))), ...NUMBER_HEADERS.flatMap((w) => w.split(' '))],
);

/**
 * True when every word of the cell is header vocabulary ("Nội dung nhiệm vụ", "Đơn vị chủ trì"): a header repeated
 * at a page break, never a task that happens to start with "Nhiệm vụ …".
 */
export function isPureHeader(text: string): boolean {
  const key = headerKey(text);
  if (key === null || !key.trim().split(' ').every((w) => VOCABULARY.has(w))) return false;
  return scoreHeader(text) !== null;
}

/**
 * Assign roles to columns from their header texts, strongest claims first: each role goes to the column that speaks for
 * it most strongly (the first on a tie), and a column whose best role is taken keeps its next one ("Tiến độ thực hiện"
 * beside "Thời gian hoàn thành" is the status).
 */
export function assignRoles(headerTexts: string[]): Partial<Record<ColumnRole, number>> {
  const claims = headerTexts.flatMap((text, col) => scoreRoles(text).map((s, rank) => ({ ...s, col, rank })));
  // Claims are made column by column, and a stable sort keeps that order among equals: the first column wins a tie.
  claims.sort((a, b) => b.score - a.score || a.rank - b.rank);
  const columns: Partial<Record<ColumnRole, number>> = {};
  const taken = new Set<number>();
  const takenTexts = new Set<string>();
  for (const { role, col } of claims) {
    if (columns[role] !== undefined || taken.has(col)) continue;
    // One cell merged over several columns is one header: it gives one role, never a second one to its other columns.
    // (A later column with that text claims the same roles in the same order, so none of them is left for it.)
    if (takenTexts.has(headerTexts[col])) continue;
    columns[role] = col;
    taken.add(col);
    takenTexts.add(headerTexts[col]);
  }
  return columns;
}
