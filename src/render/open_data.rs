//! Open data: every honoree under every award as JSON, CSV and .xlsx, and each
//! results list's own rows as the same three files beside its page.
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

/// One column of the open data, described once: its name (the CSV's header,
/// the JSON's key), its Table Schema type, its Vietnamese title (the .xlsx's
/// heading and the Data Package's `title`) and the .xlsx's width in
/// characters, whether every row has it, and what it holds (the Data
/// Package's `description`; docs/open-data.md says the same in English).
pub struct Column {
    pub name: &'static str,
    pub kind: &'static str,
    pub title: &'static str,
    pub width: f64,
    pub required: bool,
    pub description: &'static str,
}

const fn column(
    name: &'static str,
    kind: &'static str,
    title: &'static str,
    width: f64,
    required: bool,
    description: &'static str,
) -> Column {
    Column {
        name,
        kind,
        title,
        width,
        required,
        description,
    }
}

/// The columns, in the order of the CSV, the JSON's keys and the .xlsx.
pub const COLUMNS: &[Column] = &[
    column(
        "campaign",
        "string",
        "Mã phong trào",
        14.0,
        true,
        "Mã của phong trào thi đua: tên thư mục của phong trào trong địa chỉ trang (/phong-trao/<mã>/).",
    ),
    column(
        "campaign_title",
        "string",
        "Phong trào thi đua",
        40.0,
        true,
        "Tên phong trào thi đua.",
    ),
    column(
        "phase",
        "string",
        "Mã đợt",
        10.0,
        false,
        "Mã đợt thi đua; trống khi danh sách tổng kết cả phong trào.",
    ),
    column(
        "phase_name",
        "string",
        "Đợt thi đua",
        24.0,
        false,
        "Tên đợt thi đua; trống khi danh sách tổng kết cả phong trào.",
    ),
    column(
        "list_title",
        "string",
        "Danh sách",
        40.0,
        true,
        "Tên danh sách khen thưởng.",
    ),
    column(
        "status",
        "string",
        "Tình trạng",
        11.0,
        true,
        "Tình trạng của danh sách: proposed (dự kiến, đăng để lấy ý kiến) hoặc decided (đã có quyết định khen thưởng).",
    ),
    column(
        "award",
        "string",
        "Danh hiệu, hình thức khen thưởng",
        40.0,
        true,
        "Danh hiệu thi đua hoặc hình thức khen thưởng như trang ghi, kèm người tặng (ví dụ Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh); các cách viết khác nhau của cùng một danh hiệu là một.",
    ),
    column(
        "form",
        "string",
        "Mã hình thức",
        14.0,
        true,
        "Mã hình thức, danh hiệu theo Luật Thi đua, khen thưởng (bang-khen, giay-khen, co-thi-dua, huan-chuong, lao-dong-tien-tien, chien-si-thi-dua-co-so …); site: danh hiệu riêng của đơn vị; other: ngoài Luật.",
    ),
    column(
        "issuer",
        "string",
        "Người tặng",
        30.0,
        false,
        "Người tặng (ví dụ Bộ trưởng Bộ Nội vụ); trống khi cách ghi danh hiệu không nói.",
    ),
    column(
        "class",
        "string",
        "Hạng",
        9.0,
        false,
        "Hạng của huân chương, huy chương: hạng Nhất, hạng Nhì, hạng Ba.",
    ),
    column(
        "award_kind",
        "string",
        "Loại",
        12.0,
        true,
        "Loại: Danh hiệu thi đua hoặc Hình thức khen thưởng.",
    ),
    column(
        "level",
        "string",
        "Cấp",
        12.0,
        true,
        "Cấp khen thưởng, theo người tặng: Nhà nước, Chính phủ, Cấp bộ, ban, ngành, tỉnh, Cấp huyện, Cơ sở, Khác.",
    ),
    column(
        "recipient",
        "string",
        "Đối tượng",
        11.0,
        true,
        "Đối tượng: individual (cá nhân) hoặc collective (tập thể).",
    ),
    column(
        "name",
        "string",
        "Họ và tên, tên tập thể",
        30.0,
        true,
        "Họ và tên của cá nhân, hoặc tên của tập thể.",
    ),
    column(
        "position",
        "string",
        "Chức vụ",
        24.0,
        false,
        "Chức vụ của cá nhân.",
    ),
    column(
        "unit_id",
        "string",
        "Mã đơn vị",
        16.0,
        false,
        "Mã đơn vị trên trang (trang của đơn vị: /don-vi/<mã>/).",
    ),
    column("unit_name", "string", "Đơn vị", 32.0, false, "Tên đơn vị."),
    column(
        "decision_number",
        "string",
        "Số quyết định",
        18.0,
        false,
        "Số quyết định khen thưởng; trống với danh sách dự kiến.",
    ),
    column(
        "decision_date",
        "date",
        "Ngày quyết định",
        14.0,
        false,
        "Ngày ký quyết định khen thưởng (YYYY-MM-DD); trống với danh sách dự kiến.",
    ),
    column(
        "decision_signer",
        "string",
        "Người ký",
        28.0,
        false,
        "Người ký quyết định.",
    ),
    column(
        "year",
        "integer",
        "Năm",
        7.0,
        false,
        "Năm (dương lịch) của quyết định; khi chưa có quyết định, năm công bố hoặc năm lấy ý kiến.",
    ),
    column(
        "url",
        "string",
        "Địa chỉ trên trang",
        40.0,
        true,
        "Địa chỉ trang của danh sách khen thưởng: đầy đủ khi trang có địa chỉ chính thức, nếu không là đường dẫn từ gốc trang (/phong-trao/…/).",
    ),
];

