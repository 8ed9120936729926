//! Who gives an award: the authority a certificate names ("Chủ tịch Ủy ban
//! nhân dân tỉnh Hà Tĩnh", "Bộ trưởng Bộ Giáo dục và Đào tạo", "Giám đốc
//! Sở Tư pháp"), read from what editors write after "của" (or "cấp").
//!
//! Luật Thi đua, khen thưởng 06/2022/QH15 gives each form to a level of
//! authority (Điều 77–80): the President, the Prime Minister, the ministers,
//! heads of central bodies and provincial chairmen (the level "bộ, ban,
//! ngành, tỉnh"), the district chairmen, and at the grassroots the commune
//! chairmen, the directors of provincial departments (sở) and the heads of
//! agencies, units and enterprises (Điều 80). The level of an award is
//! derived from its issuer, never typed.
//!
//! Nghị định 129/2025/NĐ-CP moved the district chairman's powers to the
//! communes when the two-level local government took effect on 1 July 2025:
//! an award of a district chairman decided after 30 June 2025 is refused
//! (see [`DISTRICTS_ENDED`]).
//!
//! Names are spelled as the state spells them: the ministries and sectors of
//! [`SECTORS`] (those of 2025 and the ones merged into them, since decisions
//! made before the mergers keep their names), the central bodies of
//! [`CENTRAL_BODIES`], and places with a capital on every word.

use chrono::NaiveDate;

use super::award_catalog::AwardLevel;
use super::words::{self, Compare, Cursor, Word};

/// The day after which there are no district-level authorities: the
/// two-level local government took effect on 1 July 2025 (Nghị định
/// 129/2025/NĐ-CP moved the district chairman's powers to the communes).
pub const DISTRICTS_ENDED: NaiveDate = match NaiveDate::from_ymd_opt(2025, 6, 30) {
    Some(day) => day,
    None => panic!("a valid date"),
};

/// What a site knows that an issuer may leave out: "Chủ tịch UBND tỉnh" is
/// the chairman of the site's own province; "Giám đốc Sở" the director of
/// the site's own department.
#[derive(Debug, Clone, Default)]
pub struct Setting {
    /// The site's province or centrally-run city, as its name is written:
    /// "Hà Tĩnh", "Hà Nội". `None` when the site is not of one province.
    pub province: Option<String>,
    /// Whether `province` is a centrally-run city ("thành phố Hà Nội").
    pub province_is_city: bool,
    /// The site's own department when it is a sở: "Sở Nội vụ".
    pub department: Option<String>,
    /// The site's own ministry when it is a bộ: "Bộ Nội vụ".
    pub ministry: Option<String>,
}

impl Setting {
    /// Reads the province and the department from the organization's name and
    /// parent ("Sở Nội vụ tỉnh Hà Tĩnh", "UBND tỉnh Hà Tĩnh").
    pub fn from_organization(name: &str, parent: Option<&str>, province: Option<&str>) -> Setting {
        let mut setting = Setting::default();
        let found = province
            .map(|p| place_of(&format!("tỉnh {p}")).unwrap_or((p.to_owned(), false)))
            .or_else(|| place_of(name))
            .or_else(|| parent.and_then(place_of));
        if let Some((place, is_city)) = found {
            setting.province = Some(place);
            setting.province_is_city = is_city;
        }
        let name_words = words::words(name);
        let mut cursor = Cursor::new(&name_words, Compare::Marks);
        if cursor.eat_text("sở") {
            let rest = cursor.rest();
            let end = rest
                .iter()
                .position(|w| w.is("tỉnh") || w.is("thành"))
                .unwrap_or(rest.len());
            setting.department = Some(format!("Sở {}", sector_name(&rest[..end])));
        } else if cursor.eat_text("bộ") {
            setting.ministry = Some(format!("Bộ {}", sector_name(cursor.rest())));
        }
        setting
    }
}

/// "… tỉnh Hà Tĩnh" → ("Hà Tĩnh", false); "… thành phố Hà Nội" → ("Hà Nội", true).
fn place_of(text: &str) -> Option<(String, bool)> {
    let all = words::words(text);
    for start in 0..all.len() {
        let mut cursor = Cursor::new(&all[start..], Compare::Marks);
        if cursor.eat_text("tỉnh") {
            let name = place_name(cursor.rest());
            if !name.is_empty() {
                return Some((name, false));
            }
        }
        let mut cursor = Cursor::new(&all[start..], Compare::Marks);
        if cursor.eat_text("thành phố") {
            let name = place_name(cursor.rest());
            if CENTRAL_CITIES.iter().any(|c| same(c, &name)) {
                return Some((name, true));
            }
        }
    }
    None
}

