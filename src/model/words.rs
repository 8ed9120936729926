//! Award wordings as words: the tokens the award grammar (`award_wording.rs`)
//! and the issuer grammar (`issuer.rs`) read.
//!
//! Editors copy awards from decisions, headings and spreadsheets: upper case
//! in headings ("BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"), lower case in sentences,
//! with “…”, "…" or no quotes, "Uỷ"/"Ủy", "sỹ"/"sĩ", old or new tone
//! placement, doubled spaces, and the unambiguous abbreviations of official
//! names (UBND, GD&ĐT, TW). Each word is kept three ways: as written (for
//! names the grammar does not know, shown as the editor wrote them), folded
//! for comparison (lower case, tones in one place, "y" read as "i":
//! [`collate::spelling_key`]) and stripped of every mark (for recognizing a
//! wording typed without diacritics, which is then reported with its proper
//! spelling).

use crate::text::collate;

/// One word of a wording, or one punctuation mark (`,` `-` `(` `)` `:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub written: String,
    pub folded: String,
    pub stripped: String,
}

impl Word {
    fn new(written: &str) -> Word {
        Word {
            written: written.to_owned(),
            folded: collate::spelling_key(written),
            stripped: collate::fold(written),
        }
    }

    /// Whether this is the word `word` (compared folded).
    pub fn is(&self, word: &str) -> bool {
        self.folded == collate::spelling_key(word)
    }

    pub fn is_punctuation(&self) -> bool {
        self.written.chars().all(|c| !c.is_alphanumeric())
    }
}

/// Abbreviations of official names that mean one thing wherever they stand,
/// as they are written without their marks, lower case, and what they stand
/// for. Ambiguous ones (HCLĐ, BK, GK, TTCP: Thủ tướng or Thanh tra Chính
/// phủ) are not here: they are never guessed.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ubnd", "Ủy ban nhân dân"),
    ("hdnd", "Hội đồng nhân dân"),
    // "TƯ" is not here: without its marks it is the "Tư" of "Tư pháp".
    ("tw", "Trung ương"),
    ("tp", "thành phố"),
    ("tp.", "thành phố"),
    ("tphcm", "thành phố Hồ Chí Minh"),
    ("tp.hcm", "thành phố Hồ Chí Minh"),
    ("hcm", "Hồ Chí Minh"),
    ("gd&dt", "Giáo dục và Đào tạo"),
    ("gddt", "Giáo dục và Đào tạo"),
    ("gd-dt", "Giáo dục và Đào tạo"),
    ("ldtb&xh", "Lao động - Thương binh và Xã hội"),
    ("ld-tb&xh", "Lao động - Thương binh và Xã hội"),
    ("ld,tb&xh", "Lao động - Thương binh và Xã hội"),
    ("ldtbxh", "Lao động - Thương binh và Xã hội"),
    ("nn&ptnt", "Nông nghiệp và Phát triển nông thôn"),
    ("nn-ptnt", "Nông nghiệp và Phát triển nông thôn"),
    ("nnptnt", "Nông nghiệp và Phát triển nông thôn"),
    ("nn&mt", "Nông nghiệp và Môi trường"),
    ("vh,tt&dl", "Văn hóa, Thể thao và Du lịch"),
    ("vhtt&dl", "Văn hóa, Thể thao và Du lịch"),
    ("vh-tt-dl", "Văn hóa, Thể thao và Du lịch"),
    ("vhttdl", "Văn hóa, Thể thao và Du lịch"),
    ("tn&mt", "Tài nguyên và Môi trường"),
    ("tnmt", "Tài nguyên và Môi trường"),
    ("kh&cn", "Khoa học và Công nghệ"),
    ("khcn", "Khoa học và Công nghệ"),
    ("kh&dt", "Kế hoạch và Đầu tư"),
    ("khdt", "Kế hoạch và Đầu tư"),
    ("tt&tt", "Thông tin và Truyền thông"),
    ("tttt", "Thông tin và Truyền thông"),
    ("gtvt", "Giao thông vận tải"),
    ("mttq", "Mặt trận Tổ quốc"),
    ("mttqvn", "Mặt trận Tổ quốc Việt Nam"),
    ("ldld", "Liên đoàn Lao động"),
    ("tld", "Tổng Liên đoàn"),
    ("tncs", "Thanh niên Cộng sản"),
    ("tand", "Tòa án nhân dân"),
    ("vksnd", "Viện kiểm sát nhân dân"),
    ("dhqg", "Đại học Quốc gia"),
    ("bch", "Ban Chấp hành"),
    ("ccb", "Cựu chiến binh"),
];

/// Quotation marks of every kind, dropped: “Vì sự nghiệp giáo dục” and
/// "Vì sự nghiệp giáo dục" and Vì sự nghiệp giáo dục are one name.
const QUOTES: &[char] = &['“', '”', '"', '‘', '’', '\'', '«', '»', '„', '‟', '`'];

