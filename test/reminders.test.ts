/** Reminders per lead unit: what is due within the next days and what is overdue, at an as-of date. */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../src/core/index';
import { dailyReminderPlan, logOfRun, readReminderLog, REMINDER_LOG_HEADER, REMINDER_LOG_SHEET, reminderLogRows, reminderMail, reminderStage, remindersFor, withinQuota, type ReminderLogEntry } from '../src/core/measuring/reminders';
import { taskKeys } from '../src/core/consolidating/forms';
import type { CellValue } from '../src/core/types';

const HEADER = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'];
const ROWS: CellValue[][] = [
  HEADER,
  [1, 'Việc A', 'Văn phòng Sở', '12/04/2024', 'Đang thực hiện'],
  [2, 'Việc B', 'Văn phòng Sở, Thanh tra Sở', '05/04/2024', 'Đang thực hiện'],
  [3, 'Việc C', 'Thanh tra Sở', '17/04/2024', 'Chưa thực hiện'],
  [4, 'Việc D', 'Thanh tra Sở', '18/04/2024', 'Chưa thực hiện'],
  [5, 'Việc E', 'Văn phòng Sở', '10/04/2024', 'Đang thực hiện'],
  [6, 'Việc F', 'Văn phòng Sở', '01/04/2024', 'Hoàn thành'],
  [7, 'Việc G', null, '09/04/2024', 'Đang thực hiện'],
  [8, 'Việc H', 'Phòng Tổ chức cán bộ', 'trước ngày 05/11 hàng năm', 'Đang thực hiện'],
  // Done, due inside the window: nothing to remind of.
  [9, 'Việc I', 'Thanh tra Sở', '15/04/2024', 'Hoàn thành'],
];
const DIRECTORY = [
  { name: 'Văn phòng Sở', aliases: [], email: 'vanphong@syt.gov.vn' },
  { name: 'Thanh tra Sở', aliases: [] },
];
const read = (asOf: string) => checkWorkbook({ sheets: [{ name: 'PL', grid: ROWS }] }, { asOf });

describe('reminders per lead unit', () => {
  it('lists each unit\'s tasks due within 7 days (today and the 7th day included) and its overdue ones, busiest unit first', () => {
    const { appendix } = read('2024-04-10');
    expect(remindersFor(appendix, '2024-04-10', 7, DIRECTORY)).toEqual({
      asOf: '2024-04-10',
      days: 7,
      units: [
        {
          unit: 'Văn phòng Sở',
          email: 'vanphong@syt.gov.vn',
          // Due today is not overdue yet; D (18/04) is the 8th day, past the window.
          dueSoon: [
            { row: 6, tt: '5', content: 'Việc E', due: '2024-04-10', daysLeft: 0 },
            { row: 2, tt: '1', content: 'Việc A', due: '2024-04-12', daysLeft: 2 },
          ],
          overdue: [{ row: 3, tt: '2', content: 'Việc B', due: '2024-04-05', daysOverdue: 5 }],
        },
        {
          unit: 'Thanh tra Sở',
          email: null,
          dueSoon: [{ row: 4, tt: '3', content: 'Việc C', due: '2024-04-17', daysLeft: 7 }],
          overdue: [{ row: 3, tt: '2', content: 'Việc B', due: '2024-04-05', daysOverdue: 5 }],
        },
        { unit: '(Chưa có đơn vị chủ trì)', email: null, dueSoon: [], overdue: [{ row: 8, tt: '7', content: 'Việc G', due: '2024-04-09', daysOverdue: 1 }] },
      ],
    });
  });

  it('lists as overdue exactly the tasks the check finds overdue, at any as-of date', () => {
    for (const asOf of ['2024-04-01', '2024-04-10', '2024-04-30', '2024-12-31']) {
      const { appendix, findings } = read(asOf);
      const reminded = new Set(remindersFor(appendix, asOf, 7).units.flatMap((u) => u.overdue.map((o) => o.row)));
      const checked = new Set(findings.filter((f) => f.code === 'OVERDUE').map((f) => f.row));
      expect([...reminded].sort(), asOf).toEqual([...checked].sort());
    }
    // The yearly deadline (5 November) is reminded of in the week before it.
    const { appendix } = read('2024-11-01');
    expect(remindersFor(appendix, '2024-11-01', 7).units.find((u) => u.unit === 'Phòng Tổ chức cán bộ')?.dueSoon).toEqual([
      { row: 9, tt: '8', content: 'Việc H', due: '2024-11-05', daysLeft: 4 },
    ]);
  });
});

