//! The honours in figures (`/thong-ke/`, a campaign's `thong-ke/`): a site of
//! known figures, built by the real binary, read as a reader sees it — the
//! totals, each chart's table, the bars' lengths, the share of individuals
//! without a leading post — and, in a real browser, a phone's screen and the
//! charts seen at 1280 px, at 360 px and printed.

mod common;

use common::{TestSite, browser_available, visible_text};

const SITE_YAML: &str = "title: Thi đua — Sở Thử nghiệm
organization:
  name: Sở Nội vụ tỉnh Thử nghiệm
units:
  - id: van-phong
    name: Văn phòng Sở
  - id: to-chuc
    name: Phòng Tổ chức
  - id: thpt
    name: Trường THPT Hồng Lĩnh
";

fn campaign(year: u32) -> String {
    format!(
        "---
title: Kế hoạch thi đua năm {year}
phases:
  - id: dot-1
    name: Đợt thi đua thứ nhất
    start: {year}-01-01
    end: {year}-06-30
  - id: dot-2
    name: Đợt thi đua thứ hai
    start: {year}-07-01
    end: {year}-12-31
---
Nội dung kế hoạch.
"
    )
}

/// Two campaigns, three decided lists over two years, a proposed list that
/// must not count, and a campaign with nothing decided yet.
///
/// | who | position | unit | award | list |
/// | A | Chánh Văn phòng (leading) | van-phong | CSTĐCS | 2023 dot-1 |
/// | B | Chuyên viên phòng Tổ chức | to-chuc | CSTĐCS | 2023 dot-1 |
/// | C | Giáo viên, Tổ trưởng chuyên môn | thpt | CSTĐCS | 2023 dot-1 |
/// | D | Chuyên viên | van-phong | LĐTT | 2023 dot-1 |
/// | E | (none) | van-phong | LĐTT | 2023 dot-1 |
/// | Phòng Tổ chức | collective | to-chuc | TTLĐXS | 2023 dot-1 |
/// | F | Phó Giám đốc Sở (leading) | van-phong | Bằng khen UBND tỉnh | 2023 tổng kết |
/// | Trường THPT Hồng Lĩnh | collective | thpt | Bằng khen UBND tỉnh | 2023 tổng kết |
/// | G | Kế toán | van-phong | LĐTT | 2024 tổng kết |
/// | H | Quyền Trưởng phòng (leading) | to-chuc | LĐTT | 2024 tổng kết |
/// | I | Giáo viên | thpt | LĐTT | 2024 tổng kết |
fn site(extra_config: &str) -> TestSite {
    let site = TestSite::empty();
    site.write("site.yaml", format!("{SITE_YAML}{extra_config}"));
    site.write("content/_index.md", "---\ntitle: Trang chủ\n---\n");
    site.write(
        "content/phong-trao/_index.md",
        "---\ntitle: Phong trào thi đua\n---\n",
    );
    site.write("content/phong-trao/ke-hoach-2023/index.md", campaign(2023));
    site.write(
        "content/phong-trao/ke-hoach-2023/dot-1.yaml",
        "title: Danh sách khen thưởng Đợt 1 năm 2023
phase: dot-1
status: decided
decision: { number: 45/QĐ-SNV, date: 2023-07-14 }
awards:
  - award: Chiến sĩ thi đua cơ sở
    honorees:
      - { name: Nguyễn Văn An, position: Chánh Văn phòng, unit: van-phong }
      - { name: Trần Thị Bích, position: Chuyên viên phòng Tổ chức, unit: to-chuc }
      - { name: Lê Văn Cường, position: 'Giáo viên, Tổ trưởng chuyên môn', unit: thpt }
  - award: Lao động tiên tiến
    honorees:
      - { name: Phạm Thị Dung, position: Chuyên viên, unit: van-phong }
      - { name: Hoàng Văn Em, unit: van-phong }
  - award: Tập thể lao động xuất sắc
    honorees:
      - unit: to-chuc
",
    );
    site.write(
        "content/phong-trao/ke-hoach-2023/tong-ket.yaml",
        "title: Danh sách khen thưởng tổng kết năm 2023
status: decided
decision: { number: 98/QĐ-UBND, date: 2023-12-28 }
awards:
  - award: Bằng khen của Chủ tịch UBND tỉnh
    honorees:
      - { name: Vũ Thị Phương, position: Phó Giám đốc Sở, unit: van-phong }
      - unit: thpt
",
    );
    site.write(
        "content/phong-trao/ke-hoach-2023/du-kien.yaml",
        "title: Danh sách dự kiến khen thưởng bổ sung năm 2023
status: proposed
comment_until: 2024-01-10
awards:
  - award: Lao động tiên tiến
    honorees:
      - { name: Đinh Văn Giang, position: Chuyên viên, unit: van-phong }
      - { name: Ngô Thị Hà, position: Chuyên viên, unit: to-chuc }
",
    );
    site.write("content/phong-trao/ke-hoach-2024/index.md", campaign(2024));
    site.write(
        "content/phong-trao/ke-hoach-2024/tong-ket.yaml",
        "title: Danh sách khen thưởng tổng kết năm 2024
status: decided
decision: { number: 120/QĐ-SNV, date: 2024-12-20 }
awards:
  - award: Lao động tiên tiến
    honorees:
      - { name: Đỗ Văn Giáp, position: Kế toán, unit: van-phong }
      - { name: Bùi Thị Hằng, position: Quyền Trưởng phòng, unit: to-chuc }
      - { name: Lý Văn Ích, position: Giáo viên, unit: thpt }
",
    );
    site.write("content/phong-trao/ke-hoach-2025/index.md", campaign(2025));
    site.write(
        "content/phong-trao/ke-hoach-2025/du-kien.yaml",
        "title: Danh sách dự kiến khen thưởng năm 2025
status: proposed
comment_until: 2025-06-10
awards:
  - award: Lao động tiên tiến
    honorees:
      - { name: Mai Văn Khoa, position: Chuyên viên, unit: van-phong }
",
    );
    site
}

