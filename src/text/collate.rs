//! Vietnamese alphabetical order and diacritic-insensitive search keys.
//!
//! The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
//! (f, j, w, z, found in foreign names, sit at their Latin places). Tones are a
//! secondary difference, compared only when the letters are equal, in the order of
//! Vietnamese dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ). Case is
//! the last resort. Unicode code-point order, which puts "Đ" after "Z" and "Á" after
//! "Z", is never used for people's names.

use unicode_normalization::UnicodeNormalization;

const BREVE: char = '\u{0306}';
const CIRCUMFLEX: char = '\u{0302}';
const HORN: char = '\u{031b}';

/// Tone of a combining mark, 1–5; 0 when the mark is not a tone.
fn tone(mark: char) -> u8 {
    match mark {
        '\u{0300}' => 1, // huyền
        '\u{0309}' => 2, // hỏi
        '\u{0303}' => 3, // ngã
        '\u{0301}' => 4, // sắc
        '\u{0323}' => 5, // nặng
        _ => 0,
    }
}

/// Primary weight of a base letter with its letter-forming mark (ă, â, ê, ô, ơ, ư).
/// Digits come before letters; other characters after, by code point.
fn primary(base: char, modifier: Option<char>) -> u32 {
    const ALPHABET: &[(char, Option<char>)] = &[
        ('a', None),
        ('a', Some(BREVE)),
        ('a', Some(CIRCUMFLEX)),
        ('b', None),
        ('c', None),
        ('d', None),
        ('đ', None),
        ('e', None),
        ('e', Some(CIRCUMFLEX)),
        ('f', None),
        ('g', None),
        ('h', None),
        ('i', None),
        ('j', None),
        ('k', None),
        ('l', None),
        ('m', None),
        ('n', None),
        ('o', None),
        ('o', Some(CIRCUMFLEX)),
        ('o', Some(HORN)),
        ('p', None),
        ('q', None),
        ('r', None),
        ('s', None),
        ('t', None),
        ('u', None),
        ('u', Some(HORN)),
        ('v', None),
        ('w', None),
        ('x', None),
        ('y', None),
        ('z', None),
    ];
    if base.is_ascii_digit() {
        return 10 + base as u32 - '0' as u32;
    }
    match ALPHABET.iter().position(|&l| l == (base, modifier)) {
        Some(i) => 100 + i as u32,
        None => 1000 + base as u32,
    }
}

/// The collation key of one string: primary, secondary (tones) and tertiary
/// (case) weights, compared level by level.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    primary: Vec<u32>,
    tones: Vec<u8>,
    case: Vec<u8>,
}

pub fn key(text: &str) -> Key {
    let mut k = Key {
        primary: Vec::with_capacity(text.len()),
        tones: Vec::with_capacity(8),
        case: Vec::with_capacity(text.len()),
    };
    // A syllable has one tone wherever the mark sits ("hoà" = "hòa"): tones are
    // compared per word, not per letter.
    let mut word_tone = 0u8;
    let mut in_word = false;
    let mut chars = text.nfd().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() || is_punctuation(c) {
            if in_word {
                k.tones.push(word_tone);
                word_tone = 0;
                in_word = false;
                // Word boundaries compare lowest: "An Bình" < "Anh".
                k.primary.push(1);
                k.case.push(0);
            }
            continue;
        }
        if is_combining(c) {
            continue; // a stray mark with no letter before it
        }
        in_word = true;
        let lower = c.to_lowercase().next().unwrap_or(c);
        let mut modifier = None;
        while let Some(&m) = chars.peek() {
            if !is_combining(m) {
                break;
            }
            if matches!(m, BREVE | CIRCUMFLEX | HORN) {
                modifier = Some(m);
            } else if tone(m) > 0 {
                word_tone = tone(m);
            }
            chars.next();
        }
        k.primary.push(primary(lower, modifier));
        k.case.push(u8::from(c != lower));
    }
    if in_word {
        k.tones.push(word_tone);
    } else if k.primary.last() == Some(&1) {
        k.primary.pop();
        k.case.pop();
    }
    k
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || matches!(c, '–' | '—' | '“' | '”' | '‘' | '’')
}

/// The sort key of a person's name: by given name (the last word), then the middle
/// names in order, then the family name, each compared fully before the next.
pub fn name_key(name: &str) -> Vec<Key> {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.split_last() {
        None => Vec::new(),
        Some((given, rest)) => {
            let mut parts = Vec::with_capacity(words.len());
            parts.push(key(given));
            if let Some((family, middle)) = rest.split_first() {
                parts.extend(middle.iter().map(|w| key(w)));
                parts.push(key(family));
            }
            parts
        }
    }
}

/// The last part of a site path: `ke-hoach-2022` of `phong-trao/ke-hoach-2022/`.
pub fn last_segment(path: &str) -> &str {
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
}

