//! Reading an award as editors write it: a small grammar over its words,
//! not a list of aliases.
//!
//! ```text
//! award   = [prefix] ( order | medal | honour | prize | memorial | paper | flag | title ) [issuer]
//! prefix  = "danh hiệu" ["vinh dự nhà nước" | "thi đua"] | "hình thức" | "tặng" | "truy tặng"
//! order   = "huân chương" NAME ["hạng" CLASS] ["của Chủ tịch nước"]
//! medal   = "huy chương" NAME ["hạng" CLASS]
//! memorial= "kỷ niệm chương" NAME ["của" ISSUER]
//! paper   = ("bằng khen" | "giấy khen") ["của" | "cấp"] ISSUER
//! flag    = "cờ thi đua" ["xuất sắc"] ["của" | "cấp"] ISSUER
//! title   = a title of the Law or one of its spellings ["của" ISSUER | "(" ISSUER ")"]
//! ```
//!
//! Words are compared as `words.rs` folds them: any case, "Uỷ"/"Ủy",
//! "sỹ"/"sĩ", old or new tone placement, quotes or none, doubled spaces,
//! the unambiguous abbreviations expanded. What the grammar cannot read is
//! then read again without marks: a wording typed without diacritics is an
//! error whose suggestion is its proper spelling. What is still not read is
//! outside the Law (a warning, published as written) unless it is a few
//! letters from a title of the Law (an error naming that title: a suggestion
//! of the same form, never a higher or other one).

use std::sync::OnceLock;

use super::award_catalog::{
    self, AwardKind, AwardLevel, Class, FORMS, FormDef, Givers, HONOURS, MEDALS, Named, ORDERS,
    Recipients, key,
};
use super::awards::{Award, Form, Vocabulary};
use super::issuer::{self, Issuer, IssuerProblem, Office};
use super::words::{self, Compare, Cursor, Word};
use crate::text::{collate, suggest};

/// What a wording means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// An award of the Law or of the site.
    Award(Award),
    /// Not a form or title of the Law: published as written, level "khác",
    /// with a warning saying why.
    Outside(Award, &'static str),
    /// Not an award as written: the message, and the spelling to use when
    /// one is likely.
    Wrong {
        message: String,
        suggestion: Option<String>,
    },
}

/// Reads a wording for a results list.
pub fn read(text: &str, vocabulary: &Vocabulary) -> Reading {
    read_as(text, vocabulary, Need::Issuer)
}

/// Reads a wording for a target, where a form alone ("Bằng khen") counts
/// every award of that form, and a form "cấp bộ, ban, ngành, tỉnh" every one
/// of that level (returned beside the award).
pub fn read_target(
    text: &str,
    vocabulary: &Vocabulary,
) -> Result<(Award, Option<AwardLevel>), Box<Reading>> {
    let words_ = words::words(text);
    let level = (0..words_.len()).find_map(|at| level_named(&words_[at..]));
    match read_as(text, vocabulary, Need::FormOnly) {
        Reading::Award(award) => Ok((award, level)),
        other => Err(Box::new(other)),
    }
}

/// The Law's names of the level "bộ, ban, ngành, tỉnh", as plans write them.
const LEVEL_NAMES: &[&str] = &[
    "bộ, ban, ngành, tỉnh",
    "bộ, ngành, tỉnh",
    "bộ, ngành, tỉnh, đoàn thể trung ương",
    "bộ, ngành, đoàn thể trung ương, tỉnh, thành phố trực thuộc trung ương",
    "bộ, ban, ngành, đoàn thể trung ương, tỉnh",
    "bộ, ngành, đoàn thể trung ương, tỉnh",
];

/// The level `rest` names, when it is all of one of [`LEVEL_NAMES`].
fn level_named(rest: &[Word]) -> Option<AwardLevel> {
    let mut c = Cursor::new(rest, Compare::Marks);
    c.eat_text("cấp");
    let found = LEVEL_NAMES.iter().find(|name| {
        let mut probe = c.clone();
        probe.eat_text(name) && {
            probe.skip_punctuation();
            probe.is_done()
        }
    });
    found.map(|_| AwardLevel::Province)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    Issuer,
    FormOnly,
}

