//! What editors write that some readers cannot use (WCAG 2.1 AA practice,
//! which Vietnamese government portals are asked to follow): an image
//! without a description, a link whose text says nothing of where it leads
//! or is a bare address, a table without a header row, a heading that skips
//! a level.
//!
//! The checks are fed while `markdown.rs` walks a page's events (Markdown
//! and raw HTML alike, in document order), so they cost no second pass; each
//! finding is the byte offset where its image, link, table or heading
//! starts, turned into a warning at the file's line and column by
//! [`diagnostics`].
//!
//! Each message is one fixed English sentence, the key of its translation.

use crate::diagnostics::Diagnostic;
use crate::model::page::Page;
use crate::text::slug::slugify;

pub const IMAGE_WITHOUT_DESCRIPTION: &str =
    "the image has no description for readers who cannot see it";
pub const VAGUE_LINK_TEXT: &str = "the link's text does not say where it leads";
pub const BARE_ADDRESS_LINK: &str = "the link's text is a bare address";
pub const TABLE_WITHOUT_HEADER: &str = "the table has no header row";
pub const HEADING_SKIPS_LEVEL: &str = "the heading skips a level";

/// Link texts that say nothing out of context, as slugs: compared without
/// case, diacritics, punctuation or surrounding spaces.
const VAGUE: &[&str] = &[
    "tai-day",
    "xem-them",
    "bam-vao-day",
    "nhan-vao-day",
    "click-here",
    "here",
    "read-more",
];

/// Longer texts are not slugified: none of [`VAGUE`] is this long, even
/// with punctuation around it.
const VAGUE_MAX_BYTES: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// `![](anh.png)`.
    ImageWithoutAlt,
    /// `<img src="anh.png">` with no `alt` (`alt=""` is decoration: allowed).
    RawImageWithoutAlt,
    /// `[xem thêm](…)`, `<a href="…">tại đây</a>`.
    VagueLinkText,
    /// `<https://…>`, `[https://x.vn](https://x.vn)`.
    BareAddress,
    /// A Markdown table whose header cells are all empty.
    TableWithoutHeader,
    /// A raw `<table>` with no `<th>`.
    RawTableWithoutHeader,
    /// `## …` then `#### …`; the page's title is the level-1 heading.
    HeadingSkipsLevel,
}

/// A problem, at the byte offset of the Markdown where its element starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub offset: usize,
    pub problem: Problem,
}

/// A link being read: where it starts, where it leads, its visible text.
#[derive(Debug)]
struct OpenLink {
    offset: usize,
    url: String,
    text: String,
}

/// The checks of one page, fed in document order.
#[derive(Debug)]
pub struct Checks {
    found: Vec<Finding>,
    /// The level of the last heading: the page's title is level 1.
    heading: u8,
    /// Markdown images open (an image's description may hold another):
    /// where each starts, and whether text has been seen in it.
    images: Vec<(usize, bool)>,
    /// The Markdown link open (links do not nest in Markdown).
    link: Option<OpenLink>,
    /// Raw `<a href>`s open.
    raw_links: Vec<OpenLink>,
    /// Raw `<table>`s open: where each starts, and whether it has a `<th>`.
    raw_tables: Vec<(usize, bool)>,
}

impl Default for Checks {
    fn default() -> Checks {
        Checks {
            found: Vec::new(),
            heading: 1,
            images: Vec::new(),
            link: None,
            raw_links: Vec::new(),
            raw_tables: Vec::new(),
        }
    }
}

impl Checks {
    fn report(&mut self, offset: usize, problem: Problem) {
        self.found.push(Finding { offset, problem });
    }

    /// Whether visible text is wanted now (a link or an image is open).
    pub fn wants_text(&self) -> bool {
        self.link.is_some() || !self.raw_links.is_empty() || !self.images.is_empty()
    }

    /// Visible text: of the open links, and of the open images' descriptions.
    pub fn text(&mut self, text: &str) {
        if let Some(link) = &mut self.link {
            link.text.push_str(text);
        }
        for link in &mut self.raw_links {
            link.text.push_str(text);
        }
        if !text.trim().is_empty() {
            for image in &mut self.images {
                image.1 = true;
            }
        }
    }

    /// A heading of `level` (1–6), Markdown or raw.
    pub fn heading(&mut self, level: u8, offset: usize) {
        if level > self.heading + 1 {
            self.report(offset, Problem::HeadingSkipsLevel);
        }
        self.heading = level;
    }

    pub fn image_start(&mut self, offset: usize) {
        self.images.push((offset, false));
    }

