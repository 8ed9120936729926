//! The bad-input corpus (`tests/bad-input/`): one small broken site per defect,
//! each with the messages it must produce. See tests/bad-input/README.md.
//!
//! Its own harness (libtest-mimic, `harness = false` in Cargo.toml): every case
//! is a trial named after its folder, so `cargo test --test bad_input --
//! award-variant` runs only the cases whose name contains that, and the cases
//! run in parallel (`--test-threads`, or `RUST_TEST_THREADS`, as with libtest).

mod common;

use std::path::{Path, PathBuf};

use std::os::unix::ffi::OsStrExt;

use libtest_mimic::{Arguments, Failed, Trial};

use common::{REPO, Run, TestSite, copy_dir};

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

fn main() {
    let mut args = Arguments::from_args();
    // libtest reads RUST_TEST_THREADS when --test-threads is not given;
    // libtest-mimic does not.
    if args.test_threads.is_none() {
        args.test_threads = std::env::var("RUST_TEST_THREADS")
            .ok()
            .and_then(|n| n.parse().ok());
    }
    let cases = cases();
    let count = cases.len();
    let mut trials = vec![
        Trial::test("the_corpus_has_at_least_40_cases", move || {
            if count >= 40 {
                Ok(())
            } else {
                Err(format!("the corpus has {count} cases; it should cover every check").into())
            }
        }),
        Trial::test(
            "the_base_site_of_the_corpus_is_valid",
            the_base_site_of_the_corpus_is_valid,
        ),
    ];
    trials.extend(cases.iter().cloned().map(|dir| {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        Trial::test(name, move || run_case(&dir))
    }));
    // The same cases in Vietnamese: every message has its translation.
    trials.extend(cases.into_iter().map(|dir| {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        Trial::test(format!("vi::{name}"), move || run_case_in_vietnamese(&dir))
    }));
    for fixture in ["basic", "honours"] {
        trials.push(Trial::test(format!("vi::fixture::{fixture}"), move || {
            fixture_in_vietnamese(fixture)
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}

/// The folders of `tests/bad-input/`, less `_base/` (and any other `_…`).
fn cases() -> Vec<PathBuf> {
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
    cases
}

fn the_base_site_of_the_corpus_is_valid() -> Result<(), Failed> {
    let site = TestSite::empty();
    copy_dir(&Path::new(REPO).join("tests/bad-input/_base"), site.root());
    let run = site.build("2022-05-10");
    if run.code != 0 || !run.stderr.is_empty() {
        return Err(format!(
            "exit code {}; stdout:\n{}\nstderr:\n{}",
            run.code, run.stdout, run.stderr
        )
        .into());
    }
    Ok(())
}

/// What a case's `expect` asks for.
struct Expect {
    code: i32,
    /// Lines each of which must appear within one line of stderr.
    lines: Vec<String>,
    /// `errors N`, else the number of lines starting with `error:`.
    errors: usize,
    /// `warnings N`, else the number of lines starting with `warning:`.
    warnings: usize,
}

impl Expect {
    fn parse(text: &str) -> Result<Expect, String> {
        let mut code = 1;
        let (mut errors, mut warnings) = (None, None);
        let mut lines = Vec::new();
        let mut comments = false;
        for line in text.lines() {
            comments |= line.starts_with('#');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(n) = line.strip_prefix("exit ") {
                code = number(n, line)?;
            } else if let Some(n) = line.strip_prefix("errors ") {
                errors = Some(number(n, line)?);
            } else if let Some(n) = line.strip_prefix("warnings ") {
                warnings = Some(number(n, line)?);
            } else {
                lines.push(line.to_owned());
            }
        }
        if (errors.is_some() || warnings.is_some()) && !comments {
            return Err("`expect` sets a number of messages with no `#` line saying why".into());
        }
        let listed = |severity: &str| lines.iter().filter(|l| l.starts_with(severity)).count();
        Ok(Expect {
            code,
            errors: errors.unwrap_or_else(|| listed("error:")),
            warnings: warnings.unwrap_or_else(|| listed("warning:")),
            lines,
        })
    }
}

/// `N` of an `exit N`, `errors N` or `warnings N` line.
fn number<T: std::str::FromStr>(n: &str, line: &str) -> Result<T, String> {
    n.trim()
        .parse()
        .map_err(|_| format!("`expect`: {line:?} does not end with a number"))
}

/// The numbers of errors and warnings a run reports: its summary on stderr
/// (`2 errors, 1 warning; nothing was published, …`), the `N warnings` of a
/// successful build on stdout, or else (a problem the command line reports
/// before building) the lines of stderr that start with `error:`/`warning:`.
fn reported(run: &Run) -> Result<(usize, usize), String> {
    let last = run.stderr.lines().rev().find(|l| !l.trim().is_empty());
    if let Some(summary) = last.and_then(|l| l.split_once("; nothing was ")) {
        let numbers: Vec<usize> = summary
            .0
            .split(", ")
            .filter_map(|part| part.split_once(' ')?.0.parse().ok())
            .collect();
        let [errors, warnings] = numbers[..] else {
            return Err(format!(
                "a summary line not understood: {:?}",
                last.unwrap()
            ));
        };
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let form = format!(
            "{errors} error{}, {warnings} warning{}",
            plural(errors),
            plural(warnings)
        );
        if summary.0 != form {
            return Err(format!("the summary reads {:?}, not {form:?}", summary.0));
        }
        return Ok((errors, warnings));
    }
    if run.code == 0 {
        let warnings = run
            .stdout
            .split_once(" warnings in ")
            .and_then(|(before, _)| before.rsplit(' ').next()?.parse().ok())
            .ok_or_else(|| format!("no `N warnings in` on stdout: {:?}", run.stdout))?;
        return Ok((0, warnings));
    }
    let count = |label: &str| run.stderr.lines().filter(|l| l.starts_with(label)).count();
    Ok((count("error: "), count("warning: ")))
}

/// The lines of `expected` that cannot each be given a different line of
/// `stderr` containing it (a bipartite matching, by augmenting paths), less
/// those that match no line at all (reported on their own).
fn shared_matches<'a>(expected: &[&'a str], stderr: &[&str]) -> Vec<&'a str> {
    fn assign(
        i: usize,
        candidates: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for &j in &candidates[i] {
            if !seen[j] {
                seen[j] = true;
                if owner[j].is_none_or(|k| assign(k, candidates, owner, seen)) {
                    owner[j] = Some(i);
                    return true;
                }
            }
        }
        false
    }
    let candidates: Vec<Vec<usize>> = expected
        .iter()
        .map(|e| {
            (0..stderr.len())
                .filter(|&j| stderr[j].contains(e))
                .collect()
        })
        .collect();
    let mut owner = vec![None; stderr.len()];
    let mut shared = Vec::new();
    for (i, line) in expected.iter().enumerate() {
        let mut seen = vec![false; stderr.len()];
        if !candidates[i].is_empty() && !assign(i, &candidates, &mut owner, &mut seen) {
            shared.push(*line);
        }
    }
    shared
}

fn prepare(dir: &Path) -> Result<Case, Failed> {
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
    let expect = read("expect").replace("{root}", &site.root().to_string_lossy());
    let expect = Expect::parse(&expect)?;
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
            _ => return Err(format!("{case}: unknown setup line {line:?}").into()),
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
    Ok(Case {
        site,
        expect,
        args,
        env,
        _outside: outside,
    })
}

/// A case's site as laid out for its build, with what to run it with.
struct Case {
    site: TestSite,
    expect: Expect,
    args: Vec<String>,
    env: Vec<(String, String)>,
    /// Folders outside the site its links point into, kept until the end.
    _outside: Vec<tempfile::TempDir>,
}

impl Case {
    /// The build in `lang` (`en`, the language of `expect`, or `vi`).
    fn run(&self, lang: &str) -> Run {
        let args: Vec<&str> = self.args.iter().map(String::as_str).collect();
        let mut env = vec![("BANGVANG_LANG".to_owned(), lang.to_owned())];
        env.extend(self.env.iter().cloned());
        self.site.run_with_env(&args, &env)
    }
}

fn run_case(dir: &Path) -> Result<(), Failed> {
    let case = prepare(dir)?;
    let run = case.run("en");
    let (site, expect) = (&case.site, &case.expect);

    let mut failures = Vec::new();
    if expect.lines.is_empty() {
        failures.push("the case's `expect` names no message".into());
    }
    if run.code != expect.code {
        failures.push(format!("exit code {} instead of {}", run.code, expect.code));
    }
    if run.stderr.contains("panicked") {
        failures.push("the build panicked".into());
    }
    for expected in &expect.lines {
        if !run.stderr.lines().any(|l| l.contains(expected.as_str())) {
            failures.push(format!("no line containing {expected:?}"));
        }
    }
    // Each `error:` and `warning:` line stands for a message of its own: two
    // lines that only one message matches would count it twice.
    let messages: Vec<&str> = expect
        .lines
        .iter()
        .map(String::as_str)
        .filter(|l| l.starts_with("error:") || l.starts_with("warning:"))
        .collect();
    let stderr: Vec<&str> = run.stderr.lines().collect();
    for shared in shared_matches(&messages, &stderr) {
        failures.push(format!(
            "{shared:?} matches no message of its own: another line of `expect` takes it"
        ));
    }
    match reported(&run) {
        Ok((errors, warnings)) => {
            for (what, got, want) in [
                ("error", errors, expect.errors),
                ("warning", warnings, expect.warnings),
            ] {
                if got != want {
                    let s = if got == 1 { "" } else { "s" };
                    failures.push(format!(
                        "{got} {what}{s} reported, `expect` counts {want} \
                         (its `{what}:` lines, or a line `{what}s N`)"
                    ));
                }
            }
        }
        Err(problem) => failures.push(problem),
    }
    if expect.code != 0 {
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
    if failures.is_empty() {
        return Ok(());
    }
    Err(format!("{}\nstderr was:\n{}", failures.join("\n"), run.stderr).into())
}

/// A case built in English and in Vietnamese: the Vietnamese says each
/// message of the English, at the same file, line and column, from the
/// catalogue (`src/messages/vi.tsv`), with nothing left in English.
fn run_case_in_vietnamese(dir: &Path) -> Result<(), Failed> {
    // Each in a site of its own, its folder written `{root}` in both.
    let run = |lang: &str| -> Result<Run, Failed> {
        let case = prepare(dir)?;
        let mut run = case.run(lang);
        let root = case.site.root().to_string_lossy().into_owned();
        run.stderr = run.stderr.replace(&root, "{root}");
        Ok(run)
    };
    let (english, vietnamese) = (run("en")?, run("vi")?);
    let failures = compare_languages(&english, &vietnamese);
    if failures.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{}\nEnglish:\n{}\nVietnamese:\n{}",
        failures.join("\n"),
        english.stderr,
        vietnamese.stderr
    )
    .into())
}

