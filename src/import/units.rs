//! Units by name: the unit a spreadsheet's cell means, and `bangvang import
//! units`, which fills site.yaml's `units:` from a sheet of unit names.
//!
//! Offices write a unit's name as they say it: "P. GDTrH", "Phòng GD Trung
//! học", "THPT Lê Viết Thuật", "TRƯỜNG THPT HÀ HUY TẬP". A cell is compared
//! with site.yaml's names by words: case, spacing, punctuation and tone
//! placement (hoà = hòa) ignored, the usual abbreviations spelt out, a
//! leading "Trường" optional. Diacritics are not ignored: "Nghi Hoa" and
//! "Nghi Hòa" are two schools — a match only without them is an unsure one,
//! reported with the name it may be.

use std::path::Path;

use super::problem::{Place, Problem};
use crate::model::unit::Unit;
use crate::text::collate::{fold, spelling_key};
use crate::text::slug::slugify;
use crate::text::suggest;

/// Abbreviations in unit names, spelt out (lowercase words).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("p", "phòng"),
    ("gdtrh", "giáo dục trung học"),
    ("gdth", "giáo dục tiểu học"),
    ("gdmn", "giáo dục mầm non"),
    ("gdtx", "giáo dục thường xuyên"),
    ("gdđt", "giáo dục và đào tạo"),
    ("gd", "giáo dục"),
    ("đt", "đào tạo"),
    ("tp", "thành phố"),
    ("tx", "thị xã"),
    ("ubnd", "ủy ban nhân dân"),
    ("hđnd", "hội đồng nhân dân"),
    ("pt", "phổ thông"),
    ("dtnt", "dân tộc nội trú"),
    ("ptdtnt", "phổ thông dân tộc nội trú"),
    ("ttgdtx", "trung tâm giáo dục thường xuyên"),
    ("vp", "văn phòng"),
    ("tccb", "tổ chức cán bộ"),
    ("khtc", "kế hoạch tài chính"),
];

/// A name's words for comparing: lowercase, punctuation as spaces ("&" as
/// "và"), abbreviations spelt out, tones placed alike.
pub fn name_key(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let spaced: String = text
        .replace('&', " và ")
        .nfc()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let lowered = spaced.to_lowercase();
    let spelt: Vec<&str> = lowered
        .split_whitespace()
        .map(|w| {
            ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == w)
                .map_or(w, |(_, long)| *long)
        })
        .collect();
    spelling_key(&spelt.join(" "))
}

/// The key without a leading "trường" ("THPT Lê Viết Thuật").
fn without_school(key: &str) -> &str {
    static SCHOOL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let school = SCHOOL.get_or_init(|| format!("{} ", spelling_key("trường")));
    key.strip_prefix(school.as_str()).unwrap_or(key)
}

/// Without diacritics and without a leading "truong".
fn folded_bare(key: &str) -> String {
    let folded = fold(key);
    folded
        .strip_prefix("truong ")
        .map_or(folded.clone(), str::to_owned)
}

/// What a cell's unit is.
#[derive(Debug, Clone)]
pub enum UnitMatch<'u> {
    Unit(&'u Unit),
    /// Equal only without diacritics, or the closest name: not taken.
    Unsure(&'u Unit),
    None,
}

/// The site's units, ready to be matched.
pub struct UnitIndex<'u> {
    units: &'u [Unit],
    keys: Vec<String>,
}

impl<'u> UnitIndex<'u> {
    pub fn new(units: &'u [Unit]) -> UnitIndex<'u> {
        UnitIndex {
            units,
            keys: units.iter().map(|u| name_key(&u.name)).collect(),
        }
    }

    pub fn units(&self) -> &'u [Unit] {
        self.units
    }

    /// The unit a text names.
    pub fn find(&self, text: &str) -> UnitMatch<'u> {
        if let Some(unit) = self.units.iter().find(|u| u.id == text) {
            return UnitMatch::Unit(unit);
        }
        let key = name_key(text);
        if key.is_empty() {
            return UnitMatch::None;
        }
        if let Some(i) = self.keys.iter().position(|k| *k == key) {
            return UnitMatch::Unit(&self.units[i]);
        }
        let bare = without_school(&key);
        let same_bare: Vec<usize> = (0..self.keys.len())
            .filter(|&i| without_school(&self.keys[i]) == bare)
            .collect();
        if same_bare.len() == 1 {
            return UnitMatch::Unit(&self.units[same_bare[0]]);
        }
        let folded = folded_bare(&key);
        if let Some(i) = self.keys.iter().position(|k| folded_bare(k) == folded) {
            return UnitMatch::Unsure(&self.units[i]);
        }
        let limit = (key.chars().count() / 5).clamp(2, 8);
        match suggest::closest_within(&key, self.keys.iter().map(String::as_str), limit) {
            Some(close) => {
                let i = self.keys.iter().position(|k| k == close).unwrap_or(0);
                UnitMatch::Unsure(&self.units[i])
            }
            None => UnitMatch::None,
        }
    }

    /// For "Chức vụ, đơn vị": the longest tail of the text that names a
    /// unit, and the text before it (the position, without a trailing comma).
    pub fn split_position(&self, text: &str) -> Option<(String, &'u Unit)> {
        let words: Vec<&str> = text.split(' ').collect();
        for start in 0..words.len() {
            let tail = words[start..].join(" ");
            if let UnitMatch::Unit(unit) = self.find(tail.trim_start_matches(',')) {
                let head = words[..start]
                    .join(" ")
                    .trim()
                    .trim_end_matches([',', ';', '-', '–'])
                    .trim()
                    .to_owned();
                return Some((head, unit));
            }
        }
        None
    }
}

