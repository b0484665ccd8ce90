import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimeFrame } from '../src/core/reading/timeframe';
import { propertyRuns } from './fixtures/mutation';

const Y = 2024;
const read = (text: string | number | Date | null, year = Y) => parseTimeFrame(text, year);

describe('parseTimeFrame: fixed dates', () => {
  it.each([
    ['20/1/2020', '2020-01-20'],
    ['01/03/2026', '2026-03-01'],
    ['Trước ngày 15/10/2024', '2024-10-15'],
    ['ngày 15 tháng 3 năm 2024', '2024-03-15'],
    ['15-3-2024', '2024-03-15'],
    ['31.12.2024', '2024-12-31'],
  ])("reads '%s' as the date %s", (text, due) => {
    const tf = read(text);
    expect(tf.kind).toBe('date');
    expect(tf.due).toBe(due);
    expect(tf.dueDates).toEqual([due]);
    expect(tf.yearInferred).toBe(false);
  });

  it("reads 'trước 30/6' in the plan year and says the year was inferred", () => {
    const tf = read('trước 30/6', 2025);
    expect(tf).toMatchObject({ kind: 'date', due: '2025-06-30', yearInferred: true });
  });

  it('reads a date cell given as a Date, as a serial number, and as an ISO string', () => {
    expect(read(new Date(Date.UTC(2024, 2, 31))).due).toBe('2024-03-31');
    expect(read(45382).due).toBe('2024-03-31');
    expect(read('2024-03-31').due).toBe('2024-03-31');
    expect(read(new Date(Date.UTC(2024, 2, 31))).text).toBe('31/03/2024');
  });

  it('reads day/month/year, never month/day/year', () => {
    expect(read('05/11/2024').due).toBe('2024-11-05');
    expect(read('12/01/2024').due).toBe('2024-01-12');
  });

  it('refuses a year no plan can name instead of producing a date in year 0', () => {
    for (const text of ['Quý I/0000', 'Tháng 3/1000', '6 tháng đầu năm 0001']) {
      const tf = read(text);
      expect(tf).toMatchObject({ kind: 'unknown', due: null, dueDates: [] });
      expect(tf.problem).toMatch(/năm \d{4} không hợp lệ/);
    }
  });

  it('reports an impossible date instead of rolling it over', () => {
    const tf = read('31/02/2024');
    expect(tf.kind).toBe('unknown');
    expect(tf.due).toBeNull();
    expect(tf.problem).toContain('31/02/2024');
  });
});

describe('parseTimeFrame: months, quarters, halves, years', () => {
  it("reads 'Tháng 3/2024' as the last day of March", () => {
    expect(read('Tháng 3/2024')).toMatchObject({ kind: 'month', due: '2024-03-31', dueDates: ['2024-03-31'] });
  });

  it("reads 'Tháng 11, 12/2020' as two due dates", () => {
    expect(read('Tháng 11, 12/2020')).toMatchObject({ kind: 'month', due: '2020-12-31', dueDates: ['2020-11-30', '2020-12-31'] });
  });

  it("reads February's end in a leap year from 'Tháng 2/2024'", () => {
    expect(read('Tháng 2/2024').due).toBe('2024-02-29');
  });

  it("reads a month range 'Từ tháng 3 đến tháng 5/2024' as one deadline at its end", () => {
    expect(read('Từ tháng 3 đến tháng 5/2024')).toMatchObject({ kind: 'month', dueDates: ['2024-05-31'] });
  });

  it.each([
    ['Quý I/2020', ['2020-03-31']],
    ['Quý 2/2025', ['2025-06-30']],
    ['Quí IV-2025', ['2025-12-31']],
    ['Quý I năm 2024', ['2024-03-31']],
    ['Q3/2024', ['2024-09-30']],
    ['Quý I và Quý III/2025', ['2025-03-31', '2025-09-30']],
    ['Quý I, II/2024', ['2024-03-31', '2024-06-30']],
    ['Quý I/2020\nQuý III/2020', ['2020-03-31', '2020-09-30']],
    ['Quý I - II/2024', ['2024-06-30']],
  ])("reads '%s' as quarter end(s) %j", (text, dates) => {
    const tf = read(text);
    expect(tf.kind).toBe('quarter');
    expect(tf.dueDates).toEqual(dates);
    expect(tf.due).toBe(dates[dates.length - 1]);
  });

  it("reads 'Quý II' without a year in the plan year", () => {
    expect(read('Quý II', 2023)).toMatchObject({ due: '2023-06-30', yearInferred: true });
  });

  it.each([
    ['6 tháng đầu năm', '2024-06-30'],
    ['6 tháng cuối năm', '2024-12-31'],
    ['6 tháng đầu năm 2023', '2023-06-30'],
  ])("reads '%s' as a half year ending %s", (text, due) => {
    expect(read(text)).toMatchObject({ kind: 'half', due });
  });

  it.each([
    ['Năm 2024', '2024-12-31'],
    ['Cả năm', '2024-12-31'],
    ['2025', '2025-12-31'],
    ['Trong năm 2024', '2024-12-31'],
  ])("reads '%s' as a year ending %s", (text, due) => {
    expect(read(text)).toMatchObject({ kind: 'year', due });
  });

  it('reads a number cell 2025 as the year, not a serial date', () => {
    expect(read(2025)).toMatchObject({ kind: 'year', due: '2025-12-31' });
  });
});

