//! `site.yaml` → [`SiteConfig`].

use std::path::Path;

use super::awards::SiteAward;
use super::unit::Unit;
use crate::decode::yaml::{self, Node};
use crate::decode::{Decode, Decoder};
use crate::diagnostics::Diagnostic;

pub const CONFIG_FILE: &str = "site.yaml";

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    /// Absolute URL of the site's home, always ending in `/`; `None` when the site
    /// does not say (permalinks, feeds and canonical links then stay relative).
    pub base_url: Option<String>,
    pub language: String,
    pub timezone: chrono_tz::Tz,
    /// A folder of themes/ laid over the built-in theme; `None`: the
    /// built-in theme alone.
    pub theme: Option<String>,
    pub organization: Organization,
    pub units: Vec<Unit>,
    /// Each unit's position in `units`, by id: every honoree with a unit
    /// asks, in decoding and in each page that shows it.
    unit_index: std::collections::HashMap<String, usize>,
    pub menu: Vec<MenuItem>,
    /// Links end in `/` rather than `/index.html`. Off by default so that the built
    /// site can be opened straight from the disk; turn it on behind a web server.
    pub clean_urls: bool,
    /// Titles the site adds to the Law's vocabulary.
    pub awards: Vec<SiteAward>,
    /// Raw HTML the site allows beyond the default set (see `render::sanitize`).
    pub html: HtmlPolicy,
    /// Items per page of section and tag lists.
    pub paginate: usize,
    /// How honours are grouped by year: the calendar year, or the school year
    /// (from 1 September) an education department reports by.
    pub reporting_year: ReportingYear,
    /// The licence of the open data (`open_data_license:`); `None`: the
    /// default, CC BY 4.0 (`render::data_package::LICENSE`).
    pub open_data_license: Option<License>,
    /// Titles the site reads as leading or managing posts besides the
    /// built-in ones (`model::position`), for the statistics' share of
    /// honours to people who hold none.
    pub leading_titles: Vec<String>,
}

/// A licence as a data portal names it.
#[derive(Debug, Clone)]
pub struct License {
    /// Its id, SPDX's or the Open Definition's: `CC-BY-4.0`, `ODC-By-1.0`.
    pub name: String,
    /// As the roll of honour names it, in Vietnamese.
    pub title: String,
    /// Its text: an http:// or https:// address.
    pub url: String,
}

/// The year honours are counted in (`reporting_year:` of site.yaml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportingYear {
    #[default]
    Calendar,
    /// From 1 September to 31 August: "năm học 2024-2025" is 2024.
    School,
}

impl ReportingYear {
    pub const ALL: [ReportingYear; 2] = [ReportingYear::Calendar, ReportingYear::School];

    pub fn key(self) -> &'static str {
        match self {
            ReportingYear::Calendar => "calendar",
            ReportingYear::School => "school",
        }
    }

    /// The year a day counts in: its calendar year, or the year its school
    /// year starts (1 September).
    pub fn of(self, date: chrono::NaiveDate) -> i32 {
        use chrono::Datelike;
        match self {
            ReportingYear::Calendar => date.year(),
            ReportingYear::School if date.month() >= 9 => date.year(),
            ReportingYear::School => date.year() - 1,
        }
    }

    /// The year as a cell shows it: "2024", or "2024-2025".
    pub fn short_label(self, year: i32) -> String {
        match self {
            ReportingYear::Calendar => year.to_string(),
            ReportingYear::School => format!("{year}-{}", year + 1),
        }
    }

    /// The year as a heading names it: "Năm 2024", or "Năm học 2024-2025".
    pub fn label(self, year: i32) -> String {
        match self {
            ReportingYear::Calendar => format!("Năm {year}"),
            ReportingYear::School => format!("Năm học {year}-{}", year + 1),
        }
    }
}

/// `html: { allow_tags: [...], allow_attributes: { tag: [attr, ...] } }`.
#[derive(Debug, Clone, Default)]
pub struct HtmlPolicy {
    pub tags: Vec<String>,
    pub attributes: Vec<(String, Vec<String>)>,
}