/// The first letter of a word in the Vietnamese alphabet, as a heading ("Đ",
/// "Ă") and as an ASCII slug in Telex spelling ("dd", "aw"), for splitting a long
/// list of names into pages by initial. Letters outside the alphabet give "#".
pub fn initial(word: &str) -> (String, &'static str) {
    const TELEX: &[(&str, &str)] = &[
        ("A", "a"),
        ("Ă", "aw"),
        ("Â", "aa"),
        ("B", "b"),
        ("C", "c"),
        ("D", "d"),
        ("Đ", "dd"),
        ("E", "e"),
        ("Ê", "ee"),
        ("F", "f"),
        ("G", "g"),
        ("H", "h"),
        ("I", "i"),
        ("J", "j"),
        ("K", "k"),
        ("L", "l"),
        ("M", "m"),
        ("N", "n"),
        ("O", "o"),
        ("Ô", "oo"),
        ("Ơ", "ow"),
        ("P", "p"),
        ("Q", "q"),
        ("R", "r"),
        ("S", "s"),
        ("T", "t"),
        ("U", "u"),
        ("Ư", "uw"),
        ("V", "v"),
        ("W", "w"),
        ("X", "x"),
        ("Y", "y"),
        ("Z", "z"),
    ];
    let mut chars = word.nfd();
    let Some(base) = chars.next() else {
        return ("#".into(), "khac");
    };
    let modifier = chars
        .take_while(|c| is_combining(*c))
        .find(|c| matches!(*c, BREVE | CIRCUMFLEX | HORN));
    let mut letter: String = std::iter::once(base)
        .chain(modifier)
        .collect::<String>()
        .nfc()
        .collect();
    letter = letter.to_uppercase();
    match TELEX.iter().find(|(l, _)| *l == letter) {
        Some((label, slug)) => ((*label).to_owned(), slug),
        None => ("#".into(), "khac"),
    }
}

/// Lowercase, without tones or letter marks, `đ` → `d`, spaces collapsed: the form
/// in which "Hòa", "Hoà" and "hoa" are equal, for search.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfd() {
        if is_combining(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The text the roll's search matches against: [`fold`]ed, with every character
/// that is not a letter or a digit turned into a space, so that each word can be
/// found by its beginning ("(mẫu)" by "mau").
pub fn search_key(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || is_combining(c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    fold(&spaced)
}

/// The key under which two spellings of the same words are equal: lowercase, single spaces, each syllable's
/// tone moved to its end (so "hoà" and "hòa", "khoá" and "khóa" are equal), and a
/// final "y" after a consonant read as "i" ("sỹ" = "sĩ", "kỹ" = "kĩ").
pub fn spelling_key(title: &str) -> String {
    let mut out = String::with_capacity(title.len() + 8);
    for (i, word) in title.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        syllable_key(word, &mut out);
    }
    out
}

fn syllable_key(word: &str, out: &mut String) {
    let mut tone = None;
    let mut letters = String::with_capacity(word.len());
    for c in word.nfd().flat_map(char::to_lowercase) {
        match c {
            '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}' => tone = Some(c),
            c => letters.push(c),
        }
    }
    let mut letters: String = letters.nfc().collect();
    if letters.ends_with('y') {
        let before = letters[..letters.len() - 1].chars().last();
        if before.is_some_and(|b| b.is_alphabetic() && !"aăâeêioôơuưy".contains(b)) {
            letters.pop();
            letters.push('i');
        }
    }
    out.push_str(&letters);
    if let Some(t) = tone {
        out.push(t);
    }
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use super::*;

    fn sorted(mut names: Vec<&str>) -> Vec<&str> {
        names.sort_by_key(|n| name_key(n));
        names
    }

    #[test]
    fn given_names_in_vietnamese_order() {
        let names = vec![
            "Lê Văn Đức",
            "Trần Thị Ân",
            "Phạm Văn Dũng",
            "Nguyễn Thị Ánh",
            "Hoàng Văn Bình",
            "Nguyễn Văn Anh",
        ];
        assert_eq!(
            sorted(names),
            [
                "Nguyễn Văn Anh",
                "Nguyễn Thị Ánh",
                "Trần Thị Ân",
                "Hoàng Văn Bình",
                "Phạm Văn Dũng",
                "Lê Văn Đức",
            ]
        );
    }

    #[test]
    fn same_given_name_orders_by_middle_then_family_name() {
        let names = vec!["Trần Văn Hoa", "Nguyễn Thị Hoa", "Lê Thị Hoa"];
        assert_eq!(
            sorted(names),
            ["Lê Thị Hoa", "Nguyễn Thị Hoa", "Trần Văn Hoa"]
        );
    }

    #[test]
    fn tones_follow_dictionary_order() {
        let mut words = vec!["ạ", "á", "ã", "ả", "à", "a"];
        words.sort_by_key(|w| key(w));
        assert_eq!(words, ["a", "à", "ả", "ã", "á", "ạ"]);
        assert_eq!(key("Đông").cmp(&key("Dung")), Ordering::Greater);
        assert_eq!(key("Zê").cmp(&key("Đa")), Ordering::Greater);
    }

    #[test]
    fn nfd_and_nfc_and_tone_placement_sort_the_same() {
        assert_eq!(key("Ho\u{0300}a"), key("Hòa"));
        assert_eq!(key("Hoà"), key("Hòa"));
        assert_eq!(key("khoá học"), key("khóa học"));
    }

    #[test]
    fn initials_keep_their_letter_marks_but_not_tones() {
        assert_eq!(initial("Ánh"), ("A".to_owned(), "a"));
        assert_eq!(initial("Ân"), ("Â".to_owned(), "aa"));
        assert_eq!(initial("đức"), ("Đ".to_owned(), "dd"));
        assert_eq!(initial("Ước"), ("Ư".to_owned(), "uw"));
        assert_eq!(initial("1A"), ("#".to_owned(), "khac"));
    }

    #[test]
    fn folding_ignores_marks_and_tone_placement() {
        assert_eq!(fold("Hòa"), "hoa");
        assert_eq!(fold("Hoà"), "hoa");
        assert_eq!(fold("  Nguyễn   Văn  Đức "), "nguyen van duc");
        assert_eq!(fold("Dũng"), "dung");
    }
}

#[cfg(test)]
mod reference;
