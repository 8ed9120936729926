//! A campaign (phong trào thi đua): the plan document's data — number, date,
//! signer, motto, phases with their milestones, targets, recipients.
//!
//! Checks that need only the campaign itself (a phase ending before it starts,
//! overlapping phases, a percentage over 100) are made while decoding, so a
//! `Campaign` value is always coherent.

use chrono::{Datelike, NaiveDate};

use super::awards::{AwardId, Vocabulary};
use super::date::PartialDate;
use super::results::resolve_award;
use crate::diagnostics::Pos;
use crate::load::decode::{Decode, Decoder, Fields};
use crate::load::yaml::Node;
use crate::text::slug::slugify;

/// The keys a campaign's front matter adds to those of every page.
pub const KEYS: &[&str] = &[
    "number",
    "issued",
    "place",
    "signer",
    "subject",
    "motto",
    "basis",
    "phases",
    "targets",
    "recipients",
];

pub const PHASE_KEYS: &[&str] = &[
    "id",
    "name",
    "start",
    "end",
    "review_by",
    "goal",
    "review",
    "milestones",
];
pub const MILESTONE_KEYS: &[&str] = &["date", "since", "title"];
pub const SIGNER_KEYS: &[&str] = &["title", "name"];
pub const TARGET_KEYS: &[&str] = &["of", "text", "award", "percent", "count"];
pub const COUNT_KEYS: &[&str] = &["min", "max"];

