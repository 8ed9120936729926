#!/usr/bin/env python3
"""Generate synthetic sites of any size for benchmarks.

Writes a bangvang site (news sections, campaigns with honoree lists) and,
optionally, the equivalent Hugo site (the same news pages, bodies and tags;
Hugo has nothing equivalent to campaigns and honoree lists, so they are left out).

    python3 bench/gen_site.py OUT_DIR [--pages N] [--sections S]
        [--tags-per-page 2] [--tag-pool 200] [--campaigns M] [--honorees H]
        [--seed 1] [--hugo HUGO_OUT_DIR] [--force]

The same arguments give byte-identical files: every random choice comes from a
random.Random seeded with a string built from --seed and the thing being made
(a page, a campaign, a results list), and everything is written in a fixed order.
Because each page has its own generator, page 7 of a 200-page site differs from
page 7 of a 300-page site only by its section and the page it links to.

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import shutil
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
THEME_DIR = REPO / "themes" / "default"

SITE_TITLE = "Trang thử nghiệm hiệu năng"
BASE_URL = "https://example.gov.vn/"
ORG_NAME = "Sở Nội vụ tỉnh Thử nghiệm"
ORG_SHORT = "Sở Nội vụ"
ORG_PARENT = "UBND tỉnh Thử nghiệm"
UNIT_COUNT = 30
SIGNER = "Giám đốc Sở Nội vụ"

FIRST_DAY = dt.date(2020, 1, 1)
DAY_SPAN = (dt.date(2023, 12, 31) - FIRST_DAY).days + 1  # 1461
CAMPAIGN_FIRST_YEAR = 2019
CAMPAIGN_YEARS = 6  # 2019..2024


def nfc(words):
    return [unicodedata.normalize("NFC", w) for w in words]


# About 300 real Vietnamese words and phrases of administrative writing.
WORDS = nfc("""
thi đua|khen thưởng|cán bộ|công chức|viên chức|người lao động|đổi mới|cải cách|hành chính|nhiệm vụ
phát triển|kinh tế|xã hội|đoàn kết|sáng tạo|hiệu quả|chuyển đổi số|chính quyền|nhân dân|cơ quan
đơn vị|địa phương|tỉnh|huyện|xã|phường|thị trấn|thôn|tổ dân phố|hội nghị
kế hoạch|chương trình|đề án|dự án|báo cáo|tổng kết|sơ kết|triển khai|thực hiện|hoàn thành
vượt mức|chỉ tiêu|mục tiêu|giải pháp|lãnh đạo|chỉ đạo|điều hành|quản lý|giám sát|kiểm tra
thanh tra|đánh giá|xếp loại|bình xét|biểu dương|tôn vinh|gương điển hình|tiên tiến|xuất sắc|tiêu biểu
phong trào|tập thể|cá nhân|danh hiệu|bằng khen|giấy khen|huân chương|kỷ niệm|truyền thống|lịch sử
văn hóa|giáo dục|đào tạo|bồi dưỡng|nâng cao|chất lượng|năng lực|trình độ|chuyên môn|nghiệp vụ
kỷ luật|kỷ cương|trách nhiệm|đạo đức|lối sống|tác phong|công vụ|dịch vụ công|trực tuyến|thủ tục
hồ sơ|văn bản|quyết định|nghị quyết|chỉ thị|thông tư|nghị định|luật|quy định|hướng dẫn
tuyên truyền|phổ biến|vận động|hưởng ứng|tham gia|phối hợp|hợp tác|liên kết|chia sẻ|học tập
làm theo|tư tưởng|tấm gương|Chủ tịch Hồ Chí Minh|Đảng|Nhà nước|Mặt trận|đoàn thể|công đoàn|thanh niên
phụ nữ|cựu chiến binh|nông dân|doanh nghiệp|doanh nhân|nhà đầu tư|người dân|cộng đồng|gia đình|khu dân cư
nông thôn mới|đô thị|văn minh|xanh|sạch|đẹp|an toàn|an ninh|trật tự|quốc phòng
bền vững|toàn diện|đồng bộ|thống nhất|minh bạch|công khai|dân chủ|công bằng|kịp thời|chính xác
thiết thực|cụ thể|rõ ràng|khoa học|hợp lý|linh hoạt|chủ động|tích cực|quyết liệt|sâu sát
cơ sở|cấp ủy|chính trị|tổ chức|bộ máy|biên chế|vị trí việc làm|tinh giản|sắp xếp|kiện toàn
năng suất|lao động|sản xuất|kinh doanh|thương mại|du lịch|nông nghiệp|công nghiệp|xây dựng|giao thông
hạ tầng|đầu tư|ngân sách|tài chính|tiết kiệm|chống lãng phí|phòng chống tham nhũng|tiêu cực|cải thiện|môi trường
tài nguyên|khoa học công nghệ|công nghệ thông tin|dữ liệu|cơ sở dữ liệu|phần mềm|hệ thống|nền tảng|số hóa|liên thông
một cửa|tiếp nhận|giải quyết|trả kết quả|hài lòng|phục vụ|người dân và doanh nghiệp|chỉ số|năng lực cạnh tranh|hiệu quả quản trị
y tế|sức khỏe|an sinh|việc làm|thu nhập|đời sống|vật chất|tinh thần|người có công|chính sách
giảm nghèo|hỗ trợ|cứu trợ|thiên tai|dịch bệnh|phòng chống|ứng phó|khắc phục|hậu quả|khôi phục
ý thức|nhận thức|động lực|khí thế|niềm tin|quyết tâm|nỗ lực|cố gắng|phấn đấu|vươn lên
sáng kiến|cải tiến|kinh nghiệm|mô hình|cách làm hay|điển hình|nhân rộng|lan tỏa|khích lệ|động viên
trọng tâm|trọng điểm|then chốt|đột phá|ưu tiên|cấp bách|lâu dài|thường xuyên|định kỳ|hằng năm
quý|tháng|tuần|năm|giai đoạn|thời gian|tiến độ|kết quả|thành tích|đóng góp
Sở Nội vụ|Ủy ban nhân dân|Hội đồng nhân dân|Ban Thi đua|Hội đồng Thi đua|thường trực|ban hành|phê duyệt|bố trí|kinh phí
cơ chế|thể chế|pháp luật|tiếp công dân|khiếu nại|tố cáo|đối thoại|lắng nghe|ý kiến|kiến nghị
trách nhiệm giải trình|người đứng đầu|gương mẫu|tận tụy|liêm chính|phục vụ nhân dân|đoàn viên|hội viên|chi bộ|đảng viên
""".replace("\n", "|").split("|"))
WORDS = [w for w in (w.strip() for w in WORDS) if w]

# Tag topics: slugs of common subjects; tag k is "<topic>-<kkk>".
TAG_TOPICS = [
    "chuyen-doi-so", "cai-cach-hanh-chinh", "thi-dua-khen-thuong", "to-chuc-bo-may",
    "cong-chuc-vien-chuc", "dao-tao-boi-duong", "chinh-quyen-dien-tu", "dich-vu-cong",
    "nong-thon-moi", "van-thu-luu-tru", "ton-giao", "thanh-nien", "cong-tac-dang",
    "phong-chong-tham-nhung", "kinh-te-xa-hoi", "an-sinh-xa-hoi",
]

FAMILY = nfc(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
              "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lương"])
# Weights roughly as common as the names are.
FAMILY_WEIGHTS = [38, 11, 9, 7, 5, 4, 4, 4, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1]
MIDDLE_MALE = nfc(["Văn", "Hữu", "Minh", "Quốc", "Đức", "Thanh", "Công", "Xuân", "Đình", "Hoàng",
                   "Ngọc", "Trọng", "Anh", "Quang"])
MIDDLE_FEMALE = nfc(["Thị", "Ngọc", "Thanh", "Thu", "Minh", "Kim", "Hồng", "Bích", "Thùy", "Mỹ",
                     "Phương", "Hoài", "Diệu", "Khánh"])
GIVEN_MALE = nfc(["An", "Anh", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hòa", "Hùng",
                  "Khánh", "Long", "Minh", "Nam", "Phong", "Phúc", "Quang", "Quân", "Sơn", "Tâm",
                  "Thắng", "Trung", "Tuấn", "Việt", "Hiếu", "Huy", "Khoa", "Lâm", "Lộc", "Nghĩa",
                  "Tài", "Thành", "Thịnh", "Toàn", "Vinh", "Bảo", "Đạt", "Hưng", "Kiên", "Tùng"])
GIVEN_FEMALE = nfc(["An", "Anh", "Ánh", "Ân", "Châu", "Giang", "Hà", "Hạnh", "Hoa", "Hương",
                    "Khánh", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Nhung", "Tâm", "Thảo", "Thu",
                    "Trang", "Vân", "Yến", "Hằng", "Hiền", "Huyền", "Loan", "Ly", "My", "Nhi",
                    "Oanh", "Phương", "Quyên", "Thủy", "Tuyết", "Uyên", "Xuân", "Diệp", "Dung", "Hồng"])
POSITIONS = nfc(["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng",
                 "Cán sự", "Nhân viên"])
POSITION_WEIGHTS = [50, 15, 8, 4, 12, 11]

AWARD_LDTT = "Lao động tiên tiến"
AWARD_CSTD = "Chiến sĩ thi đua cơ sở"
AWARD_BK = "Bằng khen của Chủ tịch UBND tỉnh"
AWARD_TT = "Tập thể lao động tiên tiến"

# (month, day, since, title); dot-1 covers months 1–6, dot-2 months 7–12.
MILESTONES = [(m, d, dt.date.fromisoformat(s), unicodedata.normalize("NFC", t)) for m, d, s, t in [
    (2, 3, "1930-02-03", "Ngày thành lập Đảng Cộng sản Việt Nam"),
    (3, 26, "1931-03-26", "Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    (4, 30, "1975-04-30", "Ngày giải phóng miền Nam, thống nhất đất nước"),
    (5, 7, "1954-05-07", "Ngày Chiến thắng Điện Biên Phủ"),
    (5, 19, "1890-05-19", "Ngày sinh Chủ tịch Hồ Chí Minh"),
    (6, 11, "1948-06-11", "Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc"),
    (7, 27, "1947-07-27", "Ngày Thương binh Liệt sỹ"),
    (8, 19, "1945-08-19", "Ngày Cách mạng tháng Tám thành công"),
    (8, 28, "1945-08-28", "Ngày truyền thống ngành Nội vụ"),
    (9, 2, "1945-09-02", "Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
    (10, 13, "2004-10-13", "Ngày Doanh nhân Việt Nam"),
    (11, 20, "1982-11-20", "Ngày Nhà giáo Việt Nam"),
]]


# ── helpers ──────────────────────────────────────────────────────────────────

def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fold(text: str) -> str:
    """bangvang's duplicate key (src/text/collate.rs `fold`): no marks, lower case, đ → d."""
    out = []
    for c in unicodedata.normalize("NFD", text):
        if unicodedata.combining(c):
            continue
        out.append("d" if c in "đĐ" else c.lower())
    return " ".join("".join(out).split())


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def rng_for(seed: int, *what) -> random.Random:
    # String seeds are hashed with SHA-512: stable across runs and PYTHONHASHSEED.
    return random.Random(":".join([str(seed), *map(str, what)]))


