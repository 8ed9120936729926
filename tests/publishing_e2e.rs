//! The published site as readers meet it: the example site, built once for the
//! root of a domain and once for `/thi-dua/`, served by nginx with the shipped
//! `deploy/nginx.conf`, crawled in headless Chromium by
//! `tests/browser/crawl.mjs` (links, assets, headers, console and CSP errors,
//! axe-core, one h1, labels, 360 px phones, printing the campaign on A4).
//!
//! Needs nginx, Debian's chromium, pdftotext and `npm ci --prefix tests/browser`;
//! without them the tests say so and pass, unless `BANGVANG_BROWSER_TESTS=1`
//! (as in .ci/run), which makes a missing tool a failure.

mod common;

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{REPO, TestSite};

/// The day the example is built for: the first phase is over and its results
/// list decided, the year's proposed list is open for comment.
const TODAY: &str = "2022-12-15";

fn nginx_binary() -> Option<PathBuf> {
    ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Whether every tool of the end-to-end test is installed.
fn tools_available() -> bool {
    let browser = Path::new(REPO).join("tests/browser/node_modules");
    let missing: Vec<&str> = [
        ("nginx", nginx_binary().is_some()),
        ("chromium", Path::new("/usr/bin/chromium").exists()),
        ("pdftotext", Path::new("/usr/bin/pdftotext").exists()),
        (
            "tests/browser/node_modules (npm ci --prefix tests/browser)",
            browser.join("playwright-core").is_dir() && browser.join("axe-core").is_dir(),
        ),
    ]
    .into_iter()
    .filter(|(_, present)| !present)
    .map(|(name, _)| name)
    .collect();
    if missing.is_empty() {
        return true;
    }
    if std::env::var_os("BANGVANG_BROWSER_TESTS").is_some() {
        panic!(
            "BANGVANG_BROWSER_TESTS is set but these are missing: {}",
            missing.join(", ")
        );
    }
    eprintln!("skipping: missing {}", missing.join(", "));
    false
}

/// An nginx of its own, on a loopback port, serving `site_dir` under `prefix`
/// with deploy/nginx.conf; stopped when dropped, whatever the test did.
struct Nginx {
    child: Child,
    dir: tempfile::TempDir,
    port: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // One process (master_process off): killing it stops the server.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Nginx {
    /// `prefix` is "" (the domain's root) or "/thi-dua", as in deploy/nginx.conf.
    fn start(site_dir: &Path, prefix: &str) -> Nginx {
        let mut last_log = String::new();
        // The port is free when asked for; another process may take it before
        // nginx binds it, so try again a few times.
        for _ in 0..5 {
            let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
                .and_then(|l| l.local_addr())
                .expect("a free loopback port")
                .port();
            let dir = tempfile::tempdir().unwrap();
            let shipped = std::fs::read_to_string(Path::new(REPO).join("deploy/nginx.conf"))
                .expect("deploy/nginx.conf");
            let site_conf = shipped
                .replace("@LISTEN@", &format!("127.0.0.1:{port}"))
                .replace("@SERVER_NAME@", "localhost")
                .replace("@SITE_DIR@", site_dir.to_str().unwrap())
                .replace("@PREFIX@", prefix);
            let left = site_conf.split('@').skip(1).step_by(2).find(|name| {
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
            });
            assert!(left.is_none(), "placeholder @{}@ is left", left.unwrap());
            std::fs::write(dir.path().join("bangvang.conf"), site_conf).unwrap();
            // What Debian's /etc/nginx/nginx.conf provides around sites-enabled/,
            // with every file nginx writes inside the temporary folder.
            let d = dir.path().display();
            let main = format!(
                "daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
                 events {{ worker_connections 256; }}\n\
                 http {{\n  default_type application/octet-stream;\n  access_log {d}/access.log;\n\
                 client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n\
                 fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n\
                 include {d}/bangvang.conf;\n}}\n"
            );
            std::fs::write(dir.path().join("nginx.conf"), main).unwrap();
            let nginx = nginx_binary().unwrap();
            let args = |test: bool| {
                let mut args: Vec<String> = Vec::new();
                if test {
                    args.push("-t".into());
                }
                args.extend([
                    "-p".into(),
                    format!("{d}/"),
                    "-c".into(),
                    format!("{d}/nginx.conf"),
                    "-e".into(),
                    format!("{d}/error.log"),
                ]);
                args
            };
            let check = Command::new(&nginx).args(args(true)).output().unwrap();
            assert!(
                check.status.success(),
                "nginx -t refuses deploy/nginx.conf:\n{}",
                String::from_utf8_lossy(&check.stderr)
            );
            let child = Command::new(&nginx)
                .args(args(false))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("nginx starts");
            let mut server = Nginx { child, dir, port };
            if server.wait_until_listening() {
                return server;
            }
            last_log =
                std::fs::read_to_string(server.dir.path().join("error.log")).unwrap_or_default();
        }
        panic!("nginx did not start:\n{last_log}");
    }

    fn wait_until_listening(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return false;
            }
            if TcpStream::connect((Ipv4Addr::LOCALHOST, self.port)).is_ok() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    fn url(&self, prefix: &str) -> String {
        format!("http://127.0.0.1:{}{prefix}/", self.port)
    }
}

/// What a crawl printed, and whether it passed.
struct Crawl {
    ok: bool,
    report: String,
    seconds: f64,
}

fn crawl(args: &[String]) -> Crawl {
    let started = Instant::now();
    let output = Command::new("node")
        .arg(Path::new(REPO).join("tests/browser/crawl.mjs"))
        .args(args)
        .output()
        .expect("node runs");
    Crawl {
        ok: output.status.success(),
        report: format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
        seconds: started.elapsed().as_secs_f64(),
    }
}

/// The example site with a news section the test adds (the example has no
/// news yet): a post with an aligned, wide table, linked from the menu.
fn example_with_news(clean_urls: bool) -> TestSite {
    let site = TestSite::example();
    let mut config = site.read("site.yaml");
    assert!(
        config.trim_end().ends_with("url: /gioi-thieu/"),
        "the menu is the last key of site.yaml"
    );
    config.push_str("  - title: Tin tức\n    url: /tin-tuc/\n");
    if clean_urls {
        config.push_str("clean_urls: true\n");
    }
    site.write("site.yaml", config);
    site.write(
        "content/tin-tuc/_index.md",
        "---\ntitle: Tin tức\nsummary: Tin hoạt động thi đua, khen thưởng.\n---\n",
    );
    site.write(
        "content/tin-tuc/bang-diem.md",
        "---\ntitle: Kết quả chấm điểm thi đua (bài thử)\ndate: 2022-12-12\nsummary: Bài thử của kiểm thử đầu cuối.\ntags: [Thi đua]\n---\n\
         Xem [kế hoạch năm 2022](/phong-trao/2022/#cac-dot-thi-dua) và [bảng vàng](/khen-thuong/).\n\n\
         | STT | Đơn vị | Tiêu chí thứ nhất về chuyên môn | Tiêu chí thứ hai về phong trào | Tiêu chí thứ ba về kỷ luật | Tổng điểm |\n\
         | :-: | :-- | --: | --: | --: | --: |\n\
         | 1 | Văn phòng Sở | 30,0 | 28,5 | 20,0 | 78,5 |\n\
         | 2 | Công đoàn cơ quan Sở | 29,0 | 30,0 | 19,5 | 78,5 |\n",
    );
    site
}

/// Builds the example for `base_url` and crawls it served under `prefix`.
fn build_serve_and_crawl(base_url: &str, prefix: &str, clean_urls: bool) {
    let site = example_with_news(clean_urls);
    let out = site.path("public");
    site.run(&[
        "build",
        "--today",
        TODAY,
        "--base-url",
        base_url,
        "--output",
        out.to_str().unwrap(),
    ])
    .assert_ok();
    let nginx = Nginx::start(&out, prefix);
    let mut args: Vec<String> = [
        "--base",
        &nginx.url(prefix),
        "--public-base",
        base_url,
        "--campaign",
        "phong-trao/2022/",
        "--out",
        site.root().to_str().unwrap(),
    ]
    .map(str::to_owned)
    .to_vec();
    for page in [
        "",
        "phong-trao/2022/",
        "phong-trao/2022/dot-1-mau/",
        "phong-trao/2022/tong-ket-du-kien-mau/",
        "khen-thuong/",
        "khen-thuong/tap-the/",
        "don-vi/van-phong/",
        "lich/",
        "tin-tuc/",
        "tin-tuc/bang-diem/",
        "gioi-thieu/",
    ] {
        args.extend(["--must-reach".to_owned(), page.to_owned()]);
    }
    let result = crawl(&args);
    assert!(
        result.ok,
        "the crawl of {} found problems:\n{}",
        nginx.url(prefix),
        result.report
    );
    eprintln!("{}(crawl {:.1} s)", result.report, result.seconds);
}

#[test]
fn the_example_site_served_by_nginx_at_the_root_passes_the_crawl() {
    if !tools_available() {
        return;
    }
    build_serve_and_crawl("https://thidua.example.gov.vn/", "", true);
}

#[test]
fn the_example_site_served_by_nginx_under_a_subpath_passes_the_crawl() {
    if !tools_available() {
        return;
    }
    build_serve_and_crawl("https://example.gov.vn/thi-dua/", "/thi-dua", false);
}

/// The crawl must be able to fail: a hand-made site with one of each defect,
/// served with the same configuration, is reported defect by defect.
#[test]
fn the_crawl_reports_each_kind_of_defect() {
    if !tools_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("a")).unwrap();
    let page = |title: &str, body: &str| {
        format!(
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title}</title><link rel=\"stylesheet\" href=\"/s.0123abcd.css\"></head>\
             <body><main>{body}</main></body></html>"
        )
    };
    std::fs::write(
        site.join("s.0123abcd.css"),
        "body { color: #222; }\n.pale { color: #c8c8c8; }\n",
    )
    .unwrap();
    std::fs::write(
        site.join("index.html"),
        page(
            "Trang lỗi",
            "<h1>Một</h1><h1>Hai</h1>\
             <p><a href=\"a/\">trang a</a> <a href=\"mat-tich/\">trang mất</a> <a href=\"a/#khong-co\">mục không có</a></p>\
             <script>document.title = 'x';</script>\
             <p style=\"font-weight: bold\">in đậm</p>",
        ),
    )
    .unwrap();
    std::fs::write(
        site.join("a/index.html"),
        page(
            "Trang a",
            "<h1>Trang a</h1><input type=\"search\" id=\"q\">\
             <div class=\"rong\"><img src=\"/anh.svg\" width=\"600\" height=\"10\"></div>\
             <p class=\"pale\">chữ nhạt</p>",
        ),
    )
    .unwrap();
    std::fs::write(
        site.join("anh.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"10\"/>",
    )
    .unwrap();
    std::fs::write(
        site.join("404.html"),
        page("Không tìm thấy trang", "<h1>Không tìm thấy trang</h1>"),
    )
    .unwrap();
    let nginx = Nginx::start(&site, "");
    let result = crawl(&[
        "--base".to_owned(),
        nginx.url(""),
        "--must-reach".to_owned(),
        "khong-lien-ket/".to_owned(),
    ]);
    assert!(
        !result.ok,
        "the crawl passed a broken site:\n{}",
        result.report
    );
    for expected in [
        "FAIL /: has 2 h1 elements, not one",
        "FAIL /: CSP violation: script-src-elem blocked inline",
        "FAIL /: CSP violation: style-src-attr blocked inline",
        "FAIL /mat-tich/: answers 404",
        "FAIL /: links to #khong-co of /a/, which has no such element",
        "FAIL /a/: form field without a label: q",
        "FAIL /a/: scrolls sideways by",
        "img (right edge at",
        "FAIL /a/: accessibility (page): serious color-contrast",
        "FAIL /a/: accessibility (page): critical image-alt",
        "FAIL /khong-lien-ket/: no link leads to this page",
        "FAIL /sitemap.xml: answers 404",
    ] {
        assert!(
            result.report.contains(expected),
            "the report lacks {expected:?}:\n{}",
            result.report
        );
    }
}