#[derive(Debug, Clone)]
pub struct Campaign {
    /// Số, ký hiệu: "45/KH-SNV", or "/KH-SNV" while the number is not filled in.
    pub number: Option<String>,
    pub issued: Option<PartialDate>,
    pub place: Option<String>,
    pub signer: Option<Signer>,
    /// Trích yếu: the line under "KẾ HOẠCH"; the title when absent.
    pub subject: Option<String>,
    pub motto: Option<String>,
    pub basis: Vec<String>,
    /// At least one, in date order, not overlapping.
    pub phases: Vec<Phase>,
    pub targets: Vec<Target>,
    pub recipients: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Signer {
    pub title: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Phase {
    /// A slug, unique in the campaign: results lists name their phase by it.
    pub id: String,
    pub name: String,
    pub start: PartialDate,
    pub end: NaiveDate,
    /// Hạn tổng kết: the phase's review must be done by this day.
    pub review_by: Option<NaiveDate>,
    pub goal: Option<String>,
    pub review: Option<String>,
    /// In date order.
    pub milestones: Vec<Milestone>,
    /// Where the phase's `id` and `start` are written, for messages.
    pub id_pos: Pos,
    pub start_pos: Pos,
}

/// A commemorated day within a phase; `since` is the original event, from which
/// the anniversary ("92 năm") is computed, never typed.
#[derive(Debug, Clone)]
pub struct Milestone {
    pub date: NaiveDate,
    pub since: Option<NaiveDate>,
    pub title: String,
    pub pos: Pos,
}

impl Milestone {
    /// Whole years from `since` to `date`.
    pub fn anniversary_years(&self) -> Option<i32> {
        let since = self.since?;
        let mut years = self.date.year() - since.year();
        if (self.date.month(), self.date.day()) < (since.month(), since.day()) {
            years -= 1;
        }
        Some(years)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetGroup {
    Collectives,
    Individuals,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Share of the eligible collectives or individuals, 0–100.
    Percent(u32),
    /// A number of collectives or individuals, at least `min`, at most `max`.
    Count { min: u32, max: Option<u32> },
}

/// A target (mục tiêu thi đua): an award and how many should receive it, or a
/// qualitative goal with its text only.
#[derive(Debug, Clone)]
pub struct Target {
    pub group: TargetGroup,
    pub text: Option<String>,
    /// The award as written and where; resolved into `award` against the vocabulary.
    pub award_title: Option<(String, Pos)>,
    pub award: Option<AwardId>,
    pub measure: Option<Measure>,
    pub pos: Pos,
}

impl Campaign {
    pub fn decode(d: &mut Decoder, f: &Fields, vocabulary: &Vocabulary) -> Option<Campaign> {
        let what = "the campaign";
        let issued = f.opt(d, "issued");
        let signer = f.node("signer").and_then(|n| Signer::decode(d, n));
        let phases = match f.node("phases") {
            Some(node) => d.list::<Phase>(node).unwrap_or_default(),
            None => {
                d.error(
                    f.pos,
                    format!("{what} has no `phases`; it needs at least one"),
                )
                .help = Some("add `phases:` with a `- id: dot-1` entry (see README)".into());
                Vec::new()
            }
        };
        check_phases(d, &phases);
        let all_phases_decoded = match f.node("phases").map(|n| &n.kind) {
            Some(crate::load::yaml::NodeKind::Seq(items)) => items.len() == phases.len(),
            _ => false,
        };
        // With a phase missing the span is unknown: no warning on a guess.
        if all_phases_decoded {
            check_milestones(d, &phases);
        }
        let mut targets: Vec<Target> = f.list(d, "targets");
        for target in &mut targets {
            if let Some((title, pos)) = &target.award_title {
                target.award = resolve_award(d, vocabulary, title, *pos);
            }
        }
        Some(Campaign {
            number: f.opt(d, "number"),
            issued,
            place: f.opt(d, "place"),
            signer,
            subject: f.opt(d, "subject"),
            motto: f.opt(d, "motto"),
            basis: f.list(d, "basis"),
            phases,
            targets,
            recipients: f.list(d, "recipients"),
        })
    }

    /// The date the campaign is known by: issued, else its first phase's start.
    pub fn date(&self) -> Option<NaiveDate> {
        self.issued
            .map(|d| d.first_day())
            .or_else(|| self.phases.first().map(|p| p.start.first_day()))
    }

    /// The first day of the first phase and the last day of the last one.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.phases.first()?.start.first_day();
        let last = self.phases.iter().map(|p| p.end).max()?;
        Some((first, last))
    }
}

/// Phases must be in order and must not overlap: a day belongs to one phase.
fn check_phases(d: &mut Decoder, phases: &[Phase]) {
    for (i, phase) in phases.iter().enumerate() {
        if let Some(first) = phases[..i].iter().find(|p| p.id == phase.id) {
            let line = first.id_pos.line;
            d.error(
                phase.id_pos,
                format!("the phase id `{}` is used twice", phase.id),
            )
            .help = Some(format!("it is already the id of the phase on line {line}"));
        }
        if let Some(prev) = i.checked_sub(1).map(|j| &phases[j])
            && phase.start.first_day() <= prev.end
        {
            d.error(
                phase.start_pos,
                format!(
                    "the phase `{}` starts on {} but the phase `{}` before it runs until {}",
                    phase.id,
                    phase.start.iso(),
                    prev.id,
                    prev.end
                ),
            )
            .help = Some("phases must follow each other without overlapping".into());
        }
    }
}

/// A milestone outside the campaign's span is probably a typo in its year; it
/// may also be deliberate (a commemoration just before a phase), so: a warning.
fn check_milestones(d: &mut Decoder, phases: &[Phase]) {
    let (Some(first), Some(last)) = (
        phases.iter().map(|p| p.start.first_day()).min(),
        phases.iter().map(|p| p.end).max(),
    ) else {
        return;
    };
    for m in phases.iter().flat_map(|p| &p.milestones) {
        if m.date < first || m.date > last {
            d.warning(
                m.pos,
                format!(
                    "the milestone “{}” on {} is outside the campaign ({first} to {last})",
                    m.title, m.date
                ),
            )
            .help = Some("check its year".into());
        }
    }
}

impl Decode for Signer {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        let what = "the signer";
        let f = d.fields(node, what, SIGNER_KEYS)?;
        let title = f.req_text(d, "title", what);
        let name = f.req(d, "name", what);
        Some(Signer {
            title: title?,
            name: name?,
        })
    }
}

impl Decode for Phase {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        let what = "a phase";
        let f = d.fields(node, what, PHASE_KEYS)?;
        let id: Option<String> = f.req(d, "id", what);
        let name = f.req_text(d, "name", what);
        let start: Option<PartialDate> = f.req(d, "start", what);
        let end: Option<NaiveDate> = f.req(d, "end", what);
        let review_by: Option<NaiveDate> = f.opt(d, "review_by");
        let mut milestones: Vec<Milestone> = f.list(d, "milestones");
        milestones.sort_by_key(|m| m.date);
        if let Some(id) = &id
            && slugify(id) != *id
        {
            d.error(
                f.pos_of("id"),
                format!("the phase id `{id}` must be lowercase letters, digits and `-`"),
            )
            .help = Some(format!("write `{}`", slugify(id)));
        }
        if let (Some(start), Some(end)) = (start, end)
            && end < start.first_day()
        {
            d.error(
                f.pos_of("end"),
                format!(
                    "the phase ends on {end}, before it starts ({})",
                    start.iso()
                ),
            );
        }
        if let (Some(review_by), Some(end)) = (review_by, end)
            && review_by < end
        {
            d.error(
                f.pos_of("review_by"),
                format!("the review deadline {review_by} is before the phase ends ({end})"),
            )
            .help = Some("the review (tổng kết) comes after the phase".into());
        }
        Some(Phase {
            id: id?,
            name: name?,
            start: start?,
            end: end?,
            review_by,
            goal: f.opt(d, "goal"),
            review: f.opt(d, "review"),
            milestones,
            id_pos: f.pos_of("id"),
            start_pos: f.pos_of("start"),
        })
    }
}

impl Decode for Milestone {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        let what = "a milestone";
        let f = d.fields(node, what, MILESTONE_KEYS)?;
        let date: Option<NaiveDate> = f.req(d, "date", what);
        let since: Option<NaiveDate> = f.opt(d, "since");
        let title = f.req_text(d, "title", what);
        if let (Some(date), Some(since)) = (date, since)
            && since > date
        {
            d.error(
                f.pos_of("since"),
                format!("`since` ({since}) is after the milestone's date ({date})"),
            )
            .help = Some("`since` is the day of the original event being commemorated".into());
        }
        Some(Milestone {
            date: date?,
            since,
            title: title?,
            pos: f.pos_of("date"),
        })
    }
}

