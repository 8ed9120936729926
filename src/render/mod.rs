//! Rendering: every page through Markdown and its template, in parallel, straight
//! into the output sink. Each page's Markdown is parsed once; templates are
//! compiled once (see `templates.rs`).

pub mod links;
pub mod markdown;
pub mod templates;
pub mod views;

use rayon::prelude::*;
use tera::{Context, Tera};

use crate::diagnostics::{Diagnostic, Pos};
use crate::model::Site;
use crate::model::page::PageKind;
use crate::output::Sink;
use links::Links;

/// Renders and writes every page; returns how many were written.
pub fn render_site(
    site: &Site,
    tera: &Tera,
    links: &Links,
    sink: &dyn Sink,
) -> Result<usize, Vec<Diagnostic>> {
    let mut base = Context::new();
    base.insert("site", &views::site_view(&site.config, links, site.today));
    let problems: Vec<Diagnostic> = (0..site.pages.len())
        .into_par_iter()
        .filter_map(|i| render_page(site, i, tera, links, &base, sink).err())
        .collect();
    if problems.is_empty() {
        Ok(site.pages.len())
    } else {
        Err(problems)
    }
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

fn render_page(
    site: &Site,
    index: usize,
    tera: &Tera,
    links: &Links,
    base: &Context,
    sink: &dyn Sink,
) -> Result<(), Diagnostic> {
    let page = &site.pages[index];
    let content = markdown::render(&page.body, &page.path, links);
    let mut context = base.clone();
    context.insert("root", &links.root(&page.path));
    context.insert("page", &views::page_view(site, index, &content, links));
    if let Some(campaign) = &page.campaign {
        context.insert(
            "campaign",
            &views::campaign_view(page, campaign, site.today),
        );
    }
    if page.kind != PageKind::Regular {
        let children: Vec<_> = site.children[index]
            .iter()
            .map(|&i| views::summary(&site.pages[i], links, site.today))
            .collect();
        context.insert("pages", &children);
    }
    if page.kind == PageKind::Home {
        let campaigns: Vec<_> = site
            .campaigns
            .iter()
            .map(|&i| views::summary(&site.pages[i], links, site.today))
            .collect();
        context.insert("campaigns", &campaigns);
    }
    let template = template_for(site, index);
    let html = tera.render(template, &context).map_err(|e| {
        Diagnostic::error(
            page.source.clone(),
            Pos::START,
            format!(
                "the page cannot be rendered with the template `{template}`: {}",
                templates::error_chain(&e)
            ),
        )
    })?;
    let out = format!("{}index.html", page.path);
    sink.write(&out, html.as_bytes()).map_err(|e| {
        Diagnostic::error(
            page.source.clone(),
            Pos::START,
            format!("cannot write {out}: {e}"),
        )
    })
}
