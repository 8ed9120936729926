//! The Tera environment: the theme's templates, the site's overrides, and the
//! Vietnamese filters. Compiled once per build.
//!
//! `<root>/templates/x.html` replaces the theme's `x.html` file by file; a template
//! the site adds is available to pages by `template: x.html`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::value::{Key, ValueKind};
use tera::{ErrorKind, Kwargs, Map, State, Tera, TeraResult, Value};

use crate::diagnostics::{Diagnostic, Pos, display_path};
use crate::text::date;
use crate::text::vi_date;

pub const TEMPLATES_DIR: &str = "templates";

/// Where a template is read from.
enum TemplateSource {
    BuiltIn(&'static str),
    File(PathBuf),
}

/// The site's theme folder (`themes/<theme>`, `themes/default` without
/// `theme:`, as `bangvang theme export` writes it), laid over the built-in
/// theme; `None` for the built-in theme alone. A named theme that is not
/// there is an error (reported).
pub fn theme_folder(
    root: &Path,
    theme: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) -> Option<PathBuf> {
    let name = theme.unwrap_or(crate::theme::BUILTIN);
    let dir = root.join(crate::theme::THEMES_DIR).join(name);
    if dir.is_dir() {
        return Some(dir);
    }
    if name != crate::theme::BUILTIN {
        problems.push(
            Diagnostic::error(
                crate::model::config::CONFIG_FILE,
                Pos::START,
                format!(
                    "the theme `{name}` has no folder {}",
                    display_path(root, &dir).display()
                ),
            )
            .with_help("remove `theme:` to use the built-in theme, or name a folder of themes/"),
        );
    }
    None
}

/// The compiled templates, and the file of each.
pub struct Templates {
    pub tera: Tera,
    pub files: TemplateFiles,
}

/// Each template's file, as messages name it (`themes/default/templates/x.html`
/// or the site's own `templates/x.html`).
#[derive(Default)]
pub struct TemplateFiles(BTreeMap<String, PathBuf>);

impl TemplateFiles {
    /// Where Tera's `error` rendering the page from `source` happened: the
    /// template's file, line and column when Tera knows them.
    pub fn rendering_error(&self, error: &tera::Error, source: &Path) -> Diagnostic {
        let mut diagnostic = self
            .located(error)
            .into_iter()
            .next()
            .expect("an error gives at least one diagnostic");
        diagnostic.help = Some(format!("while rendering {}", source.display()));
        diagnostic
    }

    /// The same error in a template, met while rendering many pages, reported
    /// once: "while rendering content/a.md and 9999 other pages". Other
    /// problems (broken links, in content files) are kept as they are.
    pub fn collapse_rendering_errors(&self, problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let mut seen: BTreeMap<(PathBuf, Pos, String), usize> = BTreeMap::new();
        let mut kept: Vec<(Diagnostic, usize)> = Vec::new();
        for problem in problems {
            if !self.0.values().any(|file| *file == problem.file) {
                kept.push((problem, 0));
                continue;
            }
            let key = (problem.file.clone(), problem.pos, problem.message.clone());
            match seen.get(&key) {
                Some(&i) => kept[i].1 += 1,
                None => {
                    seen.insert(key, kept.len());
                    kept.push((problem, 0));
                }
            }
        }
        kept.into_iter()
            .map(|(mut problem, others)| {
                if others > 0 {
                    let help = problem.help.take().unwrap_or_default();
                    let pages = if others == 1 { "page" } else { "pages" };
                    problem.help = Some(format!("{help} and {others} other {pages}"));
                }
                problem
            })
            .collect()
    }

    /// Every problem `error` holds (compiling reports them all at once), each
    /// at its template's line and column when Tera knows them.
    fn located(&self, error: &tera::Error) -> Vec<Diagnostic> {
        match error.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
                let span = report.span();
                // Tera's columns count from 0.
                let pos = Pos::new(span.start_line as u32, span.start_col as u32 + 1);
                vec![Diagnostic::error(
                    self.file_of(report.filename()),
                    pos,
                    report.message(),
                )]
            }
            ErrorKind::CircularExtend { tpl, .. }
            | ErrorKind::CircularInclude { tpl, .. }
            | ErrorKind::MissingParent { current: tpl, .. } => {
                vec![Diagnostic::error(
                    self.file_of(tpl),
                    Pos::START,
                    error_chain(error),
                )]
            }
            // Unknown filters, functions, tests and blocks come as one message of
            // reports (`error: …` then `--> name:line:col`), one per use.
            ErrorKind::Msg(text) => {
                // A report in another shape is kept as Tera wrote it.
                text.split("\n\n")
                    .map(|report| {
                        self.parse_report(report).unwrap_or_else(|| {
                            Diagnostic::error(TEMPLATES_DIR, Pos::START, report.replace('\n', " "))
                        })
                    })
                    .collect()
            }
            _ => vec![Diagnostic::error(
                TEMPLATES_DIR,
                Pos::START,
                error_chain(error),
            )],
        }
    }

    /// One report of Tera's: `error: <message>` and ` --> <template>:<line>:<col>`.
    fn parse_report(&self, report: &str) -> Option<Diagnostic> {
        let mut lines = report.lines();
        let message = lines.next()?.strip_prefix("error: ")?;
        let locus = lines.next()?.trim_start().strip_prefix("--> ")?;
        let mut parts = locus.rsplitn(3, ':');
        let col = parts.next()?.parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        let name = parts.next()?;
        Some(Diagnostic::error(
            self.file_of(name),
            Pos::new(line, col),
            message,
        ))
    }

    fn file_of(&self, name: &str) -> PathBuf {
        self.0
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(TEMPLATES_DIR).join(name))
    }
}