/// The words of `text`: quotes dropped, dashes made one `-`, abbreviations
/// expanded, punctuation split into words of its own.
pub fn words(text: &str) -> Vec<Word> {
    use unicode_normalization::UnicodeNormalization;
    // Text from files is NFC already; a wording from elsewhere (a
    // spreadsheet's cell) may not be.
    let cleaned: String = text
        .nfc()
        .filter(|c| !QUOTES.contains(c))
        .map(|c| match c {
            '–' | '—' | '‒' | '−' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    let mut out = Vec::new();
    for chunk in cleaned.split(' ').filter(|c| !c.is_empty()) {
        // A trailing comma, semicolon or full stop is the sentence's, not the
        // abbreviation's ("UBND tỉnh," "TP.").
        let bare = chunk.trim_end_matches([',', ';', ':']);
        let key = collate::fold(bare);
        if let Some((_, expansion)) = ABBREVIATIONS.iter().find(|(a, _)| *a == key) {
            out.extend(expansion.split(' ').flat_map(split_punctuation));
            out.extend(split_punctuation(&chunk[bare.len()..]));
            continue;
        }
        out.extend(split_punctuation(chunk));
    }
    out
}

/// `Bộ,` → `Bộ` `,`; `(Hà` → `(` `Hà`; `Tin-học` stays one word, `-` alone
/// is one.
fn split_punctuation(chunk: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = chunk.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inner_joiner = matches!(c, '-' | '&' | '.' | '/')
            && i > 0
            && i + 1 < chars.len()
            && chars[i - 1].is_alphanumeric()
            && chars[i + 1].is_alphanumeric();
        if c.is_alphanumeric() || inner_joiner || crate::text::is_invisible(c) {
            if !crate::text::is_invisible(c) {
                current.push(c);
            }
        } else {
            if !current.is_empty() {
                out.push(Word::new(&current));
                current.clear();
            }
            if !matches!(c, '.' | ';') {
                out.push(Word::new(&c.to_string()));
            }
        }
    }
    if !current.is_empty() {
        out.push(Word::new(&current));
    }
    out
}

/// How words are compared: with their marks (the usual case) or without
/// (to recognize a wording typed without diacritics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    Marks,
    Stripped,
}

impl Compare {
    fn of(self, word: &Word) -> &str {
        match self {
            Compare::Marks => &word.folded,
            Compare::Stripped => &word.stripped,
        }
    }
}

/// A phrase of the grammar's tables, as words, for both comparisons.
pub fn phrase(text: &str) -> Vec<Word> {
    words(text)
}

/// [`phrase`] of a phrase written in the code, made once per thread: the
/// grammar compares each wording with a few hundred of them (made anew each
/// time, they were a third of a 5,000-honoree build).
pub fn known(text: &'static str) -> &'static [Word] {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static KNOWN: RefCell<HashMap<&'static str, &'static [Word]>> = RefCell::new(HashMap::new());
    }
    KNOWN.with(|known| {
        *known
            .borrow_mut()
            .entry(text)
            .or_insert_with(|| Box::leak(phrase(text).into_boxed_slice()))
    })
}

/// A position in a wording's words, read left to right.
#[derive(Debug, Clone)]
pub struct Cursor<'w> {
    words: &'w [Word],
    at: usize,
    pub compare: Compare,
}

impl<'w> Cursor<'w> {
    pub fn new(words: &'w [Word], compare: Compare) -> Cursor<'w> {
        Cursor {
            words,
            at: 0,
            compare,
        }
    }

    /// Whether the words at the cursor are `phrase`'s (compared as the
    /// cursor compares); if so, moves past them.
    pub fn eat(&mut self, phrase: &[Word]) -> bool {
        if self.starts_with(phrase) {
            self.at += phrase.len();
            true
        } else {
            false
        }
    }

    /// [`Cursor::eat`] with the phrase given as text.
    pub fn eat_text(&mut self, text: &'static str) -> bool {
        self.eat(known(text))
    }

    pub fn starts_with(&self, phrase: &[Word]) -> bool {
        let rest = &self.words[self.at..];
        rest.len() >= phrase.len()
            && rest
                .iter()
                .zip(phrase)
                .all(|(a, b)| self.compare.of(a) == self.compare.of(b))
    }

    /// The longest of `phrases` at the cursor: its index and length.
    pub fn longest<'p>(
        &self,
        phrases: impl IntoIterator<Item = &'p [Word]>,
    ) -> Option<(usize, usize)> {
        phrases
            .into_iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty() && self.starts_with(p))
            .max_by_key(|(i, p)| (p.len(), std::cmp::Reverse(*i)))
            .map(|(i, p)| (i, p.len()))
    }

    pub fn skip(&mut self, n: usize) {
        self.at = (self.at + n).min(self.words.len());
    }

    pub fn rest(&self) -> &'w [Word] {
        &self.words[self.at..]
    }

    pub fn is_done(&self) -> bool {
        self.at >= self.words.len()
    }

    /// Skips punctuation at the cursor (a comma after a name, a closing
    /// parenthesis).
    pub fn skip_punctuation(&mut self) {
        while self.words.get(self.at).is_some_and(Word::is_punctuation) {
            self.at += 1;
        }
    }
}

