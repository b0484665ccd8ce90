import { readAppendix, type Appendix } from '../reading/appendix';
import { cellToIso, isoDate, parseIso } from '../dates';
import {
  countedDueDates,
  countOutcomes,
  dueItems,
  evaluateTarget,
  outcomeOf,
  ratesOf,
  score766,
  type Comparator,
  type DueItem,
} from '../measuring/indicators';
import { parsePeriod, type Cutoff } from '../measuring/periods';
import { cellsOf, countDossiers, dossierRates, type DossierColumns, type DossierRates } from '../measuring/dossiers';
import { readRatio } from '../measuring/indicator-sheet';
import { findTextDate, readStatus } from '../reading/status';
import { cleanText, foldText } from '../reading/text';
import { parseTimeFrame, type TimeFrame } from '../reading/timeframe';
import type { CellValue, Grid, IsoDate } from '../types';
import { createUnitResolver, type UnitDirectory } from '../reading/units';
import type { Task } from '../reading/appendix';

/**
 * The custom functions, declared once. The Apps Script stubs, Excel's functions.json and associate calls,
 * and the README table are generated from this list; each host only converts values in and out.
 */

export type ParamType = 'text' | 'number' | 'date' | 'any' | 'range';
export type ResultType = 'number' | 'percent' | 'date' | 'text';

export interface CatalogueParam {
  name: string;
  description: string;
  type: ParamType;
  optional: boolean;
}

/** A user-facing error returned as a value; hosts show `message` (Sheets: thrown Error, Excel: CustomFunctions.Error). */
export class CatalogueError {
  constructor(readonly message: string) {}
}

export type ScalarResult = number | string | boolean | null | CatalogueError;
export type CatalogueResult = ScalarResult | ScalarResult[][];
/** An argument as hosts pass it: a single value or a 2-D range; `undefined` when omitted. */
export type Argument = CellValue | Grid | undefined;

export interface CatalogueContext {
  /** Today in the spreadsheet's time zone. */
  asOf: IsoDate;
  cutoff?: Cutoff;
  planYear?: number;
  units?: UnitDirectory;
  /** The workbook's appendix, for functions called without a range (read-only, read once per call). */
  appendix?: () => Appendix;
}

export interface CatalogueFunction {
  /** The name users type in Google Sheets; Excel shows it under the CCHC namespace. */
  name: string;
  /** Excel's id (stable across versions). */
  id: string;
  description: string;
  params: CatalogueParam[];
  result: ResultType;
  /** Applied element by element when a range is given; results keep the range's shape. */
  elementwise: boolean;
  example: string;
  run(args: Argument[], ctx: CatalogueContext): CatalogueResult;
}

// ---- Helpers ------------------------------------------------------------------------------------------

function isGrid(value: Argument): value is Grid {
  return Array.isArray(value);
}

/** The single value of a scalar or a 1×1 range; `undefined` for empty. */
function scalar(value: Argument): CellValue | undefined {
  if (isGrid(value)) {
    const flat = value.flat().filter((v) => v !== null && v !== '');
    return flat.length ? flat[0] : undefined;
  }
  // An empty string reads as no text wherever a single value is read, as null does.
  return value === null ? undefined : value;
}

function textArg(value: Argument): string {
  const v = scalar(value);
  if (v === undefined) return '';
  if (v instanceof Date) return cellToIso(v) ?? '';
  return cleanText(String(v));
}

/** Element-wise application over every range argument, broadcasting single values. */
function mapElements(args: Argument[], fn: (values: (CellValue | undefined)[]) => ScalarResult): CatalogueResult {
  const grids = args.filter(isGrid);
  if (!grids.length) return fn(args.map((a) => (a === null || a === '' ? undefined : (a as CellValue | undefined))));
  const rows = Math.max(...grids.map((g) => g.length));
  const cols = Math.max(...grids.map((g) => Math.max(0, ...g.map((r) => r.length))));
  const at = (a: Argument, r: number, c: number): CellValue | undefined => {
    if (!isGrid(a)) return a === null || a === '' ? undefined : a;
    if (a.length === 1 && a[0].length === 1) return a[0][0] ?? undefined;
    const v = a[r]?.[c];
    return v === null || v === '' ? undefined : v;
  };
  const out: ScalarResult[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: ScalarResult[] = [];
    for (let c = 0; c < cols; c++) {
      const values = args.map((a) => at(a, r, c));
      // A row left empty in every range stays empty, whatever single values are broadcast beside it.
      const blank = args.every((a, i) => !isGrid(a) || values[i] === undefined);
      line.push(blank ? '' : fn(values));
    }
    out.push(line);
  }
  return out;
}

