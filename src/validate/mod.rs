//! Checks that need the whole site: references from one file to another.
//!
//! Each check reads the assembled [`Site`] and reports; none changes it.

mod results;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::model::Site;

pub fn site(site: &Site, diagnostics: &mut Diagnostics) {
    results::references(site, diagnostics);
    home_page(site, diagnostics);
}

/// The site has a home page: deploy/publish.sh refuses an output without
/// index.html, so a site without one would build and then fail to publish.
/// (A home page whose file has errors is reported for those.)
fn home_page(site: &Site, diagnostics: &mut Diagnostics) {
    let is_home = |page: &std::sync::Arc<crate::model::page::Page>| {
        page.kind == crate::model::page::PageKind::Home
    };
    if site.home().is_some() || site.failed.iter().any(is_home) {
        return;
    }
    let file = "content/_index.md";
    let diagnostic = if site.held.iter().any(is_home) {
        Diagnostic::warning(
            file,
            Pos::NONE,
            "the home page is not published: it is a draft or dated after today",
        )
        .with_help("the site cannot be published without index.html; remove `draft: true` or the later date")
    } else {
        Diagnostic::warning(file, Pos::NONE, "the site has no home page")
            .with_help("the site cannot be published without index.html; write content/_index.md with a title and a few words about the site")
    };
    diagnostics.push(diagnostic);
}

/// A page's `template:` names a template the theme (or the site) has.
pub fn templates(site: &Site, tera: &tera::Tera, diagnostics: &mut Diagnostics) {
    let names: Vec<&str> = tera.get_template_names().collect();
    for page in &site.pages {
        let Some(template) = &page.meta.template else {
            continue;
        };
        if !names.contains(&template.as_str()) {
            let mut known: Vec<&str> = names
                .iter()
                .copied()
                .filter(|n| !n.starts_with("partials/") && !n.starts_with("__"))
                .collect();
            known.sort_unstable();
            let help = match crate::text::suggest::closest(template, known.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the templates are: {}", known.join(", ")),
            };
            diagnostics.push(
                crate::diagnostics::Diagnostic::error(
                    page.source.clone(),
                    page.meta.template_pos,
                    format!("there is no template `{template}`"),
                )
                .with_help(help),
            );
        }
    }
}

/// A content file that would be written where the build writes a page or a
/// file of its own (`content/khen-thuong.md`, `content/lich/index.html`), or
/// over a theme's static file: parallel writers would make the result depend
/// on timing, and `serve` would show the content file where the build shows
/// its page. Also an address too long to be written as a file, which the
/// file system would refuse only when the build writes it.
pub fn outputs(
    site: &Site,
    generated: &[String],
    static_files: &[&str],
    diagnostics: &mut Diagnostics,
) {
    let generated: std::collections::HashSet<&str> = generated.iter().map(String::as_str).collect();
    // A generated folder `lich/` is the file `lich/index.html` too.
    let reserved = |path: &str| {
        generated.contains(path)
            || path.starts_with(crate::paths::SEARCH)
            || path.strip_suffix("index.html").is_some_and(|dir| {
                (dir.is_empty() || dir.ends_with('/')) && generated.contains(dir)
            })
    };
    let statics: std::collections::HashSet<&str> = static_files.iter().copied().collect();
    let sources = site
        .pages
        .iter()
        .map(|p| (p.path.as_str(), &p.source))
        .chain(site.lists.iter().map(|l| (l.path.as_str(), &l.source)))
        .chain(site.assets.iter().map(|a| (a.out.as_str(), &a.rel)));
    for (path, source) in sources {
        let message = if reserved(path) {
            format!(
                "this file would be published as /{path}, an address the build uses for a page of its own"
            )
        } else if statics.contains(path) {
            format!(
                "this file would be published as /{path}, over the theme's or the site's static file"
            )
        } else if let Some(problem) = too_long(path) {
            problem
        } else {
            continue;
        };
        diagnostics.push(
            crate::diagnostics::Diagnostic::error(
                source.clone(),
                crate::diagnostics::Pos::START,
                message,
            )
            .with_help("rename the file or its folder"),
        );
    }
}

/// File systems take names of at most 255 bytes (NAME_MAX) and paths of at
/// most 4,096 (PATH_MAX), the staging folder's path included: leave it 1,024.
const MAX_NAME_BYTES: usize = 255;
const MAX_PATH_BYTES: usize = 4096 - 1024;

/// Why an output path cannot be written as a file, if it cannot. A folder
/// (`a/b/`) is written as its `index.html`.
fn too_long(path: &str) -> Option<String> {
    const INDEX: &str = "index.html";
    let file_len = path.len() + if path.ends_with('/') { INDEX.len() } else { 0 };
    if let Some(part) = path.split('/').find(|part| part.len() > MAX_NAME_BYTES) {
        let shown: String = part.chars().take(40).collect();
        return Some(format!(
            "its address has a part of {} bytes (`{shown}…`); file systems take at most {MAX_NAME_BYTES}",
            part.len()
        ));
    }
    (file_len > MAX_PATH_BYTES).then(|| {
        format!("its address is {file_len} bytes long; at most {MAX_PATH_BYTES} can be written")
    })
}
