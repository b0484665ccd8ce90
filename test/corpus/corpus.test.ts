import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { OfficeMockObject } from 'office-addin-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookData } from '../../src/core/types';
import { officeCheck, officeReport } from '../../src/hosts/office/host';
import { tempDir, readWorkbook } from '../fixtures/workbooks';
import { FakeSpreadsheet, loadCodeJs } from '../gas/fake';
import { createExcel, ExcelStore } from '../office/fake-excel';
import { CORPUS, type Expected } from './cases';

const dir = tempDir('cchc-corpus-');
const files = new Map<string, string>();
const AS_OF = '2024-04-10';

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/cchc.js', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  for (const c of CORPUS) {
    const file = join(dir, `${c.name}.xlsx`);
    await c.build(file);
    files.set(c.name, file);
  }
});

function expectFindings(findings: { code: string }[], expected: Expected) {
  const codes = new Set(findings.map((f) => f.code));
  for (const code of expected.codes ?? []) expect(codes, `expected ${code}`).toContain(code);
  for (const code of expected.absent ?? []) expect(codes, `did not expect ${code}`).not.toContain(code);
}

describe.each(CORPUS)('the corpus: $name ($what)', (c) => {
  it('cchc check gives the expected outcome', () => {
    const r = cchc('check', files.get(c.name)!, '--as-of', AS_OF, '--json');
    expect(r.code).toBe(c.check.exit);
    if (c.check.exit === 2) {
      expect(r.stderr).toMatch(c.check.message!);
      expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
      return;
    }
    const json = JSON.parse(r.stdout);
    expect(json.tasks).toHaveLength(c.check.tasks!);
    if (c.check.sheet) expect(json.sheet).toBe(c.check.sheet);
    expectFindings(json.findings, c.check);
  });

  it('cchc report gives the expected outcome, and writes only text where text was', async () => {
    const out = join(dir, `${c.name}.out.xlsx`);
    const r = cchc('report', files.get(c.name)!, '--period', 'Q1/2024', '--as-of', AS_OF, '--out', out, '--json');
    expect(r.code).toBe(c.report.exit);
    if (c.report.exit === 2) {
      expect(r.stderr).toMatch(c.report.message!);
      return;
    }
    const json = JSON.parse(r.stdout);
    if (c.report.due !== undefined) expect(json.totals.due).toBe(c.report.due);
    // The report tab is the last sheet; the user's own sheets keep their formulas.
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const last = sheets.sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0])).pop()!;
    const xml = await zip.file(last)!.async('string');
    expect((xml.match(/<row /g) ?? []).length).toBeGreaterThan(20);
    expect(xml).not.toContain('<f>');
  });

  it.skipIf(c.fileLevel)('the Google Sheets and Excel entry points agree with cchc check', async () => {
    const data: WorkbookData = readWorkbook(files.get(c.name)!);
    const { gas } = loadCodeJs(FakeSpreadsheet.from(data));
    const store = ExcelStore.from(data);
    (globalThis as Record<string, unknown>).Excel = createExcel(store, (d) => new OfficeMockObject(d) as unknown as Record<string, unknown>);
    if (c.check.exit === 2) {
      expect(() => gas.panelCheck()).toThrow(c.check.message!);
      await expect(officeCheck()).rejects.toThrow(c.check.message!);
      return;
    }
    const sheets = gas.panelCheck() as { tasks: number; findings: { code: string }[] };
    const excel = await officeCheck();
    expect(sheets.tasks).toBe(c.check.tasks);
    expect(excel.tasks).toBe(c.check.tasks);
    expect(excel.findings.map((f) => f.code).sort()).toEqual(sheets.findings.map((f) => f.code).sort());
    // Both hosts write the report too, and only their own tab.
    const before = store.sheets.map((s) => s.name);
    await officeReport('Q1/2024', 'calendar');
    expect(store.sheets.map((s) => s.name)).toEqual([...before, 'Báo cáo Quý I-2024']);
    expect(store.formulaWrites).toEqual([]);
  });
});

describe('reports under repetition and contention', () => {
  it('gives byte-identical report sheets when run twice on the same input', async () => {
    const input = files.get('formula-and-html-text')!;
    const xml = async (out: string) => {
      cchc('report', input, '--period', 'Q1/2024', '--as-of', AS_OF, '--out', out);
      const zip = await JSZip.loadAsync(readFileSync(out));
      return Promise.all(['xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'].map((f) => zip.file(f)!.async('string')));
    };
    const [a, b] = [await xml(join(dir, 'twice-a.xlsx')), await xml(join(dir, 'twice-b.xlsx'))];
    expect(a[0].length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
  });

  it('ends with exactly one report tab when two Excel runs race', async () => {
    const data = readWorkbook(files.get('hidden-rows-and-filter')!);
    const store = ExcelStore.from(data);
    (globalThis as Record<string, unknown>).Excel = createExcel(store, (d) => new OfficeMockObject(d) as unknown as Record<string, unknown>);
    const [a, b] = await Promise.all([officeReport('Q1/2024', 'calendar'), officeReport('Q1/2024', 'calendar')]);
    expect([a.tab, b.tab]).toEqual(['Báo cáo Quý I-2024', 'Báo cáo Quý I-2024']);
    expect(store.sheets.map((s) => s.name)).toEqual(['Phụ lục', 'Báo cáo Quý I-2024']);
  });
});
