//! The campaign page's view: the document's header fields, the phase timeline
//! with statuses against `--today`, and the targets measured against the
//! published results.

use chrono::NaiveDate;
use serde::Serialize;

use std::collections::HashSet;

use super::labels;
use super::links::Links;
use super::lists::{ListSummary, list_summary};
use super::views::{PhaseBrief, Status, campaign_summary};
use crate::model::Site;
use crate::model::campaign::{Campaign, Measure, Milestone, Phase, Target, TargetGroup};
use crate::model::page::Page;
use crate::model::results::{HonoreeKind, ListStatus};
use crate::model::site::{ListId, PageId};
use crate::text::collate;
use crate::text::date::PartialDate;
use crate::text::vi_date;

/// A campaign's page: the document's header fields, phases, targets.
#[derive(Serialize)]
pub struct CampaignView<'a> {
    pub number: Option<&'a str>,
    /// The number with its blank part kept visible: "Số:      /KH-SNV".
    pub number_display: Option<String>,
    pub issued: Option<String>,
    /// "Hà Tĩnh, ngày      tháng 01 năm 2022".
    pub place_date: Option<String>,
    pub place: Option<&'a str>,
    /// The line above the signer's title: "KT. Giám đốc", "TM. Ủy ban nhân dân".
    pub signer_authority: Option<&'a str>,
    pub signer_title: Option<&'a str>,
    pub signer_name: Option<&'a str>,
    pub subject: &'a str,
    pub motto: Option<&'a str>,
    pub basis: &'a [String],
    pub phases: Vec<PhaseView<'a>>,
    pub targets: Vec<TargetGroupView<'a>>,
    pub recipients: &'a [String],
    /// The campaign's results lists, phase lists first.
    pub lists: Vec<ListSummary<'a>>,
    pub status: Status,
    pub status_label: &'static str,
    pub current_phase: Option<PhaseBrief<'a>>,
    /// The campaign's figures (`thong-ke/` below it), once a list is decided.
    pub statistics_href: Option<String>,
}

#[derive(Serialize)]
pub struct PhaseView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub start: String,
    pub end: String,
    pub review_by: Option<String>,
    pub goal: Option<&'a str>,
    pub review: Option<&'a str>,
    pub status: Status,
    pub status_label: &'static str,
    /// Start, milestones, end and review deadline, in date order.
    pub timeline: Vec<TimelineItem<'a>>,
}

#[derive(Serialize)]
pub struct TimelineItem<'a> {
    /// `start`, `milestone`, `end` or `review`.
    pub kind: &'static str,
    pub date: String,
    pub title: String,
    /// The original event's date, for milestones.
    pub since: Option<String>,
    pub years: Option<i32>,
    pub detail: Option<&'a str>,
    /// Before, on, or after `--today`.
    pub when: &'static str,
}

#[derive(Serialize)]
pub struct TargetGroupView<'a> {
    pub group: &'static str,
    pub label: &'static str,
    pub targets: Vec<TargetView<'a>>,
}

#[derive(Serialize)]
pub struct TargetView<'a> {
    pub text: Option<&'a str>,
    /// What it counts: "Bằng khen (Bộ trưởng Bộ Nội vụ, Chủ tịch Ủy ban nhân
    /// dân tỉnh Hà Tĩnh)", "Tập thể lao động xuất sắc".
    pub award: Option<String>,
    /// "20%", "2–3", "ít nhất 1".
    pub measure: Option<String>,
    /// Against the decided lists of the campaign, when there are any.
    pub result: Option<TargetResult>,
}

/// A target's figure computed from the decided lists.
#[derive(Serialize)]
pub struct TargetResult {
    /// "2/8 (25%)", or "3".
    pub achieved: String,
    pub met: bool,
    /// More than the target's `max`.
    pub exceeded: bool,
    /// "đạt", "chưa đạt", "vượt chỉ tiêu", or why nothing can be computed.
    pub label: String,
    /// The figure drawn against the target, when there is one to draw.
    pub bar: Option<TargetBar>,
}

