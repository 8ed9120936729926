//! The site's search, `/tim-kiem/`: an index of every published page and
//! results list, split so that a query loads only the parts its words need
//! (as Pagefind does), what each result shows, and the text of the excerpts
//! (a results list's and a long page's fragment; a page's own otherwise).
//! The theme's `tim-kiem.js` reads them; docs/search.md describes the files.
//!
//! How the build makes it:
//!
//! 1. [`Documents`] numbers the documents oldest first (by date, then
//!    address), so a page published later takes the next number and the
//!    others keep theirs, and "newer first" is "higher number first".
//! 2. Each page's and list's job gives its words to the [`Index`] (a page's
//!    text taken from its Markdown's events as it is rendered, or read back
//!    from its HTML by [`page_text`] when it has raw HTML), and what its
//!    result shows ([`Shown`]); a list's job, and a long page's, write its
//!    fragment, `tim-kiem/trang/<number>.js`.
//! 3. After every other job, [`write_index`] writes what the results show,
//!    64 documents to a file (`tim-kiem/tai-lieu/<n>.js`), groups the words
//!    by their folded key (`text::search`), splits them into parts by the
//!    keys' first letters, as deep as a part needs to stay under
//!    [`PART_TARGET`], and writes the parts and the list of them
//!    (`tim-kiem/chi-muc.js`).
//!
//! Every file is a script rather than JSON, as the roll's index is (the list
//! of parts sets `BANGVANG_SEARCH_INDEX`, the page loads it first; the other
//! files call `BANGVANG_SEARCH`, which `tim-kiem.js` defines): a script loads
//! from the disk too, where browsers refuse to fetch, and under the strict
//! Content-Security-Policy. In `serve`, the files whose bytes did not change
//! are not written again (the writer compares them), so an edit rewrites the
//! parts its words are in, and its fragment if it has one.

use std::ops::Range;
use std::sync::Mutex;

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Context;
use super::labels;
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::model::page::PageKind;
use crate::model::site::{ListId, PageId};
use crate::paths;
use crate::text::search as words;

/// A word is in the document's title.
const IN_TITLE: u8 = 2;
/// A word is in one of the document's headings.
const IN_HEADING: u8 = 1;

/// A part is split by the next letter of its words when its file would be
/// larger than this (estimated; a part that is one word with many
/// spellings is not split and can be larger). A query loads one part per
/// word (two for a word that ends where a part is split), so this bounds
/// what a query of common words fetches (docs/search.md, "Cost", measured
/// with `bench/search`).
pub const PART_TARGET: usize = 16 * 1024;

/// Past this depth a part is not split: only one word that long and its
/// continuations are in it.
const MAX_DEPTH: usize = 12;

/// A fragment keeps this much of its document's text for excerpts; a word
/// found only past it is shown without its context.
const FRAGMENT_TEXT: usize = 32 * 1024;

/// The documents the search finds: every published page and results list,
/// numbered oldest first.
pub struct Documents {
    of_page: Vec<u32>,
    of_list: Vec<u32>,
    count: usize,
}

impl Documents {
    pub fn new(site: &Site) -> Documents {
        enum Doc {
            Page(PageId),
            List(ListId),
        }
        let mut docs: Vec<(Option<NaiveDate>, &str, Doc)> = site
            .page_ids()
            .map(|id| {
                let page = site.page(id);
                (page_date(page), page.path.as_str(), Doc::Page(id))
            })
            .chain(site.list_ids().map(|id| {
                let list = site.list(id);
                (list_date(list), list.path.as_str(), Doc::List(id))
            }))
            .collect();
        docs.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let mut of_page = vec![0; site.pages.len()];
        let mut of_list = vec![0; site.lists.len()];
        for (number, (_, _, doc)) in docs.iter().enumerate() {
            match doc {
                Doc::Page(id) => of_page[id.index()] = number as u32,
                Doc::List(id) => of_list[id.index()] = number as u32,
            }
        }
        Documents {
            of_page,
            of_list,
            count: docs.len(),
        }
    }

    pub fn page(&self, id: PageId) -> u32 {
        self.of_page[id.index()]
    }

    pub fn list(&self, id: ListId) -> u32 {
        self.of_list[id.index()]
    }
}

/// The date a page is shown and sorted by: its own, or its plan's.
fn page_date(page: &crate::model::page::Page) -> Option<NaiveDate> {
    page.meta.date.or_else(|| {
        page.campaign
            .as_ref()
            .and_then(|c| c.issued)
            .map(|d| d.first_day())
    })
}

/// The date a list is shown and sorted by: its decision's, else its
/// publication's, else the end of its comment period.
fn list_date(list: &crate::model::results::ResultsList) -> Option<NaiveDate> {
    list.decision
        .as_ref()
        .map(|d| d.date)
        .or(list.published)
        .or(list.comment_until)
}

/// A page's text as a reader sees it, read back from its rendered HTML:
/// tags removed (a block's end is a space), entities decoded, white space
/// collapsed; `headings` are the byte ranges of the headings' text.
#[derive(Debug, Default, PartialEq)]
pub struct PageText {
    pub text: String,
    pub headings: Vec<Range<usize>>,
    /// Its words for the index, once found (`number << 2 | flags`, numbers
    /// of [`WORDS`]), and whether it has a character a string must escape:
    /// `serve` keeps a page's rendered text while its Markdown is unchanged,
    /// so a rebuild adds that page without reading its text again.
    words: std::sync::OnceLock<(Vec<u32>, bool)>,
}

impl PageText {
    pub fn with_capacity(bytes: usize) -> PageText {
        PageText {
            text: String::with_capacity(bytes),
            ..PageText::default()
        }
    }

    /// Takes the text of one event of the Markdown being rendered: its
    /// words, and a space where a block, a line or a cell ends.
    pub fn follow(&mut self, event: &pulldown_cmark::Event) {
        use pulldown_cmark::{Event, Tag, TagEnd};
        match event {
            Event::Text(text) | Event::Code(text) => self.text.push_str(text),
            Event::SoftBreak | Event::HardBreak | Event::Rule => self.space(),
            Event::Start(Tag::Heading { .. }) => {
                self.space();
                self.headings.push(self.text.len()..self.text.len());
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(last) = self.headings.last_mut() {
                    last.end = self.text.len();
                }
                self.space();
            }
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {}
            Event::End(_) | Event::Start(Tag::TableCell | Tag::Item) => self.space(),
            _ => {}
        }
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }
}

