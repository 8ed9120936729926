//! Walking `content/` and deciding what each file is: a page, a section's list
//! page, a bundle file copied beside its page, or an asset copied as it is.
//!
//! URLs come from the file names, slugified per path component: `content/Tin
//! tức/Bài 1.md` is `tin-tuc/bai-1/`. Hidden files are skipped; symlinks that point
//! outside the site root are refused, so nothing outside it is ever published.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos, display_path};
use crate::model::page::{Asset, BundleFile, PageKind};
use crate::text::slug::slugify;

pub const CONTENT_DIR: &str = "content";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFile {
    /// Relative to the site root: `content/phong-trao/2022/index.md`.
    pub rel: PathBuf,
    /// Where the walk found it: the file read (`rel` names it in messages).
    pub abs: PathBuf,
    pub kind: PageKind,
    /// Site-relative directory of the output, `phong-trao/2022/`.
    pub path: String,
    /// `index.md`: the other files of its folder are its bundle.
    pub is_bundle: bool,
    pub bundle_files: Vec<BundleFile>,
}

#[derive(Debug, Default)]
pub struct ContentTree {
    pub pages: Vec<PageFile>,
    pub assets: Vec<Asset>,
    /// YAML files inside bundles (results lists).
    pub data_files: Vec<DataFile>,
}

/// A YAML file inside a bundle: a results list when the bundle is a campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFile {
    /// The site path of its bundle: `phong-trao/2022/`.
    pub dir: String,
    /// Relative to the site root, for messages.
    pub rel: PathBuf,
    /// The file read.
    pub abs: PathBuf,
}

struct Entry {
    abs: PathBuf,
    rel: PathBuf,
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
    if let Err(refusal) = inside_site(&canonical_root, &content) {
        diagnostics.push(refusal.diagnostic(PathBuf::from(CONTENT_DIR)));
        return tree;
    }
    let files = list_files(root, &canonical_root, &content, diagnostics);
    // Listing the folders is cheap; naming each file (its path for messages,
    // its name composed to NFC) and deciding what it is are not: both run in
    // parallel, and the results are put back in the walk's order.
    let entries: Vec<Entry> = files
        .into_par_iter()
        .map(|abs| Entry {
            rel: display_path(root, &abs),
            // Names copied from macOS are often decomposed (NFD): compose them
            // like all other text, so front matter and links can name them.
            name: crate::load::source::nfc(
                abs.file_name()
                    .expect("a file has a name")
                    .to_string_lossy()
                    .into_owned(),
            ),
            abs,
        })
        .collect();
    // Files grouped by the slugs of their folders (two folders whose names give
    // the same slugs are one), so a bundle's files are known with its page.
    // Each folder is named once, not once per file in it.
    let mut folders = FolderSlugs {
        root,
        content: &content,
        known: HashMap::new(),
    };
    let by_dir = group_by_folder(
        entries,
        |e| e.abs.parent().expect("a file below content/"),
        |folder| folders.of(folder, diagnostics).clone(),
    );
    let classified: Vec<(ContentTree, Diagnostics)> = by_dir
        .into_par_iter()
        .map(|(dirs, entries)| {
            let mut tree = ContentTree::default();
            let mut found = Diagnostics::new();
            classify_dir(&dirs, entries, &mut tree, &mut found);
            (tree, found)
        })
        .collect();
    for (folder, found) in classified {
        tree.pages.extend(folder.pages);
        tree.assets.extend(folder.assets);
        tree.data_files.extend(folder.data_files);
        diagnostics.extend(found);
    }
    tree
}

/// The slugs of the folders from `content/` down to a folder, worked out once
/// per folder; a folder whose own name gives no URL is reported once, there.
/// The files below `content/` in the walk's order (by name), hidden ones and
/// links out of the site left out (reported).
fn list_files(
    root: &Path,
    canonical_root: &Path,
    content: &Path,
    diagnostics: &mut Diagnostics,
) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let walker = WalkDir::new(content)
        .sort_by_file_name()
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
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
        if entry.path_is_symlink() {
            if let Err(refusal) = followed_link(canonical_root, entry.path()) {
                diagnostics.push(refusal.diagnostic(display_path(root, entry.path())));
                continue;
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        if entry.path().to_str().is_none() {
            diagnostics.push(not_utf8(display_path(root, entry.path())));
            continue;
        }
        files.push(entry.into_path());
    }
    files
}

