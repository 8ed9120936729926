//! Tera values made once per build and shared by the many pages that show
//! them alike: a page's summary (its section's list, its tags' lists and the
//! home page show it), a section's breadcrumbs (every page of the section has
//! them) and a tag's link (on every page with the tag). Every page then holds
//! the same value (a reference count, not a copy); Tera 2 takes a value as it
//! is when a view that holds one is inserted into a context.

use crate::paths;
use std::collections::HashMap;
use std::sync::OnceLock;

use tera::Value;

use super::links::Links;
use super::views::{self, Crumb, TagLink};
use crate::model::Site;
use crate::model::site::PageId;

pub struct SharedValues<'a> {
    site: &'a Site,
    links: &'a Links,
    summaries: Vec<OnceLock<Value>>,
    /// Fingerprints of the summaries, for `serve` to compare lists.
    summary_prints: Vec<OnceLock<u64>>,
    /// The breadcrumbs of the pages below each page.
    crumbs_below: Vec<OnceLock<Value>>,
    /// By the tag's name as pages write it (`Tôn giáo`, `tôn giáo`: one tag,
    /// two spellings, each page showing its own).
    tag_links: HashMap<&'a str, Value>,
}

impl<'a> SharedValues<'a> {
    pub fn new(site: &'a Site, links: &'a Links) -> SharedValues<'a> {
        let mut tag_links = HashMap::new();
        for tag in site.pages.iter().flat_map(|p| &p.meta.tags) {
            tag_links.entry(tag.name.as_str()).or_insert_with(|| {
                Value::from_serializable(&TagLink {
                    name: &tag.name,
                    href: links.href(&paths::tag(&tag.slug)),
                })
            });
        }
        SharedValues {
            site,
            links,
            summaries: once_per_page(site),
            summary_prints: once_per_page(site),
            crumbs_below: once_per_page(site),
            tag_links,
        }
    }

    /// The summaries of the pages at these indices, as a list.
    pub fn summaries(&self, pages: &[PageId]) -> Value {
        Value::from(
            pages
                .iter()
                .map(|&i| self.summary(i))
                .collect::<Vec<Value>>(),
        )
    }

    fn summary(&self, page: PageId) -> Value {
        self.summaries[page.index()]
            .get_or_init(|| Value::from_serializable(&self.summary_view(page)))
            .clone()
    }

    pub fn summary_print(&self, page: PageId) -> u64 {
        *self.summary_prints[page.index()].get_or_init(|| {
            super::fingerprint::of_inputs("", 0, &[("summary", &self.summary_view(page) as _)])
        })
    }

    fn summary_view(&self, page: PageId) -> views::PageSummary<'a> {
        let site = self.site;
        views::summary(site.page(page), self.links, site.today)
    }

    /// The link of a tag of a page, by the name the page writes.
    pub fn tag_link(&self, name: &str) -> Value {
        // Made above for every tag of every page the build renders.
        self.tag_links[name].clone()
    }

    /// The breadcrumbs of the page at `index`: those of the pages below its
    /// parent.
    pub fn breadcrumbs(&self, page: PageId) -> Value {
        let site = self.site;
        let Some(parent) = site.parent(page) else {
            return Value::from(Vec::<Value>::new());
        };
        self.crumbs_below[parent.index()]
            .get_or_init(|| {
                let mut crumbs: Vec<Crumb> = site
                    .with_sections_above(parent)
                    .map(|i| Crumb {
                        title: &site.page(i).meta.title,
                        href: self.links.href(&site.page(i).path),
                    })
                    .collect();
                crumbs.reverse();
                Value::from_serializable(&crumbs)
            })
            .clone()
    }
}

fn once_per_page<T>(site: &Site) -> Vec<OnceLock<T>> {
    (0..site.pages.len()).map(|_| OnceLock::new()).collect()
}
