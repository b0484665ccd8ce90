/**
 * The units' loop in the Google Sheets sidebar, in Chromium over Code.js: ExcelJS comes through google.script.run only
 * when forms are asked for; a returned form is read in the sidebar, crosses with its dates as text, is previewed, and
 * its cells are written (a formula cell is left and named).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, skipWithout } from '../fixtures/tools';
import { buildSheets, OUTCOMES_ROWS, readWorkbook, tempDir } from '../fixtures/workbooks';
import { launchChromium, openSidebar } from '../panels';
import { isoIn, type FakeSpreadsheet } from './fake';

const CHROMIUM = findChromium();

describe.skipIf(skipWithout('Chromium', CHROMIUM, 'the sidebar\'s forms and merge in Chromium (test/gas/sidebar-exchange.test.ts)', 'install Debian\'s chromium or set CHROMIUM_PATH'))('forms and merge in the Sheets sidebar', () => {
  let browser: Browser;
  let page: Page;
  let ss: FakeSpreadsheet;
  let crossings: string[];
  let form: Buffer;

  beforeAll(async () => {
    const file = join(tempDir(), 'sidebar-exchange.xlsx');
    await buildSheets(file, [{ name: 'Phụ lục', rows: OUTCOMES_ROWS }]);
    browser = await launchChromium(CHROMIUM!);
    ({ page, ss, crossings } = await openSidebar(browser, readWorkbook(file), { width: 300 }));
    await page.getByText('Lỗi (').first().waitFor();
    await page.getByRole('tab', { name: 'Báo cáo' }).click();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('fetches ExcelJS from the project only when forms are asked for, and offers each unit’s form', async () => {
    expect(crossings).not.toContain('panelXlsxLibrary');
    await page.locator('button[data-action="forms"]').click();
    await page.getByText('Đã tạo 4 phiếu cập nhật.').waitFor();
    expect(crossings.filter((c) => c === 'panelXlsxLibrary')).toHaveLength(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.form-list li[data-unit="Văn phòng Sở"] a').click()]);
    expect(download.suggestedFilename()).toBe('phieu-cap-nhat-van-phong-so.xlsx');
    form = readFileSync((await download.path())!);
  });

  it('merges a returned form: a date crosses as text and is written as a date; a formula cell is left', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(form as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Phiếu cập nhật')!;
    // Văn phòng Sở's tasks: rows 6, 7, 11, 13 of the appendix; answers for the first and the third.
    ws.getCell('H6').value = new Date(Date.UTC(2024, 1, 28));
    ws.getCell('G8').value = 'Đang thực hiện';
    ss.sheets[0].formulaAt.set('11:6', '=IF(A11="","","Chưa thực hiện")');
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.locator('input[name="returned"]').setInputFiles({ name: 'vp.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.locator('button[data-action="merge-preview"]').click();
    await page.getByText('Sẽ ghi 2 ô vào trang "Phụ lục":').waitFor();
    await page.locator('button[data-action="merge-apply"]').click();
    await page.getByText('Đã ghi 1 ô vào trang "Phụ lục".').waitFor();
    expect(await page.locator('.merge ul.conflicts li').allInnerTexts()).toEqual(['Dòng 11, cột F: ô có công thức, không ghi đè.']);
    const done = ss.sheets[0].values.get('6:7') as Date;
    expect(isoIn(done, 'Asia/Ho_Chi_Minh')).toBe('2024-02-28');
    expect(ss.sheets[0].values.get('11:6')).toBe('Chưa thực hiện');
  });
});
