//! Results lists (danh sách khen thưởng): who a campaign honours, with which award,
//! by whose decision — or, for a *proposed* list, who it means to honour, open to
//! public comment until a date.
//!
//! A results list is any `*.yaml` file of a campaign's bundle. Honoree records
//! accept only the documented fields, so personal data (birth dates, ID numbers,
//! phone numbers) has no key to go in.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::award_wording::Reading;
use super::awards::{Award, Vocabulary};
use super::page::AttachmentRef;
use crate::decode::pick;
use crate::decode::yaml::{Node, NodeKind};
use crate::decode::{Decoder, Fields};
use crate::diagnostics::Pos;
use crate::model::config::SiteConfig;
use crate::text::{collate, suggest};

pub const KEYS: &[&str] = &[
    "title",
    "summary",
    "phase",
    "status",
    "published",
    "comment_until",
    "decision",
    "proposal",
    "eligible",
    "awards",
    "attachments",
    "draft",
];
pub const HONOREE_KEYS: &[&str] = &["name", "position", "unit", "achievement", "kind"];
pub const DECISION_KEYS: &[&str] = &["number", "date", "signer", "file"];
pub const AWARD_GROUP_KEYS: &[&str] = &["award", "honorees"];
pub const ELIGIBLE_KEYS: &[&str] = &["collectives", "individuals"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStatus {
    /// Dự kiến: published for comment before the decision.
    Proposed,
    /// Đã quyết định: the decision is signed.
    Decided,
}

impl ListStatus {
    pub const ALL: [ListStatus; 2] = [ListStatus::Proposed, ListStatus::Decided];

    /// The word used in site.yaml, the open data and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            ListStatus::Proposed => "proposed",
            ListStatus::Decided => "decided",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub number: String,
    pub date: NaiveDate,
    pub signer: Option<String>,
    /// The scanned decision, a file of the bundle.
    pub file: Option<String>,
    pub file_pos: Pos,
}

/// Denominators for target progress: how many could have been honoured.
#[derive(Debug, Clone, Copy, Default)]
pub struct Eligible {
    pub collectives: Option<u32>,
    pub individuals: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HonoreeKind {
    Individual,
    Collective,
}

impl HonoreeKind {
    pub const ALL: [HonoreeKind; 2] = [HonoreeKind::Individual, HonoreeKind::Collective];

    /// The word used in lists (`kind:`), the open data, templates and CSS
    /// classes.
    pub fn key(self) -> &'static str {
        match self {
            HonoreeKind::Individual => "individual",
            HonoreeKind::Collective => "collective",
        }
    }
}

/// Kinds and statuses reach templates and the open data as their keys.
macro_rules! serialize_as_key {
    ($($ty:ty),*) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }
    )*};
}
serialize_as_key!(HonoreeKind, ListStatus);

#[derive(Debug, Clone)]
pub struct Honoree {
    pub kind: HonoreeKind,
    /// A person's full name, or a collective's name (the unit's, when given by id).
    pub name: String,
    pub position: Option<String>,
    /// A unit id of site.yaml: the person's unit, the collective itself, or
    /// the unit a group belongs to (see `in_unit`).
    pub unit: Option<String>,
    /// A group inside `unit` ("Tổ Toán - Tin" of a school), not the unit
    /// itself: listed on the unit's page as its group's award.
    pub in_unit: bool,
    pub achievement: Option<String>,
    pub pos: Pos,
}

impl Honoree {
    /// Who the honoree is, for telling whether two records are the same
    /// person or collective: the kind, the name's spelling key (composition,
    /// case, spacing and tone placement do not matter: "Hòa" and "Hoà" are
    /// one name, "An" and "Ân" are two) and the unit id.
    pub fn identity(&self) -> (HonoreeKind, String, Option<&str>) {
        (
            self.kind,
            collate::spelling_key(&self.name),
            self.unit.as_deref(),
        )
    }
}

#[derive(Debug, Clone)]
pub struct AwardGroup {
    /// As read from the list (the site shows one spelling of each award: see
    /// `Site::awards`).
    pub award: Award,
    pub honorees: Vec<Honoree>,
}

