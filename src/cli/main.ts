import { distance } from 'fastest-levenshtein';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors';

/** Each command's help, shown by `cchc <command> --help`; all of them make the general usage. */
export const COMMAND_HELP = {
  check: `  cchc check <tệp.xlsx> [--sheet TÊN] [--year NĂM] [--as-of NGÀY] [--json]
      Kiểm tra phụ lục: nhiệm vụ thiếu đơn vị chủ trì, thiếu/không đọc được thời hạn, quá hạn…
      --sheet TÊN     trang tính chứa phụ lục (mặc định: trang có bảng phụ lục đầy đủ nhất)
      --year NĂM      năm kế hoạch (mặc định: "năm …" trong tiêu đề, hoặc năm của các thời hạn)
      --as-of NGÀY    ngày tính quá hạn: 2024-04-10 hoặc 10/04/2024 (mặc định: hôm nay)
      --json          in kết quả dạng JSON`,
  report: `  cchc report <tệp.xlsx> --period Q1/2024|H1/2024|9M/2024|Y/2024 [--cutoff calendar|nd09]
              [--as-of NGÀY] [--out tệp-kết-quả.xlsx] [--docx báo-cáo.docx] [--overwrite] [--sheet TÊN] [--year NĂM]
              [--unit-name TÊN] [--json]
      Lập trang báo cáo quý trong một bản sao của sổ làm việc (tệp gốc không bị sửa; mọi phần khác của tệp được
      chép nguyên vẹn). Không ghi đè một tệp kết quả đã bị sửa sau lần ghi trước, trừ khi có --overwrite.
      --period KỲ     Q1/2024…Q4/2024, H1/2024 (6 tháng), 9M/2024 (9 tháng), Y/2024 (năm), hoặc "Quý I/2024"
      --cutoff        calendar (năm dương lịch, mặc định) hoặc nd09 (từ ngày 15 đến ngày 14 theo NĐ 09/2019)
      --out TỆP       tệp kết quả (mặc định: <tệp>.bao-cao-Q1-2024.xlsx bên cạnh tệp gốc)
      --docx TỆP      ghi thêm văn bản báo cáo (.docx, thể thức NĐ 30/2020) để gửi đi
      --unit-name TÊN tên cơ quan ở đầu báo cáo (mặc định: đọc từ tiêu đề phụ lục)`,
  remind: `  cchc remind <tệp.xlsx> [--days 7] [--as-of NGÀY] [--json] [--eml-dir THƯ-MỤC] [--ics TỆP] [--sheet TÊN] [--year NĂM]
      Liệt kê theo từng đơn vị chủ trì các nhiệm vụ sắp đến hạn (trong --days ngày, mặc định 7) và đã quá hạn.
      --eml-dir DIR   ghi mỗi đơn vị một thư nhắc soạn sẵn (.eml, mở bằng Outlook/Thunderbird để gửi)
      --ics TỆP       ghi lịch các thời hạn (.ics) để nhập vào lịch của ứng dụng thư`,
  forms: `  cchc forms <tệp.xlsx> [--out-dir THƯ-MỤC] [--overwrite] [--sheet TÊN] [--year NĂM] [--as-of NGÀY] [--json]
      Tạo cho mỗi đơn vị chủ trì một phiếu cập nhật (.xlsx): các nhiệm vụ của đơn vị, cột tiến độ, ngày hoàn thành,
      kết quả, khó khăn, đề xuất để điền; các cột khác khóa. Tên tệp theo tên đơn vị.
      --out-dir DIR   thư mục ghi phiếu (mặc định: <tệp>.phieu-cap-nhat bên cạnh tệp gốc)`,
  merge: `  cchc merge <tệp.xlsx> <tệp-gửi-lại.xlsx>… [--out tệp-tổng-hợp.xlsx] [--unit "Tên đơn vị"] [--overwrite] [--json]
      Ghi các phiếu (hoặc bản sao phụ lục) đơn vị gửi lại vào một bản sao của phụ lục: chỉ các ô theo dõi của nhiệm
      vụ đơn vị chủ trì. Ô có mâu thuẫn được liệt kê, không ghi. Liệt kê đơn vị chưa gửi.
      --out TỆP       tệp kết quả (mặc định: <tệp>.tong-hop.xlsx bên cạnh tệp gốc)
      --unit TÊN      đơn vị của bản sao phụ lục gửi lại (khi tên tệp không có tên đơn vị)`,
  demo: `  cchc demo [--out-dir THƯ-MỤC]
      Tạo sổ làm việc mẫu của một Sở Y tế và lập báo cáo 6 tháng của nó.`,
} as const;

