/**
 * Counting one-stop-shop dossiers, case by case, in memory: what is received in the period, what is settled, what is
 * on time (QĐ 766: returned on or before the promised date), and what is skipped. Expected values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { cellsOf, countDossiers, dossierRates, dossierTable, findDossierSheet, withDossierSheet, yesNo } from '../src/core/measuring/dossiers';
import { DOSSIER_ROWS } from './fixtures/workbooks';
import { DEFAULT_INDICATORS } from '../src/core/measuring/indicators';
import type { CellValue } from '../src/core/types';
import { utc } from './fixtures/sheets';

const Q2 = { start: '2024-04-01', end: '2024-06-30' };
const AS_OF = '2024-05-15';

describe('counting dossiers', () => {
  it('takes the dossiers received from the first to the last day of the period, in any date form', () => {
    // 45383 is 01/04/2024 as a serial day (45292 is 01/01/2024, plus 31 + 29 + 31 days).
    const received: CellValue[] = [utc(31, 3, 2024), utc(1, 4, 2024), 45383, '30/06/2024', '01/07/2024', 'ngày 15/5/2024', null, ''];
    expect(countDossiers({ received }, Q2, AS_OF)).toEqual({ received: 4, settled: 0, onTime: 0, online: 0, digitised: 0, skipped: 0 });
    expect(countDossiers({ received }, null, AS_OF).received).toBe(6);
  });

  it('skips a row whose received date is unreadable, an error or a number that is no date, and says how many', () => {
    const received: CellValue[] = ['hôm qua', '#N/A', 12, 45383];
    expect(countDossiers({ received }, Q2, AS_OF)).toMatchObject({ received: 1, skipped: 3 });
  });

  it('counts a dossier returned on its promised day as on time, a day later as late, and an unreturned one as late once the promised day has passed', () => {
    const columns = {
      received: [utc(1, 4, 2024), utc(1, 4, 2024), utc(1, 4, 2024), utc(1, 4, 2024), utc(1, 4, 2024), utc(1, 4, 2024)],
      due: [utc(10, 4, 2024), utc(10, 4, 2024), utc(10, 4, 2024), utc(14, 5, 2024), utc(15, 5, 2024), utc(20, 5, 2024)],
      returned: [utc(9, 4, 2024), utc(10, 4, 2024), utc(11, 4, 2024), null, null, null],
    };
    // Returned: 3 settled, 2 on time. Unreturned: due 14/05 has passed at 15/05 (settled, late); due 15/05 and 20/05 have not.
    expect(countDossiers(columns, Q2, AS_OF)).toEqual({ received: 6, settled: 4, onTime: 2, online: 0, digitised: 0, skipped: 0 });
    expect(dossierRates(countDossiers(columns, Q2, AS_OF))).toEqual({ onTime: 0.5, online: 0, digitised: 0 });
  });

  it('counts dossiers as not returned when the export has no return-date column', () => {
    // As of 15/05: the one due 10/04 is settled late by now, the one due 30/05 is still in time.
    const columns = { received: [utc(1, 4, 2024), utc(2, 4, 2024)], due: [utc(10, 4, 2024), utc(30, 5, 2024)] };
    expect(countDossiers(columns, Q2, AS_OF)).toEqual({ received: 2, settled: 1, onTime: 0, online: 0, digitised: 0, skipped: 0 });
  });

  it('skips a dossier whose promised date is missing or whose return date is unreadable, but not one not yet returned', () => {
    const columns = {
      received: [utc(1, 4, 2024), utc(1, 4, 2024), utc(1, 4, 2024)],
      due: [null, utc(10, 4, 2024), utc(30, 5, 2024)],
      returned: [utc(5, 4, 2024), 'đã trả', ''],
    };
    expect(countDossiers(columns, Q2, AS_OF)).toEqual({ received: 1, settled: 0, onTime: 0, online: 0, digitised: 0, skipped: 2 });
  });

  it('counts online and digitised dossiers among those received', () => {
    const columns = {
      received: [utc(1, 4, 2024), utc(2, 4, 2024), utc(3, 4, 2024), utc(1, 3, 2024)],
      online: ['Trực tuyến', 'Trực tiếp', 'Mức độ 4', 'Trực tuyến'],
      digitised: ['x', null, 'Có', 'x'],
    };
    // The fourth was received in March: not in the period.
    expect(countDossiers(columns, Q2, AS_OF)).toEqual({ received: 3, settled: 0, onTime: 0, online: 2, digitised: 2, skipped: 0 });
    expect(dossierRates(countDossiers(columns, Q2, AS_OF))).toEqual({ onTime: null, online: 2 / 3, digitised: 2 / 3 });
  });

  it('gives no rate where nothing was received or settled', () => {
    expect(dossierRates({ received: 0, settled: 0, onTime: 0, online: 0, digitised: 0, skipped: 4 })).toEqual({ onTime: null, online: null, digitised: null });
  });
});

describe('the one-stop-shop table', () => {
  const columns = () => findDossierSheet({ sheets: [{ name: 'Hồ sơ', grid: DOSSIER_ROWS as CellValue[][] }] })!.data;

  it('lays Q1/2024 out as received, resolved and in progress at the end of the window', () => {
    // As of 10/04/2024 for 1/1–31/3: HS-001, 002, 004, 006 online and 003, 005 in person; HS-001 and 006 returned
    // before their due date, 002 on it, 003 after; 004 not returned and due 20/04 (not yet due at 31/03), 005 due
    // 30/03 (overdue); 007 was received in April; 008 and 009 have no readable received date.
    expect(dossierTable(columns(), { start: '2024-01-01', end: '2024-03-31' }, '2024-04-10')).toEqual({
      carriedOver: 0, newOnline: 4, newInPerson: 2, newByPost: 0, early: 2, onTime: 1, late: 1, notYetDue: 1, overdue: 1, skipped: 2,
    });
  });

  it('carries over what was still open when the window began, and judges the rest at the window\'s end', () => {
    // Q2/2024 as of 10/07: HS-004 and 005 were open on 1 April; HS-007 is new; all three are past due by 30/06.
    expect(dossierTable(columns(), { start: '2024-04-01', end: '2024-06-30' }, '2024-07-10')).toEqual({
      carriedOver: 2, newOnline: 1, newInPerson: 0, newByPost: 0, early: 0, onTime: 0, late: 0, notYetDue: 0, overdue: 3, skipped: 2,
    });
    // Before the window ends, the as-of date decides what is overdue: on 15/04, only HS-005 (due 30/03) and
    // HS-007 (due 12/04) are.
    expect(dossierTable(columns(), { start: '2024-04-01', end: '2024-06-30' }, '2024-04-15')).toMatchObject({ notYetDue: 1, overdue: 2 });
  });

  it('counts a dossier filed by post apart, and skips one whose returned date cannot be read', () => {
    const d = (day: number) => utc(day, 2, 2024);
    const table = dossierTable(
      {
        received: [d(1), d(2), d(3)],
        due: [d(10), d(10), d(10)],
        returned: [d(9), 'sai ngày', null],
        online: ['Qua dịch vụ bưu chính công ích', 'Có', 'Không'],
      },
      { start: '2024-01-01', end: '2024-03-31' },
      '2024-04-10',
    );
    expect(table).toEqual({ carriedOver: 0, newOnline: 0, newInPerson: 1, newByPost: 1, early: 1, onTime: 0, late: 0, notYetDue: 0, overdue: 1, skipped: 1 });
  });
});

describe('yes and no as exports write them', () => {
  it.each([
    ['Có', true], ['x', true], ['X', true], [true, true], [1, true], [2, true], ['Trực tuyến', true], ['Mức độ 3', true], ['Mức độ 4', true],
    ['Toàn trình', true], ['Một phần', true], ['Đã số hóa', true], ['1', true],
    ['Không', false], [false, false], [0, false], ['Trực tiếp', false], ['Bưu chính', false], ['Chưa số hóa', false], ['-', false], [' – ', false], ['0', false],
    ['Mức độ 2', null], ['không rõ', null], ['', null], [null, null], ['#N/A', null],
    // A dash or a word counts only as the whole cell: a note that starts or ends with one is no answer.
    ['- xem ghi chú', null], ['ghi chú -', null], ['Có hay không', null], ['không chắc có', null],
  ] as const)('reads %j as %j', (value, expected) => {
    expect(yesNo(value)).toBe(expected);
  });
});

describe('finding the dossier sheet', () => {
  const header = ['STT', 'Mã hồ sơ', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Hình thức nộp', 'Số hóa'];

  it('finds the header in the first 20 rows of any sheet and takes "Ngày hẹn trả" for the promised date, not the return', () => {
    const grid: CellValue[][] = [['DANH SÁCH HỒ SƠ'], [], header, [1, 'HS-01', utc(1, 4, 2024), utc(10, 4, 2024), utc(9, 4, 2024), 'Trực tuyến', 'x']];
    const found = findDossierSheet({ sheets: [{ name: 'Phụ lục', grid: [['TT', 'Nội dung']] }, { name: 'Hồ sơ', grid }] });
    expect(found).toEqual({
      sheet: 'Hồ sơ',
      headerRow: 3,
      columns: { received: 2, due: 3, returned: 4, online: 5, digitised: 6 },
      data: { received: [utc(1, 4, 2024)], due: [utc(10, 4, 2024)], returned: [utc(9, 4, 2024)], online: ['Trực tuyến'], digitised: ['x'] },
    });
  });

  it('looks no further than row 20, and wants a received date with a promised date, a channel or a digitised column', () => {
    const late: CellValue[][] = [...Array.from({ length: 20 }, () => ['…']), header];
    expect(findDossierSheet({ sheets: [{ name: 'Hồ sơ', grid: late }] })).toBeNull();
    const row20: CellValue[][] = [...Array.from({ length: 19 }, () => ['…']), header];
    expect(findDossierSheet({ sheets: [{ name: 'Hồ sơ', grid: row20 }] })?.headerRow).toBe(20);
    expect(findDossierSheet({ sheets: [{ name: 'Hồ sơ', grid: [['STT', 'Ngày tiếp nhận', 'Ghi chú']] }] })).toBeNull();
    expect(findDossierSheet({ sheets: [{ name: 'Hồ sơ', grid: [['Ngày tiếp nhận', 'Số hóa']] }] })?.columns).toEqual({ received: 0, digitised: 1 });
  });
});

describe('a range as a list of cells', () => {
  it('reads one row across and one column down, and nothing as nothing', () => {
    expect(cellsOf([[1, 2, 3]])).toEqual([1, 2, 3]);
    expect(cellsOf([[1], [2], [3]])).toEqual([1, 2, 3]);
    expect(cellsOf([[1, 9], [2, 9]])).toEqual([1, 2]);
    expect(cellsOf(undefined)).toBeUndefined();
  });
});

describe('the dossier sheet in the indicator table', () => {
  it('replaces typed figures with the sheet’s for the indicators its columns feed, naming the sheet and the rows skipped', () => {
    const grid: CellValue[][] = [
      ['Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Hình thức nộp'],
      [utc(1, 4, 2024), utc(10, 4, 2024), utc(9, 4, 2024), 'Trực tuyến'],
      [utc(2, 4, 2024), utc(10, 4, 2024), utc(12, 4, 2024), 'Trực tiếp'],
      [utc(3, 4, 2024), null, null, 'Trực tiếp'],
    ];
    const definitions = DEFAULT_INDICATORS.filter((d) => ['dossier_on_time', 'online_services', 'digitised', 'satisfaction'].includes(d.id));
    const { indicators, indicatorValues } = withDossierSheet({ sheets: [{ name: 'Hồ sơ', grid }] }, Q2, AS_OF, definitions, { digitised: 0.9, satisfaction: 0.95 });
    // 2 counted (the third has no promised date), 1 on time; 1 of 2 online; no digitised column, so the typed 0.9 stays.
    expect(indicatorValues).toEqual({ dossier_on_time: 0.5, online_services: 0.5, digitised: 0.9, satisfaction: 0.95 });
    expect(indicators.map((d) => [d.id, d.basis])).toEqual([
      ['dossier_on_time', 'Trang "Hồ sơ" (2 hồ sơ, bỏ qua 1 dòng lỗi)'],
      ['satisfaction', 'Khảo sát sự hài lòng (nhập kết quả)'],
      ['online_services', 'Trang "Hồ sơ" (2 hồ sơ, bỏ qua 1 dòng lỗi)'],
      ['digitised', 'Phần mềm một cửa (trang hồ sơ hoặc nhập kết quả)'],
    ]);
  });

  it('leaves the typed figures and their basis as they are when the workbook has no dossier sheet', () => {
    const definitions = DEFAULT_INDICATORS.slice(2, 3);
    expect(withDossierSheet({ sheets: [{ name: 'PL', grid: [['TT']] }] }, Q2, AS_OF, definitions, { dossier_on_time: 0.97 })).toEqual({
      indicators: definitions,
      indicatorValues: { dossier_on_time: 0.97 },
    });
  });
});
