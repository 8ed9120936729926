//! Decoding: text with positions in, typed values and diagnostics out. The
//! toolkit every file format of the site is read with; it knows nothing of
//! pages, campaigns or lists (depends only on `diagnostics` and `text`).
//!
//! - [`yaml`]: YAML → a tree of [`Node`]s, each with its line and column
//!   ([`flat_yaml`] is the fast path for the flat front matter most pages have);
//! - [`front_matter`]: a Markdown file → its YAML and its body;
//! - [`Decoder`] and [`Fields`]: nodes → typed values. Each field is decoded on
//!   its own: a wrong value is reported at its own line and column and decoding
//!   goes on, so one run tells the editor about every misspelt key and every
//!   malformed date of the file at once. Unknown keys are errors with the
//!   closest known key suggested: a misspelt key never vanishes silently.

pub(crate) mod flat_yaml;
pub mod front_matter;
pub mod yaml;

use std::path::Path;

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Pos};
use crate::text::date::{self, PartialDate};
use crate::text::suggest;
use yaml::{Node, NodeKind};

/// Collects the diagnostics of one file while its values are decoded.
pub struct Decoder<'a> {
    pub file: &'a Path,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Decoder<'a> {
    pub fn new(file: &'a Path) -> Decoder<'a> {
        Decoder {
            file,
            diagnostics: Vec::new(),
        }
    }

    pub fn error(&mut self, pos: Pos, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::error(self.file, pos, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    pub fn warning(&mut self, pos: Pos, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::warning(self.file, pos, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::diagnostics::Severity::Error)
    }

    /// The decoded value unless an error was reported, with every diagnostic.
    pub fn finish<T>(self, value: Option<T>) -> (Option<T>, Vec<Diagnostic>) {
        let value = value.filter(|_| !self.has_errors());
        (value, self.diagnostics)
    }

    /// Like [`Decoder::finish`], but keeps what was decoded despite errors, so
    /// that checks across files can still report on it (the build fails anyway).
    pub fn finish_partial<T>(self, value: Option<T>) -> (Option<T>, Vec<Diagnostic>) {
        (value, self.diagnostics)
    }

    /// Opens a group of keys, reporting keys that are not in `known` and keys given
    /// twice. `what` names the group in messages ("the front matter", "a phase").
    pub fn fields<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        known: &[&'static str],
    ) -> Option<Fields<'n>> {
        let NodeKind::Map(entries) = &node.kind else {
            self.error(
                node.pos,
                format!(
                    "{what} must be a group of `key: value` lines, found {}",
                    node.describe()
                ),
            );
            return None;
        };
        let mut fields = Fields {
            pos: node.pos,
            entries: Vec::with_capacity(entries.len()),
            suggested: Vec::new(),
        };
        for (key, value) in entries {
            let NodeKind::Scalar { value: name, .. } = &key.kind else {
                self.error(key.pos, "a key must be a single word");
                continue;
            };
            if !known.contains(&name.as_str()) {
                let message = format!("unknown key `{name}` in {what}");
                let help = match suggest::closest(name, known.iter().copied()) {
                    Some(s) => {
                        fields.suggested.push(s);
                        format!("did you mean `{s}`?")
                    }
                    None => format!("the keys of {what} are: {}", known.join(", ")),
                };
                self.error(key.pos, message).help = Some(help);
                continue;
            }
            if let Some((_, _, first)) = fields.entries.iter().find(|(k, _, _)| k == name) {
                let line = first.line;
                self.error(key.pos, format!("the key `{name}` is given twice"))
                    .help = Some(format!("it is already given on line {line}; keep one"));
                continue;
            }
            fields.entries.push((name.as_str(), value, key.pos));
        }
        Some(fields)
    }

    /// Decodes a list of `T`.
    pub fn list<T: Decode>(&mut self, node: &Node) -> Option<Vec<T>> {
        match &node.kind {
            NodeKind::Seq(items) => {
                let before = self.diagnostics.len();
                let values: Vec<T> = items.iter().filter_map(|n| T::decode(self, n)).collect();
                (values.len() == items.len() || self.diagnostics.len() > before).then_some(values)
            }
            _ if node.is_null() => Some(Vec::new()),
            _ => {
                self.error(
                    node.pos,
                    format!(
                        "expected a list (lines starting with `- `), found {}",
                        node.describe()
                    ),
                );
                None
            }
        }
    }

    /// The text of a scalar; lists and groups are reported.
    pub fn scalar<'n>(&mut self, node: &'n Node, expected: &str) -> Option<&'n str> {
        match &node.kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => {
                self.error(
                    node.pos,
                    format!("expected {expected}, found {}", node.describe()),
                );
                None
            }
        }
    }
}

