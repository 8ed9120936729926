//! The accessibility checks pass what is written well: a described image, a
//! link that says where it leads, raw `alt=""` for decoration, tables with a
//! header row, headings one level at a time. (What they find is in the
//! bad-input corpus, `tests/bad-input/a11y-*`.)

mod common;

use common::TestSite;

/// The base of the corpus (a valid site) with one more page.
fn site_with(page: &str) -> TestSite {
    let site = TestSite::empty();
    common::copy_dir(
        &std::path::Path::new(common::REPO).join("tests/bad-input/_base"),
        site.root(),
    );
    site.write("content/tin-tuc/le-phat-dong/index.md", page);
    site.write("content/tin-tuc/le-phat-dong/anh.png", "png");
    site
}

#[track_caller]
fn assert_no_warning(page: &str) {
    let site = site_with(page);
    let run = site.build("2022-05-10");
    run.assert_ok();
    assert!(
        run.stdout.contains(" 0 warnings in "),
        "{}\n{}",
        run.stdout,
        run.stderr
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn what_is_written_well_gives_no_warning() {
    assert_no_warning(
        "---\ntitle: Lễ phát động\n---\n\
         ## Toàn cảnh\n\n\
         ![Toàn cảnh lễ phát động phong trào thi đua năm 2022](anh.png)\n\n\
         <img src=\"anh.png\" alt=\"\"> <img src=\"anh.png\" alt=\"Lãnh đạo Sở phát biểu\">\n\n\
         ### Văn bản\n\n\
         Xem [kế hoạch thi đua năm 2022](/phong-trao/ke-hoach/) và \
         <a href=\"/phong-trao/\">các phong trào thi đua</a>; góp ý gửi \
         <vanphong@snv.hatinh.gov.vn> hoặc qua [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn/).\n\n\
         #### Kết quả\n\n\
         | STT | Đơn vị |\n|---|---|\n| 1 | Văn phòng Sở |\n\n\
         <table><tr><th>STT</th></tr><tr><td>1</td></tr></table>\n\n\
         ## Ghi chú\n\n\
         Hồ sơ xem thêm tại Văn phòng Sở.\n",
    );
}

#[test]
fn the_example_site_and_the_fixtures_give_no_accessibility_warning() {
    for site in [
        TestSite::example(),
        TestSite::fixture("basic"),
        TestSite::fixture("honours"),
    ] {
        let run = site.run(&["check", "--today", "2022-05-10", "--deny-warnings"]);
        for message in [
            "has no description",
            "link's text",
            "has no header row",
            "skips a level",
        ] {
            assert!(!run.stderr.contains(message), "{}", run.stderr);
        }
    }
}

#[test]
fn a_held_back_page_is_checked_too_as_warnings() {
    let site = site_with("---\ntitle: Nháp\ndraft: true\n---\n![](anh.png)\n");
    let run = site.build("2022-05-10");
    run.assert_ok();
    assert!(
        run.stderr.contains(
            "warning: content/tin-tuc/le-phat-dong/index.md:5:1: the image has no description"
        ),
        "{}",
        run.stderr
    );
}

/// The editors' guide (docs/huong-dan.md) follows its own advice: published
/// as a page, it passes every check with no warning.
#[test]
fn the_editors_guide_passes_its_own_checks() {
    let guide =
        std::fs::read_to_string(std::path::Path::new(common::REPO).join("docs/huong-dan.md"))
            .unwrap();
    // Its `# title` becomes the page's title, as a page's front matter gives it.
    let (title, body) = guide.split_once('\n').unwrap();
    let title = title.trim_start_matches("# ");
    assert_no_warning(&format!("---\ntitle: {title}\n---\n{body}"));
}