function yearArg(value: CellValue | undefined, ctx: CatalogueContext): number {
  if (typeof value === 'number' && value >= 1900 && value <= 2200) return Math.trunc(value);
  if (typeof value === 'string' && /^\s*\d{4}\s*$/.test(value)) return Number(value);
  return ctx.planYear ?? parseIso(ctx.asOf).year;
}

function appendixFor(range: Argument, ctx: CatalogueContext): Appendix | CatalogueError {
  try {
    if (isGrid(range) && range.length) {
      return readAppendix({ sheets: [{ name: 'Phạm vi', grid: range }] }, { planYear: ctx.planYear, asOf: ctx.asOf, units: ctx.units });
    }
    if (!ctx.appendix) return new CatalogueError('Không có phụ lục: hãy truyền vùng dữ liệu phụ lục (kể cả hàng tiêu đề) làm đối số.');
    return ctx.appendix();
  } catch (err) {
    return new CatalogueError((err as Error).message);
  }
}

/** Due items for a period text ("Q1/2024", "Quý I/2024", "6 tháng/2024", "2024"; empty: plan year to date) and a unit. */
function selectItems(args: Argument[], ctx: CatalogueContext): DueItem[] | CatalogueError {
  const appendix = appendixFor(args[2], ctx);
  if (appendix instanceof CatalogueError) return appendix;
  const periodText = textArg(args[0]);
  let window: { start: IsoDate; end: IsoDate };
  if (periodText) {
    const period = parsePeriod(periodText, ctx.cutoff ?? 'calendar', appendix.planYear);
    if (!period) {
      return new CatalogueError(`Không hiểu kỳ "${periodText}": ghi dạng Q1/2024, Quý I/2024, 6 tháng/2024, 9 tháng/2024 hoặc 2024.`);
    }
    window = period;
  } else {
    const end = isoDate(appendix.planYear, 12, 31);
    window = { start: isoDate(appendix.planYear, 1, 1), end: ctx.asOf < end ? ctx.asOf : end };
  }
  let items = dueItems(appendix.tasks, ctx.asOf, window);
  const unitText = textArg(args[1]);
  if (unitText) {
    const unit = createUnitResolver(ctx.units).resolve(unitText).name;
    items = items.filter((i) => i.task.owners.some((o) => o.name === unit));
  }
  return items;
}

function rateFunction(pick: 'onTime' | 'completion') {
  return (args: Argument[], ctx: CatalogueContext): CatalogueResult => {
    const items = selectItems(args, ctx);
    if (items instanceof CatalogueError) return items;
    return ratesOf(countOutcomes(items))[pick];
  };
}

const PERIOD_PARAM: CatalogueParam = {
  name: 'ky',
  description: 'Kỳ báo cáo, ví dụ "Q1/2024", "Quý I/2024", "6 tháng/2024", "9 tháng/2024", "2024". Bỏ trống: từ đầu năm kế hoạch đến hôm nay.',
  type: 'text',
  optional: true,
};
const UNIT_PARAM: CatalogueParam = {
  name: 'don_vi',
  description: 'Đơn vị chủ trì cần tính, ví dụ "Văn phòng Sở". Bỏ trống: mọi đơn vị.',
  type: 'text',
  optional: true,
};
const RANGE_PARAM: CatalogueParam = {
  name: 'vung_phu_luc',
  description: 'Vùng bảng phụ lục, kể cả hàng tiêu đề. Bỏ trống: đọc phụ lục trong bảng tính (không tự tính lại khi phụ lục đổi).',
  type: 'range',
  optional: true,
};

/** A task built from loose cells, for the element-wise functions. */
function looseTask(deadline: TimeFrame, statusValue: CellValue | undefined, doneValue: CellValue | undefined): Task {
  const status = readStatus(statusValue ?? null);
  const doneDate =
    doneValue === undefined ? status.date : cellToIso(doneValue) ?? (typeof doneValue === 'string' ? findTextDate(doneValue) : null);
  return {
    // Stryker disable next-line StringLiteral: a loose task's number, content and names are never read.
    row: 0, rows: [], tt: '', section: null, content: '', leadText: '', owners: [], coordinatorsText: '', coordinators: [],
    deadline, status, doneDate, doneDateProblem: null, product: '', note: '', result: '', difficulty: '', proposal: '', errorCells: [],
  };
}

