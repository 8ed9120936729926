//! The roll of honour (`/khen-thuong/`) and the units' pages (`/don-vi/<id>/`):
//! every honoree under every award, as rows computed once and shared by both.

use crate::paths;
use std::collections::BTreeMap;

use serde::Serialize;

use super::inputs::Inputs;
use super::labels;
use super::links::Links;
use super::lists::unit_href;
use super::{Context, Generated};
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::model::results::{HonoreeKind, ListStatus};
use crate::model::site::{LetterId, ListId, UnitId};
use crate::text::collate;

/// Up to this many rows the roll's page also holds the whole list, for readers
/// without JavaScript; above it the list is split into pages by initial.
pub const INLINE_LIMIT: usize = 2000;

/// One honoree under one award.
#[derive(Serialize)]
pub struct HonourRow<'a> {
    /// The row's list.
    #[serde(skip)]
    pub list: ListId,
    /// The name shown: a group inside a unit with its unit, "Tổ Toán - Tin —
    /// Trường THPT chuyên Phan Bội Châu".
    pub name: std::borrow::Cow<'a, str>,
    /// A group inside its unit: listed on the unit's page as its group's.
    pub in_unit: bool,
    /// The group's own name, without its unit ("Tổ Toán - Tin").
    pub group_name: Option<&'a str>,
    pub kind: HonoreeKind,
    pub position: Option<&'a str>,
    pub unit_id: Option<&'a str>,
    pub unit_name: Option<&'a str>,
    pub unit_href: Option<String>,
    pub award: &'a str,
    /// Index of the award in the roll's filter options.
    pub award_id: u16,
    pub level: &'static str,
    pub year: Option<i32>,
    /// As a cell shows it: "2024", or "2024-2025" for a school year.
    pub year_label: Option<String>,
    pub list_title: &'a str,
    pub list_href: String,
    pub decision_number: Option<&'a str>,
    pub decision_date: Option<String>,
    pub status: ListStatus,
}

/// Rows for `site.honours`, in the same order.
pub fn rows<'a>(site: &'a Site, links: &Links) -> Vec<HonourRow<'a>> {
    let counted = site.config.reporting_year;
    site.honours
        .iter()
        .map(|&h| {
            let list = site.list(h.list);
            let honoree = site.honoree(h);
            let award_id = site.group_award(h.list, h.group);
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
                kind: honoree.kind,
                position: honoree.position.as_deref(),
                unit_id: unit.map(|u| u.id.as_str()),
                unit_name: unit.map(|u| u.name.as_str()),
                unit_href: unit.map(|u| unit_href(&u.id, links)),
                award: &award.title,
                award_id: award_id.0,
                level: labels::award_level(award.level),
                year: list.year(counted),
                year_label: list.year(counted).map(|y| counted.short_label(y)),
                list_title: &list.title,
                list_href: links.href(&list.path),
                decision_number: list.decision.as_ref().map(|d| d.number.as_str()),
                decision_date: list.decision.as_ref().map(|d| d.date.to_string()),
                status: list.status,
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct FilterOption<'a> {
    pub value: String,
    pub label: std::borrow::Cow<'a, str>,
}

/// The roll of honour's filters: the years, awards and units that occur.
#[derive(Serialize)]
pub struct RollFilters<'a> {
    /// Newest first; `label` "2024" or "2024-2025".
    pub years: Vec<FilterOption<'a>>,
    pub awards: Vec<FilterOption<'a>>,
    pub units: Vec<FilterOption<'a>>,
}

pub fn filters<'a>(site: &'a Site) -> RollFilters<'a> {
    let mut years: Vec<i32> = site
        .honours
        .iter()
        .filter_map(|&h| site.list(h.list).year(site.config.reporting_year))
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let years = years
        .into_iter()
        .map(|y| FilterOption {
            value: y.to_string(),
            label: site.config.reporting_year.short_label(y).into(),
        })
        .collect();
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
                label: award.title.as_str().into(),
            })
            .collect(),
        units: site
            .config
            .units
            .iter()
            .filter(|u| used_units.contains(u.id.as_str()))
            .map(|u| FilterOption {
                value: u.id.clone(),
                label: u.name.as_str().into(),
            })
            .collect(),
    }
}

