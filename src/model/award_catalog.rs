//! The forms and titles of Luật Thi đua, khen thưởng số 06/2022/QH15 (Quốc
//! hội khóa XV thông qua ngày 15/6/2022, có hiệu lực từ ngày 01/01/2024;
//! Công báo số 571 + 572 ngày 15/7/2022), as the award grammar
//! (`award_wording.rs`) reads them.
//!
//! An award is a form of commendation (hình thức khen thưởng, Điều 9) or an
//! emulation title (danh hiệu thi đua, Điều 19–20) and, where the Law lets
//! several authorities give it (Điều 77–80), who gave it (`issuer.rs`): a
//! Bằng khen of the Minister of Home Affairs and one of a provincial chairman
//! are two awards. Orders and medals carry their name and class (Điều 33,
//! 54), Kỷ niệm chương its name (Điều 71).
//!
//! Articles used:
//!
//! - Điều 9 — the seven hình thức khen thưởng, in the order used here.
//! - Điều 19 — danh hiệu thi đua đối với cá nhân (khoản 1–4).
//! - Điều 20 — danh hiệu thi đua đối với tập thể (khoản 1, điểm a–e) and
//!   đối với hộ gia đình (khoản 2).
//! - Điều 33 khoản 2 — the huân chương (điểm a–k).
//! - Điều 54 khoản 2 — the huy chương (điểm a–d).
//! - Điều 59 khoản 2 — the danh hiệu vinh dự nhà nước (điểm a–h).
//! - Điều 68–70 — “Giải thưởng Hồ Chí Minh”, “Giải thưởng Nhà nước”.
//! - Điều 71 — kỷ niệm chương.
//! - Điều 73, 74 — bằng khen of the Prime Minister and of a bộ, ban, ngành, tỉnh.
//! - Điều 75 — giấy khen.
//! - Điều 77–80 — who decides: the President, the Prime Minister, ministers,
//!   heads of central bodies and provincial chairmen, district and commune
//!   chairmen and heads of agencies (Điều 80, whose text was read in full).
//!
//! Guiding decrees: Nghị định 98/2023/NĐ-CP until 30 June 2025, replaced by
//! Nghị định 152/2025/NĐ-CP of 14 June 2025 from 1 July 2025. The public
//! comment on proposals for state awards lasts 10 working days: khoản 1 Điều
//! 46 of 98/2023, khoản 3 Điều 60 of 152/2025, as the Ministry of Home
//! Affairs' own notices of 2025 cite them (an issue of ours said khoản 2 Điều
//! 44; the ministry's citation is the one followed). Nghị định 129/2025/NĐ-CP
//! moved the district chairman's powers to the communes (see `issuer.rs`).
//!
//! `// unverified` marks a detail that the Law's text found did not confirm;
//! it comes from knowledge of the Law, not from the text.

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
    /// Cấp huyện (until 30 June 2025).
    District,
    /// Cơ sở: cấp xã, and the heads of agencies, units and enterprises.
    Grassroots,
    /// Outside the Law: trade unions, associations, foreign states, resistance
    /// medals, local honorary titles.
    Other,
}

/// Who may give a form, which decides the issuers it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Givers {
    /// Chủ tịch nước (orders, medals, honorary titles, prizes): implied.
    President,
    /// Thủ tướng Chính phủ alone: implied.
    PrimeMinister,
    /// Ministers, heads of central bodies and provincial chairmen — and for
    /// a bằng khen also the Prime Minister.
    Province { or_prime_minister: bool },
    /// District and commune chairmen, directors of departments, heads of
    /// agencies, units and enterprises (Điều 80).
    Grassroots,
}

/// One form or title of the Law.
#[derive(Debug)]
pub struct FormDef {
    /// Stable key, for the open data's `form` column: `bang-khen`.
    pub key: &'static str,
    /// As the Law writes it, first letter capital: "Bằng khen".
    pub title: &'static str,
    pub kind: AwardKind,
    pub recipients: Recipients,
    pub givers: Givers,
    /// A giver must be named: "Bằng khen" alone says nothing of who gave it.
    pub needs_issuer: bool,
    /// Takes a name after it (a Kỷ niệm chương's).
    pub named: bool,
    /// The article and clause of the Law that defines it.
    pub source: &'static str,
    /// How documents write it besides its title (each read as words; the
    /// unambiguous abbreviations of award lists among them).
    pub spellings: &'static [&'static str],
    /// Its level when no issuer is named, where the givers' do not say.
    pub level: Option<AwardLevel>,
}

