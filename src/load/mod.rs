//! Reading the site tree: walk `content/`, classify every file, and load pages in
//! parallel into the typed model. Nothing after this stage reads a content file.

pub mod source;
pub(crate) mod walk;

use crate::paths;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::decode::{Decoder, front_matter, yaml};
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::model::awards::Vocabulary;
use crate::model::campaign::{self, Campaign};
use crate::model::config::{self, SiteConfig};
use crate::model::page::{self, Page, PageMeta};
use crate::model::results::{self, ResultsList};
use crate::model::site::Content;
use crate::text::slug::slugify;
use source::{FileVersion, ReadFiles};
use walk::{ContentTree, DataFile, PageFile};

/// The content of a site, loaded and decoded, and the files it was read from.
#[derive(Debug, Default)]
pub struct Loaded {
    pub content: Content,
    /// The files read, with their versions: checked before publishing.
    pub read: ReadFiles,
}

/// What decoding needs to know about the site beyond the file itself.
pub struct LoadContext<'a> {
    pub root: &'a Path,
    pub config: &'a SiteConfig,
    pub vocabulary: &'a Vocabulary,
    /// In `serve`: files unchanged since the last build are not read again.
    pub memory: Option<&'a dyn FileMemory>,
}

/// What loading one file gave, and the version of the file it was read from
/// (none when it could not be read).
pub type FileLoading<T> = (Loading<T>, Option<FileVersion>);

/// What `serve` remembers of the files of its last build (src/memo/): a file
/// whose version is the one read then is not read and decoded again.
///
/// Each method returns what the file gave last time when it is unchanged,
/// else what `read` gives now; either way the memory keeps it for the next
/// build.
pub trait FileMemory: Sync {
    fn page(
        &self,
        file: &PageFile,
        read: &mut dyn FnMut() -> FileLoading<Arc<Page>>,
    ) -> FileLoading<Arc<Page>>;

    fn list(
        &self,
        file: &DataFile,
        read: &mut dyn FnMut() -> FileLoading<Arc<ResultsList>>,
    ) -> FileLoading<Arc<ResultsList>>;
}

/// Reads `<root>/site.yaml`. Every problem of the file is returned at once.
pub fn site_config(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
    let rel = Path::new(config::CONFIG_FILE);
    let abs = root.join(config::CONFIG_FILE);
    if !abs.is_file() {
        return Err(vec![
            Diagnostic::error(
                rel,
                Pos::START,
                format!("no {} in {}", config::CONFIG_FILE, root.display()),
            )
            .with_help("run bangvang in the site's folder, or give it with --root"),
        ]);
    }
    let text = source::read_text(&abs, rel).map_err(|d| vec![d])?;
    let node = yaml::parse(&text.text, 1, rel).map_err(|d| vec![d])?;
    config::decode_file(&node, rel)
}

/// Loads everything under `<root>/content`. Problems of every file are collected.
pub fn load_content(cx: &LoadContext, diagnostics: &mut Diagnostics) -> Loaded {
    let tree: ContentTree = walk::walk(cx.root, diagnostics);
    let found_paths = tree
        .pages
        .iter()
        .map(|p| p.path.clone())
        .chain(tree.data_files.iter().filter_map(|file| {
            let stem = file.rel.file_stem()?.to_string_lossy();
            Some(format!("{}{}/", file.dir, slugify(&stem)))
        }))
        .collect();
    let (pages, lists) = rayon::join(
        || {
            let loaded: Vec<_> = tree
                .pages
                .par_iter()
                .map(|file| read(load_page(cx, file), &file.abs, &file.rel))
                .collect();
            collect(loaded)
        },
        || {
            let loaded: Vec<_> = tree
                .data_files
                .par_iter()
                .map(|file| read(load_results(cx, file), &file.abs, &file.rel))
                .collect();
            collect(loaded)
        },
    );
    let (pages, page_problems, mut read_files) = pages;
    let (lists, list_problems, list_files) = lists;
    read_files.extend(list_files);
    diagnostics.extend(page_problems);
    diagnostics.extend(list_problems);
    // A page whose front matter has errors comes with its body, for the
    // checks of its links alone: it is no page of the site.
    let (failed, pages) = pages
        .into_iter()
        .partition(|page: &Arc<Page>| page.meta.failed);
    Loaded {
        content: Content {
            pages,
            failed,
            lists,
            assets: tree.assets,
            found_paths,
        },
        read: read_files,
    }
}

