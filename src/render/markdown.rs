//! Markdown → HTML, once per page.
//!
//! - Headings get `id`s from their text (slugified), so sections of a plan can be
//!   linked: `#ii-chu-de-noi-dung-muc-tieu-thi-dua`.
//! - Site-absolute links (`/phong-trao/2022/`) are rewritten relative to the page,
//!   so the site works from any sub-path and straight from the disk.
//! - Every link is returned with its position, for link checking; a link with a
//!   scheme that could run code (`javascript:`) is replaced by `#`.
//! - Raw HTML's addresses (`href`, `src`, `srcset`, `poster` that the sanitizer
//!   keeps) are links too: checked, and rewritten the same way, in the HTML
//!   before the sanitizer reads it.
//! - Images, links, tables and headings are checked for accessibility
//!   (`accessibility.rs`) in the same pass.
//! - Raw HTML is cleaned against the site's allowlist (`sanitize.rs`) — only for
//!   pages that contain some, so the common case costs nothing.
//! - Aligned table columns get a class (`text-center`), not pulldown-cmark's
//!   `style="text-align: …"`: the published site's Content-Security-Policy
//!   forbids style attributes (see deploy/nginx.conf).

use std::collections::HashMap;

use pulldown_cmark::{
    Alignment, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html,
};

use super::accessibility::{self, Checks};
use super::links::Links;
use super::raw_html::{self, Finding, Offsets, Token};
use super::sanitize::{self, Sanitizer};
use crate::text::slug::slugify;

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A link or image of the Markdown (or an address of its raw HTML: `href`,
/// `src`, `srcset`), as written, with the byte offset where it starts in the
/// Markdown (a raw attribute: where its name starts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub url: String,
    pub offset: usize,
}

pub struct Rendered {
    pub html: String,
    pub links: Vec<LinkRef>,
    /// What is wrong with the page's raw HTML (see `raw_html.rs`): nesting
    /// too deep (the page is then not rendered) or a comment or script left
    /// open.
    pub html_problems: Vec<Finding>,
    /// Images, links, tables and headings some readers cannot use (see
    /// `accessibility.rs`), in the order of the page.
    pub accessibility: Vec<accessibility::Finding>,
    /// The page's text as a reader reads it, for the site's search: taken
    /// from the Markdown's text as it is rendered (a copy, no second parse),
    /// or read back from the HTML when the page has raw HTML.
    pub text: super::search::PageText,
}

