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
use super::shared::SharedValues;
use crate::model::Site;
use crate::model::campaign::{Campaign, Phase};
use crate::model::config::SiteConfig;
use crate::model::page::{BundleFile, Page, PageKind};
use crate::model::site::PageId;
use crate::text::date::PartialDate;

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    /// The home page, relative to the site root (`index.html`, or `` with clean
    /// URLs): write `{{ root }}{{ site.home_href }}`.
    pub home_href: String,
    /// The search page, as `home_href`; every page's header has a search box
    /// that goes there.
    pub search_href: String,
    pub base_url: Option<&'a str>,
    pub language: &'a str,
    pub organization: OrganizationView<'a>,
    pub menu: Vec<MenuView<'a>>,
    pub today: String,
    /// What a year of honours is called: "Năm", or "Năm học" when the site
    /// reports by school year.
    pub year_name: &'static str,
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
        home_href: links.href(""),
        search_href: links.href(crate::paths::SEARCH),
        year_name: super::labels::year_name(config.reporting_year),
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

pub fn campaign_summary(campaign: &Campaign, today: NaiveDate) -> CampaignSummary<'_> {
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
        status_label: super::labels::status(status),
        current_phase: current.map(|p| {
            let status = Status::of_phase(p, today);
            PhaseBrief {
                id: &p.id,
                name: &p.name,
                start: p.start.iso(),
                end: p.end.to_string(),
                status,
                status_label: super::labels::status(status),
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

    pub fn of_phase(phase: &Phase, today: NaiveDate) -> Status {
        Status::of(phase.start.first_day(), phase.end, today)
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
    /// [`TagLink`]s, shared by the pages with the tag.
    pub tags: Vec<tera::Value>,
    pub attachments: Vec<AttachmentView<'a>>,
    /// From the home page down to the page's parent section: [`Crumb`]s,
    /// shared by the pages of a section.
    pub breadcrumbs: tera::Value,
}

#[derive(Serialize)]
pub struct TagLink<'a> {
    pub name: &'a str,
    pub href: String,
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
    id: PageId,
    content: &'a str,
    links: &Links,
    shared: &SharedValues,
) -> PageView<'a> {
    let page = site.page(id);
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
        tags: page
            .meta
            .tags
            .iter()
            .map(|t| shared.tag_link(&t.name))
            .collect(),
        attachments: attachments(page),
        breadcrumbs: shared.breadcrumbs(id),
    }
}

/// The view of a page the build makes itself (roll of honour, units, lists):
/// its breadcrumbs go through `parents`, given as `(title, path)`.
pub fn generated_page_view<'a>(
    site: &'a Site,
    title: &'a str,
    path: &'a str,
    parents: Vec<(&'a str, &str)>,
    links: &Links,
) -> PageView<'a> {
    let mut crumbs: Vec<Crumb> = site
        .home()
        .map(|h| Crumb {
            title: &site.page(h).meta.title,
            href: links.href(""),
        })
        .into_iter()
        .collect();
    crumbs.extend(parents.into_iter().map(|(title, path)| Crumb {
        title,
        href: links.href(path),
    }));
    PageView {
        title,
        kind: "generated",
        path,
        href: links.href(path),
        permalink: links.permalink(path),
        date: None,
        summary: None,
        content: "",
        tags: Vec::new(),
        attachments: Vec::new(),
        breadcrumbs: tera::Value::from_serializable(&crumbs),
    }
}

/// A link to a file beside the page: `./` and each character that a URL would
/// read otherwise (`#`, `?`, `%`, spaces, `:`) percent-encoded.
pub fn file_href(name: &str) -> String {
    let mut href = String::from("./");
    for byte in name.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                href.push(byte as char)
            }
            b => href.push_str(&format!("%{b:02X}")),
        }
    }
    href
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
        .map(|(title, file)| AttachmentView::new(title, file, ""))
        .collect()
}

impl<'a> AttachmentView<'a> {
    /// `up` leads from the page to the bundle's folder: `` beside it, `../`
    /// from a results list's page.
    pub fn new(title: &'a str, file: &'a BundleFile, up: &str) -> AttachmentView<'a> {
        let href = file_href(&file.name);
        AttachmentView {
            title,
            file: &file.name,
            href: if up.is_empty() {
                href
            } else {
                format!("{up}{}", &href[2..])
            },
            bytes: file.bytes,
            extension: file
                .name
                .rsplit_once('.')
                .map(|(_, e)| e.to_uppercase())
                .unwrap_or_default(),
        }
    }
}
