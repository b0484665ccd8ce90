/** The sheet where staff keep indicator targets and results, read in memory; expected values written by hand. */
import { describe, expect, it } from 'vitest';
import { readIndicatorSheet, readRatio, resultsFor } from '../src/core/measuring/indicator-sheet';
import { makePeriod } from '../src/core/measuring/periods';
import { DEFAULT_INDICATORS } from '../src/core/measuring/indicators';
import type { CellValue } from '../src/core/types';

describe('a ratio as staff write it', () => {
  it.each([
    [0.98, 0.98], [98, 0.98], [1, 1], [0, 0], [150, 1.5],
    ['98%', 0.98], ['98 %', 0.98], ['98,5%', 0.985], ['0,98', 0.98], ['0.5%', 0.005], ['1', 1], ['70', 0.7],
    ['≥ 98%', 0.98], ['>=98%', 0.98], ['> 90%', 0.9], ['trên 90%', 0.9], ['Trên 90 %', 0.9],
    ['khoảng 90%', null], ['cao', null], ['', null], [null, null], [Number.NaN, null], [Number.POSITIVE_INFINITY, null], [true, null],
    // Spaces anywhere around the parts; nothing after the number but a percent sign.
    ['trên  90%', 0.9], ['tren  90 %', 0.9], [' 95 % ', 0.95], ['tren90%', null], ['90% kế hoạch', null], ['90%x', null],
  ] as const)('reads %j as %j', (value, expected) => {
    expect(readRatio(value as CellValue)).toBe(expected);
  });
});

describe('a target\'s comparison', () => {
  it('is strict only for ">" or "trên" written first (spaces before allowed), not for ">=" or "≥"', () => {
    const comparatorOf = (target: string) =>
      readIndicatorSheet({ sheets: [{ name: 'Chỉ tiêu', grid: [['Chỉ tiêu', 'Mục tiêu', 'Kết quả'], ['Tỷ lệ A', target, 0.5]] }] })?.definitions.find((d) => d.name === 'Tỷ lệ A')?.comparator;
    expect(comparatorOf('  > 90%')).toBe('>');
    expect(comparatorOf('Trên 90%')).toBe('>');
    expect(comparatorOf('>= 90%')).toBe('>=');
    expect(comparatorOf('≥ 90%')).toBe('>=');
    expect(comparatorOf('90%')).toBe('>=');
  });
});

