#!/usr/bin/env python3
"""Regenerate the fixture corpus for `bangvang import results FILE` (and `import units`).

    python3 make_fixtures.py            # writes everything beside this script

Needs: openpyxl (pip) and LibreOffice (`soffice`, Debian package libreoffice-calc-nogui),
which turns the .xlsx into .ods and .xls the way an office that uses LibreOffice would.

Everything here is invented: names of people are made up, no birth dates, no ID numbers.
Unit names are real kinds of units (schools, offices) of a provincial Department of
Education; the site's unit ids are in site.yaml.

Layout of this script:
  1. text helpers (normalisation, slugs, "dirt" that offices put in cells, cp1258)
  2. the site: units, how lists write their names, awards
  3. sheet helpers on top of openpyxl (header block, signature block, tables)
  4. Excel-style CSV writers (UTF-8+BOM ';', cp1258 ',', UTF-16 tab)
  5. the fixtures: same-list/, layouts/, broken/, unit-names/
The hostile files are made by hostile/make_hostile.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parent

# ───────────────────────────── 1. text helpers ─────────────────────────────


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def clean(s):
    """What the import must make of a cell's text: NFC, every run of white space
    (spaces, NBSP, tabs, line breaks) one space, trimmed. None stays None."""
    if s is None:
        return None
    s = re.sub(r"\s+", " ", nfc(str(s)).replace("\u00a0", " ")).strip()
    return s or None


def slug(s: str) -> str:
    """Unit id from a unit name: no diacritics, đ→d, lowercase, other runs → '-'."""
    s = clean(s).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def dirt(s: str, *kinds: str) -> str:
    """The text as an office typed it. kinds: 'trail' (trailing spaces), 'lead',
    'double' (a doubled space), 'nfd' (decomposed Unicode, as Unikey's 'Unicode tổ hợp'
    or a Mac writes), 'nbsp' (a no-break space pasted from Word), 'break' (a line
    break typed with Alt+Enter instead of the first space after a ';')."""
    for k in kinds:
        if k == "trail":
            s = s + "  "
        elif k == "lead":
            s = " " + s
        elif k == "double":
            s = s.replace(" ", "  ", 1)
        elif k == "nfd":
            s = unicodedata.normalize("NFD", s)
        elif k == "nbsp":
            s = s.replace(" ", "\u00a0", 1)
        elif k == "break":
            s = s.replace("; ", ";\n", 1)
        else:
            raise ValueError(k)
    return s


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Windows writes it: a character the code page has (a, à, á, â, ê,
    ô, ă, ơ, ư, đ, é, ó, …) is one byte; any other Vietnamese letter is its base letter
    with circumflex/breve/horn (one byte) followed by a combining tone mark byte
    (0xCC grave, 0xEC acute, 0xDE tilde, 0xD2 hook above, 0xF2 dot below)."""
    out = bytearray()
    for ch in nfc(text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = nfc("".join(c for c in d if c not in TONE_MARKS))
        tones = "".join(c for c in d if c in TONE_MARKS)
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


# ───────────────────────────── 2. the site ─────────────────────────────

ORG = "Sở Giáo dục và Đào tạo tỉnh Nghệ An"

UNITS = [  # id, name as in site.yaml
    ("van-phong", "Văn phòng Sở"),
    ("thanh-tra", "Thanh tra Sở"),
    ("phong-to-chuc-can-bo", "Phòng Tổ chức cán bộ"),
    ("phong-giao-duc-trung-hoc", "Phòng Giáo dục Trung học"),
    ("phong-khao-thi", "Phòng Khảo thí và Quản lý chất lượng giáo dục"),
    ("truong-thpt-chuyen-phan-boi-chau", "Trường THPT chuyên Phan Bội Châu"),
    ("truong-thpt-huynh-thuc-khang", "Trường THPT Huỳnh Thúc Kháng"),
    ("truong-thpt-ha-huy-tap", "Trường THPT Hà Huy Tập"),
    ("truong-thpt-le-viet-thuat", "Trường THPT Lê Viết Thuật"),
    ("truong-thpt-do-luong-1", "Trường THPT Đô Lương 1"),
    ("truong-thpt-nghi-loc-1", "Trường THPT Nghi Lộc 1"),
    ("truong-pt-dtnt-tinh", "Trường Phổ thông Dân tộc nội trú tỉnh Nghệ An"),
    ("trung-tam-gdtx-tinh", "Trung tâm Giáo dục thường xuyên tỉnh Nghệ An"),
]

UNIT_COMMENTS = {
    "phong-giao-duc-trung-hoc": "danh sách thường ghi “P. GDTrH” hoặc “Phòng GD Trung học”",
    "truong-thpt-le-viet-thuat": "có danh sách ghi “THPT Lê Viết Thuật” (không có chữ “Trường”)",
}

# Site-defined awards (the Law's titles are built into bangvang).
SITE_AWARDS = [
    ("Giấy khen của Giám đốc Sở Giáo dục và Đào tạo", "both"),
    ("Giấy khen của Giám đốc Sở", "both"),
]

# The commune of layouts/05: its own site file.
XA_UNITS = [
    ("van-phong", "Văn phòng HĐND và UBND xã"),
    ("cong-an-xa", "Công an xã"),
    ("tram-y-te", "Trạm Y tế xã"),
    ("truong-mam-non", "Trường Mầm non Diễn Kim"),
    ("truong-tieu-hoc", "Trường Tiểu học Diễn Kim"),
    ("truong-thcs", "Trường THCS Diễn Kim"),
    ("hoi-phu-nu", "Hội Liên hiệp Phụ nữ xã"),
    ("hoi-nong-dan", "Hội Nông dân xã"),
    ("doan-thanh-nien", "Đoàn Thanh niên xã"),
    ("xom-3", "Xóm 3"),
    ("xom-5", "Xóm 5"),
]
XA_AWARDS = [("Giấy khen của Chủ tịch UBND xã Diễn Kim", "both")]


def unit_key(s: str) -> str:
    """How the import is expected to compare a written unit name with site.yaml's names:
    case, spacing and Unicode form do not count; a leading "Trường" may be left out;
    the abbreviations offices use are expanded: "P." Phòng, "GDTrH" Giáo dục Trung học,
    "GD" Giáo dục. (These are the only rules the fixtures rely on.)"""
    s = clean(s).casefold()
    s = re.sub(r"^p\.\s*", "phòng ", s)
    s = re.sub(r"\bgdtrh\b", "giáo dục trung học", s)
    s = re.sub(r"\bgd\b", "giáo dục", s)
    s = re.sub(r"^trường\s+", "", s)
    return s


def make_lookup(units):
    table = {unit_key(name): uid for uid, name in units}

    def lookup(written):
        if written is None:
            return None
        return table[unit_key(written)]  # KeyError: a fixture names a unit the site lacks

    return lookup


unit_of = make_lookup(UNITS)
xa_unit_of = make_lookup(XA_UNITS)


def site_yaml(title, org_name, short, parent, units, awards, comment) -> str:
    lines = [f"# {comment}", f"title: {title}", "language: vi", "timezone: Asia/Ho_Chi_Minh",
             "organization:", f"  name: {org_name}", f"  short_name: {short}", f"  parent: {parent}",
             "# Đơn vị mà danh sách khen thưởng ghi theo id.", "units:"]
    for uid, name in units:
        lines += [f"  - id: {uid}", f"    name: {name}"]
        if uid in UNIT_COMMENTS:
            lines.append(f"    # {UNIT_COMMENTS[uid]}")
    lines += ["# Danh hiệu, hình thức khen thưởng riêng (ngoài danh mục của Luật).", "awards:"]
    for t, who in awards:
        lines += [f"  - title: {t}", f"    for: {who}", "    level: grassroots", "    kind: commendation"]
    return "\n".join(lines) + "\n"


# ───────────────────────────── 3. sheet helpers ─────────────────────────────

FONT = "Times New Roman"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def put(ws, r, c, value, *, bold=False, italic=False, size=12, h=None, wrap=False, box=False, fmt=None):
    cell = ws.cell(row=r, column=c, value=value)
    cell.font = Font(name=FONT, size=size, bold=bold, italic=italic)
    cell.alignment = Alignment(horizontal=h, vertical="center", wrap_text=wrap)
    if box:
        cell.border = BOX
    if fmt:
        cell.number_format = fmt
    return cell


def span(ws, r1, c1, r2, c2, value, **style):
    """A merged range with its value in the top-left cell (Excel keeps only that one)."""
    put(ws, r1, c1, value, **style)
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        if style.get("box"):
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    ws.cell(row=r, column=c).border = BOX


def header_block(ws, ncols, left, right_date=None, split=3):
    """Two lines on the left ("UBND TỈNH NGHỆ AN" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), the national
    motto on the right, each merged over its half; optional place and date under the motto."""
    span(ws, 1, 1, 1, split, left[0], h="center")
    span(ws, 2, 1, 2, split, left[1], bold=True, h="center")
    span(ws, 1, split + 1, 1, ncols, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, h="center")
    span(ws, 2, split + 1, 2, ncols, "Độc lập - Tự do - Hạnh phúc", bold=True, h="center")
    if right_date:
        span(ws, 3, split + 1, 3, ncols, right_date, italic=True, h="center")


def title_block(ws, row, ncols, lines):
    """'DANH SÁCH' and the lines under it, each merged across the table."""
    for i, text in enumerate(lines):
        span(ws, row + i, 1, row + i, ncols, text, bold=(i < 2), italic=(i >= 2), size=14 if i == 0 else 12,
             h="center", wrap=True)
    return row + len(lines)


def header_row(ws, row, names, widths):
    for c, (name, w) in enumerate(zip(names, widths), start=1):
        put(ws, row, c, name, bold=True, h="center", wrap=True, box=True)
        ws.column_dimensions[get_column_letter(c)].width = w


def signature(ws, row, ncols, left, right, split=3):
    """NGƯỜI LẬP BIỂU on the left, the head on the right, a gap for the signature and
    seal, then the names. The left name sits in the "Họ và tên" column (B), as it does
    when the left block is merged B:C: a reader that does not stop at the total row
    takes the signer for an honoree."""
    (ltitle, lname), (rtitles, rname) = left, right
    if ltitle:
        span(ws, row, 2, row, split, ltitle, bold=True, h="center")
    for i, t in enumerate(rtitles):
        span(ws, row + i, split + 1, row + i, ncols, t, bold=True, h="center")
    r = row + max(1, len(rtitles))
    span(ws, r, split + 1, r, ncols, "(Ký, ghi rõ họ tên, đóng dấu)", italic=True, h="center")
    r += 4
    if lname:
        span(ws, r, 2, r, split, lname, bold=True, h="center")
    span(ws, r, split + 1, r, ncols, rname, bold=True, h="center")
    return r + 1


def summary_sheet(wb, title, counts, position=None):
    """A second sheet that is not a list of honorees (totals by award)."""
    ws = wb.create_sheet(title) if position is None else wb.create_sheet(title, position)
    span(ws, 1, 1, 1, 5, "TỔNG HỢP SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG", bold=True, h="center")
    header_row(ws, 3, ["STT", "Danh hiệu thi đua/Hình thức khen thưởng", "Tập thể", "Cá nhân", "Ghi chú"],
               [6, 48, 10, 10, 20])
    r = 4
    for i, (award, coll, ind) in enumerate(counts, start=1):
        put(ws, r, 1, i, h="center", box=True)
        put(ws, r, 2, award, box=True)
        put(ws, r, 3, coll, h="center", box=True)
        put(ws, r, 4, ind, h="center", box=True)
        put(ws, r, 5, None, box=True)
        r += 1
    put(ws, r, 2, "Cộng", bold=True, box=True)
    # A formula: openpyxl stores no cached value, LibreOffice computes one when it converts.
    put(ws, r, 3, f"=SUM(C4:C{r - 1})", bold=True, h="center", box=True)
    put(ws, r, 4, f"=SUM(D4:D{r - 1})", bold=True, h="center", box=True)
    return ws


def instructions_sheet(wb, position=0):
    ws = wb.create_sheet("Hướng dẫn", position)
    lines = [
        "HƯỚNG DẪN GHI DANH SÁCH",
        "1. Cột Họ tên: ghi đầy đủ họ và tên, không viết tắt; tập thể ghi đúng tên tập thể.",
        "2. Cột Cơ quan, đơn vị: ghi đúng tên đơn vị theo danh mục của Sở.",
        "3. Không ghi ngày sinh, số CCCD, số điện thoại vào danh sách.",
        "4. Gửi bản mềm (Excel) về Văn phòng Sở trước ngày 10/5/2024.",
    ]
    for i, t in enumerate(lines, start=1):
        put(ws, i, 1, t, bold=(i == 1))
    ws.column_dimensions["A"].width = 100
    return ws


def honoree(kind, name, position=None, unit=None, achievement=None, *, lookup=unit_of, unit_id=None,
            raw=None, note=None):
    """One honoree: what the import must produce (clean), plus how the sheet writes it
    (raw: field → text in the cell, when it differs)."""
    for field, text in (raw or {}).items():  # dirt may change the bytes, never the clean text
        assert clean(text) == clean(locals()[field]), (field, text)
    if unit_id is None:
        unit_id = lookup(unit) if unit else (lookup(name) if kind == "collective" else None)
    written_unit = unit if unit else (name if kind == "collective" and unit_id else None)
    return {
        "expected": {
            "kind": kind,
            "name": clean(name),
            "position": clean(position),
            "unit": unit_id,
            "unit_name_as_written": clean(written_unit),
            "achievement": clean(achievement),
        },
        "cells": {"name": name, "position": position, "unit": unit, "achievement": achievement,
                  "note": note, **(raw or {})},
    }


def fill_table(ws, row, rows, cols, *, merge=("unit", "achievement"), stt_start=1):
    """Write honoree rows; consecutive equal (clean) values in the `merge` columns become
    one cell merged down, the way offices write several people of one school.
    cols: field → column number ('stt', 'name', 'position', 'unit', 'achievement', 'note', …).
    Returns the next free row."""
    first = row
    for i, h in enumerate(rows):
        r = row + i
        for field, c in cols.items():
            v = stt_start + i if field == "stt" else h["cells"].get(field)
            put(ws, r, c, v, h="center" if field == "stt" else None, wrap=field != "stt", box=True)
    for field in merge:
        c = cols.get(field)
        if c is None:
            continue
        i = 0
        while i < len(rows):
            j = i
            v = clean(rows[i]["cells"].get(field))
            while v and j + 1 < len(rows) and clean(rows[j + 1]["cells"].get(field)) == v:
                j += 1
            if j > i:
                for k in range(i + 1, j + 1):
                    ws.cell(row=first + k, column=c).value = None
                ws.merge_cells(start_row=first + i, start_column=c, end_row=first + j, end_column=c)
            i = j + 1
    return row + len(rows)


def expected_list(title, status, awards, **extra):
    """awards: [(award as written, [honoree, …])] → the JSON the import must produce."""
    out = {"title": title, "status": status, **extra, "awards": []}
    for award, hs in awards:
        out["awards"].append({"award": award, "honorees": [h["expected"] for h in hs]})
    return out


def write_json(path: Path, data):
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def save(wb, path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def soffice(src: Path, target: str, outdir: Path) -> Path:
    """Convert with LibreOffice (headless). target e.g. 'ods', 'xls:MS Excel 97'."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", target, "--outdir", str(outdir), str(src)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ext = target.split(":")[0]
    out = outdir / (src.stem + "." + ext)
    if not out.exists():
        sys.exit(f"LibreOffice did not write {out}")
    return out


# ───────────────────────────── 4. Excel-style CSV ─────────────────────────────


def display(v) -> str:
    """A cell as Excel shows it (and so writes it to CSV), with the formats used here."""
    if v is None:
        return ""
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%d/%m/%Y")  # the cells carry the format dd/mm/yyyy
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def grid(ws):
    """The sheet as Excel's CSV sees it: every row from 1 to the last row with a value,
    every column up to the last column with a value, a merged range's value in its
    top-left cell only, the other cells of the range empty."""
    rows = []
    for r in range(1, ws.max_row + 1):
        rows.append(["" if isinstance(ws.cell(r, c), MergedCell) else display(ws.cell(r, c).value)
                     for c in range(1, ws.max_column + 1)])
    while rows and not any(rows[-1]):
        rows.pop()
    width = max((max((i + 1 for i, v in enumerate(row) if v), default=0) for row in rows), default=0)
    return [row[:width] for row in rows]


def csv_text(rows, sep: str) -> str:
    """RFC 4180 as Excel writes it: a field is quoted when it holds the separator, a
    double quote or a line break; quotes are doubled; records end with CRLF; a line
    break inside a cell (Alt+Enter) stays a bare LF inside the quotes."""
    def field(v):
        if any(ch in v for ch in (sep, '"', "\n", "\r")):
            return '"' + v.replace('"', '""') + '"'
        return v
    return "".join(sep.join(field(v) for v in row) + "\r\n" for row in rows)


def write_excel_csvs(ws, outdir: Path, stem: str):
    rows = grid(ws)
    # "CSV UTF-8 (Comma delimited)" on Windows with Vietnamese regional settings: the list
    # separator of vi-VN is ';'. BOM, CRLF.
    (outdir / f"{stem}-utf8-bom-semicolon.csv").write_bytes(b"\xef\xbb\xbf" + csv_text(rows, ";").encode("utf-8"))
    # "CSV (Comma delimited)" with "Language for non-Unicode programs" = Vietnamese and a
    # ',' list separator (English regional format): the ANSI code page 1258.
    (outdir / f"{stem}-cp1258.csv").write_bytes(encode_cp1258(csv_text(rows, ",")))
    # "Unicode Text (*.txt)": UTF-16 LE with BOM, tab separated, CRLF.
    (outdir / f"{stem}-utf16.csv").write_bytes(b"\xff\xfe" + csv_text(rows, "\t").encode("utf-16-le"))


# ───────────────────────────── 5. fixtures ─────────────────────────────

ACH_TTXS = ("Hoàn thành xuất sắc nhiệm vụ năm học 2023-2024; là tập thể tiêu biểu, "
            "được Hội đồng Thi đua - Khen thưởng Sở suy tôn")
ACH_LDTT = "Hoàn thành tốt nhiệm vụ năm học 2023-2024"
ACH_GK_TT = "Có thành tích xuất sắc trong phong trào thi đua “Đổi mới, sáng tạo trong dạy và học”"


def same_list():
    """ONE honoree list, saved as every format an office may send."""
    H = honoree
    awards = [
        ("TẬP THỂ LAO ĐỘNG XUẤT SẮC", None, [
            H("collective", "Trường THPT Huỳnh Thúc Kháng", achievement=ACH_TTXS),
            H("collective", "Trường THPT Hà Huy Tập", achievement=ACH_TTXS,
              raw={"name": dirt("Trường THPT Hà Huy Tập", "nfd")}),
            H("collective", "Phòng GD Trung học", achievement=ACH_TTXS,
              raw={"name": dirt("Phòng GD Trung học", "trail")}),
        ]),
        ("CHIẾN SĨ THI ĐUA CƠ SỞ", None, [
            H("individual", "Nguyễn Thị Thu Hương", "Tổ trưởng tổ Hóa - Sinh", "Trường THPT Huỳnh Thúc Kháng",
              "Sáng kiến “Dạy học Hóa học theo chủ đề gắn với thực tiễn địa phương” được công nhận cấp cơ sở",
              raw={"name": dirt("Nguyễn Thị Thu Hương", "nfd")}),
            H("individual", "Trần Văn Đức", "Phó Hiệu trưởng", "Trường THPT Huỳnh Thúc Kháng",
              "Chỉ đạo chuyển đổi số trong quản lý nhà trường; sáng kiến cấp cơ sở",
              raw={"name": dirt("Trần Văn Đức", "trail")}),
            H("individual", "Lê Thị Minh Nguyệt", "Giáo viên", "Trường THPT chuyên Phan Bội Châu",
              'Đạt giải Nhất cuộc thi "Giáo viên dạy giỏi" cấp tỉnh'),
            H("individual", "Hồ Sỹ Quang", "Chuyên viên", "P. GDTrH",
              "Hoàn thành xuất sắc nhiệm vụ; có sáng kiến cấp Sở",
              raw={"position": dirt("Chuyên viên", "trail")}),
            H("individual", "Phan Thị Ánh Tuyết", "Kế toán", "Văn phòng Sở",
              "Hoàn thành xuất sắc nhiệm vụ; sáng kiến “Số hóa hồ sơ kế toán” được công nhận cấp cơ sở",
              raw={"achievement": dirt("Hoàn thành xuất sắc nhiệm vụ; sáng kiến “Số hóa hồ sơ kế toán” "
                                       "được công nhận cấp cơ sở", "break")}),
            H("individual", "Đặng Quốc Việt", "Giáo viên", "THPT Lê Viết Thuật",
              "Hướng dẫn học sinh đạt giải Nhì, giải Ba kỳ thi học sinh giỏi tỉnh",
              raw={"name": dirt("Đặng  Quốc Việt", "nbsp")}),
            H("individual", "Võ Thị Hồng Nhung", "Giáo viên", "Trường THPT Đô Lương 1",
              "Hướng dẫn học sinh đạt giải Nhì, giải Ba kỳ thi học sinh giỏi tỉnh",
              raw={"unit": dirt("Trường THPT Đô Lương 1", "nfd", "double")}),
            H("individual", "Nguyễn Đình Khôi", "Giáo viên", "Trường THPT Nghi Lộc 1",
              "Sáng kiến “Ứng dụng phần mềm GeoGebra trong dạy học Toán 10” được công nhận cấp cơ sở"),
        ]),
        ("LAO ĐỘNG TIÊN TIẾN", None, [
            H("individual", "Cao Thị Lan Anh", "Giáo viên", "Trường THPT Huỳnh Thúc Kháng", ACH_LDTT),
            H("individual", "Hoàng Văn Bình", "Giáo viên", "Trường THPT Huỳnh Thúc Kháng", ACH_LDTT),
            H("individual", "Nguyễn Thị Diệu Linh", "Nhân viên thư viện", "Trường THPT Huỳnh Thúc Kháng", ACH_LDTT,
              raw={"name": dirt("Nguyễn Thị Diệu Linh", "lead", "trail")}),
            H("individual", "Trịnh Xuân Trường", "Giáo viên", "Trường THPT Huỳnh Thúc Kháng", ACH_LDTT),
            H("individual", "Bùi Thị Thanh Tâm", "Giáo viên", "Trường THPT Lê Viết Thuật", ACH_LDTT),
            H("individual", "Lương Văn Hùng", "Giáo viên", "Trường THPT Lê Viết Thuật", ACH_LDTT,
              raw={"name": dirt("Lương Văn Hùng", "nfd")}),
            H("individual", "Đinh Thị Ngọc Mai", "Thư ký hội đồng", "Trường THPT Lê Viết Thuật", ACH_LDTT),
            H("individual", "Phạm Đức Toàn", "Giáo viên", "Trường THPT Nghi Lộc 1", ACH_LDTT),
            H("individual", "Chu Thị Hải Yến", "Giáo viên", "Trường THPT Nghi Lộc 1", ACH_LDTT,
              note="Đề nghị lần đầu"),
            H("individual", "Ngô Văn Thắng", "Thanh tra viên", "Thanh tra Sở", ACH_LDTT),
        ]),
        ("GIẤY KHEN CỦA GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", [
            ("1", "Tập thể", [
                H("collective", "Tổ Toán - Tin", None, "Trường THPT Huỳnh Thúc Kháng", ACH_GK_TT),
                H("collective", "Tổ Ngữ văn", None, "Trường THPT chuyên Phan Bội Châu", ACH_GK_TT),
            ]),
            ("2", "Cá nhân", [
                H("individual", "Tạ Thị Kim Oanh", "Giáo viên", "Trường Phổ thông Dân tộc nội trú tỉnh Nghệ An",
                  "Có nhiều đóng góp trong công tác giáo dục học sinh dân tộc thiểu số"),
                H("individual", "Nguyễn Hữu Phước", "Nhân viên", "Văn phòng Sở",
                  "Hoàn thành xuất sắc nhiệm vụ phục vụ các kỳ thi năm 2024"),
                H("individual", "Lê Văn Sơn", "Chuyên viên", "Phòng Tổ chức cán bộ",
                  "Hoàn thành xuất sắc nhiệm vụ tham mưu công tác thi đua, khen thưởng"),
                H("individual", "Quách Thị Thủy", "Giáo viên", "TRƯỜNG THPT HÀ HUY TẬP",
                  "Bồi dưỡng đội tuyển học sinh giỏi môn Địa lý đạt giải cấp tỉnh",
                  raw={"unit": dirt("TRƯỜNG THPT HÀ HUY TẬP", "trail")}),
                H("individual", "Dương Minh Tuấn", "Giáo viên", "TRƯỜNG THPT HÀ HUY TẬP",
                  "Tích cực tham gia phong trào “Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo”"),
                H("individual", "Hà Thị Xuân", "Chuyên viên", "Phòng Khảo thí và Quản lý chất lượng giáo dục",
                  "Hoàn thành xuất sắc nhiệm vụ tổ chức kỳ thi tốt nghiệp THPT năm 2024"),
                H("individual", "Mai Văn Yên", "Giáo viên", "Trung tâm Giáo dục thường xuyên tỉnh Nghệ An",
                  "Có thành tích trong công tác xóa mù chữ; 100% học viên lớp 12 đạt yêu cầu"),
            ]),
        ], None),
    ]
    cols = {"stt": 1, "name": 2, "position": 3, "unit": 4, "achievement": 5, "note": 6}
    ncols = 6
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    header_block(ws, ncols, ("UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), "Nghệ An, ngày 06 tháng 5 năm 2024")
    title_block(ws, 5, ncols, ["DANH SÁCH",
                               "Đề nghị công nhận danh hiệu thi đua và tặng Giấy khen năm học 2023-2024"])
    span(ws, 7, 1, 7, 4, "Thời hạn lấy ý kiến: đến hết ngày", italic=True, h="right")
    put(ws, 7, 5, dt.date(2024, 5, 15), italic=True, fmt="dd/mm/yyyy", h="left")  # a real date cell
    header_row(ws, 9, ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích", "Ghi chú"], [6, 28, 22, 34, 60, 16])
    roman = ["I", "II", "III", "IV", "V"]
    r = 10
    for n, (award, subs, rows) in enumerate(awards):
        put(ws, r, 1, roman[n], bold=True, h="center", box=True)
        span(ws, r, 2, r, ncols, f"DANH HIỆU “{award}”" if n < 3 else award, bold=True, box=True)
        r += 1
        if subs is None:
            r = fill_table(ws, r, rows, cols)
        else:
            for num, label, sub_rows in subs:
                put(ws, r, 1, num, bold=True, h="center", box=True)
                span(ws, r, 2, r, ncols, label, bold=True, italic=True, box=True)
                r = fill_table(ws, r + 1, sub_rows, cols)
    flat = [(a, rows if subs is None else [h for _, _, hs in subs for h in hs]) for a, subs, rows in awards]
    n_ind = sum(h["expected"]["kind"] == "individual" for _, hs in flat for h in hs)
    n_col = sum(h["expected"]["kind"] == "collective" for _, hs in flat for h in hs)
    assert (n_ind, n_col) == (25, 5), (n_ind, n_col)
    span(ws, r, 1, r, ncols, f"Tổng cộng: {n_ind} cá nhân, {n_col} tập thể", bold=True, box=True)
    signature(ws, r + 2, ncols, ("NGƯỜI LẬP BIỂU", "Nguyễn Thị Thu Hà"),
              (["TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "GIÁM ĐỐC"], "Lê Quang Vinh"))
    summary_sheet(wb, "Tổng hợp", [("Tập thể lao động xuất sắc", 3, 0), ("Chiến sĩ thi đua cơ sở", 0, 8),
                                   ("Lao động tiên tiến", 0, 10),
                                   ("Giấy khen của Giám đốc Sở Giáo dục và Đào tạo", 2, 7)])
    wb.active = 0

    out = ROOT / "same-list"
    save(wb, out / "danh-sach.xlsx")
    soffice(out / "danh-sach.xlsx", "ods", out)
    soffice(out / "danh-sach.xlsx", "xls:MS Excel 97", out)
    # The same workbook after LibreOffice has saved it as .xlsx (another writer: shared
    # strings written differently, covered cells of merges written as styled empty cells).
    with tempfile.TemporaryDirectory() as tmp:
        lo = soffice(out / "danh-sach.ods", "xlsx:Calc MS Excel 2007 XML", Path(tmp))
        shutil.copy(lo, out / "danh-sach-libreoffice.xlsx")
    write_excel_csvs(ws, out, "danh-sach")
    write_json(out / "expected.json", expected_list(
        "Danh sách đề nghị công nhận danh hiệu thi đua và tặng Giấy khen năm học 2023-2024", "proposed",
        flat, comment_until="2024-05-15"))


# ── layouts/ ──


def layout_two_row_header():
    """Two-row header: 'Đề nghị khen thưởng' over 'Danh hiệu thi đua' | 'Hình thức khen
    thưởng'; a row of column numbers (1)…(7) under it; no section rows, no Thành tích."""
    H = honoree
    GK = "Giấy khen của Giám đốc Sở"
    CS, LD = "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"
    people = [  # honoree, danh hiệu, hình thức
        (H("individual", "Nguyễn Văn Lâm", "Giáo viên", "Trường THPT Huỳnh Thúc Kháng"), CS, GK),
        (H("individual", "Trần Thị Bích Ngọc", "Giáo viên", "Trường THPT Huỳnh Thúc Kháng",
           raw={"position": dirt("Giáo viên", "trail")}), LD, None),
        (H("individual", "Hồ Văn Nam", "Phó Hiệu trưởng", "TRƯỜNG THPT HÀ HUY TẬP"), CS, None),
        (H("individual", "Phạm Thị Quỳnh", "Chuyên viên", "Phòng GD Trung học",
           raw={"name": dirt("Phạm Thị Quỳnh", "nfd")}), LD, GK),
        (H("individual", "Lê Đình Phúc", "Giáo viên", "Trường THPT Nghi Lộc 1"), LD, None),
        (H("individual", "Nguyễn Thị Hoài Thu", "Thư ký hội đồng", "Trường THPT Nghi Lộc 1"), LD, None),
        (H("individual", "Đậu Văn Hiếu", "Giáo viên", "Trường THPT Đô Lương 1"), None, GK),
        (H("individual", "Thái Thị Hằng", "Văn thư", "Văn phòng Sở",
           raw={"name": dirt("Thái Thị Hằng", "double")}), LD, None),
        (H("individual", "Kiều Văn Khánh", "Giáo viên", "Trường THPT chuyên Phan Bội Châu"), CS, GK),
        (H("individual", "Trương Thị Mỹ Lệ", "Giáo viên", "Trường THPT Lê Viết Thuật"), LD, None),
    ]
    ncols = 7
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    header_block(ws, ncols, ("UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), split=3)
    title_block(ws, 4, ncols, ["DANH SÁCH",
                               "Cá nhân đề nghị công nhận danh hiệu thi đua và tặng Giấy khen năm học 2023-2024"])
    for c, (name, w) in enumerate(zip(["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", None, None, "Ghi chú"],
                                      [6, 26, 20, 34, 24, 28, 14]), start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
        if name:
            span(ws, 7, c, 8, c, name, bold=True, h="center", wrap=True, box=True)
    span(ws, 7, 5, 7, 6, "Đề nghị khen thưởng", bold=True, h="center", box=True)
    put(ws, 8, 5, "Danh hiệu thi đua", bold=True, h="center", wrap=True, box=True)
    put(ws, 8, 6, "Hình thức khen thưởng", bold=True, h="center", wrap=True, box=True)
    for c in range(1, ncols + 1):
        put(ws, 9, c, f"({c})", italic=True, h="center", box=True)
    r = 10
    for i, (h, title, form) in enumerate(people, start=1):
        put(ws, r, 1, i, h="center", box=True)
        put(ws, r, 2, h["cells"]["name"], box=True)
        put(ws, r, 3, h["cells"]["position"], box=True)
        put(ws, r, 4, h["cells"]["unit"], box=True)
        put(ws, r, 5, title, box=True)
        put(ws, r, 6, form, box=True)
        put(ws, r, 7, None, box=True)
        r += 1
    span(ws, r, 1, r, ncols, f"Tổng cộng: {len(people)} cá nhân", bold=True, box=True)
    signature(ws, r + 2, ncols, ("NGƯỜI LẬP BIỂU", "Trần Thị Hồng Vân"), (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
                                                                      "Nguyễn Văn Thông"))
    # Awards in order of first appearance, reading rows left to right.
    order = []
    for h, t, f in people:
        for a in (t, f):
            if a and a not in order:
                order.append(a)
    awards = [(a, [h for h, t, f in people if a in (t, f)]) for a in order]
    save(wb, ROOT / "layouts" / "01-tieu-de-hai-dong.xlsx")
    write_json(ROOT / "layouts" / "01-tieu-de-hai-dong.expected.json", expected_list(
        "Danh sách cá nhân đề nghị công nhận danh hiệu thi đua và tặng Giấy khen năm học 2023-2024",
        "proposed", awards))


def layout_sections_only():
    """No award column: awards only in section rows 'I. DANH HIỆU …' merged across;
    a 'Hướng dẫn' sheet comes first; a decided list (Kèm theo Quyết định …); STT runs on
    across sections; the file is saved by LibreOffice."""
    H = honoree
    sections = [
        ("I. DANH HIỆU TẬP THỂ LAO ĐỘNG TIÊN TIẾN", "TẬP THỂ LAO ĐỘNG TIÊN TIẾN", [
            H("collective", "Tổ Hóa - Sinh", None, "Trường THPT Lê Viết Thuật", ACH_LDTT),
            H("collective", "Trường THPT Đô Lương 1", None, None, ACH_LDTT),
            H("collective", "Văn phòng Sở", None, None, ACH_LDTT),
        ]),
        ("II. DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ", "CHIẾN SĨ THI ĐUA CƠ SỞ", [
            H("individual", "Phan Văn Lợi", "Hiệu trưởng", "Trường THPT Đô Lương 1",
              "Sáng kiến “Quản trị nhà trường bằng dữ liệu” được công nhận cấp cơ sở"),
            H("individual", "Nguyễn Thị Thanh Huyền", "Tổ trưởng tổ Tiếng Anh", "Trường THPT Hà Huy Tập",
              "Sáng kiến “Dạy học Tiếng Anh qua dự án” được công nhận cấp cơ sở",
              raw={"name": dirt("Nguyễn Thị Thanh Huyền", "nfd")}),
            H("individual", "Lê Bá Thành", "Chuyên viên", "Phòng Khảo thí và Quản lý chất lượng giáo dục",
              "Sáng kiến “Phần mềm ghép phòng thi” được công nhận cấp cơ sở"),
            H("individual", "Hồ Thị Mỹ Dung", "Giáo viên", "Trường THPT chuyên Phan Bội Châu",
              "Hướng dẫn học sinh đạt Huy chương Bạc Olympic Tin học châu Á"),
        ]),
        ("III. DANH HIỆU LAO ĐỘNG TIÊN TIẾN", "LAO ĐỘNG TIÊN TIẾN", [
            H("individual", "Trần Đình Chiến", "Giáo viên", "Trường THPT Đô Lương 1", ACH_LDTT),
            H("individual", "Lê Thị Hà", "Giáo viên", "Trường THPT Đô Lương 1", ACH_LDTT),
            H("individual", "Vương Thị Kim Chi", "Giáo viên", "Trường THPT Hà Huy Tập", ACH_LDTT),
            H("individual", "Nguyễn Văn Tứ", "Bảo vệ", "Trường THPT Hà Huy Tập", ACH_LDTT,
              raw={"position": dirt("Bảo vệ", "lead")}),
            H("individual", "Đào Thị Thu Hiền", "Chuyên viên", "Phòng Tổ chức cán bộ", ACH_LDTT),
            H("individual", "Lưu Quang Minh", "Chuyên viên", "Phòng Giáo dục Trung học", ACH_LDTT),
            H("individual", "Bạch Thị Ngọc Hân", "Giáo viên", "Trường THPT Lê Viết Thuật", ACH_LDTT),
            H("individual", "Từ Văn Khang", "Giáo viên", "Trường THPT Lê Viết Thuật", ACH_LDTT),
        ]),
    ]
    cols = {"stt": 1, "name": 2, "position": 3, "unit": 4, "achievement": 5}
    ncols = 5
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    header_block(ws, ncols, ("UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), split=2)
    title_block(ws, 4, ncols, ["DANH SÁCH",
                               "Tập thể, cá nhân được công nhận danh hiệu thi đua năm học 2023-2024",
                               "(Kèm theo Quyết định số 1234/QĐ-SGDĐT ngày 15/05/2024 của Giám đốc "
                               "Sở Giáo dục và Đào tạo)"])
    header_row(ws, 8, ["STT", "Họ tên", "Chức vụ", "Cơ quan, đơn vị", "Thành tích"], [6, 28, 22, 36, 56])
    r, stt = 9, 1
    for label, _, rows in sections:
        span(ws, r, 1, r, ncols, label, bold=True, box=True)
        r = fill_table(ws, r + 1, rows, cols, stt_start=stt)
        stt += len(rows)
    span(ws, r, 1, r, ncols, f"Tổng: {stt - 1}", bold=True, box=True)
    signature(ws, r + 2, ncols, (None, None), (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Hoàng Thị Thanh Bình"), split=2)
    instructions_sheet(wb, 0)
    wb.active = 0
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "02-chi-co-muc.xlsx"
        save(wb, src)
        ods = soffice(src, "ods", Path(tmp) / "ods")
        lo = soffice(ods, "xlsx:Calc MS Excel 2007 XML", Path(tmp) / "lo")
        shutil.copy(lo, ROOT / "layouts" / "02-chi-co-muc.xlsx")
    write_json(ROOT / "layouts" / "02-chi-co-muc.expected.json", expected_list(
        "Danh sách tập thể, cá nhân được công nhận danh hiệu thi đua năm học 2023-2024", "decided",
        [(a, rows) for _, a, rows in sections], decision={"number": "1234/QĐ-SGDĐT", "date": "2024-05-15"}))


def layout_award_column():
    """An award column merged down over each group, no section rows; the date of the
    comment period typed as text '15/05/2024'; a 'Tổng hợp' sheet after the list."""
    H = honoree
    groups = [
        ("Chiến sĩ thi đua cơ sở", [
            H("individual", "Nguyễn Hồng Sơn", "Trưởng phòng", "P. GDTrH"),
            H("individual", "Trần Thị Lệ Thủy", "Phó Trưởng phòng", "P. GDTrH",
              raw={"name": dirt("Trần Thị Lệ Thủy", "nfd", "trail")}),
            H("individual", "Hoàng Đình Thái", "Hiệu trưởng", "THPT Hà Huy Tập"),
        ]),
        ("Lao động tiên tiến", [
            H("individual", "Nguyễn Thị Thúy Hằng", "Chuyên viên", "P. GDTrH"),
            H("individual", "Lê Văn Ngọc", "Chuyên viên", "Phòng GD Trung học"),
            H("individual", "Võ Thị Lan", "Giáo viên", "Trường THPT Huỳnh Thúc Kháng"),
            H("individual", "Phùng Văn Tâm", "Giáo viên", "Trường THPT Huỳnh Thúc Kháng"),
            H("individual", "Nguyễn Thị Ngọc Ánh", "Giáo viên", "Trường THPT Nghi Lộc 1",
              raw={"name": dirt("Nguyễn Thị Ngọc Ánh", "nbsp")}),
        ]),
        ("Giấy khen của Giám đốc Sở Giáo dục và Đào tạo", [
            H("individual", "Đoàn Văn Quý", "Giáo viên", "Trường THPT Lê Viết Thuật", note="Có SKKN cấp cơ sở"),
            H("individual", "Hồ Thị Hồng Gấm", "Giáo viên", "Trường THPT Lê Viết Thuật"),
            H("individual", "Nguyễn Đức Mạnh", "Giáo viên", "Trường THPT Đô Lương 1"),
            H("individual", "Lê Thị Kiều Oanh", "Kế toán", "Trung tâm Giáo dục thường xuyên tỉnh Nghệ An"),
        ]),
    ]
    ncols = 6
    wb = Workbook()
    ws = wb.active
    ws.title = "DS"
    header_block(ws, ncols, ("SỞ GD&ĐT NGHỆ AN", "PHÒNG GIÁO DỤC TRUNG HỌC"), split=3)
    title_block(ws, 4, ncols, ["DANH SÁCH DỰ KIẾN",
                               "Cá nhân được công nhận danh hiệu thi đua và tặng Giấy khen năm 2024"])
    span(ws, 6, 1, 6, 4, "Lấy ý kiến đến hết ngày:", italic=True, h="right")
    put(ws, 6, 5, "15/05/2024", italic=True, fmt="@")  # a date typed into a text cell
    header_row(ws, 8, ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu thi đua/Hình thức khen thưởng",
                       "Ghi chú"], [6, 28, 22, 36, 30, 20])
    cols = {"stt": 1, "name": 2, "position": 3, "unit": 4, "award": 5, "note": 6}
    r, stt = 9, 1
    for award, rows in groups:
        for h in rows:
            h["cells"]["award"] = award
        r = fill_table(ws, r, rows, cols, merge=("unit", "award"), stt_start=stt)
        stt += len(rows)
    span(ws, r, 1, r, ncols, f"Tổng cộng: {stt - 1} cá nhân", bold=True, box=True)
    signature(ws, r + 2, ncols, ("NGƯỜI LẬP BIỂU", "Lê Thị Thu Thảo"), (["TRƯỞNG PHÒNG"], "Nguyễn Hồng Sơn"))
    summary_sheet(wb, "Tổng hợp", [(a, 0, len(rows)) for a, rows in groups])
    save(wb, ROOT / "layouts" / "03-cot-danh-hieu.xlsx")
    write_json(ROOT / "layouts" / "03-cot-danh-hieu.expected.json", expected_list(
        "Danh sách dự kiến cá nhân được công nhận danh hiệu thi đua và tặng Giấy khen năm 2024", "proposed",
        groups, comment_until="2024-05-15"))


def layout_combined_columns():
    """'Tên tập thể, cá nhân' mixes collectives and people (people written 'Ông …'/'Bà …');
    'Chức vụ, đơn vị' holds both (for a collective: the unit it belongs to, or nothing).
    Awards of the province, in an award column (Bằng khen merged down)."""
    def P(title, name, pos, unit_written, combined, ach):
        h = honoree("individual", name, pos, unit_written, ach)
        h["cells"].update(name=f"{title} {name}", combined=combined)
        return h

    def C(name, unit_written, ach, raw_name=None):
        h = honoree("collective", name, None, unit_written, ach)
        h["cells"].update(combined=unit_written, name=raw_name or name)
        return h

    ACH = "Có thành tích xuất sắc trong công tác giáo dục và đào tạo năm học 2022-2023 và năm học 2023-2024"
    groups = [
        ("Cờ thi đua của UBND tỉnh", [
            C("Trường THPT chuyên Phan Bội Châu", None,
              "Dẫn đầu phong trào thi đua khối các trường THPT năm học 2023-2024"),
        ]),
        ("Bằng khen của Chủ tịch UBND tỉnh", [
            C("Trường THPT Huỳnh Thúc Kháng", None, ACH),
            C("Tổ Tiếng Anh", "Trường THPT Hà Huy Tập", ACH),
            P("Ông", "Nguyễn Văn Hải", "Hiệu trưởng", "Trường THPT Đô Lương 1",
              "Hiệu trưởng Trường THPT Đô Lương 1", ACH),
            P("Bà", "Lê Thị Thu Trang", "Giáo viên", "Trường THPT Huỳnh Thúc Kháng",
              "Giáo viên, Trường THPT Huỳnh Thúc Kháng", ACH),
            P("Bà", "Trần Thị Ngọc Ánh", "Phó Trưởng phòng", "Phòng Giáo dục Trung học",
              dirt("Phó Trưởng phòng, Phòng Giáo dục Trung học", "nfd"), ACH),
            P("Ông", "Võ Đức Thịnh", "Tổ trưởng tổ Toán", "Trường THPT Lê Viết Thuật",
              "Tổ trưởng tổ Toán, Trường THPT Lê Viết Thuật  ", ACH),
        ]),
    ]
    ncols = 5
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    header_block(ws, ncols, ("UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), split=2)
    title_block(ws, 4, ncols, ["DANH SÁCH",
                               "Đề nghị Chủ tịch UBND tỉnh tặng Cờ thi đua, Bằng khen năm học 2023-2024"])
    header_row(ws, 7, ["STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị", "Hình thức khen thưởng", "Thành tích"],
               [6, 34, 40, 26, 56])
    cols = {"stt": 1, "name": 2, "combined": 3, "award": 4, "achievement": 5}
    r, stt = 8, 1
    for award, rows in groups:
        for h in rows:
            h["cells"]["award"] = award
        r = fill_table(ws, r, rows, cols, merge=("award",), stt_start=stt)
        stt += len(rows)
    n_col = sum(h["expected"]["kind"] == "collective" for _, rows in groups for h in rows)
    span(ws, r, 1, r, ncols, f"Tổng cộng: {n_col:02d} tập thể, {stt - 1 - n_col:02d} cá nhân", bold=True, box=True)
    signature(ws, r + 2, ncols, (None, None), (["GIÁM ĐỐC"], "Lê Quang Vinh"), split=2)
    save(wb, ROOT / "layouts" / "04-ten-tap-the-ca-nhan.xlsx")
    write_json(ROOT / "layouts" / "04-ten-tap-the-ca-nhan.expected.json", expected_list(
        "Danh sách đề nghị Chủ tịch UBND tỉnh tặng Cờ thi đua, Bằng khen năm học 2023-2024", "proposed", groups))


def layout_commune():
    """A commune's decided list: 'A. TẬP THỂ' / 'B. CÁ NHÂN' sections, the award
    (Giấy khen của Chủ tịch UBND xã …) in a column merged down each section, 'TT' for
    STT. Its units are the commune's: layouts/site-xa-dien-kim.yaml."""
    def H(kind, name, pos=None, unit=None, ach=None, **kw):
        return honoree(kind, name, pos, unit, ach, lookup=xa_unit_of, **kw)

    ACH = "Có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2024"
    AW = "Giấy khen của Chủ tịch UBND xã Diễn Kim"
    sections = [
        ("A. TẬP THỂ", [
            H("collective", "Trường Tiểu học Diễn Kim", None, None, ACH),
            H("collective", "Chi hội Phụ nữ xóm 3", None, "Hội Liên hiệp Phụ nữ xã", ACH),
            H("collective", "Công an xã", None, None, ACH),
        ]),
        ("B. CÁ NHÂN", [
            H("individual", "Hồ Văn Tư", "Trưởng xóm", "Xóm 5", ACH),
            H("individual", "Nguyễn Thị Lài", "Giáo viên", "Trường Mầm non Diễn Kim", ACH,
              raw={"name": dirt("Nguyễn Thị Lài", "nfd")}),
            H("individual", "Cao Xuân Lực", "Phó Trưởng Công an xã", "Công an xã", ACH),
            H("individual", "Trần Thị Hiên", "Y sĩ", "Trạm Y tế xã", ACH),
            H("individual", "Ngô Văn Kỷ", "Chi hội trưởng Chi hội Nông dân xóm 3", "Hội Nông dân xã", ACH),
            H("individual", "Phan Thị Thảo", "Bí thư Đoàn xã", "Đoàn Thanh niên xã", ACH,
              raw={"unit": dirt("Đoàn Thanh niên xã", "trail")}),
        ]),
    ]
    ncols = 6
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    header_block(ws, ncols, ("UBND HUYỆN DIỄN CHÂU", "UBND XÃ DIỄN KIM"), "Diễn Kim, ngày 20 tháng 12 năm 2024",
                 split=2)
    title_block(ws, 5, ncols, ["DANH SÁCH",
                               "Tập thể, cá nhân được tặng Giấy khen của Chủ tịch UBND xã Diễn Kim",
                               "(Kèm theo Quyết định số 45/QĐ-UBND ngày 20/12/2024 của Chủ tịch UBND xã Diễn Kim)"])
    header_row(ws, 9, ["TT", "Tên tập thể / Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng",
                       "Thành tích"], [5, 30, 30, 28, 28, 44])
    cols = {"stt": 1, "name": 2, "position": 3, "unit": 4, "award": 5, "achievement": 6}
    r = 10
    for label, rows in sections:
        span(ws, r, 1, r, ncols, label, bold=True, box=True)
        for h in rows:
            h["cells"]["award"] = AW
        r = fill_table(ws, r + 1, rows, cols, merge=("award", "achievement"))
    span(ws, r, 1, r, ncols, "Tổng: 03 tập thể, 06 cá nhân", bold=True, box=True)
    signature(ws, r + 2, ncols, (None, None), (["CHỦ TỊCH"], "Nguyễn Văn Quế"), split=2)
    save(wb, ROOT / "layouts" / "05-giay-khen-xa.xlsx")
    write_json(ROOT / "layouts" / "05-giay-khen-xa.expected.json", expected_list(
        "Danh sách tập thể, cá nhân được tặng Giấy khen của Chủ tịch UBND xã Diễn Kim", "decided",
        [(AW, [h for _, rows in sections for h in rows])],
        decision={"number": "45/QĐ-UBND", "date": "2024-12-20"}))
    (ROOT / "layouts" / "site-xa-dien-kim.yaml").write_text(site_yaml(
        "Thi đua, khen thưởng — UBND xã Diễn Kim", "Ủy ban nhân dân xã Diễn Kim", "UBND XÃ DIỄN KIM",
        "UBND HUYỆN DIỄN CHÂU", XA_UNITS, XA_AWARDS,
        "Trang của xã, chỉ cho layouts/05-giay-khen-xa.xlsx (đơn vị của xã)."), encoding="utf-8")


# ── broken/ ──


def small_list(rows, *, award_col=False, section="I. DANH HIỆU LAO ĐỘNG TIÊN TIẾN", title2=None):
    """A short proposed list: header at row 6, a section row at 7 (unless award_col or
    section is None), honorees from there on. rows: [(name, position, unit, award?)]."""
    ncols = 5
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    header_block(ws, ncols, ("UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), split=2)
    title_block(ws, 3, ncols, ["DANH SÁCH", title2 or "Đề nghị công nhận danh hiệu thi đua năm học 2023-2024"])
    last = "Danh hiệu/Hình thức khen thưởng" if award_col else "Thành tích"
    header_row(ws, 6, ["STT", "Họ và tên", "Chức vụ", "Đơn vị", last], [6, 28, 22, 36, 40])
    r = 7
    if section and not award_col:
        span(ws, r, 1, r, ncols, section, bold=True, box=True)
        r += 1
    for i, row in enumerate(rows, start=1):
        if isinstance(row, str):  # a section row
            span(ws, r, 1, r, ncols, row, bold=True, box=True)
            r += 1
            continue
        name, pos, unit, *rest = row
        put(ws, r, 1, i, h="center", box=True)
        put(ws, r, 2, name, box=True)
        put(ws, r, 3, pos, box=True)
        put(ws, r, 4, unit, box=True)
        put(ws, r, 5, rest[0] if rest else ACH_LDTT, box=True)
        r += 1
    span(ws, r, 1, r, ncols, "Tổng cộng:", bold=True, box=True)
    return wb, ws


def broken():
    out = ROOT / "broken"
    out.mkdir(parents=True, exist_ok=True)
    cases = {}

    wb, ws = small_list([("Nguyễn Văn An", "Giáo viên", "Trường THPT Hà Huy Tập"),
                         ("Lê Thị Bình", "Giáo viên", "Trường THPT Hà Huy Tập"),
                         (None, "Giáo viên", "Trường THPT Hà Huy Tập"),
                         ("Trần Văn Cường", "Giáo viên", "Trường THPT Lê Viết Thuật")])
    assert ws["B10"].value is None and ws["C10"].value == "Giáo viên"
    cases["thieu-ten.xlsx"] = (wb, ["Danh sách!B10: no name: the row has a position (“Giáo viên”) and a unit "
                                    "(“Trường THPT Hà Huy Tập”) but its name cell is empty"])

    wb, ws = small_list([("Nguyễn Văn An", "Giáo viên", "Trường THPT Hà Huy Tập", "Chiến sĩ thi đua cơ sở"),
                         ("Lê Thị Bình", "Giáo viên", "Trường THPT Hà Huy Tập", "Chiến sĩ thi đua cơ sở"),
                         ("Trần Văn Cường", "Giáo viên", "Trường THPT Lê Viết Thuật", "Lao động tiến tiến"),
                         ("Phạm Thị Dung", "Giáo viên", "Trường THPT Lê Viết Thuật", "Lao động tiến tiến"),
                         ("Hồ Văn Em", "Chuyên viên", "Văn phòng Sở", "Giấy khen cua Giam doc So Tu phap")],
                        award_col=True)
    ws.merge_cells("E7:E8")
    ws.merge_cells("E9:E10")
    assert ws["E9"].value == "Lao động tiến tiến" and ws["E11"].value.startswith("Giấy khen cua")
    cases["sai-danh-hieu.xlsx"] = (wb, [
        "Danh sách!E9: unknown award “Lao động tiến tiến” (did you mean “Lao động tiên tiến”?)",
        "Danh sách!E11: unknown award “Giấy khen cua Giam doc So Tu phap” (neither a title of the Law nor an "
        "award of site.yaml)"])

    wb, ws = small_list([("Nguyễn Văn An", "Giáo viên", "Trường THPT Nguyễn Du"),
                         ("Lê Thị Bình", "Giáo viên", "Trường THPT Hà Huy Tập"),
                         ("Trần Văn Cường", "Chuyên viên", "Phòng Giáo dục Tiểu học")])
    assert ws["D8"].value == "Trường THPT Nguyễn Du" and ws["D10"].value == "Phòng Giáo dục Tiểu học"
    cases["don-vi-la.xlsx"] = (wb, [
        "Danh sách!D8: unknown unit “Trường THPT Nguyễn Du” (no unit of site.yaml has this name)",
        "Danh sách!D10: unknown unit “Phòng Giáo dục Tiểu học” (did you mean “Phòng Giáo dục Trung học”?)"])

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for r in range(1, 21):
        for c in range(1, 7):
            ws.cell(r, c, (r * 37 + c * 11) % 100 + (0.5 if c == 6 else 0))
    cases["khong-co-tieu-de.xlsx"] = (wb, [
        "Sheet1: no header row: no cell reads a name column (“Họ và tên”, “Họ tên”, “Tên tập thể, cá nhân”); "
        "the sheet holds only numbers (A1:F20)"])

    wb = Workbook()
    cases["rong.xlsx"] = (wb, ["Sheet: the workbook is empty (its only sheet has no cell with a value)"])

    wb, ws = small_list([("Nguyễn Văn An", "Giáo viên", "Trường THPT Hà Huy Tập"),
                         ("#REF!", "Giáo viên", "Trường THPT Hà Huy Tập"),
                         ("Trần Văn Cường", "Giáo viên", "Trường THPT Lê Viết Thuật")])
    assert ws["B9"].data_type == "e"
    cases["loi-cong-thuc.xlsx"] = (wb, ["Danh sách!B9: the cell holds the error #REF! (a broken formula) "
                                        "instead of a name"])

    wb, ws = small_list([("Nguyễn Văn An", "Giáo viên", "Trường THPT Hà Huy Tập"),
                         ("Lê Thị Bình", "Giáo viên", "Trường THPT Hà Huy Tập")], section=None)
    cases["khong-co-danh-hieu.xlsx"] = (wb, [
        "Danh sách!B7: no award for this row (the sheet has no award column and no award section row above it)",
        "Danh sách!B8: no award for this row (the sheet has no award column and no award section row above it)"])

    wb, ws = small_list(["1. Tập thể", ("Trường THPT Hà Huy Tập", None, None),
                         "2. Cá nhân", ("Nguyễn Văn Hùng", "Hiệu trưởng", "Trường THPT Hà Huy Tập")],
                        section="I. DANH HIỆU TẬP THỂ LAO ĐỘNG XUẤT SẮC")
    assert ws["B11"].value == "Nguyễn Văn Hùng"
    cases["sai-doi-tuong.xlsx"] = (wb, [
        "Danh sách!B11: “TẬP THỂ LAO ĐỘNG XUẤT SẮC” is a title for collectives, but Nguyễn Văn Hùng is listed "
        "under “2. Cá nhân”"])

    wb, ws = small_list([("Nguyễn Thị Hoa", "Giáo viên", "Trường THPT Hà Huy Tập"),
                         ("Lê Thị Bình", "Giáo viên", "Trường THPT Hà Huy Tập"),
                         ("Trần Văn Cường", "Giáo viên", "Trường THPT Lê Viết Thuật"),
                         (dirt("Nguyễn Thị Hoa", "nfd", "trail"), "Giáo viên", "Trường THPT Hà Huy Tập")])
    cases["trung-ten.xlsx"] = (wb, [
        "Danh sách!B11: Nguyễn Thị Hoa (Trường THPT Hà Huy Tập) is listed twice under “LAO ĐỘNG TIÊN TIẾN” "
        "(first at B8)"])

    for name, (wb, problems) in cases.items():
        save(wb, out / name)
        (out / name).with_suffix(".expected.txt").write_text("\n".join(problems) + "\n", encoding="utf-8")

    # An empty workbook as LibreOffice writes it, and a 0-byte CSV.
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(soffice(out / "rong.xlsx", "ods", Path(tmp)), out / "rong-libreoffice.ods")
    (out / "rong-libreoffice.expected.txt").write_text(
        "Sheet: the workbook is empty (its only sheet has no cell with a value)\n", encoding="utf-8")
    (out / "rong-0-byte.csv").write_bytes(b"")
    (out / "rong-0-byte.expected.txt").write_text("rong-0-byte.csv: the file is empty (0 bytes)\n", encoding="utf-8")

    # CSV with mixed separators: rows pasted from another file use ','.
    lines = ["DANH SÁCH;;;;", "Đề nghị công nhận danh hiệu Lao động tiên tiến năm học 2023-2024;;;;",
             "STT;Họ và tên;Chức vụ;Đơn vị;Danh hiệu/Hình thức khen thưởng",
             "1;Nguyễn Văn An;Giáo viên;Trường THPT Hà Huy Tập;Lao động tiên tiến",
             "2;Lê Thị Bình;Giáo viên;Trường THPT Hà Huy Tập;Lao động tiên tiến",
             "3,Trần Văn Cường,Giáo viên,Trường THPT Lê Viết Thuật,Lao động tiên tiến",
             "4,Phạm Thị Dung,Giáo viên,Trường THPT Lê Viết Thuật,Lao động tiên tiến",
             "5;Hồ Văn Em;Chuyên viên;Văn phòng Sở;Lao động tiên tiến"]
    (out / "tron-dau-phan-cach.csv").write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    (out / "tron-dau-phan-cach.expected.txt").write_text(
        "tron-dau-phan-cach.csv:6: the line is separated by “,” but the file by “;” (header at line 3): "
        "1 field instead of 5\n"
        "tron-dau-phan-cach.csv:7: the line is separated by “,” but the file by “;” (header at line 3): "
        "1 field instead of 5\n", encoding="utf-8")

    # A text file named .xlsx (a CSV someone renamed).
    text = ("STT,Họ và tên,Chức vụ,Đơn vị,Danh hiệu\r\n"
            "1,Nguyễn Văn An,Giáo viên,Trường THPT Hà Huy Tập,Lao động tiên tiến\r\n")
    (out / "that-ra-la-van-ban.xlsx").write_bytes(text.encode("utf-8"))
    (out / "that-ra-la-van-ban.expected.txt").write_text(
        "that-ra-la-van-ban.xlsx: not an .xlsx workbook: the file is plain text (it looks like CSV, not a ZIP "
        "package); save it as .csv or open and re-save it in Excel\n", encoding="utf-8")


# ── unit-names/ ──

UNIT_LIST = [
    ("I. CÁC PHÒNG, BAN THUỘC SỞ", [
        "Văn phòng Sở", "Thanh tra Sở", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính",
        "Phòng Giáo dục Mầm non", "Phòng Giáo dục Tiểu học", "Phòng Giáo dục Trung học",
        "Phòng Giáo dục thường xuyên - Giáo dục nghề nghiệp", "Phòng Khảo thí và Quản lý chất lượng giáo dục",
        "Phòng Chính trị, tư tưởng",
    ]),
    ("II. CÁC TRƯỜNG TRUNG HỌC PHỔ THÔNG", [
        "Trường THPT chuyên Phan Bội Châu", "Trường THPT Huỳnh Thúc Kháng", "Trường THPT Hà Huy Tập",
        "Trường THPT Lê Viết Thuật", "Trường THPT Nguyễn Trường Tộ", "Trường THPT Đô Lương 1",
        "Trường THPT Đô Lương 2", "Trường THPT Nghi Lộc 1", "Trường THPT Quỳnh Lưu 1", "Trường THPT Diễn Châu 2",
        "Trường THPT Phan Đăng Lưu", "Trường THPT Nam Đàn 1", "Trường THPT Thanh Chương 1", "Trường THPT Kỳ Sơn",
        "Trường THPT Tương Dương 1", "Trường THPT Con Cuông", "Trường THPT Anh Sơn 1", "Trường THPT Cửa Lò",
        "Trường THPT Thái Hoà",
    ]),
    ("III. CÁC ĐƠN VỊ KHÁC", [
        "Trường Phổ thông Dân tộc nội trú tỉnh Nghệ An", "Trường PT DTNT THPT số 2 Nghệ An",
        "Trung tâm Giáo dục thường xuyên tỉnh Nghệ An", "Trung tâm GDNN-GDTX huyện Yên Thành",
        "Phòng GD&ĐT thành phố Vinh", "Trường THCS Đặng Thai Mai", "Trường THCS Hưng Dũng",
        "Trường THCS Nghi Hoa", "Trường THCS Nghi Hòa", "Trường Tiểu học Lê Lợi",
        "Trường Mầm non Sao Mai (Tp. Vinh)",
    ]),
]
UNIT_DIRT = {"Trường THPT Hà Huy Tập": ("nfd",), "Phòng Tổ chức cán bộ": ("trail",),
             "Trường THPT Nghi Lộc 1": ("double",), "Trường THPT Kỳ Sơn": ("lead", "trail"),
             "Trường THCS Nghi Hòa": ("nfd",)}


def unit_names():
    out = ROOT / "unit-names"
    out.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Đơn vị"
    span(ws, 1, 1, 1, 3, "DANH MỤC ĐƠN VỊ TRỰC THUỘC SỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN", bold=True, h="center")
    header_row(ws, 3, ["STT", "Tên đơn vị", "Ghi chú"], [6, 56, 30])
    r, n, expected, seen = 4, 0, [], {}
    for label, names in UNIT_LIST:
        span(ws, r, 1, r, 3, label, bold=True, box=True)
        r += 1
        for name in names:
            n += 1
            put(ws, r, 1, n, h="center", box=True)
            put(ws, r, 2, dirt(name, *UNIT_DIRT.get(name, ())), box=True)
            put(ws, r, 3, "Tên cũ: Trường THPT Thái Hòa" if "Thái Hoà" in name else None, box=True)
            uid = slug(name)
            seen[uid] = seen.get(uid, 0) + 1
            if seen[uid] > 1:  # two names with one slug (Nghi Hoa / Nghi Hòa): number the later one
                uid = f"{uid}-{seen[uid]}"
            expected.append({"id": uid, "name": clean(name)})
            r += 1
        if label.startswith("II"):
            r += 1  # a blank row between the groups
    span(ws, r, 1, r, 3, f"Tổng số: {n} đơn vị", bold=True, box=True)
    save(wb, out / "don-vi.xlsx")
    rows = grid(ws)
    (out / "don-vi-utf8-bom-semicolon.csv").write_bytes(b"\xef\xbb\xbf" + csv_text(rows, ";").encode("utf-8"))
    write_json(out / "units.expected.json", expected)


def site():
    (ROOT / "site.yaml").write_text(site_yaml(
        f"Thi đua, khen thưởng — {ORG}", ORG, "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "UBND TỈNH NGHỆ AN", UNITS, SITE_AWARDS,
        "Trang thi đua, khen thưởng của Sở Giáo dục và Đào tạo tỉnh Nghệ An (dữ liệu thử cho import)."),
        encoding="utf-8")


def manifest():
    """MANIFEST.json: each input, the site it is read with, and what it must give."""
    items = []
    for f in sorted((ROOT / "same-list").iterdir()):
        if f.name.startswith("danh-sach"):
            items.append({"input": f"same-list/{f.name}", "site": "site.yaml", "expect": "same-list/expected.json"})
    for f in sorted((ROOT / "layouts").glob("*.xlsx")):
        items.append({"input": f"layouts/{f.name}",
                      "site": "layouts/site-xa-dien-kim.yaml" if f.name.startswith("05") else "site.yaml",
                      "expect": f"layouts/{f.stem}.expected.json"})
    for f in sorted((ROOT / "broken").iterdir()):
        if f.name.endswith(".expected.txt"):
            continue
        exp = f.with_suffix(".expected.txt")
        items.append({"input": f"broken/{f.name}", "site": "site.yaml", "errors": f"broken/{exp.name}"})
    items.append({"input": "unit-names/don-vi.xlsx", "command": "import units", "expect":
                  "unit-names/units.expected.json"})
    items.append({"input": "unit-names/don-vi-utf8-bom-semicolon.csv", "command": "import units",
                  "expect": "unit-names/units.expected.json"})
    hostile = ROOT / "hostile" / "out" / "EXPECTED.txt"
    if hostile.exists():
        for line in hostile.read_text(encoding="utf-8").splitlines():
            name, sep, what = line.partition(": ")
            if sep and (ROOT / "hostile" / "out" / name).exists():
                items.append({"input": f"hostile/out/{name}", "site": "site.yaml", "hostile": what})
    write_json(ROOT / "MANIFEST.json", {"about": "Inputs of `bangvang import results` (and `import units`) and "
                                                 "what each must give. See NOTES.md.", "fixtures": items})


def main():
    if not shutil.which("soffice"):
        sys.exit("needs LibreOffice: apt-get install -y libreoffice-calc-nogui")
    site()
    same_list()
    layout_two_row_header()
    layout_sections_only()
    layout_award_column()
    layout_combined_columns()
    layout_commune()
    broken()
    unit_names()
    manifest()
    print("fixtures written under", ROOT)


if __name__ == "__main__":
    main()
