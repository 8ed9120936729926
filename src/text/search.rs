//! Words as the site's search sees them (`/tim-kiem/` and the roll of
//! honour). A text is split into words: runs of letters and digits, a
//! letter's marks included. Each word has two keys, both made here and, the
//! same way, by the theme's scripts (`tim-kiem.js`, `bang-vang.js`), which
//! tests/search.rs checks against each other:
//!
//! - the **folded** key: lowercase, without tones or letter marks, `đ` → `d`.
//!   "Hòa", "Hoà", "hoa" and "HÒA" have the same, so that a word typed
//!   without diacritics finds every spelling. (Decomposing alone, as most
//!   search tools do, leaves `đ` apart: it has no decomposition.)
//! - the **spelling** key: lowercase with the letter marks kept and the tone
//!   moved to the end (`hòa` and `hoà` both give "hoa`"), so that a word typed
//!   with its diacritics can rank the pages that spell it so ("Đức") above
//!   the ones that merely fold alike ("dục"), whatever tone placement either
//!   side uses.
//!
//! The folding of the Latin letters is read from a table made once from
//! their Unicode decompositions, not decomposed again for each word: the
//! search index folds every word of every page.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::compose;

/// The five Vietnamese tones as combining marks, and the character that
/// stands for each at the end of a spelling key (Telex's, and none of them a
/// letter or a digit, so a key cannot be read as another word's).
const TONES: [(char, char); 5] = [
    ('\u{300}', '`'),  // huyền
    ('\u{301}', '\''), // sắc
    ('\u{303}', '~'),  // ngã
    ('\u{309}', '?'),  // hỏi
    ('\u{323}', '.'),  // nặng
];

fn tone_sign(mark: char) -> Option<char> {
    TONES.iter().find(|(m, _)| *m == mark).map(|(_, s)| *s)
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Whether `c` belongs to a word: a letter or a digit (Unicode's Alphabetic
/// or Numeric, the scripts' `[\p{Alphabetic}\p{N}]`), or a combining mark of
/// the letter before it.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// How one character enters the keys.
#[derive(Clone, Copy)]
struct Letter {
    /// Lowercase, without its marks; `đ` is `d`.
    folded: char,
    /// Lowercase, with its letter marks but not its tone.
    spelled: char,
    /// Its tone's sign, if it carries one.
    tone: Option<char>,
}

/// The letters from U+0080 to U+024F and U+1E00 to U+1EFF (Latin-1,
/// Latin Extended-A and -B, Latin Extended Additional: every Vietnamese
/// letter), made once.
fn table() -> &'static [Option<Letter>] {
    static TABLE: OnceLock<Vec<Option<Letter>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLE_LEN)
            .map(|i| char::from_u32(table_char(i)).and_then(letter_of))
            .collect()
    })
}

const LOW_END: u32 = 0x250;
const HIGH_START: u32 = 0x1e00;
const HIGH_END: u32 = 0x1f00;
const TABLE_LEN: u32 = (LOW_END - 0x80) + (HIGH_END - HIGH_START);

fn table_char(i: u32) -> u32 {
    if i < LOW_END - 0x80 {
        0x80 + i
    } else {
        HIGH_START + i - (LOW_END - 0x80)
    }
}

fn table_index(c: char) -> Option<usize> {
    let c = c as u32;
    match c {
        0x80..LOW_END => Some((c - 0x80) as usize),
        HIGH_START..HIGH_END => Some((c - HIGH_START + (LOW_END - 0x80)) as usize),
        _ => None,
    }
}

/// A letter's keys from its decomposition: what the scripts do with
/// `normalize("NFD")`. `None` for a character that is not one letter
/// (lowercasing to several, or not a letter at all).
fn letter_of(c: char) -> Option<Letter> {
    let mut lower = c.to_lowercase();
    let lower = match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => return None,
    };
    let mut parts = std::iter::once(lower).nfd();
    let base = parts.next()?;
    let mut spelled = base;
    let mut tone = None;
    for mark in parts {
        match tone_sign(mark) {
            Some(sign) => tone = Some(sign),
            None => spelled = compose(spelled, mark)?,
        }
    }
    let folded = if base == 'đ' { 'd' } else { base };
    Some(Letter {
        folded,
        spelled,
        tone,
    })
}

