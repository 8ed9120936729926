//! An award as it is issued: a form or title of the Law (`award_catalog.rs`),
//! with who gave it (`issuer.rs`), its class and its name, read from what
//! editors write by the grammar of `award_wording.rs`; or a title the site
//! declares itself in site.yaml; or an award outside the Law, published as
//! written.
//!
//! Two spellings of one award ("Bằng khen của Chủ tịch UBND tỉnh", "BẰNG
//! KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") are one award, with one
//! [`Award::key`]; two issuers are never one.

use super::award_catalog::{AwardKind, AwardLevel, Class, FORMS, FormDef, Recipients};
use super::award_wording::{self, Reading};
use super::issuer::{Issuer, Setting};
use crate::decode::yaml::Node;
use crate::decode::{Decode, Decoder, pick};
use crate::text::collate;

/// What an award is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// A form or title of the Law: its index in [`FORMS`].
    Law(u8),
    /// A title of the site's own (site.yaml `awards:`): its index there.
    Site(u16),
    /// Not a form or title of the Law: published as written, level "khác".
    Outside,
}

/// One award, as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Award {
    pub form: Form,
    /// An order's, medal's or honorary title's entry, when the form has them.
    pub named: Option<&'static super::award_catalog::Named>,
    pub class: Option<Class>,
    /// A Kỷ niệm chương's name, a prize's field ("về Văn học Nghệ thuật").
    pub name: Option<String>,
    pub issuer: Option<Issuer>,
    /// As the site shows it: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh".
    pub title: String,
    pub kind: AwardKind,
    pub recipients: Recipients,
    pub level: AwardLevel,
}

impl Award {
    /// The form of the Law, when it is one.
    pub fn law_form(&self) -> Option<&'static FormDef> {
        match self.form {
            Form::Law(i) => FORMS.get(i as usize),
            _ => None,
        }
    }

    /// The key of the form for the open data: `bang-khen`, `huan-chuong`, the
    /// site's own titles `site`, awards outside the Law `other`.
    pub fn form_key(&self) -> &'static str {
        match self.form {
            Form::Law(i) => FORMS[i as usize].key,
            Form::Site(_) => "site",
            Form::Outside => "other",
        }
    }

    /// The identity of the award: spelling variants share it (case, tone
    /// placement, "sỹ"/"sĩ", spacing, quotes), issuers never do.
    pub fn key(&self) -> String {
        collate::spelling_key(&self.title)
    }

    pub fn for_individuals(&self) -> bool {
        matches!(self.recipients, Recipients::Individual | Recipients::Both)
    }

    pub fn for_collectives(&self) -> bool {
        matches!(
            self.recipients,
            Recipients::Collective | Recipients::Both | Recipients::Household
        )
    }

    /// The issuer as the open data names them: "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh".
    pub fn issuer_label(&self) -> String {
        self.issuer.as_ref().map(Issuer::holder).unwrap_or_default()
    }
}

/// An award of [`crate::model::Site::awards`]: one per award, whatever the
/// spellings lists used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AwardId(pub u16);

/// The order the site shows awards in (the roll's filter, the open data):
/// the Law's, highest form first, then the site's own titles, then awards
/// outside the Law; within a form by class, level, then title.
pub fn display_order(a: &Award, b: &Award) -> std::cmp::Ordering {
    let form = |x: &Award| match x.form {
        Form::Law(i) => i as u32,
        Form::Site(i) => 1000 + i as u32,
        Form::Outside => 10_000,
    };
    let named = |x: &Award| x.named.map(|n| n.name);
    form(a)
        .cmp(&form(b))
        .then_with(|| named(a).cmp(&named(b)))
        .then_with(|| a.class.cmp(&b.class))
        .then_with(|| a.level.cmp(&b.level))
        .then_with(|| collate::key(&a.title).cmp(&collate::key(&b.title)))
}

/// A title a site declares in site.yaml, with what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteAward {
    pub title: String,
    pub kind: AwardKind,
    pub recipients: Recipients,
    pub level: AwardLevel,
}

