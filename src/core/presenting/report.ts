import type { Appendix } from '../reading/appendix';
import { DATA_PROBLEM_CODES, FINDING_LABELS, SEVERITY_LABELS, type Finding, type FindingCode } from '../measuring/checks';
import { daysBetween, formatViDate } from '../dates';
import {
  countOutcomes,
  DEFAULT_INDICATORS,
  dueItems,
  evaluateIndicators,
  groupOutcomes,
  NO_OWNER_LABEL,
  ownerNames,
  ratesOf,
  sectionName,
  type GroupRow,
  type IndicatorDefinition,
  type IndicatorResult,
  type OutcomeCounts,
  type Outcome,
  type Rates,
} from '../measuring/indicators';
import { CUTOFF_LABELS, nextReportDue, reportDueDate, reportSheetName, type Cutoff, type Period, type PeriodType } from '../measuring/periods';
import { foldText } from '../reading/text';
import type { CellValue, IsoDate, MergeRange, SheetData } from '../types';

export interface ReportOptions {
  period: Period;
  asOf: IsoDate;
  /** "Sở Y tế tỉnh Đắk Nông"; found in the appendix's title lines when not given. */
  unitName?: string;
  indicators?: readonly IndicatorDefinition[];
  /** Values the user entered for the indicators that do not come from the appendix (fractions). */
  indicatorValues?: Record<string, number | null | undefined>;
  /** Day of the period's last month the report is due (national regime: 20). */
  reportDueDay?: number;
}

export interface ReportTotals extends OutcomeCounts {
  tasks: number;
  /** Tasks whose status is "in progress", whatever their deadline. */
  inProgress: number;
  /** Continuous, periodic (other than yearly) and on-event tasks: no single deadline to count. */
  noDueDate: number;
  /** Tasks with a missing or unreadable time frame. */
  noDeadline: number;
}

export interface UnitRow extends GroupRow {
  unit: string;
}

export interface SectionRow extends GroupRow {
  section: string;
}

export interface ReportItem {
  row: number;
  tt: string;
  due: IsoDate;
  outcome: Outcome;
  /** Days overdue at the as-of date, or days late. */
  days: number;
}

export interface OverdueEntry {
  row: number;
  tt: string;
  content: string;
  owners: string[];
  due: IsoDate;
  daysOverdue: number;
}

export interface QuarterlyReport {
  unitName: string;
  sheet: string;
  planYear: number;
  period: { code: string; label: string; type: PeriodType; year: number; start: IsoDate; end: IsoDate; cutoff: Cutoff };
  asOf: IsoDate;
  totals: ReportTotals;
  rates: Rates;
  byUnit: UnitRow[];
  bySection: SectionRow[];
  items: ReportItem[];
  overdue: OverdueEntry[];
  indicators: IndicatorResult[];
  problems: Finding[];
  reportDue: IsoDate;
  nextReport: { label: string; due: IsoDate };
}

/**
 * "Sở Y tế", its level, then the place's capitalised words. Case-sensitive on purpose (only the first words' case is
 * spelt out): with a case-insensitive match, every word after the name ("… Đắk Nông năm 2020") counted as capitalised.
 */
const UNIT_NAME =
  /([Ss][ởỞ]\s+[Yy]\s+[Tt][ếẾ](?:\s+(?:[Tt]ỉnh|TỈNH|[Tt]hành\s+phố|THÀNH\s+PHỐ|T[Pp]\.?))?(?:\s+\p{Lu}\p{L}*(?:[\s-]+\p{Lu}\p{L}*)*)?)/u;

/** "Sở Y tế tỉnh Đắk Nông" from a title line such as "(Kèm theo Kế hoạch số … của Sở Y tế tỉnh Đắk Nông)". */
export function findUnitName(lines: string[]): string | null {
  const named = lines
    .map((line) => UNIT_NAME.exec(line)?.[1]?.trim())
    .filter((name): name is string => !!name && foldText(name) !== 'so y te');
  // Prefer the name as written in a sentence over an all-capitals letterhead.
  const found = named.find((n) => n !== n.toUpperCase()) ?? named[0];
  if (found) return found;
  for (const line of lines) if (UNIT_NAME.test(line)) return 'Sở Y tế';
  return null;
}

