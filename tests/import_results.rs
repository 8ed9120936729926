//! `bangvang import results` and `import units` on the spreadsheets offices
//! send (tests/import-results/, see its NOTES.md): the same list saved by
//! Excel, LibreOffice and as three CSVs imports to one list that builds;
//! other layouts read as their expected files say; broken files are
//! reported at their cells with nothing written; hostile ones are refused.

mod common;

use std::path::{Path, PathBuf};

use common::TestSite;
use yaml_rust2::{Yaml, YamlLoader};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/import-results");

fn fixture(rel: &str) -> PathBuf {
    Path::new(FIXTURES).join(rel)
}

/// The fixtures' site (Sở Giáo dục và Đào tạo tỉnh Nghệ An, 13 units) with
/// one campaign, `ke-hoach`; `site_yaml` replaces its site.yaml.
fn site(site_yaml: Option<&str>) -> TestSite {
    let site = TestSite::empty();
    common::copy_dir(&fixture("site"), site.root());
    if let Some(rel) = site_yaml {
        std::fs::copy(fixture(rel), site.path("site.yaml")).unwrap();
    }
    site
}

const LIST: &str = "content/phong-trao/ke-hoach/imported.yaml";

fn import(site: &TestSite, file: &Path) -> common::Run {
    site.run(&[
        "import",
        "results",
        file.to_str().unwrap(),
        "--campaign",
        "ke-hoach",
        "--output",
        LIST,
    ])
}

/// One honoree as the expected files write it: kind, name, position, unit id,
/// achievement (the unit's name for a collective written as `unit:` only).
type Honoree = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Title, status, comment end, decision number and date; then each award
/// with its honorees.
type List = (Vec<Option<String>>, Vec<(String, Vec<Honoree>)>);

fn text(y: &Yaml) -> Option<String> {
    y.as_str().map(str::to_owned)
}

/// The imported list: title, status, comment end, decision, and each award
/// with its honorees.
fn read_list(site: &TestSite) -> List {
    let doc = &YamlLoader::load_from_str(&site.read(LIST)).unwrap()[0];
    let head = vec![
        text(&doc["title"]),
        text(&doc["status"]),
        text(&doc["comment_until"]),
        text(&doc["decision"]["number"]),
        text(&doc["decision"]["date"]),
    ];
    let awards = doc["awards"]
        .as_vec()
        .unwrap()
        .iter()
        .map(|a| {
            let honorees = a["honorees"]
                .as_vec()
                .unwrap()
                .iter()
                .map(|h| {
                    let unit = text(&h["unit"]);
                    let name = text(&h["name"]);
                    // As the build infers it (src/model/results.rs) when
                    // the list does not say `kind:`.
                    let collective = h["name"].is_badvalue()
                        || (h["position"].is_badvalue() && looks_collective(&name));
                    let kind = text(&h["kind"]).unwrap_or_else(|| {
                        if collective {
                            "collective"
                        } else {
                            "individual"
                        }
                        .into()
                    });
                    // A collective written as `unit:` alone shows site.yaml's name.
                    let name = name
                        .unwrap_or_else(|| format!("unit:{}", unit.clone().unwrap_or_default()));
                    (
                        kind,
                        name,
                        text(&h["position"]),
                        unit,
                        text(&h["achievement"]),
                    )
                })
                .collect();
            (text(&a["award"]).unwrap(), honorees)
        })
        .collect();
    (head, awards)
}

/// An award's words as the expected files and the vocabulary may spell
/// them: the import writes "Cờ thi đua của Ủy ban nhân dân tỉnh Nghệ An" for
/// the sheet's "Cờ thi đua của UBND tỉnh".
fn award_words(title: &str) -> String {
    title
        .to_lowercase()
        .replace("ubnd", "ủy ban nhân dân")
        .trim_end_matches(" nghệ an")
        .to_owned()
}