/// Renders `markdown` for a page at site path `page_path`.
pub fn render(markdown: &str, page_path: &str, links: &Links, sanitizer: &Sanitizer) -> Rendered {
    let root = links.root(page_path);
    let mut events: Vec<Event> = Vec::with_capacity(markdown.len() / 16);
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut heading_start: Option<usize> = None;
    let mut raw = Raw {
        root: &root,
        links,
        sanitizer,
        scan: raw_html::Scan::default(),
        found: Vec::new(),
        checks: Checks::default(),
        present: false,
    };
    // The lines of the HTML block being read, joined: a tag may span them.
    let mut block: Option<(String, Offsets)> = None;
    // Open Markdown containers: block quotes, lists, emphasis …
    let mut depth = 0usize;
    let mut table = TableCells::default();
    let mut text = super::search::PageText::with_capacity(markdown.len());
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        let outer = depth;
        text.follow(&event);
        match &event {
            Event::Start(_) => {
                depth += 1;
                if depth + raw.scan.depth() > raw_html::MAX_DEPTH {
                    raw.scan.mark_too_deep(range.start);
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Start(Tag::Table(alignments)) => {
                let plain = vec![Alignment::None; alignments.len()];
                table = TableCells {
                    alignments,
                    start: range.start,
                    ..TableCells::default()
                };
                events.push(Event::Start(Tag::Table(plain)));
            }
            Event::Start(Tag::TableHead) => {
                table.head = true;
                table.column = 0;
                events.push(event);
            }
            Event::End(TagEnd::TableHead) => {
                table.head = false;
                if !table.head_has_text {
                    raw.checks.table_without_header(table.start);
                }
                events.push(event);
            }
            Event::Start(Tag::TableRow) => {
                table.column = 0;
                events.push(event);
            }
            Event::Start(Tag::TableCell) => {
                events.push(table.open_cell());
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: _,
            }) => {
                raw.checks.heading(level as u8, range.start);
                // `{#id .class}` is kept; other attributes (`{onclick=…}`,
                // `{style=…}`) could run code or break the security policy.
                heading_start = Some(events.len());
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs: Vec::new(),
                }));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading_start.take() {
                    assign_heading_id(&mut events, start, &mut ids);
                }
                events.push(event);
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                if table.head && !text.trim().is_empty() {
                    table.head_has_text = true;
                }
                if raw.checks.wants_text() {
                    raw.checks.text(text);
                }
                events.push(event);
            }
            Event::Start(Tag::HtmlBlock) => {
                block = Some((String::new(), Offsets::default()));
                events.push(event);
            }
            Event::Html(html) => match &mut block {
                Some((text, offsets)) => {
                    offsets.push(text.len(), range.start);
                    text.push_str(&html);
                }
                None => {
                    let html = raw.chunk(html, Offsets::at_offset(range.start), outer);
                    events.push(Event::Html(html));
                }
            },
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((text, offsets)) = block.take() {
                    let html = raw.chunk(CowStr::from(text), offsets, outer);
                    events.push(Event::Html(html));
                }
                events.push(event);
            }
            Event::InlineHtml(html) => {
                let html = raw.chunk(html, Offsets::at_offset(range.start), outer);
                events.push(Event::InlineHtml(html));
            }
            // `<vanphong@snv.hatinh.gov.vn>`: pulldown-cmark writes the
            // `mailto:`; the link is an address, not a path of the site.
            Event::Start(
                tag @ Tag::Link {
                    link_type: LinkType::Email,
                    ..
                },
            ) => {
                if let Tag::Link { dest_url, .. } = &tag {
                    raw.found.push(LinkRef {
                        url: format!("mailto:{dest_url}"),
                        offset: range.start,
                    });
                }
                events.push(Event::Start(tag));
            }
            Event::Start(mut tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                match &tag {
                    Tag::Image { .. } => raw.checks.image_start(range.start),
                    Tag::Link { dest_url, .. } => raw.checks.link_start(range.start, dest_url),
                    _ => {}
                }
                if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag {
                    raw.found.push(LinkRef {
                        url: dest_url.to_string(),
                        offset: range.start,
                    });
                    let url = std::mem::replace(dest_url, CowStr::Borrowed(""));
                    *dest_url = rewrite(url, &root, links);
                }
                events.push(Event::Start(tag));
            }
            Event::End(TagEnd::Link) => {
                raw.checks.link_end();
                events.push(event);
            }
            Event::End(TagEnd::Image) => {
                raw.checks.image_end();
                events.push(event);
            }
            event => events.push(event),
        }
    }
    let Raw {
        scan,
        found,
        checks,
        present,
        ..
    } = raw;
    let accessibility = checks.finish();
    if scan.is_too_deep() {
        // Never given to the sanitizer (quadratic in the depth); the build
        // fails on the finding.
        return Rendered {
            html: String::new(),
            links: found,
            html_problems: scan.finish(),
            accessibility,
            text: super::search::PageText::default(),
        };
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html, events.into_iter());
    if present {
        html = sanitizer.clean(&html);
        // Raw HTML's text is in no Markdown event: read from what is shown.
        text = super::search::page_text(&html);
    }
    Rendered {
        html,
        links: found,
        html_problems: scan.finish(),
        accessibility,
        text,
    }
}

