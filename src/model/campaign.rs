//! A campaign (phong trào thi đua): the plan document's data — number, date,
//! signer, motto, phases with their milestones, targets, recipients.
//!
//! Checks that need only the campaign itself (a phase ending before it starts,
//! overlapping phases, a percentage over 100) are made while decoding, so a
//! `Campaign` value is always coherent.

use chrono::{Datelike, NaiveDate};

use super::award_catalog::AwardLevel;
use super::award_wording::Reading;
use super::awards::{Award, Vocabulary};
use super::issuer::Issuer;
use crate::decode::yaml::Node;
use crate::decode::{Decode, Decoder, Fields};
use crate::diagnostics::Pos;
use crate::text::date::PartialDate;
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
pub const SIGNER_KEYS: &[&str] = &["authority", "title", "name"];
pub const TARGET_KEYS: &[&str] = &[
    "id", "of", "text", "award", "issuers", "level", "percent", "count", "within",
];
pub const COUNT_KEYS: &[&str] = &["min", "max"];
pub const PERCENT_KEYS: &[&str] = &["min", "max"];

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

/// Who signs the plan, as the signature block prints it (Nghị định 30/2020/NĐ-CP,
/// Điều 13): the authority line ("KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"), when
/// the signer signs for someone else, above the signer's own title ("PHÓ GIÁM
/// ĐỐC"), then the name.
#[derive(Debug, Clone)]
pub struct Signer {
    /// "KT. Giám đốc", "TL. Giám đốc", "TM. Ủy ban nhân dân", "Q. Giám đốc".
    pub authority: Option<String>,
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
    /// A share of the eligible collectives or individuals (or of another
    /// target's holders), 0–100: at least `min` ("100%", "trên 20%"), at
    /// most `max` ("không quá 20%"), or both.
    Percent { min: Option<u32>, max: Option<u32> },
    /// A number of collectives or individuals: at least `min`, at most `max`.
    Count { min: Option<u32>, max: Option<u32> },
}

impl Measure {
    /// A ceiling only: exceeding it is not meeting the target.
    pub fn is_ceiling(self) -> bool {
        matches!(
            self,
            Measure::Percent { min: None, .. } | Measure::Count { min: None, .. }
        )
    }
}

/// A target (mục tiêu thi đua): an award and how many should receive it, or a
/// qualitative goal with its text only.
#[derive(Debug, Clone)]
pub struct Target {
    /// Named so that another target can count within its holders.
    pub id: Option<String>,
    pub group: TargetGroup,
    pub text: Option<String>,
    /// What it counts: a form ("Bằng khen" counts every Bằng khen), or an
    /// award with its issuer, class or name.
    pub award: Option<Award>,
    /// Only the awards of these issuers ("được Bộ Nội vụ, UBND tỉnh tặng").
    pub issuers: Vec<Issuer>,
    /// Only the awards of this level.
    pub level: Option<AwardLevel>,
    pub measure: Option<Measure>,
    /// A percent of the holders of that target's award ("trong đó 15% …"),
    /// not of the eligible; with where it is written.
    pub within: Option<(String, Pos)>,
    pub pos: Pos,
}

impl Target {
    /// Whether an award counts towards this target.
    pub fn counts(&self, award: &Award) -> bool {
        let Some(wanted) = &self.award else {
            return false;
        };
        let same_form = wanted.form == award.form
            && (wanted.named.is_none() || wanted.named == award.named)
            && (wanted.class.is_none() || wanted.class == award.class)
            && (wanted.name.is_none() || wanted.key() == award.key());
        let issuer = match (&wanted.issuer, self.issuers.is_empty()) {
            (Some(i), true) if !self.is_implied(i) => award.issuer.as_ref() == Some(i),
            (_, false) => award
                .issuer
                .as_ref()
                .is_some_and(|i| self.issuers.contains(i)),
            _ => true,
        };
        same_form && issuer && self.level.is_none_or(|l| l == award.level)
    }

