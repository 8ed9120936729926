//! Splitting a Markdown file into its YAML front matter and its body.
//!
//! Line numbers are kept relative to the whole file, so that a problem in the front
//! matter or the body is reported at the line the editor sees.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Pos};

/// The two parts of a page source. `yaml_line` and `body_line` are the 1-based file
/// lines on which each part starts.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub yaml_line: u32,
    pub body: &'a str,
    pub body_line: u32,
}

const FENCE: &str = "---";

pub fn split<'a>(text: &'a str, file: &Path) -> Result<Split<'a>, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(file, Pos::START, "the file is empty")
            .with_help("a page starts with `---`, a line `title: …`, and another `---`"));
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != FENCE {
        return Err(Diagnostic::error(
            file,
            Pos::START,
            "the page has no front matter: the first line must be `---`",
        )
        .with_help("start the file with `---`, then `title: …`, then a line `---`"));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    let mut line_no = 1u32;
    for line in lines {
        line_no += 1;
        if line.trim_end() == FENCE {
            let body_start = offset + line.len();
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        file,
        Pos::START,
        "the front matter opened by `---` on line 1 is never closed",
    )
    .with_help("add a line `---` after the last key of the front matter"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_file_line_numbers() {
        let s = split("---\ntitle: A\n---\nBody\n", Path::new("a.md")).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn unclosed_and_missing_front_matter_are_errors() {
        let e = split("---\ntitle: A\n", Path::new("a.md")).unwrap_err();
        assert!(e.message.contains("never closed"));
        let e = split("title: A\n", Path::new("a.md")).unwrap_err();
        assert!(e.message.contains("no front matter"));
        let e = split("\n  \n", Path::new("a.md")).unwrap_err();
        assert!(e.message.contains("empty"));
    }
}