/// A unit's honours for one year: the unit's own (collective), its groups'
/// (a team, a department of it) and its people's.
#[derive(Serialize)]
pub struct UnitYear<'r, 'a> {
    pub year: Option<i32>,
    /// "Năm 2024", or "Năm học 2024-2025".
    pub label: Option<String>,
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
                label: row.year.map(|y| site.config.reporting_year.label(y)),
                collective: Vec::new(),
                groups: Vec::new(),
                individual: Vec::new(),
            });
        if row.in_unit {
            year.groups.push(row);
        } else if row.kind == HonoreeKind::Collective {
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

/// The roll's search index, compact: lookup tables for awards, units and lists,
/// then one array per row with the row's folded search text.
#[derive(Serialize)]
pub struct RollIndex<'a> {
    awards: Vec<&'a str>,
    /// `[id, name, href, folded name]`.
    units: Vec<(&'a str, &'a str, String, String)>,
    /// `[title, href, decision ("45/QĐ-SNV, 14/07/2023" or ""), year or 0,
    /// the year as shown ("2024", "2024-2025" or "")]`.
    lists: Vec<(&'a str, String, String, i32, String)>,
    /// `[collective (0|1), name, position, unit (-1 if none), award, list, folded name and position]`.
    rows: Vec<(u8, &'a str, &'a str, i32, u16, u32, String)>,
}

pub fn index<'r>(site: &'r Site, rows: &'r [HonourRow<'r>], links: &Links) -> String {
    let counted = site.config.reporting_year;
    // By id: a list of 50,000 honourees asks once per row.
    let unit_index: std::collections::HashMap<&str, usize> = site
        .config
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
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
        awards: site.awards.iter().map(|a| a.title.as_str()).collect(),
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
                    l.year(counted).unwrap_or(0),
                    l.year(counted)
                        .map(|y| counted.short_label(y))
                        .unwrap_or_default(),
                )
            })
            .collect(),
        rows: rows
            .iter()
            .map(|r| {
                let unit = r
                    .unit_id
                    .and_then(|id| unit_index.get(id))
                    .map_or(-1, |&i| i as i32);
                let position = r.position.unwrap_or_default();
                (
                    u8::from(r.kind == HonoreeKind::Collective),
                    r.name.as_ref(),
                    position,
                    unit,
                    // The filter's options are `site.awards`, in order.
                    r.award_id,
                    r.list.index() as u32,
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

/// A page of the roll: a generated page with the letters' navigation.
struct RollPage<'v> {
    generated: Generated<'v>,
    letters: Vec<serde_json::Value>,
    collectives_href: String,
    roll_href: String,
    current: Option<&'v str>,
}

impl RollPage<'_> {
    fn inputs(&self) -> Inputs<'_> {
        let mut inputs = self.generated.inputs();
        inputs.push(("letters", &self.letters));
        inputs.push(("collectives_href", &self.collectives_href));
        inputs.push(("roll_href", &self.roll_href));
        inputs.push(("current", &self.current));
        inputs
    }
}

/// A page of the roll: the letters' navigation, and `current` marks the
/// letter (or "Tập thể") the page is for.
fn roll_page<'v>(
    cx: &'v Context,
    path: &'v str,
    title: &'v str,
    current: Option<&'v str>,
) -> RollPage<'v> {
    let parents = if current.is_some() {
        vec![(labels::ROLL, paths::ROLL)]
    } else {
        Vec::new()
    };
    let letters = cx
        .site
        .letters
        .iter()
        .map(|letter| {
            serde_json::json!({
                "label": letter.label,
                "href": cx.links.href(&paths::roll_letter(letter.slug)),
                "count": letter.honours.len(),
            })
        })
        .collect();
    RollPage {
        generated: cx.generated(path, title, parents),
        letters,
        collectives_href: cx.links.href(paths::ROLL_COLLECTIVES),
        roll_href: cx.links.href(paths::ROLL),
        current,
    }
}

fn content() -> &'static std::path::Path {
    std::path::Path::new("content")
}

