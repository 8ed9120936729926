//! Issue 21: the site's search, `/tim-kiem/`, on another department's site
//! (tests/fixtures/search: a Sở Tư pháp with news, a campaign, a decided
//! list, a draft page, a draft list and a page scheduled after the build's
//! day). The browser tests type and open queries in Chromium
//! (tests/browser/site-search.mjs) and check what a reader sees and what the
//! page loaded.

mod common;

use std::ffi::OsStr;

use common::{TestSite, browser_available};
use serde_json::Value;

const TODAY: &str = "2024-12-31";

/// Words only the held-back documents contain.
const HELD_BACK: [&str; 3] = ["xylophonbimat", "quyhenlaidang", "zanhsachnhap"];

fn built() -> TestSite {
    let site = TestSite::fixture("search");
    site.build(TODAY).assert_ok();
    site
}

/// Every file of the output under `tim-kiem/`, with its text.
fn search_files(site: &TestSite) -> Vec<(String, String)> {
    site.output_files()
        .into_iter()
        .filter(|(path, _)| path.starts_with("tim-kiem/"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn every_published_document_is_shown_and_held_back_ones_are_in_no_file() {
    let site = built();
    let files = search_files(&site);
    let in_folder = |folder: &str| -> Vec<&(String, String)> {
        files
            .iter()
            .filter(|(p, _)| p.starts_with(folder))
            .collect()
    };
    // What the results show: the seven documents (home, two sections, two
    // news, the campaign and its decided list) in one file of 64.
    let documents = in_folder("tim-kiem/tai-lieu/");
    assert_eq!(
        documents.len(),
        1,
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    let (_, shown) = documents[0];
    let json = shown
        .strip_prefix("BANGVANG_SEARCH.documents(0,")
        .and_then(|s| s.trim_end().strip_suffix(");"))
        .unwrap();
    let shown: Value = serde_json::from_str(json).unwrap();
    let shown = shown.as_array().unwrap();
    assert_eq!(shown.len(), 7);
    let titles: Vec<&str> = shown.iter().map(|d| d[1].as_str().unwrap()).collect();
    for title in [
        "Hội nghị biểu dương điển hình tiên tiến ngành Tư pháp năm 2023",
        "Kế hoạch phát động phong trào thi đua ngành Tư pháp năm 2024",
        "Danh sách khen thưởng phong trào thi đua năm 2024",
    ] {
        assert!(titles.contains(&title), "{title}: {titles:?}");
    }
    let news = shown
        .iter()
        .find(|d| d[1] == "Hội nghị biểu dương điển hình tiên tiến ngành Tư pháp năm 2023")
        .unwrap();
    assert_eq!(news[0], "tin-tuc/hoi-nghi-bieu-duong/index.html");
    assert_eq!(news[2], "Tin tức");
    assert_eq!(news[3], "20/11/2023");
    assert_eq!(news[4], 0, "a short page's excerpt is read from the page");
    // The list has a fragment, which holds what its page publishes: names,
    // units, the decision; the pages have none.
    let fragments = in_folder("tim-kiem/trang/");
    assert_eq!(fragments.len(), 1, "{fragments:?}");
    let list = shown.iter().position(|d| d[4] == 1).unwrap();
    assert_eq!(fragments[0].0, format!("tim-kiem/trang/{list}.js"));
    let all = &fragments[0].1;
    assert!(
        all.contains("Hoàng Văn Dục, Trợ giúp viên pháp lý, Trung tâm Trợ giúp pháp lý nhà nước")
    );
    assert!(all.contains("Quyết định số 120/QĐ-STP"));
    // Nothing of a draft or of a page dated after today, in any file of the
    // search, folded or not.
    for (path, text) in &files {
        let lower = text.to_lowercase();
        for word in HELD_BACK {
            assert!(!lower.contains(word), "{path} holds {word}");
        }
        assert!(!text.contains("bản nháp"), "{path}");
    }
    // The list of parts names every part written, with its size.
    let index = site.read("public/tim-kiem/chi-muc.js");
    let json = index
        .strip_prefix("window.BANGVANG_SEARCH_INDEX=")
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .unwrap();
    let index: Value = serde_json::from_str(json).unwrap();
    assert_eq!(index["documents"], 7);
    let parts: Vec<&(String, String)> = files
        .iter()
        .filter(|(p, _)| p.starts_with("tim-kiem/chi-muc/"))
        .collect();
    assert_eq!(index["parts"].as_array().unwrap().len(), parts.len());
    for part in index["parts"].as_array().unwrap() {
        let key = part[0].as_str().unwrap();
        let own = part[2] == 1;
        let name = format!("tim-kiem/chi-muc/{}{key}.js", if own { "w-" } else { "p-" });
        let (_, text) = parts.iter().find(|(p, _)| *p == name).expect(&name);
        assert_eq!(part[1].as_u64().unwrap() as usize, text.len(), "{name}");
    }
}

#[test]
fn a_draft_published_with_drafts_is_found_and_two_builds_are_identical() {
    let site = built();
    let first = search_files(&site);
    site.build(TODAY).assert_ok();
    assert_eq!(
        first,
        search_files(&site),
        "the search files are deterministic"
    );
    site.run(&["build", "--today", TODAY, "--drafts"])
        .assert_ok();
    let all: String = search_files(&site).into_iter().map(|(_, t)| t).collect();
    assert!(all.to_lowercase().contains("xylophonbimat"));
}

#[test]
fn every_page_has_a_search_box_that_leads_to_the_search_page() {
    let site = built();
    for page in [
        "public/index.html",
        "public/tin-tuc/hoi-nghi-bieu-duong/index.html",
        "public/khen-thuong/index.html",
        "public/phong-trao/ke-hoach-2024/ca-nam/index.html",
    ] {
        let html = site.read(page);
        let form = &html[html.find("<form class=\"header-search\"").expect(page)..];
        let form = &form[..form.find("</form>").unwrap()];
        assert!(
            form.contains("role=\"search\"") && form.contains("name=\"q\""),
            "{page}"
        );
        assert!(form.contains("tim-kiem/index.html\""), "{page}: {form}");
        assert!(form.contains("<label for=\"o-tim-kiem\""), "{page}");
    }
    // The search page: a labelled box, an explanation for a browser without
    // JavaScript, and scripts only from files.
    let html = site.read("public/tim-kiem/index.html");
    assert!(html.contains("<label for=\"tu-khoa\">"));
    assert!(html.contains("JavaScript đang tắt"));
    for script in html.split("<script").skip(1) {
        assert!(
            script.trim_start().starts_with("src="),
            "an inline script: {script}"
        );
    }
    assert!(!html.contains(" style="), "no inline style");
}

#[test]
fn a_content_file_under_the_search_folder_is_refused() {
    let site = TestSite::fixture("search");
    site.write(
        "content/tim-kiem/chi-muc/p-th.md",
        "---\ntitle: Chen vào\n---\n",
    );
    let run = site.build(TODAY);
    run.assert_content_error();
    assert!(
        run.stderr
            .contains("an address the build uses for a page of its own"),
        "{}",
        run.stderr
    );
}

fn in_browser(site: &TestSite, mode: &str, queries: &[&str]) -> Vec<Value> {
    let public = site.path("public");
    let mut args = vec![public.as_os_str(), OsStr::new(mode)];
    args.extend(queries.iter().map(OsStr::new));
    let results = common::browser_script("site-search.mjs", args);
    results.as_array().unwrap().clone()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn queries_typed_with_or_without_diacritics_find_the_right_pages_in_a_real_browser() {
    if !browser_available() {
        return;
    }
    let site = built();
    let news = "Hội nghị biểu dương điển hình tiên tiến ngành Tư pháp năm 2023";
    let campaign = "Kế hoạch phát động phong trào thi đua ngành Tư pháp năm 2024";
    let list = "Danh sách khen thưởng phong trào thi đua năm 2024";
    let results = in_browser(
        &site,
        "type",
        &[
            "hoi nghi bieu duong",
            "thi dua nganh tu phap",
            "điển hinh tien tiến",
            "ĐIỂN HÌNH",
            "Đức",
            "duc",
            "120/QĐ-STP",
        ],
    );
    for r in &results {
        assert_eq!(r["errors"].as_array().unwrap().len(), 0, "{r}");
    }
    let titles = |i: usize| strings(&results[i]["titles"]);
    // A title typed without diacritics: the news, and only it (the other
    // news has "biểu dương" but not "hội nghị").
    assert_eq!(titles(0), [news]);
    assert_eq!(
        results[0]["hrefs"][0],
        "../tin-tuc/hoi-nghi-bieu-duong/index.html"
    );
    assert_eq!(strings(&results[0]["kinds"]), ["Tin tức · 20/11/2023"]);
    let marks = strings(&results[0]["marks"]);
    assert!(
        ["Hội", "nghị", "biểu", "dương"]
            .iter()
            .all(|w| marks.contains(&w.to_string()))
    );
    // "thi dua nganh tu phap": the campaign, whose title has every word,
    // first; "đ" typed as "d".
    assert_eq!(titles(1)[0], campaign);
    assert!(
        !titles(1).contains(&list.to_owned()),
        "the list has no “ngành”"
    );
    // Mixed diacritics and case.
    assert_eq!(titles(2), [news]);
    assert_eq!(titles(3)[0], news);
    // "Đức" with its diacritics: the pages that spell Đức first (the list
    // and the news), then those with only "dục" (giáo dục); without
    // diacritics the same pages, newest first.
    let exact = titles(4);
    assert_eq!(&exact[..2], [list, news]);
    assert!(exact[2..].contains(&"Tập huấn nghiệp vụ công tác thi đua, khen thưởng".to_owned()));
    let folded = titles(5);
    assert_eq!(folded.len(), exact.len());
    assert_eq!(folded[0], list, "newest first");
    // A decision number finds its list.
    assert_eq!(titles(6), [list]);
    // The typed query is in the address.
    assert_eq!(results[0]["url"], "?q=hoi+nghi+bieu+duong");
    // What one query fetches (opened by its address in a fresh browser, so
    // that no query typed on the way adds to it): the list of parts, the
    // site's one part, the file of what results show, and the news page
    // itself for its excerpt (a short page has no fragment); within the
    // budget.
    let fetched = in_browser(&site, "url", &["hoi nghi bieu duong", "120/QĐ-STP"]);
    let files = strings(&fetched[0]["files"]);
    assert_eq!(
        files,
        [
            "tim-kiem/chi-muc.js",
            "tim-kiem/chi-muc/p-.js",
            "tim-kiem/tai-lieu/0.js",
            "tin-tuc/hoi-nghi-bieu-duong/index.html",
        ],
    );
    let bytes = fetched[0]["bytes"].as_u64().unwrap();
    assert!(bytes > 0 && bytes <= 300 * 1024, "{bytes}");
    assert!(fetched[0]["gzipBytes"].as_u64().unwrap() < bytes);
    assert_eq!(
        strings(&fetched[0]["marks"]).len(),
        marks.len(),
        "the excerpt is marked"
    );
    // A list's excerpt is its fragment's: the decision number's query loads
    // it, and no page.
    let files = strings(&fetched[1]["files"]);
    assert!(
        files.iter().any(|f| f.starts_with("tim-kiem/trang/")),
        "{files:?}"
    );
    assert!(!files.iter().any(|f| f.ends_with(".html")), "{files:?}");

    // Held back documents are never found.
    for r in in_browser(&site, "url", &HELD_BACK) {
        assert_eq!(r["titles"].as_array().unwrap().len(), 0, "{r}");
        assert!(
            r["status"].as_str().unwrap().starts_with("Không tìm thấy"),
            "{r}"
        );
    }
}

#[test]
fn the_scripts_keys_are_the_builds() {
    if !browser_available() {
        return;
    }
    let site = built();
    let words = [
        "Đức",
        "dục",
        "hoà",
        "hòa",
        "Thuỷ",
        "THỦY",
        "khoẻ",
        "Nguyễn",
        "NGUYỄN",
        "ngưỡng",
        "Ấp",
        "đường",
        "QĐ",
        "2024",
        "Ỷ",
        "quốc",
        "giữ",
    ];
    let decomposed: String = unicode_normalization::UnicodeNormalization::nfd("Nguyễn").collect();
    let mut all: Vec<&str> = words.to_vec();
    all.push(&decomposed);
    let public = site.path("public");
    let mut args = vec![public.as_os_str(), OsStr::new("keys")];
    args.extend(all.iter().map(OsStr::new));
    let keys: Vec<(String, String)> =
        serde_json::from_value(common::browser_script("site-search.mjs", args)).unwrap();
    for (word, (folded, spelled)) in all.iter().zip(keys) {
        assert_eq!(folded, bangvang::text::search::folded(word), "{word}");
        assert_eq!(spelled, bangvang::text::search::spelled(word), "{word}");
    }
}

/// The roll of honour ranks its rows as the site's search ranks pages: "Đức"
/// typed with its diacritics puts Phạm Minh Đức before Hoàng Văn Dục, and a
/// name before a position that has the word ("giáo dục"); "dục" puts the
/// position spelt so before the name that only folds alike; typed without
/// diacritics, the two names are alike and the roll's order decides.
#[test]
fn the_roll_ranks_its_rows_as_the_search_ranks_pages() {
    if !browser_available() {
        return;
    }
    let site = built();
    let names = |query: &str| -> Vec<String> {
        let public = site.path("public");
        let found = common::browser_script("roll-search.mjs", [public.as_os_str(), query.as_ref()]);
        assert_eq!(found["errors"].as_array().unwrap().len(), 0, "{found}");
        strings(&found["individuals"])
    };
    assert_eq!(
        names("Đức"),
        ["Phạm Minh Đức", "Hoàng Văn Dục", "Ngô Thị Lan"]
    );
    assert_eq!(
        names("dục"),
        ["Hoàng Văn Dục", "Ngô Thị Lan", "Phạm Minh Đức"]
    );
    let folded = names("duc");
    assert_eq!(folded.len(), 3);
    assert_eq!(folded[2], "Ngô Thị Lan", "a name before a position");
    // Tone placement: "hoà" and "hòa" spell one word, which comes before
    // the name it only begins ("Hoàng").
    assert_eq!(names("hòa"), ["Lê Thị Hoà", "Hoàng Văn Dục"]);
    assert_eq!(names("hoà"), ["Lê Thị Hoà", "Hoàng Văn Dục"]);
}