/// What `bangvang import units` did.
pub struct Outcome {
    pub added: Vec<(String, String)>,
    pub kept: usize,
    pub problems: Vec<Problem>,
}

impl Outcome {
    /// The English line the command prints (translated when shown).
    pub fn summary(&self) -> String {
        format!(
            "added {} units to site.yaml ({} were already there)",
            self.added.len(),
            self.kept
        )
    }
}

/// The headings of a unit-name column.
fn is_unit_heading(text: &str) -> bool {
    matches!(
        super::layout::words(text).as_str(),
        "ten don vi"
            | "don vi"
            | "ten co quan don vi"
            | "co quan don vi"
            | "ten co quan"
            | "ten truong"
            | "ten don vi truong hoc"
    )
}

/// `bangvang import units FILE`: adds the sheet's units that site.yaml does
/// not have (by name) to its `units:`, with ids made as slugs; site.yaml's
/// comments and the units already there are kept as they are.
pub fn run(root: &Path, path: &Path, sheet_name: Option<&str>) -> Result<Outcome, Vec<Problem>> {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let config = crate::load::site_config(root).map_err(|d| {
        d.iter()
            .map(|d| Problem::error("site.yaml", Place::File, d.to_string()))
            .collect::<Vec<_>>()
    })?;
    let book = super::sheet::read(path, &file).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let names = unit_names(&book, &file, sheet_name, &mut problems);
    if problems
        .iter()
        .any(|p| p.severity == crate::diagnostics::Severity::Error)
    {
        return Err(problems);
    }
    let index = UnitIndex::new(&config.units);
    let mut ids: Vec<String> = config.units.iter().map(|u| u.id.clone()).collect();
    let mut added: Vec<(String, String)> = Vec::new();
    let mut kept = 0;
    for name in names {
        if matches!(index.find(&name), UnitMatch::Unit(_))
            || added.iter().any(|(_, n)| name_key(n) == name_key(&name))
        {
            kept += 1;
            continue;
        }
        let base = slugify(&name);
        let mut id = base.clone();
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        ids.push(id.clone());
        added.push((id, name));
    }
    if !added.is_empty() {
        let site = root.join("site.yaml");
        let old = std::fs::read_to_string(&site).map_err(|e| {
            vec![Problem::error(
                "site.yaml",
                Place::File,
                format!("cannot read the file: {e}"),
            )]
        })?;
        let new = with_units(&old, &added);
        let write = |text: &str| {
            let mut temp = tempfile::NamedTempFile::new_in(root)?;
            std::io::Write::write_all(&mut temp, text.as_bytes())?;
            temp.persist(&site).map_err(|e| e.error)?;
            Ok::<(), std::io::Error>(())
        };
        write(&new).map_err(|e| {
            vec![Problem::error(
                "site.yaml",
                Place::File,
                format!("cannot write the file: {e}"),
            )]
        })?;
        // What was written must load as the build loads it; else the old
        // site.yaml comes back.
        if let Err(diagnostics) = crate::load::site_config(root) {
            let _ = write(&old);
            return Err(diagnostics
                .iter()
                .map(|d| Problem::error("site.yaml", Place::File, d.to_string()))
                .collect());
        }
    }
    Ok(Outcome {
        added,
        kept,
        problems,
    })
}

/// The unit names of the sheet: rows with a number in STT (or any row under
/// the heading when there is no STT column) and a name; section rows, the
/// total and what follows it are not units.
fn unit_names(
    book: &super::sheet::Workbook,
    file: &str,
    sheet_name: Option<&str>,
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    use super::sheet::Value;
    for sheet in book
        .sheets
        .iter()
        .filter(|s| sheet_name.is_none_or(|n| s.name == n))
    {
        let Some((&(header, name_col), _)) = sheet
            .cells
            .iter()
            .find(|(_, v)| matches!(v, Value::Text(t) if is_unit_heading(t)))
        else {
            continue;
        };
        let number_col = (0..name_col).find(|&c| {
            sheet
                .get(header, c)
                .is_some_and(|v| matches!(super::layout::words(&v.text()).as_str(), "stt" | "tt"))
        });
        let mut names = Vec::new();
        for row in sheet.rows().into_iter().filter(|&r| r > header) {
            let Some(name) = sheet.get(row, name_col).map(Value::text) else {
                continue;
            };
            let first = (0..=name_col)
                .find_map(|c| sheet.get(row, c))
                .map(Value::text)
                .unwrap_or_default();
            if super::layout::words(&first).split(' ').next() == Some("tong") {
                break;
            }
            let numbered = number_col.is_none_or(|c| {
                matches!(sheet.get(row, c), Some(Value::Number(_)))
                    || sheet.get(row, c).is_some_and(|v| {
                        v.text()
                            .trim_end_matches('.')
                            .chars()
                            .all(|c| c.is_ascii_digit())
                    })
            });
            if numbered && !name.is_empty() {
                names.push(name);
            }
        }
        if names.is_empty() {
            problems.push(Problem::error(
                file,
                Place::Sheet(sheet.name.clone()),
                "the sheet has a “Tên đơn vị” heading but no unit under it",
            ));
        }
        return names;
    }
    problems.push(Problem::error(
        file,
        Place::File,
        "no header row: no cell reads a unit column (“Tên đơn vị”, “Đơn vị”, “Tên cơ quan, đơn vị”)",
    ));
    Vec::new()
}