fn read_as(text: &str, vocabulary: &Vocabulary, need: Need) -> Reading {
    let text = text.trim();
    let words = words::words(text);
    if words.iter().all(Word::is_punctuation) {
        return Reading::Wrong {
            message: "the award is empty".into(),
            suggestion: None,
        };
    }
    let key = collate::spelling_key(&words::join(&words));
    for (i, site) in vocabulary.site_awards.iter().enumerate() {
        if collate::spelling_key(&words::join(&words::words(&site.title))) == key {
            return Reading::Award(Award {
                form: Form::Site(i as u16),
                named: None,
                class: None,
                name: None,
                issuer: None,
                title: site.title.clone(),
                kind: site.kind,
                recipients: site.recipients,
                level: site.level,
            });
        }
    }
    if let Some(reading) = parse(&words, Compare::Marks, vocabulary, need) {
        return reading;
    }
    // Typed without its marks ("Giay khen cua Giam doc So Tu phap"): the
    // same grammar, comparing words stripped of every mark.
    if let Some(Reading::Award(award)) = parse(&words, Compare::Stripped, vocabulary, need) {
        return Reading::Wrong {
            message: format!("unknown award “{text}”"),
            suggestion: Some(award.title),
        };
    }
    if let Some(wrong) = unknown_giver(&words) {
        return wrong;
    }
    if let Some(why) = outside_by_its_words(&words) {
        return Reading::Outside(outside(text), why);
    }
    if let Some(title) = closest_title(&key) {
        return Reading::Wrong {
            message: format!("unknown award “{text}”"),
            suggestion: Some(title),
        };
    }
    Reading::Outside(
        outside(text),
        "it is not a form or title of Luật Thi đua, khen thưởng",
    )
}

/// An award outside the Law, as written: spaces and straight quotes
/// cleaned, the first letter a capital.
fn outside(text: &str) -> Award {
    let unquoted = text.replace(['"', '\''], " ");
    let title = words::capitalized(&unquoted.split_whitespace().collect::<Vec<_>>().join(" "));
    Award {
        form: Form::Outside,
        named: None,
        class: None,
        name: None,
        issuer: None,
        title,
        kind: AwardKind::Commendation,
        recipients: Recipients::Both,
        level: AwardLevel::Other,
    }
}

/// Words of the tables, made once.
struct Phrases {
    prefixes: Vec<Vec<Word>>,
    /// Each form's title and spellings, with the form's index.
    heads: Vec<(usize, Vec<Word>)>,
    orders: Vec<(usize, Vec<Word>)>,
    medals: Vec<(usize, Vec<Word>)>,
    honours: Vec<(usize, Vec<Word>)>,
}

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let named = |table: &[Named], with_spellings: bool| -> Vec<(usize, Vec<Word>)> {
            table
                .iter()
                .enumerate()
                .flat_map(|(i, n)| {
                    let spellings: &[&str] = if with_spellings { n.spellings } else { &[] };
                    std::iter::once(n.name)
                        .chain(spellings.iter().copied())
                        .map(move |s| (i, words::phrase(s)))
                })
                .collect()
        };
        Phrases {
            prefixes: [
                "danh hiệu vinh dự nhà nước",
                "danh hiệu thi đua",
                "danh hiệu",
                "hình thức",
                "được tặng",
                "truy tặng",
                "tặng",
            ]
            .iter()
            .map(|p| words::phrase(p))
            .collect(),
            heads: FORMS
                .iter()
                .enumerate()
                .flat_map(|(i, f)| {
                    std::iter::once(f.title)
                        .chain(f.spellings.iter().copied())
                        .map(move |s| (i, words::phrase(s)))
                })
                .collect(),
            orders: named(ORDERS, true),
            medals: named(MEDALS, true),
            honours: named(HONOURS, true),
        }
    })
}

fn form_index(key: &str) -> usize {
    FORMS
        .iter()
        .position(|f| f.key == key)
        .expect("the grammar names forms of the table")
}

