/**
 * Appending cell formats to a package's styles part without renumbering anything already there: new fonts, fills,
 * borders, number formats and cell formats (xf) go at the end of their lists, so every existing cell keeps its look.
 */
import { escapeXml, parseXml, prefixOf, type Attributes } from './xml';

export interface CellLook {
  font: { name: string; size: number; bold?: boolean; italic?: boolean; color?: string };
  /** Solid fill colour (ARGB). */
  fill?: string;
  /** Thin border on all four sides, in this colour (ARGB). */
  border?: string;
  /** A number format code; built-in codes use their built-in ids. */
  numFmt?: string;
  horizontal: 'left' | 'center' | 'right';
  vertical: 'center' | 'top' | 'bottom';
  wrap: boolean;
}

const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** The order of a stylesheet's lists (CT_Stylesheet); a missing list is inserted before the first later one. */
const SECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type Section = (typeof SECTIONS)[number];

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

interface Counts {
  prefix: string;
  children: Record<Section, number>;
  maxNumFmtId: number;
}

function survey(xml: string): Counts {
  const children = Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<Section, number>;
  let depth = 0;
  let section: Section | null = null;
  let maxNumFmtId = 163;
  parseXml('styles', xml, {
    // saxes reports a self-closing element's close too, so depth stays balanced.
    open: (name: string, attrs: Attributes) => {
      depth++;
      if (depth === 2 && (SECTIONS as readonly string[]).includes(name)) {
        section = name as Section;
      } else if (depth === 3 && section) {
        children[section]++;
        if (name === 'numFmt') maxNumFmtId = Math.max(maxNumFmtId, Number(attrs.numFmtId) || 0);
      }
    },
    close: () => {
      if (depth === 2) section = null;
      depth--;
    },
  });
  // The root's own spelling ("x:styleSheet") tells the prefix to write new elements with.
  return { prefix: prefixOf(xml, 'styleSheet'), children, maxNumFmtId };
}

/** Puts `items` at the end of the section, creating it in its place when the stylesheet has none. */
function appendToSection(xml: string, counts: Counts, section: Section, items: string[]): string {
  if (!items.length) return xml;
  const p = counts.prefix;
  const total = counts.children[section] + items.length;
  const open = new RegExp(`<${p}${section}(\\s[^>]*?)?(/?)>`);
  const m = open.exec(xml);
  if (m) {
    const attrs = (m[1] ?? '').replace(/\s+count="\d*"/, '');
    const head = `<${p}${section} count="${total}"${attrs}>`;
    if (m[2] === '/') return xml.slice(0, m.index) + head + items.join('') + `</${p}${section}>` + xml.slice(m.index + m[0].length);
    const close = xml.indexOf(`</${p}${section}>`, m.index);
    return xml.slice(0, m.index) + head + xml.slice(m.index + m[0].length, close) + items.join('') + xml.slice(close);
  }
  const block = `<${p}${section} count="${total}">${items.join('')}</${p}${section}>`;
  for (const later of SECTIONS.slice(SECTIONS.indexOf(section) + 1)) {
    const at = new RegExp(`<${p}${later}[\\s/>]`).exec(xml);
    if (at) return xml.slice(0, at.index) + block + xml.slice(at.index);
  }
  const end = xml.lastIndexOf(`</${p}styleSheet>`);
  return xml.slice(0, end) + block + xml.slice(end);
}

/**
 * Add one cell format per distinct look. Returns the new stylesheet and each look's xf index, in the order given.
 */
