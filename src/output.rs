//! Writing the site: into a staging folder beside the output, swapped in only
//! when the whole build succeeded. A failed build leaves the published output
//! exactly as it was; a reader never sees a half-written site.
//!
//! What this module promises, and how:
//! - **One atomic swap.** The staged site and the old output trade places in
//!   one `renameat2(RENAME_EXCHANGE)` (macOS: `renamex_np(RENAME_SWAP)`), so at
//!   every instant the output's name holds a whole site, the old or the new,
//!   even if the process is killed at any point. Where the file system cannot
//!   exchange (some network file systems, other systems), the output becomes
//!   a symbolic link to a release folder and the link is replaced by a rename,
//!   as `deploy/publish.sh` does on the server ([`Swap::Link`]).
//! - **One build of an output at a time.** A lock file beside the output
//!   (`.<name>.bangvang-lock`, `flock`) is held from before staging to after
//!   the swap; a second build waits for the first.
//! - **Nothing left behind.** The staging folder is removed on every error
//!   (its guard's `Drop`), the old site after the swap; a build killed
//!   mid-way leaves its staging folder, which the next build of the same
//!   output removes when it starts (it holds the lock, so none is in use).
//! - **Never someone else's folder.** Every site written carries a marker
//!   file ([`MARKER`]); a non-empty output without it is refused, not replaced,
//!   and only folders carrying it (or empty ones) are ever removed.
//! - **A symbolic link as the output** is followed: the folder it points to
//!   is replaced, so a web server serving that folder sees the new site.

use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use crate::diagnostics::{Diagnostic, Pos};

/// Where rendered files go. Implementations are shared by the rendering threads.
pub trait Sink: Sync {
    /// Writes `bytes` at the site-relative path `rel` (`phong-trao/2022/index.html`).
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()>;
    /// Copies the file `from` to the site-relative path `rel`.
    fn copy(&self, rel: &str, from: &Path) -> io::Result<()>;
    /// The folder being written, for messages.
    fn folder(&self) -> &Path;
}

/// A write or copy into `sink` that failed. The message names the folder,
/// not the file: a full disk fails every file alike, and the problem is
/// then reported once (identical diagnostics are merged), not once per page.
pub fn write_failed(sink: &dyn Sink, e: &io::Error) -> Diagnostic {
    Diagnostic::error(
        sink.folder(),
        Pos::NONE,
        format!("cannot write the new site into this folder: {e}"),
    )
    .with_help("check that the disk has free space and that the folder can be written to; the published site is unchanged")
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
    fn folder(&self) -> &Path {
        Path::new(".")
    }
}

/// The file every site bangvang writes carries at its root. A folder without
/// it was not made by bangvang: it is never replaced or removed.
pub const MARKER: &str = ".bangvang";
const MARKER_TEXT: &str = "Thư mục này do bangvang tạo ra; mỗi lần `bangvang build` thay toàn bộ thư mục.\n\
This folder was made by bangvang; every `bangvang build` replaces it whole.\n";

/// The name parts of what lives beside an output `public`: `.public.bangvang-lock`,
/// `.public.bangvang-build-XXXXXX`, `.public.bangvang-old-XXXXXX`,
/// `.public.bangvang-releases/`.
const LOCK_SUFFIX: &str = ".bangvang-lock";
const BUILD_INFIX: &str = ".bangvang-build-";
const OLD_INFIX: &str = ".bangvang-old-";
const RELEASES_SUFFIX: &str = ".bangvang-releases";

/// The output folder a build replaces, checked before anything is built.
#[derive(Debug, Clone)]
pub struct Target {
    /// The folder replaced: the output as given with symbolic links followed.
    /// In the link mode of [`Swap::Link`], the output as given.
    pub folder: PathBuf,
    /// The output is a link made by [`Swap::Link`]: replaced, not followed.
    link_mode: bool,
}

impl Target {
    fn parent(&self) -> PathBuf {
        parent_of(&self.folder)
    }

