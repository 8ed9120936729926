//! The default theme, compiled into the binary (build.rs reads themes/default):
//! a site needs no `themes/` folder. A site overrides it file by file (its own
//! `templates/` and `static/`, or a theme folder of its own named by `theme:`,
//! laid over it), and `bangvang theme export` writes it out to be changed.
//!
//! An exported theme carries a manifest (`.bangvang-theme`) with the digest of
//! each file as exported; a build warns when the built-in file has changed
//! since, and `bangvang theme diff` shows how.

use std::path::{Path, PathBuf};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_theme.rs"));
}

/// The name `theme:` gives the built-in theme.
pub const BUILTIN: &str = "default";
/// Where a site's theme folders are.
pub const THEMES_DIR: &str = "themes";
/// The manifest `theme export` writes beside the files.
pub const MANIFEST: &str = ".bangvang-theme";

/// Every file of the built-in theme: `templates/base.html`, `static/style.css` …
pub fn files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    builtin::FILES.iter().copied()
}

/// The built-in theme's templates, by template name (`base.html`,
/// `partials/paginator.html`), as text.
pub fn templates() -> impl Iterator<Item = (&'static str, &'static str)> {
    files().filter_map(|(path, bytes)| {
        let name = path.strip_prefix("templates/")?;
        Some((
            name,
            std::str::from_utf8(bytes).expect("the theme is UTF-8"),
        ))
    })
}

/// The built-in theme's static files, by their name in the output.
pub fn static_files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    files().filter_map(|(path, bytes)| Some((path.strip_prefix("static/")?, bytes)))
}

/// The built-in file at `path` (`templates/base.html`).
pub fn file(path: &str) -> Option<&'static [u8]> {
    files().find(|(p, _)| *p == path).map(|(_, bytes)| bytes)
}

/// Where messages say a built-in file is: it is in no folder of the site.
pub fn shown_path(path: &str) -> PathBuf {
    PathBuf::from(format!("(bangvang) themes/{BUILTIN}/{path}"))
}

/// A file's digest as the manifest records it: the first 8 bytes of its
/// SHA-256, in hex (the same hash the published stylesheets are named by).
pub fn digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What `export` did.
pub struct Exported {
    pub written: Vec<PathBuf>,
}

/// Writes the built-in theme into `dir` (`templates/`, `static/` and the
/// manifest). Refuses, writing nothing, when a file it would write exists,
/// unless `force`.
pub fn export(dir: &Path, force: bool) -> Result<Exported, String> {
    let targets: Vec<(PathBuf, &[u8])> = files()
        .map(|(path, bytes)| (dir.join(path), bytes))
        .collect();
    if !force && let Some((existing, _)) = targets.iter().find(|(path, _)| path.exists()) {
        return Err(format!(
            "{} already exists; nothing was written (--force replaces the theme's files)",
            existing.display()
        ));
    }
    let mut manifest = format!(
        "# Written by bangvang {} (theme export). Each line: a file of the theme and the\n\
         # digest of the built-in file it was exported from. Keep it: builds use it to\n\
         # tell when the built-in theme has changed since (see `bangvang theme diff`).\n",
        env!("CARGO_PKG_VERSION")
    );
    let mut written = Vec::new();
    for ((path, bytes), (rel, _)) in targets.iter().zip(files()) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        manifest.push_str(&format!("{rel} {}\n", digest(bytes)));
        written.push(path.clone());
    }
    let manifest_path = dir.join(MANIFEST);
    std::fs::write(&manifest_path, manifest)
        .map_err(|e| format!("cannot write {}: {e}", manifest_path.display()))?;
    written.push(manifest_path);
    Ok(Exported { written })
}

/// The manifest of an exported theme: file → digest of the built-in file it
/// was exported from. Empty when there is none.
pub fn manifest(dir: &Path) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(dir.join(MANIFEST)) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (path, digest) = l.rsplit_once(' ')?;
            Some((path.to_owned(), digest.to_owned()))
        })
        .collect()
}

/// The files of an exported theme whose built-in original has changed since
/// the export (the built-in file's digest is not the manifest's).
pub fn outdated(dir: &Path) -> Vec<String> {
    manifest(dir)
        .into_iter()
        .filter(|(path, recorded)| file(path).is_some_and(|now| digest(now) != *recorded))
        .map(|(path, _)| path)
        .collect()
}

/// The files of a site that replace a built-in one: in its theme folder
/// (`theme_dir`) and in its own `templates/` and `static/`, as (the built-in
/// file's path, the site's file).
pub fn overrides(root: &Path, theme_dir: Option<&Path>) -> Vec<(&'static str, PathBuf)> {
    let mut found = Vec::new();
    for (path, _) in files() {
        let mut candidates: Vec<PathBuf> = theme_dir.map(|d| d.join(path)).into_iter().collect();
        candidates.push(root.join(path));
        for candidate in candidates {
            if candidate.is_file() {
                found.push((path, candidate));
            }
        }
    }
    found
}