/// One reading of the words by the grammar, comparing as `compare` says;
/// `None` when the words are not of its shape.
fn parse(
    words_: &[Word],
    compare: Compare,
    vocabulary: &Vocabulary,
    need: Need,
) -> Option<Reading> {
    let p = phrases();
    let mut c = Cursor::new(words_, compare);
    // "Danh hiệu …", "Tặng …": the award follows.
    while let Some((_, n)) = c.longest(p.prefixes.iter().map(Vec::as_slice)) {
        c.skip(n);
    }
    if c.eat_text("huân chương") {
        return named_award(&mut c, key::HUAN_CHUONG, ORDERS, &p.orders, "Huân chương");
    }
    if c.eat_text("huy chương") {
        return named_award(&mut c, key::HUY_CHUONG, MEDALS, &p.medals, "Huy chương");
    }
    if let Some((i, n)) = c.longest(p.honours.iter().map(|(_, w)| w.as_slice())) {
        let entry = &HONOURS[p.honours[i].0];
        c.skip(n);
        let mut rest = c.clone();
        if !rest_is_president(&mut rest) {
            return None;
        }
        return Some(Reading::Award(Award {
            form: Form::Law(form_index(key::VINH_DU) as u8),
            named: Some(entry),
            class: None,
            name: None,
            issuer: Some(Issuer::president()),
            title: entry.name.to_owned(),
            kind: AwardKind::Commendation,
            recipients: entry.recipients,
            level: AwardLevel::State,
        }));
    }
    for prize in [key::GIAI_THUONG_HCM, key::GIAI_THUONG_NN] {
        let def = award_catalog::form(prize);
        if c.eat(words::known(def.title)) {
            // "… về Văn học Nghệ thuật": the field, as written.
            let field = words::join(c.rest());
            let title = if field.is_empty() {
                def.title.to_owned()
            } else {
                format!("{} {field}", def.title)
            };
            return Some(Reading::Award(law_award(
                def,
                None,
                None,
                (!field.is_empty()).then_some(field),
                Some(Issuer::president()),
                title,
            )));
        }
    }
    if c.eat_text("kỷ niệm chương") {
        return Some(memorial(&mut c, vocabulary));
    }
    if let Some(reading) = emulation_fighter(&mut c, vocabulary, need) {
        return Some(reading);
    }
    let (head, n) = c
        .longest(p.heads.iter().map(|(_, w)| w.as_slice()))
        .map(|(i, n)| (p.heads[i].0, n))?;
    c.skip(n);
    finish(&FORMS[head], c, vocabulary, need)
}

/// "Chiến sĩ thi đua" heads three titles; what follows it says which: "cơ
/// sở", "bộ, ban, ngành, tỉnh" (full titles of the table), "cấp tỉnh",
/// "cấp bộ", "toàn quốc", "toàn quân" (the Ministry of Defence's), or an
/// issuer whose level decides. `None` when the words do not start with it,
/// or when a full title of the table reads them.
fn emulation_fighter(c: &mut Cursor, vocabulary: &Vocabulary, need: Need) -> Option<Reading> {
    let p = phrases();
    if c.longest(p.heads.iter().map(|(_, w)| w.as_slice()))
        .is_some()
    {
        return None;
    }
    let mut probe = c.clone();
    if !probe.eat_text("chiến sĩ thi đua") {
        return None;
    }
    let of_ministry = |name: &str| Issuer {
        office: Office::Minister,
        body: Some(name.to_owned()),
    };
    let bo_tinh = award_catalog::form(key::CSTD_BO_TINH);
    if probe.eat_text("toàn quân") {
        return Some(with_issuer(
            bo_tinh,
            Some(of_ministry("Bộ Quốc phòng")),
            need,
        ));
    }
    if probe.eat_text("toàn lực lượng công an nhân dân") {
        return Some(with_issuer(bo_tinh, Some(of_ministry("Bộ Công an")), need));
    }
    // "Chiến sĩ thi đua ngành Tư pháp", "… Tòa án nhân dân": a sector's own.
    let mut sector = probe.clone();
    if sector.eat_text("ngành") {
        let name = issuer::sector_name(sector.rest());
        if issuer::SECTORS.contains(&name.as_str()) {
            return Some(with_issuer(
                bo_tinh,
                Some(of_ministry(&format!("Bộ {name}"))),
                need,
            ));
        }
    }
    if probe.clone().eat_text("tòa án nhân dân") {
        let court = Issuer {
            office: Office::CentralHead {
                title: "Chánh án Tòa án nhân dân tối cao".into(),
            },
            body: Some("Tòa án nhân dân tối cao".into()),
        };
        return Some(with_issuer(bo_tinh, Some(court), need));
    }
    let mut level = probe.clone();
    if level.eat_text("cấp bộ") && level.is_done() {
        let issuer = vocabulary.setting.ministry.as_deref().map(of_ministry);
        return Some(match with_issuer(bo_tinh, issuer, need) {
            Reading::Award(mut a) if a.issuer.is_none() => {
                a.title = "Chiến sĩ thi đua cấp bộ".into();
                Reading::Award(a)
            }
            other => other,
        });
    }
    let rest: Vec<Word> = probe.rest().to_vec();
    if rest.iter().all(Word::is_punctuation) {
        return Some(Reading::Wrong {
            message: "“Chiến sĩ thi đua” alone does not say its level".into(),
            suggestion: Some(
                "Chiến sĩ thi đua cơ sở, Chiến sĩ thi đua cấp tỉnh or Chiến sĩ thi đua toàn quốc"
                    .into(),
            ),
        });
    }
    let mut r = Cursor::new(&rest, probe.compare);
    r.eat_text("của");
    r.eat_text("cấp");
    let issuer = match issuer::parse(&mut r, &vocabulary.setting) {
        Ok(Some(issuer)) => issuer,
        _ => return None,
    };
    let def = match issuer.level() {
        AwardLevel::Grassroots | AwardLevel::District => award_catalog::form(key::CSTD_CO_SO),
        _ => bo_tinh,
    };
    Some(with_issuer(def, Some(issuer), need))
}

