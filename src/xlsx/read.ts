/**
 * The workbook as the core reads it (`WorkbookData`), straight from the package: the sheet list, shared strings,
 * the styles' number formats (to know date cells) and each worksheet's cells, merges and hidden rows. Nothing else
 * is parsed.
 */
import type { CellValue, MergeRange, SheetData, WorkbookData } from '../core/types';
import { isTrue, type XlsxPackage } from './package';
import { attr, attribute, decodeXml, parseXml, unescapeCellText, XmlError } from './xml';

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
  const xml = pkg.text(part);
  let current: string | null = null;
  let phonetic = 0;
  for (let i = 0; nextTagFrom(part, xml, i); ) {
    i = at.next;
    if (at.tag === Tag.StringItem) {
      if (!at.closing) current = at.selfClosing ? null : '';
      if (at.selfClosing) strings.push('');
      else if (at.closing && current !== null) {
        strings.push(unescapeCellText(current));
        current = null;
      }
    } else if (at.tag === Tag.Phonetic && !at.selfClosing) phonetic += at.closing ? -1 : 1;
    else if (at.tag === Tag.Text && !at.closing && !at.selfClosing && phonetic === 0 && current !== null) {
      current += textUntilTag(xml, i);
      i = nextTag;
    }
  }
  return strings;
}

const DAY_MS = 86_400_000;

/** A serial number in the workbook's date system as a `Date` (UTC fields), as ExcelJS and the hosts give it. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** A merge's "A1:C2" as a range; null unless both ends are whole references. */
function parseRange(ref: string): MergeRange | null {
  const [a, b = a] = ref.split(':');
  refAt(a, 0);
  if (refCol < 0 || refRow < 0 || refEnd !== a.length) return null;
  const [col, row] = [refCol, refRow];
  refAt(b, 0);
  if (refCol < 0 || refRow < 0 || refEnd !== b.length) return null;
  return { top: Math.min(row, refRow), left: Math.min(col, refCol), bottom: Math.max(row, refRow), right: Math.max(col, refCol) };
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

/** Where the tag after the text read by `textUntilTag` starts (module state: no object per value). */
let nextTag = 0;

/** An element's text up to the next tag (character data decoded, CDATA kept, comments skipped); see `nextTag`. */
function textUntilTag(xml: string, from: number): string {
  let text = '';
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      nextTag = xml.length;
      return text + decodeXml(xml.slice(i));
    }
    if (lt > i) text += decodeXml(xml.slice(i, lt));
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      text += xml.slice(lt + 9, end < 0 ? xml.length : end);
      i = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      i = end < 0 ? xml.length : end + 3;
    } else {
      nextTag = lt;
      return text;
    }
  }
}

const enum Tag {
  Other,
  Row,
  Cell,
  Value,
  Formula,
  Inline,
  Text,
  Phonetic,
  SheetData,
  StringItem,
}

/** The elements of `<sheetData>` the reader needs, by the characters of their local name. */
function tagOf(xml: string, at: number, length: number): Tag {
  const c = xml.charCodeAt(at);
  if (length === 1) return c === 99 ? Tag.Cell : c === 118 ? Tag.Value : c === 102 ? Tag.Formula : c === 116 ? Tag.Text : Tag.Other;
  if (length === 3) return xml.startsWith('row', at) ? Tag.Row : xml.startsWith('rPh', at) ? Tag.Phonetic : Tag.Other;
  if (length === 2) return xml.startsWith('is', at) ? Tag.Inline : xml.startsWith('si', at) ? Tag.StringItem : Tag.Other;
  return length === 9 && xml.startsWith('sheetData', at) ? Tag.SheetData : Tag.Other;
}

/**
 * The column and row (0-based, -1 where missing) of the reference last read by `refAt`, and where it ended (module
 * state: no object per cell).
 */
let refCol = -1;
let refRow = -1;
let refEnd = 0;

