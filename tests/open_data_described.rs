//! The open data described (issue 22): `khen-thuong/datapackage.json` (a
//! Frictionless Data Package), the roll's DCAT JSON-LD, and each file's size
//! and SHA-256 on the roll's page — all of them agreeing with the files.

mod common;

use common::{TestSite, visible_text};
use serde_json::Value;
use sha2::{Digest, Sha256};

const ROLL: &str = "public/khen-thuong";

fn built() -> TestSite {
    let site = TestSite::fixture("honours");
    site.build("2023-12-01").assert_ok();
    site
}

fn sha256(site: &TestSite, path: &str) -> String {
    format!(
        "{:x}",
        Sha256::digest(std::fs::read(site.path(path)).unwrap())
    )
}

fn size(site: &TestSite, path: &str) -> u64 {
    std::fs::metadata(site.path(path)).unwrap().len()
}

/// The JSON-LD of a page: the text of its one `<script type="application/ld+json">`.
fn json_ld(html: &str) -> Value {
    let open = r#"<script type="application/ld+json">"#;
    assert_eq!(html.matches(open).count(), 1, "{html}");
    let start = html.find(open).unwrap() + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn the_data_package_lists_each_file_with_its_size_hash_and_fields() {
    let site = built();
    let package: Value =
        serde_json::from_str(&site.read(&format!("{ROLL}/datapackage.json"))).unwrap();
    assert_eq!(package["profile"], "data-package");
    assert_eq!(package["name"], "khen-thuong-so-noi-vu-tinh-thu-nghiem");
    assert_eq!(
        package["title"],
        "Bảng vàng khen thưởng — Sở Nội vụ tỉnh Thử nghiệm"
    );
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
    assert_eq!(
        package["homepage"],
        "https://example.gov.vn/thi-dua/khen-thuong/"
    );
    assert_eq!(package["contributors"][0]["role"], "publisher");
    let resources = package["resources"].as_array().unwrap();
    let paths: Vec<&str> = resources
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["danh-sach.xlsx", "danh-sach.csv", "danh-sach.json"]);
    for resource in resources {
        let file = format!("{ROLL}/{}", resource["path"].as_str().unwrap());
        assert_eq!(resource["bytes"], size(&site, &file), "{file}");
        assert_eq!(
            resource["hash"],
            format!("sha256:{}", sha256(&site, &file)),
            "{file}"
        );
    }
    let csv = &resources[1];
    assert_eq!(
        (&csv["format"], &csv["mediatype"], &csv["encoding"]),
        (
            &Value::from("csv"),
            &Value::from("text/csv"),
            &Value::from("utf-8")
        )
    );
    assert_eq!(csv["profile"], "tabular-data-resource");
    assert_eq!(csv["dialect"]["lineTerminator"], "\r\n");

    // The schema's fields are the CSV's columns and the JSON's keys, in order,
    // each typed, titled and described in Vietnamese.
    let fields = csv["schema"]["fields"].as_array().unwrap();
    let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
    let header = site.read(&format!("{ROLL}/danh-sach.csv"));
    let header = header
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap();
    assert_eq!(names.join(","), header);
    // Read as written (a `Value` would sort its keys).
    let rows = site.read(&format!("{ROLL}/danh-sach.json"));
    let first = &rows[rows.find('{').unwrap()..rows.find('}').unwrap()];
    let mut at = 0;
    for name in &names {
        let found = first[at..]
            .find(&format!("\"{name}\":"))
            .unwrap_or_else(|| panic!("{name} not in order in {first}"));
        at += found;
    }
    assert_eq!(resources[2]["schema"], csv["schema"]);
    for field in fields {
        for key in ["type", "title", "description"] {
            assert!(
                field[key].as_str().is_some_and(|t| !t.is_empty()),
                "{field}"
            );
        }
    }
    let field = |name: &str| fields.iter().find(|f| f["name"] == name).unwrap();
    assert_eq!(field("year")["type"], "integer");
    assert_eq!(field("decision_date")["type"], "date");
    assert_eq!(field("decision_date")["title"], "Ngày quyết định");
    assert_eq!(field("name")["title"], "Họ và tên, tên tập thể");
    assert_eq!(field("name")["constraints"]["required"], true);
    assert_eq!(
        field("status")["constraints"]["enum"],
        serde_json::json!(["proposed", "decided"])
    );
    assert!(field("position")["constraints"].is_null());
    // The .xlsx is headed by the fields' titles: no table schema of names.
    assert_eq!(resources[0]["profile"], "data-resource");
    assert!(resources[0]["schema"].is_null());
}

