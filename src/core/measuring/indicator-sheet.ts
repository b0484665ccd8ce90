import { DEFAULT_INDICATORS, type IndicatorDefinition } from './indicators';
import { cleanText, foldKey } from '../reading/text';
import type { CellValue, SheetData, WorkbookData } from '../types';

/** Header words of a sheet where staff keep indicator targets and results ("Chỉ tiêu" sheet). */
const NAME_HEADER = /^(chi so|chi tieu|ten chi so|ten chi tieu|noi dung chi tieu)$/;
const TARGET_HEADER = /^(muc tieu|chi tieu giao|ke hoach|chi tieu ke hoach|muc tieu nam)$/;
const ACTUAL_HEADER = /^(ket qua|thuc hien|ket qua dat duoc|ket qua thuc hien|gia tri|so lieu)$/;

export interface IndicatorSheet {
  sheet: string;
  definitions: IndicatorDefinition[];
  values: Record<string, number | null>;
}

/** 98 %, 0.98, "98%", "98" → 0.98; anything else → null. */
export function readRatio(value: CellValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value > 1 ? value / 100 : value;
  if (typeof value === 'string') {
    const m = /^\s*([<>≥]=?\s*|trên\s+|tren\s+)?(\d+(?:[.,]\d+)?)\s*(%?)\s*$/i.exec(value);
    if (m) {
      const n = Number(m[2].replace(',', '.'));
      return m[3] || n > 1 ? n / 100 : n;
    }
  }
  return null;
}

function findIn(sheet: SheetData): { row: number; name: number; target?: number; actual: number } | null {
  for (let r = 0; r < Math.min(sheet.grid.length, 30); r++) {
    const keys = (sheet.grid[r] ?? []).map((v) => (typeof v === 'string' ? foldKey(v) : ''));
    const name = keys.findIndex((k) => NAME_HEADER.test(k));
    const actual = keys.findIndex((k) => ACTUAL_HEADER.test(k));
    const target = keys.findIndex((k) => TARGET_HEADER.test(k));
    if (name >= 0 && actual >= 0) return { row: r, name, actual, ...(target >= 0 ? { target } : {}) };
  }
  return null;
}

/**
 * Read the indicator sheet, if the workbook has one: each row names an indicator (matched to the defaults by
 * name), may override its target, and gives the period's result. Unknown names become extra indicators.
 */
export function readIndicatorSheet(
  workbook: WorkbookData,
  defaults: readonly IndicatorDefinition[] = DEFAULT_INDICATORS,
): IndicatorSheet | null {
  for (const sheet of workbook.sheets) {
    const found = findIn(sheet);
    if (!found) continue;
    const definitions = defaults.map((d) => ({ ...d }));
    const values: Record<string, number | null> = {};
    for (const row of sheet.grid.slice(found.row + 1)) {
      const nameCell = row[found.name];
      if (typeof nameCell !== 'string' || !cleanText(nameCell)) continue;
      const key = foldKey(nameCell);
      let def = definitions.find((d) => foldKey(d.name) === key || d.id === key);
      if (!def) {
        def = { id: `custom_${definitions.length + 1}`, name: cleanText(nameCell), target: 1, comparator: '>=', points: 1, source: 'manual', basis: `Trang "${sheet.name}"` };
        definitions.push(def);
      }
      if (found.target !== undefined) {
        const raw = row[found.target];
        const target = readRatio(raw);
        if (target !== null) {
          def.target = target;
          def.comparator = typeof raw === 'string' && /^\s*(>(?!=)|trên|tren)/i.test(raw) ? '>' : '>=';
          def.basis = `Trang "${sheet.name}"`;
        }
      }
      values[def.id] = readRatio(row[found.actual]);
    }
    return { sheet: sheet.name, definitions, values };
  }
  return null;
}