/// The text of rendered HTML (the body of a page, already sanitized).
pub fn page_text(html: &str) -> PageText {
    let mut out = PageText {
        text: String::with_capacity(html.len() / 2),
        ..PageText::default()
    };
    let mut heading: Option<usize> = None;
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut space = false;
    while i < bytes.len() {
        let rest = &html[i..];
        let next = rest.find(['<', '&']).unwrap_or(rest.len());
        push_text(&mut out.text, &rest[..next], &mut space);
        i += next;
        if i >= bytes.len() {
            break;
        }
        if bytes[i] == b'&' {
            let (decoded, len) = entity(&html[i..]);
            push_text(&mut out.text, decoded.encode_utf8(&mut [0; 4]), &mut space);
            i += len;
            continue;
        }
        // A tag, a comment or a declaration.
        if html[i..].starts_with("<!--") {
            i += html[i..].find("-->").map_or(html.len() - i, |e| e + 3);
            continue;
        }
        let end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
        let tag = &html[i + 1..end.saturating_sub(1).max(i + 1)];
        let closing = tag.starts_with('/');
        let name = tag_name(tag.trim_start_matches('/'));
        let name = std::str::from_utf8(&name.0[..name.1]).unwrap_or("");
        i = end;
        if !closing && (name == "script" || name == "style") {
            // Never reaches a page (the sanitizer removes it); skipped in case.
            let close = format!("</{name}");
            i += html[i..].find(&close).unwrap_or(html.len() - i);
            continue;
        }
        let is_heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if !is_inline(name) {
            space = true;
        }
        if is_heading {
            if closing {
                if let Some(start) = heading.take() {
                    out.headings.push(start..out.text.len());
                }
            } else {
                if space && !out.text.is_empty() {
                    out.text.push(' ');
                }
                space = false;
                heading = Some(out.text.len());
            }
        }
    }
    if let Some(start) = heading {
        out.headings.push(start..out.text.len());
    }
    out
}

/// A tag's name in lowercase (no allocation: a page has hundreds of tags),
/// and its length; a name longer than any HTML element's is cut.
fn tag_name(tag: &str) -> ([u8; 12], usize) {
    let mut name = [0u8; 12];
    let mut len = 0;
    for b in tag.bytes() {
        if !b.is_ascii_alphanumeric() || len == name.len() {
            break;
        }
        name[len] = b.to_ascii_lowercase();
        len += 1;
    }
    (name, len)
}

/// Appends `text` with its white space collapsed; `space` carries a pending
/// space across calls.
fn push_text(out: &mut String, text: &str, space: &mut bool) {
    for (i, piece) in text.split(|c: char| c.is_whitespace()).enumerate() {
        if i > 0 {
            *space = true;
        }
        if piece.is_empty() {
            continue;
        }
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push_str(piece);
    }
}

/// The tags that do not end a word: "in<em>ter</em>net" is one word.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
    )
}

/// The character an entity at the start of `s` stands for, and its length.
/// The renderer writes only the five specials and numeric references; a
/// name it does not know is read as its `&`.
fn entity(s: &str) -> (char, usize) {
    let Some(semi) = s[..s.len().min(12)].find(';') else {
        return ('&', 1);
    };
    let name = &s[1..semi];
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" | "#39" | "#x27" => Some('\''),
        "nbsp" => Some(' '),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32),
    };
    match c {
        Some(c) => (c, semi + 1),
        None => ('&', 1),
    }
}

/// Every word of every document, and the documents each is in; filled by
/// the pages' and lists' jobs in parallel, written by [`write_index`].
///
/// Shaped for speed: the index reads every word of every page (the
/// 10,000-page benchmark has six million), so a word costs one lookup in a
/// cache of the thread's own, keyed by the word as written, which gives the
/// word's number; a document's words are kept once each by a stamp per
/// number, not in a map per document; the keys (`text::search`) are made
/// once per spelling met, not once per word of each page. BENCHMARKS.md
/// ("The site's search") has the measurements.
pub struct Index {
    /// Tells the threads' caches of one build's index from another's
    /// (`serve` builds many times in one process).
    id: u64,
    /// Each document's words: its number, and a word number with its
    /// [`IN_TITLE`] and [`IN_HEADING`] flags per word (`number << 2 | flags`).
    documents: Mutex<Vec<(u32, Vec<u32>)>>,
    /// What the results show of each document.
    shown: Mutex<Vec<(u32, Shown)>>,
}

/// The words met, by spelling key, numbered in the order met: one table for
/// every build of the process, so that a number found by one build (kept
/// with a page's text, [`PageText::words`], or in a thread's cache) is good
/// in the next (`serve`).
static WORDS: std::sync::LazyLock<Mutex<Words>> = std::sync::LazyLock::new(Mutex::default);

/// The table of [`WORDS`].
#[derive(Default)]
struct Words {
    numbers: FxHashMap<Box<str>, u32>,
    spellings: Vec<Box<str>>,
}

/// What a thread remembers while it adds documents to one index.
struct WordCache {
    index: u64,
    /// A word as written (`Thi`, `thi`) → its spelling's number. Words of
    /// up to 16 bytes (all but a few) by their bytes as two integers: first
    /// in [`SLOTS`] places picked by a hash of them, where a word met again
    /// (as most are) costs one compare; then in `short`, for the words two
    /// of which hash alike. Longer words as bytes, in `long`.
    slots: Box<[Slot; SLOTS]>,
    short: FxHashMap<(u64, u64), u32>,
    long: FxHashMap<Box<[u8]>, u32>,
    /// Per word number: the stamp of the document it was last met in, and
    /// where it is in that document's list.
    seen: Vec<(u32, u32)>,
}

/// A place of [`WordCache::slots`]: a word's bytes and its number.
#[derive(Clone, Copy, Default)]
struct Slot {
    a: u64,
    b: u64,
    number: u32,
}

/// The places of a thread's cache of short words: 384 KB, within a core's
/// second-level cache, and more than the distinct spellings of the
/// 10,000-page benchmark (844) or of a department's real site.
const SLOTS: usize = 1 << 14;

impl WordCache {
    fn new(index: u64) -> WordCache {
        WordCache {
            index,
            // (0, 0) is no word: a word has at least one byte, not NUL.
            slots: vec![Slot::default(); SLOTS]
                .into_boxed_slice()
                .try_into()
                .unwrap_or_else(|_| unreachable!("SLOTS places")),
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            seen: Vec::new(),
        }
    }
}

thread_local! {
    static CACHE: std::cell::RefCell<Option<WordCache>> = const { std::cell::RefCell::new(None) };
}

impl Default for Index {
    fn default() -> Index {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Index {
            id: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            documents: Mutex::default(),
            shown: Mutex::default(),
        }
    }
}

/// A posting: the document's number and where in it the word is.
fn posting(doc: u32, flags: u8) -> u32 {
    (doc << 2) | u32::from(flags)
}

/// What [`Index::add`] saw of a document's text besides its words.
pub struct Scanned {
    /// The text has a character that a string in a script must escape
    /// (`"`, `\` or a control character); without one, the fragment takes
    /// the text as it is.
    pub needs_escaping: bool,
}

