//! What templates see: lightweight, borrowed views of the model.
//!
//! Lists get [`PageSummary`]s (title, link, date, summary), never whole rendered
//! pages, so a list's context grows with the list, not with the size of its
//! pages. Everything a template shows that is *computed* — an anniversary, a
//! phase's status against `--today`, a target's figure — is computed here, once,
//! so that no template does arithmetic.

use chrono::NaiveDate;
use serde::Serialize;

use super::links::Links;
use crate::config::SiteConfig;
use crate::model::Site;
use crate::model::campaign::{Campaign, Measure, Milestone, Phase, Target, TargetGroup};
use crate::model::date::PartialDate;
use crate::model::page::{Page, PageKind};
use crate::text::vi_date;

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub base_url: Option<&'a str>,
    pub language: &'a str,
    pub organization: OrganizationView<'a>,
    pub menu: Vec<MenuView<'a>>,
    pub today: String,
}

#[derive(Serialize)]
pub struct OrganizationView<'a> {
    pub name: &'a str,
    pub short_name: &'a str,
    pub parent: Option<&'a str>,
    pub address: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
}

#[derive(Serialize)]
pub struct MenuView<'a> {
    pub title: &'a str,
    /// Relative to the site root; external addresses unchanged.
    pub href: String,
    pub external: bool,
    /// Site path the item points at (`phong-trao/`), to mark the current section.
    pub path: String,
}

pub fn site_view<'a>(config: &'a SiteConfig, links: &'a Links, today: NaiveDate) -> SiteView<'a> {
    let org = &config.organization;
    SiteView {
        title: &config.title,
        base_url: links.base_url.as_deref(),
        language: &config.language,
        organization: OrganizationView {
            name: &org.name,
            short_name: config.issuer_short_name(),
            parent: org.parent.as_deref(),
            address: org.address.as_deref(),
            phone: org.phone.as_deref(),
            email: org.email.as_deref(),
        },
        menu: config
            .menu
            .iter()
            .map(|item| {
                let external = item.url.contains("://") || item.url.starts_with("mailto:");
                let path = item.url.trim_start_matches('/');
                MenuView {
                    title: &item.title,
                    href: if external {
                        item.url.clone()
                    } else {
                        links.href_of_url(path)
                    },
                    external,
                    path: if external {
                        String::new()
                    } else {
                        path.to_owned()
                    },
                }
            })
            .collect(),
        today: today.to_string(),
    }
}

/// A page as a list shows it.
#[derive(Serialize)]
pub struct PageSummary<'a> {
    pub title: &'a str,
    /// Relative to the site root.
    pub href: String,
    pub date: Option<String>,
    pub summary: Option<&'a str>,
    pub campaign: Option<CampaignSummary<'a>>,
}

#[derive(Serialize)]
pub struct CampaignSummary<'a> {
    pub number: Option<&'a str>,
    pub issued: Option<String>,
    pub status: Status,
    pub status_label: &'static str,
    /// The phase under way today, else the next one, else the last one.
    pub current_phase: Option<PhaseBrief<'a>>,
}

#[derive(Serialize)]
pub struct PhaseBrief<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub start: String,
    pub end: String,
    pub status: Status,
    pub status_label: &'static str,
}

pub fn summary<'a>(page: &'a Page, links: &Links, today: NaiveDate) -> PageSummary<'a> {
    PageSummary {
        title: &page.meta.title,
        href: links.href(&page.path),
        date: page.meta.date.map(|d| d.to_string()),
        summary: page.meta.summary.as_deref(),
        campaign: page.campaign.as_deref().map(|c| campaign_summary(c, today)),
    }
}

fn campaign_summary(campaign: &Campaign, today: NaiveDate) -> CampaignSummary<'_> {
    let status = campaign.span().map_or(Status::Upcoming, |(start, end)| {
        Status::of(start, end, today)
    });
    let current = campaign
        .phases
        .iter()
        .find(|p| Status::of_phase(p, today) == Status::Current)
        .or_else(|| {
            campaign
                .phases
                .iter()
                .find(|p| Status::of_phase(p, today) == Status::Upcoming)
        })
        .or(campaign.phases.last());
    CampaignSummary {
        number: campaign.number.as_deref(),
        issued: campaign.issued.map(PartialDate::iso),
        status,
        status_label: status.label(),
        current_phase: current.map(|p| {
            let status = Status::of_phase(p, today);
            PhaseBrief {
                id: &p.id,
                name: &p.name,
                start: p.start.iso(),
                end: p.end.to_string(),
                status,
                status_label: status.label(),
            }
        }),
    }
}

/// Where a phase or a campaign stands on `--today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Upcoming,
    Current,
    Past,
}

impl Status {
    pub fn of(start: NaiveDate, end: NaiveDate, today: NaiveDate) -> Status {
        if today < start {
            Status::Upcoming
        } else if today > end {
            Status::Past
        } else {
            Status::Current
        }
    }

    fn of_phase(phase: &Phase, today: NaiveDate) -> Status {
        Status::of(phase.start.first_day(), phase.end, today)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Upcoming => "sắp diễn ra",
            Status::Current => "đang diễn ra",
            Status::Past => "đã kết thúc",
        }
    }
}

/// The page being rendered.
#[derive(Serialize)]
pub struct PageView<'a> {
    pub title: &'a str,
    pub kind: &'static str,
    pub path: &'a str,
    pub href: String,
    pub permalink: Option<String>,
    pub date: Option<String>,
    pub summary: Option<&'a str>,
    pub content: &'a str,
    pub tags: &'a [String],
    pub attachments: Vec<AttachmentView<'a>>,
    /// From the home page down to the page's parent section.
    pub breadcrumbs: Vec<Crumb<'a>>,
}