describe('parseTimeFrame: recurring, continuous, on event, missing', () => {
  it("expands 'Hàng quý' and 'Định kỳ hàng quý' to the four quarter ends of the plan year", () => {
    for (const text of ['Hàng quý', 'Định kỳ hàng quý', 'Hằng quý']) {
      const tf = read(text);
      expect(tf).toMatchObject({ kind: 'recurring', recurrence: 'quarterly', due: null });
      expect(tf.dueDates).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    }
  });

  it("expands 'Hằng tháng' to twelve month ends and 'Hàng tuần' to every Sunday", () => {
    expect(read('Hằng tháng').dueDates).toHaveLength(12);
    expect(read('Hằng tháng').dueDates[1]).toBe('2024-02-29');
    const weekly = read('Hàng tuần');
    expect(weekly.recurrence).toBe('weekly');
    expect(weekly.dueDates).toHaveLength(52);
    expect(weekly.dueDates[0]).toBe('2024-01-07');
  });

  it("reads 'trước ngày 05/11 hàng năm' as a yearly deadline on 5 November", () => {
    expect(read('trước ngày 05/11 hàng năm', 2022)).toMatchObject({ kind: 'recurring', recurrence: 'yearly', dueDates: ['2022-11-05'] });
  });

  it("reads 'Hằng năm' as a yearly deadline at the end of the plan year", () => {
    expect(read('Hằng năm').dueDates).toEqual(['2024-12-31']);
  });

  it("reads 'hàng tháng, trước ngày 25' with the stated day, and a day 0 as the month's end", () => {
    expect(read('Hàng tháng, trước ngày 25').dueDates[0]).toBe('2024-01-25');
    expect(read('hàng tháng ngày 0').dueDates[0]).toBe('2024-01-31');
  });

  it.each(['Thường xuyên', 'Thường xuyên, hằng năm', 'Liên tục', 'Hàng ngày'])("reads '%s' as continuous with no due date", (text) => {
    expect(read(text)).toMatchObject({ kind: 'continuous', due: null, dueDates: [] });
  });

  it.each([
    'Khi có yêu cầu',
    'Khi có kết luận chính thức',
    'Khi có thực hiện đấu thầu',
    'Theo lộ trình của Chính phủ',
    'Theo kế hoạch của UBND tỉnh',
    'Đột xuất',
  ])("reads '%s' as on event", (text) => {
    expect(read(text)).toMatchObject({ kind: 'event', due: null, dueDates: [] });
  });

  it('reads an empty cell as missing', () => {
    for (const value of ['', '   ', null]) expect(read(value).kind).toBe('missing');
  });

  it('reads free text with no period as unknown, with a reason', () => {
    const tf = read('Sớm nhất có thể');
    expect(tf.kind).toBe('unknown');
    expect(tf.problem).toMatch(/không nhận ra/);
  });

  it('reads a period written after an event phrase as that period', () => {
    expect(read('Theo kế hoạch, hoàn thành trong Quý II/2024')).toMatchObject({ kind: 'quarter', due: '2024-06-30' });
  });
});

describe('parseTimeFrame: document references are not dates', () => {
  it.each([
    'Theo Kế hoạch số 02-KH/BCĐTW',
    'Theo Nghị định 90/2013/NĐ-CP ngày 08/8/2013',
    'Khi có Quyết định số 1274/QĐ-UBND ngày 26/7/2016',
  ])("finds no due date in '%s'", (text) => {
    expect(read(text).dueDates).toEqual([]);
  });

  it('reads a date only where it starts: not inside a longer number, nor after a point or a slash', () => {
    expect(read('Số 115/3/2024').dueDates).toEqual([]);
    expect(read('Mục 2.15/3/2024').dueDates).toEqual([]);
    expect(read('(15/3/2024)').dueDates).toEqual(['2024-03-15']);
    expect(read('15/3/2024').dueDates).toEqual(['2024-03-15']);
  });

  it('reads a true/false cell as no time frame, and says why', () => {
    expect(read(true as never)).toMatchObject({ kind: 'unknown', text: 'TRUE', problem: 'ô đánh dấu đúng/sai, không phải thời hạn' });
  });

  it('keeps the real deadline next to a document reference', () => {
    expect(read('Quý II/2024 (theo Công văn 4096/UBND-NC ngày 02/8/2017)').dueDates).toEqual(['2024-06-30']);
  });
});

