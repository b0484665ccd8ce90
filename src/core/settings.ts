import { readIndicatorSheet, type IndicatorEntry } from './measuring/indicator-sheet';
import { DEFAULT_INDICATORS, type IndicatorDefinition } from './measuring/indicators';
import type { Cutoff } from './measuring/periods';
import { cleanText, foldKey } from './reading/text';
import { cellToIso, isoToDate } from './dates';
import { findTextDate } from './reading/status';
import type { CellValue, IsoDate, SheetData, WorkbookData } from './types';
import { DEFAULT_UNIT_DIRECTORY, type UnitDirectory } from './reading/units';
import { DEFAULT_DOCUMENT_SETTINGS, type DocumentSettings } from './presenting/document';
import { DEFAULT_PAR_CRITERIA, type ParCriterion } from './measuring/par';

/** The tool's own sheet of settings: users read and edit it like any sheet; hosts create it on request. */
export const SETTINGS_SHEET = 'CCHC - Cài đặt';
const TITLE = 'CÀI ĐẶT CÔNG CỤ THEO DÕI KẾ HOẠCH CCHC';

export interface Settings {
  /** The date figures are computed at; null: today. */
  asOf: IsoDate | null;
  /** null: detect from the appendix. */
  planYear: number | null;
  cutoff: Cutoff;
  /** null: find in the appendix's title lines. */
  unitName: string | null;
  reportDueDay: number;
  /** Days before a due date the daily reminder writes (each once): 7, 3 and 1 by default. */
  reminderDays: number[];
  /** Where the daily reminder sends the report's due date: the Office's e-mail; null: no report reminder. */
  officeEmail: string | null;
  units: UnitDirectory;
  indicators: IndicatorDefinition[];
  /** Results typed in the settings' indicator table, each with the period its row names. */
  indicatorResults: IndicatorEntry[];
  /** The official report's heading, signer and recipients. */
  officialReport: DocumentSettings;
  /** The plan-related PAR-index criteria the report assesses, with their points (each province sets its own). */
  parCriteria: ParCriterion[];
}

export const DEFAULT_SETTINGS: Settings = {
  asOf: null,
  planYear: null,
  cutoff: 'calendar',
  unitName: null,
  reportDueDay: 20,
  reminderDays: [7, 3, 1],
  officeEmail: null,
  units: DEFAULT_UNIT_DIRECTORY,
  indicators: [...DEFAULT_INDICATORS],
  indicatorResults: [],
  officialReport: DEFAULT_DOCUMENT_SETTINGS,
  parCriteria: [...DEFAULT_PAR_CRITERIA],
};

const CUTOFF_WORDS: Record<Cutoff, string> = { calendar: 'Năm dương lịch', nd09: 'NĐ 09/2019 (từ ngày 15 đến ngày 14)' };

const LABELS = {
  asOf: 'Ngày tính số liệu',
  planYear: 'Năm kế hoạch',
  cutoff: 'Cách tính kỳ báo cáo',
  unitName: 'Tên đơn vị (tiêu đề báo cáo)',
  reportDueDay: 'Ngày hạn gửi báo cáo (trong tháng cuối kỳ)',
  reminderDays: 'Nhắc trước hạn (số ngày)',
  officeEmail: 'E-mail Văn phòng (nhắc hạn báo cáo)',
  units: 'Danh mục đơn vị',
  indicators: 'Chỉ tiêu',
  parentBody: 'Cơ quan cấp trên (văn bản báo cáo)',
  issuingBody: 'Cơ quan ban hành',
  symbol: 'Ký hiệu văn bản',
  place: 'Địa danh',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
  recipients: 'Nơi nhận',
  parCriteria: 'Tiêu chí tự đánh giá (Chỉ số CCHC)',
};

export function isSettingsSheet(sheet: SheetData): boolean {
  return sheet.name === SETTINGS_SHEET || sheet.grid[0]?.[0] === TITLE;
}

/** The settings sheet's column widths in pixels (hosts convert to their unit). */
export const SETTINGS_COLUMN_WIDTHS: readonly number[] = [320, 260, 120, 110, 320];

