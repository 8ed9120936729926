//! A bounded fuzz run over every loader: site.yaml, a campaign's front
//! matter, a results list, and Markdown with raw HTML. Each case is a real
//! file of the corpus's base site, mutated (bytes flipped, inserted and cut,
//! lines repeated, hostile snippets of YAML, HTML and Unicode dropped in),
//! checked by the real binary with `bangvang check` under a memory limit
//! and a time limit. A case fails when the binary panics, is killed (the
//! memory limit makes an allocation fail, which aborts), runs past its
//! time, or exits other than 0 or 1, or with 1 and no located error.
//!
//! The cases are the same on every run (a fixed seed): a failure names the
//! case, and `BANGVANG_FUZZ_KEEP=<dir>` keeps every case's site there to be
//! rerun by hand, and `BANGVANG_FUZZ_ONLY=<n>` runs case n alone.
//! `BANGVANG_FUZZ_CASES` sets how many (default 600, about 15 s on the
//! 2-core CI machine); `BANGVANG_FUZZ_SEED` another sequence. 5,000 cases
//! ran clean before this was committed (127 s).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{REPO, copy_dir};

/// The address space a check may use. A 2 MB file of the corpus's kind
/// needs a few tens of MB; the YAML budgets (a million values) stay far
/// below this.
const MEMORY_LIMIT: u64 = 1 << 30;
/// Far above any case (they take tens of milliseconds): a case past it hangs.
const TIME_LIMIT: Duration = Duration::from_secs(30);

