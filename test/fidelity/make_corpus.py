#!/usr/bin/python3
"""Writes the fidelity corpus: workbooks as real tools write them, each carrying what a copy must not lose.

Run with Debian's Python and packages (python3-xlsxwriter, python3-openpyxl, python3-uno, libreoffice-calc-nogui):
    /usr/bin/python3 test/fidelity/make_corpus.py test/fidelity/files
The files are committed; the test (fidelity.test.ts) reads them and never runs this script. Run it again only to
add a case. Every workbook holds the same small appendix (sheet "Phụ lục") so the report runs on each of them.
"""
import datetime
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

import openpyxl
import xlsxwriter
from openpyxl.comments import Comment
from openpyxl.workbook.protection import WorkbookProtection

OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'test/fidelity/files')
os.makedirs(OUT, exist_ok=True)

HEADER = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Tiến độ', 'Ngày hoàn thành']
SECTION = 'I. CẢI CÁCH THỂ CHẾ'
TASKS = [
    (1, 'Rà soát văn bản quy phạm pháp luật', 'Văn phòng Sở', 'Thanh tra Sở', datetime.date(2024, 3, 31), 'Đã hoàn thành', datetime.date(2024, 3, 20)),
    (2, 'Kiểm tra công tác CCHC tại các đơn vị', 'Phòng Tổ chức cán bộ', '', 'Quý I/2024', 'Đang thực hiện', None),
    (3, 'Tuyên truyền CCHC trên cổng thông tin', 'Văn phòng Sở', 'Các phòng chức năng', 'Thường xuyên', 'Đang thực hiện', None),
    (4, 'Báo cáo kết quả CCHC năm', 'Văn phòng Sở', '', datetime.date(2024, 2, 15), 'Đã hoàn thành', datetime.date(2024, 3, 1)),
    (5, 'Số hóa hồ sơ thủ tục hành chính', '', 'Trung tâm Kiểm soát bệnh tật', 'Quý II/2024', 'Chưa thực hiện', None),
]
TITLE = 'PHỤ LỤC KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA SỞ Y TẾ TỈNH ĐẮK NÔNG'
REPORT_TAB = 'Báo cáo Quý I-2024'


def tiny_png():
    """A 4×4 red PNG, built byte by byte."""
    raw = b''.join(b'\x00' + b'\xff\x00\x00' * 4 for _ in range(4))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)

    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 4, 4, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')


def xlsxwriter_appendix(wb, ws):
    date = wb.add_format({'num_format': 'dd/mm/yyyy'})
    bold = wb.add_format({'bold': True})
    ws.write(0, 0, TITLE, bold)
    ws.write_row(2, 0, HEADER, bold)
    ws.write(3, 0, 'I', bold)
    ws.write(3, 1, SECTION, bold)
    for i, task in enumerate(TASKS):
        r = 4 + i
        for c, value in enumerate(task):
            if isinstance(value, datetime.date):
                ws.write_datetime(r, c, datetime.datetime(value.year, value.month, value.day), date)
            elif value is not None:
                ws.write(r, c, value)
    ws.set_column(1, 1, 45)
    ws.set_column(2, 6, 18)


