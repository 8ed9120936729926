//! A look at a page's raw HTML before the sanitizer sees it: how deeply it
//! nests, and whether a comment, `<script>`, `<style>` or other raw-text
//! element is left open (the browser, and the sanitizer, then swallow the
//! rest of the page without a word).
//!
//! Depth matters because html5ever, under ammonia, checks the stack of open
//! elements at each start tag: nested HTML is quadratic (100,000 nested
//! `<div>`s took 18 s, 200,000 took 95 s, holding `serve`'s build lock).
//! Capped at [`MAX_DEPTH`] levels, Markdown containers (block quotes, lists)
//! and raw elements counted together, it stays linear.
//!
//! This is not an HTML parser: it only needs an upper bound of the nesting
//! html5ever will build. Elements that close themselves (void elements) or
//! whose end tag may be left out (`<p>`, `<li>`, `<td>` …, closed by the
//! next one) are not counted; an end tag closes the nearest open element of
//! its name.

/// Deeper nesting than this is no document we know of (a plan's deepest
/// list is four levels; Chromium's own parser stops nesting at 512).
pub const MAX_DEPTH: usize = 256;

/// What the look found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// Nesting passed [`MAX_DEPTH`] at this byte offset of the Markdown.
    TooDeep { offset: usize },
    /// A comment or raw-text element opened here is never closed: `what` is
    /// `<!--` or the start tag's name.
    Unclosed { offset: usize, what: String },
}

/// Elements with no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Elements whose end tag may be left out: the next one closes them.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb",
    "rt", "rtc", "rp", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is text up to their own end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

enum State {
    Data,
    /// Inside `<!--`, opened at this offset.
    Comment(usize),
    /// Inside a raw-text element of this name, opened at this offset.
    RawText(String, usize),
}

/// The raw HTML of one page, fed chunk by chunk in document order.
pub struct Scan {
    state: State,
    open: Vec<String>,
    too_deep: Option<usize>,
}

impl Default for Scan {
    fn default() -> Self {
        Scan {
            state: State::Data,
            open: Vec::new(),
            too_deep: None,
        }
    }
}

impl Scan {
    /// Reads one chunk of raw HTML that starts at byte `offset` of the
    /// Markdown, inside `outer` open Markdown containers.
    pub fn feed(&mut self, html: &str, offset: usize, outer: usize) {
        let bytes = html.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match &self.state {
                State::Comment(_) => match find(bytes, i, b"-->") {
                    Some(end) => {
                        self.state = State::Data;
                        i = end + 3;
                    }
                    None => return,
                },
                State::RawText(name, _) => {
                    let close = format!("</{name}");
                    match find_ignore_case(bytes, i, close.as_bytes()) {
                        Some(end) => {
                            self.state = State::Data;
                            i = end + close.len();
                        }
                        None => return,
                    }
                }
                State::Data => {
                    let Some(lt) = bytes[i..].iter().position(|&b| b == b'<') else {
                        return;
                    };
                    i += lt;
                    let at = offset + i;
                    if bytes[i..].starts_with(b"<!--") {
                        self.state = State::Comment(at);
                        i += 4;
                        continue;
                    }
                    let closing = bytes.get(i + 1) == Some(&b'/');
                    let name_start = i + 1 + closing as usize;
                    let name_len = bytes[name_start..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                        .count();
                    if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
                        i += 1;
                        continue;
                    }
                    let name = html[name_start..name_start + name_len].to_ascii_lowercase();
                    let end = tag_end(bytes, name_start + name_len);
                    let self_closing = end >= 2 && bytes[end - 2] == b'/';
                    i = end;
                    if closing {
                        if let Some(k) = self.open.iter().rposition(|n| *n == name) {
                            self.open.truncate(k);
                        }
                    } else if RAW_TEXT.contains(&name.as_str()) {
                        self.state = State::RawText(name, at);
                    } else if !self_closing
                        && !VOID.contains(&name.as_str())
                        && !OPTIONAL_END.contains(&name.as_str())
                    {
                        self.open.push(name);
                        if outer + self.open.len() > MAX_DEPTH && self.too_deep.is_none() {
                            self.too_deep = Some(at);
                        }
                    }
                }
            }
        }
    }

    /// Raw elements open now: added to the Markdown's own nesting.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// Whether nesting has passed [`MAX_DEPTH`]: the page is not cleaned.
    pub fn is_too_deep(&self) -> bool {
        self.too_deep.is_some()
    }

    /// Records that Markdown's own nesting passed the limit at `offset`.
    pub fn mark_too_deep(&mut self, offset: usize) {
        self.too_deep.get_or_insert(offset);
    }

    /// What the page's raw HTML gave, once all of it was fed.
    pub fn finish(self) -> Vec<Finding> {
        let mut found = Vec::new();
        if let Some(offset) = self.too_deep {
            found.push(Finding::TooDeep { offset });
        }
        match self.state {
            State::Data => {}
            State::Comment(offset) => found.push(Finding::Unclosed {
                offset,
                what: "<!--".into(),
            }),
            State::RawText(name, offset) => found.push(Finding::Unclosed {
                offset,
                what: format!("<{name}>"),
            }),
        }
        found
    }
}

/// The index just after the `>` that ends a tag whose attributes start at
/// `from`, quotes respected; the end of the text when there is none.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(html: &str) -> Vec<Finding> {
        let mut scan = Scan::default();
        scan.feed(html, 0, 0);
        scan.finish()
    }

    #[test]
    fn nesting_is_capped_where_it_passes_the_limit() {
        let deep = "<div>".repeat(MAX_DEPTH + 10);
        assert_eq!(
            scan(&deep),
            [Finding::TooDeep {
                offset: MAX_DEPTH * 5
            }]
        );
        let fine = format!(
            "{}{}",
            "<div>".repeat(MAX_DEPTH),
            "</div>".repeat(MAX_DEPTH)
        );
        assert!(scan(&fine).is_empty());
        // Closed as they go, unclosed `<p>`s and void elements never add up.
        let flat = "<div><b>a</b></div><p>x<br><img src=a>".repeat(10_000);
        assert!(scan(&flat).is_empty());
        // Markdown's own containers count too.
        let mut scan = Scan::default();
        scan.feed("<span>", 7, MAX_DEPTH);
        assert_eq!(scan.finish(), [Finding::TooDeep { offset: 7 }]);
    }

    #[test]
    fn unclosed_comments_and_raw_text_elements_are_found() {
        assert_eq!(
            scan("a <!-- b"),
            [Finding::Unclosed {
                offset: 2,
                what: "<!--".into()
            }]
        );
        assert_eq!(
            scan("<STYLE media=print>p{}"),
            [Finding::Unclosed {
                offset: 0,
                what: "<style>".into()
            }]
        );
        assert!(scan("<!-- a --> <script>x</SCRIPT> <b title='>'>c</b>").is_empty());
        // A `<div>` inside a script is text, not nesting.
        assert!(scan(&format!("<script>{}</script>", "<div>".repeat(1000))).is_empty());
    }
}