/// Items grouped by the key of their folder, in their order within a group.
///
/// The walk lists a folder's files mostly together (a subfolder's files come
/// between them): each run of items in one folder is looked up once (hashing a
/// path walks its components), and the map merges the runs. Measured: 689.2 M
/// instructions against 693.4 M looking each file's folder up (−0.6%), one
/// build of a 1,000-page site (`bench/gen_site.py DIR --pages 1000`,
/// `bench/instructions DIR`). Guarded by `runs_group_as_single_items_would`.
fn group_by_folder<T, K: Ord>(
    items: Vec<T>,
    folder_of: impl Fn(&T) -> &Path,
    mut key_of: impl FnMut(&Path) -> K,
) -> BTreeMap<K, Vec<T>> {
    let mut groups: BTreeMap<K, Vec<T>> = BTreeMap::new();
    let mut items = items.into_iter().peekable();
    while let Some(first) = items.next() {
        let key = key_of(folder_of(&first));
        let folder = folder_of(&first).as_os_str().to_owned();
        let mut run = vec![first];
        while let Some(next) = items.next_if(|e| folder_of(e).as_os_str() == folder) {
            run.push(next);
        }
        groups.entry(key).or_default().extend(run);
    }
    groups
}

struct FolderSlugs<'a> {
    root: &'a Path,
    content: &'a Path,
    known: HashMap<PathBuf, Vec<String>>,
}

impl FolderSlugs<'_> {
    fn of(&mut self, folder: &Path, diagnostics: &mut Diagnostics) -> &Vec<String> {
        if !self.known.contains_key(folder) {
            let slugs = match folder.parent() {
                Some(parent) if folder != self.content => {
                    let mut slugs = self.of(parent, diagnostics).clone();
                    slugs.push(self.slug(folder, diagnostics));
                    slugs
                }
                _ => Vec::new(),
            };
            self.known.insert(folder.to_path_buf(), slugs);
        }
        &self.known[folder]
    }

    fn slug(&self, folder: &Path, diagnostics: &mut Diagnostics) -> String {
        let name = folder.file_name().expect("a folder below content/");
        // Names copied from macOS are often decomposed (NFD): composed first.
        let name = crate::load::source::nfc(name.to_string_lossy().into_owned());
        let slug = slugify(&name);
        if slug.is_empty() {
            diagnostics.push(Diagnostic::error(
                display_path(self.root, folder),
                Pos::START,
                format!("the folder name `{name}` gives no URL; use letters or digits"),
            ));
        }
        slug
    }
}

/// Why a file or folder reached through a symbolic link is not read.
#[derive(Debug)]
pub enum Refusal {
    /// It leads outside the site's root.
    Outside,
    /// It leads to a hidden file or into a hidden folder (`.git/config`,
    /// `.env`), which the walk itself never enters.
    Hidden,
    /// A link to a folder: links are followed to files only, so that no
    /// folder is walked twice or in a loop.
    Folder,
    Unreadable(std::io::Error),
}

impl Refusal {
    pub fn diagnostic(self, rel: PathBuf) -> Diagnostic {
        match self {
            Refusal::Outside => Diagnostic::error(
                rel,
                Pos::START,
                "this symbolic link points outside the site; it is not published",
            )
            .with_help("copy what it points to into the site instead of linking to it"),
            Refusal::Hidden => Diagnostic::error(
                rel,
                Pos::START,
                "this symbolic link points to a hidden file or folder of the site; it is not published",
            )
            .with_help("hidden files (names starting with `.`) are never published; copy the file under a plain name"),
            Refusal::Folder => Diagnostic::error(
                rel,
                Pos::START,
                "symbolic links to folders are not followed",
            )
            .with_help("move or copy the folder into place"),
            Refusal::Unreadable(e) => {
                Diagnostic::error(rel, Pos::START, format!("cannot read: {e}"))
            }
        }
    }
}

/// A name the walks skip: hidden files and folders (`.git`, `.DS_Store`).
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Where `path` really is (symbolic links followed), when that is inside
/// the site's root and not hidden. `canonical_root` is the root, canonical.
pub fn inside_site(canonical_root: &Path, path: &Path) -> Result<PathBuf, Refusal> {
    let real = match path.canonicalize() {
        Ok(real) => real,
        // A folder that does not exist holds nothing to refuse.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(Refusal::Unreadable(e)),
    };
    let Ok(below) = real.strip_prefix(canonical_root) else {
        return Err(Refusal::Outside);
    };
    if below.components().any(|c| is_hidden(c.as_os_str())) {
        return Err(Refusal::Hidden);
    }
    Ok(real)
}

