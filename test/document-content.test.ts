/**
 * What the official report (NĐ 30/2020/NĐ-CP) says, in the core's document model, for appendices written for the
 * purpose: tasks shared by two lead units, results and difficulties the units wrote back, the quarter after the
 * report, the one-stop-shop table, and the heading read from the unit's name. Every expected text is written by hand
 * from the appendix and the domain rules (test/document.test.ts covers the standard outcomes fixture and the printed
 * .docx).
 */
import { describe, expect, it } from 'vitest';
import { reportWorkbook } from '../src/core/index';
import { makePeriod } from '../src/core/measuring/periods';
import { buildOfficialDocument, headingFromUnitName, sectionTitle, type DocBlock, type DossierSummary } from '../src/core/presenting/document';
import type { CellValue } from '../src/core/types';
import { utc } from './fixtures/workbooks';

const texts = (blocks: DocBlock[], kind: DocBlock['kind']) => blocks.filter((b) => b.kind === kind).map((b) => ('text' in b ? b.text : ''));
const T = (kind: string, text: string) => ({ kind, text });

/**
 * Quý I/2024 as of 10/04/2024 (2024 is a leap year): section I has two tasks done on time, each with its result
 * written; section II has two overdue tasks, 70 days (31/01) and 10 days (31/03), only the first with a difficulty.
 * Every task has a lead unit and a readable deadline, none is continuous: no data problem, nothing without a due date.
 */
const TRACKED: CellValue[][] = [
  ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
  [],
  ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Khó khăn, vướng mắc', 'Đề xuất'],
  ['I', 'Cải cách thủ tục hành chính'],
  ['1', 'Công bố, công khai thủ tục hành chính', 'Văn phòng Sở; Phòng Nghiệp vụ Y', 'Quý I/2024', 'Đã hoàn thành', utc(25, 3, 2024), 'Ban hành Quyết định 35/QĐ-SYT, công khai trên Cổng thông tin điện tử của Sở...', null, null],
  ['2', 'Rà soát, đơn giản hóa thủ tục hành chính', 'Phòng Nghiệp vụ Dược', '15/03/2024', 'Hoàn thành', utc(10, 3, 2024), 'Kiến nghị đơn giản hóa 04 thủ tục hành chính.', null, null],
  ['II', 'Cải cách tổ chức bộ máy'],
  ['1', 'Xây dựng đề án vị trí việc làm', 'Phòng Tổ chức cán bộ, Văn phòng Sở', '31/01/2024', 'Đang thực hiện', null, null, 'Chờ hướng dẫn của Sở Nội vụ', null],
  ['2', 'Rà soát chức năng, nhiệm vụ các phòng', 'Phòng Tổ chức cán bộ', 'Quý I/2024', 'Đang thực hiện', null, null, null, null],
];

const trackedDocument = () => {
  const { report, appendix } = reportWorkbook(
    { sheets: [{ name: 'Phụ lục', grid: TRACKED }] },
    { asOf: '2024-04-10', period: makePeriod('Q1', 2024), unitName: 'Sở Y tế tỉnh Đồng Nai' },
  );
  return buildOfficialDocument(report, appendix);
};