/** Read a cell reference ("AB12") in place into `refCol`, `refRow` and `refEnd`. */
function refAt(xml: string, at: number): void {
  let col = 0;
  let i = at;
  for (let c = xml.charCodeAt(i) | 0x20; c >= 97 && c <= 122; c = xml.charCodeAt(++i) | 0x20) col = col * 26 + (c - 96);
  let row = 0;
  const digits = i;
  for (let c = xml.charCodeAt(i); c >= 48 && c <= 57; c = xml.charCodeAt(++i)) row = row * 10 + (c - 48);
  refCol = col - 1;
  refRow = i > digits ? row - 1 : -1;
  refEnd = i;
}

/** The tag `nextTagFrom` last found (module state: no object per tag). */
const at = { tag: 0 as Tag, closing: false, selfClosing: false, nameEnd: 0, next: 0 };

/**
 * Step to the next tag at or after `from`: fills `at` (its kind by local name, closing or self-closing, where its
 * name ends and where scanning goes on) and returns false when there is none. Comments and CDATA between elements
 * are skipped. Attribute values of the elements read here never contain ">" (the format fixes them).
 */
function nextTagFrom(part: string, xml: string, from: number): boolean {
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return false;
    let p = lt + 1;
    const first = xml.charCodeAt(p);
    if (first === 33) {
      textUntilTag(xml, lt);
      i = nextTag === lt ? xml.indexOf('>', lt) + 1 : nextTag;
      if (i === 0) return false;
      continue;
    }
    const closing = first === 47;
    if (closing) p++;
    // The local name, compared by its characters: no string is made for a tag.
    let end = p;
    for (let c = xml.charCodeAt(end); c > 32 && c !== 62 && c !== 47; c = xml.charCodeAt(++end)) if (c === 58) p = end + 1;
    const gt = xml.indexOf('>', end);
    if (gt < 0) throw new XmlError(part, `unclosed tag at ${lt}`);
    at.tag = tagOf(xml, p, end - p);
    at.closing = closing;
    at.selfClosing = xml.charCodeAt(gt - 1) === 47;
    at.nameEnd = end;
    at.next = gt + 1;
    return true;
  }
}

