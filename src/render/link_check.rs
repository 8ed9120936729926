//! Internal links of Markdown pages that lead nowhere (raw HTML's `href`,
//! `src` and `srcset` included).
//!
//! Links are collected while each page's Markdown is rendered (it is parsed once)
//! and checked against every path the build writes. Relative links are resolved
//! the way a browser will, from the page's own address; a link that climbs out of
//! the site with `../` is an error too.

use rustc_hash::FxHashSet as HashSet;

use super::accessibility;
use super::markdown::{LinkRef, Rendered};
use super::raw_html::{self, Finding};
use super::sanitize;
use crate::diagnostics::{Diagnostic, Pos};
use crate::model::page::Page;

/// Every path of the built site: page folders (`phong-trao/2022/`) and files
/// (`phong-trao/2022/ke-hoach.pdf`, `style.css`).
#[derive(Debug, Default)]
pub struct SitePaths {
    written: HashSet<String>,
    /// Pages that exist but are held back (drafts, dated after today).
    unpublished: HashSet<String>,
}

impl SitePaths {
    pub fn new(
        written: impl IntoIterator<Item = String>,
        unpublished: impl IntoIterator<Item = String>,
    ) -> SitePaths {
        SitePaths {
            written: written.into_iter().collect(),
            unpublished: unpublished.into_iter().collect(),
        }
    }

    fn contains(&self, path: &str) -> bool {
        contains(&self.written, path)
    }

    fn is_unpublished(&self, path: &str) -> bool {
        contains(&self.unpublished, path)
    }
}

/// A folder matches with or without its slash or `index.html`.
fn contains(set: &HashSet<String>, path: &str) -> bool {
    let dir = path.strip_suffix("index.html").unwrap_or(path);
    set.contains(path)
        || set.contains(dir)
        || (!path.ends_with('/') && set.contains(&format!("{path}/")))
}

/// Where a link leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Another site, a mail address, a phone number.
    External,
    /// A part of the same page.
    Fragment,
    /// A path of this site, without query or fragment.
    Site(String),
    /// `../` above the site's root.
    Outside,
    /// A scheme that could run code.
    Unsafe,
}

pub fn classify(page_path: &str, url: &str) -> Target {
    if !sanitize::is_safe_url(url) {
        return Target::Unsafe;
    }
    if sanitize::scheme(url).is_some() || url.starts_with("//") {
        return Target::External;
    }
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let path = &url[..end];
    if path.is_empty() {
        return Target::Fragment;
    }
    let (base, rest) = match path.strip_prefix('/') {
        Some(rest) => ("", rest),
        None => (page_path, path),
    };
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for segment in rest.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Target::Outside;
                }
            }
            s => parts.push(s),
        }
    }
    let mut resolved = parts.join("/");
    if path.ends_with('/') && !resolved.is_empty() {
        resolved.push('/');
    }
    Target::Site(percent_decode(&resolved))
}

/// `%20` and other escapes in a link, as a server would decode them.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// What is wrong with a link from a page at `page_path`, if anything; `what`
/// names it in the message ("the link", "the menu item").
fn problem(what: &str, url: &str, page_path: &str, paths: &SitePaths) -> Option<(String, Target)> {
    let target = classify(page_path, url);
    let message = match &target {
        Target::External | Target::Fragment => return None,
        Target::Site(path) if path.is_empty() || paths.contains(path) => return None,
        Target::Site(path) if paths.is_unpublished(path) => {
            format!(
                "{what} `{url}` leads to a page that is not published (a draft, or dated after today)"
            )
        }
        Target::Site(path) => format!("{what} `{url}` leads nowhere: the site has no /{path}"),
        Target::Outside => format!("{what} `{url}` goes outside the site"),
        Target::Unsafe => format!("{what} `{url}` could run a script; it is not allowed"),
    };
    Some((message, target))
}

/// Reports the links of `page` that lead nowhere, what is wrong with its
/// raw HTML, and what some readers could not use (warnings).
pub fn check(page: &Page, rendered: &Rendered, paths: &SitePaths) -> Vec<Diagnostic> {
    let mut problems = check_links(page, &rendered.links, paths);
    problems.extend(html_problems(page, &rendered.html_problems));
    problems.extend(accessibility::diagnostics(page, &rendered.accessibility));
    problems
}

