/**
 * The report tab written into a copy of the user's own package. Every part is copied as stored except: the new
 * worksheet part, the workbook's sheet list, its relationships, the content types and the styles part (formats
 * appended). When the tab replaces the tool's own earlier tab, only that worksheet part and the styles change.
 */
import { posix } from 'node:path';
import { isoToSerial } from '../core/dates';
import {
  CELL_FORMATS,
  CELL_LOOKS,
    isOwnReportSheet,
  REPORT_BORDER_COLOR,
  REPORT_FONT,
  REPORT_FONT_SIZE,
  REPORT_PAGE,
  type ReportCell,
  type ReportSheet,
} from '../core/presenting/report';
import type { WorkbookData } from '../core/types';
import { relsPartOf, REL_TYPES, type XlsxPackage } from './package';
import { appendCellFormats, MINIMAL_STYLES, type CellLook } from './styles';
import { escapeCellText, escapeXml, prefixOf } from './xml';
import { archiveComment, archiveDigest, withComment, writeZip, type OutEntry } from './zip';

const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** "#C00000" → "FFC00000", the ARGB spelling of SpreadsheetML. */
function argb(color: string | undefined): string | undefined {
  return color ? `FF${color.slice(1).toUpperCase()}` : undefined;
}

/** The zip comment that marks a copy as written by the tool, with a digest of its content. */
export const STAMP_PREFIX = 'cchc:';

/** Sheet names Excel refuses, or that would make the copy unreadable. */
export function safeSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, '-').replace(/^'+|'+$/g, '').slice(0, 31);
}

function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function ref(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** The tab's name: a previous tab of the tool's with that name is replaced, a user's sheet keeps its name. */
export function chooseReportSheet(pkg: XlsxPackage, data: WorkbookData, report: ReportSheet): { name: string; replace: string | null } {
  const wanted = safeSheetName(report.name);
  for (let n = 2, name = wanted; ; name = safeSheetName(`${wanted.slice(0, 26)} (${n++})`)) {
    const existing = pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!existing) return { name, replace: null };
    const sheet = existing.part ? data.sheets.find((s) => s.name === existing.name) : undefined;
    if (sheet && isOwnReportSheet(sheet)) return { name: existing.name, replace: existing.part };
  }
}

interface Layout {
  xml: string;
  styles: string;
}

