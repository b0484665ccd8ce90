/**
 * Cells of one existing worksheet changed in a copy of the user's package: only the cells named change (their
 * style kept), every other part is copied as stored. A cell holding a formula is never replaced: it is returned as
 * skipped for the caller to list. Dates are written as serial numbers with a date format (a copy of the cell's own
 * format when it shows no date).
 */
import { isoToSerial } from '../core/dates';
import type { CellEdit } from '../core/consolidating/merge';
import { columnLetter } from '../core/reading/text';
import { PackageError, type XlsxPackage } from './package';
import { dateStyles } from './read';
import { withDateFormats } from './styles';
import { STAMP_PREFIX } from './write';
import { attr, escapeCellText, prefixOf } from './xml';
import { archiveDigest, withComment, writeZip, type OutEntry } from './zip';

export interface EditedCopy {
  buffer: Buffer;
  /** Edits not carried out: the cell holds a formula. */
  skipped: (CellEdit & { reason: 'formula' })[];
}

const DATE_FORMAT = 'dd/mm/yyyy';

/** "AB12" → column 27 (0-based) and row 12 (1-based); null when not a cell reference. */
function parseRef(ref: string): { col: number; row: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref.replace(/\$/g, ''));
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

interface CellXml {
  col: number;
  xml: string;
}