/// After a form's head: its issuer, if any, and the award.
fn finish(
    def: &'static FormDef,
    mut c: Cursor,
    vocabulary: &Vocabulary,
    need: Need,
) -> Option<Reading> {
    // "Cờ thi đua xuất sắc của …": a Cờ thi đua.
    if def.key == key::CO_THI_DUA {
        c.eat_text("xuất sắc");
    }
    c.eat_text("của");
    c.eat_text("cấp");
    c.eat_text("(");
    // "Bằng khen cấp bộ, ban, ngành, tỉnh": the Law's name of a level, not
    // of who gave it. A target may count by it; a list must say who.
    if level_named(c.rest()).is_some() {
        if def.needs_issuer && need == Need::Issuer {
            return Some(Reading::Wrong {
                message: format!(
                    "“{} cấp bộ, ban, ngành, tỉnh” does not say who gave it",
                    def.title
                ),
                suggestion: Some(format!(
                    "{} của Chủ tịch UBND tỉnh” or “{} của Bộ trưởng Bộ …",
                    def.title, def.title
                )),
            });
        }
        return Some(with_issuer(def, None, need));
    }
    let issuer = if c.rest().iter().all(Word::is_punctuation) {
        None
    } else {
        match issuer::parse(&mut c, &vocabulary.setting) {
            Ok(Some(issuer)) => Some(issuer),
            Ok(None) => return None,
            Err(IssuerProblem::Unnamed(what)) => {
                return Some(Reading::Wrong {
                    message: format!("“{}” does not say which authority gave it", def.title),
                    suggestion: Some(format!("{} của {what}", def.title)),
                });
            }
            Err(IssuerProblem::NoProvince) => {
                return Some(Reading::Wrong {
                    message: "the site's province is not known, so “tỉnh” alone does not say which province gave it".into(),
                    suggestion: Some(format!("{} của Chủ tịch UBND tỉnh …", def.title)),
                });
            }
        }
    };
    Some(with_issuer(def, issuer, need))
}

/// The award of `def` given by `issuer`, or why that issuer cannot give it.
fn with_issuer(def: &'static FormDef, issuer: Option<Issuer>, need: Need) -> Reading {
    if let Some(issuer) = &issuer
        && issuer.office == Office::Organisation
    {
        let title = format!("{} của {}", def.title, issuer.body_name());
        return Reading::Outside(
            Award {
                level: AwardLevel::Other,
                ..outside(&title)
            },
            "awards of trade unions, the Youth Union, associations and Party committees are not governed by Luật Thi đua, khen thưởng",
        );
    }
    // A Bằng khen or Cờ thi đua of the Prime Minister, a Cờ of the Government.
    let (def, issuer) = match (def.key, &issuer) {
        (key::CO_THI_DUA, Some(i)) if i.office == Office::PrimeMinister => {
            (award_catalog::form(key::CO_THI_DUA_CHINH_PHU), None)
        }
        _ => (def, issuer),
    };
    let issuer = match def.givers {
        Givers::PrimeMinister => Some(Issuer::prime_minister()),
        Givers::President => Some(Issuer::president()),
        _ => issuer,
    };
    if let Some(i) = &issuer
        && let Some(problem) = wrong_giver(def, i)
    {
        return problem;
    }
    if def.needs_issuer && issuer.is_none() && need == Need::Issuer {
        return Reading::Wrong {
            message: format!("“{}” alone does not say who gave it", def.title),
            suggestion: Some(match def.key {
                key::GIAY_KHEN => "Giấy khen của Giám đốc Sở …".into(),
                _ => format!("{} của Chủ tịch UBND tỉnh …", def.title),
            }),
        };
    }
    let title = title_of(def, issuer.as_ref());
    Reading::Award(law_award(def, None, None, None, issuer, title))
}

