/**
 * The report that is sent: the periodic CCHC report as an administrative document (NĐ 30/2020/NĐ-CP, Phụ lục I),
 * drafted from the same data as the summary tab. This module decides what the document says, in Vietnamese and in
 * order; a writer (src/docx/) lays it out. Parts no data can write are placeholders in square brackets for the
 * drafter, never invented text.
 */
import type { Appendix, Task } from '../reading/appendix';
import { foldText, formatPercent } from '../reading/text';
import { formatViDate } from '../dates';
import { makePeriod, type PeriodType } from '../measuring/periods';
import { isDone, NO_OWNER_LABEL, NO_SECTION_LABEL, ownerNames, type GroupRow, type OutcomeCounts } from '../measuring/indicators';
import type { QuarterlyReport } from './report';
import { assessParCriteria, DEFAULT_PAR_CRITERIA, type ParCriterion } from '../measuring/par';
import type { DossierRates, DossierTable } from '../measuring/dossiers';
import type { IsoDate } from '../types';

/** What the heading and the signature need: the settings sheet's "Văn bản báo cáo" table, or defaults. */
export interface DocumentSettings {
  /** "UBND TỈNH BÀ RỊA - VŨNG TÀU"; null: derived from the unit name. */
  parentBody: string | null;
  /** "SỞ Y TẾ"; null: derived from the unit name. */
  issuingBody: string | null;
  /** The symbol after the number: "BC-SYT". */
  symbol: string;
  /** "Bà Rịa - Vũng Tàu"; null: derived from the unit name. */
  place: string | null;
  /** Lines of the signer's title: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  signerTitle: string[];
  /** null: a placeholder for the name. */
  signerName: string | null;
  /** "Sở Nội vụ", …, the last being the archive line ("Lưu: VT, VP"). */
  recipients: string[];
}

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  parentBody: null,
  issuingBody: null,
  symbol: 'BC-SYT',
  place: null,
  signerTitle: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
  signerName: null,
  recipients: ['Sở Nội vụ', 'Giám đốc, các Phó Giám đốc Sở', 'Các phòng, đơn vị thuộc Sở', 'Lưu: VT, VP'],
};

export type DocBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; text: string }
  /** Text the drafter writes: shown in square brackets, italic. */
  | { kind: 'placeholder'; text: string }
  | { kind: 'table'; table: DocTable };

export interface DocTable {
  title: string;
  columns: string[];
  rows: string[][];
  /** Relative column widths. */
  widths: number[];
  /** Rows drawn bold (totals). */
  boldRows?: number[];
}

export interface OfficialDocument {
  parentBody: string;
  issuingBody: string;
  /** "Số:      /BC-SYT": the number is given when the document is issued. */
  number: string;
  /** "Bà Rịa - Vũng Tàu, ngày 10 tháng 07 năm 2024". */
  placeDate: string;
  title: string;
  /** The summary line under "BÁO CÁO". */
  summary: string;
  body: DocBlock[];
  recipients: string[];
  signer: { title: string[]; name: string };
  annex: { label: string; title: string; note: string; blocks: DocBlock[] };
}

const MOTTO_NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const NATIONAL_HEADING = { nation: MOTTO_NATION, motto: MOTTO } as const;

/**
 * "Sở Y tế tỉnh Bà Rịa - Vũng Tàu" → the parent body, the issuing body and the place. A name with no province after
 * "Sở Y tế" gives placeholders.
 */
export function headingFromUnitName(unitName: string): { parentBody: string; issuingBody: string; place: string } {
  const m = /^\s*(sở\s+y\s+tế)\s+(tỉnh|thành phố|tp\.?)\s+(.+?)\s*$/iu.exec(unitName);
  if (!m) return { parentBody: '[CƠ QUAN CẤP TRÊN]', issuingBody: unitName.toUpperCase(), place: '[Địa danh]' };
  const level = /^tỉnh$/iu.test(m[2]) ? 'TỈNH' : 'THÀNH PHỐ';
  return { parentBody: `UBND ${level} ${m[3].toUpperCase()}`, issuingBody: 'SỞ Y TẾ', place: m[3] };
}

