//! The campaign's fields read from the plan's blocks, in the order of a plan
//! laid out by Nghị định 30/2020/NĐ-CP: the header (issuing body, "Số: …",
//! "…, ngày … tháng … năm …"), the title "KẾ HOẠCH" and the subject under it,
//! the preamble ("Căn cứ …", "Thực hiện …"), the sections, and the closing
//! block ("Nơi nhận:", the signer).
//!
//! What is not found is a [`Todo`], never a guess; what is found wrong (a
//! date that does not exist, "95 năm" where the dates make 94) is an error.

use chrono::{Datelike, NaiveDate};

use super::doc::{At, Block, Para};
use crate::text::date::PartialDate;

/// A field the plan did not give, or gave in a form not understood: left
/// for the editor, with where the import looked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Todo {
    /// The front-matter key (`number`, `phases[1].review_by`).
    pub key: String,
    /// English id: what was looked for and where.
    pub message: String,
}

/// Something wrong in the plan itself, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub error: bool,
    pub message: String,
    pub help: Option<String>,
    /// The block and the text to find it by.
    pub at: Option<(At, String)>,
}

impl Finding {
    fn error(message: impl Into<String>, at: Option<(At, String)>) -> Finding {
        Finding {
            error: true,
            message: message.into(),
            help: None,
            at,
        }
    }

    fn warning(message: impl Into<String>, at: Option<(At, String)>) -> Finding {
        Finding {
            error: false,
            ..Finding::error(message, at)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    pub authority: Option<String>,
    pub title: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub name: String,
    pub start: Option<PartialDate>,
    pub end: Option<NaiveDate>,
    pub review_by: Option<NaiveDate>,
    pub goal: Option<String>,
    pub review: Option<String>,
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub date: NaiveDate,
    pub since: Option<NaiveDate>,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `collectives` or `individuals`.
    pub of: &'static str,
    pub text: String,
    /// "N% … đạt danh hiệu AWARD" in the item's first clause: the award as
    /// written and N. Kept only if the site's vocabulary reads the award.
    pub award: Option<(String, u32)>,
}

/// The measure of an item's first clause, when it is "N% … đạt danh hiệu
/// X": a share of the eligible reaching a title. Anything else (a count, a
/// Bằng khen, a clause after "trong đó" or ";") is left to the editor.
fn percent_award(text: &str) -> Option<(String, u32)> {
    let title_at = text.find("đạt danh hiệu ")?;
    let head = &text[..title_at];
    if head.contains(';') || head.contains("trong đó") {
        return None;
    }
    let percent_at = head.find('%')?;
    let digits_from = head[..percent_at]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    // The share starts the item ("100% …", "Trên 20% …"): a percent later
    // in it ("… không quá 15% số cá nhân đạt danh hiệu …") is of something else.
    let before = head[..digits_from].trim().to_lowercase();
    if !["", "trên", "phấn đấu", "có", "có từ", "phấn đấu có"].contains(&before.as_str())
    {
        return None;
    }
    let percent: u32 = head[digits_from..percent_at].parse().ok()?;
    if percent > 100 {
        return None;
    }
    let rest = &text[title_at + "đạt danh hiệu ".len()..];
    let award = rest[..rest.find([',', ';', '.']).unwrap_or(rest.len())].trim();
    (!award.is_empty()).then(|| (award.to_owned(), percent))
}

/// Everything read from a plan.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub subject: Option<String>,
    pub title: Option<String>,
    pub number: Option<String>,
    pub issued: Option<PartialDate>,
    pub place: Option<String>,
    pub signer: Option<Signer>,
    pub motto: Option<String>,
    pub basis: Vec<String>,
    pub phases: Vec<Phase>,
    pub targets: Vec<Target>,
    pub recipients: Vec<String>,
    /// The blocks between the subject and the closing block.
    pub body: Vec<Block>,
    pub todos: Vec<Todo>,
    pub findings: Vec<Finding>,
}

impl Plan {
    fn todo(&mut self, key: impl Into<String>, message: impl Into<String>) {
        self.todos.push(Todo {
            key: key.into(),
            message: message.into(),
        });
    }

    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.error)
    }
}