/// The page's raw HTML as it is read: its scan, the addresses it links to,
/// and the page's accessibility checks (fed by the Markdown too).
struct Raw<'r, 's> {
    root: &'r str,
    links: &'r Links,
    sanitizer: &'r Sanitizer<'s>,
    scan: raw_html::Scan,
    /// Every link of the page, Markdown's and raw HTML's.
    found: Vec<LinkRef>,
    checks: Checks,
    /// Whether the page has raw HTML (it then goes through the sanitizer).
    present: bool,
}

/// Attributes that hold an address a reader's browser follows or loads:
/// checked and rewritten like Markdown's links when the sanitizer keeps
/// them on their element.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "poster"];

impl Raw<'_, '_> {
    /// Reads one chunk of raw HTML (an inline tag, or an HTML block's lines
    /// joined): its links are collected and rewritten relative to the page,
    /// its images, links, tables and headings checked. Returns the chunk,
    /// rewritten if one of its addresses was.
    fn chunk<'a>(&mut self, html: CowStr<'a>, offsets: Offsets, outer: usize) -> CowStr<'a> {
        self.present = true;
        let (root, links, sanitizer) = (self.root, self.links, self.sanitizer);
        let (scan, found, checks) = (&mut self.scan, &mut self.found, &mut self.checks);
        // Replacements of attribute values: (span in the chunk, new value).
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        let text: &str = &html;
        scan.feed(text, &offsets, outer, &mut |token| match token {
            Token::Start(tag) => {
                let at = offsets.of(tag.at);
                let keeps = |attribute: &str| sanitizer.keeps(tag.name, attribute);
                match tag.name {
                    "img" if sanitizer.keeps_tag("img") => {
                        let alt = tag.attribute(text, "alt").filter(|_| keeps("alt"));
                        checks.raw_image(at, alt.map(|a| a.value(text)).as_deref());
                    }
                    "a" if sanitizer.keeps_tag("a") => {
                        if let Some(href) = tag.attribute(text, "href").filter(|_| keeps("href")) {
                            checks.raw_link_start(at, &href.value(text));
                        }
                    }
                    "table" if sanitizer.keeps_tag("table") => checks.raw_table_start(at),
                    "th" if sanitizer.keeps_tag("th") => checks.raw_header_cell(),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if sanitizer.keeps_tag(tag.name) => {
                        checks.heading(tag.name.as_bytes()[1] - b'0', at);
                    }
                    _ => {}
                }
                for attribute in tag.attributes {
                    let name = &text[attribute.name.clone()];
                    let srcset = name.eq_ignore_ascii_case("srcset");
                    if !(srcset || URL_ATTRIBUTES.iter().any(|a| name.eq_ignore_ascii_case(a))) {
                        continue;
                    }
                    if !keeps(&name.to_ascii_lowercase()) {
                        continue;
                    }
                    let value = attribute.value(text);
                    let rewritten = if srcset {
                        let value_at = offsets.of(attribute.value.start);
                        rewrite_srcset(&value, root, links, |url, index| {
                            found.push(LinkRef {
                                url: url.to_owned(),
                                offset: value_at + index,
                            });
                        })
                    } else {
                        found.push(LinkRef {
                            url: value.to_string(),
                            offset: offsets.of(attribute.name.start),
                        });
                        rewritten(&value, root, links)
                    };
                    if let Some(new) = rewritten {
                        edits.push((attribute.span.clone(), quoted_attribute(&new)));
                    }
                }
            }
            Token::End(name) => match name {
                "a" => checks.raw_link_end(),
                "table" => checks.raw_table_end(),
                _ => {}
            },
            Token::Text(t) => {
                if checks.wants_text() {
                    checks.text(&raw_html::decode_references(t));
                }
            }
        });
        if edits.is_empty() {
            return html;
        }
        let mut out = String::with_capacity(text.len() + 16 * edits.len());
        let mut from = 0;
        for (span, value) in &edits {
            out.push_str(&text[from..span.start]);
            // An attribute written without a value gets `=` too.
            if span.is_empty() {
                out.push('=');
            }
            out.push_str(value);
            from = span.end;
        }
        out.push_str(&text[from..]);
        CowStr::from(out)
    }
}

