/**
 * `npm run bench`: every figure is a ratio of two things measured side by side in the same run (medians over
 * several runs), so the machine's speed cancels out. Memory is measured in child processes (peak RSS).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { OfficeMockObject } from 'office-addin-mock';
import { callCatalogue } from '../src/core/functions/catalogue';
import { isoToSerial } from '../src/core/dates';
import { reportWorkbook, resetMemos } from '../src/core/index';
import { makePeriod } from '../src/core/measuring/periods';
import type { WorkbookData } from '../src/core/types';
import { readWorkbook } from '../test/fixtures/workbooks';
import { officeCheck, officeReport } from '../src/hosts/office/host';
import { appsScriptGlobals, FakeSpreadsheet } from '../test/gas/fake';
import { createExcel, ExcelStore } from '../test/office/fake-excel';
import { makeDossiers, writeAppendix } from './generate';

const AS_OF = '2024-07-10';
const PERIOD = makePeriod('H1', 2024);
const dir = join(tmpdir(), 'cchc-bench');
mkdirSync(dir, { recursive: true });
const quiet = { stdout: () => undefined, stderr: () => undefined, progress: () => undefined };

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Collect the previous measurement's garbage first, so neither side pays for the other's (node --expose-gc). */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function time(fn: () => unknown): Promise<number> {
  collect();
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Run a and b alternately `runs` times; the medians and their ratio a/b. */
async function sideBySide(runs: number, a: () => unknown, b: () => unknown) {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    tb.push(await time(b));
    ta.push(await time(a));
  }
  return { a: median(ta), b: median(tb), ratio: median(ta) / median(tb) };
}

const rows: string[][] = [];
function row(what: string, ours: string, baseline: string, ratio: number | string, target: string, met: boolean | null) {
  const r = typeof ratio === 'number' ? `${ratio.toFixed(2)}×` : ratio;
  rows.push([what, ours, baseline, r, target, met === null ? '—' : met ? 'met' : 'NOT MET']);
  console.error(`  ${what}: ${r} (${ours} vs ${baseline})`);
}
const ms = (v: number) => `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ms`;

async function appendixFile(tasks: number): Promise<string> {
  const file = join(dir, `appendix-${tasks}.xlsx`);
  try {
    statSync(file);
  } catch {
    await writeAppendix(file, tasks);
  }
  return file;
}

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin/cchc.js');
const roundTrip = join(root, 'bench/exceljs-roundtrip.cjs');

/** Run a whole process; its wall time in ms, and what it printed. */
function proc(args: string[]): { ms: number; stderr: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const elapsed = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return { ms: elapsed, stderr: r.stderr };
}

const reportArgs = (file: string, out: string) => [cli, 'report', file, '--period', 'H1/2024', '--as-of', AS_OF, '--out', out, '--overwrite'];

async function endToEnd() {
  for (const [tasks, runs] of [
    [1_000, 7],
    [10_000, 5],
    [50_000, 3],
  ] as const) {
    const file = await appendixFile(tasks);
    const out = join(dir, `out-${tasks}.xlsx`);
    const base = join(dir, `base-${tasks}.xlsx`);
    const r = await sideBySide(
      runs,
      () => proc(reportArgs(file, out)),
      () => proc([roundTrip, file, base]),
    );
    row(`cchc report (whole process), ${tasks.toLocaleString('en')} tasks, vs ExcelJS read + write (whole process)`, ms(r.a), ms(r.b), r.ratio, '≤ 0.35×', r.ratio <= 0.35);
  }
  const help = await sideBySide(
    9,
    () => proc([cli, '--help']),
    () => proc(['-e', '0']),
  );
  row('cchc --help vs node -e 0 (whole process)', ms(help.a), ms(help.b), help.ratio, 'measured', null);
}