impl Decode for TargetGroup {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        match d.scalar(node, "`collectives` or `individuals`")? {
            "collectives" => Some(TargetGroup::Collectives),
            "individuals" => Some(TargetGroup::Individuals),
            other => {
                let help = crate::text::suggest::closest(other, ["collectives", "individuals"])
                    .map(|s| format!("did you mean `{s}`?"));
                d.error(
                    node.pos,
                    format!("expected `collectives` or `individuals`, found `{other}`"),
                )
                .help = help;
                None
            }
        }
    }
}

impl Decode for Target {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        let what = "a target";
        let f = d.fields(node, what, TARGET_KEYS)?;
        let group = f.req(d, "of", what);
        let text: Option<String> = f.opt(d, "text");
        let award: Option<String> = f.opt(d, "award");
        let award_pos = f.pos_of("award");
        let percent: Option<u32> = f.opt(d, "percent");
        let count = f.node("count").and_then(|n| decode_count(d, n));
        let measure = match (percent, count) {
            (Some(p), None) if p > 100 => {
                d.error(f.pos_of("percent"), format!("{p}% is more than 100%"));
                None
            }
            (Some(p), None) => Some(Measure::Percent(p)),
            (None, count) => count,
            (Some(_), Some(_)) => {
                d.error(
                    f.pos_of("count"),
                    "a target has a `percent` or a `count`, not both",
                );
                None
            }
        };
        if text.is_none() && award.is_none() {
            d.error(f.pos, "a target needs a `text`, an `award`, or both");
        }
        if measure.is_some() && award.is_none() {
            d.error(
                f.pos,
                "a target with a percent or a count needs the `award` it counts",
            );
        }
        Some(Target {
            group: group?,
            text,
            award_title: award.map(|a| (a, award_pos)),
            award: None,
            measure,
            pos: node.pos,
        })
    }
}

/// `count: 3` or `count: { min: 2, max: 3 }`.
fn decode_count(d: &mut Decoder, node: &Node) -> Option<Measure> {
    if let crate::load::yaml::NodeKind::Scalar { .. } = node.kind {
        let n = u32::decode(d, node)?;
        return Some(Measure::Count {
            min: n,
            max: Some(n),
        });
    }
    let f = d.fields(node, "a count", COUNT_KEYS)?;
    let min = f.req::<u32>(d, "min", "a count")?;
    let max: Option<u32> = f.opt(d, "max");
    if let Some(max) = max
        && max < min
    {
        d.error(
            f.pos_of("max"),
            format!("`max` ({max}) is less than `min` ({min})"),
        );
        return None;
    }
    Some(Measure::Count { min, max })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn anniversary_counts_whole_years() {
        let m = Milestone {
            date: day(2022, 2, 3),
            since: Some(day(1930, 2, 3)),
            title: "Ngày thành lập Đảng Cộng sản Việt Nam".into(),
            pos: Pos::START,
        };
        assert_eq!(m.anniversary_years(), Some(92));
        let early = Milestone {
            date: day(2022, 2, 2),
            ..m
        };
        assert_eq!(early.anniversary_years(), Some(91));
    }
}
