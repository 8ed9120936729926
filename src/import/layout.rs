//! The layout of an honoree list as offices lay it out: what each row of a
//! sheet is, read by the words of its cells rather than by fixed positions.
//!
//! From the top: the issuing body and the national motto (left and right),
//! the title ("DANH SÁCH" and the lines under it), perhaps "(Kèm theo Quyết
//! định số …)" or the end of the comment period, the header row ("STT | Họ và
//! tên | Chức vụ | Đơn vị | Danh hiệu | Thành tích", sometimes two rows with
//! "(1) (2) …" under them), then honoree rows numbered in STT, interleaved
//! with section rows ("I. DANH HIỆU “CHIẾN SĨ THI ĐUA CƠ SỞ”", "1. Tập thể"),
//! and a total ("Tổng cộng: …") after which the signature block is not read.
//!
//! This module says what the sheet writes; `results` maps it to the site.

use chrono::NaiveDate;

use super::problem::{Place, Problem};
use super::sheet::{Format, Sheet, Value, Workbook};
use crate::model::results::{HonoreeKind, ListStatus};
use crate::text::collate::fold;

/// What a column of the table holds, by its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Number,
    /// "Họ và tên", "Họ tên": people (a collective may be listed too).
    Name,
    /// "Tên tập thể, cá nhân": people and collectives mixed.
    NameMixed,
    Position,
    Unit,
    /// "Chức vụ, đơn vị": both in one cell.
    PositionAndUnit,
    Award,
    Achievement,
    /// Read and dropped: Ghi chú, and the columns a list must never publish
    /// (năm sinh, giới tính, CCCD …).
    Ignored,
}

/// A heading's column, from its folded words.
fn column_of(heading: &str) -> Option<Column> {
    let h = words(heading);
    let h = h.as_str();
    Some(match h {
        "stt" | "tt" | "so tt" | "so thu tu" => Column::Number,
        "ho va ten" | "ho ten" | "ho va ten ca nhan" => Column::Name,
        "ten tap the ca nhan"
        | "ten tap the ho va ten"
        | "ho va ten ten tap the"
        | "tap the ca nhan"
        | "ten don vi ca nhan"
        | "ten tap the ho ten" => Column::NameMixed,
        "chuc vu" | "chuc danh" | "chuc vu chuc danh" => Column::Position,
        "don vi"
        | "don vi cong tac"
        | "co quan don vi"
        | "co quan"
        | "noi cong tac"
        | "co quan don vi cong tac"
        | "co quan cong tac" => Column::Unit,
        "chuc vu don vi"
        | "chuc vu don vi cong tac"
        | "chuc vu co quan don vi"
        | "chuc vu noi cong tac"
        | "chuc danh don vi"
        | "chuc vu chuc danh don vi" => Column::PositionAndUnit,
        "thanh tich"
        | "tom tat thanh tich"
        | "thanh tich dat duoc"
        | "noi dung thanh tich"
        | "thanh tich chu yeu" => Column::Achievement,
        "ghi chu" | "nam sinh" | "ngay sinh" | "gioi tinh" | "nu" | "nam nu" | "dan toc"
        | "so cccd" | "cccd" | "so cmnd" | "so dien thoai" | "dien thoai" | "que quan" => {
            Column::Ignored
        }
        _ if h.split(' ').count() <= 10
            && (h.starts_with("danh hieu")
                || h.starts_with("hinh thuc")
                || h.starts_with("de nghi")
                || h.ends_with("khen thuong")) =>
        {
            Column::Award
        }
        _ => return None,
    })
}

/// The words the header row is found by, for the message when none is.
pub const NAME_HEADINGS: &str = "“Họ và tên”, “Họ tên”, “Tên tập thể, cá nhân”";

/// Folded, punctuation as spaces, single spaces: "Chức vụ, đơn vị" → "chuc vu don vi".
pub fn words(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let spaced: String = text
        .nfc()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    fold(&spaced)
}

/// One honoree row as written.
#[derive(Debug, Clone)]
pub struct Row {
    pub row: u32,
    pub name: String,
    pub name_col: u32,
    /// "Ông"/"Bà" was written before the name (and removed from it).
    pub honorific: bool,
    pub position: Option<String>,
    /// The unit cell's text and column.
    pub unit: Option<(String, u32)>,
    /// "Chức vụ, đơn vị": the cell's text.
    pub position_and_unit: Option<(String, u32)>,
    pub achievement: Option<String>,
    /// The awards of the row: its award columns', else its section's; with
    /// where each was read (the section row for a section's award).
    pub awards: Vec<(String, Place)>,
    /// The kind a section ("1. Tập thể", "B. CÁ NHÂN") gives, with the
    /// section's text for messages.
    pub section_kind: Option<(HonoreeKind, String)>,
}

