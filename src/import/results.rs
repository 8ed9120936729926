//! `bangvang import results`: an honoree list read from a spreadsheet
//! ([`super::sheet`], [`super::layout`]) and mapped to the site — units to
//! site.yaml's ids, awards through the award vocabulary, each honoree a
//! person or a collective — then written as a draft results list for the
//! editor to review.
//!
//! Every problem of the file is found in one run and reported at its cell.
//! A problem with an honoree (no name, an award the vocabulary does not
//! know, a person under a collectives' title, a duplicate) stops the
//! import: nothing is written, since a list published with it would say
//! something untrue. A unit that is not in site.yaml does not: the honoree
//! is written with the id the unit would have and a `# TODO:` comment, and
//! the build refuses that id until the unit is added.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::layout::{self, Row, Written};
use super::problem::{self, Place, Problem};
use super::sheet;
use super::units::{UnitIndex, UnitMatch};
use crate::model::award_wording::Reading;
use crate::model::awards::{Award, Vocabulary};
use crate::model::config::SiteConfig;
pub use crate::model::results::ListStatus;
use crate::model::results::{HonoreeKind, looks_like_group};
use crate::text::collate::{fold, spelling_key};
use crate::text::slug::slugify;

/// What the editor asked for.
pub struct Request<'a> {
    pub file: &'a Path,
    pub campaign: &'a str,
    pub phase: Option<&'a str>,
    pub status: Option<ListStatus>,
    pub output: Option<&'a Path>,
    pub sheet: Option<&'a str>,
    pub force: bool,
    pub today: NaiveDate,
}

/// One honoree, mapped.
#[derive(Debug, Clone)]
pub struct Imported {
    pub kind: HonoreeKind,
    pub name: String,
    pub position: Option<String>,
    /// A unit id of site.yaml, or the id a unit not in it would have.
    pub unit: Option<String>,
    /// The unit as the sheet writes it, when it differs from site.yaml's name
    /// or is not there (a `# TODO:` for the editor).
    pub unit_note: Option<String>,
    /// A collective that is its unit: written as `unit:` only.
    pub is_unit: bool,
    /// The unit's name, for messages: site.yaml's, or as written.
    pub unit_name: Option<String>,
    /// `unit` is not an id of site.yaml yet: the id the unit would have.
    pub unit_unknown: bool,
    pub achievement: Option<String>,
    pub cell: String,
}

#[derive(Debug, Clone)]
pub struct ImportedAward {
    pub title: String,
    pub award: Option<Award>,
    pub honorees: Vec<Imported>,
}

/// The list, mapped.
#[derive(Debug, Clone)]
pub struct ImportedList {
    pub sheet: String,
    pub title: Option<String>,
    pub status: Option<ListStatus>,
    pub decision: Option<layout::DecisionAsWritten>,
    pub comment_until: Option<NaiveDate>,
    pub awards: Vec<ImportedAward>,
}

impl ImportedList {
    pub fn count(&self, kind: HonoreeKind) -> usize {
        self.awards
            .iter()
            .flat_map(|a| &a.honorees)
            .filter(|h| h.kind == kind)
            .count()
    }
}

/// Reads and maps a list; every problem found, sorted by cell.
pub fn import(
    path: &Path,
    file: &str,
    sheet_name: Option<&str>,
    config: &SiteConfig,
) -> (Option<ImportedList>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut book = match sheet::read(path, file) {
        Ok(book) => book,
        Err(p) => return (None, vec![p]),
    };
    if let Some(name) = sheet_name {
        let names: Vec<String> = book.sheets.iter().map(|s| s.name.clone()).collect();
        book.sheets.retain(|s| s.name == name);
        if book.sheets.is_empty() {
            let p = Problem::error(
                file,
                Place::File,
                format!("the workbook has no sheet “{name}”"),
            )
            .with_help(format!("its sheets: {}", names.join(", ")));
            return (None, vec![p]);
        }
    }
    let Some(written) = layout::read(&book, file, &mut problems) else {
        return (None, problem::sorted(problems));
    };
    let vocabulary = Vocabulary::new(&config.awards, config.award_setting());
    let units = UnitIndex::new(&config.units);
    let list = map(
        config,
        &book,
        &written,
        file,
        &vocabulary,
        &units,
        &mut problems,
    );
    (Some(list), problem::sorted(problems))
}

