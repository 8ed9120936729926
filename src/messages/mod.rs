//! The words bangvang says to editors, in their language.
//!
//! Messages are written in English in the code, where each check is made
//! (`Diagnostic::error(file, pos, format!("unknown key `{key}`"))`), and that
//! English is the message's id, as in gettext: a `Diagnostic` stays English
//! (the bad-input corpus and the tests read it), and it is translated only
//! when it is shown, by [`tr`]. The one catalogue is `vi.tsv` beside this
//! file: one line per message,
//!
//! ```text
//! unknown key `{}` in {}<TAB>khóa `{1}` không có trong {2}
//! ```
//!
//! where each `{}` of the English matches any text (the shortest that lets
//! the rest match, the whole message matched), and `{1}`, `{2}` … of the
//! Vietnamese put those pieces back in any order. A piece that is itself an
//! English phrase of the catalogue with no hole (`the front matter`) is
//! translated too. A message with no entry is shown in English, never lost;
//! `tests/messages.rs` fails on any the tests produce.
//!
//! The language is chosen once per process ([`set_lang`]): Vietnamese unless
//! `--lang en` or `BANGVANG_LANG=en` asks for English (for maintainers and bug
//! reports).
//!
//! A leaf: this module uses nothing else of the crate (`diagnostics` uses it).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// The language messages are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Vietnamese, the editors' language: the default.
    Vi,
    /// English, the language of the code: for maintainers and bug reports.
    En,
}

impl Lang {
    /// `vi` or `en` (any case); anything else is not a language we speak.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" | "vi_vn" | "vie" => Some(Lang::Vi),
            "en" | "en-us" | "en_us" | "en-gb" | "en_gb" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language asked for by `BANGVANG_LANG`, if it names one.
    pub fn from_env() -> Option<Lang> {
        std::env::var("BANGVANG_LANG")
            .ok()
            .and_then(|v| Lang::parse(&v))
    }
}

/// The environment variable that chooses the language.
pub const LANG_VAR: &str = "BANGVANG_LANG";

static LANG: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of every message this process shows.
pub fn set_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::Vi => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language chosen (Vietnamese until [`set_lang`] says otherwise).
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        0 => Lang::Vi,
        _ => Lang::En,
    }
}

/// `message` in the chosen language: itself in English, its translation in
/// Vietnamese, or itself again when the catalogue has no entry for it.
pub fn tr(message: &str) -> Cow<'_, str> {
    tr_in(lang(), message)
}

/// `message` in `lang`.
pub fn tr_in(lang: Lang, message: &str) -> Cow<'_, str> {
    let translated = match lang {
        Lang::En if missing_log().is_none() => return Cow::Borrowed(message),
        _ => translate(message),
    };
    if translated.is_none() {
        note_missing(message);
    }
    match (lang, translated) {
        (Lang::Vi, Some(vi)) => Cow::Owned(vi),
        _ => Cow::Borrowed(message),
    }
}

/// The variable naming a file where each message shown that the catalogue
/// lacks is appended, one a line, in either language: run the tests with it
/// set to find them (`BANGVANG_MESSAGES_MISSING=/tmp/missing cargo test`).
pub const MISSING_VAR: &str = "BANGVANG_MESSAGES_MISSING";

fn missing_log() -> Option<&'static std::path::Path> {
    static PATH: OnceLock<Option<std::path::PathBuf>> = OnceLock::new();
    PATH.get_or_init(|| std::env::var_os(MISSING_VAR).map(Into::into))
        .as_deref()
}

fn note_missing(message: &str) {
    if let Some(path) = missing_log() {
        use std::io::Write;
        if let Ok(mut file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let _ = writeln!(file, "{}", message.replace('\n', "\\n"));
        }
    }
}

/// The Vietnamese of an English message, if the catalogue has it.
pub fn translate(message: &str) -> Option<String> {
    catalogue().translate(message)
}

/// The word before a message: `error`, `warning`, `help`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Error,
    Warning,
    Help,
}

impl Label {
    pub fn word(self) -> &'static str {
        match (lang(), self) {
            (Lang::En, Label::Error) => "error",
            (Lang::En, Label::Warning) => "warning",
            (Lang::En, Label::Help) => "help",
            (Lang::Vi, Label::Error) => "lỗi",
            (Lang::Vi, Label::Warning) => "cảnh báo",
            (Lang::Vi, Label::Help) => "gợi ý",
        }
    }
}