impl Index {
    /// Adds document `doc`: its title and its text.
    pub fn add(&self, doc: u32, title: &str, text: &PageText) -> Scanned {
        let (words, needs_escaping) = CACHE.with_borrow_mut(|cache| {
            let cache = cache.get_or_insert_with(|| WordCache::new(self.id));
            if cache.index != self.id {
                // Another build: its documents' stamps start again; the
                // words' numbers stay (`WORDS`).
                cache.index = self.id;
                cache.seen.fill((0, 0));
            }
            let mut adding = Adding {
                index: self,
                cache,
                stamp: doc + 1,
                words: Vec::with_capacity(256),
            };
            let scan = |adding: &mut Adding, piece: &str, flag: u8| {
                let piece_of = Piece {
                    adding,
                    text: piece.as_bytes(),
                    flag,
                };
                scan_words(piece, piece_of)
            };
            let mut needs_escaping = false;
            // The text's words first, so that they are what `text.words`
            // keeps; then the title's.
            match text.words.get() {
                Some((words, escaping)) => {
                    for &w in words {
                        adding.met(w >> 2, (w & 3) as u8);
                    }
                    needs_escaping = *escaping;
                }
                None => {
                    let mut at = 0;
                    for heading in &text.headings {
                        needs_escaping |= scan(&mut adding, &text.text[at..heading.start], 0);
                        needs_escaping |=
                            scan(&mut adding, &text.text[heading.clone()], IN_HEADING);
                        at = heading.end;
                    }
                    needs_escaping |= scan(&mut adding, &text.text[at..], 0);
                    let _ = text.words.set((adding.words.clone(), needs_escaping));
                }
            }
            // The title is not in a fragment's text: its escaping is not
            // the text's.
            scan(&mut adding, title, IN_TITLE);
            (adding.words, needs_escaping)
        });
        self.documents
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((doc, words));
        Scanned { needs_escaping }
    }
    /// Keeps what the results show of document `doc`.
    pub fn show(&self, doc: u32, shown: Shown) {
        self.shown
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((doc, shown));
    }

    /// The number of a word's spelling, given it the first time.
    fn number(&self, word: &[u8]) -> u32 {
        // A word is a run of whole characters of a `str`.
        let word = std::str::from_utf8(word).unwrap_or_default();
        let (mut folded, mut spelled) = (String::new(), String::new());
        words::keys(word, &mut folded, &mut spelled);
        let mut words = WORDS.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&number) = words.numbers.get(spelled.as_str()) {
            return number;
        }
        let number = words.spellings.len() as u32;
        let spelled: Box<str> = spelled.into();
        words.numbers.insert(spelled.clone(), number);
        words.spellings.push(spelled);
        number
    }
}

/// A document being added, on one thread.
struct Adding<'a> {
    index: &'a Index,
    cache: &'a mut WordCache,
    /// The document's number plus one: no slot's stamp is 0's.
    stamp: u32,
    /// Its words so far (`number << 2 | flags`), each once.
    words: Vec<u32>,
}

impl Adding<'_> {
    /// The word `text[word]`, met at a place with `flag`.
    ///
    /// Shaped for speed: this runs for each of the 10,000-page benchmark's
    /// six million words, and the scan calls it for each, so it is small
    /// enough for the compiler to put in the scan (no call per word): one
    /// compare finds a word met before, as most are; the rest is in
    /// [`Adding::miss`], out of the way.
    #[inline(always)]
    fn word(&mut self, text: &[u8], word: Range<usize>, flag: u8) {
        let len = word.end - word.start;
        if len > 16 {
            return self.miss(text, word, flag);
        }
        let (a, b) = short_key(text, word.start, len);
        let slot = &self.cache.slots[place(a, b)];
        if slot.a != a || slot.b != b {
            return self.miss(text, word, flag);
        }
        // By the number, not the slot: "Thi" and "thi" have a slot each and
        // one number.
        let number = slot.number;
        self.met(number, flag);
    }

    /// Word `number` met: kept once per document, with the flags of every
    /// place it was met.
    #[inline(always)]
    fn met(&mut self, number: u32, flag: u8) {
        // Every number in the cache has its place in `seen` (`miss`).
        let Some(seen) = self.cache.seen.get_mut(number as usize) else {
            return;
        };
        if seen.0 == self.stamp {
            if flag != 0
                && let Some(posting) = self.words.get_mut(seen.1 as usize)
            {
                *posting |= u32::from(flag);
            }
        } else {
            *seen = (self.stamp, self.words.len() as u32);
            self.words.push((number << 2) | u32::from(flag));
        }
    }

    /// A word not in its slot: looked up, then put in it (short words).
    #[cold]
    #[inline(never)]
    fn miss(&mut self, text: &[u8], word: Range<usize>, flag: u8) {
        let len = word.end - word.start;
        let cache = &mut *self.cache;
        let short = (len <= 16).then(|| short_key(text, word.start, len));
        let number = match short {
            Some(key) => match cache.short.get(&key) {
                Some(&number) => number,
                None => {
                    let number = self.index.number(&text[word]);
                    cache.short.insert(key, number);
                    number
                }
            },
            None => match cache.long.get(&text[word.clone()]) {
                Some(&number) => number,
                None => {
                    let number = self.index.number(&text[word.clone()]);
                    cache.long.insert(text[word].into(), number);
                    number
                }
            },
        };
        let n = number as usize;
        if n >= cache.seen.len() {
            cache.seen.resize(n + 1, (0, 0));
        }
        if let Some((a, b)) = short {
            cache.slots[place(a, b)] = Slot { a, b, number };
        }
        self.met(number, flag);
    }
}

/// What the scan gives each word it finds to. A trait rather than a
/// closure so that its method can be marked to be put in the scan's loop:
/// the compiler left [`Adding::word`] in a closure of its own, called per
/// word (12 instructions of a call, and the arguments reloaded, for each).
trait WordSink {
    fn word(&mut self, word: Range<usize>);
}

impl<F: FnMut(Range<usize>)> WordSink for F {
    #[inline(always)]
    fn word(&mut self, word: Range<usize>) {
        self(word)
    }
}

/// A piece of a document's text being scanned: its words go to the
/// document, with the piece's flag.
struct Piece<'p, 'a> {
    adding: &'p mut Adding<'a>,
    text: &'p [u8],
    flag: u8,
}

impl WordSink for Piece<'_, '_> {
    #[inline(always)]
    fn word(&mut self, word: Range<usize>) {
        self.adding.word(self.text, word, self.flag)
    }
}