/// An order, medal or honorary title of the President, with its classes.
#[derive(Debug, PartialEq, Eq)]
pub struct Named {
    /// The name after "Huân chương" or "Huy chương", or the whole title of an
    /// honorary title: "Lao động", "Nhà giáo nhân dân".
    pub name: &'static str,
    pub classes: bool,
    pub recipients: Recipients,
    pub source: &'static str,
    pub spellings: &'static [&'static str],
}

use AwardKind::{Commendation, Title};
use Recipients::{Both, Collective, Household, Individual};

const fn title(
    key: &'static str,
    title: &'static str,
    recipients: Recipients,
    givers: Givers,
    source: &'static str,
    spellings: &'static [&'static str],
) -> FormDef {
    FormDef {
        key,
        title,
        kind: Title,
        recipients,
        givers,
        needs_issuer: false,
        named: false,
        source,
        spellings,
        level: None,
    }
}

const PROVINCE: Givers = Givers::Province {
    or_prime_minister: false,
};

/// Forms and titles, by key: the grammar refers to these.
pub mod key {
    pub const CSTD_TOAN_QUOC: &str = "chien-si-thi-dua-toan-quoc";
    pub const CSTD_BO_TINH: &str = "chien-si-thi-dua-bo-ban-nganh-tinh";
    pub const CSTD_CO_SO: &str = "chien-si-thi-dua-co-so";
    pub const CO_THI_DUA_CHINH_PHU: &str = "co-thi-dua-cua-chinh-phu";
    pub const CO_THI_DUA: &str = "co-thi-dua";
    pub const HUAN_CHUONG: &str = "huan-chuong";
    pub const HUY_CHUONG: &str = "huy-chuong";
    pub const VINH_DU: &str = "danh-hieu-vinh-du-nha-nuoc";
    pub const GIAI_THUONG_HCM: &str = "giai-thuong-ho-chi-minh";
    pub const GIAI_THUONG_NN: &str = "giai-thuong-nha-nuoc";
    pub const KY_NIEM_CHUONG: &str = "ky-niem-chuong";
    pub const BANG_KHEN: &str = "bang-khen";
    pub const GIAY_KHEN: &str = "giay-khen";
}

