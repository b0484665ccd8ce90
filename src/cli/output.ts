import type { Appendix } from '../core/reading/appendix';
import { SEVERITY_LABELS, type Finding } from '../core/measuring/checks';
import { formatViDate } from '../core/dates';
import { NO_OWNER_LABEL, OUTCOME_LABELS } from '../core/measuring/indicators';
import { reportDueLabel, type QuarterlyReport } from '../core/presenting/report';
import { columnLetter, formatPercent } from '../core/reading/text';
import { describeValue, type MergeResult } from '../core/consolidating/merge';
import type { Severity } from '../core/types';
import type { Reminders } from '../core/measuring/reminders';

/** `cchc check --json`: the contract other scripts read. Extend, never rename. */
export function checkJson(appendix: Appendix, findings: Finding[], asOf: string) {
  return {
    sheet: appendix.sheet,
    planYear: appendix.planYear,
    planYearSource: appendix.planYearSource,
    asOf,
    headerRows: appendix.headerRows,
    headers: appendix.headers,
    tasks: appendix.tasks.map((t) => ({
      row: t.row,
      rows: t.rows,
      tt: t.tt,
      section: t.section,
      content: t.content,
      owners: t.owners.map((o) => o.name),
      coordinators: t.coordinators.map((o) => o.name),
      deadline: {
        text: t.deadline.text,
        kind: t.deadline.kind,
        due: t.deadline.due,
        dueDates: t.deadline.dueDates,
        ...(t.deadline.recurrence ? { recurrence: t.deadline.recurrence } : {}),
        ...(t.deadline.span ? { span: t.deadline.span } : {}),
      },
      status: t.status.status,
      statusText: t.status.text,
      doneDate: t.doneDate,
    })),
    findings: findings.map((f) => ({ row: f.row, column: f.column, code: f.code, severity: f.severity, message: f.message, tt: f.tt })),
  };
}

/** `cchc report --json`. */
export function reportJson(report: QuarterlyReport, extra: { output?: string; tab?: string } = {}) {
  const group = (g: QuarterlyReport['byUnit'][number] | QuarterlyReport['bySection'][number]) => ({
    due: g.due,
    onTime: g.onTime,
    late: g.late,
    doneUndated: g.doneUndated,
    overdue: g.overdue,
    pending: g.pending,
    cancelled: g.cancelled,
    completionRate: g.completionRate,
    onTimeRate: g.onTimeRate,
  });
  return {
    period: { label: report.period.label, code: report.period.code, start: report.period.start, end: report.period.end, cutoff: report.period.cutoff },
    asOf: report.asOf,
    sheet: report.sheet,
    planYear: report.planYear,
    unitName: report.unitName,
    totals: report.totals,
    rates: report.rates,
    byUnit: report.byUnit.map((g) => ({ unit: g.unit, ...group(g) })),
    bySection: report.bySection.map((g) => ({ section: g.section, ...group(g) })),
    items: report.items,
    overdue: report.overdue,
    indicators: report.indicators.map((i) => ({ id: i.id, name: i.name, target: i.target, actual: i.actual, result: i.result, score: i.score })),
    problems: report.problems.map((f) => ({ row: f.row, column: f.column, code: f.code, severity: f.severity, message: f.message })),
    reportDue: report.reportDue,
    nextReport: report.nextReport,
    ...(extra.output ? { output: extra.output, tab: extra.tab } : {}),
  };
}

function pad(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

const percent = formatPercent;

/** Text cut at a word to at most `max` characters, with "…" when anything was left out. */
export function cut(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * Lines of at most `width` characters, broken at spaces. The text's own leading spaces stay; every line after the
 * first is indented by `indent`.
 */
export function wrap(text: string, width: number, indent: number): string[] {
  const lead = /^ */.exec(text)![0];
  const room = Math.max(20, width - indent);
  const lines: string[] = [];
  let line = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    const limit = lines.length ? room : width;
    if (line.trim() && [...line].length + 1 + [...word].length > limit) {
      lines.push(line);
      line = word;
    } else line = line.trim() ? `${line} ${word}` : line + word;
  }
  lines.push(line);
  return lines.map((l, i) => (i ? ' '.repeat(indent) + l : l));
}

/**
 * The findings as a table that fits `width` columns (the terminal's): each message wraps under its own column.
 */
export function formatCheck(appendix: Appendix, findings: Finding[], asOf: string, width = Infinity): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const source = { option: 'theo tùy chọn --year', title: 'lấy từ tiêu đề', deadlines: 'suy từ các thời hạn', 'as-of': 'không tìm thấy, lấy năm hiện tại' }[
    appendix.planYearSource
  ];
  const lines = [
    ...wrap(`Phụ lục: trang "${appendix.sheet}", ${appendix.tasks.length} nhiệm vụ, ${appendix.sections.length} mục; năm kế hoạch ${appendix.planYear} (${source}).`, width, 2),
    ...wrap(`Tính đến ngày ${formatViDate(asOf)}: ${count('error')} lỗi, ${count('warning')} cảnh báo, ${count('info')} lưu ý.`, width, 2),
  ];
  if (!findings.length) return [...lines, '', 'Không phát hiện vấn đề nào.'].join('\n');
  lines.push('', `${pad('Ô', 7)}${pad('Mức độ', 10)}${pad('Mã', 22)}Nội dung`);
  for (const f of findings) {
    lines.push(...wrap(`${pad(`${f.column}${f.row}`, 7)}${pad(SEVERITY_LABELS[f.severity], 10)}${pad(f.code, 22)}${f.message}`, width, 39));
  }
  return lines.join('\n');
}

