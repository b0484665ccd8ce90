import { distance } from 'fastest-levenshtein';
import { cleanText, foldText } from './text';

/** One unit of the directory: the name reports use, and the ways staff write it. */
export interface UnitEntry {
  name: string;
  aliases: string[];
}

export type UnitDirectory = UnitEntry[];

export interface ResolvedUnit {
  /** As written in the cell (cleaned). */
  written: string;
  /** The directory name, or the written text when the unit is unknown. */
  name: string;
  known: boolean;
  /** A group that names no one accountable ("Các phòng chức năng"). */
  vague: boolean;
}

/** The default directory for a provincial Department of Health; users replace or extend it in settings. */
export const DEFAULT_UNIT_DIRECTORY: UnitDirectory = [
  { name: 'Lãnh đạo Sở', aliases: ['Ban Giám đốc', 'Ban Giám đốc Sở', 'Lãnh đạo Sở Y tế', 'Giám đốc Sở', 'BGĐ'] },
  { name: 'Văn phòng Sở', aliases: ['VP Sở', 'VP', 'Văn phòng', 'Văn phòng Sở Y tế', 'VPS'] },
  { name: 'Thanh tra Sở', aliases: ['Thanh tra', 'Thanh tra Sở Y tế', 'TTr Sở', 'TT Sở'] },
  {
    name: 'Phòng Kế hoạch - Tài chính',
    aliases: ['KHTC', 'KH-TC', 'Kế hoạch Tài chính', 'Phòng KHTC', 'Phòng KH-TC', 'P.KHTC', 'Kế hoạch - Tài chính'],
  },
  { name: 'Phòng Tổ chức cán bộ', aliases: ['TCCB', 'Phòng TCCB', 'Tổ chức cán bộ', 'P.TCCB', 'Tổ chức - Cán bộ'] },
  { name: 'Phòng Nghiệp vụ Y', aliases: ['NVY', 'Phòng NVY', 'Nghiệp vụ Y', 'P.NVY'] },
  { name: 'Phòng Nghiệp vụ Dược', aliases: ['NVD', 'Phòng NVD', 'Nghiệp vụ Dược', 'P.NVD'] },
  { name: 'Phòng Nghiệp vụ Y dược', aliases: ['NVYD', 'Phòng NVYD', 'Nghiệp vụ Y dược', 'Nghiệp vụ Y - Dược', 'Phòng Nghiệp vụ'] },
  { name: 'Phòng Quản lý hành nghề', aliases: ['QLHN', 'Phòng QLHN', 'Quản lý hành nghề', 'Phòng Quản lý hành nghề y dược tư nhân'] },
  {
    name: 'Trung tâm Kiểm soát bệnh tật',
    aliases: ['CDC', 'TTKSBT', 'Trung tâm KSBT', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'CDC tỉnh'],
  },
  {
    name: 'Chi cục An toàn vệ sinh thực phẩm',
    aliases: ['Chi cục ATVSTP', 'ATVSTP', 'Chi cục ATTP', 'Chi cục An toàn thực phẩm'],
  },
  { name: 'Chi cục Dân số', aliases: ['Chi cục DS-KHHGĐ', 'Chi cục Dân số - KHHGĐ', 'Chi cục Dân số - Kế hoạch hóa gia đình', 'CCDS'] },
  {
    name: 'Trung tâm Y tế các huyện',
    aliases: ['TTYT', 'Các TTYT', 'TTYT huyện', 'Trung tâm Y tế huyện', 'TTYT các huyện', 'Các Trung tâm Y tế', 'Trung tâm Y tế các huyện, thị xã, thành phố'],
  },
  { name: 'Bệnh viện tỉnh', aliases: ['Bệnh viện đa khoa tỉnh', 'BVĐK tỉnh', 'BV tỉnh', 'BVĐKT', 'Các bệnh viện tỉnh'] },
  { name: 'Công đoàn ngành Y tế', aliases: ['Công đoàn ngành', 'Công đoàn Ngành Y tế tỉnh', 'CĐ ngành Y tế'] },
];

/**
 * Groups that leave no one accountable. Order does not matter; each is tested against the folded unit.
 */
