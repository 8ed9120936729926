#!/usr/bin/env python3
"""Make hostile spreadsheets for `bangvang import results`: files built to exhaust a
reader's memory or time, or to make its XML parser read local files.

    python3 make_hostile.py [OUTDIR]          # default: out/ beside this script
    python3 make_hostile.py --keep-large ...  # also keep outputs over 2 MB

Each file is written by streaming, so making them needs little memory; any output over
2 MB on disk is deleted afterwards (unless --keep-large): the corpus keeps small files
only. What the import must do with each is in out/EXPECTED.txt (written here too).

Uses only the standard library.
"""

from __future__ import annotations

import struct
import sys
import zipfile
from pathlib import Path

MAX_KEEP = 2_000_000

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<workbook xmlns="{NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>')
EMPTY_SST = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}" count="0" uniqueCount="0"/>'

# A real-looking start of a list, so that a reader gets past "is this a list?" first.
HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu/Hình thức khen thưởng"]
FIRST = [1, "Nguyễn Văn An", "Giáo viên", "Trường THPT Hà Huy Tập", "Lao động tiên tiến"]


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell(ref: str, v) -> str:
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{esc(v)}</t></is></c>'


def table_rows(first_row=1) -> str:
    cols = "ABCDE"
    rows = []
    for i, values in enumerate((HEADER, FIRST), start=first_row):
        rows.append(f'<row r="{i}">' + "".join(cell(f"{cols[j]}{i}", v) for j, v in enumerate(values)) + "</row>")
    return "".join(rows)


def sheet_start(doctype: str = "", dimension: str = "A1:E2") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
            f'<worksheet xmlns="{NS}"><dimension ref="{dimension}"/><sheetData>')


SHEET_END = "</sheetData></worksheet>"


def write_xlsx(path: Path, sheet_chunks, sst: str = EMPTY_SST):
    """An .xlsx whose sheet XML is the concatenation of sheet_chunks (an iterable of str
    or bytes), deflated while it is streamed."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        zf.writestr("xl/sharedStrings.xml", sst)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=False) as f:
            for chunk in sheet_chunks:
                f.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)


def zip_bomb(path: Path, size=1_200_000_000):
    """A sheet part that inflates to 1.2 GB: a two-row list, then 1.2 GB of white space
    between two rows (legal XML), then the end of the sheet. ~1.2 MB on disk."""
    block = b" " * (1 << 20)

    def chunks():
        yield sheet_start() + table_rows()
        for _ in range(size // len(block)):
            yield block
        yield SHEET_END
    write_xlsx(path, chunks())


def lie_about_size(path: Path, part: str, claimed: int):
    """Rewrite the uncompressed size of `part` in its local header and in the central
    directory, so that the zip says the part is small (the data and CRC are unchanged)."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    i = data.find(b"PK\x03\x04" + b"\x00" * 0)
    patched = 0
    pos = 0
    while True:
        i = data.find(b"PK\x03\x04", pos)
        if i < 0:
            break
        n, m = struct.unpack_from("<HH", data, i + 26)
        if data[i + 30:i + 30 + n] == name:
            struct.pack_into("<I", data, i + 22, claimed)
            patched += 1
        pos = i + 4
    pos = 0
    while True:
        i = data.find(b"PK\x01\x02", pos)
        if i < 0:
            break
        n = struct.unpack_from("<H", data, i + 28)[0]
        if data[i + 46:i + 46 + n] == name:
            struct.pack_into("<I", data, i + 24, claimed)
            patched += 1
        pos = i + 4
    assert patched == 2, patched
    path.write_bytes(bytes(data))


LAUGHS = ('<!DOCTYPE worksheet [\n <!ENTITY lol "lol">\n'
          + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
                    for i in range(1, 10))
          + "]>\n")


def billion_laughs(path: Path):
    """A DOCTYPE whose entity &lol9; expands to 10^9 'lol's (3 GB), used in B2."""
    sheet = sheet_start(LAUGHS) + table_rows().replace("Nguyễn Văn An", "&lol9;") + SHEET_END
    # table_rows escapes '&'; put the reference back unescaped.
    write_xlsx(path, [sheet.replace("&amp;lol9;", "&lol9;")])


