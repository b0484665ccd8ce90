/**
 * Column headers written with brackets or dashes between the words of one phrase, and the "đơn vị tính" trap beside
 * an agency word. Expected roles follow the header table's meaning (headers.ts, HEADER_WORDS).
 */
import { describe, expect, it } from 'vitest';
import { matchHeader, scoreRoles } from '../src/core/reading/headers';

describe('a header phrase split by brackets or a dash', () => {
  it.each([
    // "Kết quả thực hiện": what units achieved, not the plan's expected product.
    ['Kết quả (thực hiện)', 'result'],
    ['Kết quả - thực hiện', 'result'],
    // "Hạn hoàn thành": the deadline.
    ['Hạn (hoàn thành)', 'timeframe'],
  ])('reads "%s" as the %s column', (header, role) => {
    expect(matchHeader(header)).toBe(role);
  });
});

describe('a unit of measure', () => {
  it('is never a lead unit, even written beside "Cơ quan"', () => {
    expect(scoreRoles('Cơ quan, đơn vị tính')).toEqual([]);
    expect(matchHeader('Cơ quan, đơn vị tính')).toBeNull();
  });
});
