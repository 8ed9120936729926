#!/usr/bin/env python3
"""Hostile .docx files for `bangvang import plan`: each must fail with a clear
error, quickly, in bounded memory, and without touching anything outside.

    python3 make_hostile.py [OUTDIR]     # default: the folder of this script

Every file is a real zip with [Content_Types].xml, _rels/.rels and
word/document.xml, and the document starts as a real (tiny) plan, so a parser
that does not defend itself gets far enough to be hurt. A file that would take
more than 2 MB on disk is not kept (none does: the largest is the zip bomb,
about 1 MB). Needs only the standard library.

  zip-bomb.docx            document.xml inflates to 1.1 GB, one w:t of "a" (streamed, never in memory)
  zip-bomb-lying-size.docx the same, but the zip headers claim 4,096 bytes
  billion-laughs.docx      nested internal entities: 10^9 × "lol" once expanded
  external-entity.docx     <!ENTITY xxe SYSTEM "file:///etc/passwd"> used in a w:t
  nested-tables.docx       w:tbl/w:tr/w:tc nested 10,000 deep (≈ 0.5 MB of XML)
  huge-document.docx       a 100 MB document.xml of ordinary paragraphs (≈ 0.2 MB zipped)
  zip-slip.docx            a good plan plus an entry named ../../../../tmp/bangvang-zip-slip.txt
"""

from __future__ import annotations

import struct
import sys
import zipfile
from pathlib import Path

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
KEEP_LIMIT = 2 * 1024 * 1024
TIME = (2024, 1, 15, 8, 0, 0)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def para(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


# The start of a real plan: what a parser reads before the trap springs.
PLAN_HEAD = "".join([
    para("SỞ TƯ PHÁP", bold=True),
    para("Số: 25/KH-STP"),
    para("Quảng Trị, ngày 15 tháng 01 năm 2024"),
    para("KẾ HOẠCH", bold=True),
    para("Phát động phong trào thi đua năm 2024", bold=True),
    para("a) Đợt thi đua thứ nhất (từ ngày 01/01/2024 đến ngày 30/6/2024): thi đua lập thành tích chào mừng "
         "kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)."),
])
PLAN_TAIL = para("GIÁM ĐỐC", bold=True) + para("Trần Văn Minh", bold=True)

DOC_OPEN = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
DOC_CLOSE = "</w:body></w:document>"


def info(name: str) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, TIME)
    zi.compress_type = zipfile.ZIP_DEFLATED
    return zi


def package(path: Path, document_chunks, extra: dict[str, bytes] | None = None):
    """Write a .docx whose document.xml is the concatenation of document_chunks
    (an iterable of bytes), streamed into the zip."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(info("[Content_Types].xml"), CONTENT_TYPES)
        z.writestr(info("_rels/.rels"), RELS)
        with z.open(info("word/document.xml"), "w") as f:
            for chunk in document_chunks:
                f.write(chunk)
        for name, data in (extra or {}).items():
            z.writestr(info(name), data)


def repeated(unit: str, total_bytes: int, chunk_units: int = 4096):
    """PLAN_HEAD, then `unit` repeated until about total_bytes, then the tail."""
    yield (DOC_OPEN + PLAN_HEAD).encode()
    block = (unit * chunk_units).encode()
    written = 0
    while written < total_bytes:
        yield block
        written += len(block)
    yield (PLAN_TAIL + DOC_CLOSE).encode()


def zip_bomb(path: Path):
    """One w:t of 1.1 billion "a": a single repeated byte deflates about 1030:1,
    the most deflate can do, so the file stays near 1 MB."""
    def chunks():
        yield (DOC_OPEN + PLAN_HEAD + "<w:p><w:r><w:t>").encode()
        block = b"a" * (1 << 20)
        for _ in range(1_100_000_000 >> 20):
            yield block
        yield ("</w:t></w:r></w:p>" + PLAN_TAIL + DOC_CLOSE).encode()
    package(path, chunks())


def lie_about_size(src: Path, dst: Path, claimed: int = 4096):
    """Copy src, patching document.xml's uncompressed size in the local header
    and in the central directory (the CRC stays that of the real data)."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as z:
        zi = z.getinfo("word/document.xml")
        assert zi.file_size < 0xFFFFFFFF, "zip64 entry: patch the extra field instead"
    lh = zi.header_offset
    assert data[lh:lh + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, lh + 22, claimed)
    name = b"word/document.xml"
    cd = data.find(b"PK\x01\x02")
    while cd != -1:
        n = struct.unpack_from("<H", data, cd + 28)[0]
        if data[cd + 46: cd + 46 + n] == name:
            struct.pack_into("<I", data, cd + 24, claimed)
            break
        cd = data.find(b"PK\x01\x02", cd + 4)
    else:
        raise RuntimeError("central directory entry not found")
    dst.write_bytes(bytes(data))


