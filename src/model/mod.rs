//! The typed content of a site: pages, campaigns and their phases, and the
//! [`Site`] that ties them together once everything is loaded.

pub(crate) mod award_catalog;
pub(crate) mod award_wording;
pub(crate) mod awards;
pub(crate) mod campaign;
pub mod config;
pub(crate) mod issuer;
pub(crate) mod page;
pub(crate) mod position;
pub(crate) mod proposals;
pub(crate) mod results;
pub(crate) mod site;
pub(crate) mod unit;
pub(crate) mod words;

pub use site::Site;