/// A paragraph's lines joined, tabs made spaces, runs of spaces one.
fn flat(p: &Para) -> String {
    collapse(&p.text().replace(['\t', '\n'], " "))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads the plan. Errors are in `findings`; the caller writes nothing then.
pub fn read(blocks: Vec<Block>) -> Plan {
    let mut plan = Plan::default();
    let Some(title_at) = blocks.iter().position(|b| match b {
        Block::Para(p) => p.lines().first().is_some_and(|l| is_title(l)),
        Block::Table(_) => false,
    }) else {
        plan.findings.push(not_a_plan(&blocks));
        return plan;
    };
    let header: Vec<String> = blocks[..title_at]
        .iter()
        .flat_map(|b| b.paras().into_iter().flat_map(|p| p.lines()))
        .collect();
    read_header(&mut plan, &header);

    // The subject: the title paragraph's other lines, else the next paragraph.
    let mut body_from = title_at + 1;
    let Block::Para(title) = &blocks[title_at] else {
        unreachable!("the title is a paragraph")
    };
    let mut subject: Vec<String> = title.lines().into_iter().skip(1).collect();
    if subject.is_empty()
        && let Some(Block::Para(next)) = blocks.get(title_at + 1)
        && !starts_preamble(&flat(next))
    {
        subject = next.lines();
        body_from += 1;
    }
    if subject.is_empty() {
        plan.todo("subject", "no subject under “KẾ HOẠCH”");
    } else {
        let subject = collapse(&subject.join(" "));
        plan.title = Some(format!("Kế hoạch {}", lower_first(&subject)));
        plan.subject = Some(subject);
    }

    let closing_at = blocks[body_from..]
        .iter()
        .position(|b| {
            b.paras()
                .iter()
                .any(|p| p.lines().first().is_some_and(|l| l.starts_with("Nơi nhận")))
        })
        .map(|i| i + body_from);
    let body_to = closing_at.unwrap_or(blocks.len());
    read_closing(&mut plan, closing_at.map(|at| &blocks[at..]));

    let mut blocks = blocks;
    blocks.truncate(body_to);
    plan.body = blocks.split_off(body_from);
    let body: Vec<&Para> = plan
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p),
            Block::Table(_) => None,
        })
        .collect();
    let basis = read_basis(&body);
    let motto = read_motto(&body);
    let (phases, findings) = read_phases(&body);
    let targets = read_targets(&body);
    let section = body
        .iter()
        .find(|p| {
            let t = flat(p).to_lowercase();
            heading_level(&flat(p)) == Some(2) && t.contains("đợt thi đua")
        })
        .map(|p| (p.at, flat(p)));
    plan.basis = basis;
    if plan.basis.is_empty() {
        plan.todo(
            "basis",
            "no “Căn cứ …” or “Thực hiện …” before the first section (I.)",
        );
    }
    plan.motto = motto;
    if plan.motto.is_none() {
        plan.todo(
            "motto",
            "no “Chủ đề thi đua” with the motto in quotation marks “…”",
        );
    }
    plan.findings.extend(findings);
    if phases.is_empty() {
        plan.findings.push(Finding::error(
            "the plan has no phase (no “Đợt thi đua …” in it); a campaign needs at least one",
            section,
        ));
    }
    for (i, phase) in phases.iter().enumerate() {
        let key = |k: &str| format!("phases[{}].{k}", i + 1);
        if phase.start.is_none() || phase.end.is_none() {
            plan.todo(
                key("start"),
                format!("no “(từ … đến …)” after “{}”", phase.name),
            );
        }
        if phase.review_by.is_none() {
            plan.todo(
                key("review_by"),
                format!("no “hoàn thành trước ngày …” in “{}”", phase.name),
            );
        }
    }
    plan.phases = phases;
    plan.targets = targets;
    plan
}