#[derive(Debug, Clone)]
pub struct ResultsList {
    pub source: PathBuf,
    /// Page path of the campaign: `phong-trao/2022/`.
    pub campaign_path: String,
    /// This list's page: `phong-trao/2022/dot-1/`.
    pub path: String,
    pub title: String,
    pub summary: Option<String>,
    /// A phase id of the campaign; `None` for the whole campaign (tổng kết).
    pub phase: Option<String>,
    pub phase_pos: Pos,
    pub status: ListStatus,
    pub published: Option<NaiveDate>,
    /// Not published until this is removed (unless `--drafts`).
    pub draft: bool,
    pub comment_until: Option<NaiveDate>,
    pub decision: Option<Decision>,
    /// A decided list's proposal: the file name (without `.yaml`) of the
    /// proposed list of the same campaign it decides. Linked and checked in
    /// `Site::assemble` (`model::proposals`).
    pub proposal: Option<String>,
    pub proposal_pos: Pos,
    pub eligible: Eligible,
    pub awards: Vec<AwardGroup>,
    pub attachments: Vec<AttachmentRef>,
}

impl ResultsList {
    /// The year the honours belong to: the decision's, else the publication's, else
    /// the end of comments'.
    /// The year the list's honours count in: of its decision, else of its
    /// publication or comment period, as the site counts years.
    pub fn year(&self, counted: crate::model::config::ReportingYear) -> Option<i32> {
        self.decision
            .as_ref()
            .map(|d| d.date)
            .or(self.published)
            .or(self.comment_until)
            .map(|d| counted.of(d))
    }

    pub fn honoree_count(&self, kind: HonoreeKind) -> usize {
        self.awards
            .iter()
            .flat_map(|g| &g.honorees)
            .filter(|h| h.kind == kind)
            .count()
    }
}

/// Decodes a results file. `path` is the list's page path.
pub fn decode(
    d: &mut Decoder,
    node: &Node,
    config: &SiteConfig,
    vocabulary: &Vocabulary,
    source: PathBuf,
    campaign_path: String,
    path: String,
) -> Option<ResultsList> {
    let what = "the results list";
    let f = d.fields(node, what, KEYS)?;
    let title = f.req_text(d, "title", what);
    let status = f.req::<String>(d, "status", what).and_then(|v| {
        pick(
            d,
            f.pos_of("status"),
            &v,
            &ListStatus::ALL.map(|s| (s.key(), s)),
        )
    });
    let decision = f.node("decision").and_then(|n| decode_decision(d, n));
    let comment_until: Option<NaiveDate> = f.opt(d, "comment_until");
    if status == Some(ListStatus::Decided)
        && decision.is_none()
        && f.node("decision").is_none()
        && !f.was_suggested("decision")
    {
        d.error(f.pos_of("status"), "a decided list needs its `decision`")
            .help =
            Some("add `decision:` with `number:` and `date:`, or set `status: proposed`".into());
    }
    if let (Some(until), Some(decision)) = (comment_until, &decision)
        && until >= decision.date
    {
        d.error(
            f.pos_of("comment_until"),
            format!(
                "comments are open until {until}, but the decision is dated {}",
                decision.date
            ),
        )
        .help = Some("the public comment period ends before the decision".into());
    }
    let proposal = decode_proposal(d, &f, status);
    let eligible = f
        .node("eligible")
        .and_then(|n| decode_eligible(d, n))
        .unwrap_or_default();
    // The day the awards are decided (or, for a proposal, due): what
    // authorities exist then.
    let published: Option<NaiveDate> = f.opt(d, "published");
    let decided_on = decision
        .as_ref()
        .map(|d| d.date)
        .or(comment_until)
        .or(published);
    let awards = decode_awards(d, &f, config, vocabulary, decided_on);
    Some(ResultsList {
        source,
        campaign_path,
        path,
        title: title?,
        summary: f.opt(d, "summary"),
        phase: f.opt(d, "phase"),
        phase_pos: f.pos_of("phase"),
        status: status?,
        published,
        draft: f.opt(d, "draft").unwrap_or(false),
        comment_until,
        decision,
        proposal,
        proposal_pos: f.pos_of("proposal"),
        eligible,
        awards,
        attachments: f.list(d, "attachments"),
    })
}

