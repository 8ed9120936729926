//! YAML text → a tree of [`Node`]s, each knowing its line and column in the file.
//!
//! This is a parser front end only: it does not interpret scalars (a date, a number
//! and a word are all strings here). The decoder (`decode.rs`) gives them meaning per
//! key, so `title: 2022` is a title and `weight: abc` is an error at its own column.
//!
//! Hostile input is refused quickly: aliases are expanded under a node budget (the
//! "billion laughs" attack), and nesting is limited.

use std::collections::HashMap;
use std::path::Path;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::diagnostics::{Diagnostic, Pos};

/// At most this many nodes per file, aliases expanded. A results list with 10,000
/// honorees of five fields each is about 70,000 nodes.
pub const MAX_NODES: usize = 1_000_000;
/// Deeper nesting than this is no content we know of.
pub const MAX_DEPTH: usize = 64;
/// Aliases (`*name`) may add at most this many nodes: enough for any honest reuse,
/// and a "billion laughs" file is refused after a few milliseconds.
pub const MAX_ALIAS_NODES: usize = 10_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// `plain` is false for quoted and block scalars: `"yes"` stays a string.
    Scalar {
        value: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// A plain scalar that YAML reads as null: empty, `~` or `null`.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar { value, plain: true }
            if value.is_empty() || value == "~" || value == "null" || value == "Null" || value == "NULL")
    }

    /// What an editor would call this kind of value, for messages.
    pub fn describe(&self) -> &'static str {
        match &self.kind {
            _ if self.is_null() => "nothing",
            NodeKind::Scalar { .. } => "a single value",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a group of keys",
        }
    }
}

/// Parses one YAML document. `first_line` is the file line on which `text` starts.
/// An empty document is an empty map.
pub fn parse(text: &str, first_line: u32, file: &Path) -> Result<Node, Diagnostic> {
    // Most front matter is flat `key: value` lines, read much faster on their own.
    match super::flat_yaml::parse(text, first_line) {
        Some(node) => Ok(node),
        None => parse_full(text, first_line, file),
    }
}

/// [`parse`] by the full YAML parser, whatever the text's shape.
pub(crate) fn parse_full(text: &str, first_line: u32, file: &Path) -> Result<Node, Diagnostic> {
    let mut builder = Builder {
        parser: Parser::new_from_str(text),
        text,
        line_starts: std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        first_line,
        file,
        anchors: HashMap::new(),
        nodes: 0,
        alias_nodes: 0,
    };
    builder.document()
}

struct Builder<'a> {
    parser: Parser<std::str::Chars<'a>>,
    text: &'a str,
    /// Byte offset of each line's start: finding a marker's character must not
    /// scan the text from its start (quadratic in a list of 50,000 honorees).
    line_starts: Vec<usize>,
    first_line: u32,
    file: &'a Path,
    anchors: HashMap<usize, Node>,
    nodes: usize,
    alias_nodes: usize,
}

