import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors';

export const USAGE = `Cách dùng:
  cchc check <tệp.xlsx> [--sheet TÊN] [--year NĂM] [--as-of YYYY-MM-DD] [--json]
      Kiểm tra phụ lục: nhiệm vụ thiếu đơn vị chủ trì, thiếu/không đọc được thời hạn, quá hạn…
  cchc report <tệp.xlsx> --period Q1/2024|H1/2024|9M/2024|Y/2024 [--cutoff calendar|nd09]
              [--as-of YYYY-MM-DD] [--out tệp-kết-quả.xlsx] [--overwrite] [--sheet TÊN] [--year NĂM] [--unit-name TÊN] [--json]
      Lập trang báo cáo quý trong một bản sao của sổ làm việc (tệp gốc không bị sửa; mọi phần khác của tệp được
      chép nguyên vẹn). Không ghi đè một tệp kết quả đã bị sửa sau lần ghi trước, trừ khi có --overwrite.
  cchc demo [--out-dir THƯ-MỤC]
      Tạo sổ làm việc mẫu của một Sở Y tế và lập báo cáo 6 tháng của nó.

Mã thoát: 0 khi chạy xong (kể cả khi có phát hiện), 2 khi dùng sai lệnh hoặc không đọc được tệp.`;

const COMMON = {
  sheet: { type: 'string' },
  year: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const OPTIONS = {
  check: COMMON,
  report: { ...COMMON, period: { type: 'string' }, cutoff: { type: 'string' }, out: { type: 'string' }, overwrite: { type: 'boolean' }, 'unit-name': { type: 'string' } },
  demo: { 'out-dir': { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
} as const;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines go to stderr only when a person is watching. */
  progress: (text: string) => void;
}

function parse(command: keyof typeof OPTIONS, args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (err) {
    // Node's own English ("Option '--period <value>' argument missing", "Unknown option '--x'") is never shown.
    const raw = (err as Error).message;
    const option = /'(--?[\w-]+)[^']*'/.exec(raw)?.[1];
    const message = !option
      ? 'lệnh không hợp lệ'
      : /argument missing/i.test(raw)
        ? `tùy chọn ${option} cần một giá trị`
        : /unknown option/i.test(raw)
          ? `không có tùy chọn ${option}`
          : `tùy chọn ${option} không hợp lệ`;
    throw new CliError(`Lệnh "${command}": ${message}.\n\n${USAGE}`);
  }
}

/** Run the command line; returns the exit code. One catch turns every user-fixable failure into a message. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return command ? 0 : 2;
    }
    if (!(command in OPTIONS)) throw new CliError(`Không có lệnh "${command}".\n\n${USAGE}`);
    const { values, positionals } = parse(command as keyof typeof OPTIONS, rest);
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const options = values as Record<string, string | boolean | undefined>;
    // The commands (the core, the package reader) load only when one runs: `cchc --help` does not pay for them.
    const { runCheck, runDemo, runReport } = await import('./commands');
    if (command === 'check') await runCheck(positionals, options, io);
    else if (command === 'report') await runReport(positionals, options, io);
    else await runDemo(positionals, options, io);
    return 0;
  } catch (err) {
    // The core's "no appendix" error is known by name, so that this module does not load the core.
    if (err instanceof CliError || (err instanceof Error && err.name === 'AppendixNotFoundError')) {
      io.stderr(`Lỗi: ${err.message}`);
      return 2;
    }
    io.stderr(`Lỗi không mong đợi: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}