/** Write the edits (rows 1-based, columns 0-based) into a copy of the package; the copy is stamped like a report copy. */
export function writeEditsCopy(pkg: XlsxPackage, sheetName: string, edits: readonly CellEdit[]): EditedCopy {
  const entry = pkg.sheets.find((s) => s.name === sheetName);
  if (!entry?.part) throw new PackageError(`no worksheet named ${sheetName}`);
  const part = entry.part;
  const xml = pkg.text(part);
  const p = prefixOf(xml, 'worksheet');
  const dates = dateStyles(pkg);
  const skipped: EditedCopy['skipped'] = [];

  const byRow = new Map<number, CellEdit[]>();
  for (const e of edits) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const pendingRows = [...byRow.keys()].sort((a, b) => a - b);

  // Date cells whose format shows no date get a copy of it that does: collected first, appended once.
  const dateBases = new Set<number>();
  const cellsOut: { row: number; cells: Map<number, { edit: CellEdit; style: number }> }[] = [];

  const open = new RegExp(`<${p}sheetData(\\s[^>]*)?(/?)>`).exec(xml);
  if (!open) throw new PackageError(`${part}: no sheetData`);
  const bodyStart = open.index + open[0].length;
  const bodyEnd = open[2] === '/' ? bodyStart : xml.indexOf(`</${p}sheetData>`, bodyStart);
  const body = open[2] === '/' ? '' : xml.slice(bodyStart, bodyEnd);

  // The style of each column's last cell seen above: a cell created for an answer looks like its neighbours.
  const styleAbove = new Map<number, number>();
  const rowPattern = new RegExp(`<${p}row\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}row>)`, 'g');
  const cellPattern = new RegExp(`<${p}c\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}c>)`, 'g');
  /** The sheet data in order: text kept as it is, and the rows that change (rendered once the styles are known). */
  const pieces: (string | { row: number; rowTag: string | null; kept: CellXml[] })[] = [];
  let last = 0;
  let rowNumber = 0;
  const plan = new Map<number, { edit: CellEdit; style: number; formula: boolean }[]>();

  /** New rows for edits above `before` that had no row element. */
  const rowsBefore = (before: number) => {
    while (pendingRows.length && pendingRows[0] < before) {
      const r = pendingRows.shift()!;
      const cells = byRow.get(r)!.map((edit) => ({ edit, style: styleAbove.get(edit.col) ?? 0, formula: false }));
      plan.set(r, cells);
      pieces.push({ row: r, rowTag: null, kept: [] });
    }
  };

  for (const m of body.matchAll(rowPattern)) {
    const rowXml = m[0];
    const startTag = /^<[^>]*>/.exec(rowXml)![0];
    rowNumber = Number(attr(startTag, 'r') ?? rowNumber + 1);
    pieces.push(body.slice(last, m.index));
    last = m.index! + rowXml.length;
    rowsBefore(rowNumber);
    const wanted = byRow.get(rowNumber);
    const cells: CellXml[] = [];
    let col = -1;
    for (const c of rowXml.matchAll(cellPattern)) {
      const tag = /^<[^>]*>/.exec(c[0])![0];
      const at = attr(tag, 'r');
      col = at ? (parseRef(at)?.col ?? col + 1) : col + 1;
      cells.push({ col, xml: c[0] });
      const s = Number(attr(tag, 's') ?? 0);
      if (!wanted?.some((e) => e.col === col)) styleAbove.set(col, s);
    }
    if (!wanted || pendingRows[0] !== rowNumber) {
      pieces.push(rowXml);
      continue;
    }
    pendingRows.shift();
    const list = wanted.map((edit) => {
      const existing = cells.find((c) => c.col === edit.col);
      const tag = existing ? /^<[^>]*>/.exec(existing.xml)![0] : '';
      const style = existing ? Number(attr(tag, 's') ?? 0) : (styleAbove.get(edit.col) ?? 0);
      const formula = !!existing && new RegExp(`<${p}f[\\s>/]`).test(existing.xml);
      return { edit, style, formula };
    });
    plan.set(rowNumber, list);
    // The row's own tag is kept (height, style, hidden); its spans hint is dropped, as a new cell may fall outside it.
    const rowTag = startTag.replace(/\sspans="[^"]*"/, '').replace(/\/>$/, '>');
    const kept = cells.filter((c) => !list.some((l) => l.edit.col === c.col && !l.formula));
    pieces.push({ row: rowNumber, rowTag, kept });
  }
  pieces.push(body.slice(last));
  rowsBefore(Number.MAX_SAFE_INTEGER);

  for (const list of plan.values()) for (const l of list) if (l.edit.date && !l.formula && !dates[l.style]) dateBases.add(l.style);
  const stylesPart = pkg.workbookPartOf('styles');
  let stylesXml: string | null = null;
  let dateIds = new Map<number, number>();
  if (dateBases.size && stylesPart) {
    const result = withDateFormats(pkg.text(stylesPart), [...dateBases], DATE_FORMAT);
    stylesXml = result.xml;
    dateIds = result.ids;
  }

  const cellXml = (edit: CellEdit, style: number): string => {
    const ref = `${columnLetter(edit.col)}${edit.row}`;
    if (edit.date) {
      const s = dates[style] ? style : (dateIds.get(style) ?? style);
      return `<${p}c r="${ref}"${s ? ` s="${s}"` : ''}><${p}v>${isoToSerial(edit.date) - (pkg.date1904 ? 1462 : 0)}</${p}v></${p}c>`;
    }
    const sAttr = style ? ` s="${style}"` : '';
    if (edit.value === null || edit.value === '') return `<${p}c r="${ref}"${sAttr}/>`;
    return `<${p}c r="${ref}"${sAttr} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeCellText(edit.value)}</${p}t></${p}is></${p}c>`;
  };

  const rendered = pieces.map((piece) => {
    if (typeof piece === 'string') return piece;
    const list = plan.get(piece.row)!;
    for (const l of list) if (l.formula) skipped.push({ ...l.edit, reason: 'formula' });
    const fresh: CellXml[] = list.filter((l) => !l.formula).map((l) => ({ col: l.edit.col, xml: cellXml(l.edit, l.style) }));
    const all = [...piece.kept, ...fresh].sort((a, b) => a.col - b.col).map((c) => c.xml).join('');
    return `${piece.rowTag ?? `<${p}row r="${piece.row}">`}${all}</${p}row>`;
  });

  let out = xml.slice(0, open.index) + `<${p}sheetData${open[1] ?? ''}>` + rendered.join('') + `</${p}sheetData>` + xml.slice(open[2] === '/' ? bodyStart : bodyEnd + `</${p}sheetData>`.length);
  // The used range grows to take in a column added for answers.
  const maxCol = Math.max(-1, ...edits.map((e) => e.col));
  const maxRow = Math.max(0, ...edits.map((e) => e.row));
  out = out.replace(new RegExp(`<${p}dimension ref="([^"]*)"`), (whole, ref: string) => {
    const [a, b = a] = ref.split(':');
    const start = parseRef(a);
    const end = parseRef(b);
    if (!start || !end) return whole;
    return `<${p}dimension ref="${a}:${columnLetter(Math.max(end.col, maxCol))}${Math.max(end.row, maxRow)}"`;
  });

  const changed = new Map<string, Buffer>([[part.toLowerCase(), Buffer.from(out, 'utf8')]]);
  if (stylesXml && stylesPart) changed.set(stylesPart.toLowerCase(), Buffer.from(stylesXml, 'utf8'));
  const entries: OutEntry[] = pkg.zip.entries.map((e) => {
    const data = changed.get(e.name.toLowerCase());
    return data ? { name: e.name, data } : { copy: e };
  });
  const unstamped = writeZip(pkg.zip, entries);
  return { buffer: withComment(unstamped, Buffer.from(`${STAMP_PREFIX}${archiveDigest(unstamped, 0)}`, 'ascii')), skipped };
}
