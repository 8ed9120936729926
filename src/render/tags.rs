//! The tags' index (`/the/`) and each tag's pages, newest first.

use super::Context;
use super::labels;
use super::paginate;
use crate::diagnostics::Diagnostic;
use crate::model::site::TagId;
use crate::paths;

pub(super) fn render_index(cx: &Context) -> Result<Vec<Diagnostic>, Diagnostic> {
    let path = paths::TAGS;
    let generated = cx.generated(path, labels::TAGS, Vec::new());
    let tags: Vec<_> = cx
        .site
        .tags
        .iter()
        .map(|t| {
            serde_json::json!({
                "name": t.name,
                "count": t.pages.len(),
                "href": cx.links.href(&paths::tag(&t.slug)),
            })
        })
        .collect();
    let mut inputs = generated.inputs();
    inputs.push(("tags", &tags));
    cx.render("tags.html", &inputs, path, std::path::Path::new("content"))
}

/// Page `number` (from 1) of a tag's pages.
pub(super) fn render(
    cx: &Context,
    id: TagId,
    number: usize,
) -> Result<Vec<Diagnostic>, Diagnostic> {
    let site = cx.site;
    let tag = site.tag(id);
    let base = paths::tag(&tag.slug);
    let path = paths::list_page(&base, number);
    let title = labels::tag(&tag.name);
    let generated = cx.generated(&path, &title, vec![(labels::TAGS, paths::TAGS)]);
    let per_page = site.config.paginate;
    let shown = &tag.pages[paginate::slice(tag.pages.len(), per_page, number)];
    let paginator = paginate::paginator(&base, tag.pages.len(), per_page, number, cx.links);
    let mut inputs = generated.inputs();
    inputs.push_summaries("pages", shown);
    inputs.push(("paginator", &paginator));
    cx.render("tag.html", &inputs, &path, std::path::Path::new("content"))
}