impl Builder<'_> {
    fn pos(&self, mark: &Marker) -> Pos {
        Pos::new(
            self.first_line + mark.line() as u32 - 1,
            mark.col() as u32 + 1,
        )
    }

    /// The character a marker points at.
    fn char_at(&self, mark: &Marker) -> Option<char> {
        let start = *self.line_starts.get(mark.line().checked_sub(1)?)?;
        self.text[start..].chars().nth(mark.col())
    }

    fn next(&mut self) -> Result<(Event, Marker), Diagnostic> {
        self.parser.next_token().map_err(|e| {
            let pos = self.pos(e.marker());
            if e.info().contains("recursion limit") {
                return Diagnostic::error(
                    self.file,
                    pos,
                    "the YAML is nested too deeply; refused",
                );
            }
            if let Some(tab) = indenting_tab(self.text, e.marker().line(), self.first_line) {
                return Diagnostic::error(
                    self.file,
                    tab,
                    "this line is indented with a tab; YAML is indented with spaces only",
                )
                .with_help("replace the tab with spaces (two for each level)");
            }
            if let Some(unclosed) = unclosed_bracket(self.text, self.first_line, self.file) {
                return unclosed;
            }
            Diagnostic::error(
                self.file,
                pos,
                format!("the YAML is malformed: {}", e.info()),
            )
            .with_help(
                "check the indentation and that values containing `: ` or starting with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `@` or `%` are in quotes",
            )
        })
    }

    fn document(&mut self) -> Result<Node, Diagnostic> {
        let empty = |pos| Node {
            kind: NodeKind::Map(Vec::new()),
            pos,
        };
        loop {
            let (event, mark) = self.next()?;
            match event {
                Event::StreamStart | Event::DocumentStart => continue,
                Event::StreamEnd | Event::DocumentEnd => {
                    return Ok(empty(Pos::new(self.first_line, 1)));
                }
                event => {
                    let root = self.node(event, mark, 0)?;
                    self.expect_end()?;
                    return Ok(if root.is_null() {
                        empty(root.pos)
                    } else {
                        root
                    });
                }
            }
        }
    }

    fn expect_end(&mut self) -> Result<(), Diagnostic> {
        loop {
            let (event, mark) = self.next()?;
            match event {
                Event::DocumentEnd => continue,
                Event::StreamEnd => return Ok(()),
                _ => {
                    return Err(Diagnostic::error(
                        self.file,
                        self.pos(&mark),
                        "a second YAML document starts here; a file holds one",
                    )
                    .with_help("remove the `---` line above this point"));
                }
            }
        }
    }

    fn count(&mut self, added: usize, mark: &Marker) -> Result<(), Diagnostic> {
        self.nodes += added;
        if self.nodes > MAX_NODES {
            return Err(Diagnostic::error(
                self.file,
                self.pos(mark),
                format!("the YAML expands to more than {MAX_NODES} values; refused"),
            )
            .with_help(
                "aliases (`*name`) that repeat other aliases multiply; write the values out",
            ));
        }
        Ok(())
    }

    fn node(&mut self, event: Event, mark: Marker, depth: usize) -> Result<Node, Diagnostic> {
        let pos = self.pos(&mark);
        if depth > MAX_DEPTH {
            return Err(Diagnostic::error(
                self.file,
                pos,
                format!("the YAML is nested more than {MAX_DEPTH} levels deep; refused"),
            ));
        }
        self.count(1, &mark)?;
        let (node, anchor) = match event {
            Event::Scalar(value, style, anchor, _tag) => (
                Node {
                    kind: NodeKind::Scalar {
                        value,
                        plain: style == TScalarStyle::Plain,
                    },
                    pos,
                },
                anchor,
            ),
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id).cloned() else {
                    return Err(Diagnostic::error(self.file, pos, "unknown alias"));
                };
                let added = size(&target);
                self.alias_nodes += added;
                if self.alias_nodes > MAX_ALIAS_NODES {
                    return Err(Diagnostic::error(
                        self.file,
                        pos,
                        format!("the YAML's aliases expand to more than {MAX_ALIAS_NODES} values; refused"),
                    )
                    .with_help("aliases (`*name`) that repeat other aliases multiply; write the values out"));
                }
                self.count(added, &mark)?;
                return Ok(Node { pos, ..target });
            }
            Event::SequenceStart(anchor, _tag) => {
                let mut items = Vec::new();
                loop {
                    let (event, mark) = self.next()?;
                    if event == Event::SequenceEnd {
                        break;
                    }
                    items.push(self.node(event, mark, depth + 1)?);
                }
                (
                    Node {
                        kind: NodeKind::Seq(items),
                        pos,
                    },
                    anchor,
                )
            }
            Event::MappingStart(anchor, _tag) => {
                let mut entries = Vec::new();
                loop {
                    let (event, mark) = self.next()?;
                    if event == Event::MappingEnd {
                        break;
                    }
                    let key = self.node(event, mark, depth + 1)?;
                    let (event, mark) = self.next()?;
                    let value = self.node(event, mark, depth + 1)?;
                    entries.push((key, value));
                }
                // libyaml-style parsers mark a block mapping where its first `:` is
                // found; the editor thinks of it as starting at its first key. A
                // flow mapping starts at its `{`.
                let pos = if self.char_at(&mark) == Some('{') {
                    pos
                } else {
                    entries.first().map_or(pos, |(key, _)| key.pos)
                };
                (
                    Node {
                        kind: NodeKind::Map(entries),
                        pos,
                    },
                    anchor,
                )
            }
            other => {
                return Err(Diagnostic::error(
                    self.file,
                    pos,
                    format!("unexpected YAML event {other:?}"),
                ));
            }
        };
        if anchor > 0 {
            // An anchor keeps a copy of its value for the aliases to come:
            // the copy counts against the budget like the values it repeats
            // (60 anchors nested over a 2 MB list took 3 GB before).
            let copied = size(&node);
            self.nodes += copied;
            if self.nodes > MAX_NODES {
                return Err(Diagnostic::error(
                    self.file,
                    pos,
                    format!("the YAML's anchors (`&name`) copy more than {MAX_NODES} values; refused"),
                )
                .with_help("anchors nested inside anchors copy the same values again; write the values out"));
            }
            self.anchors.insert(anchor, node.clone());
        }
        Ok(node)
    }
}