/// A list as the sheet writes it.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub sheet: String,
    pub title: Option<String>,
    pub status: Option<ListStatus>,
    pub decision: Option<DecisionAsWritten>,
    pub comment_until: Option<NaiveDate>,
    pub rows: Vec<Row>,
    /// The header row (0-based), for the summary.
    pub header_row: u32,
    /// Headings not understood (kept out of the list), for the summary.
    pub unknown_columns: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct DecisionAsWritten {
    pub number: String,
    pub date: Option<NaiveDate>,
    pub signer: Option<String>,
}

/// Finds the list in a workbook: the first sheet with a header row (not the
/// first or the active sheet: a "Hướng dẫn" sheet often comes first).
pub fn read(book: &Workbook, file: &str, problems: &mut Vec<Problem>) -> Option<Written> {
    let nonempty: Vec<&Sheet> = book.sheets.iter().filter(|s| !s.cells.is_empty()).collect();
    if nonempty.is_empty() {
        let place = match (book.format, book.sheets.first()) {
            (Format::Csv, _) | (_, None) => Place::File,
            (_, Some(s)) => Place::Sheet(s.name.clone()),
        };
        let message = if book.format == Format::Csv {
            "the file has no value in any cell"
        } else if book.sheets.len() <= 1 {
            "the workbook is empty (its only sheet has no cell with a value)"
        } else {
            "the workbook is empty (no sheet has a cell with a value)"
        };
        problems.push(Problem::error(file, place, message));
        return None;
    }
    for sheet in &book.sheets {
        if let Some(header) = header_row(sheet) {
            return Some(read_sheet(book, sheet, header, file, problems));
        }
    }
    // No header anywhere: say what the first sheet with values holds.
    let sheet = nonempty[0];
    let (last_row, last_col) = sheet.extent().unwrap_or((0, 0));
    let numbers_only = sheet
        .cells
        .values()
        .all(|v| matches!(v, Value::Number(_) | Value::Date(_)));
    let message = if numbers_only {
        format!(
            "no header row: no cell reads a name column ({NAME_HEADINGS}); the sheet holds only numbers (A1:{})",
            super::problem::cell_name(last_row, last_col)
        )
    } else {
        format!(
            "no header row: no cell reads a name column ({NAME_HEADINGS}); it may not be an honoree list"
        )
    };
    let place = match book.format {
        Format::Csv => Place::File,
        _ => Place::Sheet(sheet.name.clone()),
    };
    problems.push(
        Problem::error(
            file,
            place,
            message,
        )
        .with_help(
            "the list needs a row of headings with “Họ và tên” (or “Tên tập thể, cá nhân”) above the honorees",
        ),
    );
    None
}

/// The first row with a cell that reads, as a whole, a name heading.
fn header_row(sheet: &Sheet) -> Option<u32> {
    sheet.cells.iter().find_map(|(&(row, _), v)| match v {
        Value::Text(t) if matches!(column_of(t), Some(Column::Name | Column::NameMixed)) => {
            Some(row)
        }
        _ => None,
    })
}

fn text_at(sheet: &Sheet, row: u32, col: u32) -> Option<String> {
    sheet
        .get(row, col)
        .map(Value::text)
        .filter(|t| !t.is_empty())
}

/// The distinct texts of a row, left to right (a merged title is one text).
fn row_texts(sheet: &Sheet, row: u32) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::new();
    for (col, value) in sheet.row_values(row) {
        let t = value.text();
        if !t.is_empty() && !out.iter().any(|(_, seen)| *seen == t) {
            out.push((col, t));
        }
    }
    out
}