/// The keys of one YAML mapping, checked against the known keys.
pub struct Fields<'n> {
    pub pos: Pos,
    entries: Vec<(&'n str, &'n Node, Pos)>,
    /// Known keys suggested for misspelt ones: their absence is not reported
    /// again, the misspelling's message already names them.
    suggested: Vec<&'static str>,
}

impl<'n> Fields<'n> {
    pub fn node(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, v, _)| *k == key && !v.is_null())
            .map(|(_, v, _)| *v)
    }

    /// Where `key` is written, or where the group starts when it is absent.
    pub fn pos_of(&self, key: &str) -> Pos {
        self.entries
            .iter()
            .find(|(k, _, _)| *k == key)
            .map_or(self.pos, |(_, v, _)| v.pos)
    }

    /// Whether a misspelt key of the group was taken to mean `key`.
    pub fn was_suggested(&self, key: &str) -> bool {
        self.suggested.contains(&key)
    }

    /// An optional value: absent or empty is `None`; a wrong value is reported and
    /// also gives `None`.
    pub fn opt<T: Decode>(&self, d: &mut Decoder, key: &str) -> Option<T> {
        self.node(key).and_then(|n| T::decode(d, n))
    }

    /// A required value: absence is reported at the start of the group.
    pub fn req<T: Decode>(&self, d: &mut Decoder, key: &str, what: &str) -> Option<T> {
        match self.node(key) {
            Some(n) => T::decode(d, n),
            None if self.suggested.contains(&key) => None,
            None => {
                d.error(self.pos, format!("{what} has no `{key}`; it is required"))
                    .help = Some(format!("add a line `{key}: …`"));
                None
            }
        }
    }

    /// A required text a reader must see (a title, a name): absent, empty or
    /// made only of invisible characters is an error.
    pub fn req_text(&self, d: &mut Decoder, key: &str, what: &str) -> Option<String> {
        self.req::<Visible>(d, key, what).map(|v| v.0)
    }

    /// An optional text a reader must see when it is given.
    pub fn opt_text(&self, d: &mut Decoder, key: &str) -> Option<String> {
        self.opt::<Visible>(d, key).map(|v| v.0)
    }

    /// A list that may be absent (empty).
    pub fn list<T: Decode>(&self, d: &mut Decoder, key: &str) -> Vec<T> {
        self.node(key).and_then(|n| d.list(n)).unwrap_or_default()
    }
}

/// A type that can be read from a YAML node, reporting problems to the decoder.
pub trait Decode: Sized {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self>;
}

impl Decode for String {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        d.scalar(node, "text").map(|s| s.trim().to_owned())
    }
}

/// Text that shows something: not empty, not only zero-width spaces or
/// other invisible characters.
pub struct Visible(pub String);

impl Decode for Visible {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        let text = String::decode(d, node)?;
        if crate::text::shows_nothing(&text) {
            let message = if text.is_empty() {
                "the value is empty".to_owned()
            } else {
                let codes: Vec<String> = text
                    .chars()
                    .take(4)
                    .map(|c| format!("U+{:04X}", c as u32))
                    .collect();
                format!(
                    "the value shows nothing: it holds only invisible characters ({})",
                    codes.join(" ")
                )
            };
            d.error(node.pos, message).help =
                Some("type the text, or remove the line if the key is optional".into());
            return None;
        }
        Some(Visible(text))
    }
}