export function formatReport(report: QuarterlyReport, width = Infinity): string {
  const t = report.totals;
  // The name columns give way on a narrow terminal (names cut at a word), so the tables keep their shape.
  const unitCol = Math.max(16, Math.min(34, width - 62));
  const nameCol = Math.max(20, Math.min(46, width - 36));
  const lines = [
    `BÁO CÁO TIẾN ĐỘ KẾ HOẠCH CCHC — ${report.unitName}`,
    `Kỳ: ${report.period.label} (${formatViDate(report.period.start)} – ${formatViDate(report.period.end)}), số liệu đến ${formatViDate(report.asOf)}`,
    '',
    `Nhiệm vụ trong phụ lục: ${t.tasks} · Mốc đến hạn trong kỳ: ${t.due}`,
    `  Đúng hạn ${t.onTime} · Trễ hạn ${t.late} · Chưa ghi ngày ${t.doneUndated} · Quá hạn ${t.overdue} · Chưa đến hạn ${t.pending} · Hủy ${t.cancelled}`,
    `  Thường xuyên/định kỳ/khi có yêu cầu: ${t.noDueDate} · Chưa có hoặc không đọc được thời hạn: ${t.noDeadline}`,
    `Tỷ lệ hoàn thành: ${percent(report.rates.completion)} · Tỷ lệ đúng hạn: ${percent(report.rates.onTime)}`,
    '',
    `${pad('Đơn vị chủ trì', unitCol)}${pad('Đến hạn', 9)}${pad('Đúng hạn', 10)}${pad('Trễ', 5)}${pad('Chưa ghi ngày', 15)}${pad('Quá hạn', 9)}Tỷ lệ đúng hạn`,
    ...report.byUnit.map(
      (u) =>
        `${pad(cut(u.unit, unitCol - 1), unitCol)}${pad(String(u.due), 9)}${pad(String(u.onTime), 10)}${pad(String(u.late), 5)}${pad(String(u.doneUndated), 15)}${pad(String(u.overdue), 9)}${percent(u.onTimeRate)}`,
    ),
    '',
    'Chỉ số so với mục tiêu:',
    ...report.indicators.map((i) => `  ${pad(cut(i.name, nameCol - 1), nameCol)}${pad(percent(i.target), 9)}${pad(i.actual === null ? 'chưa có số liệu' : percent(i.actual), 16)}${i.result ?? ''}`),
    '',
    `Nhiệm vụ quá hạn: ${report.overdue.length}`,
    ...report.overdue
      .slice(0, 10)
      .flatMap((o) =>
        wrap(`  dòng ${o.row}: ${o.tt ? o.tt + '. ' : ''}${cut(o.content, 70)} — ${o.owners.join('; ') || NO_OWNER_LABEL}, hạn ${formatViDate(o.due)}, quá ${o.daysOverdue} ngày`, width, 4),
      ),
    ...(report.overdue.length > 10 ? [`  … và ${report.overdue.length - 10} nhiệm vụ khác (xem trang báo cáo)`] : []),
    `Vấn đề dữ liệu cần xử lý: ${report.problems.length}`,
    `Hạn gửi báo cáo kỳ này: ${reportDueLabel(report.reportDue, report.asOf)} · Kế tiếp: ${report.nextReport.label}, hạn ${formatViDate(report.nextReport.due)}`,
  ];
  // Every line fits the terminal; a continuation goes two spaces further in than its line.
  return lines.flatMap((line) => wrap(line, width, /^ */.exec(line)![0].length + 2)).join('\n');
}

export { OUTCOME_LABELS };