fn read_sheet(
    book: &Workbook,
    sheet: &Sheet,
    header: u32,
    file: &str,
    problems: &mut Vec<Problem>,
) -> Written {
    let (_, last_col) = sheet.extent().unwrap_or((0, 0));
    let mut written = Written {
        sheet: sheet.name.clone(),
        header_row: header,
        ..Written::default()
    };
    read_above(sheet, header, &mut written);

    // The columns, from the header row and, where it is a heading spread
    // over two columns, the row under it.
    let mut columns: Vec<Option<Column>> = vec![None; last_col as usize + 1];
    let mut first_data = header + 1;
    for col in 0..=last_col {
        if let Some(t) = text_at(sheet, header, col) {
            columns[col as usize] = column_of(&t);
            if column_of(&t).is_none() {
                written.unknown_columns.push(t);
            }
        }
    }
    // A second header row: every text of the row under the header is a
    // heading, each under a heading spread over several columns (merged, or
    // in a CSV written once with empty cells after it) — not a section row
    // such as "I | DANH HIỆU …" whose text also names an award.
    let under: Vec<(u32, String)> = (0..=last_col)
        .filter(|&c| sheet.cells.contains_key(&(header + 1, c)))
        .filter_map(|c| Some((c, text_at(sheet, header + 1, c)?)))
        .collect();
    let spread = |col: u32| match sheet.merge_at(header, col) {
        Some(m) => m.left < m.right,
        None => {
            sheet.get(header, col).is_none() || (col > 0 && sheet.get(header, col + 1).is_none())
        }
    };
    let second: Vec<(u32, Column)> = under
        .iter()
        .filter_map(|(c, t)| Some((*c, column_of(t)?)))
        .collect();
    let is_second_header = !second.is_empty()
        && second.len() == under.len()
        && !under
            .iter()
            .any(|(_, t)| is_enumerator(t) || is_column_number(t))
        && second.iter().all(|&(c, _)| spread(c));
    if is_second_header {
        for (col, column) in second {
            columns[col as usize] = Some(column);
        }
        written.unknown_columns.clear();
        first_data = header + 2;
    }
    let name_col = columns
        .iter()
        .position(|c| matches!(c, Some(Column::Name | Column::NameMixed)))
        .unwrap_or(0) as u32;
    let col_of = |wanted: Column| -> Option<u32> {
        columns
            .iter()
            .position(|c| *c == Some(wanted))
            .map(|i| i as u32)
    };
    let number_col = col_of(Column::Number);
    let award_cols: Vec<u32> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == Some(Column::Award))
        .map(|(i, _)| i as u32)
        .collect();

    let mut section_award: Option<(String, Place)> = None;
    let mut section_kind: Option<(HonoreeKind, String)> = None;
    // CSV keeps no merges: an empty unit, achievement or award cell takes
    // the value of the honoree above it in the same section.
    let mut above: Option<Row> = None;
    let csv = book.format == Format::Csv;
    let mut reported_width = 0usize;
    for row in sheet.rows().into_iter().filter(|&r| r >= first_data) {
        let texts = row_texts(sheet, row);
        if texts.is_empty() {
            continue;
        }
        // A row of column numbers: (1) (2) … under the headings.
        if texts.iter().all(|(_, t)| is_column_number(t)) && row <= first_data + 1 {
            continue;
        }
        if words(&texts[0].1).split(' ').next() == Some("tong") {
            break;
        }
        if csv && let Some(&width) = book.widths.get(row as usize) {
            let header_width = book.widths.get(header as usize).copied().unwrap_or(0);
            if width < header_width && width <= 2 {
                let line = &texts[0].1;
                let separator = book.separator.unwrap_or(',');
                if let Some(other) = [',', ';', '\t'].into_iter().find(|&s| {
                    s != separator && line.split(s).count() as u32 >= header_width.min(3)
                }) && reported_width < 50
                {
                    reported_width += 1;
                    let header_line = book.lines.get(header as usize).copied().unwrap_or(0);
                    problems.push(Problem::error(
                        file,
                        Place::Line(book.lines.get(row as usize).copied().unwrap_or(row + 1)),
                        format!(
                            "the line is separated by “{}” but the file by “{}” (header at line {header_line}): {width} field instead of {header_width}",
                            shown_separator(other),
                            shown_separator(separator)
                        ),
                    ).with_help("save the sheet again from Excel, or put the line's values in their own columns"));
                    continue;
                }
            }
        }
        let number = number_col.and_then(|c| sheet.get(row, c));
        let numbered = match number {
            Some(Value::Number(_)) => true,
            Some(Value::Text(t)) => is_number_text(t),
            _ => false,
        };
        let name_value = sheet.get(row, name_col);
        if let Some(Value::Error(e)) = name_value {
            problems.push(Problem::error(
                file,
                book.place(sheet, row, name_col),
                format!("the cell holds the error {e} (a broken formula) instead of a name"),
            ));
            continue;
        }
        let name = name_value.map(Value::text).filter(|t| !t.is_empty());
        let cell = |column: Column| col_of(column).and_then(|c| text_at(sheet, row, c));
        // "1 | Tập thể": numbered like an honoree, but a kind's section.
        let kind_row = matches!(section_of(&texts), Some((Section::Kind(_), ..)));
        let is_honoree = if kind_row {
            false
        } else if number_col.is_some() {
            numbered && name.is_some()
        } else {
            name.is_some() && section_of(&texts).is_none()
        };
        if !is_honoree {
            if !kind_row && (numbered || (number_col.is_none() && name.is_none())) {
                // A numbered row with no name: a problem if it says anything else.
                let position = cell(Column::Position).or_else(|| cell(Column::PositionAndUnit));
                let unit = cell(Column::Unit);
                let message = match (position, unit) {
                    (Some(p), Some(u)) => Some(format!(
                        "no name: the row has a position (“{p}”) and a unit (“{u}”) but its name cell is empty"
                    )),
                    (Some(p), None) => Some(format!(
                        "no name: the row has a position (“{p}”) but its name cell is empty"
                    )),
                    (None, Some(u)) => Some(format!(
                        "no name: the row has a unit (“{u}”) but its name cell is empty"
                    )),
                    (None, None) => cell(Column::Achievement).map(|_| {
                        "no name: the row has an achievement but its name cell is empty".to_owned()
                    }),
                };
                if let Some(message) = message {
                    problems.push(Problem::error(
                        file,
                        book.place(sheet, row, name_col),
                        message,
                    ));
                }
                continue;
            }
            // A section row.
            if let Some(section) = section_of(&texts) {
                let place = book.place(sheet, row, section.1);
                match section.0 {
                    Section::Kind(kind) => section_kind = Some((kind, section.2)),
                    Section::Award(award) => {
                        section_award = Some((award, place));
                        section_kind = None;
                    }
                }
                above = None;
            }
            continue;
        }
        let mut name = name.unwrap_or_default();
        let mut honorific = false;
        for prefix in ["Ông ", "Bà ", "ông ", "bà "] {
            if let Some(rest) = name.strip_prefix(prefix)
                && rest.chars().next().is_some_and(char::is_uppercase)
            {
                name = rest.to_owned();
                honorific = true;
            }
        }
        let mut awards: Vec<(String, Place)> = award_cols
            .iter()
            .filter_map(|&c| Some((text_at(sheet, row, c)?, book.place(sheet, row, c))))
            .collect();
        let mut unit = col_of(Column::Unit).and_then(|c| Some((text_at(sheet, row, c)?, c)));
        let mut achievement = cell(Column::Achievement);
        if csv && let Some(prev) = &above {
            if unit.is_none()
                && let Some(c) = col_of(Column::Unit)
            {
                unit = prev.unit.clone().map(|(t, _)| (t, c));
            }
            if achievement.is_none() {
                achievement = prev.achievement.clone();
            }
            if awards.is_empty() && !award_cols.is_empty() {
                awards = prev.awards.clone();
            }
        }
        if awards.is_empty()
            && let Some(a) = &section_award
        {
            awards.push(a.clone());
        }
        let record = Row {
            row,
            name,
            name_col,
            honorific,
            position: cell(Column::Position),
            unit,
            position_and_unit: col_of(Column::PositionAndUnit)
                .and_then(|c| Some((text_at(sheet, row, c)?, c))),
            achievement,
            awards,
            section_kind: section_kind.clone(),
        };
        above = Some(record.clone());
        written.rows.push(record);
    }
    written
}

