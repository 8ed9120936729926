//! The honours in figures: `/thong-ke/` for the whole site, and
//! `/phong-trao/<campaign>/thong-ke/` for each campaign with a decided list.
//! Honours per year, award level, form and unit, individuals and collectives,
//! and the share of individuals who hold no leading or managing post
//! (`model::position`), each drawn as horizontal bars in SVG with its figures
//! in a table beside it.
//!
//! An honour is one honoree under one award of a *decided* list: a proposed
//! list is not an honour yet, and is only said to be left out. The figures are
//! counted in one pass over the roll's rows ([`super::roll::rows`], computed
//! once for the build), for the site and each campaign at once ([`figures`]);
//! the pages only turn them into views.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::roll::HonourRow;
use super::{Context, labels};
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::model::award_catalog::{AwardLevel, FORMS};
use crate::model::awards::{AwardId, Form};
use crate::model::position::{self, LeadingTitles};
use crate::model::results::{HonoreeKind, ListStatus};
use crate::model::site::PageId;
use crate::paths;

/// What is counted of one scope (the site, a campaign).
#[derive(Default)]
struct Tally<'a> {
    /// Honours of decided lists, `[individuals, collectives]` (as every pair
    /// below).
    kinds: [usize; 2],
    by_year: BTreeMap<i32, [usize; 2]>,
    by_level: BTreeMap<AwardLevel, [usize; 2]>,
    by_form: BTreeMap<Form, [usize; 2]>,
    by_unit: HashMap<&'a str, [usize; 2]>,
    no_unit: [usize; 2],
    /// Individuals' honours: `[leading post, no leading post, no position given]`.
    posts: [usize; 3],
    /// Honours of proposed lists, left out.
    proposed: usize,
}

/// One honour of a decided list, as the tallies see it.
struct Counted<'a> {
    kind: usize,
    year: Option<i32>,
    level: AwardLevel,
    form: Form,
    unit: Option<&'a str>,
    post: Option<usize>,
}

impl<'a> Tally<'a> {
    fn add(&mut self, h: &Counted<'a>) {
        let k = h.kind;
        self.kinds[k] += 1;
        // Every decided list has a decision, so a year.
        if let Some(year) = h.year {
            self.by_year.entry(year).or_default()[k] += 1;
        }
        self.by_level.entry(h.level).or_default()[k] += 1;
        self.by_form.entry(h.form).or_default()[k] += 1;
        match h.unit {
            Some(unit) => self.by_unit.entry(unit).or_default()[k] += 1,
            None => self.no_unit[k] += 1,
        }
        if let Some(post) = h.post {
            self.posts[post] += 1;
        }
    }
}

/// The figures of the site and of each campaign, counted once per build.
pub struct Figures<'a> {
    site: Tally<'a>,
    /// By campaign page.
    campaigns: HashMap<PageId, Tally<'a>>,
}

static NOTHING: std::sync::LazyLock<Tally<'static>> = std::sync::LazyLock::new(Tally::default);

impl<'a> Figures<'a> {
    /// A campaign's tally (nothing counted when its lists have no honoree).
    fn campaign(&self, page: PageId) -> &Tally<'a> {
        self.campaigns.get(&page).unwrap_or(&NOTHING)
    }
}

/// The campaigns that have a decided list, in page order: each has its page
/// of figures.
pub fn campaigns(site: &Site) -> Vec<PageId> {
    site.page_ids()
        .filter(|&page| has_figures(site, page))
        .collect()
}

/// Whether a campaign has a page of figures: it has a decided list.
pub fn has_figures(site: &Site, campaign: PageId) -> bool {
    site.lists_of(campaign)
        .iter()
        .any(|&l| site.list(l).status == ListStatus::Decided)
}

const LEADING: usize = 0;
const NOT_LEADING: usize = 1;
const NO_POSITION: usize = 2;

