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
