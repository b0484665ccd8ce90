import type { Appendix, Task } from '../reading/appendix';
import { daysBetween, formatViDate } from '../dates';
import type { ColumnRole } from '../reading/headers';
import { countedDueDates, isDone, outcomeOf } from './indicators';
import { STATUS_CHOICES } from '../reading/status';
import { columnLetter } from '../reading/text';
import type { IsoDate, Severity } from '../types';

export type FindingCode =
  | 'MISSING_OWNER'
  | 'MISSING_DEADLINE'
  | 'UNREADABLE_DEADLINE'
  | 'VAGUE_DEADLINE'
  | 'VAGUE_OWNER'
  | 'UNKNOWN_UNIT'
  | 'OVERDUE'
  | 'DONE_WITHOUT_DATE'
  | 'DATE_WITHOUT_DONE'
  | 'UNREADABLE_DONE_DATE'
  | 'FUTURE_DONE_DATE'
  | 'UNKNOWN_STATUS'
  | 'OUTSIDE_PLAN_YEAR'
  | 'DUPLICATE_NUMBER'
  | 'EMPTY_TASK'
  | 'ERROR_CELL'
  | 'NO_TASKS'
  | 'NO_STATUS_COLUMN'
  | 'NO_TIMEFRAME_COLUMN'
  | 'NO_LEAD_COLUMN';

export interface Finding {
  /** 1-based sheet row. */
  row: number;
  /** Column letter ("C"). */
  column: string;
  code: FindingCode;
  severity: Severity;
  /** What is wrong and what to do, in Vietnamese. */
  message: string;
  /** The task's number as written, when the finding is about a task. */
  tt: string;
}

export const SEVERITY: Record<FindingCode, Severity> = {
  MISSING_OWNER: 'error',
  MISSING_DEADLINE: 'error',
  NO_TIMEFRAME_COLUMN: 'error',
  NO_LEAD_COLUMN: 'error',
  UNREADABLE_DEADLINE: 'error',
  OVERDUE: 'error',
  VAGUE_OWNER: 'warning',
  DONE_WITHOUT_DATE: 'warning',
  DATE_WITHOUT_DONE: 'warning',
  UNREADABLE_DONE_DATE: 'warning',
  FUTURE_DONE_DATE: 'warning',
  UNKNOWN_STATUS: 'warning',
  OUTSIDE_PLAN_YEAR: 'warning',
  DUPLICATE_NUMBER: 'warning',
  EMPTY_TASK: 'warning',
  ERROR_CELL: 'warning',
  NO_TASKS: 'warning',
  VAGUE_DEADLINE: 'info',
  UNKNOWN_UNIT: 'info',
  NO_STATUS_COLUMN: 'info',
};

/** Codes that are gaps in the plan's data (shown as "open data problems" in the report). */
export const DATA_PROBLEM_CODES: readonly FindingCode[] = [
  'NO_TIMEFRAME_COLUMN',
  'NO_LEAD_COLUMN',
  'MISSING_OWNER',
  'MISSING_DEADLINE',
  'UNREADABLE_DEADLINE',
  'VAGUE_OWNER',
  'EMPTY_TASK',
  'ERROR_CELL',
  'DUPLICATE_NUMBER',
  'DONE_WITHOUT_DATE',
  'DATE_WITHOUT_DONE',
  'UNREADABLE_DONE_DATE',
  'UNKNOWN_STATUS',
];