export const USAGE = `Cách dùng:
${Object.values(COMMAND_HELP).join('\n')}
  cchc --version
      In phiên bản của công cụ.

Mã thoát: 0 khi chạy xong (kể cả khi có phát hiện), 2 khi dùng sai lệnh hoặc không đọc được tệp.`;

/** The version from package.json, put in the bundle when it is built. */
declare const CCHC_VERSION: string | undefined;

const COMMON = {
  sheet: { type: 'string' },
  year: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const OPTIONS = {
  check: COMMON,
  report: { ...COMMON, period: { type: 'string' }, cutoff: { type: 'string' }, out: { type: 'string' }, docx: { type: 'string' }, overwrite: { type: 'boolean' }, 'unit-name': { type: 'string' } },
  remind: { ...COMMON, days: { type: 'string' }, 'eml-dir': { type: 'string' }, ics: { type: 'string' }, overwrite: { type: 'boolean' } },
  forms: { ...COMMON, 'out-dir': { type: 'string' }, overwrite: { type: 'boolean' } },
  merge: { sheet: COMMON.sheet, year: COMMON.year, json: COMMON.json, help: COMMON.help, out: { type: 'string' }, unit: { type: 'string' }, overwrite: { type: 'boolean' } },
  demo: { 'out-dir': { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
} as const;

export interface Io {
  stdout: (text: string) => void;
  /** The terminal's width, to fit tables to; none when output goes to a file or another program. */
  columns?: number;
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
    if (command === '--version' || command === '-v') {
      io.stdout(`cchc ${typeof CCHC_VERSION === 'string' ? CCHC_VERSION : 'dev'}`);
      return 0;
    }
    if (!(command in OPTIONS)) {
      const near = Object.keys(OPTIONS).find((known) => distance(known, command.toLowerCase()) <= 2);
      throw new CliError(`Không có lệnh "${command}".${near ? ` Có phải ý bạn là "cchc ${near}"?` : ''}\n\n${USAGE}`);
    }
    const { values, positionals } = parse(command as keyof typeof OPTIONS, rest);
    if (values.help) {
      io.stdout(`Cách dùng:\n${COMMAND_HELP[command as keyof typeof COMMAND_HELP]}`);
      return 0;
    }
    const options = values as Record<string, string | boolean | undefined>;
    // The commands (the core, the package reader) load only when one runs: `cchc --help` does not pay for them.
    const { runCheck, runDemo, runForms, runMerge, runRemind, runReport } = await import('./commands');
    if (command === 'check') await runCheck(positionals, options, io);
    else if (command === 'report') await runReport(positionals, options, io);
    else if (command === 'remind') await runRemind(positionals, options, io);
    else if (command === 'forms') await runForms(positionals, options, io);
    else if (command === 'merge') await runMerge(positionals, options, io);
    else await runDemo(positionals, options, io);
    return 0;
  } catch (err) {
    // The core's "no appendix" error is known by name, so that this module does not load the core.
    if (err instanceof CliError || (err instanceof Error && err.name === 'AppendixNotFoundError')) {
      // Only here can the user name the sheet: the core's message says nothing of a command-line option.
      const hint = (err as { sheetsSearched?: boolean }).sheetsSearched ? ' Có thể chỉ định trang tính bằng --sheet.' : '';
      io.stderr(`Lỗi: ${err.message}${hint}`);
      return 2;
    }
    io.stderr(`Lỗi không mong đợi: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}