/// `proposal:`, the file name of the proposed list a decided list decides
/// (`du-kien`, or `du-kien.yaml`): a name beside this list, never a path,
/// and only in a decided list.
fn decode_proposal(d: &mut Decoder, f: &Fields, status: Option<ListStatus>) -> Option<String> {
    let name: String = f.opt(d, "proposal")?;
    let pos = f.pos_of("proposal");
    if status == Some(ListStatus::Proposed) {
        d.error(pos, "a proposed list cannot name a `proposal`")
            .help = Some("`proposal:` goes in the decided list, naming the proposed list it decides; remove it here".into());
        return None;
    }
    let name = name
        .strip_suffix(".yaml")
        .unwrap_or(&name)
        .trim()
        .to_owned();
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        d.error(
            pos,
            format!("`{name}` must be the file name of a list of the same campaign"),
        )
        .help = Some("write the proposed list's file name without `.yaml`, e.g. `proposal: du-kien-tong-ket`; it is in the same folder as this list".into());
        return None;
    }
    Some(name)
}

fn decode_decision(d: &mut Decoder, node: &Node) -> Option<Decision> {
    let what = "the decision";
    let f = d.fields(node, what, DECISION_KEYS)?;
    let number = f.req(d, "number", what);
    let date = f.req(d, "date", what);
    let file: Option<String> = f.opt(d, "file");
    if let Some(name) = &file
        && (name.contains('/') || name.contains('\\') || name.starts_with('.'))
    {
        d.error(
            f.pos_of("file"),
            format!("`{name}` must be the name of a file beside the list"),
        );
    }
    Some(Decision {
        number: number?,
        date: date?,
        signer: f.opt(d, "signer"),
        file,
        file_pos: f.pos_of("file"),
    })
}

fn decode_eligible(d: &mut Decoder, node: &Node) -> Option<Eligible> {
    let f = d.fields(node, "`eligible`", ELIGIBLE_KEYS)?;
    Some(Eligible {
        collectives: f.opt(d, "collectives"),
        individuals: f.opt(d, "individuals"),
    })
}

fn decode_awards(
    d: &mut Decoder,
    f: &Fields,
    config: &SiteConfig,
    vocabulary: &Vocabulary,
    decided_on: Option<NaiveDate>,
) -> Vec<AwardGroup> {
    let Some(node) = f.node("awards") else {
        d.error(f.pos, "the results list has no `awards`").help =
            Some("add `awards:` with `- award: …` and its `honorees:`".into());
        return Vec::new();
    };
    let NodeKind::Seq(items) = &node.kind else {
        d.error(
            node.pos,
            format!("`awards` must be a list, found {}", node.describe()),
        );
        return Vec::new();
    };
    let mut groups: Vec<AwardGroup> = Vec::with_capacity(items.len());
    // One key per group, made once: `Award::key` folds the whole title.
    let mut keys: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let what = "an award of the list";
        let Some(g) = d.fields(item, what, AWARD_GROUP_KEYS) else {
            continue;
        };
        let award = g
            .req::<String>(d, "award", what)
            .and_then(|title| resolve_award(d, vocabulary, &title, g.pos_of("award"), decided_on));
        let honorees = match (&award, g.node("honorees")) {
            (_, None) => {
                d.error(g.pos, "this award has no `honorees`");
                continue;
            }
            (None, Some(_)) => continue,
            (Some(award), Some(list)) => decode_honorees(d, list, config, award),
        };
        let award = award.expect("matched above");
        let key = award.key();
        match keys.iter().position(|k| *k == key) {
            // The same award twice in a list: one table, in the order written.
            Some(i) => groups[i].honorees.extend(honorees),
            None => {
                keys.push(key);
                groups.push(AwardGroup { award, honorees });
            }
        }
    }
    for group in &groups {
        report_duplicates(d, &group.honorees);
    }
    groups
}

