import { BoundedMemo } from '../memo';
import { distance } from 'fastest-levenshtein';
import {
  AGENCY_DIRECTORY,
  AGENCY_HEADS,
  GENERIC_SYLLABLES,
  NAME_ABBREVIATIONS,
  ROLE_NOTES,
  SINGLE_BODY_LEVELS,
  VAGUE_FORMS,
} from './agencies';
import { cleanText, foldText } from './text';

/** One unit of the directory: the name reports use, and the ways staff write it. */
export interface UnitEntry {
  name: string;
  aliases: string[];
  /** The unit's focal e-mail, for reminders (the settings' unit directory). */
  email?: string;
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
 * A name's words for comparison: folded, role notes and punctuation dropped, "và"/"&" ignored, fixed abbreviations
 * ("Ủy ban nhân dân" → "ubnd") applied.
 * @example unitWords('Sở Khoa học & Công nghệ (chủ trì)') // 'so khoa hoc cong nghe'
 */
function unitWords(value: string): string {
  // Padded so every word has a space on both sides; each run of spaces and punctuation becomes one space.
  return ` ${foldText(value).replace(ROLE_NOTES, ' ').replace(ROLE_LABEL, ' ')} `
    .replace(/[\s().,;:'"“”‘’/\\[\]&+*•–-]+/g, ' ')
    .replace(/ va /g, ' ')
    .replace(LONG_FORMS, (_, long: string) => ` ${SHORT_FORM.get(long)}`)
    .trim();
}

/** The nouns that name bodies, at the start of a generic group: "sở, ban, ngành", "phòng, ban", "đơn vị các cấp". */
const BODY_NOUN = /^(so|ban|nganh|phong|bo|don vi|co quan|dia phuong|huyen|xa|truong|benh vien|trung tam)( |$)/;

/** A role written as a label before the unit: "Chủ trì: Văn phòng Sở", "Đơn vị phối hợp: Thanh tra Sở". */
const ROLE_LABEL = /^(?:(?:don vi|co quan) )?(?:chu tri|phoi hop|thuc hien|tham muu|dau moi) ?:/;

const SHORT_FORM = new Map(NAME_ABBREVIATIONS);
const LONG_FORMS = new RegExp(` (${NAME_ABBREVIATIONS.map(([long]) => long).join('|')})(?= )`, 'g');

/**
 * The looser form: no "Phòng" in front, no "tỉnh" with the province's name (a few words) or "Sở Y tế" behind
 * ("Trung tâm Kiểm soát bệnh tật tỉnh Đắk Nông").
 */
function looseWords(words: string): string {
  return words
    .replace(/^phong /, '')
    .replace(PROVINCE_TAIL, '')
    .replace(/ so y te$/, '');
}

/**
 * "tỉnh" (or "thuộc Sở") and the province's name, a few words, at the end of a name. A province's name has none of
 * a list's generic words: in "Thanh tra tỉnh, Sở, ban, ngành" the words after "tỉnh" are a vague group of their own.
 */
const PROVINCE_WORD = ' (?!(?:so|ban|nganh|cac|don|vi|huyen|xa|lien|quan)(?: |$))\\S+';
const PROVINCE_TAIL = new RegExp(` (tinh|thuoc so)(?:${PROVINCE_WORD}){0,4}$`);
/** The same, keeping "tỉnh": "Thanh tra tỉnh Đắk Nông" is the province's Thanh tra tỉnh. */
const PROVINCE_NAME = new RegExp(` tinh(?:${PROVINCE_WORD}){1,4}$`);

/**
 * Whether two names differ only by a typing slip inside a word: the same number of words, and no short word changed
 * ("Văn phòng Bộ" is not a slip for "Văn phòng Sở", "nghiep vu y duoc" is one for "nghiep vu y dươc").
 */
function slipOf(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  if (x.length !== y.length) return false;
  return x.every((w, i) => w === y[i] || (w.length > 2 && y[i].length > 2));
}

/** Names (folded words) by their first word, so a look-up compares a handful of them, not all. */
function byFirstWord(names: Iterable<string>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const name of names) {
    const first = name.split(' ', 1)[0];
    const list = map.get(first);
    if (list) list.push(name);
    else map.set(first, [name]);
  }
  return map;
}

const HEADS_BY_FIRST_WORD = byFirstWord(AGENCY_HEADS);

/** The agency head a name starts with ("so", "trung tam", "ubnd"), or '' when none. */
function headOf(words: string): string {
  const heads = HEADS_BY_FIRST_WORD.get(words.split(' ', 1)[0]);
  if (!heads) return '';
  let best = '';
  for (const head of heads) {
    if ((words === head || words.startsWith(`${head} `)) && head.length > best.length) best = head;
  }
  return best;
}

/** Initials of a name after its head: "so lao dong thuong binh xa hoi" → "so ldtbxh"; with no head, of every word. */
function acronymOf(words: string): string | null {
  const head = headOf(words);
  const rest = (head ? words.slice(head.length) : words).trim().split(' ');
  if (rest.length < 2) return null;
  const initials = rest.map((w) => w[0]).join('');
  return head ? `${head} ${initials}` : initials;
}

/** A written abbreviation packed for comparison with acronyms: "so kh cn" (from "Sở KH&CN") → "so khcn". */
function packedOf(words: string): string | null {
  const head = headOf(words);
  const rest = (head ? words.slice(head.length) : words).trim().split(' ').filter(Boolean);
  // "KH CN" (from "KH&CN"), or one packed word ("LĐTBXH"); never ordinary words.
  if (!rest.length || (rest.length > 1 && rest.some((w) => w.length > 4)) || rest[0].length > 10) return null;
  return head ? `${head} ${rest.join('')}` : rest.join('');
}

/** Whether a group names no one accountable, by its form. */
function isVagueForm(words: string, folded: string): boolean {
  if (VAGUE_FORMS.some((re) => re.test(words) || re.test(folded))) return true;
  // No syllable of '' is generic, so an empty name is not vague.
  if (!allGeneric(words)) return false;
  // "UBND tỉnh", "HĐND Thành phố": one body of one level.
  const head = headOf(words);
  return !(head && SINGLE_BODY_LEVELS.includes(words.slice(head.length + 1)));
}

/** Whether every word of a name is a generic noun ("so ban nganh", "cac don vi"). */
function allGeneric(words: string): boolean {
  return words.split(' ').every((s) => GENERIC_SYLLABLES.has(s));
}

const ACRONYM = /^[A-ZĐ][A-ZĐ0-9&.-]{1,}$/;

/** Whether a piece reads as an agency's name by its form: a head followed by a name, or an acronym ("BHXH tỉnh"). */
function isHeadedName(words: string, written: string): boolean {
  const head = headOf(words);
  if (head && words.length > head.length) return true;
  // `written` is trimmed (a tidied piece, or a head and a piece).
  const first = written.split(/\s/, 1)[0];
  return ACRONYM.test(first.replace(/[,.;:]$/, ''));
}

/**
 * Separators between units. Hard ones (line break, ";", a bullet dash, " + ") always split, unless the text across them
 * is one directory name; soft ones ("," "và" "&" " - ") split only where both sides read as agencies. A dash separates
 * only with a space on at least one side: "KH-TC" and "LĐ-TB&XH" are one word.
 */
const SEPARATOR = /\n|;|\.\s+-\s+|\s+\+\s+|,|\s+(?:và|&)\s+|\s+[-–]\s*|[-–]\s+/giu;
const HARD = /^(\n|;|\.\s+-\s+|\s+\+\s+)$/;

interface Piece {
  text: string;
  /** The separator after this piece ('' for the last). */
  after: string;
  /** A head shared over a list ("Các Sở: Tài chính, Nội vụ" gives each piece "Sở"). */
  head?: string;
}

/** "Các Sở: Tài chính, Nội vụ": a head, a colon, then the names it applies to. */
const HEAD_LIST = /^[\s\-–•*+]*(?:(?:các|những)\s+)?([^\n:;,()]{1,30}?)\s*:\s*/iu;

/** Text without its bracketed notes: "Bộ Y tế (Cục Quản lý Khám, chữa bệnh)" is Bộ Y tế. */
const withoutBrackets = (text: string) => text.replace(/\([^()]*\)/g, ' ');

/** Cut a cell at every separator outside brackets. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  // Walk the separators in order, skipping those inside brackets.
  for (const m of text.matchAll(SEPARATOR)) {
    const at = m.index ?? 0;
    for (; i < at; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth = Math.max(0, depth - 1);
    }
    if (depth > 0) continue;
    out.push({ text: text.slice(start, at), after: m[0] });
    start = at + m[0].length;
    i = start;
  }
  // Stryker disable next-line StringLiteral: the last piece's separator is never read (nothing follows it)
  out.push({ text: text.slice(start), after: '' });
  return out;
}

/**
 * A cell's pieces, with a head written once before a colon shared by every piece of that line:
 * "Các Sở: Tài chính, Nội vụ" → "Sở Tài chính", "Sở Nội vụ".
 */
function listPieces(text: string): Piece[] {
  const list = HEAD_LIST.exec(text);
  if (!list) return pieces(text);
  const head = unitWords(list[1]);
  if (!head || headOf(head) !== head) return pieces(text);
  const parts = pieces(text.slice(list[0].length));
  // The lazy head stops before the spaces in front of the colon, and the text is trimmed: nothing to trim.
  const shared = capitalise(list[1]);
  for (const part of parts) {
    if (tidy(part.text) && !unitWords(part.text).startsWith(`${head} `)) part.head = shared;
    if (HARD.test(part.after)) break;
  }
  return parts;
}

/** The head of a name as written ("Sở" of "Sở Giáo dục và Đào tạo"), or '' when it has none or nothing follows it. */
function headDisplay(piece: string): string {
  const written = tidy(piece);
  const words = unitWords(written);
  const head = headOf(words);
  // Stryker disable next-line StringLiteral: a head is borrowed only where it makes a directory name, which no placeholder does
  if (!head || words.length === head.length) return '';
  return written.split(/\s+/).slice(0, head.split(' ').length).join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function tidy(piece: string): string {
  return piece.replace(/^[\s\-–•*+.]+/, '').replace(/[\s.;,]+$/, '');
}

/**
 * Scores of a group of pieces in the split: a directory name counts most, for every piece it spans (so no split of a
 * known name can beat it: names are never cut), a little less when it matched only loosely (without "tỉnh …" behind,
 * or by initials), so two exact names beat one loose match over both; less again when the name needed a head borrowed
 * from the cell's first name, so a name written whole beats a split that borrows ("Sở Văn hóa, Thể thao và Du lịch
 * tỉnh …" is not "Sở Văn hóa và Thể thao" and "Sở Du lịch"); a name by its form or a vague group counts once, a
 * headless fragment against.
 */
const SCORE = { exactPerPiece: 30, loosePerPiece: 29, borrowedPerPiece: 25, agency: 10, vague: 10, fragment: -20 } as const;

/** How far a group may reach: no real name has more than this many separators inside. */
const MAX_PIECES_PER_GROUP = 8;

export interface UnitResolver {
  resolve(written: string): ResolvedUnit;
  resolveCell(value: string): ResolvedUnit[];
  /** A cell cut into the unit names it holds, as written. */
  split(value: string): string[];
}

/** Names of one directory, indexed for exact, loose and initials look-ups and for misspellings. */
interface NameIndex {
  /** Directory name by a name's words or loose form (words first: an earlier kind of match always wins). */
  keys: Map<string, string>;
  /** The words of every name and alias as listed. */
  listed: Set<string>;
  /** Directory name by initials; null where two bodies share them ("Sở Nội vụ", "Sở Ngoại vụ"). */
  acronyms: Map<string, string | null>;
  /** Keys by their first word: misspellings are looked for among names that start with the same word. */
  byFirstWord: Map<string, string[]>;
}

function indexNames(directory: UnitDirectory): NameIndex {
  const keys = new Map<string, string>();
  const acronyms = new Map<string, string | null>();
  const forms = directory.flatMap((entry) =>
    [entry.name, ...entry.aliases].map((alias) => {
      const words = unitWords(alias);
      return { name: entry.name, words, loose: looseWords(words) };
    }),
  );
  const register = (key: string, name: string) => {
    if (key && !keys.has(key)) keys.set(key, name);
  };
  for (const f of forms) register(f.words, f.name);
  for (const f of forms) register(f.loose, f.name);
  for (const f of forms) {
    for (const key of [acronymOf(f.words), acronymOf(f.loose)]) {
      if (!key || keys.has(key)) continue;
      const seen = acronyms.get(key);
      if (seen === undefined) acronyms.set(key, f.name);
      else if (seen !== f.name) acronyms.set(key, null);
    }
  }
  return { keys, listed: new Set(forms.map((f) => f.words)), acronyms, byFirstWord: byFirstWord(keys.keys()) };
}

/** The state agencies' index: built once, on first use, and shared by every resolver. */
let agencyIndex: NameIndex | null = null;

/** Resolvers already built, per directory: every read of a sheet needs one. */
let resolvers = new WeakMap<UnitDirectory, UnitResolver>();

/** Forget built indexes and what they resolved (benchmarks start every run cold, as a fresh process does). */
export function resetUnitMemo(): void {
  resolvers = new WeakMap();
  agencyIndex = null;
}

/**
 * A resolver over a directory (the user's, or a Department of Health's by default) followed by the directory of state
 * agencies: exact match on names, aliases and their initials, then small misspellings within the same kind of body.
 * The user's directory is consulted first, so it extends and overrides the agencies'. Built once per directory.
 */
export function createUnitResolver(directory: UnitDirectory = DEFAULT_UNIT_DIRECTORY): UnitResolver {
  let resolver = resolvers.get(directory);
  if (!resolver) {
    agencyIndex ??= indexNames(AGENCY_DIRECTORY);
    resolver = buildResolver([indexNames(directory), agencyIndex]);
    resolvers.set(directory, resolver);
  }
  return resolver;
}

function buildResolver(indexes: NameIndex[]): UnitResolver {
  const listed = (words: string) => indexes.some((ix) => ix.listed.has(words));

  /** The directory name for a written name, by its exact words, its loose form or its initials; no misspellings. */
  function lookup(words: string): string | undefined {
    const loose = looseWords(words);
    // Before the loose form drops "tỉnh …" whole: "Thanh tra tỉnh Đắk Nông" is the province's Thanh tra tỉnh, not
    // the Department's inspectorate, so the level is tried with the province's name alone dropped.
    const provincial = words.replace(PROVINCE_NAME, ' tinh');
    for (const key of [words, provincial, loose]) {
      for (const ix of indexes) {
        const found = ix.keys.get(key);
        if (found) return found;
      }
    }
    for (const packed of [packedOf(words), packedOf(loose)]) {
      if (!packed) continue;
      for (const ix of indexes) {
        const name = ix.acronyms.get(packed);
        if (name) return name;
      }
    }
    return undefined;
  }

  function nearest(key: string): string | undefined {
    // Small misspellings only: at most one edit per 8 characters, and never across very different lengths.
    // Stryker disable next-line ConditionalExpression: a fast path; under 8 characters no edit is allowed below, and the exact key was looked up already.
    if (key.length < 8) return undefined;
    let best: { ix: NameIndex; key: string; d: number } | undefined;
    const first = key.split(' ')[0];
    for (const ix of indexes) {
      const candidates = ix.byFirstWord.get(first);
      if (!candidates) continue;
      for (const candidate of candidates) {
        // Stryker disable next-line ConditionalExpression,ArithmeticOperator: a fast path; the distance bound below rejects the same candidates.
        if (Math.abs(candidate.length - key.length) > (best?.d ?? Math.floor(key.length / 8))) continue;
        if (!slipOf(candidate, key)) continue;
        const d = distance(candidate, key);
        if (d <= (best?.d ?? Math.floor(key.length / 8)) && (!best || d < best.d)) best = { ix, key: candidate, d };
      }
    }
    return best?.ix.keys.get(best.key);
  }

  const cache = new BoundedMemo<string, ResolvedUnit>(20_000);
  function resolve(written: string): ResolvedUnit {
    const cleaned = cleanText(written).replace(/[\s.;,]+$/, '');
    const cached = cache.get(cleaned);
    if (cached) return cached;
    const words = unitWords(cleaned);
    const name = lookupText(cleaned, words) ?? nearest(looseWords(words));
    const unit: ResolvedUnit = name
      ? { written: cleaned, name, known: true, vague: false }
      : { written: cleaned, name: cleaned, known: false, vague: isVagueForm(words, foldText(cleaned)) };
    return cache.set(cleaned, unit);
  }

  /** Whether a group is only generic nouns ("Các bộ", "sở, ban"): a list a bare noun after it continues. */
  const genericList = (text: string) => {
    const words = unitWords(text);
    return words !== '' && allGeneric(words);
  };

  /** How a group of pieces reads: a directory name, a vague group, an agency by form, or a fragment of something. */
  /** The directory name for a written name, or for the name outside its brackets. */
  function lookupText(text: string, words = unitWords(text)): string | undefined {
    // Stryker disable next-line StringLiteral: without a bracket the text without brackets is the text, whose look-up just failed; this only saves a second one
    return lookup(words) ?? (text.includes('(') ? lookup(unitWords(withoutBrackets(text))) : undefined);
  }

  /** `continuesList`: the group before is itself a list of generic nouns ("Các bộ"), which a bare noun continues. */
  function groupScore(text: string, pieceCount: number, continuesList: boolean): number {
    const words = unitWords(text);
    if (!words) return SCORE.fragment;
    if (listed(words)) return SCORE.exactPerPiece * pieceCount;
    if (lookupText(text, words)) return SCORE.loosePerPiece * pieceCount;
    const generic = allGeneric(words);
    // A bare generic noun after a list of them continues it ("Các bộ, ngành, địa phương"); after a named unit, a
    // body's noun starts a vague group of its own ("Thanh tra tỉnh, Sở, ban, ngành"), any other word is a note on it
    // ("Văn phòng Sở, tham mưu").
    if (generic && !/^(cac|nhung|ubnd|hdnd)\b/.test(words) && (continuesList || !BODY_NOUN.test(words))) return SCORE.fragment;
    if (isVagueForm(words, foldText(text))) return SCORE.vague;
    if (isHeadedName(words, text)) return SCORE.agency;
    return SCORE.fragment;
  }

  /**
   * The best way to group a cell's pieces into units: each group scored by what it reads as, the highest total wins,
   * fewer groups on a tie. So "Bộ Khoa học và Công nghệ" stays whole (one name beats a name and a fragment) while
   * "Bộ Tài chính, Bộ Công Thương" splits (two names beat one unknown).
   */
  function split(value: string): string[] {
    const text = cleanText(value);
    if (!text) return [];
    const parts = listPieces(text);
    const n = parts.length;
    const joinText = (from: number, to: number) => {
      let s = '';
      for (let k = from; k < to; k++) s += parts[k].text + (k < to - 1 ? parts[k].after : '');
      return tidy(s);
    };
    // "Sở Giáo dục và Đào tạo, Y tế": a headless piece may take the cell's first head when that makes a directory name.
    // Stryker disable next-line StringLiteral: when no piece has text, no reading is built, so the first head is never used
    const firstHead = headDisplay(parts.find((p) => tidy(p.text))?.text ?? '');
    type Choice = { score: number; groups: number; from: number; text: string };
    // Stryker disable next-line UnaryOperator,StringLiteral: best[0] is where the walk back stops; its from and text are never read
    const best: Choice[] = [{ score: 0, groups: 0, from: -1, text: '' }];
    // Whether the best grouping up to a piece ends with a list of generic nouns, which a bare noun would continue.
    const listEnds: boolean[] = [false];
    for (let to = 1; to <= n; to++) {
      let choice: Choice | null = null;
      for (let from = to - 1; from >= Math.max(0, to - MAX_PIECES_PER_GROUP); from--) {
        const prior = best[from];
        const plain = joinText(from, to);
        let group = plain;
        let score = 0;
        if (plain) {
          // Across a line break or ";" only a name written exactly as the directory has it, wrapped over two lines.
          if (parts.slice(from, to - 1).some((p) => HARD.test(p.after)) && !listed(unitWords(plain))) continue;
          // The piece as written, with the head its list shares, or with the cell's first head; the best reading wins.
          const readings = [
            ...(parts[from].head ? [`${parts[from].head} ${plain}`] : []),
            plain,
            ...(firstHead && from > 0 && !headOf(unitWords(plain)) ? [`${firstHead} ${plain}`] : []),
          ];
          score = -Infinity;
          for (const reading of readings) {
            let readingScore = groupScore(reading, to - from, listEnds[from]);
            if (reading !== plain && !parts[from].head) {
              // A borrowed head counts only where it makes a directory name, and less than a name written whole.
              readingScore = readingScore >= SCORE.loosePerPiece ? SCORE.borrowedPerPiece * (to - from) : -Infinity;
            }
            if (readingScore > score) {
              score = readingScore;
              group = reading;
            }
          }
        }
        const total = prior.score + score;
        const groups = prior.groups + (group ? 1 : 0);
        if (!choice || total > choice.score || (total === choice.score && groups < choice.groups)) choice = { score: total, groups, from, text: group };
      }
      // A single piece crosses no separator, so there is always a choice.
      best[to] = choice as Choice;
      listEnds[to] = genericList(best[to].text);
    }
    const out: string[] = [];
    // Stryker disable next-line EqualityOperator: best[0] has no text and leads to -1, so the walk ends there either way.
    for (let to = n; to > 0; to = best[to].from) if (best[to].text) out.unshift(best[to].text);
    return out;
  }

  const cells = new BoundedMemo<string, ResolvedUnit[]>(20_000);
  return {
    resolve,
    split,
    resolveCell: (value) => cells.get(value) ?? cells.set(value, split(value).map(resolve)),
  };
}

/**
 * Split a lead/coordinating cell into unit names as written, with the default directories.
 * @example splitUnits('Bộ Khoa học và Công nghệ, Bộ Y tế') // ['Bộ Khoa học và Công nghệ', 'Bộ Y tế']
 */
export function splitUnits(value: string): string[] {
  return createUnitResolver().split(value);
}