/// Counts every row of the roll into the site's tally and its campaign's.
pub fn figures<'a>(site: &'a Site, rows: &[HonourRow<'a>]) -> Figures<'a> {
    let titles = LeadingTitles::new(site.config.leading_titles.iter().map(String::as_str));
    // A site's positions repeat ("Chuyên viên", "Giáo viên"): each is read
    // once. Reading one costs about 5,000 instructions (callgrind, BENCHMARKS.md,
    // "The statistics at 50,000 honorees"), so reading all 49,200 individuals'
    // of the bench site would be some 250 M, 1.5% of its build.
    let mut posts: HashMap<&str, bool> = HashMap::new();
    let mut all = Tally::default();
    let mut campaigns: HashMap<PageId, Tally> = HashMap::new();
    for row in rows {
        let tally = campaigns.entry(site.campaign_of(row.list)).or_default();
        if row.status != ListStatus::Decided {
            all.proposed += 1;
            tally.proposed += 1;
            continue;
        }
        let award = site.award(AwardId(row.award_id));
        let post = match (row.kind, row.position.map(str::trim)) {
            (HonoreeKind::Individual, Some(p)) if !p.is_empty() => {
                let leading = *posts
                    .entry(p)
                    .or_insert_with(|| titles.holds_leading_post(p));
                Some(if leading { LEADING } else { NOT_LEADING })
            }
            (HonoreeKind::Individual, _) => Some(NO_POSITION),
            (HonoreeKind::Collective, _) => None,
        };
        let counted = Counted {
            kind: kind_index(row.kind),
            year: row.year,
            level: award.level,
            form: award.form,
            unit: row.unit_id,
            post,
        };
        all.add(&counted);
        tally.add(&counted);
    }
    Figures {
        site: all,
        campaigns,
    }
}

fn kind_index(kind: HonoreeKind) -> usize {
    match kind {
        HonoreeKind::Individual => 0,
        HonoreeKind::Collective => 1,
    }
}

/// The drawing's width, in the SVG's units; it scales to the screen.
const WIDTH: u32 = 400;
/// The longest bar, leaving room for its figure after it.
const BAR_MAX: u32 = 260;
/// One bar: its label above, the bar, room below.
const ROW_HEIGHT: u32 = 44;
/// The units drawn; the table lists them all.
const UNITS_DRAWN: usize = 15;
/// Labels longer than this are shortened in the drawing (the table has them
/// whole).
const LABEL_CHARS: usize = 40;

/// A chart: horizontal bars, and the same figures as a table.
#[derive(Serialize)]
pub struct Chart {
    /// Its element's id: `theo-nam`.
    pub id: &'static str,
    pub title: String,
    /// The heading of the table's first column.
    pub label_heading: &'static str,
    /// Bars split into individuals and collectives (a legend, two columns).
    pub split: bool,
    pub width: u32,
    pub height: u32,
    /// The longest bar's length: its track.
    pub track: u32,
    pub bars: Vec<Bar>,
    pub rows: Vec<Row>,
    /// The total the shares are of.
    pub total: String,
    pub note: Option<String>,
}

/// A bar as drawn, its coordinates in the SVG's units.
#[derive(Serialize)]
pub struct Bar {
    pub label: String,
    /// "1.234 (33,3%)".
    pub figure: String,
    pub label_y: u32,
    pub bar_y: u32,
    pub figure_y: u32,
    /// The individuals' part, then the collectives' after it.
    pub first: String,
    pub second_x: String,
    pub second: String,
    pub figure_x: String,
}

/// A row of a chart's table.
#[derive(Serialize)]
pub struct Row {
    pub label: String,
    pub individuals: String,
    pub collectives: String,
    pub total: String,
    pub share: String,
}

/// A coordinate: one decimal at most, with a dot (SVG's syntax, not a reader's).
pub(super) fn coordinate(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

fn share(part: usize, whole: usize) -> String {
    if whole == 0 {
        String::new()
    } else {
        labels::percent(part as f64 * 100.0 / whole as f64)
    }
}

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A chart of `entries` (label, `[individuals, collectives]`), drawn in their
/// order; the table also has `more`, rows not drawn.
fn chart(
    id: &'static str,
    title: String,
    label_heading: &'static str,
    split: bool,
    entries: Vec<(String, [usize; 2])>,
    more: Vec<(String, [usize; 2])>,
) -> Chart {
    let total: usize = entries.iter().chain(&more).map(|(_, n)| n[0] + n[1]).sum();
    let max = entries.iter().map(|(_, n)| n[0] + n[1]).max().unwrap_or(0);
    let length = |n: usize| {
        if max == 0 {
            0.0
        } else {
            n as f64 * f64::from(BAR_MAX) / max as f64
        }
    };
    let bars = entries
        .iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let top = i as u32 * ROW_HEIGHT;
            let first = length(n[0]);
            let whole = length(n[0] + n[1]);
            Bar {
                label: short(label),
                figure: format!(
                    "{} ({})",
                    labels::number(n[0] + n[1]),
                    share(n[0] + n[1], total)
                ),
                label_y: top + 16,
                bar_y: top + 22,
                figure_y: top + 34,
                first: coordinate(first),
                second_x: coordinate(first),
                second: coordinate(whole - first),
                figure_x: coordinate(whole + 5.0),
            }
        })
        .collect::<Vec<_>>();
    let rows = entries
        .iter()
        .chain(&more)
        .map(|(label, n)| Row {
            label: label.clone(),
            individuals: labels::number(n[0]),
            collectives: labels::number(n[1]),
            total: labels::number(n[0] + n[1]),
            share: share(n[0] + n[1], total),
        })
        .collect();
    Chart {
        id,
        title,
        label_heading,
        split,
        width: WIDTH,
        height: bars.len() as u32 * ROW_HEIGHT + 4,
        track: BAR_MAX,
        bars,
        rows,
        total: labels::number(total),
        note: None,
    }
}

