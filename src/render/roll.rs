//! The roll of honour (`/khen-thuong/`) and the units' pages (`/don-vi/<id>/`):
//! every honoree under every award, as rows computed once and shared by both.

use std::collections::BTreeMap;

use serde::Serialize;

use super::links::Links;
use super::lists::{kind_key, unit_href};
use crate::model::Site;
use crate::model::results::HonoreeKind;
use crate::text::collate;

pub const ROLL_PATH: &str = "khen-thuong/";
pub const UNITS_PATH: &str = "don-vi/";
/// The search index the roll's script loads: a script file, not JSON, so that it
/// also loads when the site is opened from the disk (browsers refuse to fetch
/// files there) and under a strict Content-Security-Policy.
pub const INDEX_FILE: &str = "khen-thuong/chi-muc.js";
/// Up to this many rows the roll's page also holds the whole list, for readers
/// without JavaScript; above it the list is split into pages by initial.
pub const INLINE_LIMIT: usize = 2000;

/// One honoree under one award.
#[derive(Serialize)]
pub struct HonourRow<'a> {
    /// Index of the row's list in `site.lists`.
    #[serde(skip)]
    pub list: usize,
    /// The name shown: a group inside a unit with its unit, "Tổ Toán - Tin —
    /// Trường THPT chuyên Phan Bội Châu".
    pub name: std::borrow::Cow<'a, str>,
    /// A group inside its unit: listed on the unit's page as its group's.
    pub in_unit: bool,
    /// The group's own name, without its unit ("Tổ Toán - Tin").
    pub group_name: Option<&'a str>,
    pub kind: &'static str,
    pub position: Option<&'a str>,
    pub unit_id: Option<&'a str>,
    pub unit_name: Option<&'a str>,
    pub unit_href: Option<String>,
    pub award: &'a str,
    /// Index of the award in the roll's filter options.
    pub award_id: u16,
    pub level: &'static str,
    pub year: Option<i32>,
    pub list_title: &'a str,
    pub list_href: String,
    pub decision_number: Option<&'a str>,
    pub decision_date: Option<String>,
    pub status: &'static str,
}

/// Rows for `site.honours`, in the same order.
pub fn rows<'a>(site: &'a Site, links: &Links) -> Vec<HonourRow<'a>> {
    site.honours
        .iter()
        .map(|&h| {
            let list = &site.lists[h.list];
            let honoree = site.honoree(h);
            let award_id = site.list_awards[h.list][h.group];
            let award = site.award(award_id);
            let unit = honoree.unit.as_deref().and_then(|id| site.config.unit(id));
            let name = match unit {
                Some(u) if honoree.in_unit => {
                    std::borrow::Cow::Owned(format!("{} — {}", honoree.name, u.name))
                }
                _ => std::borrow::Cow::Borrowed(honoree.name.as_str()),
            };
            HonourRow {
                list: h.list,
                name,
                in_unit: honoree.in_unit,
                group_name: honoree.in_unit.then_some(honoree.name.as_str()),
                kind: kind_key(honoree.kind),
                position: honoree.position.as_deref(),
                unit_id: unit.map(|u| u.id.as_str()),
                unit_name: unit.map(|u| u.name.as_str()),
                unit_href: unit.map(|u| unit_href(&u.id, links)),
                award: &award.title,
                award_id: award_id.0,
                level: award.level.label_vi(),
                year: list.year(),
                list_title: &list.title,
                list_href: links.href(&list.path),
                decision_number: list.decision.as_ref().map(|d| d.number.as_str()),
                decision_date: list.decision.as_ref().map(|d| d.date.to_string()),
                status: list.status.key(),
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct FilterOption<'a> {
    pub value: String,
    pub label: &'a str,
}

/// The roll of honour's filters: the years, awards and units that occur.
#[derive(Serialize)]
pub struct RollFilters<'a> {
    pub years: Vec<i32>,
    pub awards: Vec<FilterOption<'a>>,
    pub units: Vec<FilterOption<'a>>,
}

pub fn filters<'a>(site: &'a Site) -> RollFilters<'a> {
    let mut years: Vec<i32> = site
        .honours
        .iter()
        .filter_map(|&h| site.lists[h.list].year())
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let used_units: std::collections::HashSet<&str> = site
        .honours
        .iter()
        .filter_map(|&h| site.honoree(h).unit.as_deref())
        .collect();
    RollFilters {
        years,
        awards: site
            .awards
            .iter()
            .enumerate()
            .map(|(id, award)| FilterOption {
                value: id.to_string(),
                label: &award.title,
            })
            .collect(),
        units: site
            .config
            .units
            .iter()
            .filter(|u| used_units.contains(u.id.as_str()))
            .map(|u| FilterOption {
                value: u.id.clone(),
                label: &u.name,
            })
            .collect(),
    }
}

/// A unit's honours for one year: the unit's own (collective), its groups'
/// (a team, a department of it) and its people's.
#[derive(Serialize)]
pub struct UnitYear<'r, 'a> {
    pub year: Option<i32>,
    pub collective: Vec<&'r HonourRow<'a>>,
    pub groups: Vec<&'r HonourRow<'a>>,
    pub individual: Vec<&'r HonourRow<'a>>,
}

#[derive(Serialize)]
pub struct UnitView<'r, 'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub total: usize,
    /// Newest year first.
    pub years: Vec<UnitYear<'r, 'a>>,
}

