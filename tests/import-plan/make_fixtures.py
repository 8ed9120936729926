#!/usr/bin/env python3
"""Build the `bangvang import plan` fixtures from the data in this file.

    python3 make_fixtures.py            # write every fixture next to this file
    python3 make_fixtures.py --no-lo    # skip the LibreOffice steps (round trip, .doc, validation)

Each plan is described once, as a list of blocks (paragraphs and tables) whose
text uses a tiny inline markup (see `parse_markup`). From that one description
come: the .docx (written element by element with lxml on top of python-docx's
template, so numbering, line breaks, tabs, tracked changes and Word's run
splitting are exactly what we ask for), the plain-text paste, the expected
Markdown body, and the text LibreOffice should extract (used to validate the
.docx files). The expected front matter is written by hand below (it is the
oracle, so it is not derived from the same model).

Needs: python-docx, PyYAML; LibreOffice (`soffice`) for the round-trip variant,
the Word 97 file and the validation.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import docx
import yaml
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

HERE = Path(__file__).resolve().parent
MAIN_CAMPAIGN = Path("/work/main/content/phong-trao/2022/index.md")
SEED_TXT = Path("/work/shared/source/ke-hoach-thi-dua-2022-so-noi-vu-ha-tinh.txt")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)
FIXED_TIME = (2024, 9, 8, 8, 0, 0)  # zip entry times, so rebuilds are byte-stable


# ---------------------------------------------------------------------------
# The document model
# ---------------------------------------------------------------------------

@dataclass
class Seg:
    """One piece of a paragraph: text with its formatting, or a special element."""
    kind: str                 # t | br | tab | nbh (w:noBreakHyphen) | del | ins | link
    text: str = ""
    b: bool = False
    i: bool = False
    href: str = ""


def parse_markup(s: str) -> list[Seg]:
    """Inline markup of the data below.

    `**` toggles bold, `*` italic (`***` both); a newline is a line break
    (w:br), a tab character a w:tab; `{nbh}` a non-breaking hyphen;
    `{del:…}` / `{ins:…}` tracked deletions / insertions; `{link:URL|text}` a
    hyperlink. None of these characters occur in the plans' own text.
    """
    segs: list[Seg] = []
    b = i = False
    token = re.compile(r"(\*\*\*|\*\*|\*|\n|\t|\{nbh\}|\{del:[^}]*\}|\{ins:[^}]*\}|\{link:[^}]*\})")
    for part in token.split(s):
        if not part:
            continue
        if part == "***":
            b, i = not b, not i
        elif part == "**":
            b = not b
        elif part == "*":
            i = not i
        elif part == "\n":
            segs.append(Seg("br"))
        elif part == "\t":
            segs.append(Seg("tab"))
        elif part == "{nbh}":
            segs.append(Seg("nbh", b=b, i=i))
        elif part.startswith("{del:"):
            segs.append(Seg("del", part[5:-1], b, i))
        elif part.startswith("{ins:"):
            segs.append(Seg("ins", part[5:-1], b, i))
        elif part.startswith("{link:"):
            href, text = part[6:-1].split("|", 1)
            segs.append(Seg("link", text, b, i, href))
        else:
            segs.append(Seg("t", part, b, i))
    assert not b and not i, f"unbalanced emphasis in {s!r}"
    return segs


@dataclass
class P:
    """A paragraph. `role` says what it is in the expected Markdown body:
    h2/h3/h4 headings, li (list item), p (paragraph); `num` = (list, level) when
    Word's automatic numbering gives it its label."""
    markup: str
    role: str = "p"
    num: tuple[str, int] | None = None
    align: str = "both"
    first_line: int = 567          # twips (1 cm), the usual first-line indent
    size: float | None = None      # pt; None = the style's 14 pt
    before: int = 6                # pt
    after: int = 0
    artifacts: bool = True         # may Word-like run splitting touch it?

    @property
    def segs(self) -> list[Seg]:
        return parse_markup(self.markup)


@dataclass
class Table:
    rows: list[list[list[P]]]      # rows → cells → paragraphs
    widths: list[int]              # twips
    role: str = "body"             # header | signature | body
    borders: bool = False
    header_row: bool = False


@dataclass
class ListDef:
    """A w:abstractNum: one (numFmt, lvlText, bold label) per level."""
    levels: list[tuple[str, str, bool]]
    indent_first: int = 567


@dataclass
class Doc:
    name: str
    front: list            # header table and title paragraphs: left out of the body
    body: list             # paragraphs and tables of the body
    back: list             # the signature table
    lists: dict[str, ListDef] = field(default_factory=dict)
    author: str = "Văn phòng Sở"
    page_number_header: bool = False

    def blocks(self):
        return [*self.front, *self.body, *self.back]


# Numbering: Word's counters, computed the way Word does, for the labels we must
# predict in the text and in the Markdown.

def roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, r in vals:
        while n >= v:
            out, n = out + r, n - v
    return out


def fmt_number(fmt: str, n: int) -> str:
    return {
        "decimal": str(n),
        "upperRoman": roman(n),
        "lowerRoman": roman(n).lower(),
        "lowerLetter": "abcdefghijklmnopqrstuvwxyz"[n - 1],
        "upperLetter": "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n - 1],
    }[fmt]


class Counters:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.counts: dict[str, list[int]] = {k: [0] * 9 for k in doc.lists}

    def label(self, p: P) -> tuple[str, bool] | None:
        """The label Word shows for p ("a)", "-", "II."), and whether it is bold."""
        if p.num is None:
            return None
        name, lvl = p.num
        ld = self.doc.lists[name]
        c = self.counts[name]
        c[lvl] += 1
        for deeper in range(lvl + 1, 9):
            c[deeper] = 0
        fmt, text, bold = ld.levels[lvl]
        if fmt == "bullet":
            return text, bold
        label = re.sub(r"%(\d)", lambda m: fmt_number(ld.levels[int(m.group(1)) - 1][0],
                                                     max(c[int(m.group(1)) - 1], 1)), text)
        return label, bold


# ---------------------------------------------------------------------------
# Writing .docx
# ---------------------------------------------------------------------------

def E(xml: str):
    """An element from a snippet, with the usual prefixes declared."""
    return etree.fromstring(_with_ns(xml))


def _with_ns(xml: str) -> bytes:
    m = re.match(r"<([\w:]+)", xml)
    tag = m.group(1)
    return (f"<{tag} {NSDECL}" + xml[len(tag) + 1:]).encode()


def w(tag: str, **attrs):
    el = etree.Element(qn(f"w:{tag}"))
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), str(v))
    return el


def sub(parent, tag: str, **attrs):
    el = w(tag, **attrs)
    parent.append(el)
    return el


class Artifacts:
    """What Word leaves in a document that the author never typed: runs split
    at edit boundaries (rsids), spelling marks around "misspelt" Vietnamese
    words, bookmarks, the last rendered page break."""

    def __init__(self, seed: int, nfd: bool = False):
        self.rng = random.Random(seed)
        self.nfd = nfd
        self.paragraphs = 0
        self.page_break_at = 22
        self.nfd_split_done = False

    def rsid(self) -> str:
        return f"{self.rng.randrange(0x100000, 0xFFFFFF):06X}00"[:8]

    def pieces(self, text: str) -> list[tuple[str, bool]]:
        """Split text into (piece, marked-as-misspelt) parts."""
        words = [m for m in re.finditer(r"\w{3,}", text)]
        if len(text) < 40 or len(words) < 6:
            return [(text, False)]
        k = self.rng.randrange(2, len(words) - 2)
        word = words[k]
        before, mid, after = text[: word.start()], word.group(), text[word.end():]
        # split `before` in the middle of a word, as an edit there would
        cut = None
        if self.nfd and not self.nfd_split_done:
            # between a base letter and its combining mark: normalise after joining runs!
            for j in range(1, len(before)):
                if unicodedata.combining(before[j]) and not unicodedata.combining(before[j - 1]):
                    cut = j
                    self.nfd_split_done = True
                    break
        if cut is None:
            inner = [m for m in re.finditer(r"\w{4,}", before)]
            if inner:
                m = inner[self.rng.randrange(len(inner))]
                cut = m.start() + len(m.group()) // 2
        parts = [(before[:cut], False), (before[cut:], False)] if cut else [(before, False)]
        return [*parts, (mid, True), (after, False)]


def rpr(b: bool, i: bool, size: float | None, extra=()):
    el = w("rPr")
    for x in extra:
        el.append(x)
    if b:
        sub(el, "b")
        sub(el, "bCs")
    if i:
        sub(el, "i")
        sub(el, "iCs")
    if size:
        sub(el, "sz", val=int(size * 2))
        sub(el, "szCs", val=int(size * 2))
    return el


def text_el(tag: str, text: str):
    el = w(tag)
    el.text = text
    if text != text.strip() or "  " in text:
        el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return el


def run(text: str | None, b: bool, i: bool, size, *, tag="t", special=None, rsid=None, extra_rpr=()):
    r = w("r")
    if rsid:
        r.set(qn("w:rsidR"), rsid)
    props = rpr(b, i, size, extra_rpr)
    if len(props):
        r.append(props)
    if special is not None:
        r.append(special)
    if text is not None:
        r.append(text_el(tag, text))
    return r


