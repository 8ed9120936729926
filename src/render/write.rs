//! Where rendering puts what it makes. Every output of a build goes through
//! one [`Writer`]: it counts what is written and, in `serve`, asks the memory
//! of the last build whether the output is made from the same inputs as
//! then (it is then still on disk, and is neither made nor written again).
//!
//! The memory needs one record per output, or the next build would think an
//! output stale and delete it (never recorded) or could not tell which of two
//! makings is on disk (recorded twice). Renderers never see the memory: they
//! give [`Writer`] an output's path, its fingerprint and how to make it, and
//! the record is made here, once per call.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::fingerprint;
use super::markdown;
use crate::diagnostics::{Diagnostic, Pos, display_path};
use crate::output::{self, Sink};

/// What `serve` remembers of the outputs of its last build (src/memo/).
pub trait OutputMemory: Sync {
    /// Records that `out` is made from inputs with this fingerprint, and says
    /// whether the last build made it from the same (so it is on disk as it
    /// would be written). Called exactly once per output of a build.
    fn unchanged(&self, out: &str, fingerprint: u64) -> bool;

    /// The Markdown of the page at `out`, rendered by `render` only when
    /// `body` changed since the last build.
    fn markdown(
        &self,
        out: &str,
        body: &str,
        render: &mut dyn FnMut() -> markdown::Rendered,
    ) -> Arc<markdown::Rendered>;
}

/// Writes a build's outputs into its sink; see the module's documentation.
pub struct Writer<'a> {
    sink: &'a dyn Sink,
    memory: Option<&'a dyn OutputMemory>,
    pages: AtomicUsize,
    data: AtomicUsize,
    copied: AtomicUsize,
}

/// What a [`Writer`] wrote: HTML pages, other files made, files copied.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub pages: usize,
    pub data_files: usize,
    pub files_copied: usize,
}

impl<'a> Writer<'a> {
    pub fn new(sink: &'a dyn Sink, memory: Option<&'a dyn OutputMemory>) -> Writer<'a> {
        Writer {
            sink,
            memory,
            pages: AtomicUsize::new(0),
            data: AtomicUsize::new(0),
            copied: AtomicUsize::new(0),
        }
    }

    /// Writes the output `out` (site-relative: `lich/index.html`) that `make`
    /// makes, unless the memory says it is unchanged: then neither runs.
    /// `fingerprint` is asked only in `serve`.
    pub fn make(
        &self,
        out: &str,
        fingerprint: impl FnOnce() -> u64,
        make: impl FnOnce(&mut Vec<u8>) -> Result<(), Diagnostic>,
    ) -> Result<(), Diagnostic> {
        if self.unchanged(out, fingerprint) {
            return Ok(());
        }
        let mut bytes = Vec::with_capacity(16 * 1024);
        make(&mut bytes)?;
        self.put(out, &bytes)
    }

    /// Writes the file `out` with these bytes, unless it is unchanged.
    pub fn bytes(&self, out: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        if self.unchanged(out, || fingerprint::of_bytes(bytes)) {
            return Ok(());
        }
        self.put(out, bytes)
    }

    /// Copies `from` to `out`, unless the source is unchanged since the last
    /// build copied it. `root` names the source in messages.
    pub fn copy(&self, root: &Path, out: &str, from: &Path) -> Result<(), Diagnostic> {
        if self.unchanged(out, || fingerprint::of_copy(from)) {
            return Ok(());
        }
        self.sink
            .copy(out, from)
            .map_err(|e| match std::fs::File::open(from) {
                // The source cannot be read: the editor's file is the problem.
                Err(e) => Diagnostic::error(
                    display_path(root, from),
                    Pos::NONE,
                    format!("cannot read the file to publish it: {e}"),
                ),
                Ok(_) => output::write_failed(self.sink, &e),
            })?;
        self.copied.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Publishes a file of the built-in theme, unless it is unchanged.
    pub fn copy_bytes(&self, out: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        if self.unchanged(out, || fingerprint::of_bytes(bytes)) {
            return Ok(());
        }
        self.sink
            .write(out, bytes)
            .map_err(|e| output::write_failed(self.sink, &e))?;
        self.copied.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// The Markdown of the page at `out`, from the memory when its body is
    /// unchanged.
    pub fn markdown(
        &self,
        out: &str,
        body: &str,
        mut render: impl FnMut() -> markdown::Rendered,
    ) -> Arc<markdown::Rendered> {
        match self.memory {
            Some(memory) => memory.markdown(out, body, &mut render),
            None => Arc::new(render()),
        }
    }

    /// What was written so far.
    pub fn written(&self) -> Written {
        Written {
            pages: self.pages.load(Ordering::Relaxed),
            data_files: self.data.load(Ordering::Relaxed),
            files_copied: self.copied.load(Ordering::Relaxed),
        }
    }

    fn unchanged(&self, out: &str, fingerprint: impl FnOnce() -> u64) -> bool {
        self.memory
            .is_some_and(|memory| memory.unchanged(out, fingerprint()))
    }

    fn put(&self, out: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.sink
            .write(out, bytes)
            .map_err(|e| output::write_failed(self.sink, &e))?;
        let counter = if out.ends_with(".html") {
            &self.pages
        } else {
            &self.data
        };
        counter.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}
