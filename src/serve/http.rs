//! Answering the browser: files of the preview folder (and nothing outside it),
//! the live-reload event stream, the build's problems over every page, and the
//! editors' guide.
//!
//! Addresses under `/__bangvang/` ([`crate::paths::PREVIEW`]) are the
//! server's own: the reload script, the event stream, the guide at
//! `/__bangvang/huong-dan/` and its stylesheet; any other address there is not
//! found. No file of the site can be there (the build refuses a static folder
//! of that name, and page addresses are slugs), so the preview never hides a
//! page of the site behind one of its own.
//!
//! A small HTTP/1.1 server of its own, because a preview on an editor's
//! computer must hold against what a web page can make the browser send: each
//! request's head must arrive within [`HEADER_TIMEOUT`] and fit in
//! [`MAX_HEAD_BYTES`] (a slow or endless request cannot hold a thread), a
//! request with a body is refused (only GET and HEAD are answered), at most
//! [`MAX_CONNECTIONS`] are served at once, and the `Host` must be an address
//! or `localhost`: a page of another site that renames itself to this
//! computer's address ("DNS rebinding") is refused. Every answer closes its
//! connection.

use std::io::{Read, Write};
use std::net::{IpAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::{Shared, guide};

const EVENTS: &str = "/__bangvang/events";
const SCRIPT: &str = "/__bangvang/reload.js";

/// A request's line and headers must arrive within this time.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// A request's line and headers (a browser's are under 2 KB).
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// Connections served at once; more are answered 503 and closed. Each open
/// page keeps one for its live reload.
pub const MAX_CONNECTIONS: usize = 128;

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

/// Serves until the process stops: one thread per connection.
pub fn run(listener: TcpListener, shared: Arc<Shared>) {
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            active.fetch_sub(1, Ordering::SeqCst);
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            let _ = respond(
                &mut stream,
                false,
                &Answer::text(503, "Too many connections\n"),
            );
            continue;
        }
        let shared = Arc::clone(&shared);
        let active = Arc::clone(&active);
        std::thread::spawn(move || {
            let _ = handle(stream, &shared);
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// What the head of a request said.
struct Request {
    method: String,
    target: String,
    host: Option<String>,
    has_body: bool,
}

/// Why a request was not read.
enum Refused {
    /// Status and reason.
    Answer(u16, &'static str),
    /// The connection closed or stalled: nothing to answer.
    Gone,
}

/// Reads the request's head within the time and size limits.
fn read_head(stream: &mut TcpStream) -> Result<Request, Refused> {
    let deadline = Instant::now() + HEADER_TIMEOUT;
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    let end = loop {
        if let Some(end) = find_blank_line(&head) {
            break end;
        }
        if head.len() > MAX_HEAD_BYTES {
            return Err(Refused::Answer(431, "Request Header Fields Too Large"));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Refused::Answer(408, "Request Timeout"));
        }
        stream
            .set_read_timeout(Some(left))
            .map_err(|_| Refused::Gone)?;
        match stream.read(&mut chunk) {
            Ok(0) => return Err(Refused::Gone),
            Ok(n) => head.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return Err(Refused::Answer(408, "Request Timeout"));
            }
            Err(_) => return Err(Refused::Gone),
        }
    };
    if end > MAX_HEAD_BYTES {
        return Err(Refused::Answer(431, "Request Header Fields Too Large"));
    }
    let text =
        std::str::from_utf8(&head[..end]).map_err(|_| Refused::Answer(400, "Bad Request"))?;
    let mut lines = text.split("\r\n");
    let mut parts = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refused::Answer(400, "Bad Request"));
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return Err(Refused::Answer(400, "Bad Request"));
    }
    let mut request = Request {
        method: method.to_owned(),
        target: target.to_owned(),
        host: None,
        has_body: false,
    };
    for line in lines.filter(|l| !l.is_empty()) {
        let Some((name, value)) = line.split_once(':') else {
            return Err(Refused::Answer(400, "Bad Request"));
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "host" => request.host = Some(value.to_owned()),
            "content-length" => request.has_body |= value != "0",
            "transfer-encoding" => request.has_body = true,
            _ => {}
        }
    }
    Ok(request)
}

