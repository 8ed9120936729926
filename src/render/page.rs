//! The pages of `content/`: each through its Markdown and its template, and
//! the later pages of a section's list.

use std::sync::Arc;

use super::inputs::Inputs;
use super::{Context, campaign_view, link_check, markdown, paginate, search, views};
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::model::page::PageKind;
use crate::model::site::PageId;
use crate::paths;

/// A page, or page `number` (from 1) of a section's list.
pub(super) fn render(
    cx: &Context,
    id: PageId,
    number: usize,
) -> Result<Vec<Diagnostic>, Diagnostic> {
    let site = cx.site;
    let page = site.page(id);
    let path = paths::list_page(&page.path, number);
    // Links in the body are made relative to the address being written.
    let markdown: Arc<markdown::Rendered> = cx.writer.markdown(&path, &page.body, || {
        markdown::render(&page.body, &path, cx.links, cx.sanitizer)
    });
    // Later pages of a list repeat the section's text but report nothing new.
    let broken = if number == 1 {
        search::add_page(cx, id, &markdown.text)?;
        link_check::check(page, &markdown, cx.paths)
    } else {
        Vec::new()
    };
    let root = cx.links.root(&path);
    let view = views::page_view(site, id, &markdown.html, cx.links, cx.shared_values);
    let campaign = page
        .campaign
        .as_ref()
        .map(|c| campaign_view::campaign_view(site, id, c, cx.links));
    let mut inputs = Inputs::new(vec![("root", &root), ("page", &view)]);
    if let Some(campaign) = &campaign {
        inputs.push(("campaign", campaign));
    }
    // Sections are paginated; the home page lists all of its pages.
    let listing = (page.kind != PageKind::Regular).then(|| {
        let children = site.children(id);
        let per_page = match page.kind {
            PageKind::Section => site.config.paginate,
            _ => children.len().max(1),
        };
        let paginator = paginate::paginator(&page.path, children.len(), per_page, number, cx.links);
        let shown = &children[paginate::slice(children.len(), per_page, number)];
        (paginator, shown)
    });
    if let Some((paginator, shown)) = &listing {
        inputs.push(("paginator", paginator));
        inputs.push_summaries("pages", shown);
    }
    let open_comments =
        (page.kind == PageKind::Home).then(|| super::lists::open_comments(site, cx.links));
    if let Some(open_comments) = &open_comments {
        inputs.push_summaries("campaigns", &site.campaigns);
        inputs.push(("open_comments", open_comments));
    }
    cx.render(template_for(site, id), &inputs, &path, &page.source)?;
    Ok(broken)
}

/// The page's own `template:`, else the one of its kind.
fn template_for(site: &Site, id: PageId) -> &str {
    let page = site.page(id);
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