def make_xlsxwriter_full(path, png):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet('Phụ lục')
    xlsxwriter_appendix(wb, ws)
    # Frozen panes, autofilter with a criterion (rows not matching are hidden, as Excel saves them).
    ws.freeze_panes(3, 2)
    ws.autofilter(2, 0, 8, 6)
    ws.filter_column(5, 'x == "Đang thực hiện"')
    for i, task in enumerate(TASKS):
        if task[5] != 'Đang thực hiện':
            ws.set_row(4 + i, None, None, {'hidden': True})
    # Conditional formatting, data validation with formula bounds and a list from cells.
    red = wb.add_format({'font_color': '#9C0006', 'bg_color': '#FFC7CE'})
    ws.conditional_format('F5:F9', {'type': 'text', 'criteria': 'containing', 'value': 'Chưa', 'format': red})
    ws.data_validation('G5:G9', {'validate': 'date', 'criteria': 'between', 'minimum': '=DATE(2024,1,1)', 'maximum': '=TODAY()'})
    ws.write('J1', 'Đã hoàn thành')
    ws.write('J2', 'Đang thực hiện')
    ws.write('J3', 'Chưa thực hiện')
    ws.data_validation('F5:F9', {'validate': 'list', 'source': '=$J$1:$J$3'})
    # Comments with an author, hyperlinks (internal, external), rich text.
    ws.write_comment('B5', 'Cần bổ sung số liệu', {'author': 'Nguyễn Văn A'})
    ws.write_url('K1', 'internal:\'Ghi chú\'!A1', string='Xem ghi chú')
    ws.write_url('K2', 'https://dichvucong.gov.vn/', string='Cổng dịch vụ công')
    ws.write_rich_string('K3', 'Chú ý: ', wb.add_format({'bold': True, 'font_color': 'red'}), 'hạn chót', ' là 31/03')
    # Print setup with manual page breaks and print titles; sheet protection with a password, unlocked inputs.
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_h_pagebreaks([6])
    ws.repeat_rows(2)
    ws.print_area('A1:G9')
    unlocked = wb.add_format({'locked': False})
    ws.write('L5', '', unlocked)
    ws.protect('matkhau2024', {'autofilter': True, 'sort': True})
    # Defined names: a range and a constant used by a formula.
    wb.define_name('DanhSachTrangThai', "='Phụ lục'!$J$1:$J$3")
    wb.define_name('NamKeHoach', '=2024')
    ws.write_formula('K4', '=NamKeHoach', None, 2024)

    notes = wb.add_worksheet('Ghi chú')
    notes.write('A1', 'Ghi chú của Văn phòng Sở')
    # A table, a chart and an image.
    data = wb.add_worksheet('Số liệu')
    data.add_table('A1:C4', {'name': 'BangSoLieu', 'columns': [{'header': 'Quý'}, {'header': 'Giao'}, {'header': 'Hoàn thành'}],
                             'data': [['Quý I', 5, 2], ['Quý II', 4, 1], ['Quý III', 3, 0]]})
    chart = wb.add_chart({'type': 'column'})
    chart.add_series({'name': 'Hoàn thành', 'categories': "='Số liệu'!$A$2:$A$4", 'values': "='Số liệu'!$C$2:$C$4"})
    data.insert_chart('E2', chart)
    png_path = os.path.join(tempfile.mkdtemp(), 'logo.png')
    with open(png_path, 'wb') as f:
        f.write(png)
    data.insert_image('E20', png_path)
    hidden = wb.add_worksheet('Ẩn')
    hidden.write('A1', 'Trang ẩn')
    hidden.hide()
    # A user's own sheet named like the report tab: the tool must leave it alone.
    mine = wb.add_worksheet(REPORT_TAB)
    mine.write('A1', 'Báo cáo tôi tự lập, không được ghi đè')
    wb.set_custom_property('Người lập', 'Văn phòng Sở Y tế')
    wb.set_custom_property('Năm kế hoạch', 2024)
    wb.set_properties({'title': 'Kế hoạch CCHC 2024', 'author': 'Văn phòng Sở'})
    wb.close()


def make_xlsxwriter_plain(path):
    wb = xlsxwriter.Workbook(path)
    xlsxwriter_appendix(wb, wb.add_worksheet('Phụ lục'))
    wb.close()


def make_xlsxwriter_1904(path):
    wb = xlsxwriter.Workbook(path, {'date_1904': True})
    xlsxwriter_appendix(wb, wb.add_worksheet('Phụ lục'))
    wb.close()


def make_xlsxwriter_macros(path, vba):
    wb = xlsxwriter.Workbook(path)
    xlsxwriter_appendix(wb, wb.add_worksheet('Phụ lục'))
    wb.add_vba_project(vba)
    wb.close()


def make_openpyxl_full(path, png, theme):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Phụ lục'
    ws['A1'] = TITLE
    ws.append([])
    ws.append(HEADER)
    ws.append(['I', SECTION])
    for task in TASKS:
        ws.append(list(task))
    for row in ws.iter_rows(min_row=5, max_row=9):
        for cell in row:
            if isinstance(cell.value, (datetime.date, datetime.datetime)):
                cell.number_format = 'dd/mm/yyyy'
    ws['B5'].comment = Comment('Kiểm tra lại hạn', 'Trần Thị B')
    ws.merge_cells('A1:G1')
    from openpyxl.drawing.image import Image
    from io import BytesIO
    img = Image(BytesIO(png))
    ws.add_image(img, 'I2')
    from openpyxl.chart import BarChart, Reference
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=5, max_row=9))
    ws.add_chart(chart, 'I10')
    wb.security = WorkbookProtection(workbookPassword='cautruc', lockStructure=True)
    wb.loaded_theme = theme
    from openpyxl.workbook.defined_name import DefinedName
    wb.defined_names.append(DefinedName('NamKeHoach', attr_text='2024'))
    wb.save(path)


