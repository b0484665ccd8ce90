/**
 * The panel in a real browser, for the tests and for the README's pictures (build/pictures.ts): the Google Sheets
 * sidebar over the built Code.js and an in-memory spreadsheet, and the Excel task pane over the built bundle with
 * Office.js replaced by an in-memory workbook. No network: pages are served through Playwright routes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import JSZip from 'jszip';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isoToSerial } from '../src/core/dates';
import type { WorkbookData } from '../src/core/types';
import { FakeSpreadsheet, loadCodeJs } from './gas/fake';

const ROOT = new URL('..', import.meta.url).pathname;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface PageOptions {
  width: number;
  height?: number;
  /** 2 for pictures people read on high-density screens. */
  deviceScaleFactor?: number;
  /** Start the task pane's page hidden, as the shared runtime does when only a custom function loaded it. */
  hidden?: boolean;
}

/** A page of the panel's size whose alert and confirm dialogs are dismissed and recorded. */
async function newPage(browser: Browser, options: PageOptions): Promise<{ page: Page; dialogs: string[] }> {
  const dialogs: string[] = [];
  const page = await browser.newPage({ viewport: { width: options.width, height: options.height ?? 900 }, deviceScaleFactor: options.deviceScaleFactor ?? 1 });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, dialogs };
}

/** google.script.run in the page, forwarding every call to the real Code.js running in Node over the fake. */
const SHIM = `
  (() => {
    const runner = (ok, fail) => new Proxy({}, {
      get(_, name) {
        if (name === 'withSuccessHandler') return (fn) => runner(fn, fail);
        if (name === 'withFailureHandler') return (fn) => runner(ok, fn);
        return (...args) => {
          window.__gasCall(String(name), JSON.stringify(args)).then((raw) => {
            const reply = JSON.parse(raw);
            setTimeout(() => (reply.error !== undefined ? fail && fail(new Error(reply.error)) : ok && ok(reply.value)), 20);
          });
        };
      },
    });
    window.google = { script: { run: runner() } };
  })();
`;

function hasDate(value: unknown): boolean {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return true;
  if (Array.isArray(value)) return value.some(hasDate);
  if (value && typeof value === 'object') return Object.values(value).some(hasDate);
  return false;
}

export interface SidebarPage {
  page: Page;
  ss: FakeSpreadsheet;
  /** Every server function the page called, in order. */
  crossings: string[];
  dialogs: string[];
}

/** The built sidebar (dist/gas/Sidebar.html) talking to the built Code.js over `workbook`. */
export async function openSidebar(browser: Browser, workbook: WorkbookData, options: PageOptions): Promise<SidebarPage> {
  const ss = FakeSpreadsheet.from(workbook);
  const { gas } = loadCodeJs(ss);
  const crossings: string[] = [];
  const { page, dialogs } = await newPage(browser, options);
  await page.exposeFunction('__gasCall', (name: string, args: string) => {
    crossings.push(name);
    try {
      const value = (gas[name] as (...a: unknown[]) => unknown)(...JSON.parse(args));
      if (hasDate(value)) throw new Error(`${name} returned a Date: google.script.run cannot carry it`);
      return JSON.stringify({ value: value ?? null });
    } catch (err) {
      return JSON.stringify({ error: (err as Error).message });
    }
  });
  await page.addInitScript(SHIM);
  // Served through a route (no network): init scripts run on navigation, not on setContent.
  const html = readFileSync(join(ROOT, 'dist/gas/Sidebar.html'), 'utf8');
  await page.route('http://sidebar.test/', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto('http://sidebar.test/');
  return { page, ss, crossings, dialogs };
}

/** JSON cannot carry Date: give the page serial numbers, as Excel does. */
function serialDates(workbook: WorkbookData): WorkbookData {
  return { sheets: workbook.sheets.map((s) => ({ ...s, grid: s.grid.map((r) => r.map((v) => (v instanceof Date ? isoToSerial(v.toISOString().slice(0, 10)) : v))) })) };
}

export interface TaskpanePage {
  page: Page;
  dialogs: string[];
  errors: string[];
}

/** The built task pane (dist/office) with Office.js replaced by test/office/office-stub.ts over `workbook`. */
export async function openTaskpane(browser: Browser, workbook: WorkbookData, options: PageOptions): Promise<TaskpanePage> {
  const stub = await build({ entryPoints: [join(ROOT, 'test/office/office-stub.ts')], bundle: true, write: false, format: 'iife', target: 'es2019', logLevel: 'silent' });
  const errors: string[] = [];
  const { page, dialogs } = await newPage(browser, options);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((wb) => ((window as unknown as { __workbook: unknown }).__workbook = wb), serialDates(workbook));
  // A page the shared runtime started without showing it: hidden until the test shows it.
  if (options.hidden) await page.addInitScript(() => Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' }));
  await page.route(OFFICE_JS, (route) => route.fulfill({ body: stub.outputFiles[0].text, contentType: 'text/javascript' }));
  await page.route('https://addin.test/**', (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    route.fulfill({ body: readFileSync(join(ROOT, 'dist/office', name)), contentType: name.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript' });
  });
  await page.goto('https://addin.test/taskpane.html');
  return { page, dialogs, errors };
}

/** Choose a period in the Báo cáo tab, click the .docx button, and return the download's name and document.xml. */
export async function downloadDocx(page: Page, period: string): Promise<{ name: string; body: string }> {
  await page.getByRole('tab', { name: 'Báo cáo' }).click();
  await page.locator('select[name="report-period"]').selectOption(period);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action="document"]').click()]);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  return { name: download.suggestedFilename(), body: await zip.file('word/document.xml')!.async('string') };
}
