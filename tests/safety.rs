//! What the build promises a government portal (SECURITY.md): the published
//! site is never half-written, never lost, never mixed with files from
//! outside the site; a folder bangvang did not make is never deleted; and
//! what a reader is shown is what the editor wrote. Each test builds with the
//! real binary and looks at the files, as an administrator would.

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{REPO, TestSite};

fn bangvang() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bangvang"));
    // The English messages, which these tests read.
    command
        .env_remove("SOURCE_DATE_EPOCH")
        .env("BANGVANG_LANG", "en");
    command
}

/// Every file below `dir` with its bytes; `None` when `dir` is missing.
fn snapshot(dir: &Path) -> Option<BTreeMap<PathBuf, Vec<u8>>> {
    if !dir.is_dir() {
        return None;
    }
    Some(
        walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect(),
    )
}

/// Names in `dir` that bangvang may have left beside an output.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.contains("bangvang"))
        .collect();
    names.sort();
    names
}

/// A site of 1,500 news pages and ten campaigns (bench/gen_site.py): big
/// enough that a build is caught at work by a kill.
fn big_site() -> TestSite {
    let site = TestSite::empty();
    let status = Command::new("python3")
        .arg(Path::new(REPO).join("bench/gen_site.py"))
        .arg(site.root())
        .args([
            "--pages",
            "1500",
            "--campaigns",
            "10",
            "--honorees",
            "800",
            "--force",
        ])
        .stdout(Stdio::null())
        .status()
        .expect("python3 runs bench/gen_site.py");
    assert!(status.success());
    site
}

fn build_site(site: &TestSite) -> Child {
    bangvang()
        .args(["build", "--today", "2099-01-01", "--root"])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// What a build of the site's sources alone, in a fresh copy, publishes.
fn clean_build(site: &TestSite) -> BTreeMap<PathBuf, Vec<u8>> {
    let check = TestSite::empty();
    common::copy_dir(&site.path("content"), &check.path("content"));
    std::fs::copy(site.path("site.yaml"), check.path("site.yaml")).unwrap();
    assert!(build_site(&check).wait().unwrap().success());
    snapshot(&check.path("public")).unwrap()
}

/// Changes the site so that its next build differs from the last one.
fn edit(site: &TestSite, round: usize) {
    site.write(
        "content/tin-tuc/sua-doi.md",
        format!("---\ntitle: Bản sửa đổi {round}\ndate: 2023-01-01\n---\nLần {round}.\n"),
    );
}

#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_cleans_up() {
    let site = big_site();
    edit(&site, 0);
    assert!(build_site(&site).wait().unwrap().success());
    let public = site.path("public");
    let mut whole = vec![snapshot(&public).unwrap()];
    for (round, delay_ms) in [10u64, 60, 150, 300, 600, 1000].into_iter().enumerate() {
        edit(&site, round + 1);
        let mut child = build_site(&site);
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL: nothing of the build runs after it.
        let _ = child.wait();
        let now = snapshot(&public).expect("the output folder is never missing");
        // The old site, or (when the kill came after the swap) the new one;
        // never a mixture.
        let new = clean_build(&site);
        assert!(
            whole.contains(&now) || now == new,
            "round {round}: the output is neither the old site nor the new one"
        );
        whole.push(new);
    }
    let run = build_site(&site).wait_with_output().unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}

/// strace stops the build at the swap itself (the one `renameat2`), as a
/// power cut would; the site must be there, whole.
#[test]
fn a_crash_at_the_swap_leaves_a_whole_site() {
    if Command::new("strace").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("BANGVANG_FAULT_TESTS").is_none(),
            "strace is needed (BANGVANG_FAULT_TESTS is set)"
        );
        eprintln!("skipped: no strace");
        return;
    }
    let site = TestSite::fixture("basic");
    site.build("2022-05-10").assert_ok();
    let old = snapshot(&site.path("public")).unwrap();
    site.write(
        "content/tin-tuc-moi.md",
        "---\ntitle: Tin mới\ndate: 2022-05-01\n---\nx\n",
    );
    for when in ["1", "2"] {
        let status = Command::new("strace")
            // Not --seccomp-bpf: strace does not deliver injected signals
            // with it.
            .args(["-f", "-qq", "-o", "/dev/null"])
            .args(["-e", "trace=rename,renameat,renameat2", "-e"])
            .arg(format!(
                "inject=rename,renameat,renameat2:signal=SIGKILL:when={when}"
            ))
            .arg(env!("CARGO_BIN_EXE_bangvang"))
            .args(["build", "--today", "2022-05-10", "--root"])
            .arg(site.root())
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        // The swap is the build's only rename: the first is stopped, and
        // there is no second (the build then ends as usual).
        assert_eq!(status.success(), when == "2", "the build at rename {when}");
        let now = snapshot(&site.path("public")).expect("the output folder is never missing");
        let public_index = now.contains_key(Path::new("index.html"));
        assert!(
            public_index,
            "the site has no home page after a crash at rename {when}"
        );
        assert!(
            now == old || now.contains_key(Path::new("tin-tuc-moi/index.html")),
            "a mixture of the old and new sites"
        );
    }
    site.build("2022-05-10").assert_ok();
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}

