/**
 * How tasks become figures: which due dates count, each one's outcome, the rates, the groups, and indicators against
 * their targets. Every expected value is worked out by hand from the rules in the comments.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readAppendix, type Task } from '../src/core/reading/appendix';
import {
  countedDueDates,
  countOutcomes,
  DEFAULT_INDICATORS,
  dueItems,
  evaluateIndicators,
  evaluateTarget,
  groupOutcomes,
  isDone,
  NO_OWNER_LABEL,
  NO_SECTION_LABEL,
  outcomeOf,
  ownerNames,
  ratesOf,
  score766,
  scorePlanCompletion,
  sectionName,
  type DueItem,
} from '../src/core/measuring/indicators';
import type { CellValue } from '../src/core/types';
import { HEADER, utc } from './fixtures/sheets';

const AS_OF = '2024-04-10';

/** The tasks of a 2024 plan with these rows. */
function tasks(rows: CellValue[][]): Task[] {
  return readAppendix({ sheets: [{ name: 'PL', grid: [['KẾ HOẠCH CCHC NĂM 2024'], HEADER, ...rows] }] }, { asOf: AS_OF }).tasks;
}
const task = (row: CellValue[]) => tasks([row])[0];

describe('which due dates count', () => {
  it('counts a fixed deadline and a yearly recurrence, never weekly to half-yearly recurrences, continuous work or events', () => {
    const [quarter, months, yearly, quarterly, halfYearly, continuous, event] = tasks([
      [1, 'Một quý', 'Văn phòng Sở', 'Quý II/2024'],
      [2, 'Hai tháng', 'Văn phòng Sở', 'Tháng 11, 12/2024'],
      [3, 'Hằng năm', 'Văn phòng Sở', 'trước ngày 05/11 hàng năm'],
      [4, 'Hằng quý', 'Văn phòng Sở', 'Hằng quý'],
      [5, 'Nửa năm', 'Văn phòng Sở', '6 tháng một lần'],
      [6, 'Thường xuyên', 'Văn phòng Sở', 'Thường xuyên'],
      [7, 'Khi có yêu cầu', 'Văn phòng Sở', 'Khi có yêu cầu'],
    ]);
    expect(countedDueDates(quarter)).toEqual(['2024-06-30']);
    expect(countedDueDates(months)).toEqual(['2024-11-30', '2024-12-31']);
    expect(countedDueDates(yearly)).toEqual(['2024-11-05']);
    expect([countedDueDates(quarterly), countedDueDates(halfYearly), countedDueDates(continuous), countedDueDates(event)]).toEqual([[], [], [], []]);
  });
});

describe('a task is done', () => {
  it('when marked done, or when its status is empty and it has a completion date; never when its status says otherwise', () => {
    const [marked, dated, inProgressDated, empty] = tasks([
      [1, 'Xong', 'Văn phòng Sở', 'Quý I/2024', 'Đã hoàn thành', null],
      [2, 'Chỉ có ngày', 'Văn phòng Sở', 'Quý I/2024', null, utc(1, 3, 2024)],
      [3, 'Đang làm, có ngày', 'Văn phòng Sở', 'Quý I/2024', 'Đang thực hiện', utc(1, 3, 2024)],
      [4, 'Trống', 'Văn phòng Sở', 'Quý I/2024', null, null],
    ]);
    expect([isDone(marked), isDone(dated), isDone(inProgressDated), isDone(empty)]).toEqual([true, true, false, false]);
  });
});