class DocxWriter:
    def __init__(self, doc: Doc, artifacts: Artifacts | None):
        self.doc = doc
        self.art = artifacts
        self.d = docx.Document()
        self.change_id = 100
        self.bookmark_id = 0
        self._setup()

    def _setup(self):
        d = self.d
        normal = d.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(14)
        rfonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
        for a in ("ascii", "hAnsi", "eastAsia", "cs"):
            rfonts.set(qn(f"w:{a}"), "Times New Roman")
        sec = d.sections[0]
        sec.page_width, sec.page_height = 11906 * 635, 16838 * 635   # A4, EMU
        sec.top_margin = sec.bottom_margin = 1134 * 635             # 2 cm
        sec.left_margin, sec.right_margin = 1701 * 635, 850 * 635   # 3 cm, 1.5 cm
        cp = d.core_properties
        cp.author = cp.last_modified_by = self.doc.author
        cp.title = ""
        cp.comments = ""
        cp.created = cp.modified = datetime(2024, 9, 8, 8, 0, 0)
        cp.revision = 3
        self._numbering()
        if self.doc.page_number_header:
            # Nghị định 30: page numbers at the top, centred, from the second page
            sec.different_first_page_header_footer = True
            hp = sec.header.paragraphs[0]
            hp.alignment = 1
            hp._p.append(E('<w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>2</w:t></w:r></w:fldSimple>'))

    def _numbering(self):
        self.num_ids = {}
        numbering = self.d.part.numbering_part.element
        first_num = numbering.find(qn("w:num"))
        for n, (name, ld) in enumerate(self.doc.lists.items()):
            abstract_id, num_id = 20 + n, 20 + n
            a = w("abstractNum", abstractNumId=abstract_id)
            sub(a, "multiLevelType", val="hybridMultilevel" if len(ld.levels) == 1 else "multilevel")
            for lvl, (fmt, text, bold) in enumerate(ld.levels):
                L = sub(a, "lvl", ilvl=lvl)
                sub(L, "start", val=1)
                sub(L, "numFmt", val=fmt)
                sub(L, "lvlText", val=text)
                sub(L, "lvlJc", val="left")
                ppr = sub(L, "pPr")
                sub(ppr, "ind", left=0, firstLine=ld.indent_first)
                rp = sub(L, "rPr")
                if fmt == "bullet":
                    sub(rp, "rFonts", ascii="Times New Roman", hAnsi="Times New Roman", hint="default")
                if bold:
                    sub(rp, "b")
            first_num.addprevious(a)
            num = sub(numbering, "num", numId=num_id)
            sub(num, "abstractNumId", val=abstract_id)
            self.num_ids[name] = num_id

    # -- paragraphs --------------------------------------------------------
    def paragraph(self, p: P):
        el = w("p")
        art = self.art if (self.art and p.artifacts) else None
        if art:
            el.set(qn("w:rsidR"), art.rsid())
            el.set(qn("w:rsidRDefault"), art.rsid())
        ppr = sub(el, "pPr")
        if p.num:
            numpr = sub(ppr, "numPr")
            sub(numpr, "ilvl", val=p.num[1])
            sub(numpr, "numId", val=self.num_ids[p.num[0]])
        sub(ppr, "spacing", before=p.before * 20, after=p.after * 20, line=276 if p.size is None else 240,
            lineRule="auto")
        if p.first_line and not p.num:
            sub(ppr, "ind", firstLine=p.first_line)
        sub(ppr, "jc", val=p.align)
        if p.size:
            ppr.append(rpr(False, False, p.size))
        segs = p.segs
        if art:
            art.paragraphs += 1
        for k, s in enumerate(segs):
            if s.kind == "t":
                if art and art.rng.random() < 0.35:
                    for piece, misspelt in art.pieces(s.text):
                        if not piece:
                            continue
                        if misspelt:
                            sub(el, "proofErr", type="spellStart")
                        el.append(run(piece, s.b, s.i, p.size, rsid=art.rsid()))
                        if misspelt:
                            sub(el, "proofErr", type="spellEnd")
                else:
                    el.append(run(s.text, s.b, s.i, p.size, rsid=art.rsid() if art else None))
                if art and art.paragraphs == art.page_break_at and k == 0:
                    el[-1].insert(1 if len(el[-1]) > 1 else 0, w("lastRenderedPageBreak"))
            elif s.kind == "br":
                el.append(run(None, False, False, None, special=w("br")))
            elif s.kind == "tab":
                el.append(run(None, False, False, None, special=w("tab")))
            elif s.kind == "nbh":
                el.append(run(None, s.b, s.i, p.size, special=w("noBreakHyphen")))
            elif s.kind in ("del", "ins"):
                self.change_id += 1
                ch = sub(el, s.kind, id=self.change_id, author="Phòng Tổ chức cán bộ",
                         date="2024-09-06T08:30:00Z")
                ch.append(run(s.text, s.b, s.i, p.size, tag="delText" if s.kind == "del" else "t"))
            elif s.kind == "link":
                rid = self.d.part.relate_to(s.href, RT.HYPERLINK, is_external=True)
                h = sub(el, "hyperlink", history=1)
                h.set(qn("r:id"), rid)
                h.append(run(s.text, s.b, s.i, p.size,
                             extra_rpr=[w("color", val="0563C1"), w("u", val="single")]))
        return el

    def bookmark(self, p_el, name: str, position: int | None = None):
        """Wrap a bookmark around the runs of p_el (or drop an empty one at a run)."""
        bid = self.bookmark_id
        self.bookmark_id += 1
        start, end = w("bookmarkStart", id=bid, name=name), w("bookmarkEnd", id=bid)
        runs = p_el.findall(qn("w:r"))
        if position is None:
            runs[0].addprevious(start)
            runs[-1].addnext(end)
        else:
            runs[position].addprevious(start)
            start.addnext(end)

    def vml_line(self, p_el, x_from: str, x_to: str):
        """The short rule drawn under the issuing body / the motto, as Word 2003 drew it."""
        self.bookmark_id += 1
        r = E(f'<w:r><w:rPr><w:noProof/></w:rPr><w:pict><v:line id="_x0000_s10{self.bookmark_id:02d}" '
              f'style="position:absolute;z-index:251659264;mso-position-horizontal-relative:text;'
              f'mso-position-vertical-relative:text" from="{x_from}" to="{x_to}" strokeweight=".5pt"/>'
              f'</w:pict></w:r>')
        p_el.append(r)

    # -- tables ------------------------------------------------------------
    def table(self, t: Table):
        tbl = w("tbl")
        pr = sub(tbl, "tblPr")
        if t.borders:
            sub(pr, "tblStyle", val="TableGrid")
        sub(pr, "tblW", w=sum(t.widths), type="dxa")
        if t.role != "body":
            sub(pr, "jc", val="center")
        borders = sub(pr, "tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            if t.borders:
                sub(borders, side, val="single", sz=4, space=0, color="auto")
            else:
                sub(borders, side, val="none", sz=0, space=0, color="auto")
        sub(pr, "tblLayout", type="fixed")
        sub(pr, "tblLook", val="04A0", firstRow=1, lastRow=0, firstColumn=1, lastColumn=0,
            noHBand=0, noVBand=1)
        grid = sub(tbl, "tblGrid")
        for wd in t.widths:
            sub(grid, "gridCol", w=wd)
        for r_i, row in enumerate(t.rows):
            tr = sub(tbl, "tr")
            if t.header_row and r_i == 0:
                sub(sub(tr, "trPr"), "tblHeader")
            for c_i, cell in enumerate(row):
                tc = sub(tr, "tc")
                sub(sub(tc, "tcPr"), "tcW", w=t.widths[c_i], type="dxa")
                for p in cell:
                    tc.append(self.paragraph(p))
        return tbl

    def build(self, path: Path):
        body = self.d.element.body
        sect = body.find(qn("w:sectPr"))
        for blk in self.doc.blocks():
            el = self.table(blk) if isinstance(blk, Table) else self.paragraph(blk)
            sect.addprevious(el)
            self._decorate(blk, el)
        buf = io.BytesIO()
        self.d.save(buf)
        write_stable_zip(buf.getvalue(), path)

    def _decorate(self, blk, el):
        """Bookmarks and drawn rules, placed by what the block says."""
        if isinstance(blk, Table) and blk.role == "header":
            # rule under the issuing body (left) and under the motto line (right)
            cells = el.findall(f".//{qn('w:tc')}")
            left_ps, right_ps = cells[0].findall(qn("w:p")), cells[1].findall(qn("w:p"))
            self.vml_line(left_ps[1], "50pt,16pt", "110pt,16pt")
            self.vml_line(right_ps[1], "60pt,16pt", "220pt,16pt")
        if isinstance(blk, P) and self.art:
            markup = unicodedata.normalize("NFC", blk.markup)
            if markup.startswith(("**III.", "III.")):
                self.bookmark(el, "_Hlk95311022")
            if markup.startswith(("Yêu cầu toàn thể", "Trên đây là")):
                self.bookmark(el, "_GoBack", position=-1)


def write_stable_zip(data: bytes, path: Path):
    """Rewrite a zip with fixed entry times, so that rebuilding changes nothing."""
    src = zipfile.ZipFile(io.BytesIO(data))
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            out.writestr(zi, src.read(info.filename))


# ---------------------------------------------------------------------------
# Reading our own model back: Markdown body, plain text, LibreOffice's view
# ---------------------------------------------------------------------------

def visible_segs(p: P, label: tuple[str, bool] | None, *, accepted: bool, label_sep=" "):
    segs = []
    if label:
        segs.append(Seg("t", label[0] + label_sep, b=label[1]))
    for s in p.segs:
        if s.kind == "del" and accepted:
            continue
        segs.append(s)
    return segs


def plain(segs, *, links=False) -> str:
    out = ""
    for s in segs:
        if s.kind in ("t", "ins", "del"):
            out += s.text
        elif s.kind == "link":
            out += f"[{s.text}]({s.href})" if links else s.text
        elif s.kind == "tab":
            out += "\t"
        elif s.kind == "nbh":
            out += "-"
        elif s.kind == "br":
            out += "\n"
    return out


def md_inline(segs) -> str:
    """Markdown of a run of segments: emphasis kept, merged across runs, with the
    spaces at its edges moved outside the markers."""
    groups: list[list] = []   # [b, i, text]
    for s in segs:
        if s.kind == "tab":
            s = Seg("t", " ")
        if s.kind == "nbh":
            s = Seg("t", "-", s.b, s.i)
        if s.kind == "link":
            groups.append([False, False, f"[{s.text}]({s.href})"])
            continue
        if groups and groups[-1][0] == s.b and groups[-1][1] == s.i:
            groups[-1][2] += s.text
        else:
            groups.append([s.b, s.i, s.text])
    out = ""
    for b, i, text in groups:
        marker = "***" if b and i else "**" if b else "*" if i else ""
        core = text.strip()
        if not marker or not core:
            out += text
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        out += f"{lead}{marker}{core}{marker}{trail}"
    return re.sub(r"  +", " ", out)


def split_lines(segs):
    lines, cur = [], []
    for s in segs:
        if s.kind == "br":
            lines.append(cur)
            cur = []
        else:
            cur.append(s)
    lines.append(cur)
    return lines


def md_paragraph(p: P, label, *, emphasis=True, links=True) -> str:
    segs = visible_segs(p, label, accepted=True)
    if not links:
        segs = [Seg("t", s.text, s.b, s.i) if s.kind == "link" else s for s in segs]
    if not emphasis or p.role.startswith("h"):
        segs = [Seg(s.kind, s.text, False, False, s.href) for s in segs]
    if p.role.startswith("h"):
        return "#" * int(p.role[1]) + " " + plain(segs).replace("\t", " ").strip()
    lines = [md_inline(line).strip() for line in split_lines(segs)]
    if p.role == "li" and p.num:           # Word's bullet: the label is the list marker
        lines[0] = re.sub(r"^-\s*", "", lines[0])
        return "- " + lines[0]
    if p.role == "li":
        return re.sub(r"^[-–]\s*", "- ", lines[0])
    if len(lines) > 1 and all(re.match(r"[-–] ", ln) for ln in lines):
        return "\n".join(re.sub(r"^[-–] ", "- ", ln) for ln in lines)   # a list typed with Shift+Enter
    return " \\\n".join(lines)


def md_table(t: Table, counters, *, emphasis=True, joiner="<br>") -> str:
    rows = []
    for r_i, row in enumerate(t.rows):
        cells = []
        for cell in row:
            texts = [md_paragraph(P(p.markup if not (t.header_row and r_i == 0) else p.markup.replace("**", "")),
                                  counters.label(p), emphasis=emphasis) for p in cell]
            cells.append(joiner.join(x for x in texts if x))
        rows.append("| " + " | ".join(cells) + " |")
    rows.insert(1, "|" + " --- |" * len(t.rows[0]))
    return "\n".join(rows)


def expected_body(doc: Doc, *, emphasis=True, links=True, joiner="<br>") -> str:
    counters = Counters(doc)
    for blk in doc.front:              # keep the counters in step
        if isinstance(blk, P):
            counters.label(blk)
    out = []
    for blk in doc.body:
        if isinstance(blk, Table):
            out.append(md_table(blk, counters, emphasis=emphasis, joiner=joiner))
        else:
            out.append(md_paragraph(blk, counters.label(blk), emphasis=emphasis, links=links))
    return "\n\n".join(x for x in out if x) + "\n"


def pasted_text(doc: Doc) -> str:
    """The plan as an office pastes it into a text box: labels typed out (with the
    tab Word puts after them), tracked changes accepted, tables as tab-separated
    rows, the header and signature cells one line each, blank lines between paragraphs."""
    counters = Counters(doc)
    out: list[str] = []
    for blk in doc.blocks():
        if isinstance(blk, Table):
            if blk.role == "body":
                for row in blk.rows:
                    out.append("\t".join(" ".join(plain(visible_segs(p, counters.label(p), accepted=True))
                                                  .replace("**", "") for p in cell) for cell in row))
                out.append("")
            else:
                for row in blk.rows:
                    for cell in row:
                        for p in cell:
                            t = plain(visible_segs(p, counters.label(p), accepted=True, label_sep="\t"))
                            if t.strip():
                                out.append(t)
                out.append("")
        else:
            t = plain(visible_segs(blk, counters.label(blk), accepted=True, label_sep="\t"))
            out.append(t)
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def lo_view_lines(doc: Doc) -> list[str]:
    """The lines LibreOffice's text export should give: every paragraph with its
    label; deleted text still there (LibreOffice keeps tracked deletions in the text)."""
    counters = Counters(doc)
    lines: list[str] = []
    for blk in doc.blocks():
        ps = [p for row in blk.rows for cell in row for p in cell] if isinstance(blk, Table) else [blk]
        for p in ps:
            lines += plain(visible_segs(p, counters.label(p), accepted=False)).split("\n")
    return lines


def norm_lines(lines) -> list[str]:
    out = []
    for ln in lines:
        ln = unicodedata.normalize("NFC", ln).replace("\u2011", "-").replace("\u00a0", " ")
        ln = ln.replace("\u2022", "-")
        ln = re.sub(r"\s+", " ", ln).strip()
        if ln:
            out.append(ln)
    return out


# ---------------------------------------------------------------------------
# The plans
# ---------------------------------------------------------------------------

def cellp(markup: str, align="center", size=13, before=0) -> P:
    return P(markup, align=align, first_line=0, size=size, before=before, artifacts=False)


def header_one_row(left: list[str], right: list[str]) -> Table:
    """Issuing body, number | Quốc hiệu, tiêu ngữ, place and date — one row."""
    return Table([[[cellp(x) for x in left], [cellp(x) for x in right]]],
                 widths=[3686, 5670], role="header")


def header_two_rows(left: list[str], right: list[str], number: str, date: str) -> Table:
    """The other common layout: names in the first row, number and date in the second."""
    return Table([[[cellp(x) for x in left], [cellp(x) for x in right]],
                  [[cellp(number, before=6)], [cellp(date, size=14, before=6)]]],
                 widths=[3686, 5670], role="header")


def title(*lines: str) -> list[P]:
    out = [P("**KẾ HOẠCH**", align="center", first_line=0, before=18, artifacts=False)]
    out += [P(x, align="center", first_line=0, before=0, after=12, artifacts=False) for x in lines]
    return out


def signature(recipients: list[P], right: list[str], widths=(4536, 4820)) -> Table:
    left = [cellp("***Nơi nhận:***", align="left", size=12, before=6), *recipients]
    return Table([[left, [cellp(x, size=14, before=0) for x in right]]], widths=list(widths),
                 role="signature")


def recipient(markup: str) -> P:
    return cellp(markup, align="left", size=11)


def h2(m, **kw): return P(f"**{m}**", role="h2", before=12, first_line=567, **kw)
def h3(m, **kw): return P(f"**{m}**", role="h3", **kw)
def li(m, **kw): return P(m, role="li", **kw)


DASH = ListDef([("bullet", "-", False)])
LETTER = ListDef([("lowerLetter", "%1)", True)])
OUTLINE = ListDef([("upperRoman", "%1.", True), ("decimal", "%2.", True), ("lowerLetter", "%3)", True)])


def seed_plan(*, nfd=False) -> Doc:
    """The 2022 plan of Sở Nội vụ tỉnh Hà Tĩnh, text as in the .txt."""
    dash = ("dash", 0)
    quoc_hieu = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" if nfd else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    front = [
        header_one_row(
            ["UBND TỈNH HÀ TĨNH", "**SỞ NỘI VỤ**", "Số:      /KH-SNV"],
            [f"**{quoc_hieu}**", "**Độc lập - Tự do - Hạnh phúc**", "*Hà Tĩnh, ngày    tháng 01 năm 2022*"]),
        *title("**phát động phong trào thi đua thực hiện\nthắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022**"),
    ]
    body = [
        P("Thực hiện Chỉ thị số 34/2014/CT-TW ngày 07/04/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng; Chỉ thị số 41-CT-TU ngày 09/9/2014 của Ban Thường vụ Tỉnh ủy về tăng cường lãnh đạo, chỉ đạo đổi mới công tác thi đua, khen thưởng; Luật Thi đua, khen thưởng, các văn bản hướng dẫn thi hành; Chỉ thị số 02/CT-UBND ngày 19/01/2022 của Ủy ban nhân dân tỉnh về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022; Sở Nội vụ xây dựng Kế hoạch phát động phong trào thi đua thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022, cụ thể như sau:"),
        h2("I. MỤC ĐÍCH, YÊU CẦU"),
        h3("1. Mục đích"),
        li("Nhằm phát huy sức mạnh đoàn kết, dân chủ, tích cực, chủ động, trách nhiệm, sáng tạo, nâng cao chất lượng và hiệu quả công tác, quyết tâm thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022 và giai đoạn 2021 – 2025 theo Nghị quyết, Chương trình hành động của Đảng bộ tỉnh khoá XIX, nhiệm kỳ 2020-2025 và kế hoạch, Chương trình công tác năm 2022 của UBND tỉnh, khung kế hoạch nhiệm vụ trọng tâm năm 2022 của Sở Nội vụ.", num=dash),
        li("Thông qua việc tổ chức các hoạt động thi đua nhằm nâng cao nhận thức cho cán bộ, công chức, viên chức và người lao động trong cơ quan về vai trò, tác dụng của phong trào thi đua trong giai đoạn hiện nay.", num=dash),
        li("Phát hiện kịp thời các tập thể, cá nhân điển hình tiên tiến, những cách làm mới, làm hay có hiệu quả để nhân rộng trong cơ quan, đơn vị.", num=dash),
        h3("2. Yêu cầu"),
        li("Phong trào thi đua phải thiết thực, hiệu quả, tránh hình thức; công tác khen thưởng phải kịp thời, chính xác, đảm bảo công khai, dân chủ, minh bạch.", num=dash),
        li("Việc tổ chức phong trào thi đua gắn với hoạt động kỷ niệm các ngày lễ lớn của đất nước, của tỉnh, của ngành trong năm 2022; kết thúc các đợt thi đua tổ chức sơ kết, tổng kết, kịp thời biểu dương khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua.", num=dash),
        li("Đảm bảo sự lãnh đạo, chỉ đạo thống nhất, sâu sát và sự phối hợp chặt chẽ, hiệu quả của cơ quan Văn phòng Sở, các đơn vị trực thuộc Sở trong tổ chức thực hiện nhiệm vụ được giao.", num=dash),
        h2("II.\tCHỦ ĐỀ, NỘI DUNG, MỤC TIÊU THI ĐUA"),
        h3("1. Chủ đề thi đua năm 2022:"),
        P("***“Đoàn kết, đổi mới, thi đua hoàn thành vượt mức các chỉ tiêu, nhiệm vụ năm 2022”.***", align="center", first_line=0),
        h3("2. Nội dung thi đua"),
        li("- Tiếp tục thực hiện có hiệu quả Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về “Tiếp tục đổi mới công tác thi đua, khen thưởng”; các văn bản pháp luật về Thi đua, khen thưởng; Chỉ thị số 19/CT-TTg ngày 16/7/2021 Thủ tướng Chính phủ về việc phát động thi đua thực hiện nhiệm vụ phát triển kinh tế - xã hội hằng năm và Kế hoạch 05 năm (2021 - 2025) theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; Chỉ thị số 08-CT/TU ngày 24/5/2021 của Ban Thường vụ Tỉnh ủy về đẩy mạnh phong trào thi đua yêu nước thực hiện thắng lợi Nghị quyết Đại hội Đảng các cấp nhiệm kỳ 2020 - 2025; Nghị quyết số 10-NQ/TU ngày 13/12/2021 của Ban Chấp hành Đảng bộ tỉnh về tình hình kinh tế - xã hội, quốc phòng, an ninh năm 2021, mục tiêu, nhiệm vụ, giải pháp năm 2022; Kế hoạch số 177/KH-UBND ngày 25/5/2021 về tổ chức phong trào thi đua thực hiện Kế hoạch phát triển kinh tế - xã hội 05 năm (2021 - 2025) theo Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX."),
        li("- Bám sát nhiệm vụ chính trị, tổ chức phát động phong trào thi đua triển khai thực hiện hiệu quả, cụ thể hóa các chủ trương, nghị quyết, chỉ thị, quy định, quy chế, kết luận của Trung ương, của Ban Chấp hành Đảng bộ tỉnh và Ban Thường vụ Tỉnh ủy. Thực hiện linh hoạt, hiệu quả mục tiêu vừa phòng, chống dịch COVID{nbh}19, vừa phục hồi, phát triển kinh tế - xã hội."),
        P("\tTiếp tục hưởng ứng và thực hiện có hiệu quả các phong trào thi đua: “Cả tỉnh chung sức xây dựng tỉnh Hà Tĩnh đạt chuẩn nông thôn mới” giai đoạn 2021 - 2025; “Cả tỉnh chung sức, đồng lòng thi đua phòng, chống hiệu quả dịch bệnh COVID-19”, “Cán bộ, công chức, viên chức Hà Tĩnh thi đua thực hiện văn hóa công sở”; “Cải cách hành chính”; “Xây dựng đời sống văn hóa”; “Toàn dân bảo vệ an ninh tổ quốc”; “Đảm bảo trật tự an toàn giao thông”; “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”; phong trào thi đua trong lĩnh vực xây dựng Đảng, hệ thống chính trị, bộ máy nhà nước trong sạch, vững mạnh; đẩy mạnh phòng chống tham nhũng, lãng phí; thực hiện cải cách hành chính nhằm phục vụ tốt nhất cho người dân và doanh nghiệp; thi đua đảm bảo an ninh, trật tự, chống buôn lậu, gian lận thương mại và hàng giả trước, trong và sau Tết Nguyên đán Nhâm Dần năm 2022,...", first_line=0),
        li("- Xây dựng tổ chức Đảng, chính quyền, đoàn thể trong sạch vững mạnh, hoạt động có hiệu quả. Tăng cường công tác giáo dục pháp luật, giáo dục truyền thống cho cán bộ, công chức, viên chức và người lao động trong cơ quan, đơn vị;"),
        P("đẩy mạnh thực hành tiết kiệm, chống lãng phí; quản lý nguồn kinh phí được giao đảm bảo đúng quy định; sử dụng tài sản công đúng mục đích, có hiệu quả."),
        li("- Nâng cao tinh thần, trách nhiệm thực hiện nhiệm vụ được giao, đổi mới phương thức lãnh đạo, quản lý, điều hành; thể chế hóa và xây dựng kế hoạch triển khai thực hiện các lĩnh vực quản lý nhà nước của ngành Nội vụ."),
        li("- Tiếp tục thực hiện có hiệu quả phong trào thi đua “Hà Tĩnh chung sức xây dựng nông thôn mới”, “Cả tỉnh chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”, “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở”, “Toàn dân bảo vệ an ninh tổ quốc”;..."),
        li("- Nâng cao vai trò, trách nhiệm trong hoạt động của Hội đồng Thi đua - Khen thưởng và vai trò tham mưu của bộ phận giúp việc để tham mưu cho Giám đốc Sở trong tổ chức triển khai phong trào thi đua đạt hiệu quả; nâng cao chất lượng công tác khen thưởng, thực hiện công khai, dân chủ trong bình xét khen thưởng, việc khen thưởng phải đạt mục đích “động viên, giáo dục, nêu gương”."),
        li("- Nâng cao chất lượng tham mưu, đề xuất đối với các lĩnh vực công tác được giao; phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu nhiệm vụ công tác năm 2022 đề ra."),
        li("- Đẩy mạnh việc triển khai thực hiện công tác cải cách hành chính; tăng cường ứng dụng công nghệ thông tin; áp dụng có hiệu quả hệ thống tiêu chuẩn ISO 9001:2015 trong hoạt động quản lý hành chính tại Cơ quan Văn phòng Sở và các đơn vị trực thuộc; chấp hành tốt quy chế làm việc, quy chế dân chủ cơ sở,... tổ chức thực hiện tốt việc kiểm soát thủ tục hành chính tạo điều kiện thuận lợi cho tổ chức, cá nhân đến giao dịch; thực hiện tốt quy chế dân chủ cơ sở đảm bảo công khai, minh bạch trong cơ quan, đơn vị."),
        li("- Tích cực vận động công chức, viên chức, người lao động trong cơ quan hưởng ứng tham gia đầy đủ có hiệu quả các hoạt động xã hội do trung ương và tỉnh phát động."),
        li("- Khen thưởng và trình khen thưởng kịp thời cho các tập thể, cá nhân có thành tích xuất sắc trong các phong trào thi đua, trong lao động và công tác. Chú trọng khen thưởng thành tích chuyên đề, đột xuất, khen thưởng cho công chức, viên chức và người lao động không giữ chức vụ lãnh đạo, quản lý."),
        li("- Tổ chức đánh giá sơ kết, tổng kết rút kinh nghiệm trong chỉ đạo, tổ chức các phong trào thi đua, kịp thời phát hiện và tuyên dương, khen thưởng những cá nhân, tập thể tiên tiến, tạo động lực thúc đẩy phong trào thi đua ngày càng phát triển."),
        h3("3. Mục tiêu thi đua"),
        P("***Đối với các tập thể:***", role="h4", num=("letter", 0)),
        li("- Tập thể cơ quan Sở hoàn thành xuất sắc nhiệm vụ, được UBND tỉnh tặng Cờ thi đua hoặc Bằng khen."),
        li("- 100% phòng, ban, trung tâm đạt danh hiệu tập thể lao động tiên tiến, trong đó 20% tập thể đạt danh hiệu tập thể lao động xuất sắc, 2 - 3 Phòng, ban, trung tâm được Bộ Nội vụ, UBND tỉnh tặng bằng khen, trong đó 1 đơn vị trực thuộc được tặng Cờ thi đua Ủy ban nhân dân tỉnh."),
        li("- Thực hiện tiết kiệm chi, nâng cao đời sống vật chất, tinh thần, phấn đấu thu nhập tăng thêm của CBCC năm 2022 cao hơn năm 2021."),
        li("- Tổ chức Công đoàn, Đoàn Thanh niên hoàn thành xuất sắc nhiệm vụ."),
        P("***Đối với cá nhân:***", role="h4", num=("letter", 0)),
        li("– Phấn đấu 100% cán bộ, công chức, viên chức hoàn thành tốt nhiệm vụ trở lên;"),
        li("– 100% cán bộ, công chức, viên chức đạt danh hiệu lao động tiên tiến, trong đó 15% đạt chiến sỹ thi đua cơ sở; 15% cá nhân được Bộ Nội vụ, UBND tỉnh tặng Bằng khen."),
        li("– Có cá nhân được Thủ tướng Chính phủ tặng Bằng khen."),
        h2("III. THỜI GIAN TỔ CHỨC VÀ CÁC ĐỢT THI ĐUA"),
        P("**a) Đợt thi đua thứ nhất** (từ tháng 01/2022 đến 30/6/2022): thi đua lập thành tích chào mừng kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2022), gắn với hoạt động mừng Xuân Nhâm Dần; 47 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2022); 68 năm Ngày Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2022); 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022); 115 năm Ngày sinh Tổng Bí thư Lê Duẩn (07/4/1907 - 07/4/2022); 65 năm Ngày Bác Hồ về thăm Hà Tĩnh (15/6/1957 - 15/6/2022) và 15 năm thành lập thành phố Hà Tĩnh (28/5/2007 - 28/5/2022). Phấn đấu hoàn thành các nhiệm vụ, chỉ tiêu kế hoạch 06 tháng đầu năm 2022. Tổ chức tổng kết đợt thi đua, gắn với sơ kết việc thực hiện nhiệm vụ 06 tháng đầu năm 2022, hoàn thành trước ngày 15/7/2022."),
        P("**b) Đợt thi đua thứ hai** (từ ngày 01/7/2022 đến ngày 31/12/2022): thi đua lập thành tích chào mừng kỷ niệm 77 năm Ngày Cách mạng tháng Tám thành công (19/8/1945 - 19/8/2022) và Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2022); kỷ niệm 75 năm Ngày Thương binh Liệt sỹ (27/7/1947 - 27/7/2022); kỷ niệm 175 năm ngày sinh Đĩnh nguyên Tiến sỹ Phan Đĩnh Phùng (06/6/1847 - 06/6/2022), lãnh tụ của Phong trào Cần Vương; 92 năm Xô Viết Nghệ Tĩnh (12/9/1930 - 12/9/2022); 92 năm Ngày thành lập Mặt trận Dân tộc thống nhất Việt Nam (18/11/1930 - 18/11/2022);... với mục tiêu thi đua hoàn thành toàn diện các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2022. Tổ chức tổng kết phong trào thi đua, gắn với hội nghị tổng kết công tác năm 2022, triển khai nhiệm vụ năm 2023, hoàn thành trước ngày 31/12/2022."),
        P("*Ngoài các đợt thi đua nêu trên, có thể tổ chức các đợt thi đua chuyên đề ngắn ngày theo yêu cầu nhiệm vụ thực tế.*"),
        h2("IV. TỔ CHỨC THỰC HIỆN"),
        h3("1. Các phòng, ban, trung tâm thuộc và trực thuộc Sở"),
        P("- Tổ chức quán triệt mục đích, yêu cầu, nội dung kế hoạch này đến toàn thể công chức, viên chức và người lao động trong toàn cơ quan.\n"
          "- Xây dựng nội dung, biện pháp tổ chức triển khai các phong trào thi đua đạt hiệu quả cao nhất.\n"
          "- Báo cáo kết quả thực hiện các phong trào thi đua theo từng đợt đúng tiến độ.\n"
          "- Tổ chức đánh giá, bình xét khen thưởng, biểu dương kịp thời những tập thể, cá nhân có thành tích xuất sắc, báo cáo kết quả triển khai và đề nghị Hội đồng sáng kiến và thi đua, khen thưởng của Sở Nội vụ trình Giám đốc xem xét, khen thưởng đối với các tập thể, cá nhân có thành tích trong các phong trào thi đua."),
        h3("2. Văn phòng Sở"),
        P("- Tổng hợp, theo dõi, đôn đốc các phòng, ban, trung tâm thực hiện kế hoạch; tổng hợp, báo cáo lãnh đạo sở về kết quả triển khai, thực hiện kế hoạch.\n"
          "- Phối hợp với các phòng, ban, trung tâm và các tổ chức đoàn thể tổ chức tốt các nội dung theo kế hoạch.\n"
          "- Đăng tải kịp thời các nội dung phát động các phong trào thi đua, công tác khen thưởng trên Cổng thông tin điện tử của Sở."),
        h3("3. Ban Chấp hành Công đoàn cơ quan Sở"),
        P("Thường xuyên phối hợp với các phòng, ban, trung tâm tổ chức phát động các phong trào thi đua và động viên đoàn viên, người lao động tham gia, thực hiện tốt các phong trào thi đua năm 2022."),
        P("Yêu cầu toàn thể cán bộ, công chức, viên chức và người lao động trong cơ quan Sở Nội vụ tích cực hăng hái thi đua lập nhiều thành tích góp phần thực hiện thắng lợi nhiệm vụ chính trị được giao./."),
    ]
    back = [signature(
        [recipient(x) for x in ["- UBND tỉnh (để b/c);", "- Giám đốc, các PGĐ Sở;",
                                "- Các phòng, ban, trung tâm thuộc Sở;", "- Lưu: VT, VP."]],
        ["**GIÁM ĐỐC**", "", "", "", "", "**Phan Thị Tô Hoa**"])]
    doc = Doc("seed-plan", front, body, back, lists={"dash": DASH, "letter": LETTER},
              author="Văn phòng Sở Nội vụ")
    return to_nfd(doc) if nfd else doc


