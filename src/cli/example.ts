import ExcelJS from 'exceljs';
import { wrappedLines } from '../core/presenting/report';
import { STATUS_CHOICES } from '../core/reading/status';

/**
 * The bundled example: the 2024 CCHC plan appendix of a provincial Department of Health, its tasks taken from
 * the Bà Rịa - Vũng Tàu plan (seed 000), with progress filled in as staff would have it in early July 2024.
 * Some rows carry the problems real sheets have (vague owner, no owner, unreadable deadline, no done date).
 */

export { EXAMPLE_AS_OF, EXAMPLE_PERIOD } from './example-dates';

type Cell = string | Date | null;
const d = (day: number, month: number, year = 2024) => new Date(Date.UTC(year, month - 1, day));

/** TT, content, product, lead, coordinators, time frame, status, done date, note. */
type Row = [string, string, string, string, string, Cell, string, Cell, string];

const ROWS: Row[] = [
  ['I', 'CẢI CÁCH THỂ CHẾ', '', '', '', null, '', null, ''],
  ['1', 'Rà soát, hệ thống hóa các văn bản quy phạm pháp luật thuộc lĩnh vực y tế để kịp thời bãi bỏ, sửa đổi, bổ sung', 'Báo cáo kết quả rà soát', 'Thanh tra Sở', 'Các phòng chức năng', 'Quý II/2024', 'Đã hoàn thành', d(25, 6), ''],
  ['2', 'Theo dõi thi hành pháp luật về xử lý vi phạm hành chính, báo cáo đúng biểu mẫu và thời gian quy định', 'Báo cáo', 'Thanh tra Sở', 'Văn phòng Sở', 'trước ngày 15/11 hàng năm', 'Đang thực hiện', null, ''],
  ['3', 'Kiểm tra việc thực hiện các văn bản của Trung ương và của tỉnh về công tác CCHC tại các đơn vị trực thuộc', 'Kế hoạch và biên bản kiểm tra', 'VP Sở', 'TCCB; Thanh tra', 'Tháng 5/2024', 'Hoàn thành', d(10, 6), 'Kiểm tra 6 đơn vị'],
  ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH, THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG', '', '', '', null, '', null, ''],
  ['1', 'Xây dựng và triển khai Kế hoạch kiểm soát TTHC năm 2024', 'Kế hoạch', 'Văn phòng Sở', 'Các phòng chức năng', d(31, 1), 'Đã hoàn thành', d(26, 1), ''],
  ['2', 'Xây dựng Kế hoạch truyền thông hỗ trợ công tác kiểm soát TTHC năm 2024', 'Kế hoạch', 'Văn phòng Sở', 'Trung tâm Kiểm soát bệnh tật', 'Quý I/2024', 'Hoàn thành', '20/3/2024', ''],
  ['3', 'Tích hợp dịch vụ công trực tuyến lên Cổng Dịch vụ công Quốc gia theo lộ trình của Chính phủ', 'TTHC được tích hợp', 'Phòng KH-TC', 'Văn phòng Sở', 'Theo lộ trình của Chính phủ', 'Đang thực hiện', null, ''],
  ['4', 'Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính', 'Phản ánh được xử lý', 'Văn phòng Sở', 'Thanh tra Sở', 'Thường xuyên', 'Đang thực hiện', null, ''],
  ['5', 'Rà soát, đánh giá TTHC, đề xuất phương án đơn giản hóa, rút ngắn thời gian giải quyết', 'Báo cáo rà soát', 'Các phòng chuyên môn', 'Văn phòng Sở', '6 tháng đầu năm', 'Đang thực hiện', null, ''],
  ['6', 'Tham mưu công bố danh mục TTHC sửa đổi, bổ sung lĩnh vực dược', 'Quyết định công bố', 'NVD', 'Văn phòng Sở', 'Tháng 3, 4/2024', 'Đã hoàn thành', null, ''],
  ['III', 'CẢI CÁCH TỔ CHỨC BỘ MÁY', '', '', '', null, '', null, ''],
  ['1', 'Rà soát, sắp xếp tinh gọn bộ máy các đơn vị trực thuộc', 'Đề án sắp xếp', 'TCCB', 'Các đơn vị trực thuộc', 'Quý III/2024', 'Đang thực hiện', null, ''],
  ['2', 'Đẩy mạnh phân cấp, phân quyền trong quản lý nhà nước theo Nghị quyết số 04/NQ-CP ngày 10/01/2022 của Chính phủ', 'Báo cáo', 'Phòng Tổ chức cán bộ', '', 'Năm 2024', 'Đang thực hiện', null, ''],
  ['3', 'Tham mưu Quyết định quy định thẩm quyền quản lý tổ chức bộ máy các đơn vị sự nghiệp trực thuộc', 'Dự thảo Quyết định', 'Phòng TCCB', 'Văn phòng Sở', 'Quý II/2024', 'Chưa thực hiện', null, 'Chờ hướng dẫn của Sở Nội vụ'],
  ['IV', 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', '', '', '', null, '', null, ''],
  ['1', 'Rà soát danh mục vị trí việc làm, bản mô tả vị trí việc làm và khung năng lực', 'Danh mục vị trí việc làm', 'TCCB', 'Các đơn vị trực thuộc', 'Quý II/2024', 'Hoàn thành', d(28, 6), ''],
  ['2', 'Xây dựng kế hoạch đào tạo, bồi dưỡng CBCCVC năm 2024', 'Kế hoạch', 'TCCB', '', 'Tháng 2/2024', 'Hoàn thành', d(15, 2), ''],
  ['3', 'Tập huấn kỹ năng giao tiếp cho công chức, viên chức bộ phận một cửa', 'Lớp tập huấn', 'Văn phòng Sở', 'TCCB', 'Quý III/2024', 'Chưa triển khai', null, ''],
  ['4', 'Thanh tra, kiểm tra công vụ; xử lý nghiêm cá nhân có sai phạm', 'Kết luận thanh tra', 'Thanh tra Sở', '', 'Hằng quý', 'Đang thực hiện', null, ''],
  ['5', 'Cập nhật Cơ sở dữ liệu quốc gia về CBCCVC theo Công văn số 5904/BNV-CCVC ngày 24/11/2022 của Bộ Nội vụ', 'Dữ liệu được cập nhật', 'TCCB', 'Các đơn vị trực thuộc', d(30, 4), 'Đang thực hiện', null, ''],
  ['V', 'CẢI CÁCH TÀI CHÍNH CÔNG', '', '', '', null, '', null, ''],
  ['1', 'Thẩm định phương án tự chủ tài chính của các đơn vị sự nghiệp công lập giai đoạn 2022-2026', 'Quyết định giao tự chủ', 'KHTC', 'TCCB', 'Quý I/2024', 'HT', d(29, 3), ''],
  ['2', 'Công khai dự toán, quyết toán ngân sách nhà nước theo quy định', 'Thông báo công khai', 'KHTC', '', 'Trước ngày 30/6/2024', 'Đã hoàn thành', d(5, 7), 'Chậm do chờ số liệu quyết toán'],
  ['3', 'Thực hiện Kế hoạch đầu tư công năm 2024 của tỉnh', 'Báo cáo giải ngân', 'Phòng Kế hoạch - Tài chính', 'Các đơn vị trực thuộc', 'Cả năm', 'Đang thực hiện', null, ''],
  ['4', 'Ban hành chương trình thực hành tiết kiệm, chống lãng phí năm 2024', 'Chương trình', 'KHTC', 'Văn phòng Sở', 'Quý I/2024', 'Không thực hiện', null, 'Gộp vào kế hoạch của tỉnh'],
  ['VI', 'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ', '', '', '', null, '', null, ''],
  ['1', 'Giao chỉ tiêu dịch vụ công trực tuyến cho các đơn vị', 'Văn bản giao chỉ tiêu', 'Văn phòng Sở', 'Tổ Công nghệ thông tin', 'Tháng 1/2024', 'Hoàn thành', d(31, 1), ''],
  ['2', 'Duy trì phần mềm quản lý văn bản eOffice, chữ ký số và hộp thư điện tử công vụ', 'Hệ thống vận hành', 'Tổ Công nghệ thông tin', 'Các đơn vị trực thuộc', 'Thường xuyên', 'Đang thực hiện', null, ''],
  ['3', 'Đánh giá, xếp hạng chỉ số chuyển đổi số (DTI) năm 2024', 'Báo cáo DTI', 'KH-TC', '', 'Sớm nhất có thể', 'Đang thực hiện', null, ''],
  ['4', 'Bảo đảm an toàn, an ninh mạng ngành Y tế; tham gia tập huấn an toàn thông tin', 'Báo cáo', '', '', 'Quý II/2024', 'Đang thực hiện', null, ''],
  ['VII', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH VÀ TUYÊN TRUYỀN CCHC', '', '', '', null, '', null, ''],
  ['1', 'Tuyên truyền CCHC trên Cổng thông tin điện tử ngành và Bản tin sức khỏe', 'Tin, bài', 'CDC', 'Văn phòng Sở', 'Hằng tháng', 'Đang thực hiện', null, ''],
  ['2', 'Tự chấm điểm chỉ số CCHC năm 2024 theo hướng dẫn của Sở Nội vụ', 'Báo cáo tự chấm điểm', 'Văn phòng Sở', 'Các phòng, đơn vị', 'Khi có hướng dẫn của Sở Nội vụ', 'Chưa thực hiện', null, ''],
  ['3', 'Khảo sát sự hài lòng của người dân đối với dịch vụ y tế công', 'Báo cáo khảo sát', 'Văn phòng Sở', 'TTYT các huyện; Bệnh viện tỉnh', '6 tháng cuối năm', 'Chưa thực hiện', null, ''],
  ['4', 'Báo cáo công tác CCHC định kỳ quý, 6 tháng, năm', 'Báo cáo', 'Văn phòng Sở', 'Các đơn vị trực thuộc', 'Định kỳ hàng quý', 'Đang thực hiện', null, ''],
  ['5', 'Tổng hợp báo cáo kết quả CCHC năm 2024 gửi Sở Nội vụ', 'Báo cáo năm', 'Văn phòng Sở', 'Các phòng chức năng', 'trước ngày 05/11 hàng năm', 'Chưa thực hiện', null, ''],
  ['6', 'Xây dựng Kế hoạch CCHC năm 2025 của ngành Y tế', 'Kế hoạch', 'VP Sở', 'Các đơn vị trực thuộc', 'Tháng 12/2024', 'Chưa thực hiện', null, ''],
];

const INDICATORS: [string, string | number, number | null, string][] = [
  ['Hồ sơ TTHC giải quyết đúng hẹn', 0.98, 0.992, 'Hệ thống một cửa điện tử'],
  ['Tỷ lệ hài lòng của người dân', 0.87, 0.885, 'Khảo sát SIPAS quý II'],
  ['Tỷ lệ sử dụng dịch vụ công trực tuyến', 0.7, 0.64, 'Cổng Dịch vụ công'],
  ['Kết quả giải quyết TTHC được số hóa', 1, 0.92, 'Hệ thống một cửa điện tử'],
  ['Văn bản trao đổi dưới dạng điện tử', 0.98, 0.99, 'eOffice'],
  ['Phản ánh, kiến nghị được xử lý', 1, 1, 'Văn phòng Sở'],
  ['TTHC được cắt giảm thời gian giải quyết', 0.4, null, 'Chưa tổng hợp'],
];

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Points for a row whose cells wrap `texts` in columns of `widths` characters (about 15 points a line). */
function rowHeight(texts: string[], widths: number[]): number {
  return Math.max(...texts.map((t, i) => wrappedLines(t, widths[i] ?? 10))) * 15 + 3;
}

export async function buildExampleWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc demo';

  // Every sheet prints on A4 (paper size 9), as offices print; wrapped rows get heights that show all their lines,
  // since not every spreadsheet grows a row for wrapped text on its own.
  const guide = wb.addWorksheet('Hướng dẫn', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  guide.getColumn(1).width = 90;
  [
    'Sổ theo dõi kế hoạch cải cách hành chính năm 2024',
    'Trang "Phụ lục" là bảng nhiệm vụ kèm theo kế hoạch; cập nhật cột Tiến độ và Ngày hoàn thành hằng tháng.',
    'Trang "Chỉ tiêu" ghi kết quả các chỉ số trong kỳ báo cáo.',
  ].forEach((t, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = t;
    cell.font = { name: 'Times New Roman', size: 12, bold: i === 0 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    guide.getRow(i + 1).height = rowHeight([t], [90]);
  });

  const ws = wb.addWorksheet('Phụ lục', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '6:7' },
  });
  const titles = [
    'SỞ Y TẾ TỈNH BÀ RỊA - VŨNG TÀU',
    'PHỤ LỤC',
    'NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA NGÀNH Y TẾ',
    '(Kèm theo Kế hoạch số 15/KH-SYT ngày 05/01/2024 của Sở Y tế tỉnh Bà Rịa - Vũng Tàu)',
  ];
  titles.forEach((t, i) => {
    ws.mergeCells(i + 1, 1, i + 1, 9);
    const cell = ws.getCell(i + 1, 1);
    cell.value = t;
    cell.font = { name: 'Times New Roman', bold: i < 3, italic: i === 3, size: i === 1 ? 14 : 12 };
    cell.alignment = { horizontal: i === 0 ? 'left' : 'center' };
  });
  const h1 = 6;
  const headerTop = ['TT', 'Nội dung nhiệm vụ', 'Sản phẩm', 'Đơn vị thực hiện', null, 'Thời gian hoàn thành', 'Tiến độ', 'Ngày hoàn thành', 'Ghi chú'];
  headerTop.forEach((v, i) => v && (ws.getCell(h1, i + 1).value = v));
  ws.getCell(h1 + 1, 4).value = 'Chủ trì';
  ws.getCell(h1 + 1, 5).value = 'Phối hợp';
  for (const col of [1, 2, 3, 6, 7, 8, 9]) ws.mergeCells(h1, col, h1 + 1, col);
  ws.mergeCells(h1, 4, h1, 5);
  for (let r = h1; r <= h1 + 1; r++) {
    for (let c = 1; c <= 9; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { name: 'Times New Roman', bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
      cell.border = BORDER;
    }
  }

  let r = h1 + 2;
  for (const row of ROWS) {
    const section = /^[IVX]+$/.test(row[0]);
    row.forEach((value, c) => {
      const cell = ws.getCell(r, c + 1);
      if (value !== null && value !== '') cell.value = value;
      cell.font = { name: 'Times New Roman', bold: section };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: c === 0 ? 'center' : 'left' };
      cell.border = BORDER;
      if ((c === 5 || c === 7) && value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
    if (section) ws.mergeCells(r, 2, r, 9);
    r++;
  }
  const last = r - 1;
  const widths = [6, 46, 22, 22, 24, 18, 16, 14, 20];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ROWS.forEach((row, i) => {
    const section = /^[IVX]+$/.test(row[0]);
    // A section title spans columns B–I.
    const texts = row.map((v) => (v instanceof Date ? '00/00/0000' : String(v ?? '')));
    ws.getRow(h1 + 2 + i).height = section ? rowHeight([texts[1]], [widths.slice(1).reduce((a, b) => a + b, 0)]) : rowHeight(texts, widths);
  });
  // ExcelJS supports sheet-level validations but its typings omit them.
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`G${h1 + 2}:G${last + 50}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${STATUS_CHOICES.join(',')}"`],
    showErrorMessage: false,
  });
  ws.views = [{ state: 'frozen', ySplit: h1 + 1 }];

  const ind = wb.addWorksheet('Chỉ tiêu', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  // Each result names the period it is for: a report uses only its own period's results.
  ind.addRow(['Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Kỳ báo cáo', 'Nguồn số liệu']);
  for (const [name, target, result, source] of INDICATORS) ind.addRow([name, target, result, result === null ? null : '6 tháng/2024', source]);
  ind.getRow(1).font = { bold: true };
  [46, 12, 12, 16, 30].forEach((w, i) => (ind.getColumn(i + 1).width = w));
  for (let i = 2; i <= INDICATORS.length + 1; i++) {
    ind.getCell(i, 2).numFmt = '0%';
    ind.getCell(i, 3).numFmt = '0.0%';
  }

  await wb.xlsx.writeFile(path);
}