describe('the results part of the document, for tasks the units wrote back on', () => {
  it('names every lead unit of a shared task, quotes each result without doubling its full stop, and asks for no result already written', () => {
    const doc = trackedDocument();
    const from = doc.body.findIndex((b) => b.kind === 'subheading' && b.text === '1. Cải cách thủ tục hành chính');
    expect(doc.body.slice(from, from + 5)).toEqual([
      T('subheading', '1. Cải cách thủ tục hành chính'),
      T('paragraph', '2 mốc đến hạn: 2 hoàn thành đúng hạn, 0 hoàn thành quá hạn, 0 hoàn thành chưa ghi ngày, 0 quá hạn; tỷ lệ đúng hạn 100,0%.'),
      T('paragraph', 'Nhiệm vụ đã hoàn thành:'),
      // The comma inside the result stays; the ellipsis the unit typed is replaced by the document's own full stop.
      T('bullet', 'Công bố, công khai thủ tục hành chính (Văn phòng Sở, Phòng Nghiệp vụ Y; hạn 31/03/2024; hoàn thành ngày 25/03/2024). Kết quả: Ban hành Quyết định 35/QĐ-SYT, công khai trên Cổng thông tin điện tử của Sở.'),
      T('bullet', 'Rà soát, đơn giản hóa thủ tục hành chính (Phòng Nghiệp vụ Dược; hạn 15/03/2024; hoàn thành ngày 10/03/2024). Kết quả: Kiến nghị đơn giản hóa 04 thủ tục hành chính.'),
    ]);
    // Both results are written: the next block is section II's heading, not a placeholder for the results.
    expect(doc.body[from + 5]).toEqual(T('subheading', '2. Cải cách tổ chức bộ máy'));
    expect(texts(doc.body, 'placeholder')).not.toContain('Kết quả, sản phẩm cụ thể của các nhiệm vụ đã hoàn thành.');
  });

  it('lists overdue tasks most overdue first with all their lead units, and still asks for the difficulties one of them left out', () => {
    const doc = trackedDocument();
    const from = doc.body.findIndex((b) => b.kind === 'subheading' && b.text === '2. Cải cách tổ chức bộ máy');
    expect(doc.body.slice(from, from + 6)).toEqual([
      T('subheading', '2. Cải cách tổ chức bộ máy'),
      T('paragraph', '2 mốc đến hạn: 0 hoàn thành đúng hạn, 0 hoàn thành quá hạn, 0 hoàn thành chưa ghi ngày, 2 quá hạn; tỷ lệ đúng hạn 0,0%.'),
      T('paragraph', 'Nhiệm vụ chưa hoàn thành, đã quá hạn:'),
      T('bullet', 'Xây dựng đề án vị trí việc làm (Phòng Tổ chức cán bộ, Văn phòng Sở; hạn 31/01/2024; quá 70 ngày). Khó khăn, vướng mắc: Chờ hướng dẫn của Sở Nội vụ.'),
      T('bullet', 'Rà soát chức năng, nhiệm vụ các phòng (Phòng Tổ chức cán bộ; hạn 31/03/2024; quá 10 ngày).'),
      T('placeholder', 'Khó khăn, vướng mắc của các nhiệm vụ quá hạn và thời gian dự kiến hoàn thành.'),
    ]);
  });

  it('adds no sentence about tasks without a due date or about data problems when the appendix has none', () => {
    const paragraphs = texts(trackedDocument().body, 'paragraph');
    expect(paragraphs).toContain(
      'Tính đến ngày 10/04/2024, trong quý I/2024 có 4 mốc thời hạn đến hạn: 2 hoàn thành đúng hạn, 0 hoàn thành quá hạn, 0 hoàn thành nhưng chưa ghi ngày, 2 chưa hoàn thành và đã quá hạn, 0 chưa đến hạn, 0 không thực hiện. Tỷ lệ hoàn thành 50,0%, tỷ lệ hoàn thành đúng hạn 50,0%.',
    );
    expect(paragraphs).toContain('Còn 2 mốc thời hạn quá hạn chưa hoàn thành.');
    expect(paragraphs).toContain('Khẩn trương hoàn thành 2 nhiệm vụ đã quá hạn nêu tại Mục II.');
  });
});

