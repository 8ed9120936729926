//! A new department's site in one command, with the theme built into the
//! binary: `bangvang init`, `bangvang theme export` and `theme diff`.

mod common;

use common::TestSite;

fn init(site: &TestSite, name: &str) -> common::Run {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bangvang"))
        .args(["init"])
        .arg(site.root())
        .args(["--name", name])
        .env("BANGVANG_LANG", "en")
        .output()
        .expect("the binary runs");
    common::Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn init_starts_a_site_that_builds_with_the_department_s_name_and_no_theme_folder() {
    let site = TestSite::empty();
    let run = init(&site, "Sở Giáo dục và Đào tạo tỉnh Nghệ An");
    run.assert_ok();
    for file in [
        "site.yaml",
        "content/_index.md",
        "content/phong-trao/_index.md",
        "content/tin-tuc/_index.md",
        "content/gioi-thieu.md",
        ".gitignore",
        "schemas/site.schema.json",
        "deploy/publish.yml",
        "deploy/nginx.conf",
        "deploy/publish.sh",
    ] {
        assert!(site.exists(file), "{file}");
    }
    assert!(
        run.stdout.contains("bangvang serve --root"),
        "{}",
        run.stdout
    );
    let config = site.read("site.yaml");
    assert!(
        config.contains("name: \"Sở Giáo dục và Đào tạo tỉnh Nghệ An\""),
        "{config}"
    );
    assert!(config.contains("parent: UBND tỉnh Nghệ An"), "{config}");
    assert!(
        !config.contains("Hà Tĩnh") && !config.contains("Nội vụ"),
        "{config}"
    );
    // The site's own workflow installs bangvang rather than building a checkout.
    let workflow = site.read("deploy/publish.yml");
    assert!(
        workflow.contains("cargo install --locked --git"),
        "{workflow}"
    );
    assert!(
        !workflow.contains("./target/release/bangvang"),
        "{workflow}"
    );

    site.build("2025-01-10").assert_ok();
    assert!(!site.exists("themes"));
    let home = site.read("public/index.html");
    assert!(
        home.contains("Sở Giáo dục và Đào tạo tỉnh Nghệ An"),
        "{home}"
    );
    assert!(
        !home.contains("Nội vụ") && !home.contains("Hà Tĩnh"),
        "{home}"
    );
    assert!(site.exists("public/phong-trao/index.html"));
    assert!(site.exists("public/khen-thuong/index.html"));
    let stylesheet = std::fs::read_dir(site.path("public"))
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("style."));
    assert!(stylesheet, "the built-in theme's stylesheet is published");
}