impl Decode for bool {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        match d.scalar(node, "true or false")? {
            "true" | "True" | "TRUE" => Some(true),
            "false" | "False" | "FALSE" => Some(false),
            other => {
                d.error(node.pos, format!("expected true or false, found `{other}`"));
                None
            }
        }
    }
}

macro_rules! decode_integer {
    ($($t:ty => $what:literal),*) => {$(
        impl Decode for $t {
            fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
                let text = d.scalar(node, $what)?;
                match text.trim().parse::<$t>() {
                    Ok(n) => Some(n),
                    Err(e) if matches!(e.kind(), std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow) => {
                        d.error(
                            node.pos,
                            format!("`{text}` is too large: at most {}", <$t>::MAX),
                        );
                        None
                    }
                    Err(_) => {
                        d.error(node.pos, format!("expected {}, found `{text}`", $what));
                        None
                    }
                }
            }
        }
    )*};
}

decode_integer!(u32 => "a whole number (0 or more)", i64 => "a whole number", u64 => "a whole number (0 or more)");

impl Decode for NaiveDate {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        let text = d.scalar(node, "a date (YYYY-MM-DD)")?;
        date::parse_day(text)
            .map_err(|e| d.error(node.pos, e.message).help = e.help)
            .ok()
    }
}

impl Decode for PartialDate {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        let text = d.scalar(node, "a date (YYYY-MM-DD or YYYY-MM)")?;
        date::parse_partial(text)
            .map_err(|e| d.error(node.pos, e.message).help = e.help)
            .ok()
    }
}

/// One of a fixed set of words, with a suggestion for a misspelt one.
pub fn pick<T: Copy>(
    d: &mut Decoder,
    pos: Pos,
    value: &str,
    options: &[(&'static str, T)],
) -> Option<T> {
    if let Some((_, v)) = options.iter().find(|(name, _)| *name == value) {
        return Some(*v);
    }
    let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    let help = match crate::text::suggest::closest(value, names.iter().copied()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("write one of: {}", names.join(", ")),
    };
    d.error(pos, format!("`{value}` is not one of {}", names.join(", ")))
        .help = Some(help);
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::yaml;

    struct Phase {
        name: String,
        end: NaiveDate,
    }

    impl Decode for Phase {
        fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
            let f = d.fields(node, "a phase", &["name", "end"])?;
            let name = f.req(d, "name", "a phase");
            let end = f.req(d, "end", "a phase");
            Some(Phase {
                name: name?,
                end: end?,
            })
        }
    }

    fn decode_phases(text: &str) -> (Option<Vec<Phase>>, Vec<Diagnostic>) {
        let file = Path::new("a.yaml");
        let root = yaml::parse(text, 1, file).unwrap();
        let mut d = Decoder::new(file);
        let phases = d.list(&root);
        (phases, d.diagnostics)
    }

    #[test]
    fn every_problem_of_a_file_is_reported() {
        let (_, diags) =
            decode_phases("- nmae: A\n  end: 30/6/2022\n- name: B\n  end: 2022-02-30\n");
        let lines: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        // The misspelt `nmae` is not reported a second time as a missing `name`.
        assert_eq!(diags.len(), 3, "{lines:#?}");
        assert!(lines[0].starts_with("error: a.yaml:1:3: unknown key `nmae`"));
        assert!(lines[0].contains("did you mean `name`?"));
        assert!(lines[1].contains("a.yaml:2:8: `30/6/2022`"));
        assert!(lines[1].contains("write 2022-06-30"));
        assert!(lines[2].contains("a.yaml:4:8: `2022-02-30` is not a day"));
    }

    #[test]
    fn good_input_decodes() {
        let (phases, diags) = decode_phases("- name: A\n  end: 2022-06-30\n");
        assert!(diags.is_empty());
        let phases = phases.unwrap();
        assert_eq!(phases[0].name, "A");
        assert_eq!(phases[0].end, NaiveDate::from_ymd_opt(2022, 6, 30).unwrap());
    }
}
