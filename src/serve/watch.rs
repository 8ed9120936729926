//! Watching the site's sources and calling for one rebuild per burst of saves.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

/// Editors' tools save in bursts (a temporary file, a rename, a second write):
/// a rebuild starts once nothing has changed for this long.
const QUIET: Duration = Duration::from_millis(30);

/// What is watched, relative to the root.
const WATCHED: &[&str] = &["content", "themes", "templates", "static", "site.yaml"];

/// Starts watching; `rebuild` runs on a thread of its own after each burst.
/// Dropping the returned watcher stops it.
pub fn spawn(
    root: PathBuf,
    rebuild: impl Fn() + Send + 'static,
) -> Result<notify::RecommendedWatcher, String> {
    let (tx, rx) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !matches!(event.kind, notify::EventKind::Access(_))
        {
            let _ = tx.send(());
        }
    })
    .map_err(|e| format!("cannot watch the site: {e}"))?;
    for name in WATCHED {
        let path = root.join(name);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            watcher
                .watch(&path, mode)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        }
    }
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            // Drain the burst: wait until the sources have been quiet.
            while rx.recv_timeout(QUIET).is_ok() {}
            rebuild();
        }
    });
    Ok(watcher)
}
