//! Rendering: every page through Markdown and its template, in parallel, straight
//! into the output sink. Each page's Markdown is parsed once; templates are
//! compiled once (see `templates.rs`); rows shared by several pages (the roll of
//! honour and the units' pages) are computed once.

pub mod assets;
pub mod calendar;
pub mod campaign_view;
pub mod feed;
pub mod inputs;
pub mod links;
pub mod lists;
pub mod markdown;
pub mod open_data;
pub mod paginate;
pub mod raw_html;
pub mod roll;
pub mod sanitize;
pub mod shared;
pub mod site_files;
pub mod templates;
pub mod views;

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use tera::Tera;

use crate::diagnostics::Diagnostic;
use crate::memo::{self, Recall};
use crate::model::Site;
use crate::model::page::PageKind;
use crate::output::Sink;
use crate::validate::links::SitePaths;
use inputs::Inputs;
use links::Links;
use shared::SharedValues;

/// One output file to produce.
#[derive(Clone, Copy)]
enum Job {
    Page(usize),
    /// Page 2, 3, … of a section's list.
    SectionPage(usize, usize),
    TagIndex,
    /// Page n of a tag's list.
    Tag(usize, usize),
    List(usize),
    Roll,
    RollLetter(usize),
    RollCollectives,
    RollIndex,
    UnitIndex,
    Unit(usize),
    OpenData,
    /// sitemap.xml and robots.txt.
    Crawlers,
    NotFound,
    Calendar,
    /// lich.ics and atom.xml.
    Feeds,
}

/// What rendering wrote.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub pages: usize,
    pub data_files: usize,
    /// Found while rendering (raw HTML left open): the build goes on.
    pub warnings: Vec<Diagnostic>,
}

/// Every page and file the build makes itself (not from a content file): the
/// roll of honour and its pages, units, tags, pagination, calendar, feeds, data.
/// One list, used by link checking, the sitemap and the collision check.
pub fn generated_paths(site: &Site, links: &Links) -> Vec<String> {
    let per_page = site.config.paginate;
    let mut paths: Vec<String> = [
        roll::ROLL_PATH,
        roll::COLLECTIVES_PATH,
        roll::UNITS_PATH,
        views::TAGS_PATH,
        calendar::CALENDAR_PATH,
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    paths.extend(roll::letter_paths(site));
    paths.extend(site.config.units.iter().map(|u| lists::unit_path(&u.id)));
    for (i, page) in site.pages.iter().enumerate() {
        if page.kind == PageKind::Section {
            let count = paginate::page_count(site.children[i].len(), per_page);
            paths.extend((2..=count).map(|n| paginate::page_path(&page.path, n)));
        }
    }
    for tag in &site.tags {
        let base = views::tag_path(&tag.slug);
        let count = paginate::page_count(tag.pages.len(), per_page);
        paths.extend((1..=count).map(|n| paginate::page_path(&base, n)));
    }
    paths.extend(
        [
            "404.html",
            roll::INDEX_FILE,
            open_data::JSON_FILE,
            open_data::CSV_FILE,
            site_files::ROBOTS_FILE,
            calendar::ICS_FILE,
        ]
        .into_iter()
        .map(str::to_owned),
    );
    if links.base_url.is_some() {
        paths.push(site_files::SITEMAP_FILE.to_owned());
        paths.push(feed::FEED_FILE.to_owned());
    }
    paths
}

/// Every site path the build writes: page folders and files. Link checking
/// compares links with it; `copied` are the static and content files.
pub fn site_paths<'a>(
    site: &Site,
    generated: &[String],
    copied: impl IntoIterator<Item = &'a str>,
) -> SitePaths {
    let pages = site.pages.iter().map(|p| p.path.clone());
    let lists = site.lists.iter().map(|l| l.path.clone());
    let failed = site
        .found_paths
        .iter()
        .filter(|p| !site.unpublished.contains(*p))
        .cloned();
    SitePaths::new(
        pages
            .chain(failed)
            .chain(lists)
            .chain(generated.iter().cloned())
            .chain(copied.into_iter().map(str::to_owned)),
        site.unpublished.iter().cloned(),
    )
}

