//! Views of results lists: the list's own page and the short form campaign pages
//! link.

use crate::paths;
use chrono::NaiveDate;
use serde::Serialize;

use super::Context;
use super::labels;
use super::links::Links;
use super::views::AttachmentView;
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::model::results::{HonoreeKind, ListStatus, ResultsList};
use crate::model::site::ListId;

/// A list as the campaign page and the roll of honour mention it.
#[derive(Serialize)]
pub struct ListSummary<'a> {
    pub title: &'a str,
    pub href: String,
    pub status: ListStatus,
    pub status_label: &'static str,
    pub phase_name: Option<&'a str>,
    pub decision_number: Option<&'a str>,
    pub decision_date: Option<String>,
    pub comment_until: Option<String>,
    pub individuals: usize,
    pub collectives: usize,
}

fn phase_name(site: &Site, id: ListId) -> Option<&str> {
    let list = site.list(id);
    let campaign = site.page(site.campaign_of(id)).campaign.as_ref()?;
    let id = list.phase.as_ref()?;
    campaign
        .phases
        .iter()
        .find(|p| &p.id == id)
        .map(|p| p.name.as_str())
}

pub fn list_summary<'a>(site: &'a Site, id: ListId, links: &Links) -> ListSummary<'a> {
    let list = site.list(id);
    ListSummary {
        title: &list.title,
        href: links.href(&list.path),
        status: list.status,
        status_label: labels::list_status(list.status),
        phase_name: phase_name(site, id),
        decision_number: list.decision.as_ref().map(|d| d.number.as_str()),
        decision_date: list.decision.as_ref().map(|d| d.date.to_string()),
        comment_until: list.comment_until.map(|d| d.to_string()),
        individuals: list.honoree_count(HonoreeKind::Individual),
        collectives: list.honoree_count(HonoreeKind::Collective),
    }
}

/// A results list's page.
#[derive(Serialize)]
pub struct ListView<'a> {
    pub title: &'a str,
    pub summary: Option<&'a str>,
    pub status: ListStatus,
    pub status_label: &'static str,
    pub campaign_title: &'a str,
    pub campaign_href: String,
    pub phase_name: Option<&'a str>,
    pub decision: Option<DecisionView<'a>>,
    /// Proposed lists: the public comment period.
    pub comment: Option<CommentView>,
    pub groups: Vec<GroupView<'a>>,
    pub individuals: usize,
    pub collectives: usize,
    /// The list's attachments, files of the campaign's folder.
    pub attachments: Vec<AttachmentView<'a>>,
    /// The list's rows as .xlsx, beside the page.
    pub download: Option<DownloadView>,
}

/// A file the build makes for a page's readers to download.
#[derive(Serialize)]
pub struct DownloadView {
    /// Relative to the page.
    pub href: &'static str,
    pub bytes: u64,
}

#[derive(Serialize)]
pub struct DecisionView<'a> {
    pub number: &'a str,
    pub date: String,
    pub signer: Option<&'a str>,
    /// Relative to the list's page (the scan sits in the campaign's folder).
    pub file_href: Option<String>,
}

#[derive(Serialize)]
pub struct CommentView {
    /// Last day of comments, if the list says.
    pub until: Option<String>,
    /// Whether comments are still open on `--today`.
    pub open: bool,
}

#[derive(Serialize)]
pub struct GroupView<'a> {
    pub award: &'a str,
    pub kind_label: &'static str,
    pub level_label: &'static str,
    /// The table has a person's columns (position); otherwise a collective's.
    pub individuals: bool,
    /// Both people and collectives received this award in the list.
    pub mixed: bool,
    pub rows: Vec<RowView<'a>>,
}

#[derive(Serialize)]
pub struct RowView<'a> {
    pub number: usize,
    pub name: &'a str,
    pub kind: HonoreeKind,
    pub position: Option<&'a str>,
    /// For a collective that is one of the site's units: its page.
    pub name_href: Option<String>,
    pub unit_name: Option<&'a str>,
    /// Relative to the site root.
    pub unit_href: Option<String>,
    pub achievement: Option<&'a str>,
}

