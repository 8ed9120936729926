#!/usr/bin/env python3
"""Read every fixture back and check it gives what its expected file says.

    python3 check_fixtures.py

This is a *reference reading* of the rules written in NOTES.md ("What the import must
do"), in Python, so that the fixtures and their expected files are known to agree with
rules that can be implemented. It is not the importer and does not try to be clever.

.xlsx is read with openpyxl; .ods and .xls are first converted to .xlsx by LibreOffice
(so what is checked is what LibreOffice reads in them); CSV is read with the csv module
after sniffing the encoding (BOM, else UTF-8, else Windows-1258) and the separator.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_fixtures as mf  # noqa: E402  (clean, unit lookups, soffice)

ROOT = Path(__file__).resolve().parent

NAME = {"họ và tên", "họ tên", "tên tập thể, cá nhân", "tên tập thể / họ và tên", "tên tập thể/họ và tên"}
ROLES = {
    "stt": {"stt", "tt"},
    "name": NAME,
    "position": {"chức vụ"},
    "unit": {"đơn vị", "đơn vị công tác", "cơ quan, đơn vị"},
    "position_unit": {"chức vụ, đơn vị"},
    "award": {"danh hiệu/hình thức khen thưởng", "danh hiệu thi đua/hình thức khen thưởng",
              "hình thức khen thưởng", "danh hiệu thi đua"},
    "achievement": {"thành tích"},
    "note": {"ghi chú"},
}
KINDS = {"tập thể": "collective", "cá nhân": "individual"}
FOR_COLLECTIVES = {"tập thể lao động xuất sắc", "tập thể lao động tiên tiến", "cờ thi đua của ubnd tỉnh"}
FOR_INDIVIDUALS = {"chiến sĩ thi đua cơ sở", "lao động tiên tiến"}
KNOWN_AWARDS = FOR_COLLECTIVES | FOR_INDIVIDUALS | {
    "giấy khen", "giấy khen của giám đốc sở", "giấy khen của giám đốc sở giáo dục và đào tạo",
    "bằng khen của chủ tịch ubnd tỉnh", "giấy khen của chủ tịch ubnd xã diễn kim"}


class Problem(Exception):
    pass


def key(s):
    return mf.clean(s).casefold() if mf.clean(s) else ""


# ── reading ──


class Sheet:
    def __init__(self, name, rows, merges, is_csv=False):
        self.name, self.rows, self.merges, self.is_csv = name, rows, merges, is_csv

    def value(self, r, c):  # 0-based; a covered cell of a merge gives the merge's value
        for (r1, c1, r2, c2) in self.merges:
            if r1 <= r <= r2 and c1 <= c <= c2:
                r, c = r1, c1
                break
        row = self.rows[r] if r < len(self.rows) else []
        return row[c] if c < len(row) else None

    def width(self):
        return max((len(r) for r in self.rows), default=0)


def read_xlsx(path):
    wb = load_workbook(path, data_only=True)
    sheets = []
    for ws in wb.worksheets:
        rows = [[cell.value for cell in row] for row in ws.iter_rows()]
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
        sheets.append(Sheet(ws.title, rows, merges))
    return sheets


def read_csv(path):
    data = path.read_bytes()
    if not data:
        raise Problem(f"{path.name}: the file is empty (0 bytes)")
    if data.startswith(b"\xff\xfe"):
        text = data[2:].decode("utf-16-le")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1258")
    lines = text.split("\r\n")
    header_line = next(i for i, l in enumerate(lines)
                       if any(h in mf.nfc(l).casefold() for h in NAME | {"tên đơn vị"}))
    sep = max(";,\t", key=lambda s: lines[header_line].count(s))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    n, bad = len(rows[header_line]), []
    for i, row in enumerate(rows[header_line + 1:], start=header_line + 2):
        if len(row) != n and any(row):
            other = max(";,\t".replace(sep, ""), key=lambda s: ",".join(row).count(s))
            bad.append(f"{path.name}:{i}: the line is separated by “{other}” but the file by “{sep}”")
    if bad:
        raise Problem("\n".join(bad))
    return [Sheet(path.stem, [[v if v != "" else None for v in row] for row in rows], [], is_csv=True)]


def read(path):
    ext = path.suffix.lower()
    if ext == ".csv":
        return read_csv(path)
    if ext == ".xlsx" and not zipfile.is_zipfile(path):
        raise Problem(f"{path.name}: not an .xlsx workbook: the file is plain text")
    if ext in (".ods", ".xls"):
        with tempfile.TemporaryDirectory() as tmp:
            return read_xlsx(mf.soffice(path, "xlsx:Calc MS Excel 2007 XML", Path(tmp)))
    return read_xlsx(path)


# ── the rules ──


def parse_date(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%Y-%m-%d")
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", str(v or ""))
    return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}" if m else None


def find_header(sh):
    for r in range(len(sh.rows)):
        if any(key(sh.value(r, c)) in NAME for c in range(sh.width())):
            return r
    return None


def columns(sh, hr):
    """role → [column]; a second header row fills columns whose first-row cell is a
    horizontal merge (the parent heading)."""
    roles = {}
    for c in range(sh.width()):
        text = key(sh.value(hr, c))
        sub = key(sh.value(hr + 1, c))
        if sub and any(sub in names for names in ROLES.values()) and sub != text:
            text = sub
        for role, names in ROLES.items():
            if text in names:
                roles.setdefault(role, []).append(c)
    return roles


def title_and_status(sh, hr):
    texts = [[mf.clean(sh.rows[r][c]) if isinstance(sh.rows[r][c], str) else sh.rows[r][c]
              for c in range(len(sh.rows[r]))] for r in range(hr)]
    out = {}
    start = next(r for r, row in enumerate(texts) if any(isinstance(v, str) and v.casefold().startswith("danh sách")
                                                        for v in row))
    lines = []
    for row in texts[start:]:
        vals = [v for v in row if v]
        if not vals or not isinstance(vals[0], str) or vals[0].startswith("(") or "lấy ý kiến" in vals[0].casefold():
            break
        lines.append(vals[0])
    first = lines[0][0] + lines[0][1:].lower() if lines[0].isupper() else lines[0]
    rest = [l[0].lower() + l[1:] for l in lines[1:]]
    out["title"] = " ".join([first] + rest)
    decision = None
    for row in texts:
        for v in row:
            m = re.search(r"kèm theo quyết định số\s+(\S+)\s+ngày\s+(\d{1,2}/\d{1,2}/\d{4})", str(v or "").casefold())
            if m:
                num = re.search(r"số\s+(\S+)", str(v))[1]
                decision = {"number": num, "date": parse_date(m[2])}
    if decision:
        out["status"] = "decided"
        out["decision"] = decision
    elif re.search(r"đề nghị|dự kiến", out["title"].casefold()):
        out["status"] = "proposed"
    for row in texts:
        if any(isinstance(v, str) and "lấy ý kiến" in v.casefold() for v in row):
            out["comment_until"] = next(parse_date(v) for v in row if parse_date(v))
    return out


def award_from_section(label):
    label = re.sub(r"^danh hiệu\s+", "", label, flags=re.I)
    return label.strip("“”\"' ")


def import_results(path, site_units):
    lookup = mf.make_lookup(site_units)
    sheets = read(path)
    if not any(any(v not in (None, "") for v in row) for sh in sheets for row in sh.rows):
        raise Problem(f"{sheets[0].name}: the workbook is empty")
    sh = next((s for s in sheets if find_header(s) is not None), None)
    if sh is None:
        raise Problem(f"{sheets[0].name}: no header row")
    hr = find_header(sh)
    cols = columns(sh, hr)
    result = title_and_status(sh, hr)
    problems, awards, seen = [], {}, {}
    first = hr + 1
    if key(sh.value(first, cols["name"][0])) and any(key(sh.value(first, c)) in {s for v in ROLES.values() for s in v}
                                                     for c in range(sh.width())):
        first += 1  # second header row
    if all(re.fullmatch(r"\(?\d+\)?", str(sh.value(first, c))) for c in range(sh.width()) if sh.value(first, c)):
        first += 1  # row of column numbers
    section_award = section_kind = None
    carry = {}

    def cell(r, role):
        c = cols.get(role, [None])[0]
        return None if c is None else sh.value(r, c)

    def where(r, role, c=None):
        c = cols[role][0] if c is None else c
        for (r1, c1, r2, c2) in sh.merges:  # a merged cell is reported at its top-left
            if r1 <= r <= r2 and c1 <= c <= c2:
                r, c = r1, c1
        return f"{sh.name}!{get_column_letter(c + 1)}{r + 1}"

    for r in range(first, len(sh.rows)):
        vals = sh.rows[r]  # as stored: a merged range's value once, in its top-left cell
        texts = [mf.clean(v) if isinstance(v, str) else v for v in vals if v not in (None, "")]
        texts = [t for t in texts if t not in (None, "")]
        if not texts:
            continue
        if isinstance(texts[0], str) and texts[0].casefold().startswith("tổng"):
            break
        stt, name = cell(r, "stt"), cell(r, "name")
        name_c = mf.clean(name) if isinstance(name, str) else name
        if isinstance(name, str) and name.startswith("#") and name.endswith("!"):
            problems.append(f"{where(r, 'name')}: the cell holds the error {name}")
            continue
        is_number = isinstance(stt, (int, float)) or (isinstance(stt, str) and stt.strip().isdigit())
        if is_number and name_c and key(name_c) not in KINDS:
            pass  # an honoree row
        elif not name_c and (cell(r, "position") or cell(r, "unit")):
            problems.append(f"{where(r, 'name')}: no name")
            continue
        else:  # a section row
            label = " ".join(str(t) for t in texts)
            label = re.sub(r"^(?:[IVXLC]+|[A-Za-z]|\d+)\s*[\.\):]?\s+", "", label)
            if key(label) in KINDS:
                section_kind = KINDS[key(label)]
                section_label = " ".join(str(t) for t in texts if t)
            else:
                section_award, section_kind, section_label = award_from_section(label), None, None
            carry = {}
            continue
        # CSV has lost the merges: an empty unit/achievement/award cell takes the value above.
        row = {}
        for role in ("position", "unit", "position_unit", "achievement"):
            v = cell(r, role)
            row[role] = mf.clean(v) if isinstance(v, str) else (None if v is None else str(v))
        award_cells = [(c, mf.clean(sh.value(r, c))) for c in cols.get("award", [])]
        if sh.is_csv:
            for role in ("unit", "achievement"):
                if row[role] is None and cols.get(role):
                    row[role] = carry.get(role)
                carry[role] = row[role]
            award_cells = [(c, v if v else carry.get(("award", c))) for c, v in award_cells]
            for c, v in award_cells:
                carry[("award", c)] = v
        given = [(c, v) for c, v in award_cells if v] or ([(None, section_award)] if section_award else [])
        if not given:
            problems.append(f"{where(r, 'name')}: no award for this row")
            continue
        kind, nm = section_kind, name_c
        m = re.match(r"^(Ông|Bà)\s+(.*)$", nm)
        if m:
            kind, nm = "individual", m[2]
        for c, award in given:
            ak = key(award)
            if ak not in KNOWN_AWARDS:
                at = where(r, "name") if c is None else where(r, "award", c)
                if not any(p.startswith(at + ":") for p in problems):
                    problems.append(f"{at}: unknown award “{award}”")
                continue
            k = kind
            if k is None:
                if ak in FOR_COLLECTIVES:
                    k = "collective"
                elif ak in FOR_INDIVIDUALS:
                    k = "individual"
                elif key(sh.value(hr, cols["name"][0])) in {"họ và tên", "họ tên"}:
                    k = "individual"
                else:
                    k = "collective"
            if ak in FOR_COLLECTIVES and k == "individual":
                problems.append(f"{where(r, 'name')}: “{award}” is for collectives, but {nm} is listed under "
                                f"“{section_label}”")
                continue
            position, unit_text = row["position"], row["unit"]
            if row["position_unit"]:
                pu = row["position_unit"]
                if k == "collective":
                    unit_text = pu
                else:
                    words = pu.split(" ")
                    for i in range(len(words)):
                        cand = " ".join(words[i:])
                        try:
                            lookup(cand)
                        except KeyError:
                            continue
                        position, unit_text = " ".join(words[:i]).rstrip(",") or None, cand
                        break
            unit_id = None
            if unit_text:
                try:
                    unit_id = lookup(unit_text)
                except KeyError:
                    problems.append(f"{where(r, 'unit')}: unknown unit “{unit_text}”")
                    continue
            elif k == "collective":
                try:
                    unit_id, unit_text = lookup(nm), nm
                except KeyError:
                    pass
            dup = (ak, key(nm), unit_id)
            if dup in seen:
                problems.append(f"{where(r, 'name')}: {nm} is listed twice (first at {seen[dup]})")
                continue
            seen[dup] = where(r, "name")
            awards.setdefault(award, []).append({
                "kind": k, "name": nm, "position": position if k == "individual" else None, "unit": unit_id,
                "unit_name_as_written": unit_text, "achievement": row["achievement"]})
    if problems:
        raise Problem("\n".join(problems))
    if not awards and not problems:
        pass
    result["awards"] = [{"award": a, "honorees": hs} for a, hs in awards.items()]
    order = ["title", "status", "comment_until", "decision", "awards"]
    return {k: result[k] for k in order if k in result}


def import_units(path):
    sh = read(path)[0]
    hr = next(r for r in range(len(sh.rows)) if any(key(sh.value(r, c)) == "tên đơn vị" for c in range(sh.width())))
    col = next(c for c in range(sh.width()) if key(sh.value(hr, c)) == "tên đơn vị")
    out, seen = [], {}
    for r in range(hr + 1, len(sh.rows)):
        stt, name = sh.value(r, 0), mf.clean(sh.value(r, col)) if isinstance(sh.value(r, col), str) else None
        if not name or not (isinstance(stt, (int, float)) or str(stt).isdigit()):
            continue
        uid = mf.slug(name)
        seen[uid] = seen.get(uid, 0) + 1
        out.append({"id": uid if seen[uid] == 1 else f"{uid}-{seen[uid]}", "name": name})
    return out


def load_units(site_file):
    units, uid = [], None
    for line in (ROOT / site_file).read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s+- id: (\S+)", line)
        if m:
            uid = m[1]
        m = re.match(r"\s+name: (.+)", line)
        if m and uid:
            units.append((uid, m[1]))
            uid = None
    return units


def check_with_bangvang(repo: Path, manifest) -> int:
    """Write each expected list as a results file of a throw-away site and run
    `bangvang check` on it: the awards must be known, the unit ids must exist, no one
    twice under one award, kinds fit the awards. Returns the number of failures."""
    import shutil
    import subprocess
    binary = repo / "target" / "release" / "bangvang"
    failures = 0
    by_site = {}
    for item in manifest["fixtures"]:
        if "expect" in item and item.get("command") != "import units":
            by_site.setdefault(item["site"], set()).add(item["expect"])
    for site_file, expects in by_site.items():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            shutil.copy(ROOT / site_file, root / "site.yaml")
            (root / "themes").symlink_to(repo / "themes")
            subprocess.run([str(binary), "new", "--root", str(root), "campaign", "nam-hoc-2023-2024",
                            "--today", "2024-05-01"], check=True, capture_output=True)
            for i, exp in enumerate(sorted(expects)):
                data = json.loads((ROOT / exp).read_text(encoding="utf-8"))
                if "decision" in data:
                    data["decision"] = {**data["decision"], "signer": "Giám đốc"}
                for a in data["awards"]:
                    a["honorees"] = [{k: v for k, v in h.items() if v is not None and k != "unit_name_as_written"}
                                     for h in a["honorees"]]
                (root / "content" / "phong-trao" / "nam-hoc-2023-2024" / f"list-{i}.yaml").write_text(
                    f"# from {exp}\n" + json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            run = subprocess.run([str(binary), "check", "--root", str(root), "--drafts", "--today", "2024-05-06"],
                                 capture_output=True, text=True)
            ok = run.returncode == 0
            failures += not ok
            print(("ok   " if ok else "FAIL ") + f"bangvang check: {site_file} with {', '.join(sorted(expects))}"
                  + ("" if ok else "\n" + run.stdout + run.stderr))
    return failures


def check_same_list_csvs() -> int:
    """The three Excel-style CSVs hold the same cells (after decoding and NFC), and so does
    LibreOffice's CSV export of each workbook of same-list/ (trailing empty fields aside)."""
    import subprocess
    d = ROOT / "same-list"

    def rows(data: bytes, enc: str, sep: str):
        text = unicodedata.normalize("NFC", data.decode(enc))
        return [[unicodedata.normalize("NFC", v) for v in r]
                for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep)]

    def trim(rr):
        return [r[:max([i + 1 for i, v in enumerate(r) if v] + [0])] for r in rr]

    utf8 = rows((d / "danh-sach-utf8-bom-semicolon.csv").read_bytes()[3:], "utf-8", ";")
    cp = (d / "danh-sach-cp1258.csv").read_bytes()
    others = {"cp1258": rows(cp, "cp1258", ","),
              "utf16": rows((d / "danh-sach-utf16.csv").read_bytes()[2:], "utf-16-le", "\t")}
    failures = 0
    decomposed = cp.decode("cp1258") != unicodedata.normalize("NFC", cp.decode("cp1258"))
    print(("ok   " if decomposed else "FAIL ") + "cp1258 CSV writes tone marks as combining bytes")
    failures += not decomposed
    with tempfile.TemporaryDirectory() as tmp:
        for wb in ("danh-sach.xlsx", "danh-sach-libreoffice.xlsx", "danh-sach.ods", "danh-sach.xls"):
            out = Path(tmp) / wb.replace(".", "-")
            with tempfile.TemporaryDirectory() as profile:
                subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                                "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir", str(out), str(d / wb)],
                               check=True, capture_output=True)
            others["LibreOffice " + wb] = rows(next(out.glob("*.csv")).read_bytes(), "utf-8", ";")
    for name, rr in others.items():
        ok = trim(rr) == trim(utf8)
        failures += not ok
        print(("ok   " if ok else "FAIL ") + f"same-list: {name} has the cells of the UTF-8 CSV")
    return failures