/** The worksheet part for the report, and the styles part with its formats appended. */
export function reportSheetXml(report: ReportSheet, stylesXml: string, ns: { main: string; date1904: boolean }): Layout {
  const inTable = (r: number, c: number) => report.tables.some((t) => r >= t.top && r <= t.bottom && c >= t.left && c <= t.right);
  const looks: CellLook[] = [];
  const lookIds = new Map<string, number>();
  const lookOf = (cell: ReportCell | null, bordered: boolean): number => {
    const style = cell?.style ?? 'body';
    const numFmt = cell?.format && !(cell.format === 'text' && typeof cell.value === 'number') ? CELL_FORMATS[cell.format] : undefined;
    const align = cell ? (cell.align ?? 'left') : null;
    const key = `${cell ? style : ''}|${numFmt ?? ''}|${align}|${cell?.wrap ?? false}|${bordered}`;
    let id = lookIds.get(key);
    if (id === undefined) {
      const look = cell ? CELL_LOOKS[style] : {};
      id = looks.length;
      looks.push({
        font: { name: REPORT_FONT, size: look.size ?? REPORT_FONT_SIZE, bold: look.bold, italic: look.italic, color: argb(look.color) },
        fill: argb(look.fill),
        border: bordered ? argb(REPORT_BORDER_COLOR) : undefined,
        numFmt,
        horizontal: align ?? 'left',
        vertical: 'center',
        wrap: cell?.wrap ?? false,
      });
      lookIds.set(key, id);
    }
    return id;
  };
  // Cells by row and column, plus the empty cells inside tables (they still need their borders).
  const rows: ({ cell: ReportCell | null; look: number } | undefined)[][] = Array.from({ length: report.rowCount }, () => []);
  for (const cell of report.cells) rows[cell.row][cell.col] = { cell, look: lookOf(cell, inTable(cell.row, cell.col)) };
  for (const t of report.tables) {
    for (let r = t.top; r <= t.bottom; r++) for (let c = t.left; c <= t.right; c++) rows[r][c] ??= { cell: null, look: lookOf(null, true) };
  }
  const { xml: styles, xfIds } = appendCellFormats(stylesXml, looks);
  // The heights the layout counted; a row it did not size (none in a rendered report) gets one line's.
  const heights = Array.from({ length: report.rowCount }, (_, r) => report.rowHeights[r] ?? 16);
  if (heights.length > 1) heights[1] = 24;
  const out: string[] = [];
  out.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${ns.main}" xmlns:r="${REL_NS}">`,
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="A1:${ref(Math.max(0, report.rowCount - 1), Math.max(0, report.colCount - 1))}"/>`,
    '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    '<cols>',
    ...report.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`),
    '</cols><sheetData>',
  );
  const letters = Array.from({ length: Math.max(report.colCount, ...rows.map((r) => r.length)) }, (_, c) => columnName(c));
  for (let r = 0; r < report.rowCount; r++) {
    out.push(`<row r="${r + 1}" ht="${heights[r]}" customHeight="1">`);
    const cells = rows[r];
    for (let col = 0; col < cells.length; col++) {
      const entry = cells[col];
      if (!entry) continue;
      const { cell } = entry;
      const s = xfIds[entry.look];
      const at = `${letters[col]}${r + 1}`;
      if (!cell || cell.value === null) out.push(`<c r="${at}" s="${s}"/>`);
      else if (cell.date) {
        // A date cell holds the serial number in the workbook's own date system.
        out.push(`<c r="${at}" s="${s}"><v>${isoToSerial(cell.date) - (ns.date1904 ? 1462 : 0)}</v></c>`);
      } else if (typeof cell.value === 'number') out.push(`<c r="${at}" s="${s}"><v>${cell.value}</v></c>`);
      else out.push(`<c r="${at}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeCellText(cell.value)}</t></is></c>`);
    }
    out.push('</row>');
  }
  out.push('</sheetData>');
  // The model's merges are blocks merged row by row.
  const merged = report.merges.flatMap((m) => Array.from({ length: m.bottom - m.top + 1 }, (_, i) => `<mergeCell ref="${ref(m.top + i, m.left)}:${ref(m.top + i, m.right)}"/>`));
  if (merged.length) out.push(`<mergeCells count="${merged.length}">`, ...merged, '</mergeCells>');
  const m = REPORT_PAGE.margins;
  out.push(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    `<pageSetup paperSize="9" orientation="${REPORT_PAGE.orientation}" fitToWidth="${REPORT_PAGE.fitToWidth}" fitToHeight="0"/>`,
    `<headerFooter><oddFooter>${escapeXml(`&C${REPORT_PAGE.footer}`)}</oddFooter></headerFooter>`,
  );
  if (report.pageBreaks.length) {
    // A break's id is the row above which the page ends: the 1-based number of the last row on the page.
    out.push(`<rowBreaks count="${report.pageBreaks.length}" manualBreakCount="${report.pageBreaks.length}">`);
    for (const r of report.pageBreaks) out.push(`<brk id="${r}" max="16383" man="1"/>`);
    out.push('</rowBreaks>');
  }
  out.push('</worksheet>');
  return { xml: out.join(''), styles };
}

/** The namespace URI a root element binds to `prefix` ("" for the default namespace). */
function namespaceOf(xml: string, prefix: string): string | null {
  const m = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}="([^"]*)"`).exec(xml);
  return m ? m[1] : null;
}


/** Insert before the closing tag of `element`, or expand its self-closing form. */
function insertInto(xml: string, element: string, content: string): string {
  const p = prefixOf(xml, element);
  const close = xml.lastIndexOf(`</${p}${element}>`);
  if (close >= 0) return xml.slice(0, close) + content + xml.slice(close);
  const selfClosing = new RegExp(`<${p}${element}(\\s[^>]*?)?/>`).exec(xml);
  if (!selfClosing) throw new Error(`no <${element}> element`);
  return xml.slice(0, selfClosing.index) + `<${p}${element}${selfClosing[1] ?? ''}>${content}</${p}${element}>` + xml.slice(selfClosing.index + selfClosing[0].length);
}

