/**
 * An .xlsx/.xlsm package opened for reading: its parts by name, its relationships, the workbook's sheet list.
 * Only the parts asked for are inflated.
 */
import { posix } from 'node:path';
import { attribute, parseXml } from './xml';
import { entryData, readZip, type ZipArchive, type ZipEntry } from './zip';

export const REL_TYPES = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
};

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name in the package ("xl/worksheets/sheet1.xml"), or the raw target when external. */
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** The part name, or null for a sheet that is not a worksheet (chart sheet, dialog sheet) or has no part. */
  part: string | null;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

export class XlsxPackage {
  readonly zip: ZipArchive;
  private readonly byName = new Map<string, ZipEntry>();
  readonly workbookPart: string;
  readonly workbookRels: Relationship[];
  readonly sheets: SheetEntry[];
  /** `<workbookPr date1904>`: serial 0 is 1904-01-01 instead of 1899-12-30. */
  readonly date1904: boolean;
  /** An .xlsm: the workbook part is macro-enabled (its copy must keep that name and type). */
  readonly macroEnabled: boolean;

  constructor(buffer: Buffer) {
    this.zip = readZip(buffer);
    // Part names are case-insensitive (OPC); the stored spelling is kept for the copy.
    for (const entry of this.zip.entries) this.byName.set(entry.name.toLowerCase(), entry);
    const main = this.relationships('').find((r) => r.type === REL_TYPES.officeDocument || r.type.endsWith('/officeDocument'));
    if (!main || !this.has(main.target)) throw new PackageError('the package has no workbook part');
    this.workbookPart = main.target;
    this.workbookRels = this.relationships(this.workbookPart);
    const sheets: SheetEntry[] = [];
    let date1904 = false;
    parseXml(this.workbookPart, this.text(this.workbookPart), {
      open: (name, attrs) => {
        if (name === 'workbookPr') date1904 = isTrue(attribute(attrs, 'date1904'));
        else if (name === 'sheet') {
          const relId = attribute(attrs, 'id') ?? '';
          const rel = this.workbookRels.find((r) => r.id === relId);
          const state = attribute(attrs, 'state');
          sheets.push({
            name: attribute(attrs, 'name') ?? '',
            sheetId: Number(attribute(attrs, 'sheetId')) || 0,
            relId,
            part: rel && !rel.external && rel.type.endsWith('/worksheet') && this.has(rel.target) ? rel.target : null,
            state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          });
        }
      },
    });
    this.sheets = sheets;
    this.date1904 = date1904;
    const types = this.has('[Content_Types].xml') ? this.text('[Content_Types].xml') : '';
    this.macroEnabled = /macroEnabled/i.test(types) || this.zip.entries.some((e) => /vbaProject\.bin$/i.test(e.name));
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.byName.has(part.toLowerCase());
  }

  data(part: string): Buffer {
    const entry = this.entry(part);
    if (!entry) throw new PackageError(`missing part ${part}`);
    return entryData(this.zip, entry);
  }

  /** A part as text: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark, as XML allows. */
  text(part: string): string {
    const data = this.data(part);
    if (data[0] === 0xff && data[1] === 0xfe) return data.toString('utf16le', 2);
    if (data[0] === 0xfe && data[1] === 0xff) return Buffer.from(data.subarray(2)).swap16().toString('utf16le');
    return data.toString('utf8', data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0);
  }

  /** The relationships of a part ("" for the package's own), targets resolved to part names. */
  relationships(part: string): Relationship[] {
    const relsPart = relsPartOf(part);
    if (!this.has(relsPart)) return [];
    const rels: Relationship[] = [];
    parseXml(relsPart, this.text(relsPart), {
      open: (name, attrs) => {
        if (name !== 'Relationship') return;
        const external = attribute(attrs, 'TargetMode') === 'External';
        const target = attribute(attrs, 'Target') ?? '';
        rels.push({
          id: attribute(attrs, 'Id') ?? '',
          type: attribute(attrs, 'Type') ?? '',
          target: external ? target : resolveTarget(part, target),
          external,
        });
      },
    });
    return rels;
  }

  /** The first relationship of the workbook with a type ending in `/kind`. */
  workbookPartOf(kind: 'sharedStrings' | 'styles'): string | null {
    const rel = this.workbookRels.find((r) => !r.external && r.type.endsWith(`/${kind}`) && this.has(r.target));
    return rel ? rel.target : null;
  }
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const dir = posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${posix.basename(part)}.rels`;
}

/** A relationship target, relative to its source part's folder or absolute from the package root, as a part name. */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray "%" is taken literally.
  }
  const joined = decoded.startsWith('/') ? decoded : posix.join(posix.dirname(source), decoded);
  return posix.normalize(joined).replace(/^\/+/, '').replace(/^\.\//, '');
}

/** OOXML booleans: "1"/"true" (Excel writes the first, LibreOffice the second). */
export function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}
