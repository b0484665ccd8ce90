/**
 * A section of the appendix as a heading of the official document: a heading typed in capitals is written in
 * sentence case, but an abbreviation keeps its capitals (it is no Vietnamese word).
 */
import { describe, expect, it } from 'vitest';
import { sectionTitle } from '../src/core/presenting/document';

describe('a heading typed in capitals', () => {
  it.each([
    ['II. CẢI CÁCH TTHC', 'Cải cách TTHC'],
    ['VI. CHÍNH QUYỀN ĐIỆN TỬ (CĐS)', 'Chính quyền điện tử (CĐS)'],
    ['1. TRIỂN KHAI THEO NĐ 30/2020/NĐ-CP', 'Triển khai theo NĐ 30/2020/NĐ-CP'],
    ['VII. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC', 'Công tác chỉ đạo, điều hành CCHC'],
    ['ỨNG DỤNG CNTT, HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG ISO', 'Ứng dụng CNTT, hệ thống quản lý chất lượng ISO'],
    ['NGƯỜI ĐỨNG ĐẦU UBND, HĐND', 'Người đứng đầu UBND, HĐND'],
  ])('keeps the abbreviations of "%s" in capitals', (heading, title) => {
    expect(sectionTitle(heading)).toBe(title);
  });

  it('writes every Vietnamese word in lower case, whatever its spelling (gi-, qu-, ngh-, three vowels, -nh, -ch)', () => {
    expect(sectionTitle('KHUYẾN KHÍCH NGHIÊN CỨU, GIẢI QUYẾT NHANH HỒ SƠ CỦA NGƯỜI DÂN')).toBe('Khuyến khích nghiên cứu, giải quyết nhanh hồ sơ của người dân');
  });
});