/// "KẾ HOẠCH" alone, as the title of a plan is printed (not "Kế hoạch số …"
/// in a letter's text).
fn is_title(line: &str) -> bool {
    collapse(line) == "KẾ HOẠCH"
}

fn not_a_plan(blocks: &[Block]) -> Finding {
    let letter = blocks.iter().find_map(|b| {
        b.paras().into_iter().find_map(|p| {
            let line = p.lines().into_iter().next()?;
            (line.starts_with("V/v") || line.starts_with("Kính gửi")).then_some((p.at, line))
        })
    });
    match letter {
        Some(at) => Finding::error(
            "this is not a plan: there is no “KẾ HOẠCH” title (it reads like an official letter: “V/v …”, “Kính gửi: …”)",
            Some(at),
        ),
        None => Finding::error("this is not a plan: there is no “KẾ HOẠCH” title", None),
    }
}

fn starts_preamble(text: &str) -> bool {
    text.starts_with("Căn cứ") || text.starts_with("Thực hiện")
}

/// "Phát động…" → "phát động…".
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn read_header(plan: &mut Plan, lines: &[String]) {
    match lines.iter().find_map(|l| l.strip_prefix("Số")) {
        Some(rest) => {
            let rest = rest.trim_start().trim_start_matches(':');
            let number: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
            if number.is_empty() {
                plan.todo("number", "“Số:” in the header has no number");
            } else {
                plan.number = Some(number);
            }
        }
        None => plan.todo("number", "no “Số: …” in the header (before “KẾ HOẠCH”)"),
    }
    let dated = lines.iter().find_map(|l| {
        let (place, rest) = l.split_once(", ngày")?;
        Some((place.trim().to_owned(), rest.to_owned()))
    });
    let Some((place, rest)) = dated else {
        plan.todo(
            "issued",
            "no “…, ngày … tháng … năm …” in the header (before “KẾ HOẠCH”)",
        );
        plan.todo(
            "place",
            "no “…, ngày … tháng … năm …” in the header (before “KẾ HOẠCH”)",
        );
        return;
    };
    if place.is_empty() {
        plan.todo("place", "no place before “, ngày” in the header");
    } else {
        plan.place = Some(place);
    }
    // " 08 tháng 9 năm 2024", "    tháng 01 năm 2022"
    let number = |s: &str| -> Option<u32> { s.trim().parse().ok() };
    let parsed = rest.split_once("tháng").and_then(|(day, rest)| {
        let (month, year) = rest.split_once("năm")?;
        Some((number(day), number(month), number(year)?))
    });
    match parsed {
        Some((day, Some(month), year)) if (1..=12).contains(&month) => {
            let year = year as i32;
            match day {
                None => plan.issued = Some(PartialDate::Month { year, month }),
                Some(day) => match NaiveDate::from_ymd_opt(year, month, day) {
                    Some(date) => plan.issued = Some(PartialDate::Day(date)),
                    None => plan
                        .findings
                        .push(Finding::error(not_a_day(day, month, year as u32), None)),
                },
            }
        }
        _ => plan.todo(
            "issued",
            "the date in the header is not “ngày … tháng … năm …” with a month and a year",
        ),
    }
}