/// The rows of each unit of site.yaml, grouped by year. One pass over the rows.
pub fn units<'r, 'a>(site: &'a Site, rows: &'r [HonourRow<'a>]) -> Vec<UnitView<'r, 'a>> {
    let mut by_unit: BTreeMap<&str, BTreeMap<std::cmp::Reverse<Option<i32>>, UnitYear<'r, 'a>>> =
        BTreeMap::new();
    for row in rows {
        let Some(unit) = row.unit_id else { continue };
        let year = by_unit
            .entry(unit)
            .or_default()
            .entry(std::cmp::Reverse(row.year))
            .or_insert_with(|| UnitYear {
                year: row.year,
                collective: Vec::new(),
                groups: Vec::new(),
                individual: Vec::new(),
            });
        if row.in_unit {
            year.groups.push(row);
        } else if row.kind == kind_key(HonoreeKind::Collective) {
            year.collective.push(row);
        } else {
            year.individual.push(row);
        }
    }
    site.config
        .units
        .iter()
        .map(|unit| {
            let years: Vec<UnitYear> = by_unit
                .remove(unit.id.as_str())
                .map(|y| y.into_values().collect())
                .unwrap_or_default();
            UnitView {
                id: &unit.id,
                name: &unit.name,
                total: years
                    .iter()
                    .map(|y| y.collective.len() + y.groups.len() + y.individual.len())
                    .sum(),
                years,
            }
        })
        .collect()
}

/// The people whose given name starts with one letter, for one page of the roll.
#[derive(Serialize)]
pub struct LetterGroup<'r, 'a> {
    pub label: String,
    /// Site path of the group's page: `khen-thuong/ten-dd/`.
    pub path: String,
    pub rows: Vec<&'r HonourRow<'a>>,
}

/// Site path of the collectives' page of the roll.
pub const COLLECTIVES_PATH: &str = "khen-thuong/tap-the/";

/// Individuals by the initial of their given name, in alphabetical order (the
/// rows are already in roll order, so each group is too).
pub fn letter_groups<'r, 'a>(rows: &'r [HonourRow<'a>]) -> Vec<LetterGroup<'r, 'a>> {
    let mut groups: Vec<LetterGroup> = Vec::new();
    for row in rows.iter().filter(|r| r.kind == "individual") {
        let given = row.name.split_whitespace().last().unwrap_or_default();
        let (label, slug) = collate::initial(given);
        match groups.iter_mut().find(|g| g.label == label) {
            Some(group) => group.rows.push(row),
            None => groups.push(LetterGroup {
                label,
                path: format!("{ROLL_PATH}ten-{slug}/"),
                rows: vec![row],
            }),
        }
    }
    groups
}

/// The paths of the pages by initial, without computing the rows.
pub fn letter_paths(site: &Site) -> Vec<String> {
    let mut slugs: Vec<&str> = site
        .honours
        .iter()
        .map(|&h| site.honoree(h))
        .filter(|h| h.kind == HonoreeKind::Individual)
        .map(|h| collate::initial(h.name.split_whitespace().last().unwrap_or_default()).1)
        .collect();
    slugs.sort_unstable();
    slugs.dedup();
    slugs
        .into_iter()
        .map(|s| format!("{ROLL_PATH}ten-{s}/"))
        .collect()
}

/// The roll's search index, compact: lookup tables for awards, units and lists,
/// then one array per row with the row's folded search text.
#[derive(Serialize)]
pub struct RollIndex<'a> {
    awards: Vec<&'a str>,
    /// `[id, name, href, folded name]`.
    units: Vec<(&'a str, &'a str, String, String)>,
    /// `[title, href, decision ("45/QĐ-SNV, 14/07/2023" or ""), year or 0]`.
    lists: Vec<(&'a str, String, String, i32)>,
    /// `[collective (0|1), name, position, unit (-1 if none), award, list, folded name and position]`.
    rows: Vec<(u8, &'a str, &'a str, i32, u16, u32, String)>,
}

pub fn index<'r>(site: &'r Site, rows: &'r [HonourRow<'r>], links: &Links) -> String {
    let filters = filters(site);
    let units: Vec<_> = site
        .config
        .units
        .iter()
        .map(|u| {
            (
                u.id.as_str(),
                u.name.as_str(),
                unit_href(&u.id, links),
                collate::search_key(&u.name),
            )
        })
        .collect();
    let index = RollIndex {
        awards: filters.awards.iter().map(|a| a.label).collect(),
        lists: site
            .lists
            .iter()
            .map(|l| {
                let decision = l
                    .decision
                    .as_ref()
                    .map(|d| format!("{}, {}", d.number, crate::text::vi_date::short(d.date)))
                    .unwrap_or_default();
                (
                    l.title.as_str(),
                    links.href(&l.path),
                    decision,
                    l.year().unwrap_or(0),
                )
            })
            .collect(),
        rows: rows
            .iter()
            .map(|r| {
                let unit = r
                    .unit_id
                    .and_then(|id| site.config.units.iter().position(|u| u.id == id))
                    .map_or(-1, |i| i as i32);
                let position = r.position.unwrap_or_default();
                (
                    u8::from(r.kind == "collective"),
                    r.name.as_ref(),
                    position,
                    unit,
                    // The filter's options are `site.awards`, in order.
                    r.award_id,
                    r.list as u32,
                    collate::search_key(&format!("{} {position}", r.name)),
                )
            })
            .collect(),
        units,
    };
    let mut json = serde_json::to_string(&index).expect("the index serializes");
    // JSON may hold the line and paragraph separators raw; a script before
    // ES2019 may not (an honoree's name pasted from Word once held one).
    if json.contains(['\u{2028}', '\u{2029}']) {
        json = json
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029");
    }
    format!("window.BANGVANG_ROLL = {json};\n")
}
