//! The open data described for machines: `khen-thuong/datapackage.json`, a
//! Frictionless Data Package (<https://specs.frictionlessdata.io/data-package/>:
//! each file's path, format, encoding, size, SHA-256 and the table schema of
//! its fields), and the DCAT description of the same dataset that the roll's
//! page carries as JSON-LD, for data portals and search engines.
//!
//! The fields' names, types, titles and descriptions are the open data's
//! [`COLUMNS`]; the words of the dataset (its title, the licence) are here.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::labels;
use super::links::Links;
use super::open_data::{COLUMNS, DataFile};
use crate::model::Site;
use crate::model::results::{HonoreeKind, ListStatus};
use crate::paths;

/// The licence of the open data, when site.yaml names none
/// (`open_data_license:`). Open data of a state body is for anyone to copy,
/// share and reuse, citing its source: Creative Commons Attribution says
/// exactly that, in words data portals know.
pub struct License<'a> {
    /// The SPDX id, as the Data Package names it.
    pub name: &'a str,
    /// Its title in Vietnamese, as the page shows it.
    pub title: &'a str,
    pub path: &'a str,
}

pub const LICENSE: License<'static> = License {
    name: "CC-BY-4.0",
    title: "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
    path: "https://creativecommons.org/licenses/by/4.0/",
};

/// The site's licence: site.yaml's, else [`LICENSE`].
pub fn license(site: &Site) -> License<'_> {
    match &site.config.open_data_license {
        Some(l) => License {
            name: &l.name,
            title: &l.title,
            path: &l.url,
        },
        None => LICENSE,
    }
}

/// The dataset's title: "Bảng vàng khen thưởng — Sở Nội vụ tỉnh Hà Tĩnh".
fn title(site: &Site) -> String {
    format!("{} — {}", labels::ROLL, site.config.organization.name)
}

/// The last day the data changed: the newest decision of the lists in the
/// roll (else their publication, else the end of their comments). Not the
/// day of the build, so that a nightly build of the same lists describes
/// them with the same bytes.
pub fn modified(site: &Site) -> Option<NaiveDate> {
    site.list_ids()
        .filter(|&id| site.decided_by(id).is_none())
        .filter_map(|id| {
            let list = site.list(id);
            list.decision
                .as_ref()
                .map(|d| d.date)
                .or(list.published)
                .or(list.comment_until)
        })
        .max()
}

/// A file's address: absolute with a base URL, else relative to the roll's
/// page (which it is beside).
fn url_of(links: &Links, file: &DataFile) -> String {
    links
        .permalink(paths::ROLL)
        .map_or_else(|| file.name.to_owned(), |roll| roll + file.name)
}

/// The Table Schema of the CSV and JSON: every field with its type, its
/// Vietnamese title and description, whether every row has it, and the
/// values of the fields that have a fixed list.
fn table_schema() -> Value {
    let fields: Vec<Value> = COLUMNS
        .iter()
        .map(|c| {
            let mut field = json!({
                "name": c.name,
                "type": c.kind,
                "title": c.title,
                "description": c.description,
            });
            let values: Option<Vec<&str>> = match c.name {
                "status" => Some(ListStatus::ALL.iter().map(|s| s.key()).collect()),
                "recipient" => Some(HonoreeKind::ALL.iter().map(|k| k.key()).collect()),
                _ => None,
            };
            let mut constraints = serde_json::Map::new();
            if c.required {
                constraints.insert("required".into(), Value::Bool(true));
            }
            if let Some(values) = values {
                constraints.insert("enum".into(), json!(values));
            }
            if !constraints.is_empty() {
                field["constraints"] = Value::Object(constraints);
            }
            field
        })
        .collect();
    json!({ "fields": fields, "missingValues": [""] })
}

