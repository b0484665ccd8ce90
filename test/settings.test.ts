/** The tool's settings sheet: what it offers, and how it is read back after a user edits it. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDICATORS } from '../src/core/measuring/indicators';
import { DEFAULT_UNIT_DIRECTORY } from '../src/core/reading/units';
import { DEFAULT_SETTINGS, isSettingsSheet, readSettings, SETTINGS_SHEET, settingsGrid } from '../src/core/settings';
import { DEFAULT_DOCUMENT_SETTINGS } from '../src/core/presenting/document';
import type { CellValue } from '../src/core/types';
import { utc } from './fixtures/sheets';

const read = (grid: CellValue[][], name = SETTINGS_SHEET) => readSettings({ sheets: [{ name: 'PL', grid: [['TT']] }, { name, grid }] });

describe('the settings sheet', () => {
  it('offers every setting with a note, five columns wide, the units and indicators as tables', () => {
    const grid = settingsGrid();
    expect(grid.every((r) => r.length === 5)).toBe(true);
    expect(grid.slice(0, 10).map((r) => r[0])).toEqual([
      'CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC',
      'Sửa các ô ở cột "Giá trị" và các bảng bên dưới (có thể thêm dòng). Công cụ đọc lại trang này mỗi lần chạy.',
      'Kết quả chỉ tiêu ghi kèm kỳ báo cáo (ví dụ Q1/2025, 6 tháng/2025, Năm 2025), mỗi kỳ một dòng: kết quả không ghi kỳ không được dùng.',
      null,
      'Thông số',
      'Ngày tính số liệu',
      'Năm kế hoạch',
      'Cách tính kỳ báo cáo',
      'Tên đơn vị (tiêu đề báo cáo)',
      'Ngày hạn gửi báo cáo (trong tháng cuối kỳ)',
    ]);
    expect(grid[7].slice(1, 3)).toEqual(['Năm dương lịch', '"Năm dương lịch" hoặc "NĐ 09/2019 (từ ngày 15 đến ngày 14)".']);
    expect(grid[9][1]).toBe(20);
    // The daily reminder's two settings (rows 11–12), the official report's seven (rows 13–19), then the tables.
    expect(grid.slice(10, 12)).toEqual([
      ['Nhắc trước hạn (số ngày)', '7; 3; 1', 'Nhắc hạn hằng ngày (Google Trang tính): mỗi mốc một thư, cách nhau bởi dấu ;', null, null],
      ['E-mail Văn phòng (nhắc hạn báo cáo)', null, 'Nhận thư nhắc hạn gửi báo cáo định kỳ. Để trống: không nhắc.', null, null],
    ]);
    expect(grid.slice(12, 19).map((r) => r[0])).toEqual(['Cơ quan cấp trên (văn bản báo cáo)', 'Cơ quan ban hành', 'Ký hiệu văn bản', 'Địa danh', 'Chức vụ người ký', 'Họ tên người ký', 'Nơi nhận']);
    expect(grid[14][1]).toBe('BC-SYT');
    // Then the PAR-index criteria the report assesses, with their points (rows 21–23).
    expect(grid.slice(20, 23)).toEqual([
      ['Tiêu chí tự đánh giá (Chỉ số CCHC)', 'Điểm tối đa', 'Sửa điểm theo quy định của tỉnh; có thể thêm tiêu chí.', null, null],
      ['Xác định rõ kết quả cần đạt và trách nhiệm của từng cơ quan, đơn vị', 1, null, null, null],
      ['Mức độ hoàn thành kế hoạch cải cách hành chính', 2, null, null, null],
    ]);
    expect(grid[24]).toEqual(['Danh mục đơn vị', 'Tên gọi khác (cách nhau bởi dấu ;)', 'E-mail đầu mối (nhắc hạn)', null, null]);
    expect(grid[25]).toEqual([DEFAULT_UNIT_DIRECTORY[0].name, DEFAULT_UNIT_DIRECTORY[0].aliases.join('; '), null, null, null]);
    const indicatorsAt = 26 + DEFAULT_UNIT_DIRECTORY.length;
    expect(grid[indicatorsAt]).toEqual(['Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Kỳ báo cáo', 'Nguồn số liệu']);
    expect(grid[indicatorsAt + 1]).toEqual(['Hoàn thành nhiệm vụ kế hoạch CCHC', 1, '(tự tính từ phụ lục)', null, 'Phụ lục kế hoạch (tự tính)']);
    expect(grid[indicatorsAt + 3]).toEqual(['Hồ sơ TTHC giải quyết đúng hẹn', 0.98, null, null, 'Phần mềm một cửa (trang hồ sơ hoặc nhập kết quả)']);
  });

  it('writes each setting\'s note beside it, with blank rows between the tables', () => {
    const grid = settingsGrid();
    expect(grid.slice(3, 10)).toEqual([
      [null, null, null, null, null],
      ['Thông số', 'Giá trị', 'Ghi chú', null, null],
      ['Ngày tính số liệu', null, 'Để trống: hôm nay. Ghi một ngày để tính số liệu đến ngày đó.', null, null],
      ['Năm kế hoạch', null, 'Để trống: tự nhận từ tiêu đề phụ lục hoặc các thời hạn.', null, null],
      ['Cách tính kỳ báo cáo', 'Năm dương lịch', '"Năm dương lịch" hoặc "NĐ 09/2019 (từ ngày 15 đến ngày 14)".', null, null],
      ['Tên đơn vị (tiêu đề báo cáo)', null, 'Để trống: lấy từ tiêu đề phụ lục ("Sở Y tế tỉnh …").', null, null],
      ['Ngày hạn gửi báo cáo (trong tháng cuối kỳ)', 20, 'Theo chế độ báo cáo quốc gia: ngày 20.', null, null],
    ]);
    expect(grid[19]).toEqual([null, null, null, null, null]);
  });

  it('reads the reminder days (largest first, each once) and the Office\'s e-mail, ignoring what is neither', () => {
    const settings = read([['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC'], ['Nhắc trước hạn (số ngày)', '1; 5;5; mười; 2'], ['E-mail Văn phòng (nhắc hạn báo cáo)', 'vp@syt.gov.vn']]);
    expect(settings.reminderDays).toEqual([5, 2, 1]);
    expect(settings.officeEmail).toBe('vp@syt.gov.vn');
    const blank = read([['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC'], ['Nhắc trước hạn (số ngày)', 'không'], ['E-mail Văn phòng (nhắc hạn báo cáo)', 'Văn phòng Sở']]);
    expect(blank.reminderDays).toEqual([7, 3, 1]);
    expect(blank.officeEmail).toBeNull();
  });

  it('keeps the default units, indicators and unit name when the sheet has no such rows or leaves them blank', () => {
    const settings = read([['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC'], ['Tên đơn vị (tiêu đề báo cáo)', '  '], ['Năm kế hoạch', 2024]]);
    expect(settings.planYear).toBe(2024);
    expect(settings.unitName).toBeNull();
    expect(settings.units).toEqual(DEFAULT_UNIT_DIRECTORY);
    expect(settings.indicators).toEqual(DEFAULT_INDICATORS);
  });

  it('knows an empty sheet is not a settings sheet', () => {
    expect(isSettingsSheet({ name: 'Trang tính1', grid: [] })).toBe(false);
    expect(isSettingsSheet({ name: 'Bản sao', grid: [['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC']] })).toBe(true);
  });

  it('reads back what it wrote, values the user set included', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      asOf: '2024-04-10',
      planYear: 2024,
      cutoff: 'nd09' as const,
      unitName: 'Sở Y tế tỉnh Đắk Nông',
      reportDueDay: 15,
      units: [{ name: 'Văn phòng Sở', aliases: ['VP', 'VPS'] }, { name: 'Thanh tra Sở', aliases: [] }],
      indicatorResults: [
        { id: 'satisfaction', period: 'Q1/2024', value: 0.9 },
        { id: 'satisfaction', period: '6 tháng/2024', value: 0.92 },
      ],
    };
    const back = read(settingsGrid(settings));
    expect(settingsGrid(settings)[5][1]).toEqual(utc(10, 4, 2024));
    expect(back).toMatchObject({ asOf: '2024-04-10', planYear: 2024, cutoff: 'nd09', unitName: 'Sở Y tế tỉnh Đắk Nông', reportDueDay: 15, units: settings.units });
    // Each typed result keeps its own row and period.
    expect(back.indicatorResults).toEqual([
      { id: 'satisfaction', period: 'Q1/2024', value: 0.9 },
      { id: 'satisfaction', period: '6 tháng/2024', value: 0.92 },
    ]);
    expect(back.indicators.map((d) => d.id)).toEqual(DEFAULT_INDICATORS.map((d) => d.id));
  });

  it('reads the indicator table below a long unit directory (past the 30 rows a separate indicator sheet is searched in)', () => {
    const units = Array.from({ length: 40 }, (_, i) => ({ name: `Trạm Y tế xã số ${i + 1}`, aliases: [] }));
    const back = read(settingsGrid({ ...DEFAULT_SETTINGS, units, indicatorResults: [{ id: 'satisfaction', period: 'Q1/2024', value: 0.9 }] }));
    expect(back.units).toHaveLength(40);
    expect(back.indicatorResults).toEqual([{ id: 'satisfaction', period: 'Q1/2024', value: 0.9 }]);
  });

  it('reads the official report\'s heading, signer and recipients, with the defaults for what is left blank', () => {
    const back = read([
      ['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC'],
      ['Cơ quan cấp trên (văn bản báo cáo)', 'UBND TỈNH ĐỒNG NAI'],
      ['Ký hiệu văn bản', 'BC-SYT-VP'],
      ['Chức vụ người ký', 'GIÁM ĐỐC'],
      ['Họ tên người ký', 'Nguyễn Văn A'],
      ['Nơi nhận', 'Sở Nội vụ; UBND tỉnh (b/c)\nLưu: VT'],
    ]);
    expect(back.officialReport).toEqual({
      parentBody: 'UBND TỈNH ĐỒNG NAI',
      issuingBody: null,
      symbol: 'BC-SYT-VP',
      place: null,
      signerTitle: ['GIÁM ĐỐC'],
      signerName: 'Nguyễn Văn A',
      recipients: ['Sở Nội vụ', 'UBND tỉnh (b/c)', 'Lưu: VT'],
    });
    expect(read([['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC']]).officialReport).toEqual(DEFAULT_DOCUMENT_SETTINGS);
  });

  it('reads each unit\'s focal e-mail, and ignores what is not an address', () => {
    const back = read([
      ['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC'],
      ['Danh mục đơn vị', 'Tên gọi khác', 'E-mail đầu mối'],
      ['Văn phòng Sở', 'VP', 'vanphong.syt@dongnai.gov.vn'],
      ['Thanh tra Sở', '', 'hỏi chị Lan'],
    ]);
    expect(back.units).toEqual([
      { name: 'Văn phòng Sở', aliases: ['VP'], email: 'vanphong.syt@dongnai.gov.vn' },
      { name: 'Thanh tra Sở', aliases: [] },
    ]);
  });

  it('takes the province\'s points for the PAR criteria and the criteria it adds', () => {
    const back = read([
      ['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC'],
      ['Tiêu chí tự đánh giá (Chỉ số CCHC)', 'Điểm tối đa'],
      ['mức độ hoàn thành kế hoạch cải cách hành chính', 3],
      ['Ban hành kế hoạch CCHC đúng thời hạn', 1],
      ['Báo cáo định kỳ đầy đủ', 'một'],
      [],
      ['Không phải tiêu chí', 9],
    ]);
    expect(back.parCriteria).toEqual([
      { id: 'completion', name: 'Mức độ hoàn thành kế hoạch cải cách hành chính', maxPoints: 3 },
      { id: 'custom_2', name: 'Ban hành kế hoạch CCHC đúng thời hạn', maxPoints: 1 },
      // Points that are not a number: one point.
      { id: 'custom_3', name: 'Báo cáo định kỳ đầy đủ', maxPoints: 1 },
    ]);
  });

  it('finds each setting by its label wherever the user moved it, and takes a date written as text', () => {
    const back = read([
      ['Ghi chú của tôi'],
      ['Tên đơn vị (tiêu đề báo cáo)', '  Sở Y tế tỉnh Lâm Đồng '],
      ['NGÀY TÍNH SỐ LIỆU', 'ngày 30/06/2024'],
      ['Cách tính kỳ báo cáo', 'Theo Nghị định 09'],
    ]);
    expect(back).toMatchObject({ unitName: 'Sở Y tế tỉnh Lâm Đồng', asOf: '2024-06-30', cutoff: 'nd09', planYear: null, reportDueDay: 20 });
  });

  it.each([
    ['NĐ 09/2019 (từ ngày 15 đến ngày 14)', 'nd09'],
    ['nd09', 'nd09'],
    ['Từ 15 đến 14', 'nd09'],
    ['Năm dương lịch', 'calendar'],
    ['', 'calendar'],
  ])('reads the cut-off "%s" as %s', (written, cutoff) => {
    expect(read([['Cách tính kỳ báo cáo', written]]).cutoff).toBe(cutoff);
  });

  it('keeps the default where a year is outside 1900–2200 or a due day outside 1–31', () => {
    const year = (v: CellValue) => read([['Năm kế hoạch', v]]).planYear;
    const day = (v: CellValue) => read([['Ngày hạn gửi báo cáo (trong tháng cuối kỳ)', v]]).reportDueDay;
    expect([year(1900), year(2200), year('2025'), year(1899), year(2201), year(2024.5), year('năm nay')]).toEqual([1900, 2200, 2025, null, null, null, null]);
    expect([day(1), day(31), day(0), day(32), day(10.5), day(null)]).toEqual([1, 31, 20, 20, 20, 20]);
  });

  it('reads the unit table down to its first blank row, aliases split by ";" or line breaks', () => {
    const back = read([
      ['Danh mục đơn vị', 'Tên gọi khác'],
      ['Văn phòng Sở', 'VP;  VPS ;\nVăn phòng'],
      ['Phòng Nghiệp vụ Y', null],
      [null],
      ['Không phải đơn vị', 'x'],
    ]);
    expect(back.units).toEqual([
      { name: 'Văn phòng Sở', aliases: ['VP', 'VPS', 'Văn phòng'] },
      { name: 'Phòng Nghiệp vụ Y', aliases: [] },
    ]);
    expect(read([['Danh mục đơn vị', 'Tên gọi khác'], []]).units).toBe(DEFAULT_UNIT_DIRECTORY);
  });

  it('is found by its name or by its title, and without it every setting is the default', () => {
    expect(isSettingsSheet({ name: SETTINGS_SHEET, grid: [] })).toBe(true);
    expect(isSettingsSheet({ name: 'Cài đặt (2)', grid: [['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC']] })).toBe(true);
    expect(isSettingsSheet({ name: 'Cài đặt', grid: [['Cài đặt khác']] })).toBe(false);
    expect(read([['Năm kế hoạch', 2024]], 'Khác').planYear).toBeNull();
    expect(readSettings({ sheets: [] })).toEqual({ ...DEFAULT_SETTINGS, indicators: [...DEFAULT_INDICATORS] });
  });
});
