/**
 * The units' loop in the Excel task pane, in Chromium: the forms are written in the page (ExcelJS loaded from beside
 * the pane only when asked for) and downloaded; a returned form picked in the file input is previewed, then written.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, skipWithout } from '../fixtures/tools';
import { buildSheets, OUTCOMES_ROWS, readWorkbook, tempDir } from '../fixtures/workbooks';
import { launchChromium, openTaskpane } from '../panels';
import { join } from 'node:path';

const CHROMIUM = findChromium();

describe.skipIf(skipWithout('Chromium', CHROMIUM, 'the task pane\'s forms and merge in Chromium (test/office/taskpane-exchange.test.ts)', 'install Debian\'s chromium or set CHROMIUM_PATH'))('forms and merge in the Excel task pane', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let form: Buffer;

  beforeAll(async () => {
    const file = join(tempDir(), 'exchange.xlsx');
    await buildSheets(file, [{ name: 'Phụ lục', rows: OUTCOMES_ROWS }]);
    browser = await launchChromium(CHROMIUM!);
    ({ page, errors } = await openTaskpane(browser, readWorkbook(file), { width: 320 }));
    await page.getByText('Lỗi (').first().waitFor();
    await page.getByRole('tab', { name: 'Báo cáo' }).click();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads ExcelJS only when forms are asked for, and offers one form per lead unit to download', async () => {
    expect(await page.evaluate(() => 'ExcelJS' in window)).toBe(false);
    await page.locator('button[data-action="forms"]').click();
    await page.getByText('Đã tạo 4 phiếu cập nhật.').waitFor();
    expect(await page.locator('.form-list li').evaluateAll((li) => li.map((l) => l.getAttribute('data-unit')))).toEqual([
      'Thanh tra Sở',
      'Văn phòng Sở',
      'Phòng Tổ chức cán bộ',
      'Trung tâm Kiểm soát bệnh tật',
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.form-list li[data-unit="Phòng Tổ chức cán bộ"] a').click()]);
    expect(download.suggestedFilename()).toBe('phieu-cap-nhat-phong-to-chuc-can-bo.xlsx');
    form = readFileSync((await download.path())!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(form as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Phiếu cập nhật')!.getCell('D6').value).toBe('Rà soát vị trí việc làm');
    expect(wb.getWorksheet('cchc_phieu')!.state).toBe('veryHidden');
    expect(errors).toEqual([]);
  });

  it('previews a returned form without writing, then writes its cells when asked', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(form as unknown as ArrayBuffer);
    wb.getWorksheet('Phiếu cập nhật')!.getCell('G6').value = 'Đã hoàn thành';
    wb.getWorksheet('Phiếu cập nhật')!.getCell('H6').value = new Date(Date.UTC(2024, 2, 28));
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.locator('input[name="returned"]').setInputFiles({ name: 'phieu-tccb.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.locator('button[data-action="merge-preview"]').click();
    await page.getByText('Sẽ ghi 2 ô vào trang "Phụ lục":').waitFor();
    expect(await page.locator('.merge ul.applied li').allInnerTexts()).toEqual([
      'Dòng 9, cột F (Tiến độ): Đang thực hiện → Đã hoàn thành — phieu-tccb.xlsx',
      'Dòng 9, cột G (Ngày hoàn thành): (trống) → 28/03/2024 — phieu-tccb.xlsx',
    ]);
    expect(await page.locator('.merge p.missing').innerText()).toBe('Đơn vị chưa gửi lại: Thanh tra Sở, Văn phòng Sở, Trung tâm Kiểm soát bệnh tật.');
    expect(await page.evaluate(() => window.__store.sheets[0].values.get('8:5'))).toBe('Đang thực hiện');
    await page.locator('button[data-action="merge-apply"]').click();
    await page.getByText('Đã ghi 2 ô vào trang "Phụ lục".').waitFor();
    expect(await page.evaluate(() => [window.__store.sheets[0].values.get('8:5'), window.__store.sheets[0].values.get('8:6')])).toEqual(['Đã hoàn thành', 45379]);
    expect(errors).toEqual([]);
  });
});
