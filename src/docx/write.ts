/**
 * The official report as a .docx, laid out as NĐ 30/2020/NĐ-CP (Phụ lục I) requires: A4 portrait, margins 20 mm
 * top and bottom, 30 mm left, 15 mm right; Times New Roman 14; the two-column heading with the national motto; page
 * numbers centred at the top from page 2; "Nơi nhận" beside the signature; the statistics annex on its own page.
 * What the document says comes from the core (`buildOfficialDocument`); this only lays it out, with the docx library.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
  type IParagraphOptions,
} from 'docx';
import type { DocBlock, DocTable, OfficialDocument } from '../core/presenting/document';
import { NATIONAL_HEADING } from '../core/presenting/document';

/** Page and margins in twips (1/20 pt), from NĐ 30/2020's ranges. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: convertMillimetersToTwip(20),
  bottom: convertMillimetersToTwip(20),
  left: convertMillimetersToTwip(30),
  right: convertMillimetersToTwip(15),
} as const;
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** The annex prints landscape: its tables have ten columns. */
const ANNEX_WIDTH = PAGE.height - PAGE.left - PAGE.right;
export const FONT = 'Times New Roman';
/** Sizes in half-points. */
const SIZE = { body: 28, heading13: 26, nation: 24, small: 24, recipients: 22, table: 22 } as const;

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function para(text: string, style: RunStyle = {}, options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ ...options, children: [new TextRun({ text, bold: style.bold, italics: style.italics, size: style.size, font: FONT })] });
}

/** A rule under a heading line: an empty paragraph with a bottom border, `width` twips long, centred in `within`. */
function rule(width: number, within: number): Paragraph {
  const indent = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: 0, after: 60, line: 120, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

/** Roughly how wide a line of bold capitals or text is, in twips (Times New Roman averages half an em a character). */
function textWidth(text: string, halfPoints: number, capitals = false): number {
  return Math.round(text.length * (halfPoints / 2) * 20 * (capitals ? 0.62 : 0.5));
}

function cell(children: Paragraph[], width: number, options: { borders?: boolean; shade?: boolean; top?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: options.top ? VerticalAlign.TOP : VerticalAlign.CENTER,
    ...(options.borders === false ? { borders: NO_BORDERS } : {}),
    ...(options.shade ? { shading: { fill: 'EDEDED' } } : {}),
  });
}

/** Two blocks side by side without borders (the heading; "Nơi nhận" beside the signature). */
function sideBySide(leftShare: number, left: (width: number) => Paragraph[], right: (width: number) => Paragraph[], top = false): Table {
  const leftWidth = Math.round(CONTENT_WIDTH * leftShare);
  const rightWidth = CONTENT_WIDTH - leftWidth;
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left(leftWidth), leftWidth, { borders: false, top }), cell(right(rightWidth), rightWidth, { borders: false, top })] })],
  });
}

const CENTRED = { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } };

function headingTable(doc: OfficialDocument): Table {
  return sideBySide(
    0.38,
    (width) => [
      para(doc.parentBody, { size: SIZE.heading13 }, CENTRED),
      para(doc.issuingBody, { bold: true, size: SIZE.heading13 }, CENTRED),
      rule(Math.round(textWidth(doc.issuingBody, SIZE.heading13, true) * 0.6), width),
      para(doc.number, { size: SIZE.heading13 }, { ...CENTRED, spacing: { before: 120, after: 0 } }),
    ],
    (width) => [
      para(NATIONAL_HEADING.nation, { bold: true, size: SIZE.nation }, CENTRED),
      para(NATIONAL_HEADING.motto, { bold: true, size: SIZE.body }, CENTRED),
      rule(textWidth(NATIONAL_HEADING.motto, SIZE.body), width),
      para(doc.placeDate, { italics: true, size: SIZE.heading13 }, { ...CENTRED, spacing: { before: 120, after: 0 } }),
    ],
  );
}

const BODY: Omit<IParagraphOptions, 'children'> = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: 567 },
  spacing: { before: 0, after: 120, line: 312 },
};