/// A symbolic link met by a walk: followed when it leads to a file inside
/// the site that is not hidden.
pub fn followed_link(canonical_root: &Path, link: &Path) -> Result<PathBuf, Refusal> {
    let real = inside_site(canonical_root, link)?;
    if real.is_file() {
        Ok(real)
    } else if real.is_dir() {
        Err(Refusal::Folder)
    } else {
        // A dangling link.
        Err(Refusal::Unreadable(std::io::ErrorKind::NotFound.into()))
    }
}

/// A file whose name is not UTF-8 cannot be named in a URL or a message.
pub fn not_utf8(rel: PathBuf) -> Diagnostic {
    Diagnostic::error(
        rel,
        Pos::START,
        "the file's name is not valid UTF-8 (it was made on a system with another encoding)",
    )
    .with_help("rename the file, typing its name again")
}

/// The files of a folder of the site (a theme's or the site's `static/` or
/// `templates/`), as `(file, path below the folder)`, sorted: hidden files
/// skipped, the folder and links in it refused when they lead outside the
/// site or to hidden files, as in `content/`.
pub fn site_folder_files(
    root: &Path,
    folder: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(PathBuf, String)> {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if !folder.exists() && std::fs::symlink_metadata(folder).is_err() {
        return Vec::new();
    }
    if let Err(refusal) = inside_site(&canonical_root, folder) {
        // Named at the link that leads out (`themes`), not at each folder
        // read through it: a theme's static/ and templates/ give one error.
        diagnostics.push(refusal.diagnostic(display_path(root, &first_link(root, folder))));
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(folder)
        .sort_by_file_name()
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
        .flatten()
    {
        if entry.path_is_symlink() && entry.depth() > 0 {
            if let Err(refusal) = followed_link(&canonical_root, entry.path()) {
                diagnostics.push(refusal.diagnostic(display_path(root, entry.path())));
                continue;
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        let Some(rel) = entry
            .path()
            .strip_prefix(folder)
            .ok()
            .and_then(Path::to_str)
        else {
            diagnostics.push(not_utf8(display_path(root, entry.path())));
            continue;
        };
        #[cfg(windows)]
        let rel = rel.replace('\\', "/");
        files.push((entry.path().to_path_buf(), rel.to_owned()));
    }
    files
}

/// The first folder of `path` below `root` that is a symbolic link, else `path`.
fn first_link(root: &Path, path: &Path) -> PathBuf {
    let Ok(below) = path.strip_prefix(root) else {
        return path.to_path_buf();
    };
    let mut at = root.to_path_buf();
    for part in below.components() {
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return at;
        }
    }
    path.to_path_buf()
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

/// Decides what each file of one folder is; `dirs` are the folder's slugs.
fn classify_dir(
    dirs: &[String],
    entries: Vec<Entry>,
    tree: &mut ContentTree,
    diagnostics: &mut Diagnostics,
) {
    let is_bundle = entries.iter().any(|e| e.name == "index.md");
    let mut bundle_files = Vec::new();
    let mut pages = Vec::new();
    for entry in entries {
        let ext = extension(&entry.name);
        let dir = dir_path(dirs);
        match ext.as_str() {
            "md" | "markdown" => {
                let (kind, path) = match entry.name.as_str() {
                    "_index.md" if dirs.is_empty() => (PageKind::Home, dir),
                    "_index.md" => (PageKind::Section, dir),
                    "index.md" if dirs.is_empty() => {
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
                    abs: entry.abs,
                    kind,
                    path,
                    is_bundle: entry.name == "index.md",
                    bundle_files: Vec::new(),
                });
            }
            "yaml" | "yml" if is_bundle => tree.data_files.push(DataFile {
                dir,
                rel: entry.rel,
                abs: entry.abs,
            }),
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Grouping runs of one folder gives what grouping file by file gives,
        /// whatever the order of the walk, with folders that share a key.
        #[test]
        fn runs_group_as_single_items_would(
            files in proptest::collection::vec((0..6usize, 0..1000u32), 0..40),
        ) {
            let folders = ["c/a", "c/a/b", "c/b", "c/A", "c/a/b/c", "c"];
            // Two folders ("c/a" and "c/A") share a key, as two spellings of
            // one slug do.
            let key = |folder: &Path| folder.to_string_lossy().to_lowercase();
            let items: Vec<(PathBuf, u32)> = files
                .iter()
                .map(|&(f, n)| (Path::new(folders[f]).join(format!("{n}.md")), n))
                .collect();
            let mut plain: BTreeMap<String, Vec<(PathBuf, u32)>> = BTreeMap::new();
            for item in items.clone() {
                plain.entry(key(item.0.parent().unwrap())).or_default().push(item);
            }
            let grouped = group_by_folder(items, |(p, _)| p.parent().unwrap(), key);
            prop_assert_eq!(grouped, plain);
        }
    }
}
