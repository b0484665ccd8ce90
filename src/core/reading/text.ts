/**
 * Text normalisation shared by every reader in the core.
 *
 * Spreadsheets pasted from Word/PDF carry NFD accents, non-breaking spaces, zero-width characters and
 * stray line breaks; every comparison goes through `foldText`, every displayed value through `cleanText`.
 */

import { BoundedMemo } from '../memo';

// A zero-width space pasted from the web usually stands where a space was; the other invisibles are dropped.
const INVISIBLE = /[\u200C\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\t]/g;

/** Anything that needs work: combining marks (NFD), odd spaces, invisibles, line breaks, runs of spaces, edges. */
const NEEDS_CLEANING = /[\u0300-\u036f\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F-\u2060\u3000\uFEFF\u00AD\t\r\n\v]| {2}|^ | $/;

/** NFC, ordinary spaces, trimmed lines; keeps line breaks (they separate periods and units). */
export function cleanText(value: string): string {
  // Most cells are already clean NFC text: skip the normalisation passes (the reader calls this for every cell).
  if (!NEEDS_CLEANING.test(value)) return value;
  return value
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    // Word's manual line break (a vertical tab) and Unicode's line and paragraph separators are line breaks too.
    .replace(/\r\n?|[\v\u2028\u2029]/g, '\n')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    // One blank line kept between paragraphs; blank lines at the edges go with the trim below.
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n')
    .trim();
}

/**
 * Lower case, no diacritics, `đ` → `d`, single spaces, line breaks kept as `\n`.
 * @example foldText('Quý  I/2020') // 'quy i/2020'
 */
export function foldText(value: string): string {
  const cached = foldCache.get(value);
  if (cached !== undefined) return cached;
  const folded = cleanText(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  return foldCache.set(value, folded);
}

const foldCache = new BoundedMemo<string, string>(20_000);

/** Forget memoised text (benchmarks call this so every run starts cold, as a fresh process does). */
export function resetTextMemo(): void {
  foldCache.clear();
}

/** One line, no trailing punctuation: for matching a whole cell against a phrase table. */
export function foldKey(value: string): string {
  return foldText(value)
    .replace(/\n/g, ' ')
    .replace(/[.;:,\s]+$/g, '')
    .replace(/^[-–•*+\s]+/, '')
    .trim();
}

/** "73,3%" (Vietnamese decimal comma), "—" when there is no rate. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1).replace('.', ',')}%`;
}

/** Excel-style column letters for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const ERROR_CELL = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|ERROR!)/i;

/** A cell showing a formula error (#REF!, #N/A…), as hosts hand them over: the error's text. */
export function isErrorCell(value: unknown): value is string {
  return typeof value === 'string' && ERROR_CELL.test(value.trim());
}