/// Words joined back into text as written, with punctuation set as
/// Vietnamese sets it: `Bộ, ban` and `Lao động - Thương binh`.
pub fn join(words: &[Word]) -> String {
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        let tight_before = matches!(word.written.as_str(), "," | ")" | ":" | ";");
        let after_open = i > 0 && words[i - 1].written == "(";
        if i > 0 && !tight_before && !after_open {
            out.push(' ');
        }
        out.push_str(&word.written);
    }
    out
}

/// A name written in capitals ("SỞ TƯ PHÁP", from a heading) in the case
/// a sentence writes it: each word of a place or a person with a capital
/// (`title_case`), else only the first word. Names in mixed case are
/// kept as written: the editor's case is the name's.
pub fn recased(words: &[Word], title_case: bool) -> Vec<Word> {
    let letters: String = words.iter().map(|w| w.written.as_str()).collect();
    let has_lower = letters.chars().any(char::is_lowercase);
    let has_upper = letters.chars().any(char::is_uppercase);
    if has_lower && has_upper {
        return words.to_vec();
    }
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if ACRONYMS.contains(&w.written.to_lowercase().as_str()) {
                return Word::new(&w.written.to_uppercase());
            }
            let lower = w.written.to_lowercase();
            if title_case || i == 0 {
                Word::new(&capitalized(&lower))
            } else {
                Word::new(&lower)
            }
        })
        .collect()
}

/// Words kept in capitals when a name is re-cased.
const ACRONYMS: &[&str] = &[
    "thpt", "thcs", "th", "mn", "gdnn", "gdtx", "tnhh", "cp", "ubnd", "hdnd", "viii", "vii", "vi",
    "iv", "iii", "ii",
];

/// The first letter in capitals.
pub fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.written).collect()
    }

    #[test]
    fn quotes_go_punctuation_splits_abbreviations_expand() {
        assert_eq!(
            written("Bằng khen của Chủ tịch UBND tỉnh"),
            [
                "Bằng", "khen", "của", "Chủ", "tịch", "Ủy", "ban", "nhân", "dân", "tỉnh"
            ]
        );
        assert_eq!(
            written("Kỷ niệm chương “Vì sự nghiệp giáo dục”"),
            ["Kỷ", "niệm", "chương", "Vì", "sự", "nghiệp", "giáo", "dục"]
        );
        assert_eq!(
            written("Bộ GD&ĐT,"),
            ["Bộ", "Giáo", "dục", "và", "Đào", "tạo", ","]
        );
        assert_eq!(
            written("Cờ thi đua cấp Bộ, ban, ngành"),
            ["Cờ", "thi", "đua", "cấp", "Bộ", ",", "ban", ",", "ngành"]
        );
        assert_eq!(written("Tổ Toán – Tin"), ["Tổ", "Toán", "-", "Tin"]);
        assert_eq!(
            written("Bộ VH,TT&DL"),
            ["Bộ", "Văn", "hóa", ",", "Thể", "thao", "và", "Du", "lịch"]
        );
        // Not an abbreviation of ours: kept as written.
        assert_eq!(written("HCLĐ"), ["HCLĐ"]);
    }

    #[test]
    fn words_compare_with_marks_or_without() {
        let text = words("BẰNG  KHEN cua Uỷ ban");
        let mut c = Cursor::new(&text, Compare::Marks);
        assert!(c.eat_text("bằng khen"));
        assert!(!c.eat_text("của"));
        let mut c = Cursor::new(&text[2..], Compare::Stripped);
        assert!(c.eat_text("của Ủy ban"));
    }

    #[test]
    fn capitals_are_recased_mixed_case_is_kept() {
        let cased = |t: &str, title| join(&recased(&words(t), title));
        assert_eq!(cased("HÀ TĨNH", true), "Hà Tĩnh");
        assert_eq!(cased("SỞ TƯ PHÁP", false), "Sở tư pháp");
        assert_eq!(
            cased("Trường THPT chuyên Hà Tĩnh", false),
            "Trường THPT chuyên Hà Tĩnh"
        );
        assert_eq!(
            join(&words("Bộ, ban, ngành (tỉnh)")),
            "Bộ, ban, ngành (tỉnh)"
        );
    }
}
