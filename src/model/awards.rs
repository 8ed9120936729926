//! The award vocabulary of a site: the Law's titles and forms (`award_catalog`),
//! common alternative wordings, and the site's own additions from `site.yaml`.
//!
//! Editors write titles as they find them in documents: "Chiến sỹ" or "Chiến sĩ",
//! "hoà" or "hòa", decomposed accents, odd case and spacing. All of these map to one
//! canonical title through [`key`]; an unknown title is an error naming the
//! closest known one.

use std::collections::HashMap;

use super::award_catalog::{AwardDef, AwardKind, AwardLevel, LAW_2022_AWARDS, Recipients};
use crate::text::{collate, suggest};

/// Wordings found in documents for titles of the Law, mapped to the Law's title.
const ALIASES: &[(&str, &str)] = &[
    (
        "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh",
        "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh",
    ),
    (
        "Chiến sĩ thi đua cấp tỉnh",
        "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh",
    ),
    (
        "Cờ thi đua cấp bộ, ban, ngành, tỉnh",
        "Cờ thi đua của Bộ, ban, ngành, tỉnh",
    ),
    (
        "Cờ thi đua của Ủy ban nhân dân tỉnh",
        "Cờ thi đua của Bộ, ban, ngành, tỉnh",
    ),
    (
        "Cờ thi đua của UBND tỉnh",
        "Cờ thi đua của Bộ, ban, ngành, tỉnh",
    ),
    (
        "Bằng khen cấp bộ, ban, ngành, tỉnh",
        "Bằng khen của Bộ, ban, ngành, tỉnh",
    ),
    (
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "Bằng khen của Bộ, ban, ngành, tỉnh",
    ),
    (
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Bằng khen của Bộ, ban, ngành, tỉnh",
    ),
    (
        "Bằng khen của Bộ trưởng",
        "Bằng khen của Bộ, ban, ngành, tỉnh",
    ),
];

/// One award the site knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Award {
    pub title: String,
    pub kind: AwardKind,
    pub recipients: Recipients,
    pub level: AwardLevel,
}

impl Award {
    fn from_def(def: &AwardDef) -> Award {
        Award {
            title: def.title.to_owned(),
            kind: def.kind,
            recipients: def.recipients,
            level: def.level,
        }
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
}

/// An index into [`Vocabulary::awards`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AwardId(pub u16);

#[derive(Debug, Clone)]
pub struct Vocabulary {
    awards: Vec<Award>,
    by_key: HashMap<String, AwardId>,
}

impl Vocabulary {
    /// The Law's vocabulary plus `extra` (the site's own titles).
    pub fn new(extra: &[Award]) -> Vocabulary {
        let mut vocabulary = Vocabulary {
            awards: Vec::new(),
            by_key: HashMap::new(),
        };
        for award in LAW_2022_AWARDS
            .iter()
            .map(Award::from_def)
            .chain(extra.iter().cloned())
        {
            let k = key(&award.title);
            if vocabulary.by_key.contains_key(&k) {
                continue; // a site that re-declares a Law title keeps the Law's
            }
            let id = AwardId(vocabulary.awards.len() as u16);
            vocabulary.by_key.insert(k, id);
            vocabulary.awards.push(award);
        }
        for (alias, title) in ALIASES {
            if let Some(&id) = vocabulary.by_key.get(&key(title)) {
                vocabulary.by_key.entry(key(alias)).or_insert(id);
            }
        }
        vocabulary
    }

    pub fn get(&self, id: AwardId) -> &Award {
        &self.awards[id.0 as usize]
    }

    pub fn awards(&self) -> impl Iterator<Item = (AwardId, &Award)> {
        self.awards
            .iter()
            .enumerate()
            .map(|(i, a)| (AwardId(i as u16), a))
    }

    /// The award a title means, or the closest known title as a suggestion.
    pub fn lookup(&self, title: &str) -> Result<AwardId, Option<&str>> {
        let k = key(title);
        if let Some(&id) = self.by_key.get(&k) {
            return Ok(id);
        }
        let closest = suggest::closest_within(
            &k,
            self.by_key.keys().map(String::as_str),
            (k.chars().count() / 4).max(2),
        );
        Err(closest.map(|k| self.get(self.by_key[k]).title.as_str()))
    }
}

/// The comparison key of an award title: see [`collate::spelling_key`].
pub fn key(title: &str) -> String {
    collate::spelling_key(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_share_a_key() {
        assert_eq!(key("Chiến sỹ thi đua cơ sở"), key("Chiến sĩ thi đua cơ sở"));
        assert_eq!(key("hoà"), key("hòa"));
        assert_eq!(key("khoá"), key("khóa"));
        assert_eq!(
            key("Thôn, tổ dân phố văn hoá"),
            key("Thôn, tổ dân phố văn hóa")
        );
        assert_eq!(
            key("CHIẾN  SĨ thi đua  cơ sở"),
            key("Chiến sĩ thi đua cơ sở")
        );
        assert_eq!(key("Chie\u{0302}\u{0301}n si\u{0303}"), key("Chiến sĩ"));
        // "y" after a vowel is a different letter: "Quý" is not "Quí"-folded away.
        assert_ne!(key("tay"), key("tai"));
    }

    #[test]
    fn lookup_canonicalizes_and_suggests() {
        let v = Vocabulary::new(&[]);
        let id = v.lookup("chiến sỹ thi đua cơ sở").unwrap();
        assert_eq!(v.get(id).title, "Chiến sĩ thi đua cơ sở");
        let id = v.lookup("Bằng khen cấp bộ, ban, ngành, tỉnh").unwrap();
        assert_eq!(v.get(id).title, "Bằng khen của Bộ, ban, ngành, tỉnh");
        assert_eq!(
            v.lookup("Tập thể lao động xuât sắc"),
            Err(Some("Tập thể lao động xuất sắc"))
        );
        assert_eq!(v.lookup("Giải Nobel"), Err(None));
    }

    #[test]
    fn site_titles_extend_the_law() {
        let extra = Award {
            title: "Giấy khen của Giám đốc Sở".into(),
            kind: AwardKind::Commendation,
            recipients: Recipients::Both,
            level: AwardLevel::Grassroots,
        };
        let v = Vocabulary::new(&[extra]);
        assert!(v.lookup("giấy khen của giám đốc sở").is_ok());
    }
}