    /// An issuer the form itself implies (the President of an order), which
    /// says nothing more about what counts.
    fn is_implied(&self, issuer: &Issuer) -> bool {
        self.award
            .as_ref()
            .and_then(|a| a.law_form())
            .is_some_and(|f| {
                matches!(
                    f.givers,
                    super::award_catalog::Givers::President
                        | super::award_catalog::Givers::PrimeMinister
                )
            })
            && matches!(
                issuer.office,
                super::issuer::Office::President | super::issuer::Office::PrimeMinister
            )
    }
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
                .help = Some("add `phases:` with a `- id: dot-1` entry (see the section Campaigns of docs/content.md)".into());
                Vec::new()
            }
        };
        check_phases(d, &phases);
        let all_phases_decoded = match f.node("phases").map(|n| &n.kind) {
            Some(crate::decode::yaml::NodeKind::Seq(items)) => items.len() == phases.len(),
            _ => false,
        };
        // With a phase missing the span is unknown: no warning on a guess.
        if all_phases_decoded {
            check_milestones(d, &phases);
        }
        let targets = decode_targets(d, f, vocabulary);
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
        let authority = f.opt_text(d, "authority");
        let title = f.req_text(d, "title", what);
        let name = f.req(d, "name", what);
        if let Some(title) = &title {
            check_title(d, f.pos_of("title"), title, authority.is_some());
        }
        Some(Signer {
            authority,
            title: title?,
            name: name?,
        })
    }
}

/// The marks of an authority line (Nghị định 30/2020/NĐ-CP, Điều 13): thay mặt,
/// ký thay, thừa lệnh, thừa ủy quyền; each needs the signer's own title on the
/// line below. Quyền ("Q. Giám đốc") is a title of its own.
const AUTHORITY_MARKS: &[&str] = &["KT.", "TL.", "TM.", "TUQ."];
const ACTING_MARK: &str = "Q.";

/// Words a signer's own title starts with, where an authority line and a title
/// were typed as one ("KT. Giám đốc Phó Giám đốc"); compared in lower case.
/// Not "giám đốc" itself: "TM. Ban Giám đốc" is one line.
const TITLE_STARTS: &[&str] = &[
    "phó ",
    "chủ tịch",
    "chánh ",
    "trưởng ",
    "bí thư",
    "thứ trưởng",
    "bộ trưởng",
    "hiệu trưởng",
];

/// A title that starts with an authority mark belongs, at least in part, in
/// `authority`: printed as one line, "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" is not what
/// the document says. A warning, with the two lines it probably means.
fn check_title(d: &mut Decoder, pos: Pos, title: &str, has_authority: bool) {
    let Some(mark) = authority_mark(title) else {
        return;
    };
    let split = split_authority(title);
    if split.is_none() && (mark == ACTING_MARK || has_authority) {
        // "Q. Giám đốc" is a title; with an authority given, the editor has
        // already split the block and this title is theirs to word.
        return;
    }
    let help = match split {
        Some((authority, rest)) => format!(
            "the document prints these on two lines: write `authority: {authority}` and `title: {rest}`"
        ),
        None => format!(
            "`{mark}` begins the line above the signer's own title: write `authority: {title}` and give the signer's title, e.g. `title: Phó Giám đốc`"
        ),
    };
    d.warning(
        pos,
        format!("the signer's title `{title}` starts with `{mark}`, which marks an authority line"),
    )
    .help = Some(help);
}

/// The authority mark a text starts with ("KT." of "KT. Giám đốc"), in any case.
fn authority_mark(text: &str) -> Option<&'static str> {
    AUTHORITY_MARKS
        .iter()
        .chain([&ACTING_MARK])
        .copied()
        .find(|mark| {
            text.get(..mark.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(mark))
                && text[mark.len()..].starts_with(char::is_whitespace)
        })
}

