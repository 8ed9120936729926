//! Whether an honoree's position (`position:` of a results list) is a leading
//! or managing post (chức vụ lãnh đạo, quản lý): the statistics count the
//! honours of people who hold none, which the plans ask commendation to
//! favour ("chú trọng khen thưởng … cho công chức, viên chức và người lao
//! động không giữ chức vụ lãnh đạo, quản lý").
//!
//! A position is read as words, case and diacritics folded ("PHÓ GIÁM ĐỐC",
//! "Phó giám đốc" and "Pho Giam doc" are one), in parts split at a comma,
//! semicolon, dash, slash, parenthesis or the word "kiêm". A part that *starts*
//! with a leading title holds the post: "Chuyên viên, Phụ trách Văn phòng" does,
//! "Chuyên viên phòng Tổ chức" does not ("Trưởng phòng" is not at a part's
//! start). Before a title, "Phó", "P.", "Quyền", "Q." and "nguyên" (a former
//! holder, honoured for the years in the post) keep it a leading title.
//!
//! The titles ([`BUILT_IN`]) are the heads and deputies that are appointed or
//! elected to run a body, as the civil-service and public-employee laws mean
//! a leading or managing post (Luật Cán bộ, công chức; Luật Viên chức, Điều 3:
//! "viên chức quản lý"), with their allowance for the post (phụ cấp chức vụ
//! lãnh đạo). Left out on purpose, so that a site adds them if it counts them
//! (`leading_titles:` of site.yaml):
//! - "Tổ trưởng" (a school's tổ trưởng chuyên môn, a team's leader): a
//!   teacher or officer with a duty, not appointed to a managing post;
//! - "Kế toán trưởng": a professional post with an allowance for the work
//!   (phụ cấp trách nhiệm công việc), not for leading;
//! - "Trưởng thôn", "Đội trưởng": not posts of the civil service, or words
//!   also used for a team of a movement;
//! - a post in a Party, Youth Union or trade-union cell of the agency held
//!   beside the job ("Bí thư Chi đoàn", "Chủ tịch Công đoàn cơ sở", "Phó Bí
//!   thư Chi bộ"): see [`Title::unless`].

use crate::text::collate;

/// A leading title, as the statistics page lists it.
#[derive(Debug)]
pub struct Title {
    pub title: &'static str,
    /// Words after the title that make it something else ("Phụ trách kế
    /// toán" is an accountant's duty, not a post).
    pub unless: &'static [&'static str],
}

/// The cells of the agency's Party, Youth Union and trade union, the pupils'
/// pioneers, a school's form ("chủ nhiệm lớp", a form teacher) and a club:
/// their posts are held beside the job.
const CELLS: &[&str] = &[
    "lop",
    "cau lac bo",
    "clb",
    "chi doan",
    "chi hoi",
    "chi bo",
    "cong doan",
    "doan truong",
    "lien doi",
    "chi doi",
    "nu cong",
    "thanh tra nhan dan",
];

const fn title(title: &'static str) -> Title {
    Title {
        title,
        unless: CELLS,
    }
}

/// The leading titles every site counts. Each is also read after "Phó",
/// "Quyền", "Q.", "P." and "nguyên".
pub const BUILT_IN: &[Title] = &[
    title("Bộ trưởng"),
    title("Thứ trưởng"),
    title("Tổng cục trưởng"),
    title("Cục trưởng"),
    title("Vụ trưởng"),
    title("Chi cục trưởng"),
    title("Chủ tịch"),
    title("Bí thư"),
    title("Chủ nhiệm"),
    title("Tổng giám đốc"),
    title("Giám đốc"),
    title("Chánh Văn phòng"),
    title("Chánh Thanh tra"),
    title("Chánh án"),
    title("Viện trưởng"),
    title("Trưởng phòng"),
    // "Phó phòng", as lists often write "Phó Trưởng phòng".
    title("Phó phòng"),
    title("Trưởng ban"),
    title("Trưởng khoa"),
    title("Trưởng bộ môn"),
    title("Trưởng trạm"),
    title("Trạm trưởng"),
    title("Hạt trưởng"),
    title("Hiệu trưởng"),
    title("Tổng biên tập"),
    title("Thủ trưởng"),
    Title {
        title: "Phụ trách",
        unless: &["ke toan"],
    },
];