/// Reads an award as written: an error at its position when it is not one
/// (with the spelling to use), a warning when it is outside the Law (it is
/// published as written, level "khác"), an error when its issuer no longer
/// existed on `day` (a district chairman after 30 June 2025).
pub fn resolve_award(
    d: &mut Decoder,
    vocabulary: &Vocabulary,
    title: &str,
    pos: Pos,
    day: Option<NaiveDate>,
) -> Option<Award> {
    match vocabulary.read(title) {
        Reading::Award(award) => {
            if let (Some(day), Some(issuer)) = (day, &award.issuer)
                && !issuer.existed_on(day)
            {
                d.error(
                    pos,
                    format!(
                        "“{}” is dated {day}, but there are no district authorities after 30 June 2025",
                        award.title
                    ),
                )
                .help = Some("since 1 July 2025 the commune chairman (Chủ tịch UBND xã, phường) gives these awards (Nghị định 129/2025/NĐ-CP)".into());
                return None;
            }
            Some(award)
        }
        Reading::Outside(award, why) => {
            d.warning(
                pos,
                format!("“{}” is not an award of Luật Thi đua, khen thưởng: {why}", award.title),
            )
            .help = Some("it is published as written, at the level “Khác”; if the site gives it itself, declare it under `awards:` in site.yaml".into());
            Some(award)
        }
        Reading::Wrong {
            message,
            suggestion,
        } => {
            let help = match suggestion {
                Some(s) => format!("did you mean “{s}”?"),
                None => "write the award as the decision words it, e.g. “Bằng khen của Chủ tịch UBND tỉnh”, “Giấy khen của Giám đốc Sở Tư pháp”".into(),
            };
            d.error(pos, message).help = Some(help);
            None
        }
    }
}

fn decode_honorees(
    d: &mut Decoder,
    node: &Node,
    config: &SiteConfig,
    award: &Award,
) -> Vec<Honoree> {
    let NodeKind::Seq(items) = &node.kind else {
        d.error(
            node.pos,
            format!("`honorees` must be a list, found {}", node.describe()),
        );
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| decode_honoree(d, item, config, award))
        .collect()
}

/// One honoree under `award`: `None` (reported) when it cannot be published.
fn decode_honoree(
    d: &mut Decoder,
    item: &Node,
    config: &SiteConfig,
    award: &Award,
) -> Option<Honoree> {
    let f = d.fields(item, "an honoree", HONOREE_KEYS)?;
    let name: Option<String> = f.opt_text(d, "name");
    let unit: Option<String> = f.opt(d, "unit");
    let position: Option<String> = f.opt(d, "position");
    let achievement: Option<String> = f.opt(d, "achievement");
    let kind = honoree_kind(
        d,
        &f,
        award,
        name.as_deref(),
        unit.is_some(),
        position.is_some(),
    )?;
    check_kind_fits_award(d, f.pos, kind, award);
    let unit_name = unit
        .as_deref()
        .and_then(|id| check_unit(d, config, id, f.pos_of("unit")));
    for (key, value) in [
        ("name", &name),
        ("position", &position),
        ("achievement", &achievement),
    ] {
        if let Some(text) = value
            && looks_like_id_number(text)
        {
            d.warning(
                f.pos_of(key),
                format!(
                    "`{key}` contains a 9- or 12-digit number, which looks like an ID card number"
                ),
            )
            .help = Some("personal identifiers must not be published; remove it".into());
        }
    }
    let in_unit = kind == HonoreeKind::Collective && name.is_some() && unit_name.is_some();
    let name = match (kind, name, unit_name) {
        (HonoreeKind::Individual, Some(name), _) => name,
        (HonoreeKind::Individual, None, _) => {
            // A name given but refused (it shows nothing) is reported at its
            // value already.
            if f.node("name").is_none() {
                d.error(f.pos, "an individual honoree needs a `name`");
            }
            return None;
        }
        (HonoreeKind::Collective, _, _) if position.is_some() => {
            d.error(f.pos_of("position"), "a collective has no `position`");
            return None;
        }
        (HonoreeKind::Collective, Some(name), _) => name,
        (HonoreeKind::Collective, None, Some(unit_name)) => unit_name,
        (HonoreeKind::Collective, None, None) => {
            if unit.is_none() && f.node("name").is_none() {
                d.error(f.pos, "a collective honoree needs a `unit` id or a `name`");
            }
            return None;
        }
    };
    Some(Honoree {
        kind,
        name,
        position,
        unit,
        in_unit,
        achievement,
        pos: f.pos,
    })
}