/// The slot of a short word's key.
#[inline(always)]
fn place(a: u64, b: u64) -> usize {
    ((a ^ b.rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 50) as usize & (SLOTS - 1)
}

/// The `len` (at most 16) bytes at `start` as two integers, zero past the
/// word: read as two whole words of memory where the text goes on for 16
/// bytes, which most words' do, rather than copied byte by byte (a call to
/// `memcpy` per word, 12 M instructions of the 1,000-page build). Words hold
/// no NUL, so the zeros cannot make two words alike.
#[inline(always)]
fn short_key(text: &[u8], start: usize, len: usize) -> (u64, u64) {
    let keep = |n: usize| match n {
        0 => 0,
        1..8 => (1u64 << (8 * n)) - 1,
        _ => u64::MAX,
    };
    let (a, b) = match text.get(start..start + 16) {
        Some(window) => {
            let (a, b) = window.split_at(8);
            (
                u64::from_le_bytes(a.try_into().unwrap_or_default()),
                u64::from_le_bytes(b.try_into().unwrap_or_default()),
            )
        }
        None => {
            let mut padded = [0u8; 16];
            let end = (start + 16).min(text.len());
            padded[..end - start].copy_from_slice(&text[start..end]);
            let (a, b) = padded.split_at(8);
            (
                u64::from_le_bytes(a.try_into().unwrap_or_default()),
                u64::from_le_bytes(b.try_into().unwrap_or_default()),
            )
        }
    };
    (a & keep(len.min(8)), b & keep(len.saturating_sub(8)))
}

/// What a byte of the text says to the scan.
///
/// An ASCII byte that is neither a letter nor a digit, and that a string in
/// a script takes as it is.
const SEPARATOR: u8 = 0;
/// A byte of a word without looking further: an ASCII letter or digit, the
/// first byte of a letter from U+0100 to U+027F (ă, đ, ơ, ư, …) or of a
/// combining mark from U+0300 to U+033F, and any later byte of a character
/// (the scan reaches one only inside a character it has taken).
const LETTER: u8 = 1;
/// `"`, `\` or a control character: a separator a string must escape.
const ESCAPED: u8 = 2;
/// The first byte of a character to look at ([`word_char`]).
const LOOK: u8 = 3;

static BYTE_CLASS: [u8; 256] = {
    let mut class = [LOOK; 256];
    let mut b = 0;
    while b < 0x80 {
        class[b] = if (b as u8).is_ascii_alphanumeric() {
            LETTER
        } else if b < 0x20 || b == b'"' as usize || b == b'\\' as usize {
            ESCAPED
        } else {
            SEPARATOR
        };
        b += 1;
    }
    while b < 0xc0 {
        class[b] = LETTER;
        b += 1;
    }
    let mut lead = 0xc4;
    while lead <= 0xc9 {
        class[lead] = LETTER;
        lead += 1;
    }
    class[0xcc] = LETTER;
    class
};

/// Calls `each` with the place of every word of `text` ([`words::split`]'s
/// words) and says whether the text has a byte a string must escape.
///
/// Shaped for speed: it reads every byte of every page (39 MB and six
/// million words on the 10,000-page benchmark, where a byte at a time cost
/// 660 M instructions, a fifth of the whole build). On x86-64 it classes 64
/// bytes at a time with SSE2 (every x86-64 processor has it) into a bit per
/// byte, and finds the words as runs of bits: the Vietnamese letters by
/// their first two bytes, the rare other characters one by one
/// ([`word_char`]). Elsewhere, [`scan_bytes`].
fn scan_words(text: &str, each: impl WordSink) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        wide::scan(text, each)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        scan_bytes(text, each)
    }
}

#[cfg(target_arch = "x86_64")]
mod wide {
    use std::arch::x86_64::*;

    /// Bytes classed at a time: one bit each in a `u64`.
    const WINDOW: usize = 64;
    /// A window reads the two bytes after it (a letter's second and third).
    const AFTER: usize = 2;

    /// What one window holds, a bit per byte.
    struct Classes {
        /// ASCII letters and digits, and the first byte of a two- or
        /// three-byte Vietnamese letter or mark.
        letters: u64,
        /// Of those, the first bytes of two-byte and of three-byte ones.
        two: u64,
        three: u64,
        /// The first byte of a character to look at one by one.
        other: u64,
        /// `"`, `\` and control characters.
        escaped: u64,
    }

    #[target_feature(enable = "sse2")]
    #[inline]
    fn load(bytes: &[u8]) -> __m128i {
        let bytes: &[u8; 16] = bytes[..16].try_into().unwrap_or(&[0; 16]);
        // SAFETY: the load reads the 16 bytes of `bytes`; it needs no
        // alignment.
        unsafe { _mm_loadu_si128(bytes.as_ptr().cast()) }
    }