#[test]
fn init_writes_nothing_over_an_existing_site() {
    let site = TestSite::empty();
    site.write("content/_index.md", "---\ntitle: Của tôi\n---\n");
    let run = init(&site, "Sở Tư pháp tỉnh Quảng Trị");
    run.assert_content_error();
    assert!(
        run.stderr.contains("already exists; nothing was written"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("content/_index.md"), "---\ntitle: Của tôi\n---\n");
    assert!(!site.exists("site.yaml"));
}

#[test]
fn new_files_take_the_department_s_symbol_signer_and_place_from_site_yaml() {
    let site = TestSite::empty();
    init(&site, "Sở Giáo dục và Đào tạo tỉnh Nghệ An").assert_ok();
    site.run(&["new", "campaign", "ke-hoach-2025", "--today", "2025-01-10"])
        .assert_ok();
    let plan = site.read("content/phong-trao/ke-hoach-2025/index.md");
    assert!(plan.contains("number: \"/KH-SGDĐT\""), "{plan}");
    assert!(plan.contains("place: \"Nghệ An\""), "{plan}");
    assert!(plan.contains("signer: { title: Giám đốc"), "{plan}");
    assert!(!plan.contains("SNV") && !plan.contains("Nội vụ"), "{plan}");
    site.run(&[
        "new",
        "results",
        "ke-hoach-2025",
        "dot-1",
        "--today",
        "2025-01-10",
    ])
    .assert_ok();
    let list = site.read("content/phong-trao/ke-hoach-2025/dot-1.yaml");
    assert!(list.contains("…/QĐ-SGDĐT"), "{list}");
    assert!(
        list.contains("signer: Giám đốc Sở Giáo dục và Đào tạo"),
        "{list}"
    );

    // What site.yaml says wins over what the name suggests.
    let config = site.read("site.yaml").replace(
        "  # symbol: …",
        "  symbol: SGD&ĐT\n  head: Phó Giám đốc phụ trách\n  # symbol: …",
    );
    site.write("site.yaml", config);
    site.run(&["new", "campaign", "ke-hoach-2026", "--today", "2026-01-10"])
        .assert_ok();
    let plan = site.read("content/phong-trao/ke-hoach-2026/index.md");
    assert!(plan.contains("/KH-SGD&ĐT"), "{plan}");
    assert!(plan.contains("title: Phó Giám đốc phụ trách"), "{plan}");
}

#[test]
fn a_site_with_another_department_s_files_and_no_theme_builds() {
    // A Sở Tư pháp site: its own site.yaml (still saying `theme: default`) and
    // content, no themes/ folder.
    let site = TestSite::empty();
    site.write(
        "site.yaml",
        "title: Thi đua, khen thưởng — Sở Tư pháp tỉnh Quảng Trị\ntheme: default\norganization:\n  name: Sở Tư pháp tỉnh Quảng Trị\n",
    );
    site.write(
        "content/_index.md",
        "---\ntitle: Thi đua, khen thưởng\n---\n\nChuyên mục của Sở Tư pháp.\n",
    );
    site.build("2025-01-10").assert_ok();
    assert!(
        site.read("public/index.html")
            .contains("Sở Tư pháp tỉnh Quảng Trị")
    );
}

#[test]
fn a_named_theme_that_is_not_there_is_an_error_in_site_yaml() {
    let site = TestSite::empty();
    site.write("site.yaml", "title: T\ntheme: rieng\n");
    site.write("content/_index.md", "---\ntitle: T\n---\n");
    let run = site.build("2025-01-10");
    run.assert_content_error();
    assert!(
        run.stderr
            .contains("error: site.yaml:1:1: the theme `rieng` has no folder themes/rieng"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_site_replaces_a_built_in_template_or_static_file_by_file() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\n\nVăn bản.\n",
    );
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<p class=\"rieng\">Mẫu riêng</p>{{ page.content | safe }}{% endblock main %}",
    );
    site.write(
        "static/favicon.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.build("2022-05-10").assert_ok();
    let page = site.read("public/gioi-thieu/index.html");
    assert!(page.contains("<p class=\"rieng\">Mẫu riêng</p>"), "{page}");
    assert_eq!(
        site.read("public/favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
    );
}

#[test]
fn an_exported_theme_is_used_diffed_and_warned_about_when_the_built_in_one_changes() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\n\nVăn bản.\n",
    );
    site.run(&["theme", "export"]).assert_ok();
    assert!(site.exists("themes/default/templates/base.html"));
    assert!(site.exists("themes/default/static/style.css"));
    // Exporting again would overwrite: refused.
    let again = site.run(&["theme", "export"]);
    again.assert_content_error();
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);

    let diff = site.run(&["theme", "diff"]);
    diff.assert_ok();
    assert!(
        diff.stdout.contains("are the built-in ones"),
        "{}",
        diff.stdout
    );

    let page = site.read("themes/default/templates/page.html");
    site.write(
        "themes/default/templates/page.html",
        page.replace("{% block main %}", "{% block main %}<p>Đã sửa</p>"),
    );
    site.build("2022-05-10").assert_ok();
    assert!(
        site.read("public/gioi-thieu/index.html")
            .contains("<p>Đã sửa</p>")
    );
    let diff = site.run(&["theme", "diff"]);
    assert!(
        diff.stdout
            .contains("+++ themes/default/templates/page.html"),
        "{}",
        diff.stdout
    );
    assert!(
        diff.stdout.contains("+{% block main %}<p>Đã sửa</p>"),
        "{}",
        diff.stdout
    );

    // A newer bangvang whose page.html is not the one exported: the manifest
    // records another original.
    let manifest = site.read("themes/default/.bangvang-theme");
    let manifest: String = manifest
        .lines()
        .map(|l| {
            if l.starts_with("templates/page.html ") {
                "templates/page.html 0000000000000000".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    site.write("themes/default/.bangvang-theme", manifest);
    let run = site.build("2022-05-10");
    run.assert_ok();
    assert!(
        run.stderr.contains("warning: themes/default/templates/page.html: the built-in theme's `templates/page.html` has changed since this copy was exported"),
        "{}",
        run.stderr
    );
    let diff = site.run(&["theme", "diff"]);
    assert!(
        diff.stdout
            .contains("the built-in file has changed since this copy was exported"),
        "{}",
        diff.stdout
    );
}

#[test]
fn init_speaks_vietnamese_by_default() {
    let site = TestSite::empty();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bangvang"))
        .arg("init")
        .arg(site.root())
        .args(["--name", "Sở Tư pháp tỉnh Quảng Trị"])
        .env_remove("BANGVANG_LANG")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains("Trang web của Sở Tư pháp tỉnh Quảng Trị đã sẵn sàng. Các bước tiếp theo:"),
        "{stdout}"
    );
    assert!(stdout.contains("1. bangvang serve --root"), "{stdout}");
    assert!(stdout.contains("đã ghi "), "{stdout}");
    assert!(!stdout.contains("wrote "), "{stdout}");
}