describe('the indicator sheet', () => {
  const grid: CellValue[][] = [
    ['CHỈ TIÊU CCHC NĂM 2024'],
    ['STT', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả'],
    [1, 'Hồ sơ TTHC giải quyết đúng hẹn', '≥ 95%', '97%'],
    [2, 'satisfaction', 'trên 90%', 0.92],
    [3, 'Tỷ lệ cán bộ được đào tạo', null, 80],
    [4, '   ', '50%', '60%'],
    [5, 'Văn bản trao đổi dưới dạng điện tử', 'cao', null],
    [6, 'Tỷ lệ phòng có ISO', 1, 1],
  ];

  it('matches rows to indicators by name or id, takes their targets and results, and adds the ones it does not know', () => {
    const sheet = readIndicatorSheet({ sheets: [{ name: 'PL', grid: [['TT', 'Nội dung']] }, { name: 'Chỉ tiêu', grid }] });
    expect(sheet?.sheet).toBe('Chỉ tiêu');
    const byId = new Map(sheet?.definitions.map((d) => [d.id, d]));
    expect(byId.get('dossier_on_time')).toMatchObject({ target: 0.95, comparator: '>=', basis: 'Trang "Chỉ tiêu"' });
    expect(byId.get('satisfaction')).toMatchObject({ target: 0.9, comparator: '>', basis: 'Trang "Chỉ tiêu"' });
    // An unreadable target keeps the default one and its basis.
    expect(byId.get('e_documents')).toMatchObject({ target: 0.98, comparator: '>=', basis: 'Hệ thống quản lý văn bản (nhập kết quả)' });
    // Nine defaults, then the sheet's own, numbered after them.
    expect(sheet?.definitions.slice(9)).toEqual([
      { id: 'custom_10', name: 'Tỷ lệ cán bộ được đào tạo', target: 1, comparator: '>=', points: 1, source: 'manual', basis: 'Trang "Chỉ tiêu"' },
      { id: 'custom_11', name: 'Tỷ lệ phòng có ISO', target: 1, comparator: '>=', points: 1, source: 'manual', basis: 'Trang "Chỉ tiêu"' },
    ]);
    // The sheet names no period: every readable result is read, with none ("cao" under Kết quả is no result).
    expect(sheet?.entries).toEqual([
      { id: 'dossier_on_time', period: null, value: 0.97 },
      { id: 'satisfaction', period: null, value: 0.92 },
      { id: 'custom_10', period: null, value: 0.8 },
      { id: 'custom_11', period: null, value: 1 },
    ]);
  });

  it('never changes the defaults it was given', () => {
    readIndicatorSheet({ sheets: [{ name: 'Chỉ tiêu', grid }] });
    expect(DEFAULT_INDICATORS.find((d) => d.id === 'dossier_on_time')).toMatchObject({ target: 0.98, basis: 'Phần mềm một cửa (trang hồ sơ hoặc nhập kết quả)' });
  });

  it('reads results without a target column, and looks for the header in the first 30 rows only', () => {
    const noTarget = readIndicatorSheet({ sheets: [{ name: 'KQ', grid: [['Tên chỉ số', 'Kết quả đạt được'], ['Tỷ lệ hài lòng của người dân', '88%']] }] });
    expect(noTarget?.entries).toEqual([{ id: 'satisfaction', period: null, value: 0.88 }]);
    expect(noTarget?.definitions.find((d) => d.id === 'satisfaction')?.target).toBe(0.87);
    const at = (row: number): CellValue[][] => [...Array.from({ length: row - 1 }, () => ['…']), ['Chỉ tiêu', 'Kết quả'], ['Tỷ lệ hài lòng của người dân', 0.9]];
    expect(readIndicatorSheet({ sheets: [{ name: 'KQ', grid: at(30) }] })?.entries).toEqual([{ id: 'satisfaction', period: null, value: 0.9 }]);
    expect(readIndicatorSheet({ sheets: [{ name: 'KQ', grid: at(31) }] })).toBeNull();
    expect(readIndicatorSheet({ sheets: [{ name: 'KQ', grid: [['Chỉ tiêu', 'Mục tiêu']] }] })).toBeNull();
  });
});

describe('the default indicators', () => {
  it('name a data source for each figure, never a province or a document of one', () => {
    for (const d of DEFAULT_INDICATORS) {
      expect(d.basis, d.id).toMatch(/\S/);
      expect(d.basis, d.id).not.toMatch(/tỉnh|thành phố|Sở Y tế|Đồng Nai|Bà Rịa|\d+\/|CTr|KH CCHC/i);
    }
  });
});

describe('results for a period', () => {
  it('takes the first row naming the period, reads the period as written, and lists results that name none', () => {
    const entries = [
      { id: 'a', period: 'Quý I/2025', value: 0.5 },
      { id: 'a', period: 'Q1/2025', value: 0.6 },
      { id: 'b', period: '2025', value: 0.7 },
      { id: 'c', period: null, value: 0.8 },
      { id: 'd', period: 'tháng sau', value: 0.9 },
      { id: 'e', period: null, value: 0.1 },
      { id: 'e', period: 'Q1/2025', value: 0.2 },
    ];
    expect(resultsFor(entries, makePeriod('Q1', 2025))).toEqual({ values: { a: 0.5, e: 0.2 }, undated: ['c', 'd'] });
    // "2025" is the year's result, not a quarter's.
    expect(resultsFor(entries, makePeriod('Y', 2025)).values).toEqual({ b: 0.7 });
    // Under NĐ 09 windows the same words name the same period.
    expect(resultsFor(entries, makePeriod('Q1', 2025, 'nd09'), 'nd09').values).toEqual({ a: 0.5, e: 0.2 });
  });
});