#[derive(Serialize)]
pub struct Crumb<'a> {
    pub title: &'a str,
    pub href: String,
}

#[derive(Serialize)]
pub struct AttachmentView<'a> {
    pub title: &'a str,
    pub file: &'a str,
    /// Relative to the page: the file sits beside its index.html.
    pub href: String,
    pub bytes: u64,
    pub extension: String,
}

pub fn page_view<'a>(
    site: &'a Site,
    index: usize,
    content: &'a str,
    links: &Links,
) -> PageView<'a> {
    let page = &site.pages[index];
    let mut breadcrumbs = Vec::new();
    let mut up = site.parent[index];
    while let Some(i) = up {
        breadcrumbs.push(Crumb {
            title: &site.pages[i].meta.title,
            href: links.href(&site.pages[i].path),
        });
        up = site.parent[i];
    }
    breadcrumbs.reverse();
    PageView {
        title: &page.meta.title,
        kind: match page.kind {
            PageKind::Home => "home",
            PageKind::Section => "section",
            PageKind::Regular => "page",
        },
        path: &page.path,
        href: links.href(&page.path),
        permalink: links.permalink(&page.path),
        date: page.meta.date.map(|d| d.to_string()),
        summary: page.meta.summary.as_deref(),
        content,
        tags: &page.meta.tags,
        attachments: attachments(page),
        breadcrumbs,
    }
}

/// The attachments named in the front matter, in their order, then the bundle's
/// other files by name.
fn attachments(page: &Page) -> Vec<AttachmentView<'_>> {
    let named = page.meta.attachments.iter().filter_map(|a| {
        let file = page.bundle_files.iter().find(|f| f.name == a.file)?;
        Some((a.title.as_str(), file))
    });
    let others = page
        .bundle_files
        .iter()
        .filter(|f| !page.meta.attachments.iter().any(|a| a.file == f.name))
        .map(|f| (f.name.as_str(), f));
    named
        .chain(others)
        .map(|(title, file)| AttachmentView {
            title,
            file: &file.name,
            href: file.name.clone(),
            bytes: file.bytes,
            extension: file
                .name
                .rsplit_once('.')
                .map(|(_, e)| e.to_uppercase())
                .unwrap_or_default(),
        })
        .collect()
}

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
    pub signer_title: Option<&'a str>,
    pub signer_name: Option<&'a str>,
    pub subject: &'a str,
    pub motto: Option<&'a str>,
    pub basis: &'a [String],
    pub phases: Vec<PhaseView<'a>>,
    pub targets: Vec<TargetGroupView<'a>>,
    pub recipients: &'a [String],
    pub status: Status,
    pub status_label: &'static str,
    pub current_phase: Option<PhaseBrief<'a>>,
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
    pub award: Option<&'a str>,
    /// "20%", "2–3", "ít nhất 1".
    pub measure: Option<String>,
}

pub fn campaign_view<'a>(
    page: &'a Page,
    campaign: &'a Campaign,
    today: NaiveDate,
) -> CampaignView<'a> {
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
        targets: target_groups(&campaign.targets),
        recipients: &campaign.recipients,
        status: summary.status,
        status_label: summary.status_label,
        current_phase: summary.current_phase,
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
        title: "Bắt đầu đợt thi đua".into(),
        since: None,
        years: None,
        detail: None,
        when: when(phase.start.first_day(), today),
    }];
    timeline.extend(phase.milestones.iter().map(|m| milestone_item(m, today)));
    timeline.push(TimelineItem {
        kind: "end",
        date: phase.end.to_string(),
        title: "Kết thúc đợt thi đua".into(),
        since: None,
        years: None,
        detail: phase.goal.as_deref(),
        when: when(phase.end, today),
    });
    if let Some(review_by) = phase.review_by {
        timeline.push(TimelineItem {
            kind: "review",
            date: review_by.to_string(),
            title: "Hạn hoàn thành tổng kết đợt thi đua".into(),
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
        status_label: status.label(),
        timeline,
    }
}

fn milestone_item(m: &Milestone, today: NaiveDate) -> TimelineItem<'_> {
    let years = m.anniversary_years();
    TimelineItem {
        kind: "milestone",
        date: m.date.to_string(),
        title: match years {
            Some(n) => format!("{n} năm {}", m.title),
            None => m.title.clone(),
        },
        since: m.since.map(|d| d.to_string()),
        years,
        detail: None,
        when: when(m.date, today),
    }
}

fn target_groups(targets: &[Target]) -> Vec<TargetGroupView<'_>> {
    [
        (
            TargetGroup::Collectives,
            "collectives",
            "Đối với các tập thể",
        ),
        (TargetGroup::Individuals, "individuals", "Đối với cá nhân"),
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
                award: t.award.as_deref(),
                measure: t.measure.map(measure_label),
            })
            .collect(),
    })
    .filter(|g| !g.targets.is_empty())
    .collect()
}

fn measure_label(measure: Measure) -> String {
    match measure {
        Measure::Percent(p) => format!("{p}%"),
        Measure::Count {
            min,
            max: Some(max),
        } if max == min => min.to_string(),
        Measure::Count {
            min,
            max: Some(max),
        } => format!("{min}–{max}"),
        Measure::Count { min, max: None } => format!("ít nhất {min}"),
    }
}