describe('the order of the reminders', () => {
  it('puts the unit with the most to do first, equal ones by name, and a unit\'s soon-due tasks by date then row', () => {
    const grid: CellValue[][] = [
      HEADER,
      [1, 'Một', 'Thanh tra Sở', '05/04/2024', 'Đang thực hiện'],
      [2, 'Hai', 'Văn phòng Sở', '12/04/2024', 'Đang thực hiện'],
      [3, 'Ba', 'Văn phòng Sở', '11/04/2024', 'Đang thực hiện'],
      [4, 'Bốn', 'Văn phòng Sở', '11/04/2024', 'Đang thực hiện'],
      [5, 'Năm', 'Phòng Tổ chức cán bộ', '05/04/2024', 'Đang thực hiện'],
      [6, 'Sáu', 'Phòng Tổ chức cán bộ', '06/04/2024', 'Đang thực hiện'],
      [7, 'Bảy', 'Phòng Tổ chức cán bộ', '12/04/2024', 'Đang thực hiện'],
    ];
    const { appendix } = checkWorkbook({ sheets: [{ name: 'PL', grid }] }, { asOf: '2024-04-10' });
    const r = remindersFor(appendix, '2024-04-10', 7);
    // Three each for TCCB and the Office ("Phòng…" before "Văn…"), one for the Inspectorate though it comes first.
    expect(r.units.map((u) => u.unit)).toEqual(['Phòng Tổ chức cán bộ', 'Văn phòng Sở', 'Thanh tra Sở']);
    expect(r.units[1].dueSoon.map((d) => d.content)).toEqual(['Ba', 'Bốn', 'Hai']);
  });
});

describe('the reminder e-mail', () => {
  it('greets the unit, lists the overdue tasks then the soon-due ones, asks for the tracking columns, and is signed', () => {
    const { appendix } = read('2024-04-10');
    const [vp, thanhTra] = remindersFor(appendix, '2024-04-10', 7, DIRECTORY).units;
    expect(reminderMail(vp, '2024-04-10', 7, 'Sở Y tế tỉnh Đồng Nai')).toEqual({
      subject: '[CCHC] Nhắc hạn nhiệm vụ cải cách hành chính: 1 quá hạn, 2 sắp đến hạn',
      body: [
        'Kính gửi: Văn phòng Sở,',
        '',
        'Theo phụ lục kế hoạch cải cách hành chính, tính đến ngày 10/04/2024:',
        '',
        'Nhiệm vụ đã quá hạn mà chưa hoàn thành (1):',
        '- 2. Việc B (dòng 3, hạn 05/04/2024): quá 5 ngày.',
        '',
        'Nhiệm vụ đến hạn trong 7 ngày tới (2):',
        '- 5. Việc E (dòng 6, hạn 10/04/2024): đến hạn hôm nay.',
        '- 1. Việc A (dòng 2, hạn 12/04/2024): còn 2 ngày.',
        '',
        'Đề nghị quý đơn vị cập nhật tiến độ, ngày hoàn thành, kết quả thực hiện, khó khăn và đề xuất (nếu có) vào phụ lục.',
        '',
        'Sở Y tế tỉnh Đồng Nai',
      ].join('\n'),
    });
    // Only overdue: the subject names only that; a task without a number is listed by its content.
    const [, , none] = remindersFor(appendix, '2024-04-10', 7).units;
    expect(reminderMail(none, '2024-04-10', 7, 'VP').subject).toBe('[CCHC] Nhắc hạn nhiệm vụ cải cách hành chính: 1 quá hạn');
    // A list with nothing in it is left out of the body, heading included.
    expect(reminderMail(none, '2024-04-10', 7, 'VP').body).not.toContain('đến hạn trong');
    expect(reminderMail({ ...thanhTra, overdue: [] }, '2024-04-10', 3, 'VP').body).not.toContain('quá hạn mà chưa hoàn thành');
    expect(reminderMail({ ...thanhTra, overdue: [] }, '2024-04-10', 3, 'VP')).toMatchObject({ subject: '[CCHC] Nhắc hạn nhiệm vụ cải cách hành chính: 1 sắp đến hạn' });
    expect(reminderMail({ ...thanhTra, overdue: [], dueSoon: [{ ...thanhTra.dueSoon[0], tt: '' }] }, '2024-04-10', 3, 'VP').body).toContain('\n- Việc C (dòng 4, hạn 17/04/2024): còn 7 ngày.\n');
  });
});