/// A target's figure as a bar: lengths and marks as percentages of the bar
/// (an SVG of width 100), written as coordinates ("33.3").
#[derive(Serialize)]
pub struct TargetBar {
    pub fill: String,
    /// Where the target's bounds fall.
    pub marks: Vec<String>,
}

impl TargetBar {
    /// `value` of a bar whose end is `scale`, the bounds marked; `None` when
    /// there is nothing to scale by.
    fn new(value: f64, scale: f64, bounds: [Option<u32>; 2]) -> Option<TargetBar> {
        if scale <= 0.0 {
            return None;
        }
        let at = |v: f64| super::statistics::coordinate((v * 100.0 / scale).min(100.0));
        Some(TargetBar {
            fill: at(value),
            marks: bounds
                .into_iter()
                .flatten()
                .map(|b| at(f64::from(b)))
                .collect(),
        })
    }
}

pub fn campaign_view<'a>(
    site: &'a Site,
    id: PageId,
    campaign: &'a Campaign,
    links: &Links,
) -> CampaignView<'a> {
    let page: &Page = site.page(id);
    let today = site.today;
    let summary = campaign_summary(campaign, today);
    let issued_long = campaign.issued.map(vi_date::long);
    CampaignView {
        number: campaign.number.as_deref(),
        number_display: campaign.number.as_deref().map(|n| {
            if n.starts_with('/') {
                format!("{}{n}", "\u{a0}".repeat(6))
            } else {
                n.to_owned()
            }
        }),
        issued: campaign.issued.map(PartialDate::iso),
        place_date: match (&campaign.place, issued_long) {
            (Some(place), Some(date)) => Some(format!("{place}, {date}")),
            (None, Some(date)) => Some(date),
            _ => None,
        },
        place: campaign.place.as_deref(),
        signer_authority: campaign
            .signer
            .as_ref()
            .and_then(|s| s.authority.as_deref()),
        signer_title: campaign.signer.as_ref().map(|s| s.title.as_str()),
        signer_name: campaign.signer.as_ref().map(|s| s.name.as_str()),
        subject: campaign.subject.as_deref().unwrap_or(&page.meta.title),
        motto: campaign.motto.as_deref(),
        basis: &campaign.basis,
        phases: campaign
            .phases
            .iter()
            .map(|p| phase_view(p, today))
            .collect(),
        targets: target_groups(site, id, &campaign.targets),
        recipients: &campaign.recipients,
        lists: site
            .lists_of(id)
            .iter()
            .map(|&l| list_summary(site, l, links))
            .collect(),
        status: summary.status,
        status_label: summary.status_label,
        current_phase: summary.current_phase,
        statistics_href: super::statistics::has_figures(site, id)
            .then(|| links.href(&crate::paths::campaign_statistics(&page.path))),
    }
}

fn when(date: NaiveDate, today: NaiveDate) -> &'static str {
    match date.cmp(&today) {
        std::cmp::Ordering::Less => "past",
        std::cmp::Ordering::Equal => "today",
        std::cmp::Ordering::Greater => "upcoming",
    }
}

fn phase_view(phase: &Phase, today: NaiveDate) -> PhaseView<'_> {
    let status = Status::of_phase(phase, today);
    let mut timeline = vec![TimelineItem {
        kind: "start",
        date: phase.start.iso(),
        title: labels::PHASE_START.into(),
        since: None,
        years: None,
        detail: None,
        when: when(phase.start.first_day(), today),
    }];
    timeline.extend(phase.milestones.iter().map(|m| milestone_item(m, today)));
    timeline.push(TimelineItem {
        kind: "end",
        date: phase.end.to_string(),
        title: labels::PHASE_END.into(),
        since: None,
        years: None,
        detail: phase.goal.as_deref(),
        when: when(phase.end, today),
    });
    if let Some(review_by) = phase.review_by {
        timeline.push(TimelineItem {
            kind: "review",
            date: review_by.to_string(),
            title: labels::PHASE_REVIEW.into(),
            since: None,
            years: None,
            detail: phase.review.as_deref(),
            when: when(review_by, today),
        });
    }
    // Stable: on the same day the start comes first and the review last.
    timeline.sort_by(|a, b| a.date.get(..10).cmp(&b.date.get(..10)));
    PhaseView {
        id: &phase.id,
        name: &phase.name,
        start: phase.start.iso(),
        end: phase.end.to_string(),
        review_by: phase.review_by.map(|d| d.to_string()),
        goal: phase.goal.as_deref(),
        review: phase.review.as_deref(),
        status,
        status_label: labels::status(status),
        timeline,
    }
}

