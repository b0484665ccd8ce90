/// <reference types="google-apps-script" />
/**
 * An in-memory Google Sheets for tests: the subset of SpreadsheetApp the add-on uses, typed against
 * @types/google-apps-script, with a counter of every host call so tests can prove the round trips stay constant.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { CellValue, WorkbookData } from '../../src/core/types';



export class Calls {
  counts: Record<string, number> = {};
  hit(name: string) {
    this.counts[name] = (this.counts[name] ?? 0) + 1;
  }
  get(name: string) {
    return this.counts[name] ?? 0;
  }
  reset() {
    this.counts = {};
  }
}

/** Midnight of a calendar date in a time zone, as an instant (what Sheets gives for a date cell). */
export function midnightIn(iso: string, timeZone: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  let guess = Date.UTC(y, m - 1, d);
  for (let i = 0; i < 3; i++) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(guess));
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    guess += Date.UTC(y, m - 1, d) - shown;
  }
  return new Date(guess);
}

export function isoIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

type Grid2 = unknown[][];

export class FakeRange implements Pick<GoogleAppsScript.Spreadsheet.Range, 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getValues' | 'setValues' | 'getMergedRanges' | 'getBackgrounds' | 'setBackgrounds' | 'merge' | 'breakApart' | 'activate' | 'getA1Notation'> {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}
  private get calls() {
    return this.sheet.ss.calls;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getSheet() {
    return this.sheet;
  }
  protect() {
    return new FakeProtection(this.sheet, 'RANGE', this);
  }
  getA1Notation() {
    return `R${this.row}C${this.col}:R${this.row + this.rows - 1}C${this.col + this.cols - 1}`;
  }
  private grid<T>(store: Map<string, T>, fallback: T): T[][] {
    return Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.cols }, (_, c) => store.get(`${this.row + r}:${this.col + c}`) ?? fallback));
  }
  private put<T>(store: Map<string, T>, values: T[][], what: string) {
    if (values.length !== this.rows || values.some((r) => r.length !== this.cols)) {
      throw new Error(`${what}: the data has ${values.length} rows but the range has ${this.rows} (or a row's width is not ${this.cols})`);
    }
    values.forEach((line, r) => line.forEach((v, c) => store.set(`${this.row + r}:${this.col + c}`, v)));
  }
  getFormulas() {
    this.calls.hit('getFormulas');
    return this.grid(this.sheet.formulaAt, '');
  }
  getValues() {
    this.calls.hit('getValues');
    return this.grid(this.sheet.values, '' as unknown);
  }
  setValues(values: unknown[][]) {
    this.calls.hit('setValues');
    const stored = values.map((line) =>
      line.map((v) => {
        if (typeof v === 'string' && v.startsWith("'")) return v.slice(1);
        if (typeof v === 'string' && /^[=+\-@]/.test(v) && v.length > 1) this.sheet.formulas.push(v);
        return v;
      }),
    );
    this.put(this.sheet.values, stored, 'setValues');
    return this as unknown as GoogleAppsScript.Spreadsheet.Range;
  }
  setValue(value: unknown) {
    this.calls.hit('setValue');
    this.sheet.values.set(`${this.row}:${this.col}`, value);
    return this;
  }
  getMergedRanges() {
    this.calls.hit('getMergedRanges');
    return this.sheet.merges
      .filter((m) => m.row <= this.row + this.rows - 1 && m.row + m.rows - 1 >= this.row && m.col <= this.col + this.cols - 1 && m.col + m.cols - 1 >= this.col)
      .map((m) => new FakeRange(this.sheet, m.row, m.col, m.rows, m.cols) as unknown as GoogleAppsScript.Spreadsheet.Range);
  }
  merge() {
    this.calls.hit('merge');
    this.sheet.merges.push({ row: this.row, col: this.col, rows: this.rows, cols: this.cols });
    return this as unknown as GoogleAppsScript.Spreadsheet.Range;
  }
  /** Each row of the range merged on its own. */
  mergeAcross() {
    this.calls.hit('mergeAcross');
    for (let r = 0; r < this.rows; r++) this.sheet.merges.push({ row: this.row + r, col: this.col, rows: 1, cols: this.cols });
    return this as unknown as GoogleAppsScript.Spreadsheet.Range;
  }
  breakApart() {
    this.calls.hit('breakApart');
    this.sheet.merges = this.sheet.merges.filter((m) => !(m.row >= this.row && m.col >= this.col && m.row < this.row + this.rows && m.col < this.col + this.cols));
    return this as unknown as GoogleAppsScript.Spreadsheet.Range;
  }
  getBackgrounds() {
    this.calls.hit('getBackgrounds');
    return this.grid(this.sheet.backgrounds, '#ffffff');
  }
  setBackgrounds(colors: string[][]) {
    this.calls.hit('setBackgrounds');
    this.put(this.sheet.backgrounds, colors.map((r) => r.map((c) => c ?? '#ffffff')), 'setBackgrounds');
    return this as unknown as GoogleAppsScript.Spreadsheet.Range;
  }
  private format(name: string, store: Map<string, unknown>, values: unknown[][]) {
    this.calls.hit(name);
    this.put(store, values, name);
    return this;
  }
  setNumberFormats(v: string[][]) {
    return this.format('setNumberFormats', this.sheet.numberFormats, v);
  }
  setFontWeights(v: unknown[][]) {
    return this.format('setFontWeights', this.sheet.fontWeights, v);
  }
  setFontStyles(v: unknown[][]) {
    return this.format('setFontStyles', new Map(), v);
  }
  setFontColors(v: unknown[][]) {
    return this.format('setFontColors', new Map(), v);
  }
  setHorizontalAlignments(v: unknown[][]) {
    return this.format('setHorizontalAlignments', new Map(), v);
  }
  setWraps(v: unknown[][]) {
    return this.format('setWraps', new Map(), v);
  }
  setFontSizes(v: unknown[][]) {
    return this.format('setFontSizes', new Map(), v);
  }
  setFontFamily() {
    this.calls.hit('setFontFamily');
    return this;
  }
  setVerticalAlignment() {
    this.calls.hit('setVerticalAlignment');
    return this;
  }
  setFontWeight(w: string) {
    this.calls.hit('setFontWeight');
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) this.sheet.fontWeights.set(`${this.row + r}:${this.col + c}`, w);
    return this;
  }
  setNumberFormat(f: string) {
    this.calls.hit('setNumberFormat');
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) this.sheet.numberFormats.set(`${this.row + r}:${this.col + c}`, f);
    return this;
  }
  setBorder() {
    this.calls.hit('setBorder');
    return this;
  }
  setDataValidation(rule: FakeValidation) {
    this.calls.hit('setDataValidation');
    this.sheet.validations.push({ row: this.row, col: this.col, rows: this.rows, cols: this.cols, rule });
    return this;
  }
  activate() {
    this.calls.hit('activate');
    this.sheet.ss.active = { sheet: this.sheet.name, row: this.row, col: this.col };
    return this as unknown as GoogleAppsScript.Spreadsheet.Range;
  }
}

