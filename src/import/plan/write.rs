//! The campaign's index.md: front matter in the keys of
//! `content/phong-trao/2022/index.md`, each field the plan did not give left
//! as a `# TODO:` comment in Vietnamese where the key would be, and the body
//! as Markdown.

use std::fmt::Write as _;

use super::doc::{Block, Para, Span, Table};
use super::read::{Plan, heading_level, strip_bullet};
use crate::messages::{Lang, tr_in};

/// A YAML double-quoted string.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The front matter's TODO comment for a key, in Vietnamese (the file is the
/// editor's whatever language the command speaks).
fn todo_comment(out: &mut String, indent: &str, plan: &Plan, key: &str) {
    for todo in plan.todos.iter().filter(|t| t.key == key) {
        let _ = writeln!(
            out,
            "{indent}# TODO: {}",
            tr_in(Lang::Vi, &todo.message).replace('\n', " ")
        );
    }
}

/// The whole index.md.
pub fn index_md(plan: &Plan, attachment: &str, attachment_title: &str) -> String {
    let mut out = String::new();
    out.push_str("---\n# yaml-language-server: $schema=../../../schemas/campaign.schema.json\n");
    let _ = writeln!(
        out,
        "# {}",
        tr_in(
            Lang::Vi,
            "Imported from the plan's file by `bangvang import plan`: check every field against the document, fill in each TODO, then remove the line \"draft: true\"."
        )
    );
    out.push_str("draft: true\n");
    let scalar = |out: &mut String, key: &str, value: Option<String>| {
        todo_comment(out, "", plan, key);
        match value {
            Some(v) => {
                let _ = writeln!(out, "{key}: {v}");
            }
            None => {
                let _ = writeln!(out, "# {key}: \"…\"");
            }
        }
    };
    match &plan.title {
        Some(t) => {
            let _ = writeln!(out, "title: {}", quoted(t));
        }
        // The page needs a title: one the editor replaces.
        None => out.push_str("title: \"Kế hoạch phát động phong trào thi đua\"\n"),
    }
    scalar(&mut out, "subject", plan.subject.as_deref().map(quoted));
    scalar(&mut out, "number", plan.number.as_deref().map(quoted));
    scalar(&mut out, "issued", plan.issued.map(|d| d.iso()));
    scalar(&mut out, "place", plan.place.as_deref().map(quoted));
    todo_comment(&mut out, "", plan, "signer");
    match &plan.signer {
        Some(s) => {
            out.push_str("signer:\n");
            if let Some(a) = &s.authority {
                let _ = writeln!(out, "  authority: {}", quoted(a));
            }
            let _ = writeln!(out, "  title: {}", quoted(&s.title));
            let _ = writeln!(out, "  name: {}", quoted(&s.name));
        }
        None => out.push_str("# signer: { title: \"…\", name: \"…\" }\n"),
    }
    scalar(&mut out, "motto", plan.motto.as_deref().map(quoted));
    todo_comment(&mut out, "", plan, "basis");
    if plan.basis.is_empty() {
        out.push_str("# basis:\n#   - \"…\"\n");
    } else {
        out.push_str("basis:\n");
        for b in &plan.basis {
            let _ = writeln!(out, "  - {}", quoted(b));
        }
    }
    out.push_str("phases:\n");
    for (i, phase) in plan.phases.iter().enumerate() {
        let key = |k: &str| format!("phases[{}].{k}", i + 1);
        let _ = writeln!(out, "  - id: dot-{}", i + 1);
        let _ = writeln!(out, "    name: {}", quoted(&phase.name));
        todo_comment(&mut out, "    ", plan, &key("start"));
        match (phase.start, phase.end) {
            (Some(start), Some(end)) => {
                let _ = writeln!(out, "    start: {}", start.iso());
                let _ = writeln!(out, "    end: {end}");
            }
            _ => out.push_str("    # start: YYYY-MM-DD\n    # end: YYYY-MM-DD\n"),
        }
        todo_comment(&mut out, "    ", plan, &key("review_by"));
        match phase.review_by {
            Some(r) => {
                let _ = writeln!(out, "    review_by: {r}");
            }
            None => out.push_str("    # review_by: YYYY-MM-DD\n"),
        }
        if let Some(goal) = &phase.goal {
            let _ = writeln!(out, "    goal: {}", quoted(goal));
        }
        if let Some(review) = &phase.review {
            let _ = writeln!(out, "    review: {}", quoted(review));
        }
        if !phase.milestones.is_empty() {
            out.push_str("    milestones:\n");
            for m in &phase.milestones {
                let _ = writeln!(out, "      - date: {}", m.date);
                if let Some(since) = m.since {
                    let _ = writeln!(out, "        since: {since}");
                }
                let _ = writeln!(out, "        title: {}", quoted(&m.title));
            }
        }
    }
    if !plan.targets.is_empty() {
        let _ = writeln!(
            out,
            "# TODO: {}",
            tr_in(
                Lang::Vi,
                "a target's award and percent are read only from “N% … đạt danh hiệu …” at its start: add the others (“trong đó …”, counts, Bằng khen, Cờ thi đua) from the text"
            )
        );
        out.push_str("targets:\n");
        for t in &plan.targets {
            let _ = writeln!(out, "  - of: {}", t.of);
            let _ = writeln!(out, "    text: {}", quoted(&t.text));
            if let Some((award, percent)) = &t.award {
                let _ = writeln!(out, "    award: {}", quoted(award));
                let _ = writeln!(out, "    percent: {percent}");
            }
        }
    }
    todo_comment(&mut out, "", plan, "recipients");
    if plan.recipients.is_empty() {
        out.push_str("# recipients:\n#   - \"…\"\n");
    } else {
        out.push_str("recipients:\n");
        for r in &plan.recipients {
            let _ = writeln!(out, "  - {}", quoted(r));
        }
    }
    out.push_str("attachments:\n");
    let _ = writeln!(out, "  - file: {}", quoted(attachment));
    let _ = writeln!(out, "    title: {}", quoted(attachment_title));
    out.push_str("---\n\n");
    out.push_str(&markdown(&plan.body));
    out
}