/// Why `issuer` cannot give `def` (Điều 77–80), with the form it gives.
fn wrong_giver(def: &FormDef, issuer: &Issuer) -> Option<Reading> {
    let level = issuer.level();
    let holder = issuer.holder();
    let fits = match def.givers {
        Givers::President => level == AwardLevel::State,
        Givers::PrimeMinister => level == AwardLevel::Government,
        Givers::Province { or_prime_minister } => {
            level == AwardLevel::Province || (or_prime_minister && level == AwardLevel::Government)
        }
        Givers::Grassroots => matches!(level, AwardLevel::Grassroots | AwardLevel::District),
    };
    if fits {
        return None;
    }
    let (message, suggestion) = match (def.key, level) {
        (key::BANG_KHEN, AwardLevel::Grassroots | AwardLevel::District) => (
            format!(
                "a Bằng khen is given by the Prime Minister, a minister, the head of a central body or a provincial chairman; {holder} gives a Giấy khen"
            ),
            Some(format!("Giấy khen của {holder}")),
        ),
        (key::GIAY_KHEN, AwardLevel::Province | AwardLevel::Government) => (
            format!("a Giấy khen is given at the grassroots (Điều 80); {holder} gives a Bằng khen"),
            Some(format!("Bằng khen của {holder}")),
        ),
        _ => (
            format!(
                "“{}” is not given by {holder} (Luật Thi đua, khen thưởng, Điều 77–80)",
                def.title
            ),
            None,
        ),
    };
    Some(Reading::Wrong {
        message,
        suggestion,
    })
}

/// The title the site shows for a form given by an issuer.
fn title_of(def: &FormDef, issuer: Option<&Issuer>) -> String {
    let Some(issuer) = issuer else {
        return def.title.to_owned();
    };
    match def.key {
        key::BANG_KHEN | key::GIAY_KHEN => format!("{} của {}", def.title, issuer.holder()),
        key::CO_THI_DUA => format!("{} của {}", def.title, issuer.body_name()),
        // Implied by the form: said once, in its title.
        key::CO_THI_DUA_CHINH_PHU | key::CSTD_TOAN_QUOC => def.title.to_owned(),
        key::CSTD_BO_TINH => {
            let head = match issuer.office {
                Office::ProvincialChair => "Chiến sĩ thi đua cấp tỉnh",
                _ => "Chiến sĩ thi đua cấp bộ",
            };
            format!("{head} ({})", issuer.holder())
        }
        _ => format!("{} ({})", def.title, issuer.holder()),
    }
}

fn law_award(
    def: &'static FormDef,
    named: Option<&'static Named>,
    class: Option<Class>,
    name: Option<String>,
    issuer: Option<Issuer>,
    title: String,
) -> Award {
    let level = match (&issuer, def.givers) {
        (Some(i), _) => i.level(),
        (None, _) if def.level.is_some() => def.level.unwrap_or(AwardLevel::Grassroots),
        (None, Givers::President) => AwardLevel::State,
        (None, Givers::PrimeMinister) => AwardLevel::Government,
        (None, Givers::Province { .. }) => AwardLevel::Province,
        (None, Givers::Grassroots) => AwardLevel::Grassroots,
    };
    Award {
        form: Form::Law(form_index(def.key) as u8),
        named,
        class,
        recipients: named.map_or(def.recipients, |n| n.recipients),
        name,
        issuer,
        title,
        kind: def.kind,
        level,
    }
}

/// "của Chủ tịch nước" or nothing.
fn rest_is_president(c: &mut Cursor) -> bool {
    c.skip_punctuation();
    if c.is_done() {
        return true;
    }
    c.eat_text("của");
    c.eat_text("chủ tịch nước");
    c.skip_punctuation();
    c.is_done()
}

/// An order or a medal: its name, its class.
fn named_award(
    c: &mut Cursor,
    form_key: &'static str,
    table: &'static [Named],
    names: &[(usize, Vec<Word>)],
    head: &str,
) -> Option<Reading> {
    let (i, n) = c.longest(names.iter().map(|(_, w)| w.as_slice()))?;
    let entry = &table[names[i].0];
    c.skip(n);
    let class = if c.eat_text("hạng") {
        let found = Class::SPELLINGS
            .iter()
            .find(|(spelling, _)| c.clone().eat_text(spelling));
        let (spelling, class) = found?;
        c.eat_text(spelling);
        Some(*class)
    } else {
        None
    };
    if !rest_is_president(c) {
        return None;
    }
    let def = award_catalog::form(form_key);
    let title = format!("{head} {}", entry.name);
    match (entry.classes, class) {
        (true, None) => Some(Reading::Wrong {
            message: format!("“{title}” has three classes; which one was given?"),
            suggestion: Some(format!("{title} hạng Nhất, hạng Nhì or hạng Ba")),
        }),
        (false, Some(_)) => Some(Reading::Wrong {
            message: format!("“{title}” has no classes"),
            suggestion: Some(title),
        }),
        (_, class) => {
            let title = match class {
                Some(class) => format!("{title} {}", class.label()),
                None => title,
            };
            Some(Reading::Award(law_award(
                def,
                Some(entry),
                class,
                None,
                Some(Issuer::president()),
                title,
            )))
        }
    }
}

