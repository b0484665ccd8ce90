/**
 * Text normalisation shared by every reader in the core.
 *
 * Spreadsheets pasted from Word/PDF carry NFD accents, non-breaking spaces, zero-width characters and
 * stray line breaks; every comparison goes through `foldText`, every displayed value through `cleanText`.
 */

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g;

/** NFC, ordinary spaces, trimmed lines; keeps line breaks (they separate periods and units). */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

/**
 * Lower case, no diacritics, `đ` → `d`, single spaces, line breaks kept as `\n`.
 * @example foldText('Quý  I/2020') // 'quy i/2020'
 */
export function foldText(value: string): string {
  return cleanText(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** One line, no trailing punctuation: for matching a whole cell against a phrase table. */
export function foldKey(value: string): string {
  return foldText(value)
    .replace(/\n/g, ' ')
    .replace(/[.;:,\s]+$/g, '')
    .replace(/^[-–•*+\s]+/, '')
    .trim();
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