/// A file's loading with the version of the file it came from.
type Read<T> = (Loading<T>, Option<(PathBuf, PathBuf, FileVersion)>);

fn read<T>(
    (loading, version): (Loading<T>, Option<FileVersion>),
    abs: &Path,
    rel: &Path,
) -> Read<T> {
    (
        loading,
        version.map(|v| (abs.to_path_buf(), rel.to_path_buf(), v)),
    )
}

/// What loading one file gave: its value unless it had errors, and its
/// diagnostics (warnings only, when there is a value). Two exceptions, kept
/// despite errors for the checks that read them (the build fails anyway): a
/// results list, and a page whose front matter is wrong (its meta marked
/// `failed`), for the links and images of its body.
pub type Loading<T> = (Option<T>, Vec<Diagnostic>);

fn collect<T>(results: Vec<Read<T>>) -> (Vec<T>, Vec<Diagnostic>, ReadFiles) {
    let mut values = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    let mut read = Vec::with_capacity(results.len());
    for ((value, diagnostics), version) in results {
        values.extend(value);
        problems.extend(diagnostics);
        read.extend(version);
    }
    (values, problems, read)
}

fn shared<T>((value, diagnostics): Loading<T>) -> Loading<Arc<T>> {
    (value.map(Arc::new), diagnostics)
}

fn failed<T>(diagnostic: Diagnostic) -> Loading<T> {
    (None, vec![diagnostic])
}

/// A YAML file of a bundle: a results list when the bundle is a campaign.
fn load_results(cx: &LoadContext, file: &DataFile) -> FileLoading<Arc<ResultsList>> {
    let mut read = || match source::read_text(&file.abs, &file.rel) {
        Ok(text) => {
            let version = text.version;
            (
                shared(decode_results(cx, &file.dir, &file.rel, text)),
                version,
            )
        }
        Err(d) => (failed(d), None),
    };
    match cx.memory {
        Some(memory) => memory.list(file, &mut read),
        None => read(),
    }
}

fn decode_results(
    cx: &LoadContext,
    dir: &str,
    rel: &Path,
    text: source::SourceText,
) -> Loading<ResultsList> {
    if !paths::is_campaign(dir) {
        return failed(Diagnostic::warning(
            rel,
            Pos::START,
            "this YAML file is not used: results lists belong beside a campaign's index.md under content/phong-trao/",
        ));
    }
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let slug = slugify(&stem);
    if slug.is_empty() {
        return failed(Diagnostic::error(
            rel,
            Pos::START,
            format!("the file name `{stem}` gives no URL; use letters or digits"),
        ));
    }
    if text.text.trim().is_empty() {
        return failed(Diagnostic::error(rel, Pos::START, "the file is empty"));
    }
    let node = match yaml::parse(&text.text, 1, rel) {
        Ok(node) => node,
        Err(d) => return failed(d),
    };
    let mut d = Decoder::new(rel);
    let list = results::decode(
        &mut d,
        &node,
        cx.config,
        cx.vocabulary,
        rel.to_path_buf(),
        dir.to_owned(),
        format!("{dir}{slug}/"),
    );
    // A list with errors is kept so that its phase and files are checked too.
    d.finish_partial(list)
}

fn load_page(cx: &LoadContext, file: &PageFile) -> FileLoading<Arc<Page>> {
    let mut read = || match source::read_text(&file.abs, &file.rel) {
        Ok(text) => {
            let version = text.version;
            (shared(decode_page(cx, file, text)), version)
        }
        Err(d) => (failed(d), None),
    };
    match cx.memory {
        Some(memory) => memory.page(file, &mut read),
        None => read(),
    }
}

