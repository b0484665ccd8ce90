/**
 * `npm run pictures`: the README's pictures, all from the example workbook (never from a test fixture), at a size
 * people can read: the summary tab as LibreOffice prints it (docs/bao-cao-N.png, 110 dpi), the sidebar's Kiểm tra
 * and Chỉ số tabs and the task pane's Báo cáo tab (docs/sidebar-*.png, docs/taskpane-*.png, at twice the pixels), and
 * the first page of the official report drafted from it (docs/van-ban-1.png).
 * Needs a build (npm run build), Chromium and LibreOffice with poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_AS_OF, EXAMPLE_PERIOD } from '../src/cli/example-dates';
import { DEFAULT_SETTINGS, SETTINGS_SHEET, settingsGrid } from '../src/core/settings';
import type { WorkbookData } from '../src/core/types';
import { findChromium, findLibreOffice } from '../test/fixtures/tools';
import { readWorkbook } from '../test/fixtures/workbooks';
import { launchChromium, openSidebar, openTaskpane } from '../test/panels';

const root = new URL('..', import.meta.url).pathname;
const docs = join(root, 'docs');
const work = mkdtempSync(join(tmpdir(), 'cchc-pictures-'));

function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

async function main() {
  const soffice = findLibreOffice();
  const chromiumPath = findChromium();
  if (!soffice || !chromiumPath) throw new Error('npm run pictures needs LibreOffice (soffice) and Chromium');

  // The example and its 6-month report, as `npm run demo` makes them.
  execFileSync(process.execPath, [join(root, 'bin/cchc.js'), 'demo', '--out-dir', work], { stdio: 'ignore' });
  const example = join(work, 'ke-hoach-cchc-2024.xlsx');
  const copy = join(work, 'ke-hoach-cchc-2024.bao-cao-H1-2024.xlsx');
  const profile = `-env:UserInstallation=file://${work}/lo-profile`;
  execFileSync(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'example'), example], { stdio: 'ignore' });
  execFileSync(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'copy'), copy], { stdio: 'ignore' });
  // The copy prints the example's own sheets first; the summary tab's pages follow them.
  const first = pdfPages(join(work, 'example', 'ke-hoach-cchc-2024.pdf')) + 1;
  const last = pdfPages(join(work, 'copy', 'ke-hoach-cchc-2024.bao-cao-H1-2024.pdf'));
  for (const old of readdirSync(docs).filter((f) => /^bao-cao-\d+\.png$/.test(f))) rmSync(join(docs, old));
  execFileSync('pdftoppm', ['-r', '110', '-png', '-f', String(first), '-l', String(last), join(work, 'copy', 'ke-hoach-cchc-2024.bao-cao-H1-2024.pdf'), join(work, 'page')]);
  readdirSync(work)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort()
    .forEach((f, i) => execFileSync('cp', [join(work, f), join(docs, `bao-cao-${i + 1}.png`)]));

  // The official report drafted from the example: its first page (the heading as NĐ 30/2020 sets it out).
  const docx = join(work, 'bao-cao-H1-2024.docx');
  execFileSync(process.execPath, [join(root, 'bin/cchc.js'), 'report', example, '--period', EXAMPLE_PERIOD, '--as-of', EXAMPLE_AS_OF, '--out', join(work, 'doc-copy.xlsx'), '--docx', docx], { stdio: 'ignore' });
  execFileSync(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'docx'), docx], { stdio: 'ignore' });
  execFileSync('pdftoppm', ['-r', '110', '-png', '-f', '1', '-l', '1', '-singlefile', join(work, 'docx', 'bao-cao-H1-2024.pdf'), join(docs, 'van-ban-1')]);

  // An update form made from the example (Phòng Tổ chức cán bộ's), as LibreOffice prints it: the top of its page.
  execFileSync(process.execPath, [join(root, 'bin/cchc.js'), 'forms', example, '--as-of', EXAMPLE_AS_OF, '--out-dir', join(work, 'forms')], { stdio: 'ignore' });
  execFileSync(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'forms-pdf'), join(work, 'forms', 'phieu-cap-nhat-phong-to-chuc-can-bo.xlsx')], { stdio: 'ignore' });
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', '-x', '95', '-y', '100', '-W', '1545', '-H', '315', join(work, 'forms-pdf', 'phieu-cap-nhat-phong-to-chuc-can-bo.pdf'), join(docs, 'phieu-cap-nhat')]);

  // The panels over the example, as of its date, with the settings sheet a user would have.
  const workbook: WorkbookData = readWorkbook(example);
  workbook.sheets.push({ name: SETTINGS_SHEET, grid: settingsGrid({ ...DEFAULT_SETTINGS, asOf: EXAMPLE_AS_OF }) });
  const browser = await launchChromium(chromiumPath);
  try {
    const { page } = await openSidebar(browser, workbook, { width: 300, deviceScaleFactor: 2 });
    await page.getByText(/^Lỗi \(\d+\)$/).waitFor();
    await page.screenshot({ path: join(docs, 'sidebar-kiem-tra.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Chỉ số' }).click();
    await page.locator('select[name="indicators-period"]').selectOption(EXAMPLE_PERIOD);
    await page.locator('button[data-action="indicators"]').click();
    await page.locator('svg.chart').waitFor();
    await page.screenshot({ path: join(docs, 'sidebar-chi-so.png'), fullPage: true });

    const pane = (await openTaskpane(browser, workbook, { width: 320, deviceScaleFactor: 2 })).page;
    await pane.getByText(/^Lỗi \(\d+\)$/).waitFor();
    await pane.getByRole('tab', { name: 'Báo cáo' }).click();
    await pane.locator('select[name="report-period"]').selectOption(EXAMPLE_PERIOD);
    await pane.locator('button[data-action="report"]').click();
    await pane.locator('button[data-tab-name="Báo cáo 6 tháng-2024"]').waitFor();
    await pane.screenshot({ path: join(docs, 'taskpane-bao-cao.png'), fullPage: true });
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(readdirSync(docs).join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