    /// Bytes of `v` at most `max` (unsigned).
    #[target_feature(enable = "sse2")]
    #[inline]
    fn at_most(v: __m128i, max: u8) -> __m128i {
        _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(max as i8)), v)
    }

    #[target_feature(enable = "sse2")]
    #[inline]
    fn is(v: __m128i, b: u8) -> __m128i {
        _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8))
    }

    #[target_feature(enable = "sse2")]
    #[inline]
    fn bits(v: __m128i) -> u64 {
        u64::from(_mm_movemask_epi8(v) as u16)
    }

    /// Classes the 64 bytes of `bytes` (which holds 2 more).
    #[target_feature(enable = "sse2")]
    #[inline]
    fn classes(bytes: &[u8]) -> Classes {
        let mut c = Classes {
            letters: 0,
            two: 0,
            three: 0,
            other: 0,
            escaped: 0,
        };
        for part in 0..WINDOW / 16 {
            let at = part * 16;
            let v = load(&bytes[at..]);
            let next = load(&bytes[at + 1..]);
            let lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
            let alpha = at_most(_mm_sub_epi8(lower, _mm_set1_epi8(b'a' as i8)), 25);
            let digit = at_most(_mm_sub_epi8(v, _mm_set1_epi8(b'0' as i8)), 9);
            let ascii = _mm_or_si128(alpha, digit);
            // U+0100–U+027F and U+0300–U+033F: letters and marks, whatever
            // follows.
            let latin = _mm_or_si128(
                at_most(_mm_sub_epi8(v, _mm_set1_epi8(0xc4u8 as i8)), 5),
                is(v, 0xcc),
            );
            // U+00C0–U+00FF but × (C3 97) and ÷ (C3 B7).
            let sign = _mm_or_si128(is(next, 0x97), is(next, 0xb7));
            let c3 = is(v, 0xc3);
            let latin1 = _mm_andnot_si128(sign, c3);
            // U+0340–U+036F: marks (CD 80–AF).
            let marks = _mm_and_si128(
                is(v, 0xcd),
                at_most(_mm_sub_epi8(next, _mm_set1_epi8(0x80u8 as i8)), 0x2f),
            );
            // U+1E00–U+1EFF: letters (E1 B8–BB).
            let extended = _mm_and_si128(
                is(v, 0xe1),
                is(_mm_and_si128(next, _mm_set1_epi8(0xfcu8 as i8)), 0xb8),
            );
            // U+2000–U+203F: spaces and punctuation (E2 80).
            let punctuation = _mm_and_si128(is(v, 0xe2), is(next, 0x80));
            let two = _mm_or_si128(_mm_or_si128(latin, latin1), marks);
            let known = _mm_or_si128(
                _mm_or_si128(two, extended),
                _mm_or_si128(_mm_and_si128(c3, sign), punctuation),
            );
            let lead = _mm_xor_si128(at_most(v, 0xbf), _mm_set1_epi8(-1));
            let other = _mm_andnot_si128(known, lead);
            let escaped = _mm_or_si128(_mm_or_si128(is(v, b'"'), is(v, b'\\')), at_most(v, 0x1f));
            let shift = 16 * part;
            c.letters |= bits(_mm_or_si128(_mm_or_si128(ascii, two), extended)) << shift;
            c.two |= bits(two) << shift;
            c.three |= bits(extended) << shift;
            c.other |= bits(other) << shift;
            c.escaped |= bits(escaped) << shift;
        }
        c
    }

    #[inline(always)]
    pub(super) fn scan(text: &str, mut each: impl super::WordSink) -> bool {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut escaped = 0;
        // Bits of the next window that belong to a character begun in this
        // one, and where the word running at the window's end began.
        let mut carry = 0u64;
        let (mut running, mut open) = (0u64, 0usize);
        let mut tail = [b' '; 2 * WINDOW + AFTER];
        let mut base = 0;
        while base < n {
            let window: &[u8] = if base + WINDOW + AFTER <= n {
                &bytes[base..base + WINDOW + AFTER]
            } else {
                // The last bytes, padded with spaces: separators.
                let rest = &bytes[base..];
                tail[..rest.len()].copy_from_slice(rest);
                tail[rest.len()..].fill(b' ');
                &tail[..WINDOW + AFTER]
            };
            // SAFETY: SSE2 is part of x86-64: every processor that runs
            // this build has it.
            let c = unsafe { classes(window) };
            escaped |= c.escaped;
            let mut word = c.letters | (c.two << 1) | (c.three << 1) | (c.three << 2) | carry;
            // A two-byte letter at bit 63 ends at bit 0 of the next window;
            // a three-byte one at bit 62 there too, at bit 63 at bit 1.
            let (two_last, three_last) = (c.two >> 63, c.three >> 63);
            carry = two_last | ((c.three >> 62) & 1) | three_last | (three_last << 1);
            let mut other = c.other;
            while other != 0 {
                let k = other.trailing_zeros() as usize;
                other &= other - 1;
                let width = super::word_char(text, base + k);
                if width > 0 {
                    let run = (1u128 << width) - 1;
                    let set = run << k;
                    word |= set as u64;
                    carry |= (set >> 64) as u64;
                }
            }
            // The words: runs of ones, each from a bit that follows a zero
            // to the next zero. `running` is 1 where the previous window
            // ended inside a word, which the first end here closes.
            let before = (word << 1) | running;
            let mut starts = word & !before;
            let mut ends = !word & before;
            if running == 1 && ends != 0 {
                each.word(open..base + ends.trailing_zeros() as usize);
                ends &= ends - 1;
            }
            while ends != 0 {
                let start = base + starts.trailing_zeros() as usize;
                starts &= starts.wrapping_sub(1);
                each.word(start..base + ends.trailing_zeros() as usize);
                ends &= ends - 1;
            }
            if starts != 0 {
                open = base + starts.trailing_zeros() as usize;
            }
            running = word >> 63;
            base += WINDOW;
        }
        if running == 1 {
            each.word(open..n);
        }
        escaped != 0
    }
}

/// The scan a byte at a time, where SSE2 is not: a byte is classed by one
/// table lookup, so that a word of ASCII and two-byte letters is passed over
/// a byte at a time; only the other characters are looked at.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn scan_bytes(text: &str, mut each: impl WordSink) -> bool {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut escaped = false;
    let mut i = 0;
    while i < n {
        let start = i;
        match BYTE_CLASS[usize::from(bytes[i])] {
            SEPARATOR => {
                i += 1;
                continue;
            }
            ESCAPED => {
                escaped = true;
                i += 1;
                continue;
            }
            LETTER => i += 1,
            _ => {
                let width = word_char(text, i);
                i += width.unsigned_abs();
                if width < 0 {
                    continue;
                }
            }
        }
        loop {
            while i < n && BYTE_CLASS[usize::from(bytes[i])] == LETTER {
                i += 1;
            }
            if i >= n || BYTE_CLASS[usize::from(bytes[i])] != LOOK {
                break;
            }
            let width = word_char(text, i);
            if width < 0 {
                break;
            }
            i += width as usize;
        }
        each.word(start..i);
    }
    escaped
}

/// The length of the character at byte `i` (not ASCII): positive if it
/// belongs to a word, negative if not.
#[inline(always)]
fn word_char(text: &str, i: usize) -> isize {
    let bytes = text.as_bytes();
    let b = bytes[i];
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    match b {
        // U+00C0–U+00FF but × and ÷: letters.
        0xc3 if next != 0x97 && next != 0xb7 => 2,
        // U+0340–U+036F: combining marks.
        0xcd if next < 0xb0 => 2,
        // U+1E00–U+1EFF, Latin Extended Additional: letters (ạ ả ấ … ỹ).
        0xe1 if (0xb8..=0xbb).contains(&next) => 3,
        // U+2000–U+206F, punctuation and spaces (“ ” – … and the like).
        0xe2 if next == 0x80 || (next == 0x81 && bytes.get(i + 2).is_some_and(|&c| c < 0xb0)) => -3,
        _ => {
            let c = text[i..].chars().next().unwrap_or(' ');
            let width = c.len_utf8() as isize;
            if words::is_word_char(c) {
                width
            } else {
                -width
            }
        }
    }
}

/// What a result shows of its document, in the documents' files
/// ([`paths::search_documents`], [`DOCUMENTS_PER_FILE`] to a file).
pub struct Shown {
    /// The address, from the site's root.
    href: String,
    title: String,
    /// The kind of document, as the results say it.
    kind: &'static str,
    date: Option<String>,
    /// Whether the excerpt's text is in a fragment of its own
    /// ([`paths::search_fragment`]) rather than read from the page.
    fragment: bool,
}

