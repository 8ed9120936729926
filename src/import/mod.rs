//! `bangvang import`: the office's own files made into content.
//!
//! An office keeps its honoree lists in spreadsheets and its plans in Word;
//! each importer reads one kind of file into a draft the editor reviews, and
//! never into the published site directly:
//!
//! - [`results`]: an honoree list (.xlsx, .xls, .ods, .csv) → a results list
//!   `content/phong-trao/<campaign>/<list>.yaml`, and a list of unit names →
//!   site.yaml's `units:`;
//! - [`plan`]: a plan (.docx, .txt, .md) → `content/phong-trao/<slug>/index.md`.
//!
//! Shared: [`package`] opens the ZIP packages (.xlsx, .ods, .docx) with their
//! limits checked before any XML is parsed, and [`problem`] locates what went
//! wrong at a sheet's cell, a file's line or the whole file, as the editor
//! finds it in Excel or Word.
//!
//! This module reads content and site.yaml through `load` and `model`, like
//! the build, and writes only the file it was asked to; nothing depends on it
//! but `main`.

pub mod layout;
pub mod package;
pub mod plan;
pub mod problem;
pub mod results;
pub mod sheet;
pub mod units;
