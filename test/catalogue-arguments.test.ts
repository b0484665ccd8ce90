/**
 * The custom functions' arguments as hosts hand them over: a period typed in a 1×1 range or next to an empty cell,
 * an empty cell given as "" (Google Sheets) or null, a task led by two units, a custom unit directory, and the
 * reporting convention and plan year of the workbook's settings. Expected values worked out by hand from the
 * domain rules; as of 10/04/2024 unless said otherwise.
 */
import { describe, expect, it } from 'vitest';
import { callCatalogue, CatalogueError, type CatalogueContext } from '../src/core/functions/catalogue';
import type { Grid } from '../src/core/types';
import { HEADER, utc } from './fixtures/sheets';

const ctx: CatalogueContext = { asOf: '2024-04-10', planYear: 2024 };
const call = (name: string, args: unknown[], context: CatalogueContext = ctx) => callCatalogue(name, args as never, context);

/** Three tasks due in Q1/2024 (one on time, one late, one overdue) and one done on time in Q2. */
const PLAN: Grid = [
  ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
  HEADER,
  [1, 'Rà soát, công bố thủ tục hành chính', 'Văn phòng Sở', '31/03/2024', 'Đã hoàn thành', utc(30, 3, 2024)],
  [2, 'Kiện toàn bộ phận một cửa', 'Văn phòng Sở', '15/02/2024', 'Đã hoàn thành', utc(20, 2, 2024)],
  [3, 'Kiểm tra công tác CCHC tại các đơn vị', 'Thanh tra Sở', '31/03/2024', 'Đang thực hiện', null],
  [4, 'Báo cáo kết quả CCHC 6 tháng', 'Văn phòng Sở', '30/06/2024', 'Đã hoàn thành', utc(1, 4, 2024)],
];

describe('a period typed in a range', () => {
  // Q2/2024: only task 4, done on 01/04 → 1 of 1. With no period (01/01 to today): tasks 1–3 → 2 of 3.
  it('reads the period from a 1×1 range rather than taking the plan year to date', () => {
    expect(call('CCHC_DONE', [[['Q2/2024']], null, PLAN])).toBe(1);
    expect(call('CCHC_DONE', [null, null, PLAN])).toBe(2 / 3);
  });

  it('reads the period from the one filled cell of a range, passing over an empty one before it', () => {
    expect(call('CCHC_DONE', [[['', 'Quý II/2024']], null, PLAN])).toBe(1);
    expect(call('CCHC_DONE', [[[null, 'Quý II/2024']], null, PLAN])).toBe(1);
  });

  it('takes TRUE in a 1×1 range as asking for the detail row of a dossier rate', () => {
    // 2024: two dossiers received, one online.
    const received = [[utc(5, 3, 2024)], [utc(6, 3, 2024)]];
    expect(call('CCHC_DOSSIER_ONLINE', [received, [['Trực tuyến'], ['Trực tiếp']], '2024', [[true]]])).toEqual([[0.5, 2, 0]]);
  });
});

describe('empty cells as the hosts pass them', () => {
  it('takes an empty completion-date cell given as "" as no date, so the date in the status text counts', () => {
    // Due 31/03/2024, "done on 02/04/2024": two days late.
    expect(call('CCHC_STATUS', ['31/03/2024', 'Đã hoàn thành ngày 02/04/2024', '', 2024])).toBe('Trễ hạn');
  });

  it('takes an empty completion-date cell given as null beside ranges as no date, so the status text’s date counts', () => {
    expect(
      call('CCHC_STATUS', [[['31/03/2024'], ['15/03/2024']], [['Đã hoàn thành ngày 02/04/2024'], ['Đã hoàn thành ngày 10/03/2024']], null, 2024]),
    ).toEqual([['Trễ hạn'], ['Đúng hạn']]);
  });
});

describe('lead units', () => {
  const SHARED: Grid = [
    ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
    HEADER,
    [1, 'Rà soát quy trình nội bộ giải quyết TTHC', 'Văn phòng Sở; Thanh tra Sở', '31/03/2024', 'Đã hoàn thành', utc(25, 3, 2024)],
    [2, 'Thanh tra công vụ', 'Thanh tra Sở', '31/03/2024', 'Đang thực hiện', null],
  ];

  it('counts a task led by two units for each of them', () => {
    // Thanh tra Sở: task 1 on time, task 2 overdue → 1 of 2. Văn phòng Sở: task 1 → 1 of 1.
    expect(call('CCHC_ONTIME', ['Q1/2024', 'Thanh tra Sở', SHARED])).toBe(0.5);
    expect(call('CCHC_ONTIME', ['Q1/2024', 'VP Sở', SHARED])).toBe(1);
  });

  it('reads the range’s lead units with the workbook’s own unit directory', () => {
    const units = [{ name: 'Tổ Cải cách hành chính', aliases: ['Tổ CCHC'] }];
    const plan: Grid = [
      ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
      HEADER,
      [1, 'Cập nhật bộ TTHC trên Cổng dịch vụ công', 'Tổ CCHC', '31/03/2024', 'Đang thực hiện', null],
    ];
    expect(call('CCHC_OVERDUE', ['Q1/2024', 'Tổ Cải cách hành chính', plan], { ...ctx, units })).toBe(1);
  });

  it('names the range it was given when it finds no appendix table in it', () => {
    const result = call('CCHC_ONTIME', ['Q1/2024', null, [['Họ và tên', 'Chức vụ'], ['Nguyễn Văn A', 'Chuyên viên']]]);
    expect(result).toBeInstanceOf(CatalogueError);
    expect((result as CatalogueError).message).toContain('trong các trang tính: "Phạm vi"');
  });
});

describe('dossier periods under the workbook’s settings', () => {
  const received = [[utc(20, 12, 2023)], [utc(10, 3, 2024)], [utc(20, 3, 2024)]];
  const online = [['Có'], ['Không'], ['Không']];

  it('reads a quarter from the 15th to the 14th under the NĐ 09/2019 convention', () => {
    // 15/12/2023–14/03/2024: the dossiers of 20/12 (online) and 10/03 → 1 of 2.
    expect(call('CCHC_DOSSIER_ONLINE', [received, online, 'Q1/2024', true], { ...ctx, cutoff: 'nd09' })).toEqual([[0.5, 2, 0]]);
    // Calendar quarter 01/01–31/03: 10/03 and 20/03, neither online.
    expect(call('CCHC_DOSSIER_ONLINE', [received, online, 'Q1/2024', true])).toEqual([[0, 2, 0]]);
  });

  it('takes a period written without a year in the plan year, not the current year', () => {
    const dossiers = [[utc(15, 2, 2023)], [utc(15, 2, 2024)]];
    const channel = [['Trực tuyến'], ['Trực tiếp']];
    // Plan year 2023: "Quý I" is 01/01–31/03/2023, holding the online dossier only.
    expect(call('CCHC_DOSSIER_ONLINE', [dossiers, channel, 'Quý I'], { asOf: '2024-04-10', planYear: 2023 })).toBe(1);
    // No plan year: the year of today, 2024.
    expect(call('CCHC_DOSSIER_ONLINE', [dossiers, channel, 'Quý I'], { asOf: '2024-04-10' })).toBe(0);
  });
});
