//! [`key`], [`name_key`], [`initial`] and [`fold`] pinned to ICU4X's collation
//! (CLDR data) by property tests.
//!
//! The reference for [`key`] is ICU's `vi` collator at tertiary strength, the
//! levels our doc claims: letters (CLDR `vi` tailors a < ă < â, d < đ, e < ê,
//! o < ô < ơ, u < ư as primary differences, like our alphabet), then tones
//! (CLDR orders the tone marks ` ̀ < ̉ < ̃ < ́ < ̣`, the dictionaries' ngang,
//! huyền, hỏi, ngã, sắc, nặng — the same as ours), then case (lowercase first,
//! ICU's default, like ours). Two differences are ours on purpose, so the test
//! gives ICU each string in a canonical spelling of the same words instead of the
//! spelling that was generated:
//!
//! - A syllable has one tone wherever its mark sits: "hoà" = "hòa". ICU weighs
//!   each mark at the letter that carries it (it puts "hoà" before "hòa", as the
//!   second level then reads ◌, ◌̀ against ◌̀, ◌). ICU is given each word's tone
//!   at the end of the word, where both spellings agree.
//! - Word separators are one boundary, lower than any letter or digit, whatever
//!   they are: "An Bình", "An  Bình", "An-Bình" and "An, Bình" sort the same, and
//!   leading and trailing ones count for nothing. ICU (non-ignorable, its
//!   default) gives each space and punctuation mark its own primary weight
//!   (space < "-" < ","), so it is given the words joined by one space, which is
//!   lower than every letter and digit there too.
//!
//! The strings are made of every letter of the alphabet, upper and lower case,
//! with f, j, w, z and digits now and then, every tone on any letter of a word,
//! in NFC, NFD or marks in generated (non-canonical) order, so that the generated
//! pairs come near each other (a tone, a letter mark, a case or a separator
//! apart), most pairs are one string and a few edits of it.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::{Locale, locale};
use proptest::prelude::*;
use proptest::sample::{Index, select};

use super::*;

const GRAVE: char = '\u{0300}'; // huyền
const HOOK: char = '\u{0309}'; // hỏi
const TILDE: char = '\u{0303}'; // ngã
const ACUTE: char = '\u{0301}'; // sắc
const DOT: char = '\u{0323}'; // nặng
static TONES: [Option<char>; 6] = [
    None,
    Some(GRAVE),
    Some(HOOK),
    Some(TILDE),
    Some(ACUTE),
    Some(DOT),
];

/// The 29 letters of the Vietnamese alphabet as base and letter-forming mark.
static VIETNAMESE: [(char, Option<char>); 29] = [
    ('a', None),
    ('a', Some(BREVE)),
    ('a', Some(CIRCUMFLEX)),
    ('b', None),
    ('c', None),
    ('d', None),
    ('đ', None),
    ('e', None),
    ('e', Some(CIRCUMFLEX)),
    ('g', None),
    ('h', None),
    ('i', None),
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
    ('x', None),
    ('y', None),
];

/// Letters of foreign names and digits ("Đợt 2").
static OTHER: [(char, Option<char>); 7] = [
    ('f', None),
    ('j', None),
    ('w', None),
    ('z', None),
    ('0', None),
    ('1', None),
    ('9', None),
];

/// What may stand between words for [`key`]: all are one boundary.
static SEPARATORS: [&str; 12] = [
    " ", "  ", "\t", "\u{a0}", "-", " - ", ", ", ". ", " – ", " (", ") ", "” “",
];
/// What may stand between the words of a person's name ([`name_key`] splits on
/// whitespace).
static SPACES: [&str; 4] = [" ", "  ", "\t", "\u{a0}"];

fn collator(locale: Locale, strength: Strength) -> CollatorBorrowed<'static> {
    let mut options = CollatorOptions::default();
    options.strength = Some(strength);
    Collator::try_new(locale.into(), options).expect("compiled collation data")
}

static VI: LazyLock<CollatorBorrowed<'static>> =
    LazyLock::new(|| collator(locale!("vi"), Strength::Tertiary));
static VI_PRIMARY: LazyLock<CollatorBorrowed<'static>> =
    LazyLock::new(|| collator(locale!("vi"), Strength::Primary));
/// The root collation at primary strength: equal when only marks and case
/// differ, the equality [`fold`] claims for search.
static ROOT_PRIMARY: LazyLock<CollatorBorrowed<'static>> =
    LazyLock::new(|| collator(Locale::UNKNOWN, Strength::Primary));

#[derive(Clone, Debug)]
struct Letter {
    base: char,
    modifier: Option<char>,
    upper: bool,
}

impl Letter {
    fn push(&self, out: &mut String) {
        if self.upper {
            out.extend(self.base.to_uppercase());
        } else {
            out.push(self.base);
        }
        out.extend(self.modifier);
    }
}