def custom_theme():
    """openpyxl's default theme with its accent colours changed: a theme no default writer would produce."""
    from openpyxl.writer.theme import theme_xml
    return theme_xml.replace('4F81BD', '8E44AD').replace('Office Theme', 'Chủ đề Sở Y tế').encode('utf-8')


def libreoffice(src, out_dir, profile):
    """Open in LibreOffice and save as .xlsx (Calc MS Excel 2007 XML)."""
    subprocess.run(['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out_dir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(out_dir, os.path.splitext(os.path.basename(src))[0] + '.xlsx')


UNO_SCRIPT = r'''
import sys, time, uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress, CellRangeAddress

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

src, other, dst, port = sys.argv[1:5]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
for _ in range(100):
    try:
        ctx = resolver.resolve(f'uno:socket,host=localhost,port={port};urp;StarOffice.ComponentContext'); break
    except Exception:
        time.sleep(0.2)
desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), '_blank', 0, (prop('Hidden', True),))
sheets = doc.Sheets
sheets.insertNewByName('Tổng hợp', sheets.Count)
pivot_sheet = sheets.getByName('Tổng hợp')
appendix = sheets.getByName('Phụ lục')
tables = pivot_sheet.DataPilotTables
desc = tables.createDataPilotDescriptor()
desc.SourceRange = CellRangeAddress(appendix.RangeAddress.Sheet, 0, 2, 6, 8)
fields = desc.DataPilotFields
from com.sun.star.sheet.DataPilotFieldOrientation import ROW, DATA
from com.sun.star.sheet.GeneralFunction import COUNT
lead = fields.getByIndex(2); lead.Orientation = ROW
count = fields.getByIndex(1); count.Orientation = DATA; count.Function = COUNT
tables.insertNewByName('TongHopTheoDonVi', CellAddress(pivot_sheet.RangeAddress.Sheet, 0, 0), desc)
links = sheets.getByName('Tổng hợp')
links.getCellByPosition(5, 0).Formula = "='" + uno.systemPathToFileUrl(other) + "'#$Sheet1.A1"
doc.storeToURL(uno.systemPathToFileUrl(dst), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
'''


def make_libreoffice_pivot(src, dst, work):
    other = os.path.join(work, 'nguon.xlsx')
    wb = openpyxl.Workbook()
    wb.active.title = 'Sheet1'
    wb.active['A1'] = 42
    wb.save(other)
    script = os.path.join(work, 'pivot.py')
    with open(script, 'w') as f:
        f.write(UNO_SCRIPT)
    port = '2083'
    office = subprocess.Popen(['soffice', f'-env:UserInstallation=file://{work}/profile-uno', '--headless', '--invisible', '--norestore',
                               f'--accept=socket,host=localhost,port={port};urp;'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        subprocess.run(['/usr/bin/python3', script, src, other, dst, port], check=True, timeout=120)
    finally:
        office.terminate()
        office.wait(timeout=30)


def main():
    work = tempfile.mkdtemp(prefix='cchc-fidelity-')
    profile = os.path.join(work, 'profile')
    png = tiny_png()
    # A stand-in VBA project (an OLE compound file header and padding): the tool never reads it, only carries it.
    vba = os.path.join(work, 'vbaProject.bin')
    with open(vba, 'wb') as f:
        f.write(bytes.fromhex('d0cf11e0a1b11ae1') + bytes(504))
    files = {
        'excel-style-features.xlsx': lambda p: make_xlsxwriter_full(p, png),
        'excel-style-plain.xlsx': make_xlsxwriter_plain,
        'excel-style-1904.xlsx': make_xlsxwriter_1904,
        'excel-style-macros.xlsm': lambda p: make_xlsxwriter_macros(p, vba),
        'openpyxl-features.xlsx': lambda p: make_openpyxl_full(p, png, custom_theme()),
    }
    for name, make in files.items():
        make(os.path.join(OUT, name))
    for src, dst in [('excel-style-features.xlsx', 'libreoffice-features.xlsx'), ('excel-style-1904.xlsx', 'libreoffice-1904.xlsx')]:
        converted = libreoffice(os.path.join(OUT, src), work, profile)
        shutil.move(converted, os.path.join(OUT, dst))
    make_libreoffice_pivot(os.path.join(OUT, 'excel-style-plain.xlsx'), os.path.join(OUT, 'libreoffice-pivot-external-link.xlsx'), work)
    shutil.rmtree(work, ignore_errors=True)
    print('\n'.join(sorted(os.listdir(OUT))))


main()