fn find_blank_line(bytes: &[u8]) -> Option<usize> {
    bytes.windows(4).position(|w| w == b"\r\n\r\n")
}

/// Whether a `Host` header names this computer as a browser reaches it: an
/// IP address (v4, or v6 in brackets) or `localhost`, with or without a
/// port. Any other name could be a page of another site pointing its own
/// name at this address.
pub fn is_allowed_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        match rest.split_once(']') {
            Some((v6, port)) if port.is_empty() || port.starts_with(':') => {
                return v6.parse::<std::net::Ipv6Addr>().is_ok();
            }
            _ => return false,
        }
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    let name = name.to_ascii_lowercase();
    name.parse::<IpAddr>().is_ok() || name == "localhost" || name.ends_with(".localhost")
}

/// An answer to send: status, content type, body, and the
/// Content-Security-Policy it is sent with, if any.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    policy: Option<&'static str>,
}

impl Answer {
    fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Answer {
        Answer {
            status,
            content_type,
            body: body.into(),
            policy: None,
        }
    }

    fn text(status: u16, body: &str) -> Answer {
        Answer::new(status, "text/plain; charset=utf-8", body)
    }

    /// The guide's page or stylesheet, under the published site's policy.
    fn guide(content_type: &'static str, body: &'static str) -> Answer {
        Answer {
            policy: Some(guide::CONTENT_SECURITY_POLICY),
            ..Answer::new(200, content_type, body)
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

fn respond(stream: &mut TcpStream, head_only: bool, answer: &Answer) -> std::io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        answer.status,
        reason(answer.status),
        answer.content_type,
        answer.body.len()
    );
    if answer.status == 405 {
        out.push_str("Allow: GET, HEAD\r\n");
    }
    if let Some(policy) = answer.policy {
        out.push_str(&format!("Content-Security-Policy: {policy}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&answer.body);
    }
    stream.write_all(&bytes)?;
    stream.flush()
}

fn handle(mut stream: TcpStream, shared: &Arc<Shared>) -> std::io::Result<()> {
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let request = match read_head(&mut stream) {
        Ok(request) => request,
        Err(Refused::Answer(status, why)) => {
            return respond(
                &mut stream,
                false,
                &Answer::text(status, &format!("{why}\n")),
            );
        }
        Err(Refused::Gone) => return Ok(()),
    };
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        return respond(
            &mut stream,
            false,
            &Answer::text(405, "Only GET and HEAD\n"),
        );
    }
    if request.has_body {
        return respond(
            &mut stream,
            false,
            &Answer::text(413, "No request body is taken\n"),
        );
    }
    if !request.host.as_deref().is_none_or(is_allowed_host) {
        return respond(
            &mut stream,
            false,
            &Answer::text(
                403,
                "Bản xem trước chỉ trả lời địa chỉ IP hoặc localhost.\nThis preview answers requests to an IP address or localhost only.\n",
            ),
        );
    }
    let path = request
        .target
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_owned();
    let answer = match path.as_str() {
        EVENTS if !head_only => return events(stream, Arc::clone(shared)),
        SCRIPT => Answer::new(200, "text/javascript; charset=utf-8", RELOAD_JS),
        guide::PATH => Answer::guide("text/html; charset=utf-8", guide::page()),
        p if p == guide::PATH.trim_end_matches('/') => {
            Answer::guide("text/html; charset=utf-8", guide::page())
        }
        guide::STYLE_PATH => Answer::guide("text/css; charset=utf-8", guide::STYLE),
        // The rest of the server's own folder: never a file of the site.
        p if p
            .strip_prefix('/')
            .is_some_and(crate::paths::is_preview_reserved) =>
        {
            not_found(shared)
        }
        _ => match resolve(&shared.output, &path) {
            Some(file) => serve_file(shared, &file),
            None => not_found(shared),
        },
    };
    respond(&mut stream, head_only, &answer)
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

fn serve_file(shared: &Shared, path: &Path) -> Answer {
    let Ok(bytes) = std::fs::read(path) else {
        return not_found(shared);
    };
    let kind = content_type(path);
    let body = if kind.starts_with("text/html") {
        decorate(&String::from_utf8_lossy(&bytes), shared).into_bytes()
    } else {
        bytes
    };
    Answer::new(200, kind, body)
}

/// The site's own 404 page (or a plain one), with status 404.
fn not_found(shared: &Shared) -> Answer {
    let page = std::fs::read_to_string(shared.output.join("404.html")).unwrap_or_else(|_| {
        "<!DOCTYPE html><html lang=\"vi\"><body><h1>Không tìm thấy trang</h1></body></html>".into()
    });
    Answer::new(
        404,
        "text/html; charset=utf-8",
        decorate(&page, shared).into_bytes(),
    )
}

/// Adds the reload script and, after a failed build, the list of problems.
fn decorate(html: &str, shared: &Shared) -> String {
    let problems = shared.state().problems.clone();
    let mut extra = String::from("<script src=\"/__bangvang/reload.js\"></script>");
    if let Some(problems) = problems {
        extra.push_str(
            "<div id=\"bangvang-loi\" role=\"alert\" style=\"position:fixed;inset:0 0 auto 0;z-index:9999;max-height:60vh;overflow:auto;background:#fff3f3;color:#5a0000;border-bottom:4px solid #b00020;padding:1rem 1.25rem;font:14px/1.5 monospace;white-space:pre-wrap\"><strong>",
        );
        extra.push_str(&escape(&crate::messages::tr(
            "The preview is not up to date: the content has errors. The page below is the last good one.",
        )));
        extra.push_str("</strong>\n<a href=\"");
        extra.push_str(&escape(&format!(
            "{}#{}",
            guide::PATH,
            guide::READING_MESSAGES
        )));
        extra.push_str("\" style=\"color:inherit;font-weight:bold\">");
        extra.push_str(&escape(&crate::messages::tr(
            "How to read these messages (the editors' guide, in Vietnamese)",
        )));
        extra.push_str("</a>\n");
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
/// Written straight to the connection and flushed event by event.
fn events(mut stream: TcpStream, shared: Arc<Shared>) -> std::io::Result<()> {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    stream.write_all(head.as_bytes())?;
    stream.flush()?;
    let mut last: Option<u64> = None;
    loop {
        let message = {
            let mut state = shared.state();
            if Some(state.generation) == last {
                let (next, _) = shared
                    .changed
                    .wait_timeout(state, Duration::from_secs(15))
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
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
        stream.write_all(message.as_bytes())?;
        stream.flush()?;
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

    /// Every address the server answers itself is in the folder the build
    /// keeps free of site files.
    #[test]
    fn the_servers_own_addresses_are_in_its_reserved_folder() {
        for path in [EVENTS, SCRIPT, guide::PATH, guide::STYLE_PATH] {
            assert!(
                path.strip_prefix('/')
                    .is_some_and(crate::paths::is_preview_reserved),
                "{path}"
            );
        }
    }

    #[test]
    fn only_addresses_and_localhost_are_hosts() {
        for host in [
            "127.0.0.1:1111",
            "127.0.0.1",
            "localhost:1111",
            "LOCALHOST",
            "preview.localhost:80",
            "[::1]:1111",
            "[::1]",
            "192.168.1.20:1111",
        ] {
            assert!(is_allowed_host(host), "{host}");
        }
        for host in [
            "evil.example.com:1111",
            "127.0.0.1.nip.io",
            "localhost.evil.com",
            "[::1",
            "[zz]:1",
            "",
        ] {
            assert!(!is_allowed_host(host), "{host}");
        }
    }
}