/// The page's figures.
#[derive(Serialize)]
pub struct StatisticsView<'a> {
    /// No honour of a decided list to count.
    pub empty: bool,
    pub honours: String,
    pub individuals: String,
    pub collectives: String,
    pub decided_lists: usize,
    /// Left out: proposed lists and their honours.
    pub proposed_lists: usize,
    pub proposed_honours: String,
    pub charts: Vec<Chart>,
    pub posts: PostsView<'a>,
    /// On the site's page: each campaign's figures.
    pub campaigns: Vec<CampaignRow>,
}

/// Who holds a leading post.
#[derive(Serialize)]
pub struct PostsView<'a> {
    pub chart: Chart,
    /// Of the individuals whose position is given: "72,5%".
    pub share: Option<String>,
    pub not_leading: String,
    pub with_position: String,
    pub no_position: String,
    /// The titles read as leading posts, built-in and the site's own.
    pub titles: Vec<&'static str>,
    pub site_titles: &'a [String],
}

#[derive(Serialize)]
pub struct CampaignRow {
    pub title: String,
    pub href: String,
    pub individuals: String,
    pub collectives: String,
    pub total: String,
}

fn view<'a>(cx: &Context<'_, 'a>, tally: &Tally, campaign: Option<PageId>) -> StatisticsView<'a> {
    let site = cx.site;
    let counted = site.config.reporting_year;
    let lists: Vec<_> = match campaign {
        Some(page) => site.lists_of(page).to_vec(),
        None => site.list_ids().collect(),
    };
    let decided_lists = lists
        .iter()
        .filter(|&&l| site.list(l).status == ListStatus::Decided)
        .count();
    // A proposal that a decided list decides is not left out: the decision
    // is counted instead (the roll has its rows, not the proposal's).
    let proposed_lists = lists
        .iter()
        .filter(|&&l| site.list(l).status != ListStatus::Decided && site.decided_by(l).is_none())
        .count();
    let kinds = chart(
        "ca-nhan-tap-the",
        labels::STATS_BY_KIND.into(),
        labels::STATS_KIND,
        false,
        vec![
            (labels::INDIVIDUALS.into(), [tally.kinds[0], 0]),
            (labels::COLLECTIVES.into(), [0, tally.kinds[1]]),
        ],
        Vec::new(),
    );
    let years = chart(
        "theo-nam",
        labels::stats_by_year(counted),
        labels::year_name(counted),
        true,
        tally
            .by_year
            .iter()
            .map(|(&y, &n)| (counted.short_label(y), n))
            .collect(),
        Vec::new(),
    );
    let levels = chart(
        "theo-cap",
        labels::STATS_BY_LEVEL.into(),
        labels::STATS_LEVEL,
        true,
        tally
            .by_level
            .iter()
            .map(|(&level, &n)| (labels::award_level(level).to_owned(), n))
            .collect(),
        Vec::new(),
    );
    let forms = chart(
        "theo-hinh-thuc",
        labels::STATS_BY_FORM.into(),
        labels::STATS_FORM,
        true,
        tally
            .by_form
            .iter()
            .map(|(&form, &n)| (form_label(site, form), n))
            .collect(),
        Vec::new(),
    );
    let posts = posts_view(site, tally);
    let mut charts = vec![kinds, years, levels, forms, units_chart(site, tally)];
    charts.retain(|c| !c.rows.is_empty());
    StatisticsView {
        empty: tally.kinds == [0, 0],
        honours: labels::number(tally.kinds[0] + tally.kinds[1]),
        individuals: labels::number(tally.kinds[0]),
        collectives: labels::number(tally.kinds[1]),
        decided_lists,
        proposed_lists,
        proposed_honours: labels::number(tally.proposed),
        charts,
        posts,
        campaigns: match campaign {
            Some(_) => Vec::new(),
            None => campaign_rows(cx),
        },
    }
}