    fn name(&self) -> String {
        self.folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into())
    }

    /// A file or folder beside the output: `.<name><suffix>`.
    fn beside(&self, suffix: &str) -> PathBuf {
        self.parent().join(format!(".{}{suffix}", self.name()))
    }
}

/// Checks the output folder the way the swap will need it, before a build:
/// not the sources (see [`check_output_dir`]), a folder if it exists, not a
/// mount point (a folder cannot be swapped across file systems), and either
/// empty or made by bangvang. `check` runs this too, so it fails where
/// `build` would.
pub fn prepare(root: &Path, output: &Path) -> Result<Target, Diagnostic> {
    check_output_dir(root, output)?;
    let refuse = |message: String, help: &str| {
        Err(Diagnostic::error(output, Pos::NONE, message).with_help(help.to_owned()))
    };
    let (folder, link_mode) = match std::fs::symlink_metadata(output) {
        Ok(meta) if meta.file_type().is_symlink() => {
            if is_release_link(output) {
                (output.to_path_buf(), true)
            } else {
                match output.canonicalize() {
                    Ok(target) => (target, false),
                    Err(e) => {
                        return refuse(
                            format!(
                                "the output is a symbolic link to a folder that cannot be opened: {e}"
                            ),
                            "point the link at an existing folder, or give another --output",
                        );
                    }
                }
            }
        }
        _ => (absolute(output), false),
    };
    let target = Target { folder, link_mode };
    if target.link_mode {
        return Ok(target);
    }
    // A link followed leads somewhere else: that place must not hold the
    // sources either.
    check_output_dir(root, &target.folder)?;
    match std::fs::metadata(&target.folder) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(target),
        Err(e) => refuse(
            format!("cannot open the output folder: {e}"),
            "give a folder you can write to",
        ),
        Ok(meta) if !meta.is_dir() => refuse(
            "the output exists and is not a folder".into(),
            "give the name of a folder (a new one is made)",
        ),
        Ok(_) if is_mount_point(&target.folder) => refuse(
            "the output folder is a mount point; bangvang replaces the output folder whole, which cannot be done across file systems".into(),
            "give a folder inside it, such as <mount point>/site",
        ),
        Ok(_) if !is_ours_or_empty(&target.folder) => refuse(
            format!(
                "this folder was not made by bangvang (it has no {MARKER} file) and is not empty; it would be replaced whole"
            ),
            "give an empty or new folder",
        ),
        Ok(_) => Ok(target),
    }
}

