//! The front matter every page has, and the page itself.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::campaign::Campaign;
use crate::decode::yaml::Node;
use crate::decode::{Decode, Decoder, Fields};
use crate::text::slug::slugify;

/// Keys any page may have. Campaigns add theirs (see `campaign::KEYS`).
pub const KEYS: &[&str] = &[
    "title",
    "date",
    "summary",
    "draft",
    "weight",
    "template",
    "tags",
    "attachments",
];

#[derive(Debug, Clone, Default)]
pub struct PageMeta {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub summary: Option<String>,
    pub draft: bool,
    /// Lower weights come first in section lists; pages without one come last.
    pub weight: Option<i64>,
    /// A template of the theme to render this page with instead of the default.
    pub template: Option<String>,
    pub template_pos: crate::diagnostics::Pos,
    /// The page's tags, as written and slugified, without repeats.
    pub tags: Vec<Tag>,
    pub attachments: Vec<AttachmentRef>,
    /// The front matter had errors: the page (with this meta's defaults) is
    /// kept only for the checks of its body, never published (see
    /// `load::decode_page`).
    pub failed: bool,
}

/// A tag: free words (`Cải cách hành chính`) and the slug of its page
/// (`cai-cach-hanh-chinh`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Tag {
    pub name: String,
    pub slug: String,
}

/// A file of the page's bundle, named in the front matter with a human title.
#[derive(Debug, Clone)]
pub struct AttachmentRef {
    pub file: String,
    pub title: String,
    pub pos: crate::diagnostics::Pos,
}

impl PageMeta {
    pub fn decode(d: &mut Decoder, f: &Fields) -> Option<PageMeta> {
        let what = "the front matter";
        let title = f.req_text(d, "title", what);
        let template = f.opt::<String>(d, "template");
        if let Some(t) = &template
            && (t.contains("..") || t.starts_with('/') || !t.ends_with(".html"))
        {
            d.error(
                f.pos_of("template"),
                format!("`{t}` is not a template name like `page.html`"),
            );
        }
        let mut tags: Vec<Tag> = Vec::new();
        let items = match f.node("tags").map(|n| &n.kind) {
            Some(crate::decode::yaml::NodeKind::Seq(items)) => items.as_slice(),
            Some(_) => {
                // Reported by `list` as not a list.
                let _ = f.list::<String>(d, "tags");
                &[]
            }
            None => &[],
        };
        for item in items {
            let Some(name) = String::decode(d, item) else {
                continue;
            };
            let slug = slugify(&name);
            if slug.is_empty() {
                d.error(
                    item.pos,
                    format!("the tag `{name}` gives no address: it has no letter or digit"),
                )
                .help = Some("write the tag with letters or digits, or remove it".into());
            } else if !tags.iter().any(|t| t.slug == slug) {
                tags.push(Tag { name, slug });
            }
        }
        // Every key is decoded before a missing title gives up, so that one
        // run reports a misspelt `titel` and a bad `date` together.
        let date = f.opt(d, "date");
        let summary = f.opt(d, "summary");
        let draft = f.opt(d, "draft").unwrap_or(false);
        let weight = f.opt(d, "weight");
        let attachments = f.list(d, "attachments");
        Some(PageMeta {
            title: title?,
            date,
            summary,
            draft,
            weight,
            template,
            template_pos: f.pos_of("template"),
            tags,
            attachments,
            failed: false,
        })
    }
}

impl Decode for AttachmentRef {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        let what = "an attachment";
        let f = d.fields(node, what, ATTACHMENT_KEYS)?;
        let file: Option<String> = f.req(d, "file", what);
        let title = f.opt::<String>(d, "title");
        let file = file?;
        if file.contains('/') || file.contains('\\') || file.starts_with('.') {
            d.error(
                f.pos_of("file"),
                format!("`{file}` must be the name of a file in the page's own folder"),
            )
            .help = Some("attachments live beside the page's index.md".into());
            return None;
        }
        Some(AttachmentRef {
            title: title.unwrap_or_else(|| file.clone()),
            file,
            pos: f.pos_of("file"),
        })
    }
}

pub const ATTACHMENT_KEYS: &[&str] = &["file", "title"];

/// What kind of source a page is, which decides its URL and its template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `content/_index.md`.
    Home,
    /// `content/<dir>/_index.md`: the list page of a section.
    Section,
    /// Any other Markdown file.
    Regular,
}

/// A file of a bundle that is copied beside the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    pub name: String,
    pub bytes: u64,
}

#[derive(Debug, Clone)]
pub struct Page {
    /// Relative to the site root, `/`-separated: `content/phong-trao/2022/index.md`.
    pub source: PathBuf,
    pub kind: PageKind,
    /// Site-relative path of the page's directory, without a leading `/`, with a
    /// trailing one: `phong-trao/2022/`; empty for the home page.
    pub path: String,
    pub meta: PageMeta,
    pub body: String,
    /// File line on which the body starts, to report Markdown problems.
    pub body_line: u32,
    pub campaign: Option<Box<Campaign>>,
    /// Files copied beside the page (bundles only), sorted by name.
    pub bundle_files: Vec<BundleFile>,
}

/// A file copied into the output unchanged.
#[derive(Debug, Clone)]
pub struct Asset {
    pub abs: std::path::PathBuf,
    /// Relative to the root, for messages.
    pub rel: std::path::PathBuf,
    /// Site-relative output path: `phong-trao/2022/ke-hoach.pdf`.
    pub out: String,
}