fn looks_collective(name: &Option<String>) -> bool {
    name.as_deref().is_some_and(|n| {
        [
            "Tổ ",
            "Trường ",
            "Phòng ",
            "Văn phòng",
            "Chi hội",
            "Công an",
            "Hội ",
            "Đoàn ",
        ]
        .iter()
        .any(|w| n.starts_with(w))
    })
}

/// The expected file, in the same shape (award titles compared without case:
/// the import writes the vocabulary's spelling of "CHIẾN SĨ THI ĐUA CƠ SỞ").
fn expected(rel: &str) -> List {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture(rel)).unwrap()).unwrap();
    let s = |v: &serde_json::Value| v.as_str().map(str::to_owned);
    let head = vec![
        s(&json["title"]),
        s(&json["status"]),
        s(&json["comment_until"]),
        s(&json["decision"]["number"]),
        s(&json["decision"]["date"]),
    ];
    let awards = json["awards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let honorees = a["honorees"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    (
                        s(&h["kind"]).unwrap(),
                        s(&h["name"]).unwrap(),
                        s(&h["position"]),
                        s(&h["unit"]),
                        s(&h["achievement"]),
                    )
                })
                .collect();
            (s(&a["award"]).unwrap(), honorees)
        })
        .collect();
    (head, awards)
}

fn assert_same_list(site: &TestSite, expected_rel: &str, what: &str) {
    let (head, awards) = read_list(site);
    let (want_head, want_awards) = expected(expected_rel);
    assert_eq!(
        head, want_head,
        "{what}: title, status, comment end, decision"
    );
    assert_eq!(
        awards.len(),
        want_awards.len(),
        "{what}: awards {:?}",
        awards.iter().map(|a| &a.0).collect::<Vec<_>>()
    );
    for ((award, honorees), (want_award, want)) in awards.iter().zip(&want_awards) {
        assert_eq!(award_words(award), award_words(want_award), "{what}");
        // Where the list names a collective by its unit alone, the expected
        // name is the one written in the sheet: the unit id says who.
        let want: Vec<Honoree> = want
            .iter()
            .zip(honorees)
            .map(|(w, got)| {
                let mut w = w.clone();
                if got.1.starts_with("unit:") && w.0 == "collective" {
                    w.1 = format!("unit:{}", w.3.clone().unwrap_or_default());
                }
                w
            })
            .collect();
        assert_eq!(honorees, &want, "{what}: honorees of {award}");
    }
}

const SAME_LIST: &[&str] = &[
    "danh-sach.xlsx",
    "danh-sach-libreoffice.xlsx",
    "danh-sach.ods",
    "danh-sach.xls",
    "danh-sach-utf8-bom-semicolon.csv",
    "danh-sach-cp1258.csv",
    "danh-sach-utf16.csv",
];

#[test]
fn one_list_saved_seven_ways_imports_as_one_list_that_builds() {
    let mut first: Option<String> = None;
    for name in SAME_LIST {
        let site = site(None);
        let run = import(&site, &fixture(&format!("same-list/{name}")));
        run.assert_ok();
        assert!(
            run.stdout
                .contains("25 individuals and 5 collectives under 4 awards"),
            "{name}: {}",
            run.stdout
        );
        assert_same_list(&site, "same-list/expected.json", name);
        // The lists are the same YAML once the line naming the file is left out.
        let body: String = site
            .read(LIST)
            .lines()
            .filter(|l| !l.starts_with("# Nhập từ") && !is_cell_comment(l))
            .collect::<Vec<_>>()
            .join("\n");
        match &first {
            None => first = Some(body),
            Some(f) => assert_eq!(&body, f, "{name} differs from danh-sach.xlsx"),
        }
        // A draft until the editor says otherwise; then it builds.
        let written = site.read(LIST);
        assert!(written.contains("\ndraft: true\n"), "{name}");
        site.write(LIST, written.replace("\ndraft: true\n", "\n"));
        // `published:` is the day of the import: built on a later day.
        let build = site.build("2099-01-01");
        build.assert_ok();
        let page = site.read("public/phong-trao/ke-hoach/imported/index.html");
        for who in [
            "Nguyễn Thị Thu Hương",
            "Tổ Toán - Tin",
            "Trường THPT Hà Huy Tập",
        ] {
            assert!(page.contains(who), "{name}: the page lacks {who}");
        }
    }
}

