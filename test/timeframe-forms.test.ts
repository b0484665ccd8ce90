/**
 * Time frames as plans write them, phrase by phrase, plan year 2024; every expected value worked out by hand from the
 * calendar and the domain's rules (domain.md: time frames).
 */
import { describe, expect, it } from 'vitest';
import { parseTimeFrame } from '../src/core/reading/timeframe';

const read = (value: string | number | boolean | Date | null) => parseTimeFrame(value, 2024);
const kindAndDates = (value: string | number | boolean | Date | null) => {
  const tf = read(value);
  return [tf.kind, tf.dueDates];
};

describe('work with no single deadline', () => {
  it.each([
    'Thường xuyên', 'Nhiệm vụ thường xuyên', 'Thực hiện thường xuyên', 'Được thực hiện liên tục', 'Liên tục', '; Thường xuyên',
    'Thường xuyên, hằng năm', 'Hằng ngày', 'Mỗi ngày', 'Cả giai đoạn', 'Trong giai đoạn', 'Suốt giai đoạn', 'Giai đoạn', 'Từ năm 2024', 'Từ năm 2024 trở đi',
  ])("reads '%s' as continuous work", (text) => {
    expect(kindAndDates(text)).toEqual(['continuous', []]);
  });

  it.each([
    'Khi có yêu cầu', 'Sau khi có quyết định', 'Ngay sau khi có văn bản', 'Theo kế hoạch', 'Theo lộ trình', 'Theo yêu cầu của Bộ', 'Theo chỉ đạo',
    'Theo hướng dẫn', 'Đột xuất', 'Tùy tình hình', 'Tùy theo thực tế', 'Có yêu cầu', 'Nếu phát sinh', 'Phụ thuộc nguồn vốn', 'Căn cứ văn bản của Bộ',
    'Theo Kế hoạch số 02-KH/BCĐTW ngày 08/8/2013',
  ])("reads '%s' as work on an event", (text) => {
    expect(kindAndDates(text)).toEqual(['event', []]);
  });

  it.each(['Cán bộ thường xuyên', 'Giai đoạn sau', 'Khichưa rõ', 'Báo cáo định kỳ', 'Hằng'])("does not take '%s' for continuous, recurring or event work", (text) => {
    expect(read(text).kind).toBe('unknown');
  });
});

