//! Honoree lists: list pages, the roll of honour, units' pages, open data, target
//! results — built from the `honours` fixture by the real binary.

mod common;

use common::{TestSite, browser_available, visible_text};

const LIST: &str = "public/phong-trao/ke-hoach-2023/dot-1/index.html";
const PROPOSED: &str = "public/phong-trao/ke-hoach-2023/tong-ket/index.html";
const ROLL: &str = "public/khen-thuong/index.html";

fn built(today: &str) -> TestSite {
    let site = TestSite::fixture("honours");
    site.build(today).assert_ok();
    site
}

/// Every (name, award) pair written in the fixture's YAML files.
const ALL_HONOREES: &[(&str, &str)] = &[
    ("Phòng Tổ chức", "Tập thể lao động xuất sắc"),
    ("Nguyễn Văn Anh", "Chiến sĩ thi đua cơ sở"),
    ("Trần Thị Ánh", "Chiến sĩ thi đua cơ sở"),
    ("Lê Thị Ân", "Chiến sĩ thi đua cơ sở"),
    ("Phạm Minh Đức", "Lao động tiên tiến"),
    ("Hoàng Văn Bình", "Lao động tiên tiến"),
    ("Vũ Văn Dũng", "Lao động tiên tiến"),
    ("Trần Thị Hoa", "Lao động tiên tiến"),
    ("Nguyễn Thị Hoa", "Lao động tiên tiến"),
    ("Lê Thị Hòa", "Lao động tiên tiến"),
    ("Đỗ Văn Hoà", "Lao động tiên tiến"),
    (
        "Văn phòng Sở",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Thử Nghiệm",
    ),
    (
        "Phòng Tổ chức",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Thử Nghiệm",
    ),
    (
        "Phòng Cải cách hành chính",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Thử Nghiệm",
    ),
    (
        "Hội Cựu chiến binh xã Thử nghiệm",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Thử Nghiệm",
    ),
    ("Ngô Văn Khải", "Bằng khen của Thủ tướng Chính phủ"),
    (
        "Đinh Thị Lan",
        "Giấy khen của Giám đốc Sở Nội vụ tỉnh Thử Nghiệm",
    ),
];