/// Words before a title that keep it a leading one: a deputy, an acting
/// holder, a former holder.
const PREFIXES: &[&str] = &["pho", "p", "quyen", "q", "nguyen"];

/// The titles a site reads positions with: the built-in ones and its own.
#[derive(Debug)]
pub struct LeadingTitles {
    /// Each title's folded words, and the words after it that undo it.
    titles: Vec<(Vec<String>, Vec<Vec<String>>)>,
}

/// The folded words of a text: "Phó Giám đốc" → ["pho", "giam", "doc"].
fn words(text: &str) -> Vec<String> {
    collate::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether a text has a word to match, for site.yaml's check.
pub fn has_words(text: &str) -> bool {
    !words(text).is_empty()
}

impl LeadingTitles {
    /// The built-in titles and a site's own (`leading_titles:`, which are
    /// undone by nothing).
    pub fn new<'a>(site_titles: impl IntoIterator<Item = &'a str>) -> LeadingTitles {
        let mut titles: Vec<(Vec<String>, Vec<Vec<String>>)> = BUILT_IN
            .iter()
            .map(|t| (words(t.title), t.unless.iter().map(|u| words(u)).collect()))
            .collect();
        titles.extend(
            site_titles
                .into_iter()
                .map(words)
                .filter(|w| !w.is_empty())
                .map(|w| (w, Vec::new())),
        );
        LeadingTitles { titles }
    }

    /// Whether someone with this position holds a leading or managing post.
    pub fn holds_leading_post(&self, position: &str) -> bool {
        let folded = collate::fold(position);
        folded
            .split([',', ';', '-', '–', '—', '/', '(', ')', ':', '+', '\\'])
            .any(|part| {
                let words: Vec<&str> = part
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                words
                    .split(|w| *w == "kiem")
                    .any(|part| self.starts_with_title(part))
            })
    }

    /// Whether these words start with a title, after any of [`PREFIXES`].
    fn starts_with_title(&self, mut part: &[&str]) -> bool {
        loop {
            if self.titles.iter().any(|(title, unless)| {
                starts_with(part, title)
                    && !unless.iter().any(|u| starts_with(&part[title.len()..], u))
            }) {
                return true;
            }
            match part.split_first() {
                Some((first, rest)) if PREFIXES.contains(first) => part = rest,
                _ => return false,
            }
        }
    }
}