export interface FakeValidation {
  kind: 'list' | 'date';
  values?: string[];
  allowInvalid?: boolean;
  helpText?: string;
}

let nextSheetId = 1000;

/** The person running the script (Session.getEffectiveUser) in the fake. */
export const FAKE_USER = 'office@syt.example.gov.vn';

export class FakeProtection {
  description = '';
  editors: string[] = [FAKE_USER, 'colleague@syt.example.gov.vn'];
  domainEdit = true;
  unprotected: FakeRange[] = [];
  constructor(
    readonly sheet: FakeSheet,
    readonly type: 'SHEET' | 'RANGE',
    readonly range: FakeRange | null,
  ) {
    sheet.protections.push(this);
    sheet.ss.calls.hit('protect');
  }
  setDescription(d: string) {
    this.description = d;
    return this;
  }
  getDescription() {
    return this.description;
  }
  addEditor(user: string | { getEmail(): string }) {
    const email = typeof user === 'string' ? user : user.getEmail();
    if (!this.editors.includes(email)) this.editors.push(email);
    return this;
  }
  addEditors(emails: string[]) {
    for (const e of emails) this.addEditor(e);
    return this;
  }
  getEditors() {
    return this.editors.map((email) => ({ getEmail: () => email }));
  }
  removeEditors(users: { getEmail(): string }[]) {
    const gone = new Set(users.map((u) => u.getEmail()));
    // Sheets never removes the user who is running the script.
    this.editors = this.editors.filter((e) => !gone.has(e) || e === FAKE_USER);
    return this;
  }
  canDomainEdit() {
    return this.domainEdit;
  }
  setDomainEdit(v: boolean) {
    this.domainEdit = v;
    return this;
  }
  setUnprotectedRanges(ranges: FakeRange[]) {
    this.unprotected = [...ranges];
    return this;
  }
  remove() {
    this.sheet.protections.splice(this.sheet.protections.indexOf(this), 1);
  }
}

