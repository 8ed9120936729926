//! Open data: every honoree under every award as JSON, CSV and .xlsx, and each
//! results list's own rows as .xlsx beside its page.
//!
//! The CSV starts with a UTF-8 byte order mark so that Excel opens Vietnamese text
//! correctly; fields are quoted per RFC 4180. A CSV still opens wrongly where
//! Windows' list separator is `;` (Vietnamese regional settings): the .xlsx is
//! the file an office opens by double-click on any setting, with Vietnamese
//! headings, a frozen header row, a filter and column widths. All three have the
//! same rows in the same (roll of honour) order, so they can be compared line by
//! line.

use serde::Serialize;

use crate::paths;

use super::links::Links;
use crate::model::Site;
use crate::model::results::{HonoreeKind, ListStatus};

/// One row of open data. The field names are the CSV's header and the JSON keys;
/// docs/open-data.md documents each.
#[derive(Serialize)]
pub struct Record<'a> {
    pub campaign: &'a str,
    pub campaign_title: &'a str,
    pub phase: Option<&'a str>,
    pub phase_name: Option<&'a str>,
    pub list_title: &'a str,
    pub status: &'static str,
    pub award: &'a str,
    /// The form or title of the Law (`bang-khen`, `lao-dong-tien-tien`;
    /// `site` for the site's own titles, `other` outside the Law).
    pub form: &'static str,
    /// Who gave it: "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"; empty when the
    /// award's wording does not say (a title given by the list's signer).
    pub issuer: String,
    /// An order's or medal's class: "hạng Nhất" …
    pub class: Option<&'static str>,
    pub award_kind: &'static str,
    pub level: &'static str,
    pub recipient: &'static str,
    pub name: &'a str,
    pub position: Option<&'a str>,
    pub unit_id: Option<&'a str>,
    pub unit_name: Option<&'a str>,
    pub decision_number: Option<&'a str>,
    pub decision_date: Option<String>,
    pub decision_signer: Option<&'a str>,
    pub year: Option<i32>,
    /// The list's page, absolute when the site has a base URL.
    pub url: String,
}

const COLUMNS: &[&str] = &[
    "campaign",
    "campaign_title",
    "phase",
    "phase_name",
    "list_title",
    "status",
    "award",
    "form",
    "issuer",
    "class",
    "award_kind",
    "level",
    "recipient",
    "name",
    "position",
    "unit_id",
    "unit_name",
    "decision_number",
    "decision_date",
    "decision_signer",
    "year",
    "url",
];

/// Each column's heading in the .xlsx, in [`COLUMNS`]' order, and its width
/// in characters.
const XLSX_COLUMNS: &[(&str, f64)] = &[
    ("Mã phong trào", 14.0),
    ("Phong trào thi đua", 40.0),
    ("Mã đợt", 10.0),
    ("Đợt thi đua", 24.0),
    ("Danh sách", 40.0),
    ("Tình trạng", 11.0),
    ("Danh hiệu, hình thức khen thưởng", 40.0),
    ("Mã hình thức", 14.0),
    ("Người tặng", 30.0),
    ("Hạng", 9.0),
    ("Loại", 12.0),
    ("Cấp", 12.0),
    ("Đối tượng", 11.0),
    ("Họ và tên, tên tập thể", 30.0),
    ("Chức vụ", 24.0),
    ("Mã đơn vị", 16.0),
    ("Đơn vị", 32.0),
    ("Số quyết định", 18.0),
    ("Ngày quyết định", 14.0),
    ("Người ký", 28.0),
    ("Năm", 7.0),
    ("Địa chỉ trên trang", 40.0),
];

pub fn records<'a>(site: &'a Site, links: &Links) -> Vec<Record<'a>> {
    records_of(site, links, site.honours.iter())
}