const STATUS_WORDS = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  overdue: 'Quá hạn',
  pending: 'Chưa đến hạn',
  done_undated: 'Hoàn thành (chưa ghi ngày)',
  cancelled: 'Không thực hiện',
  continuous: 'Thường xuyên',
  recurring: 'Định kỳ',
  event: 'Khi có yêu cầu',
  missing: 'Chưa có thời hạn',
  unknown: 'Không đọc được thời hạn',
} as const;

/** The status label of one task at the as-of date: what `CCHC_STATUS` returns. */
export function taskStatusLabel(task: Task, asOf: IsoDate): string {
  if (task.status.status === 'cancelled') return STATUS_WORDS.cancelled;
  const dues = countedDueDates(task);
  if (!dues.length) {
    const kind = task.deadline.kind;
    if (kind === 'continuous' || kind === 'recurring' || kind === 'event' || kind === 'unknown') return STATUS_WORDS[kind];
    return STATUS_WORDS.missing;
  }
  const outcomes = dues.map((d) => outcomeOf(task, d, asOf).outcome);
  for (const o of ['overdue', 'late', 'done_undated', 'pending', 'on_time'] as const) if (outcomes.includes(o)) return STATUS_WORDS[o];
  return STATUS_WORDS.on_time;
}

const RESULT_PARAM: CatalogueParam = { name: 'ket_qua', description: 'Kết quả đạt được (98%, 0,98 hoặc 98).', type: 'number', optional: false };
const TARGET_PARAM: CatalogueParam = { name: 'muc_tieu', description: 'Mục tiêu của chỉ số (98%, 0,98 hoặc 98).', type: 'number', optional: false };

/** Element-wise over (result, target, extra): both read as ratios, else a Vietnamese error value. */
function overRatios(args: Argument[], fn: (actual: number, target: number, extra: CellValue | undefined) => ScalarResult): CatalogueResult {
  return mapElements(args, ([actual, target, extra]) => {
    const a = readRatio(actual);
    const t = readRatio(target);
    if (a === null || t === null) return new CatalogueError('Kết quả và mục tiêu phải là số hoặc tỷ lệ phần trăm.');
    return fn(a, t, extra);
  });
}

// ---- Dossier exports -----------------------------------------------------------------------------------

const RECEIVED_PARAM: CatalogueParam = { name: 'ngay_tiep_nhan', description: 'Cột "Ngày tiếp nhận" của danh sách hồ sơ.', type: 'range', optional: false };
const DOSSIER_PERIOD: CatalogueParam = { ...PERIOD_PARAM, description: 'Kỳ tính theo ngày tiếp nhận, ví dụ "Q1/2024", "6 tháng/2024", "2024". Bỏ trống: mọi hồ sơ.' };
const DETAIL_PARAM: CatalogueParam = {
  name: 'chi_tiet',
  description: 'TRUE: trả về một hàng gồm tỷ lệ, số hồ sơ được tính và số dòng bị bỏ qua (ô trống, ô lỗi, ngày không hợp lệ).',
  type: 'any',
  optional: true,
};

/** A column argument as a list of cells: a single cell (one dossier) is a list of one. */
const columnOf = (a: Argument): CellValue[] | undefined => (isGrid(a) ? cellsOf(a) : a === undefined || a === null ? undefined : [a]);

function dossierFunction(rate: keyof DossierRates, columns: (args: Argument[]) => Omit<DossierColumns, 'received'>, periodIndex: number) {
  return (args: Argument[], ctx: CatalogueContext): CatalogueResult => {
    const received = columnOf(args[0]);
    if (!received) return new CatalogueError('Cần vùng "Ngày tiếp nhận" của danh sách hồ sơ.');
    const rest = columns(args);
    for (const column of Object.values(rest)) {
      if (column && column.length !== received.length) {
        return new CatalogueError(`Các vùng phải có cùng số dòng: cột "Ngày tiếp nhận" có ${received.length} dòng, một cột khác có ${column.length}.`);
      }
    }
    const periodText = textArg(args[periodIndex]);
    let window: { start: IsoDate; end: IsoDate } | null = null;
    if (periodText) {
      const period = parsePeriod(periodText, ctx.cutoff ?? 'calendar', ctx.planYear ?? parseIso(ctx.asOf).year);
      if (!period) return new CatalogueError(`Không hiểu kỳ "${periodText}": ghi dạng Q1/2024, Quý I/2024, 6 tháng/2024, 9 tháng/2024 hoặc 2024.`);
      window = period;
    }
    const counts = countDossiers({ received, ...rest }, window, ctx.asOf);
    const value = dossierRates(counts)[rate];
    const base = rate === 'onTime' ? counts.settled : counts.received;
    return scalar(args[periodIndex + 1]) === true ? [[value, base, counts.skipped]] : value;
  };
}