/// A document's excerpt is read from its own page, which the reader's
/// browser fetches for the results shown, unless its text is longer than
/// this: then it has a fragment, which holds at most [`FRAGMENT_TEXT`].
/// A fragment per page doubled the bytes the build writes of the pages'
/// text and cost 23% of the 10,000-page benchmark's build (BENCHMARKS.md);
/// a results list, whose page carries its whole table, always has one.
const PAGE_TEXT_READ: usize = 16 * 1024;

/// Documents' entries to a file of [`Shown`]: ten results in the 10,000
/// document benchmark fetch at most ten files of about 6 KB.
pub const DOCUMENTS_PER_FILE: u32 = 64;

/// Indexes a page of `content/`, and writes its fragment if it needs one.
pub(super) fn add_page(cx: &Context, id: PageId, text: &PageText) -> Result<(), Diagnostic> {
    let page = cx.site.page(id);
    let doc = cx.documents.page(id);
    let scanned = cx.search.add(doc, &page.meta.title, text);
    let kind = match page.kind {
        PageKind::Home => labels::SEARCH_HOME,
        PageKind::Section => labels::SEARCH_SECTION,
        PageKind::Regular if page.campaign.is_some() => labels::SEARCH_CAMPAIGN,
        PageKind::Regular if page.meta.date.is_some() => labels::SEARCH_NEWS,
        PageKind::Regular => labels::SEARCH_PAGE,
    };
    let fragment = text.text.len() > PAGE_TEXT_READ;
    cx.search.show(
        doc,
        Shown {
            href: cx.links.href(&page.path),
            title: page.meta.title.clone(),
            kind,
            date: match (
                page.meta.date,
                page.campaign.as_ref().and_then(|c| c.issued),
            ) {
                (Some(date), _) => Some(crate::text::vi_date::short(date)),
                (None, Some(issued)) => Some(crate::text::vi_date::short_partial(issued)),
                (None, None) => None,
            },
            fragment,
        },
    );
    if fragment {
        write_fragment(cx, doc, &text.text, scanned.needs_escaping)?;
    }
    Ok(())
}

/// Indexes a results list (its title, summary, awards and every honoree's
/// name, position and unit: what its page publishes) and writes its
/// fragment.
pub(super) fn add_list(cx: &Context, id: ListId) -> Result<(), Diagnostic> {
    let site = cx.site;
    let list = site.list(id);
    let doc = cx.documents.list(id);
    let mut text = PageText::default();
    let line = |out: &mut PageText, piece: &str| {
        if !piece.is_empty() {
            if !out.text.is_empty() {
                out.text.push_str(". ");
            }
            out.text.push_str(piece);
        }
    };
    if let Some(summary) = &list.summary {
        line(&mut text, summary);
    }
    if let Some(decision) = &list.decision {
        line(&mut text, &labels::decision_number(&decision.number));
    }
    for (g, group) in list.awards.iter().enumerate() {
        let award = site.award(site.group_award(id, g));
        let start = text.text.len() + if text.text.is_empty() { 0 } else { 2 };
        line(&mut text, &award.title);
        text.headings.push(start..text.text.len());
        for honoree in &group.honorees {
            let mut entry = honoree.name.clone();
            for part in [
                honoree.position.as_deref(),
                honoree
                    .unit
                    .as_deref()
                    .and_then(|u| site.config.unit(u))
                    .map(|u| u.name.as_str())
                    .filter(|u| *u != honoree.name),
            ]
            .into_iter()
            .flatten()
            {
                entry.push_str(", ");
                entry.push_str(part);
            }
            line(&mut text, &entry);
        }
    }
    let scanned = cx.search.add(doc, &list.title, &text);
    cx.search.show(
        doc,
        Shown {
            href: cx.links.href(&list.path),
            title: list.title.clone(),
            kind: labels::SEARCH_LIST,
            date: list_date(list).map(crate::text::vi_date::short),
            fragment: true,
        },
    );
    write_fragment(cx, doc, &text.text, scanned.needs_escaping)
}

/// A document's fragment: `BANGVANG_SEARCH.page(number, {"x": text})`,
/// its text cut at [`FRAGMENT_TEXT`].
fn write_fragment(
    cx: &Context,
    doc: u32,
    text: &str,
    needs_escaping: bool,
) -> Result<(), Diagnostic> {
    let mut text = text;
    if text.len() > FRAGMENT_TEXT {
        let mut end = FRAGMENT_TEXT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text = &text[..end];
    }
    let mut js = String::with_capacity(text.len() + 64);
    js.push_str("BANGVANG_SEARCH.page(");
    js.push_str(&doc.to_string());
    js.push_str(",{\"x\":");
    if needs_escaping {
        json_string(&mut js, text);
    } else {
        js.push('"');
        js.push_str(text);
        js.push('"');
    }
    js.push_str("});\n");
    cx.writer.bytes(&paths::search_fragment(doc), js.as_bytes())
}

/// Writes the documents' files: what each result shows.
fn write_documents(cx: &Context) -> Result<(), Diagnostic> {
    let mut shown = std::mem::take(&mut *cx.search.shown.lock().unwrap_or_else(|e| e.into_inner()));
    shown.sort_unstable_by_key(|(doc, _)| *doc);
    let count = cx.documents.count as u32;
    let files = count.div_ceil(DOCUMENTS_PER_FILE);
    let mut next = shown.into_iter().peekable();
    for file in 0..files {
        let mut js = format!("BANGVANG_SEARCH.documents({file},[");
        for doc in file * DOCUMENTS_PER_FILE..((file + 1) * DOCUMENTS_PER_FILE).min(count) {
            if doc > file * DOCUMENTS_PER_FILE {
                js.push(',');
            }
            match next.next_if(|(d, _)| *d == doc) {
                Some((_, s)) => {
                    js.push('[');
                    json_string(&mut js, &s.href);
                    js.push(',');
                    json_string(&mut js, &s.title);
                    js.push(',');
                    json_string(&mut js, s.kind);
                    js.push(',');
                    match &s.date {
                        Some(date) => json_string(&mut js, date),
                        None => js.push_str("null"),
                    }
                    js.push_str(if s.fragment { ",1]" } else { ",0]" });
                }
                // A number no job gave (a page whose job failed).
                None => js.push_str("null"),
            }
        }
        js.push_str("]);\n");
        cx.writer
            .bytes(&paths::search_documents(file), js.as_bytes())?;
    }
    Ok(())
}

/// One folded word of the index and its spellings, each with its postings.
struct Entry {
    folded: String,
    spellings: Vec<(String, Vec<u32>)>,
    bytes: usize,
}

/// One file of the index: the words beginning with `key` (a leaf of the
/// split), or only the word that is `key` itself (`own`: the part of a key
/// whose longer words are split further).
struct Part {
    key: String,
    own: bool,
    entries: Range<usize>,
}