#[test]
fn the_roll_describes_its_dataset_as_json_ld_and_lists_each_checksum() {
    let site = built();
    let html = site.read(&format!("{ROLL}/index.html"));
    let dataset = json_ld(&html);
    assert_eq!(dataset["@type"], "dcat:Dataset");
    assert_eq!(
        dataset["dct:title"]["@value"],
        "Bảng vàng khen thưởng — Sở Nội vụ tỉnh Thử nghiệm"
    );
    assert_eq!(
        dataset["dct:publisher"]["foaf:name"],
        "Sở Nội vụ tỉnh Thử nghiệm"
    );
    assert_eq!(
        dataset["dct:license"]["@id"],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    // The newest date of the lists: the proposal's comments end 2023-12-20.
    assert_eq!(dataset["dct:modified"]["@value"], "2023-12-20");
    let distributions = dataset["dcat:distribution"].as_array().unwrap();
    assert_eq!(distributions.len(), 4);
    let text = visible_text(&html);
    for (d, name) in distributions.iter().zip([
        "danh-sach.xlsx",
        "danh-sach.csv",
        "danh-sach.json",
        "datapackage.json",
    ]) {
        let file = format!("{ROLL}/{name}");
        assert_eq!(
            d["dcat:downloadURL"]["@id"],
            format!("https://example.gov.vn/thi-dua/khen-thuong/{name}")
        );
        assert_eq!(d["dcat:byteSize"]["@value"], size(&site, &file).to_string());
        let hash = sha256(&site, &file);
        assert_eq!(d["spdx:checksum"]["spdx:checksumValue"], hash);
        // In the file's row of the page's table.
        let row = html.split("<tr").any(|row| {
            row.contains(&format!(">{name}</a>")) && row.contains(&format!(">{hash}</code>"))
        });
        assert!(row, "{name}'s checksum {hash} is not beside it: {html}");
    }
    assert_eq!(
        distributions[1]["dcat:mediaType"]["@id"],
        "https://www.iana.org/assignments/media-types/text/csv"
    );
    assert!(
        text.contains("Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)"),
        "{text}"
    );
}

#[test]
fn text_in_the_json_ld_cannot_end_its_script_element() {
    let site = TestSite::fixture("honours");
    let yaml = site.read("site.yaml").replace(
        "  name: Sở Nội vụ tỉnh Thử nghiệm",
        "  name: \"Sở </script><script>alert(1)</script> & <!-- Nội vụ\"",
    );
    site.write("site.yaml", yaml);
    site.build("2023-12-01").assert_ok();
    let html = site.read(&format!("{ROLL}/index.html"));
    assert!(!html.contains("<script>alert(1)"), "{html}");
    let dataset = json_ld(&html);
    assert_eq!(
        dataset["dct:publisher"]["foaf:name"],
        "Sở </script><script>alert(1)</script> & <!-- Nội vụ"
    );
}

#[test]
fn without_a_base_url_the_files_are_named_relative_to_the_roll() {
    let site = TestSite::fixture("honours");
    let yaml = site
        .read("site.yaml")
        .replace("base_url: https://example.gov.vn/thi-dua/\n", "");
    site.write("site.yaml", yaml);
    site.build("2023-12-01").assert_ok();
    let dataset = json_ld(&site.read(&format!("{ROLL}/index.html")));
    assert_eq!(
        dataset["dcat:distribution"][1]["dcat:downloadURL"]["@id"],
        "danh-sach.csv"
    );
    assert!(dataset["dcat:landingPage"].is_null());
    let package: Value =
        serde_json::from_str(&site.read(&format!("{ROLL}/datapackage.json"))).unwrap();
    assert!(package["homepage"].is_null());
}

#[test]
fn a_site_may_name_its_own_licence() {
    let site = TestSite::fixture("honours");
    let yaml = site.read("site.yaml")
        + "open_data_license:\n  name: ODC-By-1.0\n  title: Giấy phép ghi công của Open Data Commons\n  url: https://opendatacommons.org/licenses/by/1-0/\n";
    site.write("site.yaml", yaml);
    site.build("2023-12-01").assert_ok();
    let package: Value =
        serde_json::from_str(&site.read(&format!("{ROLL}/datapackage.json"))).unwrap();
    assert_eq!(
        package["licenses"],
        serde_json::json!([{
            "name": "ODC-By-1.0",
            "title": "Giấy phép ghi công của Open Data Commons",
            "path": "https://opendatacommons.org/licenses/by/1-0/",
        }])
    );
    let html = site.read(&format!("{ROLL}/index.html"));
    assert_eq!(
        json_ld(&html)["dct:license"]["@id"],
        "https://opendatacommons.org/licenses/by/1-0/"
    );
    assert!(
        html.contains(r#"<a href="https://opendatacommons.org/licenses/by/1-0/">Giấy phép ghi công của Open Data Commons</a>"#),
        "{html}"
    );
}