/// The words of a place's name up to a comma or parenthesis, each with a
/// capital: "hà tĩnh" → "Hà Tĩnh".
fn place_name(rest: &[Word]) -> String {
    let end = rest
        .iter()
        .position(|w| w.is_punctuation() && w.written != "-")
        .unwrap_or(rest.len());
    let cased: Vec<Word> = rest[..end]
        .iter()
        .map(|w| {
            let lower = w.written.to_lowercase();
            words::words(&words::capitalized(&lower)).remove(0)
        })
        .collect();
    words::join(&cased)
}

/// "tỉnh quảng trị" → "tỉnh Quảng Trị"; "thành phố hà nội" → "thành phố Hà Nội".
fn place_phrase(words_: &[Word]) -> Option<String> {
    let mut c = Cursor::new(words_, Compare::Marks);
    let unit = if c.eat_text("tỉnh") {
        "tỉnh"
    } else if c.eat_text("thành phố") {
        "thành phố"
    } else {
        return None;
    };
    let name = place_name(c.rest());
    (!name.is_empty()).then(|| format!("{unit} {name}"))
}

fn same(a: &str, b: &str) -> bool {
    crate::text::collate::spelling_key(a) == crate::text::collate::spelling_key(b)
}

/// The five centrally-run cities and Huế (from 2025): "thành phố X" of these
/// is a province-level authority; any other city is a city of a province
/// (district level until 30 June 2025).
const CENTRAL_CITIES: &[&str] = &[
    "Hà Nội",
    "Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
];

/// Sectors as ministries and departments are named after them, in the
/// state's spelling: those of 2025, then the older ones merged into them.
pub const SECTORS: &[&str] = &[
    "Quốc phòng",
    "Công an",
    "Ngoại giao",
    "Nội vụ",
    "Tư pháp",
    "Tài chính",
    "Công Thương",
    "Nông nghiệp và Môi trường",
    "Xây dựng",
    "Văn hóa, Thể thao và Du lịch",
    "Khoa học và Công nghệ",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Dân tộc và Tôn giáo",
    "Ngoại vụ",
    "Văn hóa và Thể thao",
    "Du lịch",
    "Quy hoạch - Kiến trúc",
    // Merged in 2025; decisions made before keep these names.
    "Kế hoạch và Đầu tư",
    "Lao động - Thương binh và Xã hội",
    "Giao thông vận tải",
    "Tài nguyên và Môi trường",
    "Nông nghiệp và Phát triển nông thôn",
    "Thông tin và Truyền thông",
];

