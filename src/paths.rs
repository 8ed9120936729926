//! Every address the build publishes at, in one place: the folders and files
//! of the pages it makes itself, and how a page's address is made.
//!
//! Site paths are relative to the site's root: a page is a folder ending in
//! `/` (`lich/`, written as `lich/index.html`), a file has its name
//! (`khen-thuong/danh-sach.csv`). The home page is the empty path.

/// The section whose direct children are campaigns.
pub const CAMPAIGNS: &str = "phong-trao/";

/// The roll of honour.
pub const ROLL: &str = "khen-thuong/";
/// The collectives' page of the roll.
pub const ROLL_COLLECTIVES: &str = "khen-thuong/tap-the/";
/// The search index the roll's script loads: a script file, not JSON, so that it
/// also loads when the site is opened from the disk (browsers refuse to fetch
/// files there) and under a strict Content-Security-Policy.
pub const ROLL_INDEX: &str = "khen-thuong/chi-muc.js";
/// The open data: every honour, as JSON and as CSV.
pub const OPEN_DATA_JSON: &str = "khen-thuong/danh-sach.json";
pub const OPEN_DATA_CSV: &str = "khen-thuong/danh-sach.csv";
pub const OPEN_DATA_XLSX: &str = "khen-thuong/danh-sach.xlsx";

/// The open data's description (a Frictionless Data Package).
pub const OPEN_DATA_PACKAGE: &str = "khen-thuong/datapackage.json";

/// A results list's own rows, beside its page, in one of the
/// [`LIST_DOWNLOADS`]: `phong-trao/2022/dot-1/danh-sach.xlsx`.
pub fn list_download(list_path: &str, name: &str) -> String {
    [list_path, name].concat()
}

/// The file names of [`list_download`], as the roll's open data names its
/// files.
pub const LIST_XLSX: &str = "danh-sach.xlsx";
pub const LIST_CSV: &str = "danh-sach.csv";
pub const LIST_JSON: &str = "danh-sach.json";
pub const LIST_DOWNLOADS: [&str; 3] = [LIST_XLSX, LIST_CSV, LIST_JSON];

/// The honours in figures; a campaign's are [`campaign_statistics`].
pub const STATISTICS: &str = "thong-ke/";

/// A campaign's figures, below its page: `phong-trao/2022/thong-ke/`.
pub fn campaign_statistics(campaign_path: &str) -> String {
    [campaign_path, STATISTICS].concat()
}

/// The units' index; a unit's page is [`unit`].
pub const UNITS: &str = "don-vi/";
/// The tags' index; a tag's page is [`tag`].
pub const TAGS: &str = "the/";
/// The calendar of the campaigns' phases and its iCalendar file.
pub const CALENDAR: &str = "lich/";
pub const CALENDAR_ICS: &str = "lich.ics";
/// The Atom feed of news and decisions (with a base URL only).
pub const FEED: &str = "atom.xml";
/// For search engines: the sitemap (with a base URL only) and robots.txt.
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";
/// The page a web server shows for an address that does not exist.
pub const NOT_FOUND: &str = "404.html";

/// The site's search page, and the files its script loads: the list of the
/// index's parts, the parts, what the results show of the documents, and
/// the fragments of the documents whose excerpts are not read from their
/// pages (the
/// `render::search` module). Nothing of `content/` may be published under
/// [`SEARCH`].
pub const SEARCH: &str = "tim-kiem/";
pub const SEARCH_INDEX: &str = "tim-kiem/chi-muc.js";

/// A part of the search index: `tim-kiem/chi-muc/p-th.js`.
pub fn search_part(name: &str) -> String {
    format!("{SEARCH}chi-muc/{name}.js")
}

/// The file of what the search's results show of documents `file * 64`
/// to `file * 64 + 63`: `tim-kiem/tai-lieu/0.js`.
pub fn search_documents(file: u32) -> String {
    format!("{SEARCH}tai-lieu/{file}.js")
}

/// The fragment of search document `number`, for one whose text is not
/// read from its page: `tim-kiem/trang/12.js`.
pub fn search_fragment(number: u32) -> String {
    format!("{SEARCH}trang/{number}.js")
}

/// The file a page's folder is written as.
pub const PAGE_FILE: &str = "index.html";

/// The folder `bangvang serve` keeps for itself: its live-reload script and
/// event stream, and the editors' guide (`src/serve/http.rs`). Nothing a build
/// publishes may be under it, or the preview would show its own answer where
/// the published site shows the file: pages cannot (an address is made of
/// slugs, `a`–`z`, `0`–`9` and `-`), and a static file can only by its folder's
/// name (`static/__bangvang/…`), which the build refuses (`static_files` in
/// `src/lib.rs`).
pub const PREVIEW: &str = "__bangvang/";

/// Whether a site path is under [`PREVIEW`].
pub fn is_preview_reserved(path: &str) -> bool {
    path.starts_with(PREVIEW)
}

/// Whether a page at this site path is a campaign: a direct child of
/// [`CAMPAIGNS`].
pub fn is_campaign(path: &str) -> bool {
    path.strip_prefix(CAMPAIGNS)
        .is_some_and(|rest| !rest.is_empty() && rest.matches('/').count() == 1)
}

/// A unit's page: `don-vi/<id>/`.
pub fn unit(id: &str) -> String {
    [UNITS, id, "/"].concat()
}

/// A tag's (first) page: `the/<slug>/`.
pub fn tag(slug: &str) -> String {
    [TAGS, slug, "/"].concat()
}

/// The roll's page of the people whose given name starts with one letter:
/// `khen-thuong/ten-dd/`.
pub fn roll_letter(slug: &str) -> String {
    [ROLL, "ten-", slug, "/"].concat()
}

/// Page `number` (from 1) of the list whose first page is `base`:
/// `tin-tuc/`, `tin-tuc/trang/2/`.
pub fn list_page(base: &str, number: usize) -> String {
    if number <= 1 {
        base.to_owned()
    } else {
        format!("{base}trang/{number}/")
    }
}

/// The file a page's folder is written as: `lich/` → `lich/index.html`.
pub fn page_file(path: &str) -> String {
    [path, PAGE_FILE].concat()
}

/// The site path a written file is reached at: `lich/index.html` → `lich/`;
/// other files are their own path.
pub fn of_file(file: &str) -> &str {
    match file.strip_suffix(PAGE_FILE) {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => dir,
        _ => file,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaigns_are_direct_children_of_phong_trao() {
        assert!(is_campaign("phong-trao/2022/"));
        assert!(!is_campaign("phong-trao/"));
        assert!(!is_campaign("phong-trao/2022/dot-1/"));
        assert!(!is_campaign("tin-tuc/2022/"));
    }

    #[test]
    fn pages_are_folders_written_as_index_html() {
        assert_eq!(of_file(&page_file("lich/")), "lich/");
        assert_eq!(of_file(&page_file("")), "");
        assert_eq!(
            of_file("khen-thuong/danh-sach.csv"),
            "khen-thuong/danh-sach.csv"
        );
        assert_eq!(of_file("a/xindex.html"), "a/xindex.html");
        assert_eq!(list_page("tin-tuc/", 1), "tin-tuc/");
        assert_eq!(list_page("tin-tuc/", 3), "tin-tuc/trang/3/");
    }
}