/// The records of some honours (one list's: [`list_xlsx`]).
fn records_of<'a, 'h>(
    site: &'a Site,
    links: &Links,
    honours: impl Iterator<Item = &'h crate::model::site::Honour>,
) -> Vec<Record<'a>> {
    honours
        .map(|&h| {
            let list = site.list(h.list);
            let campaign_page = site.page(site.campaign_of(h.list));
            let campaign = campaign_page.campaign.as_deref();
            let phase = list
                .phase
                .as_deref()
                .and_then(|id| campaign.and_then(|c| c.phases.iter().find(|p| p.id == id)));
            let honoree = site.honoree(h);
            let award = site.award_of(h);
            let unit = honoree.unit.as_deref().and_then(|id| site.config.unit(id));
            Record {
                campaign: crate::text::collate::last_segment(&campaign_page.path),
                campaign_title: &campaign_page.meta.title,
                phase: phase.map(|p| p.id.as_str()),
                phase_name: phase.map(|p| p.name.as_str()),
                list_title: &list.title,
                status: list.status.key(),
                award: &award.title,
                form: award.form_key(),
                issuer: award.issuer_label(),
                class: award.class.map(|c| c.label()),
                award_kind: super::labels::award_kind(award.kind),
                level: super::labels::award_level(award.level),
                recipient: honoree.kind.key(),
                name: &honoree.name,
                position: honoree.position.as_deref(),
                unit_id: unit.map(|u| u.id.as_str()),
                unit_name: unit.map(|u| u.name.as_str()),
                decision_number: list.decision.as_ref().map(|d| d.number.as_str()),
                decision_date: list.decision.as_ref().map(|d| d.date.to_string()),
                decision_signer: list.decision.as_ref().and_then(|d| d.signer.as_deref()),
                // The calendar year, whatever the site reports by: a column
                // whose meaning does not change from site to site.
                year: list.year(crate::model::config::ReportingYear::Calendar),
                url: links
                    .permalink(&list.path)
                    .unwrap_or_else(|| format!("/{}", list.path)),
            }
        })
        .collect()
}

pub fn json(records: &[Record]) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(records).expect("records serialize");
    out.push(b'\n');
    out
}

pub fn csv(records: &[Record]) -> Vec<u8> {
    let mut out = String::with_capacity(records.len() * 256);
    out.push('\u{feff}');
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for r in records {
        let year = r.year.map(|y| y.to_string());
        let fields: [Option<&str>; 22] = [
            Some(r.campaign),
            Some(r.campaign_title),
            r.phase,
            r.phase_name,
            Some(r.list_title),
            Some(r.status),
            Some(r.award),
            Some(r.form),
            Some(r.issuer.as_str()),
            r.class,
            Some(r.award_kind),
            Some(r.level),
            Some(r.recipient),
            Some(r.name),
            r.position,
            r.unit_id,
            r.unit_name,
            r.decision_number,
            r.decision_date.as_deref(),
            r.decision_signer,
            year.as_deref(),
            Some(&r.url),
        ];
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(&mut out, field.unwrap_or_default());
        }
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// The records as an .xlsx workbook: one sheet, "Khen thưởng" (see
/// [`super::xlsx`]).
pub fn xlsx(records: &[Record]) -> Vec<u8> {
    use super::xlsx::Cell;
    fn opt(t: Option<&str>) -> Cell<'_> {
        t.map_or(Cell::Empty, Cell::Text)
    }
    let rows = records.iter().map(|r| {
        let status = ListStatus::ALL
            .into_iter()
            .find(|s| s.key() == r.status)
            .map(super::labels::list_status);
        let recipient = HonoreeKind::ALL
            .into_iter()
            .find(|k| k.key() == r.recipient)
            .map(super::labels::recipient);
        vec![
            Cell::Text(r.campaign),
            Cell::Text(r.campaign_title),
            opt(r.phase),
            opt(r.phase_name),
            Cell::Text(r.list_title),
            opt(status),
            Cell::Text(r.award),
            Cell::Text(r.form),
            Cell::Text(&r.issuer),
            opt(r.class),
            Cell::Text(r.award_kind),
            Cell::Text(r.level),
            opt(recipient),
            Cell::Text(r.name),
            opt(r.position),
            opt(r.unit_id),
            opt(r.unit_name),
            opt(r.decision_number),
            r.decision_date
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map_or(Cell::Empty, Cell::Date),
            opt(r.decision_signer),
            r.year.map_or(Cell::Empty, |y| Cell::Number(f64::from(y))),
            Cell::Text(&r.url),
        ]
    });
    super::xlsx::workbook("Khen thưởng", XLSX_COLUMNS, rows)
}