fn map(
    config: &SiteConfig,
    book: &sheet::Workbook,
    written: &Written,
    file: &str,
    vocabulary: &Vocabulary,
    units: &UnitIndex,
    problems: &mut Vec<Problem>,
) -> ImportedList {
    let sheet = book
        .sheets
        .iter()
        .find(|s| s.name == written.sheet)
        .expect("the layout's sheet is the workbook's");
    let at = |row: u32, col: u32| book.place(sheet, row, col);
    let mut awards: Vec<ImportedAward> = Vec::new();
    // An award wording is reported once, at the first cell that has it.
    let mut reported_awards: Vec<String> = Vec::new();
    for row in &written.rows {
        if row.awards.is_empty() {
            problems.push(Problem::error(
                file,
                at(row.row, row.name_col),
                "no award for this row (the sheet has no award column and no award section row above it)",
            ).with_help("add a column “Danh hiệu/Hình thức khen thưởng”, or a section row such as “I. DANH HIỆU LAO ĐỘNG TIÊN TIẾN” above the honorees"));
            continue;
        }
        for (text, place) in &row.awards {
            let (title, award) = match vocabulary.read(text) {
                Reading::Award(award) => (award.title.clone(), Some(award)),
                Reading::Outside(award, why) => {
                    if !reported_awards.contains(text) {
                        reported_awards.push(text.clone());
                        problems.push(
                            Problem::warning(
                                file,
                                place.clone(),
                                format!("“{text}” is not a form or title of the Law: it is published as written, level “khác”"),
                            )
                            .with_help(why),
                        );
                    }
                    (text.clone(), Some(award))
                }
                Reading::Wrong {
                    message,
                    suggestion,
                } => {
                    if !reported_awards.contains(text) {
                        reported_awards.push(text.clone());
                        let suggestion =
                            spelled_with_diacritics(text, vocabulary, config).or(suggestion);
                        problems.push(Problem::error(
                            file,
                            place.clone(),
                            unknown_award(text, &message, suggestion.as_deref()),
                        ));
                    }
                    continue;
                }
            };
            let Some(honoree) = map_row(row, award.as_ref(), text, units, file, &at, problems)
            else {
                continue;
            };
            let key = award
                .as_ref()
                .map_or_else(|| spelling_key(&title), Award::key);
            let group = match awards.iter().position(|a| {
                a.award
                    .as_ref()
                    .map_or_else(|| spelling_key(&a.title), Award::key)
                    == key
            }) {
                Some(i) => &mut awards[i],
                None => {
                    awards.push(ImportedAward {
                        title: title.clone(),
                        award: award.clone(),
                        honorees: Vec::new(),
                    });
                    awards.last_mut().expect("just pushed")
                }
            };
            let who = |h: &Imported| (h.kind, spelling_key(&h.name), h.unit.clone());
            if let Some(first) = group.honorees.iter().find(|h| who(h) == who(&honoree)) {
                problems.push(Problem::error(
                    file,
                    at(row.row, row.name_col),
                    format!(
                        "{} is listed twice under “{text}” (first at {})",
                        shown_who(&honoree),
                        first.cell
                    ),
                ));
                continue;
            }
            group.honorees.push(honoree);
        }
    }
    ImportedList {
        sheet: written.sheet.clone(),
        title: written.title.clone(),
        status: written.status,
        decision: written.decision.clone(),
        comment_until: written.comment_until,
        awards,
    }
}

fn shown_who(h: &Imported) -> String {
    match &h.unit_name {
        Some(unit) if !h.is_unit => format!("{} ({unit})", h.name),
        _ => h.name.clone(),
    }
}

fn unknown_award(text: &str, message: &str, suggestion: Option<&str>) -> String {
    match suggestion {
        Some(s) if message.starts_with("unknown award") => {
            format!("unknown award “{text}” (did you mean “{s}”?)")
        }
        None if message.starts_with("unknown award") => {
            format!("unknown award “{text}” (neither a title of the Law nor an award of site.yaml)")
        }
        Some(s) => format!("unknown award “{text}”: {message} (did you mean “{s}”?)"),
        None => format!("unknown award “{text}”: {message}"),
    }
}