/// Only the link checks of rendering, for a build that already failed: one run
/// then reports broken links along with the other problems.
pub fn check_links(site: &Site, links: &Links, paths: &SitePaths) -> Vec<Diagnostic> {
    let sanitizer = sanitize::Sanitizer::new(&site.config.html);
    let mut problems = crate::validate::links::check_menu(&site.config.menu, paths);
    problems.par_extend(site.pages.par_iter().flat_map_iter(|page| {
        let markdown = markdown::render(&page.body, &page.path, links, &sanitizer);
        crate::validate::links::check(page, &markdown, paths)
    }));
    problems
}

/// The links of the pages held back (drafts, dated after today), as
/// warnings: a scheduled page whose link is broken would otherwise break the
/// nightly publication on the day it is due.
pub fn check_held_back_links(site: &Site, links: &Links, paths: &SitePaths) -> Vec<Diagnostic> {
    let sanitizer = sanitize::Sanitizer::new(&site.config.html);
    site.held
        .par_iter()
        .flat_map_iter(|page| {
            let markdown = markdown::render(&page.body, &page.path, links, &sanitizer);
            crate::validate::links::check_held_back(page, &markdown, paths)
        })
        .collect()
}

/// Renders and writes every page and data file, checking the links of every
/// Markdown page against `paths`.
pub fn render_site(
    site: &Site,
    templates: &mut templates::Templates,
    links: &Links,
    paths: &SitePaths,
    generated: &[String],
    sink: &dyn Sink,
    recall: Option<&Recall>,
) -> Result<Rendered, Vec<Diagnostic>> {
    let site_view = views::site_view(&site.config, links, site.today);
    // Given to every template once, not copied into each page's context.
    templates.tera.global_context().insert("site", &site_view);
    let templates::Templates {
        tera,
        files: template_files,
        ..
    } = &*templates;
    let base_print = memo::of_inputs("", 0, &[("site", &site_view as _)]);
    let sink = &Counting::new(sink);
    let events = calendar::events(site);
    let rows = roll::rows(site, links);
    let units = roll::units(site, &rows);
    let letters = roll::letter_groups(&rows);
    let sanitizer = sanitize::Sanitizer::new(&site.config.html);
    let shared_values = SharedValues::new(site, links);
    let shared = Shared {
        site,
        tera,
        template_files,
        links,
        paths,
        sanitizer: &sanitizer,
        shared_values: &shared_values,
        base_print,
        rows: &rows,
        units: &units,
        letters: &letters,
        events: &events,
        generated,
        sink,
        recall,
    };
    let mut jobs: Vec<Job> = (0..site.pages.len()).map(Job::Page).collect();
    let per_page = site.config.paginate;
    for (i, page) in site.pages.iter().enumerate() {
        if page.kind == PageKind::Section {
            let count = paginate::page_count(site.children[i].len(), per_page);
            jobs.extend((2..=count).map(|n| Job::SectionPage(i, n)));
        }
    }
    jobs.push(Job::TagIndex);
    for (t, tag) in site.tags.iter().enumerate() {
        let count = paginate::page_count(tag.pages.len(), per_page);
        jobs.extend((1..=count).map(|n| Job::Tag(t, n)));
    }
    jobs.extend((0..site.lists.len()).map(Job::List));
    // The files made from the whole site (sitemap, feeds, open data, the roll)
    // take longest: they run first (see below), so that no core is left alone
    // with one at the end.
    let site_wide_start = jobs.len();
    jobs.extend([
        Job::Roll,
        Job::RollCollectives,
        Job::RollIndex,
        Job::UnitIndex,
        Job::OpenData,
        Job::Crawlers,
        Job::NotFound,
        Job::Calendar,
        Job::Feeds,
    ]);
    let site_wide = site_wide_start..jobs.len();
    jobs.extend((0..letters.len()).map(Job::RollLetter));
    jobs.extend((0..site.config.units.len()).map(Job::Unit));
    let run_order: Vec<usize> = site_wide
        .clone()
        .chain(0..site_wide.start)
        .chain(site_wide.end..jobs.len())
        .collect();
    let mut found: Vec<(usize, Diagnostic)> = run_order
        .par_iter()
        .flat_map_iter(|&i| {
            let problems = shared.run(jobs[i]).unwrap_or_else(|problem| vec![problem]);
            problems.into_iter().map(move |problem| (i, problem))
        })
        .collect();
    // Reported in the jobs' order, not the order they ran in: a template
    // error names the first page it broke (`content/_index.md`).
    found.sort_by_key(|(i, _)| *i);
    let mut problems = crate::validate::links::check_menu(&site.config.menu, paths);
    problems.extend(found.into_iter().map(|(_, problem)| problem));
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = problems
        .into_iter()
        .partition(|d| d.severity == crate::diagnostics::Severity::Error);
    if errors.is_empty() {
        Ok(Rendered {
            pages: sink.pages.load(Ordering::Relaxed),
            data_files: sink.data.load(Ordering::Relaxed),
            warnings,
        })
    } else {
        let mut all = template_files.collapse_rendering_errors(errors);
        all.extend(warnings);
        Err(all)
    }
}