/// Whether `path` is a symbolic link into its own releases folder, as
/// [`Swap::Link`] makes it.
fn is_release_link(path: &Path) -> bool {
    let Ok(link) = std::fs::read_link(path) else {
        return false;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut parts = link.components();
    matches!(parts.next(), Some(Component::Normal(first))
        if first.to_string_lossy() == format!(".{name}{RELEASES_SUFFIX}"))
        && matches!(parts.next(), Some(Component::Normal(_)))
        && parts.next().is_none()
}

/// A folder bangvang made (it holds the marker), or an empty one.
fn is_ours_or_empty(folder: &Path) -> bool {
    folder.join(MARKER).is_file()
        || std::fs::read_dir(folder).is_ok_and(|mut entries| entries.next().is_none())
}

#[cfg(unix)]
fn is_mount_point(folder: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let parent = folder.parent().unwrap_or(folder);
    match (std::fs::metadata(folder), std::fs::metadata(parent)) {
        (Ok(a), Ok(b)) => a.dev() != b.dev() || a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_: &Path) -> bool {
    false
}

/// Held while one build writes and swaps an output: an exclusive `flock` on
/// `.<name>.bangvang-lock` beside it. The file is removed before the lock
/// is released, so none is left beside the site; a build that opened the
/// file just before checks, once it holds the lock, that the name still
/// leads to the file it locked, and tries again if not.
struct OutputLock {
    file: std::fs::File,
    path: PathBuf,
}

impl OutputLock {
    fn take(path: &Path) -> io::Result<OutputLock> {
        let mut said = false;
        loop {
            let file = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(path)?;
            #[cfg(unix)]
            {
                use rustix::fs::{FlockOperation, flock};
                use std::os::unix::fs::MetadataExt;
                if flock(&file, FlockOperation::NonBlockingLockExclusive).is_err() {
                    if !said {
                        eprintln!(
                            "{}",
                            crate::messages::tr(
                                "bangvang: another build of this output is running; waiting for it to finish"
                            )
                        );
                        said = true;
                    }
                    flock(&file, FlockOperation::LockExclusive)?;
                }
                let locked = file.metadata()?.ino();
                match std::fs::metadata(path) {
                    Ok(now) if now.ino() == locked => {}
                    // Removed (or replaced) by the build that held it.
                    _ => continue,
                }
            }
            return Ok(OutputLock {
                file,
                path: path.to_path_buf(),
            });
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still locked: see the type's comment.
        let _ = std::fs::remove_file(&self.path);
        let _ = &self.file;
    }
}

/// A new site being written next to the output it will replace. Dropped
/// without [`Staging::commit`], it removes what it wrote.
pub struct Staging {
    dir: PathBuf,
    target: Target,
    /// Released after the swap (and kept by [`Overlay`] until it is done).
    _lock: Option<OutputLock>,
    committed: bool,
    /// The staging folder, open: folders are made and pages written relative
    /// to it (copies, a handful of files, go through the absolute path).
    #[cfg(unix)]
    folder: rustix::fd::OwnedFd,
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_tree(&self.dir);
        }
    }
}

/// How the new site replaces the old.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swap {
    /// The staged folder and the output trade places in one system call.
    Exchange,
    /// The output is a symbolic link to `.<name>.bangvang-releases/<id>`; a
    /// new link is renamed over it. For file systems without an exchange.
    Link,
}

impl Staging {
    /// Takes the output's lock, removes what killed builds left beside it,
    /// and makes the staging folder (with the marker in it).
    pub fn new(target: &Target) -> io::Result<Staging> {
        let parent = target.parent();
        std::fs::create_dir_all(&parent)?;
        let lock = OutputLock::take(&target.beside(LOCK_SUFFIX))?;
        remove_leftovers(target);
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{}{BUILD_INFIX}", target.name()))
            .tempdir_in(&parent)?
            .keep();
        let staging = Staging {
            #[cfg(unix)]
            folder: match rustix::fs::open(
                &dir,
                rustix::fs::OFlags::DIRECTORY | rustix::fs::OFlags::CLOEXEC,
                rustix::fs::Mode::empty(),
            ) {
                Ok(fd) => fd,
                Err(e) => {
                    let _ = std::fs::remove_dir(&dir);
                    return Err(e.into());
                }
            },
            dir,
            target: target.clone(),
            _lock: Some(lock),
            committed: false,
        };
        std::fs::write(staging.dir.join(MARKER), MARKER_TEXT)?;
        Ok(staging)
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
        return std::fs::create_dir_all(self.dir.join(parent));
    }

    /// The absolute path of `rel` below the staging folder, its folder made.
    fn target_of(&self, rel: &str) -> io::Result<PathBuf> {
        check_plain_relative(rel)?;
        self.make_parent(rel)?;
        Ok(self.dir.join(rel))
    }

    /// Replaces the output with the staged site in one atomic step (see the
    /// module's comment). The old site is removed after; if it cannot be
    /// (a folder made read-only), the new site is published all the same
    /// and the returned warning says where the old copy was left.
    pub fn commit(mut self) -> io::Result<Option<String>> {
        make_world_readable(&self.dir)?;
        let swap = if self.target.link_mode {
            Swap::Link
        } else {
            Swap::Exchange
        };
        let old = match swap {
            Swap::Exchange => match exchange_or_move(&self.dir, &self.target.folder) {
                Ok(old) => old,
                Err(e) if exchange_unsupported(&e) => self.swap_link()?,
                Err(e) => return Err(e),
            },
            Swap::Link => self.swap_link()?,
        };
        self.committed = true;
        Ok(old.and_then(|old| {
            remove_tree(&old).err().map(|e| {
                format!(
                    "the new site is published, but the old copy could not be removed from {}: {e}; remove it by hand",
                    old.display()
                )
            })
        }))
    }