/// Names of Kỷ niệm chương given by organisations outside the Law.
const ORGANISATION_MEMORIALS: &[&str] = &[
    "công đoàn",
    "thế hệ trẻ",
    "nông dân",
    "phụ nữ",
    "cựu chiến binh",
    "chữ thập đỏ",
    "nhân đạo",
    "thanh niên",
    "hội nông dân",
    "hội liên hiệp",
    "hội cựu chiến binh",
];

/// A Kỷ niệm chương: its name, and who gave it if the wording says.
fn memorial(c: &mut Cursor, vocabulary: &Vocabulary) -> Reading {
    let def = award_catalog::form(key::KY_NIEM_CHUONG);
    let rest = c.rest();
    // "… của Bộ Y tế" names the giver; "Vì sự phát triển của phụ nữ Việt
    // Nam" is a name: the split is at a "của" an issuer follows.
    let split = rest.iter().enumerate().rev().find_map(|(i, w)| {
        if !w.is("của") {
            return None;
        }
        let mut probe = Cursor::new(&rest[i..], c.compare);
        matches!(issuer::parse(&mut probe, &vocabulary.setting), Ok(Some(_))).then_some(i)
    });
    let (name_words, issuer_words) = match split {
        Some(i) => (&rest[..i], Some(&rest[i..])),
        None => (rest, None),
    };
    if name_words.iter().all(Word::is_punctuation) && issuer_words.is_none() {
        return Reading::Wrong {
            message: "a Kỷ niệm chương is given under its name; which one is it?".into(),
            suggestion: Some("Kỷ niệm chương “Vì sự nghiệp …”".into()),
        };
    }
    let name = words::capitalized(&words::join(&words::recased(name_words, false)));
    let mut issuer = None;
    if let Some(words_) = issuer_words {
        let mut ic = Cursor::new(words_, c.compare);
        match issuer::parse(&mut ic, &vocabulary.setting) {
            Ok(Some(i)) => issuer = Some(i),
            _ => {
                return Reading::Outside(
                    outside(&format!("Kỷ niệm chương “{name}” {}", words::join(words_))),
                    "its giver is not one the Law names",
                );
            }
        }
    }
    let organisation = issuer
        .as_ref()
        .is_some_and(|i| i.office == Office::Organisation)
        || ORGANISATION_MEMORIALS.iter().any(|marker| {
            let marker = words::known(marker);
            (0..name_words.len())
                .any(|at| Cursor::new(&name_words[at..], Compare::Marks).starts_with(marker))
        });
    let mut title = if name.is_empty() {
        "Kỷ niệm chương".to_owned()
    } else {
        format!("Kỷ niệm chương “{name}”")
    };
    if let Some(i) = &issuer {
        title = format!("{title} của {}", i.body_name());
    }
    if organisation {
        return Reading::Outside(
            Award {
                name: Some(name),
                ..outside(&title)
            },
            "Kỷ niệm chương of trade unions, the Youth Union and associations are not governed by Luật Thi đua, khen thưởng",
        );
    }
    let name = (!name.is_empty()).then_some(name);
    Reading::Award(law_award(def, None, None, name, issuer, title))
}

/// Awards outside the Law known by their first words: resistance medals,
/// Party badges, "Bằng Tổ quốc ghi công", orders and medals not in the Law
/// (a foreign state's, the Front's).
fn outside_by_its_words(words_: &[Word]) -> Option<&'static str> {
    let c = Cursor::new(words_, Compare::Marks);
    let starts = |t: &'static str| c.starts_with(words::known(t));
    if starts("huân chương") || starts("huy chương") {
        return Some(
            "it is not one of the orders and medals of Luật Thi đua, khen thưởng (Điều 33, 54): a resistance medal, a foreign state's or an organisation's",
        );
    }
    if starts("huy hiệu") {
        return Some("a badge (huy hiệu) is not a form of Luật Thi đua, khen thưởng");
    }
    if starts("bằng tổ quốc ghi công") || starts("bằng có công với nước") {
        return Some(
            "it recognises merit under the law on people with meritorious services, not Luật Thi đua, khen thưởng",
        );
    }
    if starts("giải thưởng") || starts("kỷ niệm chương") {
        return Some("it is not a prize or memorial of Luật Thi đua, khen thưởng");
    }
    None
}

