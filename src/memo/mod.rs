//! Memory between builds, for `bangvang serve`: what the last good build read
//! and wrote, so that the next one re-reads only the files whose size or time
//! changed, renders Markdown again only for changed bodies, and renders and
//! writes only the outputs whose inputs changed.
//!
//! An output is skipped when the fingerprint of everything it is made from is
//! the one recorded last time: for a page, the template's name and the whole
//! context given to it (so any change a template could show, in any page,
//! re-renders exactly the pages that show it); for a data file, its bytes; for
//! a copied file, its source's name, size and time. Templates, site.yaml and
//! the build options are in every fingerprint, through [`Memo::key`]: changing
//! one of them renders everything again.
//!
//! `bangvang build` and `check` have no memory: they read and write everything.

use std::hash::Hasher;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::Xxh3;

use crate::load::Loading;
use crate::load::walk::PageFile;
use crate::model::page::Page;
use crate::model::results::ResultsList;
use crate::render::markdown;

mod fingerprint;

/// What a good build leaves for the next one.
#[derive(Default)]
pub struct Memo {
    /// Fingerprint of site.yaml, the templates and the build options.
    key: Option<u64>,
    /// By source path (`/`-separated, UTF-8 like every name of the site).
    pages: FxHashMap<String, (Stamp, PageFile, Loading<Arc<Page>>)>,
    lists: FxHashMap<String, (Stamp, Loading<Arc<ResultsList>>)>,
    /// By output path: the fingerprint of the body it was rendered from.
    markdown: FxHashMap<String, (u64, Arc<markdown::Rendered>)>,
    /// By output path: the fingerprint of what it was made from.
    outputs: FxHashMap<String, u64>,
}

impl Memo {
    /// The outputs the build wrote, site-relative.
    pub fn outputs(&self) -> impl Iterator<Item = &str> {
        self.outputs.keys().map(String::as_str)
    }
}

/// A source file's size, modification time and inode: when all are unchanged
/// the file is not read again. (Editors that save by renaming a new file over
/// the old one change the inode even within one tick of the file clock.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let inode = 0;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        })
    }
}

/// One build's view of the memory: the previous build's, read-only, and the
/// one being recorded, shared by the loading and rendering threads.
pub struct Recall {
    previous: Memo,
    /// Whether the previous build's outputs are still there to be kept: false
    /// when the key changed, so everything is written again.
    reuse_outputs: bool,
    next: Mutex<Memo>,
}

impl Recall {
    pub fn new(previous: Memo) -> Recall {
        Recall {
            previous,
            reuse_outputs: false,
            next: Mutex::new(Memo::default()),
        }
    }

    /// Sets the key of this build; what was remembered under another key is
    /// forgotten.
    pub fn set_key(&mut self, key: u64) {
        self.reuse_outputs = self.previous.key == Some(key);
        if !self.reuse_outputs {
            // Only the list of outputs is kept: those not made again are stale.
            let outputs = std::mem::take(&mut self.previous.outputs);
            self.previous = Memo {
                outputs,
                ..Memo::default()
            };
        }
        self.next_memo().key = Some(key);
    }

    /// Whether outputs the previous build wrote are kept when unchanged: the
    /// build then writes only what changed, over the previous output.
    pub fn reuses_outputs(&self) -> bool {
        self.reuse_outputs
    }

    /// The memory to keep for the next build, and the outputs of the previous
    /// build this one did not make (to be deleted).
    pub fn finish(self) -> (Memo, Vec<String>) {
        let next = self.next.into_inner().expect("no thread panics holding it");
        let stale = self
            .previous
            .outputs
            .keys()
            .filter(|out| !next.outputs.contains_key(*out))
            .cloned()
            .collect();
        // Freeing tens of thousands of entries takes a few milliseconds that the
        // reader waiting for the page need not wait.
        let previous = self.previous;
        std::thread::spawn(move || drop(previous));
        (next, stale)
    }

    /// The previous build's memory, for a build that failed (and wrote nothing).
    pub fn into_previous(self) -> Memo {
        self.previous
    }