struct Shared<'s, 'a> {
    site: &'a Site,
    tera: &'s Tera,
    template_files: &'s templates::TemplateFiles,
    links: &'s Links,
    paths: &'s SitePaths,
    sanitizer: &'s sanitize::Sanitizer<'a>,
    shared_values: &'s SharedValues<'a>,
    /// The fingerprint of the site's view, which every page is given.
    base_print: u64,
    rows: &'s [roll::HonourRow<'a>],
    units: &'s [roll::UnitView<'s, 'a>],
    letters: &'s [roll::LetterGroup<'s, 'a>],
    events: &'s [calendar::Event],
    generated: &'s [String],
    sink: &'s dyn Sink,
    recall: Option<&'s Recall>,
}

/// The views every generated page (not from a Markdown file) is given.
struct Generated<'v> {
    root: String,
    page: views::PageView<'v>,
}

impl<'v> Generated<'v> {
    fn inputs(&self) -> Inputs<'_> {
        Inputs::new(vec![("root", &self.root), ("page", &self.page)])
    }
}

/// A page of the roll of honour: a generated page with the letters' navigation.
struct RollPage<'v> {
    generated: Generated<'v>,
    letters: Vec<serde_json::Value>,
    collectives_href: String,
    roll_href: String,
    current: Option<&'v str>,
}

impl RollPage<'_> {
    fn inputs(&self) -> Inputs<'_> {
        let mut inputs = self.generated.inputs();
        inputs.push(("letters", &self.letters));
        inputs.push(("collectives_href", &self.collectives_href));
        inputs.push(("roll_href", &self.roll_href));
        inputs.push(("current", &self.current));
        inputs
    }
}