    /// [`Swap::Link`]: the staged folder becomes a release, and a new link to
    /// it is renamed over the output. The first time, an output that is a
    /// real folder is moved aside first: the only moment without a site, said
    /// in docs/publishing.md.
    fn swap_link(&mut self) -> io::Result<Option<PathBuf>> {
        let output = &self.target.folder;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = parent_of(output);
        let releases_name = format!(".{name}{RELEASES_SUFFIX}");
        let releases = parent.join(&releases_name);
        std::fs::create_dir_all(&releases)?;
        let release_name = self
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let release = releases.join(&release_name);
        std::fs::rename(&self.dir, &release)?;
        self.dir = release.clone();
        let previous = std::fs::read_link(output).ok().map(|l| parent.join(l));
        let link = parent.join(format!(".{name}.bangvang-link"));
        let _ = std::fs::remove_file(&link);
        symlink_dir(&Path::new(&releases_name).join(&release_name), &link)?;
        let old = match std::fs::symlink_metadata(output) {
            Ok(meta) if meta.is_dir() => {
                let aside = parent.join(format!(".{name}{OLD_INFIX}{}", unique_suffix()));
                std::fs::rename(output, &aside)?;
                Some(aside)
            }
            _ => previous,
        };
        std::fs::rename(&link, output)?;
        Ok(old)
    }
}

/// Swaps `staged` and `output` (or moves `staged` to `output` when there is
/// none yet); returns where the old site now is.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange_or_move(staged: &Path, output: &Path) -> io::Result<Option<PathBuf>> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, staged, CWD, output, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(Some(staged.to_path_buf())),
        Err(rustix::io::Errno::NOENT) if !output.exists() => {
            // No output yet: a rename that refuses to replace anything made
            // meanwhile.
            renameat_with(CWD, staged, CWD, output, RenameFlags::NOREPLACE)?;
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange_or_move(_: &Path, _: &Path) -> io::Result<Option<PathBuf>> {
    Err(io::ErrorKind::Unsupported.into())
}

/// The errors a file system answers an exchange it does not know with.
fn exchange_unsupported(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        let code = e.raw_os_error();
        let einval = rustix::io::Errno::INVAL.raw_os_error();
        let enosys = rustix::io::Errno::NOSYS.raw_os_error();
        let enotsup = rustix::io::Errno::NOTSUP.raw_os_error();
        if code == Some(einval) || code == Some(enosys) || code == Some(enotsup) {
            return true;
        }
    }
    e.kind() == io::ErrorKind::Unsupported
}

