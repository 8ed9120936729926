//! The bad-input corpus (`tests/bad-input/`): one small broken site per defect,
//! each with the messages it must produce. See tests/bad-input/README.md.

mod common;

use std::path::Path;

use std::os::unix::ffi::OsStrExt;

use common::{REPO, TestSite, copy_dir};

/// `a\x00b` → the bytes a, NUL, b; `\n` a line break, `\s` a space.
fn unescape(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'\\', Some(b'x')) => {
                out.push(u8::from_str_radix(&text[i + 2..i + 4], 16).unwrap());
                i += 4;
            }
            (b'\\', Some(b'n')) => {
                out.push(b'\n');
                i += 2;
            }
            (b'\\', Some(b's')) => {
                out.push(b' ');
                i += 2;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

const MARKER: &str = "public/da-xuat-ban.html";

struct Outcome {
    case: String,
    failures: Vec<String>,
}

fn run_case(dir: &Path) -> Outcome {
    let case = dir.file_name().unwrap().to_string_lossy().into_owned();
    let site = TestSite::empty();
    copy_dir(&Path::new(REPO).join("tests/bad-input/_base"), site.root());
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        let rel = entry.path().strip_prefix(dir).unwrap();
        let name = rel.to_string_lossy();
        if entry.file_type().is_file() && !matches!(name.as_ref(), "expect" | "args" | "setup") {
            let target = site.root().join(rel);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let mut env: Vec<(String, String)> = Vec::new();
    let mut outside: Vec<tempfile::TempDir> = Vec::new();
    for line in read("setup").lines().filter(|l| !l.trim().is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["symlink", path, target] => {
                let path = site.path(path);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::os::unix::fs::symlink(target, path).unwrap();
            }
            ["big", path, bytes] => site.write(path, "a".repeat(bytes.parse().unwrap())),
            ["remove", path] => std::fs::remove_file(site.path(path)).unwrap(),
            ["mkdir", path] => std::fs::create_dir_all(site.path(path)).unwrap(),
            // The site's folder moved out of the root, a symbolic link left
            // in its place.
            ["outside", path] => {
                let place = tempfile::tempdir().unwrap();
                let moved = place.path().join("moved");
                std::fs::rename(site.path(path), &moved).unwrap();
                std::os::unix::fs::symlink(&moved, site.path(path)).unwrap();
                outside.push(place);
            }
            ["env", name, value] => env.push((name.to_string(), value.to_string())),
            // A file whose name and contents are written with `\xNN` escapes:
            // bytes no text file of the corpus can hold (NUL, names that are
            // not UTF-8).
            ["bytes", path, contents] => {
                let path = site
                    .root()
                    .join(std::ffi::OsStr::from_bytes(&unescape(path)));
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, unescape(contents)).unwrap();
            }
            _ => panic!("{case}: unknown setup line {line:?}"),
        }
    }
    site.write(MARKER, "<p>the site as published before</p>");
    // As a build of bangvang left it.
    site.write("public/.bangvang", "made by bangvang");

    let mut args: Vec<String> = vec!["build".into(), "--today".into(), "2022-05-10".into()];
    args.extend(
        read("args")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.replace("{root}", &site.root().to_string_lossy())),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = site.run_with_env(&args, &env);

    let mut failures = Vec::new();
    let expect = read("expect");
    let mut code = 1;
    let mut expected_lines = Vec::new();
    for line in expect.lines().filter(|l| !l.trim().is_empty()) {
        match line.strip_prefix("exit ") {
            Some(n) => code = n.trim().parse().unwrap(),
            None => expected_lines.push(line),
        }
    }
    if expected_lines.is_empty() {
        failures.push("the case's `expect` names no message".into());
    }
    if run.code != code {
        failures.push(format!("exit code {} instead of {code}", run.code));
    }
    if run.stderr.contains("panicked") {
        failures.push("the build panicked".into());
    }
    for expected in expected_lines {
        if !run.stderr.lines().any(|l| l.contains(expected)) {
            failures.push(format!("no line containing {expected:?}"));
        }
    }
    if code != 0 {
        let files: Vec<String> = walkdir::WalkDir::new(site.path("public"))
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file() && e.file_name() != ".bangvang")
            .map(|e| {
                e.path()
                    .strip_prefix(site.root())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        if files != [MARKER] {
            failures.push(format!("the output changed: {files:?}"));
        }
    }
    let leftovers = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".bangvang"))
        .count();
    if leftovers > 0 {
        failures.push("a staging folder was left behind".into());
    }
    if !failures.is_empty() {
        failures.push(format!("stderr was:\n{}", run.stderr));
    }
    Outcome { case, failures }
}

#[test]
fn every_bad_input_case_gives_its_messages_and_publishes_nothing() {
    let corpus = Path::new(REPO).join("tests/bad-input");
    let mut cases: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_type().unwrap().is_dir() && !e.file_name().to_string_lossy().starts_with('_')
        })
        .map(|e| e.path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 40,
        "the corpus has {} cases; it should cover every check",
        cases.len()
    );
    let outcomes: Vec<Outcome> = cases.iter().map(|c| run_case(c)).collect();
    let failed: Vec<String> = outcomes
        .into_iter()
        .filter(|o| !o.failures.is_empty())
        .map(|o| format!("{}:\n  {}", o.case, o.failures.join("\n  ")))
        .collect();
    assert!(
        failed.is_empty(),
        "{} cases failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn the_base_site_of_the_corpus_is_valid() {
    let site = TestSite::empty();
    copy_dir(&Path::new(REPO).join("tests/bad-input/_base"), site.root());
    let run = site.build("2022-05-10");
    run.assert_ok();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}
