//! What a template is given besides the site, and the page summaries lists
//! share.
//!
//! Most inputs are views, borrowed: in `serve` they are fingerprinted as they
//! are (src/memo) and turned into Tera's values only for the pages that
//! changed, because the conversion costs more than the rendering it would
//! save. A page's summary is the exception: the section's list, its tags'
//! lists and the home page all show it, so it becomes a Tera value once and
//! every list holds the same value (a reference count, not a copy).

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
    values: Vec<(&'static str, Value)>,
}

impl<'v> Inputs<'v> {
    pub fn new(views: Vec<(&'static str, &'v dyn erased_serde::Serialize)>) -> Inputs<'v> {
        Inputs {
            views,
            values: Vec::new(),
        }
    }

    pub fn push(&mut self, view: (&'static str, &'v dyn erased_serde::Serialize)) {
        self.views.push(view);
    }

    /// An input that already is a Tera value.
    pub fn push_value(&mut self, name: &'static str, value: Value) {
        self.values.push((name, value));
    }

    /// What the page depends on, for `serve` to skip pages that did not change.
    pub fn fingerprint(&self, template: &str, base: u64) -> u64 {
        let all: Vec<(&str, &dyn erased_serde::Serialize)> = self
            .views
            .iter()
            .map(|&(name, view)| (name, view))
            .chain(self.values.iter().map(|(name, value)| (*name, value as _)))
            .collect();
        memo::of_inputs(template, base, &all)
    }

    pub fn context(&self) -> Context {
        let mut context = Context::new();
        for (name, view) in &self.views {
            context.insert(*name, view);
        }
        for (name, value) in &self.values {
            context.insert_value(*name, value.clone());
        }
        context
    }
}

/// Every page's summary as a Tera value, made the first time a list shows it.
pub struct Summaries<'a> {
    site: &'a Site,
    links: &'a Links,
    made: Vec<OnceLock<Value>>,
}

impl<'a> Summaries<'a> {
    pub fn new(site: &'a Site, links: &'a Links) -> Summaries<'a> {
        Summaries {
            site,
            links,
            made: (0..site.pages.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The summaries of the pages at these indices, as a list.
    pub fn of(&self, pages: &[usize]) -> Value {
        Value::from(pages.iter().map(|&i| self.one(i)).collect::<Vec<Value>>())
    }

    fn one(&self, index: usize) -> Value {
        self.made[index]
            .get_or_init(|| {
                let site = self.site;
                Value::from_serializable(&views::summary(
                    &site.pages[index],
                    self.links,
                    site.today,
                ))
            })
            .clone()
    }
}