#[derive(Clone, Debug)]
struct Word {
    letters: Vec<Letter>,
    tone: Option<char>,
    /// Which letter carries the tone mark (modulo the word's length).
    tone_at: usize,
}

impl Word {
    /// The word as generated, the tone on its letter.
    fn push(&self, out: &mut String) {
        let at = self.tone_at % self.letters.len();
        for (i, letter) in self.letters.iter().enumerate() {
            letter.push(out);
            if i == at {
                out.extend(self.tone);
            }
        }
    }

    /// The word as ICU is given it: the tone after the last letter.
    fn canonical(&self) -> String {
        let mut out = String::new();
        for letter in &self.letters {
            letter.push(&mut out);
        }
        out.extend(self.tone);
        out.nfd().collect()
    }
}

type Name = Vec<Word>;

/// How a name is written: the separators (used in turn), one before and after
/// the words or not, and the normalization form.
#[derive(Clone, Debug)]
struct Spelling {
    separators: Vec<&'static str>,
    lead: Option<&'static str>,
    trail: Option<&'static str>,
    /// 0: NFC, 1: NFD, 2: the marks as generated (letter mark, then tone).
    form: u8,
}

fn write(name: &Name, spelling: &Spelling) -> String {
    let mut out = String::new();
    out.extend(spelling.lead);
    for (i, word) in name.iter().enumerate() {
        if i > 0 {
            out.push_str(spelling.separators[i % spelling.separators.len()]);
        }
        word.push(&mut out);
    }
    out.extend(spelling.trail);
    match spelling.form {
        0 => out.nfc().collect(),
        1 => out.nfd().collect(),
        _ => out,
    }
}

fn canonical(name: &Name) -> String {
    name.iter()
        .map(Word::canonical)
        .collect::<Vec<_>>()
        .join(" ")
}

/// ICU's order of two names given name first, each word compared fully before
/// the next: the order [`name_key`] documents.
fn icu_name_order(a: &Name, b: &Name) -> Ordering {
    fn reordered(name: &Name) -> Vec<String> {
        let mut words: Vec<String> = name.iter().map(Word::canonical).collect();
        if let Some(given) = words.pop() {
            words.insert(0, given);
        }
        if words.len() > 2 {
            let family = words.remove(1);
            words.push(family);
        }
        words
    }
    let (a, b) = (reordered(a), reordered(b));
    a.iter()
        .zip(&b)
        .map(|(x, y)| VI.compare(x, y))
        .find(|o| o.is_ne())
        .unwrap_or_else(|| a.len().cmp(&b.len()))
}

fn letter(upper_weight: u32) -> impl Strategy<Value = Letter> {
    (
        prop_oneof![8 => select(&VIETNAMESE[..]), 1 => select(&OTHER[..])],
        prop::bool::weighted(f64::from(upper_weight) / 10.0),
    )
        .prop_map(|((base, modifier), upper)| Letter {
            base,
            modifier,
            upper: upper && base.is_alphabetic(),
        })
}

fn word() -> impl Strategy<Value = Word> {
    (
        prop::collection::vec(letter(2), 1..=5),
        select(&TONES[..]),
        0usize..5,
    )
        .prop_map(|(letters, tone, tone_at)| Word {
            letters,
            tone,
            tone_at,
        })
}

/// Syllables of real names, as an editor types them (both placements of the
/// tone in "Hòa", "Hoà" and "Thủy", "Thuỷ").
static SYLLABLES: [&str; 60] = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Thị",
    "Văn",
    "Hữu",
    "Đức",
    "Minh",
    "Ánh",
    "Ân",
    "Anh",
    "An",
    "Bình",
    "Dũng",
    "Dung",
    "Đông",
    "Hoa",
    "Hòa",
    "Hoà",
    "Thủy",
    "Thuỷ",
    "Quỳnh",
    "Ngọc",
    "Hương",
    "Hường",
    "Hưởng",
    "Yến",
    "Phượng",
    "Khuê",
    "Thư",
    "Ước",
    "Ưng",
    "Ơn",
    "Ổn",
    "Ẩn",
    "Ắt",
    "Giang",
    "Gia",
    "Khoa",
    "Khánh",
    "Quốc",
    "Quang",
    "Tuấn",
    "Tuyết",
    "Ấn",
    "Ăn",
    "Ạ",
];

/// A written syllable as a [`Word`]: its letters, and its tone where it sits.
fn parse(syllable: &str) -> Word {
    let mut word = Word {
        letters: Vec::new(),
        tone: None,
        tone_at: 0,
    };
    for c in syllable.nfd() {
        if matches!(c, BREVE | CIRCUMFLEX | HORN) {
            word.letters
                .last_mut()
                .expect("a letter before its mark")
                .modifier = Some(c);
        } else if TONES.contains(&Some(c)) {
            word.tone = Some(c);
            word.tone_at = word.letters.len() - 1;
        } else {
            let lower = c.to_lowercase().next().unwrap_or(c);
            word.letters.push(Letter {
                base: lower,
                modifier: None,
                upper: lower != c,
            });
        }
    }
    word
}

