//! Checks that need the whole site: references from one file to another.
//!
//! Each check reads the assembled [`Site`] and reports; none changes it.

pub mod links;
mod results;

use crate::diagnostics::Diagnostics;
use crate::model::Site;

pub fn site(site: &Site, diagnostics: &mut Diagnostics) {
    results::references(site, diagnostics);
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
