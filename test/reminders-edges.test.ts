/** The daily reminder's edges that mutation testing found unstated: a unit with only overdue work, the report mail. */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../src/core/index';
import { dailyReminderPlan } from '../src/core/measuring/reminders';
import type { CellValue } from '../src/core/types';

const ROWS: CellValue[][] = [
  ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'],
  [1, 'Việc quá hạn', 'Thanh tra Sở', '01/04/2024', 'Đang thực hiện'],
  [2, 'Việc còn xa', 'Văn phòng Sở', '30/06/2024', 'Đang thực hiện'],
];
const plan = (report: { email: string | null; due: string; label: string; code: string } | null = null) =>
  dailyReminderPlan(checkWorkbook({ sheets: [{ name: 'PL', grid: ROWS }] }, { asOf: '2024-04-10' }).appendix, '2024-04-10', {
    stages: [7, 3, 1],
    directory: [
      { name: 'Thanh tra Sở', aliases: [], email: 'tt@syt.gov.vn' },
      { name: 'Văn phòng Sở', aliases: [], email: 'vp@syt.gov.vn' },
    ],
    log: [],
    sender: 'Sở Y tế tỉnh Đồng Nai',
    keys: ['NV-1', 'NV-2'],
    report,
  });

describe('the daily reminder, at its edges', () => {
  it('writes to a unit that has only overdue work, and not to one with nothing at a stage', () => {
    expect(plan().mails.map((m) => [m.to, m.subject, m.entries.map((e) => [e.key, e.stage])])).toEqual([
      ['tt@syt.gov.vn', '[CCHC] Nhắc hạn nhiệm vụ cải cách hành chính: 1 quá hạn', [['NV-1', 'quá hạn (tuần 2)']]],
    ]);
  });

  it('tells the Office what is due and how to make the report', () => {
    const mail = plan({ email: 'tonghop@syt.gov.vn', due: '2024-04-13', label: 'quý I năm 2024', code: 'Q1/2024' }).mails[1];
    expect(mail.body).toBe(
      [
        'Báo cáo kết quả cải cách hành chính quý I năm 2024 đến hạn gửi ngày 13/04/2024.',
        '',
        'Trong Google Trang tính: Tiện ích mở rộng › CCHC › Tạo báo cáo định kỳ, rồi tải văn bản báo cáo (.docx) từ bảng điều khiển.',
        '',
        'Sở Y tế tỉnh Đồng Nai',
      ].join('\n'),
    );
    expect(mail.subject).toBe('[CCHC] Hạn gửi báo cáo quý I năm 2024: 13/04/2024 (còn 3 ngày)');
  });
});