/// A value as a double-quoted attribute value.
fn quoted_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A `srcset` (`a.jpg 1x, /b.jpg 2x`) with each address rewritten like a
/// link; `each` is given every address and its index in the value. `None`
/// when no address changed.
fn rewrite_srcset(
    srcset: &str,
    root: &str,
    links: &Links,
    mut each: impl FnMut(&str, usize),
) -> Option<String> {
    let mut out = String::with_capacity(srcset.len() + 16);
    let mut changed = false;
    let mut rest = 0;
    let bytes = srcset.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Spaces and commas between candidates.
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        // A comma that ends the address ends the candidate.
        let mut end = i;
        while end > start && bytes[end - 1] == b',' {
            end -= 1;
        }
        if end > start {
            let url = &srcset[start..end];
            each(url, start);
            if let Some(new) = rewritten(url, root, links) {
                out.push_str(&srcset[rest..start]);
                out.push_str(&new);
                rest = end;
                changed = true;
            }
        }
        if end == i {
            // The descriptors, up to the comma that ends the candidate.
            let mut parens = 0usize;
            while i < bytes.len() {
                match bytes[i] {
                    b'(' => parens += 1,
                    b')' => parens = parens.saturating_sub(1),
                    b',' if parens == 0 => break,
                    _ => {}
                }
                i += 1;
            }
        }
    }
    changed.then(|| {
        out.push_str(&srcset[rest..]);
        out
    })
}

/// Where the writer is in a table, to give aligned cells their class.
#[derive(Default)]
struct TableCells {
    alignments: Vec<Alignment>,
    head: bool,
    column: usize,
    /// Where the table starts, and whether its header row has any text.
    start: usize,
    head_has_text: bool,
}

impl TableCells {
    /// The start of the next cell: `<td class="text-right">` for an aligned
    /// column, else the plain tag (pulldown-cmark closes both alike).
    fn open_cell(&mut self) -> Event<'static> {
        let class = match self.alignments.get(self.column) {
            Some(Alignment::Left) => Some("text-left"),
            Some(Alignment::Center) => Some("text-center"),
            Some(Alignment::Right) => Some("text-right"),
            _ => None,
        };
        self.column += 1;
        match class {
            Some(class) => {
                let tag = if self.head { "th" } else { "td" };
                Event::Html(CowStr::from(format!("<{tag} class=\"{class}\">")))
            }
            None => Event::Start(Tag::TableCell),
        }
    }
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

/// `/a/b/` → `../../a/b/index.html` (relative to the page); relative links to a
/// folder get `index.html` too (unless clean URLs); a URL that could run code
/// becomes `#` (and is reported by link checking).
fn rewrite<'a>(url: CowStr<'a>, root: &str, links: &Links) -> CowStr<'a> {
    match rewritten(&url, root, links) {
        Some(new) => CowStr::from(new),
        None => url,
    }
}