/// RFC 4180 quoting; a leading `=`, `+`, `-`, `@`, tab or carriage return (the
/// OWASP list) is prefixed with `'` so that a spreadsheet never runs a cell as a
/// formula (CSV injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn push_field(out: &mut String, field: &str) {
    let guarded;
    let field = if field.starts_with(FORMULA_STARTS) {
        guarded = format!("'{field}");
        guarded.as_str()
    } else {
        field
    };
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// The open data: every honour, as JSON and as CSV, from one set of records.
pub(super) fn write(
    cx: &super::Context,
) -> Result<Vec<crate::diagnostics::Diagnostic>, crate::diagnostics::Diagnostic> {
    let records = records(cx.site, cx.links);
    cx.write_data(paths::OPEN_DATA_JSON, &json(&records))?;
    cx.write_data(paths::OPEN_DATA_XLSX, &xlsx(&records))?;
    cx.write_data(paths::OPEN_DATA_CSV, &csv(&records))
}

/// One results list's rows as .xlsx, for its page's download link.
pub(super) fn list_xlsx(cx: &super::Context, list: crate::model::site::ListId) -> Vec<u8> {
    let honours = cx.site.honours.iter().filter(|h| h.list == list);
    xlsx(&records_of(cx.site, cx.links, honours))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_neutralized() {
        let mut out = String::new();
        push_field(&mut out, "Nguyễn Văn A, \"Ba\"");
        out.push(',');
        push_field(&mut out, "=HYPERLINK(\"x\")");
        assert_eq!(
            out,
            "\"Nguyễn Văn A, \"\"Ba\"\"\",\"'=HYPERLINK(\"\"x\"\")\""
        );
    }
    /// What a CSV reader (the `csv` crate, as strict as Excel and pandas) reads
    /// back is what was written, field for field, whatever the text holds:
    /// separators, quotes, line breaks, a byte order mark, formulas.
    mod read_back {
        use super::*;
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            proptest::string::string_regex("[a-zA-ZđĐạễ ,;\"'=+@\\-\r\n\t\u{feff}]{0,12}")
                .expect("pattern")
        }

        fn record<'a>(name: &'a str, position: &'a str, unit: &'a str) -> Record<'a> {
            Record {
                campaign: "thi-dua-2022",
                campaign_title: name,
                phase: None,
                phase_name: Some(position),
                list_title: unit,
                status: "decided",
                award: name,
                form: "bang-khen",
                issuer: unit.to_owned(),
                class: None,
                award_kind: "form",
                level: "province",
                recipient: "individual",
                name,
                position: Some(position),
                unit_id: None,
                unit_name: Some(unit),
                decision_number: Some("15/QĐ-UBND"),
                decision_date: Some("2022-12-30".to_owned()),
                decision_signer: None,
                year: Some(2022),
                url: "/phong-trao/a/".to_owned(),
            }
        }

        /// What a reader sees of a field: a formula is shown as text.
        fn shown(field: &str) -> String {
            if field.starts_with(FORMULA_STARTS) {
                format!("'{field}")
            } else {
                field.to_owned()
            }
        }

        proptest! {
            #[test]
            fn every_field_reads_back(rows in proptest::collection::vec((text(), text(), text()), 1..6)) {
                let records: Vec<Record> =
                    rows.iter().map(|(n, p, u)| record(n, p, u)).collect();
                let bytes = csv(&records);
                let body = bytes.strip_prefix("\u{feff}".as_bytes()).expect("byte order mark");
                let mut reader = ::csv::ReaderBuilder::new().from_reader(body);
                let header: Vec<String> =
                    reader.headers().unwrap().iter().map(str::to_owned).collect();
                prop_assert_eq!(&header, &COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>());
                let read: Vec<::csv::StringRecord> =
                    reader.records().collect::<Result<_, _>>().unwrap();
                prop_assert_eq!(read.len(), rows.len());
                for (row, (name, position, unit)) in read.iter().zip(&rows) {
                    prop_assert_eq!(row.len(), COLUMNS.len());
                    prop_assert_eq!(&row[13], shown(name));
                    prop_assert_eq!(&row[14], shown(position));
                    prop_assert_eq!(&row[16], shown(unit));
                    prop_assert_eq!(&row[8], shown(unit));
                }
            }
        }
    }
}
