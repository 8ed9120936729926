//! Every word a reader sees that the build writes itself, spelled one way:
//! the titles of the pages it makes, statuses, the kinds and levels of
//! awards, the calendar's and the campaign page's labels. (The theme's
//! templates hold the rest of the page's words; dates are written by
//! `text::vi_date`.)

use super::calendar::EventKind;
use super::views::Status;
use crate::model::award_catalog::{AwardKind, AwardLevel};
use crate::model::results::ListStatus;

/// Titles of the pages the build makes.
pub const TAGS: &str = "Chủ đề";
pub const ROLL: &str = "Bảng vàng khen thưởng";
pub const ROLL_COLLECTIVES: &str = "Tập thể được khen thưởng";
/// The roll's navigation: the collectives' page beside the letters.
pub const COLLECTIVES: &str = "Tập thể";
pub const UNITS: &str = "Đơn vị";
pub const CALENDAR: &str = "Lịch thi đua";
pub const STATISTICS: &str = "Thống kê khen thưởng";
pub const NOT_FOUND: &str = "Không tìm thấy trang";
pub const SEARCH: &str = "Tìm kiếm";

/// What kind of document a search result is.
pub const SEARCH_HOME: &str = "Trang chủ";
pub const SEARCH_SECTION: &str = "Chuyên mục";
pub const SEARCH_CAMPAIGN: &str = "Phong trào thi đua";
pub const SEARCH_NEWS: &str = "Tin tức";
pub const SEARCH_PAGE: &str = "Trang";
pub const SEARCH_LIST: &str = "Danh sách khen thưởng";

/// A decision as a list's search text names it.
pub fn decision_number(number: &str) -> String {
    format!("Quyết định số {number}")
}

/// A campaign's page of figures.
pub fn campaign_statistics(campaign: &str) -> String {
    format!("{STATISTICS}: {campaign}")
}

/// The statistics' charts: each one's title and its table's first column.
pub const INDIVIDUALS: &str = "Cá nhân";
pub const STATS_BY_KIND: &str = "Cá nhân và tập thể";
pub const STATS_KIND: &str = "Đối tượng";
pub const STATS_BY_LEVEL: &str = "Theo cấp khen thưởng";
pub const STATS_LEVEL: &str = "Cấp khen thưởng";
pub const STATS_BY_FORM: &str = "Theo danh hiệu, hình thức khen thưởng";
pub const STATS_FORM: &str = "Danh hiệu, hình thức";
pub const STATS_OUTSIDE_LAW: &str = "Ngoài Luật Thi đua, khen thưởng";
pub const STATS_BY_UNIT: &str = "Theo đơn vị";
pub const STATS_UNIT: &str = "Đơn vị";
pub const STATS_NO_UNIT: &str = "Không ghi đơn vị";
pub const STATS_BY_POST: &str = "Cá nhân theo chức vụ";
pub const STATS_POST: &str = "Chức vụ";
pub const STATS_LEADING: &str = "Giữ chức vụ lãnh đạo, quản lý";
pub const STATS_NOT_LEADING: &str = "Không giữ chức vụ lãnh đạo, quản lý";
pub const STATS_NO_POSITION: &str = "Không ghi chức vụ";

/// "Theo năm", "Theo năm học".
pub fn stats_by_year(counted: crate::model::config::ReportingYear) -> String {
    format!("Theo {}", year_name(counted).to_lowercase())
}

/// Under the units' chart when it draws only the first units.
pub fn stats_units_drawn(drawn: usize, all: usize) -> String {
    format!(
        "Biểu đồ vẽ {drawn} đơn vị có nhiều lượt khen thưởng nhất; bảng liệt kê đủ {all} đơn vị."
    )
}

/// The page of one tag.
pub fn tag(name: &str) -> String {
    format!("{TAGS}: {name}")
}

/// The roll's page of the people whose given name starts with `letter`.
pub fn roll_letter(letter: &str) -> String {
    format!("Cá nhân có tên bắt đầu bằng chữ {letter}")
}

/// Where a campaign, a phase or an event of the calendar stands today.
pub fn status(status: Status) -> &'static str {
    match status {
        Status::Upcoming => "sắp diễn ra",
        Status::Current => "đang diễn ra",
        Status::Past => "đã kết thúc",
    }
}

pub fn list_status(status: ListStatus) -> &'static str {
    match status {
        ListStatus::Proposed => "dự kiến, lấy ý kiến",
        ListStatus::Decided => "đã có quyết định",
    }
}

/// Who an honour is for, as the .xlsx download says it.
pub fn recipient(kind: crate::model::results::HonoreeKind) -> &'static str {
    match kind {
        crate::model::results::HonoreeKind::Individual => "cá nhân",
        crate::model::results::HonoreeKind::Collective => "tập thể",
    }
}

