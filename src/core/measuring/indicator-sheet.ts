import { DEFAULT_INDICATORS, type IndicatorDefinition } from './indicators';
import { parsePeriod, type Cutoff, type Period } from './periods';
import { cleanText, foldKey } from '../reading/text';
import type { CellValue, SheetData, WorkbookData } from '../types';

/** Header words of a sheet where staff keep indicator targets and results ("Chỉ tiêu" sheet). */
const NAME_HEADER = /^(chi so|chi tieu|ten chi so|ten chi tieu|noi dung chi tieu)$/;
const TARGET_HEADER = /^(muc tieu|chi tieu giao|ke hoach|chi tieu ke hoach|muc tieu nam)$/;
const ACTUAL_HEADER = /^(ket qua|thuc hien|ket qua dat duoc|ket qua thuc hien|gia tri|so lieu)$/;
const PERIOD_HEADER = /^(ky|ky bao cao|ky so lieu|thoi ky|thoi diem|ky danh gia)$/;

/** One typed result: which indicator, for which reporting period (as written; null when the row names none). */
export interface IndicatorEntry {
  id: string;
  period: string | null;
  value: number;
}

export interface IndicatorSheet {
  sheet: string;
  definitions: IndicatorDefinition[];
  entries: IndicatorEntry[];
}

/** The results that count for a period, and the indicators with a result that names no (readable) period. */
export interface PeriodResults {
  values: Record<string, number>;
  undated: string[];
}

/**
 * The typed results for one reporting period: a result counts only when its row names that period ("Q1/2025",
 * "Quý I/2025", "6 tháng/2025", "Năm 2025", "2025"), so last year's figures never pass for this period's. The first
 * matching row of an indicator wins. Indicators with a result whose period is blank or unreadable are listed.
 */
export function resultsFor(entries: readonly IndicatorEntry[], period: Pick<Period, 'type' | 'year'>, cutoff: Cutoff = 'calendar'): PeriodResults {
  const values: Record<string, number> = {};
  const undated = new Set<string>();
  for (const entry of entries) {
    const written = entry.period === null ? null : parsePeriod(entry.period, cutoff);
    if (written === null) undated.add(entry.id);
    else if (written.type === period.type && written.year === period.year && !(entry.id in values)) values[entry.id] = entry.value;
  }
  return { values, undated: [...undated].filter((id) => !(id in values)) };
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

function findIn(sheet: SheetData): { row: number; name: number; target?: number; actual: number; period?: number } | null {
  for (let r = 0; r < Math.min(sheet.grid.length, 30); r++) {
    const keys = (sheet.grid[r] ?? []).map((v) => (typeof v === 'string' ? foldKey(v) : ''));
    const name = keys.findIndex((k) => NAME_HEADER.test(k));
    const actual = keys.findIndex((k) => ACTUAL_HEADER.test(k));
    const target = keys.findIndex((k) => TARGET_HEADER.test(k));
    const period = keys.findIndex((k) => PERIOD_HEADER.test(k));
    if (name >= 0 && actual >= 0) return { row: r, name, actual, ...(target >= 0 ? { target } : {}), ...(period >= 0 ? { period } : {}) };
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
    const entries: IndicatorEntry[] = [];
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
      // A row without a readable result gives none (its target still counts).
      const value = readRatio(row[found.actual]);
      if (value === null) continue;
      const period = found.period === undefined ? null : cleanText(String(row[found.period] ?? '')) || null;
      entries.push({ id: def.id, period, value });
    }
    return { sheet: sheet.name, definitions, entries };
  }
  return null;
}
