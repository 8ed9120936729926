//! What the build publishes and what it holds back: drafts, content dated after
//! `--today`, the sitemap, robots.txt and the 404 page.

mod common;

use common::{TestSite, visible_text};

fn site_with_draft_and_scheduled() -> TestSite {
    let site = TestSite::fixture("honours");
    site.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    site.write(
        "content/tin-tuc/nhap/index.md",
        "---\ntitle: Bài nháp bí mật\ndraft: true\nattachments:\n  - file: du-thao.pdf\n    title: Dự thảo\n---\nNội dung nháp.\n",
    );
    site.write("content/tin-tuc/nhap/du-thao.pdf", "%PDF-1.4\n");
    site.write(
        "content/tin-tuc/hen-gio.md",
        "---\ntitle: Bài hẹn giờ đăng\ndate: 2024-01-15\n---\nĐăng sau.\n",
    );
    site.write(
        "content/tin-tuc/da-dang.md",
        "---\ntitle: Bài đã đăng\ndate: 2023-11-20\n---\nĐã đăng.\n",
    );
    site.write(
        "content/phong-trao/ke-hoach-2023/sap-cong-bo.yaml",
        "title: Danh sách sắp công bố\nstatus: proposed\npublished: 2024-01-05\nawards:\n  - award: Lao động tiên tiến\n    honorees:\n      - name: Lương Văn Bí Mật\n",
    );
    site
}

/// Every file of the output, as text where it is text.
fn everything(site: &TestSite) -> String {
    site.output_files()
        .into_iter()
        .map(|(path, bytes)| format!("== {path}\n{}", String::from_utf8_lossy(&bytes)))
        .collect()
}

#[test]
fn drafts_and_future_content_leak_nowhere() {
    let site = site_with_draft_and_scheduled();
    let run = site.build("2023-12-01");
    run.assert_ok();
    assert!(run.stdout.contains("3 held back"), "{}", run.stdout);
    let all = everything(&site);
    for secret in [
        "Bài nháp bí mật",
        "Bài hẹn giờ đăng",
        "Danh sách sắp công bố",
        "Lương Văn Bí Mật",
        "tin-tuc/nhap",
        "hen-gio",
        "sap-cong-bo",
        "du-thao.pdf",
    ] {
        assert!(!all.contains(secret), "{secret} leaked");
    }
    assert!(!site.exists("public/tin-tuc/nhap/du-thao.pdf"));
    assert!(all.contains("Bài đã đăng"));

    site.run(&["build", "--today", "2023-12-01", "--drafts"])
        .assert_ok();
    let all = everything(&site);
    for shown in [
        "Bài nháp bí mật",
        "Bài hẹn giờ đăng",
        "Danh sách sắp công bố",
        "Lương Văn Bí Mật",
    ] {
        assert!(all.contains(shown), "{shown} missing with --drafts");
    }
    assert!(site.exists("public/tin-tuc/nhap/du-thao.pdf"));

    // On its day, scheduled content appears by itself.
    site.build("2024-01-15").assert_ok();
    let all = everything(&site);
    assert!(all.contains("Bài hẹn giờ đăng") && all.contains("Lương Văn Bí Mật"));
    assert!(!all.contains("Bài nháp bí mật"));
}