fn name(words: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Name> {
    prop_oneof![
        prop::collection::vec(word(), words.clone()),
        prop::collection::vec(select(&SYLLABLES[..]).prop_map(parse), words),
    ]
}

fn spelling(separators: &'static [&'static str], ends: bool) -> impl Strategy<Value = Spelling> {
    (
        prop::collection::vec(select(separators), 1..=3),
        prop::option::weighted(0.2, select(separators)),
        prop::option::weighted(0.2, select(separators)),
        0u8..3,
    )
        .prop_map(move |(separators, lead, trail, form)| Spelling {
            separators,
            lead: lead.filter(|_| ends),
            trail: trail.filter(|_| ends),
            form,
        })
}

/// One small edit of a name.
#[derive(Clone, Debug)]
enum Edit {
    Tone(Index, Option<char>),
    MoveTone(Index, usize),
    Case(Index, Index),
    /// Another letter of the same base: a ă â, d đ, e ê, o ô ơ, u ư.
    Sibling(Index, Index, Index),
    Replace(Index, Index, Letter),
    Insert(Index, Index, Letter),
    Remove(Index, Index),
    AddWord(Index, Word),
    RemoveWord(Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = any::<Index>;
    prop_oneof![
        3 => (i(), select(&TONES[..])).prop_map(|(w, t)| Edit::Tone(w, t)),
        2 => (i(), 0usize..5).prop_map(|(w, l)| Edit::MoveTone(w, l)),
        3 => (i(), i()).prop_map(|(w, l)| Edit::Case(w, l)),
        3 => (i(), i(), i()).prop_map(|(w, l, s)| Edit::Sibling(w, l, s)),
        1 => (i(), i(), letter(2)).prop_map(|(w, l, x)| Edit::Replace(w, l, x)),
        1 => (i(), i(), letter(2)).prop_map(|(w, l, x)| Edit::Insert(w, l, x)),
        1 => (i(), i()).prop_map(|(w, l)| Edit::Remove(w, l)),
        1 => (i(), word()).prop_map(|(w, x)| Edit::AddWord(w, x)),
        1 => i().prop_map(Edit::RemoveWord),
    ]
}

fn siblings(base: char) -> &'static [(char, Option<char>)] {
    match base {
        'a' => &VIETNAMESE[0..3],
        'd' | 'đ' => &VIETNAMESE[5..7],
        'e' => &VIETNAMESE[7..9],
        'o' => &VIETNAMESE[16..19],
        'u' => &VIETNAMESE[24..26],
        _ => &[],
    }
}

fn apply(name: &mut Name, edit: &Edit) {
    let words = name.len();
    match edit {
        Edit::AddWord(at, word) => name.insert(at.index(words + 1), word.clone()),
        Edit::RemoveWord(at) if words > 1 => {
            name.remove(at.index(words));
        }
        Edit::RemoveWord(_) => {}
        Edit::Tone(w, tone) => name[w.index(words)].tone = *tone,
        Edit::MoveTone(w, at) => name[w.index(words)].tone_at = *at,
        Edit::Case(w, l)
        | Edit::Sibling(w, l, _)
        | Edit::Replace(w, l, _)
        | Edit::Insert(w, l, _)
        | Edit::Remove(w, l) => {
            let letters = &mut name[w.index(words)].letters;
            let n = letters.len();
            let at = l.index(n);
            match edit {
                Edit::Case(..) => {
                    let cased = letters[at].base.is_alphabetic();
                    letters[at].upper ^= cased;
                }
                Edit::Sibling(_, _, s) => {
                    let choices = siblings(letters[at].base);
                    if !choices.is_empty() {
                        (letters[at].base, letters[at].modifier) = choices[s.index(choices.len())];
                    }
                }
                Edit::Replace(_, _, x) => letters[at] = x.clone(),
                Edit::Insert(_, _, x) => letters.insert(l.index(n + 1), x.clone()),
                Edit::Remove(..) if n > 1 => {
                    letters.remove(at);
                }
                _ => {}
            }
        }
    }
}