/// The body as Markdown: one block per paragraph, a blank line between.
pub fn markdown(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in blocks {
        let md = match block {
            Block::Para(p) => paragraph(p),
            Block::Table(t) => table(t),
        };
        if !md.trim().is_empty() {
            parts.push(md);
        }
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// A paragraph's lines, each its spans.
fn lines(p: &Para) -> Vec<Vec<Span>> {
    let mut lines = vec![Vec::new()];
    for span in &p.spans {
        for (i, piece) in span.text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            if !piece.is_empty() {
                lines.last_mut().expect("one line at least").push(Span {
                    text: piece.replace('\t', " "),
                    ..span.clone()
                });
            }
        }
    }
    lines
        .into_iter()
        .map(|mut l| {
            trim_start(&mut l, 0);
            l
        })
        .filter(|l| l.iter().any(|s| !s.text.trim().is_empty()))
        .collect()
}

/// Drops `chars` characters from the front of a line's spans, then its
/// leading whitespace.
fn trim_start(line: &mut Vec<Span>, mut chars: usize) {
    while let Some(first) = line.first_mut() {
        let n = first.text.chars().count();
        if chars >= n {
            chars -= n;
            line.remove(0);
            continue;
        }
        let cut: usize = first.text.chars().take(chars).map(char::len_utf8).sum();
        first.text.drain(..cut);
        chars = 0;
        let kept = first.text.trim_start().len();
        let drop = first.text.len() - kept;
        first.text.drain(..drop);
        if first.text.is_empty() {
            line.remove(0);
            continue;
        }
        break;
    }
}

fn plain(line: &[Span]) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

fn paragraph(p: &Para) -> String {
    let lines = lines(p);
    if lines.is_empty() {
        return String::new();
    }
    let first = collapse(&plain(&lines[0]));
    if lines.len() == 1
        && let Some(level) = heading_level(&first)
    {
        return format!("{} {first}", "#".repeat(level as usize));
    }
    let bulleted = |l: &[Span]| strip_bullet(plain(l).trim_start()).is_some();
    if lines.iter().all(|l| bulleted(l)) {
        return lines
            .into_iter()
            .map(|mut l| {
                trim_start(&mut l, 1);
                format!("- {}", emphasis(&l))
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
    lines
        .iter()
        .map(|l| emphasis(l))
        .collect::<Vec<_>>()
        .join("\\\n")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown's own characters in text made literal.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Spans with `**bold**`, `*italic*`, `***both***` and `[links](…)`; the
/// spaces at a span's edges outside its markers; runs of spaces one.
fn emphasis(line: &[Span]) -> String {
    let mut out = String::new();
    for span in line {
        let text = span.text.replace('\u{a0}', " ");
        let core = text.trim();
        if core.is_empty() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        if text.starts_with(char::is_whitespace) && !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
        let marker = match (span.bold, span.italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let inner = collapse_spaces(&escape(core));
        let inner = match &span.link {
            Some(url) => format!("[{inner}]({})", url.replace(' ', "%20").replace(')', "%29")),
            None => inner,
        };
        let _ = write!(out, "{marker}{inner}{marker}");
        if text.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

/// Runs of spaces inside a text made one (Word's double spaces).
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    out
}

fn table(t: &Table) -> String {
    let columns = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return String::new();
    }
    let cell = |paras: &Vec<Para>, header: bool| -> String {
        paras
            .iter()
            .flat_map(lines)
            .map(|l| {
                if header {
                    escape(&collapse(&plain(&l)))
                } else {
                    emphasis(&l)
                }
            })
            .collect::<Vec<_>>()
            .join("<br>")
            .replace('|', "\\|")
    };
    let mut out = String::new();
    for (i, row) in t.rows.iter().enumerate() {
        let mut cells: Vec<String> = row.iter().map(|c| cell(c, i == 0)).collect();
        cells.resize(columns, String::new());
        let _ = writeln!(out, "| {} |", cells.join(" | "));
        if i == 0 {
            let _ = writeln!(out, "|{}", " --- |".repeat(columns));
        }
    }
    out.trim_end().to_owned()
}
