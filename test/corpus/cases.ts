/**
 * The adversarial corpus: hostile or broken inputs, each with the exact outcome expected from `cchc check`,
 * `cchc report` and both hosts' entry points. `fileLevel` cases are broken files, which a spreadsheet host never
 * sees (it opens its own documents), so only the command line meets them.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { HEADER, utc } from '../fixtures/sheets';

export interface Expected {
  exit: 0 | 2;
  /** For exit 2: the message on stderr (hosts throw the same). */
  message?: RegExp;
  tasks?: number;
  sheet?: string;
  /** Codes that must appear among the findings, and codes that must not. */
  codes?: string[];
  absent?: string[];
}

export interface CorpusCase {
  name: string;
  what: string;
  build(path: string): Promise<void>;
  fileLevel?: boolean;
  check: Expected;
  /** `cchc report --period Q1/2024 --as-of 2024-04-10`. */
  report: Expected & { due?: number };
}

async function sheet(path: string, rows: unknown[][], setup?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, name = 'Phụ lục') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  rows.forEach((r) => ws.addRow(r));
  setup?.(ws, wb);
  await wb.xlsx.writeFile(path);
}

const lorem = (n: number) => 'Tăng cường công tác cải cách hành chính, '.repeat(Math.ceil(n / 41)).slice(0, n);