export const VAGUE_UNIT_PATTERNS: readonly RegExp[] = [
  /^cac (phong|don vi|co quan|bo phan|khoa|so|nganh|to chuc|ca nhan)\b/,
  /^(lanh dao|thu truong|truong) cac\b/,
  /^(tat ca|toan bo|toan nganh|moi|cac) /,
  /\blien quan$/,
  /^(nganh y te|toan nganh|don vi|phong chuyen mon|bo phan chuyen mon)$/,
];

/** Words that start a unit name; a comma-separated piece that starts otherwise continues the previous unit. */
const UNIT_START =
  /^(phong|p\.|van phong|vp|thanh tra|trung tam|tt|chi cuc|benh vien|bv|cac|so|ubnd|uy ban|ban|cong doan|lanh dao|thu truong|don vi|bo phan|khoa|tram|bhxh|bao hiem|cdc|ttyt|ca nhan|giam doc|doan|hoi|nganh|cong an|to)\b/;

/** Folding for comparison: no "Phòng" prefix, no trailing "tỉnh …"/"Sở Y tế", no punctuation. */
export function unitKey(value: string): string {
  return foldText(value)
    .replace(/[().,;:'"“”]/g, ' ')
    .replace(/\s*[-–]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^phong /, '')
    .replace(/ (tinh|so y te|thuoc so)( .*)?$/, '')
    .trim();
}

/** Split a lead/coordinating cell into unit names as written. */
export function splitUnits(value: string): string[] {
  const text = cleanText(value);
  if (!text) return [];
  const coarse = text
    .split(/\n|;|\.\s+-\s+|\s+\+\s+|\s+và\s+|\s+&\s+/i)
    .map((s) => s.replace(/^[\s\-–•*+]+/, '').replace(/[\s.;,]+$/, '').trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const piece of coarse) {
    const commaParts = piece.split(/\s*,\s*/);
    let current = commaParts[0];
    for (const next of commaParts.slice(1)) {
      if (UNIT_START.test(foldText(next))) {
        out.push(current);
        current = next;
      } else {
        current = `${current}, ${next}`;
      }
    }
    out.push(current);
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

export interface UnitResolver {
  resolve(written: string): ResolvedUnit;
  resolveCell(value: string): ResolvedUnit[];
}

/** Build a resolver over a directory: exact folded match on names and aliases, then small misspellings. */
export function createUnitResolver(directory: UnitDirectory = DEFAULT_UNIT_DIRECTORY): UnitResolver {
  const byKey = new Map<string, string>();
  for (const entry of directory) {
    for (const alias of [entry.name, ...entry.aliases]) {
      const key = unitKey(alias);
      if (key && !byKey.has(key)) byKey.set(key, entry.name);
    }
  }
  const keys = [...byKey.keys()];
  const cache = new Map<string, ResolvedUnit>();

  function resolve(written: string): ResolvedUnit {
    const cleaned = cleanText(written).replace(/[\s.;,]+$/, '');
    const cached = cache.get(cleaned);
    if (cached) return cached;
    const key = unitKey(cleaned);
    const vague = VAGUE_UNIT_PATTERNS.some((re) => re.test(key) || re.test(foldText(cleaned)));
    let name = byKey.get(key);
    if (!name && key.length >= 8) {
      // Small misspellings only: at most one edit per 8 characters, and never across very different lengths.
      let best: string | undefined;
      let bestDistance = Math.floor(key.length / 8);
      for (const candidate of keys) {
        if (Math.abs(candidate.length - key.length) > bestDistance) continue;
        const d = distance(candidate, key);
        if (d <= bestDistance && (best === undefined || d < distance(best, key))) {
          best = candidate;
          bestDistance = d;
        }
      }
      if (best) name = byKey.get(best);
    }
    const unit: ResolvedUnit = name
      ? { written: cleaned, name, known: true, vague: false }
      : { written: cleaned, name: cleaned, known: false, vague };
    cache.set(cleaned, unit);
    return unit;
  }

  const cells = new Map<string, ResolvedUnit[]>();
  return {
    resolve,
    resolveCell: (value) => {
      let units = cells.get(value);
      if (!units) {
        units = splitUnits(value).map(resolve);
        if (cells.size < 20_000) cells.set(value, units);
      }
      return units;
    },
  };
}
