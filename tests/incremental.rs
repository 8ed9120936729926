//! `serve` rebuilds only what changed (src/memo.rs): it reads again only the
//! files that changed and writes only the outputs whose inputs changed. Whatever
//! the edit, the preview's folder must then hold exactly what a clean build of
//! the same sources writes — every file, byte for byte, and nothing else.

mod common;

use std::path::{Path, PathBuf};

use bangvang::memo::Memo;
use bangvang::{BuildOptions, BuildReport};
use common::TestSite;

/// A site previewed by successive rebuilds, as `serve` does after each save.
struct Preview {
    site: TestSite,
    out: tempfile::TempDir,
    memo: Memo,
}

impl Preview {
    fn new() -> Preview {
        Preview {
            site: TestSite::example(),
            out: tempfile::tempdir().unwrap(),
            memo: Memo::default(),
        }
    }

    fn options(&self, output: &Path) -> BuildOptions {
        BuildOptions {
            root: self.site.root().to_path_buf(),
            output: Some(output.to_path_buf()),
            base_url: Some("http://127.0.0.1:1111/".to_owned()),
            today: Some(chrono::NaiveDate::from_ymd_opt(2022, 8, 1).unwrap()),
            ..BuildOptions::default()
        }
    }

    fn preview_dir(&self) -> PathBuf {
        self.out.path().join("site")
    }

    /// Rebuilds; returns how many files it wrote.
    #[track_caller]
    fn rebuild(&mut self) -> usize {
        let report = self.try_rebuild().unwrap_or_else(|problems| {
            panic!("the rebuild failed: {problems:#?}");
        });
        report.pages + report.data_files + report.files_copied
    }

    fn try_rebuild(&mut self) -> Result<BuildReport, Vec<bangvang::diagnostics::Diagnostic>> {
        let options = self.options(&self.preview_dir());
        let (result, memo) = bangvang::rebuild(&options, std::mem::take(&mut self.memo));
        self.memo = memo;
        result
    }