def phrases(rng: random.Random, lo: int, hi: int) -> list[str]:
    """Words and compounds adding up to between lo and hi syllables."""
    target = rng.randint(lo, hi)
    out, n = [], 0
    while n < target:
        w = rng.choice(WORDS)
        k = w.count(" ") + 1
        if n + k > hi:
            continue
        out.append(w)
        n += k
    return out


def phrase(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(phrases(rng, lo, hi))


def sentence(rng: random.Random, lo: int = 16, hi: int = 26) -> str:
    parts = phrases(rng, lo, hi)
    if len(parts) >= 4 and rng.random() < 0.4:  # a comma between two phrases
        cut = rng.randint(2, len(parts) - 2)
        parts[cut - 1] += ","
    return cap(" ".join(parts)) + "."


class Writer:
    """Writes files under a root, counting files and bytes."""

    def __init__(self, root: Path):
        self.root = root
        self.files = 0
        self.bytes = 0
        self._dirs: set[Path] = set()

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        if path.parent not in self._dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(path.parent)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        self.files += 1
        self.bytes += len(data)

    def copy_tree(self, src: Path, rel: str) -> None:
        dst = self.root / rel
        shutil.copytree(src, dst)
        for dirpath, _dirs, files in os.walk(dst):
            for name in files:
                self.files += 1
                self.bytes += os.path.getsize(os.path.join(dirpath, name))

    def copy_file(self, src: Path, rel: str) -> None:
        self.write(rel, src.read_text(encoding="utf-8"))


# ── news pages ───────────────────────────────────────────────────────────────

class Layout:
    def __init__(self, pages: int, sections: int):
        self.pages = pages
        self.sections = sections
        self.sec_width = max(2, len(str(sections)))
        self.page_width = max(5, len(str(pages)))

    def section_of(self, i: int) -> int:
        """1-based section of 0-based page i: contiguous, even blocks."""
        return i * self.sections // self.pages + 1

    def section_dir(self, s: int) -> str:
        return f"chuyen-muc-{s:0{self.sec_width}d}"

    def page_slug(self, i: int) -> str:
        return f"bai-{i + 1:0{self.page_width}d}"

    def page_url(self, i: int) -> str:
        return f"/{self.section_dir(self.section_of(i))}/{self.page_slug(i)}/"

    def page_file(self, i: int) -> str:
        return f"content/{self.section_dir(self.section_of(i))}/{self.page_slug(i)}.md"


def make_title(seed: int, i: int) -> str:
    rng = rng_for(seed, "title", i)
    return cap(phrase(rng, 6, 10))


def make_tags(pool: int) -> list[str]:
    return [f"{TAG_TOPICS[k % len(TAG_TOPICS)]}-{k + 1:03d}" for k in range(pool)]


def make_page(seed: int, i: int, layout: Layout, titles: list[str], tags: list[str],
              tags_per_page: int) -> str:
    rng = rng_for(seed, "page", i)
    date = FIRST_DAY + dt.timedelta(days=rng.randrange(DAY_SPAN))
    summary = sentence(rng, 14, 24)
    page_tags = sorted(rng.sample(tags, tags_per_page))

    # Body: 8–12 paragraphs, 2–3 headings, one bullet list, one internal link.
    n_par = rng.randint(8, 12)
    n_head = rng.randint(2, 3)
    # Headings go before paragraphs 1.., never before the first one.
    head_at = set(rng.sample(range(1, n_par), n_head))
    list_after = rng.randrange(n_par)
    link_in = rng.randrange(n_par)
    if layout.pages > 1:
        j = rng.randrange(layout.pages - 1)
        j += j >= i
        link = f"Xem thêm bài [{titles[j]}]({layout.page_url(j)})."
    else:
        link = f"Xem thêm [các bài cùng chuyên mục](/{layout.section_dir(layout.section_of(i))}/)."

    blocks = []
    for p in range(n_par):
        if p in head_at:
            blocks.append("## " + cap(phrase(rng, 3, 7)))
        sentences = [sentence(rng) for _ in range(rng.randint(2, 3))]
        if p == link_in:
            sentences.append(link)
        blocks.append(" ".join(sentences))
        if p == list_after:
            items = [f"- {cap(phrase(rng, 4, 9))};" for _ in range(3)]
            items.append(f"- {cap(phrase(rng, 4, 9))}.")
            blocks.append("\n".join(items))
    body = "\n\n".join(blocks)

    return (
        "---\n"
        f"title: {q(titles[i])}\n"
        f"date: {date.isoformat()}\n"
        f"summary: {q(summary)}\n"
        f"tags: [{', '.join(page_tags)}]\n"
        "---\n"
        f"{body}\n"
    )


# ── campaigns and honorees ───────────────────────────────────────────────────

def campaign_index(seed: int, k: int, num: str, year: int) -> str:
    rng = rng_for(seed, "campaign", k)
    first = [m for m in MILESTONES if m[0] <= 6]
    second = [m for m in MILESTONES if m[0] > 6]
    ms1 = sorted(rng.sample(first, rng.randint(1, 3)))
    ms2 = sorted(rng.sample(second, rng.randint(1, 3)))

    def milestones(ms):
        out = ["    milestones:"]
        for month, day, since, title in ms:
            out += [
                f"      - date: {dt.date(year, month, day).isoformat()}",
                f"        since: {since.isoformat()}",
                f"        title: {q(title)}",
            ]
        return out

    motto = f"Đoàn kết, đổi mới, thi đua hoàn thành vượt mức các chỉ tiêu, nhiệm vụ năm {year}"
    lines = [
        "---",
        f"title: {q(f'Kế hoạch thi đua số {num}')}",
        f"subject: {q(f'phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ năm {year}')}",
        f'number: "{num}/KH-SNV"',
        f"issued: {year}-01-15",
        f"summary: {q(sentence(rng, 14, 24))}",
        f"motto: {q(motto)}",
        "phases:",
        "  - id: dot-1",
        "    name: Đợt thi đua thứ nhất",
        f"    start: {year}-01-01",
        f"    end: {year}-06-30",
        f"    review_by: {year}-07-15",
        *milestones(ms1),
        "  - id: dot-2",
        "    name: Đợt thi đua thứ hai",
        f"    start: {year}-07-01",
        f"    end: {year}-12-31",
        *milestones(ms2),
        "targets:",
        "  - of: individuals",
        f"    award: {AWARD_LDTT}",
        "    percent: 70",
        "  - of: individuals",
        f"    award: {AWARD_CSTD}",
        "    percent: 15",
        "  - of: collectives",
        f"    award: {AWARD_TT}",
        "    percent: 20",
        "---",
    ]
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(3, 4))) for _ in range(3)]
    return "\n".join(lines) + "\n" + "\n\n".join(paragraphs) + "\n"


