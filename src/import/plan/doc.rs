//! A plan as read from its file, before anything is made of it: the
//! document's blocks (paragraphs and tables) in order, each paragraph a list
//! of spans of text with their emphasis. A .docx and a .txt both become this,
//! so that reading the fields (`read`) and writing the Markdown (`write`) do
//! not care which the editor gave.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A run of text with one formatting. `\n` in the text is a line break
/// (Word's Shift+Enter, a .txt's next line), `\t` a tab.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// A hyperlink's target.
    pub link: Option<String>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }

    fn same_format(&self, other: &Span) -> bool {
        self.bold == other.bold && self.italic == other.italic && self.link == other.link
    }
}

/// Where a block is in its file, to point the editor at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// The 1-based paragraph of a document (table cells' paragraphs count).
    Paragraph(u32),
    /// The 1-based line of a text file.
    Line(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    /// The text, its automatic label ("a) ", "- ") written in front.
    pub spans: Vec<Span>,
    pub at: At,
}

impl Para {
    /// The paragraph's text, NFC, without formatting.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// Its lines (split at line breaks), each trimmed, empty ones left out.
    pub fn lines(&self) -> Vec<String> {
        self.text()
            .split('\n')
            .map(|l| l.replace('\t', " ").trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// Adjacent spans of the same formatting merged into one, then each
    /// made NFC; a combining mark that starts a span (Word cuts runs by
    /// code point) joins the letter before it first.
    pub fn normalize(&mut self) {
        let mut merged: Vec<Span> = Vec::with_capacity(self.spans.len());
        for span in self.spans.drain(..) {
            if span.text.is_empty() {
                continue;
            }
            match merged.last_mut() {
                Some(last) if last.same_format(&span) => last.text.push_str(&span.text),
                Some(last) => {
                    let marks: usize = span
                        .text
                        .chars()
                        .take_while(|c| is_combining_mark(*c))
                        .map(char::len_utf8)
                        .sum();
                    last.text.push_str(&span.text[..marks]);
                    let mut span = span;
                    span.text.drain(..marks);
                    if !span.text.is_empty() {
                        merged.push(span);
                    }
                }
                None => merged.push(span),
            }
        }
        for span in &mut merged {
            span.text = span.text.nfc().collect();
        }
        self.spans = merged;
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Rows of cells; each cell its paragraphs (nested tables flattened
    /// into their paragraphs).
    pub rows: Vec<Vec<Vec<Para>>>,
    /// Whether the first row is marked as a header (Word's "Repeat as
    /// header row"), or, in a .txt, taken to be one.
    pub header: bool,
    pub at: At,
}

impl Table {
    /// Every paragraph of the table, row by row, cell by cell.
    pub fn paras(&self) -> impl Iterator<Item = &Para> {
        self.rows.iter().flatten().flatten()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Para(Para),
    Table(Table),
}

impl Block {
    pub fn at(&self) -> At {
        match self {
            Block::Para(p) => p.at,
            Block::Table(t) => t.at,
        }
    }

    /// The paragraphs of the block: itself, or a table's.
    pub fn paras(&self) -> Vec<&Para> {
        match self {
            Block::Para(p) => vec![p],
            Block::Table(t) => t.paras().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_joined_before_they_are_normalized() {
        // "Kế" in NFD, cut after the "e" + dot below, the circumflex in a
        // bold run: the mark joins the letter, the bold run keeps the rest.
        let mut p = Para {
            spans: vec![
                Span::plain("Ke\u{323}"),
                Span {
                    text: "\u{302} hoạch".into(),
                    bold: true,
                    ..Span::default()
                },
            ],
            at: At::Paragraph(1),
        };
        p.normalize();
        assert_eq!(p.spans[0].text, "Kệ");
        assert_eq!(p.spans[1].text, " hoạch");
        let mut q = Para {
            spans: vec![Span::plain("Ke\u{323}"), Span::plain("\u{302}")],
            at: At::Paragraph(1),
        };
        q.normalize();
        assert_eq!(q.text(), "Kệ");
    }
}