describe('the outcome of a due date at the as-of date', () => {
  it.each([
    // [status, done date, due, outcome, days]
    ['Không thực hiện', null, '2024-03-31', 'cancelled', 0],
    ['Đã hoàn thành', null, '2024-03-31', 'done_undated', 0],
    ['Đã hoàn thành', utc(31, 3, 2024), '2024-03-31', 'on_time', 0],
    ['Đã hoàn thành', utc(2, 4, 2024), '2024-03-31', 'late', 2],
    ['Đã hoàn thành', utc(2, 4, 2024), '2024-06-30', 'on_time', 0],
    ['Đang thực hiện', null, '2024-03-31', 'overdue', 10],
    ['Đang thực hiện', null, '2024-04-09', 'overdue', 1],
    ['Đang thực hiện', null, '2024-04-10', 'pending', 0],
    ['Chưa thực hiện', null, '2024-06-30', 'pending', 0],
  ] as const)('a task "%s" done %s, due %s, is %s by %i days', (status, done, due, outcome, days) => {
    expect(outcomeOf(task([1, 'Việc', 'Văn phòng Sở', 'Năm 2024', status, done]), due, AS_OF)).toEqual({ outcome, days });
  });
});

describe('due items of a period', () => {
  it('takes the due dates from the first to the last day of the period, both included', () => {
    const all = tasks([
      [1, 'Cuối quý I', 'Văn phòng Sở', '31/03/2024'],
      [2, 'Đầu quý II', 'Văn phòng Sở', '01/04/2024'],
      [3, 'Cuối quý II', 'Văn phòng Sở', '30/06/2024'],
      [4, 'Đầu quý III', 'Văn phòng Sở', '01/07/2024'],
    ]);
    const items = dueItems(all, AS_OF, { start: '2024-04-01', end: '2024-06-30' });
    expect(items.map((i) => [i.task.tt, i.due, i.outcome])).toEqual([
      ['2', '2024-04-01', 'overdue'],
      ['3', '2024-06-30', 'pending'],
    ]);
    expect(dueItems(all, AS_OF).map((i) => i.task.tt)).toEqual(['1', '2', '3', '4']);
  });
});

describe('counts and rates', () => {
  const item = (outcome: DueItem['outcome']) => ({ outcome }) as DueItem;

  it('counts each outcome in its own column', () => {
    const items = ['on_time', 'on_time', 'late', 'done_undated', 'overdue', 'overdue', 'overdue', 'pending', 'cancelled'].map((o) => item(o as DueItem['outcome']));
    expect(countOutcomes(items)).toEqual({ due: 9, onTime: 2, late: 1, doneUndated: 1, overdue: 3, pending: 1, cancelled: 1 });
  });

  it('leaves cancelled work out of both rates, and gives no rate when nothing but cancelled work is due', () => {
    // 8 counted (9 less 1 cancelled): done 2 + 1 + 1 = 4 → 50 %; on time 2 → 25 %.
    expect(ratesOf({ due: 9, onTime: 2, late: 1, doneUndated: 1, overdue: 3, pending: 1, cancelled: 1 })).toEqual({ completion: 0.5, onTime: 0.25 });
    expect(ratesOf({ due: 2, onTime: 0, late: 0, doneUndated: 0, overdue: 0, pending: 0, cancelled: 2 })).toEqual({ completion: null, onTime: null });
    expect(ratesOf({ due: 0, onTime: 0, late: 0, doneUndated: 0, overdue: 0, pending: 0, cancelled: 0 })).toEqual({ completion: null, onTime: null });
    // One due, not cancelled: a base of 1.
    expect(ratesOf({ due: 1, onTime: 1, late: 0, doneUndated: 0, overdue: 0, pending: 0, cancelled: 0 })).toEqual({ completion: 1, onTime: 1 });
  });
});

