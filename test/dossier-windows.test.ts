/**
 * The one-stop-shop table at the edges of its window (a dossier received or returned on the first or last day, due on
 * the day the window is judged), empty cells as Google Sheets hands them over (""), an export without a return-date
 * column, and which sheet and columns are taken for the dossier list. Expected values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { dossierTable, findDossierSheet, withDossierSheet } from '../src/core/measuring/dossiers';
import { DEFAULT_INDICATORS } from '../src/core/measuring/indicators';
import type { CellValue } from '../src/core/types';
import { utc } from './fixtures/sheets';

const Q1 = { start: '2024-01-01', end: '2024-03-31' };

describe('the one-stop-shop table at the edges of the window', () => {
  it('counts each dossier once as received and once as resolved or in progress, judging the edges of Q1 by the day', () => {
    // As of 10/04/2024 the window Q1/2024 is judged at its end, 31/03.
    const columns = {
      received: [
        utc(31, 3, 2024), // A: received on the last day, due 05/04, not returned: new, not yet due
        utc(20, 12, 2023), // B: received in December, returned on 01/01 (the first day), due 02/01: carried over, early
        utc(1, 1, 2024), // C: received on the first day: new; returned on its due day: on time
        utc(5, 2, 2024), // D: due 15/02, returned 20/02: late
        utc(10, 3, 2024), // E: due 31/03, the day the window is judged, not returned: not yet due
        utc(15, 3, 2024), // F: due 25/03, returned 05/04 (after the window): still in progress at its end, overdue
        utc(20, 3, 2024), // G: due 31/03, returned 31/03 (the last day): on time
        '', // an empty row of the export
      ] as CellValue[],
      due: [utc(5, 4, 2024), utc(2, 1, 2024), utc(10, 1, 2024), utc(15, 2, 2024), utc(31, 3, 2024), utc(25, 3, 2024), utc(31, 3, 2024), ''],
      returned: ['', utc(1, 1, 2024), utc(10, 1, 2024), utc(20, 2, 2024), '', utc(5, 4, 2024), utc(31, 3, 2024), ''],
    };
    expect(dossierTable(columns, Q1, '2024-04-10')).toEqual({
      carriedOver: 1, newOnline: 0, newInPerson: 6, newByPost: 0, early: 1, onTime: 2, late: 1, notYetDue: 2, overdue: 1, skipped: 0,
    });
  });

  it('leaves out a dossier returned before the window began, and one received after it ended', () => {
    const columns = {
      received: [utc(10, 12, 2023), utc(1, 4, 2024), utc(15, 1, 2024)],
      due: [utc(20, 12, 2023), utc(10, 4, 2024), utc(25, 1, 2024)],
      returned: [utc(31, 12, 2023), null, utc(24, 1, 2024)],
    };
    expect(dossierTable(columns, Q1, '2024-04-10')).toEqual({
      carriedOver: 0, newOnline: 0, newInPerson: 1, newByPost: 0, early: 1, onTime: 0, late: 0, notYetDue: 0, overdue: 0, skipped: 0,
    });
  });

  it('reads an export without a return-date column as nothing returned yet', () => {
    // As of 10/04: due 20/03 has passed by 31/03, due 05/04 has not.
    const columns = { received: [utc(5, 3, 2024), utc(25, 3, 2024)], due: [utc(20, 3, 2024), utc(5, 4, 2024)] };
    expect(dossierTable(columns, Q1, '2024-04-10')).toEqual({
      carriedOver: 0, newOnline: 0, newInPerson: 2, newByPost: 0, early: 0, onTime: 0, late: 0, notYetDue: 1, overdue: 1, skipped: 0,
    });
  });

  it('judges what is overdue on the as-of date when the window has not ended yet', () => {
    // As of 15/03/2024: due 15/03 is today (not yet overdue), due 14/03 was yesterday.
    const columns = { received: [utc(1, 3, 2024), utc(1, 3, 2024)], due: [utc(15, 3, 2024), utc(14, 3, 2024)], returned: [null, null] };
    expect(dossierTable(columns, Q1, '2024-03-15')).toMatchObject({ notYetDue: 1, overdue: 1 });
  });
});

describe('finding the dossier list', () => {
  it('wants a received-date column: a list of appointments alone is not a dossier list', () => {
    const grid: CellValue[][] = [['STT', 'Mã hồ sơ', 'Ngày hẹn trả', 'Trực tuyến'], [1, 'H12.34-240401-0001', utc(10, 4, 2024), 'Có']];
    expect(findDossierSheet({ sheets: [{ name: 'Lịch hẹn', grid }] })).toBeNull();
  });

  it('takes a list with received dates and the filing channel only', () => {
    const grid: CellValue[][] = [['Ngày tiếp nhận', 'Trực tuyến'], [utc(1, 4, 2024), 'Có']];
    expect(findDossierSheet({ sheets: [{ name: 'Hồ sơ', grid }] })).toEqual({
      sheet: 'Hồ sơ',
      headerRow: 1,
      columns: { received: 0, online: 1 },
      data: { received: [utc(1, 4, 2024)], due: undefined, returned: undefined, online: ['Có'], digitised: undefined },
    });
  });

  it('reads the first of two columns that could each give the filing channel', () => {
    const grid: CellValue[][] = [['Ngày tiếp nhận', 'Hình thức nộp', 'Mức độ'], [utc(1, 4, 2024), 'Trực tuyến', 'Mức độ 2']];
    const found = findDossierSheet({ sheets: [{ name: 'Hồ sơ', grid }] });
    expect(found?.columns).toEqual({ received: 0, online: 1 });
    expect(found?.data.online).toEqual(['Trực tuyến']);
  });

  it('names the sheet and the number of dossiers as the figures’ basis, with no word of skipped rows when there are none', () => {
    const grid: CellValue[][] = [
      ['Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả'],
      [utc(1, 4, 2024), utc(10, 4, 2024), utc(9, 4, 2024)],
      [utc(2, 4, 2024), utc(10, 4, 2024), utc(12, 4, 2024)],
    ];
    const definitions = DEFAULT_INDICATORS.filter((d) => d.id === 'dossier_on_time');
    const { indicators, indicatorValues } = withDossierSheet(
      { sheets: [{ name: 'Hồ sơ một cửa', grid }] },
      { start: '2024-04-01', end: '2024-06-30' },
      '2024-05-15',
      definitions,
      {},
    );
    expect(indicatorValues).toEqual({ dossier_on_time: 0.5 });
    expect(indicators.map((d) => d.basis)).toEqual(['Trang "Hồ sơ một cửa" (2 hồ sơ)']);
  });
});
