//! The default award vocabulary: the emulation titles and commendation forms of
//! Luật Thi đua, khen thưởng số 06/2022/QH15 (Quốc hội khóa XV thông qua ngày
//! 15/6/2022, có hiệu lực từ ngày 01/01/2024; Công báo số 571 + 572 ngày 15/7/2022).
//!
//! Articles used:
//!
//! - Điều 19 — danh hiệu thi đua đối với cá nhân (khoản 1–4).
//! - Điều 20 — danh hiệu thi đua đối với tập thể (khoản 1, điểm a–e) and
//!   đối với hộ gia đình (khoản 2).
//! - Điều 9 — the seven hình thức khen thưởng, in the order used here.
//! - Điều 33 khoản 2 — the list of huân chương (điểm a–k).
//! - Điều 54 khoản 2 — the list of huy chương (điểm a–d).
//! - Điều 59 khoản 2 — the list of danh hiệu vinh dự nhà nước (điểm a–h).
//! - Điều 68–70 — “Giải thưởng Hồ Chí Minh”, “Giải thưởng Nhà nước”.
//! - Điều 71 — kỷ niệm chương.
//! - Điều 73 — “Bằng khen của Thủ tướng Chính phủ”.
//! - Điều 74 — bằng khen of a Bộ, ban, ngành, tỉnh (wording not seen; see below).
//! - Điều 75 — giấy khen.
//! - Điều 80 khoản 2, 3 — who gives thôn, tổ dân phố văn hóa (Chủ tịch Ủy ban
//!   nhân dân cấp huyện) and “Gia đình văn hóa” (Chủ tịch Ủy ban nhân dân cấp xã),
//!   used for their [`AwardLevel`].
//!
//! Titles are written as the Law writes them, without its quotation marks. Where the
//! Law names a title without quotes and in lower case inside a sentence (for example
//! “Chiến sĩ thi đua Bộ, ban, ngành, tỉnh”, “xã, phường, thị trấn tiêu biểu”), the
//! first letter is capitalised and the rest is kept. The Law writes “Bộ, ban, ngành,
//! tỉnh” (capital B) and does not put “cấp” in these titles.
//!
//! Orders and medals with classes are split into one entry per class, in the order
//! hạng Nhất, hạng Nhì, hạng Ba. Paired titles the Law lists in one point (such as
//! “Lao động tiên tiến”, “Chiến sĩ tiên tiến”) are separate entries with the same
//! source.
//!
//! `// unverified` marks an entry with a detail that the Law text found did not
//! confirm (the title wording, the recipients or the level). That detail comes from
//! knowledge of the Law, not from the text.
//!
//! Recipients of huân chương follow Điều 33 khoản 1 (“để tặng cho tập thể …; tặng
//! hoặc truy tặng cho cá nhân …”) unless an entry says otherwise. Bằng khen and
//! giấy khen can also be given to a hộ gia đình; they are recorded as
//! [`Recipients::Both`].

/// Whether an award is an emulation title or a form of commendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AwardKind {
    /// Danh hiệu thi đua (Chương II of the Law).
    Title,
    /// Hình thức khen thưởng (Điều 9, Chương III of the Law).
    Commendation,
}

/// Who an award can be given to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Recipients {
    /// Cá nhân.
    Individual,
    /// Tập thể.
    Collective,
    /// Cá nhân and tập thể.
    Both,
    /// Hộ gia đình.
    Household,
}

/// The level of the authority that gives the award.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AwardLevel {
    /// Chủ tịch nước.
    State,
    /// Chính phủ, Thủ tướng Chính phủ.
    Government,
    /// Bộ, ban, ngành, tỉnh (Chủ tịch Ủy ban nhân dân cấp tỉnh and equivalents).
    Province,
    /// Cấp huyện.
    District,
    /// Cơ sở: cấp xã, and the heads of agencies, units and enterprises.
    Grassroots,
}

pub struct AwardDef {
    /// Canonical title, NFC, as the Law writes it (first letter capital).
    pub title: &'static str,
    pub kind: AwardKind,
    pub recipients: Recipients,
    pub level: AwardLevel,
    /// The article and clause of the Law that defines it, e.g. "Điều 26 khoản 1".
    pub source: &'static str,
}

const fn title(
    title: &'static str,
    recipients: Recipients,
    level: AwardLevel,
    source: &'static str,
) -> AwardDef {
    AwardDef {
        title,
        kind: AwardKind::Title,
        recipients,
        level,
        source,
    }
}

