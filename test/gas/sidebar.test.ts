import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, skipWithout } from '../fixtures/tools';
import { DEFAULT_SETTINGS, SETTINGS_SHEET, settingsGrid } from '../../src/core/settings';
import { buildSheets, OUTCOMES_ROWS, tempDir, readWorkbook } from '../fixtures/workbooks';
import type { FakeSpreadsheet } from './fake';
import { downloadDocx, launchChromium, openSidebar } from '../panels';

const CHROMIUM = findChromium();
const SHOTS = new URL('../../test-output/', import.meta.url).pathname;
const XSS = '<img src=x onerror=alert(1)>';

describe.skipIf(skipWithout('Chromium', CHROMIUM, 'the sidebar in Chromium (test/gas/sidebar.test.ts)', 'install Debian\'s chromium or set CHROMIUM_PATH'))('the sidebar in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let ss: FakeSpreadsheet;
  let dialogs: string[] = [];
  let crossings: string[] = [];

  beforeAll(async () => {
    const file = join(tempDir(), 'sidebar.xlsx');
    const rows = OUTCOMES_ROWS.map((r) => [...r]);
    rows[8][2] = XSS; // the overdue task's lead unit: an unknown unit whose name is shown in a finding
    const settings = settingsGrid({ ...DEFAULT_SETTINGS, asOf: '2024-04-10' });
    await buildSheets(file, [
      { name: 'Phụ lục', rows },
      { name: SETTINGS_SHEET, rows: settings as never },
    ]);
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium(CHROMIUM!);
    ({ page, ss, crossings, dialogs } = await openSidebar(browser, readWorkbook(file), { width: 300 }));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the findings grouped by severity, with task text rendered as text', async () => {
    await page.getByText('Lỗi (1)').waitFor();
    await expect(page.locator('details.group > summary').allTextContents()).resolves.toEqual(['Lỗi (1)', 'Cảnh báo (1)', 'Lưu ý (1)']);
    await expect(page.getByText(`Đơn vị "${XSS}" không có trong danh mục`, { exact: false }).count()).resolves.toBe(1);
    await expect(page.locator('img').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: `${SHOTS}sidebar-kiem-tra.png`, fullPage: true });
  });

  it('selects the cell in the sheet when a finding is clicked', async () => {
    await page.locator('button.finding[data-code="OVERDUE"]').click();
    await page.getByText('Đã chọn ô F9').waitFor();
    expect(ss.active).toEqual({ sheet: 'Phụ lục', row: 9, col: 6 });
  });

  it('highlights problem cells and clears them again', async () => {
    await page.locator('input[name="highlight"]').check();
    await page.getByText(/Đã tô màu \d+ ô/).waitFor();
    expect(ss.sheets[0].backgrounds.get('9:6')).toBe('#f8d7da');
    await page.locator('input[name="highlight"]').uncheck();
    await page.getByText(/Đã trả lại màu/).waitFor();
    expect(ss.sheets[0].backgrounds.get('9:6') ?? '#ffffff').toBe('#ffffff');
  });

  it('computes indicators for a chosen period, with a chart', async () => {
    await page.getByRole('tab', { name: 'Chỉ số' }).click();
    await page.locator('select[name="indicators-period"]').selectOption('Q1/2024');
    await page.locator('button[data-action="indicators"]').click();
    await expect(page.locator('[data-rate="onTime"]').textContent()).resolves.toBe('25,0%');
    await expect(page.locator('[data-rate="completion"]').textContent()).resolves.toBe('75,0%');
    await expect(page.locator('svg.chart rect').count()).resolves.toBe(4);
    // Unit names have the chart's width on their own line: "Phòng Tổ chức cán bộ" is whole.
    await expect(page.locator('svg.chart > text').allTextContents()).resolves.toContain('Phòng Tổ chức cán bộ');
    await expect(page.locator('table.targets th').allTextContents()).resolves.toEqual(['Chỉ số', 'Mục tiêu', 'Kết quả', 'Đánh giá']);
    // The seven indicators typed by hand have no result for Q1/2024 in this workbook: each says so.
    await expect(page.locator('table.targets td', { hasText: 'chưa có số liệu' }).count()).resolves.toBe(7);
    // Every outcome is named, so the parts add up to the 5 due dates.
    await expect(page.locator('.indicators p.summary').textContent()).resolves.toBe(
      'Quý I/2024: 5 mốc đến hạn: 1 đúng hạn · 1 trễ hạn · 1 xong chưa ghi ngày · 1 quá hạn · 0 chưa đến hạn · 1 không thực hiện',
    );
    await page.screenshot({ path: `${SHOTS}sidebar-chi-so.png`, fullPage: true });
  });

  it('generates the quarterly report and links to the new tab', async () => {
    await page.getByRole('tab', { name: 'Báo cáo' }).click();
    // The button names the period it reports on (it makes 6- and 9-month and yearly reports too).
    await page.locator('select[name="report-period"]').selectOption('H1/2024');
    await expect(page.locator('button[data-action="report"]').textContent()).resolves.toBe('Tạo báo cáo 6 tháng đầu năm 2024');
    await page.locator('select[name="report-period"]').selectOption('Q1/2024');
    await expect(page.locator('button[data-action="report"]').textContent()).resolves.toBe('Tạo báo cáo Quý I/2024');
    await page.locator('button[data-action="report"]').click();
    await page.locator('button[data-tab-name="Báo cáo Quý I-2024"]').waitFor();
    expect(ss.sheets.map((s) => s.name)).toEqual(['Phụ lục', SETTINGS_SHEET, 'Báo cáo Quý I-2024']);
    // The link opens the tab through the host (panelOpenSheet), not by navigating the spreadsheet's page.
    await page.locator('button[data-tab-name="Báo cáo Quý I-2024"]').click();
    await expect.poll(() => ss.active?.sheet).toBe('Báo cáo Quý I-2024');
    expect(crossings).toContain('panelOpenSheet');
    await expect(page.locator('.next-due').textContent()).resolves.toMatch(/^Báo cáo kế tiếp: .+, hạn \d{2}\/\d{2}\/\d{4}\.$/);
    await page.screenshot({ path: `${SHOTS}sidebar-bao-cao.png`, fullPage: true });
    expect(crossings).toEqual(expect.arrayContaining(['panelInit', 'panelCheck', 'panelSelect', 'panelHighlight', 'panelIndicators', 'panelReport']));
  });

  it('downloads the official report as a .docx laid out in the sidebar, with no file passing through Drive', async () => {
    const { name, body } = await downloadDocx(page, 'Q1/2024');
    expect(name).toBe('bao-cao-cchc-Q1-2024.docx');
    expect(body).toContain('BÁO CÁO');
    expect(body).toContain('Kết quả thực hiện công tác cải cách hành chính quý I/2024');
    await page.getByText('Đã tạo "bao-cao-cchc-Q1-2024.docx"', { exact: false }).waitFor();
    expect(crossings).toContain('panelDocument');
  });

  it('lists each unit\'s overdue and soon-due tasks with an e-mail link carrying the reminder, names as text', async () => {
    await page.getByRole('tab', { name: 'Báo cáo' }).click();
    await page.locator('button[data-action="reminders"]').click();
    const unit = page.locator('.unit-reminders');
    await unit.first().waitFor();
    // As of 10/04/2024 only the review due 31/03 is overdue (its lead unit is this fixture's hostile name), and
    // nothing falls due within 7 days.
    await expect(unit.count()).resolves.toBe(1);
    await expect(unit.getAttribute('data-unit')).resolves.toBe(XSS);
    await expect(unit.locator('strong').textContent()).resolves.toBe(XSS);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(unit.locator('li').allTextContents()).resolves.toEqual(['Quá hạn 10 ngày: Rà soát vị trí việc làm (hạn 31/03/2024)']);
    const url = new URL((await unit.locator('a.mail').getAttribute('href'))!);
    expect(url.protocol).toBe('mailto:');
    expect(url.searchParams.get('subject')).toBe('[CCHC] Nhắc hạn nhiệm vụ cải cách hành chính: 1 quá hạn');
    expect(url.searchParams.get('body')).toContain(`Kính gửi: ${XSS},`);
    expect(crossings).toContain('panelReminders');
  });

  it('shows a host error as its Vietnamese message', async () => {
    await page.getByRole('tab', { name: 'Chỉ số' }).click();
    await page.evaluate(() => {
      const select = document.querySelector('select[name="indicators-period"]') as HTMLSelectElement;
      select.append(new Option('hỏng', 'không phải kỳ'));
      select.value = 'không phải kỳ';
    });
    await page.locator('button[data-action="indicators"]').click();
    await expect(page.locator('.status.error').textContent()).resolves.toMatch(/^Không hiểu kỳ báo cáo "không phải kỳ"/);
  });
});
