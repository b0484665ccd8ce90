/**
 * The workbook as the core reads it (`WorkbookData`), straight from the package: the sheet list, shared strings,
 * the styles' number formats (to know date cells) and each worksheet's cells, merges and hidden rows. Nothing else
 * is parsed.
 */
import type { CellValue, MergeRange, SheetData, WorkbookData } from '../core/types';
import { isTrue, type XlsxPackage } from './package';
import { attribute, parseXml, unescapeCellText } from './xml';

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the East Asian date formats). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a number format code shows a date or time: after removing quoted text, escaped and padding characters
 * and bracketed parts (locale "[$-42A]", colour "[Red]", condition), a day, month, year, hour or second code is left.
 * Only the first section (positive numbers) counts.
 */
export function isDateFormat(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0];
  return /[dmyhsb]/i.test(stripped.replace(/general/gi, ''));
}

/** For each cell style index, whether its number format is a date format. */
export function dateStyles(pkg: XlsxPackage): boolean[] {
  const part = pkg.workbookPartOf('styles');
  if (!part) return [];
  const custom = new Map<number, string>();
  const result: boolean[] = [];
  let inCellXfs = false;
  parseXml(part, pkg.text(part), {
    open: (name, attrs) => {
      if (name === 'numFmt') custom.set(Number(attribute(attrs, 'numFmtId')), attribute(attrs, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(attrs, 'numFmtId') ?? 0);
        const code = custom.get(id);
        result.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return result;
}

/** The shared-string table: each item's text, rich-text runs joined, phonetic guides left out. */
export function sharedStrings(pkg: XlsxPackage): string[] {
  const part = pkg.workbookPartOf('sharedStrings');
  if (!part) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(part, pkg.text(part), {
    open: (name) => {
      if (name === 'si') current = [];
      else if (name === 't') inText = phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    text: (text) => {
      if (inText && current) current.push(text);
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        strings.push(unescapeCellText(current.join('')));
        current = null;
      }
    },
  });
  return strings;
}

const DAY_MS = 86_400_000;

/** A serial number in the workbook's date system as a `Date` (UTC fields), as ExcelJS and the hosts give it. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** "AB12" → column 27 (0-based), row 11 (0-based); -1 for parts missing. */
function parseRef(ref: string): { col: number; row: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const row = i < ref.length ? Number(ref.slice(i)) - 1 : -1;
  return { col: col - 1, row: Number.isInteger(row) ? row : -1 };
}

function parseRange(ref: string): MergeRange | null {
  const [a, b = a] = ref.split(':');
  const from = parseRef(a);
  const to = parseRef(b);
  if (from.col < 0 || from.row < 0 || to.col < 0 || to.row < 0) return null;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

/** A cell's value from its type, raw text and style. */
function cellValue(type: string, raw: string | null, inline: string | null, style: number, strings: string[], dates: boolean[], date1904: boolean): CellValue {
  switch (type) {
    case 's': {
      if (raw === null) return null;
      const s = strings[Number(raw)];
      return s === undefined ? null : s;
    }
    case 'inlineStr':
      return inline === null ? (raw === null ? null : unescapeCellText(raw)) : unescapeCellText(inline);
    case 'str':
      return raw === null ? null : unescapeCellText(raw);
    case 'b':
      return raw === null ? null : isTrue(raw.trim());
    case 'e':
      return raw === null ? null : raw;
    case 'd': {
      if (raw === null) return null;
      const text = raw.trim();
      // An ISO 8601 date or date-time; without a zone it is a wall-clock time, read as UTC like every date here.
      const date = new Date(/T.*(Z|[+-]\d\d:?\d\d)$/.test(text) || !text.includes('T') ? text : `${text}Z`);
      return Number.isNaN(date.getTime()) ? text : date;
    }
    default: {
      if (raw === null || raw.trim() === '') return null;
      const n = Number(raw);
      if (Number.isNaN(n)) return raw;
      return dates[style] ? serialToDate(n, date1904) : n;
    }
  }
}

/** One worksheet: merged cells other than the top-left read empty, as Sheets and Excel return them. */
export function readSheet(pkg: XlsxPackage, name: string, part: string, strings: string[], dates: boolean[]): SheetData {
  const grid: CellValue[][] = [];
  const merges: MergeRange[] = [];
  const hidden = new Set<number>();
  let row = -1;
  let col = -1;
  let type = '';
  let style = 0;
  let raw: string | null = null;
  let inline: string[] | null = null;
  let formula = false;
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  let inSheetData = false;
  const texts: string[] = [];
  parseXml(part, pkg.text(part), {
    open: (tag, attrs) => {
      switch (tag) {
        case 'sheetData':
          inSheetData = true;
          return;
        case 'row': {
          if (!inSheetData) return;
          const r = attribute(attrs, 'r');
          row = r ? Number(r) - 1 : row + 1;
          col = -1;
          if (isTrue(attribute(attrs, 'hidden'))) hidden.add(row);
          return;
        }
        case 'c': {
          if (!inSheetData) return;
          const r = attribute(attrs, 'r');
          const ref = r ? parseRef(r) : null;
          col = ref && ref.col >= 0 ? ref.col : col + 1;
          if (ref && ref.row >= 0) row = ref.row;
          type = attribute(attrs, 't') ?? 'n';
          style = Number(attribute(attrs, 's') ?? 0);
          raw = null;
          inline = null;
          formula = false;
          return;
        }
        case 'v':
          if (inSheetData) {
            capture = 'v';
            texts.length = 0;
          }
          return;
        case 'f':
          formula = true;
          return;
        case 'is':
          inInline = true;
          inline = [];
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (inInline && phonetic === 0) {
            capture = 't';
            texts.length = 0;
          }
          return;
        case 'mergeCell': {
          const range = parseRange(attribute(attrs, 'ref') ?? '');
          if (range && (range.bottom > range.top || range.right > range.left)) merges.push(range);
          return;
        }
      }
    },
    text: (text) => {
      if (capture) texts.push(text);
    },
    close: (tag) => {
      switch (tag) {
        case 'sheetData':
          inSheetData = false;
          return;
        case 'v':
          if (capture === 'v') raw = texts.join('');
          capture = null;
          return;
        case 't':
          if (capture === 't') inline!.push(texts.join(''));
          capture = null;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'is':
          inInline = false;
          return;
        case 'c': {
          if (!inSheetData || row < 0 || col < 0) return;
          const value = cellValue(type, raw, inline ? inline.join('') : null, style, strings, dates, pkg.date1904);
          // A formula with no cached value still takes its place in the row (the row's length runs to it).
          if (value === null && !formula) return;
          (grid[row] ??= [])[col] = value;
          return;
        }
      }
    },
  });
  // Cells covered by a merge, other than its top-left, read as empty and do not lengthen their row; a merge's
  // rows count as present (as in ExcelJS, whose grid the core was first fed).
  const present = new Set<number>();
  for (let r = 0; r < grid.length; r++) if (grid[r]) present.add(r);
  let rows = grid.length;
  for (const m of merges) {
    rows = Math.max(rows, m.bottom + 1);
    for (let r = m.top; r <= m.bottom; r++) {
      present.add(r);
      const cells = grid[r];
      if (!cells) continue;
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && c < cells.length) delete cells[c];
    }
  }
  const full: CellValue[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const cells = grid[r];
    if (!cells) {
      full[r] = [];
      continue;
    }
    let length = cells.length;
    while (length > 0 && cells[length - 1] === undefined) length--;
    cells.length = length;
    for (let c = 0; c < length; c++) if (cells[c] === undefined) cells[c] = null;
    full[r] = cells;
  }
  const hiddenRows = [...hidden].filter((r) => present.has(r)).sort((a, b) => a - b);
  return { name, grid: full, merges, hiddenRows };
}

/** Every worksheet of the package, in the workbook's order (chart sheets and dialog sheets left out). */
export function readWorkbookData(pkg: XlsxPackage): WorkbookData {
  const strings = sharedStrings(pkg);
  const dates = dateStyles(pkg);
  const sheets: SheetData[] = [];
  for (const sheet of pkg.sheets) if (sheet.part) sheets.push(readSheet(pkg, sheet.name, sheet.part, strings, dates));
  return { sheets };
}
