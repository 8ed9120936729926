//! What went wrong in an imported file, where the editor finds it: a sheet's
//! cell (`DS đề nghị!B10`, as Excel's Go To takes it), a line of a CSV or text
//! file, a paragraph of a document, or the whole file.
//!
//! Messages are English ids translated when shown, like the build's
//! diagnostics (src/messages/vi.tsv).

use std::fmt;

use crate::diagnostics::{Severity, shown};
use crate::messages::{Label, tr};

/// Where a problem is, in the terms of the file's own program.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The whole file (it is empty, not a workbook, too large).
    File,
    /// A part of a package (`xl/worksheets/sheet1.xml`): hostile or broken XML.
    Part(String),
    /// A whole sheet (it has no header row).
    Sheet(String),
    /// A cell: 0-based row and column, shown as Excel names it (`B10`).
    Cell { sheet: String, row: u32, col: u32 },
    /// A 1-based line of a text file (CSV, .txt, .md).
    Line(u32),
    /// A field of a CSV: its record's first line (1-based) and 0-based column.
    CsvCell { line: u32, col: u32 },
    /// A 1-based paragraph of a document, with the start of its text so the
    /// editor can find it with Word's Find.
    Paragraph { number: u32, text: String },
}

impl Place {
    pub fn cell(sheet: &str, row: u32, col: u32) -> Place {
        Place::Cell {
            sheet: sheet.to_owned(),
            row,
            col,
        }
    }
}

/// `B10` for row 9, column 1 (0-based).
pub fn cell_name(row: u32, col: u32) -> String {
    format!("{}{}", column_name(col), row + 1)
}

/// `A`, `Z`, `AA`, …, `XFD` for 0-based column numbers.
pub use crate::text::column_name;

/// A place as a message names it inside another message: `B8`, `dòng 7`.
pub fn cell_name_of(place: &Place) -> String {
    match place {
        Place::Cell { row, col, .. } => cell_name(*row, *col),
        Place::CsvCell { line, .. } | Place::Line(line) => format!("{} {line}", line_word()),
        _ => String::new(),
    }
}

/// "line" or "dòng", in the language chosen: locations are not messages.
fn line_word() -> &'static str {
    match crate::messages::lang() {
        crate::messages::Lang::En => "line",
        crate::messages::Lang::Vi => "dòng",
    }
}

fn column_word() -> &'static str {
    match crate::messages::lang() {
        crate::messages::Lang::En => "column",
        crate::messages::Lang::Vi => "cột",
    }
}

/// One problem of an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// The file as the editor named it on the command line.
    pub file: String,
    pub place: Place,
    /// English id, translated when shown.
    pub message: String,
    pub help: Option<String>,
}

impl Problem {
    pub fn error(file: &str, place: Place, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            file: file.to_owned(),
            place,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(file: &str, place: Place, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, place, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }

    /// `danh-sach.xlsx: DS đề nghị!B10`, `ds.csv:7`, `ke-hoach.docx`.
    pub fn location(&self) -> String {
        match &self.place {
            Place::File => self.file.clone(),
            Place::Part(part) => format!("{}: {part}", self.file),
            Place::Sheet(sheet) => format!("{}: {sheet}", self.file),
            Place::Cell { sheet, row, col } => {
                format!("{}: {sheet}!{}", self.file, cell_name(*row, *col))
            }
            Place::Line(line) => format!("{}:{line}", self.file),
            Place::CsvCell { line, col } => {
                format!(
                    "{}:{line} ({} {})",
                    self.file,
                    column_word(),
                    column_name(*col)
                )
            }
            Place::Paragraph { number, text } => {
                let start: String = text.chars().take(40).collect();
                let more = if text.chars().count() > 40 { "…" } else { "" };
                let word = match crate::messages::lang() {
                    crate::messages::Lang::En => "paragraph",
                    crate::messages::Lang::Vi => "đoạn",
                };
                format!("{}: {word} {number} (“{start}{more}”)", self.file)
            }
        }
    }

    fn sort_key(&self) -> (&Place, Severity, &str) {
        (&self.place, self.severity, &self.message)
    }
}

/// Problems sorted as the editor walks the file: by sheet, then row, then
/// column (a merged cell is reported at its top-left, once).
pub fn sorted(mut problems: Vec<Problem>) -> Vec<Problem> {
    problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    problems.dedup();
    problems
}

/// `lỗi: danh-sach.xlsx: DS!B10: …` in the language chosen, `gợi ý: …` below.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => Label::Error,
            Severity::Warning => Label::Warning,
        };
        write!(
            f,
            "{}: {}: {}",
            label.word(),
            shown(&self.location()),
            shown(&tr(&self.message))
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  {}: {}", Label::Help.word(), shown(&tr(help)))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_excel_names_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
        assert_eq!(column_name(16383), "XFD");
        assert_eq!(cell_name(9, 1), "B10");
    }

    #[test]
    fn problems_sort_by_sheet_then_row_then_column() {
        let at = |row, col| Problem::error("f.xlsx", Place::cell("DS", row, col), "x");
        let sorted = sorted(vec![at(10, 1), at(9, 4), at(9, 1), at(9, 1)]);
        let cells: Vec<String> = sorted.iter().map(Problem::location).collect();
        assert_eq!(
            cells,
            ["f.xlsx: DS!B10", "f.xlsx: DS!E10", "f.xlsx: DS!B11"]
        );
    }
}
