//! `bangvang serve`: the editors' preview. Builds the site into a private
//! folder, serves it on loopback, rebuilds when a source changes and reloads
//! open pages. A build that fails keeps the last good site online and shows its
//! problems at the top of every page (and in the terminal) until it is fixed.
//!
//! The reload script is added to pages as they are served; the built files,
//! like the published site, never contain it.

mod http;
mod watch;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};

use crate::BuildOptions;
use crate::diagnostics::Diagnostic;
use crate::memo::Memo;

/// What the server knows about the latest build.
#[derive(Default)]
struct State {
    /// Bumped after every build, good or bad: open pages reload when it changes.
    generation: u64,
    /// The problems of the latest build, when it failed.
    problems: Option<Vec<String>>,
}

/// Shared between the watcher, the builder and the request handlers.
struct Shared {
    /// One build at a time: the first build and the watcher's may overlap.
    /// Each leaves its memory for the next, which then does only what changed.
    building: Mutex<Memo>,
    state: Mutex<State>,
    changed: Condvar,
    output: PathBuf,
}

pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: std::net::IpAddr,
    pub port: u16,
}

/// Runs until the process is stopped. Prints the address, then one line per
/// rebuild.
pub fn serve(options: ServeOptions) -> Result<(), String> {
    let output = tempfile::Builder::new()
        .prefix("bangvang-serve-")
        .tempdir()
        .map_err(|e| format!("cannot create a folder for the preview: {e}"))?;
    let server = tiny_http::Server::http(SocketAddr::new(options.bind, options.port))
        .map_err(|e| format!("cannot listen on {}:{}: {e}", options.bind, options.port))?;
    let address = server
        .server_addr()
        .to_ip()
        .ok_or("the server has no IP address")?;
    let mut build = options.build;
    build.output = Some(output.path().join("site"));
    // Permalinks and the 404 page point at the preview, not at the real site.
    build.base_url = Some(format!("http://{address}/"));

    let shared = Arc::new(Shared {
        building: Mutex::new(Memo::default()),
        state: Mutex::new(State::default()),
        changed: Condvar::new(),
        output: output.path().join("site"),
    });
    // Watch before the first build, so that no save after the address is
    // printed can be missed.
    let watcher = watch::spawn(build.root.clone(), {
        let shared = Arc::clone(&shared);
        let build = build.clone();
        move || rebuild(&build, &shared)
    })?;
    rebuild(&build, &shared);
    println!("bangvang serve: http://{address}/ (Ctrl+C to stop)");
    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || http::respond(request, shared));
    }
    drop(watcher);
    Ok(())
}

/// Builds into the preview folder and tells open pages.
fn rebuild(build: &BuildOptions, shared: &Shared) {
    let mut memo = shared
        .building
        .lock()
        .expect("no build panics holding the lock");
    let (result, next) = crate::rebuild(build, std::mem::take(&mut *memo));
    *memo = next;
    let problems = match result {
        Ok(report) => {
            for warning in &report.warnings {
                eprintln!("{warning}");
            }
            let written = report.pages + report.data_files + report.files_copied;
            println!("built in {} ms; {written} files changed", report.millis);
            None
        }
        Err(diagnostics) => {
            let lines: Vec<String> = diagnostics.iter().map(Diagnostic::to_string).collect();
            for line in &lines {
                eprintln!("{line}");
            }
            eprintln!("the build failed; the last good site is still served");
            Some(lines)
        }
    };
    let mut state = shared
        .state
        .lock()
        .expect("no thread panics holding the state");
    state.generation += 1;
    state.problems = problems;
    shared.changed.notify_all();
}
