import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { downloadDocx, launchChromium, openTaskpane } from '../panels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, skipWithout } from '../fixtures/tools';
import { CATALOGUE } from '../../src/core/functions/catalogue';
import { DEFAULT_SETTINGS, SETTINGS_SHEET, settingsGrid } from '../../src/core/settings';
import { buildSheets, OUTCOMES_ROWS, tempDir, readWorkbook } from '../fixtures/workbooks';

const CHROMIUM = findChromium();
const SHOTS = new URL('../../test-output/', import.meta.url).pathname;

describe.skipIf(skipWithout('Chromium', CHROMIUM, 'the Excel task pane in Chromium (test/office/taskpane.test.ts)', 'install Debian\'s chromium or set CHROMIUM_PATH'))('the Excel task pane in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let dialogs: string[] = [];
  let errors: string[] = [];
  let hiddenFile: string;

  beforeAll(async () => {
    const file = join(tempDir(), 'taskpane.xlsx');
    await buildSheets(file, [
      { name: 'Phụ lục', rows: OUTCOMES_ROWS },
      { name: SETTINGS_SHEET, rows: settingsGrid({ ...DEFAULT_SETTINGS, asOf: '2024-04-10' }) as never },
    ]);
    hiddenFile = file;
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium(CHROMIUM!);
    ({ page, dialogs, errors } = await openTaskpane(browser, readWorkbook(file), { width: 320 }));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with Office.js replaced and registers the ribbon commands', async () => {
    await page.getByText('Lỗi (1)').waitFor();
    expect(await page.evaluate(() => Object.keys(window.__actions).sort())).toEqual(['generateReport', 'showTaskpane']);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${SHOTS}taskpane-kiem-tra.png`, fullPage: true });
  });

  it('reads nothing while the shared runtime runs hidden, and checks the workbook once the pane is shown', async () => {
    const hidden = await openTaskpane(browser, readWorkbook(hiddenFile), { width: 320, hidden: true });
    await hidden.page.waitForFunction(() => window.__visibility?.length === 1);
    // Give a mounted panel the time to read: nothing is read, nothing shown.
    await hidden.page.waitForTimeout(300);
    expect(await hidden.page.evaluate(() => window.__store.syncs)).toBe(0);
    expect(await hidden.page.locator('#app').innerText()).toBe('Đang tải…');
    await hidden.page.evaluate(() => window.__visibility.forEach((h) => h({ visibilityMode: 'Taskpane' })));
    await hidden.page.getByText('Lỗi (1)').waitFor();
    expect(await hidden.page.evaluate(() => window.__store.syncs)).toBeGreaterThan(0);
    expect(hidden.errors).toEqual([]);
    await hidden.page.close();
  });

  it('selects the cell when a finding is clicked', async () => {
    await page.locator('button.finding[data-code="OVERDUE"]').click();
    await page.getByText('Đã chọn ô F9').waitFor();
    expect(await page.evaluate(() => window.__store.active)).toEqual({ sheet: 'Phụ lục', address: 'F9' });
  });

  it('generates the quarterly report into a new worksheet and offers to open it', async () => {
    await page.getByRole('tab', { name: 'Báo cáo' }).click();
    await page.locator('select[name="report-period"]').selectOption('Q1/2024');
    await page.locator('button[data-action="report"]').click();
    await page.locator('button[data-tab-name="Báo cáo Quý I-2024"]').waitFor();
    expect(await page.evaluate(() => window.__store.sheets.map((s) => s.name))).toEqual(['Phụ lục', 'CCHC - Cài đặt', 'Báo cáo Quý I-2024']);
    await page.screenshot({ path: `${SHOTS}taskpane-bao-cao.png`, fullPage: true });
    await page.locator('button[data-tab-name="Báo cáo Quý I-2024"]').click();
    await expect.poll(() => page.evaluate(() => window.__store.active?.sheet)).toBe('Báo cáo Quý I-2024');
  });

  it('downloads the official report as a .docx built in the task pane from the workbook it reads', async () => {
    const { name, body } = await downloadDocx(page, 'Q1/2024');
    expect(name).toBe('bao-cao-cchc-Q1-2024.docx');
    expect(body).toContain('SỐ LIỆU THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH QUÝ I/2024');
    expect(errors).toEqual([]);
  });

  it('runs the ribbon’s report command for the period that ended last', async () => {
    const done = await page.evaluate(async () => {
      let completed = false;
      await (window.__actions.generateReport as (e: { completed(): void }) => Promise<void>)({ completed: () => (completed = true) });
      return { completed, sheets: window.__store.sheets.map((s) => s.name) };
    });
    expect(done.completed).toBe(true);
    expect(done.sheets).toEqual(['Phụ lục', 'CCHC - Cài đặt', 'Báo cáo Quý I-2024']);
    expect(dialogs).toEqual([]);
  });

  it('offers the Excel-only action that adds the CCHC_… names', async () => {
    await page.getByRole('tab', { name: 'Cài đặt' }).click();
    await page.locator('button[data-action="formula-names"]').click();
    await page.getByText(`Đã thêm ${CATALOGUE.length} tên hàm`).waitFor();
    await page.screenshot({ path: `${SHOTS}taskpane-cai-dat.png`, fullPage: true });
  });
});
