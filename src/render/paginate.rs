//! Splitting long lists into pages: `/tin-tuc/`, `/tin-tuc/trang/2/`, …
//!
//! Each page's context holds only its own slice of summaries, so a section of
//! 10,000 pages costs 10,000 summaries in all, never one list per page.

use serde::Serialize;

use super::links::Links;

#[derive(Serialize)]
pub struct Paginator {
    pub current: usize,
    pub total: usize,
    /// Relative to the site root.
    pub prev: Option<String>,
    pub next: Option<String>,
    pub numbers: Vec<PageNumber>,
}

#[derive(Serialize)]
pub struct PageNumber {
    pub number: usize,
    pub href: String,
    pub current: bool,
}

/// How many pages `items` make; an empty list is one (empty) page.
pub fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

/// The site path of page `number` of the list whose first page is `base`.
pub fn page_path(base: &str, number: usize) -> String {
    if number <= 1 {
        base.to_owned()
    } else {
        format!("{base}trang/{number}/")
    }
}

/// The range of items shown on page `number`.
pub fn slice(items: usize, per_page: usize, number: usize) -> std::ops::Range<usize> {
    let start = ((number - 1) * per_page).min(items);
    start..(start + per_page).min(items)
}

pub fn paginator(
    base: &str,
    items: usize,
    per_page: usize,
    number: usize,
    links: &Links,
) -> Paginator {
    let total = page_count(items, per_page);
    let href = |n: usize| links.href(&page_path(base, n));
    Paginator {
        current: number,
        total,
        prev: (number > 1).then(|| href(number - 1)),
        next: (number < total).then(|| href(number + 1)),
        numbers: (1..=total)
            .map(|n| PageNumber {
                number: n,
                href: href(n),
                current: n == number,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(1, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
        assert_eq!(slice(11, 10, 2), 10..11);
        assert_eq!(slice(0, 10, 1), 0..0);
        assert_eq!(page_path("tin-tuc/", 1), "tin-tuc/");
        assert_eq!(page_path("tin-tuc/", 3), "tin-tuc/trang/3/");
    }
}
