//! `bangvang new` scaffolds and `bangvang schema`: what editors' tools get.

mod common;

use std::path::Path;

use bangvang::decode::{front_matter, yaml};
use bangvang::load::source;
use common::{REPO, TestSite};

fn schema(name: &str) -> jsonschema::Validator {
    let (_, value) = bangvang::schema::all()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap();
    jsonschema::validator_for(&value).expect("a valid JSON Schema")
}

/// The YAML of a file (its front matter for Markdown) as JSON.
fn yaml_of(path: &Path) -> serde_json::Value {
    let text = source::read_text(path, path).unwrap();
    let node = if path.extension().is_some_and(|e| e == "md") {
        let split = front_matter::split(&text.text, path).unwrap();
        yaml::parse(split.yaml, split.yaml_line, path).unwrap()
    } else {
        yaml::parse(&text.text, 1, path).unwrap()
    };
    bangvang::schema::yaml_to_json(&node)
}

fn errors(validator: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_schemas_accept_every_example_file_of_the_repository() {
    let (page, campaign, results, site) = (
        schema("page.schema.json"),
        schema("campaign.schema.json"),
        schema("results.schema.json"),
        schema("site.schema.json"),
    );
    let mut checked = 0;
    for dir in ["content", "tests/fixtures"] {
        for entry in walkdir::WalkDir::new(Path::new(REPO).join(dir))
            .into_iter()
            .flatten()
        {
            let path = entry.path();
            let name = path.to_string_lossy();
            let validator = if name.ends_with("site.yaml") {
                &site
            } else if name.ends_with(".yaml") && name.contains("phong-trao") {
                &results
            } else if path.file_name().is_some_and(|n| n == "index.md")
                && name.contains("phong-trao/")
            {
                &campaign
            } else if name.ends_with(".md") {
                &page
            } else {
                continue;
            };
            let problems = errors(validator, &yaml_of(path));
            assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
            checked += 1;
        }
    }
    let problems = errors(&site, &yaml_of(&Path::new(REPO).join("site.yaml")));
    assert!(problems.is_empty(), "site.yaml: {problems:#?}");
    assert!(checked >= 12, "only {checked} files checked");
}

#[test]
fn the_schemas_reject_unknown_keys_and_wrong_values() {
    let campaign = schema("campaign.schema.json");
    let mut value = yaml_of(&Path::new(REPO).join("content/phong-trao/2022/index.md"));
    value["titel"] = serde_json::json!("x");
    assert!(
        !errors(&campaign, &value).is_empty(),
        "an unknown key passes"
    );
    let mut value = yaml_of(&Path::new(REPO).join("content/phong-trao/2022/index.md"));
    value["phases"][0]["end"] = serde_json::json!("30/6/2022");
    assert!(
        !errors(&campaign, &value).is_empty(),
        "a day-first date passes"
    );
    let results = schema("results.schema.json");
    let mut value = yaml_of(&Path::new(REPO).join("content/phong-trao/2022/dot-1-mau.yaml"));
    value["awards"][0]["honorees"][0]["cccd"] = serde_json::json!("038090001234");
    assert!(
        !errors(&results, &value).is_empty(),
        "a personal-data key passes"
    );
}

#[test]
fn the_committed_schemas_are_up_to_date() {
    for (name, value) in bangvang::schema::all() {
        let committed = std::fs::read_to_string(Path::new(REPO).join("schemas").join(name))
            .unwrap_or_else(|_| panic!("schemas/{name} is missing: run `bangvang schema`"));
        let expected = serde_json::to_string_pretty(&value).unwrap() + "\n";
        assert!(
            committed == expected,
            "schemas/{name} is out of date: run `bangvang schema`"
        );
    }
}

#[test]
fn scaffolds_are_drafts_that_build_cleanly_once_filled() {
    let site = TestSite::example();
    let run = site.run(&["new", "campaign", "ke-hoach-2027", "--today", "2026-11-25"]);
    run.assert_ok();
    let run = site.run(&[
        "new",
        "results",
        "ke-hoach-2027",
        "dot-1",
        "--today",
        "2026-11-25",
    ]);
    run.assert_ok();
    let campaign = "content/phong-trao/ke-hoach-2027/index.md";
    let list = "content/phong-trao/ke-hoach-2027/dot-1.yaml";
    for file in [campaign, list] {
        let text = site.read(file);
        assert!(
            text.contains("# yaml-language-server: $schema=../../../schemas/"),
            "{file}"
        );
        assert!(text.contains("draft: true"), "{file}");
    }
    // Unfilled, they stay out of the site.
    let run = site.build("2026-11-25");
    run.assert_ok();
    assert!(run.stdout.contains("2 held back"), "{}", run.stdout);
    assert!(!site.exists("public/phong-trao/ke-hoach-2027/index.html"));

    // Filled in and no longer drafts: a clean build, warnings denied.
    for file in [campaign, list] {
        let text = site
            .read(file)
            .replace("draft: true\n", "")
            .replace('…', "Nội dung đã điền");
        site.write(file, text);
    }
    let run = site.run(&["build", "--today", "2026-11-25", "--deny-warnings"]);
    run.assert_ok();
    assert!(site.exists("public/phong-trao/ke-hoach-2027/dot-1/index.html"));
    let html = site.read("public/phong-trao/ke-hoach-2027/index.html");
    assert!(
        html.contains("Ngày ban hành") && html.contains("tháng 11 năm 2026"),
        "{html}"
    );

    // The scaffolds match their schemas.
    assert!(
        errors(
            &schema("campaign.schema.json"),
            &yaml_of(&site.path(campaign))
        )
        .is_empty()
    );
    assert!(errors(&schema("results.schema.json"), &yaml_of(&site.path(list))).is_empty());

    // Never over an editor's work.
    let run = site.run(&["new", "campaign", "ke-hoach-2027"]);
    run.assert_content_error();
    assert!(run.stderr.contains("already exists; nothing was written"));
    let run = site.run(&["new", "campaign", "Kế hoạch 2027"]);
    run.assert_content_error();
    assert!(run.stderr.contains("try `ke-hoach-2027`"), "{}", run.stderr);
    let run = site.run(&["new", "results", "khong-co", "dot-1"]);
    run.assert_content_error();
}
