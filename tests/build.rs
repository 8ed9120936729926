//! `bangvang build` on fixture sites: what a reader and an editor see.

mod common;

use common::{TestSite, visible_text};

const CAMPAIGN: &str = "public/phong-trao/ke-hoach-2022/index.html";

#[test]
fn campaign_page_reads_like_the_official_document() {
    let site = TestSite::fixture("basic");
    site.build("2022-05-10").assert_ok();
    let text = visible_text(&site.read(CAMPAIGN));
    for expected in [
        "UBND TỈNH THỬ NGHIỆM",
        "SỞ NỘI VỤ",
        "Số: 15/KH-SNV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Tĩnh, ngày 20 tháng 01 năm 2022",
        "KẾ HOẠCH phát động phong trào thi đua năm 2022",
        "“Đoàn kết, đổi mới”",
        "Thực hiện Luật Thi đua, khen thưởng.",
        "Nơi nhận: UBND tỉnh (để b/c); Lưu: VT.",
        "GIÁM ĐỐC",
        "Nguyễn Văn Ký",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

/// The signature block's lines, in order: `(class, text)` of each `<p>` of
/// `doc-signer`.
fn signer_lines(html: &str) -> Vec<(String, String)> {
    let block = &html[html
        .find(r#"<div class="doc-signer">"#)
        .expect("a signature block")..];
    let block = &block[..block.find("</div>").unwrap()];
    block
        .split("<p class=\"")
        .skip(1)
        .map(|p| {
            let (class, rest) = p.split_once('"').unwrap();
            let text = &rest[rest.find('>').unwrap() + 1..rest.find("</p>").unwrap()];
            (class.to_owned(), text.to_owned())
        })
        .collect()
}

fn lines(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(c, t)| (c.to_string(), t.to_string()))
        .collect()
}

#[test]
fn a_signer_for_someone_else_gets_the_authority_line_above_the_title() {
    let site = TestSite::fixture("basic");
    let file = "content/phong-trao/ke-hoach-2022/index.md";
    let source = site.read(file);
    let one_line = "signer: { title: Giám đốc, name: Nguyễn Văn Ký }";
    assert!(source.contains(one_line));
    site.write(
        file,
        source.replace(
            one_line,
            "signer:\n  authority: KT. Giám đốc\n  title: Phó Giám đốc\n  name: Phan Văn A",
        ),
    );
    site.write(
        "content/phong-trao/ke-hoach-2021/index.md",
        site.read("content/phong-trao/ke-hoach-2021/index.md").replacen(
            "\n---",
            "\nsigner: { authority: TM. Ủy ban nhân dân, title: Chủ tịch, name: Trần Văn B }\n---",
            1,
        ),
    );
    let run = site.build("2022-05-10");
    run.assert_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);

    let html = site.read(CAMPAIGN);
    assert_eq!(
        signer_lines(&html),
        lines(&[
            ("doc-signer-authority", "KT. GIÁM ĐỐC"),
            ("doc-signer-title", "PHÓ GIÁM ĐỐC"),
            ("doc-signature", ""),
            ("doc-signer-name", "Phan Văn A"),
        ])
    );
    // The document's details say it in running text.
    assert!(
        html.contains("<dt>Người ký</dt><dd>KT. Giám đốc, Phó Giám đốc Phan Văn A</dd>"),
        "{html}"
    );
    // Vietnamese capitals: Ủ, Â.
    let html = site.read("public/phong-trao/ke-hoach-2021/index.html");
    assert_eq!(
        signer_lines(&html)[..2],
        lines(&[
            ("doc-signer-authority", "TM. ỦY BAN NHÂN DÂN"),
            ("doc-signer-title", "CHỦ TỊCH"),
        ])
    );
}

#[test]
fn a_signer_without_authority_prints_the_title_and_the_name_as_before() {
    let site = TestSite::fixture("basic");
    site.build("2022-05-10").assert_ok();
    let html = site.read(CAMPAIGN);
    assert_eq!(
        signer_lines(&html),
        lines(&[
            ("doc-signer-title", "GIÁM ĐỐC"),
            ("doc-signature", ""),
            ("doc-signer-name", "Nguyễn Văn Ký"),
        ])
    );
    assert!(html.contains("<dt>Người ký</dt><dd>Giám đốc Nguyễn Văn Ký</dd>"));
}

#[test]
fn a_blank_day_or_number_stays_blank_as_in_the_source() {
    let site = TestSite::fixture("basic");
    site.build("2022-05-10").assert_ok();
    let html = site.read("public/phong-trao/ke-hoach-2021/index.html");
    let text = visible_text(&html);
    assert!(text.contains("Số: /KH-SNV"), "{text}");
    assert!(text.contains("ngày tháng 01 năm 2021"), "{text}");
    // The blank is kept as room to write in, not collapsed away.
    assert!(html.contains("ngày \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0} tháng 01 năm 2021"));
}

#[test]
fn timeline_shows_dates_computed_anniversaries_and_review_deadlines() {
    let site = TestSite::fixture("basic");
    site.build("2022-05-10").assert_ok();
    let text = visible_text(&site.read(CAMPAIGN));
    assert!(
        text.contains("92 năm Ngày thành lập Đảng Cộng sản Việt Nam"),
        "{text}"
    );
    assert!(text.contains("(03/02/1930 – 03/02/2022)"), "{text}");
    assert!(text.contains("77 năm Ngày Quốc khánh"), "{text}");
    assert!(
        text.contains("Từ tháng 01/2022 đến ngày 30/06/2022"),
        "{text}"
    );
    assert!(
        text.contains("Hạn hoàn thành tổng kết đợt thi đua"),
        "{text}"
    );
    assert!(text.contains("15/07/2022"), "{text}");
    assert!(
        text.contains("Ngày ban hành ngày 20 tháng 01 năm 2022"),
        "{text}"
    );
}

fn phase_status(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no phase {id}"));
    let heading = &html[start..];
    let badge = heading.find("class=\"badge").unwrap();
    let rest = &heading[badge..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest.find("</span>").unwrap();
    rest[open..close].to_owned()
}

#[test]
fn phase_status_follows_today() {
    let site = TestSite::fixture("basic");
    for (today, first, second) in [
        ("2021-12-31", "sắp diễn ra", "sắp diễn ra"),
        ("2022-01-01", "đang diễn ra", "sắp diễn ra"),
        ("2022-06-30", "đang diễn ra", "sắp diễn ra"),
        ("2022-07-01", "đã kết thúc", "đang diễn ra"),
        ("2023-01-01", "đã kết thúc", "đã kết thúc"),
    ] {
        site.build(today).assert_ok();
        let html = site.read(CAMPAIGN);
        assert_eq!(phase_status(&html, "dot-1"), first, "dot-1 on {today}");
        assert_eq!(phase_status(&html, "dot-2"), second, "dot-2 on {today}");
    }
}

#[test]
fn home_lists_campaigns_newest_first_with_their_current_phase() {
    let site = TestSite::fixture("basic");
    site.build("2022-08-01").assert_ok();
    let text = visible_text(&site.read("public/index.html"));
    let newer = text.find("Kế hoạch thi đua năm 2022").expect("2022 listed");
    let older = text.find("Kế hoạch thi đua năm 2021").expect("2021 listed");
    assert!(newer < older, "{text}");
    assert!(
        text.contains("Đang diễn ra: Đợt thi đua thứ hai (01/07/2022 – 31/12/2022)"),
        "{text}"
    );
}

#[test]
fn targets_table_shows_percent_and_ranges() {
    let site = TestSite::fixture("basic");
    site.build("2022-05-10").assert_ok();
    let text = visible_text(&site.read(CAMPAIGN));
    assert!(text.contains("Tập thể lao động xuất sắc 20%"), "{text}");
    assert!(text.contains("Chiến sĩ thi đua cơ sở 2–3"), "{text}");
}

#[test]
fn bundle_attachments_are_copied_and_linked() {
    let site = TestSite::fixture("basic");
    site.build("2022-05-10").assert_ok();
    assert_eq!(
        std::fs::read(site.path("public/phong-trao/ke-hoach-2022/ban-scan.pdf")).unwrap(),
        std::fs::read(site.path("content/phong-trao/ke-hoach-2022/ban-scan.pdf")).unwrap()
    );
    let html = site.read(CAMPAIGN);
    assert!(
        html.contains(r#"<a href="./ban-scan.pdf" download>Bản scan kế hoạch</a>"#),
        "{html}"
    );
}

#[test]
fn urls_are_slugs_without_diacritics() {
    let site = TestSite::fixture("basic");
    site.write("content/Tin tức/_index.md", "---\ntitle: Tin tức\n---\n");
    site.write(
        "content/Tin tức/Đợt thi đua đặc biệt.md",
        "---\ntitle: Đợt thi đua đặc biệt\n---\nNội dung.\n",
    );
    site.build("2022-05-10").assert_ok();
    let page = site.read("public/tin-tuc/dot-thi-dua-dac-biet/index.html");
    assert!(page.contains("<h1>Đợt thi đua đặc biệt</h1>"), "{page}");
    let list = site.read("public/tin-tuc/index.html");
    assert!(
        list.contains(r#"href="../tin-tuc/dot-thi-dua-dac-biet/index.html""#),
        "{list}"
    );
}

#[test]
fn bom_crlf_and_decomposed_text_are_accepted_and_normalized() {
    let site = TestSite::fixture("basic");
    // "Thông báo" written with combining marks (NFD), a BOM and CRLF line endings.
    let nfd_title = "Tho\u{0302}ng ba\u{0301}o đơ\u{0323}t 1";
    let source = format!(
        "\u{feff}---\r\ntitle: {nfd_title}\r\n---\r\nDo\u{0300}ng mo\u{0302}\u{0323}t.\r\n"
    );
    site.write("content/thong-bao.md", source);
    site.build("2022-05-10").assert_ok();
    let html = site.read("public/thong-bao/index.html");
    assert!(html.contains("<h1>Thông báo đợt 1</h1>"), "{html}");
    assert!(html.contains("Dòng một."), "{html}");
    assert!(!html.contains('\r'));
}

#[test]
fn the_site_can_override_a_theme_template() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<h1 class=\"override\">{{ page.title }}</h1>{% endblock main %}",
    );
    site.write("content/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nA\n");
    site.build("2022-05-10").assert_ok();
    let html = site.read("public/gioi-thieu/index.html");
    assert!(
        html.contains(r#"<h1 class="override">Giới thiệu</h1>"#),
        "{html}"
    );
    // The rest of the theme is still the theme's.
    assert!(html.contains("class=\"site-header\""), "{html}");
}

#[test]
fn template_mistakes_are_reported_at_their_line_and_column_and_nothing_is_published() {
    let site = TestSite::fixture("basic");
    site.build("2022-05-10").assert_ok();
    let before = site.output_files();
    // Every unknown name of every template at once, each where it is written.
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ page.title | vi_dat }}</h1>\n<p>{{ tai_san(path=\"a\") }}</p>\n{% endblock main %}\n",
    );
    site.write("content/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nA\n");
    let run = site.build("2022-05-10");
    run.assert_content_error();
    assert!(
        run.stderr
            .contains("templates/page.html:3:21: Unknown filter `vi_dat`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("templates/page.html:4:7: Unknown function `tai_san`"),
        "{}",
        run.stderr
    );
    // A syntax error.
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ page.title }</h1>\n{% endblock main %}\n",
    );
    let run = site.build("2022-05-10");
    run.assert_content_error();
    assert!(
        run.stderr.contains("templates/page.html:3:19: "),
        "{}",
        run.stderr
    );
    assert_eq!(site.output_files(), before, "the published site changed");
}

#[test]
fn a_template_failing_on_every_page_is_reported_once_with_the_pages_counted() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n  <p>{{ page.tieu_de }}</p>\n{% endblock main %}\n",
    );
    for name in ["a", "b", "c"] {
        site.write(
            &format!("content/tin/{name}.md"),
            format!("---\ntitle: Tin {name}\n---\nA\n"),
        );
    }
    let run = site.build("2022-05-10");
    run.assert_content_error();
    assert_eq!(run.stderr.matches("error: ").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("templates/page.html:3:14: Field `tieu_de` is not defined"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("while rendering content/tin/a.md and 2 other pages"),
        "{}",
        run.stderr
    );
}

#[test]
fn default_in_a_template_replaces_a_missing_or_empty_value() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<p id=\"d\">{{ page.date | default(value=\"chưa có ngày\") }}</p><p id=\"k\">{{ page.khong | default(value=\"không\") }}</p>{% endblock main %}",
    );
    site.write("content/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nA\n");
    site.build("2022-05-10").assert_ok();
    let html = site.read("public/gioi-thieu/index.html");
    assert!(html.contains(r#"<p id="d">chưa có ngày</p>"#), "{html}");
    assert!(html.contains(r#"<p id="k">không</p>"#), "{html}");
}

#[test]
fn group_by_in_a_template_gives_its_groups_in_key_order_every_build() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/section.html",
        "{% extends \"base.html\" %}{% block main %}<p id=\"nhom\">{% for date, items in pages | group_by(attribute=\"date\") %}{{ date }}:{{ items | length }};{% endfor %}</p>{% endblock main %}",
    );
    site.write("content/tin/_index.md", "---\ntitle: Tin tức\n---\n");
    let dates = [
        "2022-03-01",
        "2021-12-31",
        "2022-01-15",
        "2020-06-01",
        "2022-01-15",
        "2021-07-04",
        "2019-02-02",
    ];
    for (i, date) in dates.iter().enumerate() {
        site.write(
            &format!("content/tin/bai-{i}.md"),
            format!("---\ntitle: Bài {i}\ndate: {date}\n---\nA\n"),
        );
    }
    // Tera 2's own group_by orders groups by a randomly seeded hash: several
    // builds (separate processes) would disagree.
    for _ in 0..3 {
        site.build("2022-05-10").assert_ok();
        let html = site.read("public/tin/index.html");
        assert!(
            html.contains(r#"<p id="nhom">2019-02-02:1;2020-06-01:1;2021-07-04:1;2021-12-31:1;2022-01-15:2;2022-03-01:1;</p>"#),
            "{html}"
        );
    }
}

#[test]
fn site_static_files_override_the_themes() {
    let site = TestSite::fixture("basic");
    site.write("static/style.css", "body{}");
    site.write("static/logo.svg", "<svg/>");
    site.build("2022-05-10").assert_ok();
    // Published under its fingerprinted name (`printf 'body{}' | sha256sum`).
    assert_eq!(site.read("public/style.7c98040a.css"), "body{}");
    assert!(
        site.read("public/index.html")
            .contains(r#"<link rel="stylesheet" href="./style.7c98040a.css">"#)
    );
    assert!(site.exists("public/logo.svg"));
}

#[test]
fn a_failed_build_leaves_the_published_site_untouched() {
    let site = TestSite::fixture("basic");
    site.build("2022-05-10").assert_ok();
    let before = site.output_files();
    site.write(
        "content/phong-trao/ke-hoach-2022/index.md",
        "---\ntitle: Kế hoạch\nphases:\n  - id: dot-1\n    name: Đợt 1\n    start: 2022-01-01\n    end: 30/6/2022\n---\n",
    );
    let run = site.build("2022-05-10");
    run.assert_content_error();
    assert!(
        run.stderr.contains(
            "error: content/phong-trao/ke-hoach-2022/index.md:7:10: `30/6/2022` is not a date written YYYY-MM-DD"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: write 2022-06-30"),
        "{}",
        run.stderr
    );
    assert_eq!(site.output_files(), before, "the output changed");
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".bangvang"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let site = TestSite::fixture("basic");
    site.write("content/a.md", "---\ntitel: A\n---\n");
    site.write(
        "content/b.md",
        "---\ntitle: B\ndraft: yes\nweight: nhiều\n---\n",
    );
    let run = site.build("2022-05-10");
    run.assert_content_error();
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .collect();
    assert_eq!(
        errors,
        [
            "error: content/a.md:2:1: unknown key `titel` in the front matter",
            "error: content/b.md:3:8: expected true or false, found `yes`",
            "error: content/b.md:4:9: expected a whole number, found `nhiều`",
        ],
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean `title`?"));
    assert!(run.stderr.contains("3 errors, 0 warnings"));
}

#[test]
fn usage_errors_exit_with_2() {
    let site = TestSite::fixture("basic");
    let run = site.run(&["build", "--today", "10/5/2022"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("write 2022-05-10"), "{}", run.stderr);
    let run = site.run(&["build", "--base-url", "example.gov.vn"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = site.run(&["publish"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn output_that_would_overwrite_the_sources_is_refused() {
    let site = TestSite::fixture("basic");
    for output in [
        ".",
        "content",
        "content/x",
        "themes",
        "static",
        "templates/x",
        ".git",
    ] {
        let target = site.path(output);
        let run = site.run(&[
            "build",
            "--today",
            "2022-05-10",
            "--output",
            target.to_str().unwrap(),
        ]);
        run.assert_content_error();
        assert!(
            run.stderr.contains("refusing this output folder"),
            "{}",
            run.stderr
        );
    }
    assert!(site.exists("content/phong-trao/ke-hoach-2022/index.md"));
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let site = TestSite::fixture("basic");
    site.build("2022-05-10").assert_ok();
    let first = site.output_files();
    site.build("2022-05-10").assert_ok();
    assert_eq!(site.output_files(), first);
}

#[test]
fn source_date_epoch_sets_today_for_reproducible_builds() {
    let site = TestSite::fixture("basic");
    // 2022-07-01T00:30:00+07:00 is still 2022-06-30 in UTC: the site's zone decides.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bangvang"))
        .args(["build", "--root"])
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", "1656610200")
        .output()
        .unwrap();
    assert!(output.status.success());
    let html = site.read(CAMPAIGN);
    assert_eq!(phase_status(&html, "dot-2"), "đang diễn ra");
}

#[test]
fn raw_html_in_markdown_never_runs() {
    let site = TestSite::fixture("basic");
    // The image's address is a link, checked like any other: it must lead
    // somewhere for the build to publish the page.
    site.write("content/xss/x", "x");
    site.write(
        "content/xss/index.md",
        "---\ntitle: \"<script>alert(1)</script>\"\n---\n<script>alert(2)</script>\n\n<img src=x alt=\"\" onerror=alert(3)>\n",
    );
    site.build("2022-05-10").assert_ok();
    let html = site.read("public/xss/index.html");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("onerror"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
}

#[test]
fn summary_line_counts_pages_and_files() {
    let site = TestSite::fixture("basic");
    let run = site.build("2022-05-10");
    run.assert_ok();
    // Pages: home, the campaigns section, two campaigns, the roll of honour and
    // its collectives' page, the units' index and one unit, the tags' index, the
    // calendar, the statistics (/thong-ke/; no campaign has a decided list, so
    // none has its own), the search (/tim-kiem/) and 404.html. Data: JSON,
    // CSV, .xlsx and their datapackage.json, the roll's search index, the
    // site search's list of parts, its one part and its one file of what
    // results show, sitemap, robots.txt, lich.ics and atom.xml. Copied: the
    // theme's CSS, its scripts (the roll's, the search's and their words')
    // and icon, and one scan.
    assert!(
        run.stdout
            .starts_with("published 13 pages, 12 data files, 6 files copied, 0 warnings in "),
        "{}",
        run.stdout
    );
}

#[test]
fn the_example_site_builds_and_shows_the_2022_plan() {
    let site = TestSite::example();
    site.build("2022-05-10").assert_ok();
    let home = site.read("public/index.html");
    assert!(home.contains("phong-trao/2022/index.html"), "{home}");
    let text = visible_text(&site.read("public/phong-trao/2022/index.html"));
    for expected in [
        "Số: /KH-SNV",
        "Hà Tĩnh, ngày tháng 01 năm 2022",
        "Đợt thi đua thứ nhất đang diễn ra",
        "Đợt thi đua thứ hai sắp diễn ra",
        "92 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        "132 năm Ngày sinh Chủ tịch Hồ Chí Minh",
        "77 năm Ngày Cách mạng tháng Tám thành công",
        "PHAN THỊ TÔ HOA",
    ] {
        let found = text.contains(expected) || text.to_uppercase().contains(expected);
        assert!(found, "missing {expected:?}");
    }
}

#[test]
fn odd_file_names_in_a_bundle_are_linked_safely() {
    let site = TestSite::fixture("basic");
    site.write("content/phong-trao/ke-hoach-2022/QĐ #45?.pdf", "%PDF-1.4\n");
    site.write("content/phong-trao/ke-hoach-2022/javascript:alert(1)", "x");
    site.build("2022-05-10").assert_ok();
    let html = site.read(CAMPAIGN);
    assert!(
        html.contains(r#"href="./Q%C4%90%20%2345%3F.pdf""#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="./javascript%3Aalert%281%29""#),
        "{html}"
    );
    assert!(!html.contains("href=\"javascript:"), "{html}");
    assert!(site.exists("public/phong-trao/ke-hoach-2022/QĐ #45?.pdf"));
}

#[test]
fn a_content_file_cannot_take_an_address_the_build_uses() {
    let site = TestSite::fixture("basic");
    site.write("content/khen-thuong.md", "---\ntitle: Trùng\n---\n");
    site.write("themes/default/static/logo.svg", "<svg/>");
    site.write("content/logo.svg", "<svg/>");
    let run = site.build("2022-05-10");
    run.assert_content_error();
    assert!(run.stderr.contains("error: content/khen-thuong.md:1:1: this file would be published as /khen-thuong/, an address the build uses"), "{}", run.stderr);
    assert!(run.stderr.contains("error: content/logo.svg:1:1: this file would be published as /logo.svg, over the theme's"), "{}", run.stderr);
}

#[test]
fn the_site_name_links_to_the_home_page_whatever_the_menu() {
    let site = TestSite::fixture("basic");
    let config = site
        .read("site.yaml")
        .replace("  - title: Trang chủ\n    url: /\n", "");
    site.write("site.yaml", config);
    site.build("2022-05-10").assert_ok();
    let html = site.read(CAMPAIGN);
    assert!(
        html.contains(r#"<a class="brand" href="../../index.html">"#),
        "{html}"
    );
}

#[test]
fn decomposed_file_names_are_composed_like_all_text() {
    let site = TestSite::fixture("basic");
    // "Kế hoạch.pdf" as macOS writes it (NFD), named in NFC in the front matter.
    site.write(
        "content/phong-trao/ke-hoach-2022/Ke\u{0302}\u{0301} hoa\u{0323}ch.pdf",
        "%PDF-1.4\n",
    );
    let path = "content/phong-trao/ke-hoach-2022/index.md";
    let text = site.read(path).replace(
        "attachments:\n",
        "attachments:\n  - file: Kế hoạch.pdf\n    title: Kế hoạch (bản quét)\n",
    );
    site.write(path, text);
    site.build("2022-05-10").assert_ok();
    assert!(site.exists("public/phong-trao/ke-hoach-2022/Kế hoạch.pdf"));
    assert!(site.read(CAMPAIGN).contains("Kế hoạch (bản quét)"));
}

#[test]
fn a_broken_base_template_is_reported_at_the_first_page_in_site_order() {
    // The build renders the site-wide pages (roll of honour, calendar) first
    // to keep both cores busy; the report still names the site's first page.
    let site = TestSite::fixture("basic");
    site.write(
        "templates/base.html",
        "<html><title>{% block title %}{% endblock title %}</title><body>{{ page.tieu_de }}{% block main %}{% endblock main %}</body></html>\n",
    );
    let run = site.build("2022-05-10");
    run.assert_content_error();
    assert_eq!(run.stderr.matches("error: ").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("while rendering content/_index.md and "),
        "{}",
        run.stderr
    );
}

#[test]
fn each_page_shows_a_tag_as_it_writes_it() {
    // One tag (one page of the tag), two spellings: each page keeps its own.
    let site = TestSite::fixture("basic");
    site.write(
        "content/tin/a.md",
        "---\ntitle: Tin A\ntags: [Tôn giáo]\n---\nA\n",
    );
    site.write(
        "content/tin/b.md",
        "---\ntitle: Tin B\ntags: [tôn giáo]\n---\nB\n",
    );
    site.build("2022-05-10").assert_ok();
    let a = site.read("public/tin/a/index.html");
    let b = site.read("public/tin/b/index.html");
    assert!(a.contains(">Tôn giáo</a>"), "{a}");
    assert!(b.contains(">tôn giáo</a>"), "{b}");
    assert!(!b.contains(">Tôn giáo</a>"), "{b}");
}

#[test]
fn raw_html_images_and_links_work_under_a_sub_path() {
    let site = TestSite::fixture("basic");
    site.write("static/anh.png", "png");
    site.write(
        "content/tin-tuc/le-phat-dong.md",
        "---\ntitle: Lễ phát động\n---\n<figure>\n<img src=\"/anh.png\"\n     alt=\"Toàn cảnh lễ phát động\">\n</figure>\n\nXem <a href=\"/phong-trao/ke-hoach-2022/\">kế hoạch năm 2022</a>.\n",
    );
    let run = site.run(&[
        "build",
        "--today",
        "2022-05-10",
        "--base-url",
        "https://x.gov.vn/thi-dua/",
    ]);
    run.assert_ok();
    let html = site.read("public/tin-tuc/le-phat-dong/index.html");
    // Relative to the page, so it loads at https://x.gov.vn/thi-dua/ and from the disk.
    assert!(html.contains(r#"<img src="../../anh.png""#), "{html}");
    assert!(
        html.contains(r#"<a href="../../phong-trao/ke-hoach-2022/index.html" rel="noopener noreferrer">kế hoạch năm 2022</a>"#),
        "{html}"
    );
    assert!(site.exists("public/anh.png"));
    assert!(!html.contains(r#"src="/anh.png""#), "{html}");
}

#[test]
fn a_raw_html_link_that_leads_nowhere_is_an_error_at_its_attribute() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/tin-tuc/thong-bao.md",
        "---\ntitle: Thông báo\n---\nĐoạn một.\n\n<p>Xem <a title=\"Kế hoạch\" href=\"/khong-co/\">kế hoạch</a>\n<img alt=\"Sơ đồ\"\n  src=\"so-do.png\"></p>\n",
    );
    let run = site.build("2022-05-10");
    run.assert_content_error();
    assert!(
        run.stderr.contains(
            "error: content/tin-tuc/thong-bao.md:6:28: the link `/khong-co/` leads nowhere: the site has no /khong-co/"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "error: content/tin-tuc/thong-bao.md:8:3: the link `so-do.png` leads nowhere"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("2 errors, 0 warnings"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_wrong_front_matter_and_a_broken_link_are_reported_in_one_run() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/tin-tuc/thong-bao.md",
        "---\ntitel: Thông báo\n---\nĐoạn một.\n\nXem [kế hoạch](/phong-trao/khong-co/).\n",
    );
    let run = site.build("2022-05-10");
    run.assert_content_error();
    for expected in [
        "error: content/tin-tuc/thong-bao.md:2:1: unknown key `titel` in the front matter",
        "error: content/tin-tuc/thong-bao.md:6:5: the link `/phong-trao/khong-co/` leads nowhere",
    ] {
        assert!(run.stderr.contains(expected), "{}", run.stderr);
    }
    assert!(
        run.stderr.contains("2 errors, 0 warnings"),
        "{}",
        run.stderr
    );
    // A link to the page whose front matter failed is not broken too.
    site.write(
        "content/tin-tuc/thong-bao.md",
        "---\ntitel: Thông báo\n---\nĐoạn một.\n",
    );
    site.write(
        "content/tin-tuc/khac.md",
        "---\ntitle: Khác\n---\nXem [thông báo](/tin-tuc/thong-bao/).\n",
    );
    let run = site.build("2022-05-10");
    assert!(run.stderr.contains("1 error, 0 warnings"), "{}", run.stderr);
}

#[test]
fn a_site_without_a_home_page_is_warned_and_denied_with_deny_warnings() {
    let site = TestSite::fixture("basic");
    std::fs::remove_file(site.path("content/_index.md")).unwrap();
    let run = site.build("2022-05-10");
    run.assert_ok();
    assert!(
        run.stderr
            .contains("warning: content/_index.md: the site has no home page"),
        "{}",
        run.stderr
    );
    let denied = site.run(&["build", "--today", "2022-05-10", "--deny-warnings"]);
    denied.assert_content_error();
    assert!(
        denied
            .stderr
            .contains("error: content/_index.md: the site has no home page"),
        "{}",
        denied.stderr
    );
}
