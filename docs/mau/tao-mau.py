#!/usr/bin/env python3
"""Writes danh-sach-khen-thuong-mau.xlsx: a sample honoree list laid out as an
office lays it out (header block, title, sections by award, units merged down,
a total and the signature), for the example site's units. The people are
invented ("Nguyễn Văn A" …): a sample, not a real list.

    python3 docs/mau/tao-mau.py      # needs openpyxl (pip install openpyxl)

Then, in the repository: bangvang import results docs/mau/danh-sach-khen-thuong-mau.xlsx --campaign 2022 --phase dot-2
"""
from pathlib import Path
import datetime, zipfile, io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

wb = Workbook()
ws = wb.active
ws.title = "Danh sách"
bold = Font(bold=True)
center = Alignment(horizontal="center", vertical="center", wrap_text=True)

def row(r, values, font=None):
    for c, v in enumerate(values, start=1):
        if v is not None:
            cell = ws.cell(row=r, column=c, value=v)
            if font:
                cell.font = font

row(1, ["UBND TỈNH HÀ TĨNH", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], bold)
row(2, ["SỞ NỘI VỤ", None, None, "Độc lập - Tự do - Hạnh phúc"], bold)
ws.merge_cells("A1:C1"); ws.merge_cells("A2:C2"); ws.merge_cells("D1:F1"); ws.merge_cells("D2:F2")
row(4, ["DANH SÁCH"], bold); ws.merge_cells("A4:F4")
row(5, ["Đề nghị khen thưởng Đợt thi đua thứ hai năm 2022 (dữ liệu mẫu)"]); ws.merge_cells("A5:F5")
row(6, ["Thời hạn lấy ý kiến: đến hết ngày", None, None, None, datetime.date(2022, 12, 20)])
ws["E6"].number_format = "dd/mm/yyyy"
row(8, ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích", "Ghi chú"], bold)
for c in "ABCDEF":
    ws[f"{c}8"].alignment = center
row(9, ["I", "DANH HIỆU “TẬP THỂ LAO ĐỘNG TIÊN TIẾN”"], bold); ws.merge_cells("B9:F9")
row(10, [1, "Văn phòng Sở", None, None, "Hoàn thành tốt nhiệm vụ năm 2022 (dữ liệu mẫu)"])
row(11, [2, "Công đoàn cơ quan Sở"])
ws.merge_cells("E10:E11")
row(12, ["II", "DANH HIỆU “LAO ĐỘNG TIÊN TIẾN”"], bold); ws.merge_cells("B12:F12")
row(13, [1, "Nguyễn Văn A", "Chuyên viên", "Văn phòng Sở", "Hoàn thành tốt nhiệm vụ năm 2022 (dữ liệu mẫu)"])
row(14, [2, "Trần Thị B", "Chuyên viên"])
row(15, [3, "Lê Văn C", "Cán sự"])
ws.merge_cells("D13:D15"); ws.merge_cells("E13:E16")
row(16, [4, "Hoàng Văn E", "Chuyên viên", "Công đoàn cơ quan Sở"])
row(17, ["III", "GIẤY KHEN CỦA GIÁM ĐỐC SỞ NỘI VỤ"], bold); ws.merge_cells("B17:F17")
row(18, [1, "Đặng Thị G", "Bí thư Đoàn", "Đoàn Thanh niên cơ quan Sở", "Có thành tích xuất sắc trong công tác Đoàn (dữ liệu mẫu)"])
row(19, ["Tổng cộng: 02 tập thể, 05 cá nhân"]); ws.merge_cells("A19:F19")
row(21, [None, "NGƯỜI LẬP BIỂU", None, "GIÁM ĐỐC"], bold)
row(25, [None, "Phạm Thị D", None, "Nguyễn Văn H"], bold)
for col, width in zip("ABCDEF", [6, 26, 16, 28, 44, 10]):
    ws.column_dimensions[col].width = width

# Fixed document dates and zip times: the same script writes the same bytes.
wb.properties.created = wb.properties.modified = datetime.datetime(2022, 12, 10)
buffer = io.BytesIO()
wb.save(buffer)
out = Path(__file__).with_name("danh-sach-khen-thuong-mau.xlsx")
with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        data = src.read(info.filename)
        fixed = zipfile.ZipInfo(info.filename, date_time=(2022, 12, 10, 0, 0, 0))
        fixed.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(fixed, data)
print(f"wrote {out}")
