//! OpenDocument spreadsheets (.ods), read from content.xml with quick-xml.
//!
//! Ours rather than calamine's because of what an .ods holds: a merge is a
//! cell with `number-columns-spanned`/`number-rows-spanned` followed by
//! `covered-table-cell`s (which may keep hidden old values: ignored here),
//! and every sheet ends with rows and cells repeated a million times
//! (`number-rows-repeated="1048521"`). Empty repeats only move the cursor;
//! a non-empty cell repeated is counted against the cell limit before it is
//! copied, so a 1 KB file asking for 17 billion cells is refused at once.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{CELL_LIMIT, Cells, Format, Merge, Sheet, Value, Workbook};
use crate::import::package::{Package, PackageError};
use crate::import::problem::{Place, Problem};

/// Deeper than any spreadsheet's content.xml (about 12 levels).
const DEPTH_LIMIT: usize = 256;

pub fn read(bytes: Vec<u8>, file: &str) -> Result<Workbook, Problem> {
    let refuse = |e: PackageError| e.problem(file, ".ods");
    let mut package = Package::open(bytes).map_err(refuse)?;
    let xml = package.required_xml("content.xml").map_err(refuse)?;
    parse(&xml, file)
}

#[derive(Default)]
struct CellState {
    value_type: String,
    value: Option<String>,
    date: Option<String>,
    error: bool,
    repeat: u32,
    text: String,
    paragraphs: u32,
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

fn number(e: &BytesStart, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

fn parse(xml: &[u8], file: &str) -> Result<Workbook, Problem> {
    let part = || Place::Part("content.xml".into());
    let broken =
        |e: String| Problem::error(file, part(), format!("the .ods file is damaged ({e})"));
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut count = 0usize;
    let mut sheets = Vec::new();
    let mut current: Option<Sheet> = None;
    let (mut row, mut col) = (0u32, 0u32);
    let mut row_repeat = 1u32;
    let mut row_cells: Vec<(u32, Value)> = Vec::new();
    let mut cell: Option<CellState> = None;
    // Inside a covered cell or a comment (office:annotation): text not read.
    let mut skip_depth: Option<usize> = None;
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| broken(e.to_string()))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            if !empty {
                depth += 1;
                if depth > DEPTH_LIMIT {
                    return Err(Problem::error(
                        file,
                        part(),
                        format!("the XML is nested more than {DEPTH_LIMIT} levels deep: refused"),
                    ));
                }
            }
            let name = e.local_name();
            if skip_depth.is_some() {
                // Still inside what is skipped.
            } else {
                match name.as_ref() {
                    "table" => {
                        current = Some(Sheet::new(&attr(&e, "name").unwrap_or_default()));
                        (row, col) = (0, 0);
                    }
                    "table-row" => {
                        row_repeat = number(&e, "number-rows-repeated");
                        col = 0;
                        row_cells.clear();
                        if empty {
                            row = row.saturating_add(row_repeat);
                        }
                    }
                    "covered-table-cell" => {
                        col = col.saturating_add(number(&e, "number-columns-repeated"));
                        if !empty {
                            skip_depth = Some(depth);
                        }
                    }
                    "table-cell" => {
                        let state = CellState {
                            value_type: attr(&e, "value-type").unwrap_or_default(),
                            value: attr(&e, "value"),
                            date: attr(&e, "date-value"),
                            error: e.attributes().flatten().any(|a| {
                                a.key.as_ref() == "calcext:value-type"
                                    && a.value.as_ref() == "error"
                            }),
                            repeat: number(&e, "number-columns-repeated"),
                            ..CellState::default()
                        };
                        let spans = (
                            number(&e, "number-rows-spanned"),
                            number(&e, "number-columns-spanned"),
                        );
                        if let Some(sheet) = current.as_mut()
                            && spans != (1, 1)
                        {
                            sheet.merges.push(Merge {
                                top: row,
                                left: col,
                                bottom: row.saturating_add(spans.0 - 1),
                                right: col.saturating_add(spans.1 - 1),
                            });
                        }
                        if empty {
                            finish_cell(
                                state,
                                &mut col,
                                &mut row_cells,
                                row_repeat,
                                count,
                                file,
                                current.as_ref(),
                                row,
                            )?;
                        } else {
                            cell = Some(state);
                        }
                    }
                    "annotation" if !empty => skip_depth = Some(depth),
                    "p" | "h" => {
                        if let Some(c) = cell.as_mut() {
                            if c.paragraphs > 0 {
                                c.text.push('\n');
                            }
                            c.paragraphs += 1;
                        }
                    }
                    "s" => {
                        if let Some(c) = cell.as_mut() {
                            let n = attr(&e, "c")
                                .and_then(|v| v.parse::<usize>().ok())
                                .unwrap_or(1)
                                .min(1024);
                            c.text.extend(std::iter::repeat_n(' ', n));
                        }
                    }
                    "tab" => {
                        if let Some(c) = cell.as_mut() {
                            c.text.push('\t');
                        }
                    }
                    "line-break" => {
                        if let Some(c) = cell.as_mut() {
                            c.text.push('\n');
                        }
                    }
                    _ => {}
                }
            }
            continue;
        }
        match event {
            Event::End(e) => {
                if skip_depth == Some(depth) {
                    skip_depth = None;
                    depth -= 1;
                    continue;
                }
                depth = depth.saturating_sub(1);
                if skip_depth.is_some() {
                    continue;
                }
                match e.local_name().as_ref() {
                    "table-cell" => {
                        if let Some(state) = cell.take() {
                            finish_cell(
                                state,
                                &mut col,
                                &mut row_cells,
                                row_repeat,
                                count,
                                file,
                                current.as_ref(),
                                row,
                            )?;
                        }
                    }
                    "table-row" => {
                        if let Some(sheet) = current.take() {
                            let mut cells = Cells {
                                sheet,
                                count: &mut count,
                                file,
                            };
                            for r in 0..row_repeat {
                                for (c, value) in &row_cells {
                                    cells.put(row.saturating_add(r), *c, value.clone())?;
                                }
                            }
                            current = Some(cells.sheet);
                        }
                        row = row.saturating_add(row_repeat);
                        row_cells.clear();
                        row_repeat = 1;
                    }
                    "table" => {
                        if let Some(sheet) = current.take() {
                            super::check_merges(&sheet, file)?;
                            sheets.push(sheet);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if skip_depth.is_none()
                    && let Some(c) = cell.as_mut()
                {
                    c.text.push_str(&t.xml10_content());
                    if c.text.len() > 4 * super::CELL_CHARS + 4 {
                        return Err(Problem::error(
                            file,
                            current
                                .as_ref()
                                .map_or_else(part, |s| Place::cell(&s.name, row, col)),
                            format!(
                                "the cell holds more than {} characters (Excel's own limit): refused",
                                super::CELL_CHARS
                            ),
                        ));
                    }
                }
            }
            Event::GeneralRef(r) => {
                if skip_depth.is_none()
                    && let Some(c) = cell.as_mut()
                {
                    let resolved = r.resolve_char_ref().ok().flatten().or_else(|| match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    });
                    match resolved {
                        Some(ch) => c.text.push(ch),
                        None => {
                            return Err(broken(format!("undefined entity &{};", &*r)));
                        }
                    }
                }
            }
            Event::CData(t) => {
                if skip_depth.is_none()
                    && let Some(c) = cell.as_mut()
                {
                    c.text.push_str(&t);
                }
            }
            Event::DocType(_) => {
                return Err(Problem::error(
                    file,
                    part(),
                    PackageError::Doctype("content.xml".into()).message(".ods"),
                ));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(Workbook {
        format: Format::Ods,
        sheets,
        lines: Vec::new(),
        widths: Vec::new(),
        encoding: None,
        separator: None,
    })
}

/// Ends a cell: its value kept for the row (repeated as many columns as it
/// says, counted first), the cursor moved past it.
#[allow(clippy::too_many_arguments)]
fn finish_cell(
    state: CellState,
    col: &mut u32,
    row_cells: &mut Vec<(u32, Value)>,
    row_repeat: u32,
    count: usize,
    file: &str,
    sheet: Option<&Sheet>,
    row: u32,
) -> Result<(), Problem> {
    let value = if state.error {
        Some(Value::Error(state.text.trim().to_owned()))
    } else {
        match state.value_type.as_str() {
            "float" | "percentage" | "currency" => state
                .value
                .as_deref()
                .and_then(|v| v.parse::<f64>().ok())
                .map(Value::Number),
            "date" => state
                .date
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
                .map(Value::Date),
            _ => None,
        }
        .or_else(|| (!state.text.trim().is_empty()).then(|| Value::Text(state.text.clone())))
    };
    if let Some(value) = value {
        let copies = u64::from(state.repeat) * u64::from(row_repeat);
        if copies + count as u64 + row_cells.len() as u64 > CELL_LIMIT as u64 {
            return Err(Problem::error(
                file,
                sheet.map_or(Place::Part("content.xml".into()), |s| {
                    Place::cell(&s.name, row, *col)
                }),
                format!(
                    "the workbook has more than {CELL_LIMIT} cells with a value, far more than a list: refused"
                ),
            ));
        }
        for c in 0..state.repeat {
            row_cells.push((col.saturating_add(c), value.clone()));
        }
    }
    *col = col.saturating_add(state.repeat);
    Ok(())
}