/// Central bodies that are not ministries but give awards at the level of
/// one ("bộ, ban, ngành"): their head's title and their name.
pub const CENTRAL_BODIES: &[(&str, &str)] = &[
    ("Tổng Thanh tra Chính phủ", "Thanh tra Chính phủ"),
    (
        "Thống đốc Ngân hàng Nhà nước Việt Nam",
        "Ngân hàng Nhà nước Việt Nam",
    ),
    ("Thống đốc Ngân hàng Nhà nước", "Ngân hàng Nhà nước"),
    (
        "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
        "Văn phòng Chính phủ",
    ),
    ("Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc", "Ủy ban Dân tộc"),
    (
        "Chánh án Tòa án nhân dân tối cao",
        "Tòa án nhân dân tối cao",
    ),
    (
        "Viện trưởng Viện kiểm sát nhân dân tối cao",
        "Viện kiểm sát nhân dân tối cao",
    ),
    ("Tổng Kiểm toán nhà nước", "Kiểm toán nhà nước"),
    (
        "Giám đốc Đại học Quốc gia Hà Nội",
        "Đại học Quốc gia Hà Nội",
    ),
    (
        "Giám đốc Đại học Quốc gia Thành phố Hồ Chí Minh",
        "Đại học Quốc gia Thành phố Hồ Chí Minh",
    ),
    ("Giám đốc Đại học Quốc gia", "Đại học Quốc gia"),
    (
        "Tổng Giám đốc Đài Truyền hình Việt Nam",
        "Đài Truyền hình Việt Nam",
    ),
    (
        "Tổng Giám đốc Đài Tiếng nói Việt Nam",
        "Đài Tiếng nói Việt Nam",
    ),
    (
        "Tổng Giám đốc Thông tấn xã Việt Nam",
        "Thông tấn xã Việt Nam",
    ),
    (
        "Tổng Giám đốc Bảo hiểm xã hội Việt Nam",
        "Bảo hiểm xã hội Việt Nam",
    ),
    (
        "Chủ tịch Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
        "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
    ),
    (
        "Chủ tịch Viện Hàn lâm Khoa học xã hội Việt Nam",
        "Viện Hàn lâm Khoa học xã hội Việt Nam",
    ),
    (
        "Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    ),
    (
        "Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        "Mặt trận Tổ quốc Việt Nam",
    ),
    (
        "Chủ tịch Ủy ban Thường vụ Quốc hội",
        "Ủy ban Thường vụ Quốc hội",
    ),
    ("Chủ tịch Quốc hội", "Quốc hội"),
    (
        "Tổng Thư ký Quốc hội, Chủ nhiệm Văn phòng Quốc hội",
        "Văn phòng Quốc hội",
    ),
    (
        "Chủ nhiệm Văn phòng Chủ tịch nước",
        "Văn phòng Chủ tịch nước",
    ),
];

/// Organisations whose awards the Law does not govern (trade unions, the
/// Youth Union, associations, Party committees): their awards are
/// published as written, at the level "khác".
const ORGANISATIONS: &[&str] = &[
    "tổng liên đoàn lao động",
    "tổng liên đoàn",
    "liên đoàn lao động",
    "công đoàn",
    "đoàn chủ tịch",
    "trung ương đoàn",
    "ban chấp hành trung ương đoàn",
    "ban thường vụ trung ương đoàn",
    "ban bí thư trung ương đoàn",
    "tỉnh đoàn",
    "thành đoàn",
    "huyện đoàn",
    "đoàn thanh niên",
    "hội",
    "tỉnh ủy",
    "thành ủy",
    "huyện ủy",
    "đảng ủy",
    "ban thường vụ tỉnh ủy",
    "ban chấp hành đảng bộ",
    "ban thường vụ",
];

/// The office of an issuer, which decides the level of what it gives.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Office {
    /// Chủ tịch nước: orders, medals, honorary titles, prizes.
    President,
    /// Thủ tướng Chính phủ.
    PrimeMinister,
    /// Bộ trưởng of a ministry (`body`: "Bộ Giáo dục và Đào tạo").
    Minister,
    /// The head of a central body other than a ministry (`title`: "Chánh
    /// án Tòa án nhân dân tối cao").
    CentralHead { title: String },
    /// Chủ tịch Ủy ban nhân dân of a province or centrally-run city (`body`:
    /// "tỉnh Hà Tĩnh", "thành phố Hà Nội"); `body` is `None` for "cấp tỉnh".
    ProvincialChair,
    /// Chủ tịch Ủy ban nhân dân of a district, town or provincial city.
    DistrictChair,
    /// Chủ tịch Ủy ban nhân dân of a commune, ward, township or special zone.
    CommuneChair,
    /// Giám đốc of a provincial department (`body`: "Sở Tư pháp tỉnh Quảng Trị").
    DepartmentDirector,
    /// The head of an agency, unit or enterprise (`title`: "Hiệu trưởng",
    /// "Thủ trưởng"; `body`: what they head).
    AgencyHead { title: String },
    /// An organisation outside the Law (trade union, association, Party
    /// committee): `body` is its name as written.
    Organisation,
}

/// Who gives an award.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Issuer {
    pub office: Office,
    /// The body: "Bộ Nội vụ", "tỉnh Hà Tĩnh", "xã Triệu Sơn", "Sở Tư pháp".
    pub body: Option<String>,
}

impl Issuer {
    pub fn president() -> Issuer {
        Issuer {
            office: Office::President,
            body: None,
        }
    }

    pub fn prime_minister() -> Issuer {
        Issuer {
            office: Office::PrimeMinister,
            body: None,
        }
    }