impl Shared<'_, '_> {
    /// Writes one job's output; `Ok` carries problems that do not stop the job
    /// (broken links), `Err` one that does.
    fn run(&self, job: Job) -> Result<Vec<Diagnostic>, Diagnostic> {
        let site = self.site;
        let content = std::path::Path::new("content");
        let site_yaml = std::path::Path::new(crate::model::config::CONFIG_FILE);
        match job {
            Job::Page(i) => self.page(i, 1),
            Job::SectionPage(i, n) => self.page(i, n),
            Job::TagIndex => {
                let path = views::TAGS_PATH;
                let generated = self.generated(path, "Chủ đề", Vec::new());
                let tags: Vec<_> = site
                    .tags
                    .iter()
                    .map(|t| {
                        serde_json::json!({
                            "name": t.name,
                            "count": t.pages.len(),
                            "href": self.links.href(&format!("{path}{}/", t.slug)),
                        })
                    })
                    .collect();
                let mut inputs = generated.inputs();
                inputs.push(("tags", &tags));
                self.render("tags.html", &inputs, path, content)
            }
            Job::Tag(t, n) => {
                let tag = &site.tags[t];
                let base = views::tag_path(&tag.slug);
                let path = paginate::page_path(&base, n);
                let title = format!("Chủ đề: {}", tag.name);
                let generated = self.generated(&path, &title, vec![("Chủ đề", views::TAGS_PATH)]);
                let per_page = site.config.paginate;
                let shown = &tag.pages[paginate::slice(tag.pages.len(), per_page, n)];
                let paginator =
                    paginate::paginator(&base, tag.pages.len(), per_page, n, self.links);
                let mut inputs = generated.inputs();
                inputs.push_summaries("pages", shown);
                inputs.push(("paginator", &paginator));
                self.render("tag.html", &inputs, &path, content)
            }
            Job::List(i) => {
                let list = &site.lists[i];
                let parents = campaign_parents(site, site.list_campaign[i]);
                let generated = self.generated(&list.path, &list.title, parents);
                let view = lists::list_view(site, i, self.links);
                let mut inputs = generated.inputs();
                inputs.push(("list", &view));
                self.render("results.html", &inputs, &list.path, &list.source)
            }
            Job::Roll => {
                let path = roll::ROLL_PATH;
                let roll = self.roll_page(path, "Bảng vàng khen thưởng", None);
                let inline = self.rows.len() <= roll::INLINE_LIMIT;
                let (individuals, collectives): (Vec<&roll::HonourRow>, Vec<&roll::HonourRow>) =
                    if inline {
                        self.rows.iter().partition(|r| r.kind == "individual")
                    } else {
                        (Vec::new(), Vec::new())
                    };
                let filters = roll::filters(site);
                let mut inputs = roll.inputs();
                inputs.push(("inline", &inline));
                if inline {
                    inputs.push(("individuals", &individuals));
                    inputs.push(("collectives", &collectives));
                }
                inputs.push(("filters", &filters));
                inputs.push(("json_href", &open_data::JSON_FILE));
                inputs.push(("csv_href", &open_data::CSV_FILE));
                inputs.push(("index_href", &roll::INDEX_FILE));
                self.render("honours.html", &inputs, path, content)
            }
            Job::RollLetter(i) => {
                let group = &self.letters[i];
                let title = format!("Cá nhân có tên bắt đầu bằng chữ {}", group.label);
                let roll = self.roll_page(&group.path, &title, Some(&group.label));
                let mut inputs = roll.inputs();
                inputs.push(("individuals", &group.rows));
                self.render("honours_part.html", &inputs, &group.path, content)
            }
            Job::RollCollectives => {
                let path = roll::COLLECTIVES_PATH;
                let roll = self.roll_page(path, "Tập thể được khen thưởng", Some("Tập thể"));
                let collectives: Vec<&roll::HonourRow> = self
                    .rows
                    .iter()
                    .filter(|r| r.kind == "collective")
                    .collect();
                let mut inputs = roll.inputs();
                inputs.push(("collectives", &collectives));
                self.render("honours_part.html", &inputs, path, content)
            }
            Job::Calendar => {
                let path = calendar::CALENDAR_PATH;
                let generated = self.generated(path, "Lịch thi đua", Vec::new());
                let years = calendar::years(self.events, site.today, self.links);
                let mut inputs = generated.inputs();
                inputs.push(("years", &years));
                inputs.push(("ics_href", &calendar::ICS_FILE));
                self.render("calendar.html", &inputs, path, content)
            }
            Job::Feeds => {
                self.write_data(
                    calendar::ICS_FILE,
                    calendar::ics(site, self.events, self.links).as_bytes(),
                )?;
                if let Some(xml) = feed::atom(site, self.links) {
                    self.write_data(feed::FEED_FILE, xml.as_bytes())?;
                }
                Ok(Vec::new())
            }
            Job::Crawlers => {
                if let Some(xml) = site_files::sitemap(site, self.generated, self.links) {
                    self.write_data(site_files::SITEMAP_FILE, xml.as_bytes())?;
                }
                self.write_data(
                    site_files::ROBOTS_FILE,
                    site_files::robots(self.links).as_bytes(),
                )?;
                Ok(Vec::new())
            }
            Job::NotFound => {
                // Served at any address: links start from the site's root path.
                let root = self
                    .links
                    .base_url
                    .as_deref()
                    .and_then(|b| b.splitn(4, '/').nth(3))
                    .map_or_else(|| "/".to_owned(), |p| format!("/{p}"));
                let mut view = views::generated_page_view(
                    site,
                    "Không tìm thấy trang",
                    "",
                    Vec::new(),
                    self.links,
                );
                view.permalink = None;
                let inputs = Inputs::new(vec![("root", &root), ("page", &view)]);
                self.render_file(
                    "404.html",
                    &inputs,
                    "404.html",
                    std::path::Path::new("themes"),
                )
            }
            Job::RollIndex => {
                let index = roll::index(site, self.rows, self.links);
                self.write_data(roll::INDEX_FILE, index.as_bytes())?;
                Ok(Vec::new())
            }
            Job::UnitIndex => {
                let path = roll::UNITS_PATH;
                let generated = self.generated(path, "Đơn vị", Vec::new());
                let summaries: Vec<_> = self
                    .units
                    .iter()
                    .map(|u| {
                        serde_json::json!({
                            "id": u.id,
                            "name": u.name,
                            "total": u.total,
                            "href": lists::unit_href(u.id, self.links),
                        })
                    })
                    .collect();
                let mut inputs = generated.inputs();
                inputs.push(("units", &summaries));
                self.render("units.html", &inputs, path, site_yaml)
            }
            Job::Unit(i) => {
                let unit = &self.units[i];
                let path = lists::unit_path(unit.id);
                let generated =
                    self.generated(&path, unit.name, vec![("Đơn vị", roll::UNITS_PATH)]);
                let mut inputs = generated.inputs();
                inputs.push(("unit", unit));
                self.render("unit.html", &inputs, &path, site_yaml)
            }
            Job::OpenData => {
                let records = open_data::records(site, self.links);
                self.write_data(open_data::JSON_FILE, &open_data::json(&records))?;
                self.write_data(open_data::CSV_FILE, &open_data::csv(&records))?;
                Ok(Vec::new())
            }
        }
    }

