//! Every output of a build, described once: what it is, the files it writes,
//! and the function that renders it. The link checker, the sitemap and the
//! check that no content file takes a generated page's address all read the
//! files from here ([`generated_paths`]), so a page cannot be written without
//! being known to them.
//!
//! Adding a page the build makes itself is: a variant of [`Job`], its files in
//! [`Job::files`], its place in [`Job::all`], and its render function beside
//! the page's module, called from [`Job::run`] (see docs/architecture.md).

use super::Context;
use super::links::Links;
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::model::page::PageKind;
use crate::model::site::{LetterId, ListId, PageId, TagId, UnitId};
use crate::paths;

/// One output of a build (a page, or the files made together).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// A page of `content/`; `number` ≥ 2 for the later pages of a section's list.
    Page {
        page: PageId,
        number: usize,
    },
    /// A results list of a campaign.
    List(ListId),
    /// The tags' index, and page `number` of a tag's pages.
    Tags,
    Tag {
        tag: TagId,
        number: usize,
    },
    /// The roll of honour with its open data (JSON, CSV, .xlsx and their
    /// description, datapackage.json: the page lists their sizes and
    /// checksums), its pages by initial and of collectives, and its search
    /// index.
    Roll,
    RollLetter(LetterId),
    RollCollectives,
    RollIndex,
    /// The units' index and a unit's page.
    Units,
    Unit(UnitId),
    /// The honours in figures, and a campaign's.
    Statistics,
    CampaignStatistics(PageId),
    /// The search page, and the search index, written after every page
    /// and list gave it its words (a list, and a long page, write a fragment).
    Search,
    SearchIndex,
    /// The calendar page and its iCalendar file.
    Calendar,
    CalendarIcs,
    /// The Atom feed and the sitemap: only with a base URL (they need
    /// absolute addresses).
    Feed,
    Sitemap,
    Robots,
    NotFound,
}

impl Job {
    /// Every output of the build, in the order their problems are reported:
    /// the content's pages in path order, then the build's own.
    pub fn all(site: &Site, links: &Links) -> Vec<Job> {
        let per_page = site.config.paginate;
        let mut jobs: Vec<Job> = site
            .page_ids()
            .map(|page| Job::Page { page, number: 1 })
            .collect();
        for page in site.page_ids() {
            if site.page(page).kind == PageKind::Section {
                let count = super::paginate::page_count(site.children(page).len(), per_page);
                jobs.extend((2..=count).map(|number| Job::Page { page, number }));
            }
        }
        jobs.push(Job::Tags);
        for tag in site.tag_ids() {
            let count = super::paginate::page_count(site.tag(tag).pages.len(), per_page);
            jobs.extend((1..=count).map(|number| Job::Tag { tag, number }));
        }
        jobs.extend(site.list_ids().map(Job::List));
        jobs.extend([
            Job::Roll,
            Job::RollCollectives,
            Job::RollIndex,
            Job::Units,
            Job::Statistics,
            Job::Search,
            Job::SearchIndex,
        ]);
        if links.base_url.is_some() {
            jobs.push(Job::Sitemap);
        }
        jobs.extend([Job::Robots, Job::NotFound, Job::Calendar, Job::CalendarIcs]);
        if links.base_url.is_some() {
            jobs.push(Job::Feed);
        }
        jobs.extend(site.letter_ids().map(Job::RollLetter));
        jobs.extend(site.unit_ids().map(Job::Unit));
        jobs.extend(
            super::statistics::campaigns(site)
                .into_iter()
                .map(Job::CampaignStatistics),
        );
        jobs
    }

