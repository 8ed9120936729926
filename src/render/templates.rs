//! The Tera environment: the theme's templates, the site's overrides, and the
//! Vietnamese filters. Compiled once per build.
//!
//! `<root>/templates/x.html` replaces the theme's `x.html` file by file; a template
//! the site adds is available to pages by `template: x.html`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use tera::{Tera, Value};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Pos, display_path};
use crate::model::date;
use crate::text::vi_date;

pub const THEMES_DIR: &str = "themes";
pub const TEMPLATES_DIR: &str = "templates";

/// The compiled templates, and a fingerprint of their names and text.
pub struct Templates {
    pub tera: Tera,
    pub digest: u64,
}

/// Loads the theme's templates with the site's overrides on top.
pub fn load(root: &Path, theme: &str) -> Result<Templates, Vec<Diagnostic>> {
    let theme_dir = root.join(THEMES_DIR).join(theme).join(TEMPLATES_DIR);
    if !theme_dir.is_dir() {
        return Err(vec![
            Diagnostic::error(
                crate::config::CONFIG_FILE,
                Pos::START,
                format!(
                    "the theme `{theme}` has no folder {}",
                    display_path(root, &theme_dir).display()
                ),
            )
            .with_help("set `theme:` in site.yaml to a folder of themes/"),
        ]);
    }
    // Name → file; the site's own templates are read last and win.
    let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
    for dir in [theme_dir, root.join(TEMPLATES_DIR)] {
        if !dir.is_dir() {
            continue;
        }
        for entry in WalkDir::new(&dir).sort_by_file_name().into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&dir)
                .expect("below the walked folder")
                .to_string_lossy()
                .replace('\\', "/");
            if name.ends_with(".html") || name.ends_with(".xml") || name.ends_with(".txt") {
                files.insert(name, entry.path().to_path_buf());
            }
        }
    }
    let mut sources = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    for (name, path) in &files {
        let rel = display_path(root, path);
        match crate::load::source::read_text(path, &rel) {
            Ok(text) => sources.push((name.clone(), text.text)),
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let digest = crate::memo::key(
        &sources
            .iter()
            .flat_map(|(name, text)| [name.as_bytes(), text.as_bytes()])
            .collect::<Vec<_>>(),
    );
    let mut tera = Tera::default();
    if let Err(e) = tera.add_raw_templates(sources) {
        let rel = template_file(&e, &files)
            .map_or_else(|| PathBuf::from(TEMPLATES_DIR), |p| display_path(root, p));
        return Err(vec![Diagnostic::error(rel, Pos::START, error_chain(&e))]);
    }
    tera.set_escape_fn(escape_html);
    register_filters(&mut tera);
    Ok(Templates { tera, digest })
}

/// The file a Tera error is about, when its message names a template.
fn template_file<'a>(
    error: &tera::Error,
    files: &'a BTreeMap<String, PathBuf>,
) -> Option<&'a PathBuf> {
    let text = error_chain(error);
    files
        .iter()
        .find(|(name, _)| text.contains(&format!("'{name}'")))
        .map(|(_, p)| p)
}

/// Tera's error with its causes, which hold the line and what was expected.
pub fn error_chain(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message.replace('\n', " ")
}

/// HTML escaping of `&`, `<`, `>`, `"` and `'`. Tera's default also escapes `/`,
/// which is safe but turns every link into `&#x2F;` soup; no HTML context needs it.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    // Copies the runs between special bytes whole: every value a page shows
    // passes through here, and most hold nothing to escape.
    let mut run = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[run..i]);
        out.push_str(entity);
        run = i + 1;
    }
    out.push_str(&input[run..]);
    out
}

fn register_filters(tera: &mut Tera) {
    tera.register_filter("vi_date", vi_date_filter);
    tera.register_filter("vi_date_short", vi_date_short_filter);
    tera.register_filter("filesize", filesize_filter);
}

fn date_arg(value: &Value, filter: &str) -> tera::Result<date::PartialDate> {
    let text = value
        .as_str()
        .ok_or_else(|| tera::Error::msg(format!("{filter} takes a date string, got {value}")))?;
    date::parse_partial(text).map_err(|e| tera::Error::msg(format!("{filter}: {}", e.message)))
}

/// `"2022-02-03" | vi_date` → "ngày 03 tháng 02 năm 2022".
fn vi_date_filter(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    Ok(Value::String(vi_date::long(date_arg(value, "vi_date")?)))
}

/// `"2022-02-03" | vi_date_short` → "03/02/2022"; `"2022-01"` → "tháng 01/2022".
fn vi_date_short_filter(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    Ok(Value::String(vi_date::short_partial(date_arg(
        value,
        "vi_date_short",
    )?)))
}

/// `12345 | filesize` → "12,1 KB", with the Vietnamese decimal comma.
fn filesize_filter(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    let bytes = value
        .as_u64()
        .ok_or_else(|| tera::Error::msg("filesize takes a number of bytes"))?;
    Ok(Value::String(filesize(bytes)))
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
        assert_eq!(
            escape_html("Tiến <b>&\"đổi\"</b> 'mới' /a/"),
            "Tiến &lt;b&gt;&amp;&quot;đổi&quot;&lt;/b&gt; &#39;mới&#39; /a/"
        );
        assert_eq!(escape_html("&"), "&amp;");
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("Nguyễn Văn An"), "Nguyễn Văn An");
    }

    #[test]
    fn file_sizes_use_a_decimal_comma() {
        assert_eq!(filesize(512), "512 byte");
        assert_eq!(filesize(15_009), "14,7 KB");
        assert_eq!(filesize(3 * 1024 * 1024), "3,0 MB");
    }
}
