/**
 * Synthetic but realistic inputs for the benchmark: appendices with the time-frame, unit and status variety of the
 * fixtures (sections, aliases and misspellings, date cells, split rows), and one-stop-shop dossier exports.
 * Deterministic: the same size gives the same workbook.
 */
import ExcelJS from 'exceljs';

const TIME_FRAMES: (string | ((i: number) => string | Date))[] = [
  'Quý I/2024',
  'Quý II/2024',
  'Quý III/2024',
  'Quý IV/2024',
  'Quý I và Quý III/2024',
  'Tháng 3/2024',
  'Tháng 11, 12/2024',
  '6 tháng đầu năm',
  '6 tháng cuối năm',
  'Năm 2024',
  'Cả năm',
  'Thường xuyên',
  'Hằng quý',
  'Hằng tháng',
  'trước ngày 05/11 hàng năm',
  'Khi có yêu cầu',
  'Theo lộ trình của Chính phủ',
  'Trước ngày 15/10/2024',
  (i) => new Date(Date.UTC(2024, i % 12, 1 + (i % 27))),
  (i) => `${1 + (i % 28)}/${1 + (i % 12)}/2024`,
  'Sớm nhất có thể',
  '',
];
const UNITS = ['Văn phòng Sở', 'VP Sở', 'KHTC', 'Phòng Kế hoạch Tài chính', 'TCCB', 'Phòng Nghiệp vụ Y được', 'NVD', 'CDC', 'Thanh tra Sở', 'Các phòng chức năng', 'Tổ Công nghệ thông tin', 'Văn phòng Sở; Thanh tra Sở', ''];
const STATUSES = ['Đã hoàn thành', 'Hoàn thành', 'HT', 'Đang thực hiện', 'Chưa thực hiện', 'Không thực hiện', '', '50%', 'tốt'];

export async function writeAppendix(path: string, tasks: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.addRow(['Sổ theo dõi kế hoạch CCHC năm 2024']);
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['PHỤ LỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA SỞ Y TẾ']);
  ws.addRow([]);
  ws.addRow(['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành', 'Ghi chú']);
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
  let n = 0;
  for (let section = 0; n < tasks; section++) {
    ws.addRow([roman[section % 10] + (section >= 10 ? String(Math.floor(section / 10)) : ''), `Lĩnh vực cải cách số ${section + 1}`]);
    for (let k = 1; k <= 40 && n < tasks; k++, n++) {
      const tf = TIME_FRAMES[n % TIME_FRAMES.length];
      const status = STATUSES[n % STATUSES.length];
      const done = status.startsWith('Đã') || status === 'HT' || status === 'Hoàn thành' ? new Date(Date.UTC(2024, n % 9, 1 + (n % 28))) : null;
      ws.addRow([
        k,
        `Nhiệm vụ số ${n + 1}: rà soát, cập nhật và công khai thủ tục hành chính thuộc lĩnh vực ${section + 1}`,
        UNITS[n % UNITS.length],
        'Các đơn vị trực thuộc',
        typeof tf === 'function' ? tf(n) : tf,
        status,
        done,
        n % 50 === 0 ? 'Ghi chú' : null,
      ]);
      // Now and then a task split over two rows, as after a PDF conversion.
      if (n % 97 === 0) ws.addRow([null, 'phần tiếp theo của nội dung', null, null, null, null, null, null]);
    }
  }
  ws.getColumn(7).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(path);
}

export interface DossierLog {
  received: (Date | string | null)[];
  due: (Date | null)[];
  returned: (Date | null)[];
  online: string[];
  digitised: string[];
}

/** A dossier export in memory: dates as the core reads them (UTC calendar dates); a few blank and error cells. */
export function makeDossiers(rows: number): DossierLog {
  const log: DossierLog = { received: [], due: [], returned: [], online: [], digitised: [] };
  for (let i = 0; i < rows; i++) {
    const day = i % 360;
    const received = new Date(Date.UTC(2024, 0, 1 + day));
    const due = new Date(Date.UTC(2024, 0, 1 + day + 10));
    const late = i % 23 === 0;
    const open = i % 31 === 0;
    log.received.push(i % 997 === 0 ? '#N/A' : i % 991 === 0 ? null : received);
    log.due.push(due);
    log.returned.push(open ? null : new Date(Date.UTC(2024, 0, 1 + day + (late ? 14 : 7))));
    log.online.push(i % 3 === 0 ? 'Không' : 'Có');
    log.digitised.push(i % 4 === 0 ? 'Không' : 'Có');
  }
  return log;
}