/// Appends the folded and the spelling key of `word` (letters, digits and
/// marks only: one word of [`split`]) to the two buffers.
pub fn keys(word: &str, folded: &mut String, spelled: &mut String) {
    let mut tone = None;
    for c in word.chars() {
        if c.is_ascii() {
            let l = c.to_ascii_lowercase();
            folded.push(l);
            spelled.push(l);
            continue;
        }
        if is_mark(c) {
            match tone_sign(c) {
                Some(sign) => tone = Some(sign),
                // A letter typed decomposed (NFD): composed again, as the
                // scripts' `normalize("NFC")` does.
                None => match spelled.pop() {
                    Some(last) => match compose(last, c) {
                        Some(both) => spelled.push(both),
                        None => {
                            spelled.push(last);
                            spelled.push(c);
                        }
                    },
                    None => spelled.push(c),
                },
            }
            continue;
        }
        let letter = match table_index(c) {
            Some(i) => table()[i],
            None => letter_of(c),
        };
        match letter {
            Some(letter) => {
                folded.push(letter.folded);
                spelled.push(letter.spelled);
                tone = letter.tone.or(tone);
            }
            // A letter that lowercases to several (İ): as it lowercases.
            None => {
                for l in c.to_lowercase() {
                    folded.extend(std::iter::once(l).nfd().filter(|m| !is_mark(*m)));
                    spelled.push(l);
                }
            }
        }
    }
    if let Some(sign) = tone {
        spelled.push(sign);
    }
}

/// The folded key of one word.
pub fn folded(word: &str) -> String {
    let (mut folded, mut spelled) = (String::new(), String::new());
    keys(word, &mut folded, &mut spelled);
    folded
}

/// The spelling key of one word.
pub fn spelled(word: &str) -> String {
    let (mut folded, mut spelled) = (String::new(), String::new());
    keys(word, &mut folded, &mut spelled);
    spelled
}

/// Calls `each` with every word of `text` and its byte offset, in order.
/// ASCII is classified a byte at a time: most of a page's bytes are.
pub fn split<'t>(text: &'t str, mut each: impl FnMut(usize, &'t str)) {
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (inside, width) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (is_word_char(c), c.len_utf8())
        };
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                each(s, &text[s..i]);
                start = None;
            }
            _ => {}
        }
        i += width;
    }
    if let Some(s) = start {
        each(s, &text[s..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(word: &str) -> (String, String) {
        (folded(word), spelled(word))
    }

    #[test]
    fn diacritics_fold_away_and_d_is_d() {
        for (word, key) in [
            ("Đường", "duong"),
            ("đua", "dua"),
            ("ĐIỂN", "dien"),
            ("hình", "hinh"),
            ("Nghị", "nghi"),
            ("Tư", "tu"),
            ("Hoà", "hoa"),
            ("hòa", "hoa"),
            ("Quyết", "quyet"),
            ("2022", "2022"),
            ("QĐ", "qd"),
        ] {
            assert_eq!(folded(word), key, "{word}");
        }
    }

    #[test]
    fn spelling_keeps_letter_marks_and_puts_the_tone_last() {
        assert_eq!(spelled("Đức"), "đưc'");
        assert_eq!(spelled("dục"), "duc.");
        assert_ne!(spelled("Đức"), spelled("dục"));
        // Old and new tone placement spell alike.
        assert_eq!(spelled("hoà"), spelled("hòa"));
        assert_eq!(spelled("Thuỷ"), spelled("thủy"));
        assert_eq!(spelled("khoẻ"), spelled("khỏe"));
        assert_eq!(spelled("hoà"), "hoa`");
        // A word without a tone has no sign; one typed decomposed (NFD) is
        // the same word.
        assert_eq!(spelled("thi"), "thi");
        let nfd: String = "Nguyễn".nfd().collect();
        assert_eq!(both(&nfd), both("Nguyễn"));
        assert_eq!(spelled("Nguyễn"), "nguyên~");
    }

    #[test]
    fn every_vietnamese_letter_folds_to_its_base() {
        let vowels = "aăâeêioôơuưy";
        let tones = ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"];
        for v in vowels.chars() {
            let base = folded(&v.to_string());
            assert_eq!(base.len(), 1, "{v}");
            for t in tones {
                let letter: String = format!("{v}{t}").nfc().collect();
                assert_eq!(folded(&letter), base, "{letter}");
                assert_eq!(folded(&letter.to_uppercase()), base, "{letter}");
                assert_eq!(
                    spelled(&letter.to_uppercase()),
                    spelled(&letter),
                    "{letter}"
                );
            }
        }
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let mut words = Vec::new();
        split(
            "Quyết định số 15/QĐ-UBND, ngày 03.02.2022 (mẫu)…",
            |at, w| words.push((at, w.to_owned())),
        );
        let only: Vec<&str> = words.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            only,
            [
                "Quyết", "định", "số", "15", "QĐ", "UBND", "ngày", "03", "02", "2022", "mẫu"
            ]
        );
        assert_eq!(words[1].0, "Quyết ".len());
        let mut decomposed = Vec::new();
        split(
            &"thi đua khen thưởng".nfd().collect::<String>(),
            |_, w| decomposed.push(folded(w)),
        );
        assert_eq!(decomposed, ["thi", "dua", "khen", "thuong"]);
    }
}