describe('outcomes by unit and by section', () => {
  // Before each test, not once: code run in a beforeAll belongs to no test for Stryker's coverage.
  let all: ReturnType<typeof tasks> = [];
  let items: ReturnType<typeof dueItems> = [];
  beforeEach(() => {
    all = tasks([
      ['I', 'CẢI CÁCH THỂ CHẾ'],
      [1, 'Hai đơn vị', 'Văn phòng Sở, Thanh tra Sở', 'Quý I/2024', 'Đã hoàn thành', utc(15, 3, 2024)],
      [2, 'Một đơn vị', 'Thanh tra Sở', 'Quý I/2024', 'Đang thực hiện'],
      [3, 'Chưa giao', null, 'Quý I/2024', 'Đang thực hiện'],
    ]);
    items = dueItems(all, AS_OF);
  });

  it('counts a task with two lead units once for each, in the order given, and leaves out a unit with nothing due', () => {
    const rows = groupOutcomes(items, ownerNames, ['Phòng Tổ chức cán bộ', 'Thanh tra Sở', 'Văn phòng Sở']);
    expect(rows.map((r) => [r.name, r.due, r.onTime, r.overdue, r.completionRate, r.onTimeRate])).toEqual([
      ['Thanh tra Sở', 2, 1, 1, 0.5, 0.5],
      ['Văn phòng Sở', 1, 1, 0, 1, 1],
      [NO_OWNER_LABEL, 1, 0, 1, 0, 0],
    ]);
  });

  it('names a task without a lead unit or a section by a label of its own', () => {
    expect(NO_OWNER_LABEL).toBe('(Chưa có đơn vị chủ trì)');
    expect(ownerNames(all[2])).toEqual(['(Chưa có đơn vị chủ trì)']);
    expect(ownerNames(task([1, 'Trùng', 'Văn phòng Sở; VP Sở', 'Quý I/2024']))).toEqual(['Văn phòng Sở']);
    expect(sectionName(all[0])).toEqual(['I. CẢI CÁCH THỂ CHẾ']);
    expect(sectionName(task([1, 'Không mục', 'Văn phòng Sở', 'Quý I/2024']))).toEqual([NO_SECTION_LABEL]);
  });
});

describe('indicators against their targets', () => {
  it('meets a ≥ target at the target itself, even through float noise, and a > target only above it', () => {
    expect(evaluateTarget(0.98, 0.98)).toBe('Đạt');
    expect(evaluateTarget(0.98 - 1e-12, 0.98)).toBe('Đạt');
    expect(evaluateTarget(0.979, 0.98)).toBe('Không đạt');
    expect(evaluateTarget(0.98, 0.98, '>')).toBe('Không đạt');
    expect(evaluateTarget(0.981, 0.98, '>')).toBe('Đạt');
    // Within 1e-9 of the target counts as the target: met for ≥, not above it for >.
    expect(evaluateTarget(0.98 - 1e-9, 0.98)).toBe('Đạt');
    expect(evaluateTarget(0.98 + 1e-9, 0.98, '>')).toBe('Không đạt');
  });

  it('scores full points at the target and pro rata below it (QĐ 766), never below zero', () => {
    expect(score766(0.98, 0.98, 2)).toBe(2);
    expect(score766(0.49, 0.98, 2)).toBeCloseTo(1, 12);
    expect(score766(0.5, 0.5)).toBe(1);
    expect(score766(0.25, 0.5)).toBe(0.5);
    expect(score766(-0.1, 0.5)).toBe(0);
    expect(score766(0, 0, 3)).toBe(3);
    expect(score766(0.5, 0, 3)).toBe(3);
    expect(score766(0.98 - 1e-9, 0.98, 2)).toBe(2);
  });

  it('scores plan completion above 90 % in full, from 70 % to 90 % by half, below 70 % not at all', () => {
    expect([0.95, 0.9, 0.8, 0.7, 0.69].map((r) => scorePlanCompletion(r, 2))).toEqual([2, 1, 1, 1, 0]);
  });

  it('takes the plan rates for plan indicators and the user’s figures for the others, and leaves a missing figure blank', () => {
    const results = evaluateIndicators(DEFAULT_INDICATORS.slice(0, 4), { completion: 0.75, onTime: 0.5 }, { dossier_on_time: 0.99, satisfaction: Number.NaN });
    expect(results.map((r) => [r.id, r.actual, r.result, r.score])).toEqual([
      ['plan_completion', 0.75, 'Không đạt', 0.75],
      ['plan_on_time', 0.5, 'Không đạt', 0.5],
      ['dossier_on_time', 0.99, 'Đạt', 1],
      ['satisfaction', null, null, null],
    ]);
    expect(evaluateIndicators(DEFAULT_INDICATORS.slice(0, 1), { completion: null, onTime: null })[0]).toMatchObject({ actual: null, result: null, score: null });
  });
});