    /// The level of the awards this issuer gives.
    pub fn level(&self) -> AwardLevel {
        match self.office {
            Office::President => AwardLevel::State,
            Office::PrimeMinister => AwardLevel::Government,
            Office::Minister | Office::CentralHead { .. } | Office::ProvincialChair => {
                AwardLevel::Province
            }
            Office::DistrictChair => AwardLevel::District,
            Office::CommuneChair | Office::DepartmentDirector | Office::AgencyHead { .. } => {
                AwardLevel::Grassroots
            }
            Office::Organisation => AwardLevel::Other,
        }
    }

    /// The issuer as a certificate names the person who signs:
    /// "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh".
    pub fn holder(&self) -> String {
        let body = self.body.as_deref();
        match (&self.office, body) {
            (Office::President, _) => "Chủ tịch nước".into(),
            (Office::PrimeMinister, _) => "Thủ tướng Chính phủ".into(),
            (Office::Minister, Some(b)) => format!("Bộ trưởng {b}"),
            (Office::Minister, None) => "Bộ trưởng".into(),
            (Office::CentralHead { title }, _) => title.clone(),
            (Office::ProvincialChair, Some(b)) => format!("Chủ tịch Ủy ban nhân dân {b}"),
            (Office::ProvincialChair, None) => "Chủ tịch Ủy ban nhân dân cấp tỉnh".into(),
            (Office::DistrictChair, Some(b)) => format!("Chủ tịch Ủy ban nhân dân {b}"),
            (Office::DistrictChair, None) => "Chủ tịch Ủy ban nhân dân cấp huyện".into(),
            (Office::CommuneChair, Some(b)) => format!("Chủ tịch Ủy ban nhân dân {b}"),
            (Office::CommuneChair, None) => "Chủ tịch Ủy ban nhân dân cấp xã".into(),
            (Office::DepartmentDirector, Some(b)) => format!("Giám đốc {b}"),
            (Office::DepartmentDirector, None) => "Giám đốc Sở".into(),
            (Office::AgencyHead { title }, Some(b)) => format!("{title} {b}"),
            (Office::AgencyHead { title }, None) => title.clone(),
            (Office::Organisation, Some(b)) => b.to_owned(),
            (Office::Organisation, None) => String::new(),
        }
    }

    /// The issuer as a flag names the body it belongs to: "Ủy ban nhân dân
    /// tỉnh Hà Tĩnh", "Bộ Công an" ("Cờ thi đua của …").
    pub fn body_name(&self) -> String {
        let body = self.body.as_deref();
        match (&self.office, body) {
            (Office::PrimeMinister, _) => "Chính phủ".into(),
            (Office::Minister, Some(b)) => b.to_owned(),
            (Office::CentralHead { .. }, Some(b)) => b.to_owned(),
            (Office::ProvincialChair | Office::DistrictChair | Office::CommuneChair, Some(b)) => {
                format!("Ủy ban nhân dân {b}")
            }
            (Office::ProvincialChair, None) => "Ủy ban nhân dân cấp tỉnh".into(),
            (
                Office::DepartmentDirector | Office::AgencyHead { .. } | Office::Organisation,
                Some(b),
            ) => b.to_owned(),
            _ => self.holder(),
        }
    }

    /// Whether a decision of this date could come from this issuer: no
    /// district authority after 30 June 2025.
    pub fn existed_on(&self, day: NaiveDate) -> bool {
        self.office != Office::DistrictChair || day <= DISTRICTS_ENDED
    }
}

/// Why an issuer could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssuerProblem {
    /// "Bộ trưởng" or "Giám đốc Sở" without saying which, on a site that is
    /// neither: the editor must name it.
    Unnamed(&'static str),
    /// "tỉnh" on a site of no province.
    NoProvince,
}

/// Reads an issuer from `cursor`, which must hold nothing else: `Ok(None)`
/// when the words are not an issuer at all.
pub fn parse(cursor: &mut Cursor, setting: &Setting) -> Result<Option<Issuer>, IssuerProblem> {
    let compare = cursor.compare;
    let rest = cursor.rest().to_vec();
    let mut c = Cursor::new(&rest, compare);
    c.eat_text("của");
    let issuer = read(&mut c, setting)?;
    c.skip_punctuation();
    if issuer.is_some() && c.is_done() {
        cursor.skip(rest.len());
        Ok(issuer)
    } else {
        Ok(None)
    }
}

