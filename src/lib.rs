//! bangvang: the static site generator of the roll of honour ("bảng vàng") of
//! Sở Nội vụ tỉnh Hà Tĩnh.
//!
//! A build is a pipeline, one module per stage:
//! [`config`] (site.yaml) → [`load`] (read and decode `content/`) → [`model`]
//! (the typed site) → [`render`] (Markdown and templates) → [`output`] (staging
//! directory, swapped in on success). Problems are [`diagnostics`], collected
//! across the stages and reported together.

pub mod decode;
pub mod diagnostics;
pub mod import;
pub mod load;
pub mod memo;
pub mod messages;
pub mod model;
pub(crate) mod output;
pub(crate) mod paths;
pub(crate) mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod text;
pub mod theme;
pub(crate) mod validate;

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};

use diagnostics::{Diagnostic, Diagnostics, Pos};
use memo::{Memo, Recall};
use model::Site;
use output::{Discard, Overlay, Sink, Staging};
use render::links::Links;
use render::write::{OutputMemory, Writer};

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
    let target = output::prepare(&options.root, &output).map_err(|d| vec![d])?;
    let staging = Staging::new(&target).map_err(|e| {
        vec![Diagnostic::error(
            output.clone(),
            Pos::NONE,
            format!("cannot create the build folder beside the output: {e}"),
        )]
    })?;
    let mut report = run(options, &staging, output, None)?;
    let left_behind = staging.commit().map_err(|e| {
        vec![Diagnostic::error(
            report.output.clone(),
            Pos::NONE,
            format!("cannot publish the new site: {e}"),
        )]
    })?;
    if let Some(message) = left_behind {
        report.warnings.push(Diagnostic::warning(
            report.output.clone(),
            Pos::NONE,
            message,
        ));
    }
    Ok(report)
}

/// Runs every check a build makes, rendering included, and writes nothing.
/// The output folder is checked as `build` would check it.
pub fn check(options: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    let output = options.output_dir();
    output::prepare(&options.root, &output).map_err(|d| vec![d])?;
    run(options, &Discard, output, None)
}

/// Builds for `serve`: like [`build`], but remembers in `memo` what it read and
/// wrote, and the next call reads, renders and writes only what changed since
/// (over the output of the previous call). On errors nothing is written and the
/// returned memory is the one given.
pub fn rebuild(options: &BuildOptions, memo: Memo) -> (Result<BuildReport, Vec<Diagnostic>>, Memo) {
    let output = options.output_dir();
    let target = match output::prepare(&options.root, &output) {
        Ok(target) => target,
        Err(d) => return (Err(vec![d]), memo),
    };
    let cannot = |e: std::io::Error| {
        vec![Diagnostic::error(
            output.clone(),
            Pos::NONE,
            format!("cannot write the preview: {e}"),
        )]
    };
    let overlay = match Overlay::new(&target) {
        Ok(overlay) => overlay,
        Err(e) => return (Err(cannot(e)), memo),
    };
    let mut recall = Recall::new(memo);
    match run(options, &overlay, output.clone(), Some(&mut recall)) {
        Ok(report) => {
            let everything = !recall.reuses_outputs();
            let (next, stale) = recall.finish();
            let applied = if everything {
                overlay.replace()
            } else {
                overlay.apply(&stale).map(|_| ())
            };
            match applied {
                Ok(()) => (Ok(report), next),
                // What is on disk is unknown: the next rebuild writes everything.
                Err(e) => (Err(cannot(e)), Memo::default()),
            }
        }
        Err(problems) => (Err(problems), recall.into_previous()),
    }
}

