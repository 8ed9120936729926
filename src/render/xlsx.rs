//! One-sheet .xlsx workbooks for the open data, written directly.
//!
//! SpreadsheetML is ZIP'd XML; a table of text, numbers and dates needs five
//! small parts. rust_xlsxwriter wrote the same workbooks but cost 374 M of the
//! 1,000-page bench site's 710 M instructions for its 21 workbooks even at
//! deflate level 1 (its per-workbook set-up, theme and per-cell bookkeeping;
//! `bench/instructions`), where this writer's cost is a few per cent of that.
//!
//! What the workbook has: a bold, wrapped header row that stays in view
//! (frozen pane), a filter on it, column widths, shared strings (never a
//! formula, whatever the text starts with), numbers, and dates as date cells
//! shown dd/mm/yyyy. Its bytes depend on its cells only: the ZIP's entry
//! times are fixed and no part records when it was made.

use std::fmt::Write as _;
use std::io::Write as _;

use chrono::NaiveDate;

use crate::text::column_name;

/// A cell of the sheet.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
    Date(NaiveDate),
}

/// Excel's limit for the text of one cell.
const CELL_CHARS: usize = 32_767;

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// Styles: 0 normal, 1 the header (bold, wrapped, top), 2 a date.
const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>"#,
    r#"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
    r#"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#,
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#,
    r#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#,
    r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    r#"</styleSheet>"#
);

/// A workbook of one sheet: its name, the columns' headings and widths (in
/// characters), and the rows, each as wide as the headings.
pub fn workbook<'a>(
    sheet_name: &str,
    columns: &[(&str, f64)],
    rows: impl ExactSizeIterator<Item = Vec<Cell<'a>>>,
) -> Vec<u8> {
    let last_col = column_name(columns.len().saturating_sub(1) as u32);
    let last_row = rows.len() + 1;
    let range = format!("A1:{last_col}{last_row}");
    let mut sheet = String::with_capacity(1024 + rows.len() * 600);
    let _ = write!(
        sheet,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}" xmlns:r="{RELS}"><dimension ref="{range}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>"#
    );
    for (i, (_, width)) in columns.iter().enumerate() {
        let n = i + 1;
        let _ = write!(
            sheet,
            r#"<col min="{n}" max="{n}" width="{width}" customWidth="1"/>"#
        );
    }
    sheet.push_str("</cols><sheetData>");
    let letters: Vec<String> = (0..columns.len() as u32).map(column_name).collect();
    let mut strings = Strings::new();
    let headings = columns.iter().map(|(title, _)| Cell::Text(title));
    write_row(&mut sheet, &mut strings, 1, &letters, headings, 1);
    for (i, row) in rows.enumerate() {
        write_row(
            &mut sheet,
            &mut strings,
            i + 2,
            &letters,
            row.into_iter(),
            0,
        );
    }
    let shared = strings.xml();
    let _ = write!(
        sheet,
        r#"</sheetData><autoFilter ref="{range}"/></worksheet>"#
    );

    let name = escaped(sheet_name);
    let apostrophes = sheet_name.replace('\'', "''");
    let quoted_name = escaped(&apostrophes);
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}"><bookViews><workbookView/></bookViews><sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'{quoted_name}'!$A$1:${last_col}${last_row}</definedName></definedNames></workbook>"#
    );
    let workbook_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RELS}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
    );
    let package_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let content_types = concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
        r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
        r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
        r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#,
        r#"</Types>"#
    );
    zip_of(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", package_rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/styles.xml", STYLES.as_bytes()),
        ("xl/sharedStrings.xml", shared.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ])
}