/// A person or a collective: as `kind:` says, else as the record shows
/// ([`infer_kind`]); `None` (reported) when it cannot be told.
fn honoree_kind(
    d: &mut Decoder,
    f: &Fields,
    award: &Award,
    name: Option<&str>,
    has_unit: bool,
    has_position: bool,
) -> Option<HonoreeKind> {
    if let Some(v) = f.opt::<String>(d, "kind") {
        return pick(
            d,
            f.pos_of("kind"),
            &v,
            &HonoreeKind::ALL.map(|k| (k.key(), k)),
        );
    }
    let kind = infer_kind(award, name, has_unit, has_position);
    if kind.is_none() {
        d.error(
            f.pos,
            format!(
                "is “{}” a person or a collective? “{}” goes to both",
                name.unwrap_or_default(),
                award.title
            ),
        )
        .help = Some("add `kind: individual` (a person: give the `position` too) or `kind: collective` (a group of the unit)".into());
    }
    kind
}

/// A person under a collectives' award, or the other way round.
fn check_kind_fits_award(d: &mut Decoder, pos: Pos, kind: HonoreeKind, award: &Award) {
    if kind == HonoreeKind::Individual && !award.for_individuals() {
        d.error(
            pos,
            format!(
                "“{}” is given to collectives, not to individuals",
                award.title
            ),
        )
        .help = Some(
            "name the collective with `unit: <id>` (or `name:` for one outside the department)"
                .into(),
        );
    }
    if kind == HonoreeKind::Collective && !award.for_collectives() {
        d.error(
            pos,
            format!(
                "“{}” is given to individuals, not to collectives",
                award.title
            ),
        )
        .help = Some("give the person's `name:`".into());
    }
}

/// Whether a record is a person or a collective, when `kind:` does not say.
/// `None` when it cannot be known: a name and a unit but no position, under
/// an award both people and collectives receive, and a name that does not
/// start like a group's.
fn infer_kind(
    award: &Award,
    name: Option<&str>,
    unit: bool,
    position: bool,
) -> Option<HonoreeKind> {
    // Read only where it decides: most records are people with a position.
    let grouplike = || name.is_some_and(looks_like_group);
    Some(match (award.for_individuals(), award.for_collectives()) {
        (true, false) => HonoreeKind::Individual,
        // A name with a position is a person, whatever the award: report
        // the award, not the position.
        (false, true) if position && name.is_some() && !grouplike() => HonoreeKind::Individual,
        (false, true) => HonoreeKind::Collective,
        _ if position => HonoreeKind::Individual,
        _ if name.is_none() => HonoreeKind::Collective,
        _ if grouplike() => HonoreeKind::Collective,
        _ if unit => return None,
        _ => HonoreeKind::Individual,
    })
}

/// The words a collective's name starts with: "Tổ Toán - Tin", "Phòng Tổ
/// chức", "Ban Chấp hành Đoàn trường", "Chi đoàn …". "Đoàn" alone is also
/// a family name, so only "Đoàn Thanh niên", "Đoàn trường" … count.
const GROUP_WORDS: &[&str] = &[
    "tổ",
    "phòng",
    "ban",
    "khoa",
    "chi đoàn",
    "chi bộ",
    "chi hội",
    "công đoàn",
    "đoàn thanh niên",
    "đoàn trường",
    "đoàn cơ sở",
    "đoàn thanh niên cộng sản",
    "trường",
    "trung tâm",
    "hội",
    "bộ phận",
    "đội",
    "nhóm",
    "lớp",
    "văn phòng",
    "chi cục",
    "cục",
    "vụ",
    "viện",
    "bệnh viện",
    "trạm",
    "ủy ban",
    "hợp tác xã",
    "công ty",
    "thôn",
    "xóm",
    "bản",
    "tổ dân phố",
    "khu phố",
    "xã",
    "phường",
    "thị trấn",
    "hội đồng",
    "liên đoàn",
    "đảng bộ",
    "tập thể",
    "cơ quan",
    "đơn vị",
    "sở",
    "phân hiệu",
    "ký túc xá",
    "thư viện",
    "nhà văn hóa",
    "ban chấp hành",
];

