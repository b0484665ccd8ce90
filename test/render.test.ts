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
    expect(tab).toContain('Kỳ báo cáo: 6 tháng đầu năm 2024 (từ 01/01/2024 đến 30/06/2024');
    expect(tab).toMatch(/Tỷ lệ hoàn thành đúng hạn\s+46[.,]7%/);
    expect(tab).toMatch(/Phòng Tổ chức cán bộ\s+4\s+2\s+0\s+0\s+2\s+0\s+50[.,]0%/);
    expect(tab).toMatch(/Hồ sơ TTHC giải quyết đúng hẹn\s+98[.,]0%\s+99[.,]2%\s+Đạt/);
    expect(tab).toMatch(/30\/04\/2024\s+71/);
    expect(tab).toContain('Trang này do công cụ CCHC tạo tự động');
  });
});