async function coreVsLoad() {
  const file = await appendixFile(10_000);
  const data: WorkbookData = readWorkbook(file);
  const r = await sideBySide(
    5,
    () => {
      resetMemos();
      const { report } = reportWorkbook(data, { asOf: AS_OF, period: PERIOD });
      return report;
    },
    async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
    },
  );
  row('core (read appendix + check + report model), 10,000 tasks, vs ExcelJS loading the file', ms(r.a), ms(r.b), r.ratio, '≤ 0.25×', r.ratio <= 0.25);
}

async function dossiersVsHyperFormula() {
  const n = 200_000;
  const log = makeDossiers(n);
  const asGrid = (values: unknown[]) => values.map((v) => [v as never]);
  const received = asGrid(log.received);
  const due = asGrid(log.due);
  const returned = asGrid(log.returned);
  const ctx = { asOf: AS_OF };
  const serial = (d: Date | string | null) => (d instanceof Date ? isoToSerial(d.toISOString().slice(0, 10)) : d === null ? null : d);
  const sheet = log.received.map((r, i) => [serial(r), serial(log.due[i]), serial(log.returned[i])]);
  const hf = HyperFormula.buildFromArray(sheet as never, { licenseKey: 'gpl-v3', maxRows: n + 10, useArrayArithmetic: true });
  const asOf = isoToSerial(AS_OF);
  const A = `A1:A${n}`;
  const B = `B1:B${n}`;
  const C = `C1:C${n}`;
  // The same figure as CCHC_DOSSIER_ONTIME with no period: returned on or before due ÷ (returned, or past due),
  // over rows whose received cell is a number (blank and #N/A rows left out).
  const formula = `=SUMPRODUCT(ISNUMBER(${A})*ISNUMBER(${C})*(${C}<=${B}))/SUMPRODUCT(ISNUMBER(${A})*((ISNUMBER(${C}))+(${B}<${asOf})>0))`;
  let ours = 0;
  let native = 0;
  let cell = 0;
  const r = await sideBySide(
    3,
    () => (ours = callCatalogue('CCHC_DOSSIER_ONTIME', [received, due, returned], ctx) as number),
    () => {
      hf.setCellContents({ sheet: 0, row: 0, col: 5 + cell++ }, [[formula]]);
      native = hf.getCellValue({ sheet: 0, row: 0, col: 5 + cell - 1 }) as number;
    },
  );
  if (Math.abs(ours - native) > 1e-9) throw new Error(`the catalogue (${ours}) and HyperFormula (${native}) disagree`);
  row(`dossier on-time rate, 200,000 rows: CCHC function vs SUMPRODUCT in HyperFormula (${(ours * 100).toFixed(2)}% both)`, ms(r.a), ms(r.b), 1 / r.ratio, '≥ 10× faster', 1 / r.ratio >= 10);
}