/// The award a text means once its diacritics are restored: the sheet was
/// typed without them ("Giay khen cua Giam doc So"), or with some lost.
fn spelled_with_diacritics(
    text: &str,
    vocabulary: &Vocabulary,
    config: &SiteConfig,
) -> Option<String> {
    let folded = fold(text);
    let mut candidates: Vec<String> = vocabulary
        .site_awards
        .iter()
        .map(|a| a.title.clone())
        .collect();
    candidates.extend(
        crate::model::award_catalog::FORMS
            .iter()
            .map(|f| f.title.to_owned()),
    );
    let own = crate::model::config::own_name(&config.organization.name);
    for form in ["Giấy khen", "Bằng khen"] {
        for head in ["Giám đốc", "Chủ tịch", "Thủ trưởng"] {
            candidates.push(format!("{form} của {head} {own}"));
            candidates.push(format!("{form} của {head} {}", config.organization.name));
        }
    }
    candidates
        .into_iter()
        .find(|c| fold(c) == folded && matches!(vocabulary.read(c), Reading::Award(_)))
}

/// One honoree of a row under one award: its kind, name, position and unit.
fn map_row(
    row: &Row,
    award: Option<&Award>,
    award_text: &str,
    units: &UnitIndex,
    file: &str,
    at: &dyn Fn(u32, u32) -> Place,
    problems: &mut Vec<Problem>,
) -> Option<Imported> {
    let for_people = award.is_none_or(Award::for_individuals);
    let for_groups = award.is_none_or(Award::for_collectives);
    // The section says; else "Ông"/"Bà"; else the award's recipients; else
    // a position means a person; else a name that is a unit, or reads like
    // a group's ("Tổ Toán - Tin"), is a collective.
    let kind = if let Some((kind, _)) = &row.section_kind {
        *kind
    } else if row.honorific || (for_people && !for_groups) || row.position.is_some() {
        HonoreeKind::Individual
    } else if (for_groups && !for_people)
        || (row.unit.is_none() && units.find(&row.name).is_unit())
        || looks_like_group(&row.name)
    {
        HonoreeKind::Collective
    } else {
        HonoreeKind::Individual
    };
    let cell = problem::cell_name_of(&at(row.row, row.name_col));
    if kind == HonoreeKind::Individual && !for_people {
        let under = row.section_kind.as_ref().map_or_else(
            || "a person".to_owned(),
            |(_, s)| format!("listed under “{s}”"),
        );
        problems.push(Problem::error(
            file,
            at(row.row, row.name_col),
            format!(
                "“{award_text}” is a title for collectives, but {} is {under}",
                row.name
            ),
        ));
        return None;
    }
    if kind == HonoreeKind::Collective && !for_groups {
        let under = row.section_kind.as_ref().map_or_else(
            || "a collective".to_owned(),
            |(_, s)| format!("listed under “{s}”"),
        );
        problems.push(Problem::error(
            file,
            at(row.row, row.name_col),
            format!(
                "“{award_text}” is a title for individuals, but {} is {under}",
                row.name
            ),
        ));
        return None;
    }
    let mut position = row.position.clone();
    let mut unit_text: Option<(String, u32)> = row.unit.clone();
    if let Some((text, col)) = &row.position_and_unit {
        match kind {
            HonoreeKind::Individual => match units.split_position(text) {
                Some((head, unit)) => {
                    position = (!head.is_empty()).then_some(head);
                    unit_text = Some((unit.name.clone(), *col));
                }
                None => {
                    // "Giáo viên, Trường THPT X": the part after the last comma
                    // is the unit as written.
                    match text.rsplit_once(',') {
                        Some((head, tail)) => {
                            position = Some(head.trim().to_owned());
                            unit_text = Some((tail.trim().to_owned(), *col));
                        }
                        None => position = Some(text.clone()),
                    }
                }
            },
            HonoreeKind::Collective => unit_text = Some((text.clone(), *col)),
        }
    }
    // A collective with no unit cell may be a unit itself.
    let mut is_unit = false;
    if kind == HonoreeKind::Collective && unit_text.is_none() {
        if let UnitMatch::Unit(_) = units.find(&row.name) {
            unit_text = Some((row.name.clone(), row.name_col));
            is_unit = true;
        }
    } else if kind == HonoreeKind::Collective
        && let Some((text, _)) = &unit_text
        && let (UnitMatch::Unit(a), UnitMatch::Unit(b)) = (units.find(text), units.find(&row.name))
        && a.id == b.id
    {
        is_unit = true;
    }
    let unit_name = unit_text.as_ref().map(|(text, _)| match units.find(text) {
        UnitMatch::Unit(u) => u.name.clone(),
        _ => text.clone(),
    });
    let (unit, unit_note) = match &unit_text {
        None => (None, None),
        Some((text, col)) => match units.find(text) {
            UnitMatch::Unit(u) => {
                let note = (u.name != *text).then(|| text.clone());
                (Some(u.id.clone()), note)
            }
            UnitMatch::Unsure(u) => {
                problems.push(
                    Problem::warning(
                        file,
                        at(row.row, *col),
                        format!("unknown unit “{text}” (did you mean “{}”?)", u.name),
                    )
                    .with_help(format!(
                        "written with the id `{}` it would have; if it is “{}”, write `unit: {}`",
                        slugify(text),
                        u.name,
                        u.id
                    )),
                );
                (Some(slugify(text)), Some(text.clone()))
            }
            UnitMatch::None => {
                problems.push(
                    Problem::warning(
                        file,
                        at(row.row, *col),
                        format!("unknown unit “{text}” (no unit of site.yaml has this name)"),
                    )
                    .with_help(format!(
                        "written with the id `{}`: add it to site.yaml's `units:` (or `bangvang import units`)",
                        slugify(text)
                    )),
                );
                (Some(slugify(text)), Some(text.clone()))
            }
        },
    };
    let known = unit_text
        .as_ref()
        .is_some_and(|(t, _)| units.find(t).is_unit());
    Some(Imported {
        kind,
        name: row.name.clone(),
        position: if kind == HonoreeKind::Individual {
            position
        } else {
            None
        },
        unit,
        unit_note: if known && is_unit { None } else { unit_note },
        is_unit: is_unit && known,
        unit_name,
        unit_unknown: unit_text.is_some() && !known,
        achievement: row.achievement.clone(),
        cell,
    })
}