/// The fixture sites, which build with warnings of their own.
fn fixture_in_vietnamese(name: &str) -> Result<(), Failed> {
    let build = |lang: &str| {
        let site = TestSite::fixture(name);
        site.run_with_env(
            &["build", "--today", "2022-05-10"],
            &[("BANGVANG_LANG".to_owned(), lang.to_owned())],
        )
    };
    let (english, vietnamese) = (build("en"), build("vi"));
    let failures = compare_languages(&english, &vietnamese);
    if failures.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{}\nVietnamese:\n{}",
        failures.join("\n"),
        vietnamese.stderr
    )
    .into())
}

/// `error: FILE:LINE:COL: message` → ("error", "FILE:LINE:COL: ", "message");
/// `  help: message` → ("help", "", "message"); other lines `None`.
fn parse_line<'l>(line: &'l str, labels: [&str; 3]) -> Option<(usize, &'l str, &'l str)> {
    let [error, warning, help] = labels;
    if let Some(rest) = line.strip_prefix(&format!("  {help}: ")) {
        return Some((2, "", rest));
    }
    let (kind, rest) = [error, warning]
        .iter()
        .enumerate()
        .find_map(|(i, label)| Some((i, line.strip_prefix(&format!("{label}: "))?)))?;
    // FILE:LINE:COL: , or FILE: for a problem of a whole file or folder.
    let mut at = 0;
    while let Some(i) = rest[at..].find(": ") {
        let before = &rest[..at + i];
        let mut parts = before.rsplitn(3, ':');
        let (col, line_no) = (parts.next(), parts.next());
        let numbered = [col, line_no]
            .iter()
            .all(|p| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())));
        if numbered && parts.next().is_some() {
            let end = at + i + 2;
            return Some((kind, &rest[..end], &rest[end..]));
        }
        at += i + 2;
    }
    let i = rest.find(": ")?;
    Some((kind, &rest[..i + 2], &rest[i + 2..]))
}

