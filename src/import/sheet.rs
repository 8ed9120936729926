//! A spreadsheet as the importer sees it, whatever wrote it: sheets of cells
//! with their merges, read from .xlsx, .xls, .ods or CSV.
//!
//! Only cells with a value are kept (a sheet is sparse: LibreOffice declares
//! a million empty rows after every table), each cell's text normalised
//! once: NFC, every run of white space — spaces, no-break spaces, tabs, line
//! breaks — one space, trimmed. Every reader keeps to the same limits, so a
//! hostile file is refused at the cell where it goes too far, in bounded
//! memory, never by the machine running out.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use super::problem::{Place, Problem};

mod calamine_reader;
mod csv;
mod ods;

/// The most cells with a value one workbook may have: a list of 20,000
/// honorees in 8 columns is 160,000; a million-row sheet is refused here,
/// in a few tens of megabytes.
pub const CELL_LIMIT: usize = 200_000;
/// The most characters one cell may hold: Excel's own limit (32,767).
pub const CELL_CHARS: usize = 32_767;
/// The most merged ranges one sheet may have (a list merges a few per
/// school; every lookup of a cell walks them).
pub const MERGE_LIMIT: usize = 10_000;
/// Rows and columns beyond Excel's grid (1,048,576 × 16,384) are not cells.
pub const ROWS: u32 = 1 << 20;
pub const COLUMNS: u32 = 1 << 14;

/// A cell's value as the sheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Normalised text (never empty: an empty cell is no cell).
    Text(String),
    Number(f64),
    /// A date cell (a number with a date format, an ODS date).
    Date(NaiveDate),
    /// An error value: `#REF!`, `#N/A`, …
    Error(String),
}

impl Value {
    /// The text a reader sees: numbers as Excel shows a whole number (`1`),
    /// dates as dd/mm/yyyy.
    pub fn text(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.format("%d/%m/%Y").to_string(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// A merged range, inclusive, 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub top: u32,
    pub left: u32,
    pub bottom: u32,
    pub right: u32,
}

impl Merge {
    pub fn contains(&self, row: u32, col: u32) -> bool {
        (self.top..=self.bottom).contains(&row) && (self.left..=self.right).contains(&col)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    /// (row, column) → value, 0-based.
    pub cells: BTreeMap<(u32, u32), Value>,
    pub merges: Vec<Merge>,
}

impl Sheet {
    pub fn new(name: &str) -> Sheet {
        Sheet {
            name: name.to_owned(),
            ..Sheet::default()
        }
    }

    /// The value at a cell as the reader sees it: a cell covered by a merge
    /// has the merge's value (Excel keeps it in the top-left cell only).
    pub fn get(&self, row: u32, col: u32) -> Option<&Value> {
        if let Some(v) = self.cells.get(&(row, col)) {
            return Some(v);
        }
        let merge = self.merge_at(row, col)?;
        self.cells.get(&(merge.top, merge.left))
    }

    /// The merge covering a cell, if any.
    pub fn merge_at(&self, row: u32, col: u32) -> Option<&Merge> {
        self.merges.iter().find(|m| m.contains(row, col))
    }

    /// The cell a problem at (row, col) is reported at: a merge's top-left.
    pub fn anchor(&self, row: u32, col: u32) -> (u32, u32) {
        self.merge_at(row, col)
            .map_or((row, col), |m| (m.top, m.left))
    }

    /// The rows that have a cell of their own, in order: a sheet declaring
    /// a million rows is walked by its few cells, never row by row.
    pub fn rows(&self) -> Vec<u32> {
        let mut rows: Vec<u32> = self.cells.keys().map(|&(r, _)| r).collect();
        rows.dedup();
        rows
    }

    /// The values a row shows, left to right: its own cells, and once each
    /// merge that covers it from above or from the left.
    pub fn row_values(&self, row: u32) -> Vec<(u32, &Value)> {
        let mut out: Vec<(u32, &Value)> = self
            .cells
            .range((row, 0)..(row + 1, 0))
            .map(|(&(_, c), v)| (c, v))
            .collect();
        for m in &self.merges {
            if (m.top..=m.bottom).contains(&row)
                && m.top != row
                && let Some(v) = self.cells.get(&(m.top, m.left))
            {
                out.push((m.left, v));
            }
        }
        out.sort_by_key(|&(c, _)| c);
        out
    }

    /// The last row with a value, and the last column.
    pub fn extent(&self) -> Option<(u32, u32)> {
        let last_row = self.cells.keys().next_back()?.0;
        let last_col = self.cells.keys().map(|&(_, c)| c).max()?;
        Some((last_row, last_col))
    }
}

/// Which program's terms a problem is placed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    /// A CSV (or tab-separated text): one sheet, named by its lines.
    Csv,
}

#[derive(Debug, Clone)]
pub struct Workbook {
    pub format: Format,
    pub sheets: Vec<Sheet>,
    /// For CSV: the line each row starts on (a quoted line break makes a
    /// record span two lines).
    pub lines: Vec<u32>,
    /// For CSV: how many fields each record has (Excel pads every record to
    /// the sheet's width, so a shorter one was typed or pasted otherwise).
    pub widths: Vec<u32>,
    /// For CSV: what the decoding found, to tell the editor.
    pub encoding: Option<&'static str>,
    pub separator: Option<char>,
}

impl Workbook {
    /// Where a cell is, as the editor finds it: `Sheet!B10`, or a CSV's line.
    pub fn place(&self, sheet: &Sheet, row: u32, col: u32) -> Place {
        match self.format {
            Format::Csv => Place::CsvCell {
                line: self.lines.get(row as usize).copied().unwrap_or(row + 1),
                col,
            },
            _ => {
                let (row, col) = sheet.anchor(row, col);
                Place::cell(&sheet.name, row, col)
            }
        }
    }
}

/// A problem when a sheet has more merged ranges than [`MERGE_LIMIT`].
pub(crate) fn check_merges(sheet: &Sheet, file: &str) -> Result<(), Problem> {
    if sheet.merges.len() > MERGE_LIMIT {
        return Err(Problem::error(
            file,
            Place::Sheet(sheet.name.clone()),
            format!(
                "the sheet has more than {MERGE_LIMIT} merged ranges, far more than a list: refused"
            ),
        ));
    }
    Ok(())
}

/// Collects cells under the limits shared by every reader.
pub(crate) struct Cells<'a> {
    pub sheet: Sheet,
    pub count: &'a mut usize,
    pub file: &'a str,
}

impl Cells<'_> {
    /// Adds a cell; a problem when the workbook has too many cells or the
    /// cell too much text. Empty text is no cell.
    pub fn put(&mut self, row: u32, col: u32, value: Value) -> Result<(), Problem> {
        if row >= ROWS || col >= COLUMNS {
            return Ok(());
        }
        let value = match value {
            Value::Text(raw) => {
                if raw.chars().count() > CELL_CHARS {
                    return Err(Problem::error(
                        self.file,
                        Place::cell(&self.sheet.name, row, col),
                        format!(
                            "the cell holds more than {CELL_CHARS} characters (Excel's own limit): refused"
                        ),
                    ));
                }
                let text = normalize(&raw);
                if text.is_empty() {
                    return Ok(());
                }
                Value::Text(text)
            }
            other => other,
        };
        *self.count += 1;
        if *self.count > CELL_LIMIT {
            return Err(Problem::error(
                self.file,
                Place::cell(&self.sheet.name, row, col),
                format!(
                    "the workbook has more than {CELL_LIMIT} cells with a value, far more than a list: refused"
                ),
            ));
        }
        self.sheet.cells.insert((row, col), value);
        Ok(())
    }
}

