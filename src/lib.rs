//! bangvang: the static site generator of the roll of honour ("bảng vàng") of
//! Sở Nội vụ tỉnh Hà Tĩnh.
//!
//! A build is a pipeline, one module per stage:
//! [`config`] (site.yaml) → [`load`] (read and decode `content/`) → [`model`]
//! (the typed site) → [`render`] (Markdown and templates) → [`output`] (staging
//! directory, swapped in on success). Problems are [`diagnostics`], collected
//! across the stages and reported together.

pub mod config;
pub mod diagnostics;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod text;
pub mod validate;

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};
use rayon::prelude::*;

use diagnostics::{Diagnostic, Diagnostics, Pos, display_path};
use model::Site;
use output::{Discard, Sink, Staging};
use render::links::Links;

/// What to build, from the command line.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `<root>/public`.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of site.yaml.
    pub base_url: Option<String>,
    /// The day statuses are computed against; defaults to `SOURCE_DATE_EPOCH`, else
    /// the current date in the site's time zone.
    pub today: Option<NaiveDate>,
    /// Publish drafts too (for previews).
    pub drafts: bool,
    /// Treat warnings as errors.
    pub deny_warnings: bool,
}

impl BuildOptions {
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub data_files: usize,
    pub files_copied: usize,
    pub held_back: usize,
    pub millis: u128,
    pub output: PathBuf,
    /// Warnings, sorted; the build succeeded despite them.
    pub warnings: Vec<Diagnostic>,
}

/// Builds the site into its output directory. On any error the output is left
/// untouched and every problem found is returned, sorted.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    let output = options.output_dir();
    output::check_output_dir(&options.root, &output).map_err(|d| vec![d])?;
    let staging = Staging::new(&output).map_err(|e| {
        vec![Diagnostic::error(
            output.clone(),
            Pos::START,
            format!("cannot create the build folder beside the output: {e}"),
        )]
    })?;
    let report = run(options, &staging, output)?;
    staging.commit().map_err(|e| {
        vec![Diagnostic::error(
            report.output.clone(),
            Pos::START,
            format!("cannot publish the new site: {e}"),
        )]
    })?;
    Ok(report)
}

/// Runs every check a build makes, rendering included, and writes nothing.
pub fn check(options: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    run(options, &Discard, options.output_dir())
}

fn run(
    options: &BuildOptions,
    sink: &dyn Sink,
    output: PathBuf,
) -> Result<BuildReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let mut clock = Stopwatch::from_env();
    let root = options.root.as_path();
    let config = config::load(root)?;
    let links = Links {
        clean_urls: config.clean_urls,
        base_url: options.base_url.clone().or_else(|| config.base_url.clone()),
    };
    let today = options.today.unwrap_or_else(|| today_in(config.timezone));

    let vocabulary = model::awards::Vocabulary::new(&config.awards);
    let mut diagnostics = Diagnostics::new();
    let (tera, loaded) = rayon::join(
        || render::templates::load(root, &config.theme),
        || {
            let mut found = Diagnostics::new();
            let cx = load::LoadContext {
                root,
                config: &config,
                vocabulary: &vocabulary,
            };
            let loaded = load::load_content(&cx, &mut found);
            (loaded, found)
        },
    );
    let (loaded, found) = loaded;
    clock.lap("config, templates and content loaded");
    diagnostics.extend(found);
    let tera = match tera {
        Ok(tera) => Some(tera),
        Err(problems) => {
            diagnostics.extend(problems);
            None
        }
    };
    let site = Site::assemble(
        config,
        vocabulary,
        loaded,
        today,
        options.drafts,
        &mut diagnostics,
    );
    validate::site(&site, &mut diagnostics);
    if let Some(tera) = &tera {
        validate::templates(&site, tera, &mut diagnostics);
    }
    if options.deny_warnings {
        diagnostics.deny_warnings();
    }
    let (static_files, assets) =
        match render::assets::fingerprint(root, static_files(root, &site.config.theme)) {
            Ok(fingerprinted) => fingerprinted,
            Err(problems) => {
                diagnostics.extend(problems);
                Default::default()
            }
        };
    let generated = render::generated_paths(&site, &links);
    validate::outputs(&site, &generated, &static_files, &mut diagnostics);
    let paths = render::site_paths(
        &site,
        &generated,
        static_files
            .iter()
            .map(|(_, to)| to.as_str())
            .chain(site.assets.iter().map(|a| a.out.as_str())),
    );
    clock.lap("site assembled and validated");
    let Some(mut tera) = tera.filter(|_| !diagnostics.has_errors()) else {
        diagnostics.extend(render::check_links(&site, &links, &paths));
        return Err(diagnostics.sorted());
    };
    tera.register_function("asset", assets);

    let copied = copy_files(root, &static_files, &site, sink);
    let rendered = render::render_site(&site, &tera, &links, &paths, &generated, sink);
    clock.lap("rendered and written");
    match (rendered, copied) {
        (Ok(rendered), Ok(files_copied)) => Ok(BuildReport {
            pages: rendered.pages,
            data_files: rendered.data_files,
            files_copied,
            held_back: site.held_back,
            millis: started.elapsed().as_millis(),
            output,
            warnings: diagnostics.sorted(),
        }),
        (rendered, copied) => {
            diagnostics.extend(rendered.err().unwrap_or_default());
            diagnostics.extend(copied.err().unwrap_or_default());
            Err(diagnostics.sorted())
        }
    }
}