def external_entity(path: Path, in_shared_strings=False):
    """An external entity: a reader that resolves it puts /etc/passwd into a name."""
    doctype = '<!DOCTYPE {root} [\n <!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'
    if in_shared_strings:
        sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doctype.format(root="sst")
               + f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>&x;</t></si></sst>')
        sheet = (sheet_start() + table_rows().replace('<c r="B2" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c>',
                                                     '<c r="B2" t="s"><v>0</v></c>') + SHEET_END)
        write_xlsx(path, [sheet], sst)
    else:
        sheet = sheet_start(doctype.format(root="worksheet")) + table_rows().replace("Nguyễn Văn An", "&x;")
        write_xlsx(path, [sheet.replace("&amp;x;", "&x;") + SHEET_END])


def external_dtd(path: Path):
    """A DOCTYPE naming an external DTD (a file that does not exist): a reader must not
    try to load it."""
    sheet = sheet_start('<!DOCTYPE worksheet SYSTEM "file:///nonexistent/bangvang-test.dtd">\n') + table_rows()
    write_xlsx(path, [sheet + SHEET_END])


def huge_dimension(path: Path):
    """<dimension ref="A1:XFD1048576"/> and a cell in XFD1048576: 17 billion cells if a
    reader allocates the grid the dimension declares."""
    sheet = (sheet_start(dimension="A1:XFD1048576") + table_rows()
             + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>' + SHEET_END)
    write_xlsx(path, [sheet])


def huge_cell(path: Path, size=10_000_000):
    """One cell (the name in B2) of 10 MB of text."""
    unit = "Nguyễn Văn An ".encode("utf-8")
    head, tail = table_rows().split("Nguyễn Văn An")

    def chunks():
        yield sheet_start() + head
        n = 0
        while n < size:
            yield unit * 4096
            n += len(unit) * 4096
        yield tail + SHEET_END
    write_xlsx(path, chunks())


def million_rows(path: Path, rows=1_000_000, refs=True):
    """A header row and 1,000,000 rows of one tiny cell each. refs=False leaves out the
    optional r="…" attributes (allowed by the standard; rows and cells then follow one
    another), which compresses far better."""
    def chunks():
        yield sheet_start(dimension=f"A1:E{rows + 1}") + table_rows().split('<row r="2">')[0]
        batch = []
        for i in range(2, rows + 2):
            batch.append(f'<row r="{i}"><c r="A{i}"><v>1</v></c></row>' if refs else "<row><c><v>1</v></c></row>")
            if len(batch) == 10000:
                yield "".join(batch)
                batch = []
        yield "".join(batch) + SHEET_END
    write_xlsx(path, chunks())


# ── OpenDocument ──

ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"')


def ods_row(values) -> str:
    cells = []
    for v in values:
        if isinstance(v, int):
            cells.append(f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p>'
                         '</table:table-cell>')
        else:
            cells.append(f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>')
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


def write_ods(path: Path, content: str):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        # The mimetype entry first and stored, as the standard requires.
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        zf.writestr("content.xml", content)


def ods_doc(rows_xml: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<office:document-content {ODS_NS}>'
            '<office:body><office:spreadsheet><table:table table:name="Danh sách">'
            f'{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>')


def ods_repeat_bomb(path: Path):
    """ODS compresses runs with number-rows-repeated / number-columns-repeated. LibreOffice
    itself writes ~1,048,500 repeated empty rows and 16,3xx repeated empty cells at the end
    of every sheet, so a reader must handle repeats without expanding empty ones; here the
    repeated cell is NOT empty: 1,048,576 × 16,384 = 17 billion cells reading 'x'."""
    rows = (ods_row(HEADER) + ods_row(FIRST)
            + '<table:table-row table:number-rows-repeated="1048574"><table:table-cell '
              'table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p>'
              '</table:table-cell></table:table-row>')
    write_ods(path, ods_doc(rows))


def ods_billion_laughs(path: Path):
    rows = ods_row(HEADER) + ods_row([1, "&lol9;", "Giáo viên", "Trường THPT Hà Huy Tập", "Lao động tiên tiến"])
    write_ods(path, ods_doc(rows, LAUGHS.replace("worksheet", "office:document-content")))


def ods_external_entity(path: Path):
    rows = ods_row(HEADER) + ods_row([1, "&x;", "Giáo viên", "Trường THPT Hà Huy Tập", "Lao động tiên tiến"])
    write_ods(path, ods_doc(rows, '<!DOCTYPE office:document-content [\n <!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'))


EXPECTED = {
    "zip-bomb.xlsx": "xl/worksheets/sheet1.xml inflates to 1.2 GB: refuse it once the inflated bytes pass the "
                     "reader's limit (an error naming the part and the limit), in bounded memory and time",
    "zip-bomb-lying-size.xlsx": "the same part, its zip headers claiming 1 KiB: the limit must count the bytes "
                                "actually inflated, not the declared size; an error, not a crash or a truncated read",
    "billion-laughs.xlsx": "a DOCTYPE with nested entities: refuse any DOCTYPE in a sheet (error at the part), "
                           "never expand an entity",
    "xxe-sheet.xlsx": "an external entity to file:///etc/passwd in the sheet: refuse the DOCTYPE; the output "
                      "and the error must not contain the file's contents ('root:')",
    "xxe-shared-strings.xlsx": "the same in xl/sharedStrings.xml (the name in B2 is shared string 0)",
    "xxe-external-dtd.xlsx": "a DOCTYPE naming an external DTD file: refuse it, never open the DTD",
    "huge-dimension.xlsx": "dimension A1:XFD1048576 and a cell at XFD1048576: never allocate the declared grid; "
                           "either read the one honoree (ignoring the far cell, which is not in a table column) "
                           "or give an error located at Danh sách!XFD1048576; bounded memory",
    "huge-cell.xlsx": "B2 holds 10 MB of text: an error located at Danh sách!B2 (cell longer than the limit), "
                      "or at least no quadratic time and bounded memory",
    "million-rows.xlsx": "1,000,001 rows (header + one tiny cell each): bounded memory; either an error "
                         "(more rows than the limit) or the rows read in seconds, and they are not honorees "
                         "(A-only rows with no name): errors are capped, not one per row",
    "million-rows-no-refs.xlsx": "the same without r= attributes on rows and cells (allowed by the standard)",
    "ods-repeat-bomb.ods": "a row repeated 1,048,574 times of a cell repeated 16,384 times that is not empty: "
                           "refuse (too many cells) without expanding the repeats",
    "ods-billion-laughs.ods": "a DOCTYPE with nested entities in content.xml: refuse, never expand",
    "ods-xxe.ods": "an external entity to file:///etc/passwd in content.xml: refuse; never read the file",
}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    keep_large = "--keep-large" in sys.argv
    out = Path(args[0]) if args else Path(__file__).resolve().parent / "out"
    out.mkdir(parents=True, exist_ok=True)
    makers = {
        "zip-bomb.xlsx": zip_bomb,
        "zip-bomb-lying-size.xlsx": lambda p: (zip_bomb(p), lie_about_size(p, "xl/worksheets/sheet1.xml", 1024)),
        "billion-laughs.xlsx": billion_laughs,
        "xxe-sheet.xlsx": external_entity,
        "xxe-shared-strings.xlsx": lambda p: external_entity(p, in_shared_strings=True),
        "xxe-external-dtd.xlsx": external_dtd,
        "huge-dimension.xlsx": huge_dimension,
        "huge-cell.xlsx": huge_cell,
        "million-rows.xlsx": million_rows,
        "million-rows-no-refs.xlsx": lambda p: million_rows(p, refs=False),
        "ods-repeat-bomb.ods": ods_repeat_bomb,
        "ods-billion-laughs.ods": ods_billion_laughs,
        "ods-xxe.ods": ods_external_entity,
    }
    lines = []
    for name, make in makers.items():
        path = out / name
        make(path)
        size = path.stat().st_size
        with zipfile.ZipFile(path) as zf:
            inflated = sum(i.file_size for i in zf.infolist())
        kept = size <= MAX_KEEP or keep_large
        if not kept:
            path.unlink()
        print(f"{name:28} {size:>10,} bytes on disk, {inflated:>14,} declared inflated"
              + ("" if kept else "  (over 2 MB: deleted)"))
        lines.append(f"{name}: {EXPECTED[name]}")
    (out / "EXPECTED.txt").write_text(
        "What `bangvang import results FILE` must do with each file (one line each). None of them may\n"
        "crash the import, take more than a few seconds, or use more than a few tens of MB of memory.\n\n"
        + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
