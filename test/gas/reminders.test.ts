/**
 * The daily reminder in Google Sheets, run in the Apps Script fake on given mornings: who gets which e-mail at each
 * stage (7, 3, 1 days before, then weekly when overdue), the log that keeps anything from being sent twice, the day's
 * e-mail quota, a refused address, the Office's report reminder, and the trigger and scopes asked only when turned on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WorkbookData } from '../../src/core/types';
import { utc } from '../fixtures/sheets';
import { FakeSpreadsheet, loadCodeJs, type FakeTrigger, type SentMail } from './fake';

/** 08:00 in Vietnam on a day of 2024. */
const morning = (day: number, month: number) => new Date(Date.UTC(2024, month - 1, day, 1));

const WORKBOOK: WorkbookData = {
  sheets: [
    {
      name: 'Phụ lục',
      grid: [
        ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'],
        [1, 'Việc A', 'Văn phòng Sở', utc(17, 4, 2024), 'Đang thực hiện'],
        [2, 'Việc B', 'Thanh tra Sở', utc(5, 4, 2024), 'Đang thực hiện'],
        [3, 'Việc C', 'Phòng Tổ chức cán bộ', utc(12, 4, 2024), 'Chưa thực hiện'],
        [4, 'Việc D', 'Văn phòng Sở', utc(30, 6, 2024), 'Chưa thực hiện'],
      ],
    },
    {
      name: 'CCHC - Cài đặt',
      grid: [
        ['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC'],
        ['Tên đơn vị (tiêu đề báo cáo)', 'Sở Y tế tỉnh Đồng Nai'],
        ['E-mail Văn phòng (nhắc hạn báo cáo)', 'tonghop@syt.dongnai.gov.vn'],
        [],
        ['Danh mục đơn vị', 'Tên gọi khác', 'E-mail đầu mối'],
        ['Văn phòng Sở', 'VP', 'vanphong@syt.dongnai.gov.vn'],
        ['Thanh tra Sở', '', 'thanhtra@syt.dongnai.gov.vn'],
        ['Phòng Tổ chức cán bộ', 'TCCB', ''],
      ],
    },
  ],
};

/** One spreadsheet whose triggers and sent mail outlive each run (a run is a fresh load of Code.js). */
function office() {
  const ss = FakeSpreadsheet.from(WORKBOOK);
  const triggers: FakeTrigger[] = [];
  const mail: SentMail[] = [];
  const run = (now: Date, options: { mailQuota?: number; refuseMailTo?: string[] } = {}) => {
    const loaded = loadCodeJs(ss, { now, triggers, mail, ...options });
    return loaded.gas.dailyReminders() as { sent: number; held: number; failed: number };
  };
  const log = () => ss.sheets.find((s) => s.name === 'CCHC - Nhật ký nhắc hạn')?.dump().slice(1).map((r) => [r[1], r[3] ? 'key' : '', r[4], r[6], r[7]]) ?? [];
  return { ss, triggers, mail, run, log };
}