describe('recurring work', () => {
  it('expands a weekly task to every Sunday of the plan year', () => {
    const tf = read('Hằng tuần');
    // 01/01/2024 was a Monday: the first Sunday is 07/01, the last 29/12; 52 in all.
    expect([tf.kind, tf.recurrence, tf.dueDates.length, tf.dueDates[0], tf.dueDates[1], tf.dueDates[51]]).toEqual([
      'recurring', 'weekly', 52, '2024-01-07', '2024-01-14', '2024-12-29',
    ]);
  });

  it('expands a monthly task to each month’s end, or to the stated day, never past a short month’s end', () => {
    expect(read('Hằng tháng').dueDates.slice(0, 4)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    expect(read('trước ngày 25 hằng tháng').dueDates.slice(0, 3)).toEqual(['2024-01-25', '2024-02-25', '2024-03-25']);
    expect(read('ngày 30 hàng tháng').dueDates.slice(1, 3)).toEqual(['2024-02-29', '2024-03-30']);
    expect(read('ngày 0 hàng tháng').dueDates[1]).toBe('2024-02-29');
    expect(read('Mỗi tháng').dueDates).toHaveLength(12);
  });

  it.each([
    ['Mỗi quý', 'quarterly', ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']],
    ['Định kỳ hằng quý', 'quarterly', ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']],
    ['6 tháng một lần', 'half-yearly', ['2024-06-30', '2024-12-31']],
    ['6 tháng/lần', 'half-yearly', ['2024-06-30', '2024-12-31']],
    ['Hằng nửa năm', 'half-yearly', ['2024-06-30', '2024-12-31']],
    ['Định kỳ 6 tháng', 'half-yearly', ['2024-06-30', '2024-12-31']],
    ['Hằng năm', 'yearly', ['2024-12-31']],
    ['trước ngày 05/11 hàng năm', 'yearly', ['2024-11-05']],
    ['ngày 31/02 hằng năm', 'yearly', ['2024-12-31']],
    ['Các năm tiếp theo', 'yearly', ['2024-12-31']],
    ['Mỗi tuần', 'weekly', undefined],
  ] as const)("reads '%s' as %s", (text, recurrence, dates) => {
    const tf = read(text);
    expect([tf.kind, tf.recurrence, tf.due, tf.yearInferred]).toEqual(['recurring', recurrence, null, true]);
    if (dates) expect(tf.dueDates).toEqual(dates);
  });

  it('reads "Định kỳ" alone as recurring with no dates to count', () => {
    expect(read('Định kỳ')).toMatchObject({ kind: 'recurring', dueDates: [], due: null });
    expect(read('Định kỳ').recurrence).toBeUndefined();
  });
});

describe('fixed deadlines in every form', () => {
  it.each([
    ['Nửa đầu năm', 'half', ['2024-06-30']],
    ['Nửa cuối năm 2025', 'half', ['2025-12-31']],
    ['6 tháng đầu năm/2023', 'half', ['2023-06-30']],
    ['6 tháng cuối', 'half', ['2024-12-31']],
    ['Q.2/2024', 'quarter', ['2024-06-30']],
    ['Quý I đến Quý III/2024', 'quarter', ['2024-09-30']],
    ['Quý I + II', 'quarter', ['2024-03-31', '2024-06-30']],
    ['Quý IV năm 2025', 'quarter', ['2025-12-31']],
    ['Tháng 3 năm 2024', 'month', ['2024-03-31']],
    ['tháng 3 - 5/2024', 'month', ['2024-05-31']],
    ['Tháng 6 và tháng 12/2024', 'month', ['2024-06-30', '2024-12-31']],
    ['15/3/24', 'date', ['2024-03-15']],
    ['ngày 5 tháng 4', 'date', ['2024-04-05']],
    ['30/4 và 31/12/2024', 'date', ['2024-04-30', '2024-12-31']],
    ['Quý II/2024 (theo Công văn 123/SYT-VP)', 'quarter', ['2024-06-30']],
    ['Theo kế hoạch, Quý II/2024', 'quarter', ['2024-06-30']],
    ['Cả năm', 'year', ['2024-12-31']],
    ['Trong năm', 'year', ['2024-12-31']],
    ['Năm nay', 'year', ['2024-12-31']],
    ['Cả năm 2025', 'year', ['2025-12-31']],
  ] as const)("reads '%s' as %s %j", (text, kind, dates) => {
    expect(kindAndDates(text)).toEqual([kind, dates]);
  });

  it('says when a year was taken from the plan rather than written', () => {
    expect(read('Quý II').yearInferred).toBe(true);
    expect(read('Quý II/2024').yearInferred).toBe(false);
    expect(read('30/4 và 31/12/2024').yearInferred).toBe(true);
    expect(read('Cả năm').yearInferred).toBe(true);
  });

  it('reads a span of years as due at the end of its last year, keeping the span', () => {
    expect(read('2021 - 2025')).toMatchObject({ kind: 'year', due: '2025-12-31', span: { from: 2021, to: 2025 } });
    expect(read('Giai đoạn 2026–2030')).toMatchObject({ kind: 'year', due: '2030-12-31', span: { from: 2026, to: 2030 } });
    expect(read('Năm 2025').span).toBeUndefined();
  });

  it('explains a month or a year that does not exist', () => {
    expect(read('Tháng 13/2024')).toMatchObject({ kind: 'unknown', dueDates: [], problem: 'tháng 13 không tồn tại' });
    expect(read('Tháng 0, 13/2024')).toMatchObject({ kind: 'unknown', problem: 'tháng 0, 13 không tồn tại' });
    expect(read('Năm 1800')).toMatchObject({ kind: 'unknown', problem: 'không nhận ra ngày, tháng, quý hay năm' });
    expect(read('Quý I/2024, tháng 13')).toMatchObject({ kind: 'quarter', dueDates: ['2024-03-31'], problem: 'tháng 13 không tồn tại' });
  });
});

describe('cells that are not text', () => {
  it('reads whole numbers 1900–2200 as years, other numbers as serial dates, and checkboxes as unreadable', () => {
    expect(kindAndDates(2200)).toEqual(['year', ['2200-12-31']]);
    expect(kindAndDates(1900)).toEqual(['year', ['1900-12-31']]);
    expect(read(2201)).toMatchObject({ kind: 'unknown', text: '2201', problem: 'số 2201 không phải là ngày' });
    expect(kindAndDates(45382.5)).toEqual(['date', ['2024-03-31']]);
    expect(read(true)).toMatchObject({ kind: 'unknown', text: 'TRUE', dueDates: [], problem: 'ô đánh dấu đúng/sai, không phải thời hạn' });
    expect(read(null)).toMatchObject({ kind: 'missing', text: '' });
    expect(read(' \n ')).toMatchObject({ kind: 'missing', text: '' });
  });
});

describe('time frames at their edges', () => {
  it('takes years from 1900 to 2200, written alone or after a quarter', () => {
    expect([read('Quý I/1900').due, read('Quý IV/2200').due, read('1900').due, read('2200').due]).toEqual(['1900-03-31', '2200-12-31', '1900-12-31', '2200-12-31']);
    expect([read('Quý I/1899').kind, read('Quý I/2201').kind, read('1899').kind, read('2201').kind]).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(read('31/12/0000')).toMatchObject({ kind: 'unknown', problem: 'ngày 31/12/0000 không tồn tại' });
  });

  it('reads each period once, wherever it stands in the text', () => {
    expect(kindAndDates('Quý I/2024, Quý III/2025')).toEqual(['quarter', ['2024-03-31', '2025-09-30']]);
    expect(kindAndDates('Trước Quý II/2024')).toEqual(['quarter', ['2024-06-30']]);
    expect(kindAndDates('Trước Quý II 2024')).toEqual(['quarter', ['2024-06-30']]);
    expect(kindAndDates('Quý I, II, III năm 2024 và Quý II năm 2025')).toEqual(['quarter', ['2024-03-31', '2024-06-30', '2024-09-30', '2025-06-30']]);
    expect(kindAndDates('Hoàn thành trong tháng 5/2024')).toEqual(['month', ['2024-05-31']]);
  });

  it('keeps a span only when its years rise from 1900 on', () => {
    expect(read('2024 - 2024')).toMatchObject({ kind: 'year', due: '2024-12-31' });
    expect(read('2024 - 2024').span).toBeUndefined();
    expect(read('2025 - 2021').span).toBeUndefined();
    expect(read('1899 - 2025')).toMatchObject({ due: '2025-12-31' });
    expect(read('1899 - 2025').span).toBeUndefined();
    expect(read('1900 - 2025').span).toEqual({ from: 1900, to: 2025 });
  });

  it('never says a written year was inferred, nor one for work with no deadline', () => {
    expect([read('2025').yearInferred, read('Thường xuyên').yearInferred, read('Khi có yêu cầu').yearInferred, read(null).yearInferred]).toEqual([false, false, false, false]);
  });

  it('reads the stated day of a recurrence, spaces and all, and the 1st as a day', () => {
    expect(read('trước ngày 05 / 11 hàng năm').dueDates).toEqual(['2024-11-05']);
    expect(read('ngày 1 hằng tháng').dueDates.slice(0, 2)).toEqual(['2024-01-01', '2024-02-01']);
  });

  it('counts a Sunday on 31 December among a weekly task’s dates', () => {
    // 01/01/2023 and 31/12/2023 were both Sundays: 53 of them.
    const weeks = parseTimeFrame('Hằng tuần', 2023).dueDates;
    expect([weeks.length, weeks[0], weeks[52]]).toEqual([53, '2023-01-01', '2023-12-31']);
  });

  it('lists every problem it found, and reads a whole-year phrase with trailing dots', () => {
    expect(read('Tháng 13/2024, 31/02/2024').problem).toBe('tháng 13 không tồn tại; ngày 31/02/2024 không tồn tại');
    expect(read('Quý I/2024, tháng 13, 30/02/2024').problem).toBe('tháng 13 không tồn tại; ngày 30/02/2024 không tồn tại');
    expect([read('Cả năm.').kind, read('Cả năm..').kind, read('Trong năm;').kind]).toEqual(['year', 'year', 'year']);
  });
});
