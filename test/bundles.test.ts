/**
 * The built bundles load on the oldest engines the hosts admit. Safari before 16.4 (Excel on older Macs, Excel on the
 * web in an old Safari) rejects regular-expression lookbehind and the `d` and `v` flags; a bundle that builds such a
 * pattern at load throws before it associates a single custom function, and the task pane stays blank.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { Packer } from 'docx';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { reportWorkbook } from '../src/core/index';
import { makePeriod } from '../src/core/measuring/periods';
import { buildOfficialDocument } from '../src/core/presenting/document';
import type { CellValue } from '../src/core/types';
import { officialDocx } from '../src/docx/write';
import { FakeSpreadsheet, appsScriptGlobals } from './gas/fake';
import { OUTCOMES_ROWS } from './fixtures/workbooks';

/** Bundles with no lookbehind anywhere, not even in a string. */
const BUNDLES = ['dist/gas/Code.js', 'dist/office/functions.js'];
/**
 * The panel's bundles carry the docx library, whose document patcher (never called here) builds a lookbehind from a
 * string when it runs: no literal may hold one, and the layout the panel runs must build none (tested below).
 */
const PANEL_BUNDLES = ['dist/office/taskpane.js', 'dist/gas/Sidebar.html'];
const LOOKBEHIND = /\(\?<[=!]/;

/** A RegExp constructor that refuses what old WebKit refuses, as that engine would at the same moment. */
function oldWebKitRegExp(): RegExpConstructor {
  // The engine's own constructor, taken now: the strict one may replace the global while it runs.
  const Native = RegExp;
  const Strict = function (this: unknown, pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const allFlags = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    if (LOOKBEHIND.test(source)) throw new SyntaxError(`Invalid regular expression: lookbehind in /${source}/`);
    if (/[dv]/.test(allFlags)) throw new SyntaxError(`Invalid regular expression flags: ${allFlags}`);
    return new Native(pattern, flags);
  } as unknown as RegExpConstructor;
  Object.setPrototypeOf(Strict, Native);
  (Strict as { prototype: unknown }).prototype = Native.prototype;
  return Strict;
}

/** The regular-expression literals of a script (what an old engine parses before running anything). */
function regexLiterals(code: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(node.getText());
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS));
  return found;
}

/** The script of a bundle, inline in an HTML file or the file itself. */
function scriptOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.html') ? [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;
}

describe('the built bundles on old WebKit', () => {
  it.each(BUNDLES)('%s holds no lookbehind, in a literal or a string', (file) => {
    const source = readFileSync(file, 'utf8');
    expect(source.match(new RegExp(`.{0,40}${LOOKBEHIND.source}.{0,40}`, 'g')) ?? []).toEqual([]);
  });

  it.each(PANEL_BUNDLES)('%s holds no lookbehind in a regular-expression literal', (file) => {
    const literals = regexLiterals(scriptOf(file));
    expect(literals.length).toBeGreaterThan(10);
    expect(literals.filter((r) => LOOKBEHIND.test(r))).toEqual([]);
  });

  it('the panel\'s .docx layout builds the official report with a RegExp that refuses lookbehind and d/v flags', async () => {
    const { report, appendix } = reportWorkbook({ sheets: [{ name: 'Phụ lục', grid: OUTCOMES_ROWS as CellValue[][] }] }, { asOf: '2024-04-10', period: makePeriod('Q1', 2024) });
    const doc = buildOfficialDocument(report, appendix);
    const native = globalThis.RegExp;
    globalThis.RegExp = oldWebKitRegExp();
    try {
      const bytes = await Packer.toBuffer(officialDocx(doc));
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
    } finally {
      globalThis.RegExp = native;
    }
  });

  it('Code.js and functions.js load and run their first function with a RegExp that refuses lookbehind and d/v flags', () => {
    const ss = FakeSpreadsheet.from({ sheets: [{ name: 'Phụ lục', grid: [['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'], [1, 'Rà soát', 'Văn phòng Sở', 'Quý I/2024 (trước 15/3/2024)', 'Hoàn thành ngày 10/3/2024']] }] });
    const gas = vm.createContext({ ...appsScriptGlobals(ss).globals, RegExp: oldWebKitRegExp() });
    vm.runInContext(readFileSync('dist/gas/Code.js', 'utf8'), gas, { filename: 'Code.js' });
    expect((gas as { CCHC_DUE: (t: unknown) => unknown }).CCHC_DUE([['trước ngày 15/3/2024']])).toBeDefined();

    const associated: string[] = [];
    const office = vm.createContext({
      RegExp: oldWebKitRegExp(),
      CustomFunctions: { associate: (id: string) => associated.push(id), Error: Error, ErrorCode: { invalidValue: '#VALUE!' } },
    });
    vm.runInContext(readFileSync('dist/office/functions.js', 'utf8'), office, { filename: 'functions.js' });
    expect(associated.length).toBeGreaterThan(5);
  });

  it('the strict RegExp does refuse what old WebKit refuses', () => {
    const Strict = oldWebKitRegExp();
    expect(() => new Strict('(?<!\\d)1')).toThrow(SyntaxError);
    expect(() => new Strict('a', 'd')).toThrow(SyntaxError);
    expect(new Strict('(?<pre>^|x)1', 'g').test('x1')).toBe(true);
  });
});
