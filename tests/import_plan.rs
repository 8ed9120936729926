//! `bangvang import plan`: the plan's own Word file (or its text) becomes the
//! campaign's index.md. The fixtures are in tests/import-plan/ (NOTES.md says
//! how each was made and what it must give); the seed plan must give the
//! example site's own campaign, content/phong-trao/2022/index.md, field for
//! field, and every import must build.

mod common;

use std::path::Path;

use common::{REPO, TestSite};
use yaml_rust2::{Yaml, YamlLoader};

fn fixture(name: &str) -> String {
    Path::new(REPO)
        .join("tests/import-plan")
        .join(name)
        .display()
        .to_string()
}

/// The small site of the bad-input corpus: enough to build a campaign.
fn site() -> TestSite {
    let site = TestSite::empty();
    common::copy_dir(&Path::new(REPO).join("tests/bad-input/_base"), site.root());
    site
}

fn import(site: &TestSite, file: &str, campaign: &str) -> common::Run {
    site.run(&["import", "plan", &fixture(file), "--campaign", campaign])
}

/// The front matter and the body of a page.
fn split(page: &str) -> (Yaml, String) {
    let rest = page.strip_prefix("---\n").expect("front matter");
    let (front, body) = rest.split_once("\n---\n").expect("front matter's end");
    let yaml = YamlLoader::load_from_str(front).unwrap().remove(0);
    (yaml, body.trim_start_matches('\n').to_owned())
}

fn key<'a>(yaml: &'a Yaml, key: &str) -> &'a Yaml {
    &yaml[key]
}