async function appsScript() {
  const code = readFileSync(new URL('../dist/gas/Code.js', import.meta.url), 'utf8');
  const kb = Buffer.byteLength(code) / 1024;
  row('Code.js (Apps Script, minified)', `${kb.toFixed(1)} KB`, '150 KB', kb / 150, '≤ 1×', kb <= 150);

  const data = readWorkbook(await appendixFile(1_000));
  const cold: number[] = [];
  const evalOnly: number[] = [];
  for (let i = 0; i < 5; i++) {
    const ss = FakeSpreadsheet.from(data);
    const t0 = performance.now();
    const context = vm.createContext({ ...appsScriptGlobals(ss).globals });
    vm.runInContext(code, context);
    const t1 = performance.now();
    (context as { CCHC_ONTIME: (p: string) => unknown }).CCHC_ONTIME('6 tháng/2024');
    cold.push(performance.now() - t0);
    evalOnly.push(t1 - t0);
  }
  row('Apps Script cold start: load Code.js + first =CCHC_ONTIME() (1,000 tasks)', ms(median(cold)), `${ms(median(evalOnly))} load only`, '—', 'measured', null);

  const calls = (tasks: number) => {
    const wb: WorkbookData = { sheets: [{ name: 'Phụ lục', grid: [['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'], ...data.sheets[1].grid.slice(3, 3 + tasks)] }] };
    const ss = FakeSpreadsheet.from(wb);
    const context = vm.createContext({ ...appsScriptGlobals(ss).globals });
    vm.runInContext(code, context);
    ss.calls.reset();
    (context as { panelCheck: () => unknown; panelReport: (c: string) => unknown }).panelCheck();
    (context as { panelReport: (c: string) => unknown }).panelReport('H1/2024');
    return ['getValues', 'setValues', 'getRange'].map((k) => ss.calls.get(k)).join('/');
  };
  const big = readWorkbook(await appendixFile(10_000));
  data.sheets[1].grid = big.sheets[1].grid;
  const [small, large] = [calls(100), calls(10_000)];
  row('Apps Script calls (getValues/setValues/getRange): 100 vs 10,000 rows', small, large, small === large ? 'equal' : 'differ', 'equal', small === large);

  // Excel reads within the web's 5 MB request limit: the sizing syncs, the first rows, then blocks sized by bytes.
  const syncs = async (tasks: number) => {
    const rowsOf = big.sheets[1].grid.slice(3);
    const body = Array.from({ length: tasks }, (_, i) => rowsOf[i % rowsOf.length]);
    const wb: WorkbookData = { sheets: [{ name: 'Phụ lục', grid: [['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'], ...body] }] };
    const store = ExcelStore.from(wb);
    (globalThis as Record<string, unknown>).Excel = createExcel(store, (d) => new OfficeMockObject(d) as unknown as Record<string, unknown>);
    await officeCheck();
    await officeReport('H1/2024', 'calendar');
    return { syncs: store.syncs, largest: Math.max(...store.responses), bytes: store.responses.reduce((a, b) => a + b, 0) };
  };
  const runs = [await syncs(100), await syncs(10_000), await syncs(50_000)];
  const largest = Math.max(...runs.map((r) => r.largest));
  row(
    'Excel context.sync() (check + report): 100 / 10,000 / 50,000 rows (bytes read)',
    runs.map((r) => r.syncs).join(' / '),
    runs.map((r) => `${(r.bytes / 1e6).toFixed(1)} MB`).join(' / '),
    `largest request ${(largest / 1e6).toFixed(2)} MB`,
    'each request ≤ 5 MB',
    largest <= 5_000_000,
  );
}

/** Peak RSS of a whole process (MB), printed by bench/rss.cjs as it exits. */
function peakMb(args: string[]): number {
  const m = /maxRSS ([\d.]+)/.exec(proc(['--require', join(root, 'bench/rss.cjs'), ...args]).stderr);
  if (!m) throw new Error(`no peak memory reported by ${args.join(' ')}`);
  return Number(m[1]);
}

async function memory() {
  const file = await appendixFile(50_000);
  const ours = median([0, 1, 2].map(() => peakMb(reportArgs(file, join(dir, 'mem-report.xlsx')))));
  const base = median([0, 1, 2].map(() => peakMb([roundTrip, file, join(dir, 'mem-exceljs.xlsx')])));
  row('peak memory, report of 50,000 tasks, vs ExcelJS read + write', `${ours.toFixed(0)} MB`, `${base.toFixed(0)} MB`, ours / base, '≤ 0.5×', ours / base <= 0.5);
}

async function main() {
  const only = process.argv[2];
  console.error('Measuring (a few minutes)…');
  if (!only || only === 'e2e') await endToEnd();
  if (!only || only === 'core') await coreVsLoad();
  if (!only || only === 'dossiers') await dossiersVsHyperFormula();
  if (!only || only === 'hosts') await appsScript();
  if (!only || only === 'memory') await memory();
  const header = ['Measure', 'Ours', 'Baseline', 'Ratio', 'Target', 'Result'];
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`);
  console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}; medians of alternating runs; as of ${AS_OF}, period H1/2024.`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