    pub fn image_end(&mut self) {
        if let Some((offset, false)) = self.images.pop() {
            self.report(offset, Problem::ImageWithoutAlt);
        }
    }

    /// A raw `<img>`: its `alt`, decoded, if it has one.
    pub fn raw_image(&mut self, offset: usize, alt: Option<&str>) {
        match alt {
            // The description is the text of a link around the image.
            Some(alt) => self.text(alt),
            None => self.report(offset, Problem::RawImageWithoutAlt),
        }
    }

    pub fn link_start(&mut self, offset: usize, url: &str) {
        self.link = Some(OpenLink {
            offset,
            url: url.to_owned(),
            text: String::new(),
        });
    }

    pub fn link_end(&mut self) {
        if let Some(link) = self.link.take() {
            self.judge(link);
        }
    }

    /// A raw `<a>` with an `href`.
    pub fn raw_link_start(&mut self, offset: usize, url: &str) {
        self.raw_links.push(OpenLink {
            offset,
            url: url.to_owned(),
            text: String::new(),
        });
    }

    /// A raw `</a>`.
    pub fn raw_link_end(&mut self) {
        if let Some(link) = self.raw_links.pop() {
            self.judge(link);
        }
    }

    /// A Markdown table whose header row has no text in any cell.
    pub fn table_without_header(&mut self, offset: usize) {
        self.report(offset, Problem::TableWithoutHeader);
    }

    pub fn raw_table_start(&mut self, offset: usize) {
        self.raw_tables.push((offset, false));
    }

    pub fn raw_header_cell(&mut self) {
        if let Some(table) = self.raw_tables.last_mut() {
            table.1 = true;
        }
    }

    pub fn raw_table_end(&mut self) {
        if let Some((offset, false)) = self.raw_tables.pop() {
            self.report(offset, Problem::RawTableWithoutHeader);
        }
    }

    fn judge(&mut self, link: OpenLink) {
        if let Some(problem) = link_text_problem(&link.text, &link.url) {
            self.report(link.offset, problem);
        }
    }

    /// What was found, once the whole page was fed; links and tables left
    /// open are judged as they are.
    pub fn finish(mut self) -> Vec<Finding> {
        while !self.raw_links.is_empty() {
            self.raw_link_end();
        }
        while !self.raw_tables.is_empty() {
            self.raw_table_end();
        }
        self.link_end();
        while !self.images.is_empty() {
            self.image_end();
        }
        self.found.sort_by_key(|f| f.offset);
        self.found
    }
}

/// What is wrong with a link's visible text, if anything. A link with no
/// text at all (an image whose description is missing) is left to the
/// image's check.
fn link_text_problem(text: &str, url: &str) -> Option<Problem> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if is_bare_address(text, url) {
        return Some(Problem::BareAddress);
    }
    (text.len() <= VAGUE_MAX_BYTES && VAGUE.contains(&slugify(text).as_str()))
        .then_some(Problem::VagueLinkText)
}

/// Whether a link's text is an address: its own (`[x.gov.vn](https://x.gov.vn/)`)
/// or any web address. A mail address or a phone number is what the reader
/// wants to know, and is not one.
fn is_bare_address(text: &str, url: &str) -> bool {
    let url = url.trim();
    let lower = |s: &str, prefix: &str| {
        s.get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    if lower(url, "mailto:") || lower(url, "tel:") || text.contains(char::is_whitespace) {
        return false;
    }
    if ["http://", "https://", "www."]
        .iter()
        .any(|p| lower(text, p))
    {
        return true;
    }
    let bare = |s: &'_ str| -> String {
        let s = ["https://", "http://"]
            .iter()
            .find(|p| lower(s, p))
            .map_or(s, |p| &s[p.len()..]);
        s.trim_end_matches('/').to_ascii_lowercase()
    };
    !bare(url).is_empty() && bare(text) == bare(url)
}