fn read(c: &mut Cursor, setting: &Setting) -> Result<Option<Issuer>, IssuerProblem> {
    let of = |office: Office, body: Option<String>| Ok(Some(Issuer { office, body }));
    if c.eat_text("chủ tịch nước") {
        return of(Office::President, None);
    }
    if c.eat_text("thủ tướng chính phủ") || c.eat_text("thủ tướng") || c.eat_text("chính phủ")
    {
        return of(Office::PrimeMinister, None);
    }
    // Central bodies, with or without their head's title.
    let heads: Vec<&[Word]> = CENTRAL_BODIES
        .iter()
        .map(|(t, _)| words::known(t))
        .collect();
    let bodies: Vec<&[Word]> = CENTRAL_BODIES
        .iter()
        .map(|(_, b)| words::known(b))
        .collect();
    if let Some((i, n)) = c
        .longest(heads.iter().copied())
        .into_iter()
        .chain(c.longest(bodies.iter().copied()))
        .max_by_key(|(_, n)| *n)
    {
        c.skip(n);
        let (title, body) = CENTRAL_BODIES[i];
        return of(
            Office::CentralHead {
                title: title.to_owned(),
            },
            Some(body.to_owned()),
        );
    }
    // Ủy ban nhân dân, with or without its chairman.
    let had_chair = c.eat_text("chủ tịch");
    if c.eat_text("ủy ban nhân dân") {
        return people_committee(c, setting);
    }
    if had_chair {
        return Ok(None);
    }
    // "tỉnh" alone, as in "Cờ thi đua của tỉnh", "Bằng khen cấp tỉnh".
    if c.eat_text("tỉnh") || c.eat_text("cấp tỉnh") {
        if !c.rest().is_empty() && !c.rest().iter().all(Word::is_punctuation) {
            let name = place_name(c.rest());
            c.skip(c.rest().len());
            return of(Office::ProvincialChair, Some(format!("tỉnh {name}")));
        }
        return match &setting.province {
            Some(p) => of(Office::ProvincialChair, Some(province_body(setting, p))),
            None => Err(IssuerProblem::NoProvince),
        };
    }
    // A minister: "Bộ trưởng Bộ X", "Bộ X", "Bộ trưởng" on a ministry's site.
    let minister = c.eat_text("bộ trưởng");
    if !c.starts_with(words::known("bộ tư lệnh")) && c.eat_text("bộ") {
        let name = sector_name(c.rest());
        c.skip(c.rest().len());
        if name.is_empty() {
            return match &setting.ministry {
                Some(m) => of(Office::Minister, Some(m.clone())),
                None => Err(IssuerProblem::Unnamed("Bộ trưởng Bộ …")),
            };
        }
        return of(Office::Minister, Some(format!("Bộ {name}")));
    }
    // "Bộ trưởng Giáo dục và Đào tạo": the sector without "Bộ".
    if minister && !c.is_done() {
        let name = sector_name(c.rest());
        if SECTORS.contains(&name.as_str()) {
            c.skip(c.rest().len());
            return of(Office::Minister, Some(format!("Bộ {name}")));
        }
    }
    if minister {
        return match &setting.ministry {
            Some(m) => of(Office::Minister, Some(m.clone())),
            None => Err(IssuerProblem::Unnamed("Bộ trưởng Bộ …")),
        };
    }
    // A department's director: "Giám đốc Sở X", "Sở X", "Giám đốc Sở".
    let mut probe = c.clone();
    let director = probe.eat_text("giám đốc");
    if probe.eat_text("sở") {
        *c = probe;
        let rest = c.rest();
        let province_at = rest.iter().position(|w| w.is("tỉnh") || w.is("thành"));
        let (sector, place) = match province_at {
            Some(i) => (&rest[..i], Some(&rest[i..])),
            None => (rest, None),
        };
        // "Giám đốc Sở, ban, ngành": every department, not one.
        if sector.first().is_some_and(Word::is_punctuation) {
            return Err(IssuerProblem::Unnamed("Giám đốc Sở …"));
        }
        let sector = sector_name(sector);
        let place = place.and_then(place_phrase);
        c.skip(c.rest().len());
        let department = if sector.is_empty() {
            match &setting.department {
                Some(d) => d.clone(),
                None => return Err(IssuerProblem::Unnamed("Giám đốc Sở …")),
            }
        } else {
            format!("Sở {sector}")
        };
        let place = place.or_else(|| setting.province.as_ref().map(|p| province_body(setting, p)));
        let body = match place {
            Some(place) => format!("{department} {place}"),
            None => department,
        };
        return of(Office::DepartmentDirector, Some(body));
    }
    let _ = director;
    // Organisations outside the Law: named by their first words, or holding
    // "Hội" (not "Xã hội", "Hội đồng"), "Đoàn Thanh niên", "Công đoàn".
    if c.longest(ORGANISATIONS.iter().map(|o| words::known(o)))
        .is_some()
        || is_organisation(c.rest())
    {
        let name = words::join(&words::recased(c.rest(), false));
        c.skip(c.rest().len());
        return of(Office::Organisation, Some(name));
    }
    // The head of an agency, unit or enterprise.
    for title in AGENCY_HEADS {
        if c.eat_text(title) {
            let body = c.rest();
            let body = (!body.is_empty()).then(|| words::join(&words::recased(body, false)));
            c.skip(c.rest().len());
            return of(
                Office::AgencyHead {
                    title: words::capitalized(title),
                },
                body,
            );
        }
    }
    Ok(None)
}