export class FakeSheet implements Pick<GoogleAppsScript.Spreadsheet.Sheet, 'getName' | 'getSheetId' | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns'> {
  values = new Map<string, unknown>();
  numberFormats = new Map<string, unknown>();
  fontWeights = new Map<string, unknown>();
  backgrounds = new Map<string, string>();
  merges: { row: number; col: number; rows: number; cols: number }[] = [];
  validations: { row: number; col: number; rows: number; cols: number; rule: FakeValidation }[] = [];
  formulas: string[] = [];
  protections: FakeProtection[] = [];
  /** Cells holding a formula ("row:col", 1-based → "=…"); `values` holds their results. */
  formulaAt = new Map<string, string>();
  widths = new Map<number, number>();
  maxRows = 1000;
  maxCols = 26;
  readonly id = nextSheetId++;
  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
  ) {}
  getName() {
    return this.name;
  }
  getSheetId() {
    return this.id;
  }
  getLastRow() {
    let last = 0;
    for (const [key, v] of this.values) if (v !== '' && v !== null && v !== undefined) last = Math.max(last, Number(key.split(':')[0]));
    return last;
  }
  getLastColumn() {
    let last = 0;
    for (const [key, v] of this.values) if (v !== '' && v !== null && v !== undefined) last = Math.max(last, Number(key.split(':')[1]));
    return last;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxCols;
  }
  insertRowsAfter(_after: number, count: number) {
    this.ss.calls.hit('insertRowsAfter');
    this.maxRows += count;
    return this;
  }
  getDataRange() {
    this.ss.calls.hit('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getRange(row: number, col = 1, rows = 1, cols = 1) {
    this.ss.calls.hit('getRange');
    if (rows < 1 || cols < 1) throw new Error('The number of rows/columns in the range must be at least 1.');
    return new FakeRange(this, row, col, rows, cols);
  }
  clear() {
    this.ss.calls.hit('clear');
    this.values.clear();
    this.numberFormats.clear();
    this.fontWeights.clear();
    this.backgrounds.clear();
    return this;
  }
  protect() {
    return new FakeProtection(this, 'SHEET', null);
  }
  getProtections(type: 'SHEET' | 'RANGE') {
    return this.protections.filter((p) => p.type === type);
  }
  setColumnWidth(col: number, width: number) {
    this.ss.calls.hit('setColumnWidth');
    this.widths.set(col, width);
    return this;
  }
  setHiddenGridlines() {
    this.ss.calls.hit('setHiddenGridlines');
    return this;
  }
  activate() {
    this.ss.active = { sheet: this.name, row: 1, col: 1 };
    return this;
  }
  /** Test helper: the values as a plain grid (no call counted). */
  dump(): unknown[][] {
    const rows = this.getLastRow();
    const cols = this.getLastColumn();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.values.get(`${r + 1}:${c + 1}`) ?? ''));
  }
}

export class FakeSpreadsheet implements Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, 'getSpreadsheetTimeZone' | 'getNumSheets' | 'getUrl'> {
  sheets: FakeSheet[] = [];
  calls = new Calls();
  active: { sheet: string; row: number; col: number } | null = null;
  toasts: string[] = [];
  constructor(readonly timeZone = 'Asia/Ho_Chi_Minh') {}

