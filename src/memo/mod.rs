//! Memory between builds, for `bangvang serve`: what the last good build read
//! and wrote, so that the next one re-reads only the files whose version
//! (size, times, inode) changed, renders Markdown again only for changed
//! bodies, and renders and writes only the outputs whose inputs changed.
//!
//! The memory is behind the two interfaces the stages declare, and nothing
//! else sees it: [`load::FileMemory`] (a file unchanged since the last build
//! gives what it gave then) and [`render::write::OutputMemory`] (an output
//! whose fingerprint is the last build's is kept; see
//! `render/fingerprint.rs` for what a fingerprint covers). The build's key
//! (site.yaml, the templates, the static files and the options) is in every
//! output's record: when it changes, everything is written again.
//!
//! `bangvang build` and `check` have no memory: they read and write everything.

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use crate::load::source::FileVersion;
use crate::load::walk::{DataFile, PageFile};
use crate::load::{self, FileLoading, Loading};
use crate::model::page::Page;
use crate::model::results::ResultsList;
use crate::render::{self, markdown};

/// What a good build leaves for the next one.
#[derive(Default)]
pub struct Memo {
    /// Fingerprint of site.yaml, the templates, the static files and the
    /// build options.
    key: Option<u64>,
    /// By source path (`/`-separated, UTF-8 like every name of the site).
    pages: FxHashMap<String, Remembered<PageFile, Page>>,
    lists: FxHashMap<String, Remembered<DataFile, ResultsList>>,
    /// By output path: the fingerprint of the body it was rendered from.
    markdown: FxHashMap<String, (u64, Arc<markdown::Rendered>)>,
    /// By output path: the fingerprint of what it was made from.
    outputs: FxHashMap<String, u64>,
}

/// A file as the walk found it, the version read and what it gave.
type Remembered<F, T> = (F, FileVersion, Loading<Arc<T>>);

impl Memo {
    /// The outputs the build wrote, site-relative.
    pub fn outputs(&self) -> impl Iterator<Item = &str> {
        self.outputs.keys().map(String::as_str)
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
}

/// What `file` gave last time if its version is the same now (and so is its
/// place: a page whose bundle changed is decoded again), else `read()`'s;
/// remembered for the next build when the file could be read.
fn recall_file<F: Clone + PartialEq, T>(
    previous: &FxHashMap<String, Remembered<F, T>>,
    next: &Mutex<Memo>,
    slot: impl FnOnce(&mut Memo) -> &mut FxHashMap<String, Remembered<F, T>>,
    (file, rel, abs): (&F, &std::path::Path, &std::path::Path),
    read: &mut dyn FnMut() -> FileLoading<Arc<T>>,
) -> FileLoading<Arc<T>> {
    let key = rel.to_string_lossy();
    let now = FileVersion::of(abs);
    let (loading, version) = match previous.get(&*key) {
        Some((was_file, was, loading)) if Some(*was) == now && was_file == file => {
            (loading.clone(), now)
        }
        _ => read(),
    };
    if let Some(version) = version {
        let mut next = next.lock().expect("no thread panics holding it");
        slot(&mut next).insert(key.into_owned(), (file.clone(), version, loading.clone()));
    }
    (loading, version)
}

impl load::FileMemory for Recall {
    fn page(
        &self,
        file: &PageFile,
        read: &mut dyn FnMut() -> FileLoading<Arc<Page>>,
    ) -> FileLoading<Arc<Page>> {
        let place = (file, file.rel.as_path(), file.abs.as_path());
        recall_file(
            &self.previous.pages,
            &self.next,
            |m| &mut m.pages,
            place,
            read,
        )
    }

    fn list(
        &self,
        file: &DataFile,
        read: &mut dyn FnMut() -> FileLoading<Arc<ResultsList>>,
    ) -> FileLoading<Arc<ResultsList>> {
        let place = (file, file.rel.as_path(), file.abs.as_path());
        recall_file(
            &self.previous.lists,
            &self.next,
            |m| &mut m.lists,
            place,
            read,
        )
    }
}

impl render::write::OutputMemory for Recall {
    fn markdown(
        &self,
        out: &str,
        body: &str,
        render: &mut dyn FnMut() -> markdown::Rendered,
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

    fn unchanged(&self, out: &str, fingerprint: u64) -> bool {
        let recorded_before = self.next_memo().outputs.insert(out.to_owned(), fingerprint);
        // One record per output: see render/write.rs.
        debug_assert!(recorded_before.is_none(), "{out} was recorded twice");
        self.reuse_outputs && self.previous.outputs.get(out) == Some(&fingerprint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::write::OutputMemory;

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

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "recorded twice")]
    fn an_output_recorded_twice_is_a_bug() {
        let mut recall = Recall::new(Memo::default());
        recall.set_key(1);
        recall.unchanged("a/index.html", 1);
        recall.unchanged("a/index.html", 2);
    }
}
