//! A fast reading of the YAML most front matter is: one `key: value` per line.
//!
//! A news page's front matter is a handful of lines such as `title: "…"`,
//! `date: 2022-02-03` and `tags: [a, b]`. The full parser (yaml.rs) spends
//! more time on them than rendering the page's Markdown does. This reads
//! exactly that shape and nothing else: at the first line it is not sure of
//! it gives up, and the full parser reads the text instead — so what it
//! returns is always what the full parser would (a property tested below
//! against the full parser on generated text).
//!
//! Accepted, each on one line starting at column 1, with a key of ASCII
//! letters, digits, `_` and `-`:
//! - `key: plain value`, without ` #`, `: `, `"`, brackets, braces or tabs,
//!   not starting with a YAML indicator, with no trailing space;
//! - `key: "quoted value"` without `"` or `\` inside; `key: 'value'` without `'`;
//! - `key: [a, b, "c"]`, items as above (plain ones without `,` or `:`);
//! - blank lines and `# comments`.
//!
//! Text with a NUL character goes to the full parser (which stops reading
//! there), as do keys longer than YAML's 1,024-character limit for them.

use super::yaml::{MAX_NODES, Node, NodeKind, size};

use crate::diagnostics::Pos;

/// Longer keys are not keys to YAML (a simple key ends within 1,024 characters).
const MAX_KEY_LEN: usize = 1000;