def billion_laughs(path: Path):
    ents = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<!DOCTYPE w:document [{"".join(ents)}]>\n'
           f'<w:document xmlns:w="{W}"><w:body>{PLAN_HEAD}'
           '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
           f"{PLAN_TAIL}{DOC_CLOSE}")
    package(path, [doc.encode()])


def external_entity(path: Path):
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
           '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
           f'<w:document xmlns:w="{W}"><w:body>{PLAN_HEAD}'
           '<w:p><w:r><w:t>Nơi nhận: &xxe;</w:t></w:r></w:p>'
           f"{PLAN_TAIL}{DOC_CLOSE}")
    package(path, [doc.encode()])


def nested_tables(path: Path, depth: int = 10_000):
    open_ = '<w:tbl><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid><w:tr><w:tc>'
    close = "<w:p/></w:tc></w:tr></w:tbl>"

    def chunks():
        yield (DOC_OPEN + PLAN_HEAD).encode()
        yield (open_ * depth).encode()
        yield para("Đợt thi đua thứ hai (từ ngày 01/7/2024 đến ngày 30/11/2024)").encode()
        yield (close * depth).encode()
        yield (PLAN_TAIL + DOC_CLOSE).encode()
    package(path, chunks())


def huge_document(path: Path):
    unit = para("- Thi đua hoàn thành đúng tiến độ, bảo đảm chất lượng công tác thẩm định văn bản quy phạm pháp luật.")
    package(path, repeated(unit, 100_000_000, chunk_units=512))


def zip_slip(path: Path):
    doc = DOC_OPEN + PLAN_HEAD + para("b) Đợt thi đua thứ hai (từ ngày 01/7/2024 đến ngày 30/11/2024).") + \
        PLAN_TAIL + DOC_CLOSE
    package(path, [doc.encode()], extra={
        "../../../../tmp/bangvang-zip-slip.txt": b"written outside the import folder\n",
        "/tmp/bangvang-zip-slip-absolute.txt": b"written at an absolute path\n",
    })


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    makers = [
        ("zip-bomb.docx", zip_bomb),
        ("billion-laughs.docx", billion_laughs),
        ("external-entity.docx", external_entity),
        ("nested-tables.docx", nested_tables),
        ("huge-document.docx", huge_document),
        ("zip-slip.docx", zip_slip),
    ]
    for name, make in makers:
        make(OUT / name)
    lie_about_size(OUT / "zip-bomb.docx", OUT / "zip-bomb-lying-size.docx")
    for p in sorted(OUT.glob("*.docx")):
        with zipfile.ZipFile(p) as z:
            doc = z.getinfo("word/document.xml")
            line = f"{p.name:28} {p.stat().st_size:>10,} bytes on disk, document.xml {doc.file_size:>13,} bytes declared"
        if p.stat().st_size > KEEP_LIMIT:
            p.unlink()
            line += "  (over 2 MB: not kept)"
        print(line)


if __name__ == "__main__":
    main()