/** Reminders as a person reads them: one block per unit, overdue first. */
export function formatReminders(reminders: Reminders, columns?: number): string {
  if (!reminders.units.length) return `Tính đến ${formatViDate(reminders.asOf)}: không có nhiệm vụ quá hạn hay đến hạn trong ${reminders.days} ngày tới.`;
  const width = columns && columns > 40 ? columns : Infinity;
  const fit = (text: string) => (text.length > width ? cut(text, width) : text);
  const blocks = reminders.units.map((u) => {
    const lines = [`${u.unit}${u.email ? ` <${u.email}>` : ''}`];
    for (const o of u.overdue) lines.push(fit(`  Quá hạn ${o.daysOverdue} ngày — dòng ${o.row}: ${o.tt ? `${o.tt}. ` : ''}${o.content} (hạn ${formatViDate(o.due)})`));
    for (const d of u.dueSoon) lines.push(fit(`  ${d.daysLeft === 0 ? 'Đến hạn hôm nay' : `Còn ${d.daysLeft} ngày`} — dòng ${d.row}: ${d.tt ? `${d.tt}. ` : ''}${d.content} (hạn ${formatViDate(d.due)})`));
    return lines.join('\n');
  });
  return `Nhắc hạn tính đến ${formatViDate(reminders.asOf)} (đến hạn trong ${reminders.days} ngày tới và quá hạn):\n\n${blocks.join('\n\n')}`;
}

/** `cchc forms` as a person reads it: one line per form. */
export function formatForms(sheet: string, dir: string, forms: { unit: string; email: string | null; file: string; tasks: number }[], withoutUnit: number): string {
  const lines = [`Đã tạo ${forms.length} phiếu cập nhật từ trang "${sheet}" trong thư mục "${dir}":`];
  for (const f of forms) lines.push(`  ${f.unit}: ${f.tasks} nhiệm vụ — ${f.file}${f.email ? ` (gửi ${f.email})` : ''}`);
  if (withoutUnit) lines.push(`\n${withoutUnit} nhiệm vụ chưa có đơn vị chủ trì cụ thể nên không có trong phiếu nào: hãy ghi đơn vị chủ trì trong phụ lục.`);
  return lines.join('\n');
}

/** `cchc merge --json`: the contract other scripts read (applied, conflicts, missingUnits). Extend, never rename. */
export function mergeJson(result: MergeResult, skipped: { row: number; col: number }[]) {
  return {
    sheet: result.sheet,
    applied: result.applied
      .filter((a) => !skipped.some((s) => s.row === a.row && columnLetter(s.col) === a.column))
      .map((a) => ({ row: a.row, column: a.column, value: a.value, from: a.from, header: a.header, previous: a.previous })),
    conflicts: [
      ...result.conflicts.map((c) => ({ row: c.row, column: c.column, current: c.current, incoming: c.incoming, from: c.from, header: c.header, reason: c.reason, message: c.message })),
      ...skipped.flatMap((s) => {
        const a = result.applied.find((x) => x.row === s.row && x.column === columnLetter(s.col));
        return a ? [{ row: a.row, column: a.column, current: a.previous, incoming: a.value ?? '', from: a.from, header: a.header, reason: 'formula', message: FORMULA_MESSAGE }] : [];
      }),
    ],
    missingUnits: result.missingUnits,
    unmatched: result.unmatched,
    addedColumns: result.addedColumns,
    returns: result.returns,
  };
}

const FORMULA_MESSAGE = 'Ô này chứa công thức trong phụ lục: công cụ không ghi đè công thức.';

/** `cchc merge` as a person reads it: what was written, what needs a decision, who has not answered. */
export function formatMerge(result: MergeResult, skipped: { row: number; col: number }[], output: string): string {
  const json = mergeJson(result, skipped);
  const kinds = result.returns.map((r) => `  ${r.file}: ${r.unit} (${r.kind === 'form' ? 'phiếu cập nhật' : 'bản sao phụ lục'}, ${r.answers} dòng)`);
  const lines = [`Đã đọc ${result.returns.length} tệp gửi lại:`, ...kinds, ''];
  lines.push(`Đã ghi ${json.applied.length} ô vào trang "${result.sheet}" của "${output}" (tệp gốc không bị sửa).`);
  for (const c of result.addedColumns) lines.push(`  Thêm cột ${c.column} "${c.header}" (phụ lục chưa có cột này).`);
  for (const a of json.applied) lines.push(`  Dòng ${a.row}, cột ${a.column} (${a.header}): ${describeValue(a.previous)} → ${describeValue(a.value)} — ${a.from}`);
  if (json.conflicts.length) {
    lines.push('', `Chưa ghi, cần Văn phòng xem lại (${json.conflicts.length} ô):`);
    for (const c of json.conflicts) {
      lines.push(`  Dòng ${c.row}${c.column ? `, cột ${c.column}` : ''} (${c.header}): đang là ${describeValue(c.current)}, ${c.from} gửi ${describeValue(c.incoming)}. ${c.message}`);
    }
  }
  if (result.unmatched.length) {
    lines.push('', `Dòng không khớp nhiệm vụ nào của phụ lục (không ghi):`);
    for (const u of result.unmatched) lines.push(`  ${u.from}, dòng ${u.row}: ${cut(u.content, 80)}`);
  }
  lines.push('', result.missingUnits.length ? `Đơn vị chưa gửi lại: ${result.missingUnits.join(', ')}.` : 'Mọi đơn vị chủ trì đã gửi lại.');
  return lines.join('\n');
}