/// Whether words name an organisation outside the Law wherever its name
/// starts ("Trung ương Hội Liên hiệp Phụ nữ", "Ban Chấp hành Đoàn Thanh
/// niên Cộng sản Hồ Chí Minh thành phố Hà Nội").
fn is_organisation(words_: &[Word]) -> bool {
    let marks = [
        "hội đồng đội",
        "đoàn thanh niên",
        "công đoàn",
        "liên đoàn lao động",
        "tỉnh ủy",
        "thành ủy",
        "huyện ủy",
        "đảng ủy",
    ];
    let phrases: Vec<&[Word]> = marks.iter().map(|m| words::known(m)).collect();
    (0..words_.len()).any(|at| {
        let c = Cursor::new(&words_[at..], Compare::Marks);
        let society = words_[at].is("hội")
            && !(at > 0 && words_[at - 1].is("xã"))
            && !words_.get(at + 1).is_some_and(|w| w.is("đồng"));
        society || phrases.iter().any(|p| c.starts_with(p))
    })
}

/// Titles of the heads of agencies, units and enterprises that give awards
/// at the grassroots (Điều 80), longest first.
const AGENCY_HEADS: &[&str] = &[
    "thủ trưởng cơ quan, đơn vị",
    "chủ tịch hội đồng quản trị",
    "chủ tịch hội đồng thành viên",
    "tổng cục trưởng",
    "chi cục trưởng",
    "cục trưởng",
    "vụ trưởng",
    "viện trưởng",
    "tổng giám đốc",
    "giám đốc",
    "hiệu trưởng",
    "chánh văn phòng",
    "chánh thanh tra",
    "trưởng ban",
    "tư lệnh",
    "chỉ huy trưởng",
    "thủ trưởng",
];

/// A committee of the people and its level: "tỉnh X", "thành phố X",
/// "huyện X", "xã X", "cấp tỉnh" …
fn people_committee(c: &mut Cursor, setting: &Setting) -> Result<Option<Issuer>, IssuerProblem> {
    let of = |office: Office, body: Option<String>| Ok(Some(Issuer { office, body }));
    let levels: &[(&str, Option<Office>, &str)] = &[
        ("cấp tỉnh", Some(Office::ProvincialChair), ""),
        ("tỉnh", Some(Office::ProvincialChair), "tỉnh"),
        ("cấp huyện", Some(Office::DistrictChair), ""),
        ("huyện", Some(Office::DistrictChair), "huyện"),
        ("quận", Some(Office::DistrictChair), "quận"),
        ("thị xã", Some(Office::DistrictChair), "thị xã"),
        ("cấp xã", Some(Office::CommuneChair), ""),
        ("xã", Some(Office::CommuneChair), "xã"),
        ("phường", Some(Office::CommuneChair), "phường"),
        ("thị trấn", Some(Office::CommuneChair), "thị trấn"),
        ("đặc khu", Some(Office::CommuneChair), "đặc khu"),
        // Decided by its name: centrally-run or of a province.
        ("thành phố", None, "thành phố"),
    ];
    for (words_, office, unit) in levels {
        if !c.eat_text(words_) {
            continue;
        }
        let name = place_name(c.rest());
        c.skip(c.rest().len());
        let office = match office {
            Some(o) => o.clone(),
            None if CENTRAL_CITIES.iter().any(|city| same(city, &name)) => Office::ProvincialChair,
            None if name.is_empty() && setting.province_is_city => Office::ProvincialChair,
            None => Office::DistrictChair,
        };
        if unit.is_empty() {
            return of(office, None);
        }
        if name.is_empty() {
            // "UBND tỉnh", "UBND thành phố": the site's own.
            return match (&office, &setting.province) {
                (Office::ProvincialChair, Some(p)) => of(office, Some(province_body(setting, p))),
                (Office::ProvincialChair, None) => Err(IssuerProblem::NoProvince),
                _ => of(office, Some((*unit).to_owned())),
            };
        }
        return of(office, Some(format!("{unit} {name}")));
    }
    // "Ủy ban nhân dân" alone: the site's province.
    match &setting.province {
        Some(p) if c.rest().iter().all(Word::is_punctuation) => {
            of(Office::ProvincialChair, Some(province_body(setting, p)))
        }
        _ => Ok(None),
    }
}