export function appendCellFormats(xml: string, looks: CellLook[]): { xml: string; xfIds: number[] } {
  const counts = survey(xml);
  const p = counts.prefix;
  /** A list of the stylesheet that new entries are added to, each distinct entry once. */
  const list = (existing: number, firstIfEmpty: string[] = []) => {
    const added: string[] = [];
    const ids = new Map<string, number>();
    return {
      added,
      /** The index of an entry, adding it (after the entries a list must start with, if it was empty). */
      id(xml: string): number {
        let id = ids.get(xml);
        if (id === undefined) {
          if (!existing && !added.length) added.push(...firstIfEmpty);
          id = existing + added.length;
          added.push(xml);
          ids.set(xml, id);
        }
        return id;
      },
    };
  };
  const fonts = list(counts.children.fonts);
  // Excel requires fills to start with none and gray125, and borders with an empty one.
  const fills = list(counts.children.fills, [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`]);
  const borders = list(counts.children.borders, [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`]);
  const numFmts: string[] = [];
  const xfs: string[] = [];
  const fmtIds = new Map<string, number>();
  let nextFmt = counts.maxNumFmtId + 1;
  const xfIds = looks.map((look) => {
    const f = look.font;
    const fontId = fonts.id(
      `<${p}font>${f.bold ? `<${p}b/>` : ''}${f.italic ? `<${p}i/>` : ''}<${p}sz val="${f.size}"/>` +
        `${f.color ? `<${p}color rgb="${f.color}"/>` : ''}<${p}name val="${escapeXml(f.name)}"/><${p}family val="1"/></${p}font>`,
    );
    const fillId = look.fill ? fills.id(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${look.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`) : 0;
    const side = (s: string) => `<${p}${s} style="thin"><${p}color rgb="${look.border}"/></${p}${s}>`;
    const borderId = look.border ? borders.id(`<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`) : 0;
    let numFmtId = 0;
    if (look.numFmt) {
      const builtIn = BUILT_IN_FORMATS[look.numFmt];
      if (builtIn !== undefined) numFmtId = builtIn;
      else {
        let id = fmtIds.get(look.numFmt);
        if (id === undefined) {
          id = nextFmt++;
          numFmts.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(look.numFmt)}"/>`);
          fmtIds.set(look.numFmt, id);
        }
        numFmtId = id;
      }
    }
    const xfId = counts.children.cellStyleXfs ? ' xfId="0"' : '';
    xfs.push(
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${xfId} applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">` +
        `<${p}alignment horizontal="${look.horizontal}" vertical="${look.vertical}"${look.wrap ? ' wrapText="1"' : ''}/></${p}xf>`,
    );
    return counts.children.cellXfs + xfs.length - 1;
  });
  let out = xml;
  out = appendToSection(out, counts, 'numFmts', numFmts);
  out = appendToSection(out, counts, 'fonts', fonts.added);
  out = appendToSection(out, counts, 'fills', fills.added);
  out = appendToSection(out, counts, 'borders', borders.added);
  out = appendToSection(out, counts, 'cellXfs', xfs);
  return { xml: out, xfIds };
}

/**
 * For each given cell format, a copy that shows dates in `code` (the copy keeps its font, fill, border and
 * alignment). Returns the new stylesheet and, per base xf index, the new one. Nothing existing is renumbered.
 */
export function withDateFormats(xml: string, bases: readonly number[], code: string): { xml: string; ids: Map<number, number> } {
  const counts = survey(xml);
  const p = counts.prefix;
  const open = new RegExp(`<${p}cellXfs(\\s[^>]*?)?(/?)>`).exec(xml);
  const list = open && open[2] !== '/' ? xml.slice(open.index + open[0].length, xml.indexOf(`</${p}cellXfs>`, open.index)) : '';
  // Each existing xf, whole (self-closing or with its alignment/protection children).
  const xfs = [...list.matchAll(new RegExp(`<${p}xf\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}xf>)`, 'g'))].map((m) => m[0]);
  const numFmtId = counts.maxNumFmtId + 1;
  const ids = new Map<number, number>();
  const added: string[] = [];
  for (const base of new Set(bases)) {
    const source = xfs[base] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`;
    const copy = source
      .replace(/\snumFmtId="\d*"/, '')
      .replace(/\sapplyNumberFormat="\w*"/, '')
      .replace(new RegExp(`^<${p}xf\\b`), `<${p}xf numFmtId="${numFmtId}" applyNumberFormat="1"`);
    ids.set(base, counts.children.cellXfs + added.length);
    added.push(copy);
  }
  if (!added.length) return { xml, ids };
  let out = appendToSection(xml, counts, 'numFmts', [`<${p}numFmt numFmtId="${numFmtId}" formatCode="${escapeXml(code)}"/>`]);
  out = appendToSection(out, counts, 'cellXfs', added);
  return { xml: out, ids };
}