/// What `bangvang theme diff` prints: for each of the site's files that
/// replaces a built-in one and differs from it, a unified diff from the
/// built-in file to the site's; those whose built-in file changed since the
/// export first. Empty when nothing differs.
pub fn diff_report(root: &Path, theme_dir: Option<&Path>) -> String {
    let outdated = theme_dir.map(outdated).unwrap_or_default();
    let mut out = String::new();
    for (path, site_file) in overrides(root, theme_dir) {
        let built_in = file(path).expect("a built-in file");
        let Ok(site_text) = std::fs::read_to_string(&site_file) else {
            continue;
        };
        let Ok(built_in_text) = std::str::from_utf8(built_in) else {
            continue;
        };
        let shown = site_file
            .strip_prefix(root)
            .unwrap_or(&site_file)
            .display()
            .to_string();
        let diff = unified_diff(
            built_in_text,
            &site_text,
            &format!("(bangvang) {path}"),
            &shown,
        );
        if diff.is_empty() {
            continue;
        }
        if outdated.iter().any(|p| p == path) {
            out.push_str(&format!(
                "# {shown}: the built-in file has changed since this copy was exported\n"
            ));
        }
        out.push_str(&diff);
    }
    out
}

/// A unified diff from `old` to `new`, `context` lines around each change;
/// empty when they are equal. Lines compared whole (an LCS table: the theme's
/// files are a few hundred lines).
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    if a == b {
        return String::new();
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    // The edit script: (' ' | '-' | '+', old line number, new line number, text).
    let mut script = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            script.push((' ', i, j, a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // Removals before additions, as `diff -u` writes them.
            script.push(('-', i, j, a[i]));
            i += 1;
        } else {
            script.push(('+', i, j, b[j]));
            j += 1;
        }
    }
    const CONTEXT: usize = 3;
    let changed: Vec<usize> = (0..script.len()).filter(|&k| script[k].0 != ' ').collect();
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(CONTEXT);
        let mut end = changed[k] + CONTEXT + 1;
        while k + 1 < changed.len() && changed[k + 1] <= end + CONTEXT {
            k += 1;
            end = changed[k] + CONTEXT + 1;
        }
        let end = end.min(script.len());
        let hunk = &script[start..end];
        let old_count = hunk.iter().filter(|s| s.0 != '+').count();
        let new_count = hunk.iter().filter(|s| s.0 != '-').count();
        out.push_str(&format!(
            "@@ -{},{old_count} +{},{new_count} @@\n",
            hunk[0].1 + 1,
            hunk[0].2 + 1
        ));
        for (mark, _, _, text) in hunk {
            out.push(*mark);
            out.push_str(text);
            out.push('\n');
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_theme_has_the_templates_every_page_needs() {
        let names: Vec<&str> = templates().map(|(name, _)| name).collect();
        for needed in [
            "base.html",
            "page.html",
            "section.html",
            "index.html",
            "campaign.html",
            "results.html",
            "404.html",
        ] {
            assert!(names.contains(&needed), "{needed} in {names:?}");
        }
        assert!(static_files().any(|(name, _)| name == "style.css"));
    }

    #[test]
    fn a_diff_shows_what_changed_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
        let new = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\n";
        let diff = unified_diff(old, new, "old", "new");
        assert!(
            diff.starts_with("--- old\n+++ new\n@@ -2,8 +2,9 @@\n"),
            "{diff}"
        );
        assert!(diff.contains("\n-e\n+E\n"), "{diff}");
        assert!(diff.ends_with("+j\n"), "{diff}");
        assert_eq!(unified_diff(old, old, "old", "new"), "");
    }

    #[test]
    fn export_refuses_to_overwrite_and_records_what_it_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let exported = export(dir.path(), false).unwrap();
        assert!(
            exported
                .written
                .iter()
                .any(|p| p.ends_with("templates/base.html"))
        );
        assert!(outdated(dir.path()).is_empty());
        assert!(export(dir.path(), false).is_err());
        // A manifest that recorded another original: the built-in file changed.
        let manifest = std::fs::read_to_string(dir.path().join(MANIFEST)).unwrap();
        let changed = manifest.replace(
            &format!(
                "templates/base.html {}",
                digest(file("templates/base.html").unwrap())
            ),
            "templates/base.html 0000000000000000",
        );
        std::fs::write(dir.path().join(MANIFEST), changed).unwrap();
        assert_eq!(outdated(dir.path()), vec!["templates/base.html".to_owned()]);
    }
}
