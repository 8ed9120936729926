//! How pages link to each other.
//!
//! Every internal link is relative to the page that contains it (`../../` up to
//! the site root, then the target's path). A relative site works unchanged at the
//! root of a domain, under a sub-path (`/thi-dua/`), and opened from the disk.
//! With `clean_urls` off (the default) links name `index.html` explicitly, which a
//! browser needs when it reads files from the disk; behind a web server, turn
//! `clean_urls` on for `/phong-trao/2022/`-style addresses.

/// Link style of one build.
#[derive(Debug, Clone, Default)]
pub struct Links {
    pub clean_urls: bool,
    /// `https://example.gov.vn/thi-dua/`, for permalinks, feeds and canonical links.
    pub base_url: Option<String>,
}

impl Links {
    /// The prefix from a page at `page_path` up to the site root: `./`, `../../`.
    pub fn root(&self, page_path: &str) -> String {
        // Counted byte by byte (a loop the compiler vectorizes): every page and
        // every link of every page asks.
        let depth = page_path.bytes().filter(|&b| b == b'/').count();
        if depth == 0 {
            "./".to_owned()
        } else {
            "../".repeat(depth)
        }
    }

    /// The link to a page's directory path (`phong-trao/2022/`), to be put after
    /// [`Links::root`].
    pub fn href(&self, page_path: &str) -> String {
        if self.clean_urls {
            page_path.to_owned()
        } else {
            [page_path, "index.html"].concat()
        }
    }

    /// Like [`Links::href`] for a site path that may carry a file name, a query or
    /// a fragment: `phong-trao/2022/#dot-1`, `khen-thuong/danh-sach.csv`.
    pub fn href_of_url(&self, url: &str) -> String {
        let split = url.find(['?', '#']).unwrap_or(url.len());
        let (path, rest) = url.split_at(split);
        if path.is_empty() || path.ends_with('/') {
            let mut href = self.href(path);
            href.push_str(rest);
            href
        } else {
            url.to_owned()
        }
    }

    /// The absolute address of a page, when the site has a base URL.
    pub fn permalink(&self, page_path: &str) -> Option<String> {
        self.base_url
            .as_ref()
            .map(|base| [base.as_str(), page_path].concat())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_work_from_disk_and_subpaths() {
        let links = Links::default();
        assert_eq!(links.root(""), "./");
        assert_eq!(links.root("phong-trao/2022/"), "../../");
        assert_eq!(links.href("phong-trao/"), "phong-trao/index.html");
        assert_eq!(links.href_of_url("a/#x"), "a/index.html#x");
        assert_eq!(links.href_of_url("a/b.pdf"), "a/b.pdf");
        let clean = Links {
            clean_urls: true,
            base_url: None,
        };
        assert_eq!(clean.href("phong-trao/"), "phong-trao/");
    }
}
