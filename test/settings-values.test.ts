/**
 * The settings sheet, value by value: what it tells the user beside each setting of the official document, how lists
 * are written into one cell, and how points, addresses and tables are read back when cells are blank, zero, negative
 * or carry a note. Expected values are written by hand from the sheet's rules.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_SHEET, settingsGrid } from '../src/core/settings';
import type { CellValue } from '../src/core/types';

const TITLE = 'CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC';
const read = (grid: CellValue[][]) => readSettings({ sheets: [{ name: SETTINGS_SHEET, grid }] });
const rowOf = (grid: CellValue[][], label: string) => grid.find((r) => r[0] === label) ?? [];

describe('the settings sheet as written', () => {
  it('says beside each heading setting what a blank means or how to write it', () => {
    const grid = settingsGrid();
    const note = (label: string) => String(rowOf(grid, label)[2] ?? '');
    expect(note('Cơ quan cấp trên (văn bản báo cáo)')).toContain('UBND TỈNH');
    expect(note('Cơ quan ban hành')).toContain('SỞ Y TẾ');
    expect(note('Ký hiệu văn bản')).toContain('/BC-SYT');
    expect(note('Địa danh')).toContain('tên tỉnh');
    expect(note('Chức vụ người ký')).toContain('dấu ;');
    expect(note('Nơi nhận')).toContain('dấu ;');
  });

  it('writes a signer\'s title of two lines and several recipients into one cell each, separated by "; "', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      officialReport: { ...DEFAULT_SETTINGS.officialReport, signerTitle: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], recipients: ['Sở Nội vụ', 'Lưu: VT'] },
    };
    const grid = settingsGrid(settings);
    expect(rowOf(grid, 'Chức vụ người ký')[1]).toBe('KT. GIÁM ĐỐC; PHÓ GIÁM ĐỐC');
    expect(rowOf(grid, 'Nơi nhận')[1]).toBe('Sở Nội vụ; Lưu: VT');
  });

  it('leaves a blank row before the PAR criteria table', () => {
    const grid = settingsGrid();
    const at = grid.findIndex((r) => r[0] === 'Tiêu chí tự đánh giá (Chỉ số CCHC)');
    expect(grid[at - 1]).toEqual([null, null, null, null, null]);
  });
});

describe('the PAR criteria as read back', () => {
  it('keeps the two default criteria when the sheet has no criteria table, or one with no rows', () => {
    const defaults = [
      { id: 'responsibilities', name: 'Xác định rõ kết quả cần đạt và trách nhiệm của từng cơ quan, đơn vị', maxPoints: 1 },
      { id: 'completion', name: 'Mức độ hoàn thành kế hoạch cải cách hành chính', maxPoints: 2 },
    ];
    expect(read([[TITLE], ['Một dòng ghi chú'], ['Dòng khác']]).parCriteria).toEqual(defaults);
    expect(read([[TITLE], [], ['Tiêu chí tự đánh giá (Chỉ số CCHC)', 'Điểm tối đa'], []]).parCriteria).toEqual(defaults);
  });

  it('takes zero points as written, and the default for points left blank or negative', () => {
    const back = read([
      [TITLE],
      ['Tiêu chí tự đánh giá (Chỉ số CCHC)', 'Điểm tối đa'],
      ['Mức độ hoàn thành kế hoạch cải cách hành chính', null],
      ['Xác định rõ kết quả cần đạt và trách nhiệm của từng cơ quan, đơn vị', ''],
      ['Mức độ hoàn thành kế hoạch cải cách hành chính', -2],
      ['Xác định rõ kết quả cần đạt và trách nhiệm của từng cơ quan, đơn vị', 0],
      ['Báo cáo định kỳ đầy đủ', null],
    ]);
    expect(back.parCriteria.map((c) => [c.id, c.maxPoints])).toEqual([
      ['completion', 2],
      ['responsibilities', 1],
      ['completion', 2],
      ['responsibilities', 0],
      ['custom_5', 1],
    ]);
  });

  it('knows a default criterion written by its id', () => {
    const back = read([[TITLE], ['Tiêu chí tự đánh giá (Chỉ số CCHC)', 'Điểm tối đa'], ['completion', 4]]);
    expect(back.parCriteria).toEqual([{ id: 'completion', name: 'Mức độ hoàn thành kế hoạch cải cách hành chính', maxPoints: 4 }]);
  });
});

describe('addresses and tables as read back', () => {
  it('takes an e-mail cell only when the whole cell is one address, not a note around one', () => {
    const back = read([
      [TITLE],
      ['E-mail Văn phòng (nhắc hạn báo cáo)', 'Gửi vanphong@syt.gov.vn'],
      ['Danh mục đơn vị', 'Tên gọi khác', 'E-mail'],
      ['Văn phòng Sở', 'VP', 'vanphong@syt.gov.vn (chị Lan)'],
      ['Thanh tra Sở', 'TTra', 'liên hệ thanhtra@syt.gov.vn'],
      ['Phòng Tổ chức cán bộ', 'TCCB', 'tccb@syt.gov.vn'],
    ]);
    expect(back.officeEmail).toBe(DEFAULT_SETTINGS.officeEmail);
    expect(back.units.map((u) => [u.name, u.email ?? null])).toEqual([
      ['Văn phòng Sở', null],
      ['Thanh tra Sở', null],
      ['Phòng Tổ chức cán bộ', 'tccb@syt.gov.vn'],
    ]);
  });

  it('finds the indicator table even in the sheet\'s first row', () => {
    const back = read([
      ['Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Kỳ báo cáo', 'Nguồn số liệu'],
      ['Tỷ lệ hồ sơ giải quyết đúng hạn', '95%', 0.97, 'Q1/2025', 'Phần mềm một cửa'],
    ]);
    // Nine built-in indicators, so the user's own is the tenth.
    expect(back.indicatorResults).toEqual([{ id: 'custom_10', period: 'Q1/2025', value: 0.97 }]);
    expect(back.indicators.map((d) => d.name)).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn');
  });
});