/// Tags and attributes no site may allow: they run code or restyle the page.
const NEVER_TAGS: &[&str] = &[
    "script", "style", "object", "embed", "base", "meta", "link", "form", "frame", "frameset",
];

#[derive(Debug, Clone, Default)]
pub struct Organization {
    pub name: String,
    /// The name as the document header prints it ("SỞ NỘI VỤ"); defaults to `name`.
    pub short_name: Option<String>,
    pub parent: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The province (or centrally-run city) the department is of, when its
    /// name does not say: "Chủ tịch UBND tỉnh" in an award is its chairman.
    pub province: Option<String>,
    /// The department's abbreviation in document symbols ("SNV" in
    /// "15/KH-SNV"); see [`SiteConfig::document_symbol`].
    pub symbol: Option<String>,
    /// The head's title, as documents are signed ("Giám đốc").
    pub head: Option<String>,
}

#[derive(Debug, Clone)]
pub struct MenuItem {
    pub title: String,
    pub url: String,
    pub pos: crate::diagnostics::Pos,
}

pub const KEYS: &[&str] = &[
    "title",
    "base_url",
    "language",
    "timezone",
    "theme",
    "organization",
    "units",
    "menu",
    "clean_urls",
    "awards",
    "html",
    "paginate",
    "reporting_year",
    "open_data_license",
    "leading_titles",
];
pub const LICENSE_KEYS: &[&str] = &["name", "title", "url"];
pub const ORGANIZATION_KEYS: &[&str] = &[
    "name",
    "short_name",
    "parent",
    "address",
    "phone",
    "email",
    "province",
    "symbol",
    "head",
];
pub const MENU_KEYS: &[&str] = &["title", "url"];
pub const HTML_KEYS: &[&str] = &["allow_tags", "allow_attributes"];

/// Decodes site.yaml's tree. Every problem of the file is returned at once.
pub fn decode_file(node: &Node, file: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
    let mut d = Decoder::new(file);
    let config = decode(&mut d, node);
    match config {
        Some(config) if !d.has_errors() => Ok(config),
        _ => Err(d.diagnostics),
    }
}

fn decode(d: &mut Decoder, node: &Node) -> Option<SiteConfig> {
    let what = "site.yaml";
    let f = d.fields(node, what, KEYS)?;
    let title = f.req_text(d, "title", what);
    let base_url = f
        .opt::<String>(d, "base_url")
        .and_then(|url| match normalize_base_url(&url) {
            Ok(url) => Some(url),
            Err(message) => {
                d.error(f.pos_of("base_url"), message);
                None
            }
        });
    let timezone = match f.opt::<String>(d, "timezone") {
        None => chrono_tz::Asia::Ho_Chi_Minh,
        Some(name) => match name.parse::<chrono_tz::Tz>() {
            Ok(tz) => tz,
            Err(_) => {
                d.error(f.pos_of("timezone"), format!("unknown time zone `{name}`"))
                    .help = Some("use an IANA name such as Asia/Ho_Chi_Minh".into());
                chrono_tz::Asia::Ho_Chi_Minh
            }
        },
    };
    let organization = match f.node("organization") {
        Some(node) => decode_organization(d, node).unwrap_or_default(),
        None => Organization::default(),
    };
    let units: Vec<Unit> = f.list(d, "units");
    super::unit::check_unique(d, &units);
    Some(SiteConfig {
        title: title?,
        base_url,
        language: f.opt(d, "language").unwrap_or_else(|| "vi".into()),
        timezone,
        theme: match f.opt::<String>(d, "theme") {
            None => None,
            Some(name) if is_folder_name(&name) => Some(name),
            // The theme's templates are read and its static files published:
            // it must be a folder of themes/, never a path out of the site.
            Some(name) => {
                d.error(
                    f.pos_of("theme"),
                    format!("`{name}` is not the name of a folder of themes/"),
                )
                .help = Some("write the folder's name alone, such as `default`".into());
                None
            }
        },
        organization,
        unit_index: units
            .iter()
            .enumerate()
            .rev()
            .map(|(i, u)| (u.id.clone(), i))
            .collect(),
        units,
        menu: f.list(d, "menu"),
        clean_urls: f.opt(d, "clean_urls").unwrap_or(false),
        awards: f.list(d, "awards"),
        paginate: match f.opt::<u32>(d, "paginate") {
            Some(0) => {
                d.error(f.pos_of("paginate"), "`paginate` must be at least 1");
                10
            }
            Some(n) => n as usize,
            None => 10,
        },
        html: f
            .node("html")
            .and_then(|n| decode_html_policy(d, n))
            .unwrap_or_default(),
        reporting_year: f
            .opt::<String>(d, "reporting_year")
            .and_then(|v| {
                crate::decode::pick(
                    d,
                    f.pos_of("reporting_year"),
                    &v,
                    &ReportingYear::ALL.map(|y| (y.key(), y)),
                )
            })
            .unwrap_or_default(),
        open_data_license: f
            .node("open_data_license")
            .and_then(|n| decode_license(d, n)),
        leading_titles: decode_leading_titles(d, f.node("leading_titles")),
    })
}

