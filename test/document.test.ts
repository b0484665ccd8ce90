/**
 * The official report (NĐ 30/2020 layout) drafted from the appendix: what it says (core), and the .docx as a reader
 * sees it once LibreOffice has printed it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { beforeEach, describe, expect, it } from 'vitest';
import { reportWorkbook } from '../src/core/index';
import { makePeriod } from '../src/core/measuring/periods';
import { buildOfficialDocument, headingFromUnitName, nextQuarter, placeDateLine, sectionTitle, type DocBlock, type OfficialDocument } from '../src/core/presenting/document';
import type { CellValue } from '../src/core/types';
import { assessParCriteria, DEFAULT_PAR_CRITERIA } from '../src/core/measuring/par';
import { findLibreOffice, skipWithout } from './fixtures/tools';
import { DOSSIER_ROWS, OUTCOMES_ROWS, tempDir } from './fixtures/workbooks';
import { officialDocumentFor, reportFor } from '../src/core/service';

const texts = (blocks: DocBlock[], kind: DocBlock['kind']) => blocks.filter((b) => b.kind === kind).map((b) => ('text' in b ? b.text : ''));

describe('the heading and dates as NĐ 30/2020 writes them', () => {
  it('takes the parent body, issuing body and place from the unit name, with placeholders when it names no province', () => {
    expect(headingFromUnitName('Sở Y tế tỉnh Bà Rịa - Vũng Tàu')).toEqual({ parentBody: 'UBND TỈNH BÀ RỊA - VŨNG TÀU', issuingBody: 'SỞ Y TẾ', place: 'Bà Rịa - Vũng Tàu' });
    expect(headingFromUnitName('Sở Y tế thành phố Hà Nội')).toEqual({ parentBody: 'UBND THÀNH PHỐ HÀ NỘI', issuingBody: 'SỞ Y TẾ', place: 'Hà Nội' });
    expect(headingFromUnitName('Sở Y tế TP. Hồ Chí Minh')).toEqual({ parentBody: 'UBND THÀNH PHỐ HỒ CHÍ MINH', issuingBody: 'SỞ Y TẾ', place: 'Hồ Chí Minh' });
    expect(headingFromUnitName('Sở Y tế')).toEqual({ parentBody: '[CƠ QUAN CẤP TRÊN]', issuingBody: 'SỞ Y TẾ', place: '[Địa danh]' });
  });

  it('writes the place and date with the day and month padded', () => {
    expect(placeDateLine('Bà Rịa - Vũng Tàu', '2026-01-05')).toBe('Bà Rịa - Vũng Tàu, ngày 05 tháng 01 năm 2026');
    expect(placeDateLine('Đồng Nai', '2024-12-20')).toBe('Đồng Nai, ngày 20 tháng 12 năm 2024');
  });

  it('names the quarter after the report as the next period, into the next year after an annual report', () => {
    const next = (type: 'Q1' | 'H1' | '9M' | 'Y') => nextQuarter({ period: makePeriod(type, 2024) }).code;
    expect([next('Q1'), next('H1'), next('9M'), next('Y')]).toEqual(['Q2/2024', 'Q3/2024', 'Q4/2024', 'Q1/2025']);
    expect(nextQuarter({ period: makePeriod('Q4', 2024) }).code).toBe('Q1/2025');
    expect(nextQuarter({ period: makePeriod('Q3', 2024) }).code).toBe('Q4/2024');
    expect(nextQuarter({ period: makePeriod('Q1', 2024, 'nd09') })).toMatchObject({ start: '2024-03-15', end: '2024-06-14' });
  });

  it('heads each part with the section\'s own name, its number dropped and capitals in sentence case', () => {
    expect(sectionTitle('I. CẢI CÁCH THỂ CHẾ')).toBe('Cải cách thể chế');
    expect(sectionTitle('2. Cải cách TTHC')).toBe('Cải cách TTHC');
    expect(sectionTitle('VI. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ')).toBe('Xây dựng và phát triển chính quyền điện tử, chính quyền số');
    expect(sectionTitle('(Không thuộc mục nào)')).toBe('(Không thuộc mục nào)');
    expect(sectionTitle('A. NHIỆM VỤ CHUNG')).toBe('Nhiệm vụ chung');
    expect(sectionTitle('1.2) Cải cách công vụ')).toBe('Cải cách công vụ');
  });
});

describe('what the document says, from the appendix', () => {
  let doc: OfficialDocument;
  beforeEach(() => {
    const { report, appendix } = reportWorkbook({ sheets: [{ name: 'Phụ lục', grid: OUTCOMES_ROWS as CellValue[][] }] }, { asOf: '2024-04-10', period: makePeriod('Q1', 2024), unitName: 'Sở Y tế tỉnh Đắk Nông' });
    doc = buildOfficialDocument(report, appendix);
  });

  it('heads it with the bodies, a blank number for the clerk, the place and date, and the summary line', () => {
    expect([doc.parentBody, doc.issuingBody, doc.number, doc.placeDate]).toEqual(['UBND TỈNH ĐẮK NÔNG', 'SỞ Y TẾ', 'Số:       /BC-SYT', 'Đắk Nông, ngày 10 tháng 04 năm 2024']);
    expect([doc.title, doc.summary]).toEqual(['BÁO CÁO', 'Kết quả thực hiện công tác cải cách hành chính quý I/2024']);
    expect(doc.signer).toEqual({ title: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: '[Họ và tên]' });
    expect(doc.recipients.at(-1)).toBe('Lưu: VT, VP');
  });

  it('follows the periodic report\'s outline, the period\'s figures in words, each section\'s done and overdue tasks', () => {
    expect(texts(doc.body, 'heading')).toEqual([
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH',
      'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
    ]);
    // Five due dates as of 10/04/2024: one on time, one late, one done without a date, one overdue, one cancelled.
    expect(texts(doc.body, 'paragraph')).toContain(
      'Tính đến ngày 10/04/2024, trong quý I/2024 có 5 mốc thời hạn đến hạn: 1 hoàn thành đúng hạn, 1 hoàn thành quá hạn, 1 hoàn thành nhưng chưa ghi ngày, 1 chưa hoàn thành và đã quá hạn, 0 chưa đến hạn, 1 không thực hiện. Tỷ lệ hoàn thành 75,0%, tỷ lệ hoàn thành đúng hạn 25,0%. Ngoài ra có 2 nhiệm vụ thường xuyên, định kỳ hoặc khi có yêu cầu.',
    );
    expect(texts(doc.body, 'subheading').slice(0, 2)).toEqual(['1. Cải cách thể chế', '2. Cải cách tổ chức bộ máy']);
    expect(texts(doc.body, 'bullet')).toEqual([
      'Rà soát văn bản quy phạm pháp luật (Thanh tra Sở; hạn 31/03/2024; hoàn thành ngày 20/03/2024).',
      'Ban hành quy chế làm việc (Văn phòng Sở; hạn 15/02/2024; hoàn thành ngày 01/03/2024).',
      'Kế hoạch kiểm soát TTHC (Văn phòng Sở; hạn 31/01/2024; đã hoàn thành, chưa ghi ngày).',
      'Rà soát vị trí việc làm (Phòng Tổ chức cán bộ; hạn 31/03/2024; quá 10 ngày).',
      // Next period (quý II/2024): the training due 30/06 and the quarterly report; the overdue and cancelled tasks are not listed.
      'Tập huấn kỹ năng một cửa (Văn phòng Sở; hạn 30/06/2024).',
      'Báo cáo CCHC (Văn phòng Sở; hạn 30/06/2024).',
    ]);
  });

  it('says, block by block, what the whole document for this appendix says', () => {
    const T = (kind: string, text: string) => ({ kind, text });
    expect(doc.body).toEqual([
      T('heading', 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH'),
      T('paragraph', 'Kế hoạch cải cách hành chính năm 2024 của Sở Y tế tỉnh Đắk Nông gồm 8 nhiệm vụ (phụ lục: trang "Phụ lục").'),
      T('placeholder', 'Nêu việc ban hành kế hoạch, kiểm tra, tuyên truyền cải cách hành chính và khắc phục hạn chế của Chỉ số cải cách hành chính kỳ trước.'),
      T('heading', 'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH'),
      T('paragraph', 'Tính đến ngày 10/04/2024, trong quý I/2024 có 5 mốc thời hạn đến hạn: 1 hoàn thành đúng hạn, 1 hoàn thành quá hạn, 1 hoàn thành nhưng chưa ghi ngày, 1 chưa hoàn thành và đã quá hạn, 0 chưa đến hạn, 1 không thực hiện. Tỷ lệ hoàn thành 75,0%, tỷ lệ hoàn thành đúng hạn 25,0%. Ngoài ra có 2 nhiệm vụ thường xuyên, định kỳ hoặc khi có yêu cầu.'),
      T('subheading', '1. Cải cách thể chế'),
      T('paragraph', '3 mốc đến hạn: 1 hoàn thành đúng hạn, 1 hoàn thành quá hạn, 1 hoàn thành chưa ghi ngày, 0 quá hạn; tỷ lệ đúng hạn 33,3%.'),
      T('paragraph', 'Nhiệm vụ đã hoàn thành:'),
      T('bullet', 'Rà soát văn bản quy phạm pháp luật (Thanh tra Sở; hạn 31/03/2024; hoàn thành ngày 20/03/2024).'),
      T('bullet', 'Ban hành quy chế làm việc (Văn phòng Sở; hạn 15/02/2024; hoàn thành ngày 01/03/2024).'),
      T('bullet', 'Kế hoạch kiểm soát TTHC (Văn phòng Sở; hạn 31/01/2024; đã hoàn thành, chưa ghi ngày).'),
      T('placeholder', 'Kết quả, sản phẩm cụ thể của các nhiệm vụ đã hoàn thành.'),
      // Section II: one task overdue, one cancelled (not due), none done.
      T('subheading', '2. Cải cách tổ chức bộ máy'),
      T('paragraph', '2 mốc đến hạn: 0 hoàn thành đúng hạn, 0 hoàn thành quá hạn, 0 hoàn thành chưa ghi ngày, 1 quá hạn; tỷ lệ đúng hạn 0,0%.'),
      T('paragraph', 'Nhiệm vụ chưa hoàn thành, đã quá hạn:'),
      T('bullet', 'Rà soát vị trí việc làm (Phòng Tổ chức cán bộ; hạn 31/03/2024; quá 10 ngày).'),
      T('placeholder', 'Khó khăn, vướng mắc của các nhiệm vụ quá hạn và thời gian dự kiến hoàn thành.'),
      T('heading', 'III. ĐÁNH GIÁ CHUNG'),
      T('subheading', '1. Ưu điểm'),
      T('placeholder', 'Những kết quả nổi bật trong kỳ.'),
      T('subheading', '2. Tồn tại, hạn chế và nguyên nhân'),
      T('paragraph', 'Còn 1 mốc thời hạn quá hạn chưa hoàn thành; phụ lục còn 1 vấn đề dữ liệu cần xử lý (đơn vị chủ trì, thời hạn, ngày hoàn thành).'),
      T('placeholder', 'Nguyên nhân chủ quan, khách quan.'),
      T('heading', 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI'),
      T('paragraph', 'Tập trung thực hiện 2 nhiệm vụ đến hạn trong quý II/2024 (từ 01/04/2024 đến 30/06/2024):'),
      T('bullet', 'Tập huấn kỹ năng một cửa (Văn phòng Sở; hạn 30/06/2024).'),
      T('bullet', 'Báo cáo CCHC (Văn phòng Sở; hạn 30/06/2024).'),
      T('paragraph', 'Khẩn trương hoàn thành 1 nhiệm vụ đã quá hạn nêu tại Mục II.'),
      T('placeholder', 'Các nhiệm vụ trọng tâm khác của kỳ tới.'),
      T('heading', 'V. ĐỀ XUẤT, KIẾN NGHỊ'),
      T('placeholder', 'Đề xuất, kiến nghị với cơ quan cấp trên.'),
    ]);
    expect(doc.annex.label).toBe('Phụ lục');
    const [units, sections, indicators] = doc.annex.blocks.map((b) => (b.kind === 'table' ? b.table : null));
    expect([units?.title, sections?.title, indicators?.title]).toEqual([
      '1. Tình hình thực hiện nhiệm vụ theo đơn vị chủ trì',
      '2. Tình hình thực hiện nhiệm vụ theo lĩnh vực cải cách hành chính',
      '3. Các chỉ số so với mục tiêu',
    ]);
    expect(units?.columns.slice(0, 2)).toEqual(['STT', 'Đơn vị chủ trì']);
    expect(sections?.columns.slice(0, 2)).toEqual(['STT', 'Lĩnh vực (mục của phụ lục)']);
    expect(indicators?.columns).toEqual(['STT', 'Chỉ số', 'Mục tiêu', 'Kết quả', 'Đánh giá', 'Nguồn số liệu']);
  });

  it('says when no task falls due next quarter, and asks the drafter for what a custom criterion is worth', () => {
    const grid: CellValue[][] = [['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện', 'Tiến độ'], [1, 'Việc xong', 'Văn phòng Sở', 'Quý I/2024', 'Hoàn thành']];
    const { report, appendix } = reportWorkbook({ sheets: [{ name: 'PL', grid }] }, { asOf: '2024-04-10', period: makePeriod('Q1', 2024) });
    const d = buildOfficialDocument(report, appendix, undefined, undefined, { criteria: [{ id: 'custom_1', name: 'Ban hành kế hoạch đúng hạn', maxPoints: 1 }] });
    expect(texts(d.body, 'paragraph')).toContain('Phụ lục không có nhiệm vụ nào đến hạn trong quý II/2024.');
    // No overdue task: no call to finish them, no difficulty placeholder.
    expect(texts(d.body, 'paragraph').some((p) => p.startsWith('Khẩn trương'))).toBe(false);
    const par = d.annex.blocks.map((b) => (b.kind === 'table' ? b.table : null))[3];
    expect(par?.rows).toEqual([['1', 'Ban hành kế hoạch đúng hạn', '1', '[Người soạn thảo ghi căn cứ]', '[…]']]);
  });

  it('leaves what only people can write as bracketed placeholders, never invented text', () => {
    const placeholders = texts(doc.body, 'placeholder');
    expect(placeholders.length).toBeGreaterThanOrEqual(6);
    expect(texts(doc.body, 'subheading')).toEqual(expect.arrayContaining(['1. Ưu điểm', '2. Tồn tại, hạn chế và nguyên nhân']));
    expect(placeholders).toContain('Đề xuất, kiến nghị với cơ quan cấp trên.');
  });

  it('annexes the four states per lead unit and per section, with the totals, and the indicators against targets', () => {
    expect(doc.annex.title).toBe('SỐ LIỆU THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH QUÝ I/2024');
    expect(doc.annex.note).toBe('(Kèm theo Báo cáo số       /BC-SYT ngày … của Sở Y tế tỉnh Đắk Nông)');
    const [units, sections, indicators] = doc.annex.blocks.map((b) => (b.kind === 'table' ? b.table : null));
    expect(units?.columns.slice(2)).toEqual(['Số mốc đến hạn', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Hoàn thành, chưa ghi ngày', 'Chưa hoàn thành, trong hạn', 'Chưa hoàn thành, quá hạn', 'Tỷ lệ hoàn thành', 'Tỷ lệ đúng hạn']);
    // Cancelled tasks are not counted as due (TCCB's second task was cancelled).
    expect(units?.rows).toEqual([
      ['1', 'Phòng Tổ chức cán bộ', '1', '0', '0', '0', '0', '1', '0,0%', '0,0%'],
      ['2', 'Văn phòng Sở', '2', '0', '1', '1', '0', '0', '100,0%', '0,0%'],
      ['3', 'Thanh tra Sở', '1', '1', '0', '0', '0', '0', '100,0%', '100,0%'],
      ['', 'Tổng cộng', '4', '1', '1', '1', '0', '1', '75,0%', '25,0%'],
    ]);
    expect(units?.boldRows).toEqual([3]);
    expect(sections?.rows.map((r) => r[1])).toEqual(['I. Cải cách thể chế', 'II. Cải cách tổ chức bộ máy', 'Tổng cộng']);
    expect(indicators?.rows[0]).toEqual(['1', 'Hoàn thành nhiệm vụ kế hoạch CCHC', '100,0%', '75,0%', 'Không đạt', 'Phụ lục kế hoạch (tự tính)']);
    expect(indicators?.rows[2].slice(3, 5)).toEqual(['Chưa có số liệu', '—']);
  });

  it('writes half points with a decimal comma when a province gives completion one point', () => {
    const { report, appendix } = reportWorkbook({ sheets: [{ name: 'Phụ lục', grid: OUTCOMES_ROWS as CellValue[][] }] }, { asOf: '2024-04-10', period: makePeriod('Q1', 2024) });
    const one = buildOfficialDocument(report, appendix, undefined, undefined, { criteria: [{ id: 'completion', name: 'Hoàn thành kế hoạch', maxPoints: 1 }] });
    const par = one.annex.blocks.map((b) => (b.kind === 'table' ? b.table : null))[3];
    expect(par?.rows[0].slice(2)).toEqual(['1', 'Tỷ lệ hoàn thành 75,0% (4 mốc đến hạn; trên 90%: đủ điểm, 70–90%: một nửa, dưới 70%: 0).', '0,5']);
  });

  it('self-assesses the plan\'s PAR criteria from the data: clear responsibilities, and completion at 75 % scored half', () => {
    const par = doc.annex.blocks.map((b) => (b.kind === 'table' ? b.table : null))[3];
    expect(par?.columns).toEqual(['STT', 'Tiêu chí', 'Điểm tối đa', 'Căn cứ từ số liệu', 'Điểm tự đánh giá']);
    expect(par?.rows).toEqual([
      ['1', 'Xác định rõ kết quả cần đạt và trách nhiệm của từng cơ quan, đơn vị', '1', '8 nhiệm vụ: 0 chưa có hoặc giao chung chung đơn vị chủ trì, 0 chưa có hoặc không đọc được thời hạn.', '1'],
      ['2', 'Mức độ hoàn thành kế hoạch cải cách hành chính', '2', 'Tỷ lệ hoàn thành 75,0% (4 mốc đến hạn; trên 90%: đủ điểm, 70–90%: một nửa, dưới 70%: 0).', '1'],
    ]);
  });
});

describe('the PAR criteria, assessed from the data', () => {
  const rates = (completion: number | null) => ({ completion, onTime: null });
  it('gives the responsibilities point only when no task lacks an accountable lead unit or a readable deadline', () => {
    const problems = [
      { row: 3, code: 'MISSING_OWNER' as const },
      { row: 3, code: 'MISSING_DEADLINE' as const },
      { row: 5, code: 'VAGUE_OWNER' as const },
      { row: 6, code: 'DONE_WITHOUT_DATE' as const },
    ];
    const [resp] = assessParCriteria(DEFAULT_PAR_CRITERIA, { tasks: 10, problems, rates: rates(1), due: 4 });
    expect(resp).toMatchObject({ points: 0, evidence: '10 nhiệm vụ: 2 chưa có hoặc giao chung chung đơn vị chủ trì, 1 chưa có hoặc không đọc được thời hạn.' });
    expect(assessParCriteria(DEFAULT_PAR_CRITERIA, { tasks: 10, problems: [problems[3]], rates: rates(1), due: 4 })[0].points).toBe(1);
  });

  it('scores completion above 90 % full, from 70 % half, below nothing, and leaves no figure to the drafter', () => {
    const score = (rate: number | null) => assessParCriteria(DEFAULT_PAR_CRITERIA, { tasks: 10, problems: [], rates: rates(rate), due: 10 })[1].points;
    expect([score(0.95), score(0.9), score(0.7), score(0.69), score(null)]).toEqual([2, 1, 1, 0, null]);
    expect(assessParCriteria([{ id: 'custom_3', name: 'Ban hành kế hoạch đúng hạn', maxPoints: 1 }], { tasks: 1, problems: [], rates: rates(1), due: 1 })).toEqual([
      { id: 'custom_3', name: 'Ban hành kế hoạch đúng hạn', maxPoints: 1, evidence: null, points: null },
    ]);
  });
});

describe('the one-stop-shop table in the annex', () => {
  it('adds the dossier sheet\'s table and rates for the report\'s window when the workbook has one', () => {
    const workbook = { sheets: [{ name: 'Phụ lục', grid: OUTCOMES_ROWS as CellValue[][] }, { name: 'Hồ sơ', grid: DOSSIER_ROWS as CellValue[][] }] };
    const doc = officialDocumentFor(reportFor(workbook, '2024-04-10', 'Q1/2024'));
    const tables = doc.annex.blocks.filter((b) => b.kind === 'table').map((b) => (b.kind === 'table' ? b.table : null)!);
    expect(tables.map((t) => t.title.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(tables[3].title).toBe('4. Tình hình giải quyết hồ sơ thủ tục hành chính (từ 01/01/2024 đến 31/03/2024, trang "Hồ sơ")');
    // Six received (four online, two in person); resolved 2 early, 1 on time, 1 late; in progress 1 not yet due, 1 overdue.
    expect(tables[3].columns).toEqual(['Tổng số tiếp nhận', 'Kỳ trước chuyển qua', 'Mới: trực tuyến', 'Mới: trực tiếp', 'Mới: bưu chính', 'Đã giải quyết: trước hạn', 'Đã giải quyết: đúng hạn', 'Đã giải quyết: quá hạn', 'Đang giải quyết: trong hạn', 'Đang giải quyết: quá hạn']);
    expect(tables[3].rows).toEqual([['6', '0', '4', '2', '0', '2', '1', '1', '1', '1']]);
    // On time 3 of 5 settled (60 %), online 4 of 6 (66,7 %), digitised 3 of 6 (50 %).
    expect(texts(doc.annex.blocks, 'paragraph')).toEqual([
      'Tỷ lệ hồ sơ giải quyết đúng hẹn 60,0%; tỷ lệ hồ sơ nộp trực tuyến 66,7%; tỷ lệ kết quả giải quyết được số hóa 50,0%. (2 dòng không đọc được ngày, không tính.)',
    ]);
    expect(tables[4].title.startsWith('5. Tự đánh giá')).toBe(true);
  });
});

describe('what units wrote back, in the document', () => {
  it('quotes the results, difficulties and proposals from the tracking columns, and keeps a placeholder only for what is missing', () => {
    const rows = OUTCOMES_ROWS.map((r) => [...r]) as CellValue[][];
    rows[2].push('Kết quả thực hiện', 'Khó khăn, vướng mắc', 'Đề xuất');
    const at = (content: string) => rows.findIndex((r) => r[1] === content);
    rows[at('Rà soát văn bản quy phạm pháp luật')][7] = 'Ban hành Quyết định 12/QĐ-SYT.';
    rows[at('Rà soát vị trí việc làm')][8] = 'Chờ hướng dẫn của Bộ Nội vụ';
    rows[at('Rà soát vị trí việc làm')][9] = 'Đề nghị Sở Nội vụ hướng dẫn đề án vị trí việc làm.';
    const { report, appendix } = reportWorkbook({ sheets: [{ name: 'Phụ lục', grid: rows }] }, { asOf: '2024-04-10', period: makePeriod('Q1', 2024), unitName: 'Sở Y tế tỉnh Đắk Nông' });
    expect(appendix.columns).toMatchObject({ result: 7, difficulty: 8, proposal: 9 });
    const doc = buildOfficialDocument(report, appendix);
    const bullets = texts(doc.body, 'bullet');
    expect(bullets).toContain('Rà soát văn bản quy phạm pháp luật (Thanh tra Sở; hạn 31/03/2024; hoàn thành ngày 20/03/2024). Kết quả: Ban hành Quyết định 12/QĐ-SYT.');
    expect(bullets).toContain('Rà soát vị trí việc làm (Phòng Tổ chức cán bộ; hạn 31/03/2024; quá 10 ngày). Khó khăn, vướng mắc: Chờ hướng dẫn của Bộ Nội vụ.');
    expect(bullets).toContain('Đề nghị Sở Nội vụ hướng dẫn đề án vị trí việc làm (Phòng Tổ chức cán bộ, nhiệm vụ "Rà soát vị trí việc làm").');
    const placeholders = texts(doc.body, 'placeholder');
    // Two other done tasks in section I have no result written: the drafter is still asked; the only overdue task has its difficulty.
    expect(placeholders).toContain('Kết quả, sản phẩm cụ thể của các nhiệm vụ đã hoàn thành.');
    expect(placeholders).not.toContain('Khó khăn, vướng mắc của các nhiệm vụ quá hạn và thời gian dự kiến hoàn thành.');
    expect(placeholders).toContain('Đề xuất, kiến nghị khác với cơ quan cấp trên.');
  });
});

const SOFFICE = findLibreOffice();
const PDF_TOOLS = spawnSync('sh', ['-c', 'command -v pdftotext && command -v pdfinfo']).status === 0;
const WRITER = SOFFICE !== null && spawnSync('sh', ['-c', 'dpkg -s libreoffice-writer-nogui || dpkg -s libreoffice-writer']).status === 0 ? SOFFICE : null;

describe.skipIf(
  skipWithout('LibreOffice Writer', WRITER, 'the official report printed by LibreOffice (test/document.test.ts)', 'install libreoffice-writer-nogui or set SOFFICE_PATH') ||
    skipWithout('pdftotext', PDF_TOOLS ? 'pdftotext' : null, 'reading the printed document back (test/document.test.ts)', 'install poppler-utils'),
)('the official report as a .docx, printed by LibreOffice', () => {
  it('prints on A4 in Times New Roman with the decree\'s margins, heading, motto, figures, annex and page numbers from page 2', async () => {
    const dir = tempDir();
    execFileSync(process.execPath, ['bin/cchc.js', 'demo', '--out-dir', dir]);
    const docx = join(dir, 'bao-cao-H1-2024.docx');
    const run = spawnSync(process.execPath, ['bin/cchc.js', 'report', join(dir, 'ke-hoach-cchc-2024.xlsx'), '--period', 'H1/2024', '--as-of', '2024-07-10', '--out', join(dir, 'r.xlsx'), '--docx', docx, '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.docx).toBe(docx);

    // The package declares the page, margins and font (twips, whole: 20 mm = 1133.9, 30 mm = 1700.8, 15 mm = 850.4).
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(body).toMatch(/<w:pgMar w:top="1133" w:right="850" w:bottom="1133" w:left="1700"/);
    expect(await zip.file('word/styles.xml')!.async('string')).toMatch(/w:rFonts w:ascii="Times New Roman"/);
    // Every XML part is well-formed and every part is typed (what Word checks before offering to repair a file).
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) {
      if (/\.(xml|rels)$/.test(name)) {
        const parser = new SaxesParser();
        parser.write(await zip.file(name)!.async('string')).close();
      }
      const extension = name.slice(name.lastIndexOf('.') + 1);
      expect(types.includes(`PartName="/${name}"`) || types.includes(`Extension="${extension}"`), name).toBe(true);
    }

    execFileSync(WRITER!, [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
    const pdf = docx.replace(/\.docx$/, '.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    // Liberation Serif is the metric-compatible stand-in LibreOffice uses for Times New Roman.
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/LiberationSerif|TimesNewRoman/);
    // Reading order (no -layout): the heading's two columns come one after the other.
    const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    const flat = (s: string) => s.replace(/\s+/g, '');
    const first = flat(pages[0]);
    // pdftotext drops a hyphen that ends a wrapped line ("BÀ RỊA -" / "VŨNG TÀU"): the parent body is looked for in parts.
    for (const expected of ['UBNDTỈNHBÀRỊA', 'VŨNGTÀU', 'SỞYTẾ', 'CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM', 'Độclập-Tựdo-Hạnhphúc', 'Số:/BC-SYT', 'BàRịa-VũngTàu,ngày10tháng07năm2024', 'BÁOCÁO', 'Kếtquảthựchiệncôngtáccảicáchhànhchính6thángđầunăm2024']) {
      expect(first, expected).toContain(expected);
    }
    // The figures are the report's, in Vietnamese notation.
    const all = flat(pages.join(''));
    const vi = (rate: number) => `${(rate * 100).toFixed(1).replace('.', ',')}%`;
    expect(all).toContain(`Tỷlệhoànthành${vi(json.rates.completion)},tỷlệhoànthànhđúnghạn${vi(json.rates.onTime)}`);
    expect(all).toContain(flat(`Tổng cộng ${json.totals.due - json.totals.cancelled} ${json.totals.onTime} ${json.totals.late}`));
    expect(all).toContain('Phụlục');
    expect(all).toContain('SỐLIỆUTHỰCHIỆNKẾHOẠCHCẢICÁCHHÀNHCHÍNH6THÁNGĐẦUNĂM2024');
    expect(all).toContain('Nơinhận:');
    // Page numbers: none on the first page, then 2, 3, … at the top.
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0].trim().split('\n')[0]).not.toMatch(/^\s*1\s*$/);
    pages.slice(1).forEach((page, i) => expect(page.trim().split('\n')[0].trim(), `page ${i + 2}`).toBe(String(i + 2)));
  });

  it('never writes over a document that exists, unless --overwrite', () => {
    const dir = tempDir();
    execFileSync(process.execPath, ['bin/cchc.js', 'demo', '--out-dir', dir]);
    const docx = join(dir, 'bao-cao.docx');
    const args = ['bin/cchc.js', 'report', join(dir, 'ke-hoach-cchc-2024.xlsx'), '--period', 'H1/2024', '--as-of', '2024-07-10', '--docx', docx, '--overwrite'];
    expect(spawnSync(process.execPath, args).status).toBe(0);
    const again = spawnSync(process.execPath, args.filter((a) => a !== '--overwrite'), { encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`Tệp "${docx}" đã có (có thể đã được soạn tiếp)`);
    expect(again.stderr).toContain('--docx');
  });
});
