//! Files for crawlers: `sitemap.xml` (every published page, with the date of
//! its content when known) and `robots.txt` pointing at it. Both need absolute
//! addresses, so a site without `base_url` gets a robots.txt without a sitemap.

use crate::paths;
use chrono::NaiveDate;
use std::fmt::Write as _;

use super::links::Links;
use crate::model::Site;

/// `(site path, last modification)` of every page the build writes.
fn entries(site: &Site, generated: &[String]) -> Vec<(String, Option<NaiveDate>)> {
    let latest_decision = site
        .lists
        .iter()
        .filter_map(|l| l.decision.as_ref().map(|d| d.date).or(l.published))
        .max();
    let mut entries: Vec<(String, Option<NaiveDate>)> = Vec::new();
    for (id, page) in site.page_ids().zip(&site.pages) {
        let lists_date = site
            .lists_of(id)
            .iter()
            .filter_map(|&l| site.list(l).decision.as_ref().map(|d| d.date))
            .max();
        let issued = page
            .campaign
            .as_ref()
            .and_then(|c| c.issued)
            .and_then(|d| d.day().map(|_| d.first_day()));
        entries.push((
            page.path.clone(),
            [page.meta.date, issued, lists_date]
                .into_iter()
                .flatten()
                .max(),
        ));
    }
    for list in &site.lists {
        let date = list.decision.as_ref().map(|d| d.date).or(list.published);
        entries.push((list.path.clone(), date));
    }
    // The build's own pages (folders, not files); the roll and units change
    // with the lists.
    for path in generated.iter().filter(|p| p.ends_with('/')) {
        let date = (path.starts_with(paths::ROLL) || path.starts_with(paths::UNITS))
            .then_some(latest_decision)
            .flatten();
        entries.push((path.clone(), date));
    }
    entries.sort();
    entries
}

pub fn sitemap(site: &Site, generated: &[String], links: &Links) -> Option<String> {
    let base = links.base_url.as_ref()?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, lastmod) in entries(site, generated) {
        xml.push_str("  <url><loc>");
        // Escaping the two halves is escaping the address: it works per character.
        push_xml_escaped(&mut xml, base);
        push_xml_escaped(&mut xml, &path);
        xml.push_str("</loc>");
        if let Some(date) = lastmod {
            let _ = write!(xml, "<lastmod>{date}</lastmod>");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

pub fn robots(links: &Links) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &links.base_url {
        text.push_str(&format!("Sitemap: {base}{}\n", paths::SITEMAP));
    }
    text
}

pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_xml_escaped(&mut out, text);
    out
}

/// Appends `text` escaped for XML text and attributes, in one pass: the
/// sitemap escapes every address of the site.
pub fn push_xml_escaped(out: &mut String, text: &str) {
    let mut run = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        out.push_str(&text[run..at]);
        out.push_str(entity);
        run = at + 1;
    }
    out.push_str(&text[run..]);
}

/// The sitemap (a job only when the site has a base URL).
pub(super) fn write_sitemap(
    cx: &super::Context,
) -> Result<Vec<crate::diagnostics::Diagnostic>, crate::diagnostics::Diagnostic> {
    match sitemap(cx.site, cx.generated, cx.links) {
        Some(xml) => cx.write_data(paths::SITEMAP, xml.as_bytes()),
        None => Ok(Vec::new()),
    }
}

pub(super) fn write_robots(
    cx: &super::Context,
) -> Result<Vec<crate::diagnostics::Diagnostic>, crate::diagnostics::Diagnostic> {
    cx.write_data(paths::ROBOTS, robots(cx.links).as_bytes())
}

/// The page a web server shows for any address that does not exist: its
/// links start from the site's root path, not from its own address.
pub(super) fn render_not_found(
    cx: &super::Context,
) -> Result<Vec<crate::diagnostics::Diagnostic>, crate::diagnostics::Diagnostic> {
    let root = cx
        .links
        .base_url
        .as_deref()
        .and_then(|b| b.splitn(4, '/').nth(3))
        .map_or_else(|| "/".to_owned(), |p| format!("/{p}"));
    let mut view = super::views::generated_page_view(
        cx.site,
        super::labels::NOT_FOUND,
        "",
        Vec::new(),
        cx.links,
    );
    view.permalink = None;
    let inputs = super::inputs::Inputs::new(vec![("root", &root), ("page", &view)]);
    cx.render_file(
        "404.html",
        &inputs,
        paths::NOT_FOUND,
        std::path::Path::new("themes"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping_replaces_the_five_specials_anywhere() {
        let reference = |text: &str| {
            text.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace('\'', "&apos;")
        };
        for text in [
            "",
            "&",
            "a&b",
            "<x y=\"1\" z='2'>",
            "Sở Nội vụ & Tin tức>",
            "đ&&ơ<",
        ] {
            assert_eq!(xml_escape(text), reference(text), "{text}");
        }
    }
}