/// `leading_titles:`, a list of titles, each with a word to match a
/// position's words with.
fn decode_leading_titles(d: &mut Decoder, node: Option<&Node>) -> Vec<String> {
    let Some(node) = node else { return Vec::new() };
    let yaml::NodeKind::Seq(items) = &node.kind else {
        // Not a list: reported as every list of site.yaml is.
        d.list::<String>(node);
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let title = crate::decode::Visible::decode(d, item)?.0;
            if super::position::has_words(&title) {
                return Some(title);
            }
            d.error(
                item.pos,
                format!("the leading title `{title}` has no word to match a position with"),
            )
            .help = Some("write the title as positions write it, such as `Tổ trưởng`".into());
            None
        })
        .collect()
}

/// Why an attribute may not be allowed on a tag, if it may not. Besides the
/// attributes that run code, those bangvang sets itself: the HTML cleaner
/// (ammonia) refuses to both set and allow them, by panicking at the first
/// page with raw HTML.
fn refused_attribute(tag: &str, attribute: &str) -> Option<&'static str> {
    if attribute.starts_with("on") || attribute == "srcdoc" {
        Some("it could run code")
    } else if attribute == "style" {
        Some("it would break the page's security policy (no inline styles)")
    } else if tag == "a" && attribute == "rel" {
        Some("bangvang sets `rel=\"noopener noreferrer\"` on every link itself")
    } else if matches!(tag, "td" | "th") && attribute == "class" {
        Some("bangvang sets the table cells' classes itself (for column alignment)")
    } else {
        None
    }
}

/// A single, ordinary folder name: no separators, not `.` or `..`.
fn is_folder_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', ':'])
}

fn decode_html_policy(d: &mut Decoder, node: &Node) -> Option<HtmlPolicy> {
    let f = d.fields(node, "`html`", HTML_KEYS)?;
    let mut policy = HtmlPolicy::default();
    for (tag, pos) in positioned_words(d, f.node("allow_tags")) {
        if NEVER_TAGS.contains(&tag.as_str()) {
            d.error(
                pos,
                format!("`<{tag}>` cannot be allowed: it could run code or change the whole page"),
            );
        } else {
            policy.tags.push(tag);
        }
    }
    if let Some(map) = f.node("allow_attributes") {
        match &map.kind {
            yaml::NodeKind::Map(entries) => {
                for (key, value) in entries {
                    let Some(tag) = d.scalar(key, "a tag name") else {
                        continue;
                    };
                    let tag = tag.trim().to_ascii_lowercase();
                    if NEVER_TAGS.contains(&tag.as_str()) {
                        d.error(
                            key.pos,
                            format!("`<{tag}>` cannot be allowed, nor any attribute on it: it could run code or change the whole page"),
                        );
                        continue;
                    }
                    let mut allowed = Vec::new();
                    for (attribute, pos) in positioned_words(d, Some(value)) {
                        match refused_attribute(&tag, &attribute) {
                            Some(why) => {
                                d.error(
                                    pos,
                                    format!("the attribute `{attribute}` cannot be allowed on `<{tag}>`: {why}"),
                                );
                            }
                            None => allowed.push(attribute),
                        }
                    }
                    policy.attributes.push((tag, allowed));
                }
            }
            _ => {
                d.error(
                    map.pos,
                    "`allow_attributes` maps tag names to lists of attributes",
                );
            }
        }
    }
    Some(policy)
}