/** "…, ngày 05 tháng 01 năm 2026": day and month as NĐ 30/2020 writes them, with a leading zero. */
export function placeDateLine(place: string, date: IsoDate): string {
  return `${place}, ngày ${date.slice(8, 10)} tháng ${date.slice(5, 7)} năm ${date.slice(0, 4)}`;
}

/** The period whose tasks the report's "next period" section lists: the quarter after the report's last month. */
export function nextQuarter(report: Pick<QuarterlyReport, 'period'>) {
  const last: Record<PeriodType, number> = { Q1: 1, Q2: 2, H1: 2, Q3: 3, '9M': 3, Q4: 4, Y: 4 };
  const q = last[report.period.type];
  return q === 4 ? makePeriod('Q1', report.period.year + 1, report.period.cutoff) : makePeriod(`Q${q + 1}` as PeriodType, report.period.year, report.period.cutoff);
}

/** The Government Office's four states, with done-without-a-date apart (it cannot be called on time or late). */
function stateCells(g: OutcomeCounts, rates: { completion: number | null; onTime: number | null }): string[] {
  return [
    String(g.due - g.cancelled),
    String(g.onTime),
    String(g.late),
    String(g.doneUndated),
    String(g.pending),
    String(g.overdue),
    formatPercent(rates.completion),
    formatPercent(rates.onTime),
  ];
}

const STATE_COLUMNS = [
  'Số mốc đến hạn',
  'Hoàn thành đúng hạn',
  'Hoàn thành quá hạn',
  'Hoàn thành, chưa ghi ngày',
  'Chưa hoàn thành, trong hạn',
  'Chưa hoàn thành, quá hạn',
  'Tỷ lệ hoàn thành',
  'Tỷ lệ đúng hạn',
];

function stateTable(title: string, nameHeader: string, groups: GroupRow[], report: QuarterlyReport): DocTable {
  const rows = groups.map((g, i) => [String(i + 1), g.name, ...stateCells(g, { completion: g.completionRate, onTime: g.onTimeRate })]);
  rows.push(['', 'Tổng cộng', ...stateCells(report.totals, report.rates)]);
  return { title, columns: ['STT', nameHeader, ...STATE_COLUMNS], rows, widths: [5, 26, 8, 9, 9, 9, 9, 9, 8, 8], boldRows: [rows.length - 1] };
}

function owners(task: Task): string {
  return ownerNames(task).join(', ');
}


/**
 * A section of the appendix as a heading of the document: its own number dropped (the document numbers its parts),
 * a name in capitals in sentence case ("I. CẢI CÁCH THỂ CHẾ" → "Cải cách thể chế").
 */