describe('the daily reminder’s plan', () => {
  const keys = () => taskKeys(read('2024-04-10').appendix.tasks);
  const plan = (log: ReminderLogEntry[] = [], report: Parameters<typeof dailyReminderPlan>[2]['report'] = null, stages = [7, 3, 1]) =>
    dailyReminderPlan(read('2024-04-10').appendix, '2024-04-10', { stages, directory: DIRECTORY, log, sender: 'Sở Y tế tỉnh Đồng Nai', keys: keys(), report });

  it.each([
    [10, null],
    [8, null],
    [7, 'còn 7 ngày'],
    [4, 'còn 7 ngày'],
    [3, 'còn 3 ngày'],
    [2, 'còn 3 ngày'],
    [1, 'còn 1 ngày'],
    [0, 'còn 1 ngày'],
    [-1, 'quá hạn (tuần 1)'],
    [-7, 'quá hạn (tuần 1)'],
    [-8, 'quá hạn (tuần 2)'],
    [-15, 'quá hạn (tuần 3)'],
  ])('puts a due date %i days away at the stage "%s"', (days, stage) => {
    expect(reminderStage(days, [7, 3, 1])).toBe(stage);
    expect(reminderStage(days, [1, 7, 3])).toBe(stage);
  });

  it('writes each unit with an e-mail one mail of its tasks at a stage, and names the units it cannot write to', () => {
    const p = plan();
    expect(p.mails.map((m) => [m.to, m.entries.map((e) => [e.row, e.due, e.stage])])).toEqual([
      [
        'vanphong@syt.gov.vn',
        [
          [3, '2024-04-05', 'quá hạn (tuần 1)'],
          [6, '2024-04-10', 'còn 1 ngày'],
          [2, '2024-04-12', 'còn 3 ngày'],
        ],
      ],
    ]);
    expect(p.mails[0].entries[0]).toEqual({ date: '2024-04-10', unit: 'Văn phòng Sở', email: 'vanphong@syt.gov.vn', key: keys()[1], row: 3, due: '2024-04-05', stage: 'quá hạn (tuần 1)', sent: true });
    expect(p.mails[0].subject).toBe('[CCHC] Nhắc hạn nhiệm vụ cải cách hành chính: 1 quá hạn, 2 sắp đến hạn');
    expect(p.mails[0].body).toContain('Nhiệm vụ đến hạn trong 7 ngày tới (2):');
    // Việc G has no lead unit: it needs one, not an e-mail (the check says so), and is not listed here.
    expect(p.withoutEmail).toEqual(['Thanh tra Sở']);
  });

  it('leaves out what the log says was sent at that stage, but not what was held back', () => {
    const sentA: ReminderLogEntry = { date: '2024-04-09', unit: 'Văn phòng Sở', email: 'vanphong@syt.gov.vn', key: keys()[0], row: 2, due: '2024-04-12', stage: 'còn 3 ngày', sent: true };
    const heldB: ReminderLogEntry = { ...sentA, key: keys()[1], row: 3, due: '2024-04-05', stage: 'quá hạn (tuần 1)', sent: false };
    const earlierStageE: ReminderLogEntry = { ...sentA, key: keys()[4], row: 6, due: '2024-04-10', stage: 'còn 3 ngày', sent: true };
    expect(plan([sentA, heldB, earlierStageE]).mails[0].entries.map((e) => e.row)).toEqual([3, 6]);
    expect(plan([sentA, { ...heldB, sent: true }, { ...earlierStageE, stage: 'còn 1 ngày' }]).mails).toEqual([]);
    // The same task at the same stage, logged for another address: still to send.
    expect(plan([{ ...sentA, email: 'cu@syt.gov.vn' }]).mails[0].entries.map((e) => e.row)).toEqual([3, 6, 2]);
  });

  it('reminds the Office of the report from 7 days before its due date, once per stage, never after it', () => {
    const report = { email: 'tonghop@syt.gov.vn', due: '2024-04-17', label: 'quý I năm 2024', code: 'Q1/2024' };
    const mail = plan([], report).mails.find((m) => m.to === 'tonghop@syt.gov.vn')!;
    expect(mail.subject).toBe('[CCHC] Hạn gửi báo cáo quý I năm 2024: 17/04/2024 (còn 7 ngày)');
    expect(mail.entries).toEqual([{ date: '2024-04-10', unit: 'Sở Y tế tỉnh Đồng Nai', email: 'tonghop@syt.gov.vn', key: 'BC-Q1/2024', row: 0, due: '2024-04-17', stage: 'còn 7 ngày', sent: true }]);
    expect(plan([], { ...report, due: '2024-04-10' }).mails.find((m) => m.to === report.email)?.subject).toBe('[CCHC] Hạn gửi báo cáo quý I năm 2024: 10/04/2024 (hôm nay)');
    expect(plan(mail.entries, report).mails.some((m) => m.to === report.email)).toBe(false);
    expect(plan([], { ...report, due: '2024-04-09' }).mails.some((m) => m.to === report.email)).toBe(false);
    expect(plan([], { ...report, due: '2024-04-18' }).mails.some((m) => m.to === report.email)).toBe(false);
    expect(plan([], { ...report, email: null }).mails.some((m) => m.to === report.email)).toBe(false);
  });

  it('takes the stages from the settings: with 5 and 2 days, a task 7 days away waits', () => {
    expect(plan([], null, [5, 2]).mails[0].entries.map((e) => [e.row, e.stage])).toEqual([
      [3, 'quá hạn (tuần 1)'],
      [6, 'còn 2 ngày'],
      [2, 'còn 2 ngày'],
    ]);
  });

  it('sends what the day’s quota allows, in order, and logs the rest as held or refused', () => {
    const p = plan();
    const three = { ...p, mails: [p.mails[0], { ...p.mails[0], to: 'b@x.vn' }, { ...p.mails[0], to: 'c@x.vn' }] };
    expect(withinQuota(three, 2).send.map((m) => m.to)).toEqual(['vanphong@syt.gov.vn', 'b@x.vn']);
    expect(withinQuota(three, 2.9).held.map((m) => m.to)).toEqual(['c@x.vn']);
    expect(withinQuota(three, -1).send).toEqual([]);
    expect(withinQuota(three, 5).send).toHaveLength(3);
    const log = logOfRun([three.mails[0]], [three.mails[1]], [{ mail: three.mails[2], error: 'Invalid email' }]);
    expect(log.map((e) => [e.sent, e.note])).toEqual([
      [true, undefined], [true, undefined], [true, undefined],
      [false, undefined], [false, undefined], [false, undefined],
      [false, 'Lỗi khi gửi: Invalid email'], [false, 'Lỗi khi gửi: Invalid email'], [false, 'Lỗi khi gửi: Invalid email'],
    ]);
  });

  it('writes its log as rows and reads them back, skipping rows that are not the tool’s', () => {
    const entry: ReminderLogEntry = { date: '2024-04-10', unit: 'Văn phòng Sở', email: 'vp@x.vn', key: 'NV-1', row: 3, due: '2024-04-12', stage: 'còn 3 ngày', sent: true };
    const rows = reminderLogRows([entry, { ...entry, key: 'NV-2', sent: false }, { ...entry, key: 'BC-Q1/2024', row: 0, sent: false, note: 'Lỗi khi gửi: x' }]);
    expect(rows).toEqual([
      ['2024-04-10', 'Văn phòng Sở', 'vp@x.vn', 'NV-1', 3, '2024-04-12', 'còn 3 ngày', 'Đã gửi'],
      ['2024-04-10', 'Văn phòng Sở', 'vp@x.vn', 'NV-2', 3, '2024-04-12', 'còn 3 ngày', 'Chưa gửi: hết hạn mức e-mail trong ngày, sẽ gửi lần chạy sau'],
      ['2024-04-10', 'Văn phòng Sở', 'vp@x.vn', 'BC-Q1/2024', null, '2024-04-12', 'còn 3 ngày', 'Lỗi khi gửi: x'],
    ]);
    const sheet = { name: REMINDER_LOG_SHEET, grid: [[...REMINDER_LOG_HEADER], ...rows, ['ghi chú của người dùng'], [new Date(Date.UTC(2024, 3, 11)), 'X', 'x@x.vn', '', 1, new Date(Date.UTC(2024, 3, 12)), 's', 'Đã gửi']] };
    expect(readReminderLog({ sheets: [sheet] })).toEqual([entry, { ...entry, key: 'NV-2', sent: false }, { ...entry, key: 'BC-Q1/2024', row: 0, sent: false }]);
    expect(readReminderLog({ sheets: [{ ...sheet, name: 'Nhật ký khác' }] })).toEqual([]);
  });
});