fn decode_page(cx: &LoadContext, file: &PageFile, text: source::SourceText) -> Loading<Page> {
    let rel = &file.rel;
    let split = match front_matter::split(&text.text, rel) {
        Ok(split) => split,
        Err(d) => return failed(d),
    };
    let body = (text.text.len() - split.body.len(), split.body_line);
    let node = match yaml::parse(split.yaml, split.yaml_line, rel) {
        Ok(node) => node,
        Err(d) => return (Some(make_page(file, text.text, body, None, None)), vec![d]),
    };

    let is_campaign = file.kind == page::PageKind::Regular && paths::is_campaign(&file.path);
    let known: Vec<&'static str> = if is_campaign {
        page::KEYS.iter().chain(campaign::KEYS).copied().collect()
    } else {
        page::KEYS.to_vec()
    };
    let what = if is_campaign {
        "the campaign's front matter"
    } else {
        "the front matter"
    };
    let mut d = Decoder::new(rel);
    let Some(fields) = d.fields(&node, what, &known) else {
        return (
            Some(make_page(file, text.text, body, None, None)),
            d.diagnostics,
        );
    };
    let meta = PageMeta::decode(&mut d, &fields);
    // Decoded even when the page's own keys failed, so that one run reports the
    // problems of the whole front matter.
    let campaign = if is_campaign {
        Campaign::decode(&mut d, &fields, cx.vocabulary).map(Box::new)
    } else {
        None
    };
    check_attachments(&mut d, meta.as_ref(), file);
    let failed = meta.is_none() || d.has_errors();
    let mut page = make_page(file, text.text, body, meta, campaign);
    page.meta.failed = failed;
    d.finish_partial(Some(page))
}

/// The page of `file` from its text, whose body starts at `(byte, line)`.
/// Without `meta` (its front matter has errors) the page is marked failed
/// (as the caller marks it when other keys had errors): it is kept for the
/// checks of its body alone, so that one run reports the problems of both.
fn make_page(
    file: &PageFile,
    mut text: String,
    (body_offset, body_line): (usize, u32),
    meta: Option<PageMeta>,
    campaign: Option<Box<Campaign>>,
) -> Page {
    text.drain(..body_offset);
    let failed = meta.is_none();
    let mut meta = meta.unwrap_or_default();
    meta.failed = failed;
    Page {
        source: file.rel.clone(),
        kind: file.kind,
        path: file.path.clone(),
        meta,
        body: text,
        body_line,
        campaign,
        bundle_files: file.bundle_files.clone(),
    }
}

