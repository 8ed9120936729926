//! Vietnamese text: slugs, dates as written and as shown, alphabetical order and search keys, and the
//! "did you mean" suggestions of error messages.

pub(crate) mod collate;
pub mod date;
pub mod search;
pub(crate) mod slug;
pub(crate) mod suggest;
pub(crate) mod vi_date;

/// Whether a character shows nothing on the page: white space of any width,
/// and the format characters that are invisible by design (zero-width
/// spaces and joiners, soft hyphens, direction marks, word joiners,
/// variation selectors, the Hangul fillers and the byte order mark).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
            | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{2800}' | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}' | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}')
}

/// A spreadsheet's name of a 0-based column: `A`, `Z`, `AA`, …, `XFD`.
pub fn column_name(col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Whether a text shows nothing at all: empty, or only [`is_invisible`]
/// characters. A title or a name like that is an empty line on the page.
pub fn shows_nothing(text: &str) -> bool {
    text.chars().all(is_invisible)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_text_is_recognized() {
        for blank in [
            "",
            " ",
            "\u{200b}",
            "\u{a0}\u{3000}",
            "\u{feff}\u{ad}",
            "\u{2800}",
            "\u{3164}",
        ] {
            assert!(shows_nothing(blank), "{blank:?}");
        }
        for shown in ["a", " Hòa", "\u{200b}1", "—", "\u{1f3c5}"] {
            assert!(!shows_nothing(shown), "{shown:?}");
        }
    }
}