const DOSSIER_FUNCTIONS: CatalogueFunction[] = [
  {
    name: 'CCHC_DOSSIER_ONTIME',
    id: 'DOSSIERONTIME',
    description: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hẹn (trả kết quả không muộn hơn ngày hẹn) trong số hồ sơ đã trả hoặc đã quá hạn.',
    params: [
      RECEIVED_PARAM,
      { name: 'han_tra', description: 'Cột "Ngày hẹn trả" (cùng số dòng).', type: 'range', optional: false },
      { name: 'ngay_tra', description: 'Cột "Ngày trả kết quả" (cùng số dòng; để trống khi chưa trả).', type: 'range', optional: false },
      DOSSIER_PERIOD,
      DETAIL_PARAM,
    ],
    result: 'percent',
    elementwise: false,
    example: '=CCHC_DOSSIER_ONTIME(B2:B5000; C2:C5000; D2:D5000; "Q1/2024")',
    run: dossierFunction('onTime', (args) => ({ due: columnOf(args[1]), returned: columnOf(args[2]) }), 3),
  },
  {
    name: 'CCHC_DOSSIER_ONLINE',
    id: 'DOSSIERONLINE',
    description: 'Tỷ lệ hồ sơ nộp trực tuyến trong số hồ sơ tiếp nhận.',
    params: [RECEIVED_PARAM, { name: 'truc_tuyen', description: 'Cột "Trực tuyến" (Có/Không, x, TRUE…; cùng số dòng).', type: 'range', optional: false }, DOSSIER_PERIOD, DETAIL_PARAM],
    result: 'percent',
    elementwise: false,
    example: '=CCHC_DOSSIER_ONLINE(B2:B5000; E2:E5000; "6 tháng/2024")',
    run: dossierFunction('online', (args) => ({ online: columnOf(args[1]) }), 2),
  },
  {
    name: 'CCHC_DOSSIER_DIGITAL',
    id: 'DOSSIERDIGITAL',
    description: 'Tỷ lệ hồ sơ được số hóa trong số hồ sơ tiếp nhận.',
    params: [RECEIVED_PARAM, { name: 'so_hoa', description: 'Cột "Số hóa" (Có/Không, x, TRUE…; cùng số dòng).', type: 'range', optional: false }, DOSSIER_PERIOD, DETAIL_PARAM],
    result: 'percent',
    elementwise: false,
    example: '=CCHC_DOSSIER_DIGITAL(B2:B5000; F2:F5000; "2024")',
    run: dossierFunction('digitised', (args) => ({ digitised: columnOf(args[1]) }), 2),
  },
];

