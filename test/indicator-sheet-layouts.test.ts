/**
 * The indicator sheet laid out as staff lay it out: the period, the target or the result in the first column, the
 * appendix (with its own "Kết quả thực hiện" column) before it, a period cell left empty; and last year's figures
 * beside this year's. Expected values written by hand.
 */
import { describe, expect, it } from 'vitest';
import { readIndicatorSheet, resultsFor } from '../src/core/measuring/indicator-sheet';
import type { CellValue } from '../src/core/types';

const APPENDIX: CellValue[][] = [
  ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Kết quả thực hiện'],
  [1, 'Khảo sát sự hài lòng của người dân', 'Văn phòng Sở', 'Quý III/2024', 'Đã khảo sát 400 phiếu'],
];

describe('where the indicator table is', () => {
  it('passes over the appendix, whose "Kết quả thực hiện" column names no indicator, for the sheet of indicators', () => {
    const indicators: CellValue[][] = [
      ['Chỉ tiêu', 'Mục tiêu', 'Kết quả'],
      ['Tỷ lệ hài lòng của người dân', '87%', '88,5%'],
    ];
    const sheet = readIndicatorSheet({ sheets: [{ name: 'Phụ lục', grid: APPENDIX }, { name: 'Chỉ tiêu', grid: indicators }] });
    expect(sheet?.sheet).toBe('Chỉ tiêu');
    expect(sheet?.entries).toEqual([{ id: 'satisfaction', period: null, value: 0.885 }]);
  });

  it('reads the period from the first column', () => {
    const grid: CellValue[][] = [
      ['Kỳ báo cáo', 'Chỉ tiêu', 'Kết quả'],
      ['Quý I/2024', 'Hồ sơ TTHC giải quyết đúng hẹn', '99%'],
    ];
    expect(readIndicatorSheet({ sheets: [{ name: 'Chỉ tiêu', grid }] })?.entries).toEqual([{ id: 'dossier_on_time', period: 'Quý I/2024', value: 0.99 }]);
  });

  it('reads the target from the first column', () => {
    const grid: CellValue[][] = [
      ['Mục tiêu', 'Chỉ tiêu', 'Kết quả'],
      ['≥ 60%', 'Tỷ lệ sử dụng dịch vụ công trực tuyến', '65%'],
    ];
    const online = readIndicatorSheet({ sheets: [{ name: 'Chỉ tiêu', grid }] })?.definitions.find((d) => d.id === 'online_services');
    expect(online).toMatchObject({ target: 0.6, comparator: '>=', basis: 'Trang "Chỉ tiêu"' });
  });

  it('reads the result from the first column', () => {
    const grid: CellValue[][] = [
      ['Kết quả', 'Chỉ tiêu'],
      ['100%', 'Phản ánh, kiến nghị được xử lý'],
    ];
    expect(readIndicatorSheet({ sheets: [{ name: 'Số liệu', grid }] })?.entries).toEqual([{ id: 'feedback', period: null, value: 1 }]);
  });

  it('gives a result whose period cell is empty no period', () => {
    const grid: CellValue[][] = [
      ['Chỉ tiêu', 'Kỳ', 'Kết quả'],
      ['Văn bản trao đổi dưới dạng điện tử', null, '98%'],
      ['Kết quả giải quyết TTHC được số hóa', '', '100%'],
    ];
    expect(readIndicatorSheet({ sheets: [{ name: 'Chỉ tiêu', grid }] })?.entries).toEqual([
      { id: 'e_documents', period: null, value: 0.98 },
      { id: 'digitised', period: null, value: 1 },
    ]);
  });
});

describe('results for a period', () => {
  it('never takes last year’s figure for the same quarter of this year', () => {
    const entries = [
      { id: 'satisfaction', period: 'Quý I/2023', value: 0.84 },
      { id: 'satisfaction', period: 'Quý I/2024', value: 0.9 },
      { id: 'online_services', period: 'Q1/2023', value: 0.55 },
    ];
    expect(resultsFor(entries, { type: 'Q1', year: 2024 })).toEqual({ values: { satisfaction: 0.9 }, undated: [] });
  });
});