/// An authority line and a title typed as one, split: at a line break, `/`,
/// `,` or `;`, else before a word a title starts with ("… Phó Giám đốc"),
/// else at a dash followed by such a word. `None` when nothing after the
/// authority line looks like a second line.
fn split_authority(title: &str) -> Option<(String, String)> {
    let mark = authority_mark(title)?;
    let body = &title[mark.len()..];
    let parts = |at: usize, skip: usize| {
        let first = body[..at].trim_end_matches([' ', '-', '–', '—']).trim();
        let second = body[at + skip..]
            .trim_start_matches([' ', '-', '–', '—'])
            .trim();
        (!first.is_empty() && !second.is_empty())
            .then(|| (format!("{mark} {first}"), second.to_owned()))
    };
    if let Some(at) = body.find(['\n', '/', ',', ';']) {
        return parts(at, 1);
    }
    let lower = body.to_lowercase();
    // Lower-casing Vietnamese keeps every letter's length in UTF-8, so the
    // offsets of `lower` are those of `body`; checked, not assumed.
    if lower.len() != body.len() {
        return None;
    }
    // Where the first word starts: a second line starts after it.
    let first_word = body.len() - body.trim_start().len();
    lower
        .match_indices(' ')
        .map(|(i, _)| i + 1)
        .filter(|&i| i > first_word)
        .find(|&i| TITLE_STARTS.iter().any(|w| lower[i..].starts_with(w)))
        .and_then(|i| parts(i, 0))
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

/// The campaign's targets: each resolved against the award grammar, and
/// `within` checked against the other targets' ids.
fn decode_targets(d: &mut Decoder, f: &Fields, vocabulary: &Vocabulary) -> Vec<Target> {
    let Some(node) = f.node("targets") else {
        return Vec::new();
    };
    let crate::decode::yaml::NodeKind::Seq(items) = &node.kind else {
        d.error(
            node.pos,
            format!("`targets` must be a list, found {}", node.describe()),
        );
        return Vec::new();
    };
    let targets: Vec<Target> = items
        .iter()
        .filter_map(|item| decode_target(d, item, vocabulary))
        .collect();
    for target in &targets {
        let Some((id, pos)) = &target.within else {
            continue;
        };
        match targets
            .iter()
            .find(|t| t.id.as_deref() == Some(id.as_str()))
        {
            None => {
                let ids: Vec<&str> = targets.iter().filter_map(|t| t.id.as_deref()).collect();
                let help = match crate::text::suggest::closest(id, ids.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "give the target it counts within an `id:`".into(),
                };
                d.error(*pos, format!("no target has the id `{id}`")).help = Some(help);
            }
            Some(other) if other.group != target.group => {
                d.error(*pos, format!("the target `{id}` counts other recipients (collectives against individuals)"));
            }
            Some(other) if other.award.is_none() => {
                d.error(
                    *pos,
                    format!("the target `{id}` names no award to count within"),
                );
            }
            Some(_) => {}
        }
    }
    targets
}

fn decode_target(d: &mut Decoder, node: &Node, vocabulary: &Vocabulary) -> Option<Target> {
    let what = "a target";
    let f = d.fields(node, what, TARGET_KEYS)?;
    let group = f.req(d, "of", what);
    let text: Option<String> = f.opt(d, "text");
    let award_text: Option<String> = f.opt(d, "award");
    let mut named_level = None;
    let award = award_text.as_ref().and_then(|title| {
        match vocabulary.read_target(title) {
            Ok((award, level)) => {
                named_level = level;
                Some(award)
            }
            Err(reading) => {
                let (message, suggestion) = match *reading {
                    Reading::Wrong { message, suggestion } => (message, suggestion),
                    Reading::Outside(award, why) => (
                        format!("“{}” is not an award of Luật Thi đua, khen thưởng, so a target cannot count it: {why}", award.title),
                        None,
                    ),
                    Reading::Award(_) => unreachable!("read_target returns awards as Ok"),
                };
                d.error(f.pos_of("award"), message).help = suggestion.map(|s| format!("did you mean “{s}”?"));
                None
            }
        }
    });
    let issuers = match f.node("issuers") {
        None => Vec::new(),
        Some(node) => decode_issuers(d, node, vocabulary),
    };
    let level = f.opt::<String>(d, "level").and_then(|v| {
        crate::decode::pick(
            d,
            f.pos_of("level"),
            &v,
            &[
                ("state", AwardLevel::State),
                ("government", AwardLevel::Government),
                ("province", AwardLevel::Province),
                ("district", AwardLevel::District),
                ("grassroots", AwardLevel::Grassroots),
            ],
        )
    });
    let percent = f.node("percent").and_then(|n| decode_percent(d, n));
    let count = f.node("count").and_then(|n| decode_count(d, n));
    let measure = match (percent, count) {
        (Some(p), None) => Some(p),
        (None, count) => count,
        (Some(_), Some(_)) => {
            d.error(
                f.pos_of("count"),
                "a target has a `percent` or a `count`, not both",
            );
            None
        }
    };
    let within: Option<String> = f.opt(d, "within");
    if within.is_some() && !matches!(measure, Some(Measure::Percent { .. })) {
        d.error(
            f.pos_of("within"),
            "`within` names the target whose holders a `percent` is of",
        );
    }
    if text.is_none() && award_text.is_none() {
        d.error(f.pos, "a target needs a `text`, an `award`, or both");
    }
    if measure.is_some() && award_text.is_none() {
        d.error(
            f.pos,
            "a target with a percent or a count needs the `award` it counts",
        );
    }
    let id: Option<String> = f.opt(d, "id");
    if let Some(id) = &id
        && crate::text::slug::slugify(id) != *id
    {
        d.error(
            f.pos_of("id"),
            format!("the target id `{id}` must be lowercase letters, digits and `-`"),
        )
        .help = Some(format!("write `{}`", crate::text::slug::slugify(id)));
    }
    Some(Target {
        id,
        group: group?,
        text,
        award,
        issuers,
        level: level.or(named_level),
        measure,
        within: within.map(|w| (w, f.pos_of("within"))),
        pos: node.pos,
    })
}

/// `issuers: [Bộ Nội vụ, UBND tỉnh]`: each read by the issuer grammar.
fn decode_issuers(d: &mut Decoder, node: &Node, vocabulary: &Vocabulary) -> Vec<Issuer> {
    let crate::decode::yaml::NodeKind::Seq(items) = &node.kind else {
        d.error(
            node.pos,
            format!("`issuers` must be a list, found {}", node.describe()),
        );
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let text = String::decode(d, item)?;
            let words = super::words::words(&text);
            let mut cursor = super::words::Cursor::new(&words, super::words::Compare::Marks);
            match super::issuer::parse(&mut cursor, &vocabulary.setting) {
                Ok(Some(issuer)) => Some(issuer),
                _ => {
                    d.error(item.pos, format!("“{text}” is not an authority that gives awards"))
                        .help = Some("write it as certificates name it: “Bộ trưởng Bộ Nội vụ”, “Chủ tịch UBND tỉnh”, “Giám đốc Sở Tư pháp”".into());
                    None
                }
            }
        })
        .collect()
}