impl UnitMatch<'_> {
    fn is_unit(&self) -> bool {
        matches!(self, UnitMatch::Unit(_))
    }
}

/// What an import wrote.
pub struct Outcome {
    pub path: PathBuf,
    pub list: ImportedList,
    /// Warnings: the file was written with them marked `# TODO:`.
    pub problems: Vec<Problem>,
}

/// `bangvang import results`: reads, maps and writes; the problems when
/// nothing could be written (with the warnings found on the way).
pub fn run(root: &Path, config: &SiteConfig, request: &Request) -> Result<Outcome, Vec<Problem>> {
    let file = request.file.file_name().map_or_else(
        || request.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let refuse = |message: String| vec![Problem::error(&file, Place::File, message)];
    let campaign_dir = root.join("content/phong-trao").join(request.campaign);
    let index = campaign_dir.join("index.md");
    if !index.is_file() {
        return Err(refuse(format!(
            "there is no campaign {} (no {})",
            request.campaign,
            crate::diagnostics::display_path(root, &index).display()
        )));
    }
    if let Some(phase) = request.phase {
        let ids = crate::scaffold::phase_ids(&index);
        if !ids.iter().any(|id| id == phase) {
            return Err(vec![
                Problem::error(
                    &file,
                    Place::File,
                    format!("the campaign {} has no phase `{phase}`", request.campaign),
                )
                .with_help(format!("its phases: {}", ids.join(", "))),
            ]);
        }
    }
    let output = match request.output {
        Some(path) if path.is_absolute() => path.to_path_buf(),
        Some(path) => root.join(path),
        None => {
            let stem = request
                .file
                .file_stem()
                .map(|s| slugify(&s.to_string_lossy()))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "danh-sach".to_owned());
            campaign_dir.join(format!("{stem}.yaml"))
        }
    };
    let shown_output = crate::diagnostics::display_path(root, &output);
    if !inside(root, &output) {
        return Err(refuse(format!(
            "{} is outside the site's folder: a results list goes in content/phong-trao/<campaign>/",
            output.display()
        )));
    }
    if output.exists() && !request.force {
        return Err(vec![
            Problem::error(
                &file,
                Place::File,
                format!(
                    "{} already exists; nothing was written",
                    shown_output.display()
                ),
            )
            .with_help("give another `--output`, or `--force` to replace it"),
        ]);
    }
    let (list, problems) = import(request.file, &file, request.sheet, config);
    let Some(list) = list else {
        return Err(problems);
    };
    if problems
        .iter()
        .any(|p| p.severity == crate::diagnostics::Severity::Error)
    {
        return Err(problems);
    }
    if list.awards.is_empty() {
        let mut problems = problems;
        problems.push(Problem::error(
            &file,
            Place::Sheet(list.sheet.clone()),
            "the sheet has a header row but no honoree under it (an honoree row has a number in STT and a name)",
        ));
        return Err(problems);
    }
    let text = yaml(&list, request, &file);
    write(&output, &text, request.force).map_err(refuse)?;
    Ok(Outcome {
        path: shown_output,
        list,
        problems,
    })
}

