//! Fingerprinted stylesheets and scripts: the theme's and the site's `.css` and
//! `.js` files are published as `style.3f2a1c9b.css`, the name carrying the first
//! 8 hex digits of the SHA-256 of the content (what `sha256sum style.css` prints).
//! A web server can then let browsers keep them for a year (deploy/nginx.conf),
//! and a new version of the theme is never hidden behind a cached old one: its
//! name changes with its content. Images and other files keep their names.
//!
//! Templates name a file by its source name through the `asset` function:
//! `{{ root }}{{ asset(path="style.css") }}`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostic, Pos, display_path};

/// Source name (`style.css`, `js/x.js`) → published name, for every static
/// file. The names are kept as Tera values, made once: every page asks for the
/// stylesheet and the icon, and a value is shared, not copied.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    names: BTreeMap<String, tera::Value>,
}

/// Static files as `(source, name in the output)`.
pub type StaticFiles = Vec<(StaticSource, String)>;

/// Where a static file comes from: the site's folders, or the built-in theme.
#[derive(Debug, Clone)]
pub enum StaticSource {
    File(PathBuf),
    BuiltIn(&'static [u8]),
}

/// Whether files with this name are published under a fingerprinted name.
fn is_fingerprinted(name: &str) -> bool {
    name.ends_with(".css") || name.ends_with(".js")
}

/// `style.css` with its bytes → `style.3f2a1c9b.css`; other files keep their name.
pub fn fingerprinted_name(name: &str, bytes: &[u8]) -> String {
    if !is_fingerprinted(name) {
        return name.to_owned();
    }
    let digest = Sha256::digest(bytes);
    let hash: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    let dot = name.rfind('.').expect("a .css or .js name has a dot");
    format!("{}.{hash}{}", &name[..dot], &name[dot..])
}

/// Gives the static files `(source, output name)` their published names, reading
/// the stylesheets and scripts to hash them.
pub fn fingerprint(
    root: &Path,
    files: StaticFiles,
) -> Result<(StaticFiles, Assets), Vec<Diagnostic>> {
    let mut published = Vec::with_capacity(files.len());
    let mut assets = Assets::default();
    let mut problems = Vec::new();
    for (source, name) in files {
        let out = if is_fingerprinted(&name) {
            match &source {
                StaticSource::BuiltIn(bytes) => fingerprinted_name(&name, bytes),
                StaticSource::File(path) => match std::fs::read(path) {
                    Ok(bytes) => fingerprinted_name(&name, &bytes),
                    Err(e) => {
                        problems.push(Diagnostic::error(
                            display_path(root, path),
                            Pos::START,
                            format!("cannot read the file: {e}"),
                        ));
                        continue;
                    }
                },
            }
        } else {
            name.clone()
        };
        assets.names.insert(name, tera::Value::from(out.as_str()));
        published.push((source, out));
    }
    if problems.is_empty() {
        Ok((published, assets))
    } else {
        Err(problems)
    }
}

/// `asset(path="style.css")` in a template → `style.3f2a1c9b.css`.
impl tera::Function<tera::TeraResult<tera::Value>> for Assets {
    fn call(&self, kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<tera::Value> {
        let path = kwargs.must_get::<&str>("path").map_err(|_| {
            tera::Error::message("asset takes the name of a static file: asset(path=\"style.css\")")
        })?;
        let path = path.trim_start_matches('/');
        match self.names.get(path) {
            Some(name) => Ok(name.clone()),
            None => {
                let known: Vec<&str> = self.names.keys().map(String::as_str).collect();
                Err(tera::Error::message(format!(
                    "asset: the theme and the site have no static file `{path}`; they have: {}",
                    known.join(", ")
                )))
            }
        }
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stylesheets_and_scripts_carry_the_start_of_their_sha256() {
        // `printf 'body{}' | sha256sum` prints 7c98040a…
        assert_eq!(
            fingerprinted_name("style.css", b"body{}"),
            "style.7c98040a.css"
        );
        assert_eq!(
            fingerprinted_name("js/bang-vang.js", b"body{}"),
            "js/bang-vang.7c98040a.js"
        );
        assert_ne!(
            fingerprinted_name("style.css", b"body{}"),
            fingerprinted_name("style.css", b"body{ }")
        );
        assert_eq!(fingerprinted_name("logo.png", b"body{}"), "logo.png");
    }
}