fn run(
    options: &BuildOptions,
    sink: &dyn Sink,
    output: PathBuf,
    mut recall: Option<&mut Recall>,
) -> Result<BuildReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let mut clock = Stopwatch::from_env();
    let root = options.root.as_path();
    let config = load::site_config(root)?;
    let links = Links {
        clean_urls: config.clean_urls,
        base_url: options.base_url.clone().or_else(|| config.base_url.clone()),
    };
    let today = options.today.unwrap_or_else(|| today_in(config.timezone));

    let vocabulary = model::awards::Vocabulary::new(&config.awards, config.award_setting());
    let mut diagnostics = Diagnostics::new();
    let mut theme_problems = Vec::new();
    let theme_dir =
        render::templates::theme_folder(root, config.theme.as_deref(), &mut theme_problems);
    diagnostics.extend(theme_problems);
    let templates = render::templates::read(root, theme_dir.as_deref());
    let (static_files, static_problems) = static_files(root, theme_dir.as_deref());
    diagnostics.extend(static_problems);
    diagnostics.extend(outdated_theme_files(root, theme_dir.as_deref()));
    if let Some(recall) = recall.as_deref_mut() {
        let digest = templates.as_ref().map_or(0, |t| t.digest);
        recall.set_key(build_key(
            root,
            options,
            &links,
            today,
            digest,
            &static_files,
        ));
    }
    let recall = recall.as_deref();
    let cx = load::LoadContext {
        root,
        config: &config,
        vocabulary: &vocabulary,
        memory: recall.map(|r| r as &dyn load::FileMemory),
    };
    // Compiling the templates needs nothing from the content: it runs beside
    // the walk and the reading of pages.
    let (templates, loaded) = rayon::join(
        || templates.and_then(render::templates::TemplateSources::compile),
        || load::load_content(&cx, &mut diagnostics),
    );
    clock.lap("config, templates and content loaded");
    let templates = match templates {
        Ok(templates) => Some(templates),
        Err(problems) => {
            diagnostics.extend(problems);
            None
        }
    };
    let load::Loaded {
        content,
        read: read_files,
    } = loaded;
    let site = Site::assemble(
        config,
        vocabulary,
        content,
        today,
        options.drafts,
        &mut diagnostics,
    );
    validate::site(&site, &mut diagnostics);
    if let Some(templates) = &templates {
        validate::templates(&site, &templates.tera, &mut diagnostics);
    }
    let (static_files, assets) = match render::assets::fingerprint(root, static_files) {
        Ok(fingerprinted) => fingerprinted,
        Err(problems) => {
            diagnostics.extend(problems);
            Default::default()
        }
    };
    let generated = render::generated_paths(&site, &links);
    let static_names: Vec<&str> = static_files.iter().map(|(_, to)| to.as_str()).collect();
    validate::outputs(&site, &generated, &static_names, &mut diagnostics);
    let paths = render::site_paths(
        &site,
        &generated,
        static_files
            .iter()
            .map(|(_, to)| to.as_str())
            .chain(site.assets.iter().map(|a| a.out.as_str())),
    );
    diagnostics.extend(render::check_held_back_links(&site, &links, &paths));
    if options.deny_warnings {
        diagnostics.deny_warnings();
    }
    clock.lap("site assembled and validated");
    let Some(mut templates) = templates.filter(|_| !diagnostics.has_errors()) else {
        diagnostics.extend(render::check_links(&site, &links, &paths));
        return Err(diagnostics.sorted());
    };
    templates.tera.register_function("asset", assets);

    let writer = Writer::new(sink, recall.map(|r| r as &dyn OutputMemory));
    let copied = render::copy_files(&writer, root, &static_files, &site);
    let rendered = render::render_site(&site, &mut templates, &links, &paths, &generated, &writer);
    clock.lap("rendered and written");
    let held_back = site.held_back;
    // Freeing the site (tens of thousands of strings and views' worth) is
    // work nobody waits for: in `serve` the reader is waiting for the page.
    std::thread::spawn(move || drop((site, templates, paths, generated)));
    match (rendered, copied) {
        (Ok(warnings), Ok(())) => {
            let mut late = Diagnostics::new();
            late.extend(warnings);
            late.extend(load::source::changed_since_read(&read_files));
            if options.deny_warnings {
                late.deny_warnings();
            }
            let failed = late.has_errors();
            diagnostics.extend(late);
            if failed {
                return Err(diagnostics.sorted());
            }
            let written = writer.written();
            Ok(BuildReport {
                pages: written.pages,
                data_files: written.data_files,
                files_copied: written.files_copied,
                held_back,
                millis: started.elapsed().as_millis(),
                output,
                warnings: diagnostics.sorted(),
            })
        }
        (rendered, copied) => {
            diagnostics.extend(rendered.err().unwrap_or_default());
            diagnostics.extend(copied.err().unwrap_or_default());
            if options.deny_warnings {
                diagnostics.deny_warnings();
            }
            Err(diagnostics.sorted())
        }
    }
}

/// The fingerprint of everything every output depends on: site.yaml, the
/// templates, the static files (their fingerprinted names are in every page)
/// and the options. When it changes, `serve` renders everything again.
fn build_key(
    root: &Path,
    options: &BuildOptions,
    links: &Links,
    today: NaiveDate,
    templates: u64,
    static_files: &[(render::assets::StaticSource, String)],
) -> u64 {
    let config = std::fs::read(root.join(model::config::CONFIG_FILE)).unwrap_or_default();
    let statics: Vec<u8> = static_files
        .iter()
        .flat_map(|(from, to)| {
            let digest = match from {
                render::assets::StaticSource::File(path) => render::fingerprint::of_copy(path),
                render::assets::StaticSource::BuiltIn(bytes) => {
                    render::fingerprint::of_bytes(bytes)
                }
            };
            let mut part = digest.to_le_bytes().to_vec();
            part.extend_from_slice(to.as_bytes());
            part
        })
        .collect();
    let options = format!(
        "{today} {} {:?} {}",
        options.drafts, links.base_url, links.clean_urls
    );
    render::fingerprint::key(&[
        &config,
        &templates.to_le_bytes(),
        &statics,
        options.as_bytes(),
    ])
}

