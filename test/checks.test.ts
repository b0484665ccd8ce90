import { describe, expect, it } from 'vitest';
import { readAppendix } from '../src/core/reading/appendix';
import { checkAppendix, SEVERITY, type FindingCode } from '../src/core/measuring/checks';
import type { CellValue } from '../src/core/types';
import { OUTCOMES_ROWS, utc } from './fixtures/workbooks';
import { HEADER } from './fixtures/sheets';

/**
 * The findings for a sheet of these rows. In memory: what is checked here is the appendix, not the .xlsx layer (the
 * reader's tests and the CLI's cover real files), and a mutation run re-runs these tests for every planted bug.
 */
async function findingsFor(rows: unknown[][], asOf = '2024-04-10', name = 'PL') {
  const appendix = readAppendix({ sheets: [{ name, grid: rows as CellValue[][] }] }, { asOf });
  return checkAppendix(appendix, asOf);
}

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

  it('lists every date outside the plan year, and leaves a span of years that holds the plan year alone', async () => {
    const f = await findingsFor([TITLE, HEADER, [1, 'Việc một', 'VP Sở', 'Quý I, II/2025'], [2, 'Việc hai', 'VP Sở', 'Giai đoạn 2023 - 2026']]);
    expect(only(f, 'OUTSIDE_PLAN_YEAR').map((x) => [x.row, x.message])).toEqual([
      [3, 'Thời hạn "Quý I, II/2025" (31/03/2025, 30/06/2025) nằm ngoài năm kế hoạch 2024: kiểm tra lại năm.'],
    ]);
  });

  it('calls a periodic task with no stated rhythm vague, and checks a row with content only for owner and deadline', async () => {
    const f = await findingsFor([TITLE, HEADER, [1, 'Việc định kỳ', 'VP Sở', 'Định kỳ'], [2, 'Chỉ có nội dung', null, null]]);
    expect(only(f, 'VAGUE_DEADLINE').map((x) => x.row)).toEqual([3]);
    expect(f.filter((x) => x.row === 4).map((x) => x.code).sort()).toEqual(['MISSING_DEADLINE', 'MISSING_OWNER']);
  });

  it('names a task by its dotted number without the final point, and never calls two unnumbered tasks duplicates', async () => {
    // Each content ends a sentence, so the unnumbered rows are tasks of their own, not the numbered one's continuation.
    const f = await findingsFor([TITLE, HEADER, ['2.1.', 'Việc có số.', null, 'Quý II/2024'], [null, 'Việc không số.', 'VP Sở', 'Quý II/2024'], [null, 'Việc không số nữa.', 'VP Sở', 'Quý II/2024']]);
    expect(only(f, 'MISSING_OWNER')[0].message).toMatch(/^Nhiệm vụ 2\.1 \(dòng 3\) chưa có đơn vị chủ trì/);
    expect(only(f, 'DUPLICATE_NUMBER')).toEqual([]);
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

  it('does not note missing status columns when either status column is there', async () => {
    const statusOnly = await findingsFor([TITLE, ['TT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'], [1, 'Việc một', 'VP Sở', 'Quý I/2024', 'HT']]);
    const dateOnly = await findingsFor([TITLE, ['TT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Ngày hoàn thành'], [1, 'Việc một', 'VP Sở', 'Quý I/2024', utc(1, 3, 2024)]]);
    expect(only(statusOnly, 'NO_STATUS_COLUMN')).toEqual([]);
    expect(only(dateOnly, 'NO_STATUS_COLUMN')).toEqual([]);
  });

  it('names a task without a number by its row, and a finding about the whole sheet carries no number', async () => {
    const f = await findingsFor([TITLE, ['TT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian thực hiện'], [null, 'Việc không số', null, 'Quý II/2024']]);
    expect(only(f, 'MISSING_OWNER')[0].message).toMatch(/^Nhiệm vụ ở dòng 3 chưa có đơn vị chủ trì/);
    expect(only(f, 'NO_STATUS_COLUMN')[0].tt).toBe('');
  });

  it('checks a row that has a time frame but no content and no lead unit, rather than taking it for blank', async () => {
    const f = await findingsFor([TITLE, HEADER, [1, 'Việc một', 'VP Sở', 'Quý I/2024', 'HT', utc(1, 3, 2024)], [2, null, null, 'Quý II/2024']]);
    expect(f.filter((x) => x.row === 4).map((x) => x.code).sort()).toEqual(['EMPTY_TASK', 'MISSING_OWNER']);
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

describe('what each finding tells the user, word for word', () => {
  const EXAMPLES = '31/03/2024, Tháng 3/2024, Quý I/2024, 6 tháng đầu năm, Năm 2024, Hằng quý, Thường xuyên';
  const CHOICES = 'Đã hoàn thành, Đang thực hiện, Chưa thực hiện, Không thực hiện';

  it('names the task by number and row, quotes what was written, and says what to write instead', async () => {
    const f = await findingsFor([
      TITLE,
      HEADER,
      [1, 'Việc một', null, 'Quý II/2024', 'Đang thực hiện'],
      [2, 'Việc hai', 'Các phòng chức năng', null],
      [3, 'Việc ba', 'Tổ Công nghệ thông tin', 'Sớm nhất có thể'],
      [4, 'Việc bốn', 'VP Sở', 'Khi có yêu cầu'],
      [5, 'Việc năm', 'VP Sở', 'Quý I/2023', 'Đã hoàn thành'],
      [6, 'Việc sáu', 'VP Sở', 'Quý I/2024', 'Đang thực hiện', utc(1, 3, 2024)],
      [7, 'Việc bảy', 'VP Sở', 'Tháng 1, 2/2024', 'Ý kiến khác'],
      [8, 'Việc tám', 'VP Sở', 'Quý I/2024', 'Đã hoàn thành', 'ngày 32/3'],
      [9, 'Việc chín', 'VP Sở', 'Quý II/2024', 'Đã hoàn thành', utc(2, 5, 2024)],
      [9, null, 'VP Sở', 'Quý II/2024'],
      [10, 'Việc mười', '#REF!', 'Quý II/2024'],
      [11, 'Việc mười một', 'VP Sở', '30/06/2024, 31/02/2024'],
    ]);
    expect(f.map((x) => [x.row, x.column, x.code, x.severity, x.message])).toEqual([
      [3, 'C', 'MISSING_OWNER', 'error', 'Nhiệm vụ 1 (dòng 3) chưa có đơn vị chủ trì: nhập tên phòng/đơn vị chịu trách nhiệm chính.'],
      [4, 'D', 'MISSING_DEADLINE', 'error', `Nhiệm vụ 2 (dòng 4) chưa có thời gian thực hiện: nhập thời hạn, ví dụ ${EXAMPLES}.`],
      [4, 'C', 'VAGUE_OWNER', 'warning', 'Nhiệm vụ 2 (dòng 4) giao cho "Các phòng chức năng": không rõ đơn vị nào chịu trách nhiệm. Ghi tên một phòng/đơn vị chủ trì cụ thể.'],
      [5, 'D', 'UNREADABLE_DEADLINE', 'error', `Không đọc được thời hạn "Sớm nhất có thể" (không nhận ra ngày, tháng, quý hay năm). Ghi theo một trong các dạng: ${EXAMPLES}.`],
      [5, 'C', 'UNKNOWN_UNIT', 'info', 'Đơn vị "Tổ Công nghệ thông tin" không có trong danh mục đơn vị: kiểm tra chính tả, hoặc thêm vào danh mục trong phần cài đặt.'],
      [6, 'D', 'VAGUE_DEADLINE', 'info', 'Thời hạn "Khi có yêu cầu" không có mốc cụ thể: nhiệm vụ không được tính vào tỷ lệ hoàn thành đúng hạn.'],
      [7, 'D', 'OUTSIDE_PLAN_YEAR', 'warning', 'Thời hạn "Quý I/2023" (31/03/2023) nằm ngoài năm kế hoạch 2024: kiểm tra lại năm.'],
      [7, 'F', 'DONE_WITHOUT_DATE', 'warning', 'Nhiệm vụ 5 (dòng 7) đã hoàn thành nhưng chưa có ngày hoàn thành: nhập ngày (dd/mm/yyyy) để tính đúng hạn hay trễ hạn.'],
      [8, 'E', 'OVERDUE', 'error', 'Nhiệm vụ 6 (dòng 8) quá hạn 10 ngày (hạn 31/03/2024) mà chưa hoàn thành: cập nhật tiến độ, hoặc báo cáo lý do chậm.'],
      [8, 'E', 'DATE_WITHOUT_DONE', 'warning', 'Nhiệm vụ 6 (dòng 8) có ngày hoàn thành 01/03/2024 nhưng tiến độ là "Đang thực hiện": sửa tiến độ thành "Đã hoàn thành" hoặc xóa ngày.'],
      // 31/01 to 10/04/2024: 29 days to 29/02 (a leap year), 31 to 31/03, 10 more.
      [9, 'E', 'OVERDUE', 'error', 'Nhiệm vụ 7 (dòng 9) quá hạn 70 ngày (hạn 31/01/2024 và 1 hạn khác) mà chưa hoàn thành: cập nhật tiến độ, hoặc báo cáo lý do chậm.'],
      [9, 'E', 'UNKNOWN_STATUS', 'warning', `Không hiểu tiến độ "Ý kiến khác": dùng một trong các từ ${CHOICES}.`],
      [10, 'F', 'UNREADABLE_DONE_DATE', 'warning', 'Không đọc được ngày hoàn thành "ngày 32/3": ghi theo dạng ngày/tháng/năm, ví dụ 25/03/2024.'],
      [11, 'F', 'FUTURE_DONE_DATE', 'warning', 'Ngày hoàn thành 02/05/2024 sau ngày hôm nay (10/04/2024): kiểm tra lại ngày.'],
      [12, 'A', 'DUPLICATE_NUMBER', 'warning', 'Số TT "9" trùng với nhiệm vụ ở dòng 11 trong cùng mục: đánh lại số thứ tự.'],
      [12, 'B', 'EMPTY_TASK', 'warning', 'Nhiệm vụ 9 (dòng 12) chưa có nội dung: nhập nội dung nhiệm vụ, hoặc xóa dòng nếu không dùng.'],
      [13, 'C', 'MISSING_OWNER', 'error', 'Nhiệm vụ 10 (dòng 13) chưa có đơn vị chủ trì: nhập tên phòng/đơn vị chịu trách nhiệm chính.'],
      [13, 'C', 'ERROR_CELL', 'warning', 'Ô C13 đang báo lỗi #REF!: sửa công thức hoặc nhập lại giá trị (công cụ coi ô này là trống).'],
      [14, 'D', 'UNREADABLE_DEADLINE', 'error', 'Một phần thời hạn "30/06/2024, 31/02/2024" không đọc được (ngày 31/02/2024 không tồn tại).'],
    ]);
  });

  it('says once, at the header row, which columns are missing, naming the headers it saw', async () => {
    const noLead = await findingsFor([['TT', 'Nội dung nhiệm vụ', 'Thời gian thực hiện']]);
    expect(noLead.map((x) => [x.row, x.column, x.code, x.message])).toEqual([
      [
        1,
        'B',
        'NO_LEAD_COLUMN',
        'Không nhận ra cột đơn vị chủ trì ở hàng tiêu đề (dòng 1). Các tiêu đề đã thấy: "TT", "Nội dung nhiệm vụ", "Thời gian thực hiện". ' +
          'Đặt tiêu đề cột đó là "Đơn vị chủ trì" hoặc "Cơ quan chủ trì" (hoặc thêm cột đó); cho đến khi đó, chưa nhiệm vụ nào được kiểm tra đơn vị chủ trì.',
      ],
      [1, 'B', 'NO_TASKS', 'Không đọc được nhiệm vụ nào dưới hàng tiêu đề: kiểm tra cột TT và Nội dung nhiệm vụ, và bỏ gộp các ô của bảng nếu có.'],
      [
        1,
        'B',
        'NO_STATUS_COLUMN',
        'Phụ lục chưa có cột "Tiến độ" và "Ngày hoàn thành": mọi nhiệm vụ đã đến hạn đều bị tính là quá hạn. ' +
          `Thêm cột "Tiến độ" (${CHOICES}) và cột "Ngày hoàn thành" (dd/mm/yyyy) để theo dõi.`,
      ],
    ]);
    const noTimeframe = await findingsFor([['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Tiến độ'], [1, 'Việc một', 'VP Sở', 'Đang thực hiện']]);
    expect(noTimeframe.map((x) => [x.row, x.column, x.code, x.message])).toEqual([
      [
        1,
        'B',
        'NO_TIMEFRAME_COLUMN',
        'Không nhận ra cột thời gian thực hiện ở hàng tiêu đề (dòng 1). Các tiêu đề đã thấy: "TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Tiến độ". ' +
          'Đặt tiêu đề cột thời hạn là "Thời gian thực hiện" hoặc "Thời hạn hoàn thành" (hoặc thêm cột đó); cho đến khi đó, chưa nhiệm vụ nào được kiểm tra thời hạn và quá hạn.',
      ],
    ]);
  });

  it('names only the headers written, not the empty cells between them', async () => {
    const f = await findingsFor([['TT', 'Nội dung nhiệm vụ', null, 'Thời gian thực hiện']]);
    expect(only(f, 'NO_LEAD_COLUMN')[0].message).toContain('Các tiêu đề đã thấy: "TT", "Nội dung nhiệm vụ", "Thời gian thực hiện".');
  });

  it('shortens a long quoted text to 60 characters with an ellipsis and writes it on one line', async () => {
    const long = `Khi có\nyêu cầu của ${'cơ quan cấp trên '.repeat(4)}`;
    const sixty = 'Khi có yêu cầu của cơ quan cấp trên cơ quan cấp trên cơ quan';
    const f = await findingsFor([TITLE, HEADER, [1, 'Việc một', 'VP Sở', long], [2, 'Việc hai', 'VP Sở', sixty]]);
    // 59 characters of the text on one line, then "…"; a text of exactly 60 is quoted whole.
    expect(only(f, 'VAGUE_DEADLINE').map((x) => x.message)).toEqual([
      'Thời hạn "Khi có yêu cầu của cơ quan cấp trên cơ quan cấp trên cơ qua…" không có mốc cụ thể: nhiệm vụ không được tính vào tỷ lệ hoàn thành đúng hạn.',
      `Thời hạn "${sixty}" không có mốc cụ thể: nhiệm vụ không được tính vào tỷ lệ hoàn thành đúng hạn.`,
    ]);
  });
});