/** Short Vietnamese names of the codes, for summaries. */
export const FINDING_LABELS: Record<FindingCode, string> = {
  MISSING_OWNER: 'Chưa có đơn vị chủ trì',
  MISSING_DEADLINE: 'Chưa có thời gian thực hiện',
  UNREADABLE_DEADLINE: 'Thời hạn không đọc được',
  VAGUE_DEADLINE: 'Thời hạn không có mốc cụ thể',
  VAGUE_OWNER: 'Đơn vị chủ trì chung chung',
  UNKNOWN_UNIT: 'Đơn vị ngoài danh mục',
  OVERDUE: 'Quá hạn',
  DONE_WITHOUT_DATE: 'Hoàn thành nhưng chưa ghi ngày',
  DATE_WITHOUT_DONE: 'Có ngày hoàn thành nhưng tiến độ chưa xong',
  UNREADABLE_DONE_DATE: 'Ngày hoàn thành không đọc được',
  FUTURE_DONE_DATE: 'Ngày hoàn thành sau hôm nay',
  UNKNOWN_STATUS: 'Tiến độ không hiểu được',
  OUTSIDE_PLAN_YEAR: 'Thời hạn ngoài năm kế hoạch',
  DUPLICATE_NUMBER: 'Trùng số thứ tự',
  EMPTY_TASK: 'Dòng chưa có nội dung',
  ERROR_CELL: 'Ô báo lỗi công thức',
  NO_TASKS: 'Không có nhiệm vụ nào',
  NO_STATUS_COLUMN: 'Chưa có cột tiến độ',
  NO_TIMEFRAME_COLUMN: 'Không nhận ra cột thời gian thực hiện',
  NO_LEAD_COLUMN: 'Không nhận ra cột đơn vị chủ trì',
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' };

/** The columns whose absence is said once for the whole table, and how the message names them. */
const MISSING_COLUMNS: readonly { role: ColumnRole; code: FindingCode; name: string; column: string; headers: string; unchecked: string }[] = [
  {
    role: 'timeframe',
    code: 'NO_TIMEFRAME_COLUMN',
    name: 'thời gian thực hiện',
    column: 'thời hạn',
    headers: '"Thời gian thực hiện" hoặc "Thời hạn hoàn thành"',
    unchecked: 'thời hạn và quá hạn',
  },
  { role: 'lead', code: 'NO_LEAD_COLUMN', name: 'đơn vị chủ trì', column: 'đó', headers: '"Đơn vị chủ trì" hoặc "Cơ quan chủ trì"', unchecked: 'đơn vị chủ trì' },
];

const DEADLINE_EXAMPLES = '31/03/2024, Tháng 3/2024, Quý I/2024, 6 tháng đầu năm, Năm 2024, Hằng quý, Thường xuyên';

function quote(text: string, max = 60): string {
  // Stryker disable next-line Regex: cleaned text has no runs of spaces, only single line breaks, so \s and \s+ agree.
  const one = text.replace(/\s+/g, ' ');
  return `"${one.length > max ? one.slice(0, max - 1) + '…' : one}"`;
}

function taskName(task: Task): string {
  // Numbering often restarts in every section, so the row is what makes the name unique.
  return task.tt ? `Nhiệm vụ ${task.tt.replace(/[.)]$/, '')} (dòng ${task.row})` : `Nhiệm vụ ở dòng ${task.row}`;
}

/**
 * Every problem in the appendix at the as-of date, sorted by row.
 * @example checkAppendix(appendix, '2024-04-10').filter((f) => f.code === 'OVERDUE')
 */
export function checkAppendix(appendix: Appendix, asOf: IsoDate): Finding[] {
  const { columns } = appendix;
  const findings: Finding[] = [];
  const letter = (role: ColumnRole, fallback: ColumnRole = 'task') =>
    columnLetter(columns[role] ?? columns[fallback] ?? columns.task ?? 0);
  const add = (task: Task | null, row: number, role: ColumnRole, code: FindingCode, message: string, fallback?: ColumnRole) =>
    findings.push({ row, column: letter(role, fallback), code, severity: SEVERITY[code], message, tt: task?.tt ?? '' });

  if (columns.status === undefined && columns.doneDate === undefined) {
    add(
      null,
      appendix.headerRows[0],
      'task',
      'NO_STATUS_COLUMN',
      'Phụ lục chưa có cột "Tiến độ" và "Ngày hoàn thành": mọi nhiệm vụ đã đến hạn đều bị tính là quá hạn. ' +
        `Thêm cột "Tiến độ" (${STATUS_CHOICES.join(', ')}) và cột "Ngày hoàn thành" (dd/mm/yyyy) để theo dõi.`,
    );
  }

  // A role whose column was not recognised is said once, naming the headers seen, not as a finding on every row.
  // A header row was found, so it holds at least the task column's header: the list is never empty.
  const seenHeaders = appendix.headers.filter(Boolean).map((h) => quote(h, 40)).join(', ');
  const headerRow = appendix.headerRows[0];
  const noTimeframe = columns.timeframe === undefined;
  const noLead = columns.lead === undefined;
  for (const missing of MISSING_COLUMNS) {
    if (columns[missing.role] !== undefined) continue;
    add(
      null,
      headerRow,
      'task',
      missing.code,
      `Không nhận ra cột ${missing.name} ở hàng tiêu đề (dòng ${headerRow}). Các tiêu đề đã thấy: ${seenHeaders}. ` +
        `Đặt tiêu đề cột ${missing.column} là ${missing.headers} (hoặc thêm cột đó); ` +
        `cho đến khi đó, chưa nhiệm vụ nào được kiểm tra ${missing.unchecked}.`,
    );
  }

  if (!appendix.tasks.length) {
    add(
      null,
      appendix.headerRows[appendix.headerRows.length - 1],
      'task',
      'NO_TASKS',
      'Không đọc được nhiệm vụ nào dưới hàng tiêu đề: kiểm tra cột TT và Nội dung nhiệm vụ, và bỏ gộp các ô của bảng nếu có.',
    );
  }

  const seen = new Map<string, Task>();
  for (const task of appendix.tasks) {
    const blank = !task.content && !task.leadText && task.deadline.kind === 'missing' && !task.status.text && !task.errorCells.length;

    if (!task.content) {
      add(task, task.row, 'task', 'EMPTY_TASK', `${taskName(task)} chưa có nội dung: nhập nội dung nhiệm vụ, hoặc xóa dòng nếu không dùng.`);
    }
    for (const cell of task.errorCells) {
      findings.push({
        row: cell.row,
        column: columnLetter(cell.col),
        code: 'ERROR_CELL',
        severity: SEVERITY.ERROR_CELL,
        message: `Ô ${columnLetter(cell.col)}${cell.row} đang báo lỗi ${cell.value}: sửa công thức hoặc nhập lại giá trị (công cụ coi ô này là trống).`,
        tt: task.tt,
      });
    }
    if (task.tt) {
      // Stryker disable next-line StringLiteral: any fixed text for "no section" keys those tasks alike.
      const key = `${task.section ?? ''}\u0000${task.tt.replace(/[.)]$/, '')}`;
      const first = seen.get(key);
      if (first) {
        add(task, task.row, 'number', 'DUPLICATE_NUMBER', `Số TT "${task.tt}" trùng với nhiệm vụ ở dòng ${first.row} trong cùng mục: đánh lại số thứ tự.`);
      } else {
        seen.set(key, task);
      }
    }
    if (blank) continue;

    if (!task.leadText && !noLead) {
      add(task, task.row, 'lead', 'MISSING_OWNER', `${taskName(task)} chưa có đơn vị chủ trì: nhập tên phòng/đơn vị chịu trách nhiệm chính.`);
    } else if (task.owners.length && task.owners.every((o) => o.vague)) {
      add(
        task,
        task.row,
        'lead',
        'VAGUE_OWNER',
        `${taskName(task)} giao cho ${quote(task.leadText)}: không rõ đơn vị nào chịu trách nhiệm. Ghi tên một phòng/đơn vị chủ trì cụ thể.`,
      );
    }
    for (const unit of task.owners) {
      if (!unit.known && !unit.vague) {
        add(
          task,
          task.row,
          'lead',
          'UNKNOWN_UNIT',
          `Đơn vị ${quote(unit.written)} không có trong danh mục đơn vị: kiểm tra chính tả, hoặc thêm vào danh mục trong phần cài đặt.`,
        );
      }
    }

    const { deadline } = task;
    if (deadline.kind === 'missing' && !noTimeframe) {
      add(task, task.row, 'timeframe', 'MISSING_DEADLINE', `${taskName(task)} chưa có thời gian thực hiện: nhập thời hạn, ví dụ ${DEADLINE_EXAMPLES}.`);
    } else if (deadline.kind === 'unknown') {
      add(
        task,
        task.row,
        'timeframe',
        'UNREADABLE_DEADLINE',
        `Không đọc được thời hạn ${quote(deadline.text)} (${deadline.problem}). Ghi theo một trong các dạng: ${DEADLINE_EXAMPLES}.`,
      );
    } else if (deadline.kind === 'event' || (deadline.kind === 'recurring' && !deadline.recurrence)) {
      add(
        task,
        task.row,
        'timeframe',
        'VAGUE_DEADLINE',
        `Thời hạn ${quote(deadline.text)} không có mốc cụ thể: nhiệm vụ không được tính vào tỷ lệ hoàn thành đúng hạn.`,
      );
    } else if (deadline.problem) {
      add(task, task.row, 'timeframe', 'UNREADABLE_DEADLINE', `Một phần thời hạn ${quote(deadline.text)} không đọc được (${deadline.problem}).`);
    }

    // A span of years that includes the plan year ("2025 - 2030" in the 2026 plan) is where it belongs.
    const spansPlanYear = deadline.span !== undefined && deadline.span.from <= appendix.planYear && appendix.planYear <= deadline.span.to;
    if (deadline.kind !== 'recurring' && !spansPlanYear) {
      const outside = deadline.dueDates.filter((d) => Number(d.slice(0, 4)) !== appendix.planYear);
      if (outside.length) {
        add(
          task,
          task.row,
          'timeframe',
          'OUTSIDE_PLAN_YEAR',
          `Thời hạn ${quote(deadline.text)} (${outside.map(formatViDate).join(', ')}) nằm ngoài năm kế hoạch ${appendix.planYear}: kiểm tra lại năm.`,
        );
      }
    }

    const { status } = task;
    if (status.text && !status.recognised) {
      add(task, task.row, 'status', 'UNKNOWN_STATUS', `Không hiểu tiến độ ${quote(status.text)}: dùng một trong các từ ${STATUS_CHOICES.join(', ')}.`);
    }
    if (task.doneDateProblem) {
      add(task, task.row, 'doneDate', 'UNREADABLE_DONE_DATE', `Không đọc được ngày hoàn thành ${quote(task.doneDateProblem)}: ghi theo dạng ngày/tháng/năm, ví dụ 25/03/2024.`, 'status');
    }
    if (status.status === 'done' && !task.doneDate && !task.doneDateProblem) {
      add(
        task,
        task.row,
        'doneDate',
        'DONE_WITHOUT_DATE',
        `${taskName(task)} đã hoàn thành nhưng chưa có ngày hoàn thành: nhập ngày (dd/mm/yyyy) để tính đúng hạn hay trễ hạn.`,
        'status',
      );
    }
    if (task.doneDate && status.status !== null && status.status !== 'done') {
      add(
        task,
        task.row,
        'status',
        'DATE_WITHOUT_DONE',
        `${taskName(task)} có ngày hoàn thành ${formatViDate(task.doneDate)} nhưng tiến độ là ${quote(status.text)}: sửa tiến độ thành "Đã hoàn thành" hoặc xóa ngày.`,
        'doneDate',
      );
    }
    if (task.doneDate && isDone(task) && task.doneDate > asOf) {
      add(task, task.row, 'doneDate', 'FUTURE_DONE_DATE', `Ngày hoàn thành ${formatViDate(task.doneDate)} sau ngày hôm nay (${formatViDate(asOf)}): kiểm tra lại ngày.`, 'status');
    }

    const overdue = countedDueDates(task).filter((due) => outcomeOf(task, due, asOf).outcome === 'overdue');
    if (overdue.length) {
      const first = overdue[0];
      const days = daysBetween(first, asOf);
      const more = overdue.length > 1 ? ` và ${overdue.length - 1} hạn khác` : '';
      add(
        task,
        task.row,
        'status',
        'OVERDUE',
        `${taskName(task)} quá hạn ${days} ngày (hạn ${formatViDate(first)}${more}) mà chưa hoàn thành: cập nhật tiến độ, hoặc báo cáo lý do chậm.`,
        'timeframe',
      );
    }
  }
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return findings.sort((a, b) => a.row - b.row || order[a.severity] - order[b.severity] || a.column.localeCompare(b.column));
}
