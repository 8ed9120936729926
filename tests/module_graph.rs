//! The modules of `src/` depend one way: decode → model → load → render, with
//! no cycle between top-level modules (docs/architecture.md draws the graph).
//! Read from the source's `crate::` paths and `use crate::` lines, tests left
//! out (they may reach anywhere).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module → the top-level modules it names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut tops = BTreeSet::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if entry.file_type().unwrap().is_dir() {
            tops.insert(name);
        } else if let Some(module) = name.strip_suffix(".rs")
            && module != "lib"
            && module != "main"
        {
            tops.insert(module.to_owned());
        }
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap();
        let top = first.strip_suffix(".rs").unwrap_or(first).to_owned();
        if !tops.contains(&top) {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        // A file's own tests come last, after `#[cfg(test)]` and `mod tests`.
        let code = text
            .find("#[cfg(test)]\nmod tests")
            .map_or(text.as_str(), |i| &text[..i]);
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if tops.contains(&name) && name != top {
                edges.entry(top.clone()).or_default().insert(name);
            }
        }
        edges.entry(top).or_default();
    }
    edges
}

/// The modules on a cycle, if any (depth-first search, colouring).
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit<'a>(
        node: &'a str,
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<&'a str>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| *n == node) {
            return Some(path[start..].iter().map(|s| s.to_string()).collect());
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, done, path) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, edges, &mut done, &mut Vec::new()) {
            return Some(cycle);
        }
    }
    None
}

#[test]
fn top_level_modules_depend_one_way() {
    let edges = graph();
    let drawn: Vec<String> = edges
        .iter()
        .map(|(from, to)| {
            format!(
                "{from} -> {}",
                to.iter().cloned().collect::<Vec<_>>().join(" ")
            )
        })
        .collect();
    assert_eq!(
        cycle(&edges),
        None,
        "a cycle between top-level modules; the graph:\n{}",
        drawn.join("\n")
    );
    // The leaves stay leaves: decoding and text know nothing of the site,
    // and the catalogue of messages nothing but itself.
    for leaf in ["decode", "text", "diagnostics", "messages"] {
        let reaches: BTreeSet<&str> = edges[leaf].iter().map(String::as_str).collect();
        let allowed = if leaf == "messages" {
            BTreeSet::new()
        } else {
            BTreeSet::from(["diagnostics", "text", "messages"])
        };
        assert!(reaches.is_subset(&allowed), "{leaf} -> {reaches:?}");
    }
}

#[test]
fn a_cycle_is_found() {
    let edges: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(cycle(&edges).map(|c| c.len()), Some(3));
}