fn milestone_item(m: &Milestone, today: NaiveDate) -> TimelineItem<'_> {
    let years = m.anniversary_years();
    TimelineItem {
        kind: "milestone",
        date: m.date.to_string(),
        title: labels::milestone(&m.title, years),
        since: m.since.map(|d| d.to_string()),
        years,
        detail: None,
        when: when(m.date, today),
    }
}

fn target_groups<'a>(
    site: &'a Site,
    page: PageId,
    targets: &'a [Target],
) -> Vec<TargetGroupView<'a>> {
    [
        (
            TargetGroup::Collectives,
            "collectives",
            labels::TARGETS_COLLECTIVES,
        ),
        (
            TargetGroup::Individuals,
            "individuals",
            labels::TARGETS_INDIVIDUALS,
        ),
    ]
    .into_iter()
    .map(|(group, key, label)| TargetGroupView {
        group: key,
        label,
        targets: targets
            .iter()
            .filter(|t| t.group == group)
            .map(|t| TargetView {
                text: t.text.as_deref(),
                award: t.award.as_ref().map(|a| counted_label(a, t)),
                measure: t.measure.map(measure_label),
                result: target_result(site, page, t, targets),
            })
            .collect(),
    })
    .filter(|g| !g.targets.is_empty())
    .collect()
}

/// What a target counts, as the plan says it.
fn counted_label(award: &crate::model::awards::Award, target: &Target) -> String {
    let mut label = award.title.clone();
    if !target.issuers.is_empty() {
        let issuers: Vec<String> = target.issuers.iter().map(|i| i.holder()).collect();
        label = format!("{label} ({})", issuers.join(", "));
    }
    if let Some(level) = target.level {
        label = format!("{label} — {}", labels::award_level(level).to_lowercase());
    }
    label
}

fn measure_label(measure: Measure) -> String {
    match measure {
        Measure::Percent {
            min: Some(min),
            max: None,
        } => format!("{min}%"),
        Measure::Percent {
            min: None,
            max: Some(max),
        } => labels::at_most_percent(max),
        Measure::Percent {
            min: Some(min),
            max: Some(max),
        } => format!("{min}–{max}%"),
        Measure::Count {
            min: Some(min),
            max: Some(max),
        } if max == min => min.to_string(),
        Measure::Count {
            min: Some(min),
            max: Some(max),
        } => format!("{min}–{max}"),
        Measure::Count {
            min: Some(min),
            max: None,
        } => labels::at_least(min),
        Measure::Count {
            min: None,
            max: Some(max),
        } => labels::at_most(max),
        Measure::Percent { .. } | Measure::Count { .. } => String::new(),
    }
}

/// Whether a figure meets a target of at least `min` and at most `max`, and
/// how to say it: a ceiling passed is not met; a plan's range passed is
/// "vượt chỉ tiêu".
fn judged(
    value: u64,
    scale: u64,
    min: Option<u32>,
    max: Option<u32>,
) -> (bool, bool, &'static str) {
    // value / scale against the bounds, without rounding.
    let at_least = min.is_none_or(|m| value * 100 >= u64::from(m) * scale);
    let at_most = max.is_none_or(|m| value * 100 <= u64::from(m) * scale);
    match (min, at_least, at_most) {
        (None, _, true) => (true, false, labels::TARGET_MET),
        (None, _, false) => (false, true, labels::TARGET_OVER_CEILING),
        (Some(_), true, false) => (true, true, labels::TARGET_EXCEEDED),
        (Some(_), true, true) => (true, false, labels::TARGET_MET),
        (Some(_), false, _) => (false, false, labels::TARGET_NOT_MET),
    }
}