/// The findings of a page as warnings at their lines and columns.
pub fn diagnostics<'a>(
    page: &'a Page,
    findings: &'a [Finding],
) -> impl Iterator<Item = Diagnostic> + 'a {
    findings.iter().map(|finding| {
        let (message, help) = match finding.problem {
            Problem::ImageWithoutAlt => (
                IMAGE_WITHOUT_DESCRIPTION,
                "write what the image shows between the brackets, like ![Lễ phát động phong trào thi đua năm 2022](anh.jpg); an image that is only decoration is written <img src=\"anh.jpg\" alt=\"\">",
            ),
            Problem::RawImageWithoutAlt => (
                IMAGE_WITHOUT_DESCRIPTION,
                "add alt=\"…\" with what the image shows, or alt=\"\" if it is only decoration",
            ),
            Problem::VagueLinkText => (
                VAGUE_LINK_TEXT,
                "screen readers list a page's links by their text alone: write what the link leads to, like [Kế hoạch thi đua năm 2022](/phong-trao/2022/), not “tại đây” or “xem thêm”",
            ),
            Problem::BareAddress => (
                BARE_ADDRESS_LINK,
                "screen readers spell an address out: write the name of the page or document as the link's text, like [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn/)",
            ),
            Problem::TableWithoutHeader => (
                TABLE_WITHOUT_HEADER,
                "write the name of each column in the table's first row, like | STT | Họ và tên | Đơn vị |",
            ),
            Problem::RawTableWithoutHeader => (
                TABLE_WITHOUT_HEADER,
                "write the cells that name the columns with <th> instead of <td>",
            ),
            Problem::HeadingSkipsLevel => (
                HEADING_SKIPS_LEVEL,
                "headings go down one level at a time: the page's title is the level-1 heading, so the body's first heading is ## and a ### comes only under a ##",
            ),
        };
        Diagnostic::warning(
            page.source.clone(),
            super::link_check::position(page, finding.offset),
            message,
        )
        .with_help(help)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_texts_are_found_whatever_their_case_marks_or_punctuation() {
        for text in [
            "tại đây",
            "Tại đây.",
            " TẠI ĐÂY ",
            "tai day",
            "Xem thêm…",
            "xem thêm »",
            "Bấm vào đây",
            "nhấn vào đây!",
            "Click here",
            "here",
            "Read more...",
        ] {
            assert_eq!(
                link_text_problem(text, "/a/"),
                Some(Problem::VagueLinkText),
                "{text:?}"
            );
        }
        for text in [
            "Kế hoạch thi đua năm 2022",
            "xem thêm kế hoạch năm 2022",
            "đây",
            "",
            "  ",
        ] {
            assert_eq!(link_text_problem(text, "/a/"), None, "{text:?}");
        }
    }

    #[test]
    fn addresses_as_text_are_found_but_mail_and_phone_are_not() {
        for (text, url) in [
            ("https://dichvucong.gov.vn/", "https://dichvucong.gov.vn/"),
            ("https://x", "https://x"),
            ("dichvucong.gov.vn", "https://dichvucong.gov.vn/"),
            ("www.hatinh.gov.vn", "https://hatinh.gov.vn/"),
            ("HTTP://X.VN/A", "/phong-trao/"),
            ("/phong-trao/2022/", "/phong-trao/2022/"),
        ] {
            assert_eq!(
                link_text_problem(text, url),
                Some(Problem::BareAddress),
                "{text:?} → {url:?}"
            );
        }
        for (text, url) in [
            (
                "vanphong@snv.hatinh.gov.vn",
                "mailto:vanphong@snv.hatinh.gov.vn",
            ),
            ("0239 3855 555", "tel:02393855555"),
            ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
            ("trang https://x.vn của Sở", "https://x.vn"),
        ] {
            assert_eq!(link_text_problem(text, url), None, "{text:?} → {url:?}");
        }
    }

    #[test]
    fn headings_go_down_one_level_at_a_time_from_the_title() {
        let skips = |levels: &[u8]| {
            let mut checks = Checks::default();
            for (i, &level) in levels.iter().enumerate() {
                checks.heading(level, i);
            }
            checks.finish().iter().map(|f| f.offset).collect::<Vec<_>>()
        };
        assert_eq!(skips(&[2, 3, 4, 2, 3, 2]), Vec::<usize>::new());
        assert_eq!(skips(&[3]), [0]);
        assert_eq!(skips(&[2, 4, 5, 2, 6]), [1, 4]);
        // Back up any number of levels; a second level-1 heading is no skip.
        assert_eq!(skips(&[2, 3, 4, 1, 2]), Vec::<usize>::new());
    }

    #[test]
    fn an_image_described_anywhere_inside_passes() {
        let mut checks = Checks::default();
        checks.image_start(0);
        checks.text("  ");
        checks.image_end();
        checks.image_start(10);
        checks.text("Lễ phát động");
        checks.image_end();
        checks.raw_image(20, Some(""));
        checks.raw_image(30, None);
        assert_eq!(
            checks.finish(),
            [
                Finding {
                    offset: 0,
                    problem: Problem::ImageWithoutAlt
                },
                Finding {
                    offset: 30,
                    problem: Problem::RawImageWithoutAlt
                }
            ]
        );
    }
}