#[cfg(unix)]
fn symlink_dir(target: &Path, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink_dir(target: &Path, link: &Path) -> io::Result<()> {
    std::os::windows::fs::symlink_dir(target, link)
}

fn unique_suffix() -> String {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{:x}{:x}", std::process::id(), nanos)
}

/// Removes what killed builds of this output left beside it: staging folders
/// and old copies (each holding the marker, or empty), and old releases of
/// [`Swap::Link`] other than the published one. Called with the lock held, so
/// none of them is in use. Also the names that versions before the marker
/// used (`.bangvang-build-XXXXXX`, `.<name>.old-XXXXXX`), once they are an
/// hour old: another output's build of such a version could still be using one.
fn remove_leftovers(target: &Target) {
    let parent = target.parent();
    let name = target.name();
    let ours = [
        format!(".{name}{BUILD_INFIX}"),
        format!(".{name}{OLD_INFIX}"),
    ];
    let legacy = [".bangvang-build-".to_owned(), format!(".{name}.old-")];
    let Ok(entries) = std::fs::read_dir(&parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir {
            continue;
        }
        let killed_build =
            ours.iter().any(|p| file_name.starts_with(p.as_str())) && is_ours_or_empty(&path);
        let legacy_left = legacy.iter().any(|p| {
            file_name.strip_prefix(p.as_str()).is_some_and(|rest| {
                rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric())
            })
        }) && older_than(&path, Duration::from_secs(3600));
        if killed_build || legacy_left {
            let _ = remove_tree(&path);
        }
    }
    let releases = target.beside(RELEASES_SUFFIX);
    let published = std::fs::read_link(&target.folder)
        .ok()
        .and_then(|l| l.file_name().map(|n| n.to_owned()));
    if let Ok(entries) = std::fs::read_dir(&releases) {
        for entry in entries.flatten() {
            if Some(entry.file_name()) != published && is_ours_or_empty(&entry.path()) {
                let _ = remove_tree(&entry.path());
            }
        }
    }
}

fn older_than(path: &Path, age: Duration) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|elapsed| elapsed > age)
}

/// Removes a folder and everything in it, making read-only folders writable
/// first when that is what stops it (a site copied read-only, as a
/// non-root user cannot delete from).
pub fn remove_tree(path: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                for entry in walkdir::WalkDir::new(path)
                    .follow_links(false)
                    .into_iter()
                    .flatten()
                {
                    if entry.file_type().is_dir() {
                        let _ = std::fs::set_permissions(
                            entry.path(),
                            std::fs::Permissions::from_mode(0o700),
                        );
                    }
                }
            }
            std::fs::remove_dir_all(path)
        }
        other => other,
    }
}

impl Sink for Staging {
    #[cfg(unix)]
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.write_at(rel, bytes)
    }

    #[cfg(not(unix))]
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        std::fs::write(self.target_of(rel)?, bytes)
    }

    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        let to = self.target_of(rel)?;
        std::fs::copy(from, &to)?;
        // A copy takes its source's permissions: an editor's private file
        // (0600) would be unreadable to the web server.
        set_published_permissions(&to)
    }

    fn folder(&self) -> &Path {
        &self.dir
    }
}

