//! `bangvang serve`: the editors' preview. Builds the site into a private
//! folder, serves it on loopback, rebuilds when a source changes and reloads
//! open pages. A build that fails keeps the last good site online and shows its
//! problems at the top of every page (and in the terminal) until it is fixed.
//!
//! The reload script is added to pages as they are served; the built files,
//! like the published site, never contain it.

mod guide;
mod http;
mod watch;

use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};

use crate::BuildOptions;
use crate::diagnostics::Diagnostic;
use crate::memo::Memo;
use crate::messages::{Label, tr};

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

impl Shared {
    /// The latest build's state. A thread that panicked holding it (none
    /// should) leaves it as it was: a generation and a list of lines.
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: std::net::IpAddr,
    pub port: u16,
}

/// Runs until the process is stopped. Prints the address, then one line per
/// rebuild. Stopped by Ctrl+C or SIGTERM, it removes its preview folder.
pub fn serve(options: ServeOptions) -> Result<(), String> {
    let output = tempfile::Builder::new()
        .prefix("bangvang-serve-")
        .tempdir()
        .map_err(|e| format!("cannot create a folder for the preview: {e}"))?;
    let preview = output.path().to_path_buf();
    ctrlc::set_handler(move || {
        let _ = crate::output::remove_tree(&preview);
        std::process::exit(130);
    })
    .map_err(|e| format!("cannot watch for Ctrl+C: {e}"))?;
    let listener = TcpListener::bind(SocketAddr::new(options.bind, options.port))
        .map_err(|e| format!("cannot listen on {}:{}: {e}", options.bind, options.port))?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("the server has no address: {e}"))?;
    // Bound to every interface (0.0.0.0, ::), the server is reached on this
    // computer through loopback: the address printed and given to the pages.
    let local = if bound.ip().is_unspecified() {
        let loopback: std::net::IpAddr = if bound.is_ipv4() {
            std::net::Ipv4Addr::LOCALHOST.into()
        } else {
            std::net::Ipv6Addr::LOCALHOST.into()
        };
        SocketAddr::new(loopback, bound.port())
    } else {
        bound
    };
    let mut build = options.build;
    build.output = Some(output.path().join("site"));
    // Permalinks and the 404 page point at the preview, not at the real site.
    build.base_url = Some(format!("http://{local}/"));

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
    println!(
        "{}",
        tr(&format!("bangvang serve: http://{local}/ (Ctrl+C to stop)"))
    );
    if bound.ip().is_unspecified()
        && let Some(lan) = network_address(bound.is_ipv4())
    {
        println!(
            "{}",
            tr(&format!(
                "on the network: http://{}/",
                SocketAddr::new(lan, bound.port())
            ))
        );
    }
    http::run(listener, shared);
    drop(watcher);
    Ok(())
}

/// This computer's address on its network, as other computers reach it:
/// the one a packet to the outside would leave from (no packet is sent).
fn network_address(v4: bool) -> Option<std::net::IpAddr> {
    let (any, outside) = if v4 {
        ("0.0.0.0:0", "192.0.2.1:9")
    } else {
        ("[::]:0", "[2001:db8::1]:9")
    };
    let socket = std::net::UdpSocket::bind(any).ok()?;
    socket.connect(outside).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

/// Builds into the preview folder and tells open pages. A panic of the
/// build (a bug) is reported like a failed build: the watcher lives on, the
/// last good site is still served, and the next save builds everything again.
fn rebuild(build: &BuildOptions, shared: &Shared) {
    rebuild_with(shared, |memo| crate::rebuild(build, memo));
}

/// [`rebuild`] with the build given, for tests.
fn rebuild_with(
    shared: &Shared,
    build: impl FnOnce(Memo) -> (Result<crate::BuildReport, Vec<Diagnostic>>, Memo),
) {
    let mut memo = shared
        .building
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let previous = std::mem::take(&mut *memo);
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build(previous)));
    let problems = match built {
        Ok((result, next)) => {
            *memo = next;
            match result {
                Ok(report) => {
                    for warning in &report.warnings {
                        eprintln!("{}", warning.localized());
                    }
                    let written = report.pages + report.data_files + report.files_copied;
                    println!(
                        "{}",
                        tr(&format!(
                            "built in {} ms; {written} files changed",
                            report.millis
                        ))
                    );
                    None
                }
                Err(diagnostics) => {
                    // The banner of the preview shows them as the terminal does.
                    let lines: Vec<String> = diagnostics
                        .iter()
                        .map(|d| d.localized().to_string())
                        .collect();
                    for line in &lines {
                        eprintln!("{line}");
                    }
                    eprintln!(
                        "{}",
                        tr("the build failed; the last good site is still served")
                    );
                    Some(lines)
                }
            }
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let line = format!(
                "{}: {}",
                Label::Error.word(),
                tr(&format!(
                    "bangvang itself failed while building (a bug, please report it): {}",
                    crate::diagnostics::shown(&what)
                ))
            );
            eprintln!("{line}");
            eprintln!(
                "{}",
                tr("the last good site is still served; the next save builds everything again")
            );
            Some(vec![line])
        }
    };
    let mut state = shared.state();
    state.generation += 1;
    state.problems = problems;
    shared.changed.notify_all();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_build_is_reported_and_the_next_one_still_runs() {
        let shared = Shared {
            building: Mutex::new(Memo::default()),
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            output: PathBuf::from("."),
        };
        rebuild_with(&shared, |_| panic!("index out of bounds"));
        {
            let state = shared.state();
            assert_eq!(state.generation, 1);
            let problems = state.problems.as_ref().expect("the panic is shown");
            // In the language of the process: Vietnamese unless set otherwise.
            assert!(
                problems[0].starts_with("lỗi: ") && problems[0].contains("xin hãy báo lại"),
                "{problems:?}"
            );
            assert!(problems[0].contains("index out of bounds"), "{problems:?}");
        }
        rebuild_with(&shared, |memo| (Err(Vec::new()), memo));
        assert_eq!(shared.state().generation, 2, "the lock survived the panic");
    }
}