#[derive(Debug, Clone, PartialEq)]
enum Section {
    Kind(HonoreeKind),
    /// The award as written, without its enumerator, "Danh hiệu" or quotes.
    Award(String),
}

/// What a section row says: its meaning, the column of its text, its text.
fn section_of(texts: &[(u32, String)]) -> Option<(Section, u32, String)> {
    // The enumerator may be a cell of its own ("I" in STT) or start the text.
    let (col, text) = texts.iter().find(|(_, t)| !is_enumerator(t)).cloned()?;
    let body = strip_enumerator(&text);
    let folded = words(&body);
    let folded = folded.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    if folded == "tap the" || folded == "cac tap the" {
        return Some((Section::Kind(HonoreeKind::Collective), col, text));
    }
    if folded == "ca nhan" || folded == "cac ca nhan" {
        return Some((Section::Kind(HonoreeKind::Individual), col, text));
    }
    let mut award = body.trim().trim_end_matches(':').trim().to_owned();
    for prefix in ["DANH HIỆU ", "Danh hiệu ", "danh hiệu "] {
        if let Some(rest) = award.strip_prefix(prefix) {
            award = rest.to_owned();
        }
    }
    let award = award
        .trim_matches(|c| matches!(c, '“' | '”' | '"' | '\'' | ' '))
        .to_owned();
    (!award.is_empty()).then_some((Section::Award(award), col, text))
}

