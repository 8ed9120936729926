//! The cost of one incremental rebuild, as `serve` makes after a save, without
//! the watcher and the HTTP server around it (bench/serve_latency.py measures
//! those too).
//!
//! usage: rebuild SITE_ROOT FILE OLD NEW [RUNS]
//!
//! Builds SITE_ROOT once into a temporary folder, then RUNS times (default 10)
//! replaces OLD by NEW in FILE (and back) and rebuilds, printing each rebuild's
//! time and files written, then the median.

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, file, old, new, rest @ ..] = args.as_slice() else {
        eprintln!("usage: rebuild SITE_ROOT FILE OLD NEW [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = rest
        .first()
        .map_or(10, |r| r.parse().expect("RUNS is a number"));
    let out = tempfile::tempdir().expect("a temporary folder");
    let options = bangvang::BuildOptions {
        root: PathBuf::from(root),
        output: Some(out.path().join("site")),
        base_url: Some("http://127.0.0.1:1111/".to_owned()),
        today: Some(chrono::NaiveDate::from_ymd_opt(2099, 1, 1).expect("a date")),
        ..Default::default()
    };
    let source = PathBuf::from(root).join(file);
    let original = std::fs::read_to_string(&source).expect("FILE is readable");
    assert!(original.contains(old.as_str()), "FILE does not contain OLD");
    let started = Instant::now();
    let (result, mut memo) = bangvang::rebuild(&options, Default::default());
    result.expect("the site builds");
    println!(
        "first build: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let mut times = Vec::new();
    let cpu_before = cpu_seconds();
    for run in 0..runs {
        let text = if run % 2 == 0 {
            original.replacen(old.as_str(), new, 1)
        } else {
            original.clone()
        };
        std::fs::write(&source, text).expect("FILE is writable");
        let started = Instant::now();
        let (result, next) = bangvang::rebuild(&options, memo);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        memo = next;
        let report = result.expect("the site builds");
        let written = report.pages + report.data_files + report.files_copied;
        println!("rebuild {}: {ms:.0} ms, {written} files written", run + 1);
        times.push(ms);
    }
    let cpu = (cpu_seconds() - cpu_before) * 1000.0 / runs as f64;
    std::fs::write(&source, original).expect("FILE is writable");
    times.sort_by(f64::total_cmp);
    println!(
        "median {:.0} ms over {runs} rebuilds; {cpu:.0} ms of CPU time per rebuild",
        times[runs / 2]
    );
}

/// User and system time of this process so far, from /proc (Linux): less
/// sensitive than wall time to whatever else the machine is doing.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start at state.
    let fields: Vec<&str> = stat
        .rsplit_once(") ")
        .map_or(Vec::new(), |(_, rest)| rest.split(' ').collect());
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15, counted in clock ticks of 1/100 s.
    (ticks(11) + ticks(12)) / 100.0
}