  /** Load plain workbook data (dates in UTC fields, as the core speaks) the way Sheets would hold it. */
  static from(workbook: WorkbookData, timeZone = 'Asia/Ho_Chi_Minh'): FakeSpreadsheet {
    const ss = new FakeSpreadsheet(timeZone);
    for (const data of workbook.sheets) {
      const sheet = new FakeSheet(ss, data.name);
      data.grid.forEach((row, r) =>
        row.forEach((v: CellValue, c) => {
          if (v === null || v === '') return;
          sheet.values.set(`${r + 1}:${c + 1}`, v instanceof Date ? midnightIn(v.toISOString().slice(0, 10), timeZone) : v);
        }),
      );
      for (const m of data.merges ?? []) sheet.merges.push({ row: m.top + 1, col: m.left + 1, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
      ss.sheets.push(sheet);
    }
    return ss;
  }
  getName() {
    return 'Kế hoạch CCHC 2024';
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  getNumSheets() {
    return this.sheets.length;
  }
  getUrl() {
    return 'https://docs.google.com/spreadsheets/d/fake/edit';
  }
  getId() {
    return 'fake';
  }
  getSheets() {
    this.calls.hit('getSheets');
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    this.calls.hit('getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string, index?: number) {
    this.calls.hit('insertSheet');
    if (this.sheets.some((s) => s.name === name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    const sheet = new FakeSheet(this, name);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }
  setActiveSheet(sheet: FakeSheet) {
    this.active = { sheet: sheet.name, row: 1, col: 1 };
    return sheet;
  }
  toast(message: string) {
    this.toasts.push(message);
  }
}

export interface UiLog {
  menu: { title: string; items: (string | [string, string])[] } | null;
  sidebars: string[];
  alerts: string[];
  prompts: string[];
}

/** Apps Script's globals over a fake spreadsheet, and nothing Node has (no require, process, setTimeout). */
export interface FakeTrigger {
  handler: string;
  everyDays: number;
  atHour: number;
  document: unknown;
}

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  name?: string;
}

export function appsScriptGlobals(
  ss: FakeSpreadsheet,
  options: {
    promptAnswer?: string;
    lockBusy?: boolean;
    scopesGranted?: boolean;
    mailQuota?: number;
    refuseMailTo?: string[];
    triggers?: FakeTrigger[];
    mail?: SentMail[];
    /** Document properties that outlive one run (they belong to the spreadsheet). */
    props?: Map<string, string>;
  } = {},
) {
  /** Installed triggers (shared across loads when the test passes the same list: they outlive an execution). */
  const triggers = options.triggers ?? [];
  const mail = options.mail ?? [];
  let quota = options.mailQuota ?? 100;
  const ui: UiLog = { menu: null, sidebars: [], alerts: [], prompts: [] };
  /** Scopes each requireScopes call asked for (a user who granted only some is prompted for the rest). */
  const required: string[][] = [];
  /** The scopes each getAuthorizationInfo call asked about. */
  const authChecks: string[][] = [];
  const props = options.props ?? new Map<string, string>();
  const lock = { held: 0, acquired: 0 };
  const Button = { OK: 'OK', CANCEL: 'CANCEL' };
  const validationBuilder = () => {
    const rule: FakeValidation = { kind: 'list' };
    const b = {
      requireValueInList(values: string[]) {
        rule.kind = 'list';
        rule.values = [...values];
        return b;
      },
      requireDate() {
        rule.kind = 'date';
        return b;
      },
      setAllowInvalid(v: boolean) {
        rule.allowInvalid = v;
        return b;
      },
      setHelpText(t: string) {
        rule.helpText = t;
        return b;
      },
      build: () => rule,
    };
    return b;
  };
  const globals = {
    Session: { getScriptTimeZone: () => 'America/Los_Angeles', getEffectiveUser: () => ({ getEmail: () => FAKE_USER }) },
    SpreadsheetApp: {
      ProtectionType: { SHEET: 'SHEET', RANGE: 'RANGE' },
      BorderStyle: { SOLID: 'SOLID' },
      getActiveSpreadsheet: () => ss,
      getUi: () => ({
        createAddonMenu: () => {
          const menu = { title: 'add-on', items: [] as (string | [string, string])[] };
          const api = {
            addItem(caption: string, fn: string) {
              menu.items.push([caption, fn]);
              return api;
            },
            addSeparator() {
              menu.items.push('---');
              return api;
            },
            addToUi() {
              ui.menu = menu;
            },
          };
          return api;
        },
        showSidebar: (html: { file: string }) => ui.sidebars.push(html.file),
        alert: (title: string, message?: string) => {
          ui.alerts.push(message ?? title);
          return Button.OK;
        },
        prompt: (title: string) => {
          ui.prompts.push(title);
          return { getSelectedButton: () => Button.OK, getResponseText: () => options.promptAnswer ?? '' };
        },
        ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL' },
        Button,
      }),
      newDataValidation: validationBuilder,
      flush: () => undefined,
    },
    HtmlService: {
      createHtmlOutputFromFile: (file: string) => {
        const out = {
          file,
          title: '',
          setTitle: (t: string) => ((out.title = t), out),
          // The project's HTML files are the build's (dist/gas).
          getContent: () => readFileSync(new URL(`../../dist/gas/${file}.html`, import.meta.url), 'utf8'),
        };
        return out;
      },
    },
    LockService: {
      getDocumentLock: () => ({
        tryLock: () => {
          if (options.lockBusy || lock.held) return false;
          lock.held++;
          lock.acquired++;
          return true;
        },
        waitLock: () => undefined,
        releaseLock: () => {
          lock.held = Math.max(0, lock.held - 1);
        },
      }),
    },
    PropertiesService: {
      getDocumentProperties: () => ({
        getProperty: (k: string) => props.get(k) ?? null,
        setProperty: (k: string, v: string) => props.set(k, v),
        deleteProperty: (k: string) => props.delete(k),
      }),
    },
    Utilities: {
      formatDate: (date: Date, timeZone: string, pattern: string) => {
        if (pattern !== 'yyyy-MM-dd') throw new Error(`fake formatDate supports yyyy-MM-dd only, not ${pattern}`);
        return isoIn(date, timeZone);
      },
      parseDate: (text: string, timeZone: string, pattern: string) => {
        if (pattern !== 'yyyy-MM-dd') throw new Error(`fake parseDate supports yyyy-MM-dd only, not ${pattern}`);
        return midnightIn(text, timeZone);
      },
    },
    MailApp: {
      getRemainingDailyQuota: () => quota,
      sendEmail: (message: SentMail) => {
        if (quota <= 0) throw new Error('Service invoked too many times for one day: email.');
        if (options.refuseMailTo?.includes(message.to)) throw new Error(`Invalid email: ${message.to}`);
        quota--;
        mail.push({ ...message });
      },
    },
    ScriptApp: {
      getUserTriggers: (document: unknown) =>
        triggers.filter((t) => t.document === document).map((t) => ({ getHandlerFunction: () => t.handler, trigger: t })),
      deleteTrigger: (handle: { trigger: FakeTrigger }) => {
        triggers.splice(triggers.indexOf(handle.trigger), 1);
      },
      newTrigger: (handler: string) => {
        const t: FakeTrigger = { handler, everyDays: 0, atHour: -1, document: ss };
        const timeBased = {
          everyDays: (n: number) => ((t.everyDays = n), timeBased),
          atHour: (h: number) => ((t.atHour = h), timeBased),
          create: () => {
            triggers.push(t);
            return t;
          },
        };
        return { timeBased: () => timeBased };
      },
      AuthMode: { FULL: 'FULL' },
      AuthorizationStatus: { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' },
      getAuthorizationInfo: (_mode: string, scopes?: string[]) => (authChecks.push(scopes ? [...scopes] : ['(every scope of the manifest)']), {
        getAuthorizationStatus: () => (options.scopesGranted === false ? 'REQUIRED' : 'NOT_REQUIRED'),
        getAuthorizationUrl: () => (options.scopesGranted === false ? 'https://script.google.com/macros/auth?x=1' : null),
      }),
      // Apps Script ends the execution with its consent prompt when a scope is missing.
      requireScopes: (_mode: string, scopes: string[]) => {
        required.push([...scopes]);
        if (options.scopesGranted === false) throw new Error('Authorization is required to perform that action.');
      },
    },
    Logger: { log: () => undefined },
    console,
  };
  return { globals, ui, props, lock, required, triggers, mail, authChecks };
}

export type GasContext = Record<string, (...args: unknown[]) => unknown> & { __cchc: { customFunctions: Record<string, (...a: unknown[]) => unknown> } };

/** A Date whose "now" is fixed (a run on a given morning); every other use is the real Date's. */
function clockAt(now: Date): DateConstructor {
  const at = now.getTime();
  class FixedDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length) super(...(args as [number]));
      else super(at);
    }
    static override now() {
      return at;
    }
  }
  return FixedDate as unknown as DateConstructor;
}

/** Evaluate the built Code.js in a fresh context with only Apps Script's globals (and, when given, a fixed clock). */
export function loadCodeJs(ss: FakeSpreadsheet, options?: Parameters<typeof appsScriptGlobals>[1] & { now?: Date }) {
  const code = readFileSync(new URL('../../dist/gas/Code.js', import.meta.url), 'utf8');
  const env = appsScriptGlobals(ss, options);
  const context = vm.createContext({ ...env.globals, ...(options?.now ? { Date: clockAt(options.now) } : {}) });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { gas: context as unknown as GasContext, ...env };
}
