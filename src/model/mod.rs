//! The typed content of a site: pages, campaigns and their phases, and the
//! [`Site`] that ties them together once everything is loaded.

pub mod award_catalog;
pub mod awards;
pub mod campaign;
pub mod date;
pub mod page;
pub mod results;
pub mod site;

pub use site::Site;
