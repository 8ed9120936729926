//! `bangvang serve` on an ephemeral port: pages are served, edits show up, a
//! broken file shows its errors over the last good site, `..` paths are refused.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::TestSite;

struct Server {
    child: Child,
    address: String,
    /// The server's output lines after its address ("built … pages in … ms").
    lines: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &TestSite) -> Server {
    start_with(site, &[])
}

fn start_with(site: &TestSite, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bangvang"))
        .args(["serve", "--port", "0", "--today", "2022-05-10"])
        .args(extra)
        .arg("--root")
        .arg(site.root())
        // What editors see: the Vietnamese.
        .env("BANGVANG_LANG", "vi")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let stdout = child.stdout.take().unwrap();
    // Read its output on a thread so that it never blocks on a full pipe.
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let address = loop {
        let line = lines
            .recv_timeout(Duration::from_secs(20))
            .expect("the server prints its address");
        if let Some(rest) = line.strip_prefix("bangvang serve: http://") {
            break rest.split('/').next().unwrap().to_owned();
        }
    };
    Server {
        child,
        address,
        lines,
    }
}

/// `(status, headers, body)` of a GET.
fn get(server: &Server, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head.to_owned(), body.to_owned())
}

fn wait_for(server: &Server, path: &str, what: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, _, body) = get(server, path);
        if what(&body) {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting on {path}:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serves_rebuilds_reports_errors_and_recovers() {
    let site = TestSite::fixture("basic");
    let server = start(&site);
    let campaign = "/phong-trao/ke-hoach-2022/";

    let (status, head, body) = get(&server, campaign);
    assert_eq!(status, 200);
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(body.contains("Đoàn kết, đổi mới"));
    assert!(body.contains(r#"<script src="/__bangvang/reload.js"></script>"#));
    // The built files themselves never carry the reload script.
    assert!(
        !site.exists("public"),
        "serve does not write the site's public/"
    );

    let source = "content/phong-trao/ke-hoach-2022/index.md";
    let text = site.read(source);
    site.write(
        source,
        text.replace("Đoàn kết, đổi mới", "Đoàn kết, sáng tạo"),
    );
    wait_for(&server, campaign, |b| b.contains("Đoàn kết, sáng tạo"));

    // A broken file: the errors are shown over the last good page.
    site.write(
        source,
        text.replace(
            "title: Kế hoạch thi đua năm 2022",
            "titel: Kế hoạch thi đua năm 2022",
        ),
    );
    let body = wait_for(&server, campaign, |b| b.contains("bangvang-loi"));
    // In the editors' language, the default: the banner is for them.
    assert!(
        body.contains(
            "lỗi: content/phong-trao/ke-hoach-2022/index.md:2:1: không biết khóa `titel`"
        ),
        "{body}"
    );
    assert!(
        body.contains("Bản xem trước chưa được cập nhật: nội dung có lỗi."),
        "{body}"
    );
    assert!(
        body.contains("Đoàn kết, sáng tạo"),
        "the last good page is still served"
    );

    // Fixed: the site comes back without a restart.
    site.write(source, text);
    let body = wait_for(&server, campaign, |b| {
        !b.contains("bangvang-loi") && b.contains("Đoàn kết, đổi mới")
    });
    assert!(!body.contains("unknown key"));

    // Nothing outside the output is served; missing pages get the theme's 404.
    let (status, _, body) = get(&server, "/../../../../etc/passwd");
    assert_eq!(status, 404);
    assert!(!body.contains("root:"));
    let (status, _, _) = get(&server, "/phong-trao/%2e%2e/%2e%2e/site.yaml");
    assert_eq!(status, 404);
    let (status, _, body) = get(&server, "/khong-co/");
    assert_eq!(status, 404);
    assert!(body.contains("Không tìm thấy trang"), "{body}");
    let (status, head, _) = get(&server, "/lich.ics");
    assert_eq!(status, 200);
    assert!(
        head.to_ascii_lowercase().contains("text/calendar"),
        "{head}"
    );
}

#[test]
fn a_burst_of_saves_triggers_one_rebuild() {
    let site = TestSite::fixture("basic");
    let server = start(&site);
    for i in 0..5 {
        site.write(
            "content/gioi-thieu.md",
            format!("---\ntitle: Giới thiệu {i}\n---\n"),
        );
    }
    // Five saves in a row are one rebuild. On a loaded machine the writer can
    // be paused longer than the watcher's quiet time (or a save seen half
    // written), so a second rebuild is tolerated; one per save is not.
    let mut lines = vec![server.lines.recv_timeout(Duration::from_secs(20)).unwrap()];
    while let Ok(line) = server.lines.recv_timeout(Duration::from_millis(1500)) {
        lines.push(line);
    }
    assert!(lines.len() <= 2, "a rebuild per save: {lines:#?}");
    assert!(
        lines.last().unwrap().starts_with("đã dựng xong trong "),
        "{lines:#?}"
    );
    wait_for(&server, "/gioi-thieu/", |b| b.contains("Giới thiệu 4"));
}

#[test]
fn an_open_page_reloads_by_itself_after_a_save_and_shows_errors() {
    let ready = Path::new(common::REPO)
        .join("tests/browser/node_modules/playwright-core")
        .is_dir()
        && Path::new("/usr/bin/chromium").exists();
    if !ready {
        assert!(
            std::env::var_os("BANGVANG_BROWSER_TESTS").is_none(),
            "BANGVANG_BROWSER_TESTS is set but chromium or tests/browser/node_modules is missing"
        );
        eprintln!("skipping: install chromium and run `npm ci --prefix tests/browser`");
        return;
    }
    let site = TestSite::example();
    let server = start(&site);
    let url = format!("http://{}/phong-trao/2022/", server.address);
    let file = site.path("content/phong-trao/2022/index.md");
    let run = |expected: &str, sed: &str| -> serde_json::Value {
        let output = Command::new("node")
            .arg(Path::new(common::REPO).join("tests/browser/live-reload.mjs"))
            .args([
                &url,
                expected,
                &format!("sed -i '{sed}' '{}'", file.display()),
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    };
    // The motto changes in the open page by itself (how fast is measured by
    // bench/serve_latency.py, not here).
    let result = run(
        "Đoàn kết, sáng tạo, đổi mới",
        "s/^motto: \"Đoàn kết, đổi mới/motto: \"Đoàn kết, sáng tạo, đổi mới/",
    );
    assert_eq!(result["banner"], false, "{result}");
    // A misspelt key: the message appears in the page.
    let result = run(
        "không biết khóa `titel`",
        "s/^title: Kế hoạch/titel: Kế hoạch/",
    );
    assert_eq!(result["banner"], true, "{result}");
    // Fixed: the banner goes away by itself.
    let result = run(
        "Đoàn kết, sáng tạo, hội nhập",
        "s/^titel: Kế hoạch/title: Kế hoạch/; s/^motto: \"Đoàn kết, sáng tạo, đổi mới/motto: \"Đoàn kết, sáng tạo, hội nhập/",
    );
    assert_eq!(result["banner"], false, "{result}");
}

#[test]
fn renamed_saves_and_folders_made_later_are_seen() {
    let site = TestSite::fixture("basic");
    let server = start(&site);
    // An editor that saves by writing a new file and renaming it over the old.
    for title in ["Tên mới một", "Tên mới hai"] {
        let config = site
            .read("site.yaml")
            .lines()
            .map(|l| {
                if l.starts_with("title: ") {
                    format!("title: {title}")
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n";
        site.write("site.yaml.tmp", config);
        std::fs::rename(site.path("site.yaml.tmp"), site.path("site.yaml")).unwrap();
        wait_for(&server, "/", |b| b.contains(title));
    }
    // A static/ folder created while serving.
    site.write("static/moi.txt", "xin chào");
    wait_for(&server, "/moi.txt", |b| b.contains("xin chào"));
}

/// The editors' guide (docs/huong-dan.md) is served by the preview itself, at
/// an address of its own that no site file can take, under the published
/// site's Content-Security-Policy; the error banner links to its section on
/// reading messages.
#[test]
fn the_guide_is_served_and_the_error_banner_links_to_it() {
    let site = TestSite::fixture("basic");
    let server = start(&site);

    let (status, head, guide) = get(&server, "/__bangvang/huong-dan/");
    assert_eq!(status, 200, "{head}");
    let head = head.to_ascii_lowercase();
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(
        head.contains("content-security-policy: default-src 'self';"),
        "{head}"
    );
    assert!(guide.contains("<html lang=\"vi\">"), "{guide}");
    assert!(
        guide.contains("<h1 id=\"hướng-dẫn-cho-người-biên-tập\">Hướng dẫn cho người biên tập</h1>")
    );
    for heading in [
        r#"<h2 id="1-bắt-đầu">1. Bắt đầu</h2>"#,
        r#"<h2 id="2-viết-một-kế-hoạch-phát-động-phong-trào-thi-đua">2. Viết một kế hoạch phát động phong trào thi đua</h2>"#,
        r#"<h2 id="3-viết-một-danh-sách-khen-thưởng">3. Viết một danh sách khen thưởng</h2>"#,
        r#"<h2 id="4-viết-một-tin-tức-một-trang">4. Viết một tin tức, một trang</h2>"#,
        r#"<h2 id="5-bản-nháp-và-hẹn-ngày-đăng">5. Bản nháp và hẹn ngày đăng</h2>"#,
        r#"<h2 id="6-các-bước-kiểm-tra-của-bangvang">6. Các bước kiểm tra của bangvang</h2>"#,
        r#"<h2 id="7-đọc-một-thông-báo-lỗi">7. Đọc một thông báo lỗi</h2>"#,
    ] {
        assert!(guide.contains(heading), "no {heading}");
    }
    // Nothing the policy would block, and none of the preview's additions.
    for refused in ["<script", "<style", "style=", "bangvang-loi"] {
        assert!(!guide.contains(refused), "{refused}");
    }
    assert!(guide.contains(r#"<link rel="stylesheet" href="/__bangvang/huong-dan.css">"#));
    let (status, head, css) = get(&server, "/__bangvang/huong-dan.css");
    assert_eq!(status, 200);
    assert!(head.to_ascii_lowercase().contains("text/css"), "{head}");
    assert!(css.contains("body {"), "{css}");
    // Also without the final slash; any other address of the server's folder
    // is not found, and nothing of the site is read there.
    assert_eq!(get(&server, "/__bangvang/huong-dan").0, 200);
    assert_eq!(get(&server, "/__bangvang/khong-co").0, 404);
    assert_eq!(get(&server, "/__bangvang/../site.yaml").0, 404);

    // A broken file: the banner links to the guide's section on messages.
    let source = "content/phong-trao/ke-hoach-2022/index.md";
    let text = site.read(source);
    site.write(
        source,
        text.replace(
            "title: Kế hoạch thi đua năm 2022",
            "titel: Kế hoạch thi đua năm 2022",
        ),
    );
    let body = wait_for(&server, "/phong-trao/ke-hoach-2022/", |b| {
        b.contains("bangvang-loi")
    });
    let link = r#"<a href="/__bangvang/huong-dan/#7-đọc-một-thông-báo-lỗi" style="color:inherit;font-weight:bold">Xem hướng dẫn đọc thông báo lỗi</a>"#;
    let banner = &body[body.find("bangvang-loi").unwrap()..];
    assert!(banner.contains(link), "{banner}");
    // The guide is served while the build is broken too.
    let (status, _, during) = get(&server, "/__bangvang/huong-dan/");
    assert_eq!(status, 200);
    assert!(during.contains(r#"id="7-đọc-một-thông-báo-lỗi""#));
    assert!(!during.contains("bangvang-loi"), "no banner over the guide");
}

/// What a page of another site could make the editor's browser send to the
/// preview: refused without reading more than a request's head.
#[test]
fn hostile_requests_are_refused() {
    let site = TestSite::fixture("basic");
    let server = start(&site);
    let raw = |request: &[u8]| -> String {
        let mut stream = TcpStream::connect(&server.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        stream.write_all(request).unwrap();
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        String::from_utf8_lossy(&response).into_owned()
    };
    let status = |response: &str| response.split_whitespace().nth(1).unwrap_or("").to_owned();
    // DNS rebinding: another site's name pointed at this computer.
    let rebound = raw(b"GET / HTTP/1.1\r\nHost: evil.example.com:1111\r\n\r\n");
    assert_eq!(status(&rebound), "403", "{rebound}");
    assert!(!rebound.contains("Đoàn kết"), "no page is given");
    let localhost = raw(format!(
        "GET / HTTP/1.1\r\nHost: localhost:{}\r\n\r\n",
        server.address.rsplit(':').next().unwrap()
    )
    .as_bytes());
    assert_eq!(status(&localhost), "200");
    assert_eq!(
        status(&raw(
            b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\nabcd"
        )),
        "405"
    );
    assert_eq!(
        status(&raw(
            b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\nabcd"
        )),
        "413"
    );
    let huge = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: {}\r\n\r\n",
        "a".repeat(64 * 1024)
    );
    assert_eq!(status(&raw(huge.as_bytes())), "431");
    assert_eq!(status(&raw(b"GET /\r\n\r\n")), "400");
    // A head that never ends is cut off after the header timeout (10 s).
    let started = Instant::now();
    let slow = raw(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    assert_eq!(status(&slow), "408", "{slow}");
    assert!(started.elapsed() < Duration::from_secs(15));
    // And the server still answers.
    assert_eq!(get(&server, "/").0, 200);
}

/// Bound to every interface, the preview prints an address a browser on
/// this computer can open (not `0.0.0.0`) and answers there.
#[test]
fn bound_to_every_interface_the_printed_address_works() {
    let site = TestSite::fixture("basic");
    let server = start_with(&site, &["--bind", "0.0.0.0"]);
    assert!(
        server.address.starts_with("127.0.0.1:"),
        "{}",
        server.address
    );
    assert_eq!(get(&server, "/").0, 200);
}