fn province_body(setting: &Setting, province: &str) -> String {
    if setting.province_is_city {
        format!("thành phố {province}")
    } else {
        format!("tỉnh {province}")
    }
}

/// A sector's name in the state's spelling ("giáo dục và đào tạo" →
/// "Giáo dục và Đào tạo"), or as written when it is not one of [`SECTORS`].
pub fn sector_name(rest: &[Word]) -> String {
    let end = rest
        .iter()
        .position(|w| w.is_punctuation() && !matches!(w.written.as_str(), "-" | ","))
        .unwrap_or(rest.len());
    let rest = &rest[..end];
    if rest.first().is_some_and(Word::is_punctuation) {
        return String::new();
    }
    // Compared without their connectors: "Lao động thương binh và xã hội",
    // "Giáo dục - Đào tạo" are the sectors "Lao động - Thương binh và Xã
    // hội" and "Giáo dục và Đào tạo".
    let bare = |words_: &[Word], compare: Compare| -> Vec<String> {
        words_
            .iter()
            .filter(|w| !w.is_punctuation() && !w.is("và"))
            .map(|w| match compare {
                Compare::Marks => w.folded.clone(),
                Compare::Stripped => w.stripped.clone(),
            })
            .collect()
    };
    for compare in [Compare::Marks, Compare::Stripped] {
        let wanted = bare(rest, compare);
        if let Some(sector) = SECTORS
            .iter()
            .find(|s| bare(words::known(s), compare) == wanted)
        {
            return (*sector).to_owned();
        }
    }
    let cased = words::recased(rest, false);
    let joined = words::join(&cased);
    words::capitalized(&joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hatinh() -> Setting {
        Setting::from_organization("Sở Nội vụ tỉnh Hà Tĩnh", Some("UBND tỉnh Hà Tĩnh"), None)
    }

    fn issuer(text: &str, setting: &Setting) -> Option<Issuer> {
        let w = words::words(text);
        let mut c = Cursor::new(&w, Compare::Marks);
        parse(&mut c, setting).ok().flatten()
    }

    fn holder(text: &str) -> String {
        issuer(text, &hatinh())
            .map(|i| i.holder())
            .unwrap_or_default()
    }

    #[test]
    fn the_site_knows_its_province_and_department() {
        let s = hatinh();
        assert_eq!(s.province.as_deref(), Some("Hà Tĩnh"));
        assert_eq!(s.department.as_deref(), Some("Sở Nội vụ"));
        let hn = Setting::from_organization("Sở Tư pháp thành phố Hà Nội", None, None);
        assert_eq!(hn.province.as_deref(), Some("Hà Nội"));
        assert!(hn.province_is_city);
        let ministry = Setting::from_organization("Bộ Giáo dục và Đào tạo", None, None);
        assert_eq!(ministry.ministry.as_deref(), Some("Bộ Giáo dục và Đào tạo"));
        assert_eq!(ministry.province, None);
    }

    #[test]
    fn issuers_are_read_and_named_as_certificates_name_them() {
        for (text, expected) in [
            (
                "Chủ tịch UBND tỉnh",
                "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
            ),
            (
                "của Chủ tịch Ủy ban nhân dân tỉnh",
                "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
            ),
            ("UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"),
            (
                "Chủ tịch Uỷ ban nhân dân tỉnh Tuyên Quang",
                "Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang",
            ),
            (
                "CHỦ TỊCH UBND TỈNH NGHỆ AN",
                "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An",
            ),
            (
                "Chủ tịch Ủy ban nhân dân cấp tỉnh",
                "Chủ tịch Ủy ban nhân dân cấp tỉnh",
            ),
            (
                "UBND thành phố Hà Nội",
                "Chủ tịch Ủy ban nhân dân thành phố Hà Nội",
            ),
            (
                "Chủ tịch UBND huyện Kỳ Anh",
                "Chủ tịch Ủy ban nhân dân huyện Kỳ Anh",
            ),
            (
                "Chủ tịch UBND xã Triệu Sơn",
                "Chủ tịch Ủy ban nhân dân xã Triệu Sơn",
            ),
            (
                "Bộ trưởng Bộ Giáo dục và Đào tạo",
                "Bộ trưởng Bộ Giáo dục và Đào tạo",
            ),
            ("Bộ GD&ĐT", "Bộ trưởng Bộ Giáo dục và Đào tạo"),
            ("Bộ trưởng Bộ Nội vụ", "Bộ trưởng Bộ Nội vụ"),
            (
                "BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                "Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
            ),
            ("Thủ tướng Chính phủ", "Thủ tướng Chính phủ"),
            ("Giám đốc Sở Tư pháp", "Giám đốc Sở Tư pháp tỉnh Hà Tĩnh"),
            ("Giám đốc Sở", "Giám đốc Sở Nội vụ tỉnh Hà Tĩnh"),
            (
                "Giám đốc Sở Giáo dục và Đào tạo tỉnh Nghệ An",
                "Giám đốc Sở Giáo dục và Đào tạo tỉnh Nghệ An",
            ),
            (
                "Chánh án Tòa án nhân dân tối cao",
                "Chánh án Tòa án nhân dân tối cao",
            ),
            (
                "Hiệu trưởng Trường THPT Phan Đình Phùng",
                "Hiệu trưởng Trường THPT Phan Đình Phùng",
            ),
            ("Thủ trưởng cơ quan, đơn vị", "Thủ trưởng cơ quan, đơn vị"),
        ] {
            assert_eq!(holder(text), expected, "{text}");
        }
    }

    #[test]
    fn levels_come_from_the_office() {
        let level = |t: &str| issuer(t, &hatinh()).map(|i| i.level());
        assert_eq!(level("Chủ tịch nước"), Some(AwardLevel::State));
        assert_eq!(level("Thủ tướng Chính phủ"), Some(AwardLevel::Government));
        assert_eq!(level("Bộ trưởng Bộ Công an"), Some(AwardLevel::Province));
        assert_eq!(level("UBND tỉnh"), Some(AwardLevel::Province));
        assert_eq!(level("UBND thành phố Đà Nẵng"), Some(AwardLevel::Province));
        assert_eq!(level("UBND thành phố Hà Tĩnh"), Some(AwardLevel::District));
        assert_eq!(
            level("Chủ tịch UBND huyện Can Lộc"),
            Some(AwardLevel::District)
        );
        assert_eq!(
            level("Chủ tịch UBND phường Thạch Quý"),
            Some(AwardLevel::Grassroots)
        );
        assert_eq!(level("Giám đốc Sở Y tế"), Some(AwardLevel::Grassroots));
        assert_eq!(
            level("Tổng Liên đoàn Lao động Việt Nam"),
            Some(AwardLevel::Other)
        );
        assert_eq!(
            level("Ban Chấp hành Trung ương Đoàn"),
            Some(AwardLevel::Other)
        );
    }

    #[test]
    fn what_cannot_be_known_is_asked_not_guessed() {
        let none = Setting::default();
        let w = words::words("Bộ trưởng");
        let mut c = Cursor::new(&w, Compare::Marks);
        assert_eq!(
            parse(&mut c, &none),
            Err(IssuerProblem::Unnamed("Bộ trưởng Bộ …"))
        );
        let w = words::words("UBND tỉnh");
        let mut c = Cursor::new(&w, Compare::Marks);
        assert_eq!(parse(&mut c, &none), Err(IssuerProblem::NoProvince));
        assert_eq!(issuer("Phòng Tổ chức", &hatinh()), None);
    }
}