/** The settings sheet's content, to create it (or show a user what can be set). */
export function settingsGrid(settings: Settings = DEFAULT_SETTINGS): CellValue[][] {
  const rows: CellValue[][] = [
    [TITLE, null, null, null, null],
    ['Sửa các ô ở cột "Giá trị" và các bảng bên dưới (có thể thêm dòng). Công cụ đọc lại trang này mỗi lần chạy.', null, null, null],
    ['Kết quả chỉ tiêu ghi kèm kỳ báo cáo (ví dụ Q1/2025, 6 tháng/2025, Năm 2025), mỗi kỳ một dòng: kết quả không ghi kỳ không được dùng.', null, null, null],
    [],
    ['Thông số', 'Giá trị', 'Ghi chú', null],
    [LABELS.asOf, settings.asOf ? isoToDate(settings.asOf) : null, 'Để trống: hôm nay. Ghi một ngày để tính số liệu đến ngày đó.', null],
    [LABELS.planYear, settings.planYear, 'Để trống: tự nhận từ tiêu đề phụ lục hoặc các thời hạn.', null],
    [LABELS.cutoff, CUTOFF_WORDS[settings.cutoff], `"${CUTOFF_WORDS.calendar}" hoặc "${CUTOFF_WORDS.nd09}".`, null],
    [LABELS.unitName, settings.unitName, 'Để trống: lấy từ tiêu đề phụ lục ("Sở Y tế tỉnh …").', null],
    [LABELS.reportDueDay, settings.reportDueDay, 'Theo chế độ báo cáo quốc gia: ngày 20.', null],
    [LABELS.reminderDays, settings.reminderDays.join('; '), 'Nhắc hạn hằng ngày (Google Trang tính): mỗi mốc một thư, cách nhau bởi dấu ;', null],
    [LABELS.officeEmail, settings.officeEmail, 'Nhận thư nhắc hạn gửi báo cáo định kỳ. Để trống: không nhắc.', null],
    [LABELS.parentBody, settings.officialReport.parentBody, 'Để trống: "UBND TỈNH …" theo tên đơn vị.', null],
    [LABELS.issuingBody, settings.officialReport.issuingBody, 'Để trống: "SỞ Y TẾ".', null],
    [LABELS.symbol, settings.officialReport.symbol, 'Sau số văn bản: "Số: …/BC-SYT".', null],
    [LABELS.place, settings.officialReport.place, 'Để trống: tên tỉnh trong tên đơn vị.', null],
    [LABELS.signerTitle, settings.officialReport.signerTitle.join('; '), 'Mỗi dòng cách nhau bởi dấu ;', null],
    [LABELS.signerName, settings.officialReport.signerName, null, null],
    [LABELS.recipients, settings.officialReport.recipients.join('; '), 'Cách nhau bởi dấu ;, nơi lưu ở cuối.', null],
    [],
    [LABELS.parCriteria, 'Điểm tối đa', 'Sửa điểm theo quy định của tỉnh; có thể thêm tiêu chí.', null],
    ...settings.parCriteria.map((c) => [c.name, c.maxPoints, null, null]),
    [],
    [LABELS.units, 'Tên gọi khác (cách nhau bởi dấu ;)', 'E-mail đầu mối (nhắc hạn)', null],
    ...settings.units.map((u) => [u.name, u.aliases.join('; '), u.email ?? null, null]),
    [],
    [LABELS.indicators, 'Mục tiêu', 'Kết quả', 'Kỳ báo cáo', 'Nguồn số liệu'],
    ...settings.indicators.flatMap((d): CellValue[][] => {
      if (d.source !== 'manual') return [[d.name, d.target, '(tự tính từ phụ lục)', null, d.basis]];
      const typed = settings.indicatorResults.filter((e) => e.id === d.id);
      if (!typed.length) return [[d.name, d.target, null, null, d.basis]];
      return typed.map((e) => [d.name, d.target, e.value, e.period, d.basis]);
    }),
  ];
  return rows.map((r) => [...r, null, null, null, null, null].slice(0, 5));
}

/** What looks like an e-mail address: a note typed in an e-mail cell is not one. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : cleanText(String(value));
}

/**
 * Read the settings sheet; missing sheet or cells fall back to the defaults. Rows are found by their labels, so
 * users may insert rows or reorder the tables.
 */
