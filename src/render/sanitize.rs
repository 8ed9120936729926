//! Raw HTML in Markdown, cleaned by ammonia against an allowlist.
//!
//! By default editors may use ammonia's conservative set of formatting tags (b, i,
//! sup, sub, table, figure, …) with plain attributes. Never allowed, whatever
//! site.yaml says: `<script>`, `<style>`, `on*` event attributes, `style`
//! attributes, and URLs with schemes other than http, https, mailto and tel
//! (so no `javascript:`). `<iframe>` is dropped unless site.yaml allows it.
//! Pages without raw HTML skip this step: pulldown-cmark escapes their text and
//! our link rewriting rejects unsafe URLs.

use std::collections::HashSet;

use crate::model::config::HtmlPolicy;

pub const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Attributes whose value a browser may follow as an address.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "cite",
    "longdesc",
    "background",
    "poster",
    "data",
    "action",
    "formaction",
    "ping",
    "codebase",
    "manifest",
    "icon",
    "dynsrc",
    "lowsrc",
    "usemap",
    "xlink:href",
];

pub struct Sanitizer<'a> {
    builder: ammonia::Builder<'a>,
    /// What the builder keeps, asked for each raw tag of the Markdown: only
    /// what reaches the page is link-checked and checked for accessibility.
    tags: HashSet<&'a str>,
    tag_attributes: std::collections::HashMap<&'a str, HashSet<&'a str>>,
    generic_attributes: HashSet<&'a str>,
}

impl<'a> Sanitizer<'a> {
    pub fn new(policy: &'a HtmlPolicy) -> Sanitizer<'a> {
        let mut builder = ammonia::Builder::default();
        builder
            .url_schemes(URL_SCHEMES.iter().copied().collect::<HashSet<_>>())
            .link_rel(Some("noopener noreferrer"));
        for level in ["h2", "h3", "h4", "h5", "h6"] {
            builder.add_tag_attributes(level, ["id"].iter());
        }
        // Table alignment, as markdown.rs writes it (the theme styles the classes).
        for cell in ["th", "td"] {
            builder.add_allowed_classes(cell, ["text-left", "text-center", "text-right"]);
        }
        // ammonia checks the URLs of `href`, `src` and a few others; `cite`
        // (on blockquote, q, del, ins, allowed by default) and the URL
        // attributes a site may allow are checked here the same way.
        builder.attribute_filter(|_element, attribute, value| {
            if URL_ATTRIBUTES.contains(&attribute) && !is_safe_url(value) {
                None
            } else {
                Some(value.into())
            }
        });
        builder.add_tags(policy.tags.iter().map(String::as_str));
        for (tag, attributes) in &policy.attributes {
            builder.add_tag_attributes(tag.as_str(), attributes.iter().map(String::as_str));
        }
        Sanitizer {
            tags: builder.clone_tags(),
            tag_attributes: builder.clone_tag_attributes(),
            generic_attributes: builder.clone_generic_attributes(),
            builder,
        }
    }

    /// Whether the element `tag` (lowercase) reaches the page.
    pub fn keeps_tag(&self, tag: &str) -> bool {
        self.tags.contains(tag)
    }

    /// Whether the attribute `attribute` (lowercase) of `tag` reaches the page
    /// (its value may still be removed: an unsafe address).
    pub fn keeps(&self, tag: &str, attribute: &str) -> bool {
        self.keeps_tag(tag)
            && (self.generic_attributes.contains(attribute)
                || self
                    .tag_attributes
                    .get(tag)
                    .is_some_and(|a| a.contains(attribute)))
    }

    pub fn clean(&self, html: &str) -> String {
        self.builder.clean(html).to_string()
    }
}

/// Whether a URL may appear in a page: relative, or with an allowed scheme.
pub fn is_safe_url(url: &str) -> bool {
    match scheme(url) {
        None => true,
        Some(s) => URL_SCHEMES
            .iter()
            .any(|allowed| s.eq_ignore_ascii_case(allowed)),
    }
}

/// The scheme of an absolute URL (`javascript` of `javascript:alert(1)`).
pub fn scheme(url: &str) -> Option<&str> {
    // Browsers ignore leading spaces and control characters before the scheme.
    let url = url.trim_start_matches(|c: char| c.is_ascii_whitespace() || c.is_control());
    let end = url.find(':')?;
    let candidate = &url[..end];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.' | '\t' | '\n')))
    .then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_never_survive() {
        let policy = HtmlPolicy::default();
        let s = Sanitizer::new(&policy);
        let out = s.clean(
            r#"<p onclick="x()">a</p><script>alert(1)</script><a href="javascript:alert(2)">b</a><iframe src="https://x"></iframe><sup>2</sup>"#,
        );
        assert_eq!(
            out,
            r#"<p>a</p><a rel="noopener noreferrer">b</a><sup>2</sup>"#
        );
    }

    #[test]
    fn script_addresses_in_cite_and_other_url_attributes_are_dropped() {
        let policy = HtmlPolicy {
            tags: vec!["video".into()],
            attributes: vec![("video".into(), vec!["poster".into()])],
        };
        let s = Sanitizer::new(&policy);
        let out = s.clean(
            r#"<blockquote cite="javascript:alert(1)">a</blockquote><q cite=" JAVASCRIPT:x">b</q><video poster="javascript:y"></video><blockquote cite="https://x.vn/">c</blockquote>"#,
        );
        assert_eq!(
            out,
            r#"<blockquote>a</blockquote><q>b</q><video></video><blockquote cite="https://x.vn/">c</blockquote>"#
        );
    }

    #[test]
    fn unsafe_schemes_are_recognized() {
        assert!(!is_safe_url("javascript:alert(1)"));
        assert!(!is_safe_url("  JaVaScRiPt:alert(1)"));
        assert!(!is_safe_url("data:text/html,<script>"));
        assert!(!is_safe_url("vbscript:x"));
        assert!(is_safe_url("https://example.gov.vn/"));
        assert!(is_safe_url("mailto:a@b.vn"));
        assert!(is_safe_url("../a/b/"));
        assert!(is_safe_url("/phong-trao/"));
        assert!(is_safe_url("a.pdf#page=2"));
    }
}
