//! Rendering: every output of [`jobs`] through Markdown and its template, in
//! parallel, into the [`write::Writer`]. Each page's Markdown is parsed once;
//! templates are compiled once (see `templates.rs`); rows shared by several
//! pages (the roll of honour, the units' pages, the statistics) are computed
//! once, in the [`Context`] every job is given.

pub mod accessibility;
pub mod assets;
pub mod calendar;
pub mod campaign_view;
pub mod data_package;
pub mod feed;
pub mod fingerprint;
pub mod inputs;
mod jobs;
mod labels;
pub mod link_check;
pub mod links;
pub mod lists;
pub mod markdown;
pub mod open_data;
mod page;
pub mod paginate;
pub mod raw_html;
pub mod roll;
pub mod sanitize;
pub mod search;
pub mod shared;
pub mod site_files;
mod statistics;
mod tags;
pub mod templates;
pub mod views;
pub mod write;
mod xlsx;

use std::path::Path;

use rayon::prelude::*;
use tera::Tera;

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Site;
use crate::model::site::PageId;
use inputs::Inputs;
use link_check::SitePaths;
use links::Links;
use shared::SharedValues;
use write::Writer;

pub use jobs::{Job, generated_paths};

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
/// then reports broken links along with the other problems, those of the
/// pages whose front matter failed included.
pub fn check_links(site: &Site, links: &Links, paths: &SitePaths) -> Vec<Diagnostic> {
    let sanitizer = sanitize::Sanitizer::new(&site.config.html);
    let mut problems = link_check::check_menu(&site.config.menu, paths);
    let pages = site.pages.par_iter().chain(site.failed.par_iter());
    problems.par_extend(pages.flat_map_iter(|page| {
        let markdown = markdown::render(&page.body, &page.path, links, &sanitizer);
        link_check::check(page, &markdown, paths)
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
            link_check::check_held_back(page, &markdown, paths)
        })
        .collect()
}

/// Renders and writes every output of [`Job::all`], checking the links of
/// every Markdown page against `paths`. `Ok` carries the warnings found
/// while rendering (raw HTML left open): the build goes on.
pub fn render_site(
    site: &Site,
    templates: &mut templates::Templates,
    links: &Links,
    paths: &SitePaths,
    generated: &[String],
    writer: &Writer,
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let site_view = views::site_view(&site.config, links, site.today);
    // Given to every template once, not copied into each page's context.
    templates.tera.global_context().insert("site", &site_view);
    let templates::Templates {
        tera,
        files: template_files,
        ..
    } = &*templates;
    let base_print = fingerprint::of_inputs("", 0, &[("site", &site_view as _)]);
    let events = calendar::events(site);
    let rows = roll::rows(site, links);
    let units = roll::units(site, &rows);
    let statistics = statistics::figures(site, &rows);
    let sanitizer = sanitize::Sanitizer::new(&site.config.html);
    let shared_values = SharedValues::new(site, links);
    let documents = search::Documents::new(site);
    let search_index = search::Index::default();
    let cx = Context {
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
        statistics: &statistics,
        events: &events,
        documents: &documents,
        search: &search_index,
        generated,
        writer,
    };
    let jobs = Job::all(site, links);
    let first = |i: &usize| !jobs[*i].needs_every_document();
    let run_order: Vec<usize> = (0..jobs.len())
        .filter(|&i| jobs[i].is_site_wide())
        .chain((0..jobs.len()).filter(|&i| !jobs[i].is_site_wide()))
        .filter(first)
        .collect();
    let run = |&i: &usize| {
        let problems = jobs[i].run(&cx).unwrap_or_else(|problem| vec![problem]);
        problems.into_iter().map(move |problem| (i, problem))
    };
    let mut found: Vec<(usize, Diagnostic)> = run_order.par_iter().flat_map_iter(run).collect();
    // The search index is written from what every page's job gave it.
    found.extend((0..jobs.len()).filter(|i| !first(i)).flat_map(|i| run(&i)));
    // Reported in the jobs' order, not the order they ran in: a template
    // error names the first page it broke (`content/_index.md`).
    found.sort_by_key(|(i, _)| *i);
    let mut problems = link_check::check_menu(&site.config.menu, paths);
    problems.extend(found.into_iter().map(|(_, problem)| problem));
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = problems
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    if errors.is_empty() {
        Ok(warnings)
    } else {
        let mut all = template_files.collapse_rendering_errors(errors);
        all.extend(warnings);
        Err(all)
    }
}

/// Copies the static files (`(source, output path)`) and the content's files.
pub fn copy_files(
    writer: &Writer,
    root: &Path,
    static_files: &[(assets::StaticSource, String)],
    site: &Site,
) -> Result<(), Vec<Diagnostic>> {
    let copies: Vec<(&assets::StaticSource, &str)> = static_files
        .iter()
        .map(|(from, to)| (from, to.as_str()))
        .collect();
    let files: Vec<(&Path, &str)> = site
        .assets
        .iter()
        .map(|a| (a.abs.as_path(), a.out.as_str()))
        .collect();
    let problems: Vec<Diagnostic> = copies
        .par_iter()
        .filter_map(|(from, to)| match from {
            assets::StaticSource::File(path) => writer.copy(root, to, path).err(),
            assets::StaticSource::BuiltIn(bytes) => writer.copy_bytes(to, bytes).err(),
        })
        .chain(
            files
                .par_iter()
                .filter_map(|(from, to)| writer.copy(root, to, from).err()),
        )
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// What every job is given: the site, the compiled templates, and the values
/// computed once for all pages.
struct Context<'s, 'a> {
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
    /// The honours in figures, counted once from `rows`.
    statistics: &'s statistics::Figures<'a>,
    events: &'s [calendar::Event],
    /// The search's documents, and its index the pages' and lists' jobs fill.
    documents: &'s search::Documents,
    search: &'s search::Index,
    generated: &'s [String],
    writer: &'s Writer<'s>,
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

impl Context<'_, '_> {
    /// Writes a file the build makes itself (data, feeds).
    fn write_data(&self, name: &str, bytes: &[u8]) -> Result<Vec<Diagnostic>, Diagnostic> {
        self.writer.bytes(name, bytes)?;
        Ok(Vec::new())
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

    /// Renders `template` with the site and `inputs` into `<path>index.html`;
    /// in `serve`, only when they changed since the last build.
    fn render(
        &self,
        template: &str,
        inputs: &Inputs,
        path: &str,
        source: &Path,
    ) -> Result<Vec<Diagnostic>, Diagnostic> {
        self.render_file(template, inputs, &crate::paths::page_file(path), source)
    }

    /// Renders `template` with the site and `inputs` into the file `out`;
    /// `source` is what a template error points at.
    fn render_file(
        &self,
        template: &str,
        inputs: &Inputs,
        out: &str,
        source: &Path,
    ) -> Result<Vec<Diagnostic>, Diagnostic> {
        self.writer.make(
            out,
            || inputs.fingerprint(template, self.base_print, self.shared_values),
            |html| {
                let context = inputs.context(self.shared_values);
                self.tera
                    .render_to(template, &context, html)
                    .map_err(|e| self.template_files.rendering_error(&e, source))
            },
        )?;
        Ok(Vec::new())
    }
}

/// Breadcrumbs of a page below a campaign: the campaign's sections, then it.
fn campaign_parents(site: &Site, campaign: PageId) -> Vec<(&str, &str)> {
    let mut chain: Vec<PageId> = site.with_sections_above(campaign).collect();
    chain.reverse();
    chain
        .into_iter()
        .map(|id| site.page(id))
        .filter(|page| page.kind != crate::model::page::PageKind::Home)
        .map(|page| (page.meta.title.as_str(), page.path.as_str()))
        .collect()
}