describe('the tasks of the next period', () => {
  /**
   * The report for Quý I/2024 made on 25/03/2024: the next period is Quý II/2024 (01/04–30/06). Due in it and still to
   * do: the training on its first day, and the inspection whose first of two milestones is that day. Not listed: the
   * survey already done, the reorganisation that was cancelled, and the nine-month review due in Quý III.
   */
  const NEXT: CellValue[][] = [
    ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
    ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành'],
    ['1', 'Tập huấn nghiệp vụ kiểm soát thủ tục hành chính', 'Văn phòng Sở', '01/04/2024', 'Chưa thực hiện', null],
    ['2', 'Kiểm tra công tác cải cách hành chính tại các đơn vị', 'Thanh tra Sở', '01/04/2024 và 15/05/2024', 'Chưa thực hiện', null],
    ['3', 'Khảo sát sự hài lòng của người dân', 'Văn phòng Sở', 'Quý II/2024', 'Đã hoàn thành', utc(20, 3, 2024)],
    ['4', 'Sắp xếp lại các phòng chức năng', 'Phòng Tổ chức cán bộ', 'Quý II/2024', 'Không thực hiện', null],
    ['5', 'Sơ kết công tác cải cách hành chính 9 tháng', 'Văn phòng Sở', 'Quý III/2024', 'Chưa thực hiện', null],
  ];

  it('lists the tasks still to do that fall due in the next quarter, from its first day, each with its first due date there', () => {
    const { report, appendix } = reportWorkbook({ sheets: [{ name: 'Phụ lục', grid: NEXT }] }, { asOf: '2024-03-25', period: makePeriod('Q1', 2024) });
    const body = buildOfficialDocument(report, appendix).body;
    const from = body.findIndex((b) => b.kind === 'heading' && b.text === 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI');
    expect(body.slice(from, from + 5)).toEqual([
      T('heading', 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI'),
      T('paragraph', 'Tập trung thực hiện 2 nhiệm vụ đến hạn trong quý II/2024 (từ 01/04/2024 đến 30/06/2024):'),
      T('bullet', 'Tập huấn nghiệp vụ kiểm soát thủ tục hành chính (Văn phòng Sở; hạn 01/04/2024).'),
      T('bullet', 'Kiểm tra công tác cải cách hành chính tại các đơn vị (Thanh tra Sở; hạn 01/04/2024).'),
      T('placeholder', 'Các nhiệm vụ trọng tâm khác của kỳ tới.'),
    ]);
  });
});

describe('the one-stop-shop table in the annex', () => {
  // Five carried over, 55 new (40 online, 12 in person, 3 by post); 52 settled (20 early, 30 on time, 2 late), 8 open.
  const dossiers: DossierSummary = {
    sheet: 'Hồ sơ một cửa',
    table: { carriedOver: 5, newOnline: 40, newInPerson: 12, newByPost: 3, early: 20, onTime: 30, late: 2, notYetDue: 6, overdue: 2, skipped: 0 },
    rates: { onTime: 50 / 52, online: 40 / 60, digitised: 54 / 60 },
  };

  it('counts dossiers filed by post in the total received, gives the ten columns equal room, and adds no note when no row was skipped', () => {
    const { report, appendix } = reportWorkbook({ sheets: [{ name: 'Phụ lục', grid: TRACKED }] }, { asOf: '2024-04-10', period: makePeriod('Q1', 2024) });
    const doc = buildOfficialDocument(report, appendix, undefined, undefined, { dossiers });
    const table = doc.annex.blocks.flatMap((b) => (b.kind === 'table' && b.table.title.startsWith('4.') ? [b.table] : []))[0];
    expect(table.title).toBe('4. Tình hình giải quyết hồ sơ thủ tục hành chính (từ 01/01/2024 đến 31/03/2024, trang "Hồ sơ một cửa")');
    expect(table.rows).toEqual([['60', '5', '40', '12', '3', '20', '30', '2', '6', '2']]);
    expect(table.widths).toHaveLength(10);
    expect(new Set(table.widths).size).toBe(1);
    expect(texts(doc.annex.blocks, 'paragraph')).toEqual([
      'Tỷ lệ hồ sơ giải quyết đúng hẹn 96,2%; tỷ lệ hồ sơ nộp trực tuyến 66,7%; tỷ lệ kết quả giải quyết được số hóa 90,0%.',
    ]);
  });
});

describe('section names as headings of the document', () => {
  it('drops the section\'s number in every form appendices write it, and keeps a name that has none', () => {
    expect(sectionTitle(' II. Cải cách thủ tục hành chính')).toBe('Cải cách thủ tục hành chính');
    expect(sectionTitle('I.CẢI CÁCH THỂ CHẾ')).toBe('Cải cách thể chế');
    expect(sectionTitle('II . CẢI CÁCH THỦ TỤC HÀNH CHÍNH')).toBe('Cải cách thủ tục hành chính');
    expect(sectionTitle('10. Nhiệm vụ khác')).toBe('Nhiệm vụ khác');
    expect(sectionTitle('2.10. Tuyên truyền cải cách hành chính')).toBe('Tuyên truyền cải cách hành chính');
    expect(sectionTitle('III. CẢI CÁCH CÔNG VỤ ')).toBe('Cải cách công vụ');
    // An abbreviation in brackets at the end is not a number.
    expect(sectionTitle('Cải cách thủ tục hành chính (TTHC)')).toBe('Cải cách thủ tục hành chính (TTHC)');
  });

  it('writes a one-word heading in capitals in sentence case too', () => {
    expect(sectionTitle('VII. KHÁC')).toBe('Khác');
  });
});

describe('the heading read from the unit\'s name', () => {
  it('reads a department of health\'s name however it is spaced, and a city written "TP" without a dot', () => {
    const dongNai = { parentBody: 'UBND TỈNH ĐỒNG NAI', issuingBody: 'SỞ Y TẾ', place: 'Đồng Nai' };
    expect(headingFromUnitName('  Sở Y tế tỉnh Đồng Nai')).toEqual(dongNai);
    expect(headingFromUnitName('Sở  Y  tế  tỉnh  Đồng Nai')).toEqual(dongNai);
    expect(headingFromUnitName('Sở Y tế TP Hồ Chí Minh')).toEqual({ parentBody: 'UBND THÀNH PHỐ HỒ CHÍ MINH', issuingBody: 'SỞ Y TẾ', place: 'Hồ Chí Minh' });
  });

  it('does not take a unit inside the department for the department: its parent body and place are left to the drafter', () => {
    expect(headingFromUnitName('Văn phòng Sở Y tế tỉnh Đồng Nai')).toEqual({
      parentBody: '[CƠ QUAN CẤP TRÊN]',
      issuingBody: 'VĂN PHÒNG SỞ Y TẾ TỈNH ĐỒNG NAI',
      place: '[Địa danh]',
    });
  });
});