function newRelId(ids: string[]): string {
  const taken = new Set(ids);
  let n = ids.length + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** A target for a relationship from `source` to `part`, relative as writers make them. */
function relativeTarget(source: string, part: string): string {
  return posix.relative(posix.dirname(source), part);
}

export interface WrittenReport {
  buffer: Buffer;
  /** The tab's name in the copy. */
  tab: string;
}

/** The copy of the package with the report tab added, or the tool's own earlier tab replaced. */
export function writeReportCopy(pkg: XlsxPackage, data: WorkbookData, report: ReportSheet): WrittenReport {
  const { name, replace } = chooseReportSheet(pkg, data, report);
  const changed = new Map<string, Buffer>();
  const added: { name: string; data: Buffer }[] = [];
  const dropped = new Set<string>();

  const workbookXml = pkg.text(pkg.workbookPart);
  const rootPrefix = prefixOf(workbookXml, 'workbook').replace(/:$/, '');
  const rootTag = new RegExp(`<${rootPrefix ? `${rootPrefix}:` : ''}workbook[\\s>][^>]*>`).exec(workbookXml)?.[0] ?? '';
  const main = namespaceOf(rootTag, rootPrefix) ?? MAIN_NS;

  let stylesPart = pkg.workbookPartOf('styles');
  const stylesXml = stylesPart ? pkg.text(stylesPart) : MINIMAL_STYLES;
  const layout = reportSheetXml(report, stylesXml, { main, date1904: pkg.date1904 });

  let contentTypes = pkg.text('[Content_Types].xml');
  const relsPart = relsPartOf(pkg.workbookPart);
  let rels = pkg.has(relsPart) ? pkg.text(relsPart) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const relIds = pkg.workbookRels.map((r) => r.id);
  // Strict OOXML packages name relationship types under their own base; new ones follow the package.
  const relBase = (pkg.workbookRels.find((r) => r.type.endsWith('/worksheet'))?.type ?? REL_TYPES.worksheet).replace(/\/worksheet$/, '');

  if (!stylesPart) {
    stylesPart = posix.join(posix.dirname(pkg.workbookPart), 'styles.xml');
    const id = newRelId(relIds);
    relIds.push(id);
    rels = insertInto(rels, 'Relationships', `<Relationship Id="${id}" Type="${relBase}/styles" Target="${escapeXml(relativeTarget(pkg.workbookPart, stylesPart))}"/>`);
    contentTypes = insertInto(contentTypes, 'Types', `<Override PartName="/${escapeXml(stylesPart)}" ContentType="${STYLES_CONTENT_TYPE}"/>`);
    added.push({ name: stylesPart, data: Buffer.from(layout.styles, 'utf8') });
  } else changed.set(stylesPart, Buffer.from(layout.styles, 'utf8'));

  let sheetPart: string;
  if (replace) {
    sheetPart = replace;
    changed.set(sheetPart, Buffer.from(layout.xml, 'utf8'));
    // The new tab refers to nothing: what the old one referred to (if anyone added a note to it) goes with it.
    dropped.add(relsPartOf(sheetPart).toLowerCase());
  } else {
    const folder = posix.join(posix.dirname(pkg.workbookPart), 'worksheets');
    let n = pkg.sheets.length + 1;
    while (pkg.has(`${folder}/sheet${n}.xml`)) n++;
    sheetPart = `${folder}/sheet${n}.xml`;
    const id = newRelId(relIds);
    rels = insertInto(rels, 'Relationships', `<Relationship Id="${id}" Type="${relBase}/worksheet" Target="${escapeXml(relativeTarget(pkg.workbookPart, sheetPart))}"/>`);
    contentTypes = insertInto(contentTypes, 'Types', `<Override PartName="/${escapeXml(sheetPart)}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`);
    // Only a prefix the root declares is in scope for the new element (openpyxl declares it on each <sheet>).
    const relPrefix = /xmlns:([\w.-]+)="http:\/\/(schemas\.openxmlformats\.org\/officeDocument\/2006|purl\.oclc\.org\/ooxml\/officeDocument)\/relationships"/.exec(rootTag)?.[1];
    const sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId)) + 1;
    const p = rootPrefix ? `${rootPrefix}:` : '';
    const relAttr = relPrefix ? `${relPrefix}:id="${id}"` : `xmlns:r="${REL_NS}" r:id="${id}"`;
    changed.set(pkg.workbookPart, Buffer.from(insertInto(workbookXml, 'sheets', `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${relAttr}/>`), 'utf8'));
    changed.set(relsPart, Buffer.from(rels, 'utf8'));
    changed.set('[Content_Types].xml', Buffer.from(contentTypes, 'utf8'));
    added.push({ name: sheetPart, data: Buffer.from(layout.xml, 'utf8') });
  }
  if (added.some((a) => a.name === stylesPart)) {
    changed.set(relsPart, Buffer.from(rels, 'utf8'));
    changed.set('[Content_Types].xml', Buffer.from(contentTypes, 'utf8'));
  }

  const lower = new Map([...changed].map(([k, v]) => [k.toLowerCase(), v]));
  const entries: OutEntry[] = [];
  for (const entry of pkg.zip.entries) {
    const key = entry.name.toLowerCase();
    if (dropped.has(key)) continue;
    const data = lower.get(key);
    entries.push(data ? { name: entry.name, data } : { copy: entry });
  }
  if (!pkg.has(relsPart) && lower.has(relsPart.toLowerCase())) added.push({ name: relsPart, data: lower.get(relsPart.toLowerCase())! });
  entries.push(...added);
  const unstamped = writeZip(pkg.zip, entries);
  // The tool's stamp in the archive comment: a digest of everything before it.
  return { buffer: withComment(unstamped, Buffer.from(`${STAMP_PREFIX}${archiveDigest(unstamped, 0)}`, 'ascii')), tab: name };
}

/** Whether a file is a copy the tool wrote and nobody has saved since: its stamp matches its content. */
export function isUntouchedCopy(buffer: Buffer): boolean {
  const comment = archiveComment(buffer)?.toString('latin1');
  return !!comment?.startsWith(STAMP_PREFIX) && archiveDigest(buffer, comment.length) === comment.slice(STAMP_PREFIX.length);
}
