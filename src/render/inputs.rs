//! What a template is given besides the site, and the page summaries lists
//! share.
//!
//! Most inputs are views, borrowed: in `serve` they are fingerprinted as they
//! are (src/memo) and turned into Tera's values only for the pages that
//! changed, because the conversion costs more than the rendering it would
//! save. A page's summary is the exception: the section's list, its tags'
//! lists and the home page all show it, so it becomes a Tera value once and
//! every list holds the same value (a reference count, not a copy). `serve`
//! compares a list by its pages' summaries' fingerprints, also made once.

use std::sync::OnceLock;

use tera::{Context, Value};

use super::links::Links;
use super::views;
use crate::memo;
use crate::model::Site;

/// The named inputs of one page.
#[derive(Default)]
pub struct Inputs<'v> {
    views: Vec<(&'static str, &'v dyn erased_serde::Serialize)>,
    /// Lists of pages' summaries, by the pages' indices.
    summaries: Vec<(&'static str, &'v [usize])>,
}

impl<'v> Inputs<'v> {
    pub fn new(views: Vec<(&'static str, &'v dyn erased_serde::Serialize)>) -> Inputs<'v> {
        Inputs {
            views,
            summaries: Vec::new(),
        }
    }

    pub fn push(&mut self, view: (&'static str, &'v dyn erased_serde::Serialize)) {
        self.views.push(view);
    }

    /// A list of the summaries of these pages.
    pub fn push_summaries(&mut self, name: &'static str, pages: &'v [usize]) {
        self.summaries.push((name, pages));
    }

    /// What the page depends on, for `serve` to skip pages that did not change.
    pub fn fingerprint(&self, template: &str, base: u64, summaries: &Summaries) -> u64 {
        let prints: Vec<Vec<u64>> = self
            .summaries
            .iter()
            .map(|(_, pages)| pages.iter().map(|&i| summaries.print(i)).collect())
            .collect();
        let all: Vec<(&str, &dyn erased_serde::Serialize)> = self
            .views
            .iter()
            .map(|&(name, view)| (name, view))
            .chain(
                self.summaries
                    .iter()
                    .zip(&prints)
                    .map(|((name, _), prints)| (*name, prints as _)),
            )
            .collect();
        memo::of_inputs(template, base, &all)
    }

    pub fn context(&self, summaries: &Summaries) -> Context {
        let mut context = Context::new();
        for (name, view) in &self.views {
            context.insert(*name, view);
        }
        for (name, pages) in &self.summaries {
            context.insert_value(*name, summaries.of(pages));
        }
        context
    }
}

/// Every page's summary as a Tera value, made the first time a list shows it,
/// and its fingerprint, made the first time `serve` compares a list.
pub struct Summaries<'a> {
    site: &'a Site,
    links: &'a Links,
    values: Vec<OnceLock<Value>>,
    prints: Vec<OnceLock<u64>>,
}

impl<'a> Summaries<'a> {
    pub fn new(site: &'a Site, links: &'a Links) -> Summaries<'a> {
        Summaries {
            site,
            links,
            values: (0..site.pages.len()).map(|_| OnceLock::new()).collect(),
            prints: (0..site.pages.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The summaries of the pages at these indices, as a list.
    fn of(&self, pages: &[usize]) -> Value {
        Value::from(pages.iter().map(|&i| self.value(i)).collect::<Vec<Value>>())
    }

    fn value(&self, index: usize) -> Value {
        self.values[index]
            .get_or_init(|| Value::from_serializable(&self.view(index)))
            .clone()
    }

    fn print(&self, index: usize) -> u64 {
        *self.prints[index]
            .get_or_init(|| memo::of_inputs("", 0, &[("summary", &self.view(index) as _)]))
    }

    fn view(&self, index: usize) -> views::PageSummary<'a> {
        let site = self.site;
        views::summary(&site.pages[index], self.links, site.today)
    }
}