fn read_closing(plan: &mut Plan, blocks: Option<&[Block]>) {
    let Some(blocks) = blocks else {
        plan.todo("recipients", "no “Nơi nhận:” after the body");
        plan.todo(
            "signer",
            "no signature block (“Nơi nhận:” and the signer) after the body",
        );
        return;
    };
    let lines: Vec<String> = blocks
        .iter()
        .flat_map(|b| b.paras().into_iter().flat_map(|p| p.lines()))
        .collect();
    let mut signer_lines = Vec::new();
    for line in &lines {
        if line.starts_with("Nơi nhận") {
            continue;
        }
        if let Some(item) = strip_bullet(line) {
            let item = item.trim_end_matches([';', '.', ',']).trim();
            if !item.is_empty() {
                plan.recipients.push(item.to_owned());
            }
        } else if !(line.starts_with('(') && line.ends_with(')')) {
            signer_lines.push(line.clone());
        }
    }
    if plan.recipients.is_empty() {
        plan.todo("recipients", "no “- …” lines under “Nơi nhận:”");
    }
    let n = signer_lines.len();
    if n < 2 {
        plan.todo(
            "signer",
            "no signer's title and name in the signature block (after “Nơi nhận:”)",
        );
        return;
    }
    let name = signer_lines[n - 1].clone();
    let title = sentence_case(&signer_lines[n - 2]);
    let authority: Vec<&str> = signer_lines[..n - 2]
        .iter()
        .filter(|l| {
            ["KT.", "TL.", "TM.", "Q.", "TUQ."]
                .iter()
                .any(|a| l.starts_with(a))
        })
        .map(String::as_str)
        .collect();
    plan.signer = Some(Signer {
        authority: (!authority.is_empty()).then(|| authority.join(" ")),
        title,
        name,
    });
}

/// The text after a list bullet typed or made by Word ("- ", "– ", "• ").
pub fn strip_bullet(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix('-')
        .or_else(|| line.strip_prefix('–'))
        .or_else(|| line.strip_prefix('•'))
        .or_else(|| line.strip_prefix('\u{f0b7}'))
        .or_else(|| line.strip_prefix('+'))?;
    rest.starts_with([' ', '\t']).then(|| rest.trim_start())
}

/// "GIÁM ĐỐC" → "Giám đốc", "PHÓ GIÁM ĐỐC" → "Phó Giám đốc": a title in
/// capitals made sentence case the way documents write it in text; a title
/// already in mixed case is kept.
fn sentence_case(title: &str) -> String {
    if title.chars().any(char::is_lowercase) {
        return title.to_owned();
    }
    let lower = title.to_lowercase();
    match lower.strip_prefix("phó ") {
        Some(rest) => format!("Phó {}", upper_first(rest)),
        None => upper_first(&lower),
    }
}

/// The heading level a paragraph's label gives it in Markdown: "I." 2,
/// "1." 3, a short "a) …:" 4.
pub fn heading_level(text: &str) -> Option<u8> {
    let (label, rest) = text.split_once([' ', '\t'])?;
    if rest.trim().is_empty() {
        return None;
    }
    if let Some(roman) = label.strip_suffix('.')
        && !roman.is_empty()
        && roman.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
    {
        return Some(2);
    }
    if let Some(digits) = label.strip_suffix('.')
        && (1..=2).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
    {
        return Some(3);
    }
    if let Some(letter) = label.strip_suffix(')')
        && letter.chars().count() == 1
        && letter.chars().all(|c| c.is_lowercase())
        && text.trim_end().ends_with(':')
        && text.chars().count() <= 100
    {
        return Some(4);
    }
    None
}

fn read_basis(body: &[&Para]) -> Vec<String> {
    let mut basis = Vec::new();
    for p in body {
        let text = flat(p);
        if heading_level(&text).is_some() {
            break;
        }
        for piece in text.split(';') {
            let piece = piece.trim();
            if piece.contains("xây dựng Kế hoạch")
                || piece.contains("ban hành Kế hoạch")
                || piece.ends_with("như sau:")
            {
                return basis;
            }
            let piece = piece
                .strip_prefix("Căn cứ ")
                .or_else(|| piece.strip_prefix("Thực hiện "))
                .unwrap_or(piece)
                .trim_end_matches([';', ',', '.'])
                .trim();
            if !piece.is_empty() {
                basis.push(piece.to_owned());
            }
        }
    }
    basis
}