/// Decodes a site.yaml tree, for tests of other modules.
#[cfg(test)]
pub fn decode_for_tests(node: &Node) -> SiteConfig {
    let mut d = Decoder::new(Path::new(CONFIG_FILE));
    let config = decode(&mut d, node);
    assert!(!d.has_errors(), "{:?}", d.diagnostics);
    config.expect("a valid test configuration")
}

/// A list of words, lowercased, each with its own position.
fn positioned_words(
    d: &mut Decoder,
    node: Option<&Node>,
) -> Vec<(String, crate::diagnostics::Pos)> {
    let Some(node) = node else { return Vec::new() };
    let yaml::NodeKind::Seq(items) = &node.kind else {
        d.error(
            node.pos,
            format!("expected a list, found {}", node.describe()),
        );
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let word = d.scalar(item, "a word")?;
            Some((word.trim().to_ascii_lowercase(), item.pos))
        })
        .collect()
}

fn decode_license(d: &mut Decoder, node: &Node) -> Option<License> {
    let what = "the open data licence";
    let f = d.fields(node, what, LICENSE_KEYS)?;
    let name = f.req_text(d, "name", what);
    let title = f.req_text(d, "title", what);
    let url: Option<String> = f.req(d, "url", what);
    if let Some(url) = &url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        d.error(
            f.pos_of("url"),
            format!("the licence's `url` must be an http:// or https:// address, not `{url}`"),
        )
        .help = Some("give the address of the licence's text, e.g. https://creativecommons.org/licenses/by/4.0/".into());
        return None;
    }
    Some(License {
        name: name?,
        title: title?,
        url: url?,
    })
}

fn decode_organization(d: &mut Decoder, node: &Node) -> Option<Organization> {
    let what = "organization";
    let f = d.fields(node, what, ORGANIZATION_KEYS)?;
    Some(Organization {
        name: f.req_text(d, "name", what)?,
        short_name: f.opt(d, "short_name"),
        parent: f.opt(d, "parent"),
        address: f.opt(d, "address"),
        phone: f.opt(d, "phone"),
        email: f.opt(d, "email"),
        province: f.opt(d, "province"),
        symbol: f.opt(d, "symbol"),
        head: f.opt(d, "head"),
    })
}

impl Decode for MenuItem {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        let what = "a menu item";
        let f = d.fields(node, what, MENU_KEYS)?;
        let title = f.req_text(d, "title", what);
        let url = f.req(d, "url", what);
        Some(MenuItem {
            title: title?,
            url: url?,
            pos: f.pos_of("url"),
        })
    }
}

/// A body's name without its place: "Sở Nội vụ tỉnh Hà Tĩnh" → "Sở Nội vụ".
pub fn own_name(name: &str) -> &str {
    for place in [
        " tỉnh ",
        " thành phố ",
        " huyện ",
        " quận ",
        " xã ",
        " phường ",
    ] {
        if let Some(i) = name.find(place) {
            return name[..i].trim();
        }
    }
    name.trim()
}

/// The capital initials of a name's words, "và" left out:
/// "Sở Giáo dục và Đào tạo" → "SGDĐT".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| crate::text::collate::fold(w) != "va")
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Checks that a base URL is absolute http(s) and ends in `/`.
pub fn normalize_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return Err(format!(
            "the base URL `{url}` must start with https:// or http://"
        ));
    };
    if rest.is_empty() || rest.starts_with('/') || url.contains(char::is_whitespace) {
        return Err(format!("the base URL `{url}` has no host name"));
    }
    Ok(if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    })
}

