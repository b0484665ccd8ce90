import { basename, dirname, extname, join, resolve } from 'node:path';
import { isValidDate, todayIso } from '../core/dates';
import { parsePeriod, type Cutoff } from '../core/measuring/periods';
import { fileSlug } from '../core/consolidating/forms';
import { checkFor, formsFor, mergeFor, officialDocumentFor, remindersForWorkbook, reportFor, ReturnedFileError } from '../core/service';
import { CliError } from './errors';
import { EXAMPLE_AS_OF, EXAMPLE_PERIOD } from './example-dates';
import { ensureFolder, readWorkbookFile, saveCopy, saveFile } from './files';
import type { Io } from './main';
import { checkJson, formatCheck, formatForms, formatMerge, formatReminders, formatReport, mergeJson, reportJson } from './output';
import { writeReportCopy } from '../xlsx/write';

type Values = Record<string, string | boolean | undefined>;

/** The --as-of date; undefined when not given (then the settings sheet's date, else today). */
function asOfOption(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  // Day first, as Vietnamese dates are written: 10/07/2024, 10-07-2024 or 10.07.2024.
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [+iso[1], +iso[2], +iso[3]] : dmy ? [+dmy[4], +dmy[3], +dmy[1]] : [0, 0, 0];
  if (!iso && !dmy) throw new CliError(`--as-of "${text}" không phải ngày hợp lệ: ghi dạng YYYY-MM-DD hoặc ngày/tháng/năm, ví dụ 2024-04-10 hoặc 10/04/2024.`);
  if (!isValidDate(y, m, d)) throw new CliError(`--as-of "${text}" không phải ngày hợp lệ: ngày ${d}/${m}/${y} không tồn tại.`);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function yearOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new CliError(`--year "${String(value)}" không phải năm hợp lệ (ví dụ 2024).`);
  return year;
}

/** The --cutoff; undefined when not given (then the settings sheet's, else the calendar year). */
function cutoffOption(value: string | boolean | undefined): Cutoff | undefined {
  if (value === undefined) return undefined;
  const cutoff = String(value).trim().toLowerCase();
  if (cutoff === 'calendar' || cutoff === 'nd09') return cutoff;
  throw new CliError(`--cutoff "${String(value)}" không hợp lệ: dùng "calendar" (năm dương lịch) hoặc "nd09" (từ ngày 15 đến ngày 14 theo NĐ 09/2019).`);
}

function fileArgument(positionals: string[], command: string): string {
  if (positionals.length !== 1) {
    throw new CliError(`Lệnh "${command}" cần đúng một tệp .xlsx, ví dụ: cchc ${command} ke-hoach-cchc.xlsx`);
  }
  return positionals[0];
}

export async function runCheck(positionals: string[], values: Values, io: Io): Promise<void> {
  const file = fileArgument(positionals, 'check');
  const asOf = asOfOption(values['as-of']);
  const planYear = yearOption(values.year);
  io.progress(`Đang đọc "${file}"…`);
  const { data: workbook } = await readWorkbookFile(file);
  io.progress('Đang kiểm tra phụ lục…');
  const { appendix, findings, asOf: at } = checkFor(workbook, todayIso(), { sheet: values.sheet as string | undefined, planYear, asOf });
  io.stdout(values.json ? JSON.stringify(checkJson(appendix, findings, at), null, 2) : formatCheck(appendix, findings, at, io.columns));
}

/**
 * Beside the input, named after it and the period; a macro-enabled workbook stays .xlsm. A report made from an earlier
 * report copy does not stack names ("x.bao-cao-Q1-2024.bao-cao-Q2-2024.xlsx" is "x.bao-cao-Q2-2024.xlsx").
 */
function defaultOutput(file: string, periodCode: string, macros: boolean): string {
  const base = basename(file, extname(file)).replace(/(\.bao-cao-[A-Z0-9]+-\d{4})+$/i, '');
  return join(dirname(file), `${base}.bao-cao-${periodCode.replace('/', '-')}${macros ? '.xlsm' : '.xlsx'}`);
}