/// The open data's description: in `datapackage.json` and the roll's
/// JSON-LD.
pub const OPEN_DATA_DESCRIPTION: &str = "Các cá nhân, tập thể được khen thưởng trong các phong trào thi đua: mỗi dòng là một người hoặc một tập thể với một danh hiệu, hình thức khen thưởng của một danh sách, kèm quyết định khen thưởng. Danh sách dự kiến (đang hoặc đã lấy ý kiến, chưa có quyết định) có tình trạng proposed.";
/// The .xlsx in `datapackage.json`: the same rows, headed and worded for
/// people.
pub const XLSX_RESOURCE: &str = "Cùng các dòng như danh-sach.csv, cho Excel: tiêu đề cột là tên tiếng Việt (title) của từng trường; tình trạng và đối tượng ghi bằng tiếng Việt; ngày quyết định là ô ngày, năm là ô số.";
/// `datapackage.json` in the roll's list of files.
pub const DATA_PACKAGE: &str = "JSON, mô tả dữ liệu (Data Package)";

/// What the feed says of a list without a decision yet.
pub const PROPOSED_LIST: &str = "Danh sách dự kiến, lấy ý kiến công khai";

/// What the feed says of a decided list.
pub fn decision(number: &str, date: &str) -> String {
    format!("Quyết định số {number} ngày {date}")
}

pub fn award_kind(kind: AwardKind) -> &'static str {
    match kind {
        AwardKind::Title => "Danh hiệu thi đua",
        AwardKind::Commendation => "Hình thức khen thưởng",
    }
}

pub fn award_level(level: AwardLevel) -> &'static str {
    match level {
        AwardLevel::State => "Nhà nước",
        AwardLevel::Government => "Chính phủ",
        AwardLevel::Province => "Cấp bộ, ban, ngành, tỉnh",
        AwardLevel::District => "Cấp huyện",
        AwardLevel::Grassroots => "Cơ sở",
        AwardLevel::Other => "Khác",
    }
}

pub fn event_kind(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Phase => "Đợt thi đua",
        EventKind::Milestone => "Ngày kỷ niệm",
        EventKind::Review => "Hạn tổng kết",
        EventKind::Comment => "Lấy ý kiến",
    }
}

/// A commemoration: "77 năm Ngày thành lập …" when the plan says since when.
pub fn milestone(title: &str, years: Option<i32>) -> String {
    match years {
        Some(n) => format!("{n} năm {title}"),
        None => title.to_owned(),
    }
}

/// A phase's timeline.
pub const PHASE_START: &str = "Bắt đầu đợt thi đua";
pub const PHASE_END: &str = "Kết thúc đợt thi đua";
pub const PHASE_REVIEW: &str = "Hạn hoàn thành tổng kết đợt thi đua";

/// The review deadline of a phase in the calendar: "Hạn hoàn thành tổng kết
/// đợt 1".
pub fn review_of(phase: &str) -> String {
    let mut chars = phase.chars();
    let phase: String = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    };
    format!("Hạn hoàn thành tổng kết {phase}")
}

/// A comment period in the calendar.
pub fn comment_on(list: &str) -> String {
    format!("Lấy ý kiến: {list}")
}

/// The targets of a plan, by whom they are for.
pub const TARGETS_COLLECTIVES: &str = "Đối với các tập thể";
pub const TARGETS_INDIVIDUALS: &str = "Đối với cá nhân";

/// A target's bound as the plan says it.
pub fn at_most_percent(max: u32) -> String {
    format!("không quá {max}%")
}

pub fn at_least(min: u32) -> String {
    format!("ít nhất {min}")
}

pub fn at_most(max: u32) -> String {
    format!("không quá {max}")
}

/// How a target stands.
pub const TARGET_MET: &str = "đạt";
pub const TARGET_NOT_MET: &str = "chưa đạt";
pub const TARGET_EXCEEDED: &str = "vượt chỉ tiêu";
pub const TARGET_OVER_CEILING: &str = "vượt mức tối đa";
pub const TARGET_NO_BASE_HOLDERS: &str = "chưa có người đạt chỉ tiêu gốc để tính tỷ lệ";
pub const TARGET_NO_ELIGIBLE: &str = "chưa có số đối tượng (eligible) để tính tỷ lệ";

/// What a year of honours is called, in filters and column headings.
pub fn year_name(counted: crate::model::config::ReportingYear) -> &'static str {
    match counted {
        crate::model::config::ReportingYear::Calendar => "Năm",
        crate::model::config::ReportingYear::School => "Năm học",
    }
}

/// "25%", "12,5%": one decimal when needed, with a decimal comma.
pub fn percent(share: f64) -> String {
    let rounded = (share * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}%")
    } else {
        format!("{rounded:.1}%").replace('.', ",")
    }
}

/// A count as Vietnamese writes it, thousands parted by a dot: "50.000".
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn figures_are_written_the_vietnamese_way() {
        assert_eq!(super::percent(100.0 / 3.0), "33,3%");
        assert_eq!(super::percent(25.0), "25%");
        assert_eq!(super::percent(99.96), "100%");
        assert_eq!(super::number(7), "7");
        assert_eq!(super::number(999), "999");
        assert_eq!(super::number(1000), "1.000");
        assert_eq!(super::number(50_000), "50.000");
        assert_eq!(super::number(1_234_567), "1.234.567");
    }
}