/// The Law's title a misspelt wording is a few letters from, if any: the
/// suggestion names a title of the same form.
fn closest_title(key: &str) -> Option<String> {
    let p = phrases();
    let candidates: Vec<(String, String)> = p
        .heads
        .iter()
        .map(|(i, w)| {
            (
                collate::spelling_key(&words::join(w)),
                FORMS[*i].title.to_owned(),
            )
        })
        .chain(ORDERS.iter().map(|o| {
            let t = format!("Huân chương {}", o.name);
            (collate::spelling_key(&t), t)
        }))
        .chain(
            HONOURS
                .iter()
                .map(|h| (collate::spelling_key(h.name), h.name.to_owned())),
        )
        .collect();
    // A misspelt title is often followed by its giver ("cờ thi của UBND
    // tỉnh …"): each title is compared with the wording's beginning of about
    // its own length.
    let key_chars: Vec<char> = key.chars().collect();
    let mut best: Option<(usize, &str)> = None;
    for (candidate, title) in &candidates {
        let length = candidate.chars().count();
        let limit = (length / 6).max(2);
        let wanted: Vec<char> = candidate.chars().collect();
        let low = length.saturating_sub(2);
        let high = (length + 2).min(key_chars.len());
        for end in low..=high {
            let Some(prefix) = key_chars.get(..end) else {
                continue;
            };
            // Only a whole word's end: "bằng khen toàn diện" is not "bằng khen".
            if end < key_chars.len() && key_chars[end] != ' ' {
                continue;
            }
            let distance = suggest::distance(prefix, &wanted);
            if distance > 0 && distance <= limit && best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, title.as_str()));
            }
        }
    }
    best.map(|(_, title)| title.to_owned())
}