describe('parseTimeFrame: robustness', () => {
  const token = fc.constantFrom('Quý', 'quí', 'Q', 'I', 'II', 'III', 'IV', 'V', 'tháng', 'Tháng', 'năm', 'ngày', 'trước', 'hàng', 'và', ',', ';', '/', '-', '.', '\n', ' ', '0', '1', '12', '13', '29', '31', '2024', '99', '2025', 'Thường xuyên', 'Khi có', 'số', 'KH', 'NĐ-CP', '6 tháng đầu', 'đến');
  it('never throws and always returns well-formed due dates, whatever the input', () => {
    const kinds = ['date', 'month', 'quarter', 'half', 'year', 'recurring', 'continuous', 'event', 'missing', 'unknown'];
    const anyInput = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(token, { maxLength: 12 }).map((parts) => parts.join(' ')),
      fc.array(token, { maxLength: 12 }).map((parts) => parts.join('')),
      fc.double(),
      fc.integer(),
      fc.date({ noInvalidDate: false }),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(anyInput, (value) => {
        const tf = parseTimeFrame(value as string | number | Date | null, 2024);
        expect(kinds).toContain(tf.kind);
        for (const d of tf.dueDates) expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
        expect([...tf.dueDates].sort()).toEqual(tf.dueDates);
        if (['date', 'month', 'quarter', 'half', 'year'].includes(tf.kind)) expect(tf.due).toBe(tf.dueDates[tf.dueDates.length - 1]);
        else expect(tf.due).toBeNull();
        // What cannot be read always says why (messages quote it).
        if (tf.kind === 'unknown') expect(tf.problem).toMatch(/\S/);
      }),
      { numRuns: propertyRuns(3000) },
    );
  });

  const samples = ['Quý I và Quý III/2025', 'Tháng 11, 12/2020', 'trước ngày 05/11 hàng năm', 'Thường xuyên', '6 tháng đầu năm', 'Khi có yêu cầu'];
  it('gives the same result under extra spaces, case, NFD accents and non-breaking spaces', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.constantFrom('NFC', 'NFD'), fc.boolean(), fc.boolean(), (text, form, upper, nbsp) => {
        let variant = text.normalize(form as 'NFC' | 'NFD');
        if (upper) variant = variant.toUpperCase();
        if (nbsp) variant = `  ${variant.replace(/ /g, '\u00a0 ')}\u00a0`;
        const a = parseTimeFrame(text, 2024);
        const b = parseTimeFrame(variant, 2024);
        expect({ kind: b.kind, dueDates: b.dueDates }).toEqual({ kind: a.kind, dueDates: a.dueDates });
      }),
    );
  });
});

describe('parseTimeFrame: phrases of real plans (2025–2026)', () => {
  it.each([
    ['Nhiệm vụ thường xuyên'],
    ['Thực hiện thường xuyên'],
    ['Triển khai thường xuyên, liên tục'],
    ['Trong giai đoạn'],
    ['Từ năm 2026'],
  ])("reads '%s' as continuous work with no due date", (text) => {
    expect(read(text, 2026)).toMatchObject({ kind: 'continuous', due: null, dueDates: [] });
  });

  it.each([
    ['2025 - 2030', 2025, 2030],
    ['Năm 2025-2026', 2025, 2026],
    ['Giai đoạn 2026 - 2030', 2026, 2030],
    ['Giai đoạn 2026-2030', 2026, 2030],
    ['2021–2025', 2021, 2025],
  ])("reads the span '%s' as a year due at the end of %i–%i's last year", (text, from, to) => {
    expect(read(text, 2026)).toMatchObject({ kind: 'year', due: `${to}-12-31`, dueDates: [`${to}-12-31`], span: { from, to } });
  });

  it("reads 'Trong năm 2025' as the year 2025, with no span", () => {
    const tf = read('Trong năm 2025', 2026);
    expect(tf).toMatchObject({ kind: 'year', due: '2025-12-31' });
    expect(tf.span).toBeUndefined();
  });

  it.each(['Sau khi có Nghị định của Chính phủ', 'Sau khi Luật được Quốc hội thông qua', 'Khi có phát sinh', 'Phụ thuộc vào tiến độ của Bộ Y tế', 'Căn cứ hướng dẫn của Bộ Nội vụ'])(
    "reads '%s' as on event, with no due date",
    (text) => {
      expect(read(text, 2026)).toMatchObject({ kind: 'event', due: null, dueDates: [] });
    },
  );

  it("reads 'Năm 2025 và các năm tiếp theo' as yearly, due at the plan year's end", () => {
    expect(read('Năm 2025 và các năm tiếp theo', 2025)).toMatchObject({ kind: 'recurring', recurrence: 'yearly', dueDates: ['2025-12-31'] });
  });
});