export const CATALOGUE: readonly CatalogueFunction[] = [
  {
    name: 'CCHC_ONTIME',
    id: 'ONTIME',
    description: 'Tỷ lệ mốc thời hạn hoàn thành đúng hạn trong kỳ (không tính nhiệm vụ đã hủy).',
    params: [PERIOD_PARAM, UNIT_PARAM, RANGE_PARAM],
    result: 'percent',
    elementwise: false,
    example: '=CCHC_ONTIME("Q1/2024")',
    run: rateFunction('onTime'),
  },
  {
    name: 'CCHC_DONE',
    id: 'DONE',
    description: 'Tỷ lệ mốc thời hạn đã hoàn thành (đúng hạn hoặc trễ hạn) trong kỳ.',
    params: [PERIOD_PARAM, UNIT_PARAM, RANGE_PARAM],
    result: 'percent',
    elementwise: false,
    example: '=CCHC_DONE("6 tháng/2024"; "Văn phòng Sở")',
    run: rateFunction('completion'),
  },
  {
    name: 'CCHC_OVERDUE',
    id: 'OVERDUE',
    description: 'Số mốc thời hạn trong kỳ đã qua mà nhiệm vụ chưa hoàn thành, tính đến hôm nay.',
    params: [PERIOD_PARAM, UNIT_PARAM, RANGE_PARAM],
    result: 'number',
    elementwise: false,
    example: '=CCHC_OVERDUE("Q2/2024")',
    run(args, ctx) {
      const items = selectItems(args, ctx);
      if (items instanceof CatalogueError) return items;
      return countOutcomes(items).overdue;
    },
  },
  {
    name: 'CCHC_DUE',
    id: 'DUE',
    description: 'Hạn hoàn thành đọc từ ô thời gian thực hiện ("Quý I/2024" → 31/03/2024). Nhiệm vụ định kỳ: hạn kế tiếp.',
    params: [
      { name: 'thoi_gian', description: 'Ô hoặc vùng "Thời gian thực hiện".', type: 'any', optional: false },
      { name: 'nam_ke_hoach', description: 'Năm kế hoạch, dùng khi thời hạn không ghi năm. Bỏ trống: năm nay.', type: 'number', optional: true },
    ],
    result: 'date',
    elementwise: true,
    example: '=CCHC_DUE(C5:C40; 2024)',
    run(args, ctx) {
      return mapElements(args, ([value, year]) => {
        const tf = parseTimeFrame(value ?? null, yearArg(year, ctx));
        // An unreadable time frame always says why (timeframe.ts).
        if (tf.kind === 'unknown') return new CatalogueError(`Không đọc được thời hạn "${tf.text}": ${tf.problem}.`);
        if (tf.due) return tf.due;
        // A recurring task's next date (its last once all have passed); kinds with no date at all give an empty cell.
        return tf.dueDates.find((d) => d >= ctx.asOf) ?? tf.dueDates[tf.dueDates.length - 1] ?? '';
      });
    },
  },
  {
    name: 'CCHC_STATUS',
    id: 'STATUS',
    description: 'Tình trạng nhiệm vụ hôm nay: Đúng hạn, Trễ hạn, Quá hạn, Chưa đến hạn, Thường xuyên, Định kỳ, Khi có yêu cầu…',
    params: [
      { name: 'thoi_gian', description: 'Ô hoặc vùng "Thời gian thực hiện".', type: 'any', optional: false },
      { name: 'tien_do', description: 'Ô hoặc vùng "Tiến độ" (Đã hoàn thành, Đang thực hiện…).', type: 'any', optional: true },
      { name: 'ngay_hoan_thanh', description: 'Ô hoặc vùng "Ngày hoàn thành".', type: 'date', optional: true },
      { name: 'nam_ke_hoach', description: 'Năm kế hoạch, dùng khi thời hạn không ghi năm.', type: 'number', optional: true },
    ],
    result: 'text',
    elementwise: true,
    example: '=CCHC_STATUS(C5:C40; F5:F40; G5:G40)',
    run(args, ctx) {
      return mapElements(args, ([timeframe, status, done, year]) =>
        taskStatusLabel(looseTask(parseTimeFrame(timeframe ?? null, yearArg(year, ctx)), status, done), ctx.asOf),
      );
    },
  },
  {
    name: 'CCHC_TARGET',
    id: 'TARGET',
    description: 'So kết quả với mục tiêu: "Đạt" khi kết quả đạt mục tiêu, ngược lại "Không đạt".',
    params: [
      RESULT_PARAM,
      TARGET_PARAM,
      { name: 'so_sanh', description: '">=" (mặc định) hoặc ">" khi mục tiêu ghi "trên".', type: 'text', optional: true },
    ],
    result: 'text',
    elementwise: true,
    example: '=CCHC_TARGET(D5; C5)',
    run(args) {
      return overRatios(args, (actual, target, comparator) => {
        const cmp = foldText(String(comparator ?? '>=')).trim();
        return evaluateTarget(actual, target, (cmp === '>' || cmp === 'tren' ? '>' : '>=') as Comparator);
      });
    },
  },
  {
    name: 'CCHC_SCORE',
    id: 'SCORE',
    description: 'Điểm chỉ số theo cách chấm của Quyết định 766/QĐ-TTg: đủ điểm khi đạt mục tiêu, chưa đạt thì tính theo tỷ lệ.',
    params: [RESULT_PARAM, TARGET_PARAM, { name: 'diem', description: 'Điểm tối đa của chỉ số (mặc định 1).', type: 'number', optional: true }],
    result: 'number',
    elementwise: true,
    example: '=CCHC_SCORE(D5; C5; 2)',
    run(args) {
      return overRatios(args, (actual, target, points) => score766(actual, target, typeof points === 'number' ? points : 1));
    },
  },
  ...DOSSIER_FUNCTIONS,
];

/** Call a catalogue function by name; misuse (an unknown name) throws, user errors come back as values. */
export function callCatalogue(name: string, args: Argument[], ctx: CatalogueContext): CatalogueResult {
  const fn = CATALOGUE.find((f) => f.name === name);
  if (!fn) throw new Error(`Unknown catalogue function ${name}`);
  try {
    return fn.run(args, ctx);
  } catch (err) {
    return new CatalogueError(`Lỗi khi tính ${name}: ${(err as Error).message}`);
  }
}