/// Phase timings on stderr when `BANGVANG_TIMINGS` is set: where a build's time
/// goes, without a profiler. CPU time (all threads, from /proc on Linux, in
/// 10 ms ticks) next to wall time shows how well a phase uses the cores; the
/// memory held after it (resident set) how much fresh memory it took.
struct Stopwatch(Option<(Instant, Option<u64>)>);

impl Stopwatch {
    fn from_env() -> Stopwatch {
        Stopwatch(std::env::var_os("BANGVANG_TIMINGS").map(|_| (Instant::now(), process_cpu_ms())))
    }

    fn lap(&mut self, what: &str) {
        if let Some((since, cpu_since)) = &mut self.0 {
            let cpu_now = process_cpu_ms();
            let cpu = match (*cpu_since, cpu_now) {
                (Some(a), Some(b)) => format!("{:>5} ms CPU", b - a),
                _ => String::new(),
            };
            let wall = since.elapsed().as_secs_f64() * 1000.0;
            let rss = resident_mib().map_or(String::new(), |mib| format!("{mib:>5} MiB"));
            eprintln!("{wall:>6.1} ms {cpu} {rss}  {what}");
            *since = Instant::now();
            *cpu_since = cpu_now;
        }
    }
}

/// Memory the process holds now (resident set), where /proc tells it: fresh
/// memory costs the kernel time to clear, so a phase's growth is worth seeing.
fn resident_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

/// User and system time of the whole process so far, where /proc tells it.
fn process_cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) in parentheses;
    // utime and stime are the 14th and 15th fields, in clock ticks: 100 a
    // second on Linux (USER_HZ), which /proc reports in whatever the kernel's HZ.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10)
}

/// Today in the site's time zone, or the day of `SOURCE_DATE_EPOCH` there, so that
/// a reproducible build gives the same statuses whenever it runs.
pub fn today_in(tz: chrono_tz::Tz) -> NaiveDate {
    let now = source_date_epoch().ok().flatten().unwrap_or_else(Utc::now);
    now.with_timezone(&tz).date_naive()
}

/// `SOURCE_DATE_EPOCH` when set: seconds since 1970 (reproducible-builds.org).
/// A value that is not one is an error the command line reports, not a
/// setting silently ignored.
pub fn source_date_epoch() -> Result<Option<chrono::DateTime<Utc>>, String> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let text = value.to_string_lossy();
    text.trim()
        .parse::<i64>()
        .ok()
        .and_then(|secs| Utc.timestamp_opt(secs, 0).single())
        .map(Some)
        .ok_or_else(|| {
            format!(
                "SOURCE_DATE_EPOCH is `{}`, not a number of seconds since 1970-01-01",
                diagnostics::shown(&text)
            )
        })
}

/// A warning for each file of an exported theme whose built-in original has
/// changed since the export (a new bangvang).
fn outdated_theme_files(root: &Path, theme_dir: Option<&Path>) -> Vec<Diagnostic> {
    let Some(dir) = theme_dir else {
        return Vec::new();
    };
    theme::outdated(dir)
        .into_iter()
        .filter(|path| dir.join(path).is_file())
        .map(|path| {
            Diagnostic::warning(
                diagnostics::display_path(root, &dir.join(&path)),
                Pos::NONE,
                format!("the built-in theme's `{path}` has changed since this copy was exported"),
            )
            .with_help("see what changed with `bangvang theme diff`, then bring the copy up to date (or delete it to use the built-in file)")
        })
        .collect()
}

/// Static files of the theme, then of the site (which win on equal names), as
/// `(source, output path)`. Folders or links leading outside the site, or to
/// its hidden files, are refused as in `content/`.
fn static_files(
    root: &Path,
    theme_dir: Option<&Path>,
) -> (render::assets::StaticFiles, Vec<Diagnostic>) {
    use render::assets::StaticSource;
    // The built-in theme's, then the site's theme folder's, then the site's
    // own: the last one read wins.
    let mut files: std::collections::BTreeMap<String, StaticSource> = theme::static_files()
        .map(|(name, bytes)| (name.to_owned(), StaticSource::BuiltIn(bytes)))
        .collect();
    let mut problems = Vec::new();
    let mut dirs: Vec<PathBuf> = theme_dir
        .map(|dir| dir.join("static"))
        .into_iter()
        .collect();
    dirs.push(root.join("static"));
    for dir in dirs {
        for (path, rel) in load::walk::site_folder_files(root, &dir, &mut problems) {
            if paths::is_preview_reserved(&rel) {
                problems.push(
                    Diagnostic::error(
                        diagnostics::display_path(root, &path),
                        Pos::NONE,
                        format!(
                            "this file would be published as /{rel}, an address the preview (bangvang serve) keeps for itself"
                        ),
                    )
                    .with_help("addresses starting with /__bangvang/ are bangvang's own; rename the folder"),
                );
                continue;
            }
            files.insert(rel, StaticSource::File(path));
        }
    }
    let files = files
        .into_iter()
        .map(|(rel, source)| (source, rel))
        .collect();
    (files, problems)
}