class People:
    """Draws honorees for one results list, never the same (folded name, unit) twice."""

    def __init__(self, rng: random.Random, units: list[str]):
        self.rng = rng
        self.units = units
        self.seen: set[tuple[str, str]] = set()

    def draw(self) -> tuple[str, str, str]:
        rng = self.rng
        for attempt in range(1000):
            female = rng.random() < 0.5
            family = rng.choices(FAMILY, FAMILY_WEIGHTS)[0]
            middles = MIDDLE_FEMALE if female else MIDDLE_MALE
            given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
            # After a few collisions, add a second middle name ("Nguyễn Thị Ngọc Lan"):
            # many times more names, so even very long lists stay unique.
            n_mid = 1 if attempt < 20 else 2
            mid = rng.sample(middles, n_mid)
            name = " ".join([family, *mid, given])
            unit = rng.choice(self.units)
            key = (fold(name), unit)
            if key not in self.seen:
                self.seen.add(key)
                return name, rng.choices(POSITIONS, POSITION_WEIGHTS)[0], unit
        raise SystemExit("error: too many honorees in one list to keep their names unique")


def results_list(seed: int, k: int, which: str, num: str, year: int, count: int,
                 decision_no: int, units: list[str]) -> str:
    rng = rng_for(seed, "results", k, which)
    # A few collective honorees per list (about 2%), the rest individuals:
    # ~70% Lao động tiên tiến, ~20% Chiến sĩ thi đua cơ sở, ~8% Bằng khen.
    n_coll = min(len(units), round(count * 0.02))
    if count >= 5:
        n_coll = max(1, n_coll)
    n_ind = count - n_coll
    n_cstd = round(count * 0.20)
    n_bk = round(count * 0.08)
    if n_cstd + n_bk > n_ind:
        n_cstd = min(n_cstd, n_ind)
        n_bk = n_ind - n_cstd
    n_ldtt = n_ind - n_cstd - n_bk

    people = People(rng, units)
    groups = [(AWARD_LDTT, n_ldtt), (AWARD_CSTD, n_cstd), (AWARD_BK, n_bk)]
    if which == "dot-1":
        title = f"Danh sách khen thưởng Đợt thi đua thứ nhất, Kế hoạch thi đua số {num} năm {year}"
        date = f"{year}-07-14"
    else:
        title = f"Danh sách khen thưởng tổng kết Kế hoạch thi đua số {num} năm {year}"
        date = f"{year}-12-30"
    eligible_ind = max(400, math.ceil(n_ind * 1.25 / 100) * 100)

    out = [f"title: {q(title)}"]
    if which == "dot-1":
        out.append("phase: dot-1")
    out += [
        "status: decided",
        f'decision: {{ number: "{decision_no}/QĐ-SNV", date: {date}, signer: {SIGNER} }}',
        f"eligible: {{ collectives: {len(units)}, individuals: {eligible_ind} }}",
        "awards:",
    ]
    for award, n in groups:
        if n == 0:
            continue
        out += [f"  - award: {award}", "    honorees:"]
        for _ in range(n):
            name, position, unit = people.draw()
            out += [
                f"      - name: {q(name)}",
                f"        position: {position}",
                f"        unit: {unit}",
            ]
    if n_coll:
        out += [f"  - award: {AWARD_TT}", "    honorees:"]
        out += [f"      - unit: {u}" for u in sorted(rng.sample(units, n_coll))]
    return "\n".join(out) + "\n"


