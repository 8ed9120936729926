//! The floor a full build is measured against: read every Markdown file of a
//! site, render it with pulldown-cmark on all cores, write the HTML. No front
//! matter decoding, no templates, no lists: what any generator must at least do.
//!
//! usage: md-floor <content dir> <output dir>

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (content, output) = match &args[..] {
        [_, content, output] => (PathBuf::from(content), PathBuf::from(output)),
        _ => {
            eprintln!("usage: md-floor <content dir> <output dir>");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    files
        .par_iter()
        .for_each(|path| render(path, &content, &output));
    println!(
        "{} files in {} ms",
        files.len(),
        started.elapsed().as_millis()
    );
}

fn render(path: &Path, content: &Path, output: &Path) {
    let text = std::fs::read_to_string(path).expect("readable");
    // Skip the front matter: the floor renders bodies only.
    let body = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(text.as_str(), |(_, body)| body);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TABLES),
    );
    let rel = path.strip_prefix(content).expect("below the content dir");
    let target = output.join(rel).with_extension("").join("index.html");
    std::fs::create_dir_all(target.parent().expect("has a parent")).expect("writable");
    std::fs::write(target, html).expect("writable");
}