pub fn records<'a>(site: &'a Site, links: &Links) -> Vec<Record<'a>> {
    records_of(site, links, site.honours.iter())
}

/// The records of some honours (one list's: [`write_list`]).
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
    for (i, column) in COLUMNS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(column.name);
    }
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
    let headings: Vec<(&str, f64)> = COLUMNS.iter().map(|c| (c.title, c.width)).collect();
    super::xlsx::workbook("Khen thưởng", &headings, rows)
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

/// A file of the roll's open data, as its page and its descriptions
/// (`datapackage.json`, the page's JSON-LD) list it.
#[derive(Serialize)]
pub struct DataFile {
    /// Beside the roll's page: `danh-sach.csv`.
    pub name: &'static str,
    /// The Data Package's `format`: `csv`, `json`, `xlsx`.
    pub format: &'static str,
    pub mediatype: &'static str,
    /// What the page calls it: "CSV", "Excel".
    pub label: &'static str,
    pub bytes: u64,
    /// SHA-256 of the bytes, in lowercase hexadecimal (as `sha256sum` prints).
    pub sha256: String,
}

impl DataFile {
    fn of(path: &'static str, label: &'static str, bytes: &[u8]) -> DataFile {
        use sha2::{Digest, Sha256};
        let (format, mediatype) = match path.rsplit('.').next() {
            Some("csv") => ("csv", "text/csv"),
            Some("xlsx") => (
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            _ => ("json", "application/json"),
        };
        DataFile {
            name: path.strip_prefix(paths::ROLL).unwrap_or(path),
            format,
            mediatype,
            label,
            bytes: bytes.len() as u64,
            sha256: format!("{:x}", Sha256::digest(bytes)),
        }
    }
}

/// The open data: every honour as JSON, CSV and .xlsx from one set of
/// records, and its description, `datapackage.json`. Returns the files, the
/// description last, for the roll's page to list.
pub(super) fn write(cx: &super::Context) -> Result<Vec<DataFile>, crate::diagnostics::Diagnostic> {
    let records = records(cx.site, cx.links);
    let ((json, csv), xlsx) = rayon::join(
        || rayon::join(|| json(&records), || csv(&records)),
        || xlsx(&records),
    );
    let mut files = Vec::with_capacity(4);
    for (path, label, bytes) in [
        (paths::OPEN_DATA_XLSX, "Excel", &xlsx),
        (paths::OPEN_DATA_CSV, "CSV", &csv),
        (paths::OPEN_DATA_JSON, "JSON", &json),
    ] {
        cx.write_data(path, bytes)?;
        files.push(DataFile::of(path, label, bytes));
    }
    let package = super::data_package::data_package(cx.site, cx.links, &files);
    cx.write_data(paths::OPEN_DATA_PACKAGE, &package)?;
    files.push(DataFile::of(
        paths::OPEN_DATA_PACKAGE,
        super::labels::DATA_PACKAGE,
        &package,
    ));
    Ok(files)
}

/// One results list's rows, as the roll's three files (same columns, same
/// writers), beside its page: the downloads its page links, with their sizes.
pub(super) fn write_list(
    cx: &super::Context,
    list: crate::model::site::ListId,
) -> Result<Vec<super::lists::DownloadView>, crate::diagnostics::Diagnostic> {
    let records = records_of(cx.site, cx.links, cx.site.list_honours(list).iter());
    let path = &cx.site.list(list).path;
    paths::LIST_DOWNLOADS
        .iter()
        .map(|&name| {
            let (bytes, format) = match name {
                paths::LIST_XLSX => (xlsx(&records), "Excel"),
                paths::LIST_CSV => (csv(&records), "CSV"),
                _ => (json(&records), "JSON"),
            };
            cx.write_data(&paths::list_download(path, name), &bytes)?;
            Ok(super::lists::DownloadView {
                href: name,
                format,
                bytes: bytes.len() as u64,
            })
        })
        .collect()
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
                prop_assert_eq!(&header, &COLUMNS.iter().map(|c| c.name.to_owned()).collect::<Vec<_>>());
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
