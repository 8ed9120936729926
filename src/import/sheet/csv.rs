//! CSV as Excel writes it, on any Windows.
//!
//! "CSV UTF-8" writes a BOM; "Unicode Text" writes UTF-16 LE with a BOM and
//! tabs; plain "CSV" writes the ANSI code page — Windows-1258 on a
//! Vietnamese Windows, whose letters carry their tones as separate combining
//! bytes ("Nguyễn" is N g u y ê ◌̃ n), so the text is normalised to NFC after
//! decoding. The separator is the Windows list separator: `;` where the
//! decimal mark is a comma (Vietnamese settings), `,` elsewhere. Nothing of
//! this is asked of the editor: the encoding is read from the BOM or from
//! whether the bytes are UTF-8, the separator from which of `,` `;` tab
//! splits most lines into the same number of fields. Fields follow RFC 4180
//! (quotes, doubled quotes, line breaks inside quotes).

use super::{Cells, Format, Sheet, Value, Workbook};
use crate::import::problem::{Place, Problem};

/// One record: its fields and the line it starts on.
#[derive(Debug, Clone)]
pub struct Record {
    pub line: u32,
    pub fields: Vec<String>,
}

pub fn read(bytes: &[u8], file: &str) -> Result<Workbook, Problem> {
    if bytes.is_empty() {
        return Err(Problem::error(
            file,
            Place::File,
            "the file is empty (0 bytes)",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(Problem::error(
            file,
            Place::File,
            "not a CSV file: it is a ZIP package (an .xlsx or .ods workbook): name it so",
        ));
    }
    let (text, encoding) = decode(bytes);
    let separator = separator(&text);
    let records = split(&text, separator);
    let mut count = 0usize;
    let mut cells = Cells {
        sheet: Sheet::new(""),
        count: &mut count,
        file,
    };
    let mut lines = Vec::with_capacity(records.len());
    for (row, record) in records.iter().enumerate() {
        lines.push(record.line);
        for (col, field) in record.fields.iter().enumerate() {
            // Cells are written as displayed: numbers and dates are text
            // here, read back by the layout where it needs them.
            cells
                .put(row as u32, col as u32, Value::Text(field.clone()))
                .map_err(|p| Problem {
                    place: Place::CsvCell {
                        line: record.line,
                        col: col as u32,
                    },
                    ..p
                })?;
        }
    }
    Ok(Workbook {
        format: Format::Csv,
        sheets: vec![cells.sheet],
        lines,
        widths: records.iter().map(|r| r.fields.len() as u32).collect(),
        encoding: Some(encoding),
        separator: Some(separator),
    })
}

/// The text of the file and the name of its encoding.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8");
    }
    if bytes.starts_with(b"\xFF\xFE") {
        let (text, _) = encoding_rs::UTF_16LE.decode_with_bom_removal(bytes);
        return (text.into_owned(), "UTF-16");
    }
    if bytes.starts_with(b"\xFE\xFF") {
        let (text, _) = encoding_rs::UTF_16BE.decode_with_bom_removal(bytes);
        return (text.into_owned(), "UTF-16");
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), "UTF-8");
    }
    // Not UTF-8: the ANSI code page of a Vietnamese Windows.
    let (text, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
    (text.into_owned(), "Windows-1258")
}

/// The separator that splits the most records into the same number (> 1) of
/// fields; `,` when nothing splits anything.
pub fn separator(text: &str) -> char {
    let mut best = (',', 0usize, 0usize);
    for candidate in [';', ',', '\t'] {
        let records = split(text, candidate);
        let mut widths: std::collections::HashMap<usize, usize> = Default::default();
        for r in records.iter().take(500) {
            if r.fields.len() > 1 {
                *widths.entry(r.fields.len()).or_default() += 1;
            }
        }
        let (width, agreeing) = widths
            .into_iter()
            .max_by_key(|&(w, n)| (n, w))
            .unwrap_or((0, 0));
        if (agreeing, width) > (best.1, best.2) {
            best = (candidate, agreeing, width);
        }
    }
    best.0
}

/// RFC 4180 records: `"` quotes a field, `""` is a quote inside one, line
/// breaks (CRLF, LF or CR) end a record unless quoted.
pub fn split(text: &str, separator: char) -> Vec<Record> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1u32;
    let mut start_line = 1u32;
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            c if c == separator => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                records.push(Record {
                    line: start_line,
                    fields: std::mem::take(&mut fields),
                });
                line += 1;
                start_line = line;
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push(Record {
            line: start_line,
            fields,
        });
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1258_tones_are_composed() {
        // "Nguyễn" as Excel writes it in code page 1258: N g u y ê ◌̃ n.
        let (text, encoding) = decode(b"STT,H\xd2o t\xean\r\n1,Nguy\xea\xden\r\n");
        assert_eq!(encoding, "Windows-1258");
        assert!(super::super::normalize(&text).contains("Nguyễn"));
    }

    #[test]
    fn the_separator_is_the_one_that_splits_lines_alike() {
        assert_eq!(separator("a;b;c\n1;\"x, y\";3\n2;z;4\n"), ';');
        assert_eq!(separator("a,b,c\n1,x,3\n"), ',');
        assert_eq!(separator("a\tb\n1\t2\n"), '\t');
    }

    #[test]
    fn quoted_fields_hold_separators_quotes_and_line_breaks() {
        let records = split(
            "1;\"a;b\";\"say \"\"hi\"\"\"\r\n2;\"x\r\ny\";z\r\n3;q;r",
            ';',
        );
        assert_eq!(records[0].fields, ["1", "a;b", "say \"hi\""]);
        assert_eq!(records[1].fields, ["2", "x\ny", "z"]);
        assert_eq!((records[1].line, records[2].line), (2, 4));
    }
}
