import { endOfMonth, isoDate, parseIso } from '../dates';
import { foldText } from '../reading/text';
import type { IsoDate } from '../types';

export type PeriodType = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | '9M' | 'Y';

/**
 * `calendar`: Q1 = 1/1–31/3 … năm = 1/1–31/12.
 * `nd09`: the national reporting regime (NĐ 09/2019/NĐ-CP): data from 15/12 of the previous year to the 14th
 * of the period's last month; standalone quarters run 15th to 14th.
 */
export type Cutoff = 'calendar' | 'nd09';

export interface Period {
  type: PeriodType;
  year: number;
  cutoff: Cutoff;
  /** "Q1/2024": the code the command line and JSON use. */
  code: string;
  /** "Quý I/2024": how users read it. */
  label: string;
  start: IsoDate;
  end: IsoDate;
  /** 6-month, 9-month and annual figures count from the start of the year. */
  cumulative: boolean;
}

const QUARTER_ROMAN = ['I', 'II', 'III', 'IV'];

export const CUTOFF_LABELS: Record<Cutoff, string> = {
  calendar: 'theo năm dương lịch',
  nd09: 'theo Nghị định 09/2019/NĐ-CP (từ ngày 15 đến ngày 14)',
};

function lastMonth(type: PeriodType): number {
  switch (type) {
    case 'Q1':
      return 3;
    case 'Q2':
    case 'H1':
      return 6;
    case 'Q3':
    case '9M':
      return 9;
    default:
      return 12;
  }
}

function firstMonth(type: PeriodType): number {
  return type === 'Q2' ? 4 : type === 'Q3' ? 7 : type === 'Q4' ? 10 : 1;
}

export function periodLabel(type: PeriodType, year: number): string {
  if (type.startsWith('Q')) return `Quý ${QUARTER_ROMAN[Number(type[1]) - 1]}/${year}`;
  if (type === 'H1') return `6 tháng đầu năm ${year}`;
  if (type === '9M') return `9 tháng năm ${year}`;
  return `Năm ${year}`;
}

/** Build a period from its type and year under a cut-off convention. */
export function makePeriod(type: PeriodType, year: number, cutoff: Cutoff = 'calendar'): Period {
  const cumulative = type === 'H1' || type === '9M' || type === 'Y';
  const endMonth = lastMonth(type);
  let start: IsoDate;
  let end: IsoDate;
  // A cumulative period starts with the year: firstMonth gives January for it.
  if (cutoff === 'calendar') {
    start = isoDate(year, firstMonth(type), 1);
    end = endOfMonth(year, endMonth);
  } else {
    const startMonth = firstMonth(type) - 1;
    start = startMonth === 0 ? isoDate(year - 1, 12, 15) : isoDate(year, startMonth, 15);
    end = isoDate(year, endMonth, 14);
  }
  return { type, year, cutoff, code: `${type}/${year}`, label: periodLabel(type, year), start, end, cumulative };
}

/**
 * Read a period as users and scripts write it: "Q1/2024", "Quý I/2024", "6 tháng/2024", "H1/2024",
 * "9M/2024", "9 tháng năm 2024", "Y/2024", "Năm 2024", "2024". Returns null when it is not a period.
 * @example parsePeriod('Quý III/2024')?.end // '2024-09-30'
 */
export function parsePeriod(text: string, cutoff: Cutoff = 'calendar', defaultYear?: number): Period | null {
  // foldText trims and collapses spaces; a line break inside ("Quý I\n2024") becomes one space here.
  const key = foldText(String(text)).replace(/\s+/g, ' ');
  if (!key) return null;
  const yearMatch = /(\d{4})\s*$/.exec(key);
  const year = yearMatch ? Number(yearMatch[1]) : defaultYear;
  if (year === undefined || year < 1900 || year > 2200) return null;
  const head = (yearMatch ? key.slice(0, yearMatch.index) : key).replace(/[\s/\-.,]*(nam)?[\s/\-.,]*$/, '');
  const table: [RegExp, PeriodType | ((m: RegExpMatchArray) => PeriodType)][] = [
    [/^(?:q|quy|qui)\s*\.?\s*(iv|i{1,3}|[1-4])$/, (m) => `Q${({ i: 1, ii: 2, iii: 3, iv: 4 } as Record<string, number>)[m[1]] ?? m[1]}` as PeriodType],
    // A trailing "năm" is gone by now: "6 tháng đầu năm 2024" reads "6 thang dau".
    // "Lũy kế 6 tháng" (cumulative) is how the half-year and nine-month reports name themselves.
    [/^(luy ke )?(h1|6 thang( dau)?|nua dau|6t)$/, 'H1'],
    [/^(luy ke )?(9m|9 thang( dau)?|9t)$/, '9M'],
    [/^(y|ca nam|ca|nam|luy ke|)$/, 'Y'],
  ];
  for (const [re, type] of table) {
    const m = re.exec(head);
    if (m) return makePeriod(typeof type === 'function' ? type(m) : type, year, cutoff);
  }
  return null;
}

/** The period types a report is made for, in the order they fall due in a year. */
export const REPORT_SEQUENCE: readonly PeriodType[] = ['Q1', 'H1', '9M', 'Y'];

/**
 * When the report for a period is due: the given day (default 20) of the period's last month, as the national
 * regime sets it; local plans may set another day.
 */
export function reportDueDate(period: Period, dueDay = 20): IsoDate {
  const month = lastMonth(period.type);
  return isoDate(period.year, month, dueDay);
}

/** The first report (Q1, 6 tháng, 9 tháng, năm) whose due date is on or after `asOf`. */
export function nextReportDue(asOf: IsoDate, cutoff: Cutoff = 'calendar', dueDay = 20): { period: Period; due: IsoDate } {
  // Next year's first report always comes after asOf, so the loop ends by then.
  for (let y = parseIso(asOf).year; ; y++) {
    for (const type of REPORT_SEQUENCE) {
      const period = makePeriod(type, y, cutoff);
      const due = reportDueDate(period, dueDay);
      if (due >= asOf) return { period, due };
    }
  }
}

/** The most recent report period whose end is on or before `asOf` (what "Tạo báo cáo quý" proposes). */
export function latestEndedPeriod(asOf: IsoDate, cutoff: Cutoff = 'calendar'): Period {
  const { year } = parseIso(asOf);
  let best = makePeriod('Y', year - 1, cutoff);
  for (const type of REPORT_SEQUENCE) {
    const period = makePeriod(type, year, cutoff);
    if (period.end <= asOf) best = period;
  }
  return best;
}

/** "Báo cáo Quý I-2024": the report tab's name (no "/" allowed in sheet names). */
export function reportSheetName(period: Pick<Period, 'type' | 'year'>): string {
  if (period.type.startsWith('Q')) return `Báo cáo Quý ${QUARTER_ROMAN[Number(period.type[1]) - 1]}-${period.year}`;
  if (period.type === 'H1') return `Báo cáo 6 tháng-${period.year}`;
  if (period.type === '9M') return `Báo cáo 9 tháng-${period.year}`;
  return `Báo cáo năm ${period.year}`;
}