/// Which command a summary is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// `bangvang build`.
    Published,
    /// `bangvang check`.
    Checked,
}

/// What a build or check that succeeded did, on one line.
pub struct Done<'a> {
    pub verb: Verb,
    pub pages: usize,
    pub data_files: usize,
    pub files_copied: usize,
    pub held_back: usize,
    pub warnings: usize,
    pub millis: u128,
    /// Where the site was written (`None` for `check`).
    pub output: Option<&'a str>,
}

/// The last line of a build or check that succeeded.
pub fn done(d: &Done) -> String {
    match lang() {
        Lang::En => {
            let verb = match d.verb {
                Verb::Published => "published",
                Verb::Checked => "checked",
            };
            let held = if d.held_back > 0 {
                format!(", {} held back (drafts or dated after today)", d.held_back)
            } else {
                String::new()
            };
            let destination = match d.output {
                Some(output) => format!("→ {output}"),
                None => "nothing written".to_owned(),
            };
            format!(
                "{verb} {} pages, {} data files, {} files copied{held}, {} warnings in {} ms {destination}",
                d.pages, d.data_files, d.files_copied, d.warnings, d.millis
            )
        }
        Lang::Vi => {
            let verb = match d.verb {
                Verb::Published => "Đã xuất bản",
                Verb::Checked => "Đã kiểm tra",
            };
            let held = if d.held_back > 0 {
                format!(
                    ", {} trang chưa xuất bản (bản nháp hoặc ghi ngày sau hôm nay)",
                    d.held_back
                )
            } else {
                String::new()
            };
            let destination = match d.output {
                Some(output) => format!("→ {output}"),
                None => "không ghi gì".to_owned(),
            };
            format!(
                "{verb} {} trang, {} tệp dữ liệu, sao chép {} tệp{held}, {} cảnh báo, trong {} ms {destination}",
                d.pages, d.data_files, d.files_copied, d.warnings, d.millis
            )
        }
    }
}

/// The last line of a build or check that failed.
pub fn failed(verb: Verb, errors: usize, warnings: usize) -> String {
    match lang() {
        Lang::En => {
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            let verb = match verb {
                Verb::Published => "published",
                Verb::Checked => "checked",
            };
            format!(
                "{errors} error{}, {warnings} warning{}; nothing was {verb}, the output is unchanged",
                plural(errors),
                plural(warnings)
            )
        }
        Lang::Vi => {
            let verb = match verb {
                Verb::Published => "chưa xuất bản gì",
                Verb::Checked => "kiểm tra không đạt",
            };
            format!("{errors} lỗi, {warnings} cảnh báo; {verb}, thư mục xuất bản giữ nguyên")
        }
    }
}

/// Every line of the catalogue, as written.
pub const CATALOGUE: &str = include_str!("vi.tsv");

/// The catalogue, parsed once.
fn catalogue() -> &'static Catalogue {
    static CATALOGUE_MAP: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE_MAP.get_or_init(|| Catalogue::parse(CATALOGUE))
}

/// One English pattern: literal chunks with a hole between each two.
#[derive(Debug)]
struct Pattern {
    /// `unknown key `{}` in {}` → ["unknown key `", "` in ", ""].
    chunks: Vec<String>,
    /// The Vietnamese, `{1}`, `{2}` … marking where the pieces go.
    vi: String,
    /// How many characters of the English are literal: of two patterns that
    /// match, the one with more wins (`… in the front matter` over `… in {}`).
    literal: usize,
    /// For each hole, whether it quotes the editor's text (after a backtick,
    /// `“`, `/`, `<` or `U+`): such a piece is never translated, even if it
    /// reads like English (a key named `text`).
    quoted: Vec<bool>,
}

/// The patterns, looked up by the start of their first chunk.
#[derive(Debug, Default)]
struct Catalogue {
    /// Messages with no hole.
    exact: HashMap<String, String>,
    /// Patterns by the first [`KEY_CHARS`] characters of their first chunk.
    by_start: HashMap<String, Vec<Pattern>>,
    /// Patterns whose first chunk is shorter than that: tried for every message.
    short: Vec<Pattern>,
}