fn starts_with(words: &[&str], title: &[String]) -> bool {
    words.len() >= title.len() && words.iter().zip(title).all(|(w, t)| w == t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leading(position: &str) -> bool {
        LeadingTitles::new([]).holds_leading_post(position)
    }

    #[test]
    fn heads_and_deputies_hold_leading_posts() {
        for position in [
            "Giám đốc Sở",
            "Phó Giám đốc Sở Giáo dục và Đào tạo",
            "Trưởng phòng Tổ chức - Biên chế",
            "Phó Trưởng phòng Cải cách hành chính",
            "Phó phòng Kế hoạch - Tài chính",
            "Chánh Văn phòng Sở",
            "Phó Chánh Văn phòng",
            "Chánh Thanh tra Sở",
            "Phó Chánh Thanh tra",
            "Hiệu trưởng Trường THCS Lê Văn Thiêm",
            "Phó Hiệu trưởng",
            "Chủ tịch UBND xã Thạch Kênh",
            "Phó Chủ tịch Ủy ban nhân dân huyện",
            "Bí thư Đảng ủy xã",
            "Phó Bí thư Huyện ủy",
            "Trưởng ban Tôn giáo",
            "Phó Trưởng ban Thi đua - Khen thưởng",
            "Chi cục trưởng Chi cục Văn thư - Lưu trữ",
            "Phó Chi cục trưởng",
            "Tổng biên tập Báo Hà Tĩnh",
            "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy",
            "Trưởng khoa Nội, Bệnh viện đa khoa tỉnh",
            "Giám đốc Trung tâm Phục vụ hành chính công",
        ] {
            assert!(leading(position), "{position}");
        }
    }

    #[test]
    fn acting_heads_and_those_in_charge_hold_leading_posts() {
        for position in [
            "Quyền Giám đốc",
            "Q. Trưởng phòng Nội vụ",
            "P. Giám đốc",
            "Phụ trách phòng Hành chính - Tổng hợp",
            "Phó Giám đốc phụ trách",
            "Phó Trưởng phòng phụ trách phòng",
            "Nguyên Giám đốc Sở",
        ] {
            assert!(leading(position), "{position}");
        }
    }

    #[test]
    fn case_diacritics_and_spacing_do_not_matter() {
        for position in [
            "PHÓ GIÁM ĐỐC SỞ",
            "phó giám đốc",
            "Pho Giam doc",
            "Phó  Giám   đốc",
            "Trưởng Phòng Tổ chức",
        ] {
            assert!(leading(position), "{position}");
        }
    }

    #[test]
    fn a_title_counts_at_the_start_of_a_part_or_after_kiem() {
        assert!(leading("Chuyên viên, Phụ trách Văn phòng"));
        assert!(leading("Giáo viên kiêm Phó Hiệu trưởng"));
        assert!(leading("Chuyên viên; Phó Chánh Văn phòng"));
        assert!(leading("Ủy viên Ban Thường vụ (Phó Chủ tịch)"));
        // "Trưởng phòng" inside a part is not at its start.
        assert!(!leading("Chuyên viên phòng Tổ chức"));
        assert!(!leading("Chuyên viên Văn phòng"));
        assert!(!leading("Nhân viên Văn phòng Sở"));
        assert!(!leading("Chuyên viên phụ trách công tác thi đua"));
        assert!(!leading("Thư ký Giám đốc"));
    }

    #[test]
    fn staff_teachers_and_team_leaders_hold_none() {
        for position in [
            "Chuyên viên",
            "Chuyên viên chính phòng Cải cách hành chính",
            "Giáo viên",
            "Giáo viên kiêm Tổ trưởng chuyên môn",
            "Tổ trưởng tổ Toán - Tin",
            "Giáo viên, Tổng phụ trách Đội",
            "Kế toán trưởng",
            "Chuyên viên, phụ trách kế toán",
            "Nhân viên bảo vệ",
            "Bác sĩ khoa Nội",
            "Trưởng thôn Đông Hà",
            "Giáo viên, chủ nhiệm lớp 9A",
            "Chủ nhiệm lớp 12A1",
            "Giáo viên, Chủ nhiệm câu lạc bộ Tiếng Anh",
            "",
        ] {
            assert!(!leading(position), "{position}");
        }
    }

    #[test]
    fn a_post_in_a_cell_beside_the_job_is_not_a_leading_post() {
        assert!(!leading("Giáo viên, Bí thư Chi đoàn"));
        assert!(!leading("Chuyên viên kiêm Phó Bí thư Chi bộ"));
        assert!(!leading("Chủ tịch Công đoàn cơ sở"));
        assert!(!leading("Chuyên viên, Trưởng ban Nữ công"));
        assert!(!leading("Trưởng ban Thanh tra nhân dân"));
        // Beside a leading post, the post still counts.
        assert!(leading("Phó Giám đốc kiêm Chủ tịch Công đoàn cơ quan"));
        assert!(leading("Bí thư Đảng ủy Sở"));
    }

    #[test]
    fn a_site_adds_its_own_titles_read_the_same_way() {
        let titles = LeadingTitles::new(["Tổ trưởng", "Kế toán trưởng"]);
        assert!(titles.holds_leading_post("Giáo viên, Tổ trưởng chuyên môn"));
        assert!(titles.holds_leading_post("KẾ TOÁN TRƯỞNG"));
        assert!(titles.holds_leading_post("Phó Tổ trưởng"));
        assert!(!titles.holds_leading_post("Kế toán viên"));
        assert!(!LeadingTitles::new(["..."]).holds_leading_post("Giáo viên"));
    }
}