/// Writes the index's parts and the list of them (`tim-kiem/chi-muc.js`),
/// after every document was added.
pub(super) fn write_index(cx: &Context) -> Result<Vec<Diagnostic>, Diagnostic> {
    write_documents(cx)?;
    let entries = entries(cx.search);
    let mut parts = Vec::new();
    split(&entries, 0..entries.len(), String::new(), 0, &mut parts);
    let mut list = format!(
        "window.BANGVANG_SEARCH_INDEX={{\"documents\":{},\"per_file\":{DOCUMENTS_PER_FILE},\"parts\":[",
        cx.documents.count
    );
    // The parts are written on every core: this job runs last, alone, and
    // its parts are 40 ms of the 10,000-page benchmark's build on one.
    let sizes = parts
        .par_iter()
        .map(|part| {
            let name = part_name(&part.key, part.own);
            let js = part_script(&name, &entries[part.entries.clone()]);
            cx.writer.bytes(&paths::search_part(&name), js.as_bytes())?;
            Ok(js.len())
        })
        .collect::<Result<Vec<usize>, Diagnostic>>()?;
    for (i, (part, size)) in parts.iter().zip(sizes).enumerate() {
        if i > 0 {
            list.push(',');
        }
        list.push('[');
        json_string(&mut list, &part.key);
        list.push_str(&format!(",{size},{}]", u8::from(part.own)));
    }
    list.push_str("]};\n");
    cx.write_data(paths::SEARCH_INDEX, list.as_bytes())
}

/// One part's file: `BANGVANG_SEARCH.part(name, {folded: {spelling:
/// postings}})`.
fn part_script(name: &str, entries: &[Entry]) -> String {
    let mut js = String::with_capacity(PART_TARGET + 1024);
    js.push_str("BANGVANG_SEARCH.part(");
    json_string(&mut js, name);
    js.push_str(",{");
    for (e, entry) in entries.iter().enumerate() {
        if e > 0 {
            js.push(',');
        }
        json_string(&mut js, &entry.folded);
        js.push_str(":{");
        for (s, (spelled, postings)) in entry.spellings.iter().enumerate() {
            if s > 0 {
                js.push(',');
            }
            // The spelling that is the folded word itself is "".
            json_string(
                &mut js,
                if *spelled == entry.folded {
                    ""
                } else {
                    spelled
                },
            );
            js.push_str(":\"");
            encode_postings(postings, &mut js);
            js.push('"');
        }
        js.push('}');
    }
    js.push_str("});\n");
    js
}

/// The index's words sorted by their folded key, each with its spellings
/// and their postings in document order.
fn entries(index: &Index) -> Vec<Entry> {
    let spellings = WORDS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .spellings
        .clone();
    let mut documents =
        std::mem::take(&mut *index.documents.lock().unwrap_or_else(|e| e.into_inner()));
    // The jobs added their documents in any order.
    documents.sort_unstable_by_key(|(doc, _)| *doc);
    // Counted, then placed: each word's postings come out in document order
    // without a sort per word.
    let mut start = vec![0usize; spellings.len() + 1];
    for (_, words) in &documents {
        for &w in words {
            start[(w >> 2) as usize + 1] += 1;
        }
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut placed = start.clone();
    let mut postings = vec![0u32; start[spellings.len()]];
    for (doc, words) in &documents {
        for &w in words {
            let number = (w >> 2) as usize;
            postings[placed[number]] = posting(*doc, (w & 3) as u8);
            placed[number] += 1;
        }
    }
    // Only the words of this build's documents: the table holds every
    // word the process met.
    let mut sorted: Vec<(String, Box<str>, Vec<u32>)> = spellings
        .into_iter()
        .enumerate()
        .filter(|&(number, _)| start[number + 1] > start[number])
        .map(|(number, spelled)| {
            let of = postings[start[number]..start[number + 1]].to_vec();
            (folded_of(&spelled), spelled, of)
        })
        .collect();
    sorted.sort_unstable_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let mut entries: Vec<Entry> = Vec::new();
    for (folded, spelled, postings) in sorted {
        let bytes = spelled.len() + postings.len() * 2 + 6;
        let spelled = String::from(spelled);
        match entries.last_mut() {
            Some(last) if last.folded == folded => {
                last.bytes += bytes;
                last.spellings.push((spelled, postings));
            }
            _ => entries.push(Entry {
                bytes: bytes + folded.len() + 4,
                folded,
                spellings: vec![(spelled, postings)],
            }),
        }
    }
    entries
}

/// The folded key of a spelling key: the same word folded.
fn folded_of(spelled: &str) -> String {
    let mut folded = String::with_capacity(spelled.len());
    let mut ignored = String::new();
    words::split(spelled, |_, w| {
        ignored.clear();
        words::keys(w, &mut folded, &mut ignored);
    });
    folded
}

/// Splits the entries in `range` (all beginning with `prefix`, `depth`
/// characters long) into parts of at most [`PART_TARGET`] bytes where it
/// can.
fn split(
    entries: &[Entry],
    range: Range<usize>,
    prefix: String,
    depth: usize,
    out: &mut Vec<Part>,
) {
    let size: usize = entries[range.clone()].iter().map(|e| e.bytes).sum();
    if size <= PART_TARGET || depth >= MAX_DEPTH || range.len() <= 1 {
        out.push(Part {
            key: prefix,
            own: false,
            entries: range,
        });
        return;
    }
    let mut start = range.start;
    // The word that is the prefix itself sorts first.
    if entries[start].folded.len() == prefix.len() {
        out.push(Part {
            key: prefix.clone(),
            own: true,
            entries: start..start + 1,
        });
        start += 1;
    }
    while start < range.end {
        let next = entries[start].folded[prefix.len()..]
            .chars()
            .next()
            .unwrap_or_default();
        let mut end = start + 1;
        while end < range.end && entries[end].folded[prefix.len()..].starts_with(next) {
            end += 1;
        }
        let mut key = prefix.clone();
        key.push(next);
        split(entries, start..end, key, depth + 1, out);
        start = end;
    }
}

/// A part's file name: its key, with any character other than `a`–`z` and
/// `0`–`9` written as its code point; `p-` for a leaf, `w-` for a word's own.
fn part_name(key: &str, own: bool) -> String {
    let mut name = String::from(if own { "w-" } else { "p-" });
    for c in key.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else {
            name.push_str(&format!("_{:x}", c as u32));
        }
    }
    name
}