    /// The files it writes, site-relative: `lich/index.html`, `lich.ics`.
    pub fn files(self, site: &Site) -> Vec<String> {
        let page = |path: &str| vec![paths::page_file(path)];
        match self {
            Job::Page { page: id, number } => page(&paths::list_page(&site.page(id).path, number)),
            // With its search fragment (`paths::search_fragment`), whose number
            // is the search's (`search::Documents`).
            Job::List(list) => {
                let path = &site.list(list).path;
                let mut files = page(path);
                files.extend(
                    paths::LIST_DOWNLOADS
                        .iter()
                        .map(|name| paths::list_download(path, name)),
                );
                files
            }
            Job::Tags => page(paths::TAGS),
            Job::Tag { tag, number } => {
                page(&paths::list_page(&paths::tag(&site.tag(tag).slug), number))
            }
            Job::Roll => {
                let mut files = page(paths::ROLL);
                files.extend(
                    [
                        paths::OPEN_DATA_JSON,
                        paths::OPEN_DATA_CSV,
                        paths::OPEN_DATA_XLSX,
                        paths::OPEN_DATA_PACKAGE,
                    ]
                    .map(str::to_owned),
                );
                files
            }
            Job::RollLetter(letter) => page(&paths::roll_letter(site.letter(letter).slug)),
            Job::RollCollectives => page(paths::ROLL_COLLECTIVES),
            Job::RollIndex => vec![paths::ROLL_INDEX.to_owned()],
            Job::Units => page(paths::UNITS),
            Job::Unit(unit) => page(&paths::unit(&site.unit(unit).id)),
            Job::Statistics => page(paths::STATISTICS),
            Job::CampaignStatistics(campaign) => {
                page(&paths::campaign_statistics(&site.page(campaign).path))
            }
            Job::Search => page(paths::SEARCH),
            // With its parts (`paths::search_part`), named by the words in them.
            Job::SearchIndex => vec![paths::SEARCH_INDEX.to_owned()],
            Job::Calendar => page(paths::CALENDAR),
            Job::CalendarIcs => vec![paths::CALENDAR_ICS.to_owned()],
            Job::Feed => vec![paths::FEED.to_owned()],
            Job::Sitemap => vec![paths::SITEMAP.to_owned()],
            Job::Robots => vec![paths::ROBOTS.to_owned()],
            Job::NotFound => vec![paths::NOT_FOUND.to_owned()],
        }
    }

    /// Whether the build makes it itself, rather than from a file of
    /// `content/` (whose address is the file's).
    pub fn is_generated(self) -> bool {
        !matches!(self, Job::Page { number: 1, .. } | Job::List(_))
    }

    /// Whether it is made from the whole site: these take longest, and run
    /// first so that no core is left alone with one at the end.
    pub fn is_site_wide(self) -> bool {
        matches!(
            self,
            Job::Roll
                | Job::RollCollectives
                | Job::RollIndex
                | Job::Units
                | Job::Statistics
                | Job::SearchIndex
                | Job::Sitemap
                | Job::Robots
                | Job::NotFound
                | Job::Calendar
                | Job::CalendarIcs
                | Job::Feed
        )
    }

    /// Whether it reads what the jobs of every page and list gave the search
    /// index: it then runs after them.
    pub fn needs_every_document(self) -> bool {
        matches!(self, Job::SearchIndex)
    }

    /// Renders and writes it; `Ok` carries problems that do not stop the
    /// build (broken links), `Err` one that does.
    pub(super) fn run(self, cx: &Context) -> Result<Vec<Diagnostic>, Diagnostic> {
        match self {
            Job::Page { page, number } => super::page::render(cx, page, number),
            Job::List(list) => super::lists::render(cx, list),
            Job::Tags => super::tags::render_index(cx),
            Job::Tag { tag, number } => super::tags::render(cx, tag, number),
            Job::Roll => super::roll::render(cx),
            Job::RollLetter(letter) => super::roll::render_letter(cx, letter),
            Job::RollCollectives => super::roll::render_collectives(cx),
            Job::RollIndex => super::roll::write_index(cx),
            Job::Units => super::roll::render_units(cx),
            Job::Unit(unit) => super::roll::render_unit(cx, unit),
            Job::Statistics => super::statistics::render(cx),
            Job::CampaignStatistics(campaign) => super::statistics::render_campaign(cx, campaign),
            Job::Search => super::search::render(cx),
            Job::SearchIndex => super::search::write_index(cx),
            Job::Calendar => super::calendar::render(cx),
            Job::CalendarIcs => super::calendar::write_ics(cx),
            Job::Feed => super::feed::write(cx),
            Job::Sitemap => super::site_files::write_sitemap(cx),
            Job::Robots => super::site_files::write_robots(cx),
            Job::NotFound => super::site_files::render_not_found(cx),
        }
    }
}

/// Every page and file the build makes itself (not from a content file), as
/// site paths: `lich/`, `lich.ics`. Link checking, the sitemap and the
/// collision check read this one list.
pub fn generated_paths(site: &Site, links: &Links) -> Vec<String> {
    Job::all(site, links)
        .into_iter()
        .filter(|job| job.is_generated())
        .flat_map(|job| job.files(site))
        .map(|file| paths::of_file(&file).to_owned())
        .collect()
}