#[cfg(unix)]
fn set_published_permissions(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_published_permissions(_: &Path) -> io::Result<()> {
    Ok(())
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
    pub fn new(target: &Target) -> io::Result<Overlay> {
        Ok(Overlay {
            staging: Staging::new(target)?,
            written: Mutex::default(),
        })
    }

    /// Replaces the output by what was written, as [`Staging::commit`] does:
    /// for a rebuild that wrote every file.
    pub fn replace(self) -> io::Result<()> {
        self.staging.commit().map(|_| ())
    }

    /// Moves the written files over the output and deletes `stale` files of
    /// the previous build. Returns how many files were moved.
    pub fn apply(self, stale: &[String]) -> io::Result<usize> {
        let output = &self.staging.target.folder;
        let written = self.written.into_inner().expect("no panics holding it");
        for rel in &written {
            let to = output.join(rel);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::rename(self.staging.dir.join(rel), to)?;
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

    fn folder(&self) -> &Path {
        self.staging.folder()
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
            Pos::NONE,
            "refusing this output folder: it is, contains, or lies inside the site's sources",
        )
        .with_help("choose a separate folder such as `public`"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(root: &Path, output: &Path) -> Target {
        prepare(root, output).unwrap()
    }

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
        let staging = Staging::new(&target(dir.path(), &output)).unwrap();
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
        assert!(output.join(MARKER).is_file());
        assert!(!dir.path().join("escape.html").exists());
    }

    /// What is beside the output, but the output and its lock.
    fn leftovers(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "public")
            .collect();
        names.sort();
        names
    }

    #[test]
    fn both_swaps_replace_the_site_and_leave_nothing_beside_it() {
        for swap in [Swap::Exchange, Swap::Link] {
            let dir = tempfile::tempdir().unwrap();
            let output = dir.path().join("public");
            for round in 0..3 {
                let mut staging = Staging::new(&target(dir.path(), &output)).unwrap();
                staging
                    .write("index.html", format!("round {round}").as_bytes())
                    .unwrap();
                if swap == Swap::Link && !staging.target.link_mode {
                    // The file system here can exchange: take the other way
                    // by hand, as one without would.
                    let old = staging.swap_link().unwrap();
                    staging.committed = true;
                    if let Some(old) = old {
                        remove_tree(&old).unwrap();
                    }
                } else {
                    assert_eq!(staging.commit().unwrap(), None);
                }
                let page = std::fs::read_to_string(output.join("index.html")).unwrap();
                assert_eq!(page, format!("round {round}"), "{swap:?}");
            }
            let mut expected = Vec::new();
            if swap == Swap::Link {
                assert!(is_release_link(&output));
                expected.push(format!(".public{RELEASES_SUFFIX}"));
                // The next build removes the releases no longer published.
                drop(Staging::new(&target(dir.path(), &output)).unwrap());
                let releases = std::fs::read_dir(dir.path().join(&expected[0])).unwrap();
                assert_eq!(releases.count(), 1);
            }
            assert_eq!(leftovers(dir.path()), expected, "{swap:?}");
        }
    }

    #[test]
    fn a_staging_folder_dropped_without_commit_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let staging = Staging::new(&target(dir.path(), &output)).unwrap();
        staging.write("a/index.html", b"x").unwrap();
        drop(staging);
        assert!(leftovers(dir.path()).is_empty());
        assert!(!output.exists());
    }

    #[test]
    fn leftovers_of_killed_builds_are_removed_but_not_other_folders() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let killed = dir.path().join(format!(".public{BUILD_INFIX}abc123"));
        std::fs::create_dir_all(killed.join("a")).unwrap();
        std::fs::write(killed.join(MARKER), MARKER_TEXT).unwrap();
        // Same name, but not ours: kept.
        let foreign = dir.path().join(format!(".public{OLD_INFIX}mine"));
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("report.docx"), "x").unwrap();
        drop(Staging::new(&target(dir.path(), &output)).unwrap());
        assert_eq!(leftovers(dir.path()), [format!(".public{OLD_INFIX}mine")]);
    }

    #[test]
    fn a_folder_not_made_by_bangvang_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let deploy = dir.path().join("deploy");
        std::fs::create_dir(&deploy).unwrap();
        assert!(
            prepare(dir.path(), &deploy).is_ok(),
            "an empty folder is fine"
        );
        std::fs::write(deploy.join("report.txt"), "keep me").unwrap();
        let refused = prepare(dir.path(), &deploy).unwrap_err();
        assert!(
            refused.message.contains("not made by bangvang"),
            "{refused}"
        );
        std::fs::write(dir.path().join("file"), "x").unwrap();
        assert!(prepare(dir.path(), &dir.path().join("file")).is_err());
    }

    #[test]
    fn a_mount_point_is_refused_before_anything_is_built() {
        // /dev/shm is a file system of its own on Linux machines.
        let shm = Path::new("/dev/shm");
        if !shm.is_dir() || !is_mount_point(shm) {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let refused = prepare(dir.path(), shm).unwrap_err();
        assert!(refused.message.contains("mount point"), "{refused}");
    }

    #[test]
    fn an_output_link_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let served = dir.path().join("var-www");
        std::fs::create_dir(&served).unwrap();
        let link = dir.path().join("public");
        std::os::unix::fs::symlink(&served, &link).unwrap();
        let staging = Staging::new(&target(dir.path(), &link)).unwrap();
        staging.write("index.html", b"new").unwrap();
        staging.commit().unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            std::fs::read_to_string(served.join("index.html")).unwrap(),
            "new"
        );
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