/// What [`rewrite`] makes of `url`, when it changes it.
fn rewritten(url: &str, root: &str, links: &Links) -> Option<String> {
    if !sanitize::is_safe_url(url) {
        return Some("#".to_owned());
    }
    if sanitize::scheme(url).is_some() || url.starts_with("//") || url.starts_with('#') {
        return None;
    }
    if let Some(site_path) = url.strip_prefix('/') {
        return Some([root, links.href_of_url(site_path).as_str()].concat());
    }
    let rewritten = links.href_of_url(url);
    (rewritten != url).then_some(rewritten)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::HtmlPolicy;

    fn html(markdown: &str, page_path: &str) -> String {
        let policy = HtmlPolicy::default();
        render(
            markdown,
            page_path,
            &Links::default(),
            &Sanitizer::new(&policy),
        )
        .html
    }

    #[test]
    fn headings_get_vietnamese_slug_ids() {
        let out = html(
            "## I. MỤC ĐÍCH, YÊU CẦU\n\n## Mục đích\n\n## Mục đích\n",
            "",
        );
        assert!(out.contains(r#"<h2 id="i-muc-dich-yeu-cau">"#), "{out}");
        assert!(out.contains(r#"<h2 id="muc-dich-2">"#), "{out}");
    }

    #[test]
    fn raw_html_is_sanitized() {
        let out = html(
            "<script>alert(1)</script>\n\nA <b onclick=x>b</b> <sup>2</sup>\n\n## Mục\n",
            "",
        );
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("onclick"), "{out}");
        assert!(out.contains("<b>b</b> <sup>2</sup>"), "{out}");
        assert!(
            out.contains(r#"<h2 id="muc">"#),
            "ids survive cleaning: {out}"
        );
    }

    #[test]
    fn heading_attributes_cannot_carry_scripts_or_styles() {
        let out = html(
            "## Chào {#chao .lon onclick=alert(1) style=color:red}\n",
            "",
        );
        assert_eq!(out, "<h2 id=\"chao\" class=\"lon\">Chào</h2>\n");
    }

    #[test]
    fn aligned_table_columns_get_classes_not_style_attributes() {
        let table = "| STT | Họ và tên | Điểm |\n| :-: | :-- | --: |\n| 1 | Hòa | 9,5 |\n";
        let expected = "<table><thead><tr><th class=\"text-center\">STT</th><th class=\"text-left\">Họ và tên</th><th class=\"text-right\">Điểm</th></tr></thead><tbody>\n<tr><td class=\"text-center\">1</td><td class=\"text-left\">Hòa</td><td class=\"text-right\">9,5</td></tr>\n</tbody></table>\n";
        assert_eq!(html(table, ""), expected);
        // The same when raw HTML elsewhere sends the page through the sanitizer.
        let with_raw = html(&format!("{table}\nA <sup>2</sup>\n"), "");
        assert!(with_raw.starts_with(expected), "{with_raw}");
        assert!(!with_raw.contains("style="), "{with_raw}");
        let plain = html("| a | b |\n| - | - |\n| 1 | 2 |\n", "");
        assert!(plain.contains("<th>a</th><th>b</th>") && plain.contains("<td>1</td>"));
    }

    #[test]
    fn javascript_links_are_neutralized_and_reported() {
        let policy = HtmlPolicy::default();
        let r = render(
            "[x](javascript:alert(1))",
            "",
            &Links::default(),
            &Sanitizer::new(&policy),
        );
        assert!(r.html.contains(r##"href="#""##), "{}", r.html);
        assert_eq!(r.links[0].url, "javascript:alert(1)");
    }

    #[test]
    fn site_links_become_relative() {
        let out = html(
            "[k](/phong-trao/2022/#dot-1) [r](../a/) [f](x.pdf)",
            "gioi-thieu/",
        );
        assert!(
            out.contains(r#"href="../phong-trao/2022/index.html#dot-1""#),
            "{out}"
        );
        assert!(out.contains(r#"href="../a/index.html""#), "{out}");
        assert!(out.contains(r#"href="x.pdf""#), "{out}");
    }

    #[test]
    fn mail_autolinks_are_addresses_not_pages() {
        let policy = HtmlPolicy::default();
        let r = render(
            "Gửi thư tới <vanphong@snv.hatinh.gov.vn>",
            "lien-he/",
            &Links::default(),
            &Sanitizer::new(&policy),
        );
        assert!(
            r.html
                .contains(r#"href="mailto:vanphong@snv.hatinh.gov.vn""#),
            "{}",
            r.html
        );
        assert_eq!(r.links[0].url, "mailto:vanphong@snv.hatinh.gov.vn");
    }

    #[test]
    fn deep_nesting_is_found_and_not_rendered() {
        let policy = HtmlPolicy::default();
        let deep = format!("{}x\n\n<b>y</b>\n", ">".repeat(raw_html::MAX_DEPTH + 5));
        let r = render(&deep, "", &Links::default(), &Sanitizer::new(&policy));
        assert!(r.html.is_empty());
        assert!(matches!(r.html_problems[..], [Finding::TooDeep { .. }]));
        let divs = format!("<div>{}</div>", "<div>".repeat(100_000));
        let r = render(&divs, "", &Links::default(), &Sanitizer::new(&policy));
        // The HTML block is the first level; the 256th `<div>` the last.
        assert_eq!(
            r.html_problems,
            [Finding::TooDeep {
                offset: (raw_html::MAX_DEPTH - 1) * 5
            }]
        );
    }

    #[test]
    fn links_are_returned_with_their_offsets() {
        let policy = HtmlPolicy::default();
        let r = render(
            "Xem\n[kế hoạch](/phong-trao/x/).",
            "",
            &Links::default(),
            &Sanitizer::new(&policy),
        );
        assert_eq!(
            r.links,
            [LinkRef {
                url: "/phong-trao/x/".into(),
                offset: 4
            }]
        );
    }

    fn rendered(markdown: &str, page_path: &str) -> Rendered {
        let policy = HtmlPolicy {
            tags: vec!["source".into(), "picture".into()],
            attributes: vec![
                ("source".into(), vec!["src".into(), "srcset".into()]),
                ("img".into(), vec!["srcset".into()]),
            ],
        };
        render(
            markdown,
            page_path,
            &Links::default(),
            &Sanitizer::new(&policy),
        )
    }

    fn problems(markdown: &str) -> Vec<(usize, accessibility::Problem)> {
        rendered(markdown, "a/")
            .accessibility
            .iter()
            .map(|f| (f.offset, f.problem))
            .collect()
    }

    /// The byte offset of `what` in `text` (its first occurrence).
    fn at(text: &str, what: &str) -> usize {
        text.find(what).unwrap()
    }

    #[test]
    fn raw_addresses_are_links_rewritten_like_markdown_ones() {
        let markdown = "<img src=\"/anh.png\" alt=\"Ảnh\">\n\nXem <a\nhref='/phong-trao/2022/#dot-1'>kế hoạch</a>.\n\n> <picture>\n> <source\n>   srcset=\"/a.webp 2x, b.webp\">\n> </picture>\n";
        let r = rendered(markdown, "tin-tuc/bai/");
        assert!(
            r.html.contains(r#"<img src="../../anh.png" alt="Ảnh">"#),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains(r#"href="../../phong-trao/2022/index.html#dot-1""#),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(r#"srcset="../../a.webp 2x, b.webp""#),
            "{}",
            r.html
        );
        let links: Vec<(&str, usize)> =
            r.links.iter().map(|l| (l.url.as_str(), l.offset)).collect();
        assert_eq!(
            links,
            [
                ("/anh.png", at(markdown, "src")),
                ("/phong-trao/2022/#dot-1", at(markdown, "href")),
                ("/a.webp", at(markdown, "/a.webp")),
                ("b.webp", at(markdown, " b.webp") + 1),
            ]
        );
    }

    #[test]
    fn raw_addresses_the_sanitizer_removes_are_not_links() {
        let policy = HtmlPolicy::default();
        let r = render(
            "<iframe src=\"/khong-co/\"></iframe> <span src=\"/x/\">a</span> <a href=\"/&#x61;/\" title=\"/b/\">a</a>",
            "",
            &Links::default(),
            &Sanitizer::new(&policy),
        );
        let urls: Vec<&str> = r.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["/a/"]);
        assert!(r.html.contains(r#"href="./a/index.html""#), "{}", r.html);
    }

    #[test]
    fn a_rewritten_raw_address_is_quoted_and_escaped() {
        let r = rendered("<a href=/a/?x&amp;y>t</a> <a href=\"/b/#&quot;\">u</a>", "");
        assert_eq!(r.links[0].url, "/a/?x&y");
        assert_eq!(r.links[1].url, "/b/#\"");
        assert!(
            r.html.contains(r#"href="./a/index.html?x&amp;y""#),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(r#"href="./b/index.html#&quot;""#),
            "{}",
            r.html
        );
        let unsafe_link = rendered("<a href=\"javascript:alert(1)\">t</a>", "");
        assert_eq!(unsafe_link.links[0].url, "javascript:alert(1)");
        assert!(
            !unsafe_link.html.contains("javascript"),
            "{}",
            unsafe_link.html
        );
    }

    #[test]
    fn images_without_descriptions_are_found() {
        use accessibility::Problem::*;
        let md = "![](a.png) ![Lễ phát động](b.png) ![ ](c.png)\n";
        assert_eq!(
            problems(md),
            [(0, ImageWithoutAlt), (at(md, "![ ]"), ImageWithoutAlt)]
        );
        assert_eq!(
            problems("<img src=a.png>\n\nx <img src=b.png alt=\"\"> <IMG SRC=c.png ALT=\"Ảnh\">\n"),
            [(0, RawImageWithoutAlt)]
        );
        // An image described with emphasis or code is described.
        assert!(problems("![Lễ *phát động*](a.png) ![`sơ đồ`](b.png)").is_empty());
    }

    #[test]
    fn links_that_say_nothing_are_found_in_markdown_and_raw_html() {
        use accessibility::Problem::*;
        let md = "Xem [tại đây](/a/), [Xem thêm…](/b/) và [kế hoạch](/c/).\n";
        assert_eq!(
            problems(md),
            [(4, VagueLinkText), (at(md, "[Xem"), VagueLinkText)]
        );
        let md = "<https://x.vn/a> [https://x](https://x) <vanphong@snv.hatinh.gov.vn>\n";
        assert_eq!(problems(md), [(0, BareAddress), (17, BareAddress)]);
        let md = "a <a href=\"/a/\">Bấm vào <b>đây</b></a> <a href=\"/b/\">Kế hoạch</a>\n\n<p><a href=\"https://x.vn\">https://x.vn</a></p>\n";
        assert_eq!(
            problems(md),
            [(2, VagueLinkText), (at(md, "<a href=\"https"), BareAddress)]
        );
        // The description of an image is the text of its link.
        assert_eq!(
            problems("[![tại đây](a.png)](/a/) [<img src=b.png alt=\"Sơ đồ\">](/b/)\n"),
            [(0, VagueLinkText)]
        );
    }

    #[test]
    fn tables_without_a_header_row_are_found() {
        use accessibility::Problem::*;
        assert_eq!(
            problems("|  |  |\n|--|--|\n| 1 | 2 |\n\n| STT |  |\n|--|--|\n| 1 | 2 |\n"),
            [(0, TableWithoutHeader)]
        );
        assert_eq!(
            problems(
                "<table><tr><td>1</td></tr></table>\n\n<table>\n<tr><th>STT</th></tr>\n<tr><td>1</td></tr>\n</table>\n"
            ),
            [(0, RawTableWithoutHeader)]
        );
    }

    #[test]
    fn skipped_heading_levels_are_found_after_the_title() {
        use accessibility::Problem::*;
        let md = "### Một\n\n## Hai\n\n#### Ba\n\n<h3>Bốn</h3>\n\n<h5>Năm</h5>\n";
        assert_eq!(
            problems(md),
            [
                (0, HeadingSkipsLevel),
                (at(md, "####"), HeadingSkipsLevel),
                (at(md, "<h5>"), HeadingSkipsLevel)
            ]
        );
        assert!(problems("## Một\n\n### Hai\n\n## Ba\n\nBa\n---\n").is_empty());
    }
}
