//! The editors' guide, `docs/huong-dan.md`, as the preview serves it at
//! [`PATH`]: compiled into the binary (the guide is not part of the site, and
//! an editor previewing a site of their own has no copy of this repository),
//! rendered to HTML once.
//!
//! Headings get the ids GitHub gives them (`## 7. Đọc một thông báo lỗi` →
//! `7-đọc-một-thông-báo-lỗi`), so that the guide's own links (`[mục
//! 7](#7-đọc-một-thông-báo-lỗi)`) work the same read on GitHub, in an editor
//! and here. The page has no script and no inline style: it works under the
//! site's Content-Security-Policy, which it is served with.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// Where the preview serves the guide (under [`crate::paths::PREVIEW`]).
pub const PATH: &str = "/__bangvang/huong-dan/";
/// Its stylesheet.
pub const STYLE_PATH: &str = "/__bangvang/huong-dan.css";
/// The id of the section on reading a message, which the preview's error
/// banner links to. A test checks that the guide has it.
pub const READING_MESSAGES: &str = "7-đọc-một-thông-báo-lỗi";

/// The guide as written.
pub const SOURCE: &str = include_str!("../../docs/huong-dan.md");

/// The policy the guide's answers carry: the published site's
/// (`deploy/nginx.conf`), so that nothing in the page relies on more.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

/// A small stylesheet of its own: the page is not the site's, so it does not
/// borrow the theme's (which a site may replace).
pub const STYLE: &str = "\
:root { color-scheme: light; }
body { margin: 0; background: #faf8f3; color: #1f1f1f; font: 17px/1.6 system-ui, \"Segoe UI\", Roboto, \"Noto Sans\", Arial, sans-serif; }
nav, main { max-width: 48rem; margin: 0 auto; padding: 0 1rem; overflow-wrap: break-word; }
nav { padding-top: 1rem; }
main { padding-bottom: 4rem; }
a { color: #8a1111; }
h1, h2, h3 { line-height: 1.3; color: #5a0000; }
h2 { margin-top: 2.5rem; border-bottom: 2px solid #e2d9c6; padding-bottom: .25rem; }
code { background: #efe9dc; padding: .05em .3em; border-radius: .2em; font-size: .92em; overflow-wrap: anywhere; }
pre { background: #f1ece1; border: 1px solid #e2d9c6; padding: .75rem 1rem; overflow-x: auto; font-size: .88rem; line-height: 1.45; }
pre code { background: none; padding: 0; font-size: inherit; }
table { display: block; overflow-x: auto; border-collapse: collapse; margin: 1rem 0; font-size: .95rem; }
th, td { border: 1px solid #d8cfbb; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #efe9dc; }
:target { scroll-margin-top: 1rem; }
";

/// The guide's page, rendered the first time it is asked for.
pub fn page() -> &'static str {
    static PAGE: OnceLock<String> = OnceLock::new();
    PAGE.get_or_init(|| render(SOURCE))
}

/// A whole HTML page of `markdown`.
fn render(markdown: &str) -> String {
    let body = body(markdown);
    let mut page = String::with_capacity(body.len() + 1024);
    page.push_str("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str("<title>Hướng dẫn cho người biên tập — bangvang</title>\n");
    let _ = writeln!(page, "<link rel=\"stylesheet\" href=\"{STYLE_PATH}\">");
    page.push_str("</head>\n<body>\n<nav aria-label=\"Bản xem trước\"><a href=\"/\">← Về bản xem trước của trang web</a></nav>\n<main>\n");
    page.push_str(&body);
    page.push_str("</main>\n</body>\n</html>\n");
    page
}

/// The guide's Markdown as HTML: headings with GitHub's ids, and any raw HTML
/// written as text (the guide has none; should it ever, it is shown, not run).
fn body(markdown: &str) -> String {
    let events: Vec<Event> = Parser::new_ext(markdown, Options::ENABLE_TABLES).collect();
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let text: String = events[i + 1..]
                    .iter()
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let id = unique(anchor(&text), &mut used);
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(id)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::Html(html) | Event::InlineHtml(html) => out.push(Event::Text(html.clone())),
            other => out.push(other.clone()),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    html
}

/// A heading's id as GitHub makes it (github-slugger): lowercase, letters,
/// digits, `-` and `_` kept, each space a `-`, everything else dropped.
fn anchor(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// `id`, or `id-1`, `id-2` … for the second and later headings of one text.
fn unique(id: String, used: &mut HashMap<String, usize>) -> String {
    match used.get_mut(&id) {
        None => {
            used.insert(id.clone(), 0);
            id
        }
        Some(count) => {
            *count += 1;
            let next = format!("{id}-{count}");
            used.insert(next.clone(), 0);
            next
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_githubs() {
        assert_eq!(anchor("7. Đọc một thông báo lỗi"), READING_MESSAGES);
        assert_eq!(
            anchor("4. Viết một tin tức, một trang"),
            "4-viết-một-tin-tức-một-trang"
        );
        assert_eq!(
            anchor("Cảnh báo, và --deny-warnings"),
            "cảnh-báo-và---deny-warnings"
        );
        let mut used = HashMap::new();
        assert_eq!(unique("tạo-tệp".into(), &mut used), "tạo-tệp");
        assert_eq!(unique("tạo-tệp".into(), &mut used), "tạo-tệp-1");
        assert_eq!(unique("tạo-tệp".into(), &mut used), "tạo-tệp-2");
    }

    /// Every `(#…)` link of the guide leads to one of its headings, and the
    /// banner's target is there.
    #[test]
    fn the_guides_own_links_lead_to_its_headings() {
        let html = page();
        assert!(html.contains(&format!("id=\"{READING_MESSAGES}\"")));
        let mut missing = Vec::new();
        for (i, _) in SOURCE.match_indices("](#") {
            let rest = &SOURCE[i + 3..];
            let target = &rest[..rest.find(')').expect("a closed link")];
            if !html.contains(&format!("id=\"{target}\"")) {
                missing.push(target);
            }
        }
        assert!(missing.is_empty(), "links to no heading: {missing:?}");
    }

    /// Nothing the site's Content-Security-Policy would block.
    #[test]
    fn the_page_has_no_script_and_no_inline_style() {
        let html = page();
        for refused in ["<script", "<style", "style=", "onclick=", "onload="] {
            assert!(!html.contains(refused), "{refused}");
        }
        assert!(html.contains(&format!("href=\"{STYLE_PATH}\"")));
        assert!(unicode_normalization::is_nfc(SOURCE), "the guide is NFC");
    }

    #[test]
    fn raw_html_is_shown_not_kept() {
        let html = body("a <script>alert(1)</script> b\n\n<div onclick=\"x\">c</div>\n");
        assert!(
            !html.contains("<script") && !html.contains("<div"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }
}