/// The fields a plan says, compared one by one so a failure names its field.
#[track_caller]
fn assert_same_campaign(got: &Yaml, want: &Yaml, what: &str) {
    for field in [
        "title",
        "subject",
        "number",
        "issued",
        "place",
        "signer",
        "motto",
        "basis",
        "recipients",
    ] {
        assert_eq!(key(got, field), key(want, field), "{what}: `{field}`");
    }
    let (got_phases, want_phases) = (
        got["phases"].as_vec().expect("phases"),
        want["phases"].as_vec().unwrap(),
    );
    assert_eq!(got_phases.len(), want_phases.len(), "{what}: phases");
    for (i, (g, w)) in got_phases.iter().zip(want_phases).enumerate() {
        for field in ["id", "name", "start", "end", "review_by", "goal", "review"] {
            assert_eq!(g[field], w[field], "{what}: phase {} `{field}`", i + 1);
        }
        let (gm, wm) = (
            g["milestones"].as_vec().unwrap(),
            w["milestones"].as_vec().unwrap(),
        );
        assert_eq!(gm.len(), wm.len(), "{what}: phase {} milestones", i + 1);
        for (m, (a, b)) in gm.iter().zip(wm).enumerate() {
            for field in ["date", "since", "title"] {
                assert_eq!(
                    a[field],
                    b[field],
                    "{what}: phase {} milestone {} `{field}`",
                    i + 1,
                    m + 1
                );
            }
        }
    }
    // Targets are read as their items' text: each is one of the document's,
    // in its order, with its group.
    let texts = |y: &Yaml| -> Vec<(String, String)> {
        y["targets"]
            .as_vec()
            .map(|v| {
                v.iter()
                    .map(|t| {
                        (
                            t["of"].as_str().unwrap_or("").to_owned(),
                            t["text"].as_str().unwrap_or("").to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let wanted = texts(want);
    let mut from = 0;
    for target in texts(got) {
        let at = wanted[from..]
            .iter()
            .position(|w| *w == target)
            .unwrap_or_else(|| panic!("{what}: target {target:?} is not one of the plan's"));
        from += at + 1;
    }
    // A target's award and percent, when read, are the plan's (award names
    // as the document writes them, whose case may differ).
    for target in got["targets"].as_vec().into_iter().flatten() {
        let Some(award) = target["award"].as_str() else {
            continue;
        };
        let same = want["targets"]
            .as_vec()
            .unwrap()
            .iter()
            .find(|w| w["text"] == target["text"])
            .unwrap();
        assert_eq!(
            same["award"].as_str().map(str::to_lowercase),
            Some(award.to_lowercase()),
            "{what}: {award}"
        );
        assert_eq!(same["percent"], target["percent"], "{what}: {award}");
    }
    assert_eq!(got["draft"], Yaml::Boolean(true), "{what}: a draft");
}

fn example_campaign() -> (Yaml, String) {
    let page =
        std::fs::read_to_string(Path::new(REPO).join("content/phong-trao/2022/index.md")).unwrap();
    split(&page)
}

#[test]
fn the_seed_plan_as_word_gives_the_example_campaign() {
    let (want, _) = example_campaign();
    let body = std::fs::read_to_string(fixture("seed-plan.expected-body.md")).unwrap();
    for file in [
        "seed-plan.docx",
        "seed-plan-libreoffice.docx",
        "seed-plan-nfd.docx",
    ] {
        let site = site();
        let run = import(&site, file, "ke-hoach-2022");
        run.assert_ok();
        assert!(
            run.stdout.contains("ke-hoach-2022/index.md (a draft"),
            "{}",
            run.stdout
        );
        // Phan Đĩnh Phùng's day is before phase 2 starts: kept, and said.
        assert!(
            run.stderr.contains("warning:")
                && run.stderr.contains("“ngày sinh Đĩnh nguyên Tiến sỹ Phan Đĩnh Phùng” (06/06/2022) is outside its phase “Đợt thi đua thứ hai”"),
            "{}",
            run.stderr
        );
        let (got, got_body) = split(&site.read("content/phong-trao/ke-hoach-2022/index.md"));
        assert_same_campaign(&got, &want, file);
        assert_eq!(got_body, body, "{file}: the body");
        assert_eq!(
            got["attachments"][0]["file"].as_str(),
            Some(file),
            "{file}: the original beside it"
        );
        assert_eq!(
            std::fs::read(site.path("content/phong-trao/ke-hoach-2022").join(file)).unwrap(),
            std::fs::read(fixture(file)).unwrap()
        );
    }
}

#[test]
fn the_seed_plan_as_text_gives_the_example_campaign_and_its_body() {
    let (want, want_body) = example_campaign();
    let site = site();
    let text =
        Path::new(REPO).join("content/phong-trao/2022/ke-hoach-thi-dua-2022-so-noi-vu-ha-tinh.txt");
    let run = site.run(&[
        "import",
        "plan",
        &text.display().to_string(),
        "--campaign",
        "k2022",
    ]);
    run.assert_ok();
    let (got, body) = split(&site.read("content/phong-trao/k2022/index.md"));
    assert_same_campaign(&got, &want, "the .txt");
    assert_eq!(body, want_body);
}

#[test]
fn another_departments_plan_with_three_phases_and_a_school_year() {
    let want = YamlLoader::load_from_str(
        &std::fs::read_to_string(fixture("other-plan.expected.yaml")).unwrap(),
    )
    .unwrap()
    .remove(0);
    for (file, body) in [
        ("other-plan.docx", "other-plan.expected-body.md"),
        ("other-plan.txt", "other-plan.txt.expected-body.md"),
    ] {
        let site = site();
        import(&site, file, "nam-hoc-2024-2025").assert_ok();
        let (got, got_body) = split(&site.read("content/phong-trao/nam-hoc-2024-2025/index.md"));
        assert_same_campaign(&got, &want, file);
        assert_eq!(
            got_body,
            std::fs::read_to_string(fixture(body)).unwrap(),
            "{file}: the body"
        );
        // It builds, with the commemorations' computed anniversaries.
        site.run(&["build", "--drafts", "--today", "2024-10-01"])
            .assert_ok();
        let html = site.read("public/phong-trao/nam-hoc-2024-2025/index.html");
        for words in [
            "Đổi mới, sáng tạo trong quản lý, giảng dạy và học tập",
            "Ngày Nhà giáo Việt Nam",
            "KT. GIÁM ĐỐC",
            "Lê Thị Thu Hà",
        ] {
            assert!(html.contains(words), "{file}: {words}");
        }
    }
}

#[test]
fn an_import_builds_and_stays_a_draft_until_the_editor_says() {
    let site = site();
    import(&site, "seed-plan.docx", "k2022").assert_ok();
    let run = site.run(&["build", "--today", "2022-03-01"]);
    run.assert_ok();
    assert!(!site.exists("public/phong-trao/k2022/index.html"));
    site.run(&["build", "--drafts", "--today", "2022-03-01"])
        .assert_ok();
    let html = site.read("public/phong-trao/k2022/index.html");
    assert!(html.contains("Phan Thị Tô Hoa"));
    assert!(html.contains("Ngày thành lập Đảng Cộng sản Việt Nam"));
    assert!(site.exists("public/phong-trao/k2022/seed-plan.docx"));
}

#[test]
fn an_existing_page_is_replaced_only_with_force() {
    let site = site();
    import(&site, "seed-plan.docx", "k2022").assert_ok();
    site.write("content/phong-trao/k2022/index.md", "edited by hand");
    let run = import(&site, "seed-plan.docx", "k2022");
    run.assert_content_error();
    assert!(
        run.stderr
            .contains("the file is already there: nothing was written"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("give --force to replace it"));
    assert_eq!(
        site.read("content/phong-trao/k2022/index.md"),
        "edited by hand"
    );
    site.run(&[
        "import",
        "plan",
        &fixture("seed-plan.docx"),
        "--campaign",
        "k2022",
        "--force",
    ])
    .assert_ok();
    assert!(
        site.read("content/phong-trao/k2022/index.md")
            .starts_with("---\n")
    );
    // --output names the page; the original goes beside it.
    site.run(&[
        "import",
        "plan",
        &fixture("other-plan.docx"),
        "--campaign",
        "x",
        "--output",
        &site
            .path("content/phong-trao/khac/index.md")
            .display()
            .to_string(),
    ])
    .assert_ok();
    assert!(site.exists("content/phong-trao/khac/other-plan.docx"));
}

#[test]
fn fields_not_in_the_plan_are_marked_not_invented() {
    let site = site();
    // A plan pasted without its header and signature block.
    site.write(
        "ke-hoach.txt",
        "KẾ HOẠCH\nthi đua năm 2025\n\nI. MỤC ĐÍCH\n\na) Đợt thi đua thứ nhất (từ ngày 01/3/2025 đến ngày 30/6/2025): thi đua lập thành tích chào mừng 50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025).\n",
    );
    let run = site.run(&[
        "import",
        "plan",
        &site.path("ke-hoach.txt").display().to_string(),
        "--campaign",
        "k2025",
    ]);
    run.assert_ok();
    for todo in [
        "number: no “Số: …” in the header (before “KẾ HOẠCH”)",
        "issued: no “…, ngày … tháng … năm …” in the header",
        "signer: no signature block",
        "recipients: no “Nơi nhận:” after the body",
        "motto: no “Chủ đề thi đua”",
        "phases[1].review_by: no “hoàn thành trước ngày …” in “Đợt thi đua thứ nhất”",
    ] {
        assert!(run.stdout.contains(todo), "{todo}: {}", run.stdout);
    }
    let page = site.read("content/phong-trao/k2025/index.md");
    assert!(
        page.contains("# TODO: không có “Số: …” ở phần đầu văn bản (trước “KẾ HOẠCH”)\n# number: "),
        "{page}"
    );
    let (yaml, _) = split(&page);
    assert!(yaml["number"].is_badvalue() && yaml["signer"].is_badvalue());
    site.run(&["build", "--drafts", "--today", "2025-03-01"])
        .assert_ok();
}

#[test]
fn the_import_speaks_vietnamese_by_default() {
    let site = site();
    let vi = [("BANGVANG_LANG".to_owned(), "vi".to_owned())];
    let run = site.run_with_env(
        &[
            "import",
            "plan",
            &fixture("seed-plan.docx"),
            "--campaign",
            "k2022",
        ],
        &vi,
    );
    run.assert_ok();
    assert!(run.stdout.starts_with("đã ghi "), "{}", run.stdout);
    assert!(
        run.stderr.contains("cảnh báo: ") && run.stderr.contains("vẫn giữ trong đợt này"),
        "{}",
        run.stderr
    );
    let run = site.run_with_env(
        &[
            "import",
            "plan",
            &fixture("broken/bad-date.docx"),
            "--campaign",
            "x",
        ],
        &vi,
    );
    assert!(
        run.stderr.contains(
            "31/02/2024 không phải là một ngày có trên lịch: tháng 2 năm 2024 chỉ có 29 ngày"
        ),
        "{}",
        run.stderr
    );
    let help = site.run_with_env(&["import", "plan", "--help"], &vi);
    assert!(
        help.stdout.contains("Tên thư mục của phong trào thi đua"),
        "{}",
        help.stdout
    );
    let en = site.run_with_env(&["--lang", "en", "import", "plan", "--help"], &[]);
    assert!(
        en.stdout.contains("The campaign's folder name"),
        "{}",
        en.stdout
    );
}

/// Broken plans: refused with where the document says it, nothing written.
#[test]
fn broken_plans_are_refused_where_they_are_wrong() {
    for (file, said) in [
        (
            "broken/no-phases.docx",
            "(“IV. THỜI GIAN VÀ CÁC ĐỢT THI ĐUA”): the plan has no phase (no “Đợt thi đua …” in it); a campaign needs at least one",
        ),
        (
            "broken/bad-date.docx",
            "(“từ ngày 31/02/2024 đến ngày 30/4/2024”): 31/02/2024 is not a date: month 2 of 2024 has 29 days",
        ),
        (
            "broken/anniversary-mismatch.docx",
            "the plan says “95 năm” but 03/02/1930 - 03/02/2024 is 94 years; the site prints the computed number",
        ),
        (
            "broken/not-a-plan.docx",
            "(“V/v đăng ký thi đua và sơ kết Đợt thi đu…”): this is not a plan: there is no “KẾ HOẠCH” title (it reads like an official letter",
        ),
        (
            "broken/not-a-zip.docx",
            "not a Word (.docx) file: the file is plain text, not a ZIP package",
        ),
        (
            "broken/word-97-renamed.docx",
            "open it in Word or LibreOffice and save it as .docx",
        ),
    ] {
        let site = site();
        let run = import(&site, file, "x");
        run.assert_content_error();
        assert!(run.stderr.contains(said), "{file}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("the plan was not imported: nothing was written"),
            "{file}"
        );
        assert!(!site.exists("content/phong-trao/x"), "{file}: written");
    }
    let site = site();
    let run = import(&site, "broken/anniversary-mismatch.docx", "x");
    assert!(
        run.stderr
            .contains("(“95 năm Ngày thành lập Đảng (03/02/1930"),
        "{}",
        run.stderr
    );
}

/// Hostile files: each refused with the limit it hit, in bounded time and
/// memory (the limits are what bound them: 64 MB inflated, 256 levels).
#[test]
fn hostile_files_are_refused_with_the_limit_they_hit() {
    for (file, said) in [
        (
            "hostile/zip-bomb.docx",
            "the part `word/document.xml` inflates to more than 64 MB: refused",
        ),
        // Its headers claim 4 KB: the zip reader stops at the declared size
        // and finds the data longer.
        (
            "hostile/zip-bomb-lying-size.docx",
            "the Word (.docx) file is damaged and cannot be opened (word/document.xml: File is larger than its declared uncompressed size)",
        ),
        (
            "hostile/billion-laughs.docx",
            "the part `word/document.xml` declares a DOCTYPE, which office files never do: refused",
        ),
        (
            "hostile/external-entity.docx",
            "the part `word/document.xml` declares a DOCTYPE",
        ),
        (
            "hostile/nested-tables.docx",
            "the part `word/document.xml` nests its elements more than 256 deep (tables inside tables): refused",
        ),
        (
            "hostile/huge-document.docx",
            "the part `word/document.xml` inflates to more than 64 MB: refused",
        ),
    ] {
        let site = site();
        let run = import(&site, file, "x");
        run.assert_content_error();
        assert!(run.stderr.contains(said), "{file}: {}", run.stderr);
        assert!(!run.stderr.contains("root:x:0:0"));
        assert!(!site.exists("content/phong-trao/x"), "{file}: written");
    }
    // Entries named ../../… are never extracted: the plan in it imports on
    // its own merits, and nothing appears outside the page's folder.
    let site = site();
    import(&site, "hostile/zip-slip.docx", "x").assert_ok();
    assert!(!Path::new("/tmp/bangvang-zip-slip.txt").exists());
    assert!(!Path::new("/tmp/bangvang-zip-slip-absolute.txt").exists());
    let files: Vec<_> = std::fs::read_dir(site.path("content/phong-trao/x"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
}

#[test]
fn a_campaign_name_that_is_not_a_slug_is_refused() {
    let site = site();
    let run = import(&site, "seed-plan.docx", "Kế hoạch 2022");
    run.assert_content_error();
    assert!(run.stderr.contains("try `ke-hoach-2022`"), "{}", run.stderr);
}