/// Reads the built-in theme's templates with the site's theme folder's
/// (`theme_dir`, from [`theme_folder`]) and the site's own on top.
pub fn read(root: &Path, theme_dir: Option<&Path>) -> Result<TemplateSources, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    // Name → where it comes from: the built-in theme, then the site's theme
    // folder, then the site's own templates; the last one read wins.
    let mut files: BTreeMap<String, TemplateSource> = crate::theme::templates()
        .map(|(name, text)| (name.to_owned(), TemplateSource::BuiltIn(text)))
        .collect();
    let mut folders: Vec<PathBuf> = theme_dir
        .map(|dir| dir.join(TEMPLATES_DIR))
        .into_iter()
        .collect();
    folders.push(root.join(TEMPLATES_DIR));
    for dir in folders {
        for (path, name) in crate::load::walk::site_folder_files(root, &dir, &mut problems) {
            if name.ends_with(".html") || name.ends_with(".xml") || name.ends_with(".txt") {
                files.insert(name, TemplateSource::File(path));
            }
        }
    }
    let mut sources = Vec::with_capacity(files.len());
    let mut shown = BTreeMap::new();
    for (name, source) in files {
        match source {
            TemplateSource::BuiltIn(text) => {
                shown.insert(
                    name.clone(),
                    crate::theme::shown_path(&format!("{TEMPLATES_DIR}/{name}")),
                );
                sources.push((name, text.to_owned()));
            }
            TemplateSource::File(path) => {
                let rel = display_path(root, &path);
                match crate::load::source::read_text(&path, &rel) {
                    Ok(text) => sources.push((name.clone(), text.text)),
                    Err(d) => problems.push(d),
                }
                shown.insert(name, rel);
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let digest = super::fingerprint::key(
        &sources
            .iter()
            .flat_map(|(name, text)| [name.as_bytes(), text.as_bytes()])
            .collect::<Vec<_>>(),
    );
    let files = TemplateFiles(shown);
    Ok(TemplateSources {
        sources,
        digest,
        files,
    })
}

/// The theme's and the site's templates as read, not compiled yet: their digest
/// is known early (it keys serve's memory) and compiling runs beside loading.
pub struct TemplateSources {
    sources: Vec<(String, String)>,
    pub digest: u64,
    files: TemplateFiles,
}

impl TemplateSources {
    /// Compiles the templates with bangvang's filters and functions.
    pub fn compile(self) -> Result<Templates, Vec<Diagnostic>> {
        let TemplateSources { sources, files, .. } = self;
        // Tera 2 checks the filters and functions a template names when it
        // compiles it: they are registered first. `asset` knows the
        // fingerprinted names only later (lib.rs registers it again with them).
        let mut tera = Tera::default();
        // Said here rather than left to Tera's default: every HTML (and feed)
        // template escapes what it prints unless told `| safe`.
        tera.autoescape_on([".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        register_filters(&mut tera);
        tera.register_function("asset", crate::render::assets::Assets::default());
        if let Err(e) = tera.add_raw_templates(sources) {
            return Err(files.located(&e));
        }
        Ok(Templates { tera, files })
    }
}

/// Tera's error with its causes.
fn error_chain(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message.replace('\n', " ")
}

/// HTML escaping of `&`, `<`, `>`, `"` and `'` (what Tera 2's own escaping
/// writes), copying the runs between them whole instead of byte by byte.
pub fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    // Every value a page shows passes through here, and most hold nothing to
    // escape: blocks are tested for a special byte branch-free (the compiler
    // vectorizes it), and only a block that has one is looked at byte by byte.
    const BLOCK: usize = 32;
    let bytes = input.as_bytes();
    let mut run = 0;
    for (b, block) in bytes.chunks(BLOCK).enumerate() {
        if !block
            .iter()
            .fold(false, |any, &byte| any | (entity(byte).is_some()))
        {
            continue;
        }
        for (i, &byte) in block.iter().enumerate() {
            if let Some(entity) = entity(byte) {
                let at = b * BLOCK + i;
                out.write_all(&bytes[run..at])?;
                out.write_all(entity)?;
                run = at + 1;
            }
        }
    }
    out.write_all(&bytes[run..])
}

fn entity(byte: u8) -> Option<&'static [u8]> {
    match byte {
        b'&' => Some(b"&amp;"),
        b'<' => Some(b"&lt;"),
        b'>' => Some(b"&gt;"),
        b'"' => Some(b"&quot;"),
        b'\'' => Some(b"&#39;"),
        _ => None,
    }
}

fn register_filters(tera: &mut Tera) {
    tera.register_filter("default", default_filter);
    tera.register_filter("group_by", group_by_filter);
    tera.register_filter("vi_date", vi_date_filter);
    tera.register_filter("vi_date_short", vi_date_short_filter);
    tera.register_filter("filesize", filesize_filter);
}

/// `pages | group_by(attribute="date")`: the groups in the order of their keys,
/// as Tera 1 gave them. Tera 2's own puts them in the order of a randomly
/// seeded hash map, so a theme grouping news by year would publish different
/// bytes on every build.
fn group_by_filter(values: &[Value], kwargs: Kwargs, _: &State) -> TeraResult<Map> {
    let attribute = kwargs.must_get::<&str>("attribute")?;
    let mut groups: BTreeMap<Key<'static>, Vec<Value>> = BTreeMap::new();
    for (i, value) in values.iter().enumerate() {
        let Some(found) = value.get_from_path(attribute) else {
            return Err(tera::Error::message(format!(
                "group_by: item {i} has no `{attribute}`"
            )));
        };
        if found.is_none() {
            continue;
        }
        let key = if let Some(text) = found.as_str() {
            Key::String(text.into())
        } else if let Some(n) = found.as_u64() {
            Key::U64(n)
        } else if let Some(n) = found.as_i64() {
            Key::I64(n)
        } else if let Some(b) = found.as_bool() {
            Key::Bool(b)
        } else {
            return Err(tera::Error::message(format!(
                "group_by: `{attribute}` of item {i} is a {}, not a text, number or yes/no",
                found.name()
            )));
        };
        groups.entry(key).or_default().push(value.clone());
    }
    Ok(groups
        .into_iter()
        .map(|(key, items)| (key, Value::from(items)))
        .collect())
}

/// `x | default(value="—")`: the value when `x` is missing *or null*,
/// as in Tera 1 and Zola's themes. Tera 2's own `default` keeps a null, which
/// would print nothing where a theme asked for a dash.
fn default_filter(value: Value, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
    let fallback = kwargs.must_get::<Value>("value")?;
    let missing = if kwargs.get::<bool>("boolean")?.unwrap_or_default() {
        !value.is_truthy()
    } else {
        matches!(value.kind(), ValueKind::Undefined | ValueKind::None)
    };
    Ok(if missing { fallback } else { value })
}

fn date_arg(text: &str, filter: &str) -> TeraResult<date::PartialDate> {
    date::parse_partial(text).map_err(|e| tera::Error::message(format!("{filter}: {}", e.message)))
}

/// `"2022-02-03" | vi_date` → "ngày 03 tháng 02 năm 2022".
fn vi_date_filter(value: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    Ok(vi_date::long(date_arg(value, "vi_date")?))
}

/// `"2022-02-03" | vi_date_short` → "03/02/2022"; `"2022-01"` → "tháng 01/2022".
fn vi_date_short_filter(value: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    Ok(vi_date::short_partial(date_arg(value, "vi_date_short")?))
}

/// `12345 | filesize` → "12,1 KB", with the Vietnamese decimal comma.
fn filesize_filter(bytes: u64, _: Kwargs, _: &State) -> String {
    filesize(bytes)
}

pub fn filesize(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} byte");
    }
    let mut size = bytes as f64 / 1024.0;
    let mut unit = 0;
    while size >= 1024.0 && unit < UNITS.len() - 1 {
        size /= 1024.0;
        unit += 1;
    }
    format!("{size:.1} {}", UNITS[unit]).replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_replaces_the_five_specials_and_keeps_everything_else() {
        let escape = |text: &str| {
            let mut out = Vec::new();
            escape_html(text, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            escape("Tiến <b>&\"đổi\"</b> 'mới' /a/"),
            "Tiến &lt;b&gt;&amp;&quot;đổi&quot;&lt;/b&gt; &#39;mới&#39; /a/"
        );
        assert_eq!(escape("&"), "&amp;");
        assert_eq!(escape(""), "");
        assert_eq!(escape("Nguyễn Văn An"), "Nguyễn Văn An");
        // Specials at every position, across the edges of the blocks tested at once.
        let reference = |text: &str| {
            text.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_owned(),
                    '<' => "&lt;".to_owned(),
                    '>' => "&gt;".to_owned(),
                    '"' => "&quot;".to_owned(),
                    '\'' => "&#39;".to_owned(),
                    c => c.to_string(),
                })
                .collect::<String>()
        };
        for len in 0..100 {
            for at in 0..len {
                for special in ['&', '<', '>', '"', '\''] {
                    let mut text: Vec<char> = "ầ".repeat(len).chars().collect();
                    text[at] = special;
                    if at + 33 < len {
                        text[at + 33] = '<';
                    }
                    let text: String = text.into_iter().collect();
                    assert_eq!(escape(&text), reference(&text), "{text}");
                }
            }
        }
    }

    #[test]
    fn file_sizes_use_a_decimal_comma() {
        assert_eq!(filesize(512), "512 byte");
        assert_eq!(filesize(15_009), "14,7 KB");
        assert_eq!(filesize(3 * 1024 * 1024), "3,0 MB");
    }
}