/// site.yaml's text with units appended to its `units:` list (or a new
/// `units:` at the end), everything else as it was.
fn with_units(text: &str, added: &[(String, String)]) -> String {
    let entries: String = added
        .iter()
        .map(|(id, name)| format!("  - id: {id}\n    name: {}\n", super::results::scalar(name)))
        .collect();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let Some(start) = lines
        .iter()
        .position(|l| l.trim_end() == "units:" || l.starts_with("units: "))
    else {
        let mut out = text.to_owned();
        if !out.ends_with('\n') && !out.is_empty() {
            out.push('\n');
        }
        out.push_str("units:\n");
        out.push_str(&entries);
        return out;
    };
    if lines[start].trim_end() != "units:" {
        // `units: []` or a flow list: replaced by a block list.
        let mut out: String = lines[..start].concat();
        out.push_str("units:\n");
        out.push_str(&entries);
        out.push_str(&lines[start + 1..].concat());
        return out;
    }
    // The block ends at the next line that starts at column 0 and is not a
    // list item or a comment.
    let end = lines[start + 1..]
        .iter()
        .position(|l| {
            let first = l.chars().next().unwrap_or(' ');
            !matches!(first, ' ' | '\t' | '-' | '#' | '\n' | '\r')
        })
        .map_or(lines.len(), |i| start + 1 + i);
    // Trailing blank and comment lines belong to what follows.
    let mut insert = end;
    while insert > start + 1 && {
        let l = lines[insert - 1].trim();
        l.is_empty() || l.starts_with('#')
    } {
        insert -= 1;
    }
    let mut out: String = lines[..insert].concat();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&entries);
    out.push_str(&lines[insert..].concat());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Pos;

    fn units() -> Vec<Unit> {
        [
            ("phong-giao-duc-trung-hoc", "Phòng Giáo dục Trung học"),
            ("truong-thpt-le-viet-thuat", "Trường THPT Lê Viết Thuật"),
            ("truong-thcs-nghi-hoa", "Trường THCS Nghi Hoa"),
            ("truong-thcs-nghi-hoa-2", "Trường THCS Nghi Hòa"),
        ]
        .into_iter()
        .map(|(id, name)| Unit {
            id: id.into(),
            name: name.into(),
            pos: Pos::START,
        })
        .collect()
    }

    #[test]
    fn offices_spellings_of_a_unit_find_it() {
        let units = units();
        let index = UnitIndex::new(&units);
        for written in [
            "P. GDTrH",
            "Phòng GD Trung học",
            "PHÒNG GIÁO DỤC TRUNG HỌC",
            "Phòng  Giáo dục Trung học.",
        ] {
            assert!(
                matches!(index.find(written), UnitMatch::Unit(u) if u.id == "phong-giao-duc-trung-hoc"),
                "{written}"
            );
        }
        assert!(matches!(
            index.find("THPT Lê Viết Thuật"),
            UnitMatch::Unit(u) if u.id == "truong-thpt-le-viet-thuat"
        ));
        assert!(matches!(
            index.find("Trường THCS Nghi Hoà"),
            UnitMatch::Unit(u) if u.id == "truong-thcs-nghi-hoa-2"
        ));
    }

    #[test]
    fn a_name_equal_only_without_diacritics_is_unsure() {
        let units = units();
        let index = UnitIndex::new(&units);
        assert!(matches!(
            index.find("Truong THPT Le Viet Thuat"),
            UnitMatch::Unsure(u) if u.id == "truong-thpt-le-viet-thuat"
        ));
        assert!(matches!(
            index.find("Phòng Giáo dục Tiểu học"),
            UnitMatch::Unsure(u) if u.id == "phong-giao-duc-trung-hoc"
        ));
        assert!(matches!(
            index.find("Trường THPT Nguyễn Du"),
            UnitMatch::None
        ));
    }

    #[test]
    fn a_position_and_a_unit_in_one_cell_are_told_apart() {
        let units = units();
        let index = UnitIndex::new(&units);
        let (position, unit) = index
            .split_position("Tổ trưởng tổ Toán, Trường THPT Lê Viết Thuật")
            .unwrap();
        assert_eq!(
            (position.as_str(), unit.id.as_str()),
            ("Tổ trưởng tổ Toán", "truong-thpt-le-viet-thuat")
        );
    }
}