fn is_enumerator(text: &str) -> bool {
    let t = text.trim_end_matches(['.', ')']);
    !t.is_empty()
        && (t.chars().all(|c| "IVXLC".contains(c))
            || t.chars().all(|c| c.is_ascii_digit())
            || (t.chars().count() == 1 && t.chars().all(|c| c.is_alphabetic())))
}

/// "I. DANH HIỆU …" → "DANH HIỆU …"; "a) Tập thể" → "Tập thể".
fn strip_enumerator(text: &str) -> String {
    let mut parts = text.splitn(2, ' ');
    let first = parts.next().unwrap_or_default();
    match parts.next() {
        Some(rest) if (first.ends_with('.') || first.ends_with(')')) && is_enumerator(first) => {
            rest.to_owned()
        }
        _ => text.to_owned(),
    }
}

fn is_number_text(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

fn is_column_number(text: &str) -> bool {
    let t = text.trim().trim_start_matches('(').trim_end_matches(')');
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

fn shown_separator(c: char) -> &'static str {
    match c {
        ';' => ";",
        '\t' => "tab",
        _ => ",",
    }
}

/// The title, status, decision and comment period, from the rows above the
/// header.
fn read_above(sheet: &Sheet, header: u32, written: &mut Written) {
    let lines: Vec<(u32, Vec<(u32, String)>)> = sheet
        .rows()
        .into_iter()
        .take_while(|&r| r < header)
        .map(|r| (r, row_texts(sheet, r)))
        .collect();
    let mut title_parts: Vec<String> = Vec::new();
    let mut in_title = false;
    for (row, texts) in &lines {
        let joined = texts
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let folded = words(&joined);
        if folded.contains("lay y kien") {
            in_title = false;
            written.comment_until = sheet
                .row_values(*row)
                .into_iter()
                .find_map(|(_, v)| match v {
                    Value::Date(d) => Some(*d),
                    _ => None,
                })
                .or_else(|| find_date(&joined));
            continue;
        }
        if joined.starts_with('(') {
            in_title = false;
            if folded.contains("quyet dinh so") {
                written.decision = decision_of(&joined);
            }
            continue;
        }
        if folded.starts_with("danh sach") {
            in_title = true;
            title_parts.push(sentence_case(&joined));
            continue;
        }
        if in_title {
            if texts.is_empty() {
                in_title = false;
            } else {
                title_parts.push(joined);
            }
        }
    }
    if !title_parts.is_empty() {
        let mut title = title_parts[0].clone();
        for part in &title_parts[1..] {
            title.push(' ');
            title.push_str(&lower_first(&sentence_case_if_caps(part)));
        }
        written.title = Some(title);
    }
    let folded_title = written.title.as_deref().map(words).unwrap_or_default();
    written.status = if written.decision.is_some() {
        Some(ListStatus::Decided)
    } else if folded_title.contains("de nghi")
        || folded_title.contains("du kien")
        || written.comment_until.is_some()
    {
        Some(ListStatus::Proposed)
    } else {
        None
    };
}

/// "(Kèm theo Quyết định số 1234/QĐ-SGDĐT ngày 15/05/2024 của Giám đốc Sở …)".
fn decision_of(text: &str) -> Option<DecisionAsWritten> {
    let text = text.trim_start_matches('(').trim_end_matches(')');
    let at = words_position(text, "số")?;
    let rest = text[at..].trim_start();
    let number: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != ',')
        .collect();
    if number.is_empty() {
        return None;
    }
    let after = &rest[number.len()..];
    let date = find_date(after);
    let signer = after
        .find(" của ")
        .map(|i| after[i + " của ".len()..].trim().to_owned())
        .filter(|s| !s.is_empty());
    Some(DecisionAsWritten {
        number,
        date,
        signer,
    })
}

/// The byte index after the word `word` (e.g. "số") in `text`.
fn words_position(text: &str, word: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    let pattern = format!(" {word} ");
    // Lowercasing Vietnamese keeps byte lengths of these words.
    lower.find(&pattern).map(|i| i + pattern.len())
}