fn read_motto(body: &[&Para]) -> Option<String> {
    let at = body
        .iter()
        .position(|p| flat(p).to_lowercase().contains("chủ đề thi đua"))?;
    let quoted = |p: &Para| -> Option<String> {
        let text = flat(p);
        let open = text.find('“')?;
        let inner = &text[open + '“'.len_utf8()..];
        let close = inner.rfind('”')?;
        let motto = inner[..close].trim().trim_end_matches('.').trim();
        (!motto.is_empty()).then(|| motto.to_owned())
    };
    quoted(body[at]).or_else(|| body.get(at + 1).and_then(|p| quoted(p)))
}

/// A date written d/m/yyyy or m/yyyy found in text, with where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Written {
    day: Option<u32>,
    month: u32,
    year: i32,
    start: usize,
    end: usize,
}

impl Written {
    fn shown(self) -> String {
        match self.day {
            Some(d) => format!("{d:02}/{:02}/{}", self.month, self.year),
            None => format!("{:02}/{}", self.month, self.year),
        }
    }

    /// The day it names, or why it names none.
    fn day(self) -> Result<NaiveDate, String> {
        let day = self.day.unwrap_or(1);
        if !(1..=12).contains(&self.month) {
            return Err(format!(
                "{} is not a date: there is no month {}",
                self.shown(),
                self.month
            ));
        }
        NaiveDate::from_ymd_opt(self.year, self.month, day)
            .ok_or_else(|| not_a_day(day, self.month, self.year as u32))
    }
}

fn not_a_day(day: u32, month: u32, year: u32) -> String {
    if !(1..=12).contains(&month) {
        return format!("{day:02}/{month:02}/{year} is not a date: there is no month {month}");
    }
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year as i32 + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year as i32, month + 1, 1)
    };
    let days = next.and_then(|n| n.pred_opt()).map_or(31, |d| d.day());
    format!("{day:02}/{month:02}/{year} is not a date: month {month} of {year} has {days} days")
}

/// Every d/m/yyyy and m/yyyy in the text.
fn dates(text: &str) -> Vec<Written> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'/'))
        {
            i += 1;
            continue;
        }
        let mut parts = Vec::new();
        let mut j = i;
        loop {
            let from = j;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            parts.push(&text[from..j]);
            if j + 1 < bytes.len()
                && bytes[j] == b'/'
                && bytes[j + 1].is_ascii_digit()
                && parts.len() < 3
            {
                j += 1;
            } else {
                break;
            }
        }
        let num = |s: &str| s.parse::<u32>().ok();
        let written = match parts[..] {
            [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => Some(Written {
                day: num(d),
                month: num(m).unwrap_or(0),
                year: num(y).unwrap_or(0) as i32,
                start: i,
                end: j,
            }),
            [m, y] if m.len() <= 2 && y.len() == 4 => Some(Written {
                day: None,
                month: num(m).unwrap_or(0),
                year: num(y).unwrap_or(0) as i32,
                start: i,
                end: j,
            }),
            _ => None,
        };
        out.extend(written);
        i = j.max(i + 1);
    }
    out
}