/// After a syntax error on the parser's line `line` (1-based, of `text`): a
/// tab in the indentation of that line or of one next to it: the parser
/// points at the character after the tab, or at the value before it.
fn indenting_tab(text: &str, line: usize, first_line: u32) -> Option<Pos> {
    let lines: Vec<&str> = text.lines().collect();
    [line, line + 1, line.saturating_sub(1)]
        .into_iter()
        .find_map(|n| {
            let content = lines.get(n.checked_sub(1)?)?;
            let indent_len = content.len() - content.trim_start_matches([' ', '\t']).len();
            let col = content[..indent_len].find('\t')?;
            Some(Pos::new(first_line + n as u32 - 1, col as u32 + 1))
        })
}

/// After a syntax error: a `[` or `{` that is never closed, which YAML parsers
/// report only where they give up (often lines later).
fn unclosed_bracket(text: &str, first_line: u32, file: &Path) -> Option<Diagnostic> {
    let mut open: Vec<(char, Pos)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut quote: Option<char> = None;
        let mut previous = ' ';
        for (col, c) in line.chars().enumerate() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') if matches!(previous, ' ' | '[' | '{' | ',' | ':') => {
                    quote = Some(c)
                }
                (None, '#') if previous == ' ' || col == 0 => break,
                // Only a bracket where a value starts opens a collection;
                // `summary: Tổ chức [hội nghị` is plain text.
                (None, '[' | '{')
                    if !open.is_empty()
                        || opens_value(line.chars().take(col).collect::<String>().as_str()) =>
                {
                    open.push((c, Pos::new(first_line + i as u32, col as u32 + 1)))
                }
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
            previous = c;
        }
    }
    let (bracket, pos) = open.first().copied()?;
    let close = if bracket == '[' { ']' } else { '}' };
    Some(
        Diagnostic::error(
            file,
            pos,
            format!("the `{bracket}` opened here is never closed"),
        )
        .with_help(format!(
            "add `{close}` at the end of the list, or put the value in quotes"
        )),
    )
}

/// Whether a value starts right after `before`: after `key:`, `- `, `[`, `{`,
/// `,`, or at the start of the line.
fn opens_value(before: &str) -> bool {
    let trimmed = before.trim_end();
    trimmed.is_empty() || trimmed.ends_with([':', '-', '[', '{', ','])
}

