import { describe, expect, it } from 'vitest';
import { readAppendix } from '../src/core/reading/appendix';
import { checkAppendix, SEVERITY, type FindingCode } from '../src/core/measuring/checks';
import type { CellValue } from '../src/core/types';
import { OUTCOMES_ROWS, utc } from './fixtures/workbooks';

/**
 * The findings for a sheet of these rows. In memory: what is checked here is the appendix, not the .xlsx layer (the
 * reader's tests and the CLI's cover real files), and a mutation run re-runs these tests for every planted bug.
 */
async function findingsFor(rows: unknown[][], asOf = '2024-04-10', name = 'PL') {
  const appendix = readAppendix({ sheets: [{ name, grid: rows as CellValue[][] }] }, { asOf });
  return checkAppendix(appendix, asOf);
}

const HEADER = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành'];
const TITLE = ['KẾ HOẠCH CCHC NĂM 2024'];

function only<T extends { code: FindingCode }>(findings: T[], code: FindingCode): T[] {
  return findings.filter((f) => f.code === code);
}

describe('checkAppendix', () => {
  it('flags a task with no lead unit as MISSING_OWNER at the lead cell', async () => {
    const f = await findingsFor([TITLE, HEADER, [1, 'Việc một', null, 'Quý II/2024', 'Đang thực hiện']]);
    expect(only(f, 'MISSING_OWNER')).toEqual([
      { row: 3, column: 'C', code: 'MISSING_OWNER', severity: 'error', tt: '1', message: expect.stringMatching(/^Nhiệm vụ 1 \(dòng 3\) chưa có đơn vị chủ trì/) },
    ]);
  });

  it('flags an empty time frame as MISSING_DEADLINE and free text as UNREADABLE_DEADLINE, each at the time-frame cell', async () => {
    const f = await findingsFor([TITLE, HEADER, [1, 'Việc một', 'VP Sở', null], [2, 'Việc hai', 'VP Sở', 'Sớm nhất có thể'], [3, 'Việc ba', 'VP Sở', '31/02/2024']]);
    expect(only(f, 'MISSING_DEADLINE').map((x) => [x.row, x.column])).toEqual([[3, 'D']]);
    expect(only(f, 'UNREADABLE_DEADLINE').map((x) => [x.row, x.column])).toEqual([[4, 'D'], [5, 'D']]);
    expect(only(f, 'UNREADABLE_DEADLINE')[1].message).toContain('31/02/2024 không tồn tại');
  });

  it('flags vague owners and unknown units, but not a vague unit next to a concrete one', async () => {
    const f = await findingsFor([
      TITLE,
      HEADER,
      [1, 'Việc một', 'Các phòng chức năng', 'Quý IV/2024'],
      [2, 'Việc hai', 'Văn phòng Sở; các đơn vị trực thuộc', 'Quý IV/2024'],
      [3, 'Việc ba', 'Tổ Công nghệ thông tin', 'Quý IV/2024'],
    ]);
    expect(only(f, 'VAGUE_OWNER').map((x) => x.row)).toEqual([3]);
    expect(only(f, 'UNKNOWN_UNIT').map((x) => [x.row, x.severity])).toEqual([[5, 'info']]);
  });

  it('flags work past its due date that is not done as OVERDUE with the days overdue', async () => {
    const f = await findingsFor(OUTCOMES_ROWS);
    const overdue = only(f, 'OVERDUE');
    expect(overdue.map((x) => [x.row, x.column])).toEqual([[9, 'F']]);
    expect(overdue[0].message).toContain('quá hạn 10 ngày (hạn 31/03/2024)');
  });

  it('does not call a cancelled, a continuous, or a not-yet-due task overdue', async () => {
    const f = await findingsFor(OUTCOMES_ROWS);
    expect(only(f, 'OVERDUE').map((x) => x.row)).not.toContain(10);
    expect(only(f, 'OVERDUE').map((x) => x.row)).not.toContain(11);
    expect(only(f, 'OVERDUE').map((x) => x.row)).not.toContain(12);
  });

  it('flags done without a date, and a date without done', async () => {
    const f = await findingsFor([TITLE, HEADER, [1, 'Việc một', 'VP Sở', 'Quý I/2024', 'Hoàn thành', null], [2, 'Việc hai', 'VP Sở', 'Quý I/2024', 'Đang thực hiện', utc(2, 3, 2024)]]);
    expect(only(f, 'DONE_WITHOUT_DATE').map((x) => [x.row, x.column])).toEqual([[3, 'F']]);
    expect(only(f, 'DATE_WITHOUT_DONE').map((x) => [x.row, x.column])).toEqual([[4, 'E']]);
  });

  it('flags deadlines outside the plan year', async () => {
    const f = await findingsFor([TITLE, HEADER, [1, 'Việc một', 'VP Sở', 'Quý I/2025'], [2, 'Việc hai', 'VP Sở', 'Quý I/2024']]);
    expect(only(f, 'OUTSIDE_PLAN_YEAR').map((x) => x.row)).toEqual([3]);
    expect(only(f, 'OUTSIDE_PLAN_YEAR')[0].message).toContain('ngoài năm kế hoạch 2024');
  });

  it('flags a number repeated within a section, not across sections', async () => {
    const f = await findingsFor([
      TITLE,
      HEADER,
      ['I', 'Mục một'],
      [1, 'Việc một', 'VP Sở', 'Quý I/2024'],
      [1, 'Việc hai', 'VP Sở', 'Quý I/2024'],
      ['II', 'Mục hai'],
      [1, 'Việc ba', 'VP Sở', 'Quý I/2024'],
    ]);
    expect(only(f, 'DUPLICATE_NUMBER').map((x) => [x.row, x.column])).toEqual([[5, 'A']]);
  });

  it('flags a numbered row with nothing in it as EMPTY_TASK and nothing else', async () => {
    const f = await findingsFor([TITLE, HEADER, [1, 'Việc một', 'VP Sở', 'Quý I/2024', 'HT', utc(1, 3, 2024)], [2]]);
    const row4 = f.filter((x) => x.row === 4).map((x) => x.code);
    expect(row4).toContain('EMPTY_TASK');
    expect(row4).not.toContain('MISSING_OWNER');
  });

  it('flags a status word it does not know, an unreadable done date, and a done date in the future', async () => {
    const f = await findingsFor([
      TITLE,
      HEADER,
      [1, 'Việc một', 'VP Sở', 'Quý I/2024', 'Tốt', null],
      [2, 'Việc hai', 'VP Sở', 'Quý I/2024', 'Đã hoàn thành', 'cuối tháng'],
      [3, 'Việc ba', 'VP Sở', 'Quý I/2024', 'Đã hoàn thành', utc(1, 5, 2024)],
    ]);
    expect(only(f, 'UNKNOWN_STATUS').map((x) => x.row)).toEqual([3]);
    expect(only(f, 'UNREADABLE_DONE_DATE').map((x) => x.row)).toEqual([4]);
    expect(only(f, 'FUTURE_DONE_DATE').map((x) => x.row)).toEqual([5]);
  });

  it('notes once that an appendix without status columns counts every passed deadline as overdue', async () => {
    const f = await findingsFor([TITLE, ['TT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian thực hiện'], [1, 'Việc một', 'VP Sở', 'Quý I/2024'], [2, 'Việc hai', 'VP Sở', 'Khi có yêu cầu']]);
    expect(only(f, 'NO_STATUS_COLUMN').map((x) => [x.row, x.severity])).toEqual([[2, 'info']]);
    expect(only(f, 'OVERDUE').map((x) => x.row)).toEqual([3]);
    expect(only(f, 'VAGUE_DEADLINE').map((x) => x.row)).toEqual([4]);
  });

  it('writes every message in Vietnamese', async () => {
    const f = await findingsFor(OUTCOMES_ROWS);
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) expect(x.message).toMatch(/[àáảãạăâđêôơưịọụ]/i);
  });

  it('gives every code the severity the domain sets: what blocks reporting is an error, what only informs is info', () => {
    // Written out by hand; SEVERITY is the table the checks read, so this is the test that can fail when it changes.
    const expected: Record<FindingCode, string> = {
      NO_TIMEFRAME_COLUMN: 'error',
      NO_LEAD_COLUMN: 'error',
      MISSING_OWNER: 'error',
      MISSING_DEADLINE: 'error',
      UNREADABLE_DEADLINE: 'error',
      OVERDUE: 'error',
      VAGUE_OWNER: 'warning',
      DONE_WITHOUT_DATE: 'warning',
      DATE_WITHOUT_DONE: 'warning',
      UNREADABLE_DONE_DATE: 'warning',
      FUTURE_DONE_DATE: 'warning',
      UNKNOWN_STATUS: 'warning',
      OUTSIDE_PLAN_YEAR: 'warning',
      DUPLICATE_NUMBER: 'warning',
      EMPTY_TASK: 'warning',
      ERROR_CELL: 'warning',
      NO_TASKS: 'warning',
      VAGUE_DEADLINE: 'info',
      UNKNOWN_UNIT: 'info',
      NO_STATUS_COLUMN: 'info',
    };
    expect(SEVERITY).toEqual(expected);
  });
});