describe('the daily reminder', () => {
  it('sends each unit with an e-mail one mail of what reached a new stage, and logs it', () => {
    const o = office();
    expect(o.run(morning(10, 4))).toEqual({ sent: 2, held: 0, failed: 0 });
    expect(o.mail.map((m) => [m.to, m.subject])).toEqual([
      ['thanhtra@syt.dongnai.gov.vn', '[CCHC] Nhắc hạn nhiệm vụ cải cách hành chính: 1 quá hạn'],
      ['vanphong@syt.dongnai.gov.vn', '[CCHC] Nhắc hạn nhiệm vụ cải cách hành chính: 1 sắp đến hạn'],
    ]);
    expect(o.mail[0].body).toContain('- 2. Việc B (dòng 3, hạn 05/04/2024): quá 5 ngày.');
    expect(o.mail[1].body).toContain('- 1. Việc A (dòng 2, hạn 17/04/2024): còn 7 ngày.');
    expect(o.mail[1].body).not.toContain('Việc D');
    expect(o.log()).toEqual([
      ['Thanh tra Sở', 'key', 3, 'quá hạn (tuần 1)', 'Đã gửi'],
      ['Văn phòng Sở', 'key', 2, 'còn 7 ngày', 'Đã gửi'],
    ]);
  });

  it('sends nothing twice: a second run the same day, and the next days within the same stage, send nothing', () => {
    const o = office();
    o.run(morning(10, 4));
    expect(o.run(morning(10, 4))).toEqual({ sent: 0, held: 0, failed: 0 });
    // 11/04: Việc A has 6 days left (still the 7-day stage), Việc B is 6 days late (still its first week).
    expect(o.run(morning(11, 4))).toEqual({ sent: 0, held: 0, failed: 0 });
    expect(o.mail).toHaveLength(2);
    expect(o.log()).toHaveLength(2);
  });

  it('writes again at the next stage: 3 days before, and a second week late', () => {
    const o = office();
    o.run(morning(10, 4));
    expect(o.run(morning(14, 4))).toEqual({ sent: 2, held: 0, failed: 0 });
    expect(o.log().slice(2).map((r) => [r[0], r[3]])).toEqual([
      ['Thanh tra Sở', 'quá hạn (tuần 2)'],
      ['Văn phòng Sở', 'còn 3 ngày'],
    ]);
    expect(o.mail[3].body).toContain('còn 3 ngày.');
  });

  it('catches up a stage on the day after a day it did not run', () => {
    const o = office();
    // First run on 15/04: Việc A has 2 days left, past its 7- and 3-day marks: one mail at the 3-day stage.
    o.run(morning(15, 4));
    expect(o.log().find((r) => r[0] === 'Văn phòng Sở')?.[3]).toBe('còn 3 ngày');
  });

  it('keeps within the day’s e-mail quota, logs what waited, and sends it on the next run', () => {
    const o = office();
    expect(o.run(morning(10, 4), { mailQuota: 1 })).toEqual({ sent: 1, held: 1, failed: 0 });
    expect(o.log()).toEqual([
      ['Thanh tra Sở', 'key', 3, 'quá hạn (tuần 1)', 'Đã gửi'],
      ['Văn phòng Sở', 'key', 2, 'còn 7 ngày', 'Chưa gửi: hết hạn mức e-mail trong ngày, sẽ gửi lần chạy sau'],
    ]);
    expect(o.run(morning(11, 4))).toEqual({ sent: 1, held: 0, failed: 0 });
    expect(o.mail.map((m) => m.to)).toEqual(['thanhtra@syt.dongnai.gov.vn', 'vanphong@syt.dongnai.gov.vn']);
  });

  it('logs an address the mail service refused, with its reason, and tries it again the next run', () => {
    const o = office();
    expect(o.run(morning(10, 4), { refuseMailTo: ['thanhtra@syt.dongnai.gov.vn'] })).toEqual({ sent: 1, held: 0, failed: 1 });
    expect(o.log()[1]).toEqual(['Thanh tra Sở', 'key', 3, 'quá hạn (tuần 1)', 'Lỗi khi gửi: Invalid email: thanhtra@syt.dongnai.gov.vn']);
    expect(o.run(morning(11, 4))).toEqual({ sent: 1, held: 0, failed: 0 });
  });

  it('reminds the Office of the next report 7 days before its due date (20 June for the 6-month report)', () => {
    const o = office();
    o.run(morning(13, 6));
    const report = o.mail.find((m) => m.to === 'tonghop@syt.dongnai.gov.vn');
    expect(report?.subject).toBe('[CCHC] Hạn gửi báo cáo 6 tháng đầu năm 2024: 20/06/2024 (còn 7 ngày)');
    expect(o.log().find((r) => r[0] === 'Sở Y tế tỉnh Đồng Nai')).toEqual(['Sở Y tế tỉnh Đồng Nai', 'key', '', 'còn 7 ngày', 'Đã gửi']);
  });
});

describe('turning the daily reminder on and off', () => {
  it('asks for the mail and trigger scopes only then, installs one daily trigger, and says who has no e-mail', () => {
    const ss = FakeSpreadsheet.from(WORKBOOK);
    const triggers: FakeTrigger[] = [];
    const first = loadCodeJs(ss, { triggers, now: morning(10, 4) });
    first.gas.panelCheck();
    // An ordinary action checks only the scopes every action needs, so a user who never turned reminders on is not blocked.
    expect(first.authChecks).toEqual([['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']]);
    first.gas.menuRemindersOn();
    expect(first.required).toEqual([
      ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'],
      ['https://www.googleapis.com/auth/script.scriptapp', 'https://www.googleapis.com/auth/script.send_mail'],
    ]);
    const manifest = JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8'));
    expect(first.required.flat().sort()).toEqual([...manifest.oauthScopes].sort());
    expect(triggers.map((t) => [t.handler, t.everyDays, t.atHour])).toEqual([['dailyReminders', 1, 7]]);
    expect(first.ui.alerts[0]).toContain('Chưa có e-mail đầu mối (trang "CCHC - Cài đặt"): Phòng Tổ chức cán bộ.');
    expect(first.ui.alerts[0]).toContain('còn 7, 3, 1 ngày');
    loadCodeJs(ss, { triggers }).gas.menuRemindersOn();
    expect(triggers).toHaveLength(1);
    const off = loadCodeJs(ss, { triggers });
    off.gas.menuRemindersOff();
    expect(triggers).toEqual([]);
    expect(off.ui.alerts).toEqual(['Đã tắt nhắc hạn hằng ngày.']);
  });

  it('reads the reminder days from the settings', () => {
    const withDays: WorkbookData = { sheets: [WORKBOOK.sheets[0], { ...WORKBOOK.sheets[1], grid: [...WORKBOOK.sheets[1].grid, [], ['Nhắc trước hạn (số ngày)', '5; 2']] }] };
    const ss = FakeSpreadsheet.from(withDays);
    const mail: SentMail[] = [];
    // 10/04: Việc A has 7 days left, outside the 5-day mark: only the overdue task is written about.
    loadCodeJs(ss, { mail, now: morning(10, 4) }).gas.dailyReminders();
    expect(mail.map((m) => m.to)).toEqual(['thanhtra@syt.dongnai.gov.vn']);
    loadCodeJs(ss, { mail, now: morning(12, 4) }).gas.dailyReminders();
    expect(mail[1].body).toContain('còn 5 ngày.');
  });
});

