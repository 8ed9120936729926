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
//!
//! It also hands each tag to its caller ([`Token`]), with the positions of
//! its attributes, so that raw `<a href>` and `<img src>` are checked and
//! rewritten like Markdown's links, and images, links, tables and headings
//! are checked for accessibility (`accessibility.rs`), in the same pass.

use std::borrow::Cow;
use std::ops::Range;

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

/// Where the text of a chunk of raw HTML is in the Markdown: an HTML block's
/// lines are joined into one chunk (a tag may span them), and each line
/// starts at its own offset (after a block quote's `>` or a list's indent).
#[derive(Debug, Default)]
pub struct Offsets {
    /// `(index in the chunk, offset in the Markdown)` of each piece, in order.
    pieces: Vec<(usize, usize)>,
}

impl Offsets {
    /// A chunk of one piece, starting at `offset` of the Markdown.
    pub fn at_offset(offset: usize) -> Offsets {
        Offsets {
            pieces: vec![(0, offset)],
        }
    }

    /// Records that the chunk's text from `index` on starts at `offset`.
    pub fn push(&mut self, index: usize, offset: usize) {
        self.pieces.push((index, offset));
    }

    /// The offset in the Markdown of byte `index` of the chunk.
    pub fn of(&self, index: usize) -> usize {
        let k = self.pieces.partition_point(|&(start, _)| start <= index);
        match k.checked_sub(1).map(|k| self.pieces[k]) {
            Some((start, offset)) => offset + (index - start),
            None => self.pieces.first().map_or(index, |&(_, offset)| offset),
        }
    }
}

/// What the scan hands its caller, in document order.
#[derive(Debug)]
pub enum Token<'t> {
    /// A start tag outside comments and raw-text elements.
    Start(StartTag<'t>),
    /// An end tag: its name, lowercased.
    End(&'t str),
    /// Text between tags, as written (character references not decoded).
    Text(&'t str),
}

/// A start tag: its name (lowercased), where its `<` is in the chunk, and
/// its attributes.
#[derive(Debug)]
pub struct StartTag<'t> {
    pub name: &'t str,
    pub at: usize,
    pub attributes: &'t [Attribute],
}

impl StartTag<'_> {
    /// The attribute of this name (ASCII case ignored), the first if given twice
    /// (as browsers do).
    pub fn attribute(&self, chunk: &str, name: &str) -> Option<&Attribute> {
        self.attributes
            .iter()
            .find(|a| chunk[a.name.clone()].eq_ignore_ascii_case(name))
    }
}

/// An attribute of a start tag, as positions in the chunk.
#[derive(Debug, Clone)]
pub struct Attribute {
    pub name: Range<usize>,
    /// The value without its quotes; empty for an attribute without `=`.
    pub value: Range<usize>,
    /// The value with its quotes: what a rewritten value replaces (empty,
    /// just after the name, for an attribute without `=`).
    pub span: Range<usize>,
}

impl Attribute {
    /// The value as a browser reads it: character references decoded.
    pub fn value<'c>(&self, chunk: &'c str) -> Cow<'c, str> {
        decode_references(&chunk[self.value.clone()])
    }
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
    /// The attributes of the tag being handed over (reused from tag to tag).
    attributes: Vec<Attribute>,
}

impl Default for Scan {
    fn default() -> Self {
        Scan {
            state: State::Data,
            open: Vec::new(),
            too_deep: None,
            attributes: Vec::new(),
        }
    }
}

