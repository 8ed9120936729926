//! deploy/publish.sh, with a temporary folder as the server: each publication
//! is a complete release switched in at once, old releases are pruned, and a
//! reader polling the site meanwhile never finds it incomplete.
//!
//! Needs rsync; without it the test says so and passes, unless
//! `BANGVANG_BROWSER_TESTS=1` (set by .ci/run, which installs the tools of the
//! publishing tests) makes it a failure.

mod common;

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use common::{REPO, TestSite};

fn rsync_available() -> bool {
    let found = Command::new("rsync").arg("--version").output().is_ok();
    if !found && std::env::var_os("BANGVANG_BROWSER_TESTS").is_some() {
        panic!("BANGVANG_BROWSER_TESTS is set but rsync is missing");
    }
    if !found {
        eprintln!("skipping: install rsync");
    }
    found
}

/// The exit code and output of a run of publish.sh.
struct Published {
    code: i32,
    out: String,
}

fn publish(site: &Path, server: &Path, id: &str) -> Published {
    let output = Command::new("bash")
        .arg(Path::new(REPO).join("deploy/publish.sh"))
        .args(["--keep", "2", "--id", id])
        .arg(site)
        .arg(server)
        .output()
        .expect("bash runs");
    Published {
        code: output.status.code().unwrap_or(-1),
        out: format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

/// The stylesheet a published home page names, if the page and it are whole.
fn read_complete_site(current: &Path) -> Result<String, String> {
    let html = std::fs::read_to_string(current.join("index.html"))
        .map_err(|e| format!("index.html: {e}"))?;
    if !html.trim_end().ends_with("</html>") {
        return Err("index.html is cut short".into());
    }
    let start = html
        .find(r#"<link rel="stylesheet" href="./"#)
        .ok_or("no stylesheet link")?
        + r#"<link rel="stylesheet" href="./"#.len();
    let css = &html[start..start + html[start..].find('"').unwrap()];
    std::fs::metadata(current.join(css)).map_err(|e| format!("{css}: {e}"))?;
    for file in [
        "404.html",
        "khen-thuong/index.html",
        "khen-thuong/chi-muc.js",
    ] {
        std::fs::metadata(current.join(file)).map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(css.to_owned())
}

fn releases(server: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(server.join("releases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn publishing_switches_complete_releases_atomically_and_prunes_old_ones() {
    if !rsync_available() {
        return;
    }
    let site = TestSite::example();
    let build = |out: &PathBuf| {
        site.run(&[
            "build",
            "--today",
            "2022-12-15",
            "--output",
            out.to_str().unwrap(),
        ])
        .assert_ok();
    };
    let first = site.path("first");
    build(&first);
    // A second version with a changed theme: a new stylesheet name.
    let mut css = site.read("themes/default/static/style.css");
    css.push_str("\n.moi { color: #000; }\n");
    site.write("themes/default/static/style.css", css);
    let second = site.path("second");
    build(&second);

    let server = site.path("server");
    let current = server.join("current");
    let run = publish(&first, &server, "a");
    assert_eq!(run.code, 0, "{}", run.out);
    let first_css = read_complete_site(&current).unwrap();

    // A reader polls the site while it is published twice more.
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let stop = stop.clone();
        let current = current.clone();
        std::thread::spawn(move || {
            let (mut reads, mut problems) = (0, Vec::new());
            while !stop.load(Ordering::Relaxed) {
                reads += 1;
                if let Err(e) = read_complete_site(&current) {
                    problems.push(e);
                }
            }
            (reads, problems)
        })
    };
    let run = publish(&second, &server, "b");
    assert_eq!(run.code, 0, "{}", run.out);
    let second_css = read_complete_site(&current).unwrap();
    assert_ne!(first_css, second_css);
    let run = publish(&first, &server, "c");
    assert_eq!(run.code, 0, "{}", run.out);
    stop.store(true, Ordering::Relaxed);
    let (reads, problems) = reader.join().unwrap();
    assert!(reads > 10, "the reader read only {reads} times");
    assert!(
        problems.is_empty(),
        "a reader saw an incomplete site {} times in {reads}: {:?}",
        problems.len(),
        &problems[..problems.len().min(5)]
    );

    // Two releases kept; `current` is the newest, as a relative link.
    let kept = releases(&server);
    assert_eq!(kept.len(), 2, "{kept:?}\n{}", run.out);
    assert!(
        kept[0].ends_with("-b") && kept[1].ends_with("-c"),
        "{kept:?}"
    );
    assert_eq!(
        std::fs::read_link(&current).unwrap(),
        Path::new("releases").join(&kept[1])
    );
    assert!(run.out.contains("removed"), "{}", run.out);
    // The newest release is the first build again, plus the stylesheet of the
    // release it replaced, for pages opened just before the switch.
    assert_eq!(read_complete_site(&current).unwrap(), first_css);
    assert!(current.join(&second_css).is_file());
    // Unchanged files are shared with the previous release, not uploaded again.
    let plan = "phong-trao/2022/ke-hoach-thi-dua-2022-so-noi-vu-ha-tinh.txt";
    let meta = std::fs::metadata(current.join(plan)).unwrap();
    assert!(meta.nlink() >= 2, "{plan} was copied, not linked");
    assert_eq!(meta.mode() & 0o777, 0o644);

    // A folder that is not a built site is refused, and nothing changes.
    let run = publish(&site.path("content"), &server, "d");
    assert_eq!(run.code, 1, "{}", run.out);
    assert!(run.out.contains("index.html is missing"), "{}", run.out);
    assert_eq!(releases(&server), kept);
}