/// The mapping `text` holds, when every line is in the shape above; `None`
/// sends the text to the full parser. `first_line` is the file line `text`
/// starts on.
pub fn parse(text: &str, first_line: u32) -> Option<Node> {
    if text.contains('\0') {
        return None;
    }
    let mut entries = Vec::new();
    let mut nodes = 1;
    for (n, line) in text.split('\n').enumerate() {
        let line_no = first_line + n as u32;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = line.split_once(':')?;
        let key_ok = key.len() <= MAX_KEY_LEN
            && key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !key_ok {
            return None;
        }
        let value = rest.strip_prefix(' ')?.trim_start_matches(' ');
        // Columns count characters: everything before the value is ASCII.
        let col = (line.len() - value.len()) as u32 + 1;
        let value = if let Some(items) = value.strip_prefix('[') {
            flow_seq(items.strip_suffix(']')?, line_no, col)?
        } else {
            scalar(value, line_no, col, Context::Block)?
        };
        let key = Node {
            kind: NodeKind::Scalar {
                value: key.to_owned(),
                plain: true,
            },
            pos: Pos::new(line_no, 1),
        };
        nodes += 1 + size(&value);
        if nodes > MAX_NODES {
            // The full parser says why the file is refused.
            return None;
        }
        entries.push((key, value));
    }
    let pos = entries.first()?.0.pos;
    Some(Node {
        kind: NodeKind::Map(entries),
        pos,
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Context {
    Block,
    /// Inside `[…]`, where `,` ends a plain item.
    Flow,
}

/// One quoted or plain scalar that is the whole of `text`, at `col`.
fn scalar(text: &str, line: u32, col: u32, context: Context) -> Option<Node> {
    // Between its quotes, a quoted scalar without the bytes that would end or
    // escape it reads as written.
    let quoted = |quote: char, refused: &[u8]| {
        let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
        (!inner.bytes().any(|b| refused.contains(&b))).then_some(inner)
    };
    let (value, plain) = match text.chars().next() {
        Some('"') => (quoted('"', b"\"\\")?, false),
        Some('\'') => (quoted('\'', b"'")?, false),
        _ if is_safe_plain(text, context) => (text, true),
        _ => return None,
    };
    Some(Node {
        kind: NodeKind::Scalar {
            value: value.to_owned(),
            plain,
        },
        pos: Pos::new(line, col),
    })
}

/// A plain scalar YAML reads as exactly these characters: nothing that could
/// start another kind of node, a comment, a mapping or (in a list) an item.
fn is_safe_plain(text: &str, context: Context) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    let indicator = matches!(
        first,
        b'-' | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
    );
    if indicator || last == b' ' || last == b':' {
        return false;
    }
    // One pass over the bytes (multi-byte letters never hold these): no
    // brackets, braces, quotes or tabs, no ` #` comment, no `: ` mapping, and
    // in a list no `,` or `:`.
    let mut previous = 0u8;
    for &b in bytes {
        let refused = match b {
            b'[' | b']' | b'{' | b'}' | b'"' | b'\t' => true,
            b',' | b':' => context == Context::Flow,
            b'#' => previous == b' ',
            b' ' => previous == b':',
            _ => false,
        };
        if refused {
            return false;
        }
        previous = b;
    }
    true
}

/// The items between `[` and `]`; `col` is the column of the `[`.
fn flow_seq(items: &str, line: u32, col: u32) -> Option<Node> {
    let mut nodes = Vec::new();
    if !items.is_empty() {
        // Character column of each item: after `[`, then after each `,` and spaces.
        let mut at = col + 1;
        for item in items.split(',') {
            let trimmed = item.trim_start_matches(' ');
            let item_col = at + (item.len() - trimmed.len()) as u32;
            if trimmed.ends_with(' ') {
                return None;
            }
            nodes.push(scalar(trimmed, line, item_col, Context::Flow)?);
            at += item.chars().count() as u32 + 1;
        }
    }
    Some(Node {
        kind: NodeKind::Seq(nodes),
        pos: Pos::new(line, col),
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;

    fn full(text: &str) -> Option<Node> {
        super::super::yaml::parse_full(text, 3, Path::new("a.md")).ok()
    }

    #[test]
    fn reads_the_usual_front_matter() {
        let text = "title: \"Phòng chống tham nhũng\"\ndate: 2021-08-05\n\n# nhãn\nsummary: Đơn vị, người lao động.\ntags: [chinh-quyen-087, \"tôn giáo\"]\nweight: 3\n";
        let fast = parse(text, 3).expect("in the flat shape");
        assert_eq!(Some(fast), full(text));
    }

    #[test]
    fn leaves_everything_else_to_the_full_parser() {
        for text in [
            "signer:\n  title: Giám đốc\n",
            "basis:\n  - a\n",
            "title: a: b\n",
            "title: \"a \\\" b\"\n",
            "title: a # comment\n",
            "title: &x a\n",
            "title:a\n",
            "title:\n",
            "tags: [a, [b]]\n",
            "title: a \n",
            "Tiêu đề: a\n",
            "title: |\n  a\n",
        ] {
            assert_eq!(parse(text, 1), None, "{text}");
        }
        // Where the full parser fails or stops reading.
        let long_key = format!("{}: x\n", "k".repeat(1030));
        assert!(full(&long_key).is_none());
        assert_eq!(parse(&long_key, 1), None);
        assert_eq!(parse("title: a\0b\nsummary: c\n", 1), None);
    }

    /// Lines near the flat shape, and some just outside it.
    fn line() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            Just("title".to_owned()),
            Just("tags".to_owned()),
            Just("a_b-c".to_owned()),
            "[a-z_-]{1,6}",
            Just("-x".to_owned()),
            Just("ngày".to_owned()),
            Just("k".repeat(1030)),
        ];
        let atom = prop_oneof![
            "[a-zA-Z0-9 ]{0,8}",
            "[a-zđươ:#,\\-\\[\\]{}'\" ]{0,8}",
            "[a-z\t\\x00\\\\&*!?%@|>~ ]{0,6}",
            Just("2022-02-03".to_owned()),
            Just("~".to_owned()),
            Just("Đoàn kết, đổi mới".to_owned()),
        ];
        let value = prop_oneof![
            atom.clone(),
            atom.clone().prop_map(|a| format!("\"{a}\"")),
            atom.clone().prop_map(|a| format!("'{a}'")),
            prop::collection::vec(
                prop_oneof![atom.clone(), atom.prop_map(|a| format!("\"{a}\""))],
                0..4
            )
            .prop_map(|items| format!("[{}]", items.join(", "))),
        ];
        prop_oneof![
            4 => (key, " {1,2}", value).prop_map(|(k, s, v)| format!("{k}:{s}{v}")),
            1 => Just(String::new()),
            1 => Just("# ghi chú".to_owned()),
            1 => Just("  - lồng".to_owned()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]
        #[test]
        fn what_it_reads_the_full_parser_reads_the_same(
            lines in prop::collection::vec(line(), 1..6)
        ) {
            let text = lines.join("\n") + "\n";
            if let Some(fast) = parse(&text, 3) {
                prop_assert_eq!(Some(fast), full(&text), "{}", text);
            }
        }
    }
}
