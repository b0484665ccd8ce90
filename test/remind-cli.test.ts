/** `cchc remind`: the JSON contract, and the .eml drafts and .ics calendar as real parsers read them. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSheets, tempDir } from './fixtures/workbooks';

const dir = tempDir();
const file = join(dir, 'nhac-han.xlsx');
const cchc = (...args: string[]) => spawnSync(process.execPath, ['bin/cchc.js', ...args], { encoding: 'utf8' });

beforeAll(async () => {
  await buildSheets(file, [
    {
      name: 'Phụ lục',
      rows: [
        ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'],
        [1, 'Việc A', 'Văn phòng Sở', '12/04/2024', 'Đang thực hiện'],
        [2, 'Việc B; phối hợp, gấp', 'Văn phòng Sở, Thanh tra Sở', '05/04/2024', 'Đang thực hiện'],
        [3, 'Việc C', 'Thanh tra Sở', '17/04/2024', 'Chưa thực hiện'],
      ],
    },
    {
      name: 'CCHC - Cài đặt',
      rows: [
        ['CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC'],
        ['Tên đơn vị (tiêu đề báo cáo)', 'Sở Y tế tỉnh Đồng Nai'],
        [],
        ['Danh mục đơn vị', 'Tên gọi khác', 'E-mail đầu mối'],
        ['Văn phòng Sở', 'VP', 'vanphong@syt.dongnai.gov.vn'],
        ['Thanh tra Sở', '', 'thanhtra@syt.dongnai.gov.vn'],
      ],
    },
  ]);
});

describe('cchc remind', () => {
  it('prints the contract: per unit its e-mail, what is due soon and what is overdue', () => {
    const r = cchc('remind', file, '--as-of', '10/04/2024', '--days', '7', '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ asOf: '2024-04-10', days: 7 });
    expect(json.units.map((u: { unit: string; email: string }) => [u.unit, u.email])).toEqual([
      ['Thanh tra Sở', 'thanhtra@syt.dongnai.gov.vn'],
      ['Văn phòng Sở', 'vanphong@syt.dongnai.gov.vn'],
    ]);
    expect(json.units[1].dueSoon).toEqual([{ row: 2, tt: '1', content: 'Việc A', due: '2024-04-12', daysLeft: 2 }]);
    expect(json.units[1].overdue).toEqual([{ row: 3, tt: '2', content: 'Việc B; phối hợp, gấp', due: '2024-04-05', daysOverdue: 5 }]);
    expect(cchc('remind', file, '--days', 'bảy').stderr).toBe('Lỗi: --days "bảy" không hợp lệ: ghi số ngày từ 0 đến 366, ví dụ --days 7.\n');
  });

  it('writes one e-mail draft per unit and a calendar of the deadlines that real parsers read back', async () => {
    const out = join(dir, 'thu');
    const ics = join(dir, 'han.ics');
    const r = cchc('remind', file, '--as-of', '2024-04-10', '--eml-dir', out, '--ics', ics);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['nhac-han-thanh-tra-so.eml', 'nhac-han-van-phong-so.eml']);
    const mail = await simpleParser(readFileSync(join(out, 'nhac-han-van-phong-so.eml')));
    expect(mail.subject).toBe('[CCHC] Nhắc hạn nhiệm vụ cải cách hành chính: 1 quá hạn, 1 sắp đến hạn');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : null).toEqual([{ address: 'vanphong@syt.dongnai.gov.vn', name: 'Văn phòng Sở' }]);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.text).toContain('Kính gửi: Văn phòng Sở,');
    expect(mail.text).toContain('- 2. Việc B; phối hợp, gấp (dòng 3, hạn 05/04/2024): quá 5 ngày.');
    expect(mail.text).toContain('- 1. Việc A (dòng 2, hạn 12/04/2024): còn 2 ngày.');
    expect(mail.text?.trim().endsWith('Sở Y tế tỉnh Đồng Nai')).toBe(true);

    const calendar = new ICAL.Component(ICAL.parse(readFileSync(ics, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    // Task 2 is both units': one event naming both; the commas and semicolon of its text come back unescaped.
    expect(events.map((e) => [e.startDate.toString(), e.summary])).toEqual([
      ['2024-04-05', 'Hạn CCHC: Việc B; phối hợp, gấp (Thanh tra Sở, Văn phòng Sở)'],
      ['2024-04-17', 'Hạn CCHC: Việc C (Thanh tra Sở)'],
      ['2024-04-12', 'Hạn CCHC: Việc A (Văn phòng Sở)'],
    ]);
    // A second run does not replace the drafts without --overwrite.
    expect(cchc('remind', file, '--as-of', '2024-04-10', '--eml-dir', out).status).toBe(2);
    expect(cchc('remind', file, '--as-of', '2024-04-10', '--eml-dir', out, '--ics', ics, '--overwrite').status).toBe(0);
  });
});
