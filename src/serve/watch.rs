//! Watching the site's sources and calling for one rebuild per burst of saves.
//!
//! The root itself is watched (not recursively) as well as each source folder:
//! editors that save by writing a new file and renaming it over the old one
//! replace `site.yaml`'s inode, and a `templates/` or `static/` folder may be
//! created while the preview runs; both are seen through the root.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

/// Editors' tools save in bursts (a temporary file, a rename, a second write):
/// a rebuild starts once nothing has changed for this long.
const QUIET: Duration = Duration::from_millis(30);

/// What is watched, relative to the root.
const FOLDERS: &[&str] = &["content", "themes", "templates", "static"];
const CONFIG: &str = "site.yaml";

/// Whether a changed path is one of the site's sources.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    match rel.components().next() {
        Some(first) => {
            let first = first.as_os_str().to_string_lossy();
            first == CONFIG || FOLDERS.contains(&first.as_ref())
        }
        None => false,
    }
}

/// Adds a recursive watch for every source folder that exists and is not
/// watched yet.
fn watch_folders(
    watcher: &Mutex<notify::RecommendedWatcher>,
    root: &Path,
    watched: &mut HashSet<PathBuf>,
) {
    let mut watcher = watcher
        .lock()
        .expect("no thread panics holding the watcher");
    for name in FOLDERS {
        let path = root.join(name);
        if path.is_dir()
            && !watched.contains(&path)
            && watcher.watch(&path, RecursiveMode::Recursive).is_ok()
        {
            watched.insert(path);
        }
    }
}

/// Starts watching; `rebuild` runs on a thread of its own after each burst.
/// Dropping the returned watcher stops it.
pub fn spawn(
    root: PathBuf,
    rebuild: impl Fn() + Send + 'static,
) -> Result<Arc<Mutex<notify::RecommendedWatcher>>, String> {
    let root = root.canonicalize().unwrap_or(root);
    let (tx, rx) = mpsc::channel::<()>();
    let filter_root = root.clone();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !matches!(event.kind, notify::EventKind::Access(_))
            && event.paths.iter().any(|p| is_source(&filter_root, p))
        {
            let _ = tx.send(());
        }
    })
    .map_err(|e| format!("cannot watch the site: {e}"))?;
    let watcher = Arc::new(Mutex::new(watcher));
    watcher
        .lock()
        .expect("just created")
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    let mut watched = HashSet::new();
    watch_folders(&watcher, &root, &mut watched);
    let folders = Arc::clone(&watcher);
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            // Drain the burst: wait until the sources have been quiet.
            while rx.recv_timeout(QUIET).is_ok() {}
            watch_folders(&folders, &root, &mut watched);
            rebuild();
        }
    });
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_trigger_rebuilds() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/site.yaml")));
        assert!(is_source(root, Path::new("/site/content/a.md")));
        assert!(is_source(root, Path::new("/site/templates")));
        assert!(!is_source(root, Path::new("/site/public/index.html")));
        assert!(!is_source(root, Path::new("/site/.git/index")));
        assert!(!is_source(root, Path::new("/elsewhere/content/a.md")));
    }
}
