//! Markdown → HTML, once per page.
//!
//! - Headings get `id`s from their text (slugified), so sections of a plan can be
//!   linked: `#ii-chu-de-noi-dung-muc-tieu-thi-dua`.
//! - Site-absolute links (`/phong-trao/2022/`) are rewritten relative to the page,
//!   so the site works from any sub-path and straight from the disk.
//! - Raw HTML is not passed through: it is shown as text. (Sanitized HTML is a
//!   later step; until then nothing an editor pastes can run on the page.)

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use super::links::Links;
use crate::text::slug::slugify;

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `markdown` for a page at site path `page_path`.
pub fn render(markdown: &str, page_path: &str, links: &Links) -> String {
    let root = links.root(page_path);
    let mut events: Vec<Event> = Vec::with_capacity(markdown.len() / 16);
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut heading_start: Option<usize> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                heading_start = Some(events.len());
                events.push(event);
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading_start.take() {
                    assign_heading_id(&mut events, start, &mut ids);
                }
                events.push(event);
            }
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => events.push(Event::Start(Tag::Link {
                link_type,
                dest_url: rewrite(dest_url, &root, links),
                title,
                id,
            })),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => events.push(Event::Start(Tag::Image {
                link_type,
                dest_url: rewrite(dest_url, &root, links),
                title,
                id,
            })),
            event => events.push(event),
        }
    }
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

fn assign_heading_id(events: &mut [Event], start: usize, ids: &mut HashMap<String, usize>) {
    let Event::Start(Tag::Heading { id, level, .. }) = &events[start] else {
        return;
    };
    if id.is_some() || *level == HeadingLevel::H1 {
        return;
    }
    let text: String = events[start + 1..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let mut slug = slugify(&text);
    if slug.is_empty() {
        slug = "muc".into();
    }
    let n = ids.entry(slug.clone()).or_insert(0);
    *n += 1;
    if *n > 1 {
        slug = format!("{slug}-{n}");
    }
    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
        *id = Some(CowStr::from(slug));
    }
}

/// `/a/b/` → `../../a/b/index.html` (relative to the page); other links unchanged.
fn rewrite<'a>(url: CowStr<'a>, root: &str, links: &Links) -> CowStr<'a> {
    if url.starts_with('/') && !url.starts_with("//") {
        CowStr::from(format!("{root}{}", links.href_of_url(&url[1..])))
    } else {
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_vietnamese_slug_ids() {
        let html = render(
            "## I. MỤC ĐÍCH, YÊU CẦU\n\n## Mục đích\n\n## Mục đích\n",
            "",
            &Links::default(),
        );
        assert!(html.contains(r#"<h2 id="i-muc-dich-yeu-cau">"#), "{html}");
        assert!(html.contains(r#"<h2 id="muc-dich-2">"#), "{html}");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render(
            "<script>alert(1)</script>\n\nA <b onclick=x>b</b>",
            "",
            &Links::default(),
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn site_links_become_relative() {
        let html = render(
            "[k](/phong-trao/2022/#dot-1)",
            "gioi-thieu/",
            &Links::default(),
        );
        assert!(
            html.contains(r#"href="../phong-trao/2022/index.html#dot-1""#),
            "{html}"
        );
    }
}