    /// The preview holds what a clean build of the same sources holds.
    #[track_caller]
    fn assert_same_as_clean_build(&self, after: &str) {
        let clean = tempfile::tempdir().unwrap();
        let clean_out = clean.path().join("site");
        bangvang::build(&self.options(&clean_out)).expect("a clean build");
        let preview = files(&self.preview_dir());
        let expected = files(&clean_out);
        let names = |files: &[(String, Vec<u8>)]| -> Vec<String> {
            files.iter().map(|(n, _)| n.clone()).collect()
        };
        assert_eq!(
            names(&preview),
            names(&expected),
            "after {after}: the preview's files differ from a clean build's"
        );
        for ((name, got), (_, want)) in preview.iter().zip(&expected) {
            assert!(
                got == want,
                "after {after}: {name} differs from a clean build's:\n{}",
                String::from_utf8_lossy(got)
            );
        }
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.site.read(rel);
        assert!(text.contains(from), "{rel} has no `{from}`");
        self.site.write(rel, text.replacen(from, to, 1));
    }
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let name = e.path().strip_prefix(dir).unwrap().to_string_lossy();
            (name.into_owned(), std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn unchanged_sources_write_nothing_and_one_edited_page_writes_one_file() {
    let mut preview = Preview::new();
    let first = preview.rebuild();
    assert!(
        first > 20,
        "the first build writes the whole site ({first})"
    );
    preview.assert_same_as_clean_build("the first build");

    assert_eq!(preview.rebuild(), 0, "nothing changed, nothing is written");

    // A paragraph of a page that no other page shows.
    preview.edit(
        "content/gioi-thieu.md",
        "gồm các nội dung sau:",
        "gồm các nội dung (đã sửa) sau:",
    );
    // The page, and of the search's files the part that holds the words it
    // gained ("đã", "sửa") and the list of parts, which gives that part's
    // size: its other files and every other page keep their bytes.
    assert_eq!(
        preview.rebuild(),
        3,
        "only the edited page and the search's files it touches are written"
    );
    preview.assert_same_as_clean_build("a body edit");
    assert!(
        std::fs::read_to_string(preview.preview_dir().join("gioi-thieu/index.html"))
            .unwrap()
            .contains("(đã sửa)")
    );
}

#[test]
fn every_kind_of_edit_gives_what_a_clean_build_gives() {
    let mut preview = Preview::new();
    preview.rebuild();

    // A title is shown in lists, breadcrumbs, feeds and the sitemap's pages.
    preview.edit(
        "content/gioi-thieu.md",
        "title: Giới thiệu",
        "title: Giới thiệu chung",
    );
    let written = preview.rebuild();
    assert!(written > 1, "the lists showing the title are written too");
    preview.assert_same_as_clean_build("a title edit");

    preview.site.write(
        "content/tin-moi.md",
        "---\ntitle: Tin mới\ndate: 2022-07-20\ntags: [khen thưởng]\n---\nNội dung.\n",
    );
    preview.rebuild();
    preview.assert_same_as_clean_build("a new page");

    std::fs::remove_file(preview.site.path("content/tin-moi.md")).unwrap();
    preview.rebuild();
    preview.assert_same_as_clean_build("a deleted page");
    assert!(!preview.preview_dir().join("tin-moi/index.html").exists());

    preview.edit(
        "content/phong-trao/2022/dot-1-mau.yaml",
        "      - name: Trần Thị B",
        "      - name: Lê Văn C\n        unit: van-phong\n      - name: Trần Thị B",
    );
    preview.rebuild();
    preview.assert_same_as_clean_build("a new honoree");

    // A decision and its proposal: each page shows the other's values.
    preview.site.write(
        "content/phong-trao/2022/du-kien-dot-1.yaml",
        "title: Danh sách dự kiến Đợt 1\nphase: dot-1\nstatus: proposed\ncomment_until: 2022-07-10\nawards:\n  - award: Lao động tiên tiến\n    honorees:\n      - name: Nguyễn Văn A\n        position: Chuyên viên\n        unit: van-phong\n",
    );
    preview.edit(
        "content/phong-trao/2022/dot-1-mau.yaml",
        "status: decided\n",
        "status: decided\nproposal: du-kien-dot-1\n",
    );
    preview.rebuild();
    preview.assert_same_as_clean_build("a decided list naming its proposal");
    let decided = "phong-trao/2022/dot-1-mau/index.html";
    let proposal = "phong-trao/2022/du-kien-dot-1/index.html";
    let read = |preview: &Preview, page: &str| {
        std::fs::read_to_string(preview.preview_dir().join(page)).unwrap()
    };
    preview.edit(
        "content/phong-trao/2022/du-kien-dot-1.yaml",
        "      - name: Nguyễn Văn A",
        "      - name: Đào Văn Đề Nghị\n        unit: van-phong\n      - name: Nguyễn Văn A",
    );
    preview.rebuild();
    preview.assert_same_as_clean_build("an edit of the proposal");
    assert!(
        read(&preview, decided).contains("Đào Văn Đề Nghị"),
        "the decided list's changes show the proposal's new honoree"
    );
    preview.edit(
        "content/phong-trao/2022/dot-1-mau.yaml",
        "number: 00/QĐ-SNV (mẫu)",
        "number: 01/QĐ-SNV (mẫu)",
    );
    preview.rebuild();
    preview.assert_same_as_clean_build("an edit of the decision");
    assert!(
        read(&preview, proposal).contains("01/QĐ-SNV"),
        "the proposal's page shows the decision's new number"
    );

    // A position changes only the statistics' share of leading posts
    // (/thong-ke/, the campaign's thong-ke/) besides the list and the roll.
    preview.edit(
        "content/phong-trao/2022/dot-1-mau.yaml",
        "      - name: Trần Thị B\n        position: Chuyên viên",
        "      - name: Trần Thị B\n        position: Phó Chánh Văn phòng",
    );
    preview.rebuild();
    preview.assert_same_as_clean_build("a position edit");
    assert!(
        std::fs::read_to_string(preview.preview_dir().join("thong-ke/index.html"))
            .unwrap()
            .contains(r#"Giữ chức vụ lãnh đạo, quản lý</td><td role="cell" data-label="Số lượt" class="num">1</td>"#),
        "the figures count the new leading post"
    );

    preview
        .site
        .write("content/phong-trao/2022/phu-luc.txt", "Phụ lục.\n");
    preview.rebuild();
    preview.assert_same_as_clean_build("a new bundle file");
    std::fs::remove_file(preview.site.path("content/phong-trao/2022/phu-luc.txt")).unwrap();
    preview.rebuild();
    preview.assert_same_as_clean_build("a deleted bundle file");

    preview.edit(
        "themes/default/templates/page.html",
        "{% block main %}",
        "{% block main %}<p>Mẫu đã sửa</p>",
    );
    preview.rebuild();
    preview.assert_same_as_clean_build("a template edit");

    preview.edit("themes/default/static/style.css", "body", "html body");
    preview.rebuild();
    preview.assert_same_as_clean_build("a style sheet edit");

    preview.edit("site.yaml", "title: ", "title: Thi đua - ");
    preview.rebuild();
    preview.assert_same_as_clean_build("a site.yaml edit");
}

#[test]
fn a_failed_rebuild_changes_nothing_and_the_next_good_one_catches_up() {
    let mut preview = Preview::new();
    preview.rebuild();
    let before = files(&preview.preview_dir());

    preview.edit("content/gioi-thieu.md", "Những nội dung", "Các nội dung");
    preview.edit("content/phong-trao/2022/index.md", "phases:", "phases: [");
    assert!(preview.try_rebuild().is_err(), "the broken YAML fails");
    assert!(
        files(&preview.preview_dir()) == before,
        "a failed rebuild writes nothing, not even the good edit"
    );

    preview.edit("content/phong-trao/2022/index.md", "phases: [", "phases:");
    preview.rebuild();
    preview.assert_same_as_clean_build("the fix");
}

/// The memory needs one record per output (src/render/write.rs): an output
/// never recorded would be deleted as stale by the next rebuild, one the
/// memory knows but the build did not write would never be written again.
/// (Two records of one output panic in debug builds, which tests run.)
#[test]
fn the_memory_records_exactly_the_files_written() {
    let mut preview = Preview::new();
    let recorded = |preview: &Preview| {
        let mut outputs: Vec<String> = preview.memo.outputs().map(str::to_owned).collect();
        outputs.sort();
        outputs
    };
    let on_disk = |preview: &Preview| -> Vec<String> {
        files(&preview.preview_dir())
            .into_iter()
            .map(|(name, _)| name)
            .filter(|name| name != ".bangvang")
            .collect()
    };
    preview.rebuild();
    assert_eq!(
        recorded(&preview),
        on_disk(&preview),
        "after the first build"
    );
    preview.edit(
        "content/gioi-thieu.md",
        "gồm các nội dung sau:",
        "gồm các nội dung (đã sửa) sau:",
    );
    preview.rebuild();
    assert_eq!(recorded(&preview), on_disk(&preview), "after an edit");
}