/// Whether a name starts like a collective's (see [`GROUP_WORDS`]).
pub fn looks_like_group(name: &str) -> bool {
    // The name's first words, folded once, against the group words folded
    // once (a list of 50,000 names reads this for each name without a
    // position).
    static FOLDED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let folded = FOLDED.get_or_init(|| {
        GROUP_WORDS
            .iter()
            .map(|w| collate::spelling_key(w))
            .collect()
    });
    let head: Vec<&str> = name.split_whitespace().take(4).collect();
    let more_words = name.split_whitespace().count() > 1;
    let head = collate::spelling_key(&head.join(" "));
    more_words
        && folded.iter().any(|w| {
            head.strip_prefix(w.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
                && head.len() > w.len()
        })
}

/// The unit's name, reporting an unknown id with the closest known one.
fn check_unit(d: &mut Decoder, config: &SiteConfig, id: &str, pos: Pos) -> Option<String> {
    if let Some(unit) = config.unit(id) {
        return Some(unit.name.clone());
    }
    let help = match suggest::closest(id, config.units.iter().map(|u| u.id.as_str())) {
        Some(s) => format!("did you mean `{s}`?"),
        None if config.units.is_empty() => "site.yaml lists no `units`".to_owned(),
        None => format!(
            "the unit ids of site.yaml are: {}",
            config
                .units
                .iter()
                .map(|u| u.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    d.error(pos, format!("unknown unit `{id}`")).help = Some(help);
    None
}

/// Nine or twelve digits in a row: the length of an old (CMND) or new (CCCD) ID
/// card number.
/// A run of 9 digits (chứng minh nhân dân) or 12 (căn cước công dân), as
/// people write them: `001085012345`, spaced `0010 8501 2345` or dotted
/// `001.085.012.345` (one space, dot or dash between digit groups), in
/// full-width digits (`００１…`, from some Vietnamese input methods).
fn looks_like_id_number(text: &str) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ('\u{ff10}'..='\u{ff19}').contains(&c);
    let joiner = |c: char| matches!(c, ' ' | '.' | '-' | '\u{a0}');
    let chars: Vec<char> = text.chars().collect();
    let mut run = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        if digit(c) {
            run += 1;
            continue;
        }
        let joins = run > 0 && joiner(c) && chars.get(i + 1).is_some_and(|&n| digit(n));
        if !joins {
            if run == 9 || run == 12 {
                return true;
            }
            run = 0;
        }
    }
    run == 9 || run == 12
}

/// The same person (or collective) twice under one award is an error.
fn report_duplicates(d: &mut Decoder, honorees: &[Honoree]) {
    let mut seen: std::collections::HashMap<(HonoreeKind, String, Option<&str>), Pos> =
        std::collections::HashMap::new();
    for h in honorees {
        let key = h.identity();
        if let Some(first) = seen.get(&key) {
            let line = first.line;
            d.error(
                h.pos,
                format!("{} is listed twice under the same award", h.name),
            )
            .help = Some(format!("the first entry is on line {line}; remove one"));
        } else {
            seen.insert(key, h.pos);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_card_lengths_are_flagged() {
        assert!(looks_like_id_number("Nguyễn Văn A 038090001234"));
        assert!(looks_like_id_number("CMND 183456789"));
        assert!(!looks_like_id_number("Chuyên viên năm 2022"));
        assert!(!looks_like_id_number("0912345678")); // 10 digits: not an ID card
        // As people type them: spaced, dotted, dashed, full-width.
        assert!(looks_like_id_number("CCCD: 0380 9000 1234"));
        assert!(looks_like_id_number("số 038.090.001.234 cấp ngày"));
        assert!(looks_like_id_number("183-456-789"));
        assert!(looks_like_id_number("ＣＭＮＤ １８３４５６７８９"));
        // Numbers that are not one run of 9 or 12 digits.
        assert!(!looks_like_id_number("giai đoạn 2021 - 2025, năm 2022"));
        assert!(!looks_like_id_number("03/02/1930 - 03/02/2022"));
        assert!(!looks_like_id_number("0912 345 678")); // a phone number
    }
}