/// `datapackage.json`: the package, its licence and publisher, and one
/// resource per data file (`files`: the .xlsx, CSV and JSON).
pub fn data_package(site: &Site, links: &Links, files: &[DataFile]) -> Vec<u8> {
    let organization = &site.config.organization;
    let license = license(site);
    let schema = table_schema();
    let resources: Vec<Value> = files
        .iter()
        .map(|file| {
            let mut resource = json!({
                "name": file.name.replace('.', "-"),
                "path": file.name,
                "title": format!("{} ({})", labels::ROLL, file.label),
                "format": file.format,
                "mediatype": file.mediatype,
                "bytes": file.bytes,
                "hash": format!("sha256:{}", file.sha256),
            });
            match file.format {
                "xlsx" => {
                    resource["profile"] = json!("data-resource");
                    resource["description"] = json!(labels::XLSX_RESOURCE);
                }
                format => {
                    resource["profile"] = json!("tabular-data-resource");
                    resource["encoding"] = json!("utf-8");
                    resource["schema"] = schema.clone();
                    if format == "csv" {
                        resource["dialect"] = json!({
                            "delimiter": ",",
                            "lineTerminator": "\r\n",
                            "quoteChar": "\"",
                            "doubleQuote": true,
                            "header": true,
                        });
                    }
                }
            }
            resource
        })
        .collect();
    let mut contributor = json!({ "title": organization.name, "role": "publisher" });
    if let Some(email) = &organization.email {
        contributor["email"] = json!(email);
    }
    let mut package = json!({
        "profile": "data-package",
        "name": format!("khen-thuong-{}", crate::text::slug::slugify(&organization.name)),
        "title": title(site),
        "description": labels::OPEN_DATA_DESCRIPTION,
        "keywords": ["thi đua", "khen thưởng", "bảng vàng"],
        "licenses": [{ "name": license.name, "path": license.path, "title": license.title }],
        "contributors": [contributor],
        "resources": resources,
    });
    if let Some(home) = links.permalink(paths::ROLL) {
        package["homepage"] = json!(home);
    }
    let mut out = serde_json::to_vec_pretty(&package).expect("the package serializes");
    out.push(b'\n');
    out
}

/// The dataset in DCAT (W3C's vocabulary of data catalogues), as JSON-LD for
/// the roll's page: title, publisher, licence, last change and the files,
/// each with its address, media type, size and SHA-256. Made to sit inside
/// `<script type="application/ld+json">`: see [`script_json`].
pub fn json_ld(site: &Site, links: &Links, files: &[DataFile]) -> String {
    let organization = &site.config.organization;
    let distributions: Vec<Value> = files
        .iter()
        .map(|file| {
            json!({
                "@type": "dcat:Distribution",
                "dct:title": file.name,
                "dcat:downloadURL": { "@id": url_of(links, file) },
                // A dct:MediaType: IANA's page of the type, as DCAT asks.
                "dcat:mediaType": { "@id": format!("https://www.iana.org/assignments/media-types/{}", file.mediatype) },
                "dcat:byteSize": { "@value": file.bytes.to_string(), "@type": "xsd:nonNegativeInteger" },
                "spdx:checksum": {
                    "@type": "spdx:Checksum",
                    "spdx:algorithm": { "@id": "spdx:checksumAlgorithm_sha256" },
                    "spdx:checksumValue": file.sha256,
                },
            })
        })
        .collect();
    let mut publisher = json!({ "@type": "foaf:Organization", "foaf:name": organization.name });
    if let Some(email) = &organization.email {
        publisher["foaf:mbox"] = json!({ "@id": format!("mailto:{email}") });
    }
    let mut dataset = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "spdx": "http://spdx.org/rdf/terms#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@type": "dcat:Dataset",
        "dct:title": { "@value": title(site), "@language": "vi" },
        "dct:description": { "@value": labels::OPEN_DATA_DESCRIPTION, "@language": "vi" },
        "dct:language": { "@id": "http://id.loc.gov/vocabulary/iso639-1/vi" },
        "dct:publisher": publisher,
        "dct:license": { "@id": license(site).path },
        "dcat:distribution": distributions,
    });
    if let Some(day) = modified(site) {
        dataset["dct:modified"] = json!({ "@value": day.to_string(), "@type": "xsd:date" });
    }
    if let Some(home) = links.permalink(paths::ROLL) {
        dataset["dcat:landingPage"] = json!({ "@id": home });
    }
    script_json(&dataset)
}

/// JSON that cannot end the `<script>` element it sits in, nor open a
/// comment there: `<`, `>` and `&` are written as `\u003c`, `\u003e` and
/// `\u0026`, which JSON reads as the same characters (they occur only inside
/// strings). A name "</script><script>alert(1)</script>" stays text.
pub fn script_json(value: &Value) -> String {
    let text = serde_json::to_string(value).expect("JSON serializes");
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_its_element_and_reads_back_the_same() {
        let value = json!({ "name": "</script><script>alert(1)</script> <!-- & -->" });
        let text = script_json(&value);
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