pub(super) fn size(node: &Node) -> usize {
    match &node.kind {
        NodeKind::Scalar { .. } => 1,
        NodeKind::Seq(items) => 1 + items.iter().map(size).sum::<usize>(),
        NodeKind::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| size(k) + size(v))
                .sum::<usize>()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Node {
        parse(text, 2, Path::new("a.md")).unwrap()
    }

    #[test]
    fn nodes_carry_file_positions() {
        let root = parse_ok("title: A\nphases:\n  - id: dot-1\n");
        let NodeKind::Map(entries) = &root.kind else {
            panic!()
        };
        assert_eq!(entries[0].0.pos, Pos::new(2, 1));
        assert_eq!(entries[0].1.pos, Pos::new(2, 8));
        let NodeKind::Seq(items) = &entries[1].1.kind else {
            panic!()
        };
        let NodeKind::Map(phase) = &items[0].kind else {
            panic!()
        };
        assert_eq!(phase[0].1.pos, Pos::new(4, 9));
    }

    #[test]
    fn billion_laughs_is_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        let err = parse(&text, 1, Path::new("a.yaml")).unwrap_err();
        assert!(err.message.contains("aliases expand"), "{}", err.message);
    }

    #[test]
    fn nested_anchors_are_counted_without_any_alias() {
        // Each anchor copies everything inside it: 60 of them over 20,000
        // values would hold 1.2 million copies.
        let mut text = String::new();
        for i in 0..60 {
            text.push_str(&format!("{}- &a{i}\n", "  ".repeat(i)));
        }
        let indent = "  ".repeat(60);
        for _ in 0..20_000 {
            text.push_str(&format!("{indent}- x\n"));
        }
        let err = parse(&text, 1, Path::new("a.yaml")).unwrap_err();
        assert!(err.message.contains("anchors"), "{}", err.message);
        // One anchor over the same list is fine.
        let one = format!("- &a\n{}", "  - x\n".repeat(20_000));
        assert!(parse(&one, 1, Path::new("a.yaml")).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(500);
        let err = parse(&text, 1, Path::new("a.yaml")).unwrap_err();
        assert!(err.message.contains("nested"), "{}", err.message);
    }

    #[test]
    fn an_unclosed_bracket_is_reported_where_it_opens() {
        let err = parse("title: A\ntags: [a, b\nsummary: c\n", 2, Path::new("a.md")).unwrap_err();
        assert_eq!(err.pos, Pos::new(3, 7), "{err}");
        assert!(err.message.contains("never closed"), "{err}");
    }

    #[test]
    fn a_bracket_inside_plain_text_is_not_blamed() {
        let err = parse(
            "title: A\nsummary: Tổ chức [hội nghị\n  bad: x\n",
            2,
            Path::new("a.md"),
        )
        .unwrap_err();
        assert!(!err.message.contains("never closed"), "{err}");
        assert_eq!(err.pos.line, 4, "{err}");
    }

    #[test]
    fn a_tab_in_the_indentation_is_named_where_it_is() {
        let err = parse("title: A\ntags:\n\t- a\n", 2, Path::new("a.md")).unwrap_err();
        assert_eq!(err.pos, Pos::new(4, 1), "{err}");
        assert!(err.message.contains("tab"), "{err}");
        let err = parse("phases:\n  - id: a\n  \t name: b\n", 2, Path::new("a.md")).unwrap_err();
        assert_eq!(err.pos, Pos::new(4, 3), "{err}");
    }

    #[test]
    fn flow_mappings_start_at_their_brace() {
        let root = parse_ok("count: { min: 2 }\n");
        let NodeKind::Map(entries) = &root.kind else {
            panic!()
        };
        assert_eq!(entries[0].1.pos, Pos::new(2, 8));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse("title: A\n  bad: x\n", 2, Path::new("a.md")).unwrap_err();
        assert_eq!(err.pos.line, 3, "{err}");
        assert!(err.message.contains("malformed"), "{err}");
    }
}