/// `percent: 20` (at least), or `percent: { min: 10, max: 20 }` / `{ max: 20 }`.
fn decode_percent(d: &mut Decoder, node: &Node) -> Option<Measure> {
    let check = |d: &mut Decoder, p: u32, pos: Pos| {
        if p > 100 {
            d.error(pos, format!("{p}% is more than 100%"));
            None
        } else {
            Some(p)
        }
    };
    if let crate::decode::yaml::NodeKind::Scalar { .. } = node.kind {
        let p = u32::decode(d, node)?;
        return check(d, p, node.pos).map(|p| Measure::Percent {
            min: Some(p),
            max: None,
        });
    }
    let f = d.fields(node, "a percent", PERCENT_KEYS)?;
    let min = f
        .opt::<u32>(d, "min")
        .and_then(|p| check(d, p, f.pos_of("min")));
    let max = f
        .opt::<u32>(d, "max")
        .and_then(|p| check(d, p, f.pos_of("max")));
    bounds(d, &f, min, max).map(|(min, max)| Measure::Percent { min, max })
}

/// A `min` and a `max`, at least one of them, in order.
fn bounds(
    d: &mut Decoder,
    f: &Fields,
    min: Option<u32>,
    max: Option<u32>,
) -> Option<(Option<u32>, Option<u32>)> {
    match (min, max) {
        (None, None) => {
            d.error(f.pos, "give a `min`, a `max`, or both");
            None
        }
        (Some(min), Some(max)) if max < min => {
            d.error(
                f.pos_of("max"),
                format!("`max` ({max}) is less than `min` ({min})"),
            );
            None
        }
        bounds => Some(bounds),
    }
}