fn read_phases(body: &[&Para]) -> (Vec<Phase>, Vec<Finding>) {
    let mut phases = Vec::new();
    let mut findings = Vec::new();
    for p in body {
        let text = flat(p);
        let Some(at) = text.find("Đợt thi đua thứ ") else {
            continue;
        };
        // The phase's own paragraph: its label, then "Đợt thi đua thứ …".
        let label = &text[..at];
        if label.chars().count() > 6 || label.chars().any(|c| c.is_alphabetic() && c.is_uppercase())
        {
            continue;
        }
        let rest = &text[at..];
        let name_end = rest["Đợt thi đua thứ ".len()..]
            .find(|c: char| !c.is_alphabetic())
            .map_or(rest.len(), |i| i + "Đợt thi đua thứ ".len());
        let name = rest[..name_end].to_owned();
        let here = || Some((p.at, text.clone()));
        let mut phase = Phase {
            name: name.clone(),
            start: None,
            end: None,
            review_by: None,
            goal: None,
            review: None,
            milestones: Vec::new(),
        };
        let after_name = &rest[name_end..];
        let mut tail = after_name;
        if let Some(open) = after_name.find("(từ ")
            && open <= 2
            && let Some(close) = after_name[open..].find(')')
        {
            let range = &after_name[open..open + close];
            let found = dates(range);
            if let [from, to, ..] = found[..] {
                match (from.day(), to.day()) {
                    (Ok(start), Ok(end)) => {
                        phase.start = Some(match from.day {
                            Some(_) => PartialDate::Day(start),
                            None => PartialDate::Month {
                                year: from.year,
                                month: from.month,
                            },
                        });
                        phase.end = Some(match to.day {
                            Some(_) => end,
                            // "đến tháng 6/2022": the month's last day.
                            None => last_day(to.year, to.month),
                        });
                    }
                    (Err(e), _) | (_, Err(e)) => {
                        findings.push(Finding::error(e, Some((p.at, collapse(&range[1..])))));
                    }
                }
            }
            tail = after_name[open + close + 1..].trim_start_matches([':', ' ']);
        }
        let sentences = sentences(tail);
        for s in &sentences {
            if phase.goal.is_none() {
                if s.starts_with("Phấn đấu") {
                    phase.goal = Some(s.to_string());
                } else if let Some((_, goal)) = s.split_once("với mục tiêu ") {
                    phase.goal = Some(goal.trim().to_owned());
                }
            }
            let lower = s.to_lowercase();
            if phase.review.is_none()
                && (lower.contains("tổng kết") || lower.contains("sơ kết"))
                && !s.contains('(')
            {
                phase.review = Some(s.to_string());
            }
        }
        let review_text = phase.review.clone().unwrap_or_else(|| tail.to_owned());
        if let Some((_, after)) = review_text.split_once("hoàn thành trước ngày ")
            && let Some(date) = dates(after).first()
        {
            match date.day() {
                Ok(day) if date.day.is_some() => phase.review_by = Some(day),
                Ok(_) => {}
                Err(e) => findings.push(Finding::error(e, here())),
            }
        }
        read_milestones(&mut phase, tail, p.at, &mut findings);
        phases.push(phase);
    }
    (phases, findings)
}

fn last_day(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MIN)
}

/// Sentences: split after ". " where the next word starts with a capital.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, _) in text.match_indices(". ") {
        let next = text[i + 2..].chars().next();
        if next.is_some_and(char::is_uppercase) {
            out.push(text[from..=i].trim());
            from = i + 2;
        }
    }
    if from < text.len() && !text[from..].trim().is_empty() {
        out.push(text[from..].trim());
    }
    out
}