/// NFC, every run of white space one space, trimmed, and the invisible
/// characters Word and Excel leave (zero-width spaces, soft hyphens) removed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfc() {
        if c.is_whitespace() || c == '\u{a0}' {
            space = !out.is_empty();
            continue;
        }
        if matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}'
        ) {
            continue;
        }
        if c.is_control() {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Reads a workbook: by its extension, checked against its first bytes.
/// `file` is the name problems are reported under.
pub fn read(path: &Path, file: &str) -> Result<Workbook, Problem> {
    let bytes = std::fs::read(path)
        .map_err(|e| Problem::error(file, Place::File, format!("cannot read the file: {e}")))?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" => calamine_reader::xlsx(bytes, file),
        "xls" => calamine_reader::xls(bytes, file),
        "ods" => ods::read(bytes, file),
        "csv" | "txt" | "tsv" => csv::read(&bytes, file),
        _ => Err(Problem::error(
            file,
            Place::File,
            format!(
                "cannot import a `.{extension}` file: save the list as .xlsx, .xls, .ods or .csv"
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_nfc_with_single_spaces() {
        assert_eq!(
            normalize(" Nguye\u{0302}\u{0303}n  Thi\u{0323}\u{a0}Hoa\n"),
            "Nguyễn Thị Hoa"
        );
        assert_eq!(normalize("a;\nb\u{200b}c"), "a; bc");
    }

    #[test]
    fn a_merge_gives_its_value_to_every_cell_it_covers() {
        let mut sheet = Sheet::new("DS");
        sheet.cells.insert((3, 3), Value::Text("Trường".into()));
        sheet.merges.push(Merge {
            top: 3,
            left: 3,
            bottom: 6,
            right: 3,
        });
        assert_eq!(sheet.get(5, 3), Some(&Value::Text("Trường".into())));
        assert_eq!(sheet.get(7, 3), None);
        assert_eq!(sheet.anchor(6, 3), (3, 3));
    }
}