fn inside(root: &Path, path: &Path) -> bool {
    let Ok(root) = root.canonicalize() else {
        return false;
    };
    // The file may not exist yet: its folder must, inside the root.
    let parent = path.parent().unwrap_or(path);
    let mut existing = parent.to_path_buf();
    while !existing.exists() {
        if !existing.pop() {
            return false;
        }
    }
    existing.canonicalize().is_ok_and(|p| p.starts_with(&root))
        && !path
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
}

/// Writes beside and renames: the list is whole or not there. Without
/// `force`, an existing file is never replaced, even one made meanwhile.
fn write(path: &Path, text: &str, force: bool) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut temp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
    std::io::Write::write_all(&mut temp, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    if force {
        temp.persist(path)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    } else {
        temp.persist_noclobber(path).map_err(|e| {
            format!(
                "{} already exists; nothing was written ({})",
                path.display(),
                e.error
            )
        })?;
    }
    Ok(())
}

/// The results list as YAML, with the comments the editor reviews it by.
pub fn yaml(list: &ImportedList, request: &Request, file: &str) -> String {
    let mut out = String::new();
    let sheet = if list.sheet.is_empty() {
        String::new()
    } else {
        format!(", trang tính “{}”", list.sheet)
    };
    let _ = writeln!(
        out,
        "# yaml-language-server: $schema=../../../schemas/results.schema.json"
    );
    let _ = writeln!(
        out,
        "# Nhập từ {file}{sheet} ngày {} bằng `bangvang import results`.",
        request.today.format("%d/%m/%Y")
    );
    let _ = writeln!(
        out,
        "# Đối chiếu từng dòng với bản gốc, sửa các chỗ ghi TODO, rồi xoá dòng"
    );
    let _ = writeln!(out, "# \"draft: true\" để đăng lên trang.");
    out.push_str("draft: true\n");
    match &list.title {
        Some(title) => {
            let _ = writeln!(out, "title: {}", scalar(title));
        }
        None => {
            out.push_str(
                "# TODO: không thấy dòng “DANH SÁCH …” phía trên bảng; ghi tên danh sách.\n",
            );
            out.push_str("title: \"Danh sách khen thưởng\"\n");
        }
    }
    if let Some(phase) = request.phase {
        let _ = writeln!(out, "phase: {phase}");
    }
    let status = request.status.or(list.status);
    match status {
        Some(status) => {
            let _ = writeln!(out, "status: {}", status.key());
        }
        None => {
            out.push_str("# TODO: bảng không nói là danh sách dự kiến hay đã có quyết định;\n");
            out.push_str("# proposed: dự kiến, đăng để lấy ý kiến; decided: đã có quyết định.\n");
            out.push_str("status: proposed\n");
        }
    }
    let _ = writeln!(out, "published: {}", request.today);
    let status = status.unwrap_or(ListStatus::Proposed);
    if status == ListStatus::Proposed {
        match list.comment_until {
            Some(until) => {
                let _ = writeln!(out, "comment_until: {until}");
            }
            None => {
                out.push_str("# TODO: hạn cuối lấy ý kiến (YYYY-MM-DD), nếu có.\n");
                out.push_str("# comment_until: \n");
            }
        }
    }
    match (&list.decision, status) {
        (Some(decision), ListStatus::Decided) => {
            out.push_str("decision:\n");
            let _ = writeln!(out, "  number: {}", scalar(&decision.number));
            match decision.date {
                Some(date) => {
                    let _ = writeln!(out, "  date: {date}");
                }
                None => {
                    out.push_str("  # TODO: ngày ký quyết định (YYYY-MM-DD).\n  date: \n");
                }
            }
            if let Some(signer) = &decision.signer {
                let _ = writeln!(out, "  signer: {}", scalar(signer));
            }
        }
        (_, ListStatus::Decided) => {
            out.push_str("# TODO: danh sách đã có quyết định: ghi số, ngày ký và người ký.\n");
            out.push_str("decision:\n  number: \"…\"\n  date: \n");
        }
        _ => {}
    }
    out.push_str("awards:\n");
    for award in &list.awards {
        let _ = writeln!(out, "  - award: {}", scalar(&award.title));
        out.push_str("    honorees:\n");
        let both = award
            .award
            .as_ref()
            .is_none_or(|a| a.for_individuals() && a.for_collectives());
        for h in &award.honorees {
            let _ = writeln!(out, "      # {}", h.cell);
            if let Some(note) = &h.unit_note
                && h.unit_unknown
            {
                let _ = writeln!(
                    out,
                    "      # TODO: đơn vị “{note}” chưa có trong site.yaml: thêm vào `units:` với id `{}`, hoặc ghi id của đơn vị đúng.",
                    slugify(note)
                );
            } else if let Some(note) = &h.unit_note {
                let _ = writeln!(out, "      # Đơn vị ghi trong bảng: “{note}”.");
            }
            let mut first = true;
            let mut field = |key: &str, value: &str, out: &mut String| {
                let lead = if first { "      - " } else { "        " };
                first = false;
                let _ = writeln!(out, "{lead}{key}: {value}");
            };
            match h.kind {
                HonoreeKind::Individual => {
                    field("name", &scalar(&h.name), &mut out);
                    if h.position.is_none() && both {
                        field("kind", "individual", &mut out);
                    }
                    if let Some(p) = &h.position {
                        field("position", &scalar(p), &mut out);
                    }
                    if let Some(u) = &h.unit {
                        field("unit", u, &mut out);
                    }
                }
                HonoreeKind::Collective => {
                    if h.is_unit {
                        field("unit", h.unit.as_deref().unwrap_or_default(), &mut out);
                    } else {
                        field("name", &scalar(&h.name), &mut out);
                        if both {
                            field("kind", "collective", &mut out);
                        }
                        if let Some(u) = &h.unit {
                            field("unit", u, &mut out);
                        }
                    }
                }
            }
            if let Some(a) = &h.achievement {
                field("achievement", &scalar(a), &mut out);
            }
        }
    }
    out
}