export async function runReport(positionals: string[], values: Values, io: Io): Promise<{ output: string; tab: string }> {
  const file = fileArgument(positionals, 'report');
  const cutoff = cutoffOption(values.cutoff);
  if (values.period === undefined) throw new CliError('Lệnh "report" cần --period, ví dụ --period Q1/2024 (hoặc H1/2024, 9M/2024, Y/2024).');
  const period = parsePeriod(String(values.period), cutoff);
  if (!period) {
    throw new CliError(`--period "${String(values.period)}" không hợp lệ: dùng Q1/2024, Q2/2024, Q3/2024, Q4/2024, H1/2024 (6 tháng), 9M/2024 (9 tháng) hoặc Y/2024 (năm).`);
  }
  const asOf = asOfOption(values['as-of']);
  io.progress(`Đang đọc "${file}"…`);
  const { pkg, data: workbook } = await readWorkbookFile(file);
  const output = (values.out as string | undefined) ?? defaultOutput(file, period.code, pkg.macroEnabled);
  if (resolve(output) === resolve(file)) {
    throw new CliError(`--out trùng với tệp đầu vào "${file}": công cụ không ghi đè phụ lục gốc. Hãy chọn tên tệp khác.`);
  }
  if (!pkg.macroEnabled && /\.xlsm$/i.test(output)) {
    throw new CliError(`Tệp "${file}" không có macro: tệp kết quả phải có đuôi .xlsx (Excel không mở tệp .xlsm không có macro), ví dụ --out ${basename(output, extname(output))}.xlsx`);
  }
  if (pkg.macroEnabled && !/\.xlsm$/i.test(output)) {
    throw new CliError(`Tệp "${file}" có macro (VBA): tệp kết quả phải có đuôi .xlsm để giữ macro, ví dụ --out ${basename(output, extname(output))}.xlsm`);
  }
  const docx = values.docx as string | undefined;
  if (docx !== undefined && !/\.docx$/i.test(docx)) throw new CliError(`--docx "${docx}" phải là tệp .docx, ví dụ --docx bao-cao-${period.code.replace('/', '-')}.docx`);
  if (docx !== undefined && resolve(docx) === resolve(file)) throw new CliError(`--docx trùng với tệp đầu vào "${file}".`);
  io.progress('Đang lập báo cáo…');
  const result = reportFor(workbook, todayIso(), period.code, cutoff, {
    sheet: values.sheet as string | undefined,
    planYear: yearOption(values.year),
    asOf,
    unitName: values['unit-name'] as string | undefined,
  });
  const { report, sheet } = result;
  io.progress(`Đang ghi "${output}"…`);
  const { buffer, tab } = writeReportCopy(pkg, workbook, sheet);
  await saveCopy(output, buffer, { overwrite: Boolean(values.overwrite) });
  if (docx !== undefined) {
    io.progress(`Đang ghi văn bản báo cáo "${docx}"…`);
    // The docx library loads only when a document is asked for.
    const { writeOfficialDocx } = await import('../docx/write');
    await saveFile(docx, await writeOfficialDocx(officialDocumentFor(result)), { overwrite: Boolean(values.overwrite), option: '--docx' });
  }
  if (report.period.year !== report.planYear) {
    // Not an error (a plan can run late into the next year), but most often a mistyped year.
    io.stderr(
      `Lưu ý: kỳ báo cáo ${report.period.label} nằm ngoài năm kế hoạch ${report.planYear} của phụ lục: ` +
        `kiểm tra --period (hoặc --year nếu phụ lục ghi sai năm).`,
    );
  }
  if (values.json) io.stdout(JSON.stringify({ ...reportJson(report, { output, tab }), ...(docx !== undefined ? { docx } : {}) }, null, 2));
  else io.stdout(`${formatReport(report, io.columns)}\n\nĐã ghi trang "${tab}" vào "${output}".${docx !== undefined ? `\nĐã ghi văn bản báo cáo "${docx}".` : ''}`);
  return { output, tab };
}

/** --days: whole days ahead to remind of (default 7). */
function daysOption(value: string | boolean | undefined): number {
  if (value === undefined) return 7;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0 || days > 366) throw new CliError(`--days "${String(value)}" không hợp lệ: ghi số ngày từ 0 đến 366, ví dụ --days 7.`);
  return days;
}


export async function runRemind(positionals: string[], values: Values, io: Io): Promise<void> {
  const file = fileArgument(positionals, 'remind');
  const days = daysOption(values.days);
  const asOf = asOfOption(values['as-of']);
  io.progress(`Đang đọc "${file}"…`);
  const { data: workbook } = await readWorkbookFile(file);
  const reminders = remindersForWorkbook(workbook, todayIso(), days, { sheet: values.sheet as string | undefined, planYear: yearOption(values.year), asOf });
  const written: string[] = [];
  const overwrite = Boolean(values.overwrite);
  if (values['eml-dir'] !== undefined) {
    const dir = String(values['eml-dir']);
    await ensureFolder(dir, '--eml-dir');
    const { reminderEml } = await import('./remind');
    for (const unit of reminders.units) {
      const path = join(dir, `nhac-han-${fileSlug(unit.unit)}.eml`);
      await saveFile(path, Buffer.from(reminderEml(unit, reminders, reminders.unitName)), { overwrite, option: '--eml-dir' });
      written.push(path);
    }
  }
  if (values.ics !== undefined) {
    const path = String(values.ics);
    if (!/\.ics$/i.test(path)) throw new CliError(`--ics "${path}" phải là tệp .ics, ví dụ --ics han-cchc.ics`);
    const { deadlinesIcs } = await import('./remind');
    await saveFile(path, Buffer.from(deadlinesIcs(reminders, new Date())), { overwrite, option: '--ics' });
    written.push(path);
  }
  if (values.json) {
    const { unitName: _unitName, ...contract } = reminders;
    io.stdout(JSON.stringify({ ...contract, ...(written.length ? { files: written } : {}) }, null, 2));
    return;
  }
  io.stdout(formatReminders(reminders, io.columns) + (written.length ? `\n\nĐã ghi: ${written.join(', ')}` : ''));
}