const fn form(
    title: &'static str,
    recipients: Recipients,
    level: AwardLevel,
    source: &'static str,
) -> AwardDef {
    AwardDef {
        title,
        kind: AwardKind::Commendation,
        recipients,
        level,
        source,
    }
}

use AwardLevel::{District, Government, Grassroots, Province, State};
use Recipients::{Both, Collective, Household, Individual};

/// Every award of the Law, in the Law's order (titles first, then forms of commendation, highest first).
#[rustfmt::skip]
pub static LAW_2022_AWARDS: &[AwardDef] = &[
    // ── Danh hiệu thi đua đối với cá nhân (Điều 19) ──
    title("Chiến sĩ thi đua toàn quốc", Individual, Government, "Điều 19 khoản 1"),
    title("Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", Individual, Province, "Điều 19 khoản 2"),
    title("Chiến sĩ thi đua cơ sở", Individual, Grassroots, "Điều 19 khoản 3"),
    title("Lao động tiên tiến", Individual, Grassroots, "Điều 19 khoản 4"),
    title("Chiến sĩ tiên tiến", Individual, Grassroots, "Điều 19 khoản 4"),
    // ── Danh hiệu thi đua đối với tập thể (Điều 20 khoản 1) ──
    title("Cờ thi đua của Chính phủ", Collective, Government, "Điều 20 khoản 1 điểm a"),
    title("Cờ thi đua của Bộ, ban, ngành, tỉnh", Collective, Province, "Điều 20 khoản 1 điểm b"),
    title("Tập thể lao động xuất sắc", Collective, Province, "Điều 20 khoản 1 điểm c"),
    title("Đơn vị quyết thắng", Collective, Province, "Điều 20 khoản 1 điểm c"),
    title("Tập thể lao động tiên tiến", Collective, Grassroots, "Điều 20 khoản 1 điểm d"),
    title("Đơn vị tiên tiến", Collective, Grassroots, "Điều 20 khoản 1 điểm d"),
    // unverified: level. Điều 80 does not list it for cấp huyện or cấp xã, so it is
    // taken to be given at tỉnh level.
    title("Xã, phường, thị trấn tiêu biểu", Collective, Province, "Điều 20 khoản 1 điểm đ"),
    title("Thôn, tổ dân phố văn hóa", Collective, District, "Điều 20 khoản 1 điểm e"),
    // ── Danh hiệu thi đua đối với hộ gia đình (Điều 20 khoản 2) ──
    title("Gia đình văn hóa", Household, Grassroots, "Điều 20 khoản 2"),
    // ── Huân chương (Điều 33 khoản 2) ──
    form("Huân chương Sao vàng", Both, State, "Điều 33 khoản 2 điểm a"),
    form("Huân chương Hồ Chí Minh", Both, State, "Điều 33 khoản 2 điểm b"),
    form("Huân chương Độc lập hạng Nhất", Both, State, "Điều 33 khoản 2 điểm c"),
    form("Huân chương Độc lập hạng Nhì", Both, State, "Điều 33 khoản 2 điểm c"),
    form("Huân chương Độc lập hạng Ba", Both, State, "Điều 33 khoản 2 điểm c"),
    form("Huân chương Quân công hạng Nhất", Both, State, "Điều 33 khoản 2 điểm d"),
    form("Huân chương Quân công hạng Nhì", Both, State, "Điều 33 khoản 2 điểm d"),
    form("Huân chương Quân công hạng Ba", Both, State, "Điều 33 khoản 2 điểm d"),
    form("Huân chương Lao động hạng Nhất", Both, State, "Điều 33 khoản 2 điểm đ"),
    form("Huân chương Lao động hạng Nhì", Both, State, "Điều 33 khoản 2 điểm đ"),
    form("Huân chương Lao động hạng Ba", Both, State, "Điều 33 khoản 2 điểm đ"),
    form("Huân chương Bảo vệ Tổ quốc hạng Nhất", Both, State, "Điều 33 khoản 2 điểm e"),
    form("Huân chương Bảo vệ Tổ quốc hạng Nhì", Both, State, "Điều 33 khoản 2 điểm e"),
    form("Huân chương Bảo vệ Tổ quốc hạng Ba", Both, State, "Điều 33 khoản 2 điểm e"),
    form("Huân chương Chiến công hạng Nhất", Both, State, "Điều 33 khoản 2 điểm g"),
    form("Huân chương Chiến công hạng Nhì", Both, State, "Điều 33 khoản 2 điểm g"),
    form("Huân chương Chiến công hạng Ba", Both, State, "Điều 33 khoản 2 điểm g"),
    // unverified: recipients (cá nhân only).
    form("Huân chương Đại đoàn kết dân tộc", Individual, State, "Điều 33 khoản 2 điểm h"),
    // unverified: recipients (cá nhân only).
    form("Huân chương Dũng cảm", Individual, State, "Điều 33 khoản 2 điểm i"),
    // Người nước ngoài and tập thể người nước ngoài.
    form("Huân chương Hữu nghị", Both, State, "Điều 33 khoản 2 điểm k"),
    // ── Huy chương (Điều 54 khoản 2; cá nhân, Điều 54 khoản 1) ──
    form("Huy chương Quân kỳ quyết thắng", Individual, State, "Điều 54 khoản 2 điểm a"),
    form("Huy chương Vì an ninh Tổ quốc", Individual, State, "Điều 54 khoản 2 điểm b"),
    form("Huy chương Chiến sĩ vẻ vang hạng Nhất", Individual, State, "Điều 54 khoản 2 điểm c"),
    form("Huy chương Chiến sĩ vẻ vang hạng Nhì", Individual, State, "Điều 54 khoản 2 điểm c"),
    form("Huy chương Chiến sĩ vẻ vang hạng Ba", Individual, State, "Điều 54 khoản 2 điểm c"),
    form("Huy chương Hữu nghị", Individual, State, "Điều 54 khoản 2 điểm d"),
    // ── Danh hiệu vinh dự nhà nước (Điều 59 khoản 2) ──
    form("Tỉnh Anh hùng", Collective, State, "Điều 59 khoản 2 điểm a"),
    form("Thành phố Anh hùng", Collective, State, "Điều 59 khoản 2 điểm a"),
    form("Bà mẹ Việt Nam anh hùng", Individual, State, "Điều 59 khoản 2 điểm b"),
    // unverified: recipients (cá nhân and tập thể).
    form("Anh hùng Lực lượng vũ trang nhân dân", Both, State, "Điều 59 khoản 2 điểm c"),
    // unverified: recipients (cá nhân and tập thể).
    form("Anh hùng Lao động", Both, State, "Điều 59 khoản 2 điểm d"),
    form("Nhà giáo nhân dân", Individual, State, "Điều 59 khoản 2 điểm đ"),
    form("Nhà giáo ưu tú", Individual, State, "Điều 59 khoản 2 điểm đ"),
    form("Thầy thuốc nhân dân", Individual, State, "Điều 59 khoản 2 điểm e"),
    form("Thầy thuốc ưu tú", Individual, State, "Điều 59 khoản 2 điểm e"),
    form("Nghệ sĩ nhân dân", Individual, State, "Điều 59 khoản 2 điểm g"),
    form("Nghệ sĩ ưu tú", Individual, State, "Điều 59 khoản 2 điểm g"),
    form("Nghệ nhân nhân dân", Individual, State, "Điều 59 khoản 2 điểm h"),
    form("Nghệ nhân ưu tú", Individual, State, "Điều 59 khoản 2 điểm h"),
    // ── “Giải thưởng Hồ Chí Minh”, “Giải thưởng Nhà nước” (cá nhân, Điều 68 khoản 1) ──
    form("Giải thưởng Hồ Chí Minh", Individual, State, "Điều 69"),
    form("Giải thưởng Nhà nước", Individual, State, "Điều 70"),
    // ── Kỷ niệm chương (cá nhân; Ủy ban Thường vụ Quốc hội, Bộ, ban, ngành, tỉnh and
    //    organisations name their own) ──
    form("Kỷ niệm chương", Individual, Province, "Điều 71"),
    // ── Bằng khen ──
    form("Bằng khen của Thủ tướng Chính phủ", Both, Government, "Điều 73"),
    // unverified: exact wording of this title and its article number. Điều 73 refers
    // to it as “bằng khen của Bộ, ban, ngành, tỉnh”.
    form("Bằng khen của Bộ, ban, ngành, tỉnh", Both, Province, "Điều 74"),
    // ── Giấy khen (every level that may give it; one entry) ──
    form("Giấy khen", Both, Grassroots, "Điều 75"),
];