/**
 * Everything the quarterly summary tab shows, as plain data (the same object `cchc report --json` prints).
 * @example buildQuarterlyReport(appendix, findings, { period: makePeriod('Q1', 2024), asOf: '2024-04-10' })
 */
export function buildQuarterlyReport(appendix: Appendix, findings: Finding[], options: ReportOptions): QuarterlyReport {
  const { period, asOf } = options;
  const items = dueItems(appendix.tasks, asOf, period);
  const counts = countOutcomes(items);
  const rates = ratesOf(counts);
  const noDueDate = appendix.tasks.filter(
    (t) =>
      t.deadline.kind === 'continuous' ||
      t.deadline.kind === 'event' ||
      (t.deadline.kind === 'recurring' && t.deadline.recurrence !== 'yearly'),
  ).length;
  const totals: ReportTotals = {
    tasks: appendix.tasks.length,
    ...counts,
    inProgress: appendix.tasks.filter((t) => t.status.status === 'in_progress').length,
    noDueDate,
    noDeadline: appendix.tasks.filter((t) => t.deadline.kind === 'missing' || t.deadline.kind === 'unknown').length,
  };
  const sectionOrder = [...new Set(appendix.tasks.map((t) => sectionName(t)[0]))];
  const next = nextReportDue(asOf, period.cutoff, options.reportDueDay);
  return {
    unitName: options.unitName ?? findUnitName(appendix.titleLines) ?? 'Sở Y tế',
    sheet: appendix.sheet,
    planYear: appendix.planYear,
    period: { code: period.code, label: period.label, type: period.type, year: period.year, start: period.start, end: period.end, cutoff: period.cutoff },
    asOf,
    totals,
    rates,
    byUnit: groupOutcomes(items, ownerNames)
      .sort((a, b) => b.due - a.due || a.name.localeCompare(b.name, 'vi'))
      .map((g) => ({ unit: g.name, ...g })),
    bySection: groupOutcomes(items, sectionName, sectionOrder).map((g) => ({ section: g.name, ...g })),
    items: items.map((i) => ({ row: i.task.row, tt: i.task.tt, due: i.due, outcome: i.outcome, days: i.days })),
    overdue: items
      .filter((i) => i.outcome === 'overdue')
      .sort((a, b) => b.days - a.days || a.task.row - b.task.row)
      .map((i) => ({
        row: i.task.row,
        tt: i.task.tt,
        content: i.task.content,
        owners: i.task.owners.map((o) => o.name),
        due: i.due,
        daysOverdue: i.days,
      })),
    indicators: evaluateIndicators(options.indicators ?? DEFAULT_INDICATORS, rates, options.indicatorValues),
    problems: findings.filter((f) => DATA_PROBLEM_CODES.includes(f.code)),
    reportDue: reportDueDate(period, options.reportDueDay),
    nextReport: { label: next.period.label, due: next.due },
  };
}

// ---- The summary tab as cells -------------------------------------------------------------------------

export type CellStyle = 'title' | 'subtitle' | 'heading' | 'tableHeader' | 'label' | 'bold' | 'bad' | 'good' | 'muted' | 'body';
export type CellFormat = 'percent' | 'date' | 'integer' | 'decimal' | 'text';

/** How each style looks, the same in every host (colours as #RRGGBB); hosts only translate it to their API. */
export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  /** Points; body text is `REPORT_FONT_SIZE`. */
  size?: number;
  color?: string;
  fill?: string;
}

export const REPORT_FONT = 'Times New Roman';
export const REPORT_FONT_SIZE = 12;
/** Thin borders around table cells. */
export const REPORT_BORDER_COLOR = '#808080';

export const CELL_LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { bold: true, size: 14 },
  subtitle: { bold: true },
  heading: { bold: true, fill: '#DDEBF7' },
  tableHeader: { bold: true, fill: '#BDD7EE' },
  label: { bold: true },
  bold: { bold: true },
  bad: { bold: true, color: '#C00000' },
  good: { bold: true, color: '#007A33' },
  muted: { italic: true, color: '#595959' },
  body: {},
};

/** Number formats by cell format, in the spreadsheet syntax every host accepts. */
export const CELL_FORMATS: Readonly<Record<CellFormat, string>> = {
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  integer: '0',
  decimal: '0.00',
  text: '@',
};

