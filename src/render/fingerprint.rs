//! Fingerprints of what an output is made from: `serve` keeps an output
//! whose fingerprint is the one of the last build (see [`super::write`]).
//!
//! A page's fingerprint covers its template's name and the whole context
//! given to it, so any change a template could show, in any page,
//! re-renders exactly the pages that show it; a data file's covers its
//! bytes; a copied file's its source's name, size and time. What every
//! output depends on (site.yaml, the templates, the options) is in the
//! build's [`key`]: when it changes, everything is written again.

mod bytes;

use std::hash::Hasher;
use std::path::Path;
use std::time::SystemTime;

use xxhash_rust::xxh3::Xxh3;

/// The fingerprint of a page: its template, the fingerprint `base` of what
/// every page is given, and its own named inputs.
pub fn of_inputs(
    template: &str,
    base: u64,
    inputs: &[(&str, &dyn erased_serde::Serialize)],
) -> u64 {
    // Serialized into one buffer and hashed at once: XXH3 is many times faster
    // on one long input than on thousands of small writes.
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        buffer.extend_from_slice(template.as_bytes());
        buffer.push(0xff);
        buffer.extend_from_slice(&base.to_le_bytes());
        for (name, value) in inputs {
            bytes::write(*name, buffer);
            bytes::write(value, buffer);
        }
        xxhash_rust::xxh3::xxh3_64(buffer)
    })
}

/// The fingerprint of a data file's bytes.
pub fn of_bytes(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The fingerprint of a copied file: its source's path, size and time.
pub fn of_copy(from: &Path) -> u64 {
    let mut hasher = Xxh3::new();
    hasher.write(from.as_os_str().as_encoded_bytes());
    if let Ok(meta) = std::fs::metadata(from) {
        hasher.write_u64(meta.len());
        if let Some(since) = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        {
            hasher.write_u128(since.as_nanos());
        }
    }
    hasher.finish()
}

/// The fingerprint of the files every output depends on, and the options.
pub fn key(parts: &[&[u8]]) -> u64 {
    let mut hasher = Xxh3::new();
    for part in parts {
        hasher.write_u64(part.len() as u64);
        hasher.write(part);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn inputs_differing_anywhere_differ() {
        let print = |template: &str, title: &str, tags: &[&str]| {
            let page = json!({"title": title, "tags": tags});
            of_inputs(template, 1, &[("page", &page as _)])
        };
        let a = print("page.html", "Đợt 1", &["a", "b"]);
        assert_eq!(a, print("page.html", "Đợt 1", &["a", "b"]));
        assert_ne!(a, print("page.html", "Đợt 1", &["ab"]));
        assert_ne!(a, print("page.html", "Đợt 2", &["a", "b"]));
        assert_ne!(a, print("section.html", "Đợt 1", &["a", "b"]));
        let page = json!({"title": "Đợt 1", "tags": ["a", "b"]});
        assert_ne!(a, of_inputs("page.html", 2, &[("page", &page as _)]));
        assert_ne!(a, of_inputs("page.html", 1, &[("trang", &page as _)]));
    }
}