/// `count: 3`, or `count: { min: 2, max: 3 }`, `{ min: 1 }`, `{ max: 3 }`.
fn decode_count(d: &mut Decoder, node: &Node) -> Option<Measure> {
    if let crate::decode::yaml::NodeKind::Scalar { .. } = node.kind {
        let n = u32::decode(d, node)?;
        return Some(Measure::Count {
            min: Some(n),
            max: Some(n),
        });
    }
    let f = d.fields(node, "a count", COUNT_KEYS)?;
    let min: Option<u32> = f.opt(d, "min");
    let max: Option<u32> = f.opt(d, "max");
    bounds(d, &f, min, max).map(|(min, max)| Measure::Count { min, max })
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

    #[test]
    fn an_authority_line_typed_with_the_title_is_split_where_the_title_starts() {
        let split = |t: &str| split_authority(t).map(|(a, b)| format!("{a} | {b}"));
        for (typed, meant) in [
            ("KT. Giám đốc / Phó Giám đốc", "KT. Giám đốc | Phó Giám đốc"),
            ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC | PHÓ GIÁM ĐỐC"),
            ("KT. Giám đốc, Phó Giám đốc", "KT. Giám đốc | Phó Giám đốc"),
            ("KT. Giám đốc - Phó Giám đốc", "KT. Giám đốc | Phó Giám đốc"),
            (
                "TL. Giám đốc\nChánh Văn phòng",
                "TL. Giám đốc | Chánh Văn phòng",
            ),
            (
                "TM. Ủy ban nhân dân Chủ tịch",
                "TM. Ủy ban nhân dân | Chủ tịch",
            ),
            (
                "tm. Hội đồng Thi đua - Khen thưởng Chủ tịch",
                "TM. Hội đồng Thi đua - Khen thưởng | Chủ tịch",
            ),
            ("TUQ. Chủ tịch; Giám đốc Sở", "TUQ. Chủ tịch | Giám đốc Sở"),
        ] {
            assert_eq!(split(typed).as_deref(), Some(meant), "{typed}");
        }
        for one_line in [
            "Q. Giám đốc",
            "Q. Trưởng phòng Tổ chức",
            "Q. Giám đốc Sở Lao động - Thương binh và Xã hội",
            "TM. Ban Giám đốc",
            "KT. Giám đốc",
            "Giám đốc, Phó Giám đốc",
            "KTV. Giám đốc",
        ] {
            assert_eq!(split(one_line), None, "{one_line}");
        }
        assert_eq!(authority_mark("Kt. Giám đốc"), Some("KT."));
        assert_eq!(authority_mark("KT.Giám đốc"), None);
        assert_eq!(authority_mark("Phó Giám đốc"), None);
    }
}