/// The roll of honour: everyone on one page up to [`INLINE_LIMIT`] rows, the
/// filters and the search (the rows come from its index).
pub(super) fn render(cx: &Context) -> Result<Vec<Diagnostic>, Diagnostic> {
    let path = paths::ROLL;
    let roll = roll_page(cx, path, labels::ROLL, None);
    let inline = cx.rows.len() <= INLINE_LIMIT;
    let (individuals, collectives): (Vec<&HonourRow>, Vec<&HonourRow>) = if inline {
        cx.rows
            .iter()
            .partition(|r| r.kind == HonoreeKind::Individual)
    } else {
        (Vec::new(), Vec::new())
    };
    let filters = filters(cx.site);
    let mut inputs = roll.inputs();
    inputs.push(("inline", &inline));
    if inline {
        inputs.push(("individuals", &individuals));
        inputs.push(("collectives", &collectives));
    }
    inputs.push(("filters", &filters));
    // The open data is written first: the page lists its files' sizes and
    // checksums, and describes them as JSON-LD.
    let data_files = super::open_data::write(cx)?;
    let json_ld = super::data_package::json_ld(cx.site, cx.links, &data_files);
    let license = super::data_package::license(cx.site);
    let license = serde_json::json!({ "title": license.title, "href": license.path });
    inputs.push(("data_files", &data_files));
    inputs.push(("json_ld", &json_ld));
    inputs.push(("license", &license));
    inputs.push(("json_href", &paths::OPEN_DATA_JSON));
    inputs.push(("csv_href", &paths::OPEN_DATA_CSV));
    inputs.push(("xlsx_href", &paths::OPEN_DATA_XLSX));
    inputs.push(("index_href", &paths::ROLL_INDEX));
    let statistics_href = cx.links.href(paths::STATISTICS);
    inputs.push(("statistics_href", &statistics_href));
    cx.render("honours.html", &inputs, path, content())
}

/// The people whose given name starts with one letter.
pub(super) fn render_letter(cx: &Context, id: LetterId) -> Result<Vec<Diagnostic>, Diagnostic> {
    let letter = cx.site.letter(id);
    let path = paths::roll_letter(letter.slug);
    let title = labels::roll_letter(&letter.label);
    let roll = roll_page(cx, &path, &title, Some(&letter.label));
    let individuals: Vec<&HonourRow> = letter.honours.iter().map(|&i| &cx.rows[i]).collect();
    let mut inputs = roll.inputs();
    inputs.push(("individuals", &individuals));
    cx.render("honours_part.html", &inputs, &path, content())
}

pub(super) fn render_collectives(cx: &Context) -> Result<Vec<Diagnostic>, Diagnostic> {
    let path = paths::ROLL_COLLECTIVES;
    let roll = roll_page(
        cx,
        path,
        labels::ROLL_COLLECTIVES,
        Some(labels::COLLECTIVES),
    );
    let collectives: Vec<&HonourRow> = cx
        .rows
        .iter()
        .filter(|r| r.kind == HonoreeKind::Collective)
        .collect();
    let mut inputs = roll.inputs();
    inputs.push(("collectives", &collectives));
    cx.render("honours_part.html", &inputs, path, content())
}

/// The roll's search index.
pub(super) fn write_index(cx: &Context) -> Result<Vec<Diagnostic>, Diagnostic> {
    let index = index(cx.site, cx.rows, cx.links);
    cx.write_data(paths::ROLL_INDEX, index.as_bytes())
}

fn site_yaml() -> &'static std::path::Path {
    std::path::Path::new(crate::model::config::CONFIG_FILE)
}

/// The units' index.
pub(super) fn render_units(cx: &Context) -> Result<Vec<Diagnostic>, Diagnostic> {
    let path = paths::UNITS;
    let generated = cx.generated(path, labels::UNITS, Vec::new());
    let summaries: Vec<_> = cx
        .units
        .iter()
        .map(|u| {
            serde_json::json!({
                "id": u.id,
                "name": u.name,
                "total": u.total,
                "href": unit_href(u.id, cx.links),
            })
        })
        .collect();
    let mut inputs = generated.inputs();
    inputs.push(("units", &summaries));
    cx.render("units.html", &inputs, path, site_yaml())
}

/// A unit's page: its honours, its groups' and its people's, by year.
pub(super) fn render_unit(cx: &Context, id: UnitId) -> Result<Vec<Diagnostic>, Diagnostic> {
    let unit = &cx.units[id.index()];
    let path = paths::unit(unit.id);
    let generated = cx.generated(&path, unit.name, vec![(labels::UNITS, paths::UNITS)]);
    let mut inputs = generated.inputs();
    inputs.push(("unit", unit));
    cx.render("unit.html", &inputs, &path, site_yaml())
}
