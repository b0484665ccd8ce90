/**
 * The report tab written into a package: text survives any character, the styles part keeps every existing entry in
 * place whatever its spelling, and prefixed packages get well-formed additions. Read back with JSZip and saxes (a
 * strict parser), independent of the writer.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { reportWorkbook } from '../../src/core/index';
import { makePeriod } from '../../src/core/measuring/periods';
import type { ReportSheet } from '../../src/core/presenting/report';
import type { CellValue } from '../../src/core/types';
import { XlsxPackage } from '../../src/xlsx/package';
import { readWorkbookData } from '../../src/xlsx/read';
import { appendCellFormats, type CellLook } from '../../src/xlsx/styles';
import { writeReportCopy } from '../../src/xlsx/write';
import { OUTCOMES_ROWS } from '../fixtures/workbooks';
import { propertyRuns } from '../fixtures/mutation';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';

function wellFormed(xml: string): void {
  new SaxesParser({ xmlns: true }).write(xml).close();
}

/** A one-sheet package; `p` is the prefix its workbook, sheet and styles use for the main namespace. */
async function pkg(p: string, styles?: string): Promise<Buffer> {
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  zip.file('_rels/.rels', `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file('xl/workbook.xml', `<${p}workbook ${ns} xmlns:r="${R}"><${p}sheets><${p}sheet name="Phụ lục" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`);
  const rows = OUTCOMES_ROWS.map(
    (row, r) =>
      `<${p}row r="${r + 1}">${row
        .map((v, c) => (v === null ? '' : v instanceof Date ? '' : `<${p}c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><${p}is><${p}t>${String(v)}</${p}t></${p}is></${p}c>`))
        .join('')}</${p}row>`,
  );
  zip.file('xl/worksheets/sheet1.xml', `<${p}worksheet ${ns}><${p}sheetData>${rows.join('')}</${p}sheetData></${p}worksheet>`);
  zip.file('xl/styles.xml', styles ?? `<${p}styleSheet ${ns}><${p}cellXfs count="1"><${p}xf numFmtId="0"/></${p}cellXfs></${p}styleSheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const tab = (name = 'Báo cáo'): ReportSheet => ({ name, columnWidths: [10], cells: [], merges: [], tables: [], pageBreaks: [], rowHeights: [], rowCount: 0, colCount: 1 });

/** Characters that need care in a cell's XML, and the pieces of an `_xHHHH_` escape, among any others. */
const TRICKY = fc.oneof(
  fc.constantFrom('&', '<', '>', '"', "'", '_x0041_', '_x005F_', '_', 'x', '0', 'A', '\u0001', '\u000b', '\u001f', ' ', '\n', '\r', '\t', 'đ', '😀', '\uFFFF'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('text in the report tab', () => {
  it('is well-formed XML and comes back exactly as written, whatever the characters (controls, "_x0041_", &, <, emoji)', async () => {
    const input = new XlsxPackage(await pkg(''));
    const data = readWorkbookData(input);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: TRICKY, maxLength: 30 }), { minLength: 1, maxLength: 5 }), async (texts) => {
        const sheet = tab();
        sheet.rowCount = texts.length;
        sheet.cells = texts.map((value, row) => ({ row, col: 0, value }));
        const copy = writeReportCopy(input, data, sheet);
        // Well-formed for a strict parser (Excel refuses a part that is not), and the same text read back.
        wellFormed(await (await JSZip.loadAsync(copy.buffer)).file('xl/worksheets/sheet2.xml')!.async('string'));
        const back = readWorkbookData(new XlsxPackage(copy.buffer)).sheets.find((s) => s.name === 'Báo cáo')!;
        // An empty string is an empty cell once written; everything else round-trips character for character.
        expect(texts.map((_, r) => back.grid[r]?.[0] ?? '')).toEqual(texts);
      }),
      { numRuns: propertyRuns(60), examples: [[['_x0041_ & <b>', 'a\u0001b', '  hai khoảng  ', '=1+1']]] },
    );
  });
});

