/**
 * An in-memory Excel behind the Office.js object model the add-in uses. Commands are queued and applied only at
 * `context.sync()`, which is counted. Range objects come from `makeObject`: in Node tests it is office-addin-mock's
 * OfficeMockObject, so reading a property that was not loaded and synced gives the mock's error string; in the
 * browser test it is the plain object.
 */
import type { CellValue, WorkbookData } from '../../src/core/types';

type Obj = Record<string, unknown> & { sync?: () => Promise<void> };
export type MakeObject = (data: Record<string, unknown>) => Obj;

const MOCK_ERRORS = new Set(['Error, property was not loaded', 'Error, context.sync() was not called']);
const UNSET = '\u0000unset';
const isSet = (v: unknown) => v !== undefined && v !== UNSET && !(typeof v === 'string' && MOCK_ERRORS.has(v));

export interface FakeSheet {
  name: string;
  values: Map<string, CellValue>;
  formats: Map<string, string>;
  fills: Map<string, string>;
  bold: Set<string>;
  merges: { top: number; left: number; bottom: number; right: number }[];
  validations: { top: number; left: number; rows: number; cols: number; rule: unknown }[];
  widths: Map<number, number>;
  /** Row heights set (0-based row → points). */
  heights: Map<number, number>;
  /** 0-based rows that begin a printed page. */
  pageBreaks: number[];
  /** Page layout properties set (orientation, paperSize, zoom, margins, centerFooter). */
  page: Record<string, unknown>;
  /** Cells holding a formula (0-based "r:c" → "=…"); their `values` hold the result. */
  formulas?: Map<string, string>;
}

const key = (r: number, c: number) => `${r}:${c}`;

function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseA1(address: string): { top: number; left: number; bottom: number; right: number } {
  const part = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = part.replace(/\$/g, '').split(':');
  const one = (ref: string, end: boolean) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(ref.trim())!;
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    const row = m[2] ? Number(m[2]) - 1 : end ? 1_048_575 : 0;
    return { row, col: m[1] ? col - 1 : end ? 16_383 : 0 };
  };
  const from = one(a, false);
  const to = one(b, true);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

export class ExcelStore {
  sheets: FakeSheet[] = [];
  settings = new Map<string, string>();
  names: { name: string; formula: string }[] = [];
  syncs = 0;
  active: { sheet: string; address: string } | null = null;
  /** Excel on the web's limit on a response (5 MB); a sync whose loaded values exceed it fails. */
  payloadLimit = 5_000_000;
  /** Bytes of values each successful sync returned. */
  responses: number[] = [];
  /** false: an Excel without LAMBDA (2021 and older), which refuses a name whose formula uses it. */
  lambda = true;
  /** Strings written that Excel would have run as formulas (no leading apostrophe). */
  formulaWrites: string[] = [];