/// When a wording starts with a form that must name its giver but what
/// follows is no authority the grammar knows: what to say.
fn unknown_giver(words_: &[Word]) -> Option<Reading> {
    let p = phrases();
    let c = Cursor::new(words_, Compare::Marks);
    let (i, n) = c.longest(p.heads.iter().map(|(_, w)| w.as_slice()))?;
    let def = &FORMS[p.heads[i].0];
    if !def.needs_issuer {
        return None;
    }
    let mut rest = Cursor::new(&words_[n..], Compare::Marks);
    rest.eat_text("xuất sắc");
    rest.eat_text("của");
    rest.eat_text("cấp");
    let named = words::join(rest.rest());
    let suggestion = match def.key {
        key::GIAY_KHEN => {
            "Giấy khen của Giám đốc Sở …, Giấy khen của Chủ tịch UBND xã …".to_owned()
        }
        _ => format!(
            "{t} của Chủ tịch UBND tỉnh …, {t} của Bộ trưởng Bộ …",
            t = def.title
        ),
    };
    Some(Reading::Wrong {
        message: format!("“{named}” is not an authority that gives a {}", def.title),
        suggestion: Some(suggestion),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::issuer::Setting;

    fn hatinh() -> Vocabulary {
        Vocabulary::new(
            &[],
            Setting::from_organization("Sở Nội vụ tỉnh Hà Tĩnh", Some("UBND tỉnh Hà Tĩnh"), None),
        )
    }

    fn title(text: &str) -> String {
        match read(text, &hatinh()) {
            Reading::Award(a) => a.title,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn wordings_of_the_law_are_read_with_their_issuer() {
        for (text, expected) in [
            (
                "Bằng khen của Chủ tịch UBND tỉnh",
                "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
            ),
            (
                "BẰNG KHEN CỦA CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH",
                "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
            ),
            (
                "Bằng khen của Bộ trưởng Bộ Nội vụ",
                "Bằng khen của Bộ trưởng Bộ Nội vụ",
            ),
            (
                "Bằng khen của Bộ GD&ĐT",
                "Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo",
            ),
            (
                "Bằng khen Thủ tướng Chính phủ",
                "Bằng khen của Thủ tướng Chính phủ",
            ),
            (
                "Giấy khen của Giám đốc Sở Tư pháp",
                "Giấy khen của Giám đốc Sở Tư pháp tỉnh Hà Tĩnh",
            ),
            (
                "Cờ thi đua của UBND tỉnh",
                "Cờ thi đua của Ủy ban nhân dân tỉnh Hà Tĩnh",
            ),
            (
                "Cờ thi đua của Thủ tướng Chính phủ",
                "Cờ thi đua của Chính phủ",
            ),
            (
                "Huân chương Lao động hạng ba",
                "Huân chương Lao động hạng Ba",
            ),
            (
                "Huân chương lao động hạng Nhất",
                "Huân chương Lao động hạng Nhất",
            ),
            (
                "Huy chương Chiến sĩ vẻ vang hạng nhất",
                "Huy chương Chiến sĩ vẻ vang hạng Nhất",
            ),
            (
                "Kỷ niệm chương “Vì sự nghiệp giáo dục”",
                "Kỷ niệm chương “Vì sự nghiệp giáo dục”",
            ),
            ("Danh hiệu Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở"),
            ("Chiến sỹ thi đua cấp cơ sở", "Chiến sĩ thi đua cơ sở"),
            (
                "Chiến sĩ thi đua cấp tỉnh",
                "Chiến sĩ thi đua cấp tỉnh (Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh)",
            ),
            (
                "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
                "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
            ),
            (
                "danh hiệu “Chiến sĩ thi đua toàn quốc”",
                "Chiến sĩ thi đua toàn quốc",
            ),
            ("Nhà giáo Ưu tú", "Nhà giáo ưu tú"),
            ("NSƯT", "Nghệ sĩ ưu tú"),
            ("Tập thể Lao động xuất sắc", "Tập thể lao động xuất sắc"),
        ] {
            assert_eq!(title(text), expected, "{text}");
        }
    }

    #[test]
    fn misspellings_are_errors_suggesting_the_same_form() {
        let wrong = |t: &str| match read(t, &hatinh()) {
            Reading::Wrong { suggestion, .. } => suggestion,
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(
            wrong("Lao động tiến tiến").as_deref(),
            Some("Lao động tiên tiến")
        );
        assert_eq!(
            wrong("Giấy khen cua Giam doc So Tu phap").as_deref(),
            Some("Giấy khen của Giám đốc Sở Tư pháp tỉnh Hà Tĩnh")
        );
        assert_eq!(
            wrong("Chiến sĩ thi đua cấp cơ sỡ").as_deref(),
            Some("Chiến sĩ thi đua cơ sở")
        );
        assert_eq!(
            wrong("Bằng khen của Giám đốc Sở Tư pháp").as_deref(),
            Some("Giấy khen của Giám đốc Sở Tư pháp tỉnh Hà Tĩnh")
        );
        assert!(matches!(
            read("Bằng khen", &hatinh()),
            Reading::Wrong { .. }
        ));
        assert!(matches!(
            read("Huân chương Lao động", &hatinh()),
            Reading::Wrong { .. }
        ));
    }

    /// Every wording of `tests/fixtures/awards/wordings.tsv` — copied from
    /// published decisions, notices and lists (each row names its source) —
    /// read as the table says: an award (with its form, level, giver and
    /// title as the site shows it), an award outside the Law (a warning), or
    /// an error (with its suggestion). Read for a site of Hà Tĩnh, so "UBND
    /// tỉnh" is Hà Tĩnh's. Spelt in decomposed Unicode or in capitals, each
    /// is the same award.
    #[test]
    fn real_wordings_read_as_the_table_says() {
        use unicode_normalization::UnicodeNormalization;
        let table = include_str!("../../tests/fixtures/awards/wordings.tsv");
        let v = hatinh();
        let mut failures = Vec::new();
        let mut accepted = 0;
        for line in table.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [wording, expect, form, level, issuer, title, _source] = cols[..] else {
                panic!("a row of 7 columns: {line}");
            };
            let got = match read(wording, &v) {
                Reading::Award(a) => {
                    accepted += 1;
                    let nfd: String = wording.nfd().collect();
                    for variant in [nfd, wording.to_uppercase()] {
                        match read(&variant, &v) {
                            Reading::Award(b) if b.key() == a.key() => {}
                            other => {
                                failures.push(format!("{variant:?} is not {wording:?}: {other:?}"))
                            }
                        }
                    }
                    [
                        "award",
                        a.form_key(),
                        a.level.key(),
                        &a.issuer_label(),
                        &a.title,
                    ]
                    .join("\t")
                }
                Reading::Outside(a, _) => {
                    accepted += 1;
                    ["outside", a.form_key(), a.level.key(), "", &a.title].join("\t")
                }
                Reading::Wrong { suggestion, .. } => {
                    ["error", "", "", "", &suggestion.unwrap_or_default()].join("\t")
                }
            };
            let want = [expect, form, level, issuer, title].join("\t");
            if got != want {
                failures.push(format!("{wording}\n  want {want}\n  got  {got}"));
            }
        }
        assert!(accepted >= 300, "{accepted} wordings accepted");
        assert!(
            failures.is_empty(),
            "{} rows differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn awards_outside_the_law_are_kept_as_written() {
        for text in [
            "Bằng khen của Tổng Liên đoàn Lao động Việt Nam",
            "Huân chương Kháng chiến hạng Nhì",
            "Huy chương Kháng chiến hạng Nhất",
            "Bằng “Tổ quốc ghi công”",
            "Kỷ niệm chương “Vì thế hệ trẻ”",
            "Công dân Thủ đô ưu tú",
            "Huy hiệu 30 năm tuổi Đảng",
        ] {
            match read(text, &hatinh()) {
                Reading::Outside(award, _) => assert_eq!(award.level, AwardLevel::Other, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}