export interface ReportCell {
  /** 0-based. */
  row: number;
  col: number;
  /** Strings are always literal text: hosts must never let them become formulas. */
  value: string | number | null;
  /** Set for date cells; `value` then holds the dd/mm/yyyy text for hosts that write text only. */
  date?: IsoDate;
  format?: CellFormat;
  style?: CellStyle;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

export interface ReportSheet {
  name: string;
  columnWidths: number[];
  cells: ReportCell[];
  /**
   * Blocks merged row by row ("merge across"): full-width lines, and the wide columns of the indicator and problem
   * tables. Their count does not grow with the appendix, so hosts merge each block in one call.
   */
  merges: MergeRange[];
  /** Bordered table blocks, for hosts that border a whole range in one call. */
  tables: MergeRange[];
  /** 0-based rows that begin a printed page (the first page's row 0 is not listed). */
  pageBreaks: number[];
  /** Each row's height in points, as the page layout counted it (hosts set these: merged wrapped cells do not grow). */
  rowHeights: number[];
  rowCount: number;
  colCount: number;
}

/**
 * How the tab prints, in every host that can set it: A4 landscape, one page wide, page numbers in the footer
 * ("&P"/"&N" are the page number and count in Excel's and LibreOffice's header codes).
 */
export const REPORT_PAGE = {
  paper: 'A4',
  orientation: 'landscape',
  fitToWidth: 1,
  /** Margins in inches, as spreadsheets store them. */
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  footer: 'Trang &P/&N',
} as const;

/**
 * The height of a printed page in row points, for the report's column widths at one page wide. A4 landscape less the
 * margins is 10.69 × 7.07 in (770 × 509 pt); the columns, at 7 px a width unit (Calibri 11, the smallest common
 * default: a larger default font only gives more room), are scaled to the page width. The 0.88 keeps a margin for
 * hosts whose rows come out a little taller than estimated, so the tool's page break comes before the host's own.
 */
export function pageHeightPoints(columnWidths: readonly number[]): number {
  const m = REPORT_PAGE.margins;
  const width = (11.69 - m.left - m.right) * 72;
  const height = (8.27 - m.top - m.bottom) * 72;
  const sheetWidth = columnWidths.reduce((sum, w) => sum + Math.trunc(w * 7 + 5), 0) * 0.75;
  const scale = Math.min(1, width / sheetWidth);
  return (height / scale) * 0.88;
}

/**
 * The period's due dates in words, every outcome named so the parts add up to the whole.
 * @example outcomeSummary({ due: 16, onTime: 7, late: 2, doneUndated: 2, overdue: 4, pending: 0, cancelled: 1 })
 * // '16 mốc đến hạn: 7 đúng hạn · 2 trễ hạn · 2 xong chưa ghi ngày · 4 quá hạn · 0 chưa đến hạn · 1 không thực hiện'
 */
export function outcomeSummary(t: OutcomeCounts): string {
  return `${t.due} mốc đến hạn: ${t.onTime} đúng hạn · ${t.late} trễ hạn · ${t.doneUndated} xong chưa ghi ngày · ${t.overdue} quá hạn · ${t.pending} chưa đến hạn · ${t.cancelled} không thực hiện`;
}

/**
 * The period's report deadline as people need it: the date, and whether it has passed (a report made on 10/07 for
 * the six months due 20/06 is late, and says so).
 * @example reportDueLabel('2024-06-20', '2024-07-10') // '20/06/2024 (đã quá 20 ngày)'
 */
export function reportDueLabel(due: IsoDate, asOf: IsoDate): string {
  const days = daysBetween(due, asOf);
  return `${formatViDate(due)} (${days > 0 ? `đã quá ${days} ngày` : days === 0 ? 'hôm nay' : `còn ${-days} ngày`})`;
}

/** First words of the footer line that marks a tab as the tool's own: only such tabs are ever replaced. */
export const REPORT_MARKER = 'Trang này do công cụ CCHC tạo tự động';

/** A sheet the tool wrote itself (it carries the marker in column A). */
export function isOwnReportSheet(sheet: SheetData): boolean {
  return sheet.grid.some((row) => typeof row[0] === 'string' && row[0].startsWith(REPORT_MARKER));
}

/** Text that a spreadsheet would run as a formula ("=", "+", "-", "@" first). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text.trimStart());
}

const COLS = 9;
/**
 * One set of columns for every table: the first holds each table's text, the numbers sit in narrow columns, and a
 * table's wider text (indicator sources, problem messages) spans several.
 */
const COLUMN_WIDTHS: readonly number[] = [6, 48, 18, 16, 12, 13, 11, 13, 14];
/** A row's height for one line of the report's 12 pt text. */
const LINE_HEIGHT = 16;
/** Individual data problems listed in the tab; more are summarised by kind. */
export const PROBLEMS_LISTED = 50;

function pct(value: number | null): Pick<ReportCell, 'value' | 'format'> {
  return value === null ? { value: '—', format: 'text' } : { value, format: 'percent' };
}

/**
 * Lay the report out as cells: heading, totals, per unit, per section, indicators, overdue tasks, data problems.
 * @example renderReportSheet(report).name // 'Báo cáo Quý I-2024'
 */
export function renderReportSheet(report: QuarterlyReport, name = reportSheetName(report.period)): ReportSheet {
  const cells: ReportCell[] = [];
  const merges: MergeRange[] = [];
  const tables: MergeRange[] = [];
  const pageBreaks: number[] = [];
  const pageHeight = pageHeightPoints(COLUMN_WIDTHS);
  let row = 0;
  /** Points used on the current printed page. */
  let used = 0;
  const rowHeights: number[] = [];
  /** Add a row of cells (their `row` is set here), widened by the row's merges; its height counts on the page. */
  const emit = (rowCells: Omit<ReportCell, 'row'>[], widened: readonly MergeRange[] = [], height?: number) => {
    const placed = rowCells.map((c) => ({ ...c, row }));
    const h = height ?? rowHeight(placed, widened, COLUMN_WIDTHS);
    rowHeights.push(h);
    used += h;
    for (const c of placed) cells.push(c);
    row++;
  };
  const newPage = () => {
    pageBreaks.push(row);
    used = 0;
  };
  /** Start a new page unless `points` more fit on this one (a page never starts with nothing before it). */
  const keep = (points: number) => {
    if (used > 0 && used + points > pageHeight) newPage();
  };
  const blank = () => {
    // A blank row at the top of a page is wasted, and one that does not fit ends the page instead.
    if (used === 0 && pageBreaks.length) return;
    if (used + LINE_HEIGHT > pageHeight) return newPage();
    used += LINE_HEIGHT;
    rowHeights.push(LINE_HEIGHT);
    row++;
  };
  const fullWidth: MergeRange = { top: 0, left: 0, bottom: 0, right: COLS - 1 };
  const lineCell = (text: string, style: CellStyle, align: ReportCell['align'] = 'left'): Omit<ReportCell, 'row'> => ({ col: 0, value: text, style, align, wrap: style !== 'title' });
  // Full-width lines are merged across the sheet.
  const line = (text: string, style: CellStyle, align: ReportCell['align'] = 'left') => {
    merges.push({ ...fullWidth, top: row, bottom: row });
    emit([lineCell(text, style, align)], [fullWidth]);
  };
  const lineHeight = (text: string, style: CellStyle) => rowHeight([lineCell(text, style)], [fullWidth], COLUMN_WIDTHS);

  interface Column {
    title: string;
    /** Physical columns the table's column covers (merged row by row when more than one). */
    span?: number;
  }
  /**
   * A table under its heading: the heading, the header row and the first rows are kept on one page; a table that
   * runs onto the next page repeats its header row there. A wide column is one merge block over the table's rows,
   * so the number of merges does not grow with the rows.
   */
  const table = (heading: string | null, columns: Column[], rows: Partial<ReportCell>[][], empty: string, gapAfter = true) => {
    const starts: number[] = [];
    columns.reduce((at, c) => (starts.push(at), at + (c.span ?? 1)), 0);
    const right = starts[starts.length - 1] + (columns[columns.length - 1].span ?? 1) - 1;
    const spans = columns.flatMap((c, i): MergeRange[] => ((c.span ?? 1) > 1 ? [{ top: 0, left: starts[i], bottom: 0, right: starts[i] + (c.span ?? 1) - 1 }] : []));
    const rowCells = (values: Partial<ReportCell>[]) =>
      values.map((v, i): Omit<ReportCell, 'row'> => ({ wrap: true, style: 'body', ...v, col: starts[i], value: v.value ?? null }));
    // Each row's cells and height once: long tables (the overdue list) run to thousands of rows.
    const prepare = (values: Partial<ReportCell>[]) => {
      const list = rowCells(values);
      return { list, height: rowHeight(list, spans, COLUMN_WIDTHS) };
    };
    const header = prepare(columns.map((c): Partial<ReportCell> => ({ value: c.title, style: 'tableHeader', align: 'center' })));
    const body = rows.map(prepare);
    // A table that fits on one page is never split; a longer one starts with its header and first three rows.
    const top = (heading === null ? 0 : lineHeight(heading, 'heading')) + header.height;
    const whole = body.reduce((sum, r) => sum + r.height, rows.length ? 0 : LINE_HEIGHT);
    keep(top + (top + whole <= pageHeight ? whole : body.slice(0, 3).reduce((sum, r) => sum + r.height, 0)));
    if (heading !== null) line(heading, 'heading');
    const first = row;
    emit(header.list, spans, header.height);
    for (const r of body) {
      if (used + r.height > pageHeight) {
        newPage();
        emit(header.list, spans, header.height);
      }
      emit(r.list, spans, r.height);
    }
    for (const span of spans) merges.push({ ...span, top: first, bottom: row - 1 });
    if (!rows.length) {
      merges.push({ top: row, left: 0, bottom: row, right });
      emit([{ col: 0, value: empty, style: 'muted' }], [{ top: 0, left: 0, bottom: 0, right }]);
    }
    tables.push({ top: first, left: 0, bottom: row - 1, right });
    if (gapAfter) blank();
  };
  const date = (iso: IsoDate): Partial<ReportCell> => ({ value: formatViDate(iso), date: iso, format: 'date', align: 'center' });
  const int = (n: number): Partial<ReportCell> => ({ value: n, format: 'integer', align: 'center' });

  const p = report.period;
  const titled = (columns: string[]): Column[] => columns.map((title) => ({ title }));
  line(report.unitName.toUpperCase(), 'bold');
  line('BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH', 'title', 'center');
  line(`Kỳ báo cáo: ${p.label} (từ ${formatViDate(p.start)} đến ${formatViDate(p.end)}, ${CUTOFF_LABELS[p.cutoff]})`, 'subtitle', 'center');
  line(`Số liệu tính đến ngày ${formatViDate(report.asOf)} · Phụ lục: trang "${report.sheet}", năm kế hoạch ${report.planYear}`, 'muted', 'center');
  line(
    `Hạn gửi báo cáo kỳ này: ${reportDueLabel(report.reportDue, report.asOf)} · Báo cáo kế tiếp: ${report.nextReport.label}, hạn ${formatViDate(report.nextReport.due)}`,
    'muted',
    'center',
  );
  blank();

  const t = report.totals;
  const totalsRows: [string, Partial<ReportCell>][] = [
    ['Tổng số nhiệm vụ trong phụ lục', int(t.tasks)],
    ['Số mốc thời hạn đến hạn trong kỳ', int(t.due)],
    ['– Hoàn thành đúng hạn', int(t.onTime)],
    ['– Hoàn thành trễ hạn', int(t.late)],
    ['– Hoàn thành nhưng chưa ghi ngày', int(t.doneUndated)],
    ['– Quá hạn, chưa hoàn thành', int(t.overdue)],
    ['– Chưa đến hạn', int(t.pending)],
    ['– Không thực hiện (đã hủy/dừng)', int(t.cancelled)],
    ['Nhiệm vụ đang thực hiện', int(t.inProgress)],
    ['Nhiệm vụ thường xuyên, định kỳ, khi có yêu cầu', int(t.noDueDate)],
    ['Nhiệm vụ chưa có hoặc không đọc được thời hạn', int(t.noDeadline)],
    ['Tỷ lệ hoàn thành', { ...pct(report.rates.completion), align: 'center', style: 'bold' }],
    ['Tỷ lệ hoàn thành đúng hạn', { ...pct(report.rates.onTime), align: 'center', style: 'bold' }],
  ];
  table('I. TỔNG HỢP CHUNG', titled(['STT', 'Chỉ tiêu', 'Số lượng']), totalsRows.map(([label, value], i) => [int(i + 1), { value: label }, value]), '');

  const groupTable = (title: string, nameHeader: string, rows: (GroupRow & { name: string })[]) => {
    const cells = (g: OutcomeCounts, rate: number | null): Partial<ReportCell>[] => [
      int(g.due),
      int(g.onTime),
      int(g.late),
      int(g.doneUndated),
      { ...int(g.overdue), style: g.overdue ? 'bad' : 'body' },
      int(g.pending),
      { ...pct(rate), align: 'center' },
    ];
    // The whole plan's line closes the table: its own counts, each due date once, so a task shared by two units is
    // not counted twice.
    const total: Partial<ReportCell>[] = [{ value: null }, { value: 'Tổng cộng', style: 'bold' }, ...cells(t, report.rates.onTime).map((c) => ({ ...c, style: c.style === 'bad' ? 'bad' : 'bold' }) as Partial<ReportCell>)];
    table(
      title,
      titled(['STT', nameHeader, 'Đến hạn', 'Đúng hạn', 'Trễ hạn', 'Chưa ghi ngày', 'Quá hạn', 'Chưa đến hạn', 'Tỷ lệ đúng hạn']),
      rows.length ? [...rows.map((g, i) => [int(i + 1), { value: g.name }, ...cells(g, g.onTimeRate)]), total] : [],
      'Không có nhiệm vụ đến hạn trong kỳ.',
    );
  };
  groupTable('II. THEO ĐƠN VỊ CHỦ TRÌ', 'Đơn vị chủ trì', report.byUnit);
  groupTable('III. THEO NỘI DUNG CỦA PHỤ LỤC', 'Mục trong phụ lục', report.bySection);

  table(
    'IV. CHỈ SỐ SO VỚI MỤC TIÊU',
    [...titled(['STT', 'Chỉ số', 'Mục tiêu', 'Kết quả', 'Đánh giá', 'Điểm']), { title: 'Nguồn số liệu', span: 3 }],
    report.indicators.map((ind, i) => [
      int(i + 1),
      { value: ind.name },
      { value: ind.target, format: 'percent', align: 'center' },
      ind.actual === null ? { value: 'Chưa có số liệu', style: 'muted', align: 'center' } : { value: ind.actual, format: 'percent', align: 'center' },
      { value: ind.result ?? '—', align: 'center', style: ind.result === 'Đạt' ? 'good' : ind.result ? 'bad' : 'muted' },
      ind.score === null ? { value: '—', align: 'center' } : { value: ind.score, format: 'decimal', align: 'center' },
      { value: ind.basis, style: 'muted' },
    ]),
    'Chưa có chỉ tiêu nào: thêm chỉ tiêu ở trang cài đặt.',
  );

  table(
    `V. NHIỆM VỤ QUÁ HẠN (${report.overdue.length})`,
    titled(['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Hạn', 'Số ngày quá hạn', 'Dòng']),
    report.overdue.map((o, i) => [
      int(i + 1),
      { value: o.tt ? `${o.tt}. ${o.content}` : o.content },
      { value: o.owners.join('; ') || NO_OWNER_LABEL },
      date(o.due),
      { ...int(o.daysOverdue), style: 'bad' },
      int(o.row),
    ]),
    'Không có nhiệm vụ quá hạn trong kỳ.',
  );

  const problemsHeading = `VI. VẤN ĐỀ DỮ LIỆU CẦN XỬ LÝ (${report.problems.length})`;
  // The tab goes upward: counts by kind, then the first problems (errors first). The full list is in the panel's
  // Kiểm tra view and `cchc check`; the report's JSON keeps every one.
  const byCode = new Map<FindingCode, number>();
  for (const f of report.problems) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  // The layout must not depend on how many problems there are (hosts pay per merge and border), so the summary
  // table is there whenever there is a problem, and the closing line always.
  if (report.problems.length) {
    table(
      problemsHeading,
      titled(['STT', 'Loại vấn đề', 'Số lượng']),
      [...byCode.entries()].sort((a, b) => b[1] - a[1]).map(([code, n], i) => [int(i + 1), { value: FINDING_LABELS[code] }, int(n)]),
      '',
    );
  }
  const order = { error: 0, warning: 1, info: 2 } as const;
  const listed = [...report.problems].sort((a, b) => order[a.severity] - order[b.severity] || a.row - b.row).slice(0, PROBLEMS_LISTED);
  table(
    report.problems.length ? null : problemsHeading,
    [{ title: 'STT' }, { title: 'Vấn đề', span: 5 }, { title: 'Mức độ' }, { title: 'Ô' }],
    listed.map((f, i) => [
      int(i + 1),
      { value: f.message },
      { value: SEVERITY_LABELS[f.severity], align: 'center', style: f.severity === 'error' ? 'bad' : 'body' },
      { value: `${f.column}${f.row}`, align: 'center' },
    ]),
    'Không có vấn đề dữ liệu.',
    false,
  );
  const more = report.problems.length - listed.length;
  const closing = `${more > 0 ? `… và ${more} vấn đề khác. ` : ''}Danh sách đầy đủ ở thẻ Kiểm tra của bảng điều khiển CCHC.`;
  const marker = `${REPORT_MARKER} từ trang "${report.sheet}" ngày ${formatViDate(report.asOf)}. Lần tạo sau sẽ thay thế trang này; không nhập dữ liệu vào đây.`;
  keep(lineHeight(closing, 'muted') + LINE_HEIGHT + lineHeight(marker, 'muted'));
  line(closing, 'muted');
  blank();
  line(`${REPORT_MARKER} từ trang "${report.sheet}" ngày ${formatViDate(report.asOf)}. Lần tạo sau sẽ thay thế trang này; không nhập dữ liệu vào đây.`, 'muted');

  return { name, columnWidths: [...COLUMN_WIDTHS], cells, merges, tables, pageBreaks, rowHeights, rowCount: row, colCount: COLS };
}

/** The tab as a grid of plain values (dates as dd/mm/yyyy text), e.g. for hosts that write values once. */
export function reportValues(sheet: ReportSheet): CellValue[][] {
  const grid: CellValue[][] = Array.from({ length: sheet.rowCount }, () => Array<CellValue>(sheet.colCount).fill(null));
  for (const cell of sheet.cells) grid[cell.row][cell.col] = cell.value;
  return grid;
}

/**
 * How many lines a text wraps to in a column `width` units wide. A width unit holds about one character of the
 * report's 12 pt Times New Roman; capitals are wider (1.3); one unit is left for the cell's margin.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(3, width - 1);
  return text.split('\n').reduce((n, part) => {
    const capitals = part.match(CAPITALS)?.length ?? 0;
    return n + Math.max(1, Math.ceil((part.length + capitals * 0.3) / room));
  }, 0);
}

/** Upper-case letters (Vietnamese ones included): they are wider. */
const CAPITALS = /\p{Lu}/gu;

/** The height (points) that shows every wrapped line of a row's cells; merges give a cell the width it covers. */
/**
 * The height (points) that shows every wrapped line of one row's cells. `merges` are the row's own (a cell's merge is
 * the one that starts at its column).
 */
function rowHeight(cells: readonly Pick<ReportCell, 'col' | 'value' | 'wrap'>[], merges: readonly MergeRange[], columnWidths: readonly number[], lineHeight = LINE_HEIGHT): number {
  let height = lineHeight;
  for (const cell of cells) {
    if (typeof cell.value !== 'string' || !cell.wrap) continue;
    const merge = merges.find((m) => m.left === cell.col);
    const right = merge ? merge.right : cell.col;
    let width = 0;
    for (let c = cell.col; c <= right; c++) width += columnWidths[c] ?? 10;
    height = Math.max(height, wrappedLines(cell.value, width) * lineHeight + 2);
  }
  return height;
}

/**
 * Row heights (points) that show every wrapped line: spreadsheets do not grow rows for merged wrapped cells.
 * Estimated from text length and the covered column widths (one width unit ≈ one character).
 */
export function estimateRowHeights(sheet: ReportSheet, lineHeight = LINE_HEIGHT): number[] {
  const byRow: ReportCell[][] = Array.from({ length: sheet.rowCount }, () => []);
  for (const cell of sheet.cells) byRow[cell.row].push(cell);
  return byRow.map((list, r) => rowHeight(list, sheet.merges.filter((m) => m.top <= r && r <= m.bottom), sheet.columnWidths, lineHeight));
}