# ── the two sites ────────────────────────────────────────────────────────────

def site_yaml(units: list[str]) -> str:
    lines = [
        f"title: {SITE_TITLE}",
        f"base_url: {BASE_URL}",
        "organization:",
        f"  name: {ORG_NAME}",
        f"  short_name: {ORG_SHORT}",
        f"  parent: {ORG_PARENT}",
        "units:",
    ]
    for u in units:
        lines += [f"  - id: {u}", f"    name: Phòng số {u.rsplit('-', 1)[1]}"]
    lines += ["menu:", "  - title: Trang chủ", "    url: /"]
    return "\n".join(lines) + "\n"


HUGO_TOML = f"""baseURL = "{BASE_URL}"
languageCode = "vi"
defaultContentLanguage = "vi"
title = "{SITE_TITLE}"
# bangvang does not write feeds, sitemaps or robots.txt yet.
disableKinds = ["RSS", "sitemap", "robotsTXT"]

[pagination]
  pagerSize = 20

[taxonomies]
  tag = "tags"

[params.organization]
  name = "{ORG_NAME}"
  short_name = "{ORG_SHORT}"
  parent = "{ORG_PARENT}"

[[menus.main]]
  name = "Trang chủ"
  pageRef = "/"
  weight = 1
"""

# Minimal layouts equivalent to bangvang's default theme (themes/default/templates).
HUGO_BASEOF = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} — {{ site.Title }}{{ end }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body class="kind-{{ .Kind }}">
<a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="{{ "/" | relURL }}">
      <span class="brand-parent">{{ site.Params.organization.parent }}</span>
      <span class="brand-name">{{ site.Params.organization.name }}</span>
      <span class="brand-title">{{ site.Title }}</span>
    </a>
    <nav class="site-nav" aria-label="Điều hướng chính">
      <ul>
        {{ range site.Menus.main }}
        <li><a href="{{ .URL }}"{{ if $.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
        {{ end }}
      </ul>
    </nav>
  </div>
</header>
{{ if not .IsHome }}
<nav class="breadcrumbs wrap" aria-label="Vị trí trang">
  <ol>
    {{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
    <li aria-current="page">{{ .Title }}</li>
  </ol>
</nav>
{{ end }}
<main id="noi-dung" class="wrap">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p class="footer-org">{{ site.Params.organization.name }} — {{ site.Params.organization.parent }}</p>
  </div>
</footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}
<article class="page">
  <h1>{{ .Title }}</h1>
  {{ if not .Date.IsZero }}<p class="page-date">Ngày đăng: <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></p>{{ end }}
  {{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}
  <div class="prose">{{ .Content }}</div>
</article>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Content }}<div class="prose lead">{{ . }}</div>{{ end }}
{{ $pager := .Paginate .Pages }}
{{ if $pager.Pages }}
<ul class="cards">
  {{ range $pager.Pages }}
  <li class="card">
    <h2 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
    {{ if not .Date.IsZero }}<p class="card-meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></p>{{ end }}
    {{ with .Params.summary }}<p class="card-summary">{{ . }}</p>{{ end }}
  </li>
  {{ end }}
</ul>
{{ if gt $pager.TotalPages 1 }}
<nav class="pagination" aria-label="Phân trang">
  <ul>
    {{ with $pager.Prev }}<li><a href="{{ .URL }}">Trang trước</a></li>{{ end }}
    <li>Trang {{ $pager.PageNumber }}/{{ $pager.TotalPages }}</li>
    {{ with $pager.Next }}<li><a href="{{ .URL }}">Trang sau</a></li>{{ end }}
  </ul>
</nav>
{{ end }}
{{ else }}
<p>Chưa có bài viết nào.</p>
{{ end }}
{{ end }}
"""

HUGO_INDEX = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Content }}<div class="prose lead">{{ . }}</div>{{ end }}
<section aria-labelledby="chuyen-muc">
  <h2 id="chuyen-muc">Chuyên mục</h2>
  {{ with .Sections }}
  <ul class="cards">
    {{ range . }}
    <li class="card">
      <h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
      <p class="card-meta">{{ len .Pages }} bài viết</p>
    </li>
    {{ end }}
  </ul>
  {{ else }}
  <p>Chưa có chuyên mục nào.</p>
  {{ end }}
</section>
{{ end }}
"""


def prepare(out: Path, force: bool, label: str) -> None:
    if out.exists():
        if not out.is_dir():
            raise SystemExit(f"error: {label} {out} exists and is not a directory")
        if any(out.iterdir()):
            if not force:
                raise SystemExit(f"error: {label} {out} is not empty (use --force to replace it)")
            real = out.resolve()
            if (real / ".git").exists() or real in REPO.parents or real == REPO or real == Path.home():
                raise SystemExit(f"error: refusing to delete {out}")
            shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, metavar="OUT_DIR", help="where the bangvang site is written")
    ap.add_argument("--pages", type=int, default=1000, help="news pages (default 1000)")
    ap.add_argument("--sections", type=int, default=None,
                    help="news sections (default ceil(pages/100))")
    ap.add_argument("--tags-per-page", type=int, default=2)
    ap.add_argument("--tag-pool", type=int, default=200)
    ap.add_argument("--campaigns", type=int, default=10)
    ap.add_argument("--honorees", type=int, default=2000, help="honorees over all campaigns")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hugo", type=Path, metavar="HUGO_OUT_DIR",
                    help="also write the equivalent Hugo site (news pages, sections, tags)")
    ap.add_argument("--force", action="store_true", help="replace non-empty output directories")
    a = ap.parse_args(argv)

    n = a.pages
    s = a.sections if a.sections is not None else math.ceil(n / 100)
    if n < 0 or s < 0 or a.campaigns < 0 or a.honorees < 0 or a.tag_pool < 0 or a.tags_per_page < 0:
        ap.error("counts must not be negative")
    if n > 0 and s < 1:
        ap.error("--sections must be at least 1 when there are pages")
    if a.tags_per_page > a.tag_pool:
        ap.error("--tags-per-page cannot exceed --tag-pool")
    if a.honorees and not a.campaigns:
        ap.error("--honorees needs at least one campaign")
    if a.hugo is not None:
        o, h = a.out.resolve(), a.hugo.resolve()
        if o == h or o in h.parents or h in o.parents:
            ap.error("OUT_DIR and HUGO_OUT_DIR must be separate directories")
    if not THEME_DIR.is_dir():
        raise SystemExit(f"error: theme not found at {THEME_DIR}")

    prepare(a.out, a.force, "OUT_DIR")
    if a.hugo is not None:
        prepare(a.hugo, a.force, "HUGO_OUT_DIR")

    bv = Writer(a.out)
    hg = Writer(a.hugo) if a.hugo is not None else None
    both = [w for w in (bv, hg) if w is not None]

    units = [f"phong-{u:02d}" for u in range(1, UNIT_COUNT + 1)]
    bv.write("site.yaml", site_yaml(units))
    bv.copy_tree(THEME_DIR, "themes/default")
    for w in both:
        w.write("content/_index.md", "---\ntitle: Trang chủ\n---\n")

    # News: the same files in both sites.
    layout = Layout(n, s)
    tags = make_tags(a.tag_pool)
    for sec in range(1, s + 1):
        text = f"---\ntitle: Chuyên mục {sec:0{layout.sec_width}d}\n---\n"
        for w in both:
            w.write(f"content/{layout.section_dir(sec)}/_index.md", text)
    titles = [make_title(a.seed, i) for i in range(n)]
    for i in range(n):
        text = make_page(a.seed, i, layout, titles, tags, a.tags_per_page)
        rel = layout.page_file(i)
        for w in both:
            w.write(rel, text)

    # Campaigns (bangvang only).
    bv.write("content/phong-trao/_index.md", "---\ntitle: Phong trào thi đua\n---\n")
    m = a.campaigns
    width = max(3, len(str(m)))
    lists = 0
    for k in range(m):
        num = f"{k + 1:0{width}d}"
        year = CAMPAIGN_FIRST_YEAR + k % CAMPAIGN_YEARS
        bundle = f"content/phong-trao/ke-hoach-{num}"
        bv.write(f"{bundle}/index.md", campaign_index(a.seed, k, num, year))
        h = a.honorees // m + (k < a.honorees % m)
        first = h // 2
        for which, count, dec in (("dot-1", first, 2 * k + 1), ("tong-ket", h - first, 2 * k + 2)):
            if count == 0:
                continue  # a list needs at least one honoree
            bv.write(f"{bundle}/{which}.yaml",
                     results_list(a.seed, k, which, num, year, count, dec, units))
            lists += 1

    if hg is not None:
        hg.write("hugo.toml", HUGO_TOML)
        hg.write("layouts/_default/baseof.html", HUGO_BASEOF)
        hg.write("layouts/_default/single.html", HUGO_SINGLE)
        hg.write("layouts/_default/list.html", HUGO_LIST)
        hg.write("layouts/index.html", HUGO_INDEX)
        hg.copy_file(THEME_DIR / "static" / "style.css", "static/style.css")

    summary = (f"bangvang: {n} pages in {s} sections, tag pool {len(tags)}, {m} campaigns "
               f"({lists} results lists), {a.honorees} honorees; "
               f"{bv.files} files, {bv.bytes:,} bytes -> {a.out}")
    if hg is not None:
        summary += f" | hugo: {n} pages; {hg.files} files, {hg.bytes:,} bytes -> {a.hugo}"
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
