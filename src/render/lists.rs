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
    /// A proposal that a decided list decides (its page links that list).
    pub decided: bool,
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
        decided: site.decided_by(id).is_some(),
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
    /// A proposal that a decided list decides: that list.
    pub decided_by: Option<ListSummary<'a>>,
    /// A decided list that names its proposal: what the decision changed.
    pub changes: Option<ChangesView<'a>>,
    pub groups: Vec<GroupView<'a>>,
    pub individuals: usize,
    pub collectives: usize,
    /// The list's attachments, files of the campaign's folder.
    pub attachments: Vec<AttachmentView<'a>>,
    /// The list's rows as .xlsx, CSV and JSON, beside the page.
    pub downloads: Vec<DownloadView>,
}

/// A file the build makes for a page's readers to download.
#[derive(Serialize)]
pub struct DownloadView {
    /// Relative to the page: its file name.
    pub href: &'static str,
    /// What opens it, as the link says: "Excel", "CSV", "JSON".
    pub format: &'static str,
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

/// What a decision changed from its proposal (`model::proposals::changes`).
#[derive(Serialize)]
pub struct ChangesView<'a> {
    /// The proposal, as the campaign page lists it.
    pub proposal: ListSummary<'a>,
    pub added: Vec<ChangeRow<'a>>,
    pub removed: Vec<ChangeRow<'a>>,
    pub changed: Vec<ChangeRow<'a>>,
    /// Nobody added, removed or changed.
    pub unchanged: bool,
}

/// An honoree added, removed, or whose award changed.
#[derive(Serialize)]
pub struct ChangeRow<'a> {
    pub name: &'a str,
    pub kind: HonoreeKind,
    pub position: Option<&'a str>,
    pub unit_name: Option<&'a str>,
    /// The awards in the proposal (empty when added) and in the decision
    /// (empty when removed), in the site's order.
    pub from: Vec<&'a str>,
    pub to: Vec<&'a str>,
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
        decided_by: site.decided_by(id).map(|d| list_summary(site, d, links)),
        changes: site
            .proposal_of(id)
            .map(|p| changes_view(site, p, id, links)),
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
        downloads: Vec::new(),
    }
}

fn changes_view<'a>(
    site: &'a Site,
    proposal: ListId,
    decided: ListId,
    links: &Links,
) -> ChangesView<'a> {
    let changes = crate::model::proposals::changes(
        site.list(proposal),
        site.list(decided),
        |g| site.group_award(proposal, g),
        |g| site.group_award(decided, g),
    );
    let row = |list: ListId, change: &crate::model::proposals::Change| {
        let (g, h) = change.record;
        let honoree = &site.list(list).awards[g].honorees[h];
        let titles = |awards: &[crate::model::awards::AwardId]| {
            awards
                .iter()
                .map(|&a| site.award(a).title.as_str())
                .collect()
        };
        // A collective that is a unit is named by it; a person or a group
        // shows its unit.
        let own_unit = honoree.kind == HonoreeKind::Collective && !honoree.in_unit;
        ChangeRow {
            name: &honoree.name,
            kind: honoree.kind,
            position: honoree.position.as_deref(),
            unit_name: honoree
                .unit
                .as_deref()
                .filter(|_| !own_unit)
                .and_then(|id| site.config.unit(id))
                .map(|u| u.name.as_str()),
            from: titles(&change.from),
            to: titles(&change.to),
        }
    };
    ChangesView {
        unchanged: changes == crate::model::proposals::Changes::default(),
        proposal: list_summary(site, proposal, links),
        added: changes.added.iter().map(|c| row(decided, c)).collect(),
        removed: changes.removed.iter().map(|c| row(proposal, c)).collect(),
        changed: changes.changed.iter().map(|c| row(decided, c)).collect(),
    }
}

/// A proposed list open to comments on the build's day, for the home page.
#[derive(Serialize)]
pub struct OpenCommentView<'a> {
    pub title: &'a str,
    /// Relative to the site root.
    pub href: String,
    pub campaign_title: &'a str,
    pub phase_name: Option<&'a str>,
    /// The last day of comments, when the list says.
    pub until: Option<String>,
}

/// The proposed lists still open to comments on `site.today` (as their
/// pages' banners say: [`comment_view`]), not yet decided: closing soonest
/// first, those without a closing day last.
pub fn open_comments<'a>(site: &'a Site, links: &Links) -> Vec<OpenCommentView<'a>> {
    let mut open: Vec<ListId> = site
        .list_ids()
        .filter(|&id| {
            let list = site.list(id);
            list.status == ListStatus::Proposed
                && site.decided_by(id).is_none()
                && comment_view(list, site.today).open
        })
        .collect();
    open.sort_by_key(|&id| {
        let until = site.list(id).comment_until;
        (until.is_none(), until, id)
    });
    open.into_iter()
        .map(|id| {
            let list = site.list(id);
            OpenCommentView {
                title: &list.title,
                href: links.href(&list.path),
                campaign_title: &site.page(site.campaign_of(id)).meta.title,
                phase_name: phase_name(site, id),
                until: list.comment_until.map(|d| d.to_string()),
            }
        })
        .collect()
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
    view.downloads = super::open_data::write_list(cx, id)?;
    super::search::add_list(cx, id)?;
    let mut inputs = generated.inputs();
    inputs.push(("list", &view));
    cx.render("results.html", &inputs, &list.path, &list.source)
}