#[test]
fn a_link_to_a_held_back_page_is_an_error() {
    let site = site_with_draft_and_scheduled();
    site.write(
        "content/tin-tuc/da-dang.md",
        "---\ntitle: Bài đã đăng\n---\nXem [bài](/tin-tuc/hen-gio/).\n",
    );
    let run = site.build("2023-12-01");
    run.assert_content_error();
    assert!(
        run.stderr.contains("content/tin-tuc/da-dang.md:4:5: the link `/tin-tuc/hen-gio/` leads to a page that is not published"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_sitemap_lists_every_published_page_with_absolute_addresses() {
    let site = site_with_draft_and_scheduled();
    site.build("2023-12-01").assert_ok();
    let xml = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the sitemap is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let entries: Vec<(String, Option<String>)> = root
        .children()
        .filter(|n| n.has_tag_name("url"))
        .map(|url| {
            let text = |name| {
                url.children()
                    .find(|n| n.has_tag_name(name))
                    .and_then(|n| n.text())
                    .map(str::to_owned)
            };
            (text("loc").unwrap(), text("lastmod"))
        })
        .collect();
    let locs: Vec<&str> = entries.iter().map(|(l, _)| l.as_str()).collect();
    for expected in [
        "https://example.gov.vn/thi-dua/",
        "https://example.gov.vn/thi-dua/phong-trao/ke-hoach-2023/",
        "https://example.gov.vn/thi-dua/phong-trao/ke-hoach-2023/dot-1/",
        "https://example.gov.vn/thi-dua/tin-tuc/da-dang/",
        "https://example.gov.vn/thi-dua/khen-thuong/",
        "https://example.gov.vn/thi-dua/don-vi/van-phong/",
    ] {
        assert!(
            locs.contains(&expected),
            "{expected} missing from {locs:#?}"
        );
    }
    assert!(
        !locs
            .iter()
            .any(|l| l.contains("hen-gio") || l.contains("nhap") || l.contains("sap-cong-bo"))
    );
    let lastmod = |loc: &str| entries.iter().find(|(l, _)| l == loc).unwrap().1.clone();
    assert_eq!(
        lastmod("https://example.gov.vn/thi-dua/tin-tuc/da-dang/").as_deref(),
        Some("2023-11-20")
    );
    assert_eq!(
        lastmod("https://example.gov.vn/thi-dua/phong-trao/ke-hoach-2023/dot-1/").as_deref(),
        Some("2023-07-14")
    );
    let robots = site.read("public/robots.txt");
    assert!(
        robots.contains("Sitemap: https://example.gov.vn/thi-dua/sitemap.xml"),
        "{robots}"
    );
}

#[test]
fn the_404_page_links_from_the_site_root_and_pages_carry_canonical_and_opengraph_tags() {
    let site = TestSite::fixture("honours");
    site.build("2023-12-01").assert_ok();
    let html = site.read("public/404.html");
    assert!(visible_text(&html).contains("Không tìm thấy trang"));
    // The stylesheet from the site's root path, under its fingerprinted name.
    let css = stylesheet_href(&html);
    let name = css
        .strip_prefix("/thi-dua/")
        .unwrap_or_else(|| panic!("{css} is not below /thi-dua/"));
    assert!(
        site.exists(&format!("public/{name}")),
        "{css} is not published"
    );
    let page = site.read("public/phong-trao/ke-hoach-2023/index.html");
    assert!(page.contains(r#"<link rel="canonical" href="https://example.gov.vn/thi-dua/phong-trao/ke-hoach-2023/">"#), "{page}");
    assert!(
        page.contains(r#"<meta property="og:title" content="Kế hoạch thi đua năm 2023">"#),
        "{page}"
    );
    assert!(page.contains(r#"<meta property="og:locale" content="vi_VN">"#));
}

fn news_site(items: usize) -> TestSite {
    let site = TestSite::fixture("basic");
    let config = site.read("site.yaml") + "paginate: 2\n";
    site.write("site.yaml", config);
    site.write(
        "content/tin-tuc/_index.md",
        "---\ntitle: Tin tức\n---\nGiới thiệu mục tin.\n",
    );
    for i in 1..=items {
        site.write(
            &format!("content/tin-tuc/bai-{i}.md"),
            format!("---\ntitle: Bài số {i}\ndate: 2022-03-{i:02}\ntags: [Cải cách hành chính{}]\n---\nNội dung.\n", if i % 2 == 0 { ", Chuyển đổi số" } else { "" }),
        );
    }
    site
}

fn titles(html: &str) -> Vec<String> {
    html.split("class=\"card-title\"><a href=\"")
        .skip(1)
        .map(|rest| {
            let start = rest.find('>').unwrap() + 1;
            rest[start..start + rest[start..].find('<').unwrap()].to_owned()
        })
        .collect()
}

#[test]
fn pagination_boundaries() {
    for (items, pages) in [(0usize, 1usize), (1, 1), (2, 1), (3, 2), (5, 3)] {
        let site = news_site(items);
        site.build("2022-05-10").assert_ok();
        let first = site.read("public/tin-tuc/index.html");
        assert_eq!(
            titles(&first).len(),
            items.min(2),
            "{items} items, first page"
        );
        for n in 2..=pages {
            assert!(
                site.exists(&format!("public/tin-tuc/trang/{n}/index.html")),
                "{items} items: page {n}"
            );
        }
        assert!(
            !site.exists(&format!("public/tin-tuc/trang/{}/index.html", pages + 1)),
            "{items} items: one page too many"
        );
        assert_eq!(
            first.contains("class=\"paginator\""),
            pages > 1,
            "{items} items"
        );
    }
    let site = news_site(3);
    site.build("2022-05-10").assert_ok();
    // Newest first; the last page holds the oldest; links go back and forth.
    assert_eq!(
        titles(&site.read("public/tin-tuc/index.html")),
        ["Bài số 3", "Bài số 2"]
    );
    let second = site.read("public/tin-tuc/trang/2/index.html");
    assert_eq!(titles(&second), ["Bài số 1"]);
    assert!(
        second.contains(r#"href="../../../tin-tuc/index.html" rel="prev""#),
        "{second}"
    );
    assert!(visible_text(&second).contains("Tin tức — trang 2"));
}

#[test]
fn a_long_list_links_to_a_handful_of_its_pages_not_all() {
    // 30 items, 2 a page: 15 pages. Page 8 links to the first, the last and
    // its neighbours, with a gap shown (and hidden from screen readers) between.
    let site = news_site(30);
    site.build("2022-05-10").assert_ok();
    let page = site.read("public/tin-tuc/trang/8/index.html");
    let paginator = &page[page.find("<nav class=\"paginator\"").unwrap()..];
    let paginator = &paginator[..paginator.find("</nav>").unwrap()];
    assert_eq!(
        visible_text(paginator)
            .split_whitespace()
            .collect::<Vec<_>>(),
        [
            "‹", "Trang", "trước", "1", "…", "6", "7", "8", "9", "10", "…", "15", "Trang", "sau",
            "›"
        ],
        "{paginator}"
    );
    assert_eq!(paginator.matches("aria-hidden=\"true\">…</li>").count(), 2);
    assert!(paginator.contains(r#"href="../../../tin-tuc/trang/15/index.html""#));
    assert!(!paginator.contains("trang/5/"), "{paginator}");
    // Every page of the list is reachable: each links to the next.
    for n in 2..15 {
        let page = site.read(&format!("public/tin-tuc/trang/{n}/index.html"));
        let next = format!(
            r#"href="../../../tin-tuc/trang/{}/index.html" rel="next""#,
            n + 1
        );
        assert!(page.contains(&next), "page {n}");
    }
}

#[test]
fn tags_have_an_index_with_counts_and_a_page_each_newest_first() {
    let site = news_site(5);
    site.build("2022-05-10").assert_ok();
    let index = visible_text(&site.read("public/the/index.html"));
    assert!(index.contains("Cải cách hành chính (5)"), "{index}");
    assert!(index.contains("Chuyển đổi số (2)"), "{index}");
    let tag = site.read("public/the/chuyen-doi-so/index.html");
    assert_eq!(titles(&tag), ["Bài số 4", "Bài số 2"]);
    let tag = site.read("public/the/cai-cach-hanh-chinh/index.html");
    assert_eq!(titles(&tag), ["Bài số 5", "Bài số 4"]);
    assert!(site.exists("public/the/cai-cach-hanh-chinh/trang/3/index.html"));
    let page = site.read("public/tin-tuc/bai-2/index.html");
    assert!(
        page.contains(r#"<a href="../../the/chuyen-doi-so/index.html">Chuyển đổi số</a>"#),
        "{page}"
    );
}

#[test]
fn the_calendar_page_and_ics_hold_every_phase_milestone_review_and_comment_period() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/phong-trao/ke-hoach-2022/du-kien.yaml",
        "title: Danh sách dự kiến, đợt 1; mẫu\nstatus: proposed\npublished: 2022-07-01\ncomment_until: 2022-07-10\nawards:\n  - award: Lao động tiên tiến\n    honorees:\n      - name: Lê Văn A\n",
    );
    site.build("2022-07-05").assert_ok();

    let page = visible_text(&site.read("public/lich/index.html"));
    let y2022 = page.find("Năm 2022").unwrap();
    let y2021 = page.find("Năm 2021").unwrap();
    assert!(y2022 < y2021, "newest year first: {page}");
    assert!(page.contains("01/01/2022 – 30/06/2022 Đợt thi đua Đợt thi đua thứ nhất Kế hoạch thi đua năm 2022 đã kết thúc"), "{page}");
    assert!(page.contains("01/07/2022 – 31/12/2022 Đợt thi đua Đợt thi đua thứ hai Kế hoạch thi đua năm 2022 đang diễn ra"), "{page}");
    assert!(
        page.contains("03/02/2022 Ngày kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam"),
        "{page}"
    );
    assert!(page.contains("15/07/2022 Hạn tổng kết Hạn hoàn thành tổng kết đợt thi đua thứ nhất Kế hoạch thi đua năm 2022 sắp diễn ra"), "{page}");
    assert!(
        page.contains(
            "01/07/2022 – 10/07/2022 Lấy ý kiến Lấy ý kiến: Danh sách dự kiến, đợt 1; mẫu"
        ),
        "{page}"
    );

    // Parsed by an independent parser (the `ical` crate).
    let text = site.read("public/lich.ics");
    assert!(
        text.lines().all(|l| l.len() <= 75 + 1),
        "a line is over 75 octets"
    );
    assert!(text.contains("\r\n"));
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let calendar = parser
        .next()
        .expect("one calendar")
        .expect("a valid calendar");
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    let events: Vec<(String, String, String, String)> = calendar
        .events
        .iter()
        .map(|e| {
            (
                prop(e, "SUMMARY"),
                prop(e, "DTSTART"),
                prop(e, "DTEND"),
                prop(e, "UID"),
            )
        })
        .collect();
    let find = |summary: &str| {
        events
            .iter()
            .find(|e| e.0 == summary)
            .unwrap_or_else(|| panic!("no event {summary:?} in {events:#?}"))
            .clone()
    };
    let phase = find("Đợt thi đua thứ nhất");
    assert_eq!(
        (phase.1.as_str(), phase.2.as_str()),
        ("20220101", "20220701"),
        "DTEND is exclusive"
    );
    let milestone = find("92 năm Ngày thành lập Đảng Cộng sản Việt Nam");
    assert_eq!(
        (milestone.1.as_str(), milestone.2.as_str()),
        ("20220203", "20220204")
    );
    let review = find("Hạn hoàn thành tổng kết đợt thi đua thứ nhất");
    assert_eq!(review.1, "20220715");
    // Commas and semicolons are escaped in the file and read back intact.
    let comment = find("Lấy ý kiến: Danh sách dự kiến\\, đợt 1\\; mẫu");
    assert_eq!(
        (comment.1.as_str(), comment.2.as_str()),
        ("20220701", "20220711")
    );
    assert!(text.contains("SUMMARY:Lấy ý kiến: Danh sách dự kiến\\, đợt 1\\; mẫu"));
    // 2 + 1 phases, 2 milestones, 2 review deadlines, 1 comment period.
    assert_eq!(events.len(), 8, "{events:#?}");

    // UIDs do not change between builds, even on another day.
    site.build("2023-01-01").assert_ok();
    let again = site.read("public/lich.ics");
    let uids = |t: &str| {
        t.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(uids(&text), uids(&again));
    assert_eq!(text, again, "the calendar file does not depend on --today");
}

#[test]
fn the_atom_feed_is_well_formed_with_absolute_links() {
    let site = news_site(3);
    site.write(
        "content/phong-trao/ke-hoach-2022/dot-1.yaml",
        "title: Danh sách đợt 1\nstatus: decided\ndecision: { number: 5/QĐ-SNV, date: 2022-04-01 }\nawards:\n  - award: Lao động tiên tiến\n    honorees:\n      - name: Lê Văn A\n",
    );
    site.build("2022-05-10").assert_ok();
    let xml = site.read("public/atom.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the feed is well-formed XML");
    let feed = doc.root_element();
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    for required in ["id", "title", "updated", "author"] {
        assert!(
            feed.children().any(|n| n.has_tag_name(required)),
            "feed has no {required}"
        );
    }
    let entries: Vec<(String, String, String)> = feed
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .map(|e| {
            let text = |name| {
                e.children()
                    .find(|n| n.has_tag_name(name))
                    .and_then(|n| n.text())
                    .unwrap_or_default()
                    .to_owned()
            };
            let href = e
                .children()
                .find(|n| n.has_tag_name("link"))
                .and_then(|n| n.attribute("href"))
                .unwrap_or_default()
                .to_owned();
            (text("title"), href, text("updated"))
        })
        .collect();
    assert_eq!(
        entries,
        [
            (
                "Danh sách đợt 1".to_owned(),
                "https://example.gov.vn/thi-dua/phong-trao/ke-hoach-2022/dot-1/".to_owned(),
                "2022-04-01T00:00:00+07:00".to_owned()
            ),
            (
                "Bài số 3".to_owned(),
                "https://example.gov.vn/thi-dua/tin-tuc/bai-3/".to_owned(),
                "2022-03-03T00:00:00+07:00".to_owned()
            ),
            (
                "Bài số 2".to_owned(),
                "https://example.gov.vn/thi-dua/tin-tuc/bai-2/".to_owned(),
                "2022-03-02T00:00:00+07:00".to_owned()
            ),
            (
                "Bài số 1".to_owned(),
                "https://example.gov.vn/thi-dua/tin-tuc/bai-1/".to_owned(),
                "2022-03-01T00:00:00+07:00".to_owned()
            ),
        ]
    );
}

#[test]
fn a_draft_section_keeps_the_files_of_pages_published_below_it() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/tin-tuc/_index.md",
        "---\ntitle: Tin tức\ndraft: true\n---\n",
    );
    site.write(
        "content/tin-tuc/bai-1/index.md",
        "---\ntitle: Bài 1\n---\n![ảnh](anh.png)\n",
    );
    site.write("content/tin-tuc/bai-1/anh.png", "png");
    site.build("2022-05-10").assert_ok();
    assert!(site.exists("public/tin-tuc/bai-1/anh.png"));
    assert!(!site.exists("public/tin-tuc/index.html"));
}

#[test]
fn a_link_to_a_list_of_a_held_back_campaign_is_an_error() {
    let site = TestSite::fixture("honours");
    let path = "content/phong-trao/ke-hoach-2023/index.md";
    site.write(
        path,
        site.read(path).replacen(
            "title: Kế hoạch thi đua năm 2023",
            "title: Kế hoạch thi đua năm 2023\ndraft: true",
            1,
        ),
    );
    site.write(
        "content/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\n[ds](/phong-trao/ke-hoach-2023/dot-1/)\n",
    );
    let run = site.build("2023-12-01");
    run.assert_content_error();
    assert!(run.stderr.contains("content/gioi-thieu.md:4:1: the link `/phong-trao/ke-hoach-2023/dot-1/` leads to a page that is not published"), "{}", run.stderr);
}

#[test]
fn the_sitemap_includes_the_builds_own_pages() {
    let site = news_site(3);
    site.build("2022-05-10").assert_ok();
    let xml = site.read("public/sitemap.xml");
    for path in [
        "lich/",
        "the/",
        "the/cai-cach-hanh-chinh/",
        "tin-tuc/trang/2/",
        "khen-thuong/tap-the/",
    ] {
        assert!(
            xml.contains(&format!("<loc>https://example.gov.vn/thi-dua/{path}</loc>")),
            "{path} missing"
        );
    }
    // And links to them pass the link check.
    site.write("content/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n[a](/khen-thuong/tap-the/) [b](/tin-tuc/trang/2/) [c](/the/)\n");
    site.build("2022-05-10").assert_ok();
}

/// The `href` of a page's stylesheet link.
fn stylesheet_href(html: &str) -> String {
    let start = html
        .find(r#"<link rel="stylesheet" href=""#)
        .unwrap_or_else(|| panic!("no stylesheet link in {html}"))
        + r#"<link rel="stylesheet" href=""#.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

/// The published file a relative `href` of the page at `page` (a file of the
/// output) leads to.
fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            "." => {}
            ".." => {
                parts.pop().expect("the link stays inside the site");
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

#[test]
fn stylesheets_and_scripts_are_published_under_names_that_change_with_their_content() {
    let site = TestSite::example();
    site.build("2022-12-15").assert_ok();
    let published = |site: &TestSite| -> Vec<String> {
        site.output_files()
            .into_iter()
            .map(|(path, _)| path)
            // The theme's files, not the data the build writes as scripts
            // (the roll's index, the search's files under tim-kiem/).
            .filter(|p| !p.contains('/') && (p.ends_with(".css") || p.ends_with(".js")))
            .collect()
    };
    let names = published(&site);
    assert_eq!(names.len(), 4, "{names:?}");
    for name in &names {
        let (stem, ext) = name.rsplit_once('.').unwrap();
        let (base, hash) = stem.rsplit_once('.').unwrap();
        assert!(
            ["style", "bang-vang", "tim-kiem", "tu-khoa"].contains(&base),
            "{name}"
        );
        assert!(
            hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
            "{name} has no 8-digit hash"
        );
        assert!(["css", "js"].contains(&ext));
    }
    assert!(!site.exists("public/style.css") && !site.exists("public/bang-vang.js"));
    assert!(!site.exists("public/tim-kiem.js") && !site.exists("public/tu-khoa.js"));
    // Every page at every depth links the stylesheet that is there.
    for page in [
        "index.html",
        "phong-trao/2022/index.html",
        "phong-trao/2022/dot-1-mau/index.html",
        "khen-thuong/index.html",
    ] {
        let href = stylesheet_href(&site.read(&format!("public/{page}")));
        let file = resolve(page, &href);
        assert!(site.exists(&format!("public/{file}")), "{page}: {href}");
    }
    let roll = site.read("public/khen-thuong/index.html");
    let script = names.iter().find(|n| n.starts_with("bang-vang.")).unwrap();
    assert!(
        roll.contains(&format!(r#"<script src="../{script}" defer></script>"#)),
        "{roll}"
    );
    // Images and attachments keep their names.
    assert!(site.exists("public/phong-trao/2022/ke-hoach-thi-dua-2022-so-noi-vu-ha-tinh.txt"));

    // A new theme version gets a new name, and the old one is gone.
    let old_css = names
        .iter()
        .find(|n| n.starts_with("style."))
        .unwrap()
        .clone();
    let mut css = site.read("themes/default/static/style.css");
    css.push_str("\n.new-rule { color: red; }\n");
    site.write("themes/default/static/style.css", css);
    site.build("2022-12-15").assert_ok();
    let new_names = published(&site);
    let new_css = new_names.iter().find(|n| n.starts_with("style.")).unwrap();
    assert_ne!(&old_css, new_css);
    assert!(!site.exists(&format!("public/{old_css}")));
    assert_eq!(
        stylesheet_href(&site.read("public/index.html")),
        format!("./{new_css}")
    );
    assert!(
        new_names.iter().any(|n| n == script),
        "the script did not change"
    );
}

#[test]
fn a_template_naming_a_missing_asset_is_an_error() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/index.html",
        r#"{% extends "base.html" %}{% block main %}<script src="{{ root }}{{ asset(path="thieu.js") }}"></script>{% endblock main %}"#,
    );
    let run = site.build("2022-05-10");
    run.assert_content_error();
    assert!(
        run.stderr
            .contains("the theme and the site have no static file `thieu.js`"),
        "{}",
        run.stderr
    );
}

#[test]
fn published_pages_have_no_inline_scripts_or_styles_for_the_security_policy() {
    let site = TestSite::example();
    site.write(
        "content/tin-tuc/bang-diem.md",
        "---\ntitle: Bảng điểm\n---\n| STT | Đơn vị | Điểm |\n| :-: | :-- | --: |\n| 1 | Văn phòng | 95 |\n",
    );
    site.build("2022-12-15").assert_ok();
    let mut pages = 0;
    let mut json_ld = 0;
    for (path, bytes) in site.output_files() {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8(bytes).unwrap();
        let lower = html.to_lowercase();
        assert!(!lower.contains("<style"), "{path} has a <style> element");
        assert!(!lower.contains(" style="), "{path} has a style attribute");
        for (i, _) in lower.match_indices("<script") {
            let tag = &lower[i..i + lower[i..].find('>').unwrap()];
            if tag == r#"<script type="application/ld+json""# {
                // Data, which no browser runs: it must be JSON to its end
                // tag, with no `<` that could open another element (read
                // lowercased: the same JSON, other keys).
                let body = &lower[i + tag.len() + 1..];
                let body = &body[..body.find("</script>").unwrap()];
                assert!(!body.contains('<'), "{path}: JSON-LD with a `<`: {body}");
                serde_json::from_str::<serde_json::Value>(body)
                    .unwrap_or_else(|e| panic!("{path}: JSON-LD that is not JSON ({e}): {body}"));
                json_ld += 1;
                continue;
            }
            assert!(tag.contains(" src="), "{path} has an inline script: {tag}");
        }
        let attributes = lower.split(['<', '>']).skip(1).step_by(2);
        for tag in attributes {
            assert!(
                !tag.split_whitespace()
                    .any(|a| a.starts_with("on") && a.contains('=')),
                "{path} has an event handler attribute: <{tag}>"
            );
        }
    }
    assert!(pages > 15, "only {pages} pages");
    assert_eq!(json_ld, 1, "the roll's description, and nothing else");
    let news = site.read("public/tin-tuc/bang-diem/index.html");
    assert!(news.contains(r#"<td class="text-right">95</td>"#), "{news}");
}
