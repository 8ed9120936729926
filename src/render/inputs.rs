//! What a template is given besides the site.
//!
//! Most inputs are views, borrowed: in `serve` they are fingerprinted as they
//! are (src/memo) and turned into Tera's values only for the pages that
//! changed, because the conversion costs more than the rendering it would
//! save. Lists of pages are the exception: they are given by the pages'
//! indices and made of the summaries every list shares (see `shared.rs`).

use tera::Context;

use super::shared::SharedValues;
use crate::model::site::PageId;

/// The named inputs of one page.
#[derive(Default)]
pub struct Inputs<'v> {
    views: Vec<(&'static str, &'v dyn erased_serde::Serialize)>,
    /// Lists of pages' summaries, by the pages' indices.
    summaries: Vec<(&'static str, &'v [PageId])>,
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
    pub fn push_summaries(&mut self, name: &'static str, pages: &'v [PageId]) {
        self.summaries.push((name, pages));
    }

    /// What the page depends on, for `serve` to skip pages that did not change.
    pub fn fingerprint(&self, template: &str, base: u64, shared: &SharedValues) -> u64 {
        let prints: Vec<Vec<u64>> = self
            .summaries
            .iter()
            .map(|(_, pages)| pages.iter().map(|&i| shared.summary_print(i)).collect())
            .collect();
        let all: Vec<(&str, &dyn erased_serde::Serialize)> = self
            .views
            .iter()
            .copied()
            .chain(
                self.summaries
                    .iter()
                    .zip(&prints)
                    .map(|((name, _), prints)| (*name, prints as _)),
            )
            .collect();
        super::fingerprint::of_inputs(template, base, &all)
    }

    pub fn context(&self, shared: &SharedValues) -> Context {
        let mut context = Context::new();
        for (name, view) in &self.views {
            context.insert(*name, view);
        }
        for (name, pages) in &self.summaries {
            context.insert_value(*name, shared.summaries(pages));
        }
        context
    }
}