/// xorshift64*: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// What is dropped into a file: the shapes that broke parsers before, or
/// could.
const SNIPPETS: &[&str] = &[
    "\0",
    "\t",
    "\r",
    "\u{feff}",
    "\u{202e}",
    "\u{2028}",
    "\u{85}",
    "\u{fffe}",
    "\u{1b}[31m",
    "e\u{301}\u{302}\u{303}",
    "&a [1, 2, 3]",
    "*a",
    "<<: *a",
    "&a\n  - &b [*a, *a]\n  - *b",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{{{{{{{{{{{{{{{{",
    ": : : :",
    "? complex\n: key",
    "!!binary aGVsbG8=",
    "%YAML 1.2\n---\n",
    "---\n",
    "...\n",
    "|\n  block\n    text",
    "- - - - -",
    "'",
    "\"",
    "\"\\u0000\"",
    "99999999999999999999999999",
    "-1",
    "2022-02-30",
    "9999-12-31",
    "0000-01-01",
    "30/6/2022",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "[x](../../../../etc/passwd)",
    "![](//evil.example/x.png)",
    "<vanphong@snv.hatinh.gov.vn>",
    "<img src=x onerror=alert(1)>",
    "<blockquote cite=\"javascript:x\">q</blockquote>",
    "<!--",
    "<script>",
    "<style>",
    "<svg><script>alert(1)</script></svg>",
    "</div></div></div>",
    "| a | b |\n| - | - |\n| 1 |",
    "[^1]\n\n[^1]: [^1]",
    "## {#x onclick=y}",
    "```\nunclosed",
];

/// Mutates `text` by one to four edits.
fn mutate(rng: &mut Rng, text: &[u8]) -> Vec<u8> {
    let mut bytes = text.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(10) {
            0 => {
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => bytes.insert(
                at,
                [0u8, 9, 10, 13, 0x7f, 0xc2, 0xff, b':', b'-', b' '][rng.below(10)],
            ),
            2 => {
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => bytes.truncate(at),
            4..=6 => {
                let snippet = SNIPPETS[rng.below(SNIPPETS.len())].as_bytes();
                bytes.splice(at..at, snippet.iter().copied());
            }
            7 => {
                // A line repeated: long lists, deep nesting when indented.
                let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
                let line = lines[rng.below(lines.len())];
                let times = [2, 10, 300, 3000][rng.below(4)];
                let indent = rng.below(2) == 1;
                let mut block = Vec::new();
                for i in 0..times {
                    if indent {
                        block.extend(std::iter::repeat_n(b' ', (i % 200) * 2));
                    }
                    block.extend_from_slice(line);
                    block.push(b'\n');
                }
                bytes.splice(at..at, block);
            }
            8 => {
                let open = ["<div>", ">", "- ", "[", "<b>", "  - a:\n"][rng.below(6)];
                let times = [100, 300, 5000][rng.below(3)];
                bytes.splice(at..at, open.repeat(times).into_bytes());
            }
            _ => {
                // Two lines swapped.
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                lines.swap(a, b);
                bytes = lines.join(&b'\n');
            }
        }
    }
    bytes
}

/// The files fuzzed, as paths of the corpus's base site.
const TARGETS: &[&str] = &[
    "site.yaml",
    "content/phong-trao/ke-hoach/index.md",
    "content/phong-trao/ke-hoach/dot-1.yaml",
    "content/tin-tuc/trang-html.md",
];

/// A page with raw HTML, a table, links and footnotes, added to the base
/// site for the Markdown target.
const HTML_PAGE: &str = "---\ntitle: Trang có HTML\ndate: 2022-03-01\ntags: [thử nghiệm, html]\n---\n## Mục một\n\n<div class=\"hop\"><b>đậm</b> <sup>2</sup></div>\n\n| STT | Họ và tên |\n| :-: | --- |\n| 1 | Nguyễn Văn A |\n\nXem [kế hoạch](/phong-trao/ke-hoach/) và chú thích[^1].\n\n[^1]: Ghi chú.\n\n<table><tr><td>ô</td></tr></table>\n";

#[test]
fn every_loader_survives_mutated_input_within_its_budgets() {
    let cases: usize = std::env::var("BANGVANG_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(600);
    let seed: u64 = std::env::var("BANGVANG_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x6261_6e67_7661_6e67);
    let keep = std::env::var_os("BANGVANG_FUZZ_KEEP").map(PathBuf::from);
    let only: Option<usize> = std::env::var("BANGVANG_FUZZ_ONLY")
        .ok()
        .and_then(|n| n.parse().ok());
    let base = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(REPO).join("tests/bad-input/_base"), base.path());
    std::fs::create_dir_all(base.path().join("content/tin-tuc")).unwrap();
    std::fs::write(base.path().join(TARGETS[3]), HTML_PAGE).unwrap();
    copy_dir(&Path::new(REPO).join("themes"), &base.path().join("themes"));

    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::<String>::new());
    let slowest = Mutex::new((Duration::ZERO, 0usize));
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let case = next.fetch_add(1, Ordering::SeqCst);
                    if case < cases && only.is_some_and(|only| only != case) {
                        continue;
                    }
                    if case >= cases {
                        return;
                    }
                    let mut rng = Rng(seed ^ (case as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
                    let target = TARGETS[case % TARGETS.len()];
                    let original = std::fs::read(base.path().join(target)).unwrap();
                    let mutated = mutate(&mut rng, &original);
                    let site = tempfile::tempdir().unwrap();
                    copy_dir(base.path(), site.path());
                    std::fs::write(site.path().join(target), &mutated).unwrap();
                    let (outcome, took) = check(site.path());
                    {
                        let mut slowest = slowest.lock().unwrap();
                        if took > slowest.0 {
                            *slowest = (took, case);
                        }
                    }
                    if let Some(dir) = &keep {
                        copy_dir(site.path(), &dir.join(format!("case-{case}")));
                    }
                    if let Err(why) = outcome {
                        failures
                            .lock()
                            .unwrap()
                            .push(format!("case {case} ({target}): {why}"));
                    }
                }
            });
        }
    });
    let (took, case) = *slowest.lock().unwrap();
    eprintln!(
        "{cases} cases; the slowest, case {case}, took {} ms",
        took.as_millis()
    );
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed (rerun with BANGVANG_FUZZ_KEEP=<dir> to keep them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `bangvang check` on one case's site, with the memory and time limits.
fn check(root: &Path) -> (Result<(), String>, Duration) {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(env!("CARGO_BIN_EXE_bangvang"));
    command
        .args(["check", "--today", "2022-05-10", "--root"])
        .arg(root)
        .env_remove("SOURCE_DATE_EPOCH")
        // It looks for `error:` lines: the English.
        .env("BANGVANG_LANG", "en")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    // SAFETY: only setrlimit, async-signal-safe, runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = rustix::process::Rlimit {
                current: Some(MEMORY_LIMIT),
                maximum: Some(MEMORY_LIMIT),
            };
            rustix::process::setrlimit(rustix::process::Resource::As, limit)
                .map_err(std::io::Error::from)
        });
    }
    let started = Instant::now();
    let mut child = command.spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut std::io::BufReader::new(stderr), &mut text);
        text
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = started.elapsed();
    let stderr = reader.join().unwrap();
    let Some(status) = status else {
        return (
            Err(format!("still running after {} s", TIME_LIMIT.as_secs())),
            took,
        );
    };
    let outcome = if stderr.contains("panicked") {
        Err(format!("panicked:\n{stderr}"))
    } else {
        match status.code() {
            Some(0) => Ok(()),
            Some(1) if stderr.lines().any(|l| l.starts_with("error: ")) => Ok(()),
            Some(1) => Err(format!("exit 1 without an error:\n{stderr}")),
            code => Err(format!(
                "ended by {:?} (out of memory aborts)\n{stderr}",
                code.map_or_else(|| "a signal".to_owned(), |c| format!("exit {c}"))
            )),
        }
    };
    (outcome, took)
}
