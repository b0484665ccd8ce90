/**
 * The built bundles load on the oldest engines the hosts admit. Safari before 16.4 (Excel on older Macs, Excel on the
 * web in an old Safari) rejects regular-expression lookbehind and the `d` and `v` flags; a bundle that builds such a
 * pattern at load throws before it associates a single custom function, and the task pane stays blank.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet, appsScriptGlobals } from './gas/fake';

const BUNDLES = ['dist/gas/Code.js', 'dist/office/functions.js', 'dist/office/taskpane.js'];
const LOOKBEHIND = /\(\?<[=!]/;

/** A RegExp constructor that refuses what old WebKit refuses, as that engine would at the same moment. */
function oldWebKitRegExp(): RegExpConstructor {
  const Strict = function (this: unknown, pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const allFlags = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    if (LOOKBEHIND.test(source)) throw new SyntaxError(`Invalid regular expression: lookbehind in /${source}/`);
    if (/[dv]/.test(allFlags)) throw new SyntaxError(`Invalid regular expression flags: ${allFlags}`);
    return new RegExp(pattern, flags);
  } as unknown as RegExpConstructor;
  Object.setPrototypeOf(Strict, RegExp);
  (Strict as { prototype: unknown }).prototype = RegExp.prototype;
  return Strict;
}

describe('the built bundles on old WebKit', () => {
  it.each(BUNDLES)('%s holds no lookbehind, in a literal or a string', (file) => {
    const source = readFileSync(file, 'utf8');
    expect(source.match(new RegExp(`.{0,40}${LOOKBEHIND.source}.{0,40}`, 'g')) ?? []).toEqual([]);
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
