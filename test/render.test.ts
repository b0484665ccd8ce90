import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLibreOffice, skipWithout } from './fixtures/tools';
import { tempDir } from './fixtures/workbooks';

const SOFFICE = findLibreOffice();
const PDFTOTEXT = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0 ? 'pdftotext' : null;

/**
 * The report tab must read correctly where users open it. LibreOffice renders the written .xlsx to PDF, and
 * the PDF's text is checked (`.ci/run` installs LibreOffice and poppler from Debian; without them this is skipped).
 */
describe.skipIf(
  skipWithout('LibreOffice', SOFFICE, 'the report tab rendered by LibreOffice (test/render.test.ts)', 'install libreoffice-calc-nogui or set SOFFICE_PATH') ||
    skipWithout('pdftotext', PDFTOTEXT, 'reading the rendered report back (test/render.test.ts)', 'install poppler-utils'),
)('the report tab rendered by LibreOffice', () => {
  it('shows the heading, totals, percentages, dates and the overdue list as a user would read them', () => {
    const dir = tempDir();
    execFileSync(process.execPath, ['bin/cchc.js', 'demo', '--out-dir', dir]);
    const report = join(dir, 'ke-hoach-cchc-2024.bao-cao-H1-2024.xlsx');
    execFileSync(SOFFICE!, [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, report], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const pdf = report.replace(/\.xlsx$/, '.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const start = text.indexOf('BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH');
    expect(start).toBeGreaterThan(0);
    const tab = text.slice(start);
    // pdftotext may split a word where the glyphs are kerned ("đ ến", "Đạ t"): the figures are compared without spaces.
    const flat = tab.replace(/\s+/g, '');
    expect(flat).toContain('Kỳbáocáo:6thángđầunăm2024(từ01/01/2024đến30/06/2024');
    expect(flat).toContain('Tỷlệhoànthànhđúnghạn46.7%');
    expect(flat).toContain('PhòngTổchứccánbộ42002050.0%');
    expect(flat).toContain('HồsơTTHCgiảiquyếtđúnghẹn98.0%99.2%Đạt');
    expect(flat).toContain('30/04/202471');
    expect(tab).toContain('Trang này do công cụ CCHC tạo tự động');
    // Printed pages: numbered "Trang i/n" in the footer, and every section heading on the same page as its table's
    // header row (no heading stranded at the foot of a page).
    // (LibreOffice numbers the pages of the whole workbook, the tab's being the last ones.)
    const pages = tab.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    const numbers = pages.map((page) => /Trang (\d+)\/(\d+)/.exec(page)?.slice(1).map(Number));
    numbers.forEach((n, i) => expect(n).toEqual([numbers[0]![0] + i, numbers[0]![0] + pages.length - 1]));
    for (const heading of ['I. TỔNG HỢP CHUNG', 'II. THEO ĐƠN VỊ CHỦ TRÌ', 'III. THEO NỘI DUNG', 'IV. CHỈ SỐ', 'V. NHIỆM VỤ QUÁ HẠN', 'VI. VẤN ĐỀ DỮ LIỆU']) {
      const page = pages.find((p) => p.includes(heading));
      expect(page, heading).toBeDefined();
      expect(page!.slice(page!.indexOf(heading)), heading).toMatch(/\n\s*STT\s/);
    }
  });
});
