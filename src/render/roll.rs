//! The roll of honour (`/khen-thuong/`) and the units' pages (`/don-vi/<id>/`):
//! every honoree under every award, as rows computed once and shared by both.

use std::collections::BTreeMap;

use serde::Serialize;

use super::links::Links;
use super::lists::{kind_key, unit_href};
use crate::model::Site;
use crate::model::results::{HonoreeKind, ListStatus};

pub const ROLL_PATH: &str = "khen-thuong/";
pub const UNITS_PATH: &str = "don-vi/";

/// One honoree under one award.
#[derive(Serialize)]
pub struct HonourRow<'a> {
    pub name: &'a str,
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
            let award_id = list.awards[h.group].award;
            let award = site.vocabulary.get(award_id);
            let unit = honoree.unit.as_deref().and_then(|id| site.config.unit(id));
            HonourRow {
                name: &honoree.name,
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
                status: match list.status {
                    ListStatus::Proposed => "proposed",
                    ListStatus::Decided => "decided",
                },
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
    let mut awards: Vec<u16> = site
        .lists
        .iter()
        .flat_map(|l| l.awards.iter().map(|g| g.award.0))
        .collect();
    awards.sort_unstable();
    awards.dedup();
    let used_units: std::collections::HashSet<&str> = site
        .honours
        .iter()
        .filter_map(|&h| site.honoree(h).unit.as_deref())
        .collect();
    RollFilters {
        years,
        awards: awards
            .into_iter()
            .map(|id| FilterOption {
                value: id.to_string(),
                label: &site.vocabulary.get(crate::model::awards::AwardId(id)).title,
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

/// A unit's honours for one year: the unit's own (collective) and its people's.
#[derive(Serialize)]
pub struct UnitYear<'r, 'a> {
    pub year: Option<i32>,
    pub collective: Vec<&'r HonourRow<'a>>,
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
                individual: Vec::new(),
            });
        if row.kind == kind_key(HonoreeKind::Collective) {
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
                    .map(|y| y.collective.len() + y.individual.len())
                    .sum(),
                years,
            }
        })
        .collect()
}