/// One row. Written with `push_str` rather than `write!`: a 2,000-row
/// workbook is 44,000 cells, and formatting machinery per cell was a third
/// of the writer's cost (callgrind, the 1,000-page bench site).
fn write_row<'a>(
    out: &mut String,
    strings: &mut Strings<'a>,
    number: usize,
    letters: &[String],
    cells: impl Iterator<Item = Cell<'a>>,
    style: u8,
) {
    let number = number.to_string();
    let style = if style == 1 { r#"" s="1""# } else { r#"""# };
    out.push_str(r#"<row r=""#);
    out.push_str(&number);
    out.push_str(r#"">"#);
    for (cell, letter) in cells.zip(letters) {
        let open = |out: &mut String| {
            out.push_str(r#"<c r=""#);
            out.push_str(letter);
            out.push_str(&number);
        };
        match cell {
            Cell::Empty => {}
            Cell::Text("") => {}
            Cell::Text(text) => {
                open(out);
                out.push_str(style);
                out.push_str(r#" t="s"><v>"#);
                push_number(out, strings.index(text));
                out.push_str("</v></c>");
            }
            Cell::Number(n) => {
                open(out);
                out.push_str(style);
                out.push_str("><v>");
                let _ = write!(out, "{n}");
                out.push_str("</v></c>");
            }
            Cell::Date(date) => {
                // Excel's day number: days since 1899-12-30 (its 1900 system,
                // leap-year bug included, agrees from March 1900).
                let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a date");
                open(out);
                out.push_str(r#"" s="2"><v>"#);
                out.push_str(&(date - epoch).num_days().to_string());
                out.push_str("</v></c>");
            }
        }
    }
    out.push_str("</row>");
}

/// Appends a number's digits (a shared string's index, written for most cells).
fn push_number(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
}

/// The workbook's shared strings: each distinct text written once, cells
/// naming it by number. A list's rows repeat their campaign, list, award and
/// level in every row; the table made the sheet a quarter of its size with
/// inline strings, and deflating it a quarter of the work.
struct Strings<'a> {
    index: rustc_hash::FxHashMap<&'a str, u32>,
    order: Vec<&'a str>,
    /// Cells that name a string (the table's `count`).
    uses: usize,
}

impl<'a> Strings<'a> {
    fn new() -> Strings<'a> {
        Strings {
            index: Default::default(),
            order: Vec::new(),
            uses: 0,
        }
    }

    fn index(&mut self, text: &'a str) -> u32 {
        self.uses += 1;
        let next = self.order.len() as u32;
        *self.index.entry(text).or_insert_with(|| {
            self.order.push(text);
            next
        })
    }

    /// `xl/sharedStrings.xml`.
    fn xml(&self) -> String {
        let mut out =
            String::with_capacity(self.order.iter().map(|s| s.len() + 16).sum::<usize>() + 256);
        let _ = write!(
            out,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MAIN}" count="{}" uniqueCount="{}">"#,
            self.uses,
            self.order.len()
        );
        for text in &self.order {
            out.push_str("<si><t");
            if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
                out.push_str(r#" xml:space="preserve""#);
            }
            out.push('>');
            // Content is already free of C0 controls (src/load checks every
            // source); the filter is for what a template or a later source
            // might add.
            let clean = text.len() <= CELL_CHARS
                && !text
                    .bytes()
                    .any(|b| b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r'));
            if clean {
                out.push_str(&escaped(text));
            } else {
                let kept: String = text
                    .chars()
                    .filter(|&c| c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
                    .take(CELL_CHARS)
                    .collect();
                out.push_str(&escaped(&kept));
            }
            out.push_str("</t></si>");
        }
        out.push_str("</sst>");
        out
    }
}

/// Text for XML content and attributes.
fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The parts as a ZIP: deflate level 1 (the sheet shrinks about tenfold
/// either way; level 6 spent three times as long), fixed entry times.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    // A deflater's set-up costs about 250,000 instructions (its window and
    // tables), more than the small fixed parts are worth: they are stored.
    let stored = deflated
        .compression_method(zip::CompressionMethod::Stored)
        .compression_level(None);
    for (name, bytes) in parts {
        let options = if bytes.len() > 4096 { deflated } else { stored };
        zip.start_file(*name, options)
            .and_then(|()| zip.write_all(bytes).map_err(Into::into))
            .expect("writing to memory does not fail");
    }
    zip.finish().expect("writing to memory does not fail");
    out.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_never_a_formula() {
        let book = workbook(
            "Khen thưởng",
            &[("Họ và tên", 20.0), ("Ngày", 12.0)],
            vec![vec![
                Cell::Text("=HYPERLINK(\"x\") & <b>"),
                Cell::Date(NaiveDate::from_ymd_opt(2022, 7, 14).unwrap()),
            ]]
            .into_iter(),
        );
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
        let mut read = |name: &str| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
            text
        };
        let sheet = read("xl/worksheets/sheet1.xml");
        let strings = read("xl/sharedStrings.xml");
        assert!(
            strings.contains("<si><t>=HYPERLINK(&quot;x&quot;) &amp; &lt;b&gt;</t></si>"),
            "{strings}"
        );
        assert!(sheet.contains(r#"<c r="A2" t="s"><v>2</v></c>"#), "{sheet}");
        assert!(!sheet.contains("<f>"));
        // 14/07/2022 is Excel's day 44756.
        assert!(
            sheet.contains(r#"<c r="B2" s="2"><v>44756</v></c>"#),
            "{sheet}"
        );
    }
}