#[test]
fn every_honoree_is_on_its_list_page_in_the_json_and_in_the_csv() {
    let site = built("2023-12-01");
    let lists = visible_text(&site.read(LIST)) + &visible_text(&site.read(PROPOSED));
    for (name, _) in ALL_HONOREES {
        assert!(lists.contains(name), "{name} missing from the list pages");
    }

    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/khen-thuong/danh-sach.json")).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), ALL_HONOREES.len());
    let mut pairs: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_owned(),
                r["award"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut expected: Vec<(String, String)> = ALL_HONOREES
        .iter()
        .map(|(n, a)| (n.to_string(), a.to_string()))
        .collect();
    pairs.sort();
    expected.sort();
    assert_eq!(pairs, expected);

    let csv = std::fs::read(site.path("public/khen-thuong/danh-sach.csv")).unwrap();
    assert!(
        csv.starts_with(b"\xef\xbb\xbf"),
        "the CSV starts with a UTF-8 BOM for Excel"
    );
    let csv = String::from_utf8(csv).unwrap();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(
        lines.len(),
        ALL_HONOREES.len() + 1,
        "header plus one line per honoree"
    );
    assert!(lines[0].ends_with(
        "name,position,unit_id,unit_name,decision_number,decision_date,decision_signer,year,url"
    ));
    for (name, _) in ALL_HONOREES {
        assert!(csv.contains(name), "{name} missing from the CSV");
    }
    let anh = rows.iter().find(|r| r["name"] == "Nguyễn Văn Anh").unwrap();
    assert_eq!(anh["unit_name"], "Văn phòng Sở");
    assert_eq!(anh["decision_number"], "45/QĐ-SNV");
    assert_eq!(anh["decision_date"], "2023-07-14");
    assert_eq!(anh["phase"], "dot-1");
    assert_eq!(anh["status"], "decided");
    assert_eq!(anh["level"], "Cơ sở");
    assert_eq!(
        anh["url"],
        "https://example.gov.vn/thi-dua/phong-trao/ke-hoach-2023/dot-1/"
    );
}

fn individual_names_in_roll(site: &TestSite) -> Vec<String> {
    let html = site.read(ROLL);
    let table = &html[html.find("id=\"ca-nhan\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let body = &table[table.find("<tbody").unwrap()..];
    body.split("<tr ")
        .skip(1)
        .map(|row| {
            let cell = &row[row.find("<td ").unwrap()..];
            let cell = &cell[cell.find('>').unwrap() + 1..];
            cell[..cell.find("</td>").unwrap()].to_owned()
        })
        .collect()
}

#[test]
fn the_roll_is_in_vietnamese_name_order() {
    let site = built("2023-12-01");
    assert_eq!(
        individual_names_in_roll(&site),
        [
            "Nguyễn Văn Anh",
            "Trần Thị Ánh",
            "Lê Thị Ân",
            "Hoàng Văn Bình",
            "Vũ Văn Dũng",
            "Phạm Minh Đức",
            // Same given name: middle name, then family name; tones after letters.
            "Nguyễn Thị Hoa",
            "Trần Thị Hoa",
            "Lê Thị Hòa",
            "Đỗ Văn Hoà",
            "Ngô Văn Khải",
            "Đinh Thị Lan",
        ]
    );
}

#[test]
fn spelling_variants_of_award_titles_are_canonicalized() {
    let site = TestSite::fixture("honours");
    // The award written in decomposed Unicode with old tone placement and odd case.
    let nfd = "  - award: \"LAO \u{0110}O\u{0323}\u{0302}NG  TIE\u{0302}N TIE\u{0302}\u{0301}N\"\n    honorees:\n      - name: Mai Văn Tùng\n";
    let path = "content/phong-trao/ke-hoach-2023/dot-1.yaml";
    let mut yaml = site.read(path);
    yaml.push_str(nfd);
    site.write(path, yaml);
    site.build("2023-12-01").assert_ok();
    let text = visible_text(&site.read(LIST));
    assert!(text.contains("Chiến sĩ thi đua cơ sở"), "{text}");
    assert!(!text.contains("Chiến sỹ"), "{text}");
    assert!(text.contains("Lao động tiên tiến"));
    assert!(!text.contains("lao động tiên tiến"));
    // Both spellings of Lao động tiên tiến are one table, not two.
    assert_eq!(
        text.matches("Lao động tiên tiến Danh hiệu thi đua").count(),
        1,
        "{text}"
    );
    assert!(text.contains("Mai Văn Tùng"));
}

#[test]
fn unknown_awards_units_and_phases_are_reported_with_suggestions() {
    let site = TestSite::fixture("honours");
    site.write(
        "content/phong-trao/ke-hoach-2023/dot-2.yaml",
        "title: Đợt 2\nphase: dot-3\nstatus: decided\ndecision: { number: 1/QĐ, date: 2023-12-30 }\nawards:\n  - award: Tập thể lao động xuât sắc\n    honorees:\n      - unit: van-phong\n  - award: Lao động tiên tiến\n    honorees:\n      - name: Nguyễn Văn B\n        unit: phong-to-chc\n      - name: Nguyễn Văn B\n        unit: phong-to-chc\n",
    );
    let run = site.build("2023-12-01");
    run.assert_content_error();
    let err = &run.stderr;
    let file = "content/phong-trao/ke-hoach-2023/dot-2.yaml";
    assert!(
        err.contains(&format!(
            "error: {file}:2:8: the campaign has no phase `dot-3`"
        )),
        "{err}"
    );
    assert!(err.contains("did you mean `dot-"), "{err}");
    assert!(
        err.contains(&format!(
            "error: {file}:6:12: unknown award “Tập thể lao động xuât sắc”"
        )),
        "{err}"
    );
    assert!(
        err.contains("did you mean “Tập thể lao động xuất sắc”?"),
        "{err}"
    );
    assert!(
        err.contains(&format!("error: {file}:12:15: unknown unit `phong-to-chc`")),
        "{err}"
    );
    assert!(err.contains("did you mean `phong-to-chuc`?"), "{err}");
    assert!(
        err.contains(&format!(
            "error: {file}:13:9: Nguyễn Văn B is listed twice under the same award"
        )),
        "{err}"
    );
}

#[test]
fn a_decided_list_needs_its_decision_and_its_scan_must_exist() {
    let site = TestSite::fixture("honours");
    site.write(
        "content/phong-trao/ke-hoach-2023/a.yaml",
        "title: A\nstatus: decided\nawards:\n  - award: Lao động tiên tiến\n    honorees:\n      - name: Lê Văn A\n",
    );
    site.write(
        "content/phong-trao/ke-hoach-2023/b.yaml",
        "title: B\nstatus: decided\ndecision: { number: 2/QĐ, date: 2023-12-30, file: khong-co.pdf }\nawards:\n  - award: Lao động tiên tiến\n    honorees:\n      - name: Lê Văn B\n",
    );
    let run = site.build("2023-12-01");
    run.assert_content_error();
    assert!(
        run.stderr
            .contains("a.yaml:2:9: a decided list needs its `decision`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("b.yaml:3:51: the decision file `khong-co.pdf` does not exist"),
        "{}",
        run.stderr
    );
}

#[test]
fn id_card_numbers_in_honoree_records_are_warned_about() {
    let site = TestSite::fixture("honours");
    site.write(
        "content/phong-trao/ke-hoach-2023/c.yaml",
        "title: C\nstatus: proposed\nawards:\n  - award: Lao động tiên tiến\n    honorees:\n      - name: Lê Văn C 038090001234\n",
    );
    let run = site.build("2023-12-01");
    run.assert_ok();
    assert!(
        run.stderr.contains("warning: content/phong-trao/ke-hoach-2023/c.yaml:6:15: `name` contains a 9- or 12-digit number"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_decision_and_counts_show_on_the_list_page() {
    let site = built("2023-12-01");
    let html = site.read(LIST);
    let text = visible_text(&html);
    assert!(
        text.contains("Quyết định Số 45/QĐ-SNV ngày 14/07/2023"),
        "{text}"
    );
    assert!(text.contains("Người ký Giám đốc Sở Nội vụ"), "{text}");
    assert!(html.contains(r#"<a href="../qd-45.pdf">"#), "{html}");
    assert!(site.exists("public/phong-trao/ke-hoach-2023/qd-45.pdf"));
    assert!(text.contains("Tổng số: 10 cá nhân, 5 tập thể."), "{text}");
    assert!(
        text.contains(
            "STT Họ và tên Chức vụ Đơn vị Thành tích 1 Nguyễn Văn Anh Chuyên viên Văn phòng Sở"
        ),
        "{text}"
    );
}

#[test]
fn the_proposed_banner_follows_the_comment_period() {
    let site = built("2023-12-20");
    let text = visible_text(&site.read(PROPOSED));
    assert!(
        text.contains("Dự kiến — lấy ý kiến đến ngày 20/12/2023"),
        "{text}"
    );
    assert!(text.contains("thư điện tử thidua@example.gov.vn"), "{text}");
    assert!(text.contains("điện thoại 0239 000 000"), "{text}");

    site.build("2023-12-21").assert_ok();
    let text = visible_text(&site.read(PROPOSED));
    assert!(
        text.contains("Dự kiến — thời gian lấy ý kiến đã kết thúc ngày 20/12/2023"),
        "{text}"
    );
    assert!(!text.contains("lấy ý kiến đến ngày"), "{text}");
}

#[test]
fn targets_show_results_computed_from_decided_lists() {
    let site = built("2023-12-01");
    let text = visible_text(&site.read("public/phong-trao/ke-hoach-2023/index.html"));
    // 1 of 3 collectives against 20%; 3 of 12 people against 25%.
    assert!(
        text.contains("Tập thể lao động xuất sắc 20% 1/3 (33,3%) đạt"),
        "{text}"
    );
    assert!(
        text.contains("Chiến sĩ thi đua cơ sở 25% 3/12 (25%) đạt"),
        "{text}"
    );
    // Four collectives against a range of 2–3.
    assert!(
        text.contains(
            "Bằng khen (Chủ tịch Ủy ban nhân dân tỉnh Thử Nghiệm, Bộ trưởng Bộ Nội vụ) 2–3 4 vượt chỉ tiêu"
        ),
        "{text}"
    );
    // Proposed lists do not count: the Prime Minister's certificate is only proposed.
    assert!(
        text.contains("Bằng khen của Thủ tướng Chính phủ ít nhất 1 0 chưa đạt"),
        "{text}"
    );
    // And the campaign links both lists.
    assert!(
        text.contains("Danh sách khen thưởng Đợt 1 năm 2023"),
        "{text}"
    );
    assert!(
        text.contains("Danh sách dự kiến khen thưởng tổng kết năm 2023"),
        "{text}"
    );
}

/// Issue 22: each figure is drawn as a bar beside it, in an SVG of 100 units
/// with the target's bounds marked: a share against the whole, a count
/// against the larger of itself and the target.
#[test]
fn targets_are_drawn_as_bars_against_their_bounds() {
    let site = built("2023-12-01");
    let html = site.read("public/phong-trao/ke-hoach-2023/index.html");
    let bar = |figure: &str| -> String {
        let at = html
            .find(&format!("<span class=\"figure\">{figure}</span>"))
            .unwrap_or_else(|| panic!("no figure {figure}"));
        let rest = &html[at..];
        rest[..rest.find("</td>").unwrap()].to_owned()
    };
    let shape = |cell: &str| -> (String, Vec<String>) {
        let fill = cell
            .split("class=\"bar-individual\"")
            .nth(1)
            .expect("a bar");
        let width = fill
            .split("width=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let marks = cell
            .split("class=\"target-mark\" x1=\"")
            .skip(1)
            .map(|m| m.split('"').next().unwrap().to_owned())
            .collect();
        (width.to_owned(), marks)
    };
    // 1/3 against at least 20%.
    assert_eq!(
        shape(&bar("1/3 (33,3%)")),
        ("33.3".into(), vec!["20".into()])
    );
    // 3/12 against 25%: on the mark.
    assert_eq!(shape(&bar("3/12 (25%)")), ("25".into(), vec!["25".into()]));
    // 4 against 2–3: the bar is the figure, the bounds at half and three quarters.
    assert_eq!(
        shape(&bar("4")),
        ("100".into(), vec!["50".into(), "75".into()])
    );
    // 0 against at least 1: an empty bar, the bound at its end.
    assert_eq!(shape(&bar("0")), ("0".into(), vec!["100".into()]));
    // Met and unmet look different; screen readers read the figure instead.
    assert!(bar("1/3 (33,3%)").contains(r#"<svg class="target-bar met""#));
    assert!(bar("0").contains(r#"<svg class="target-bar""#));
    assert!(bar("0").contains(r#"aria-hidden="true""#));
}

#[test]
fn a_target_with_nothing_decided_shows_no_figure() {
    let site = TestSite::fixture("honours");
    std::fs::remove_file(site.path("content/phong-trao/ke-hoach-2023/dot-1.yaml")).unwrap();
    site.build("2023-12-01").assert_ok();
    let text = visible_text(&site.read("public/phong-trao/ke-hoach-2023/index.html"));
    assert!(
        text.contains("Tập thể lao động xuất sắc 20% chưa có quyết định khen thưởng"),
        "{text}"
    );
}

#[test]
fn unit_pages_list_collective_and_individual_honours_by_year() {
    let site = built("2023-12-01");
    let text = visible_text(&site.read("public/don-vi/phong-to-chuc/index.html"));
    assert!(text.contains("Năm 2023"), "{text}");
    assert!(text.contains("Khen thưởng tập thể Tập thể lao động xuất sắc — Quyết định số 45/QĐ-SNV ngày 14/07/2023"), "{text}");
    assert!(
        text.contains("Trần Thị Ánh Phó Trưởng phòng Chiến sĩ thi đua cơ sở 45/QĐ-SNV"),
        "{text}"
    );
    assert!(
        !text.contains("Nguyễn Văn Anh"),
        "another unit's person: {text}"
    );
    let index = visible_text(&site.read("public/don-vi/index.html"));
    assert!(
        index.contains("Phòng Tổ chức 5 lượt khen thưởng"),
        "{index}"
    );
}

#[test]
fn the_roll_links_its_open_data_and_works_without_javascript() {
    let site = built("2023-12-01");
    let html = site.read(ROLL);
    assert!(
        html.contains(r#"href="../khen-thuong/danh-sach.csv""#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="../khen-thuong/danh-sach.json""#),
        "{html}"
    );
    // Without the script the filters stay hidden and every row is in the page
    // (two header rows, then one row per honoree).
    assert!(
        html.contains(
            r#"<form class="roll-filter" id="loc-bang-vang" role="search" data-root="../" hidden>"#
        ),
        "{html}"
    );
    // (and the open data's table: a header row, four files).
    assert_eq!(html.matches("<tr ").count(), ALL_HONOREES.len() + 2 + 5);
    assert!(html.contains(r#"<label for="tim-kiem">"#));
    // The search index holds every row too.
    let index = site.read("public/khen-thuong/chi-muc.js");
    assert!(index.starts_with("window.BANGVANG_ROLL = {"));
    for (name, _) in ALL_HONOREES {
        assert!(
            index.contains(&format!("\"{name}\"")),
            "{name} missing from the index"
        );
    }
}

#[test]
fn a_long_roll_is_split_into_pages_by_initial() {
    let site = TestSite::fixture("honours");
    let given = ["An", "Ánh", "Ân", "Bình", "Dũng", "Đức", "Ước"];
    let mut yaml = String::from(
        "title: Danh sách dài\nstatus: proposed\nawards:\n  - award: Lao động tiên tiến\n    honorees:\n",
    );
    for i in 0..2100 {
        yaml.push_str(&format!(
            "      - name: Nguyễn Văn{} {}\n",
            " Hữu".repeat(i / 7 % 300 + 1),
            given[i % 7]
        ));
        yaml.push_str(&format!("        position: Chuyên viên {i}\n"));
    }
    site.write("content/phong-trao/ke-hoach-2023/dai.yaml", yaml);
    site.build("2023-12-01").assert_ok();
    let main = site.read(ROLL);
    assert!(
        !main.contains("Bảng danh sách cá nhân"),
        "a long roll is not inlined"
    );
    for (label, slug) in [
        ("A", "a"),
        ("Â", "aa"),
        ("B", "b"),
        ("D", "d"),
        ("Đ", "dd"),
        ("Ư", "uw"),
    ] {
        assert!(
            main.contains(&format!(
                r#"<a href="../khen-thuong/ten-{slug}/index.html""#
            )),
            "{label}"
        );
        let page = site.read(&format!("public/khen-thuong/ten-{slug}/index.html"));
        assert!(visible_text(&page).contains(&format!("Cá nhân có tên bắt đầu bằng chữ {label}")));
    }
    // "Ánh" is filed under A, after the plain "An"s.
    let a = visible_text(&site.read("public/khen-thuong/ten-a/index.html"));
    assert!(a.contains("Ánh") && a.contains(" An "));
    assert!(a.rfind(" An ").unwrap() < a.find("Ánh").unwrap());
    let collectives = visible_text(&site.read("public/khen-thuong/tap-the/index.html"));
    assert!(collectives.contains("Phòng Tổ chức"), "{collectives}");
}

fn search_in_browser(site: &TestSite, query: &str) -> serde_json::Value {
    let public = site.path("public");
    common::browser_script(
        "roll-search.mjs",
        [public.as_os_str(), std::ffi::OsStr::new(query)],
    )
}

#[test]
fn typing_without_diacritics_in_a_real_browser_finds_exactly_the_matching_rows() {
    if !browser_available() {
        return;
    }
    let site = built("2023-12-01");
    let names = |v: &serde_json::Value, key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_owned())
            .collect()
    };

    let found = search_in_browser(&site, "nguyen van anh");
    assert_eq!(names(&found, "individuals"), ["Nguyễn Văn Anh"]);
    assert!(names(&found, "collectives").is_empty());
    assert_eq!(found["errors"].as_array().unwrap().len(), 0, "{found}");

    // "hoa" begins Hoa, Hòa, Hoà (either tone placement) and Hoàng; the
    // whole words rank first (issue 21), each in the roll's order.
    let found = search_in_browser(&site, "hoa");
    assert_eq!(
        names(&found, "individuals"),
        [
            "Nguyễn Thị Hoa",
            "Trần Thị Hoa",
            "Lê Thị Hòa",
            "Đỗ Văn Hoà",
            "Hoàng Văn Bình"
        ]
    );

    // "duc" finds Đức; "Đức" finds it too.
    assert_eq!(
        names(&search_in_browser(&site, "duc"), "individuals"),
        ["Phạm Minh Đức"]
    );
    assert_eq!(
        names(&search_in_browser(&site, "Đức"), "individuals"),
        ["Phạm Minh Đức"]
    );
    // "dung" finds Dũng.
    assert_eq!(
        names(&search_in_browser(&site, "dung"), "individuals"),
        ["Vũ Văn Dũng"]
    );
    // A unit's name matches collectives too.
    let found = search_in_browser(&site, "cai cach");
    assert_eq!(names(&found, "collectives"), ["Phòng Cải cách hành chính"]);
    // …and the people of that unit.
    assert_eq!(
        names(&found, "individuals"),
        ["Lê Thị Ân", "Nguyễn Thị Hoa", "Lê Thị Hòa", "Ngô Văn Khải"]
    );
}

/// Issue 18: on a 360 px phone the roll, its pages, the results lists, a unit's
/// honours and the campaign's targets are cards, every field shown with its
/// label and nothing wider than the screen; at 1280 px they are tables
/// (tests/browser/phone-tables.mjs says what it checks). The roll's search,
/// run on the first page, draws its results the same way.
#[test]
fn tables_are_labelled_cards_on_a_phone_and_tables_on_a_desktop() {
    if !browser_available() {
        return;
    }
    let site = built("2023-12-01");
    let pages = [
        "khen-thuong/index.html",
        "khen-thuong/ten-a/index.html",
        "khen-thuong/tap-the/index.html",
        "phong-trao/ke-hoach-2023/dot-1/index.html",
        "phong-trao/ke-hoach-2023/tong-ket/index.html",
        "phong-trao/ke-hoach-2023/index.html",
        "don-vi/van-phong/index.html",
    ];
    let output = std::process::Command::new("node")
        .arg(std::path::Path::new(common::REPO).join("tests/browser/phone-tables.mjs"))
        .arg(site.path("public"))
        .args(["--search", "nguyen"])
        .args(pages)
        .output()
        .expect("node runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
        panic!(
            "no report:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert!(
        output.status.success() && report["problems"].as_array().unwrap().is_empty(),
        "{:#}\n{}",
        report["problems"],
        String::from_utf8_lossy(&output.stderr)
    );
    // Each page was looked at, on a phone and on a desktop, and had cards with
    // something in them: the checks above did not pass on nothing.
    let checked = report["checked"].as_array().unwrap();
    for page in pages {
        for width in [360, 1280] {
            let seen = checked
                .iter()
                .find(|c| c["page"] == page && c["width"] == width)
                .unwrap_or_else(|| panic!("{page} at {width} px was not checked"));
            assert!(seen["tables"].as_u64().unwrap() > 0, "{page}: {seen}");
            if width == 360 {
                assert!(seen["cells"].as_u64().unwrap() > 0, "{page}: {seen}");
            }
        }
    }
    let search = checked
        .iter()
        .find(|c| c["page"].as_str().unwrap().contains("searching"))
        .expect("the search was checked");
    assert!(search["rows"].as_u64().unwrap() > 0, "{search}");
}

#[test]
fn hostile_names_in_yaml_appear_as_text_everywhere() {
    let site = TestSite::fixture("honours");
    site.write(
        "content/phong-trao/ke-hoach-2023/xss.yaml",
        "title: \"<img src=x onerror=alert(1)>\"\nstatus: proposed\nawards:\n  - award: Lao động tiên tiến\n    honorees:\n      - name: \"\\\"><script>alert(2)</script>\"\n        position: \"<b onmouseover=alert(3)>x</b>\"\n        achievement: \"javascript:alert(4)\"\n",
    );
    site.build("2023-12-01").assert_ok();
    for entry in walkdir::WalkDir::new(site.path("public"))
        .into_iter()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy();
        if !name.ends_with(".html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        for bad in [
            "<script>alert",
            "<img src=x",
            "<b onmouseover",
            "href=\"javascript:",
        ] {
            assert!(
                !html.contains(bad),
                "{} contains {bad}",
                entry.path().display()
            );
        }
    }
    let list = site.read("public/phong-trao/ke-hoach-2023/xss/index.html");
    assert!(
        list.contains("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"),
        "{list}"
    );
    assert!(
        list.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{list}"
    );
    // The search index is a script file: the name is a JSON string in it, and the
    // roll's script escapes it before drawing.
    let index = site.read("public/khen-thuong/chi-muc.js");
    assert!(
        index.contains(r#""\"><script>alert(2)</script>""#),
        "{index}"
    );
    if browser_available() {
        let found = search_in_browser(&site, "script");
        let names: Vec<&str> = found["individuals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["\"><script>alert(2)</script>"],
            "drawn as text: {found}"
        );
        assert!(found["errors"].as_array().unwrap().is_empty(), "{found}");
    }
}

#[test]
fn a_percentage_counts_the_same_list_its_denominator_comes_from() {
    let site = TestSite::fixture("honours");
    // Phase 2 honours two more people; the phase lists give eligible: 12 each.
    site.write(
        "content/phong-trao/ke-hoach-2023/dot-2.yaml",
        "title: Đợt 2\nphase: dot-2\nstatus: decided\ndecision: { number: 9/QĐ-SNV, date: 2023-12-30 }\neligible: { individuals: 12 }\nawards:\n  - award: Chiến sĩ thi đua cơ sở\n    honorees:\n      - name: Bùi Văn Mới\n      - name: Đào Thị Mới\n",
    );
    site.build("2024-01-05").assert_ok();
    let text = visible_text(&site.read("public/phong-trao/ke-hoach-2023/index.html"));
    // The latest list: 2 of its 12, not the 5 people of both lists over 12.
    assert!(
        text.contains("Chiến sĩ thi đua cơ sở 25% 2/12 (16,7%) chưa đạt"),
        "{text}"
    );
}

#[test]
fn a_list_shows_its_attachments_with_their_titles() {
    let site = TestSite::fixture("honours");
    site.write(
        "content/phong-trao/ke-hoach-2023/to-trinh.pdf",
        "%PDF-1.4\n",
    );
    let path = "content/phong-trao/ke-hoach-2023/dot-1.yaml";
    site.write(
        path,
        site.read(path)
            + "attachments:\n  - file: to-trinh.pdf\n    title: Tờ trình đề nghị khen thưởng\n",
    );
    site.build("2023-12-01").assert_ok();
    let html = site.read(LIST);
    assert!(
        html.contains(r#"<a href="../to-trinh.pdf" download>Tờ trình đề nghị khen thưởng</a>"#),
        "{html}"
    );
}

/// A site of a school department with a list in the wordings of real
/// decisions: each award is published with its giver, spellings of one award
/// are one award, two givers are two, and groups of a school are published
/// as the school's groups.
fn school_site() -> TestSite {
    let site = TestSite::empty();
    site.write(
        "site.yaml",
        "title: Thi đua — Sở Giáo dục và Đào tạo tỉnh Nghệ An\norganization:\n  name: Sở Giáo dục và Đào tạo tỉnh Nghệ An\n  short_name: Sở Giáo dục và Đào tạo\n  parent: UBND tỉnh Nghệ An\nunits:\n  - id: thpt-phan-boi-chau\n    name: Trường THPT chuyên Phan Bội Châu\n  - id: van-phong\n    name: Văn phòng Sở\n",
    );
    site.write("content/_index.md", "---\ntitle: Trang chủ\n---\n");
    site.write(
        "content/phong-trao/_index.md",
        "---\ntitle: Phong trào\n---\n",
    );
    site.write(
        "content/phong-trao/nam-hoc-2024/index.md",
        "---\ntitle: Kế hoạch thi đua năm học 2024-2025\nphases:\n  - id: ca-nam\n    name: Cả năm học\n    start: 2024-09-01\n    end: 2025-05-31\ntargets:\n  - of: collectives\n    award: Bằng khen\n    issuers: [Chủ tịch UBND tỉnh]\n    count: { min: 1 }\n---\nNội dung.\n",
    );
    site.write(
        "content/phong-trao/nam-hoc-2024/tong-ket.yaml",
        "title: Danh sách khen thưởng năm học 2024-2025\nstatus: decided\ndecision: { number: 12/QĐ-UBND, date: 2025-06-10 }\nawards:\n  - award: Bằng khen của Chủ tịch UBND tỉnh\n    honorees:\n      - name: Tổ Toán - Tin\n        unit: thpt-phan-boi-chau\n      - name: Nguyễn Thị Mai\n        position: Giáo viên\n        unit: thpt-phan-boi-chau\n  - award: BẰNG KHEN CỦA CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH\n    honorees:\n      - name: Lê Văn Hùng\n        position: Hiệu trưởng\n        unit: thpt-phan-boi-chau\n  - award: Bằng khen của Bộ trưởng Bộ GD&ĐT\n    honorees:\n      - name: Trần Văn Nam\n        position: Giáo viên\n        unit: thpt-phan-boi-chau\n  - award: Giấy khen của Giám đốc Sở\n    honorees:\n      - name: Tổ Tiếng Anh\n        unit: thpt-phan-boi-chau\n      - name: Ban Chấp hành Đoàn trường\n        unit: thpt-phan-boi-chau\n  - award: Huân chương Lao động hạng ba\n    honorees:\n      - unit: thpt-phan-boi-chau\n",
    );
    site
}

#[test]
fn awards_are_published_with_their_giver_and_one_spelling() {
    let site = school_site();
    site.build("2025-07-01").assert_ok();
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/khen-thuong/danh-sach.json")).unwrap();
    let row = |name: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} is in the open data"))
            .clone()
    };
    let chair = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Nghệ An";
    for name in ["Nguyễn Thị Mai", "Lê Văn Hùng"] {
        let r = row(name);
        assert_eq!(r["award"], chair, "{name}: the two spellings are one award");
        assert_eq!(r["form"], "bang-khen");
        assert_eq!(r["issuer"], "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An");
        assert_eq!(r["level"], "Cấp bộ, ban, ngành, tỉnh");
    }
    let minister = row("Trần Văn Nam");
    assert_eq!(
        minister["award"],
        "Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo"
    );
    assert_eq!(minister["issuer"], "Bộ trưởng Bộ Giáo dục và Đào tạo");
    let order = row("Trường THPT chuyên Phan Bội Châu");
    assert_eq!(order["award"], "Huân chương Lao động hạng Ba");
    assert_eq!(order["class"], "hạng Ba");
    assert_eq!(order["level"], "Nhà nước");
    let group = row("Tổ Tiếng Anh");
    assert_eq!(
        group["award"],
        "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo tỉnh Nghệ An"
    );
    assert_eq!(group["level"], "Cơ sở");
    // The roll's filter has each award once, and two givers twice.
    let roll = site.read(ROLL);
    assert_eq!(
        roll.matches(&format!(">{chair}</option>")).count(),
        1,
        "{roll}"
    );
    assert!(roll.contains(">Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo</option>"));
    // The target counts Bằng khen of the provincial chairman only.
    let campaign = visible_text(&site.read("public/phong-trao/nam-hoc-2024/index.html"));
    assert!(
        campaign.contains("Bằng khen (Chủ tịch Ủy ban nhân dân tỉnh Nghệ An) ít nhất 1 1 đạt"),
        "{campaign}"
    );
}

#[test]
fn groups_of_a_unit_are_published_as_the_units_groups() {
    let site = school_site();
    site.build("2025-07-01").assert_ok();
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/khen-thuong/danh-sach.json")).unwrap();
    for name in ["Tổ Toán - Tin", "Tổ Tiếng Anh", "Ban Chấp hành Đoàn trường"] {
        let r = json
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap();
        assert_eq!(r["recipient"], "collective", "{name}");
        assert_eq!(r["unit_name"], "Trường THPT chuyên Phan Bội Châu", "{name}");
    }
    // On the list: the unit column shows the school.
    let list = visible_text(&site.read("public/phong-trao/nam-hoc-2024/tong-ket/index.html"));
    assert!(
        list.contains("Tổ Toán - Tin Trường THPT chuyên Phan Bội Châu"),
        "{list}"
    );
    // On the roll: the group with its school, among the collectives.
    let collectives = visible_text(&site.read(ROLL));
    assert!(
        collectives.contains("Tổ Toán - Tin — Trường THPT chuyên Phan Bội Châu"),
        "{collectives}"
    );
    // On the school's page: its own order, then its groups' awards, apart.
    let unit = site.read("public/don-vi/thpt-phan-boi-chau/index.html");
    let own = &unit[unit.find("Khen thưởng tập thể</h3>").unwrap()..];
    let own = &own[..own.find("</ul>").unwrap()];
    assert!(own.contains("Huân chương Lao động hạng Ba"), "{own}");
    assert!(
        !own.contains("Giấy khen"),
        "a group's award is not the school's own: {own}"
    );
    let groups = &unit[unit
        .find("Khen thưởng tập thể thuộc đơn vị</h3>")
        .expect("a groups section")..];
    let groups = visible_text(&groups[..groups.find("</ul>").unwrap()]);
    assert!(
        groups.contains("Tổ Toán - Tin: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Nghệ An"),
        "{groups}"
    );
    assert!(groups.contains("Tổ Tiếng Anh: Giấy khen"), "{groups}");
    assert!(
        groups.contains("Ban Chấp hành Đoàn trường: Giấy khen"),
        "{groups}"
    );
}

#[test]
fn a_record_that_could_be_a_person_or_a_group_asks_which() {
    let site = school_site();
    site.write(
        "content/phong-trao/nam-hoc-2024/them.yaml",
        "title: Bổ sung\nstatus: proposed\nawards:\n  - award: Bằng khen của Chủ tịch UBND tỉnh\n    honorees:\n      - name: Hoàng Minh Tâm\n        unit: thpt-phan-boi-chau\n",
    );
    let run = site.build("2025-07-01");
    run.assert_content_error();
    assert!(
        run.stderr.contains("content/phong-trao/nam-hoc-2024/them.yaml:6:9: is “Hoàng Minh Tâm” a person or a collective?"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("kind: individual"), "{}", run.stderr);
}

/// The cells of a workbook's first sheet, as text (calamine, the reader the
/// import uses, reads it back).
fn xlsx_rows(path: &std::path::Path) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let sheet = book.sheet_names()[0].clone();
    assert_eq!(sheet, "Khen thưởng");
    let range = book.worksheet_range(&sheet).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn the_roll_and_each_list_download_as_xlsx_with_vietnamese_headings() {
    let site = built("2023-12-01");
    let html = site.read(ROLL);
    assert!(
        html.contains(r#"href="../khen-thuong/danh-sach.xlsx" download"#),
        "{html}"
    );
    let rows = xlsx_rows(&site.path("public/khen-thuong/danh-sach.xlsx"));
    assert_eq!(rows[0][13], "Họ và tên, tên tập thể");
    assert_eq!(rows[0][6], "Danh hiệu, hình thức khen thưởng");
    // The same rows as the JSON, in the same order.
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/khen-thuong/danh-sach.json")).unwrap();
    let json_rows = json.as_array().unwrap();
    assert_eq!(rows.len() - 1, json_rows.len());
    for (row, record) in rows[1..].iter().zip(json_rows) {
        assert_eq!(row[13], record["name"].as_str().unwrap());
        assert_eq!(row[6], record["award"].as_str().unwrap());
        let recipient = if record["recipient"] == "individual" {
            "cá nhân"
        } else {
            "tập thể"
        };
        assert_eq!(row[12], recipient);
    }
    // The header row stays in view while scrolling.
    let file = std::fs::File::open(site.path("public/khen-thuong/danh-sach.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet}"
    );
    assert!(sheet.contains("<autoFilter"), "{sheet}");

    // Each list: its own rows only, linked from its page.
    let list = site.read(LIST);
    assert!(
        list.contains(r#"<a href="danh-sach.xlsx" download>danh-sach.xlsx</a>"#),
        "{list}"
    );
    let list_rows = xlsx_rows(&site.path("public/phong-trao/ke-hoach-2023/dot-1/danh-sach.xlsx"));
    let on_page = json_rows
        .iter()
        .filter(|r| {
            r["url"]
                .as_str()
                .unwrap()
                .ends_with("/phong-trao/ke-hoach-2023/dot-1/")
        })
        .count();
    assert!(on_page > 0);
    assert_eq!(list_rows.len() - 1, on_page);
}
