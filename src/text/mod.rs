//! Vietnamese text: slugs, dates, alphabetical order and search keys, and the
//! "did you mean" suggestions of error messages.

pub mod collate;
pub mod slug;
pub mod suggest;
pub mod vi_date;
