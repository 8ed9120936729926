//! .xlsx and .xls through calamine.
//!
//! An .xlsx is first opened as a [`Package`]: every XML part is inflated
//! under the limits and refused if it has a DOCTYPE, before calamine parses
//! any of it. Cells are then streamed (`worksheet_cells_reader`), never laid
//! out as calamine's dense range: a sheet with one cell at A1 and one at
//! XFD1048576 would be 17 billion cells.
//!
//! An .xls (BIFF8) is small by nature (65,536 rows × 256 columns at most) and
//! calamine reads it whole; its cells are copied under the same limits.

use std::io::Cursor;

use calamine::{Data, Reader, Xls, Xlsx};
use chrono::NaiveDate;

use super::{Cells, Format, Merge, Sheet, Value, Workbook};
use crate::import::package::{Looks, Package, PackageError};
use crate::import::problem::{Place, Problem};

pub fn xlsx(bytes: Vec<u8>, file: &str) -> Result<Workbook, Problem> {
    let refuse = |e: PackageError| {
        let problem = e.problem(file, ".xlsx");
        match e {
            PackageError::NotZip(Looks::Text) => problem.with_help(
                "save it as .csv, or open it in Excel and save it again as an .xlsx workbook",
            ),
            PackageError::NotZip(Looks::OldOffice) => problem.with_help(
                "name it .xls if it is an Excel 97-2003 workbook; if it has a password, remove it in Excel (File → Info → Protect Workbook) and save again",
            ),
            _ => problem,
        }
    };
    let mut package = Package::open(bytes).map_err(refuse)?;
    package.check_every_xml_part().map_err(refuse)?;
    let bytes = package.into_bytes();
    let broken = |e: calamine::XlsxError| {
        Problem::error(
            file,
            Place::File,
            format!("the .xlsx file is damaged and cannot be opened ({e})"),
        )
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(broken)?;
    let mut sheets = Vec::new();
    let mut count = 0usize;
    for name in book.sheet_names() {
        let merges = book
            .merge_cells_by_sheet_name(&name)
            .map_err(broken)?
            .iter()
            .map(merge_of)
            .collect();
        let mut cells = Cells {
            sheet: Sheet::new(&name),
            count: &mut count,
            file,
        };
        let mut reader = book.worksheet_cells_reader(&name).map_err(broken)?;
        while let Some(cell) = reader.next_cell().map_err(broken)? {
            let (row, col) = cell.get_position();
            let Some(value) = value_of(cell.get_value().clone().into()) else {
                continue;
            };
            cells.put(row, col, value)?;
        }
        let mut sheet = cells.sheet;
        sheet.merges = merges;
        super::check_merges(&sheet, file)?;
        sheets.push(sheet);
    }
    Ok(Workbook {
        format: Format::Xlsx,
        sheets,
        lines: Vec::new(),
        widths: Vec::new(),
        encoding: None,
        separator: None,
    })
}

pub fn xls(bytes: Vec<u8>, file: &str) -> Result<Workbook, Problem> {
    let looks = crate::import::package::looks(&bytes);
    if looks != Looks::OldOffice {
        let message = match looks {
            Looks::Empty => "the file is empty (0 bytes)".to_owned(),
            _ if bytes.starts_with(b"PK\x03\x04") => {
                "not an .xls file: it is a ZIP package (an .xlsx or .ods): name it so".to_owned()
            }
            Looks::Text => "not an .xls file: the file is plain text; save it as .csv".to_owned(),
            _ => "not an .xls file (Excel 97-2003 workbook)".to_owned(),
        };
        return Err(Problem::error(file, Place::File, message));
    }
    let broken = |e: calamine::XlsError| {
        Problem::error(
            file,
            Place::File,
            format!("the .xls file is damaged, protected by a password or not a workbook ({e})"),
        )
    };
    let mut book: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(broken)?;
    let mut sheets = Vec::new();
    let mut count = 0usize;
    for name in book.sheet_names() {
        let merges = book
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .iter()
            .map(merge_of)
            .collect();
        let range = book.worksheet_range(&name).map_err(broken)?;
        let mut cells = Cells {
            sheet: Sheet::new(&name),
            count: &mut count,
            file,
        };
        for (row, col, data) in range.used_cells() {
            let (row, col) = (
                range.start().map_or(0, |s| s.0) + row as u32,
                range.start().map_or(0, |s| s.1) + col as u32,
            );
            let Some(value) = value_of(data.clone()) else {
                continue;
            };
            cells.put(row, col, value)?;
        }
        let mut sheet = cells.sheet;
        sheet.merges = merges;
        super::check_merges(&sheet, file)?;
        sheets.push(sheet);
    }
    Ok(Workbook {
        format: Format::Xls,
        sheets,
        lines: Vec::new(),
        widths: Vec::new(),
        encoding: None,
        separator: None,
    })
}

fn merge_of(d: &calamine::Dimensions) -> Merge {
    Merge {
        top: d.start.0,
        left: d.start.1,
        bottom: d.end.0,
        right: d.end.1,
    }
}

/// A cell's value as the importer keeps it; `None` for an empty cell.
fn value_of(data: Data) -> Option<Value> {
    Some(match data {
        Data::Empty => return None,
        Data::String(s) => Value::Text(s),
        Data::Int(i) => Value::Number(i as f64),
        Data::Float(f) => Value::Number(f),
        Data::Bool(b) => Value::Text(if b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(d) => {
            date_of(d.to_ymd_hms_milli()).map_or_else(|| Value::Number(d.as_f64()), Value::Date)
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            iso_date(&s).map_or_else(|| Value::Text(s.clone()), Value::Date)
        }
        Data::Error(e) => Value::Error(e.to_string()),
    })
}

fn date_of((y, m, d, ..): (u16, u8, u8, u8, u8, u8, u16)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
}

fn iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}