    /// A page of the roll: the letters' navigation, and `current` marks the
    /// letter (or "Tập thể") the page is for.
    fn roll_page<'v>(&self, path: &'v str, title: &'v str, current: Option<&'v str>) -> RollPage<'v>
    where
        Self: 'v,
    {
        let parents = if current.is_some() {
            vec![("Bảng vàng khen thưởng", roll::ROLL_PATH)]
        } else {
            Vec::new()
        };
        let letters = self
            .letters
            .iter()
            .map(|g| {
                serde_json::json!({
                    "label": g.label,
                    "href": self.links.href(&g.path),
                    "count": g.rows.len(),
                })
            })
            .collect();
        RollPage {
            generated: self.generated(path, title, parents),
            letters,
            collectives_href: self.links.href(roll::COLLECTIVES_PATH),
            roll_href: self.links.href(roll::ROLL_PATH),
            current,
        }
    }

    /// Writes a file the build makes itself (data, feeds, 404.html).
    fn write_data(&self, name: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        if self
            .recall
            .is_some_and(|recall| recall.unchanged(name, memo::of_bytes(bytes)))
        {
            return Ok(());
        }
        self.sink
            .write(name, bytes)
            .map_err(|e| crate::output::write_failed(self.sink, &e))
    }

    /// The views of a page the build makes itself, below the home page and
    /// `parents`.
    fn generated<'v>(
        &self,
        path: &'v str,
        title: &'v str,
        parents: Vec<(&'v str, &str)>,
    ) -> Generated<'v>
    where
        Self: 'v,
    {
        Generated {
            root: self.links.root(path),
            page: views::generated_page_view(self.site, title, path, parents, self.links),
        }
    }

    /// A page, or page `number` (from 1) of a section's list.
    fn page(&self, index: usize, number: usize) -> Result<Vec<Diagnostic>, Diagnostic> {
        let site = self.site;
        let page = &site.pages[index];
        let path = paginate::page_path(&page.path, number);
        // Links in the body are made relative to the address being written.
        let render = || markdown::render(&page.body, &path, self.links, self.sanitizer);
        let markdown = match self.recall {
            Some(recall) => recall.markdown(&path, &page.body, render),
            None => std::sync::Arc::new(render()),
        };
        // Later pages of a list repeat the section's text but report nothing new.
        let broken = if number == 1 {
            crate::validate::links::check(page, &markdown, self.paths)
        } else {
            Vec::new()
        };
        let root = self.links.root(&path);
        let view = views::page_view(site, index, &markdown.html, self.links, self.shared_values);
        let campaign = page
            .campaign
            .as_ref()
            .map(|c| campaign_view::campaign_view(site, index, c, self.links));
        let mut inputs = Inputs::new(vec![("root", &root), ("page", &view)]);
        if let Some(campaign) = &campaign {
            inputs.push(("campaign", campaign));
        }
        // Sections are paginated; the home page lists all of its pages.
        let listing = (page.kind != PageKind::Regular).then(|| {
            let children = &site.children[index];
            let per_page = match page.kind {
                PageKind::Section => site.config.paginate,
                _ => children.len().max(1),
            };
            let paginator =
                paginate::paginator(&page.path, children.len(), per_page, number, self.links);
            let shown = &children[paginate::slice(children.len(), per_page, number)];
            (paginator, shown)
        });
        if let Some((paginator, shown)) = &listing {
            inputs.push(("paginator", paginator));
            inputs.push_summaries("pages", shown);
        }
        if page.kind == PageKind::Home {
            inputs.push_summaries("campaigns", &site.campaigns);
        }
        self.render(template_for(site, index), &inputs, &path, &page.source)?;
        Ok(broken)
    }

    /// Renders `template` with the site and `inputs` into `<path>index.html`;
    /// in `serve`, only when they changed since the last build.
    fn render(
        &self,
        template: &str,
        inputs: &Inputs,
        path: &str,
        source: &std::path::Path,
    ) -> Result<Vec<Diagnostic>, Diagnostic> {
        self.render_file(template, inputs, &[path, "index.html"].concat(), source)
    }

    /// Renders `template` with the site and `inputs` into the file `out`.
    fn render_file(
        &self,
        template: &str,
        inputs: &Inputs,
        out: &str,
        source: &std::path::Path,
    ) -> Result<Vec<Diagnostic>, Diagnostic> {
        if let Some(recall) = self.recall
            && recall.unchanged(
                out,
                inputs.fingerprint(template, self.base_print, self.shared_values),
            )
        {
            return Ok(Vec::new());
        }
        let context = inputs.context(self.shared_values);
        let mut html = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, &context, &mut html)
            .map_err(|e| self.template_files.rendering_error(&e, source))?;
        self.sink
            .write(out, &html)
            .map_err(|e| crate::output::write_failed(self.sink, &e))?;
        Ok(Vec::new())
    }
}