export async function runForms(positionals: string[], values: Values, io: Io): Promise<void> {
  const file = fileArgument(positionals, 'forms');
  const dir = (values['out-dir'] as string | undefined) ?? join(dirname(file), `${basename(file, extname(file))}.phieu-cap-nhat`);
  io.progress(`Đang đọc "${file}"…`);
  const { data: workbook } = await readWorkbookFile(file);
  const { sheet, forms, withoutUnit } = formsFor(workbook, todayIso(), basename(file), {
    sheet: values.sheet as string | undefined,
    planYear: yearOption(values.year),
    asOf: asOfOption(values['as-of']),
  });
  await ensureFolder(dir, '--out-dir');
  // ExcelJS writes the forms: loaded only when forms are asked for.
  const { writeUpdateForm } = await import('../forms/node');
  const written: { unit: string; email: string | null; file: string; tasks: number }[] = [];
  for (const form of forms) {
    const path = join(dir, form.fileName);
    io.progress(`Đang ghi "${path}"…`);
    await saveFile(path, await writeUpdateForm(form), { overwrite: Boolean(values.overwrite), option: '--out-dir' });
    written.push({ unit: form.unit, email: form.email, file: path, tasks: form.tasks.length });
  }
  if (values.json) io.stdout(JSON.stringify({ sheet, outDir: dir, forms: written, withoutUnit }, null, 2));
  else io.stdout(formatForms(sheet, dir, written, withoutUnit));
}

/** Beside the Office's file: "x.xlsx" → "x.tong-hop.xlsx" (a macro-enabled workbook stays .xlsm). */
function mergedOutput(file: string, macros: boolean): string {
  return join(dirname(file), `${basename(file, extname(file)).replace(/\.tong-hop$/i, '')}.tong-hop${macros ? '.xlsm' : '.xlsx'}`);
}

export async function runMerge(positionals: string[], values: Values, io: Io): Promise<void> {
  if (positionals.length < 2) {
    throw new CliError('Lệnh "merge" cần tệp phụ lục của Văn phòng rồi các tệp đơn vị gửi lại, ví dụ: cchc merge ke-hoach.xlsx phieu-cap-nhat-*.xlsx --out ke-hoach.tong-hop.xlsx');
  }
  const [file, ...returnedFiles] = positionals;
  io.progress(`Đang đọc "${file}"…`);
  const { pkg, data: workbook } = await readWorkbookFile(file);
  const output = (values.out as string | undefined) ?? mergedOutput(file, pkg.macroEnabled);
  for (const path of [file, ...returnedFiles]) {
    if (resolve(output) === resolve(path)) throw new CliError(`--out trùng với tệp đầu vào "${path}": công cụ không ghi đè tệp gốc. Hãy chọn tên tệp khác.`);
  }
  if (pkg.macroEnabled !== /\.xlsm$/i.test(output)) {
    throw new CliError(`Tệp kết quả phải có đuôi ${pkg.macroEnabled ? '.xlsm (tệp gốc có macro)' : '.xlsx'}, ví dụ --out ${basename(output, extname(output))}${pkg.macroEnabled ? '.xlsm' : '.xlsx'}`);
  }
  const returned = [];
  for (const path of returnedFiles) {
    io.progress(`Đang đọc "${path}"…`);
    returned.push({ file: basename(path), workbook: (await readWorkbookFile(path)).data });
  }
  let result;
  try {
    result = mergeFor(workbook, todayIso(), returned, {
      sheet: values.sheet as string | undefined,
      planYear: yearOption(values.year),
      unit: values.unit as string | undefined,
    });
  } catch (err) {
    if (err instanceof ReturnedFileError) throw new CliError(err.message);
    throw err;
  }
  io.progress(`Đang ghi "${output}"…`);
  const { writeEditsCopy } = await import('../xlsx/edit');
  const { buffer, skipped } = writeEditsCopy(pkg, result.sheet, result.edits);
  await saveCopy(output, buffer, { overwrite: Boolean(values.overwrite) });
  if (values.json) io.stdout(JSON.stringify({ ...mergeJson(result, skipped), output }, null, 2));
  else io.stdout(formatMerge(result, skipped, output));
}

export async function runDemo(positionals: string[], values: Values, io: Io): Promise<void> {
  if (positionals.length) throw new CliError('Lệnh "demo" không nhận tệp; dùng --out-dir để chọn thư mục kết quả.');
  const dir = (values['out-dir'] as string | undefined) ?? 'demo-output';
  await ensureFolder(dir, '--out-dir');
  const example = join(dir, 'ke-hoach-cchc-2024.xlsx');
  io.progress(`Đang tạo sổ làm việc mẫu "${example}"…`);
  // ExcelJS builds the example only: loaded here, so no other command pays for it.
  const { buildExampleWorkbook } = await import('./example');
  await buildExampleWorkbook(example);
  const asOf = (values['as-of'] as string | undefined) ?? EXAMPLE_AS_OF;
  io.stdout(`Sổ làm việc mẫu: ${example}\n`);
  await runCheck([example], { 'as-of': asOf }, io);
  io.stdout('');
  await runReport([example], { period: EXAMPLE_PERIOD, 'as-of': asOf, json: values.json, overwrite: true }, io);
}
