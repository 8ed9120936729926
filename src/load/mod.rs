//! Reading the site tree: walk `content/`, classify every file, and load pages in
//! parallel into the typed model. Nothing after this stage reads a content file.

pub mod decode;
pub mod front_matter;
pub mod source;
pub mod walk;
pub mod yaml;

use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::campaign::{self, Campaign};
use crate::model::page::{self, Page, PageMeta};
use decode::Decoder;
use walk::{ContentTree, PageFile};

/// The content of a site, loaded and decoded.
#[derive(Debug, Default)]
pub struct Loaded {
    pub pages: Vec<Page>,
    /// Files copied as they are: `(absolute source, site-relative output path)`.
    pub assets: Vec<walk::Asset>,
}

/// The section whose direct children are campaigns.
pub const CAMPAIGN_SECTION: &str = "phong-trao/";

/// Loads everything under `<root>/content`. Problems of every file are collected.
pub fn load_content(root: &Path, diagnostics: &mut Diagnostics) -> Loaded {
    let tree: ContentTree = walk::walk(root, diagnostics);
    let results: Vec<Result<Page, Vec<Diagnostic>>> = tree
        .pages
        .par_iter()
        .map(|file| load_page(root, file))
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(page) => pages.push(page),
            Err(problems) => diagnostics.extend(problems),
        }
    }
    Loaded {
        pages,
        assets: tree.assets,
    }
}

/// Whether a page at this site path is a campaign: a direct child of `phong-trao/`.
pub fn is_campaign_path(path: &str) -> bool {
    path.strip_prefix(CAMPAIGN_SECTION)
        .is_some_and(|rest| !rest.is_empty() && rest.matches('/').count() == 1)
}

fn load_page(root: &Path, file: &PageFile) -> Result<Page, Vec<Diagnostic>> {
    let rel = &file.rel;
    let text = source::read_text(&root.join(rel), rel).map_err(|d| vec![d])?;
    let split = front_matter::split(&text.text, rel).map_err(|d| vec![d])?;
    let node = yaml::parse(split.yaml, split.yaml_line, rel).map_err(|d| vec![d])?;

    let is_campaign = file.kind == page::PageKind::Regular && is_campaign_path(&file.path);
    let known: Vec<&'static str> = if is_campaign {
        page::KEYS.iter().chain(campaign::KEYS).copied().collect()
    } else {
        page::KEYS.to_vec()
    };
    let what = if is_campaign {
        "the campaign's front matter"
    } else {
        "the front matter"
    };
    let mut d = Decoder::new(rel);
    let Some(fields) = d.fields(&node, what, &known) else {
        return Err(d.diagnostics);
    };
    let meta = PageMeta::decode(&mut d, &fields);
    let campaign = match (&meta, is_campaign) {
        (Some(meta), true) => Campaign::decode(&mut d, &fields, &meta.title).map(Box::new),
        _ => None,
    };
    check_attachments(&mut d, meta.as_ref(), file);
    let (body_offset, body_line) = (text.text.len() - split.body.len(), split.body_line);
    match meta {
        Some(meta) if !d.has_errors() => {
            let mut body = text.text;
            body.drain(..body_offset);
            Ok(Page {
                source: rel.clone(),
                kind: file.kind,
                path: file.path.clone(),
                meta,
                body,
                body_line,
                campaign,
                bundle_files: file.bundle_files.clone(),
            })
        }
        _ => Err(d.diagnostics),
    }
}

/// Every attachment named in the front matter is a file of the page's bundle.
fn check_attachments(d: &mut Decoder, meta: Option<&PageMeta>, file: &PageFile) {
    let Some(meta) = meta else { return };
    for attachment in &meta.attachments {
        if !file.bundle_files.iter().any(|f| f.name == attachment.file) {
            let help = if file.is_bundle {
                "put the file in the same folder as index.md".to_owned()
            } else {
                "attachments need a bundle: move the page to <name>/index.md and put the file beside it"
                    .to_owned()
            };
            d.error(
                attachment.pos,
                format!("the attachment `{}` does not exist", attachment.file),
            )
            .help = Some(help);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaigns_are_direct_children_of_phong_trao() {
        assert!(is_campaign_path("phong-trao/2022/"));
        assert!(!is_campaign_path("phong-trao/"));
        assert!(!is_campaign_path("phong-trao/2022/dot-1/"));
        assert!(!is_campaign_path("tin-tuc/2022/"));
    }
}