fn html_problems<'a>(
    page: &'a Page,
    findings: &'a [Finding],
) -> impl Iterator<Item = Diagnostic> + 'a {
    findings.iter().map(|finding| match finding {
        Finding::TooDeep { offset } => Diagnostic::error(
            page.source.clone(),
            position(page, *offset),
            format!(
                "the HTML and Markdown here are nested more than {} levels deep; the page is refused",
                raw_html::MAX_DEPTH
            ),
        )
        .with_help("close the elements (`</div>`) you opened, or write the text without so many levels"),
        Finding::Unclosed { offset, what } => Diagnostic::warning(
            page.source.clone(),
            position(page, *offset),
            format!("`{what}` opened here is never closed: the rest of the page would not be shown"),
        )
        .with_help(if what == "<!--" {
            "end the comment with `-->`".to_owned()
        } else {
            format!("close it with `</{}>`, or remove it", what.trim_matches(['<', '>']))
        }),
    })
}

/// The problems of a page held back (a draft, or dated after today) as
/// warnings, that say so; its links to other held-back pages pass, since
/// they may be published together.
pub fn check_held_back(page: &Page, rendered: &Rendered, paths: &SitePaths) -> Vec<Diagnostic> {
    let links: Vec<LinkRef> = rendered
        .links
        .iter()
        .filter(|link| {
            !matches!(classify(&page.path, &link.url), Target::Site(path) if paths.is_unpublished(&path))
        })
        .cloned()
        .collect();
    let mut problems = check_links(page, &links, paths);
    problems.extend(html_problems(page, &rendered.html_problems));
    problems.extend(accessibility::diagnostics(page, &rendered.accessibility));
    for problem in &mut problems {
        problem.severity = crate::diagnostics::Severity::Warning;
        let help = problem.help.take().unwrap_or_default();
        problem.help = Some(format!(
            "{help} (the page is not published yet — a draft or dated after today — but will be)"
        ));
    }
    problems
}

fn check_links(page: &Page, links: &[LinkRef], paths: &SitePaths) -> Vec<Diagnostic> {
    links
        .iter()
        .filter_map(|link| {
            let (message, target) = problem("the link", &link.url, &page.path, paths)?;
            let help = match target {
                Target::Unsafe => "link to a page (https://…, /phong-trao/…) or a file instead",
                Target::Outside => {
                    "a link cannot reach files outside the site; copy the file into the page's folder"
                }
                _ if link.url.starts_with('/') => {
                    "site links are written from the site's root, like /phong-trao/2022/"
                }
                _ => {
                    "relative links start from the page's own address; a link from the root, like /phong-trao/2022/, is often simpler"
                }
            };
            let pos = position(page, link.offset);
            Some(Diagnostic::error(page.source.clone(), pos, message).with_help(help))
        })
        .collect()
}

/// The file position of a byte offset in the page's body.
pub(super) fn position(page: &Page, offset: usize) -> Pos {
    let before = &page.body[..offset.min(page.body.len())];
    let line = page.body_line + before.matches('\n').count() as u32;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos::new(line, before[line_start..].chars().count() as u32 + 1)
}

/// Menu items of site.yaml that lead nowhere or could run a script.
pub fn check_menu(menu: &[crate::model::config::MenuItem], paths: &SitePaths) -> Vec<Diagnostic> {
    menu.iter()
        .filter_map(|item| {
            let (message, _) = problem("the menu item", &item.url, "", paths)?;
            Some(Diagnostic::error(
                crate::model::config::CONFIG_FILE,
                item.pos,
                message,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_like_a_browser() {
        assert_eq!(
            classify("gioi-thieu/", "/phong-trao/2022/#dot-1"),
            Target::Site("phong-trao/2022/".into())
        );
        assert_eq!(
            classify("phong-trao/2022/", "ke-hoach.pdf"),
            Target::Site("phong-trao/2022/ke-hoach.pdf".into())
        );
        assert_eq!(
            classify("phong-trao/2022/", "../"),
            Target::Site("phong-trao/".into())
        );
        assert_eq!(classify("a/", "../../../etc/passwd"), Target::Outside);
        assert_eq!(classify("a/", "#muc"), Target::Fragment);
        assert_eq!(classify("a/", "https://x.vn/"), Target::External);
        assert_eq!(classify("a/", "mailto:a@b.vn"), Target::External);
        assert_eq!(classify("a/", "javascript:alert(1)"), Target::Unsafe);
        assert_eq!(
            classify("a/", "t%E1%BB%87p.pdf"),
            Target::Site("a/tệp.pdf".into())
        );
    }

    #[test]
    fn folders_match_with_or_without_slash_or_index() {
        let paths = SitePaths::new(["phong-trao/2022/".to_owned(), "style.css".to_owned()], []);
        assert!(paths.contains("phong-trao/2022/"));
        assert!(paths.contains("phong-trao/2022"));
        assert!(paths.contains("phong-trao/2022/index.html"));
        assert!(paths.contains("style.css"));
        assert!(!paths.contains("phong-trao/2023/"));
    }
}
