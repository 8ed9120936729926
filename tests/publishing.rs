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
    assert!(html.contains(r#"href="/thi-dua/style.css""#), "{html}");
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
