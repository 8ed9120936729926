//! Writing the site: into a staging directory beside the output, swapped in only
//! when the whole build succeeded. A failed build leaves the published output
//! exactly as it was; a reader never sees a half-written site.

use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::diagnostics::{Diagnostic, Pos};

/// Where rendered files go. Implementations are shared by the rendering threads.
pub trait Sink: Sync {
    /// Writes `bytes` at the site-relative path `rel` (`phong-trao/2022/index.html`).
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()>;
    /// Copies the file `from` to the site-relative path `rel`.
    fn copy(&self, rel: &str, from: &Path) -> io::Result<()>;
}

/// A sink that keeps nothing: `bangvang check` renders everything and writes nothing.
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> io::Result<()> {
        Ok(())
    }
    fn copy(&self, _: &str, from: &Path) -> io::Result<()> {
        std::fs::metadata(from).map(|_| ())
    }
}

/// A new site being written next to the output it will replace.
pub struct Staging {
    dir: tempfile::TempDir,
    output: PathBuf,
    /// The staging folder, open: folders are made and pages written relative
    /// to it (copies, a handful of files, go through the absolute path).
    #[cfg(unix)]
    folder: rustix::fd::OwnedFd,
}

impl Staging {
    pub fn new(output: &Path) -> io::Result<Staging> {
        let parent = parent_of(output);
        std::fs::create_dir_all(&parent)?;
        let dir = tempfile::Builder::new()
            .prefix(".bangvang-build-")
            .tempdir_in(&parent)?;
        Ok(Staging {
            #[cfg(unix)]
            folder: rustix::fs::open(
                dir.path(),
                rustix::fs::OFlags::DIRECTORY | rustix::fs::OFlags::CLOEXEC,
                rustix::fs::Mode::empty(),
            )?,
            dir,
            output: output.to_path_buf(),
        })
    }

    /// Writes `bytes` to `rel` below the staging folder, making its folder
    /// first: paths are resolved from the open folder, not from `/`.
    #[cfg(unix)]
    fn write_at(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        use rustix::fs::{Mode, OFlags};
        check_plain_relative(rel)?;
        self.make_parent(rel)?;
        // Retried when a signal interrupts it, as std's File::open does.
        let file = loop {
            match rustix::fs::openat(
                &self.folder,
                rel,
                OFlags::WRONLY | OFlags::CREATE | OFlags::TRUNC | OFlags::CLOEXEC,
                Mode::from_raw_mode(0o666),
            ) {
                Err(rustix::io::Errno::INTR) => {}
                opened => break opened?,
            }
        };
        let mut rest = bytes;
        while !rest.is_empty() {
            match rustix::io::write(&file, rest) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => rest = &rest[n..],
                Err(rustix::io::Errno::INTR) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    /// Every page has a folder of its own, so most writes make one: one
    /// mkdir, and its parents only when one is missing too.
    #[cfg(unix)]
    fn make_folder_at(&self, folder: &str) -> io::Result<()> {
        use rustix::io::Errno;
        let mkdir = || match rustix::fs::mkdirat(
            &self.folder,
            folder,
            rustix::fs::Mode::from_raw_mode(0o777),
        ) {
            Ok(()) | Err(Errno::EXIST) => Ok(()),
            Err(e) => Err(e),
        };
        match mkdir() {
            Err(Errno::NOENT) => {
                if let Some((parent, _)) = folder.rsplit_once('/') {
                    self.make_folder_at(parent)?;
                }
                Ok(mkdir()?)
            }
            made => Ok(made?),
        }
    }

    /// Makes the folder `rel` goes in. (A file where the folder should be
    /// fails at the write, "Not a directory".)
    fn make_parent(&self, rel: &str) -> io::Result<()> {
        let Some((parent, _)) = rel.rsplit_once('/') else {
            return Ok(());
        };
        #[cfg(unix)]
        return self.make_folder_at(parent);
        #[cfg(not(unix))]
        return std::fs::create_dir_all(self.dir.path().join(parent));
    }

    /// The absolute path of `rel` below the staging folder, its folder made.
    fn target(&self, rel: &str) -> io::Result<PathBuf> {
        check_plain_relative(rel)?;
        self.make_parent(rel)?;
        Ok(self.dir.path().join(rel))
    }

    /// Replaces the output with the staged site. The old output is moved aside
    /// first and removed after, so at every moment one complete site exists.
    pub fn commit(self) -> io::Result<()> {
        let staged = self.dir.keep();
        make_world_readable(&staged)?;
        let old = if self.output.exists() {
            if !self.output.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("{} exists and is not a folder", self.output.display()),
                ));
            }
            let name = self
                .output
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let old = tempfile::Builder::new()
                .prefix(&format!(".{name}.old-"))
                .tempdir_in(parent_of(&self.output))?
                .keep();
            std::fs::remove_dir(&old)?;
            std::fs::rename(&self.output, &old)?;
            Some(old)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(&staged, &self.output) {
            if let Some(old) = &old {
                let _ = std::fs::rename(old, &self.output);
            }
            let _ = std::fs::remove_dir_all(&staged);
            return Err(e);
        }
        if let Some(old) = old {
            std::fs::remove_dir_all(old)?;
        }
        Ok(())
    }
}