/// Every form and title, in the Law's order: titles first (individuals,
/// collectives, households), then the forms of Điều 9, highest first.
#[rustfmt::skip]
pub static FORMS: &[FormDef] = &[
    // ── Danh hiệu thi đua đối với cá nhân (Điều 19) ──
    title(key::CSTD_TOAN_QUOC, "Chiến sĩ thi đua toàn quốc", Individual, Givers::PrimeMinister, "Điều 19 khoản 1", &[]),
    title(key::CSTD_BO_TINH, "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", Individual, PROVINCE, "Điều 19 khoản 2", &[
        "chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh",
        "chiến sĩ thi đua cấp bộ, ngành, tỉnh",
        "chiến sĩ thi đua cấp bộ, ngành, đoàn thể trung ương, tỉnh, thành phố trực thuộc trung ương",
        "chiến sĩ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung ương",
        "chiến sĩ thi đua bộ, ngành, tỉnh",
    ]),
    title(key::CSTD_CO_SO, "Chiến sĩ thi đua cơ sở", Individual, Givers::Grassroots, "Điều 19 khoản 3", &[
        "chiến sĩ thi đua cấp cơ sở", "cstđcs", "cstđ cơ sở", "cstđ cấp cơ sở",
    ]),
    title("lao-dong-tien-tien", "Lao động tiên tiến", Individual, Givers::Grassroots, "Điều 19 khoản 4", &["lđtt"]),
    title("chien-si-tien-tien", "Chiến sĩ tiên tiến", Individual, Givers::Grassroots, "Điều 19 khoản 4", &[]),
    // ── Danh hiệu thi đua đối với tập thể (Điều 20 khoản 1) ──
    title(key::CO_THI_DUA_CHINH_PHU, "Cờ thi đua của Chính phủ", Collective, Givers::PrimeMinister, "Điều 20 khoản 1 điểm a", &[
        "cờ thi đua chính phủ", "cờ thi đua của thủ tướng chính phủ", "cờ thi đua thủ tướng chính phủ",
    ]),
    FormDef {
        key: key::CO_THI_DUA,
        title: "Cờ thi đua",
        kind: Title,
        recipients: Collective,
        givers: PROVINCE,
        needs_issuer: true,
        named: false,
        source: "Điều 20 khoản 1 điểm b",
        spellings: &["cờ thi đua xuất sắc"],
        level: None,
    },
    title("tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", Collective, PROVINCE, "Điều 20 khoản 1 điểm c", &[
        "ttlđxs", "tt lao động xuất sắc", "tt lao động xs", "tập thể lđxs",
    ]),
    title("don-vi-quyet-thang", "Đơn vị quyết thắng", Collective, PROVINCE, "Điều 20 khoản 1 điểm c", &[]),
    title("tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", Collective, Givers::Grassroots, "Điều 20 khoản 1 điểm d", &[
        "ttlđtt", "tập thể lđtt",
    ]),
    title("don-vi-tien-tien", "Đơn vị tiên tiến", Collective, Givers::Grassroots, "Điều 20 khoản 1 điểm d", &[]),
    // unverified: the giver. Điều 80 does not list it for cấp huyện or cấp xã,
    // so it is taken to be given at the level of a province.
    title("xa-phuong-thi-tran-tieu-bieu", "Xã, phường, thị trấn tiêu biểu", Collective, PROVINCE, "Điều 20 khoản 1 điểm đ", &[
        "xã, phường, đặc khu tiêu biểu",
    ]),
    // Given by the district chairman (Điều 80 khoản 2); by the commune's
    // since 1 July 2025, when districts ended.
    FormDef { key: "thon-to-dan-pho-van-hoa", title: "Thôn, tổ dân phố văn hóa", kind: Title, recipients: Collective, givers: Givers::Grassroots, needs_issuer: false, named: false, source: "Điều 20 khoản 1 điểm e", spellings: &["thôn văn hóa", "tổ dân phố văn hóa"], level: Some(AwardLevel::District) },
    // ── Danh hiệu thi đua đối với hộ gia đình (Điều 20 khoản 2) ──
    title("gia-dinh-van-hoa", "Gia đình văn hóa", Household, Givers::Grassroots, "Điều 20 khoản 2", &[]),
    // ── Hình thức khen thưởng (Điều 9) ──
    FormDef { key: key::HUAN_CHUONG, title: "Huân chương", kind: Commendation, recipients: Both, givers: Givers::President, needs_issuer: false, named: false, source: "Điều 33", spellings: &[], level: None },
    FormDef { key: key::HUY_CHUONG, title: "Huy chương", kind: Commendation, recipients: Individual, givers: Givers::President, needs_issuer: false, named: false, source: "Điều 54", spellings: &[], level: None },
    FormDef { key: key::VINH_DU, title: "Danh hiệu vinh dự nhà nước", kind: Commendation, recipients: Both, givers: Givers::President, needs_issuer: false, named: false, source: "Điều 59", spellings: &[], level: None },
    FormDef { key: key::GIAI_THUONG_HCM, title: "Giải thưởng Hồ Chí Minh", kind: Commendation, recipients: Individual, givers: Givers::President, needs_issuer: false, named: false, source: "Điều 69", spellings: &[], level: None },
    FormDef { key: key::GIAI_THUONG_NN, title: "Giải thưởng Nhà nước", kind: Commendation, recipients: Individual, givers: Givers::President, needs_issuer: false, named: false, source: "Điều 70", spellings: &[], level: None },
    // Given by ministries, central bodies and provinces, each under its name.
    FormDef { key: key::KY_NIEM_CHUONG, title: "Kỷ niệm chương", kind: Commendation, recipients: Individual, givers: PROVINCE, needs_issuer: false, named: true, source: "Điều 71", spellings: &[], level: None },
    FormDef { key: key::BANG_KHEN, title: "Bằng khen", kind: Commendation, recipients: Both, givers: Givers::Province { or_prime_minister: true }, needs_issuer: true, named: false, source: "Điều 73, 74", spellings: &[], level: None },
    FormDef { key: key::GIAY_KHEN, title: "Giấy khen", kind: Commendation, recipients: Both, givers: Givers::Grassroots, needs_issuer: true, named: false, source: "Điều 75", spellings: &[], level: None },
];