/// How many characters of a message pick the patterns it is tried against.
const KEY_CHARS: usize = 4;

fn key(text: &str) -> Option<&str> {
    let end = text.char_indices().nth(KEY_CHARS).map(|(i, _)| i);
    match end {
        Some(end) => Some(&text[..end]),
        None if text.chars().count() == KEY_CHARS => Some(text),
        None => None,
    }
}

/// A line of the catalogue, split: the English and the Vietnamese. Lines
/// that are empty or start with `#` are comments (`None`).
pub fn catalogue_lines()
-> impl Iterator<Item = (usize, Result<(&'static str, &'static str), String>)> {
    CATALOGUE.lines().enumerate().filter_map(|(i, line)| {
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        Some((
            i + 1,
            match columns[..] {
                [en, vi] if !en.is_empty() && !vi.is_empty() => Ok((en, vi)),
                _ => Err(format!("{} columns, not 2", columns.len())),
            },
        ))
    })
}

/// The literal chunks of an English pattern: text between its `{}`.
pub fn chunks(english: &str) -> Vec<&str> {
    english.split("{}").collect()
}

/// The `{N}` of a Vietnamese pattern, in order.
pub fn places(vietnamese: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = vietnamese;
    while let Some(i) = rest.find('{') {
        rest = &rest[i + 1..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() && rest[digits.len()..].starts_with('}') {
            out.push(digits.parse().unwrap_or(0));
            rest = &rest[digits.len() + 1..];
        }
    }
    out
}

impl Catalogue {
    fn parse(text: &str) -> Catalogue {
        let mut catalogue = Catalogue::default();
        for line in text.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((en, vi)) = line.split_once('\t') else {
                continue;
            };
            if !en.contains("{}") {
                catalogue.exact.insert(en.to_owned(), vi.to_owned());
                continue;
            }
            let chunks: Vec<String> = chunks(en).into_iter().map(str::to_owned).collect();
            let quoted = chunks[..chunks.len() - 1]
                .iter()
                .map(|c| ["`", "“", "/", "<", "U+"].iter().any(|q| c.ends_with(q)))
                .collect();
            let pattern = Pattern {
                literal: chunks.iter().map(|c| c.chars().count()).sum(),
                chunks,
                vi: vi.to_owned(),
                quoted,
            };
            match key(&pattern.chunks[0]) {
                Some(start) => catalogue
                    .by_start
                    .entry(start.to_owned())
                    .or_default()
                    .push(pattern),
                None => catalogue.short.push(pattern),
            }
        }
        catalogue
    }

    fn translate(&self, message: &str) -> Option<String> {
        if let Some(vi) = self.exact.get(message) {
            return Some(vi.clone());
        }
        let candidates = key(message)
            .and_then(|k| self.by_start.get(k))
            .into_iter()
            .flatten()
            .chain(&self.short);
        let mut best: Option<(&Pattern, Vec<&str>)> = None;
        for pattern in candidates {
            if best
                .as_ref()
                .is_some_and(|(b, _)| b.literal >= pattern.literal)
            {
                continue;
            }
            if let Some(pieces) = matches(&pattern.chunks, message) {
                best = Some((pattern, pieces));
            }
        }
        let (pattern, pieces) = best?;
        // A piece that is a message of its own (`the front matter`, a help
        // line a longer help starts with) is translated too; each piece is
        // shorter than the message, so this ends.
        let pieces: Vec<Cow<str>> = pieces
            .iter()
            .zip(&pattern.quoted)
            .map(|(piece, quoted)| match (quoted, piece.is_empty()) {
                (false, false) => self
                    .translate(piece)
                    .map_or(Cow::Borrowed(*piece), Cow::Owned),
                _ => Cow::Borrowed(*piece),
            })
            .collect();
        Some(fill(&pattern.vi, &pieces))
    }
}

/// The pieces of `message` the holes between `chunks` take, the first hole
/// taking as little as lets the rest match; the whole message must match.
fn matches<'m>(chunks: &[String], message: &'m str) -> Option<Vec<&'m str>> {
    let (first, rest) = chunks.split_first()?;
    let after = message.strip_prefix(first.as_str())?;
    let mut pieces = Vec::with_capacity(rest.len());
    holes(rest, after, &mut pieces).then_some(pieces)
}

