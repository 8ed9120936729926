//! From proposal to decision (issue 22): a decided list that names its
//! proposal shows what the decision changed, the proposal says it has been
//! decided and links to the decision, and the roll counts the decision only;
//! each list's own CSV and JSON; open comment periods on the home page.

mod common;

use common::{TestSite, visible_text};

const CAMPAIGN: &str = "content/phong-trao/ke-hoach-2023";
const PROPOSAL_PAGE: &str = "public/phong-trao/ke-hoach-2023/tong-ket/index.html";
const DECIDED_PAGE: &str = "public/phong-trao/ke-hoach-2023/quyet-dinh-tong-ket/index.html";

/// Five proposed: the decision keeps Phòng Tổ chức, Đinh Thị Lan (written
/// in other letter cases) and Nguyễn Thị Hoà (tone mark placed elsewhere),
/// gives Ngô Văn Khải another award, drops Lê Văn Bớt, adds Hồ Văn Mới.
const PROPOSAL: &str = "title: Danh sách dự kiến khen thưởng tổng kết năm 2023
status: proposed
comment_until: 2023-12-20
awards:
  - award: Bằng khen của Chủ tịch UBND tỉnh
    honorees:
      - name: Ngô Văn Khải
        position: Trưởng phòng
        unit: phong-cai-cach
      - unit: phong-to-chuc
  - award: Giấy khen của giám đốc sở
    honorees:
      - name: Đinh Thị Lan
        position: Chuyên viên
        unit: van-phong
      - name: Lê Văn Bớt
        position: Chuyên viên
        unit: van-phong
      - name: Nguyễn Thị Hoà
        position: Chuyên viên
        unit: phong-to-chuc
";

const DECIDED: &str = "title: Danh sách khen thưởng tổng kết năm 2023
status: decided
proposal: tong-ket
decision: { number: 120/QĐ-SNV, date: 2023-12-28, signer: Giám đốc Sở Nội vụ }
awards:
  - award: Bằng khen của Chủ tịch UBND tỉnh
    honorees:
      - unit: phong-to-chuc
  - award: Giấy khen của Giám đốc Sở
    honorees:
      - name: đinh thị lan
        position: Chuyên viên
        unit: van-phong
      - name: Ngô Văn Khải
        position: Trưởng phòng
        unit: phong-cai-cach
      - name: Nguyễn Thị Hòa
        position: Chuyên viên
        unit: phong-to-chuc
      - name: Hồ Văn Mới
        position: Chuyên viên
        unit: phong-to-chuc
";

fn site_with(decided: &str) -> TestSite {
    let site = TestSite::fixture("honours");
    site.write(&format!("{CAMPAIGN}/tong-ket.yaml"), PROPOSAL);
    site.write(&format!("{CAMPAIGN}/quyet-dinh-tong-ket.yaml"), decided);
    site
}

/// Builds on a day after every list, expecting exit 1, `message` among the
/// problems and nothing published; returns the problems.
#[track_caller]
fn fails_with(site: &TestSite, message: &str) -> String {
    let run = site.build("2024-01-05");
    run.assert_content_error();
    assert!(run.stderr.contains(message), "{message}\n{}", run.stderr);
    assert!(!site.exists("public"), "published: {message}");
    run.stderr
}