/// The huân chương (Điều 33 khoản 2), for tập thể and cá nhân (khoản 1)
/// unless an entry says otherwise.
#[rustfmt::skip]
pub static ORDERS: &[Named] = &[
    Named { name: "Sao vàng", classes: false, recipients: Both, source: "Điều 33 khoản 2 điểm a", spellings: &[] },
    Named { name: "Hồ Chí Minh", classes: false, recipients: Both, source: "Điều 33 khoản 2 điểm b", spellings: &[] },
    Named { name: "Độc lập", classes: true, recipients: Both, source: "Điều 33 khoản 2 điểm c", spellings: &[] },
    Named { name: "Quân công", classes: true, recipients: Both, source: "Điều 33 khoản 2 điểm d", spellings: &[] },
    Named { name: "Lao động", classes: true, recipients: Both, source: "Điều 33 khoản 2 điểm đ", spellings: &[] },
    Named { name: "Bảo vệ Tổ quốc", classes: true, recipients: Both, source: "Điều 33 khoản 2 điểm e", spellings: &[] },
    Named { name: "Chiến công", classes: true, recipients: Both, source: "Điều 33 khoản 2 điểm g", spellings: &[] },
    // unverified: recipients (cá nhân only).
    Named { name: "Đại đoàn kết dân tộc", classes: false, recipients: Individual, source: "Điều 33 khoản 2 điểm h", spellings: &[] },
    // unverified: recipients (cá nhân only).
    Named { name: "Dũng cảm", classes: false, recipients: Individual, source: "Điều 33 khoản 2 điểm i", spellings: &[] },
    // Người nước ngoài and tập thể người nước ngoài.
    Named { name: "Hữu nghị", classes: false, recipients: Both, source: "Điều 33 khoản 2 điểm k", spellings: &[] },
];

/// The huy chương (Điều 54 khoản 2), for cá nhân (khoản 1).
#[rustfmt::skip]
pub static MEDALS: &[Named] = &[
    Named { name: "Quân kỳ quyết thắng", classes: false, recipients: Individual, source: "Điều 54 khoản 2 điểm a", spellings: &[] },
    Named { name: "Vì an ninh Tổ quốc", classes: false, recipients: Individual, source: "Điều 54 khoản 2 điểm b", spellings: &[] },
    Named { name: "Chiến sĩ vẻ vang", classes: true, recipients: Individual, source: "Điều 54 khoản 2 điểm c", spellings: &[] },
    Named { name: "Hữu nghị", classes: false, recipients: Individual, source: "Điều 54 khoản 2 điểm d", spellings: &[] },
];

/// The danh hiệu vinh dự nhà nước (Điều 59 khoản 2), with the abbreviations
/// lists use for them.
#[rustfmt::skip]
pub static HONOURS: &[Named] = &[
    Named { name: "Tỉnh Anh hùng", classes: false, recipients: Collective, source: "Điều 59 khoản 2 điểm a", spellings: &["cờ tỉnh anh hùng"] },
    Named { name: "Thành phố Anh hùng", classes: false, recipients: Collective, source: "Điều 59 khoản 2 điểm a", spellings: &["cờ thành phố anh hùng", "thủ đô anh hùng"] },
    Named { name: "Bà mẹ Việt Nam anh hùng", classes: false, recipients: Individual, source: "Điều 59 khoản 2 điểm b", spellings: &["bà mẹ vnah", "mẹ việt nam anh hùng"] },
    // unverified: recipients (cá nhân and tập thể).
    Named { name: "Anh hùng Lực lượng vũ trang nhân dân", classes: false, recipients: Both, source: "Điều 59 khoản 2 điểm c", spellings: &["anh hùng lực lượng vũ trang", "anh hùng llvtnd"] },
    // unverified: recipients (cá nhân and tập thể).
    Named { name: "Anh hùng Lao động", classes: false, recipients: Both, source: "Điều 59 khoản 2 điểm d", spellings: &["anh hùng lao động thời kỳ đổi mới"] },
    Named { name: "Nhà giáo nhân dân", classes: false, recipients: Individual, source: "Điều 59 khoản 2 điểm đ", spellings: &["ngnd"] },
    Named { name: "Nhà giáo ưu tú", classes: false, recipients: Individual, source: "Điều 59 khoản 2 điểm đ", spellings: &["ngưt"] },
    Named { name: "Thầy thuốc nhân dân", classes: false, recipients: Individual, source: "Điều 59 khoản 2 điểm e", spellings: &["ttnd"] },
    Named { name: "Thầy thuốc ưu tú", classes: false, recipients: Individual, source: "Điều 59 khoản 2 điểm e", spellings: &["ttưt"] },
    Named { name: "Nghệ sĩ nhân dân", classes: false, recipients: Individual, source: "Điều 59 khoản 2 điểm g", spellings: &["nsnd"] },
    Named { name: "Nghệ sĩ ưu tú", classes: false, recipients: Individual, source: "Điều 59 khoản 2 điểm g", spellings: &["nsưt"] },
    Named { name: "Nghệ nhân nhân dân", classes: false, recipients: Individual, source: "Điều 59 khoản 2 điểm h", spellings: &["nnnd"] },
    Named { name: "Nghệ nhân ưu tú", classes: false, recipients: Individual, source: "Điều 59 khoản 2 điểm h", spellings: &["nnưt"] },
];