#[test]
fn other_layouts_read_as_their_offices_wrote_them() {
    for (name, site_yaml) in [
        ("01-tieu-de-hai-dong", None),
        ("02-chi-co-muc", None),
        ("03-cot-danh-hieu", None),
        ("04-ten-tap-the-ca-nhan", None),
        ("05-giay-khen-xa", Some("layouts/site-xa-dien-kim.yaml")),
    ] {
        let site = site(site_yaml);
        let run = import(&site, &fixture(&format!("layouts/{name}.xlsx")));
        run.assert_ok();
        assert_same_list(&site, &format!("layouts/{name}.expected.json"), name);
        assert!(
            !site.read(LIST).contains("NGƯỜI LẬP BIỂU"),
            "{name}: the signature was read"
        );
    }
}

/// Each line of a broken file's expected.txt: the location and the quoted
/// text must be in what the import says.
#[test]
fn every_problem_of_a_broken_file_is_reported_at_its_cell_and_nothing_is_written() {
    let dir = fixture("broken");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 13);
    for path in names {
        let name = path.file_name().unwrap().to_str().unwrap();
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let site = site(None);
        let run = import(&site, &path);
        let expected = std::fs::read_to_string(dir.join(format!("{stem}.expected.txt"))).unwrap();
        for line in expected.lines() {
            let (place, message) = line.split_once(": ").unwrap();
            let located = if place == name {
                format!("{name}: ")
            } else if let Some((file, line)) = place.split_once(':') {
                format!("{file}:{line}")
            } else {
                format!("{name}: {place}")
            };
            let quoted: Vec<&str> = message
                .split('“')
                .skip(1)
                .filter_map(|q| q.split('”').next())
                .collect();
            let said = run
                .stderr
                .lines()
                .find(|l| l.contains(&located))
                .unwrap_or_else(|| panic!("{name}: nothing at {located}:\n{}", run.stderr));
            for q in quoted {
                assert!(said.contains(q), "{name}: {said} lacks “{q}”");
            }
        }
        if name == "don-vi-la.xlsx" {
            // An unknown unit does not stop the import: marked for the editor.
            assert_eq!(run.code, 0, "{}", run.stderr);
            let list = site.read(LIST);
            assert!(list.contains("unit: truong-thpt-nguyen-du"), "{list}");
            assert!(
                list.contains("# TODO: đơn vị “Trường THPT Nguyễn Du” chưa có trong site.yaml"),
                "{list}"
            );
            // …and the build refuses the id until the unit is added.
            site.write(LIST, list.replace("\ndraft: true\n", "\n"));
            site.build("2024-05-10").assert_content_error();
        } else {
            assert_eq!(run.code, 1, "{name}: {}", run.stderr);
            assert!(!site.exists(LIST), "{name}: a list was written");
            assert!(run.stderr.contains("nothing was written"), "{name}");
        }
    }
}

#[test]
fn hostile_workbooks_are_refused_without_reading_what_they_point_at() {
    let dir = fixture("hostile/out");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            continue;
        }
        seen += 1;
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let site = site(None);
        let run = import(&site, &path);
        assert!(
            !run.stderr.contains("root:") && !run.stdout.contains("root:"),
            "{name}"
        );
        if name == "huge-dimension.xlsx" {
            // One honoree at B2, one far cell outside the table: read, not laid out.
            run.assert_ok();
            assert!(site.read(LIST).contains("Nguyễn Văn An"));
            continue;
        }
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        assert!(!site.exists(LIST), "{name}");
        let why = match name.as_str() {
            "zip-bomb.xlsx" => "inflates to more than 64 MB",
            "zip-bomb-lying-size.xlsx" => "larger than its declared uncompressed size",
            "huge-cell.xlsx" => "Danh sách!B2: the cell holds more than 32767 characters",
            "million-rows-no-refs.xlsx" | "ods-repeat-bomb.ods" => "more than 200000 cells",
            _ => "declares a DOCTYPE",
        };
        assert!(run.stderr.contains(why), "{name}: {}", run.stderr);
    }
    assert_eq!(seen, 12);
}

