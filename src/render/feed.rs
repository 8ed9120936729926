//! The Atom feed (`/atom.xml`, RFC 4287): dated pages (news) and published
//! results lists, newest first. Feeds need absolute addresses, so a site without
//! `base_url` has no feed.

use crate::paths;
use chrono::{NaiveDate, TimeZone};

use super::links::Links;
use super::site_files::xml_escape;
use crate::model::Site;
use crate::model::page::PageKind;

/// Entries in the feed: readers poll it; older entries are on the site.
pub const FEED_ENTRIES: usize = 30;

struct Entry<'a> {
    title: &'a str,
    path: &'a str,
    date: NaiveDate,
    summary: Option<String>,
}

pub fn atom(site: &Site, links: &Links) -> Option<String> {
    let base = links.base_url.as_ref()?;
    let mut entries: Vec<Entry> = site
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Regular)
        .filter_map(|p| {
            Some(Entry {
                title: &p.meta.title,
                path: &p.path,
                date: p.meta.date?,
                summary: p.meta.summary.clone(),
            })
        })
        .collect();
    entries.extend(site.lists.iter().filter_map(|l| {
        let date = l.published.or(l.decision.as_ref().map(|d| d.date))?;
        let summary = match &l.decision {
            Some(d) => super::labels::decision(&d.number, &crate::text::vi_date::short(d.date)),
            None => super::labels::PROPOSED_LIST.to_owned(),
        };
        Some(Entry {
            title: &l.title,
            path: &l.path,
            date,
            summary: Some(summary),
        })
    }));
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.path.cmp(b.path)));
    entries.truncate(FEED_ENTRIES);

    let stamp = |date: NaiveDate| {
        let midnight = date.and_hms_opt(0, 0, 0).expect("midnight exists");
        site.config
            .timezone
            .from_local_datetime(&midnight)
            .earliest()
            .map_or_else(|| format!("{date}T00:00:00Z"), |t| t.to_rfc3339())
    };
    let updated = entries.iter().map(|e| e.date).max().unwrap_or(site.today);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n");
    xml.push_str(&format!(
        "  <title>{}</title>\n",
        xml_escape(&site.config.title)
    ));
    xml.push_str(&format!("  <id>{}</id>\n", xml_escape(base)));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" href=\"{}\"/>\n",
        xml_escape(base)
    ));
    xml.push_str(&format!(
        "  <link rel=\"self\" href=\"{}\"/>\n",
        xml_escape(&[base.as_str(), paths::FEED].concat())
    ));
    xml.push_str(&format!("  <updated>{}</updated>\n", stamp(updated)));
    let author = if site.config.organization.name.is_empty() {
        &site.config.title
    } else {
        &site.config.organization.name
    };
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml_escape(author)
    ));
    for e in &entries {
        let url = format!("{base}{}", e.path);
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", xml_escape(e.title)));
        xml.push_str(&format!("    <id>{}</id>\n", xml_escape(&url)));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" href=\"{}\"/>\n",
            xml_escape(&url)
        ));
        xml.push_str(&format!("    <updated>{}</updated>\n", stamp(e.date)));
        if let Some(summary) = &e.summary {
            xml.push_str(&format!("    <summary>{}</summary>\n", xml_escape(summary)));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    Some(xml)
}

/// The Atom feed (a job only when the site has a base URL).
pub(super) fn write(
    cx: &super::Context,
) -> Result<Vec<crate::diagnostics::Diagnostic>, crate::diagnostics::Diagnostic> {
    match atom(cx.site, cx.links) {
        Some(xml) => cx.write_data(paths::FEED, xml.as_bytes()),
        None => Ok(Vec::new()),
    }
}