export function sectionTitle(name: string): string {
  const bare = name.replace(/^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[A-ZĐ])\s*[.)]\s*/u, '').trim();
  if (bare !== bare.toLocaleUpperCase('vi') || !/\p{Lu}/u.test(bare)) return bare;
  // Only Vietnamese words go to lower case: an abbreviation (TTHC, CĐS, NĐ-CP, UBND) is no syllable and stays.
  const lower = bare.replace(/\p{L}+/gu, (word) => (SYLLABLE.test(foldText(word)) ? word.toLocaleLowerCase('vi') : word));
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** A Vietnamese syllable, folded: an initial consonant, one to three vowels, a final consonant, each by the spelling rules. */
const SYLLABLE = /^(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/**
 * Draft the document from a report and its appendix. Figures are the report's; task lists come from the appendix
 * (tasks named by their content: the appendix's numbers restart in each section);
 * everything only people can write (direction, assessment, causes, proposals) is a placeholder.
 */
export function buildOfficialDocument(
  report: QuarterlyReport,
  appendix: Appendix,
  settings: DocumentSettings = DEFAULT_DOCUMENT_SETTINGS,
  date: IsoDate = report.asOf,
  extra: { criteria?: readonly ParCriterion[]; dossiers?: DossierSummary | null } = {},
): OfficialDocument {
  const criteria = extra.criteria ?? DEFAULT_PAR_CRITERIA;
  const derived = headingFromUnitName(report.unitName);
  const issuingBody = settings.issuingBody ?? derived.issuingBody;
  const period = report.period;
  const periodWords = period.label.charAt(0).toLowerCase() + period.label.slice(1);
  const byRow = new Map(appendix.tasks.map((t) => [t.row, t]));
  const t = report.totals;
  const body: DocBlock[] = [];

  body.push({ kind: 'heading', text: 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH' });
  body.push({
    kind: 'paragraph',
    text: `Kế hoạch cải cách hành chính năm ${report.planYear} của ${report.unitName} gồm ${t.tasks} nhiệm vụ (phụ lục: trang "${report.sheet}").`,
  });
  body.push({ kind: 'placeholder', text: 'Nêu việc ban hành kế hoạch, kiểm tra, tuyên truyền cải cách hành chính và khắc phục hạn chế của Chỉ số cải cách hành chính kỳ trước.' });

  body.push({ kind: 'heading', text: 'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH' });
  body.push({
    kind: 'paragraph',
    text:
      `Tính đến ngày ${formatViDate(report.asOf)}, trong ${periodWords} có ${t.due} mốc thời hạn đến hạn: ` +
      `${t.onTime} hoàn thành đúng hạn, ${t.late} hoàn thành quá hạn, ${t.doneUndated} hoàn thành nhưng chưa ghi ngày, ` +
      `${t.overdue} chưa hoàn thành và đã quá hạn, ${t.pending} chưa đến hạn, ${t.cancelled} không thực hiện. ` +
      `Tỷ lệ hoàn thành ${formatPercent(report.rates.completion)}, tỷ lệ hoàn thành đúng hạn ${formatPercent(report.rates.onTime)}.` +
      (t.noDueDate ? ` Ngoài ra có ${t.noDueDate} nhiệm vụ thường xuyên, định kỳ hoặc khi có yêu cầu.` : ''),
  });
  report.bySection.forEach((s, i) => {
    body.push({ kind: 'subheading', text: `${i + 1}. ${sectionTitle(s.name)}` });
    body.push({
      kind: 'paragraph',
      text: `${s.due} mốc đến hạn: ${s.onTime} hoàn thành đúng hạn, ${s.late} hoàn thành quá hạn, ${s.doneUndated} hoàn thành chưa ghi ngày, ${s.overdue} quá hạn; tỷ lệ đúng hạn ${formatPercent(s.onTimeRate)}.`,
    });
    const done = report.items.filter((item) => ['on_time', 'late', 'done_undated'].includes(item.outcome) && sectionMatches(byRow.get(item.row), s.name));
    if (done.length) {
      body.push({ kind: 'paragraph', text: 'Nhiệm vụ đã hoàn thành:' });
      for (const item of done) {
        const task = byRow.get(item.row)!;
        const when = task.doneDate ? `hoàn thành ngày ${formatViDate(task.doneDate)}` : 'đã hoàn thành, chưa ghi ngày';
        body.push({ kind: 'bullet', text: `${task.content} (${owners(task)}; hạn ${formatViDate(item.due)}; ${when}).${written(' Kết quả', task.result)}` });
      }
      // Results the units wrote ("Kết quả thực hiện") are quoted above; only the missing ones are left to the drafter.
      if (done.some((item) => !byRow.get(item.row)!.result)) body.push({ kind: 'placeholder', text: 'Kết quả, sản phẩm cụ thể của các nhiệm vụ đã hoàn thành.' });
    }
    const late = report.overdue.filter((o) => sectionMatches(byRow.get(o.row), s.name));
    if (late.length) {
      body.push({ kind: 'paragraph', text: 'Nhiệm vụ chưa hoàn thành, đã quá hạn:' });
      for (const o of late) {
        const difficulty = byRow.get(o.row)?.difficulty ?? '';
        body.push({ kind: 'bullet', text: `${o.content} (${o.owners.join(', ') || NO_OWNER_LABEL}; hạn ${formatViDate(o.due)}; quá ${o.daysOverdue} ngày).${written(' Khó khăn, vướng mắc', difficulty)}` });
      }
      if (late.some((o) => !byRow.get(o.row)?.difficulty)) {
        body.push({ kind: 'placeholder', text: 'Khó khăn, vướng mắc của các nhiệm vụ quá hạn và thời gian dự kiến hoàn thành.' });
      }
    }
  });

  body.push({ kind: 'heading', text: 'III. ĐÁNH GIÁ CHUNG' });
  body.push({ kind: 'subheading', text: '1. Ưu điểm' });
  body.push({ kind: 'placeholder', text: 'Những kết quả nổi bật trong kỳ.' });
  body.push({ kind: 'subheading', text: '2. Tồn tại, hạn chế và nguyên nhân' });
  body.push({
    kind: 'paragraph',
    text: `Còn ${t.overdue} mốc thời hạn quá hạn chưa hoàn thành${report.problems.length ? `; phụ lục còn ${report.problems.length} vấn đề dữ liệu cần xử lý (đơn vị chủ trì, thời hạn, ngày hoàn thành)` : ''}.`,
  });
  body.push({ kind: 'placeholder', text: 'Nguyên nhân chủ quan, khách quan.' });

  const next = nextQuarter(report);
  body.push({ kind: 'heading', text: 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI' });
  const upcoming = appendix.tasks.filter(
    (task) => !isDone(task) && task.status.status !== 'cancelled' && task.deadline.dueDates.some((d) => d >= next.start && d <= next.end),
  );
  body.push({
    kind: 'paragraph',
    text: upcoming.length
      ? `Tập trung thực hiện ${upcoming.length} nhiệm vụ đến hạn trong ${next.label.charAt(0).toLowerCase()}${next.label.slice(1)} (từ ${formatViDate(next.start)} đến ${formatViDate(next.end)}):`
      : `Phụ lục không có nhiệm vụ nào đến hạn trong ${next.label.charAt(0).toLowerCase()}${next.label.slice(1)}.`,
  });
  for (const task of upcoming) {
    const due = task.deadline.dueDates.find((d) => d >= next.start && d <= next.end)!;
    body.push({ kind: 'bullet', text: `${task.content} (${owners(task)}; hạn ${formatViDate(due)}).` });
  }
  if (report.overdue.length) body.push({ kind: 'paragraph', text: `Khẩn trương hoàn thành ${report.overdue.length} nhiệm vụ đã quá hạn nêu tại Mục II.` });
  body.push({ kind: 'placeholder', text: 'Các nhiệm vụ trọng tâm khác của kỳ tới.' });

  body.push({ kind: 'heading', text: 'V. ĐỀ XUẤT, KIẾN NGHỊ' });
  // The proposals units wrote against their tasks ("Đề xuất"), each with who proposed it.
  const proposals = appendix.tasks.filter((task) => task.proposal);
  for (const task of proposals) body.push({ kind: 'bullet', text: `${sentence(task.proposal)} (${owners(task)}, nhiệm vụ "${task.content}").` });
  body.push({ kind: 'placeholder', text: proposals.length ? 'Đề xuất, kiến nghị khác với cơ quan cấp trên.' : 'Đề xuất, kiến nghị với cơ quan cấp trên.' });

  const annex: DocBlock[] = [
    { kind: 'table', table: stateTable('1. Tình hình thực hiện nhiệm vụ theo đơn vị chủ trì', 'Đơn vị chủ trì', report.byUnit, report) },
    { kind: 'table', table: stateTable('2. Tình hình thực hiện nhiệm vụ theo lĩnh vực cải cách hành chính', 'Lĩnh vực (mục của phụ lục)', report.bySection, report) },
    {
      kind: 'table',
      table: {
        title: '3. Các chỉ số so với mục tiêu',
        columns: ['STT', 'Chỉ số', 'Mục tiêu', 'Kết quả', 'Đánh giá', 'Nguồn số liệu'],
        rows: report.indicators.map((ind, i) => [
          String(i + 1),
          ind.name,
          formatPercent(ind.target),
          ind.actual === null ? 'Chưa có số liệu' : formatPercent(ind.actual),
          ind.result ?? '—',
          ind.basis,
        ]),
        widths: [4, 30, 10, 12, 11, 25],
      },
    },
    ...(extra.dossiers ? dossierBlocks(extra.dossiers, period) : []),
    {
      kind: 'table',
      table: {
        title: `${extra.dossiers ? 5 : 4}. Tự đánh giá các tiêu chí Chỉ số cải cách hành chính liên quan đến kế hoạch`,
        columns: ['STT', 'Tiêu chí', 'Điểm tối đa', 'Căn cứ từ số liệu', 'Điểm tự đánh giá'],
        rows: assessParCriteria(criteria, { tasks: t.tasks, problems: report.problems, rates: report.rates, due: t.due - t.cancelled }).map((a, i) => [
          String(i + 1),
          a.name,
          points(a.maxPoints),
          a.evidence ?? '[Người soạn thảo ghi căn cứ]',
          a.points === null ? '[…]' : points(a.points),
        ]),
        widths: [4, 30, 9, 40, 11],
      },
    },
  ];

  return {
    parentBody: (settings.parentBody ?? derived.parentBody).toUpperCase(),
    issuingBody: issuingBody.toUpperCase(),
    number: `Số:       /${settings.symbol}`,
    placeDate: placeDateLine(settings.place ?? derived.place, date),
    title: 'BÁO CÁO',
    summary: `Kết quả thực hiện công tác cải cách hành chính ${periodWords}`,
    body,
    recipients: settings.recipients,
    signer: { title: settings.signerTitle, name: settings.signerName ?? '[Họ và tên]' },
    annex: {
      label: 'Phụ lục',
      title: `SỐ LIỆU THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH ${period.label.toUpperCase()}`,
      note: `(Kèm theo Báo cáo số       /${settings.symbol} ngày … của ${report.unitName})`,
      blocks: annex,
    },
  };
}

/** The period's one-stop-shop figures from the workbook's dossier sheet. */
export interface DossierSummary {
  sheet: string;
  table: DossierTable;
  rates: DossierRates;
}

function dossierBlocks(d: DossierSummary, period: QuarterlyReport['period']): DocBlock[] {
  const t = d.table;
  const received = t.carriedOver + t.newOnline + t.newInPerson + t.newByPost;
  return [
    {
      kind: 'table',
      table: {
        title: `4. Tình hình giải quyết hồ sơ thủ tục hành chính (từ ${formatViDate(period.start)} đến ${formatViDate(period.end)}, trang "${d.sheet}")`,
        columns: ['Tổng số tiếp nhận', 'Kỳ trước chuyển qua', 'Mới: trực tuyến', 'Mới: trực tiếp', 'Mới: bưu chính', 'Đã giải quyết: trước hạn', 'Đã giải quyết: đúng hạn', 'Đã giải quyết: quá hạn', 'Đang giải quyết: trong hạn', 'Đang giải quyết: quá hạn'],
        rows: [[received, t.carriedOver, t.newOnline, t.newInPerson, t.newByPost, t.early, t.onTime, t.late, t.notYetDue, t.overdue].map(String)],
        widths: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
      },
    },
    {
      kind: 'paragraph',
      text:
        `Tỷ lệ hồ sơ giải quyết đúng hẹn ${formatPercent(d.rates.onTime)}; tỷ lệ hồ sơ nộp trực tuyến ${formatPercent(d.rates.online)}; ` +
        `tỷ lệ kết quả giải quyết được số hóa ${formatPercent(d.rates.digitised)}.` +
        (t.skipped ? ` (${t.skipped} dòng không đọc được ngày, không tính.)` : ''),
    },
  ];
}

/** Points as Vietnamese write numbers: 1, 0,5. */
function points(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

/** Text a unit wrote, without a closing full stop (the document adds its own punctuation). */
function sentence(text: string): string {
  return text.trim().replace(/[.;,]+$/, '');
}

/** " Kết quả: …." when the unit wrote something, else nothing. */
function written(label: string, text: string): string {
  return text ? `${label}: ${sentence(text)}.` : '';
}

/** Whether a task is in the report's section of that name (tasks before any section are grouped by its label). */
function sectionMatches(task: Task | undefined, sectionName: string): boolean {
  return task !== undefined && sectionName === (task.section ?? NO_SECTION_LABEL);
}
