//! An education department reports by school year (năm học, from 1
//! September): `reporting_year: school` groups the roll's filter, its rows and
//! the unit pages by it. The open data keeps the calendar year.

mod common;

use common::TestSite;

fn site(reporting_year: Option<&str>) -> TestSite {
    let site = TestSite::fixture("honours");
    if let Some(kind) = reporting_year {
        let config = site.read("site.yaml");
        site.write("site.yaml", format!("{config}reporting_year: {kind}\n"));
    }
    // dot-1.yaml is decided on 2023-07-14: school year 2022-2023. A second
    // list decided on 2023-09-05 falls in 2023-2024.
    let list = site.read("content/phong-trao/ke-hoach-2023/dot-1.yaml");
    site.write(
        "content/phong-trao/ke-hoach-2023/dau-nam-hoc.yaml",
        list.replace("date: 2023-07-14", "date: 2023-09-05")
            .replace("phase: dot-1\n", ""),
    );
    site
}

#[test]
fn a_school_year_site_groups_honours_by_school_year() {
    let site = site(Some("school"));
    site.build("2023-12-01").assert_ok();
    let roll = site.read("public/khen-thuong/index.html");
    assert!(
        roll.contains("<label for=\"loc-nam\">Năm học</label>"),
        "{roll}"
    );
    assert!(
        roll.contains("<option value=\"2023\">2023-2024</option>"),
        "{roll}"
    );
    assert!(
        roll.contains("<option value=\"2022\">2022-2023</option>"),
        "{roll}"
    );
    let unit = site.read("public/don-vi/van-phong/index.html");
    assert!(unit.contains("Năm học 2023-2024"), "{unit}");
    assert!(unit.contains("Năm học 2022-2023"), "{unit}");
    // The open data's `year` is the calendar year of the decision.
    let csv = site.read("public/khen-thuong/danh-sach.csv");
    assert!(csv.contains(",2023,"), "{csv}");
    assert!(!csv.contains(",2022,"), "{csv}");
}

#[test]
fn a_calendar_year_site_is_as_before() {
    let site = site(None);
    site.build("2023-12-01").assert_ok();
    let roll = site.read("public/khen-thuong/index.html");
    assert!(
        roll.contains("<label for=\"loc-nam\">Năm</label>"),
        "{roll}"
    );
    assert!(
        roll.contains("<option value=\"2023\">2023</option>"),
        "{roll}"
    );
    assert!(!roll.contains("2022-2023"), "{roll}");
    let unit = site.read("public/don-vi/van-phong/index.html");
    assert!(unit.contains("Năm 2023"), "{unit}");
}

#[test]
fn an_unknown_reporting_year_is_an_error_at_its_value() {
    let site = site(Some("hoc"));
    let run = site.run_with_env(
        &["build", "--today", "2023-12-01"],
        &[("BANGVANG_LANG".into(), "en".into())],
    );
    run.assert_content_error();
    assert!(run.stderr.contains("site.yaml:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("calendar") && run.stderr.contains("school"),
        "{}",
        run.stderr
    );
}
