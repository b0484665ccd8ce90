/**
 * Checks at their edges, in memory: a multi-year span that starts or ends in the plan year, a sub-number repeated with
 * a trailing dot, an appendix without a lead-unit column, a completion date with no status or dated today.
 * Expected findings worked out by hand; as of 10/04 of the plan year.
 */
import { describe, expect, it } from 'vitest';
import { readAppendix } from '../src/core/reading/appendix';
import { checkAppendix, type FindingCode } from '../src/core/measuring/checks';
import type { CellValue } from '../src/core/types';
import { HEADER, utc } from './fixtures/sheets';

function findingsFor(rows: CellValue[][], asOf: string) {
  return checkAppendix(readAppendix({ sheets: [{ name: 'Phụ lục', grid: rows }] }, { asOf }), asOf);
}
const codes = (findings: { code: FindingCode; row: number }[], code: FindingCode) => findings.filter((f) => f.code === code).map((f) => f.row);

describe('a deadline spanning several years', () => {
  const plan = (year: number, timeframe: string): CellValue[][] => [
    [`KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${year}`],
    HEADER,
    [1, 'Triển khai Chương trình chuyển đổi số ngành y tế', 'Văn phòng Sở', timeframe, 'Đang thực hiện'],
  ];

  it('belongs to the plan of the span’s first year', () => {
    expect(codes(findingsFor(plan(2025, '2025 - 2030'), '2025-04-10'), 'OUTSIDE_PLAN_YEAR')).toEqual([]);
  });

  it('lies outside the plan of a year before the span starts', () => {
    const f = findingsFor(plan(2026, '2027 - 2030'), '2026-04-10');
    expect(codes(f, 'OUTSIDE_PLAN_YEAR')).toEqual([3]);
    expect(f.find((x) => x.code === 'OUTSIDE_PLAN_YEAR')?.message).toBe(
      'Thời hạn "2027 - 2030" (31/12/2030) nằm ngoài năm kế hoạch 2026: kiểm tra lại năm.',
    );
  });

  it('lies outside the plan of a year after the span has ended', () => {
    expect(codes(findingsFor(plan(2026, '2021 - 2025'), '2026-04-10'), 'OUTSIDE_PLAN_YEAR')).toEqual([3]);
  });
});

describe('numbering', () => {
  it('takes "1.1." for the same number as "1.1" in the same section', () => {
    const f = findingsFor(
      [
        ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
        HEADER,
        ['I', 'CẢI CÁCH THỂ CHẾ'],
        ['1.1', 'Rà soát văn bản quy phạm pháp luật', 'Văn phòng Sở', 'Quý II/2024'],
        ['1.2', 'Kiểm tra việc thi hành pháp luật', 'Thanh tra Sở', 'Quý III/2024'],
        ['1.1.', 'Theo dõi thi hành pháp luật', 'Văn phòng Sở', 'Quý IV/2024'],
      ],
      '2024-04-10',
    );
    expect(codes(f, 'DUPLICATE_NUMBER')).toEqual([6]);
  });
});

describe('an appendix without a lead-unit column', () => {
  it('says so once for the header, not once for every task', () => {
    const f = findingsFor(
      [
        ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
        ['TT', 'Nội dung nhiệm vụ', 'Thời gian thực hiện', 'Tiến độ'],
        [1, 'Tuyên truyền về cải cách hành chính', 'Quý II/2024', 'Đang thực hiện'],
        [2, 'Khảo sát sự hài lòng của người dân', 'Quý III/2024', 'Chưa thực hiện'],
      ],
      '2024-04-10',
    );
    expect(codes(f, 'NO_LEAD_COLUMN')).toEqual([2]);
    expect(codes(f, 'MISSING_OWNER')).toEqual([]);
  });
});

describe('completion dates', () => {
  it('does not call a completion date contradicted when the status cell is empty', () => {
    const f = findingsFor(
      [['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], HEADER, [1, 'Niêm yết TTHC tại bộ phận một cửa', 'Văn phòng Sở', '31/03/2024', null, utc(25, 3, 2024)]],
      '2024-04-10',
    );
    expect(codes(f, 'DATE_WITHOUT_DONE')).toEqual([]);
    expect(codes(f, 'OVERDUE')).toEqual([]);
  });

  it('accepts a task finished today, and questions one dated tomorrow', () => {
    const f = findingsFor(
      [
        ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
        HEADER,
        [1, 'Báo cáo CCHC quý I', 'Văn phòng Sở', '15/04/2024', 'Đã hoàn thành', utc(10, 4, 2024)],
        [2, 'Họp giao ban CCHC', 'Văn phòng Sở', '15/04/2024', 'Đã hoàn thành', utc(11, 4, 2024)],
      ],
      '2024-04-10',
    );
    expect(codes(f, 'FUTURE_DONE_DATE')).toEqual([4]);
  });
});