/// The alphabet of [`encode_postings`]: 32 digits that end a number, 32
/// that continue it. None needs escaping in JSON.
const FINAL: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE: &[u8; 32] = b"wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// A word's sorted postings as text: each the gap from the previous
/// document (less one) with its two flags, five bits to a character, low
/// bits first. A word on every page costs a character per page.
fn encode_postings(postings: &[u32], out: &mut String) {
    let mut previous: i64 = -1;
    for &p in postings {
        let doc = i64::from(p >> 2);
        let gap = (doc - previous - 1) as u64;
        previous = doc;
        let mut value = (gap << 2) | u64::from(p & 3);
        while value >= 32 {
            out.push(char::from(MORE[(value & 31) as usize]));
            value >>= 5;
        }
        out.push(char::from(FINAL[value as usize]));
    }
}

/// `s` as a JSON string. Written here rather than by serde_json: a
/// fragment is mostly a page's text, in which nothing needs escaping but
/// the rare quote, backslash or control character, so eight bytes are
/// tested at once and runs copied whole (65 M instructions of the 1,000-page
/// build a byte at a time, BENCHMARKS.md).
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if i + 8 <= bytes.len() {
            let mut chunk = [0u8; 8];
            chunk.copy_from_slice(&bytes[i..i + 8]);
            if !may_need_escape(u64::from_le_bytes(chunk)) {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(bytes.len());
        for at in i..end {
            let escaped = match bytes[at] {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..0x20 => "",
                _ => continue,
            };
            out.push_str(&s[run..at]);
            if escaped.is_empty() {
                out.push_str(&format!("\\u{:04x}", bytes[at]));
            } else {
                out.push_str(escaped);
            }
            run = at + 1;
        }
        i = end;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// Whether any of eight bytes may be a quote, a backslash or a control
/// character (never false when one is; sometimes true when none is).
fn may_need_escape(chunk: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let control = chunk.wrapping_sub(ONES * 0x20) & !chunk & HIGH;
    control
        | zero_byte(chunk ^ (ONES * u64::from(b'"')))
        | zero_byte(chunk ^ (ONES * u64::from(b'\\')))
        != 0
}

/// The search page, `/tim-kiem/`.
pub(super) fn render(cx: &Context) -> Result<Vec<Diagnostic>, Diagnostic> {
    let generated = cx.generated(paths::SEARCH, labels::SEARCH, Vec::new());
    let mut inputs = generated.inputs();
    inputs.push(("index_href", &paths::SEARCH_INDEX));
    let roll = cx.links.href(paths::ROLL);
    let calendar = cx.links.href(paths::CALENDAR);
    inputs.push(("roll_href", &roll));
    inputs.push(("calendar_href", &calendar));
    cx.render(
        "search.html",
        &inputs,
        paths::SEARCH,
        std::path::Path::new("tim-kiem.html"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_of_html_is_what_a_reader_reads() {
        let text = page_text(
            "<h2 id=\"a\">Kế hoạch &amp; mục tiêu</h2>\n<p>Thi <em>đua</em> yêu nước</p>\
             <table><tr><td>Tổ</td><td>Toán</td></tr></table><!-- ẩn --><p>in<strong>ter</strong>net&#39;s</p>",
        );
        assert_eq!(
            text.text,
            "Kế hoạch & mục tiêu Thi đua yêu nước Tổ Toán internet's"
        );
        assert_eq!(&text.text[text.headings[0].clone()], "Kế hoạch & mục tiêu");
        assert_eq!(text.headings.len(), 1);
    }

    #[test]
    fn postings_decode_to_what_was_encoded() {
        let postings = [
            posting(0, 0),
            posting(1, 2),
            posting(9, 1),
            posting(40_000, 3),
        ];
        let mut text = String::new();
        encode_postings(&postings, &mut text);
        // Decoded as tim-kiem.js does.
        let mut decoded = Vec::new();
        let (mut value, mut shift, mut doc) = (0u64, 0, -1i64);
        for b in text.bytes() {
            if let Some(d) = MORE.iter().position(|&m| m == b) {
                value |= (d as u64) << shift;
                shift += 5;
            } else {
                let d = FINAL.iter().position(|&f| f == b).unwrap();
                value |= (d as u64) << shift;
                doc += (value >> 2) as i64 + 1;
                decoded.push(posting(doc as u32, (value & 3) as u8));
                value = 0;
                shift = 0;
            }
        }
        assert_eq!(decoded, postings);
        assert_eq!(
            &text[..2],
            "02",
            "consecutive documents take a character each"
        );
    }

    proptest::proptest! {
        /// The fast scans find the words `text::search::split` finds, and
        /// tell a text a string must escape: long texts too, whose words
        /// cross the wide scan's windows.
        #[test]
        fn the_scan_finds_the_words_split_finds(s in "(?s)[a-zA-Z0-9 ,.\"\\\\\nđĐàÀạẠễỄươƯ×÷“”–…\u{300}\u{301}\u{2070}\u{a0}ªµ\u{2c6}\u{1e00}-\u{1eff}\u{370}-\u{3ff}\u{1f600}ǅ]{0,300}|(?s).{0,200}") {
            let mut plain = Vec::new();
            words::split(&s, |_, w| plain.push(w));
            let escapes = s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
            let mut fast = Vec::new();
            let escaped = scan_words(&s, |w| fast.push(&s[w]));
            proptest::prop_assert_eq!(&fast, &plain);
            proptest::prop_assert_eq!(escaped, escapes);
            let mut bytewise = Vec::new();
            let escaped = scan_bytes(&s, |w| bytewise.push(&s[w]));
            proptest::prop_assert_eq!(&bytewise, &plain);
            proptest::prop_assert_eq!(escaped, escapes);
        }

        #[test]
        fn every_string_reads_back_from_its_json(s in "(?s).{0,80}", pad in "[a-zđ\"\\\\\n]{0,9}") {
            let text = format!("{pad}{s}{pad}");
            let mut json = String::new();
            json_string(&mut json, &text);
            proptest::prop_assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
        }
    }

    #[test]
    fn a_document_has_a_word_once_whatever_its_case_and_places() {
        let index = Index::default();
        let mut text = PageText::default();
        text.text.push_str("Đông đông ĐÔNG. Phía Đông. đông");
        let heading = text.text.find("Phía").unwrap();
        text.headings.push(heading..heading + "Phía Đông".len());
        index.add(0, "ĐÔNG", &text);
        index.add(1, "Tây", &text);
        let entries = entries(&index);
        let dong = entries.iter().find(|e| e.folded == "dong").unwrap();
        let postings: Vec<&Vec<u32>> = dong.spellings.iter().map(|(_, p)| p).collect();
        assert_eq!(
            postings,
            [&vec![
                posting(0, IN_TITLE | IN_HEADING),
                posting(1, IN_HEADING)
            ]]
        );
    }

    #[test]
    fn part_names_are_safe_file_names() {
        assert_eq!(part_name("th", false), "p-th");
        assert_eq!(part_name("th", true), "w-th");
        assert_eq!(part_name("", false), "p-");
        assert_eq!(part_name("aπ", false), "p-a_3c0");
    }
}