/// "N năm TITLE (d/m/y - d/m/y)" and "TITLE (d/m/y)", each a milestone.
fn read_milestones(phase: &mut Phase, text: &str, at: At, findings: &mut Vec<Finding>) {
    let mut last_years: Option<u32> = None;
    let mut search = 0;
    while let Some(open) = text[search..].find('(').map(|i| i + search) {
        let Some(close) = text[open..].find(')').map(|i| i + open) else {
            break;
        };
        search = close + 1;
        let inside = &text[open + 1..close];
        let found = dates(inside);
        // Only dates, their separator and spaces inside the parentheses.
        let rest: String = {
            let mut rest = inside.to_owned();
            for d in found.iter().rev() {
                rest.replace_range(d.start..d.end, "");
            }
            rest
        };
        if found.is_empty()
            || found.iter().any(|d| d.day.is_none())
            || found.len() > 2
            || !rest
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '-' | '–' | '—'))
        {
            continue;
        }
        let before = &text[..open];
        let segment_from = before.rfind([';', ':', ')']).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        let mut segment = before[segment_from..]
            .trim()
            .trim_start_matches(['.', ','])
            .trim();
        let joined = segment.starts_with("và ");
        if joined {
            segment = segment["và ".len()..].trim();
        }
        let written = years_then_title(segment);
        let (stated, title) = match written {
            Some((n, title)) => (Some(n), title),
            None => {
                let mut title = segment;
                for prefix in ["kỷ niệm ", "chào mừng ", "hưởng ứng ", "mừng "] {
                    if let Some(i) = title.rfind(prefix) {
                        title = &title[i + prefix.len()..];
                    }
                }
                (if joined { last_years } else { None }, title.trim())
            }
        };
        last_years = stated;
        // As the editor finds it with Word's Find: "95 năm Ngày … (… - …)".
        let spelled = match written {
            Some((n, _)) => format!("{n} năm {title} ({})", collapse(inside)),
            None => format!("{title} ({})", collapse(inside)),
        };
        let (since, date) = match found[..] {
            [one] => (None, one.day()),
            [since, date] => match since.day() {
                Ok(s) => (Some(s), date.day()),
                Err(e) => (None, Err(e)),
            },
            _ => continue,
        };
        let date = match date {
            Ok(d) => d,
            Err(e) => {
                findings.push(Finding::error(e, Some((at, spelled))));
                continue;
            }
        };
        if title.is_empty() {
            continue;
        }
        if let (Some(n), Some(since)) = (stated, since) {
            let mut years = date.year() - since.year();
            if (date.month(), date.day()) < (since.month(), since.day()) {
                years -= 1;
            }
            if years != n as i32 {
                findings.push(Finding::error(
                    format!(
                        "the plan says “{n} năm” but {} - {} is {years} years; the site prints the computed number",
                        since.format("%d/%m/%Y"),
                        date.format("%d/%m/%Y")
                    ),
                    Some((at, spelled.clone())),
                ));
            }
        }
        if let (Some(start), Some(end)) = (phase.start, phase.end)
            && (date < start.first_day() || date > end)
        {
            findings.push(Finding::warning(
                format!(
                    "the commemoration “{title}” ({}) is outside its phase “{}” ({} – {}); kept in that phase, where the plan lists it",
                    date.format("%d/%m/%Y"),
                    phase.name,
                    start.iso(),
                    end
                ),
                Some((at, spelled.clone())),
            ));
        }
        phase.milestones.push(Milestone {
            date,
            since,
            title: title.to_owned(),
        });
    }
    phase.milestones.sort_by_key(|m| m.date);
}

/// "… 92 năm Ngày thành lập Đảng" → (92, "Ngày thành lập Đảng").
fn years_then_title(segment: &str) -> Option<(u32, &str)> {
    let i = segment.find(" năm ")?;
    let digits_from = segment[..i]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |j| j + 1);
    let digits = &segment[digits_from..i];
    if digits.is_empty() || (digits_from > 0 && !segment[..digits_from].ends_with(' ')) {
        return None;
    }
    Some((digits.parse().ok()?, segment[i + " năm ".len()..].trim()))
}