/// A YAML scalar: plain when it reads back as the same text, else quoted.
pub fn scalar(text: &str) -> String {
    let plain = text.chars().next().is_some_and(char::is_alphabetic)
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !text.contains(['"', '\\', '\n', '\t'])
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        return text.to_owned();
    }
    super::plan::write::quoted(text)
}

/// What the import found and wrote, for the editor: one line for the list,
/// one per award, one for the file written.
pub fn summary(outcome: &Outcome, file: &Path) -> String {
    use crate::messages::tr;
    let list = &outcome.list;
    let (people, groups) = (
        list.count(HonoreeKind::Individual),
        list.count(HonoreeKind::Collective),
    );
    let read = if list.sheet.is_empty() {
        format!(
            "read {}: {people} individuals and {groups} collectives under {} awards",
            file.display(),
            list.awards.len()
        )
    } else {
        format!(
            "read {}, sheet “{}”: {people} individuals and {groups} collectives under {} awards",
            file.display(),
            list.sheet,
            list.awards.len()
        )
    };
    let mut lines = vec![tr(&read).into_owned()];
    for award in &list.awards {
        let count = |kind| award.honorees.iter().filter(|h| h.kind == kind).count();
        lines.push(
            tr(&format!(
                "  {}: {} individuals, {} collectives",
                award.title,
                count(HonoreeKind::Individual),
                count(HonoreeKind::Collective)
            ))
            .into_owned(),
        );
    }
    let todo = outcome.problems.len();
    let wrote = if todo > 0 {
        format!(
            "wrote {} (a draft: check it against the sheet and fix the {todo} places marked TODO, then remove `draft: true`)",
            outcome.path.display()
        )
    } else {
        format!(
            "wrote {} (a draft: check it against the sheet, then remove `draft: true`)",
            outcome.path.display()
        )
    };
    lines.push(tr(&wrote).into_owned());
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_written() {
        assert_eq!(scalar("Nguyễn Văn A"), "Nguyễn Văn A");
        assert_eq!(scalar("Đạt giải \"Nhất\""), "\"Đạt giải \\\"Nhất\\\"\"");
        assert_eq!(scalar("1234/QĐ-SGDĐT"), "\"1234/QĐ-SGDĐT\"");
        assert_eq!(scalar("Ghi chú: xem"), "\"Ghi chú: xem\"");
        assert_eq!(scalar("yes"), "\"yes\"");
    }
}
