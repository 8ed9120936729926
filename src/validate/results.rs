//! A results list names its campaign's phase and files of the campaign's bundle.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Site;
use crate::text::suggest;

pub fn references(site: &Site, diagnostics: &mut Diagnostics) {
    for (id, list) in site.list_ids().zip(&site.lists) {
        let page = site.page(site.campaign_of(id));
        let Some(campaign) = &page.campaign else {
            continue;
        };
        if let Some(phase) = &list.phase
            && !campaign.phases.iter().any(|p| &p.id == phase)
        {
            let ids: Vec<&str> = campaign.phases.iter().map(|p| p.id.as_str()).collect();
            let help = match suggest::closest(phase, ids.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "the phases of {} are: {}; leave `phase` out for the whole campaign",
                    page.source.display(),
                    ids.join(", ")
                ),
            };
            diagnostics.push(
                Diagnostic::error(
                    list.source.clone(),
                    list.phase_pos,
                    format!("the campaign has no phase `{phase}`"),
                )
                .with_help(help),
            );
        }
        let in_bundle = |name: &str| page.bundle_files.iter().any(|f| f.name == name);
        if let Some(decision) = &list.decision
            && let Some(file) = &decision.file
            && !in_bundle(file)
        {
            diagnostics.push(
                Diagnostic::error(
                    list.source.clone(),
                    decision.file_pos,
                    format!("the decision file `{file}` does not exist"),
                )
                .with_help("put the scan in the campaign's folder, beside this list"),
            );
        }
        for attachment in &list.attachments {
            if !in_bundle(&attachment.file) {
                diagnostics.push(
                    Diagnostic::error(
                        list.source.clone(),
                        attachment.pos,
                        format!("the attachment `{}` does not exist", attachment.file),
                    )
                    .with_help("put the file in the campaign's folder, beside this list"),
                );
            }
        }
    }
}