impl Sink for Staging {
    #[cfg(unix)]
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.write_at(rel, bytes)
    }

    #[cfg(not(unix))]
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        std::fs::write(self.target(rel)?, bytes)
    }

    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        std::fs::copy(from, self.target(rel)?).map(|_| ())
    }
}

/// The changed files of a rebuild in `serve`: written beside the output, then
/// moved over it one by one once the whole rebuild succeeded, so a failed
/// rebuild changes nothing and a reader gets each file old or new, never half
/// written.
pub struct Overlay {
    staging: Staging,
    written: Mutex<Vec<String>>,
}

impl Overlay {
    pub fn new(output: &Path) -> io::Result<Overlay> {
        Ok(Overlay {
            staging: Staging::new(output)?,
            written: Mutex::default(),
        })
    }

    /// Replaces the output by what was written, as [`Staging::commit`] does:
    /// for a rebuild that wrote every file.
    pub fn replace(self) -> io::Result<()> {
        self.staging.commit()
    }

    /// Moves the written files over the output and deletes `stale` files of
    /// the previous build. Returns how many files were moved.
    pub fn apply(self, stale: &[String]) -> io::Result<usize> {
        let output = &self.staging.output;
        let written = self.written.into_inner().expect("no panics holding it");
        for rel in &written {
            let to = output.join(rel);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::rename(self.staging.dir.path().join(rel), to)?;
        }
        for rel in stale.iter().filter(|rel| is_plain_relative(rel)) {
            match std::fs::remove_file(output.join(rel)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(written.len())
    }

    fn record(&self, rel: &str) {
        self.written
            .lock()
            .expect("no panics holding it")
            .push(rel.to_owned());
    }
}

impl Sink for Overlay {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.staging.write(rel, bytes)?;
        self.record(rel);
        Ok(())
    }

    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        self.staging.copy(rel, from)?;
        self.record(rel);
        Ok(())
    }
}

/// Temporary directories are private (0700); a published site must be readable by
/// the web server.
#[cfg(unix)]
fn make_world_readable(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn make_world_readable(_: &Path) -> io::Result<()> {
    Ok(())
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn check_plain_relative(rel: &str) -> io::Result<()> {
    if is_plain_relative(rel) {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write outside the output: {rel}"),
        ))
    }
}

fn is_plain_relative(rel: &str) -> bool {
    !rel.is_empty()
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// The absolute form of a path that may not exist yet.
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return path,
        }
    }
    let mut out = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    out.extend(rest.iter().rev());
    out
}

/// Folders of a site that hold sources: an output may not be, contain or lie
/// inside any of them, since the output folder is replaced whole.
const SOURCE_FOLDERS: &[&str] = &[
    "content",
    "themes",
    "templates",
    "static",
    "schemas",
    ".git",
];

/// Refuses an output directory that would overwrite the sources: the root itself
/// or a folder containing it, and `content/`, `themes/`, `templates/`, `static/`,
/// `schemas/` or `.git/`, a folder inside them, or a folder containing them.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let output_abs = absolute(output);
    let inside_sources = SOURCE_FOLDERS.iter().any(|name| {
        let folder = root.join(name);
        output_abs.starts_with(&folder) || folder.starts_with(&output_abs)
    });
    if root.starts_with(&output_abs) || inside_sources {
        return Err(Diagnostic::error(
            output.to_path_buf(),
            Pos::START,
            "refusing this output folder: it is, contains, or lies inside the site's sources",
        )
        .with_help("choose a separate folder such as `public`"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_written() {
        assert!(is_plain_relative("a/b/index.html"));
        assert!(!is_plain_relative("../x"));
        assert!(!is_plain_relative("/etc/x"));
        assert!(!is_plain_relative(""));
    }

    #[test]
    fn staged_files_are_written_below_the_staging_folder_only() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let staging = Staging::new(&output).unwrap();
        // A page's own folder, and a whole missing chain of folders.
        staging.write("index.html", b"home").unwrap();
        staging.write("a/index.html", b"a").unwrap();
        staging.write("b/c/d/index.html", b"d").unwrap();
        // Written again: replaced, not appended to.
        staging.write("a/index.html", b"A").unwrap();
        // A file where a folder should be fails; so does a way out.
        staging.write("f", b"").unwrap();
        assert!(staging.write("f/index.html", b"x").is_err());
        assert!(staging.write("../escape.html", b"x").is_err());
        assert!(staging.write("/tmp/escape.html", b"x").is_err());
        staging.commit().unwrap();
        let read = |rel: &str| std::fs::read_to_string(output.join(rel)).unwrap();
        assert_eq!(read("index.html"), "home");
        assert_eq!(read("a/index.html"), "A");
        assert_eq!(read("b/c/d/index.html"), "d");
        assert!(!dir.path().join("escape.html").exists());
    }

    #[test]
    fn output_may_not_hold_the_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("content")).unwrap();
        assert!(check_output_dir(root, root).is_err());
        assert!(check_output_dir(root, &root.join("content")).is_err());
        assert!(check_output_dir(root, &root.join("content/x")).is_err());
        assert!(check_output_dir(root, root.parent().unwrap()).is_err());
        assert!(check_output_dir(root, &root.join("themes")).is_err());
        assert!(check_output_dir(root, &root.join("static/x")).is_err());
        assert!(check_output_dir(root, &root.join(".git")).is_err());
        assert!(check_output_dir(root, &root.join("public")).is_ok());
    }
}