impl Scan {
    /// Reads one chunk of raw HTML whose pieces start where `offsets` says,
    /// inside `outer` open Markdown containers, handing its tags and text
    /// to `visit` (none from inside comments and raw-text elements).
    pub fn feed(
        &mut self,
        html: &str,
        offsets: &Offsets,
        outer: usize,
        visit: &mut dyn FnMut(Token),
    ) {
        let bytes = html.as_bytes();
        let mut i = 0;
        // Where the text not yet handed over starts.
        let mut text_from = 0;
        while i < bytes.len() {
            match &self.state {
                State::Comment(_) => match find(bytes, i, b"-->") {
                    Some(end) => {
                        self.state = State::Data;
                        i = end + 3;
                        text_from = i;
                    }
                    None => return,
                },
                State::RawText(name, _) => {
                    let close = format!("</{name}");
                    match find_ignore_case(bytes, i, close.as_bytes()) {
                        Some(end) => {
                            self.state = State::Data;
                            i = tag_end(bytes, end + close.len(), None);
                            text_from = i;
                        }
                        None => return,
                    }
                }
                State::Data => {
                    let Some(lt) = bytes[i..].iter().position(|&b| b == b'<') else {
                        break;
                    };
                    i += lt;
                    let at = offsets.of(i);
                    if bytes[i..].starts_with(b"<!--") {
                        text(visit, &html[text_from..i]);
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
                    text(visit, &html[text_from..i]);
                    let name = html[name_start..name_start + name_len].to_ascii_lowercase();
                    self.attributes.clear();
                    let attributes = (!closing).then_some(&mut self.attributes);
                    let end = tag_end(bytes, name_start + name_len, attributes);
                    let self_closing = end >= 2 && bytes[end - 2] == b'/';
                    let tag_at = i;
                    i = end;
                    text_from = i;
                    if closing {
                        if let Some(k) = self.open.iter().rposition(|n| *n == name) {
                            self.open.truncate(k);
                        }
                        visit(Token::End(&name));
                        continue;
                    }
                    if RAW_TEXT.contains(&name.as_str()) {
                        self.state = State::RawText(name, at);
                        continue;
                    }
                    visit(Token::Start(StartTag {
                        name: &name,
                        at: tag_at,
                        attributes: &self.attributes,
                    }));
                    if !self_closing
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
        if matches!(self.state, State::Data) {
            text(visit, &html[text_from.min(html.len())..]);
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

/// Hands non-empty text to `visit`.
fn text(visit: &mut dyn FnMut(Token), text: &str) {
    if !text.is_empty() {
        visit(Token::Text(text));
    }
}

/// The index just after the `>` that ends a tag whose attributes start at
/// `from` (the end of the text when there is none), read as the HTML
/// tokenizer reads them: a quote opens a value only after `=`. The
/// attributes are pushed onto `attributes` when it is given.
fn tag_end(bytes: &[u8], from: usize, mut attributes: Option<&mut Vec<Attribute>>) -> usize {
    let len = bytes.len();
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut p = from;
    loop {
        while p < len && (space(bytes[p]) || bytes[p] == b'/') {
            p += 1;
        }
        if p >= len {
            return len;
        }
        if bytes[p] == b'>' {
            return p + 1;
        }
        // The name: its first character may be anything (even `=` or a quote).
        let name_start = p;
        p += 1;
        while p < len && !space(bytes[p]) && !matches!(bytes[p], b'/' | b'>' | b'=') {
            p += 1;
        }
        let name = name_start..p;
        let mut after_name = p;
        while after_name < len && space(bytes[after_name]) {
            after_name += 1;
        }
        let (value, span) = if after_name < len && bytes[after_name] == b'=' {
            p = after_name + 1;
            while p < len && space(bytes[p]) {
                p += 1;
            }
            match bytes.get(p) {
                Some(&q @ (b'"' | b'\'')) => {
                    let start = p + 1;
                    let end = bytes[start..]
                        .iter()
                        .position(|&b| b == q)
                        .map_or(len, |k| start + k);
                    let span = p..(end + 1).min(len);
                    p = span.end;
                    (start..end, span)
                }
                _ => {
                    let start = p;
                    while p < len && !space(bytes[p]) && bytes[p] != b'>' {
                        p += 1;
                    }
                    (start..p, start..p)
                }
            }
        } else {
            (name.end..name.end, name.end..name.end)
        };
        if let Some(attributes) = attributes.as_deref_mut() {
            attributes.push(Attribute { name, value, span });
        }
    }
}

/// Text with its character references decoded (`&amp;`, `&#233;`,
/// `&#x1EA1;`, `&nbsp;` …), as a browser reads an attribute's value;
/// references it does not know are left as written.
pub fn decode_references(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest[1..].find(';').map(|k| k + 1).filter(|&k| k <= 32) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let decoded = if let Some(number) = name.strip_prefix('#') {
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse().ok(),
            };
            code.and_then(char::from_u32)
        } else {
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
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
        scan.feed(html, &Offsets::at_offset(0), 0, &mut |_| {});
        scan.finish()
    }

    /// The tags and text of `html`, as `<name attr=value …>`, `</name>` and
    /// `"text"`, values decoded.
    fn tokens(html: &str) -> Vec<String> {
        let mut scan = Scan::default();
        let mut seen = Vec::new();
        scan.feed(html, &Offsets::at_offset(0), 0, &mut |token| {
            seen.push(match token {
                Token::Start(tag) => {
                    let mut shown = format!("<{}", tag.name);
                    for a in tag.attributes {
                        shown.push_str(&format!(" {}={}", &html[a.name.clone()], a.value(html)));
                    }
                    shown + ">"
                }
                Token::End(name) => format!("</{name}>"),
                Token::Text(text) => format!("{text:?}"),
            })
        });
        seen
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
        scan.feed("<span>", &Offsets::at_offset(7), MAX_DEPTH, &mut |_| {});
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

    #[test]
    fn tags_attributes_and_text_are_handed_over() {
        assert_eq!(
            tokens(
                r#"a <img SRC="/anh.png" alt='' hidden>b</a> <!-- <a href=x> --> <b title='>'>c"#
            ),
            [
                r#""a ""#,
                "<img SRC=/anh.png alt= hidden=>",
                r#""b""#,
                "</a>",
                r#"" ""#,
                r#"" ""#,
                "<b title=>>",
                r#""c""#,
            ]
        );
        // Unquoted values, spaces around `=`, references decoded.
        assert_eq!(
            tokens("<a href = /a?x=1&amp;y=2 title=T&#7841;i>x"),
            ["<a href=/a?x=1&y=2 title=Tại>", r#""x""#]
        );
        // Nothing from inside scripts; a quote inside a name opens no value.
        assert_eq!(
            tokens(r#"<script><a href=x></script><p x"y>z"#),
            [r#"<p x"y=>"#, r#""z""#]
        );
    }

    #[test]
    fn a_chunk_of_several_pieces_maps_back_to_the_markdown() {
        let mut offsets = Offsets::at_offset(2);
        offsets.push(6, 10);
        offsets.push(11, 17);
        assert_eq!(offsets.of(0), 2);
        assert_eq!(offsets.of(5), 7);
        assert_eq!(offsets.of(6), 10);
        assert_eq!(offsets.of(12), 18);
    }

    #[test]
    fn references_decode_as_a_browser_reads_them() {
        assert_eq!(
            decode_references("a&amp;b&#233;&#x1EA1;&nbsp;"),
            "a&bé\u{1ea1}\u{a0}"
        );
        assert_eq!(
            decode_references("&unknown; & &#xZZ;"),
            "&unknown; & &#xZZ;"
        );
        assert!(matches!(decode_references("plain"), Cow::Borrowed(_)));
    }
}