def to_nfd(doc: Doc) -> Doc:
    def conv(blk):
        if isinstance(blk, Table):
            for row in blk.rows:
                for cell in row:
                    for p in cell:
                        p.markup = unicodedata.normalize("NFD", p.markup)
        else:
            blk.markup = unicodedata.normalize("NFD", blk.markup)
    for blk in doc.blocks():
        conv(blk)
    doc.author = unicodedata.normalize("NFD", doc.author)
    return doc


def other_plan() -> Doc:
    """Sở Giáo dục và Đào tạo tỉnh Nghệ An, năm học 2024-2025 (an invented plan in
    the usual wording; see NOTES.md). Word's multilevel numbering gives I./1./a)."""
    o0, o1, o2 = ("outline", 0), ("outline", 1), ("outline", 2)
    front = [
        header_two_rows(["UBND TỈNH NGHỆ AN", "**SỞ GIÁO DỤC VÀ ĐÀO TẠO**"],
                        ["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**"],
                        "Số: 15/KH-SGDĐT", "*Nghệ An, ngày 08 tháng 9 năm 2024*"),
        *title("**Phát động phong trào thi đua năm học 2024-2025**"),
    ]
    body = [
        P("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
        P("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"),
        P("Căn cứ Thông tư số 21/2020/TT-BGDĐT ngày 31 tháng 7 năm 2020 của Bộ trưởng Bộ Giáo dục và Đào tạo hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục;"),
        P("Thực hiện Chỉ thị số 09/CT-UBND ngày 26/8/2024 của Ủy ban nhân dân tỉnh về nhiệm vụ trọng tâm năm học 2024-2025,"),
        P("Sở Giáo dục và Đào tạo xây dựng Kế hoạch phát động phong trào thi đua năm học 2024-2025 như sau:"),
        P("**MỤC ĐÍCH, YÊU CẦU**", role="h2", num=o0),
        P("**Mục đích**", role="h3", num=o1),
        li("- Cụ thể hóa các phong trào thi đua yêu nước do Thủ tướng Chính phủ, Bộ Giáo dục và Đào tạo và Ủy ban nhân dân tỉnh phát động; tạo khí thế thi đua sôi nổi, rộng khắp trong toàn ngành, góp phần thực hiện thắng lợi nhiệm vụ năm học 2024-2025."),
        li("- Phát hiện, bồi dưỡng, tôn vinh các tập thể, cá nhân tiêu biểu, các mô hình hay, cách làm sáng tạo trong quản lý, giảng dạy và học tập để nhân rộng trong toàn ngành."),
        P("**Yêu cầu**", role="h3", num=o1),
        li("- Phong trào thi đua phải có nội dung thiết thực, hình thức phong phú, gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị, trường học; chống bệnh thành tích, hình thức trong thi đua."),
        li("\t- Việc bình xét, khen thưởng phải công khai, dân chủ, đúng đối tượng, đúng tiêu chuẩn; chú trọng khen thưởng giáo viên, nhân viên trực tiếp giảng dạy, công tác ở vùng khó khăn, vùng đồng bào dân tộc thiểu số và miền núi.", first_line=0),
        P("**CHỦ ĐỀ, NỘI DUNG, CHỈ TIÊU THI ĐUA**", role="h2", num=o0),
        P("**Chủ đề thi đua: “Đổi mới, sáng tạo trong quản lý, giảng dạy và học tập”.**", role="h3", num=o1),
        P("**Nội dung thi đua**", role="h3", num=o1),
        li("- Thi đua thực hiện tốt các cuộc vận động, phong trào thi đua của ngành: “Đổi mới, sáng tạo trong quản lý, giảng dạy và học tập”, “Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo”, “Xây dựng trường học an toàn, thân thiện, hạnh phúc”; gắn với việc đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
        li("- Thi đua thực hiện hiệu quả Chương trình giáo dục phổ thông 2018; đổi mới phương pháp dạy học, kiểm tra, đánh giá theo định hướng phát triển phẩm chất, năng lực học sinh; nâng cao chất lượng giáo dục đại trà và giáo dục mũi nhọn, phấn đấu kết quả Kỳ thi tốt nghiệp trung học phổ thông năm 2025 xếp thứ hạng cao trong toàn quốc."),
        li("- Thi đua xây dựng đội ngũ nhà giáo và cán bộ quản lý giáo dục đủ về số lượng, đồng bộ về cơ cấu, {del:đạt chuẩn và trên chuẩn, }có phẩm chất đạo đức tốt, vững vàng về chuyên môn, nghiệp vụ."),
        li("- Thi đua đẩy mạnh chuyển đổi số, ứng dụng công nghệ thông tin trong quản lý và dạy học; thực hiện tốt cải cách hành chính, văn hóa công sở; thực hành tiết kiệm, chống lãng phí{ins:; phòng, chống tham nhũng, tiêu cực}."),
        P("**Chỉ tiêu thi đua**", role="h3", num=o1),
        P("***Đối với tập thể:***", role="h4", num=o2),
        li("- 100% tập thể đạt danh hiệu Tập thể lao động tiên tiến; trong đó có từ 30% trở lên số tập thể đạt danh hiệu Tập thể lao động xuất sắc."),
        li("- Có từ 03 đến 05 tập thể được Chủ tịch UBND tỉnh tặng Bằng khen; 01 tập thể được đề nghị tặng Cờ thi đua của Bộ Giáo dục và Đào tạo."),
        li("- Không có tập thể vi phạm kỷ luật; không có cán bộ, giáo viên, nhân viên vi phạm đạo đức nhà giáo."),
        P("***Đối với cá nhân:***", role="h4", num=o2),
        li("- 100% cán bộ, giáo viên, nhân viên hoàn thành nhiệm vụ được giao; trên 90% cá nhân đạt danh hiệu Lao động tiên tiến."),
        li("- Trên 20% cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở."),
        li("- Số cá nhân được đề nghị Chủ tịch UBND tỉnh tặng Bằng khen không quá 15% số cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở."),
        li("- Có ít nhất 02 cá nhân được đề nghị tặng danh hiệu Chiến sĩ thi đua cấp tỉnh; có cá nhân được đề nghị Thủ tướng Chính phủ tặng Bằng khen."),
        P("**THỜI GIAN VÀ CÁC ĐỢT THI ĐUA**", role="h2", num=o0),
        P("Phong trào thi đua được tổ chức trong năm học 2024-2025, chia thành 03 đợt:"),
        P("**Đợt thi đua thứ nhất** (từ ngày 05/9/2024 đến ngày 31/12/2024): thi đua lập thành tích chào mừng kỷ niệm 70 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024); 94 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 - 20/10/2024); 42 năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/2024); 80 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 – 22/12/2024) và 35 năm Ngày hội Quốc phòng toàn dân (22/12/1989 – 22/12/2024). Phấn đấu hoàn thành chương trình, kế hoạch dạy học học kỳ I. Sơ kết đợt thi đua gắn với sơ kết học kỳ I, hoàn thành trước ngày 10/01/2025.", num=o2),
        P("**Đợt thi đua thứ hai** (từ tháng 01/2025 đến ngày 30/4/2025): thi đua lập thành tích chào mừng kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025), mừng Xuân Ất Tỵ; 115 năm Ngày Quốc tế Phụ nữ (08/3/1910 - 08/3/2025); 94 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh (26/3/1931 - 26/3/2025); hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam (21/4/2025); 50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025). Phấn đấu hoàn thành tốt các kỳ thi chọn học sinh giỏi cấp tỉnh, cấp quốc gia. Sơ kết đợt thi đua hoàn thành trước ngày 10/5/2025.", num=o2),
        P("**Đợt thi đua thứ ba** (từ ngày 01/5/2025 đến ngày 31/5/2025): thi đua lập thành tích chào mừng kỷ niệm 71 năm Ngày Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2025); 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890-19/5/2025). Phấn đấu hoàn thành toàn diện các chỉ tiêu, nhiệm vụ năm học 2024-2025. Tổng kết phong trào thi đua gắn với tổng kết năm học, hoàn thành trước ngày 15/6/2025.", num=o2),
        P("**TỔ CHỨC THỰC HIỆN**", role="h2", num=o0),
        P("**Văn phòng Sở**", role="h3", num=o1),
        li("- Tham mưu Giám đốc Sở tổ chức phát động, hướng dẫn, theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch; tổng hợp kết quả, tham mưu Hội đồng Thi đua - Khen thưởng ngành sơ kết, tổng kết các đợt thi đua."),
        li("- Đăng tải Kế hoạch và các văn bản hướng dẫn trên {link:https://example.edu.vn/thi-dua-khen-thuong|Cổng thông tin điện tử của Sở}."),
        P("**Các phòng chuyên môn, nghiệp vụ thuộc Sở**", role="h3", num=o1),
        li("- Căn cứ chức năng, nhiệm vụ, hướng dẫn, kiểm tra các đơn vị triển khai nội dung thi đua thuộc lĩnh vực phụ trách."),
        P("**Phòng Giáo dục và Đào tạo các huyện, thành phố, thị xã; các đơn vị trực thuộc Sở**", role="h3", num=o1),
        li("- Xây dựng kế hoạch, tổ chức phát động phong trào thi đua tại đơn vị; gửi bản đăng ký thi đua về Sở (qua Văn phòng Sở)."),
        li("- Thực hiện chế độ báo cáo theo bảng sau:"),
        Table([
            [[cellp("**TT**")], [cellp("**Nội dung báo cáo**")], [cellp("**Thời hạn gửi về Sở**")]],
            [[cellp("1")], [cellp("Bản đăng ký thi đua năm học 2024-2025", align="left")], [cellp("Trước ngày 30/9/2024")]],
            [[cellp("2")], [cellp("Báo cáo sơ kết đợt thi đua thứ nhất; danh sách đề nghị khen thưởng", align="left")], [cellp("Trước ngày 10/01/2025")]],
            [[cellp("3")], [cellp("Báo cáo sơ kết đợt thi đua thứ hai", align="left")], [cellp("Trước ngày 10/5/2025")]],
            [[cellp("4")], [cellp("Báo cáo tổng kết năm học;", align="left"), cellp("Hồ sơ đề nghị khen thưởng (bản giấy và bản điện tử)", align="left")], [cellp("Trước ngày 15/6/2025")]],
        ], widths=[680, 5556, 3120], role="body", borders=True, header_row=True),
        P("Bản điện tử gửi qua địa chỉ thư điện tử {link:mailto:thiduakhenthuong@example.edu.vn|thiduakhenthuong@example.edu.vn}."),
        P("**Công đoàn ngành Giáo dục**", role="h3", num=o1),
        P("Phối hợp với Sở Giáo dục và Đào tạo phát động, tổ chức phong trào thi đua trong đoàn viên, người lao động; tham gia Hội đồng Thi đua - Khen thưởng ngành."),
        P("Trên đây là Kế hoạch phát động phong trào thi đua năm học 2024-2025 của Sở Giáo dục và Đào tạo. Đề nghị các đơn vị nghiêm túc triển khai thực hiện./."),
    ]
    back = [signature(
        [recipient("- Bộ GD&ĐT (để b/c);\n- UBND tỉnh (để b/c);\n- Ban Thi đua - Khen thưởng tỉnh;\n"
                   "- Giám đốc, các PGĐ Sở;\n- Các phòng GD&ĐT, đơn vị trực thuộc Sở;\n- Lưu: VT, VP.")],
        ["**KT. GIÁM ĐỐC**", "**PHÓ GIÁM ĐỐC**", "", "*(Đã ký)*", "", "**Lê Thị Thu Hà**"])]
    return Doc("other-plan", front, body, back, lists={"outline": OUTLINE},
               author="Văn phòng Sở GD&ĐT", page_number_header=True)


# A short plan of Sở Tư pháp tỉnh Quảng Trị, the base of the broken fixtures:
# each of them changes one thing.

QT_PHASE_1 = ("**a) Đợt thi đua thứ nhất** (từ ngày {start1} đến ngày 30/6/2024): thi đua lập thành tích chào mừng "
              "kỷ niệm {party} Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024); 70 năm Ngày Chiến thắng "
              "Điện Biên Phủ (07/5/1954 - 07/5/2024); 134 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2024). "
              "Sơ kết đợt thi đua hoàn thành trước ngày 15/7/2024.")
QT_PHASE_2 = ("**b) Đợt thi đua thứ hai** (từ ngày 01/7/2024 đến ngày 30/11/2024): thi đua lập thành tích chào mừng "
              "79 năm Ngày Cách mạng tháng Tám thành công (19/8/1945 - 19/8/2024) và Quốc khánh nước Cộng hòa xã hội chủ "
              "nghĩa Việt Nam (02/9/1945 - 02/9/2024); 79 năm Ngày truyền thống ngành Tư pháp Việt Nam (28/8/1945 - "
              "28/8/2024); Ngày Pháp luật Việt Nam (09/11/2024). Tổng kết phong trào thi đua hoàn thành trước ngày 15/12/2024.")


def quang_tri_plan(name: str, time_section: list[P]) -> Doc:
    front = [
        header_one_row(["UBND TỈNH QUẢNG TRỊ", "**SỞ TƯ PHÁP**", "Số: 25/KH-STP"],
                       ["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**",
                        "*Quảng Trị, ngày 15 tháng 01 năm 2024*"]),
        *title("**Phát động phong trào thi đua năm 2024**"),
    ]
    body = [
        P("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
        P("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"),
        P("Sở Tư pháp xây dựng Kế hoạch phát động phong trào thi đua năm 2024 như sau:"),
        h2("I. MỤC ĐÍCH, YÊU CẦU"),
        li("- Phát huy tinh thần trách nhiệm, chủ động, sáng tạo của công chức, viên chức, người lao động, thi đua hoàn thành xuất sắc nhiệm vụ công tác tư pháp năm 2024."),
        li("- Việc bình xét khen thưởng bảo đảm công khai, dân chủ, chính xác, kịp thời."),
        h2("II. CHỦ ĐỀ, NỘI DUNG THI ĐUA"),
        P("Chủ đề thi đua: ***“Kỷ cương, trách nhiệm, sáng tạo, thi đua hoàn thành thắng lợi nhiệm vụ công tác tư pháp năm 2024”***."),
        li("- Thi đua hoàn thành đúng tiến độ, bảo đảm chất lượng công tác thẩm định, kiểm tra văn bản quy phạm pháp luật; phổ biến, giáo dục pháp luật; hành chính tư pháp, bổ trợ tư pháp."),
        h2("III. CHỈ TIÊU THI ĐUA"),
        li("- 100% phòng, đơn vị thuộc Sở đạt danh hiệu Tập thể lao động tiên tiến."),
        li("- Có từ 01 đến 02 cá nhân được Chủ tịch UBND tỉnh tặng Bằng khen."),
        h2("IV. THỜI GIAN VÀ CÁC ĐỢT THI ĐUA"),
        *time_section,
        h2("V. TỔ CHỨC THỰC HIỆN"),
        P("Văn phòng Sở chủ trì, phối hợp với các phòng, đơn vị thuộc Sở triển khai, theo dõi, tổng hợp kết quả thực hiện Kế hoạch này./."),
    ]
    back = [signature([recipient(x) for x in ["- UBND tỉnh (để b/c);", "- Ban Thi đua - Khen thưởng tỉnh;",
                                               "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP."]],
                      ["**GIÁM ĐỐC**", "", "", "", "**Trần Văn Minh**"])]
    return Doc(name, front, body, back, author="Văn phòng Sở Tư pháp")


def broken_plans() -> list[Doc]:
    ok2 = P(QT_PHASE_2)
    return [
        quang_tri_plan("no-phases", [
            P("Phong trào thi đua được triển khai thường xuyên, liên tục từ ngày ký ban hành Kế hoạch đến hết năm 2024. "
              "Tổ chức tổng kết, bình xét khen thưởng gắn với Hội nghị tổng kết công tác tư pháp năm 2024, hoàn thành "
              "trước ngày 15/12/2024."),
        ]),
        quang_tri_plan("bad-date", [
            P(QT_PHASE_1.format(start1="31/02/2024", party="94 năm").replace("đến ngày 30/6/2024", "đến ngày 30/4/2024")),
            P(QT_PHASE_2.replace("từ ngày 01/7/2024", "từ ngày 01/5/2024")),
        ]),
        quang_tri_plan("anniversary-mismatch", [
            P(QT_PHASE_1.format(start1="01/01/2024", party="95 năm").replace("Đảng Cộng sản Việt Nam", "Đảng")),
            ok2,
        ]),
    ]


def letter() -> Doc:
    """A công văn about the plan: it talks of “Kế hoạch” and “đợt thi đua”, but it is not one."""
    front = [Table([[[cellp("UBND TỈNH QUẢNG TRỊ"), cellp("**SỞ TƯ PHÁP**"), cellp("Số: 112/STP-VP", before=6),
                      cellp("V/v đăng ký thi đua và sơ kết Đợt thi đua thứ nhất năm 2024", size=12)],
                     [cellp("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**"), cellp("**Độc lập - Tự do - Hạnh phúc**"),
                      cellp("*Quảng Trị, ngày 22 tháng 01 năm 2024*", size=14, before=6)]]],
                   widths=[3686, 5670], role="header")]
    body = [
        P("Kính gửi: Các phòng, đơn vị thuộc Sở.", align="center", first_line=0, before=18),
        P("Thực hiện Kế hoạch số 25/KH-STP ngày 15/01/2024 của Sở Tư pháp về phát động phong trào thi đua năm 2024, "
          "Sở Tư pháp đề nghị các phòng, đơn vị thuộc Sở:"),
        li("- Gửi bản đăng ký thi đua năm 2024 về Văn phòng Sở trước ngày 31/01/2024."),
        li("- Tổ chức sơ kết Đợt thi đua thứ nhất (từ ngày 01/01/2024 đến ngày 30/6/2024), gửi báo cáo trước ngày 10/7/2024."),
        P("Đề nghị các phòng, đơn vị quan tâm thực hiện./."),
    ]
    back = [signature([recipient(x) for x in ["- Như trên;", "- Lưu: VT, VP."]],
                      ["**KT. GIÁM ĐỐC**", "**PHÓ GIÁM ĐỐC**", "", "", "**Nguyễn Thị Lan**"])]
    return Doc("not-a-plan", front, body, back, author="Văn phòng Sở Tư pháp")


# ---------------------------------------------------------------------------
# Expected front matter, written by hand (the oracle)
# ---------------------------------------------------------------------------

# Equal to the front matter of content/phong-trao/2022/index.md without the keys
# the document does not say (`summary`, written by the editor; `attachments`).
SEED_EXPECTED = """\
title: Kế hoạch phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022
subject: phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022
number: "/KH-SNV"
issued: 2022-01
place: Hà Tĩnh
signer:
  title: Giám đốc
  name: Phan Thị Tô Hoa
motto: "Đoàn kết, đổi mới, thi đua hoàn thành vượt mức các chỉ tiêu, nhiệm vụ năm 2022"
basis:
  - "Chỉ thị số 34/2014/CT-TW ngày 07/04/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng"
  - "Chỉ thị số 41-CT-TU ngày 09/9/2014 của Ban Thường vụ Tỉnh ủy về tăng cường lãnh đạo, chỉ đạo đổi mới công tác thi đua, khen thưởng"
  - "Luật Thi đua, khen thưởng, các văn bản hướng dẫn thi hành"
  - "Chỉ thị số 02/CT-UBND ngày 19/01/2022 của Ủy ban nhân dân tỉnh về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022"
phases:
  - id: dot-1
    name: Đợt thi đua thứ nhất
    start: 2022-01
    end: 2022-06-30
    review_by: 2022-07-15
    goal: "Phấn đấu hoàn thành các nhiệm vụ, chỉ tiêu kế hoạch 06 tháng đầu năm 2022."
    review: "Tổ chức tổng kết đợt thi đua, gắn với sơ kết việc thực hiện nhiệm vụ 06 tháng đầu năm 2022, hoàn thành trước ngày 15/7/2022."
    milestones:
      - date: 2022-02-03
        since: 1930-02-03
        title: Ngày thành lập Đảng Cộng sản Việt Nam
      - date: 2022-04-07
        since: 1907-04-07
        title: Ngày sinh Tổng Bí thư Lê Duẩn
      - date: 2022-04-30
        since: 1975-04-30
        title: Ngày giải phóng miền Nam, thống nhất đất nước
      - date: 2022-05-07
        since: 1954-05-07
        title: Ngày Chiến thắng Điện Biên Phủ
      - date: 2022-05-19
        since: 1890-05-19
        title: Ngày sinh Chủ tịch Hồ Chí Minh
      - date: 2022-05-28
        since: 2007-05-28
        title: thành lập thành phố Hà Tĩnh
      - date: 2022-06-15
        since: 1957-06-15
        title: Ngày Bác Hồ về thăm Hà Tĩnh
  - id: dot-2
    name: Đợt thi đua thứ hai
    start: 2022-07-01
    end: 2022-12-31
    review_by: 2022-12-31
    goal: "thi đua hoàn thành toàn diện các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2022."
    review: "Tổ chức tổng kết phong trào thi đua, gắn với hội nghị tổng kết công tác năm 2022, triển khai nhiệm vụ năm 2023, hoàn thành trước ngày 31/12/2022."
    milestones:
      - date: 2022-06-06
        since: 1847-06-06
        title: ngày sinh Đĩnh nguyên Tiến sỹ Phan Đĩnh Phùng
      - date: 2022-07-27
        since: 1947-07-27
        title: Ngày Thương binh Liệt sỹ
      - date: 2022-08-19
        since: 1945-08-19
        title: Ngày Cách mạng tháng Tám thành công
      - date: 2022-09-02
        since: 1945-09-02
        title: Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam
      - date: 2022-09-12
        since: 1930-09-12
        title: Xô Viết Nghệ Tĩnh
      - date: 2022-11-18
        since: 1930-11-18
        title: Ngày thành lập Mặt trận Dân tộc thống nhất Việt Nam
targets:
  - of: collectives
    text: "Tập thể cơ quan Sở hoàn thành xuất sắc nhiệm vụ, được UBND tỉnh tặng Cờ thi đua hoặc Bằng khen."
  - of: collectives
    text: "100% phòng, ban, trung tâm đạt danh hiệu tập thể lao động tiên tiến, trong đó 20% tập thể đạt danh hiệu tập thể lao động xuất sắc, 2 - 3 Phòng, ban, trung tâm được Bộ Nội vụ, UBND tỉnh tặng bằng khen, trong đó 1 đơn vị trực thuộc được tặng Cờ thi đua Ủy ban nhân dân tỉnh."
    award: Tập thể lao động tiên tiến
    percent: 100
  - of: collectives
    text: "trong đó 20% tập thể đạt danh hiệu tập thể lao động xuất sắc"
    award: Tập thể lao động xuất sắc
    percent: 20
  - of: collectives
    text: "2 - 3 Phòng, ban, trung tâm được Bộ Nội vụ, UBND tỉnh tặng bằng khen"
    award: Bằng khen cấp bộ, ban, ngành, tỉnh
    count: { min: 2, max: 3 }
  - of: collectives
    text: "trong đó 1 đơn vị trực thuộc được tặng Cờ thi đua Ủy ban nhân dân tỉnh"
    award: Cờ thi đua cấp bộ, ban, ngành, tỉnh
    count: { min: 1 }
  - of: collectives
    text: "Thực hiện tiết kiệm chi, nâng cao đời sống vật chất, tinh thần, phấn đấu thu nhập tăng thêm của CBCC năm 2022 cao hơn năm 2021."
  - of: collectives
    text: "Tổ chức Công đoàn, Đoàn Thanh niên hoàn thành xuất sắc nhiệm vụ."
  - of: individuals
    text: "Phấn đấu 100% cán bộ, công chức, viên chức hoàn thành tốt nhiệm vụ trở lên;"
  - of: individuals
    text: "100% cán bộ, công chức, viên chức đạt danh hiệu lao động tiên tiến, trong đó 15% đạt chiến sỹ thi đua cơ sở; 15% cá nhân được Bộ Nội vụ, UBND tỉnh tặng Bằng khen."
    award: Lao động tiên tiến
    percent: 100
  - of: individuals
    text: "trong đó 15% đạt chiến sỹ thi đua cơ sở"
    award: Chiến sĩ thi đua cơ sở
    percent: 15
  - of: individuals
    text: "15% cá nhân được Bộ Nội vụ, UBND tỉnh tặng Bằng khen"
    award: Bằng khen cấp bộ, ban, ngành, tỉnh
    percent: 15
  - of: individuals
    text: "Có cá nhân được Thủ tướng Chính phủ tặng Bằng khen."
    award: Bằng khen của Thủ tướng Chính phủ
    count: { min: 1 }
recipients:
  - "UBND tỉnh (để b/c)"
  - "Giám đốc, các PGĐ Sở"
  - "Các phòng, ban, trung tâm thuộc Sở"
  - "Lưu: VT, VP"
"""

OTHER_EXPECTED = """\
title: Kế hoạch phát động phong trào thi đua năm học 2024-2025
subject: Phát động phong trào thi đua năm học 2024-2025
number: "15/KH-SGDĐT"
issued: 2024-09-08
place: Nghệ An
signer:
  authority: KT. GIÁM ĐỐC
  title: Phó Giám đốc
  name: Lê Thị Thu Hà
motto: "Đổi mới, sáng tạo trong quản lý, giảng dạy và học tập"
basis:
  - "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
  - "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"
  - "Thông tư số 21/2020/TT-BGDĐT ngày 31 tháng 7 năm 2020 của Bộ trưởng Bộ Giáo dục và Đào tạo hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục"
  - "Chỉ thị số 09/CT-UBND ngày 26/8/2024 của Ủy ban nhân dân tỉnh về nhiệm vụ trọng tâm năm học 2024-2025"
phases:
  - id: dot-1
    name: Đợt thi đua thứ nhất
    start: 2024-09-05
    end: 2024-12-31
    review_by: 2025-01-10
    goal: "Phấn đấu hoàn thành chương trình, kế hoạch dạy học học kỳ I."
    review: "Sơ kết đợt thi đua gắn với sơ kết học kỳ I, hoàn thành trước ngày 10/01/2025."
    milestones:
      - date: 2024-10-10
        since: 1954-10-10
        title: Ngày Giải phóng Thủ đô
      - date: 2024-10-20
        since: 1930-10-20
        title: Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam
      - date: 2024-11-20
        since: 1982-11-20
        title: Ngày Nhà giáo Việt Nam
      - date: 2024-12-22
        since: 1944-12-22
        title: Ngày thành lập Quân đội nhân dân Việt Nam
      - date: 2024-12-22
        since: 1989-12-22
        title: Ngày hội Quốc phòng toàn dân
  - id: dot-2
    name: Đợt thi đua thứ hai
    start: 2025-01
    end: 2025-04-30
    review_by: 2025-05-10
    goal: "Phấn đấu hoàn thành tốt các kỳ thi chọn học sinh giỏi cấp tỉnh, cấp quốc gia."
    review: "Sơ kết đợt thi đua hoàn thành trước ngày 10/5/2025."
    milestones:
      - date: 2025-02-03
        since: 1930-02-03
        title: Ngày thành lập Đảng Cộng sản Việt Nam
      - date: 2025-03-08
        since: 1910-03-08
        title: Ngày Quốc tế Phụ nữ
      - date: 2025-03-26
        since: 1931-03-26
        title: Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh
      - date: 2025-04-21
        title: Ngày Sách và Văn hóa đọc Việt Nam
      - date: 2025-04-30
        since: 1975-04-30
        title: Ngày giải phóng miền Nam, thống nhất đất nước
  - id: dot-3
    name: Đợt thi đua thứ ba
    start: 2025-05-01
    end: 2025-05-31
    review_by: 2025-06-15
    goal: "Phấn đấu hoàn thành toàn diện các chỉ tiêu, nhiệm vụ năm học 2024-2025."
    review: "Tổng kết phong trào thi đua gắn với tổng kết năm học, hoàn thành trước ngày 15/6/2025."
    milestones:
      - date: 2025-05-07
        since: 1954-05-07
        title: Ngày Chiến thắng Điện Biên Phủ
      - date: 2025-05-19
        since: 1890-05-19
        title: Ngày sinh Chủ tịch Hồ Chí Minh
targets:
  - of: collectives
    text: "100% tập thể đạt danh hiệu Tập thể lao động tiên tiến; trong đó có từ 30% trở lên số tập thể đạt danh hiệu Tập thể lao động xuất sắc."
    award: Tập thể lao động tiên tiến
    percent: 100
  - of: collectives
    text: "trong đó có từ 30% trở lên số tập thể đạt danh hiệu Tập thể lao động xuất sắc"
    award: Tập thể lao động xuất sắc
    percent: 30
  - of: collectives
    text: "Có từ 03 đến 05 tập thể được Chủ tịch UBND tỉnh tặng Bằng khen; 01 tập thể được đề nghị tặng Cờ thi đua của Bộ Giáo dục và Đào tạo."
    award: Bằng khen cấp bộ, ban, ngành, tỉnh
    count: { min: 3, max: 5 }
  - of: collectives
    text: "01 tập thể được đề nghị tặng Cờ thi đua của Bộ Giáo dục và Đào tạo"
    award: Cờ thi đua cấp bộ, ban, ngành, tỉnh
    count: { min: 1 }
  - of: collectives
    text: "Không có tập thể vi phạm kỷ luật; không có cán bộ, giáo viên, nhân viên vi phạm đạo đức nhà giáo."
  - of: individuals
    text: "100% cán bộ, giáo viên, nhân viên hoàn thành nhiệm vụ được giao; trên 90% cá nhân đạt danh hiệu Lao động tiên tiến."
  - of: individuals
    text: "trên 90% cá nhân đạt danh hiệu Lao động tiên tiến"
    award: Lao động tiên tiến
    percent: 90
  - of: individuals
    text: "Trên 20% cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở."
    award: Chiến sĩ thi đua cơ sở
    percent: 20
  - of: individuals
    text: "Số cá nhân được đề nghị Chủ tịch UBND tỉnh tặng Bằng khen không quá 15% số cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở."
    award: Bằng khen cấp bộ, ban, ngành, tỉnh
  - of: individuals
    text: "Có ít nhất 02 cá nhân được đề nghị tặng danh hiệu Chiến sĩ thi đua cấp tỉnh; có cá nhân được đề nghị Thủ tướng Chính phủ tặng Bằng khen."
    award: Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh
    count: { min: 2 }
  - of: individuals
    text: "có cá nhân được đề nghị Thủ tướng Chính phủ tặng Bằng khen"
    award: Bằng khen của Thủ tướng Chính phủ
    count: { min: 1 }
recipients:
  - "Bộ GD&ĐT (để b/c)"
  - "UBND tỉnh (để b/c)"
  - "Ban Thi đua - Khen thưởng tỉnh"
  - "Giám đốc, các PGĐ Sở"
  - "Các phòng GD&ĐT, đơn vị trực thuộc Sở"
  - "Lưu: VT, VP"
"""

# What each broken or hostile input must give: an error, nothing published.
# `message` is what the error should say (English, like bangvang's other
# messages); `near` is text of the document the error should point at.
BROKEN = [
    {"file": "broken/no-phases.docx", "expect": "error",
     "message": "the plan has no phase (no “Đợt thi đua …” in it); a campaign needs at least one",
     "near": "IV. THỜI GIAN VÀ CÁC ĐỢT THI ĐUA"},
    {"file": "broken/bad-date.docx", "expect": "error",
     "message": "31/02/2024 is not a date: February 2024 has 29 days",
     "near": "từ ngày 31/02/2024 đến ngày 30/4/2024"},
    {"file": "broken/anniversary-mismatch.docx", "expect": "error",
     "message": "the plan says “95 năm” but 03/02/1930 - 03/02/2024 is 94 years; the site prints the computed number",
     "near": "95 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2024)"},
    {"file": "broken/not-a-plan.docx", "expect": "error",
     "message": "this is not a plan: there is no “KẾ HOẠCH” title (it reads like an official letter: “V/v …”, “Kính gửi: …”)",
     "near": "V/v đăng ký thi đua và sơ kết Đợt thi đua thứ nhất năm 2024"},
    {"file": "broken/not-a-zip.docx", "expect": "error",
     "message": "not a Word document (.docx is a zip archive; this file is plain text); import the .txt instead or save it as .docx"},
    {"file": "broken/word-97-renamed.docx", "expect": "error",
     "message": "this is a Word 97-2003 document (.doc) named .docx; open it in Word or LibreOffice and save it as .docx"},
]


# ---------------------------------------------------------------------------
# Checks of the fixtures themselves
# ---------------------------------------------------------------------------

def split_front_matter(md: str) -> tuple[dict, str]:
    _, fm, body = md.split("---\n", 2)
    return yaml.safe_load(fm), body.lstrip("\n")


def strip_emphasis(md: str) -> str:
    return re.sub(r"\*{1,3}", "", md)


def check_seed_against_main(body_md: str, problems: list[str]):
    """The seed's expected front matter is index.md's; its body too, less emphasis."""
    if not MAIN_CAMPAIGN.exists():
        print(f"note: {MAIN_CAMPAIGN} not found, seed not compared with it")
        return
    fm, body = split_front_matter(MAIN_CAMPAIGN.read_text(encoding="utf-8"))
    for k in ("summary", "attachments", "draft"):
        fm.pop(k, None)
    if yaml.safe_load(SEED_EXPECTED) != fm:
        problems.append("seed expected front matter differs from index.md's")
    if strip_emphasis(body_md).strip() != body.strip():
        import difflib
        diff = "\n".join(difflib.unified_diff(body.strip().splitlines(), strip_emphasis(body_md).strip().splitlines(),
                                              "index.md", "expected-body", lineterm="", n=0))
        problems.append("seed expected body (less emphasis) differs from index.md's body:\n" + diff[:3000])


def check_seed_against_txt(doc: Doc, problems: list[str]):
    """Every line of the source .txt is in the document, in order, and nothing
    else but the lines the .txt lost (issuing body, Quốc hiệu, tiêu ngữ)."""
    if not SEED_TXT.exists():
        print(f"note: {SEED_TXT} not found, seed not compared with it")
        return
    ours = norm_lines(lo_view_lines(doc))
    ours = [re.sub(r"^– ", "- ", ln) for ln in ours]          # en-dash bullets are typed markers
    ours = [ln for ln in ours if ln not in ("UBND TỈNH HÀ TĨNH", "SỞ NỘI VỤ",
                                            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")]
    # the auto-numbered labels ("- ", "a) ") are part of the text as the .txt has it
    theirs = norm_lines(SEED_TXT.read_text(encoding="utf-8").splitlines())
    # the .txt has the subject on two lines, as the w:br does
    if ours != theirs:
        import difflib
        problems.append("seed text differs from the source .txt:\n" + "\n".join(
            difflib.unified_diff(theirs, ours, "txt", "docx", lineterm="", n=0))[:3000])


ANNIV = re.compile(r"(\d+) năm ([^;()]*?)\s*\((\d{1,2})/(\d{1,2})/(\d{4})\s*[-–]\s*(\d{1,2})/(\d{1,2})/(\d{4})\)")


def anniversaries(doc: Doc) -> list[tuple[int, int, str]]:
    """(stated years, computed years, text) of every "N năm … (d/m/y - d/m/y)"."""
    out = []
    for ln in lo_view_lines(doc):
        for m in ANNIV.finditer(ln):
            n, d1, m1, y1, d2, m2, y2 = (int(m.group(k)) for k in (1, 3, 4, 5, 6, 7, 8))
            years = y2 - y1 - (1 if (m2, d2) < (m1, d1) else 0)
            out.append((n, years, m.group(0)))
    return out


# ---------------------------------------------------------------------------
# LibreOffice
# ---------------------------------------------------------------------------

def soffice(args: list[str], cwd: Path):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", *args],
                       cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def convert(src: Path, fmt: str, outdir: Path) -> Path:
    soffice(["--convert-to", fmt, "--outdir", str(outdir), str(src)], cwd=outdir)
    ext = fmt.split(":")[0]
    out = outdir / (src.stem + "." + ext)
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not convert {src} to {fmt}")
    return out


def lo_text(path: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (path.stem + ".docx")
        shutil.copy(path, src)
        out = convert(src, 'txt:Text (encoded):UTF8,LF,,,', Path(tmp))
        return out.read_text(encoding="utf-8-sig").splitlines()


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------

def write(path: Path, text: str, *, bom=False, crlf=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-lo", action="store_true", help="skip LibreOffice (round trip, .doc, validation)")
    args = ap.parse_args()
    problems: list[str] = []

    # -- the good fixtures ---------------------------------------------------
    seed = seed_plan()
    DocxWriter(seed, Artifacts(2022)).build(HERE / "seed-plan.docx")
    DocxWriter(seed_plan(nfd=True), Artifacts(2022, nfd=True)).build(HERE / "seed-plan-nfd.docx")
    other = other_plan()
    DocxWriter(other, Artifacts(2024)).build(HERE / "other-plan.docx")
    write(HERE / "other-plan.txt", pasted_text(other), bom=True, crlf=True)

    seed_body = expected_body(seed)
    for name in ("seed-plan", "seed-plan-libreoffice", "seed-plan-nfd"):
        write(HERE / f"{name}.expected.yaml", SEED_EXPECTED)
        write(HERE / f"{name}.expected-body.md", seed_body)
    write(HERE / "other-plan.expected.yaml", OTHER_EXPECTED)
    write(HERE / "other-plan.expected-body.md", expected_body(other))
    write(HERE / "other-plan.txt.expected.yaml", OTHER_EXPECTED)
    write(HERE / "other-plan.txt.expected-body.md", expected_body(other, emphasis=False, links=False, joiner=" "))

    # -- the broken ones -----------------------------------------------------
    broken = broken_plans() + [letter()]
    for doc in broken:
        DocxWriter(doc, None).build(HERE / "broken" / f"{doc.name}.docx")
    write(HERE / "broken" / "not-a-zip.docx", pasted_text(seed))

    # -- checks of the data ----------------------------------------------------
    for text in (SEED_EXPECTED, OTHER_EXPECTED):
        yaml.safe_load(text)
    check_seed_against_main(seed_body, problems)
    check_seed_against_txt(seed, problems)
    for doc in (seed, other, broken[1]):
        for stated, computed, text in anniversaries(doc):
            if stated != computed:
                problems.append(f"{doc.name}: {text!r} says {stated} years, the dates give {computed}")
    mism = [a for a in anniversaries(broken[2]) if a[0] != a[1]]
    if len(mism) != 1:
        problems.append(f"anniversary-mismatch should have exactly one wrong anniversary, has {mism}")

    # -- LibreOffice: the round trip, the Word 97 file, and validation ----------
    if not args.no_lo:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            odt = convert(HERE / "seed-plan.docx", "odt", tmp)
            (tmp / "rt").mkdir()
            back = convert(odt, 'docx:MS Word 2007 XML', tmp / "rt")
            write_stable_zip(back.read_bytes(), HERE / "seed-plan-libreoffice.docx")
            doc97 = convert(HERE / "seed-plan.docx", 'doc:MS Word 97', tmp)
            shutil.copy(doc97, HERE / "broken" / "word-97-renamed.docx")
        checks = [("seed-plan.docx", seed), ("seed-plan-libreoffice.docx", seed),
                  ("seed-plan-nfd.docx", seed_plan(nfd=True)), ("other-plan.docx", other),
                  *[(f"broken/{d.name}.docx", d) for d in broken]]
        for name, doc in checks:
            got, want = norm_lines(lo_text(HERE / name)), norm_lines(lo_view_lines(doc))
            if got != want:
                import difflib
                problems.append(f"{name}: LibreOffice's text differs from the intended text:\n" + "\n".join(
                    difflib.unified_diff(want, got, "intended", "libreoffice", lineterm="", n=0))[:3000])
            else:
                print(f"ok  {name}: LibreOffice opens it, {len(got)} lines as intended")

    write_manifest()
    if problems:
        print("\n\n".join(problems), file=sys.stderr)
        sys.exit(1)
    print("all fixtures written")


def write_manifest():
    good = [
        {"file": "seed-plan.docx", "made_by": "python-docx (+ Word-like run splits, proofErr, bookmarks)"},
        {"file": "seed-plan-libreoffice.docx", "made_by": "seed-plan.docx → .odt → .docx through LibreOffice 7.4"},
        {"file": "seed-plan-nfd.docx", "made_by": "python-docx, every text NFD, “CỘNG HOÀ”"},
        {"file": "other-plan.docx", "made_by": "python-docx (multilevel numbering, tracked changes, hyperlinks, body table)"},
        {"file": "other-plan.txt", "made_by": "plain-text paste: UTF-8 with BOM, CRLF, tabs after labels and between cells"},
    ]
    for g in good:
        stem = g["file"][:-5] if g["file"].endswith(".docx") else g["file"]
        g.update(expect="ok", front_matter=f"{stem}.expected.yaml", body=f"{stem}.expected-body.md")
    hostile = [
        {"file": f"hostile/{n}", "expect": "error", "message": m} for n, m in [
            ("zip-bomb.docx", "word/document.xml is larger than the import's limit once unpacked (stop reading at the limit; never trust the declared size)"),
            ("zip-bomb-lying-size.docx", "same, although the zip's headers claim 4 KB: count the bytes actually inflated"),
            ("billion-laughs.docx", "the document declares entities (DOCTYPE); a .docx never needs them: refuse"),
            ("external-entity.docx", "the document declares an external entity; refuse, and never read /etc/passwd"),
            ("nested-tables.docx", "tables nested deeper than the import's limit (no stack overflow)"),
            ("huge-document.docx", "word/document.xml is 100 MB: over the import's limit (or: imported within bounded memory and time)"),
            ("zip-slip.docx", "an entry named ../../… is never written anywhere; the document itself imports or fails on its own merits"),
        ]]
    text = ("# What `bangvang import plan` must do with each fixture (see NOTES.md).\n"
            "# Generated by make_fixtures.py; hostile/ files by hostile/make_hostile.py.\n")
    text += yaml.safe_dump({"good": good, "broken": BROKEN, "hostile": hostile}, allow_unicode=True,
                           sort_keys=False, width=200)
    write(HERE / "manifest.yaml", text)


if __name__ == "__main__":
    main()