impl AwardLevel {
    /// Vietnamese label shown on the site, e.g. "Nhà nước", "Chính phủ", "Cấp bộ, ban, ngành, tỉnh", "Cấp huyện", "Cơ sở".
    pub fn label_vi(self) -> &'static str {
        match self {
            AwardLevel::State => "Nhà nước",
            AwardLevel::Government => "Chính phủ",
            AwardLevel::Province => "Cấp bộ, ban, ngành, tỉnh",
            AwardLevel::District => "Cấp huyện",
            AwardLevel::Grassroots => "Cơ sở",
        }
    }
}

impl AwardKind {
    /// Vietnamese label: "Danh hiệu thi đua" or "Hình thức khen thưởng".
    pub fn label_vi(self) -> &'static str {
        match self {
            AwardKind::Title => "Danh hiệu thi đua",
            AwardKind::Commendation => "Hình thức khen thưởng",
        }
    }
}

impl Recipients {
    /// Vietnamese label: "Cá nhân", "Tập thể", "Cá nhân, tập thể" or "Hộ gia đình".
    pub fn label_vi(self) -> &'static str {
        match self {
            Recipients::Individual => "Cá nhân",
            Recipients::Collective => "Tập thể",
            Recipients::Both => "Cá nhân, tập thể",
            Recipients::Household => "Hộ gia đình",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// True if `s` contains a combining diacritical mark (U+0300–U+036F), i.e. it is
    /// not written with precomposed Vietnamese letters.
    fn has_combining_mark(s: &str) -> bool {
        s.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c))
    }

    fn all_labels() -> Vec<&'static str> {
        let mut labels = Vec::new();
        for level in [
            AwardLevel::State,
            AwardLevel::Government,
            AwardLevel::Province,
            AwardLevel::District,
            AwardLevel::Grassroots,
        ] {
            labels.push(level.label_vi());
        }
        for kind in [AwardKind::Title, AwardKind::Commendation] {
            labels.push(kind.label_vi());
        }
        for who in [
            Recipients::Individual,
            Recipients::Collective,
            Recipients::Both,
            Recipients::Household,
        ] {
            labels.push(who.label_vi());
        }
        labels
    }

    #[test]
    fn titles_are_unique() {
        let mut seen = HashSet::new();
        for award in LAW_2022_AWARDS {
            assert!(
                seen.insert(award.title),
                "duplicate title: {:?}",
                award.title
            );
        }
    }

    #[test]
    fn strings_are_nfc() {
        for award in LAW_2022_AWARDS {
            assert!(
                !has_combining_mark(award.title),
                "not NFC: {:?}",
                award.title
            );
            assert!(
                !has_combining_mark(award.source),
                "not NFC: {:?}",
                award.source
            );
        }
        for label in all_labels() {
            assert!(!has_combining_mark(label), "not NFC: {label:?}");
        }
    }

    #[test]
    fn no_surrounding_whitespace() {
        for award in LAW_2022_AWARDS {
            for s in [award.title, award.source] {
                assert!(!s.is_empty(), "empty string in {:?}", award.title);
                assert_eq!(s, s.trim(), "surrounding whitespace: {s:?}");
                assert!(!s.contains("  "), "double space: {s:?}");
            }
        }
        for label in all_labels() {
            assert_eq!(label, label.trim(), "surrounding whitespace: {label:?}");
        }
    }

    #[test]
    fn titles_start_with_a_capital_letter() {
        for award in LAW_2022_AWARDS {
            let first = award.title.chars().next().expect("empty title");
            assert!(first.is_uppercase(), "lower-case title: {:?}", award.title);
        }
    }

    #[test]
    fn sources_name_an_article() {
        for award in LAW_2022_AWARDS {
            assert!(
                award.source.starts_with("Điều "),
                "bad source: {:?}",
                award.source
            );
        }
    }

    #[test]
    fn titles_come_before_commendations() {
        let first_form = LAW_2022_AWARDS
            .iter()
            .position(|a| a.kind == AwardKind::Commendation)
            .expect("no commendation forms");
        assert!(first_form > 0, "no emulation titles");
        assert!(
            LAW_2022_AWARDS[first_form..]
                .iter()
                .all(|a| a.kind == AwardKind::Commendation),
            "an emulation title follows a commendation form"
        );
    }

    #[test]
    fn households_only_for_gia_dinh_van_hoa() {
        let households: Vec<_> = LAW_2022_AWARDS
            .iter()
            .filter(|a| a.recipients == Recipients::Household)
            .map(|a| a.title)
            .collect();
        assert_eq!(households, ["Gia đình văn hóa"]);
    }
}
