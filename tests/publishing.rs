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
