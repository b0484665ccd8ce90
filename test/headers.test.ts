import { describe, expect, it } from 'vitest';
import { assignRoles, isPureHeader, matchHeader, scoreRoles } from '../src/core/reading/headers';

describe('header recognition by meaning', () => {
  it.each([
    // task
    ['Nội dung', 'task'],
    ['Nội dung công việc', 'task'],
    ['NHIỆM VỤ VÀ GIẢI PHÁP', 'task'],
    ['Nhiệm vụ, giải pháp', 'task'],
    ['Các nhiệm vụ, giải pháp chủ yếu', 'task'],
    ['Tên nhiệm vụ/đề án', 'task'],
    ['Tên đề án, nhiệm vụ', 'task'],
    ['Hoạt động', 'task'],
    ['Nội dung hoạt động', 'task'],
    ['Công việc', 'task'],
    ['Nhiệm vụ cụ thể', 'task'],
    ['Nội dung công việc cần thực hiện', 'task'],
    ['Tên văn bản', 'task'],
    // time frame
    ['Thời gian thực hiện', 'timeframe'],
    ['Thời gian hoàn thành', 'timeframe'],
    ['Thời gian dự kiến hoàn thành', 'timeframe'],
    ['Thời hạn', 'timeframe'],
    ['Thời hạn hoàn thành', 'timeframe'],
    ['Tiến độ thực hiện', 'timeframe'],
    ['Tiến độ hoàn thành', 'timeframe'],
    ['Mốc thời gian', 'timeframe'],
    ['Thời gian trình', 'timeframe'],
    ['Hạn hoàn thành', 'timeframe'],
    ['thoi gian thuc hien', 'timeframe'],
    // lead
    ['Đơn vị chủ trì', 'lead'],
    ['Cơ quan chủ trì', 'lead'],
    ['Cơ quan, đơn vị chủ trì', 'lead'],
    ['Đơn vị/Phòng chủ trì', 'lead'],
    ['Chủ trì', 'lead'],
    ['Đơn vị thực hiện', 'lead'],
    ['Cơ quan thực hiện', 'lead'],
    ['Đơn vị phụ trách', 'lead'],
    ['Cơ quan chủ trì soạn thảo', 'lead'],
    ['Đơn vị đầu mối', 'lead'],
    ['Trách nhiệm thực hiện', 'lead'],
    ['Cơ quan thực hiện Chủ trì', 'lead'],
    // coordinators
    ['Đơn vị phối hợp', 'coordinators'],
    ['Cơ quan phối hợp', 'coordinators'],
    ['Phối hợp', 'coordinators'],
    ['Cơ quan thực hiện Phối hợp', 'coordinators'],
    // traps that already worked
    ['Người đứng đầu chịu trách nhiệm', 'person'],
    ['Lãnh đạo phụ trách', 'person'],
    ['Cán bộ theo dõi', 'person'],
    ['Ngày hoàn thành', 'doneDate'],
    ['Ngày hoàn thành thực tế', 'doneDate'],
    ['Thời gian hoàn thành thực tế', 'doneDate'],
    ['Tiến độ', 'status'],
    ['Tình trạng', 'status'],
    ['Tình hình thực hiện', 'status'],
    ['Kết quả đánh giá', 'status'],
    ['Kết quả', 'product'],
    // What was achieved, written back by the unit (issue 11's tracking column), not the plan's expected output.
    ['Kết quả thực hiện', 'result'],
    ['Kết quả đạt được', 'result'],
    ['Khó khăn, vướng mắc', 'difficulty'],
    ['Đề xuất, kiến nghị', 'proposal'],
    ['Nội dung đề xuất', 'task'],
    ['Kết quả dự kiến', 'product'],
    ['Sản phẩm', 'product'],
    ['Sản phẩm dự kiến', 'product'],
    ['Hình thức văn bản', 'product'],
    ['Ghi chú', 'note'],
    ['TT', 'number'],
    ['STT', 'number'],
    ['Số TT', 'number'],
  ])("reads the header '%s' as %s", (header, role) => {
    expect(matchHeader(header)).toBe(role);
    expect(matchHeader(header.toUpperCase())).toBe(role);
    expect(matchHeader(header.normalize('NFD'))).toBe(role);
  });

  it.each(['Đơn vị tính', 'Ngày ban hành', 'Số, ngày văn bản', 'Lĩnh vực', 'Kinh phí thực hiện', 'Nguồn kinh phí', 'Số tiền'])(
    "gives the header '%s' no role: a unit of measure, a document date or a column the tool does not use",
    (header) => {
      expect(matchHeader(header)).toBeNull();
    },
  );

  it('reads a slash or a comma as a space between header words', () => {
    expect(matchHeader('Nhiệm vụ/Hoạt động')).toBe('task');
    expect(matchHeader('Thời gian,hoàn thành')).toBe('timeframe');
  });

  it('counts a phrase inside a longer one of the same role once: "Cán bộ chịu trách nhiệm" is a person', () => {
    expect(matchHeader('Cán bộ chịu trách nhiệm')).toBe('person');
  });

  it('prefers the role listed first when two score the same: "Người chủ trì" is a person', () => {
    expect(matchHeader('Người chủ trì')).toBe('person');
    expect(assignRoles(['Người chủ trì', 'Đơn vị', 'Nội dung'])).toEqual({ person: 0, lead: 1, task: 2 });
    // Whatever order the words come in: "Nội dung" (task, 5) and "thời gian" (time frame, 5) tie, and the time frame is listed first.
    expect(scoreRoles('Nội dung, thời gian')).toEqual([{ role: 'timeframe', score: 5 }, { role: 'task', score: 5 }]);
  });

  it('gives no role to a header made only of words that add weight, with no word that names a role', () => {
    expect(matchHeader('Triển khai, thực hiện, hoàn thành')).toBeNull();
    expect(scoreRoles('Dự kiến')).toEqual([]);
    expect(scoreRoles('Hoàn thành')).toEqual([]);
  });

  it('takes a cell longer than 90 characters for a title, not a header', () => {
    // "Đơn vị chủ trì" folds to 14 characters; each " x" adds 2.
    expect(matchHeader(`Đơn vị chủ trì${' x'.repeat(38)}`)).toBe('lead');
    expect(matchHeader(`Đơn vị chủ trì${' x'.repeat(38)}x`)).toBeNull();
    expect(matchHeader(`Nội dung ${'công việc '.repeat(9)}`)).toBeNull();
  });

  it('gives each role to its best-scoring column, the first on a tie', () => {
    expect(assignRoles(['Ghi chú', 'Nội dung', 'Nội dung', 'Nội dung'])).toEqual({ note: 0, task: 1 });
    expect(assignRoles(['Ghi chú', 'Nội dung', 'Nhiệm vụ', 'Công việc'])).toEqual({ note: 0, task: 1 });
    expect(assignRoles(['Công việc', 'Nhiệm vụ', 'Nội dung'])).toEqual({ task: 0 });
    expect(assignRoles(['TT', 'Thời gian thực hiện Bắt đầu', 'Thời gian thực hiện Kết thúc', 'Nội dung', 'Nội dung'])).toEqual({
      number: 0,
      timeframe: 2,
      task: 3,
    });
  });

  it('gives a column whose best role is taken its next one: "Tiến độ thực hiện" beside "Thời gian hoàn thành" is the status', () => {
    expect(assignRoles(['TT', 'Nhiệm vụ', 'Thời gian hoàn thành', 'Tiến độ thực hiện'])).toEqual({ number: 0, task: 1, timeframe: 2, status: 3 });
    expect(assignRoles(['TT', 'Nhiệm vụ', 'Tiến độ thực hiện'])).toEqual({ number: 0, task: 1, timeframe: 2 });
    // A column's first choice goes before another's second at the same score: "Tiến độ" (status, 4) takes the status from
    // "Tiến độ thực hiện" (time frame 5, status 4) once "Thời gian hoàn thành" has the time frame.
    expect(assignRoles(['Tiến độ thực hiện', 'Tiến độ', 'Thời gian hoàn thành'])).toEqual({ status: 1, timeframe: 2 });
  });

  it('never reads one title merged over several columns as several headers', () => {
    const title = 'Nội dung, nhiệm vụ và phân công thực hiện Kế hoạch';
    expect(assignRoles([title, title, title, title])).toEqual({ task: 0 });
  });

  it('tells a repeated header from a task that starts with a header word', () => {
    expect(isPureHeader('Nội dung nhiệm vụ')).toBe(true);
    expect(isPureHeader('NHIỆM VỤ VÀ GIẢI PHÁP')).toBe(true);
    expect(isPureHeader('Nhiệm vụ cải cách thủ tục hành chính')).toBe(false);
    expect(isPureHeader('Văn phòng Sở')).toBe(false);
    expect(isPureHeader('Hoàn thành')).toBe(false);
  });
});