/// The first date dd/mm/yyyy (or "ngày d tháng m năm y") in a text.
pub fn find_date(text: &str) -> Option<NaiveDate> {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        if !chars[start].is_ascii_digit() || (start > 0 && chars[start - 1].is_ascii_digit()) {
            continue;
        }
        let rest: String = chars[start..].iter().take(10).collect();
        let parts: Vec<&str> = rest.split(['/', '-', '.']).take(3).collect();
        if parts.len() == 3 {
            let year: String = parts[2].chars().take_while(char::is_ascii_digit).collect();
            if let (Ok(d), Ok(m), Ok(y)) = (
                parts[0].parse::<u32>(),
                parts[1].parse::<u32>(),
                year.parse::<i32>(),
            ) && year.len() == 4
                && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
            {
                return Some(date);
            }
        }
    }
    None
}

/// "DANH SÁCH DỰ KIẾN" → "Danh sách dự kiến": capitals lowered, but the
/// abbreviations kept (a word with no vowel after its first letter: UBND,
/// THPT, GD&ĐT).
fn sentence_case(text: &str) -> String {
    let lowered = sentence_case_if_caps(text);
    let mut chars = lowered.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn sentence_case_if_caps(text: &str) -> String {
    if text.chars().any(char::is_lowercase) {
        return text.to_owned();
    }
    text.split(' ')
        .map(|word| {
            let folded = fold(word);
            let vowel_after_first = folded.chars().skip(1).any(|c| "aeiouy".contains(c));
            if vowel_after_first {
                word.to_lowercase()
            } else {
                word.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first letter lowered unless the word is an abbreviation ("UBND").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let second = text.chars().nth(1);
    if second.is_some_and(char::is_uppercase) {
        return text.to_owned();
    }
    first.to_lowercase().chain(chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_read_in_any_case_and_form() {
        assert_eq!(column_of("HỌ VÀ TÊN"), Some(Column::Name));
        assert_eq!(column_of("Ho\u{0323} te\u{0302}n"), Some(Column::Name));
        assert_eq!(column_of("Tên tập thể, cá nhân"), Some(Column::NameMixed));
        assert_eq!(column_of("Chức vụ, đơn vị"), Some(Column::PositionAndUnit));
        assert_eq!(
            column_of("Danh hiệu thi đua/Hình thức khen thưởng"),
            Some(Column::Award)
        );
        assert_eq!(column_of("Cơ quan, đơn vị"), Some(Column::Unit));
        assert_eq!(column_of("Cột Họ tên: ghi đầy đủ"), None);
    }

    #[test]
    fn titles_read_as_a_sentence() {
        assert_eq!(sentence_case("DANH SÁCH DỰ KIẾN"), "Danh sách dự kiến");
        assert_eq!(
            sentence_case_if_caps("ĐỀ NGHỊ UBND TỈNH TẶNG BẰNG KHEN"),
            "đề nghị UBND tỉnh tặng bằng khen"
        );
        assert_eq!(lower_first("Cá nhân được"), "cá nhân được");
        assert_eq!(lower_first("UBND tỉnh"), "UBND tỉnh");
    }

    #[test]
    fn sections_give_an_award_or_a_kind() {
        let at = |t: &str| section_of(&[(0, t.to_owned())]).map(|s| s.0);
        assert_eq!(
            at("I. DANH HIỆU “CHIẾN SĨ THI ĐUA CƠ SỞ”"),
            Some(Section::Award("CHIẾN SĨ THI ĐUA CƠ SỞ".into()))
        );
        assert_eq!(
            at("B. CÁ NHÂN"),
            Some(Section::Kind(HonoreeKind::Individual))
        );
        assert_eq!(
            at("1. Tập thể:"),
            Some(Section::Kind(HonoreeKind::Collective))
        );
        assert_eq!(
            section_of(&[(0, "II".into()), (1, "Lao động tiên tiến".into())]).map(|s| s.0),
            Some(Section::Award("Lao động tiên tiến".into()))
        );
    }

    #[test]
    fn a_decision_is_read_from_the_line_under_the_title() {
        let d = decision_of(
            "(Kèm theo Quyết định số 1234/QĐ-SGDĐT ngày 15/05/2024 của Giám đốc Sở Giáo dục và Đào tạo)",
        )
        .unwrap();
        assert_eq!(d.number, "1234/QĐ-SGDĐT");
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 5, 15));
        assert_eq!(d.signer.as_deref(), Some("Giám đốc Sở Giáo dục và Đào tạo"));
    }
}