/// Two names: one and a few edits of it (near pairs, which differ at the second
/// or third level or by one letter), or two names made apart.
fn pair(words: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = (Name, Name)> {
    prop_oneof![
        4 => (name(words.clone()), prop::collection::vec(edit(), 0..=3)).prop_map(|(a, edits)| {
            let mut b = a.clone();
            for e in &edits {
                apply(&mut b, e);
            }
            (a, b)
        }),
        1 => (name(words.clone()), name(words)),
    ]
}

fn cases() -> ProptestConfig {
    // BANGVANG_COLLATE_CASES runs more (the default keeps `cargo test` quick).
    let cases = std::env::var("BANGVANG_COLLATE_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4096);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn key_orders_as_icu_vietnamese(
        (a, b) in pair(1..=4),
        sa in spelling(&SEPARATORS, true),
        sb in spelling(&SEPARATORS, true),
    ) {
        let (x, y) = (write(&a, &sa), write(&b, &sb));
        let (ca, cb) = (canonical(&a), canonical(&b));
        prop_assert_eq!(
            key(&x).cmp(&key(&y)),
            VI.compare(&ca, &cb),
            "{:?} against {:?} (ICU given {:?} and {:?})", x, y, ca, cb
        );
    }

    #[test]
    fn name_key_orders_as_icu_on_reordered_words(
        (a, b) in pair(1..=4),
        sa in spelling(&SPACES, true),
        sb in spelling(&SPACES, true),
    ) {
        let (x, y) = (write(&a, &sa), write(&b, &sb));
        prop_assert_eq!(name_key(&x).cmp(&name_key(&y)), icu_name_order(&a, &b), "{:?} against {:?}", x, y);
    }

    /// The roll's pages by initial follow the roll's order, and each page's letter
    /// is the given name's first letter to ICU (its tone and case aside).
    #[test]
    fn initials_follow_the_name_order(
        (a, b) in pair(1..=3),
        sa in spelling(&SPACES, false),
        sb in spelling(&SPACES, false),
    ) {
        let (x, y) = (write(&a, &sa), write(&b, &sb));
        let given = |n: &Name| n.last().map(|w| w.letters[0].clone()).unwrap();
        let (la, _) = initial(x.split_whitespace().last().unwrap());
        let (lb, _) = initial(y.split_whitespace().last().unwrap());
        for (label, first) in [(&la, given(&a)), (&lb, given(&b))] {
            if first.base.is_alphabetic() {
                let mut letter = String::new();
                first.push(&mut letter);
                prop_assert_eq!(VI_PRIMARY.compare(label, &letter), Ordering::Equal, "{:?} for {:?}", label, letter);
            } else {
                prop_assert_eq!(label.as_str(), "#");
            }
        }
        if la != "#" && lb != "#" && name_key(&x) <= name_key(&y) {
            prop_assert_ne!(VI_PRIMARY.compare(&la, &lb), Ordering::Greater, "{:?} before {:?}", x, y);
        }
    }

    /// Search folding equates what the root collation equates at the first level
    /// (marks and case), except that `đ` is folded to `d` (people type "Duc" for
    /// "Đức"), where the root collation has a letter of its own.
    #[test]
    fn fold_equates_what_icu_equates_at_the_first_level(
        (a, b) in pair(1..=3),
        sa in spelling(&[" ", "  "], true),
        sb in spelling(&[" ", "  "], true),
    ) {
        let (x, y) = (write(&a, &sa), write(&b, &sb));
        let d = |s: String| s.replace(['đ', 'Đ'], "d");
        let icu = ROOT_PRIMARY.compare(&d(canonical(&a)), &d(canonical(&b)));
        prop_assert_eq!(fold(&x) == fold(&y), icu.is_eq(), "{:?} against {:?}", x, y);
    }
}

#[test]
fn the_alphabet_and_tones_are_icus() {
    let mut letters: Vec<String> = VIETNAMESE
        .iter()
        .chain(&OTHER[..4])
        .map(|&(base, modifier)| std::iter::once(base).chain(modifier).nfc().collect())
        .collect();
    let ours = letters.clone();
    letters.sort_by(|a, b| VI.compare(a, b));
    let mut ours_sorted = ours.clone();
    ours_sorted.sort_by_key(|l| key(l));
    assert_eq!(ours_sorted, letters);

    let tones: Vec<String> = TONES
        .iter()
        .map(|t| format!("a{}", t.map(String::from).unwrap_or_default()))
        .collect();
    let mut icu = tones.clone();
    icu.sort_by(|a, b| VI.compare(a, b));
    assert_eq!(icu, tones, "ngang, huyền, hỏi, ngã, sắc, nặng");
}

/// The two documented differences, as ICU itself shows them.
#[test]
fn where_icu_is_given_a_canonical_spelling() {
    // ICU weighs the tone at its letter; we weigh it per syllable.
    assert_eq!(VI.compare("hoà", "hòa"), Ordering::Less);
    assert_eq!(key("hoà"), key("hòa"));
    // ICU weighs each separator; we treat any run as one boundary.
    assert_eq!(VI.compare("An-Bình", "An Bình"), Ordering::Greater);
    assert_eq!(key("An-Bình"), key("An Bình"));
    assert_eq!(key(" An  Bình. "), key("An Bình"));
}