fn built(extra_config: &str) -> TestSite {
    let site = site(extra_config);
    site.build("2025-06-01").assert_ok();
    site
}

const PAGE: &str = "public/thong-ke/index.html";
const CAMPAIGN_PAGE: &str = "public/phong-trao/ke-hoach-2023/thong-ke/index.html";

/// The text of an element, from `start` (a unique piece of its opening tag)
/// to its closing `end`.
fn element<'h>(html: &'h str, start: &str, end: &str) -> &'h str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in the page"));
    let to = html[from..].find(end).expect("the element ends") + from;
    &html[from..to]
}

/// The rows of the table `id`, each cell's visible text.
fn table(html: &str, id: &str) -> Vec<Vec<String>> {
    let table = element(html, &format!("id=\"{id}\""), "</table>");
    let body = element(table, "<tbody", "</tbody>");
    body.split("<tr")
        .skip(1)
        .map(|row| {
            row.split("<td")
                .skip(1)
                .map(|cell| visible_text(&format!("<td{}", cell.split("</td>").next().unwrap())))
                .collect()
        })
        .collect()
}

/// The bars of a chart: for each, its label and the lengths of its
/// individuals' and collectives' parts.
fn bars(html: &str, id: &str) -> Vec<(String, f64, f64)> {
    let svg = element(html, &format!("aria-labelledby=\"{id}-t"), "</svg>");
    let attr = |part: &str, class: &str, name: &str| -> String {
        let tag = element(part, &format!("class=\"{class}\""), ">");
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..].split('"').next().unwrap().to_owned()
    };
    svg.split("<g class=\"bar-row\">")
        .skip(1)
        .map(|row| {
            let label = element(row, "class=\"bar-label\"", "</text>");
            (
                label.split('>').nth(1).unwrap().to_owned(),
                attr(row, "bar-individual", "width").parse().unwrap(),
                attr(row, "bar-collective", "width").parse().unwrap(),
            )
        })
        .collect()
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