#[test]
fn an_existing_list_is_never_replaced_without_force() {
    let site = site(None);
    site.write(LIST, "# the editor's work\n");
    let run = import(&site, &fixture("same-list/danh-sach.xlsx"));
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("already exists; nothing was written"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read(LIST), "# the editor's work\n");
    let forced = site.run(&[
        "import",
        "results",
        fixture("same-list/danh-sach.xlsx").to_str().unwrap(),
        "--campaign",
        "ke-hoach",
        "--output",
        LIST,
        "--force",
    ]);
    forced.assert_ok();
    assert!(site.read(LIST).contains("Nguyễn Thị Thu Hương"));
}

#[test]
fn the_default_file_is_named_after_the_spreadsheet_and_asks_for_an_existing_campaign_and_phase() {
    let site = site(None);
    let file = fixture("same-list/danh-sach.xlsx");
    let run = site.run(&[
        "import",
        "results",
        file.to_str().unwrap(),
        "--campaign",
        "khong-co",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("there is no campaign khong-co"),
        "{}",
        run.stderr
    );
    let run = site.run(&[
        "import",
        "results",
        file.to_str().unwrap(),
        "--campaign",
        "ke-hoach",
        "--phase",
        "dot-9",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("has no phase `dot-9`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("dot-1, dot-2"), "{}", run.stderr);
    let run = site.run(&[
        "import",
        "results",
        file.to_str().unwrap(),
        "--campaign",
        "ke-hoach",
        "--phase",
        "dot-2",
        "--status",
        "decided",
    ]);
    run.assert_ok();
    let list = site.read("content/phong-trao/ke-hoach/danh-sach.yaml");
    assert!(
        list.contains("\nphase: dot-2\n") && list.contains("\nstatus: decided\n"),
        "{list}"
    );
    // A decided list without its decision in the sheet: asked for, not invented.
    assert!(
        list.contains("# TODO: danh sách đã có quyết định"),
        "{list}"
    );
}

#[test]
fn the_editor_reads_the_import_in_vietnamese() {
    let site = site(None);
    let run = site.run_with_env(
        &[
            "import",
            "results",
            fixture("broken/thieu-ten.xlsx").to_str().unwrap(),
            "--campaign",
            "ke-hoach",
        ],
        &[("BANGVANG_LANG".into(), "vi".into())],
    );
    assert!(
        run.stderr.contains("lỗi: thieu-ten.xlsx: Danh sách!B10: "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("không có họ tên"), "{}", run.stderr);
    let ok = site.run_with_env(
        &[
            "import",
            "results",
            fixture("same-list/danh-sach.xlsx").to_str().unwrap(),
            "--campaign",
            "ke-hoach",
        ],
        &[("BANGVANG_LANG".into(), "vi".into())],
    );
    ok.assert_ok();
    assert!(
        ok.stdout.contains("25 cá nhân và 5 tập thể"),
        "{}",
        ok.stdout
    );
}

#[test]
fn units_come_from_a_sheet_of_names_and_site_yaml_keeps_its_own() {
    for file in [
        "unit-names/don-vi.xlsx",
        "unit-names/don-vi-utf8-bom-semicolon.csv",
    ] {
        let site = TestSite::empty();
        site.write(
            "site.yaml",
            "title: Thử\norganization:\n  name: Sở Giáo dục và Đào tạo tỉnh Nghệ An\n# Các đơn vị\nunits:\n  - id: van-phong-so\n    name: Văn phòng Sở\n\n# Danh hiệu riêng\nawards: []\n",
        );
        let run = site.run(&["import", "units", fixture(file).to_str().unwrap()]);
        run.assert_ok();
        assert!(
            run.stdout
                .contains("added 39 units to site.yaml (1 were already there)"),
            "{}",
            run.stdout
        );
        let text = site.read("site.yaml");
        assert!(
            text.contains("# Các đơn vị\nunits:\n  - id: van-phong-so\n"),
            "{text}"
        );
        assert!(text.contains("\n# Danh hiệu riêng\nawards: []\n"), "{text}");
        let doc = &YamlLoader::load_from_str(&text).unwrap()[0];
        let got: Vec<(String, String)> = doc["units"]
            .as_vec()
            .unwrap()
            .iter()
            .map(|u| (text_of(&u["id"]), text_of(&u["name"])))
            .collect();
        let want: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(fixture("unit-names/units.expected.json")).unwrap(),
        )
        .unwrap();
        let want: Vec<(String, String)> = want
            .as_array()
            .unwrap()
            .iter()
            .map(|u| {
                (
                    u["id"].as_str().unwrap().into(),
                    u["name"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(got, want, "{file}");
        // Again: nothing new.
        let again = site.run(&["import", "units", fixture(file).to_str().unwrap()]);
        assert!(again.stdout.contains("added 0 units"), "{}", again.stdout);
    }
}

fn text_of(y: &Yaml) -> String {
    y.as_str().unwrap_or_default().to_owned()
}

/// `      # B11` or `      # line 11`: where a record was read, which differs
/// between a workbook and its CSV.
fn is_cell_comment(line: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix("# ") else {
        return false;
    };
    let rest = rest.strip_prefix("line ").unwrap_or(rest);
    let letters = rest.trim_start_matches(|c: char| c.is_ascii_uppercase());
    !letters.is_empty() && letters.chars().all(|c| c.is_ascii_digit())
}

#[test]
fn the_sample_spreadsheet_of_the_guide_imports_into_the_example_site_and_builds() {
    let site = TestSite::example();
    let sample = Path::new(common::REPO).join("docs/mau/danh-sach-khen-thuong-mau.xlsx");
    let run = site.run_with_env(
        &[
            "import",
            "results",
            sample.to_str().unwrap(),
            "--campaign",
            "2022",
            "--phase",
            "dot-2",
        ],
        &[("BANGVANG_LANG".into(), "vi".into())],
    );
    run.assert_ok();
    // What the guide shows (docs/huong-dan.md, "Nhập từ bảng tính Excel").
    for line in [
        "5 cá nhân và 2 tập thể, 3 danh hiệu, hình thức khen thưởng",
        "  Tập thể lao động tiên tiến: 0 cá nhân, 2 tập thể",
        "  Giấy khen của Giám đốc Sở Nội vụ tỉnh Hà Tĩnh: 1 cá nhân, 0 tập thể",
        "đã ghi content/phong-trao/2022/danh-sach-khen-thuong-mau.yaml",
    ] {
        assert!(run.stdout.contains(line), "{}", run.stdout);
    }
    let guide = std::fs::read_to_string(Path::new(common::REPO).join("docs/huong-dan.md")).unwrap();
    assert!(
        guide.contains(run.stdout.lines().nth(1).unwrap()),
        "the guide's example is not what the command says"
    );
    let rel = "content/phong-trao/2022/danh-sach-khen-thuong-mau.yaml";
    let list = site.read(rel);
    site.write(rel, list.replace("\ndraft: true\n", "\n"));
    site.build("2099-01-01").assert_ok();
    let page = site.read("public/phong-trao/2022/danh-sach-khen-thuong-mau/index.html");
    assert!(page.contains("Đặng Thị G") && page.contains("Công đoàn cơ quan Sở"));
}