/// Counts what is written: HTML pages and other (data) files.
struct Counting<'s> {
    inner: &'s dyn Sink,
    pages: AtomicUsize,
    data: AtomicUsize,
}

impl<'s> Counting<'s> {
    fn new(inner: &'s dyn Sink) -> Counting<'s> {
        Counting {
            inner,
            pages: AtomicUsize::new(0),
            data: AtomicUsize::new(0),
        }
    }
}

impl Sink for Counting<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        let counter = if rel.ends_with(".html") {
            &self.pages
        } else {
            &self.data
        };
        counter.fetch_add(1, Ordering::Relaxed);
        self.inner.write(rel, bytes)
    }

    fn copy(&self, rel: &str, from: &std::path::Path) -> std::io::Result<()> {
        self.inner.copy(rel, from)
    }

    fn folder(&self) -> &std::path::Path {
        self.inner.folder()
    }
}

/// Breadcrumbs of a page below a campaign: the campaign's sections, then it.
fn campaign_parents(site: &Site, campaign: usize) -> Vec<(&str, &str)> {
    let mut chain: Vec<usize> = site.with_sections_above(campaign).collect();
    chain.reverse();
    chain
        .into_iter()
        .filter(|&i| site.pages[i].kind != PageKind::Home)
        .map(|i| {
            (
                site.pages[i].meta.title.as_str(),
                site.pages[i].path.as_str(),
            )
        })
        .collect()
}

fn template_for(site: &Site, index: usize) -> &str {
    let page = &site.pages[index];
    if let Some(template) = &page.meta.template {
        return template;
    }
    match page.kind {
        PageKind::Home => "index.html",
        PageKind::Section => "section.html",
        PageKind::Regular if page.campaign.is_some() => "campaign.html",
        PageKind::Regular => "page.html",
    }
}