/// Every attachment named in the front matter is a file of the page's bundle.
fn check_attachments(d: &mut Decoder, meta: Option<&PageMeta>, file: &PageFile) {
    let Some(meta) = meta else { return };
    for attachment in &meta.attachments {
        if !file.bundle_files.iter().any(|f| f.name == attachment.file) {
            let help = if file.is_bundle {
                "put the file in the same folder as index.md".to_owned()
            } else {
                "attachments need a bundle: move the page to <name>/index.md and put the file beside it"
                    .to_owned()
            };
            d.error(
                attachment.pos,
                format!("the attachment `{}` does not exist", attachment.file),
            )
            .help = Some(help);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Runs `test` with a loading context for a one-unit site.
    fn with_context(test: impl FnOnce(&LoadContext)) {
        let config = config();
        let vocabulary = Vocabulary::new(&[], config.award_setting());
        test(&LoadContext {
            root: Path::new("."),
            config: &config,
            vocabulary: &vocabulary,
            memory: None,
        });
    }

    fn config() -> SiteConfig {
        let root = yaml::parse(
            "title: T\nunits:\n  - id: van-phong\n    name: Văn phòng\n",
            1,
            Path::new("site.yaml"),
        )
        .unwrap();
        crate::model::config::decode_for_tests(&root)
    }

    fn campaign_file() -> PageFile {
        PageFile {
            rel: "content/phong-trao/x/index.md".into(),
            abs: "content/phong-trao/x/index.md".into(),
            kind: page::PageKind::Regular,
            path: "phong-trao/x/".into(),
            is_bundle: true,
            bundle_files: Vec::new(),
        }
    }

    /// Decodes bytes as a campaign page and as a results list; only the absence
    /// of a panic (and of errors without a value's counterpart) is asserted.
    fn decode_everything(bytes: &[u8]) {
        with_context(|cx| {
            let file = campaign_file();
            if let Ok(text) = source::decode(bytes.to_vec(), &file.rel) {
                let (page, diagnostics) = decode_page(cx, &file, text.clone());
                assert!(
                    page.is_some() || !diagnostics.is_empty(),
                    "no page and no reason"
                );
                let rel = Path::new("content/phong-trao/x/a.yaml");
                let (list, diagnostics) = decode_results(cx, "phong-trao/x/", rel, text);
                assert!(
                    list.is_some() || !diagnostics.is_empty(),
                    "no list and no reason"
                );
            }
        });
    }

    /// YAML-looking text: keys of the real format, odd values, indentation.
    fn yamlish() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            Just("title"),
            Just("phases"),
            Just("- id"),
            Just("start"),
            Just("end"),
            Just("awards"),
            Just("- award"),
            Just("honorees"),
            Just("- name"),
            Just("unit"),
            Just("status"),
            Just("decision"),
            Just("date"),
            Just("milestones"),
            Just("since"),
            Just("targets"),
            Just("- of"),
            Just("percent"),
            Just("count"),
            Just("&a"),
            Just("*a"),
            Just("<<"),
            Just("? "),
            Just("titel"),
        ];
        let value = prop_oneof![
            Just("2022-02-30".to_owned()),
            Just("30/6/2022".to_owned()),
            Just("dot-1".to_owned()),
            Just("decided".to_owned()),
            Just("[a, {b: c}]".to_owned()),
            Just("'x".to_owned()),
            Just("Chiến sỹ thi đua cơ sở".to_owned()),
            Just("*a".to_owned()),
            Just("&a [1, 2]".to_owned()),
            Just("".to_owned()),
            "[ -~àáạảãâăđêôơưỹ]{0,12}",
        ];
        prop::collection::vec((0usize..6, key, value), 0..24).prop_map(|lines| {
            lines
                .into_iter()
                .map(|(indent, k, v)| format!("{}{k}: {v}\n", "  ".repeat(indent)))
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            decode_everything(&bytes);
            let mut framed = b"---\n".to_vec();
            framed.extend_from_slice(&bytes);
            framed.extend_from_slice(b"\n---\nbody\n");
            decode_everything(&framed);
        }

        #[test]
        fn arbitrary_yaml_never_panics(yaml in yamlish()) {
            decode_everything(yaml.as_bytes());
            decode_everything(format!("---\n{yaml}---\nbody\n").as_bytes());
        }
    }

    #[test]
    fn a_page_whose_front_matter_fails_keeps_its_body_for_the_checks() {
        with_context(|cx| {
            let file = PageFile {
                rel: "content/a.md".into(),
                abs: "content/a.md".into(),
                kind: page::PageKind::Regular,
                path: "a/".into(),
                is_bundle: false,
                bundle_files: Vec::new(),
            };
            for front_matter in ["titel: A", "title: A\ndate: 2022-13-01", "title: [", "- a"] {
                let text = format!("---\n{front_matter}\n---\nXem [b](/b/).\n");
                let text = source::decode(text.into_bytes(), &file.rel).unwrap();
                let (page, diagnostics) = decode_page(cx, &file, text);
                assert!(!diagnostics.is_empty(), "{front_matter}");
                let page = page.expect("the page, for its body's checks");
                assert!(page.meta.failed, "{front_matter}");
                assert_eq!(page.body, "Xem [b](/b/).\n");
            }
            let text = source::decode(b"---\ntitle: A\n---\nx\n".to_vec(), &file.rel).unwrap();
            let (page, diagnostics) = decode_page(cx, &file, text);
            assert!(diagnostics.is_empty());
            assert!(!page.unwrap().meta.failed);
        });
    }

    #[test]
    fn campaigns_are_direct_children_of_phong_trao() {
        assert!(paths::is_campaign("phong-trao/2022/"));
        assert!(!paths::is_campaign("phong-trao/"));
        assert!(!paths::is_campaign("phong-trao/2022/dot-1/"));
        assert!(!paths::is_campaign("tin-tuc/2022/"));
    }
}