  static from(workbook: WorkbookData): ExcelStore {
    const store = new ExcelStore();
    for (const s of workbook.sheets) {
      const sheet = store.addSheet(s.name);
      s.grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === '') return;
          // Excel gives date cells as serial numbers.
          sheet.values.set(key(r, c), v instanceof Date ? Math.round(v.getTime() / 86_400_000 + 25_569) : v);
        }),
      );
      sheet.merges.push(...(s.merges ?? []));
    }
    return store;
  }

  addSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`A worksheet named "${name}" already exists.`);
    const sheet: FakeSheet = { name, values: new Map(), formats: new Map(), fills: new Map(), bold: new Set(), merges: [], validations: [], widths: new Map(), heights: new Map(), pageBreaks: [], page: {} };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: worksheet "${name}"`);
    return s;
  }

  used(sheet: FakeSheet) {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, v] of sheet.values) {
      if (v === null || v === '') continue;
      const [r, c] = k.split(':').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** The sheet's values as a grid from A1 (test helper). */
  dump(name: string): CellValue[][] {
    const sheet = this.sheet(name);
    const u = this.used(sheet);
    if (!u) return [];
    return Array.from({ length: u.bottom + 1 }, (_, r) => Array.from({ length: u.right + 1 }, (_, c) => sheet.values.get(key(r, c)) ?? null));
  }
}

interface Pending {
  sheet: FakeSheet;
  bounds: { top: number; left: number; bottom: number; right: number }[];
  obj: Obj;
  /** What the object was created with: a property still holding it (or a mock's error string) was not assigned. */
  data: Record<string, unknown>;
  /** Whether `values` was loaded (the response carries them). */
  loadsValues: boolean;
  /** The last value applied per property, so a range synced several times applies each assignment once. */
  applied: Record<string, unknown>;
}

/** The Excel global (Excel.run) over a store. */
export function createExcel(store: ExcelStore, makeObject: MakeObject) {
  function run<T>(batch: (context: unknown) => Promise<T>): Promise<T> {
    const ops: (() => void)[] = [];
    const ranges: Pending[] = [];
    const afterSync: (() => void)[] = [];

    const rangeObject = (sheet: FakeSheet, bounds: Pending['bounds']) => {
      const b = bounds[0];
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      const grid = <T>(get: (r: number, c: number) => T) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => get(b.top + r, b.left + c)));
      const data: Record<string, unknown> = {
        address: `${sheet.name}!${letters(b.left)}${b.top + 1}:${letters(b.right)}${b.bottom + 1}`,
        values: rows * cols <= 2_000_000 ? grid((r, c) => sheet.values.get(key(r, c)) ?? '') : [],
        formulas: rows * cols <= 10_000 ? grid((r, c) => sheet.formulas?.get(key(r, c)) ?? sheet.values.get(key(r, c)) ?? '') : [],
        rowIndex: b.top,
        columnIndex: b.left,
        rowCount: rows,
        columnCount: cols,
        numberFormat: UNSET,
        format: {
          font: { name: UNSET, size: UNSET, bold: UNSET, italic: UNSET, color: UNSET },
          fill: { color: rows === 1 && cols === 1 ? sheet.fills.get(key(b.top, b.left)) ?? '#FFFFFF' : UNSET, clear: () => ops.push(() => bounds.forEach((x) => eachCell(x, (r, c) => sheet.fills.delete(key(r, c))))) },
          horizontalAlignment: UNSET,
          verticalAlignment: UNSET,
          wrapText: UNSET,
          columnWidth: UNSET,
          rowHeight: UNSET,
          borders: { getItem: () => ({ style: UNSET }) },
        },
        dataValidation: { rule: UNSET },
        merge: (across?: boolean) =>
          ops.push(() => {
            if (!across) sheet.merges.push({ ...b });
            else for (let r = b.top; r <= b.bottom; r++) sheet.merges.push({ ...b, top: r, bottom: r });
          }),
        unmerge: () => ops.push(() => (sheet.merges = sheet.merges.filter((m) => m.top > b.bottom || m.bottom < b.top || m.left > b.right || m.right < b.left))),
        clear: () =>
          ops.push(() =>
            eachCell(b, (r, c) => {
              sheet.values.delete(key(r, c));
              sheet.formats.delete(key(r, c));
              sheet.fills.delete(key(r, c));
              sheet.bold.delete(key(r, c));
            }),
          ),
        select: () => ops.push(() => (store.active = { sheet: sheet.name, address: `${letters(b.left)}${b.top + 1}` })),
        getMergedAreasOrNullObject: () => {
          const merged = sheet.merges.filter((m) => m.top >= b.top && m.bottom <= b.bottom && m.left >= b.left && m.right <= b.right);
          const areas = { address: merged.map((m) => `${sheet.name}!${letters(m.left)}${m.top + 1}:${letters(m.right)}${m.bottom + 1}`).join(','), isNullObject: merged.length === 0, load: () => areas };
          return areas;
        },
      };
      const obj = makeObject(data);
      const fill = (data.format as Record<string, Record<string, unknown>>).fill.color;
      // Which properties were asked for: a response carries the values of the ranges that loaded them.
      const load = obj.load as (props?: string) => unknown;
      const pendingRange: Pending = { sheet, bounds, obj, data, loadsValues: false, applied: { values: data.values, numberFormat: UNSET, fill, bold: UNSET, columnWidth: UNSET, rowHeight: UNSET, rule: UNSET } };
      obj.load = (props?: string) => {
        if (props === undefined || /\bvalues\b/.test(props)) pendingRange.loadsValues = true;
        return load.call(obj, props);
      };
      ranges.push(pendingRange);
      return obj;
    };

    function eachCell(b: Pending['bounds'][number], fn: (r: number, c: number) => void) {
      const bottom = Math.min(b.bottom, 1_048_575);
      const right = Math.min(b.right, 16_383);
      if ((bottom - b.top + 1) * (right - b.left + 1) > 5_000_000) {
        // A whole-sheet range: visit only the cells that exist.
        for (const s of store.sheets) {
          for (const k of [...s.values.keys(), ...s.fills.keys()]) {
            const [r, c] = k.split(':').map(Number);
            if (r >= b.top && r <= bottom && c >= b.left && c <= right) fn(r, c);
          }
        }
        return;
      }
      for (let r = b.top; r <= bottom; r++) for (let c = b.left; c <= right; c++) fn(r, c);
    }

    const worksheetObject = (sheet: FakeSheet) => {
      // Page layout: what is assigned is recorded at the next sync.
      const footer = { centerFooter: UNSET as unknown };
      const pageLayout: Record<string, unknown> = { headersFooters: { defaultForAllPages: footer } };
      afterSync.push(() => {
        for (const [k, v] of Object.entries(pageLayout)) if (k !== 'headersFooters' && isSet(v)) sheet.page[k] = v;
        if (isSet(footer.centerFooter)) sheet.page.centerFooter = footer.centerFooter;
      });
      const ws = {
        name: sheet.name,
        showGridlines: true,
        pageLayout,
        horizontalPageBreaks: {
          add: (address: string) => ops.push(() => sheet.pageBreaks.push(parseA1(address).top)),
          removePageBreaks: () => ops.push(() => (sheet.pageBreaks = [])),
        },
        load: () => ws,
        activate: () => ops.push(() => (store.active = { sheet: sheet.name, address: 'A1' })),
        getRange: (address?: string) => rangeObject(sheet, [address ? parseA1(address) : { top: 0, left: 0, bottom: 1_048_575, right: 16_383 }]),
        getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => rangeObject(sheet, [{ top: r, left: c, bottom: r + rows - 1, right: c + cols - 1 }]),
        getRanges: (list: string) => rangeObject(sheet, list.split(',').map(parseA1)),
        getUsedRangeOrNullObject: () => {
          const u = store.used(sheet);
          const obj = rangeObject(sheet, [u ?? { top: 0, left: 0, bottom: 0, right: 0 }]);
          afterSync.push(() => (obj.isNullObject = u === null));
          return obj;
        },
      };
      return ws;
    };

    const worksheets = {
      items: [] as ReturnType<typeof worksheetObject>[],
      load: () => {
        afterSync.push(() => (worksheets.items = store.sheets.map(worksheetObject)));
        return worksheets;
      },
      getItem: (name: string) => worksheetObject(store.sheet(name)),
      getItemOrNullObject: (name: string) => {
        const sheet = store.sheets.find((s) => s.name === name);
        if (sheet) return { ...worksheetObject(sheet), isNullObject: false };
        const nothing = { top: 0, left: 0, bottom: 0, right: 0 };
        const ghost: FakeSheet = { name, values: new Map(), formats: new Map(), fills: new Map(), bold: new Set(), merges: [], validations: [], widths: new Map(), heights: new Map(), pageBreaks: [], page: {} };
        return { ...worksheetObject(ghost), isNullObject: true, getUsedRangeOrNullObject: () => ({ ...rangeObject(ghost, [nothing]), isNullObject: true, load: () => undefined }) };
      },
      add: (name: string) => {
        const sheet = store.addSheet(name);
        return worksheetObject(sheet);
      },
    };

    const settingsItem = (name: string) => {
      const item = {
        value: store.settings.get(name) ?? null,
        isNullObject: !store.settings.has(name),
        load: () => item,
        delete: () => ops.push(() => store.settings.delete(name)),
      };
      return item;
    };

    const names = {
      items: [] as { name: string }[],
      load: () => {
        afterSync.push(() => (names.items = store.names.map((n) => ({ name: n.name }))));
        return names;
      },
      add: (name: string, formula: string) =>
        ops.push(() => {
          if (!store.lambda && /\bLAMBDA\(/i.test(formula)) throw Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), { code: 'InvalidArgument' });
          store.names.push({ name, formula });
        }),
    };

    const context = {
      workbook: {
        worksheets,
        settings: { getItemOrNullObject: settingsItem, add: (k: string, v: string) => ops.push(() => store.settings.set(k, v)) },
        names,
      },
      async sync() {
        store.syncs++;
        // Excel on the web refuses a response over its payload limit; the values loaded since the last sync are the response.
        const fresh = ranges.filter((r) => r.loadsValues);
        const bytes = fresh.reduce((n, r) => n + JSON.stringify(r.data.values).length, 0);
        for (const r of fresh) r.loadsValues = false;
        if (bytes > store.payloadLimit) {
          ops.splice(0);
          throw Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' });
        }
        store.responses.push(bytes);
        for (const op of ops.splice(0)) op();
        // Range objects stay valid for the whole batch: a property assigned after a load is applied at a later sync.
        for (const pending of ranges) {
          await pending.obj.sync?.();
          flushRange(pending);
        }
        for (const fn of afterSync.splice(0)) fn();
      },
    };

    function flushRange({ sheet, bounds, obj, applied }: Pending) {
      const b = bounds[0];
      const format = obj.format as Record<string, Record<string, unknown>> & Record<string, unknown>;
      const changed = (name: string, value: unknown) => {
        if (!isSet(value) || value === applied[name]) return false;
        applied[name] = value;
        return true;
      };
      if (changed('numberFormat', obj.numberFormat)) {
        (obj.numberFormat as string[][]).forEach((row, r) => row.forEach((f, c) => sheet.formats.set(key(b.top + r, b.left + c), f)));
      }
      if (Array.isArray(obj.values) && changed('values', obj.values)) {
        (obj.values as unknown[][]).forEach((row, r) =>
          row.forEach((v, c) => {
            const k = key(b.top + r, b.left + c);
            if (typeof v === 'string' && /^[=+\-@]/.test(v) && v.length > 1) store.formulaWrites.push(v);
            if (v === '' || v === null) sheet.values.delete(k);
            // A leading apostrophe makes Excel keep the text as text; it is not part of the value.
            else sheet.values.set(k, typeof v === 'string' && v.startsWith("'") ? v.slice(1) : (v as CellValue));
          }),
        );
      }
      const fill = format.fill?.color;
      const bold = format.font?.bold;
      const width = format.columnWidth;
      const height = format.rowHeight;
      const rule = (obj.dataValidation as Record<string, unknown>)?.rule;
      const apply = { fill: changed('fill', fill), bold: changed('bold', bold), width: changed('columnWidth', width), height: changed('rowHeight', height), rule: changed('rule', rule) };
      for (const area of bounds) {
        if (apply.fill) eachCell(area, (r, c) => sheet.fills.set(key(r, c), String(fill)));
        if (apply.bold && bold) eachCell(area, (r, c) => sheet.bold.add(key(r, c)));
        if (apply.width) sheet.widths.set(area.left, Number(width));
        if (apply.height) for (let r = area.top; r <= area.bottom; r++) sheet.heights.set(r, Number(height));
        if (apply.rule) sheet.validations.push({ top: area.top, left: area.left, rows: area.bottom - area.top + 1, cols: area.right - area.left + 1, rule });
      }
    }

    return batch(context);
  }

  return { run };
}


/** The plain factory (browser, vm): objects as they are, with a load() that does nothing on them and their parts. */
export function plainObject(data: Record<string, unknown>): Record<string, unknown> {
  const withLoad = (o: Record<string, unknown>) => {
    for (const v of Object.values(o)) if (v && typeof v === 'object' && !Array.isArray(v)) withLoad(v as Record<string, unknown>);
    if (!('load' in o)) Object.defineProperty(o, 'load', { value: () => o, enumerable: false, writable: true });
    return o;
  };
  return withLoad(data);
}