/// The HTML of the page's "Thay đổi so với danh sách dự kiến" section.
fn changes_section(html: &str) -> Option<&str> {
    let start = html.find(r#"<section class="list-changes""#)?;
    let end = start + html[start..].find("</section>")?;
    Some(&html[start..end])
}

#[test]
fn the_decided_list_shows_who_was_added_removed_and_given_another_award() {
    let site = site_with(DECIDED);
    site.build("2024-01-05").assert_ok();
    let html = site.read(DECIDED_PAGE);
    let section = visible_text(changes_section(&html).expect("the changes are shown"));
    for expected in [
        "Thay đổi so với danh sách dự kiến",
        "So với Danh sách dự kiến khen thưởng tổng kết năm 2023 : bổ sung 1, không còn trong danh sách 1, thay đổi danh hiệu, hình thức khen thưởng 1.",
        "Bổ sung (1) Hồ Văn Mới , Chuyên viên — Phòng Tổ chức: Giấy khen của Giám đốc Sở Nội vụ tỉnh Thử Nghiệm",
        "Không còn trong danh sách (1) Lê Văn Bớt , Chuyên viên — Văn phòng Sở: Giấy khen của Giám đốc Sở Nội vụ tỉnh Thử Nghiệm",
        "Thay đổi danh hiệu, hình thức khen thưởng (1) Ngô Văn Khải , Trưởng phòng — Phòng Cải cách hành chính: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Thử Nghiệm → Giấy khen của Giám đốc Sở Nội vụ tỉnh Thử Nghiệm",
    ] {
        assert!(
            section.contains(expected),
            "missing {expected:?} in {section}"
        );
    }
    // Matched whatever the letter case and the tone mark's place; the same
    // award spelt otherwise is the same award.
    for kept in ["Đinh", "đinh", "Hoà", "Hòa", "Phòng Tổ chức :"] {
        assert!(!section.contains(kept), "{kept} did not change: {section}");
    }
    assert!(
        changes_section(&html)
            .unwrap()
            .contains(r#"href="../../../phong-trao/ke-hoach-2023/tong-ket/index.html""#),
        "{html}"
    );
}

#[test]
fn the_proposal_says_it_is_decided_and_links_to_the_decision() {
    let site = site_with(DECIDED);
    // On a day its comments would still be open: decided, it is not.
    site.build("2023-12-29").assert_ok();
    let html = site.read(PROPOSAL_PAGE);
    let text = visible_text(&html);
    assert!(
        text.contains("Đã có quyết định khen thưởng Danh sách dự kiến này đã được quyết định tại Quyết định số 120/QĐ-SNV ngày 28/12/2023. Danh sách chính thức: Danh sách khen thưởng tổng kết năm 2023 ."),
        "{text}"
    );
    assert!(
        html.contains(r#"href="../../../phong-trao/ke-hoach-2023/quyet-dinh-tong-ket/index.html""#),
        "{html}"
    );
    assert!(!text.contains("thời gian lấy ý kiến"), "{text}");
    assert!(changes_section(&html).is_none());
    // The campaign page says so of the proposal too.
    let campaign = visible_text(&site.read("public/phong-trao/ke-hoach-2023/index.html"));
    assert!(
        campaign.contains("Danh sách dự kiến khen thưởng tổng kết năm 2023 dự kiến, lấy ý kiến Tổng kết phong trào · đã có quyết định khen thưởng"),
        "{campaign}"
    );
}

fn json_rows(site: &TestSite, path: &str) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(&site.read(path))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn the_roll_and_its_open_data_count_the_decision_only() {
    let site = site_with(DECIDED);
    site.build("2024-01-05").assert_ok();
    let rows = json_rows(&site, "public/khen-thuong/danh-sach.json");
    let named = |name: &str| {
        rows.iter()
            .filter(|r| r["name"].as_str().unwrap().to_lowercase() == name.to_lowercase())
            .collect::<Vec<_>>()
    };
    let khai = named("Ngô Văn Khải");
    assert_eq!(khai.len(), 1, "{khai:?}");
    assert_eq!(khai[0]["status"], "decided");
    assert_eq!(khai[0]["decision_number"], "120/QĐ-SNV");
    assert!(named("Lê Văn Bớt").is_empty(), "dropped by the decision");
    assert_eq!(named("Đinh Thị Lan").len(), 1);
    assert!(
        rows.iter().all(|r| r["status"] == "decided"),
        "the only proposal is decided"
    );
    let roll = visible_text(&site.read("public/khen-thuong/index.html"));
    assert!(!roll.contains("Lê Văn Bớt"), "{roll}");
    assert_eq!(roll.matches("Ngô Văn Khải").count(), 1, "{roll}");
    let csv = site.read("public/khen-thuong/danh-sach.csv");
    assert_eq!(csv.lines().count(), rows.len() + 1);
    assert!(!csv.contains("Lê Văn Bớt"));
    // The proposal's own downloads still hold its rows.
    let own = site.read("public/phong-trao/ke-hoach-2023/tong-ket/danh-sach.csv");
    assert!(own.contains("Lê Văn Bớt"), "{own}");
}

#[test]
fn without_a_proposal_key_nothing_is_guessed() {
    let site = site_with(&DECIDED.replace("proposal: tong-ket\n", ""));
    site.build("2024-01-05").assert_ok();
    let decided = site.read(DECIDED_PAGE);
    assert!(changes_section(&decided).is_none(), "{decided}");
    let proposal = visible_text(&site.read(PROPOSAL_PAGE));
    assert!(!proposal.contains("Đã có quyết định"), "{proposal}");
    assert!(
        proposal.contains("thời gian lấy ý kiến đã kết thúc"),
        "{proposal}"
    );
    // Both lists are in the roll, as before: the proposal marked proposed.
    let rows = json_rows(&site, "public/khen-thuong/danh-sach.json");
    let khai: Vec<_> = rows
        .iter()
        .filter(|r| r["name"] == "Ngô Văn Khải")
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(khai, ["decided", "proposed"]);
}

#[test]
fn a_decision_identical_to_its_proposal_says_so() {
    let site = TestSite::fixture("honours");
    site.write(&format!("{CAMPAIGN}/tong-ket.yaml"), PROPOSAL);
    let same = PROPOSAL
        .replace("status: proposed\ncomment_until: 2023-12-20\n", "status: decided\nproposal: tong-ket\ndecision: { number: 121/QĐ-SNV, date: 2023-12-28 }\n")
        .replace("title: Danh sách dự kiến", "title: Danh sách");
    site.write(&format!("{CAMPAIGN}/quyet-dinh-tong-ket.yaml"), same);
    site.build("2024-01-05").assert_ok();
    let text = visible_text(changes_section(&site.read(DECIDED_PAGE)).unwrap());
    assert!(
        text.contains(" : bổ sung 0, không còn trong danh sách 0, thay đổi danh hiệu, hình thức khen thưởng 0. Danh sách quyết định giữ nguyên danh sách dự kiến."),
        "{text}"
    );
}

/// Every wrong `proposal:` is an error at its value, and nothing is published.
#[test]
fn a_proposal_that_is_not_a_published_proposed_list_of_the_campaign_is_an_error() {
    let file = "content/phong-trao/ke-hoach-2023/quyet-dinh-tong-ket.yaml";
    let cases: &[(&str, &str, &str)] = &[
        (
            "proposal: tong-kt",
            "3:11: the campaign has no results list `tong-kt`",
            "did you mean `tong-ket`?",
        ),
        (
            "proposal: dot-1",
            "3:11: `dot-1` is a decided list, not a proposal",
            "`proposal:` names the proposed list",
        ),
        (
            "proposal: ../ke-hoach-2022/tong-ket",
            "3:11: `../ke-hoach-2022/tong-ket` must be the file name of a list of the same campaign",
            "without `.yaml`",
        ),
    ];
    for (line, message, help) in cases {
        let site = site_with(&DECIDED.replace("proposal: tong-ket", line));
        let stderr = fails_with(&site, &format!("error: {file}:{message}"));
        assert!(stderr.contains(help), "{line}: {stderr}");
    }
}

#[test]
fn a_proposal_decided_twice_or_before_its_comments_close_is_an_error() {
    let site = site_with(DECIDED);
    site.write(
        &format!("{CAMPAIGN}/quyet-dinh-bo-sung.yaml"),
        DECIDED.replace("120/QĐ-SNV, date: 2023-12-28", "7/QĐ-SNV, date: 2023-12-19"),
    );
    let err = &fails_with(&site, "error: ");
    let first = "content/phong-trao/ke-hoach-2023/quyet-dinh-bo-sung.yaml";
    let second = "content/phong-trao/ke-hoach-2023/quyet-dinh-tong-ket.yaml";
    // Lists are linked in path order: the first names the proposal, too early.
    assert!(
        err.contains(&format!("error: {first}:3:11: the decision is dated 2023-12-19, but comments on the proposal `tong-ket` are open until 2023-12-20")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "error: {second}:3:11: the proposal `tong-ket` is already decided by {first}"
        )),
        "{err}"
    );
    assert!(err.contains("a proposal is decided by one list"), "{err}");
}

#[test]
fn a_proposed_list_cannot_name_a_proposal_and_a_draft_proposal_cannot_be_decided() {
    let site = site_with(DECIDED);
    site.write(
        &format!("{CAMPAIGN}/tong-ket.yaml"),
        PROPOSAL.replace("status: proposed\n", "status: proposed\nproposal: dot-1\n"),
    );
    fails_with(
        &site,
        "error: content/phong-trao/ke-hoach-2023/tong-ket.yaml:3:11: a proposed list cannot name a `proposal`",
    );

    site.write(
        &format!("{CAMPAIGN}/tong-ket.yaml"),
        PROPOSAL.replace("status: proposed\n", "status: proposed\ndraft: true\n"),
    );
    fails_with(
        &site,
        "error: content/phong-trao/ke-hoach-2023/quyet-dinh-tong-ket.yaml:3:11: the proposal `tong-ket` is not published: it is a draft or published after today",
    );
    // With drafts (the preview of the editors), both are there.
    site.run(&["build", "--today", "2024-01-05", "--drafts"])
        .assert_ok();
}

#[test]
fn the_errors_are_told_in_vietnamese() {
    let site = site_with(&DECIDED.replace("proposal: tong-ket", "proposal: dot-1"));
    let run = site.run_with_env(
        &["build", "--today", "2024-01-05"],
        &[("BANGVANG_LANG".to_owned(), "vi".to_owned())],
    );
    run.assert_content_error();
    assert!(
        run.stderr.contains("quyet-dinh-tong-ket.yaml:3:11: `dot-1` là danh sách đã có quyết định, không phải danh sách dự kiến"),
        "{}",
        run.stderr
    );
}

#[test]
fn each_list_has_its_own_csv_and_json_linked_with_their_sizes() {
    let site = site_with(DECIDED);
    site.build("2024-01-05").assert_ok();
    let dir = "public/phong-trao/ke-hoach-2023/dot-1";
    let rows = json_rows(&site, &format!("{dir}/danh-sach.json"));
    let all = json_rows(&site, "public/khen-thuong/danh-sach.json");
    let of_list: Vec<_> = all
        .iter()
        .filter(|r| r["list_title"] == "Danh sách khen thưởng Đợt 1 năm 2023")
        .cloned()
        .collect();
    assert_eq!(rows.len(), 15);
    assert_eq!(rows, of_list, "the roll's rows of this list, in its order");
    let csv = site.read(&format!("{dir}/danh-sach.csv"));
    let roll_csv = site.read("public/khen-thuong/danh-sach.csv");
    assert_eq!(
        csv.lines().next(),
        roll_csv.lines().next(),
        "the same columns"
    );
    assert_eq!(csv.lines().count(), 16);
    for line in csv.lines().skip(1) {
        assert!(roll_csv.contains(line), "{line} is not the roll's");
    }
    let page = site.read(&format!("{dir}/index.html"));
    let text = visible_text(&page);
    for (name, format) in [
        ("danh-sach.xlsx", "Excel"),
        ("danh-sach.csv", "CSV"),
        ("danh-sach.json", "JSON"),
    ] {
        assert!(
            page.contains(&format!(r#"<a href="{name}" download>{name}</a>"#)),
            "{page}"
        );
        let bytes = std::fs::metadata(site.path(&format!("{dir}/{name}")))
            .unwrap()
            .len();
        let size = if bytes < 1024 {
            format!("{bytes} B")
        } else {
            format!("{:.1} KB", bytes as f64 / 1024.0).replace('.', ",")
        };
        assert!(
            text.contains(&format!("{name} ({format}, {size})")),
            "{name}: {size} in {text}"
        );
    }
}

#[test]
fn two_builds_are_identical() {
    let one = site_with(DECIDED);
    one.build("2024-01-05").assert_ok();
    let two = site_with(DECIDED);
    two.build("2024-01-05").assert_ok();
    assert!(one.output_files() == two.output_files());
}

const HOME: &str = "public/index.html";

#[test]
fn the_home_page_shows_the_proposed_lists_open_to_comments() {
    let site = TestSite::fixture("honours");
    site.build("2023-12-20").assert_ok();
    let text = visible_text(&site.read(HOME));
    assert!(
        text.contains("Danh sách dự kiến đang lấy ý kiến Danh sách dự kiến khen thưởng tổng kết năm 2023 Kế hoạch thi đua năm 2023 Nhận ý kiến"),
        "{text}"
    );
    assert!(
        text.contains("Nhận ý kiến đến hết ngày 20 tháng 12 năm 2023."),
        "{text}"
    );
    assert!(
        text.contains("Ý kiến góp ý xin gửi Sở Nội vụ tỉnh Thử nghiệm, thư điện tử thidua@example.gov.vn , điện thoại 0239 000 000."),
        "{text}"
    );
    assert!(
        site.read(HOME)
            .contains(r#"href="./phong-trao/ke-hoach-2023/tong-ket/index.html""#)
    );

    // The day after the last day, or once decided, it is gone.
    site.build("2023-12-21").assert_ok();
    let text = visible_text(&site.read(HOME));
    assert!(!text.contains("đang lấy ý kiến"), "{text}");
    let decided = site_with(DECIDED);
    decided.build("2023-12-20").assert_ok();
    let text = visible_text(&decided.read(HOME));
    assert!(!text.contains("đang lấy ý kiến"), "{text}");
}

#[test]
fn a_site_that_overrides_the_home_page_keeps_building_and_can_show_the_open_lists() {
    let site = TestSite::fixture("honours");
    site.write(
        "templates/index.html",
        "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1>{% endblock main %}",
    );
    site.build("2023-12-01").assert_ok();
    assert!(!site.read(HOME).contains("đang lấy ý kiến"));
    site.write(
        "templates/index.html",
        "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1><ul>{% for l in open_comments %}<li>{{ l.title }} đến {{ l.until | vi_date }}</li>{% endfor %}</ul>{% endblock main %}",
    );
    site.build("2023-12-01").assert_ok();
    let text = visible_text(&site.read(HOME));
    assert!(
        text.contains(
            "Danh sách dự kiến khen thưởng tổng kết năm 2023 đến ngày 20 tháng 12 năm 2023"
        ),
        "{text}"
    );
}

/// A person under two awards is one honoree with two awards: the same two in
/// the decision, in another order, is no change; one of them dropped is.
#[test]
fn an_honoree_s_awards_are_compared_as_a_whole() {
    let site = TestSite::fixture("honours");
    let person =
        "      - name: Lê Thị Ân\n        position: Chuyên viên\n        unit: phong-cai-cach\n";
    let two = |status: &str, first: &str, second: &str| {
        format!(
            "title: T\n{status}awards:\n  - award: {first}\n    honorees:\n{person}  - award: {second}\n    honorees:\n{person}"
        )
    };
    site.write(
        &format!("{CAMPAIGN}/tong-ket.yaml"),
        two(
            "status: proposed\ncomment_until: 2023-12-20\n",
            "Chiến sĩ thi đua cơ sở",
            "Lao động tiên tiến",
        ),
    );
    let decided =
        "status: decided\nproposal: tong-ket\ndecision: { number: 1/QĐ, date: 2023-12-28 }\n";
    site.write(
        &format!("{CAMPAIGN}/quyet-dinh-tong-ket.yaml"),
        two(decided, "Lao động tiên tiến", "Chiến sỹ thi đua cơ sở"),
    );
    site.build("2024-01-05").assert_ok();
    let text = visible_text(changes_section(&site.read(DECIDED_PAGE)).unwrap());
    assert!(text.contains("giữ nguyên danh sách dự kiến"), "{text}");

    site.write(
        &format!("{CAMPAIGN}/quyet-dinh-tong-ket.yaml"),
        format!(
            "title: T\n{decided}awards:\n  - award: Lao động tiên tiến\n    honorees:\n{person}"
        ),
    );
    site.build("2024-01-05").assert_ok();
    let text = visible_text(changes_section(&site.read(DECIDED_PAGE)).unwrap());
    assert!(
        text.contains("Thay đổi danh hiệu, hình thức khen thưởng (1) Lê Thị Ân , Chuyên viên — Phòng Cải cách hành chính: Chiến sĩ thi đua cơ sở; Lao động tiên tiến → Lao động tiên tiến"),
        "{text}"
    );
    assert!(
        text.contains("bổ sung 0, không còn trong danh sách 0"),
        "{text}"
    );
}