/// Phase timings on stderr when `BANGVANG_TIMINGS` is set: where a build's time
/// goes, without a profiler.
struct Stopwatch(Option<Instant>);

impl Stopwatch {
    fn from_env() -> Stopwatch {
        Stopwatch(std::env::var_os("BANGVANG_TIMINGS").map(|_| Instant::now()))
    }

    fn lap(&mut self, what: &str) {
        if let Some(since) = &mut self.0 {
            eprintln!("{:>6.1} ms  {what}", since.elapsed().as_secs_f64() * 1000.0);
            *since = Instant::now();
        }
    }
}

/// Today in the site's time zone, or the day of `SOURCE_DATE_EPOCH` there, so that
/// a reproducible build gives the same statuses whenever it runs.
pub fn today_in(tz: chrono_tz::Tz) -> NaiveDate {
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| Utc.timestamp_opt(secs, 0).single())
        .unwrap_or_else(Utc::now);
    now.with_timezone(&tz).date_naive()
}

/// Static files of the theme, then of the site (which win on equal names), as
/// `(source, output path)`.
fn static_files(root: &Path, theme: &str) -> Vec<(PathBuf, String)> {
    let mut files: std::collections::BTreeMap<String, PathBuf> = Default::default();
    let dirs = [
        root.join(render::templates::THEMES_DIR)
            .join(theme)
            .join("static"),
        root.join("static"),
    ];
    for dir in dirs {
        for entry in walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
            .flatten()
        {
            if entry.file_type().is_file() {
                let rel = entry
                    .path()
                    .strip_prefix(&dir)
                    .expect("below the walked folder")
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(rel, entry.path().to_path_buf());
            }
        }
    }
    files.into_iter().map(|(rel, path)| (path, rel)).collect()
}

fn copy_files(
    root: &Path,
    static_files: &[(PathBuf, String)],
    site: &Site,
    sink: &dyn Sink,
) -> Result<usize, Vec<Diagnostic>> {
    let jobs: Vec<(&Path, &str)> = static_files
        .iter()
        .map(|(from, to)| (from.as_path(), to.as_str()))
        .chain(
            site.assets
                .iter()
                .map(|a| (a.abs.as_path(), a.out.as_str())),
        )
        .collect();
    let problems: Vec<Diagnostic> = jobs
        .par_iter()
        .filter_map(|(from, to)| {
            sink.copy(to, from).err().map(|e| {
                Diagnostic::error(
                    display_path(root, from),
                    Pos::START,
                    format!("cannot copy to {to}: {e}"),
                )
            })
        })
        .collect();
    if problems.is_empty() {
        Ok(jobs.len())
    } else {
        Err(problems)
    }
}