/// The class of an order or a medal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    First,
    Second,
    Third,
}

impl Class {
    /// "hạng Nhất", "hạng Nhì", "hạng Ba", as the Law writes them.
    pub fn label(self) -> &'static str {
        match self {
            Class::First => "hạng Nhất",
            Class::Second => "hạng Nhì",
            Class::Third => "hạng Ba",
        }
    }

    /// The words after "hạng" that name each class.
    pub const SPELLINGS: &'static [(&'static str, Class)] = &[
        ("nhất", Class::First),
        ("nhì", Class::Second),
        ("ba", Class::Third),
        ("1", Class::First),
        ("2", Class::Second),
        ("3", Class::Third),
        ("i", Class::First),
        ("ii", Class::Second),
        ("iii", Class::Third),
    ];
}

pub fn form(key: &str) -> &'static FormDef {
    FORMS
        .iter()
        .find(|f| f.key == key)
        .expect("the grammar names forms of the table")
}

impl AwardLevel {
    /// The word used in site.yaml and the open data.
    pub fn key(self) -> &'static str {
        match self {
            AwardLevel::State => "state",
            AwardLevel::Government => "government",
            AwardLevel::Province => "province",
            AwardLevel::District => "district",
            AwardLevel::Grassroots => "grassroots",
            AwardLevel::Other => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn has_combining_mark(s: &str) -> bool {
        s.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c))
    }

    fn all_strings() -> Vec<&'static str> {
        let mut all = Vec::new();
        for f in FORMS {
            all.extend([f.key, f.title, f.source]);
            all.extend(f.spellings);
        }
        for n in ORDERS.iter().chain(MEDALS).chain(HONOURS) {
            all.extend([n.name, n.source]);
            all.extend(n.spellings);
        }
        all
    }

    #[test]
    fn keys_and_titles_are_unique() {
        let mut keys = HashSet::new();
        let mut titles = HashSet::new();
        for f in FORMS {
            assert!(keys.insert(f.key), "duplicate key {}", f.key);
            assert!(titles.insert(f.title), "duplicate title {}", f.title);
        }
        for table in [ORDERS, MEDALS, HONOURS] {
            let mut names = HashSet::new();
            for n in table {
                assert!(names.insert(n.name), "duplicate {}", n.name);
            }
        }
    }

    #[test]
    fn strings_are_nfc_trimmed_and_titles_capitalised() {
        for s in all_strings() {
            assert!(!has_combining_mark(s), "not NFC: {s:?}");
            assert_eq!(s, s.trim(), "surrounding whitespace: {s:?}");
            assert!(!s.contains("  "), "double space: {s:?}");
        }
        for f in FORMS {
            assert!(
                f.title.chars().next().unwrap().is_uppercase(),
                "{}",
                f.title
            );
            assert!(f.source.starts_with("Điều "), "{}", f.source);
        }
    }

    #[test]
    fn titles_come_before_commendations() {
        let first_form = FORMS
            .iter()
            .position(|f| f.kind == Commendation)
            .expect("forms of commendation");
        assert!(FORMS[first_form..].iter().all(|f| f.kind == Commendation));
    }

    #[test]
    fn households_only_for_gia_dinh_van_hoa() {
        let households: Vec<_> = FORMS
            .iter()
            .filter(|f| f.recipients == Household)
            .map(|f| f.title)
            .collect();
        assert_eq!(households, ["Gia đình văn hóa"]);
    }
}
