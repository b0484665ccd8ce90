/** Text normalisation every reader relies on; expected values written by hand. */
import { describe, expect, it } from 'vitest';
import { cleanText, columnLetter, foldKey, foldText, formatPercent, isErrorCell } from '../src/core/reading/text';

describe('clean text', () => {
  it('makes pasted text plain: NFC, ordinary spaces, no invisibles, single spaces, trimmed lines', () => {
    expect(cleanText('Sở Y tế'.normalize('NFD'))).toBe('Sở Y tế');
    expect(cleanText('\u00a0Văn\u2003phòng\tSở\u00a0')).toBe('Văn phòng Sở');
    // A zero-width space stands where a space was; the other invisibles are dropped.
    expect(cleanText('Văn\u200bphòng')).toBe('Văn phòng');
    expect(cleanText('Thanh\u00adtra\ufeff Sở')).toBe('Thanhtra Sở');
    expect(cleanText('Quý  I   /2024')).toBe('Quý I /2024');
    expect(cleanText('Sở Y tế')).toBe('Sở Y tế');
  });

  it('keeps line breaks between lines, one blank line at most inside, none at the ends', () => {
    expect(cleanText('Quý I\r\nQuý II\rQuý III')).toBe('Quý I\nQuý II\nQuý III');
    expect(cleanText('\n\n  Văn phòng Sở  \n\n\n  Thanh tra Sở \n\n')).toBe('Văn phòng Sở\n\nThanh tra Sở');
    expect(cleanText(' \n ')).toBe('');
    expect(cleanText('Văn phòng Sở\n\n\n\nThanh tra Sở\n\nPhòng Y')).toBe('Văn phòng Sở\n\nThanh tra Sở\n\nPhòng Y');
  });
});

describe('folded text for comparison', () => {
  it('drops accents and case, đ becomes d, line breaks stay', () => {
    expect(foldText('ĐƠN VỊ Chủ Trì\nVăn phòng')).toBe('don vi chu tri\nvan phong');
    expect(foldText('Quý  I/2020')).toBe('quy i/2020');
    expect(foldText('Đắk Nông'.normalize('NFD'))).toBe('dak nong');
  });

  it('reads a whole cell as one line without its bullet or trailing punctuation', () => {
    expect(foldKey('- Đã hoàn thành.')).toBe('da hoan thanh');
    expect(foldKey('• Nội dung\nnhiệm vụ;: ')).toBe('noi dung nhiem vu');
    expect(foldKey('+ – * Ghi chú,')).toBe('ghi chu');
    expect(foldKey('Quý I/2024.')).toBe('quy i/2024');
  });
});

describe('figures and addresses', () => {
  it('writes rates with a decimal comma and one decimal, and a dash for no rate', () => {
    expect([formatPercent(0.733), formatPercent(1), formatPercent(0), formatPercent(0.0005), formatPercent(null)]).toEqual(['73,3%', '100,0%', '0,0%', '0,1%', '—']);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('knows the error values spreadsheets show, and nothing else', () => {
    for (const v of ['#REF!', '#N/A', ' #VALUE! ', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#ERROR!', '#n/a']) expect(isErrorCell(v)).toBe(true);
    for (const v of ['#1', 'N/A', '# REF!', 'REF!', 42, null]) expect(isErrorCell(v)).toBe(false);
  });
});