#[test]
fn builds_of_one_output_at_once_each_publish_a_whole_site() {
    let site = big_site();
    for round in 0..2 {
        edit(&site, round);
        let builds: Vec<Child> = (0..3).map(|_| build_site(&site)).collect();
        for build in builds {
            let out = build.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let published = snapshot(&site.path("public")).expect("an output folder");
        let reference = clean_build(&site);
        assert!(
            published == reference,
            "round {round}: the output is not one whole build"
        );
        assert_eq!(leftovers(site.root()), Vec::<String>::new());
    }
    // The race at its worst: one build held at its swap (strace holds its
    // first rename for six seconds) while another reaches its own. Without
    // the lock the second published into the first's gap, and the first
    // then failed, saying nothing was published.
    if Command::new("strace").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("BANGVANG_FAULT_TESTS").is_none(),
            "strace is needed (BANGVANG_FAULT_TESTS is set)"
        );
        eprintln!("skipped the held swap: no strace");
        return;
    }
    edit(&site, 9);
    let inode = |p: &Path| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).ok()?).into();
    let before: Option<u64> = inode(&site.path("public"));
    let held = Command::new("strace")
        .args(["-f", "-qq", "--seccomp-bpf", "-o", "/dev/null"])
        .args(["-e", "trace=rename,renameat,renameat2", "-e"])
        .arg("inject=rename,renameat,renameat2:delay_exit=6000000:when=1")
        .arg(env!("CARGO_BIN_EXE_bangvang"))
        .args(["build", "--today", "2099-01-01", "--root"])
        .arg(site.root())
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the held build to be in its swap: the output's folder moved.
    let deadline = Instant::now() + Duration::from_secs(60);
    while inode(&site.path("public")) == before {
        assert!(
            Instant::now() < deadline,
            "the held build never reached its swap"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let second = build_site(&site);
    for build in [held, second] {
        let out = build.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(site.exists("public/index.html"));
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}

#[test]
fn an_output_that_is_a_link_is_followed_and_its_folder_replaced() {
    let site = TestSite::fixture("basic");
    let served = tempfile::tempdir().unwrap();
    let www = served.path().join("www");
    std::fs::create_dir(&www).unwrap();
    std::os::unix::fs::symlink(&www, site.path("public")).unwrap();
    site.build("2022-05-10").assert_ok();
    site.write("content/tin-moi.md", "---\ntitle: Tin mới\n---\nx\n");
    site.build("2022-05-10").assert_ok();
    let link = std::fs::symlink_metadata(site.path("public")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    assert!(
        www.join("tin-moi/index.html").is_file(),
        "the web server's folder has the new site"
    );
    assert_eq!(leftovers(served.path()), Vec::<String>::new());
}

#[test]
fn a_folder_not_made_by_bangvang_is_never_replaced() {
    let site = TestSite::fixture("basic");
    site.write("bao-cao/bao-cao-quy-3.docx", "báo cáo");
    let run = site.run(&[
        "build",
        "--today",
        "2022-05-10",
        "--output",
        &site.path("bao-cao").to_string_lossy(),
    ]);
    run.assert_content_error();
    assert!(
        run.stderr.contains("not made by bangvang"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read("bao-cao/bao-cao-quy-3.docx"), "báo cáo");
    // Made empty by its owner, it can be used; then it carries the marker.
    std::fs::remove_file(site.path("bao-cao/bao-cao-quy-3.docx")).unwrap();
    site.run(&[
        "build",
        "--today",
        "2022-05-10",
        "--output",
        &site.path("bao-cao").to_string_lossy(),
    ])
    .assert_ok();
    assert!(site.exists("bao-cao/.bangvang"));
    assert!(site.exists("bao-cao/index.html"));
}

/// As a non-root user (the build of a CI runner), an old site made
/// read-only (`chmod -R a-w`) is replaced and removed, and the build says
/// it published.
#[test]
fn a_read_only_old_site_is_replaced_by_a_user_who_is_not_root() {
    let site = TestSite::fixture("basic");
    let as_user = |args: &[&str]| {
        let mut command = if rustix::process::geteuid().is_root() {
            // nobody: cannot write into a folder it made read-only.
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
            c.arg(env!("CARGO_BIN_EXE_bangvang"));
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_bangvang"))
        };
        command
            .args(args)
            .arg("--root")
            .arg(site.root())
            .env("BANGVANG_LANG", "en")
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap()
    };
    if rustix::process::geteuid().is_root() {
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("skipped: no setpriv to drop root");
            return;
        }
        let status = Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(site.root())
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::set_permissions(site.root(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut up = site.root().parent();
        while let Some(dir) = up {
            // The temporary folders above must let nobody through.
            let mode = std::fs::metadata(dir).unwrap().permissions().mode();
            assert!(
                mode & 0o001 != 0,
                "{} is closed to other users",
                dir.display()
            );
            up = dir.parent();
        }
    }
    let first = as_user(&["build", "--today", "2022-05-10"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    for entry in walkdir::WalkDir::new(site.path("public"))
        .into_iter()
        .flatten()
    {
        let mode = if entry.file_type().is_dir() {
            0o555
        } else {
            0o444
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    }
    site.write("content/tin-moi.md", "---\ntitle: Tin mới\n---\nx\n");
    if rustix::process::geteuid().is_root() {
        Command::new("chown")
            .args(["65534:65534"])
            .arg(site.path("content/tin-moi.md"))
            .status()
            .unwrap();
    }
    let second = as_user(&["build", "--today", "2022-05-10"]);
    let stdout = String::from_utf8_lossy(&second.stdout);
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert!(stdout.contains("published"), "{stdout}");
    assert!(site.exists("public/tin-moi/index.html"));
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}

#[test]
fn a_page_rewritten_while_the_site_builds_is_published_whole_or_not_at_all() {
    let site = TestSite::fixture("basic");
    let page = site.path("content/tin-dang-sua.md");
    let version = |v: char| {
        format!(
            "---\ntitle: Phiên bản {v}\n---\n{}\n\nHết phiên bản {v}.\n",
            v.to_string().repeat(1_000_000)
        )
    };
    std::fs::write(&page, version('A')).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (page, stop) = (page.clone(), stop.clone());
        let (a, b) = (version('A'), version('B'));
        std::thread::spawn(move || {
            let mut saves = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // As an editor's program saves: truncate, then write.
                std::fs::write(&page, if saves.is_multiple_of(2) { &b } else { &a }).unwrap();
                saves += 1;
                // Saves come in bursts of eight with pauses, so that some
                // builds fall between them and publish.
                if saves.is_multiple_of(8) {
                    std::thread::sleep(Duration::from_millis(150));
                }
            }
        })
    };
    const BUILDS: usize = 24;
    let mut published = 0;
    for _ in 0..BUILDS {
        let run = site.build("2022-05-10");
        if run.code == 0 {
            published += 1;
            let html = site.read("public/tin-dang-sua/index.html");
            let whole = ["A", "B"].iter().any(|v| {
                html.contains(&format!("Phiên bản {v}"))
                    && html.contains(&format!("Hết phiên bản {v}."))
            });
            assert!(whole, "a page cut short was published");
        } else {
            assert!(
                run.stderr.contains("content/tin-dang-sua.md"),
                "the build failed on something else: {}",
                run.stderr
            );
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
    eprintln!("{published} of {BUILDS} builds published while the page was rewritten");
}

#[test]
fn a_site_built_under_umask_077_is_readable_by_the_web_server() {
    let site = TestSite::fixture("basic");
    let private = site.path("content/phong-trao/ke-hoach-2022/ban-scan.pdf");
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
    let status = Command::new("sh")
        .arg("-c")
        .arg("umask 077 && exec \"$0\" build --today 2022-05-10 --root \"$1\"")
        .arg(env!("CARGO_BIN_EXE_bangvang"))
        .arg(site.root())
        .env_remove("SOURCE_DATE_EPOCH")
        .status()
        .unwrap();
    assert!(status.success());
    for entry in walkdir::WalkDir::new(site.path("public"))
        .into_iter()
        .flatten()
    {
        let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
        let expected = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        assert_eq!(mode, expected, "{}", entry.path().display());
    }
}

#[test]
fn a_backslash_is_part_of_a_file_name_not_a_folder() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/a\\b.md",
        "---\ntitle: Tên có gạch chéo ngược\n---\nNội dung của tệp a\\b.\n",
    );
    site.write(
        "content/a/b.md",
        "---\ntitle: Trang trong thư mục a\n---\nNội dung của a/b.\n",
    );
    site.build("2022-05-10").assert_ok();
    let slashed = site.read("public/a-b/index.html");
    assert!(slashed.contains("Nội dung của tệp a\\b."), "{slashed}");
    assert!(
        site.read("public/a/b/index.html")
            .contains("Nội dung của a/b.")
    );
}

#[test]
fn a_mail_address_in_angle_brackets_is_a_mail_link() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/lien-he.md",
        "---\ntitle: Liên hệ\n---\nGửi thư tới <vanphong@snv.hatinh.gov.vn>.\n",
    );
    site.build("2022-05-10").assert_ok();
    let html = site.read("public/lien-he/index.html");
    assert!(
        html.contains(r#"href="mailto:vanphong@snv.hatinh.gov.vn""#),
        "{html}"
    );
}

#[test]
fn no_script_address_survives_in_any_attribute() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/trich-dan.md",
        "---\ntitle: Trích dẫn\n---\n<blockquote cite=\"javascript:alert(1)\">Lời trích.</blockquote>\n\n<q cite=\"  JaVaScRiPt:alert(2)\">ngắn</q>\n",
    );
    site.build("2022-05-10").assert_ok();
    let html = site
        .read("public/trich-dan/index.html")
        .to_ascii_lowercase();
    assert!(!html.contains("javascript:"), "{html}");
    assert!(html.contains("lời trích."), "{html}");
}

#[test]
fn line_separators_in_a_name_do_not_break_the_roll_script() {
    let site = TestSite::fixture("honours");
    let list = walkdir::WalkDir::new(site.path("content"))
        .into_iter()
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .expect("the fixture has a results list")
        .into_path();
    let text = std::fs::read_to_string(&list).unwrap();
    let name_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("- name:"))
        .unwrap();
    let name = name_line.split_once("name:").unwrap().1.trim();
    let (given, family) = name.split_once(' ').unwrap();
    std::fs::write(
        &list,
        text.replacen(name, &format!("\"{given}\u{2028}{family}\""), 1),
    )
    .unwrap();
    site.build("2023-12-01").assert_ok();
    let script = site.read("public/khen-thuong/chi-muc.js");
    assert!(!script.contains('\u{2028}'), "a raw U+2028 in the script");
    assert!(script.contains("\\u2028"));
}

#[test]
fn serve_removes_its_preview_when_stopped() {
    let site = TestSite::fixture("basic");
    let tmp = tempfile::tempdir().unwrap();
    for signal in ["TERM", "INT"] {
        let mut child = bangvang()
            .args(["serve", "--port", "0", "--today", "2022-05-10", "--root"])
            .arg(site.root())
            .env("TMPDIR", tmp.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        let deadline = Instant::now() + Duration::from_secs(30);
        while !line.contains("bangvang serve: http://") {
            line.clear();
            std::io::BufRead::read_line(&mut out, &mut line).unwrap();
            assert!(Instant::now() < deadline, "serve never printed its address");
        }
        let previews = || {
            std::fs::read_dir(tmp.path())
                .unwrap()
                .flatten()
                .filter(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .starts_with("bangvang-serve-")
                })
                .count()
        };
        assert_eq!(previews(), 1, "the preview folder is in TMPDIR");
        Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success());
        assert_eq!(previews(), 0, "SIG{signal} left the preview folder behind");
    }
}

/// A disk that fills up fails every write alike: the problem is reported
/// once, naming the folder being written, not once per page at a made-up
/// line of an unrelated source; the published site stays as it was.
#[test]
fn a_full_disk_is_reported_once_and_changes_nothing() {
    let site = TestSite::fixture("basic");
    site.build("2022-05-10").assert_ok();
    let before = snapshot(&site.path("public"));
    site.write("content/tin-moi.md", "---\ntitle: Tin mới\n---\nx\n");
    // Files are limited to 2 KB (`ulimit -f 2`, in KB blocks) and the signal
    // that limit sends is ignored: every larger write fails with EFBIG, as
    // on a full disk (ENOSPC).
    let out = Command::new("bash")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 2; exec \"$0\" build --today 2022-05-10 --root \"$1\"")
        .arg(env!("CARGO_BIN_EXE_bangvang"))
        .arg(site.root())
        .env_remove("SOURCE_DATE_EPOCH")
        .env("BANGVANG_LANG", "en")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains("cannot write the new site into this folder"),
        "{stderr}"
    );
    assert!(errors[0].contains(".public.bangvang-build-"), "{stderr}");
    assert!(
        !errors[0].contains(":1:1:"),
        "no made-up position: {stderr}"
    );
    assert_eq!(snapshot(&site.path("public")), before);
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}