    fn next_memo(&self) -> std::sync::MutexGuard<'_, Memo> {
        self.next.lock().expect("no thread panics holding it")
    }

    /// The page loaded from `file` last time, when its stamp is the same and
    /// so are its place and its bundle's files.
    pub fn page(&self, file: &PageFile, stamp: Stamp) -> Option<Loading<Arc<Page>>> {
        let (was, was_file, loading) = self.previous.pages.get(&*file.rel.to_string_lossy())?;
        (*was == stamp && was_file == file).then(|| loading.clone())
    }

    pub fn remember_page(&self, file: &PageFile, stamp: Stamp, loading: &Loading<Arc<Page>>) {
        self.next_memo().pages.insert(
            file.rel.to_string_lossy().into_owned(),
            (stamp, file.clone(), loading.clone()),
        );
    }

    pub fn list(&self, rel: &Path, stamp: Stamp) -> Option<Loading<Arc<ResultsList>>> {
        let (was, loading) = self.previous.lists.get(&*rel.to_string_lossy())?;
        (*was == stamp).then(|| loading.clone())
    }

    pub fn remember_list(&self, rel: &Path, stamp: Stamp, loading: &Loading<Arc<ResultsList>>) {
        self.next_memo()
            .lists
            .insert(rel.to_string_lossy().into_owned(), (stamp, loading.clone()));
    }

    /// The Markdown of the page at output path `out`, rendered by `render` only
    /// when its body changed.
    pub fn markdown(
        &self,
        out: &str,
        body: &str,
        render: impl FnOnce() -> markdown::Rendered,
    ) -> Arc<markdown::Rendered> {
        let fingerprint = xxhash_rust::xxh3::xxh3_64(body.as_bytes());
        let rendered = match self.previous.markdown.get(out) {
            Some((was, rendered)) if *was == fingerprint => Arc::clone(rendered),
            _ => Arc::new(render()),
        };
        self.next_memo()
            .markdown
            .insert(out.to_owned(), (fingerprint, Arc::clone(&rendered)));
        rendered
    }

    /// Records that `out` is made from inputs with this fingerprint; true when
    /// the previous build made it from the same ones, so it need not be
    /// written again.
    pub fn unchanged(&self, out: &str, fingerprint: u64) -> bool {
        self.next_memo().outputs.insert(out.to_owned(), fingerprint);
        self.reuse_outputs && self.previous.outputs.get(out) == Some(&fingerprint)
    }
}

/// The fingerprint of a page: its template, the fingerprint `base` of what
/// every page is given, and its own named inputs.
pub fn of_inputs(
    template: &str,
    base: u64,
    inputs: &[(&str, &dyn erased_serde::Serialize)],
) -> u64 {
    // Serialized into one buffer and hashed at once: XXH3 is many times faster
    // on one long input than on thousands of small writes.
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        buffer.extend_from_slice(template.as_bytes());
        buffer.push(0xff);
        buffer.extend_from_slice(&base.to_le_bytes());
        for (name, value) in inputs {
            fingerprint::write(*name, buffer);
            fingerprint::write(value, buffer);
        }
        xxhash_rust::xxh3::xxh3_64(buffer)
    })
}

/// The fingerprint of a data file's bytes.
pub fn of_bytes(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The fingerprint of a copied file: its source's path, size and time.
pub fn of_copy(from: &Path) -> u64 {
    let mut hasher = Xxh3::new();
    hasher.write(from.as_os_str().as_encoded_bytes());
    if let Some(stamp) = Stamp::of(from) {
        hasher.write_u64(stamp.len);
        if let Some(since) = stamp
            .modified
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        {
            hasher.write_u128(since.as_nanos());
        }
    }
    hasher.finish()
}

/// The fingerprint of the files every output depends on, and the options.
pub fn key(parts: &[&[u8]]) -> u64 {
    let mut hasher = Xxh3::new();
    for part in parts {
        hasher.write_u64(part.len() as u64);
        hasher.write(part);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn inputs_differing_anywhere_differ() {
        let print = |template: &str, title: &str, tags: &[&str]| {
            let page = json!({"title": title, "tags": tags});
            of_inputs(template, 1, &[("page", &page as _)])
        };
        let a = print("page.html", "Đợt 1", &["a", "b"]);
        assert_eq!(a, print("page.html", "Đợt 1", &["a", "b"]));
        assert_ne!(a, print("page.html", "Đợt 1", &["ab"]));
        assert_ne!(a, print("page.html", "Đợt 2", &["a", "b"]));
        assert_ne!(a, print("section.html", "Đợt 1", &["a", "b"]));
        let page = json!({"title": "Đợt 1", "tags": ["a", "b"]});
        assert_ne!(a, of_inputs("page.html", 2, &[("page", &page as _)]));
        assert_ne!(a, of_inputs("page.html", 1, &[("trang", &page as _)]));
    }

    #[test]
    fn outputs_are_reused_only_under_the_same_key() {
        let mut first = Recall::new(Memo::default());
        first.set_key(1);
        assert!(!first.unchanged("a/index.html", 7), "nothing to reuse yet");
        let (memo, stale) = first.finish();
        assert!(stale.is_empty());

        let mut second = Recall::new(memo);
        second.set_key(1);
        assert!(second.unchanged("a/index.html", 7));
        assert!(!second.unchanged("b/index.html", 7));
        let (memo, _) = second.finish();

        let mut third = Recall::new(memo);
        third.set_key(2);
        assert!(!third.unchanged("a/index.html", 7), "a new key writes all");
        let (_, stale) = third.finish();
        assert_eq!(stale, vec!["b/index.html".to_owned()]);
    }

    #[test]
    fn outputs_no_longer_made_are_stale() {
        let mut first = Recall::new(Memo::default());
        first.set_key(1);
        first.unchanged("a/index.html", 1);
        first.unchanged("b/index.html", 1);
        let (memo, _) = first.finish();
        let mut second = Recall::new(memo);
        second.set_key(1);
        second.unchanged("a/index.html", 1);
        let (_, stale) = second.finish();
        assert_eq!(stale, vec!["b/index.html".to_owned()]);
    }
}