/// What the award grammar needs to know of a site: its own titles, and its
/// province, department or ministry (for "Chủ tịch UBND tỉnh", "Giám đốc Sở").
#[derive(Debug, Default)]
pub struct Vocabulary {
    pub site_awards: Vec<SiteAward>,
    pub setting: Setting,
    /// Each wording read once: a site's lists repeat a handful of wordings
    /// thousands of times (400 lists of a 50,000-honoree site, 5 wordings).
    read: Memo<Reading>,
    /// Each target read once: every campaign of a site counts the same few.
    read_target: Memo<TargetReading>,
}

/// What a target's `award:` counts, or why it counts nothing.
pub type TargetReading = Result<(Award, Option<AwardLevel>), Box<Reading>>;

type Memo<T> = std::sync::Mutex<std::collections::HashMap<String, T>>;

/// `memo[text]`, made by `make` the first time. The lock is not held while
/// `make` runs: two threads may read one wording twice, never wait on it.
fn remembered<T: Clone>(memo: &Memo<T>, text: &str, make: impl FnOnce() -> T) -> T {
    let lock = || {
        memo.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    if let Some(known) = lock().get(text) {
        return known.clone();
    }
    let made = make();
    lock().insert(text.to_owned(), made.clone());
    made
}

impl Clone for Vocabulary {
    fn clone(&self) -> Vocabulary {
        Vocabulary::new(&self.site_awards, self.setting.clone())
    }
}

impl Vocabulary {
    pub fn new(site_awards: &[SiteAward], setting: Setting) -> Vocabulary {
        Vocabulary {
            site_awards: site_awards.to_vec(),
            setting,
            read: Default::default(),
            read_target: Default::default(),
        }
    }

    /// What a wording means: see [`Reading`].
    pub fn read(&self, text: &str) -> Reading {
        remembered(&self.read, text, || award_wording::read(text, self))
    }

    /// The award a target counts: a form, optionally with its issuer, class or
    /// name ("Bằng khen" counts every Bằng khen).
    pub fn read_target(&self, text: &str) -> TargetReading {
        remembered(&self.read_target, text, || {
            award_wording::read_target(text, self)
        })
    }
}

/// The keys of a title in site.yaml `awards:`.
pub const SITE_AWARD_KEYS: &[&str] = &["title", "for", "level", "kind"];

/// A title the site adds: `{ title, for, level, kind }`.
impl Decode for SiteAward {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        let what = "an award";
        let f = d.fields(node, what, SITE_AWARD_KEYS)?;
        let title: Option<String> = f.req_text(d, "title", what);
        let recipients = f.req::<String>(d, "for", what).and_then(|v| {
            let options = [
                ("individuals", Recipients::Individual),
                ("collectives", Recipients::Collective),
                ("both", Recipients::Both),
                ("households", Recipients::Household),
            ];
            pick(d, f.pos_of("for"), &v, &options)
        });
        let level = f
            .opt::<String>(d, "level")
            .map_or(Some(AwardLevel::Grassroots), |v| {
                let options = [
                    ("state", AwardLevel::State),
                    ("government", AwardLevel::Government),
                    ("province", AwardLevel::Province),
                    ("district", AwardLevel::District),
                    ("grassroots", AwardLevel::Grassroots),
                ];
                pick(d, f.pos_of("level"), &v, &options)
            });
        let kind = f
            .opt::<String>(d, "kind")
            .map_or(Some(AwardKind::Commendation), |v| {
                let options = [
                    ("title", AwardKind::Title),
                    ("commendation", AwardKind::Commendation),
                ];
                pick(d, f.pos_of("kind"), &v, &options)
            });
        Some(SiteAward {
            title: title?,
            recipients: recipients?,
            level: level?,
            kind: kind?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_share_a_key_issuers_do_not() {
        let v = Vocabulary::new(
            &[],
            Setting::from_organization("Sở Nội vụ tỉnh Hà Tĩnh", None, None),
        );
        let award = |t: &str| match v.read(t) {
            Reading::Award(a) => a,
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(
            award("Bằng khen của Chủ tịch UBND tỉnh").key(),
            award("BẰNG KHEN CỦA CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH HÀ TĨNH").key()
        );
        assert_ne!(
            award("Bằng khen của Chủ tịch UBND tỉnh").key(),
            award("Bằng khen của Bộ trưởng Bộ Nội vụ").key()
        );
        assert_eq!(
            award("Chiến sỹ thi đua cơ sở").key(),
            award("Chiến sĩ thi đua cơ sở").key()
        );
    }
}