impl SiteConfig {
    /// The name printed in the document header, e.g. "SỞ NỘI VỤ".
    pub fn issuer_short_name(&self) -> &str {
        self.organization
            .short_name
            .as_deref()
            .unwrap_or(&self.organization.name)
    }

    /// What awards may leave out that the site knows: its province, its own
    /// department or ministry (see `model::issuer::Setting`).
    pub fn award_setting(&self) -> crate::model::issuer::Setting {
        crate::model::issuer::Setting::from_organization(
            &self.organization.name,
            self.organization.parent.as_deref(),
            self.organization.province.as_deref(),
        )
    }

    /// The abbreviation of the department in document symbols: `symbol:`,
    /// else the initials of its name without the place ("Sở Giáo dục và Đào
    /// tạo" → "SGDĐT", "Sở Nội vụ" → "SNV"), "và" left out as offices do.
    pub fn document_symbol(&self) -> String {
        if let Some(symbol) = &self.organization.symbol {
            return symbol.clone();
        }
        initials(own_name(&self.organization.name))
    }

    /// The title its head signs with: `head:`, else what the kind of body
    /// says (a sở's Giám đốc, a bộ's Bộ trưởng, an ủy ban's Chủ tịch).
    pub fn head_title(&self) -> String {
        if let Some(head) = &self.organization.head {
            return head.clone();
        }
        let name = crate::text::collate::fold(&self.organization.name);
        let head = if name.starts_with("bo ") {
            "Bộ trưởng"
        } else if name.starts_with("uy ban") || name.starts_with("ubnd") {
            "Chủ tịch"
        } else if name.starts_with("so ") || name.starts_with("cuc ") {
            "Giám đốc"
        } else {
            "Thủ trưởng"
        };
        head.to_owned()
    }

    /// The place written before a document's date ("Hà Tĩnh, ngày …"): the
    /// site's province, when it is known.
    pub fn document_place(&self) -> Option<String> {
        self.award_setting().province
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.unit_index.get(id).map(|&i| &self.units[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every policy site.yaml accepts must be one the HTML cleaner takes:
    /// ammonia panics on contradictory settings at the first raw HTML.
    #[test]
    fn every_accepted_html_policy_cleans_without_panicking() {
        let tags = [
            "a",
            "td",
            "th",
            "div",
            "img",
            "video",
            "source",
            "iframe",
            "script",
            "style",
            "span",
            "table",
            "blockquote",
            "q",
            "svg",
            "math",
            "textarea",
            "noscript",
            "title",
        ];
        let attributes = [
            "rel", "class", "href", "src", "cite", "title", "media", "id", "style", "onclick",
            "srcdoc", "controls", "type", "lang", "target",
        ];
        let sample = "<a href=x rel=y class=z>a</a><table><tr><th class=c>h</th><td class=text-center>d</td></tr></table><script src=x>1</script><style media=print>p{}</style><video src=v controls></video><iframe src=https://x></iframe><q cite=https://y>q</q>";
        for tag in tags {
            for attribute in attributes {
                let yaml = format!(
                    "title: T\nhtml:\n  allow_tags: [{tag}]\n  allow_attributes: {{ {tag}: [{attribute}] }}\n"
                );
                let node = yaml::parse(&yaml, 1, Path::new(CONFIG_FILE)).unwrap();
                let mut d = Decoder::new(Path::new(CONFIG_FILE));
                let config = decode(&mut d, &node);
                if d.has_errors() {
                    continue;
                }
                let config = config.unwrap();
                let cleaned = std::panic::catch_unwind(|| {
                    crate::render::sanitize::Sanitizer::new(&config.html).clean(sample)
                });
                assert!(
                    cleaned.is_ok(),
                    "{tag}: [{attribute}] was accepted, then panicked"
                );
            }
        }
    }

    #[test]
    fn base_urls_are_checked_and_end_in_a_slash() {
        assert_eq!(
            normalize_base_url("https://example.gov.vn/thi-dua").unwrap(),
            "https://example.gov.vn/thi-dua/"
        );
        assert!(normalize_base_url("example.gov.vn").is_err());
        assert!(normalize_base_url("https:///x").is_err());
    }
}