/// Counts the distinct honorees of what the target counts in the campaign's
/// decided lists, and compares with the target. Percentages divide by
/// `eligible` of a whole-campaign list if one gives it, else of the latest
/// phase list — or, `within` another target, by that target's holders in
/// the same list.
fn target_result(
    site: &Site,
    page: PageId,
    target: &Target,
    all: &[Target],
) -> Option<TargetResult> {
    let measure = target.measure?;
    target.award.as_ref()?;
    let kind = match target.group {
        TargetGroup::Collectives => HonoreeKind::Collective,
        TargetGroup::Individuals => HonoreeKind::Individual,
    };
    let decided: Vec<ListId> = site
        .lists_of(page)
        .iter()
        .copied()
        .filter(|&l| site.list(l).status == ListStatus::Decided)
        .collect();
    if decided.is_empty() {
        return None;
    }
    // Distinct honorees, in `lists`, of the awards `counts` takes.
    let count_in = |lists: &[ListId], counted: &Target| -> u32 {
        let mut people: HashSet<(String, Option<&str>)> = HashSet::new();
        for &l in lists {
            let list = site.list(l);
            for (g, group) in list.awards.iter().enumerate() {
                if !counted.counts(site.award(site.group_award(l, g))) {
                    continue;
                }
                for h in group.honorees.iter().filter(|h| h.kind == kind) {
                    people.insert((collate::spelling_key(&h.name), h.unit.as_deref()));
                }
            }
        }
        people.len() as u32
    };
    let result = match measure {
        Measure::Percent { min, max } => {
            let within = target
                .within
                .as_ref()
                .and_then(|(id, _)| all.iter().find(|t| t.id.as_deref() == Some(id.as_str())));
            // Numerator and denominator from the same list: a whole-campaign
            // list that gives it, else the latest phase list that does.
            let denominator_in = |l: ListId| -> Option<u32> {
                match within {
                    Some(other) => Some(count_in(&[l], other)),
                    None => match target.group {
                        TargetGroup::Collectives => site.list(l).eligible.collectives,
                        TargetGroup::Individuals => site.list(l).eligible.individuals,
                    },
                }
            };
            let source = decided
                .iter()
                .rev()
                .filter(|&&l| site.list(l).phase.is_none())
                .chain(decided.iter().rev())
                .copied()
                .find(|&l| denominator_in(l).is_some_and(|n| n > 0));
            match source {
                None => TargetResult {
                    achieved: count_in(&decided, target).to_string(),
                    met: false,
                    exceeded: false,
                    bar: None,
                    label: if within.is_some() {
                        labels::TARGET_NO_BASE_HOLDERS.into()
                    } else {
                        labels::TARGET_NO_ELIGIBLE.into()
                    },
                },
                Some(list) => {
                    let whole = denominator_in(list).unwrap_or(1);
                    let count = count_in(&[list], target);
                    let share = f64::from(count) * 100.0 / f64::from(whole);
                    let (met, exceeded, label) =
                        judged(u64::from(count), u64::from(whole), min, max);
                    TargetResult {
                        achieved: format!("{count}/{whole} ({})", labels::percent(share)),
                        met,
                        exceeded,
                        // A share's bar is the whole: 100%.
                        bar: TargetBar::new(share, 100.0, [min, max]),
                        label: label.into(),
                    }
                }
            }
        }
        Measure::Count { min, max } => {
            let count = count_in(&decided, target);
            let (met, exceeded, label) = judged(u64::from(count), 100, min, max);
            // A count's bar ends at the larger of the figure and the target.
            let scale = [Some(count), min, max]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(0);
            TargetResult {
                achieved: count.to_string(),
                met,
                exceeded,
                bar: TargetBar::new(f64::from(count), f64::from(scale), [min, max]),
                label: label.into(),
            }
        }
    };
    Some(result)
}