function dataTable(table: DocTable, width: number): (Paragraph | Table)[] {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => Math.round((w / total) * width));
  const small = (text: string, style: RunStyle, align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    para(text, { ...style, size: SIZE.table }, { alignment: align, spacing: { before: 40, after: 40 } });
  const numeric = (text: string) => /^[\d.,%—-]*$/.test(text) || text === 'Đạt' || text === 'Không đạt' || text === 'Chưa có số liệu';
  return [
    para(table.title, { bold: true }, { spacing: { before: 240, after: 120 }, keepNext: true }),
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({
          tableHeader: true,
          children: table.columns.map((c, i) => cell([small(c, { bold: true }, AlignmentType.CENTER)], widths[i], { shade: true })),
        }),
        ...table.rows.map(
          (row, r) =>
            new TableRow({
              cantSplit: true,
              children: row.map((v, i) =>
                cell([small(v, { bold: table.boldRows?.includes(r) }, numeric(v) || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT)], widths[i]),
              ),
            }),
        ),
      ],
    }),
  ];
}

function blocks(list: DocBlock[], width = CONTENT_WIDTH): (Paragraph | Table)[] {
  return list.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'heading':
        return [para(b.text, { bold: true }, { ...BODY, alignment: AlignmentType.LEFT, spacing: { before: 120, after: 120 }, keepNext: true })];
      case 'subheading':
        return [para(b.text, { bold: true }, { ...BODY, alignment: AlignmentType.LEFT, keepNext: true })];
      case 'paragraph':
        return [para(b.text, {}, BODY)];
      case 'bullet':
        return [para(`- ${b.text}`, {}, BODY)];
      case 'placeholder':
        return [para(`[${b.text}]`, { italics: true }, BODY)];
      case 'table':
        return dataTable(b.table, width);
    }
  });
}

function closingTable(doc: OfficialDocument): Table {
  const last = doc.recipients.length - 1;
  const tight = { spacing: { before: 0, after: 0 } };
  return sideBySide(
    0.5,
    () => [
      para('Nơi nhận:', { bold: true, italics: true, size: SIZE.small }, tight),
      ...doc.recipients.map((r, i) => para(`- ${r}${i === last ? '.' : ';'}`, { size: SIZE.recipients }, tight)),
    ],
    () => [
      ...doc.signer.title.map((line) => para(line, { bold: true, size: SIZE.body }, CENTRED)),
      ...[0, 1, 2, 3].map(() => para('', {}, CENTRED)),
      para(doc.signer.name, { bold: true, size: SIZE.body }, CENTRED),
    ],
    true,
  );
}

function pageNumberHeader(): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body })] })] });
}

/** The document laid out (no I/O): the command line packs it to bytes, the panel to a Blob for download. */
export function officialDocx(doc: OfficialDocument): Document {
  return new Document({
    creator: doc.issuingBody,
    title: `${doc.title} ${doc.summary}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: convertMillimetersToTwip(10) } },
          titlePage: true,
        },
        headers: {
          // NĐ 30/2020: page numbers centred at the top, from the second page.
          default: pageNumberHeader(),
          first: new Header({ children: [] }),
        },
        children: [
          headingTable(doc),
          para(doc.title, { bold: true }, { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 } }),
          para(doc.summary, { bold: true }, { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } }),
          rule(Math.round(textWidth(doc.summary, SIZE.body) * 0.35), CONTENT_WIDTH),
          para('', {}, { spacing: { before: 0, after: 120 } }),
          ...blocks(doc.body),
          para('', {}, { spacing: { before: 0, after: 120 } }),
          closingTable(doc),
        ],
      },
      {
        // The annex on its own pages, landscape; page numbers run on.
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: convertMillimetersToTwip(10) },
          },
        },
        headers: { default: pageNumberHeader() },
        children: [
          para(doc.annex.label, { bold: true }, { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } }),
          para(doc.annex.title, { bold: true }, { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } }),
          para(doc.annex.note, { italics: true }, { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 } }),
          ...blocks(doc.annex.blocks, ANNEX_WIDTH),
        ],
      },
    ],
  });
}

/** The document as .docx bytes (Node). */
export async function writeOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  return Packer.toBuffer(officialDocx(doc));
}

/** The document as a Blob to download (browsers: the sidebar and the task pane). */
export async function officialDocxBlob(doc: OfficialDocument): Promise<Blob> {
  return Packer.toBlob(officialDocx(doc));
}