fn holes<'m>(chunks: &[String], text: &'m str, pieces: &mut Vec<&'m str>) -> bool {
    let Some((next, rest)) = chunks.split_first() else {
        return text.is_empty();
    };
    if rest.is_empty() {
        // The last chunk ends the message.
        return match text.strip_suffix(next.as_str()) {
            Some(piece) => {
                pieces.push(piece);
                true
            }
            None => false,
        };
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(next.as_str()) {
        let at = from + i;
        pieces.push(&text[..at]);
        if holes(rest, &text[at + next.len()..], pieces) {
            return true;
        }
        pieces.pop();
        // On to the next place the chunk occurs (an empty chunk: the next
        // character).
        match text[at..].chars().next() {
            Some(c) => from = at + c.len_utf8(),
            None => break,
        }
    }
    false
}

/// The Vietnamese pattern with each `{N}` replaced by piece N (from 1).
fn fill(vi: &str, pieces: &[Cow<str>]) -> String {
    let mut out = String::with_capacity(vi.len() + pieces.iter().map(|p| p.len()).sum::<usize>());
    let mut rest = vi;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let digits: String = rest[1..].chars().take_while(char::is_ascii_digit).collect();
        let n: Option<usize> = digits.parse().ok();
        match n {
            Some(n) if n >= 1 && n <= pieces.len() && rest[1 + digits.len()..].starts_with('}') => {
                out.push_str(&pieces[n - 1]);
                rest = &rest[digits.len() + 2..];
            }
            _ => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue(text: &str) -> Catalogue {
        Catalogue::parse(text)
    }

    #[test]
    fn holes_take_the_shortest_piece_that_lets_the_rest_match() {
        let c = catalogue(
            "unknown key `{}` in {}\tkhóa `{1}` không có trong {2}\n\
             the front matter\tphần đầu trang\n\
             {} is after {}\t{2} trước {1}\n",
        );
        assert_eq!(
            c.translate("unknown key `titel` in the front matter")
                .as_deref(),
            Some("khóa `titel` không có trong phần đầu trang")
        );
        // A value holding the next chunk itself.
        assert_eq!(
            c.translate("unknown key `a` in b` in c` in d").as_deref(),
            Some("khóa `a` không có trong b` in c` in d")
        );
        assert_eq!(c.translate("x is after y").as_deref(), Some("y trước x"));
        // Quoted pieces are the editor's text, never translated.
        assert_eq!(
            c.translate("unknown key `the front matter` in the front matter")
                .as_deref(),
            Some("khóa `the front matter` không có trong phần đầu trang")
        );
        assert_eq!(c.translate("unknown key"), None);
        assert_eq!(
            c.translate("unknown key `a` in"),
            None,
            "anchored at the end"
        );
    }

    #[test]
    fn the_pattern_with_more_literal_text_wins() {
        let c = catalogue(
            "unknown key `{}` in {}\tkhóa `{1}` không có trong {2}\n\
             unknown key `{}` in the front matter\tphần đầu trang không có khóa `{1}`\n",
        );
        assert_eq!(
            c.translate("unknown key `titel` in the front matter")
                .as_deref(),
            Some("phần đầu trang không có khóa `titel`")
        );
    }

    #[test]
    fn short_starts_and_empty_pieces_are_found() {
        let c = catalogue("{}% is more than 100%\t{1}% lớn hơn 100%\n`{}` x{}\t`{1}` y{2}\n");
        assert_eq!(
            c.translate("120% is more than 100%").as_deref(),
            Some("120% lớn hơn 100%")
        );
        assert_eq!(c.translate("`a` x").as_deref(), Some("`a` y"));
    }

    #[test]
    fn english_is_the_message_itself() {
        let message = "unknown key `titel` in the front matter";
        assert_eq!(tr_in(Lang::En, message), message);
        assert_eq!(
            tr_in(Lang::Vi, message),
            "không biết khóa `titel` trong phần đầu tệp"
        );
        assert_eq!(
            tr_in(Lang::Vi, "no such message, ever"),
            "no such message, ever"
        );
    }

    #[test]
    fn languages_are_named_vi_and_en() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("vi"), Some(Lang::Vi));
        assert_eq!(Lang::parse("fr"), None);
    }
}
