/**
 * Reading a package as the core's data: what real files contain, in packages written here part by part with JSZip
 * (an independent zip writer), and the same data as ExcelJS's model on every workbook the suite builds.
 */
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExampleWorkbook } from '../../src/cli/example';
import type { WorkbookData } from '../../src/core/types';
import { XlsxPackage } from '../../src/xlsx/package';
import { isDateFormat, readWorkbookData } from '../../src/xlsx/read';
import { writeAppendix } from '../../bench/generate';
import { CORPUS } from '../corpus/cases';
import { exceljsWorkbookData } from '../fixtures/exceljs-reference';
import { buildSeed002, readWorkbook, tempDir } from '../fixtures/workbooks';
import { utc } from '../fixtures/sheets';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface Spec {
  /** Each sheet's XML inside <sheetData> (and after it: merges), or a whole worksheet part. */
  sheets: { name: string; data: string; after?: string; whole?: string }[];
  strings?: string[] | string;
  styles?: string;
  workbookPr?: string;
}

/** A package written part by part, as a minimal writer would. */
async function pkg(spec: Spec): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const rels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`, `<Relationship Id="rIdT" Type="${R}/styles" Target="/xl/styles.xml"/>`);
  zip.file('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${PR}">${rels.join('')}</Relationships>`);
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}" xmlns:r="${R}">${spec.workbookPr ?? ''}<sheets>${spec.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  spec.sheets.forEach((s, i) =>
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, s.whole ?? `<worksheet xmlns="${MAIN}"><sheetData>${s.data}</sheetData>${s.after ?? ''}</worksheet>`),
  );
  const strings = spec.strings ?? [];
  zip.file('xl/sharedStrings.xml', typeof strings === 'string' ? strings : `<sst xmlns="${MAIN}">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`);
  zip.file('xl/styles.xml', spec.styles ?? `<styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const read = async (spec: Spec): Promise<WorkbookData> => readWorkbookData(new XlsxPackage(await pkg(spec)));
const grid = async (data: string, extra: Partial<Spec> = {}) => (await read({ sheets: [{ name: 'S', data }], ...extra })).sheets[0].grid;

describe('cell values as real files write them', () => {
  it('joins rich-text runs, leaves out phonetic guides and decodes _xHHHH_ escapes in shared strings', async () => {
    const sst =
      `<sst xmlns="${MAIN}"><si><r><rPr><b/></rPr><t>Chú ý: </t></r><r><t>hạn chót</t></r></si>` +
      `<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>` +
      `<si><t>dòng 1_x000D_</t></si><si><t>_x005F_x0041_ là chữ</t></si><si><t xml:space="preserve">  Văn phòng &amp; Thanh tra  </t></si></sst>`;
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>';
    expect(await grid(rows, { strings: sst })).toEqual([['Chú ý: hạn chót', '漢字', 'dòng 1\r', '_x0041_ là chữ', '  Văn phòng & Thanh tra  ']]);
  });

  it('reads inline strings, booleans in both spellings, errors, formula text results and ISO date cells', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>Quý </t></r><r><t>I/2024</t></r></is></c>' +
      '<c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><v>false</v></c><c r="D1" t="b"><v>true</v></c>' +
      '<c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="str"><f>A1&amp;""</f><v>Quý I/2024</v></c>' +
      '<c r="G1" t="d"><v>2024-03-31</v></c><c r="H1" t="d"><v>2024-03-31T00:00:00</v></c></row>';
    expect(await grid(rows)).toEqual([['Quý I/2024', true, false, true, '#N/A', 'Quý I/2024', utc(31, 3, 2024), utc(31, 3, 2024)]]);
  });

  it('keeps a formula with no cached value in its place, and leaves out styled empty cells', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="0"/><c r="C1"><f>SUM(A1:A2)</f></c><c r="D1" s="0"/></row>';
    expect(await grid(rows)).toEqual([[1, null, null]]);
  });

  it('places cells and rows that have no r= attribute by counting, as spreadsheets do', async () => {
    const rows = '<row><c t="inlineStr"><is><t>TT</t></is></c><c t="inlineStr"><is><t>Nội dung</t></is></c></row><row r="4"><c r="B4"><v>2</v></c><c><v>3</v></c></row><row><c><v>5</v></c></row>';
    expect(await grid(rows)).toEqual([['TT', 'Nội dung'], [], [], [null, 2, 3], [5]]);
  });

  it('reads parts whose elements carry a namespace prefix (x:worksheet, x:c)', async () => {
    const whole = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Tiến độ</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const data = await read({ sheets: [{ name: 'S', data: '', whole }] });
    expect(data.sheets[0].grid).toEqual([['Tiến độ', 7]]);
  });

  it('ends a row at its last cell of its own when a merge covers its end, as ExcelJS did', async () => {
    // B1:D1 is merged with an empty top-left: the row is just A1. In row 2 a formula with no value ends the row.
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>9</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f>X</f></c><c r="D2"><v>8</v></c></row>';
    const merges = '<mergeCells><mergeCell ref="B1:D1"/><mergeCell ref="C2:D2"/></mergeCells>';
    expect((await read({ sheets: [{ name: 'S', data: rows, after: merges }] })).sheets[0].grid).toEqual([[1], [2, null]]);
  });

  it('empties the cells a merge covers other than its top-left, and reports hidden rows in both spellings', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Đầu</t></is></c><c r="B1" t="inlineStr"><is><t>bị gộp</t></is></c></row>' +
      '<row r="2" hidden="true"><c r="A2"><v>1</v></c></row><row r="3" hidden="1"><c r="A3"><v>2</v></c></row><row r="4" hidden="0"><c r="A4"><v>3</v></c></row>';
    const data = await read({ sheets: [{ name: 'S', data: rows, after: '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' }] });
    expect(data.sheets[0]).toEqual({ name: 'S', grid: [['Đầu'], [1], [2], [3]], merges: [{ top: 0, left: 0, bottom: 0, right: 2 }], hiddenRows: [1, 2] });
  });
});

describe('dates', () => {
  const styles = (codes: string[], builtIn: number[] = []) =>
    `<styleSheet xmlns="${MAIN}"><numFmts>${codes.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${c.replace(/"/g, '&quot;')}"/>`).join('')}</numFmts>` +
    `<cellXfs><xf numFmtId="0"/>${codes.map((_, i) => `<xf numFmtId="${164 + i}"/>`).join('')}${builtIn.map((id) => `<xf numFmtId="${id}"/>`).join('')}</cellXfs></styleSheet>`;

  it('tells date formats from number formats: locale prefixes, quoted text, time-only and built-in formats', async () => {
    const codes = ['[$-42A]dd/mm/yyyy', '"Ngày "dd" tháng "mm', 'h:mm', '0.00" ngày"', '#,##0 [$₫-42A]', '[Red]0.00;[Blue]-0.00', 'General'];
    const row = `<row r="1">${[...codes, 'builtin 14', 'builtin 49', 'builtin 2'].map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>45382</v></c>`).join('')}</row>`;
    const values = (await grid(row, { styles: styles(codes, [14, 49, 2]) }))[0];
    const date = utc(31, 3, 2024);
    expect(values).toEqual([date, date, date, 45382, 45382, 45382, 45382, date, 45382, 45382]);
  });

  it('reads serial numbers of a 1904 workbook in either spelling as the same calendar dates', async () => {
    // 31/03/2024 is serial 45382 in the 1900 system and 43920 in the 1904 system.
    const row = (serial: number) => `<row r="1"><c r="A1" s="1"><v>${serial}</v></c></row>`;
    const s = styles(['dd/mm/yyyy']);
    expect(await grid(row(45382), { styles: s })).toEqual([[utc(31, 3, 2024)]]);
    expect(await grid(row(43920), { styles: s, workbookPr: '<workbookPr date1904="1"/>' })).toEqual([[utc(31, 3, 2024)]]);
    expect(await grid(row(43920), { styles: s, workbookPr: '<workbookPr date1904="true"/>' })).toEqual([[utc(31, 3, 2024)]]);
    expect(await grid(row(45382), { styles: s, workbookPr: '<workbookPr date1904="false"/>' })).toEqual([[utc(31, 3, 2024)]]);
  });

  it('knows date codes apart from look-alike letters', () => {
    expect(isDateFormat('yyyy')).toBe(true);
    expect(isDateFormat('mmm-yy')).toBe(true);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(isDateFormat('0.00E+00')).toBe(false);
    expect(isDateFormat('\\d0')).toBe(false);
    expect(isDateFormat('_(* #,##0_)')).toBe(false);
    // "_x" pads with the width of x and "*x" fills with x: neither shows a date part.
    expect(isDateFormat('#,##0_d;*m0')).toBe(false);
    expect(isDateFormat('@')).toBe(false);
  });
});

describe('the sheet list', () => {
  it('reads worksheets in the workbook\'s order and leaves out chart sheets', async () => {
    const zip = await JSZip.loadAsync(await pkg({ sheets: [{ name: 'Phụ lục', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }));
    const wb = (await zip.file('xl/workbook.xml')!.async('string')).replace('</sheets>', '<sheet name="Biểu đồ" sheetId="9" r:id="rIdC"/></sheets>');
    zip.file('xl/workbook.xml', wb);
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(
      '</Relationships>',
      `<Relationship Id="rIdC" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
    );
    zip.file('xl/_rels/workbook.xml.rels', rels);
    zip.file('xl/chartsheets/sheet1.xml', `<chartsheet xmlns="${MAIN}"/>`);
    const data = readWorkbookData(new XlsxPackage(await zip.generateAsync({ type: 'nodebuffer' })));
    expect(data.sheets.map((s) => s.name)).toEqual(['Phụ lục']);
  });
});

describe('the same data as ExcelJS on every workbook the suite builds', () => {
  const dir = tempDir('cchc-read-');
  const files: string[] = [];
  beforeAll(async () => {
    const seed = join(dir, 'seed.xlsx');
    await buildSeed002(seed);
    const example = join(dir, 'example.xlsx');
    await buildExampleWorkbook(example);
    const bench = join(dir, 'bench-300.xlsx');
    await writeAppendix(bench, 300);
    files.push(seed, example, bench);
    for (const c of CORPUS.filter((c) => !c.fileLevel)) {
      const file = join(dir, `${c.name}.xlsx`);
      await c.build(file);
      files.push(file);
    }
  }, 60_000);

  it('gives deep-equal sheets, grids, merges and hidden rows', async () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readWorkbook(file), file).toEqual(await exceljsWorkbookData(file));
  });
});
