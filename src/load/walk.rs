//! Walking `content/` and deciding what each file is: a page, a section's list
//! page, a bundle file copied beside its page, or an asset copied as it is.
//!
//! URLs come from the file names, slugified per path component: `content/Tin
//! tức/Bài 1.md` is `tin-tuc/bai-1/`. Hidden files are skipped; symlinks that point
//! outside the site root are refused, so nothing outside it is ever published.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos, display_path};
use crate::model::page::{BundleFile, PageKind};
use crate::text::slug::slugify;

pub const CONTENT_DIR: &str = "content";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFile {
    /// Relative to the site root: `content/phong-trao/2022/index.md`.
    pub rel: PathBuf,
    pub kind: PageKind,
    /// Site-relative directory of the output, `phong-trao/2022/`.
    pub path: String,
    /// `index.md`: the other files of its folder are its bundle.
    pub is_bundle: bool,
    pub bundle_files: Vec<BundleFile>,
}

/// A file copied into the output unchanged.
#[derive(Debug, Clone)]
pub struct Asset {
    pub abs: PathBuf,
    /// Relative to the root, for messages.
    pub rel: PathBuf,
    /// Site-relative output path: `phong-trao/2022/ke-hoach.pdf`.
    pub out: String,
}

#[derive(Debug, Default)]
pub struct ContentTree {
    pub pages: Vec<PageFile>,
    pub assets: Vec<Asset>,
    /// YAML files inside bundles (results lists), by the page path of their bundle.
    pub data_files: Vec<(String, PathBuf)>,
}

struct Entry {
    abs: PathBuf,
    rel: PathBuf,
    /// Slugs of the directories between `content/` and the file.
    dirs: Vec<String>,
    name: String,
}

pub fn walk(root: &Path, diagnostics: &mut Diagnostics) -> ContentTree {
    let content = root.join(CONTENT_DIR);
    let mut tree = ContentTree::default();
    if !content.is_dir() {
        diagnostics.push(Diagnostic::error(
            CONTENT_DIR,
            Pos::START,
            "the site has no content/ folder",
        ));
        return tree;
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // Files grouped by their directory, so a bundle's files are known with its page.
    let mut by_dir: BTreeMap<Vec<String>, Vec<Entry>> = BTreeMap::new();
    let walker = WalkDir::new(&content)
        .sort_by_file_name()
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for item in walker {
        let entry = match item {
            Ok(entry) => entry,
            Err(e) => {
                let rel = e
                    .path()
                    .map_or_else(|| PathBuf::from(CONTENT_DIR), |p| display_path(root, p));
                diagnostics.push(Diagnostic::error(
                    rel,
                    Pos::START,
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        let rel = display_path(root, entry.path());
        if entry.path_is_symlink() {
            match entry.path().canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) && target.is_file() => {}
                Ok(target) if target.starts_with(&canonical_root) => {
                    diagnostics.push(Diagnostic::error(
                        rel,
                        Pos::START,
                        "symbolic links to folders are not followed",
                    ));
                    continue;
                }
                _ => {
                    diagnostics.push(
                        Diagnostic::error(
                            rel,
                            Pos::START,
                            "this symbolic link points outside the site; it is not published",
                        )
                        .with_help("copy what it points to into the site instead of linking to it"),
                    );
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        let components: Vec<String> = entry
            .path()
            .strip_prefix(&content)
            .expect("walkdir yields paths below its root")
            .iter()
            // Names copied from macOS are often decomposed (NFD): compose them
            // like all other text, so front matter and links can name them.
            .map(|c| crate::load::source::nfc(c.to_string_lossy().into_owned()))
            .collect();
        let (name, dir_names) = components.split_last().expect("a file has a name");
        let mut dirs = Vec::with_capacity(dir_names.len());
        for dir in dir_names {
            let slug = slugify(dir);
            if slug.is_empty() {
                diagnostics.push(Diagnostic::error(
                    rel.clone(),
                    Pos::START,
                    format!("the folder name `{dir}` gives no URL; use letters or digits"),
                ));
            }
            dirs.push(slug);
        }
        by_dir.entry(dirs.clone()).or_default().push(Entry {
            abs: entry.path().to_path_buf(),
            rel,
            dirs,
            name: name.clone(),
        });
    }
    for entries in by_dir.into_values() {
        classify_dir(entries, &mut tree, diagnostics);
    }
    tree
}

fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn dir_path(dirs: &[String]) -> String {
    let mut path = String::new();
    for dir in dirs {
        path.push_str(dir);
        path.push('/');
    }
    path
}

fn classify_dir(entries: Vec<Entry>, tree: &mut ContentTree, diagnostics: &mut Diagnostics) {
    let is_bundle = entries.iter().any(|e| e.name == "index.md");
    let mut bundle_files = Vec::new();
    let mut pages = Vec::new();
    for entry in entries {
        let ext = extension(&entry.name);
        let dir = dir_path(&entry.dirs);
        match ext.as_str() {
            "md" | "markdown" => {
                let (kind, path) = match entry.name.as_str() {
                    "_index.md" if entry.dirs.is_empty() => (PageKind::Home, dir),
                    "_index.md" => (PageKind::Section, dir),
                    "index.md" if entry.dirs.is_empty() => {
                        diagnostics.push(
                            Diagnostic::error(
                                entry.rel,
                                Pos::START,
                                "content/index.md would take the home page's place",
                            )
                            .with_help("the home page is content/_index.md"),
                        );
                        continue;
                    }
                    "index.md" => (PageKind::Regular, dir),
                    name => {
                        let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
                        let slug = slugify(stem);
                        if slug.is_empty() {
                            diagnostics.push(Diagnostic::error(
                                entry.rel,
                                Pos::START,
                                format!(
                                    "the file name `{name}` gives no URL; use letters or digits"
                                ),
                            ));
                            continue;
                        }
                        (PageKind::Regular, format!("{dir}{slug}/"))
                    }
                };
                pages.push(PageFile {
                    rel: entry.rel,
                    kind,
                    path,
                    is_bundle: entry.name == "index.md",
                    bundle_files: Vec::new(),
                });
            }
            "yaml" | "yml" if is_bundle => tree.data_files.push((dir, entry.rel)),
            "yaml" | "yml" => diagnostics.push(
                Diagnostic::warning(
                    entry.rel,
                    Pos::START,
                    "this YAML file is not used: only files beside a campaign's index.md are read",
                )
                .with_help("move it into a campaign folder, or remove it"),
            ),
            _ => {
                if is_bundle {
                    let bytes = std::fs::metadata(&entry.abs).map_or(0, |m| m.len());
                    bundle_files.push(BundleFile {
                        name: entry.name.clone(),
                        bytes,
                    });
                }
                tree.assets.push(Asset {
                    out: format!("{dir}{}", entry.name),
                    abs: entry.abs,
                    rel: entry.rel,
                });
            }
        }
    }
    for mut page in pages {
        if page.is_bundle {
            page.bundle_files = bundle_files.clone();
        }
        tree.pages.push(page);
    }
}
