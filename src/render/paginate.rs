//! Splitting long lists into pages: `/tin-tuc/`, `/tin-tuc/trang/2/`, …
//!
//! Each page's context holds only its own slice of summaries, so a section of
//! 10,000 pages costs 10,000 summaries in all, never one list per page. Likewise
//! each page links to a few other pages (the first, the last and those around
//! it), never to all of them: a list of N pages would otherwise write N² links.

use crate::paths;
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

/// How many pages on each side of the current one get a link of their own.
const AROUND: usize = 2;

#[derive(Serialize)]
pub struct PageNumber {
    pub number: usize,
    pub href: String,
    pub current: bool,
    /// Pages are left out between this one and the one before (write "…").
    pub gap_before: bool,
}

/// How many pages `items` make; an empty list is one (empty) page.
pub fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
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
    let href = |n: usize| links.href(&paths::list_page(base, n));
    Paginator {
        current: number,
        total,
        prev: (number > 1).then(|| href(number - 1)),
        next: (number < total).then(|| href(number + 1)),
        numbers: shown_numbers(number, total)
            .scan(0, |before, n| {
                let gap_before = n > *before + 1;
                *before = n;
                Some(PageNumber {
                    number: n,
                    href: href(n),
                    current: n == number,
                    gap_before,
                })
            })
            .collect(),
    }
}

/// The first page, the last, and those within [`AROUND`] of `current`, in
/// order; a gap of one page is filled with that page, which takes no more
/// room than the "…" would.
fn shown_numbers(current: usize, total: usize) -> impl Iterator<Item = usize> {
    let mut from = current.saturating_sub(AROUND).max(1);
    let mut to = (current + AROUND).min(total);
    if from == 3 {
        from = 2;
    }
    if to + 2 == total {
        to = total - 1;
    }
    (from > 1)
        .then_some(1)
        .into_iter()
        .chain(from..=to)
        .chain((to < total).then_some(total))
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
        assert_eq!(paths::list_page("tin-tuc/", 1), "tin-tuc/");
        assert_eq!(paths::list_page("tin-tuc/", 3), "tin-tuc/trang/3/");
    }

    #[test]
    fn a_page_links_to_the_first_the_last_and_its_neighbours() {
        let links = Links {
            clean_urls: true,
            base_url: None,
        };
        let shown = |current, total| -> Vec<(usize, bool)> {
            paginator("tin-tuc/", total * 10, 10, current, &links)
                .numbers
                .iter()
                .map(|p| (p.number, p.gap_before))
                .collect()
        };
        assert_eq!(shown(1, 1), [(1, false)]);
        assert_eq!(shown(2, 3), [(1, false), (2, false), (3, false)]);
        assert_eq!(
            shown(6, 12),
            [
                (1, false),
                (4, true),
                (5, false),
                (6, false),
                (7, false),
                (8, false),
                (12, true)
            ]
        );
        assert_eq!(
            shown(1, 10),
            [(1, false), (2, false), (3, false), (10, true)]
        );
        // A gap of a single page shows that page instead of "…".
        assert_eq!(
            shown(5, 10),
            [
                (1, false),
                (2, false),
                (3, false),
                (4, false),
                (5, false),
                (6, false),
                (7, false),
                (10, true)
            ]
        );
        assert_eq!(shown(6, 10)[6..], [(9, false), (10, false)]);
        // However long the list, a page shows a handful of links.
        for total in 1..=200 {
            for current in 1..=total {
                let numbers = shown(current, total);
                assert!(numbers.len() <= 2 * AROUND + 5, "{current} of {total}");
                // In order, a "…" exactly where pages are left out, and never
                // for a single page.
                for pair in numbers.windows(2) {
                    let ((before, _), (n, gap)) = (pair[0], pair[1]);
                    assert!(n > before, "{current} of {total}");
                    assert_eq!(gap, n > before + 1, "{current} of {total}");
                    assert_ne!(n, before + 2, "{current} of {total}: one page hidden");
                }
                assert!(numbers.iter().any(|&(n, _)| n == current));
                assert_eq!(numbers.first().map(|p| p.0), Some(1));
                assert_eq!(numbers.last().map(|p| p.0), Some(total));
            }
        }
    }
}
