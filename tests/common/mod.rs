//! Test sites: a fixture (or the repository's own example) copied into a temporary
//! folder, built by the real `bangvang` binary with its built-in theme.

#![allow(dead_code)] // each test file uses a different part of this module

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const REPO: &str = env!("CARGO_MANIFEST_DIR");

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

/// What a run of the binary produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    #[track_caller]
    pub fn assert_ok(&self) -> &Run {
        assert_eq!(
            self.code, 0,
            "build failed:\n{}\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn assert_content_error(&self) -> &Run {
        assert_eq!(
            self.code, 1,
            "expected exit 1:\n{}\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl TestSite {
    /// `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> TestSite {
        let site = TestSite::empty();
        copy_dir(
            &Path::new(REPO).join("tests/fixtures").join(name),
            site.root(),
        );
        site
    }

    /// The repository's own example site (site.yaml, content/ and its theme
    /// folder, themes/default, the source of the built-in theme).
    pub fn example() -> TestSite {
        let site = TestSite::empty().with_theme_folder();
        std::fs::copy(
            Path::new(REPO).join("site.yaml"),
            site.root().join("site.yaml"),
        )
        .unwrap();
        copy_dir(
            &Path::new(REPO).join("content"),
            &site.root().join("content"),
        );
        site
    }

    /// An empty folder; the test writes the rest. The theme is the one
    /// built into the binary.
    pub fn empty() -> TestSite {
        TestSite {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// The repository's themes/ copied in, for tests that change a theme's
    /// files.
    pub fn with_theme_folder(self) -> TestSite {
        copy_dir(&Path::new(REPO).join("themes"), &self.root().join("themes"));
        self
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.path(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    /// Runs `bangvang <args…> --root <site>`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &[])
    }

    /// Runs `bangvang <args…> --root <site>` with these environment variables.
    /// Messages are in English, the language of the code, which the tests
    /// read (the Vietnamese is shown from it); a test of the Vietnamese sets
    /// `BANGVANG_LANG=vi` among `env`.
    pub fn run_with_env(&self, args: &[&str], env: &[(String, String)]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_bangvang"))
            .args(args)
            .arg("--root")
            .arg(self.root())
            .env_remove("SOURCE_DATE_EPOCH")
            .env("BANGVANG_LANG", "en")
            .envs(env.iter().map(|(k, v)| (k, v)))
            .output()
            .expect("the binary runs");
        Run::from(output)
    }

    /// `bangvang build --today <today>`.
    pub fn build(&self, today: &str) -> Run {
        self.run(&["build", "--today", today])
    }

    /// Every file of the output with its bytes, sorted by path.
    pub fn output_files(&self) -> Vec<(String, Vec<u8>)> {
        let public = self.path("public");
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&public)
            .sort_by_file_name()
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path()
                        .strip_prefix(&public)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }
}

/// The text of an HTML page with tags removed and whitespace collapsed, for
/// assertions about what a reader sees.
pub fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&nbsp;", " ")
        .replace('\u{a0}', " ")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the real-browser tests can run: Debian's chromium and `npm ci` in
/// tests/browser. CI sets BANGVANG_BROWSER_TESTS=1, which turns a missing
/// browser into a failure.
pub fn browser_available() -> bool {
    let ready = Path::new(REPO)
        .join("tests/browser/node_modules/playwright-core")
        .is_dir()
        && Path::new("/usr/bin/chromium").exists();
    if !ready && std::env::var_os("BANGVANG_BROWSER_TESTS").is_some() {
        panic!(
            "BANGVANG_BROWSER_TESTS is set but chromium or tests/browser/node_modules is missing"
        );
    }
    if !ready {
        eprintln!("skipping: install chromium and run `npm ci --prefix tests/browser`");
    }
    ready
}

/// Runs the browser driver `tests/browser/<script>` with `args` and reads
/// the JSON it prints; a driver that fails fails the test with its errors.
pub fn browser_script<I, A>(script: &str, args: I) -> serde_json::Value
where
    I: IntoIterator<Item = A>,
    A: AsRef<std::ffi::OsStr>,
{
    let output = Command::new("node")
        .arg(Path::new(REPO).join("tests/browser").join(script))
        .args(args)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{script} printed no JSON ({e}):\n{}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}