fn form_label(site: &Site, form: Form) -> String {
    match form {
        Form::Law(i) => FORMS[i as usize].title.to_owned(),
        Form::Site(i) => site.config.awards[i as usize].title.clone(),
        Form::Outside => labels::STATS_OUTSIDE_LAW.to_owned(),
    }
}

/// The units with most honours drawn, every unit in the table; ties in
/// site.yaml's order.
fn units_chart(site: &Site, tally: &Tally) -> Chart {
    let mut units: Vec<(usize, &str, [usize; 2])> = site
        .config
        .units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| {
            tally
                .by_unit
                .get(u.id.as_str())
                .map(|&n| (i, u.name.as_str(), n))
        })
        .collect();
    units.sort_by_key(|&(i, _, n)| (std::cmp::Reverse(n[0] + n[1]), i));
    let mut entries: Vec<(String, [usize; 2])> = units
        .iter()
        .map(|&(_, name, n)| (name.to_owned(), n))
        .collect();
    let mut more = Vec::new();
    let mut note = None;
    if entries.len() > UNITS_DRAWN {
        more = entries.split_off(UNITS_DRAWN);
        note = Some(labels::stats_units_drawn(UNITS_DRAWN, units.len()));
    }
    if tally.no_unit != [0, 0] {
        more.push((labels::STATS_NO_UNIT.into(), tally.no_unit));
    }
    let mut chart = chart(
        "theo-don-vi",
        labels::STATS_BY_UNIT.into(),
        labels::STATS_UNIT,
        true,
        entries,
        more,
    );
    chart.note = note;
    chart
}

fn posts_view<'a>(site: &'a Site, tally: &Tally) -> PostsView<'a> {
    let [leading, not_leading, no_position] = tally.posts;
    let with_position = leading + not_leading;
    PostsView {
        chart: chart(
            "chuc-vu",
            labels::STATS_BY_POST.into(),
            labels::STATS_POST,
            false,
            vec![
                (labels::STATS_LEADING.into(), [leading, 0]),
                (labels::STATS_NOT_LEADING.into(), [not_leading, 0]),
                (labels::STATS_NO_POSITION.into(), [no_position, 0]),
            ],
            Vec::new(),
        ),
        share: (with_position > 0).then(|| share(not_leading, with_position)),
        not_leading: labels::number(not_leading),
        with_position: labels::number(with_position),
        no_position: labels::number(no_position),
        titles: position::BUILT_IN.iter().map(|t| t.title).collect(),
        site_titles: &site.config.leading_titles,
    }
}

fn campaign_rows(cx: &Context) -> Vec<CampaignRow> {
    campaigns(cx.site)
        .into_iter()
        .map(|page| {
            let tally = cx.statistics.campaign(page);
            let campaign = cx.site.page(page);
            CampaignRow {
                title: campaign.meta.title.clone(),
                href: cx.links.href(&paths::campaign_statistics(&campaign.path)),
                individuals: labels::number(tally.kinds[0]),
                collectives: labels::number(tally.kinds[1]),
                total: labels::number(tally.kinds[0] + tally.kinds[1]),
            }
        })
        .collect()
}

/// `/thong-ke/`: the whole site's figures.
pub(super) fn render(cx: &Context) -> Result<Vec<Diagnostic>, Diagnostic> {
    let path = paths::STATISTICS;
    let generated = cx.generated(path, labels::STATISTICS, Vec::new());
    let view = view(cx, &cx.statistics.site, None);
    let roll_href = cx.links.href(paths::ROLL);
    let mut inputs = generated.inputs();
    inputs.push(("statistics", &view));
    inputs.push(("roll_href", &roll_href));
    inputs.push(("site_statistics_href", &None::<String>));
    cx.render(
        "statistics.html",
        &inputs,
        path,
        std::path::Path::new("content"),
    )
}

/// A campaign's figures, below its page.
pub(super) fn render_campaign(cx: &Context, page: PageId) -> Result<Vec<Diagnostic>, Diagnostic> {
    let campaign = cx.site.page(page);
    let path = paths::campaign_statistics(&campaign.path);
    let title = labels::campaign_statistics(&campaign.meta.title);
    let parents = super::campaign_parents(cx.site, page);
    let generated = cx.generated(&path, &title, parents);
    let view = view(cx, cx.statistics.campaign(page), Some(page));
    let site_href = Some(cx.links.href(paths::STATISTICS));
    let roll_href = cx.links.href(paths::ROLL);
    let mut inputs = generated.inputs();
    inputs.push(("statistics", &view));
    inputs.push(("roll_href", &roll_href));
    inputs.push(("site_statistics_href", &site_href));
    cx.render("statistics.html", &inputs, &path, &campaign.source)
}