describe('the tab as printed', () => {
  it('writes the page breaks, the numbered footer, A4 landscape at one page wide, and each merged block row by row', async () => {
    const grid: CellValue[][] = [['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ']];
    for (let i = 1; i <= 80; i++) grid.push([i, `Nhiệm vụ số ${i}: rà soát, đánh giá và báo cáo kết quả thực hiện theo kế hoạch của Sở`, 'Văn phòng Sở', '15/02/2024', 'Đang thực hiện']);
    const workbook = { sheets: [{ name: 'PL', grid }] };
    const { sheet } = reportWorkbook(workbook, { asOf: '2024-04-10', period: makePeriod('Q1', 2024) });
    expect(sheet.pageBreaks.length).toBeGreaterThan(2);
    const input = new XlsxPackage(await pkg(''));
    const out = new XlsxPackage(writeReportCopy(input, readWorkbookData(input), sheet).buffer);
    const xml = out.text(out.sheets.find((s) => s.name === sheet.name)!.part!);
    wellFormed(xml);
    // A break's id is the last row of its page (1-based): the row before the 0-based row that starts the next page.
    expect([...xml.matchAll(/<brk id="(\d+)" max="16383" man="1"\/>/g)].map((m) => Number(m[1]))).toEqual(sheet.pageBreaks);
    expect(xml).toContain(`<rowBreaks count="${sheet.pageBreaks.length}" manualBreakCount="${sheet.pageBreaks.length}">`);
    expect(xml).toContain('<headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
    const refs = [...xml.matchAll(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"\/>/g)];
    expect(refs.every((m) => m[2] === m[4])).toBe(true);
    const rowsMerged = sheet.merges.reduce((n, m) => n + m.bottom - m.top + 1, 0);
    expect(refs).toHaveLength(rowsMerged);
  });
});

describe('the styles part', () => {
  const look: CellLook = { font: { name: 'Times New Roman', size: 12, bold: true }, fill: 'FFBDD7EE', border: 'FF808080', numFmt: '0.0%', horizontal: 'center', vertical: 'center', wrap: true };

  it('appends after every existing entry, counting them when the count attribute is missing or wrong', () => {
    const xml =
      `<x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="0.000"/></x:numFmts>` +
      `<x:fonts count="9"><x:font><x:sz val="11"/></x:font><x:font><x:b/></x:font></x:fonts><x:fills count="0"/>` +
      `<x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="170" fontId="1"/><x:xf numFmtId="0"/></x:cellXfs></x:styleSheet>`;
    const { xml: out, xfIds } = appendCellFormats(xml, [look, { ...look, fill: undefined, numFmt: undefined }]);
    wellFormed(out);
    // Three cell formats existed: the new ones are 3 and 4, the old ones unchanged in place.
    expect(xfIds).toEqual([3, 4]);
    expect(out).toContain('<x:cellXfs count="5"><x:xf numFmtId="0"/><x:xf numFmtId="170" fontId="1"/><x:xf numFmtId="0"/><x:xf numFmtId="171" fontId="2" fillId="2" borderId="1"');
    expect(out).toContain('<x:numFmts count="2"><x:numFmt numFmtId="170" formatCode="0.000"/><x:numFmt numFmtId="171" formatCode="0.0%"/></x:numFmts>');
    expect(out).toContain('<x:fonts count="3"><x:font><x:sz val="11"/></x:font><x:font><x:b/></x:font><x:font><x:b/><x:sz val="12"/>');
    // A stylesheet with no fills gets Excel's two required ones before its own.
    expect(out).toContain('<x:fills count="3"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill><x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFBDD7EE"/>');
    // No borders list at all: one is made, in its place before the cell formats, with the empty border first.
    expect(out.indexOf('<x:borders count="2"><x:border><x:left/>')).toBeGreaterThan(out.indexOf('</x:fills>'));
    expect(out.indexOf('</x:borders>')).toBeLessThan(out.indexOf('<x:cellXfs'));
  });
});

describe('packages with prefixes', () => {
  it('adds a well-formed sheet entry, relationship and content type to a workbook written with x: prefixes', async () => {
    const input = new XlsxPackage(await pkg('x:'));
    const data = readWorkbookData(input);
    const { sheet } = reportWorkbook(data, { asOf: '2024-04-10', period: makePeriod('Q1', 2024) });
    const copy = writeReportCopy(input, data, sheet);
    const zip = await JSZip.loadAsync(copy.buffer);
    for (const part of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/worksheets/sheet2.xml']) {
      wellFormed(await zip.file(part)!.async('string'));
    }
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain(`<x:sheet name="${copy.tab}" sheetId="2" r:id="rId3"/></x:sheets>`);
    const back = readWorkbookData(new XlsxPackage(copy.buffer));
    expect(back.sheets.map((s) => s.name)).toEqual(['Phụ lục', 'Báo cáo Quý I-2024']);
    const first = back.sheets[1].grid[1][0] as CellValue;
    expect(first).toBe('BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH');
  });
});

describe('Strict Open XML packages', () => {
  const S_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
  const S_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

  it('reads their cells and dates and adds the tab with relationships of their own kind', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
    zip.file('_rels/.rels', `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${S_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    zip.file('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${S_REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${S_REL}/styles" Target="styles.xml"/></Relationships>`);
    zip.file('xl/workbook.xml', `<workbook xmlns="${S_MAIN}" xmlns:r="${S_REL}"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
    const t = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    zip.file(
      'xl/worksheets/sheet1.xml',
      `<worksheet xmlns="${S_MAIN}"><sheetData>` +
        row(1, t('A1', 'TT') + t('B1', 'Nội dung nhiệm vụ') + t('C1', 'Đơn vị chủ trì') + t('D1', 'Thời gian thực hiện')) +
        row(2, '<c r="A2"><v>1</v></c>' + t('B2', 'Rà soát') + t('C2', 'Văn phòng Sở') + '<c r="D2" t="d"><v>2024-03-31T00:00:00</v></c>') +
        '</sheetData></worksheet>',
    );
    zip.file('xl/styles.xml', `<styleSheet xmlns="${S_MAIN}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`);
    const input = new XlsxPackage(await zip.generateAsync({ type: 'nodebuffer' }));
    const data = readWorkbookData(input);
    expect(data.sheets[0].grid[1]).toEqual([1, 'Rà soát', 'Văn phòng Sở', new Date(Date.UTC(2024, 2, 31))]);
    const { sheet } = reportWorkbook(data, { asOf: '2024-04-10', period: makePeriod('Q1', 2024) });
    const copy = writeReportCopy(input, data, sheet);
    const out = await JSZip.loadAsync(copy.buffer);
    const rels = await out.file('xl/_rels/workbook.xml.rels')!.async('string');
    expect(rels).toContain(`<Relationship Id="rId3" Type="${S_REL}/worksheet" Target="worksheets/sheet2.xml"/>`);
    const part = await out.file('xl/worksheets/sheet2.xml')!.async('string');
    wellFormed(part);
    expect(part).toContain(`<worksheet xmlns="${S_MAIN}"`);
    expect(readWorkbookData(new XlsxPackage(copy.buffer)).sheets.map((s) => s.name)).toEqual(['Phụ lục', 'Báo cáo Quý I-2024']);
  });
});