export const CORPUS: CorpusCase[] = [
  {
    name: 'empty-workbook',
    what: 'a workbook with one empty sheet',
    build: (p) => sheet(p, [], undefined, 'Trang tính1'),
    check: { exit: 2, message: /Không tìm thấy bảng phụ lục.*"Trang tính1"/s },
    report: { exit: 2, message: /Không tìm thấy bảng phụ lục/ },
  },
  {
    name: 'header-only',
    what: 'the header and nothing under it',
    build: (p) => sheet(p, [['KẾ HOẠCH CCHC NĂM 2024'], HEADER]),
    check: { exit: 0, tasks: 0, codes: ['NO_TASKS'] },
    report: { exit: 0, due: 0 },
  },
  {
    name: 'no-header',
    what: 'task-like rows without any header the tool knows',
    build: (p) => sheet(p, [['1', 'Rà soát văn bản', 'Văn phòng Sở', 'Quý I/2024'], ['2', 'Tập huấn', 'TCCB', 'Quý II/2024']]),
    check: { exit: 2, message: /Không tìm thấy bảng phụ lục.*Nội dung nhiệm vụ/s },
    report: { exit: 2, message: /Không tìm thấy bảng phụ lục/ },
  },
  {
    name: 'legacy-xls',
    what: 'an Excel 97-2003 .xls renamed .xlsx (a CFB container)',
    fileLevel: true,
    build: async (p) => writeFileSync(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])),
    check: { exit: 2, message: /tệp Excel cũ \(\.xls\) hoặc tệp có đặt mật khẩu/ },
    report: { exit: 2, message: /tệp Excel cũ \(\.xls\)/ },
  },
  {
    name: 'password-protected',
    what: 'an encrypted workbook (Excel wraps it in a CFB container with an EncryptedPackage stream)',
    fileLevel: true,
    build: async (p) =>
      writeFileSync(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le')])),
    check: { exit: 2, message: /có đặt mật khẩu.*bỏ mật khẩu/s },
    report: { exit: 2, message: /có đặt mật khẩu/ },
  },
  {
    name: 'text-renamed',
    what: 'a CSV text file renamed .xlsx',
    fileLevel: true,
    build: async (p) => writeFileSync(p, 'TT;Nội dung nhiệm vụ;Đơn vị chủ trì\n1;Rà soát;VP Sở\n'),
    check: { exit: 2, message: /không phải tệp \.xlsx/ },
    report: { exit: 2, message: /không phải tệp \.xlsx/ },
  },
  {
    name: 'corrupt-zip',
    what: 'a truncated .xlsx (zip header, then garbage)',
    fileLevel: true,
    build: async (p) => writeFileSync(p, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)])),
    check: { exit: 2, message: /bị hỏng hoặc không phải \.xlsx hợp lệ/ },
    report: { exit: 2, message: /bị hỏng/ },
  },
  {
    name: 'error-cells',
    what: '#REF! as a lead unit and #N/A as a time frame',
    build: (p) =>
      sheet(p, [HEADER, [1, 'Rà soát văn bản', { error: '#REF!' }, 'Quý I/2024', 'Đang thực hiện'], [2, 'Tập huấn', 'TCCB', { error: '#N/A' }, 'Đang thực hiện']]),
    check: { exit: 0, tasks: 2, codes: ['ERROR_CELL', 'MISSING_OWNER', 'MISSING_DEADLINE'], absent: ['UNKNOWN_UNIT', 'UNREADABLE_DEADLINE'] },
    report: { exit: 0, due: 1 },
  },
  {
    name: 'formulas-not-values',
    what: 'formula cells (with and without a cached result) instead of typed values',
    build: (p) =>
      sheet(p, [
        HEADER,
        [1, { formula: 'CONCATENATE("Rà soát"," văn bản")', result: 'Rà soát văn bản' }, 'Văn phòng Sở', { formula: '"Quý I/2024"', result: 'Quý I/2024' }, 'Hoàn thành', { formula: 'DATE(2024,3,20)', result: utc(20, 3, 2024) }],
        [2, 'Tập huấn', { formula: 'VLOOKUP(A3,DM!A:B,2,0)' }, 'Quý II/2024', 'Đang thực hiện'],
      ]),
    check: { exit: 0, tasks: 2, codes: ['MISSING_OWNER'], absent: ['UNREADABLE_DEADLINE', 'DONE_WITHOUT_DATE'] },
    report: { exit: 0, due: 1 },
  },
  {
    name: 'numbers-in-text-columns',
    what: 'numbers where text is expected (task 12345, unit 7, time frame 2024)',
    build: (p) => sheet(p, [['KẾ HOẠCH NĂM 2024'], HEADER, [1, 12345, 7, 2024, 1, null], [2, 'Tập huấn', 'TCCB', 45382, 0.5, null]]),
    check: { exit: 0, tasks: 2, codes: ['UNKNOWN_UNIT', 'DONE_WITHOUT_DATE'] },
    report: { exit: 0, due: 1 },
  },
  {
    name: 'huge-cells',
    what: '50,000-character cells in the task, lead unit and time frame columns',
    build: (p) =>
      sheet(p, [
        ['KẾ HOẠCH NĂM 2024'],
        HEADER,
        [1, lorem(50_000), lorem(50_000), lorem(50_000), 'Đang thực hiện'],
        [2, 'Báo cáo', 'VP Sở', 'Quý I/2024, '.repeat(4_200), 'Đang thực hiện'],
      ]),
    check: { exit: 0, tasks: 2, codes: ['UNREADABLE_DEADLINE', 'UNKNOWN_UNIT', 'OVERDUE'] },
    report: { exit: 0, due: 1 },
  },
  {
    name: 'merged-whole-table',
    what: 'every cell under the header merged into one block',
    build: (p) =>
      sheet(p, [HEADER, [1, 'Rà soát', 'VP Sở', 'Quý I/2024', 'HT', utc(1, 3, 2024)], [2, 'Tập huấn', 'TCCB', 'Quý II/2024', 'ĐTH'], [3, 'Báo cáo', 'VP Sở', 'Quý III/2024', '']], (ws) => ws.mergeCells('A2:F4')),
    check: { exit: 0, tasks: 0, codes: ['NO_TASKS'], absent: ['DUPLICATE_NUMBER', 'MISSING_OWNER'] },
    report: { exit: 0, due: 0 },
  },
  {
    name: 'hidden-rows-and-filter',
    what: 'an autofilter and two hidden task rows',
    build: (p) =>
      sheet(
        p,
        [HEADER, [1, 'Việc một', 'VP Sở', 'Quý I/2024', 'HT', utc(1, 3, 2024)], [2, 'Việc hai', 'TCCB', 'Quý I/2024', 'ĐTH'], [3, 'Việc ba', 'KHTC', 'Quý I/2024', 'ĐTH'], [4, 'Việc bốn', 'VP Sở', 'Quý II/2024', '']],
        (ws) => {
          ws.autoFilter = 'A1:F5';
          ws.getRow(3).hidden = true;
          ws.getRow(4).hidden = true;
        },
      ),
    check: { exit: 0, tasks: 4, codes: ['OVERDUE'] },
    report: { exit: 0, due: 3 },
  },
  {
    name: 'twenty-sheets',
    what: '20 sheets, two of them appendix-like; the fuller one is taken',
    build: async (p) => {
      const wb = new ExcelJS.Workbook();
      for (let i = 1; i <= 20; i++) {
        const ws = wb.addWorksheet(`KH ${i}`);
        if (i === 7) [HEADER.slice(0, 4), [1, 'Nháp', 'VP Sở', 'Quý I/2024']].forEach((r) => ws.addRow(r));
        else if (i === 15) [HEADER, [1, 'Việc một', 'VP Sở', 'Quý I/2024', 'HT', utc(2, 3, 2024)], [2, 'Việc hai', 'TCCB', 'Quý II/2024', ''], [3, 'Việc ba', 'KHTC', 'Năm 2024', '']].forEach((r) => ws.addRow(r));
        else ws.addRow([`Ghi chú ${i}`, i]);
      }
      await wb.xlsx.writeFile(p);
    },
    check: { exit: 0, tasks: 3, sheet: 'KH 15' },
    report: { exit: 0, due: 1 },
  },
  {
    name: 'unicode-mix',
    what: 'NFD accents, emoji, non-breaking and zero-width spaces',
    build: (p) =>
      sheet(p, [
        ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'.normalize('NFD')],
        HEADER.map((h) => h.normalize('NFD')),
        [1, '📌 Rà soát văn bản ✅'.normalize('NFD'), 'Văn\u00a0phòng\u00a0Sở'.normalize('NFD'), 'Quý\u00a0I/2024'.normalize('NFD'), 'Đã\u200bhoàn thành'.normalize('NFD'), utc(20, 3, 2024)],
        [2, 'Tập huấn 🎓', '\u00a0TCCB\u00a0', ' Tháng\u00a03 /2024 ', 'Đang thực hiện'.normalize('NFD')],
      ]),
    check: { exit: 0, tasks: 2, codes: ['OVERDUE'], absent: ['UNKNOWN_UNIT', 'UNREADABLE_DEADLINE', 'UNKNOWN_STATUS'] },
    report: { exit: 0, due: 2 },
  },
  {
    name: 'text-dates',
    what: 'every time-frame form of the domain as text, and impossible dates',
    build: (p) =>
      sheet(p, [
        ['KẾ HOẠCH NĂM 2024'],
        HEADER,
        ...[
          '20/1/2024',
          'Trước ngày 15/10/2024',
          'trước 30/6',
          'Tháng 3/2024',
          'Tháng 11, 12/2024',
          'Quý I/2024',
          'Quí IV-2024',
          'Quý I và Quý III/2024',
          '6 tháng đầu năm',
          'Năm 2024',
          'Cả năm',
          'Hằng quý',
          'trước ngày 05/11 hàng năm',
          'Thường xuyên',
          'Khi có yêu cầu',
          '31/02/2024',
          '29/02/2023',
        ].map((tf, i) => [i + 1, `Việc ${i + 1}`, 'VP Sở', tf, 'Đang thực hiện']),
      ]),
    check: { exit: 0, tasks: 17, codes: ['UNREADABLE_DEADLINE', 'VAGUE_DEADLINE', 'OVERDUE'] },
    report: { exit: 0, due: 4 },
  },
  {
    name: 'formula-and-html-text',
    what: 'task text that is a formula or HTML',
    build: (p) =>
      sheet(p, [
        ['KẾ HOẠCH NĂM 2024'],
        HEADER,
        ...['=1+1', '+84 912 345 678', '@SUM(A1:A9)', '-5', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>'].map((text, i) => [i + 1, text, 'VP Sở', 'Tháng 1/2024', 'Đang thực hiện']),
      ]),
    check: { exit: 0, tasks: 6, codes: ['OVERDUE'] },
    report: { exit: 0, due: 6 },
  },
];