const SHEET_DATA = /<(?:[A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(\/?)>/g;
const MERGE_CELL = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b([^>]*)>/g;

/**
 * One worksheet: merged cells other than the top-left read empty, as Sheets and Excel return them.
 *
 * The cells are read by a scan made for `<sheetData>` (rows, cells, values, formulas, inline strings), which holds
 * nearly all of a workbook's bytes: it takes a third of the time the same reading took over saxes on a 50,000-task
 * sheet (measured side by side), which the command line's time budget needs. It relies on what the format fixes for
 * these elements: their attribute values (references, style numbers, types, flags) never contain ">", and text is
 * escaped. Prefixed names ("x:c"), comments and CDATA are handled; everything else is skipped.
 */
export function readSheet(pkg: XlsxPackage, name: string, part: string, strings: string[], dates: boolean[]): SheetData {
  const grid: CellValue[][] = [];
  const merges: MergeRange[] = [];
  const hidden = new Set<number>();
  // Formulas with no cached value: empty, yet they take their place in the row.
  const formulaBlanks = new Set<string>();
  const xml = pkg.text(part);
  SHEET_DATA.lastIndex = 0;
  const open = SHEET_DATA.exec(xml);
  let i = open && !open[1] ? SHEET_DATA.lastIndex : xml.length;
  let row = -1;
  let col = -1;
  let type = 'n';
  let style = 0;
  let raw: string | null = null;
  let inline: string | null = null;
  let formula = false;
  let inCell = false;
  let inInline = false;
  let phonetic = 0;
  while (nextTagFrom(part, xml, i)) {
    i = at.next;
    const { tag, closing, selfClosing } = at;
    const end = at.nameEnd;
    const gt = i - 1;
    if (closing) {
      if (tag === Tag.Cell && inCell) {
        inCell = false;
        if (row < 0 || col < 0) continue;
        const value = cellValue(type, raw, inline, style, strings, dates, pkg.date1904);
        // A formula with no cached value still takes its place in the row (the row's length runs to it).
        if (value !== null || formula) {
          if (value === null) formulaBlanks.add(`${row}:${col}`);
          // Rows are kept dense (null between cells), which every later pass over them prefers.
          const cells = (grid[row] ??= []);
          if (col < cells.length) cells[col] = value;
          else {
            while (cells.length < col) cells.push(null);
            cells.push(value);
          }
        }
      } else if (tag === Tag.Inline) inInline = false;
      else if (tag === Tag.Phonetic) phonetic--;
      else if (tag === Tag.SheetData) break;
      continue;
    }
    switch (tag) {
      case Tag.Row: {
        const attrs = xml.slice(end, selfClosing ? gt - 1 : gt);
        const r = attr(attrs, 'r');
        row = r ? Number(r) - 1 : row + 1;
        col = -1;
        if (isTrue(attr(attrs, 'hidden'))) hidden.add(row);
        break;
      }
      case Tag.Cell: {
        // The cell's attributes in one pass: r (reference), t (type), s (style).
        let ref = -1;
        type = 'n';
        style = 0;
        for (let k = end; k < gt; ) {
          const eq = xml.indexOf('=', k);
          if (eq < 0 || eq > gt) break;
          let q = eq + 1;
          while (xml.charCodeAt(q) <= 32) q++;
          const quote = xml.charCodeAt(q);
          const close = xml.indexOf(quote === 39 ? "'" : '"', q + 1);
          let n = eq - 1;
          while (xml.charCodeAt(n) <= 32) n--;
          if (xml.charCodeAt(n - 1) <= 32) {
            const letter = xml.charCodeAt(n);
            if (letter === 114) ref = q + 1;
            else if (letter === 116) type = xml.slice(q + 1, close);
            else if (letter === 115) style = Number(xml.slice(q + 1, close));
          }
          k = close + 1;
        }
        if (ref >= 0) refAt(xml, ref);
        col = ref >= 0 && refCol >= 0 ? refCol : col + 1;
        if (ref >= 0 && refRow >= 0) row = refRow;
        if (selfClosing) break;
        raw = null;
        inline = null;
        formula = false;
        inCell = true;
        break;
      }
      case Tag.Value:
        if (inCell && !selfClosing) {
          raw = textUntilTag(xml, i);
          i = nextTag;
        }
        break;
      case Tag.Formula:
        formula = true;
        break;
      case Tag.Inline:
        inInline = !selfClosing;
        inline = '';
        break;
      case Tag.Phonetic:
        if (!selfClosing) phonetic++;
        break;
      case Tag.Text:
        if (inInline && phonetic === 0 && !selfClosing) {
          inline += textUntilTag(xml, i);
          i = nextTag;
        }
        break;
    }
  }
  MERGE_CELL.lastIndex = i;
  for (let m = MERGE_CELL.exec(xml); m; m = MERGE_CELL.exec(xml)) {
    const range = parseRange(attr(m[1], 'ref') ?? '');
    if (range && (range.bottom > range.top || range.right > range.left)) merges.push(range);
  }
  // Cells covered by a merge, other than its top-left, read as empty and do not lengthen their row; a merge's
  // rows count as present (as in ExcelJS, whose grid the core was first fed).
  const present = new Set<number>();
  for (let r = 0; r < grid.length; r++) if (grid[r]) present.add(r);
  let rows = grid.length;
  const covered = new Map<number, Set<number>>();
  for (const m of merges) {
    rows = Math.max(rows, m.bottom + 1);
    for (let r = m.top; r <= m.bottom; r++) {
      present.add(r);
      const cells = grid[r];
      if (!cells) continue;
      for (let c = m.left; c <= m.right; c++) {
        if ((r === m.top && c === m.left) || c >= cells.length) continue;
        cells[c] = null;
        let cols = covered.get(r);
        if (!cols) covered.set(r, (cols = new Set()));
        cols.add(c);
      }
    }
  }
  // A row touched by a merge ends at its last cell that holds something of its own.
  for (const [r, cols] of covered) {
    const cells = grid[r];
    let length = cells.length;
    while (length > 0 && (cols.has(length - 1) || (cells[length - 1] === null && !formulaBlanks.has(`${r}:${length - 1}`)))) length--;
    cells.length = length;
  }
  const full: CellValue[][] = new Array(rows);
  for (let r = 0; r < rows; r++) full[r] = grid[r] ?? [];
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