#[test]
fn the_site_page_counts_every_decided_honour_and_no_proposed_one() {
    let site = built("");
    let html = site.read(PAGE);
    let text = visible_text(&html);
    assert!(text.contains("Tổng số lượt khen thưởng 11"), "{text}");
    assert!(text.contains("Cá nhân 9"), "{text}");
    assert!(text.contains("Tập thể 2"), "{text}");
    // Proposed lists are not honours, and the page says so.
    assert!(
        text.contains("Tính từ 3 danh sách đã có quyết định khen thưởng."),
        "{text}"
    );
    assert!(
        text.contains("Không tính 2 danh sách dự kiến (3 lượt)"),
        "{text}"
    );
    assert!(!text.contains("Đinh Văn Giang") && !text.contains("Mai Văn Khoa"));

    assert_eq!(
        table(&html, "theo-nam-bang"),
        [
            row(&["2023", "6", "2", "8", "72,7%"]),
            row(&["2024", "3", "0", "3", "27,3%"]),
        ]
    );
    assert_eq!(
        table(&html, "ca-nhan-tap-the-bang"),
        [
            row(&["Cá nhân", "9", "81,8%"]),
            row(&["Tập thể", "2", "18,2%"]),
        ]
    );
    // Most honours first; a tie in site.yaml's order.
    assert_eq!(
        table(&html, "theo-don-vi-bang"),
        [
            row(&["Văn phòng Sở", "5", "0", "5", "45,5%"]),
            row(&["Phòng Tổ chức", "2", "1", "3", "27,3%"]),
            row(&["Trường THPT Hồng Lĩnh", "2", "1", "3", "27,3%"]),
        ]
    );
    let forms = table(&html, "theo-hinh-thuc-bang");
    let form = |title: &str| -> Vec<String> {
        forms
            .iter()
            .find(|r| r[0] == title)
            .unwrap_or_else(|| panic!("no {title} in {forms:?}"))
            .clone()
    };
    assert_eq!(form("Bằng khen")[1..4], row(&["1", "1", "2"]));
    assert_eq!(form("Chiến sĩ thi đua cơ sở")[1..4], row(&["3", "0", "3"]));
    assert_eq!(form("Lao động tiên tiến")[1..4], row(&["5", "0", "5"]));
    assert_eq!(
        form("Tập thể lao động xuất sắc")[1..4],
        row(&["0", "1", "1"])
    );
    assert_eq!(forms.len(), 4, "{forms:?}");
    // Levels: the Bằng khen of the province's chairman, and the Tập thể lao
    // động xuất sắc the province gives, are the province's.
    assert_eq!(
        table(&html, "theo-cap-bang"),
        [
            row(&["Cấp bộ, ban, ngành, tỉnh", "1", "2", "3", "27,3%"]),
            row(&["Cơ sở", "8", "0", "8", "72,7%"]),
        ]
    );
    // Each campaign with a decided list, linked to its own figures.
    let campaigns = table(&html, "theo-phong-trao-bang");
    assert_eq!(
        campaigns,
        [
            row(&["Kế hoạch thi đua năm 2023", "6", "2", "8"]),
            row(&["Kế hoạch thi đua năm 2024", "3", "0", "3"]),
        ]
    );
    assert!(html.contains(r#"<a href="../phong-trao/ke-hoach-2023/thong-ke/index.html">"#));
}

#[test]
fn bars_are_as_long_as_their_figures() {
    let site = built("");
    let html = site.read(PAGE);
    // The longest bar is 260 units; the others in proportion, each split
    // into its individuals' and collectives' parts.
    assert_eq!(
        bars(&html, "theo-don-vi"),
        [
            ("Văn phòng Sở".to_owned(), 260.0, 0.0),
            ("Phòng Tổ chức".to_owned(), 104.0, 52.0),
            ("Trường THPT Hồng Lĩnh".to_owned(), 104.0, 52.0),
        ]
    );
    assert_eq!(
        bars(&html, "theo-nam"),
        [
            ("2023".to_owned(), 195.0, 65.0),
            ("2024".to_owned(), 97.5, 0.0)
        ]
    );
    // Each bar says its figure in words too, and the chart has a name.
    let svg = element(&html, "aria-labelledby=\"theo-nam-t", "</svg>");
    assert!(
        svg.contains("<title id=\"theo-nam-t\">Theo năm</title>"),
        "{svg}"
    );
    assert!(svg.contains(">8 (72,7%)</text>"), "{svg}");
    assert!(svg.contains(">3 (27,3%)</text>"), "{svg}");
    // Two bars of 44 units and a margin: the drawing scales to the screen.
    assert!(html.contains(r#"viewBox="0 0 400 92" width="400" height="92" role="img" aria-labelledby="theo-nam-t theo-nam-d""#));
    // Nothing styled inline: the site's CSP forbids it.
    assert!(!html.contains("style="), "an inline style in the page");
    assert!(!html.contains("<script"), "a script on the page");
}

#[test]
fn the_share_of_individuals_without_a_leading_post_is_of_those_with_a_position() {
    let site = built("");
    let html = site.read(PAGE);
    let text = visible_text(&html);
    // Leading: A (Chánh Văn phòng), F (Phó Giám đốc Sở), H (Quyền Trưởng
    // phòng); not: B ("Chuyên viên phòng Tổ chức"), C (a tổ trưởng
    // chuyên môn), D, G, I; E gives no position.
    assert!(
        text.contains("62,5% số lượt khen thưởng cá nhân có ghi chức vụ (5 trong 8 lượt) là của người không giữ chức vụ lãnh đạo, quản lý. 1 lượt không ghi chức vụ"),
        "{text}"
    );
    assert_eq!(
        table(&html, "chuc-vu-bang"),
        [
            row(&["Giữ chức vụ lãnh đạo, quản lý", "3", "33,3%"]),
            row(&["Không giữ chức vụ lãnh đạo, quản lý", "5", "55,6%"]),
            row(&["Không ghi chức vụ", "1", "11,1%"]),
        ]
    );
    // The rule is on the page, with its titles.
    assert!(text.contains("Chánh Văn phòng, Chánh Thanh tra"), "{text}");
    assert!(!text.contains("trang này bổ sung"), "{text}");
}

#[test]
fn a_site_adds_its_own_leading_titles() {
    let site = built("leading_titles:\n  - Tổ trưởng\n");
    let text = visible_text(&site.read(PAGE));
    // C, "Giáo viên, Tổ trưởng chuyên môn", now holds a leading post.
    assert!(
        text.contains("50% số lượt khen thưởng cá nhân có ghi chức vụ (4 trong 8 lượt)"),
        "{text}"
    );
    assert!(
        text.contains("và các chức danh trang này bổ sung: Tổ trưởng."),
        "{text}"
    );
}

#[test]
fn a_campaign_has_its_own_figures_once_a_list_is_decided() {
    let site = built("");
    let html = site.read(CAMPAIGN_PAGE);
    let text = visible_text(&html);
    assert!(
        text.contains("Thống kê khen thưởng: Kế hoạch thi đua năm 2023"),
        "{text}"
    );
    assert!(text.contains("Tổng số lượt khen thưởng 8"), "{text}");
    assert!(
        text.contains("Tính từ 2 danh sách đã có quyết định khen thưởng."),
        "{text}"
    );
    assert!(
        text.contains("Không tính 1 danh sách dự kiến (2 lượt)"),
        "{text}"
    );
    // A: Chánh Văn phòng, F: Phó Giám đốc; B, C, D hold none; E gives none.
    assert!(
        text.contains("60% số lượt khen thưởng cá nhân có ghi chức vụ (3 trong 5 lượt)"),
        "{text}"
    );
    assert_eq!(
        table(&html, "theo-nam-bang"),
        [row(&["2023", "6", "2", "8", "100%"])]
    );
    assert!(!html.contains("theo-phong-trao-bang"));
    // Linked from the campaign's page, and back to the site's figures.
    let campaign = site.read("public/phong-trao/ke-hoach-2023/index.html");
    assert!(
        campaign.contains(r#"<a href="../../phong-trao/ke-hoach-2023/thong-ke/index.html">Thống kê khen thưởng của phong trào</a>"#),
        "{campaign}"
    );
    assert!(html.contains(
        r#"<a href="../../../thong-ke/index.html">Thống kê khen thưởng của toàn trang</a>"#
    ));
    // A campaign with nothing decided has no figures, and no link to them.
    assert!(!site.exists("public/phong-trao/ke-hoach-2025/thong-ke/index.html"));
    assert!(
        !site
            .read("public/phong-trao/ke-hoach-2025/index.html")
            .contains("thong-ke/")
    );
    // The roll of honour links the site's figures.
    assert!(
        site.read("public/khen-thuong/index.html")
            .contains(r#"<a href="../thong-ke/index.html">Thống kê khen thưởng</a>"#)
    );
}

#[test]
fn a_school_year_site_counts_by_school_year() {
    let site = built("reporting_year: school\n");
    let html = site.read(PAGE);
    // 2023-07-14 is in 2022-2023, 2023-12-28 in 2023-2024, 2024-12-20 in 2024-2025.
    assert_eq!(
        table(&html, "theo-nam-bang"),
        [
            row(&["2022-2023", "5", "1", "6", "54,5%"]),
            row(&["2023-2024", "1", "1", "2", "18,2%"]),
            row(&["2024-2025", "3", "0", "3", "27,3%"]),
        ]
    );
    assert!(
        html.contains("<h2 id=\"theo-nam-h\">Theo năm học</h2>"),
        "{html}"
    );
    assert!(html.contains(r#"<th scope="col" role="columnheader">Năm học</th>"#));
}

#[test]
fn a_site_without_decided_lists_says_there_is_nothing_to_count() {
    let site = site("");
    for list in [
        "ke-hoach-2023/dot-1.yaml",
        "ke-hoach-2023/tong-ket.yaml",
        "ke-hoach-2024/tong-ket.yaml",
    ] {
        std::fs::remove_file(site.path(&format!("content/phong-trao/{list}"))).unwrap();
    }
    site.build("2025-06-01").assert_ok();
    let text = visible_text(&site.read(PAGE));
    assert!(
        text.contains("Chưa có lượt khen thưởng nào theo quyết định."),
        "{text}"
    );
    assert!(
        text.contains("Không tính 2 danh sách dự kiến (3 lượt)"),
        "{text}"
    );
    assert!(!site.exists("public/phong-trao/ke-hoach-2023/thong-ke/index.html"));
}

#[test]
fn a_proposal_that_a_decision_decides_is_not_said_to_be_left_out() {
    let site = site("");
    site.write(
        "content/phong-trao/ke-hoach-2024/du-kien.yaml",
        "title: Danh sách dự kiến khen thưởng tổng kết năm 2024
status: proposed
comment_until: 2024-12-10
awards:
  - award: Lao động tiên tiến
    honorees:
      - { name: Đỗ Văn Giáp, position: Kế toán, unit: van-phong }
",
    );
    let decided = site.path("content/phong-trao/ke-hoach-2024/tong-ket.yaml");
    let yaml = std::fs::read_to_string(&decided).unwrap();
    std::fs::write(
        &decided,
        yaml.replace("status: decided\n", "status: decided\nproposal: du-kien\n"),
    )
    .unwrap();
    site.build("2025-06-01").assert_ok();
    // The decision is counted; its proposal is neither counted nor left out.
    let text = visible_text(&site.read(PAGE));
    assert!(text.contains("Tổng số lượt khen thưởng 11"), "{text}");
    assert!(
        text.contains("Không tính 2 danh sách dự kiến (3 lượt)"),
        "{text}"
    );
    let campaign = visible_text(&site.read("public/phong-trao/ke-hoach-2024/thong-ke/index.html"));
    assert!(
        campaign.contains("Tính từ 1 danh sách đã có quyết định khen thưởng."),
        "{campaign}"
    );
    assert!(!campaign.contains("danh sách dự kiến ("), "{campaign}");
}

/// The fixture with a site award of a long name, and a long position: to be
/// wrapped or shortened rather than overflow.
fn long_names() -> TestSite {
    let site = site(
        "awards:\n  - title: Danh hiệu Cán bộ, công chức, viên chức tiêu biểu xuất sắc trong phong trào thi đua yêu nước\n    for: individuals\n    level: grassroots\n",
    );
    site.write(
        "content/phong-trao/ke-hoach-2024/dai.yaml",
        "title: Danh sách khen thưởng chuyên đề năm 2024
status: decided
decision: { number: 121/QĐ-SNV, date: 2024-12-21 }
awards:
  - award: Danh hiệu Cán bộ, công chức, viên chức tiêu biểu xuất sắc trong phong trào thi đua yêu nước
    honorees:
      - { name: Trịnh Thị Kim, position: Chuyên viên chính phòng Cải cách hành chính và Văn thư lưu trữ, unit: thpt }
",
    );
    site
}

/// At 360 px nothing on the pages of figures is wider than the screen and
/// their tables are labelled cards; at 1280 px tables
/// (tests/browser/phone-tables.mjs says what it checks).
#[test]
fn the_figures_fit_a_phone_in_a_real_browser() {
    if !browser_available() {
        return;
    }
    let site = long_names();
    site.build("2025-06-01").assert_ok();
    let output = std::process::Command::new("node")
        .arg(std::path::Path::new(common::REPO).join("tests/browser/phone-tables.mjs"))
        .arg(site.path("public"))
        .args([
            "thong-ke/index.html",
            "phong-trao/ke-hoach-2023/thong-ke/index.html",
            "phong-trao/ke-hoach-2024/thong-ke/index.html",
        ])
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The charts seen in a real browser, on the example site (its 2022 plan's
/// decided list and targets) and on the fixture's pages: at 1280 px, at
/// 360 px and printed, no page scrolls sideways, no style attribute or
/// script, each chart shown with its title and its table, its words inside
/// it at 10 px or more, and a screenshot of it has its bars painted
/// (tests/browser/charts.mjs says what it checks). With
/// BANGVANG_SCREENSHOTS=DIR the pages are also saved there whole, to look at.
#[test]
fn the_charts_are_seen_at_1280_and_360_px_and_printed_in_a_real_browser() {
    if !browser_available() {
        return;
    }
    let script = std::path::Path::new(common::REPO).join("tests/browser/charts.mjs");
    let shots = std::env::var_os("BANGVANG_SCREENSHOTS").map(std::path::PathBuf::from);
    let example = TestSite::example();
    example.build("2022-12-15").assert_ok();
    let fixture = long_names();
    fixture.build("2025-06-01").assert_ok();
    for (site, pages, name) in [
        (
            &example,
            &[
                "thong-ke/index.html",
                "phong-trao/2022/thong-ke/index.html",
                "phong-trao/2022/index.html",
            ][..],
            "example",
        ),
        (
            &fixture,
            &[
                "thong-ke/index.html",
                "phong-trao/ke-hoach-2023/thong-ke/index.html",
                "phong-trao/ke-hoach-2024/thong-ke/index.html",
            ][..],
            "fixture",
        ),
    ] {
        let mut command = std::process::Command::new("node");
        command.arg(&script).arg(site.path("public"));
        if let Some(dir) = &shots {
            command.arg("--screenshots").arg(dir.join(name));
        }
        let output = command.args(pages).output().expect("node runs");
        assert!(
            output.status.success(),
            "{name}: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