def main():
    manifest = json.loads((ROOT / "MANIFEST.json").read_text(encoding="utf-8"))
    failed = 0
    items = [i for i in manifest["fixtures"] if "hostile" not in i]  # hostile/: see hostile/out/EXPECTED.txt
    for item in items:
        path = ROOT / item["input"]
        try:
            if item.get("command") == "import units":
                got = import_units(path)
                want = json.loads((ROOT / item["expect"]).read_text(encoding="utf-8"))
                ok = got == want
                detail = "" if ok else f"\n  got  {got}\n  want {want}"
            elif "expect" in item:
                got = import_results(path, load_units(item["site"]))
                want = json.loads((ROOT / item["expect"]).read_text(encoding="utf-8"))
                ok = got == want
                detail = ""
                if not ok:
                    detail = diff(got, want)
            else:
                try:
                    import_results(path, load_units(item["site"]))
                    ok, detail = False, "\n  no problem found"
                except Problem as p:
                    got_loc = [l.split(": ")[0] for l in str(p).splitlines()]
                    want_lines = (ROOT / item["errors"]).read_text(encoding="utf-8").splitlines()
                    want_loc = [l.split(": ")[0] for l in want_lines]
                    ok = got_loc == want_loc
                    detail = "" if ok else f"\n  got  {got_loc}\n  want {want_loc}\n  ({p})"
        except Problem as p:
            ok, detail = False, f"\n  {p}"
        failed += not ok
        print(("ok   " if ok else "FAIL ") + item["input"] + detail)
    total = len(items)
    n = check_same_list_csvs()
    failed += n
    total += 7
    if "--bangvang" in sys.argv:  # --bangvang /path/to/the/bangvang/repository (built with --release)
        n = check_with_bangvang(Path(sys.argv[sys.argv.index("--bangvang") + 1]), manifest)
        failed += n
        total += 2
    print(f"{total - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def diff(got, want, path=""):
    if isinstance(got, dict) and isinstance(want, dict):
        for k in sorted(set(got) | set(want)):
            if got.get(k) != want.get(k):
                return diff(got.get(k), want.get(k), f"{path}.{k}")
    if isinstance(got, list) and isinstance(want, list):
        for i, (g, w) in enumerate(zip(got, want)):
            if g != w:
                return diff(g, w, f"{path}[{i}]")
        if len(got) != len(want):
            return f"\n  {path}: {len(got)} items, want {len(want)}"
    return f"\n  {path}: got {got!r}\n  {' ' * len(path)}  want {want!r}"


if __name__ == "__main__":
    main()
