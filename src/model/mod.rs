//! The typed content of a site: pages, campaigns and their phases, and the
//! [`Site`] that ties them together once everything is loaded.

pub mod award_catalog;
pub mod award_wording;
pub mod awards;
pub mod campaign;
pub mod config;
pub mod issuer;
pub mod page;
pub mod results;
pub mod site;
pub mod unit;
pub mod words;

pub use site::Site;