pub fn list_view<'a>(site: &'a Site, id: ListId, links: &Links) -> ListView<'a> {
    let list: &ResultsList = site.list(id);
    let campaign = site.page(site.campaign_of(id));
    ListView {
        title: &list.title,
        summary: list.summary.as_deref(),
        status: list.status,
        status_label: labels::list_status(list.status),
        campaign_title: &campaign.meta.title,
        campaign_href: links.href(&campaign.path),
        phase_name: phase_name(site, id),
        decision: list.decision.as_ref().map(|d| DecisionView {
            number: &d.number,
            date: d.date.to_string(),
            signer: d.signer.as_deref(),
            file_href: d
                .file
                .as_ref()
                .map(|f| format!("../{}", &super::views::file_href(f)[2..])),
        }),
        comment: (list.status == ListStatus::Proposed).then(|| comment_view(list, site.today)),
        groups: list
            .awards
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let award = site.award(site.group_award(id, g));
                GroupView {
                    award: &award.title,
                    kind_label: labels::award_kind(award.kind),
                    level_label: labels::award_level(award.level),
                    individuals: group
                        .honorees
                        .iter()
                        .any(|h| h.kind == HonoreeKind::Individual),
                    mixed: group
                        .honorees
                        .iter()
                        .any(|h| h.kind == HonoreeKind::Individual)
                        && group
                            .honorees
                            .iter()
                            .any(|h| h.kind == HonoreeKind::Collective),
                    rows: group
                        .honorees
                        .iter()
                        .enumerate()
                        .map(|(i, h)| {
                            // A collective named by its unit id is that unit: the
                            // name links to it and the unit column stays empty.
                            // A group inside a unit shows its unit.
                            let own_unit = h.kind == HonoreeKind::Collective && !h.in_unit;
                            let unit = h.unit.as_deref().and_then(|id| site.config.unit(id));
                            RowView {
                                number: i + 1,
                                name: &h.name,
                                kind: h.kind,
                                position: h.position.as_deref(),
                                name_href: unit
                                    .filter(|_| own_unit)
                                    .map(|u| unit_href(&u.id, links)),
                                unit_name: unit.filter(|_| !own_unit).map(|u| u.name.as_str()),
                                unit_href: unit
                                    .filter(|_| !own_unit)
                                    .map(|u| unit_href(&u.id, links)),
                                achievement: h.achievement.as_deref(),
                            }
                        })
                        .collect(),
                }
            })
            .collect(),
        individuals: list.honoree_count(HonoreeKind::Individual),
        collectives: list.honoree_count(HonoreeKind::Collective),
        attachments: list
            .attachments
            .iter()
            .filter_map(|a| {
                let file = campaign.bundle_files.iter().find(|f| f.name == a.file)?;
                Some(AttachmentView::new(&a.title, file, "../"))
            })
            .collect(),
        download: None,
    }
}

fn comment_view(list: &ResultsList, today: NaiveDate) -> CommentView {
    CommentView {
        until: list.comment_until.map(|d| d.to_string()),
        open: list.comment_until.is_none_or(|until| today <= until),
    }
}

pub fn unit_href(id: &str, links: &Links) -> String {
    links.href(&paths::unit(id))
}

/// A results list's page.
pub(super) fn render(cx: &Context, id: ListId) -> Result<Vec<Diagnostic>, Diagnostic> {
    let site = cx.site;
    let list = site.list(id);
    let parents = super::campaign_parents(site, site.campaign_of(id));
    let generated = cx.generated(&list.path, &list.title, parents);
    let mut view = list_view(site, id, cx.links);
    let xlsx = super::open_data::list_xlsx(cx, id);
    cx.write_data(&paths::list_xlsx(&list.path), &xlsx)?;
    view.download = Some(DownloadView {
        href: paths::LIST_XLSX,
        bytes: xlsx.len() as u64,
    });
    let mut inputs = generated.inputs();
    inputs.push(("list", &view));
    cx.render("results.html", &inputs, &list.path, &list.source)
}