export function readSettings(workbook: WorkbookData): Settings {
  const sheet = workbook.sheets.find(isSettingsSheet);
  if (!sheet) return { ...DEFAULT_SETTINGS, indicators: [...DEFAULT_INDICATORS] };
  const settings: Settings = { ...DEFAULT_SETTINGS, indicators: [...DEFAULT_INDICATORS], indicatorResults: [], officialReport: { ...DEFAULT_DOCUMENT_SETTINGS }, parCriteria: [...DEFAULT_PAR_CRITERIA] };
  const rowOf = (label: string) => sheet.grid.findIndex((r) => foldKey(text(r[0])) === foldKey(label));
  const value = (label: string) => {
    const r = rowOf(label);
    return r >= 0 ? sheet.grid[r][1] ?? null : null;
  };
  const asOf = value(LABELS.asOf);
  settings.asOf = cellToIso(asOf) ?? (typeof asOf === 'string' ? findTextDate(asOf) : null);
  const year = Number(value(LABELS.planYear));
  if (Number.isInteger(year) && year >= 1900 && year <= 2200) settings.planYear = year;
  const cutoff = foldKey(text(value(LABELS.cutoff)));
  if (/nd ?09|15|nghi dinh/.test(cutoff)) settings.cutoff = 'nd09';
  const unitName = text(value(LABELS.unitName));
  if (unitName) settings.unitName = unitName;
  const list = (label: string) => text(value(label)).split(/[;\n]/).map((v) => v.trim()).filter(Boolean);
  const optional = (label: string) => text(value(label)) || null;
  const doc = settings.officialReport;
  doc.parentBody = optional(LABELS.parentBody);
  doc.issuingBody = optional(LABELS.issuingBody);
  doc.symbol = optional(LABELS.symbol) ?? DEFAULT_DOCUMENT_SETTINGS.symbol;
  doc.place = optional(LABELS.place);
  if (list(LABELS.signerTitle).length) doc.signerTitle = list(LABELS.signerTitle);
  doc.signerName = optional(LABELS.signerName);
  if (list(LABELS.recipients).length) doc.recipients = list(LABELS.recipients);
  const days = list(LABELS.reminderDays).map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n <= 366);
  if (days.length) settings.reminderDays = [...new Set(days)].sort((a, b) => b - a);
  const office = text(value(LABELS.officeEmail));
  if (EMAIL.test(office)) settings.officeEmail = office;
  const dueDay = Number(value(LABELS.reportDueDay));
  if (Number.isInteger(dueDay) && dueDay >= 1 && dueDay <= 31) settings.reportDueDay = dueDay;

  const criteriaRow = rowOf(LABELS.parCriteria);
  if (criteriaRow >= 0) {
    const criteria: ParCriterion[] = [];
    for (const r of sheet.grid.slice(criteriaRow + 1)) {
      const name = text(r[0]);
      if (!name) break;
      const known = DEFAULT_PAR_CRITERIA.find((c) => foldKey(c.name) === foldKey(name) || c.id === foldKey(name));
      const points = Number(r[1]);
      const maxPoints = r[1] !== null && r[1] !== undefined && r[1] !== '' && Number.isFinite(points) && points >= 0 ? points : known?.maxPoints ?? 1;
      criteria.push({ id: known?.id ?? `custom_${criteria.length + 1}`, name: known?.name ?? name, maxPoints });
    }
    if (criteria.length) settings.parCriteria = criteria;
  }
  const unitsRow = rowOf(LABELS.units);
  if (unitsRow >= 0) {
    const units: UnitDirectory = [];
    for (const r of sheet.grid.slice(unitsRow + 1)) {
      const name = text(r[0]);
      if (!name) break;
      const email = text(r[2]);
      units.push({
        name,
        aliases: text(r[1]).split(/[;\n]/).map((a) => a.trim()).filter(Boolean),
        // Only what looks like an address: a note typed in the column is not one.
        ...(EMAIL.test(email) ? { email } : {}),
      });
    }
    if (units.length) settings.units = units;
  }
  // The indicator table is found by its label wherever it is: a long unit directory pushes it down the sheet, past
  // the rows a user's own indicator sheet is searched in.
  const indicatorsRow = rowOf(LABELS.indicators);
  const indicators = indicatorsRow >= 0 ? readIndicatorSheet({ sheets: [{ ...sheet, grid: sheet.grid.slice(indicatorsRow) }] }) : null;
  if (indicators) {
    settings.indicators = indicators.definitions;
    settings.indicatorResults = indicators.entries;
  }
  return settings;
}
