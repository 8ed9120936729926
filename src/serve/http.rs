//! Answering the browser: files of the preview folder (and nothing outside it),
//! the live-reload event stream, and the build's problems over every page.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tiny_http::{Header, Request, Response, StatusCode};

use super::Shared;

const EVENTS: &str = "/__bangvang/events";
const SCRIPT: &str = "/__bangvang/reload.js";

/// Reloads the page when the server says the site was rebuilt.
const RELOAD_JS: &str = r#"(function () {
  var source = new EventSource("/__bangvang/events");
  var first = null;
  source.onmessage = function (e) {
    if (first === null) { first = e.data; return; }
    if (e.data !== first) { source.close(); location.reload(); }
  };
})();
"#;

pub fn respond(request: Request, shared: Arc<Shared>) {
    let url = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_owned();
    let shared_ref = &*shared;
    let _ = match url.as_str() {
        EVENTS => return events(request, shared),
        SCRIPT => request.respond(
            Response::from_string(RELOAD_JS)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8")),
        ),
        _ => match resolve(&shared_ref.output, &url) {
            Some(path) => serve_file(request, shared_ref, &path),
            None => not_found(request, shared_ref),
        },
    };
}

/// The file a URL names inside `root`, or `None` when it names nothing there.
/// `..`, absolute paths and backslashes are refused outright: nothing outside
/// the preview folder is ever read.
pub fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url)?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let relative = Path::new(decoded.trim_start_matches('/'));
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut path = root.join(relative);
    if path.is_dir() {
        path.push("index.html");
    }
    path.is_file().then_some(path)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("static header names and values are valid")
}

pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

fn serve_file(request: Request, shared: &Shared, path: &Path) -> std::io::Result<()> {
    let Ok(bytes) = std::fs::read(path) else {
        return not_found(request, shared);
    };
    let kind = content_type(path);
    let body = if kind.starts_with("text/html") {
        decorate(&String::from_utf8_lossy(&bytes), shared).into_bytes()
    } else {
        bytes
    };
    request.respond(
        Response::from_data(body)
            .with_header(header("Content-Type", kind))
            .with_header(header("Cache-Control", "no-store")),
    )
}

/// The site's own 404 page (or a plain one), with status 404.
fn not_found(request: Request, shared: &Shared) -> std::io::Result<()> {
    let page = std::fs::read_to_string(shared.output.join("404.html")).unwrap_or_else(|_| {
        "<!DOCTYPE html><html lang=\"vi\"><body><h1>Không tìm thấy trang</h1></body></html>".into()
    });
    request.respond(
        Response::from_string(decorate(&page, shared))
            .with_status_code(StatusCode(404))
            .with_header(header("Content-Type", "text/html; charset=utf-8")),
    )
}

/// Adds the reload script and, after a failed build, the list of problems.
fn decorate(html: &str, shared: &Shared) -> String {
    let problems = shared
        .state
        .lock()
        .expect("no thread panics holding the state")
        .problems
        .clone();
    let mut extra = String::from("<script src=\"/__bangvang/reload.js\"></script>");
    if let Some(problems) = problems {
        extra.push_str(
            "<div id=\"bangvang-loi\" role=\"alert\" style=\"position:fixed;inset:0 0 auto 0;z-index:9999;max-height:60vh;overflow:auto;background:#fff3f3;color:#5a0000;border-bottom:4px solid #b00020;padding:1rem 1.25rem;font:14px/1.5 monospace;white-space:pre-wrap\"><strong>Bản xem trước chưa được cập nhật: nội dung có lỗi. Trang bên dưới là bản tốt gần nhất.</strong>\n",
        );
        for line in problems {
            extra.push_str(&escape(&line));
            extra.push('\n');
        }
        extra.push_str("</div>");
    }
    match html.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &html[..i], &html[i..]),
        None => format!("{html}{extra}"),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Server-Sent Events: the current build generation now, then each new one.
/// Written straight to the connection and flushed event by event (a chunked
/// response would sit in a buffer).
fn events(request: Request, shared: Arc<Shared>) {
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    let mut last: Option<u64> = None;
    loop {
        let message = {
            let mut state = shared
                .state
                .lock()
                .expect("no thread panics holding the state");
            if Some(state.generation) == last {
                let (next, _) = shared
                    .changed
                    .wait_timeout(state, Duration::from_secs(15))
                    .expect("no thread panics holding the state");
                state = next;
            }
            if Some(state.generation) == last {
                // A comment keeps the connection from timing out; a closed page
                // is noticed when this write fails.
                ": ping\n\n".to_owned()
            } else {
                last = Some(state.generation);
                format!("data: {}\n\n", state.generation)
            }
        };
        if writer
            .write_all(message.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_never_leave_the_output() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/index.html"), "x").unwrap();
        assert!(resolve(dir.path(), "/a/").is_some());
        assert!(resolve(dir.path(), "/a").is_some());
        assert!(resolve(dir.path(), "/../etc/passwd").is_none());
        assert!(resolve(dir.path(), "/a/%2e%2e/%2e%2e/etc/passwd").is_none());
        assert!(resolve(dir.path(), "/a/..%2f..%2fetc").is_none());
        assert!(resolve(dir.path(), "/%00").is_none());
        assert!(resolve(dir.path(), "/a\\..\\x").is_none());
    }
}