/// English words no Vietnamese message has (outside quotes): a piece of the
/// English left in the translation.
const ENGLISH_WORDS: &[&str] = &[
    "a", "an", "the", "is", "are", "not", "of", "or", "on", "at", "found", "and", "with", "has",
    "have", "must", "cannot", "would", "was", "it", "this", "there", "which", "than", "list",
    "file", "folder", "page", "value", "key",
];

/// The text of `message` outside `…`, “…”, and the details bangvang quotes
/// from the libraries it uses (the YAML parser's, the system's).
fn unquoted(message: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    for c in message.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '`' => close = Some('`'),
                '“' => close = Some('”'),
                _ => out.push(c),
            },
        }
    }
    out
}

fn compare_languages(english: &Run, vietnamese: &Run) -> Vec<String> {
    let mut failures = Vec::new();
    if english.code != vietnamese.code {
        failures.push(format!(
            "exit code {} in English, {} in Vietnamese",
            english.code, vietnamese.code
        ));
    }
    let en: Vec<&str> = english.stderr.lines().collect();
    let vi: Vec<&str> = vietnamese.stderr.lines().collect();
    if en.len() != vi.len() {
        failures.push(format!(
            "{} lines in English, {} in Vietnamese",
            en.len(),
            vi.len()
        ));
        return failures;
    }
    for (en_line, vi_line) in en.iter().zip(&vi) {
        let Some((kind, place, message)) = parse_line(en_line, ["error", "warning", "help"]) else {
            continue;
        };
        let Some(translated) = bangvang::messages::translate(message) else {
            failures.push(format!("not in the catalogue: {message:?}"));
            continue;
        };
        match parse_line(vi_line, ["lỗi", "cảnh báo", "gợi ý"]) {
            Some((vi_kind, vi_place, vi_message)) if vi_kind == kind && vi_place == place => {
                // Long quoted values are cut after translating; the rest is
                // the catalogue's translation itself.
                if !message.contains('…') && vi_message != translated {
                    failures.push(format!(
                        "{vi_message:?} is shown, the catalogue gives {translated:?}"
                    ));
                }
                // Paths and file names (`content/the/`) are not words.
                let text = unquoted(vi_message);
                let left: Vec<&str> = text
                    .split_whitespace()
                    .filter(|t| !t.contains(['/', '.', '_', '=', '<', '\\']))
                    .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
                    .filter(|w| ENGLISH_WORDS.contains(w))
                    .collect();
                if !left.is_empty() && !from_a_library(message) {
                    failures.push(format!(
                        "English left in {vi_message:?}: {left:?} (a piece with no entry of its own?)"
                    ));
                }
            }
            _ => failures.push(format!(
                "{vi_line:?} does not say {en_line:?} at the same place"
            )),
        }
    }
    failures
}

/// Messages that quote a library's own English (the YAML parser's
/// explanation, the system's error), which no catalogue can hold.
fn from_a_library(message: &str) -> bool {
    message.starts_with("the YAML is malformed: ") || message.contains("(os error ")
}