fn read_targets(body: &[&Para]) -> Vec<Target> {
    let mut targets = Vec::new();
    let Some(from) = body.iter().position(|p| {
        let t = flat(p).to_lowercase();
        heading_level(&flat(p)) == Some(3)
            && (t.contains("mục tiêu thi đua") || t.contains("chỉ tiêu thi đua"))
    }) else {
        return targets;
    };
    let mut of = None;
    for p in &body[from + 1..] {
        let text = flat(p);
        match heading_level(&text) {
            Some(2 | 3) => break,
            Some(_) => {
                let lower = text.to_lowercase();
                of = if lower.contains("cá nhân") {
                    Some("individuals")
                } else if lower.contains("tập thể") {
                    Some("collectives")
                } else {
                    None
                };
                continue;
            }
            None => {}
        }
        let Some(of) = of else { continue };
        for line in p.lines() {
            if let Some(item) = strip_bullet(&line) {
                let text = collapse(item);
                targets.push(Target {
                    of,
                    award: percent_award(&text),
                    text,
                });
            }
        }
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_plans_write_them() {
        let found = dates("(từ tháng 01/2022 đến 30/6/2022) 19/5/1890-19/5/2025");
        let shown: Vec<String> = found.iter().map(|d| d.shown()).collect();
        assert_eq!(shown, ["01/2022", "30/06/2022", "19/05/1890", "19/05/2025"]);
        let bad = dates("31/02/2024")[0].day().unwrap_err();
        assert_eq!(bad, "31/02/2024 is not a date: month 2 of 2024 has 29 days");
    }

    #[test]
    fn a_target_measures_its_first_clause_only() {
        assert_eq!(
            percent_award(
                "100% phòng, ban đạt danh hiệu tập thể lao động tiên tiến, trong đó 20% …"
            ),
            Some(("tập thể lao động tiên tiến".into(), 100))
        );
        assert_eq!(
            percent_award(
                "100% cán bộ hoàn thành nhiệm vụ được giao; trên 90% cá nhân đạt danh hiệu Lao động tiên tiến."
            ),
            None
        );
        assert_eq!(
            percent_award("Có cá nhân được Thủ tướng Chính phủ tặng Bằng khen."),
            None
        );
        assert_eq!(
            percent_award(
                "Số cá nhân được tặng Bằng khen không quá 15% số cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở."
            ),
            None
        );
    }

    #[test]
    fn titles_in_sentence_case_the_vietnamese_way() {
        assert_eq!(sentence_case("GIÁM ĐỐC"), "Giám đốc");
        assert_eq!(sentence_case("PHÓ GIÁM ĐỐC"), "Phó Giám đốc");
        assert_eq!(sentence_case("Giám đốc Sở"), "Giám đốc Sở");
    }

    #[test]
    fn headings_by_their_labels() {
        assert_eq!(heading_level("I. MỤC ĐÍCH"), Some(2));
        assert_eq!(heading_level("II.\tCHỦ ĐỀ"), Some(2));
        assert_eq!(heading_level("1. Mục đích"), Some(3));
        assert_eq!(heading_level("a) Đối với cá nhân:"), Some(4));
        assert_eq!(
            heading_level("a) Đợt thi đua thứ nhất (từ …): thi đua"),
            None
        );
        assert_eq!(heading_level("- Tổ chức"), None);
    }

    #[test]
    fn milestones_with_their_original_dates_and_stated_years() {
        let mut phase = Phase {
            name: "Đợt thi đua thứ hai".into(),
            start: Some(PartialDate::Day(
                NaiveDate::from_ymd_opt(2022, 7, 1).unwrap(),
            )),
            end: NaiveDate::from_ymd_opt(2022, 12, 31),
            review_by: None,
            goal: None,
            review: None,
            milestones: vec![],
        };
        let mut findings = vec![];
        read_milestones(
            &mut phase,
            "thi đua lập thành tích chào mừng kỷ niệm 77 năm Ngày Cách mạng tháng Tám thành công (19/8/1945 - 19/8/2022) và Ngày Quốc khánh (02/9/1945 – 02/9/2022); kỷ niệm 175 năm ngày sinh Phan Đĩnh Phùng (06/6/1847 - 06/6/2022), lãnh tụ; hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam (21/4/2022); 95 năm Ngày X (03/02/1930 - 03/02/2024)",
            At::Paragraph(3),
            &mut findings,
        );
        let titles: Vec<&str> = phase.milestones.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Ngày Sách và Văn hóa đọc Việt Nam",
                "ngày sinh Phan Đĩnh Phùng",
                "Ngày Cách mạng tháng Tám thành công",
                "Ngày Quốc khánh",
                "Ngày X"
            ]
        );
        assert_eq!(phase.milestones[0].since, None);
        let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m
                    .starts_with("the plan says “95 năm” but 03/02/1930 - 03/02/2024 is 94 years")),
            "{messages:?}"
        );
        assert!(
            findings
                .iter()
                .any(|f| !f.error && f.message.contains("Phan Đĩnh Phùng"))
        );
    }
}
