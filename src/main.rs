//! The `bangvang` command line: parses arguments, calls the library, prints
//! diagnostics and maps the outcome to an exit code (0 built, 1 the content is
//! wrong or the site cannot be written, 2 the command itself is wrong).

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use bangvang::diagnostics::Diagnostic;
use bangvang::{BuildOptions, BuildReport};

// See Cargo.toml for why the allocator is not the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "bangvang",
    version,
    about = "Builds the emulation and honours site (bảng vàng) from content/ and a theme"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (replaced only if the build succeeds).
    Build(BuildArgs),
    /// Run every check of a build and write nothing.
    Check(BuildArgs),
    /// Preview the site: build, serve on this computer, rebuild and reload on
    /// every change.
    Serve(ServeArgs),
    /// Write a ready-to-fill campaign or results file.
    New {
        #[command(subcommand)]
        what: NewCommand,
        /// The site's folder.
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
        /// The date the scaffold starts from, YYYY-MM-DD [default: today].
        #[arg(long, value_parser = parse_today, global = true)]
        today: Option<NaiveDate>,
    },
    /// Start a new site in a folder: site.yaml, the home page and sections,
    /// the schemas and the publishing files (the theme is built in).
    Init {
        /// The new site's folder [default: the current folder].
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The body's full name, e.g. "Sở Giáo dục và Đào tạo tỉnh Nghệ An".
        #[arg(long)]
        name: String,
    },
    /// The built-in theme: write it out to change it, or compare the site's
    /// copy with it.
    Theme {
        #[command(subcommand)]
        what: ThemeCommand,
        /// The site's folder.
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
    },
    /// Write the JSON Schemas of front matter, results files and site.yaml.
    Schema {
        /// Where to write them [default: <root>/schemas].
        #[arg(long)]
        output: Option<PathBuf>,
        /// The site's folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Subcommand)]
enum NewCommand {
    /// content/phong-trao/<slug>/index.md
    Campaign { slug: String },
    /// content/phong-trao/<campaign>/<name>.yaml
    Results { campaign: String, name: String },
}

#[derive(Subcommand)]
enum ThemeCommand {
    /// Write the built-in theme's templates and static files to a folder
    /// [default: <root>/themes/default, which the site then uses].
    Export {
        dir: Option<PathBuf>,
        /// Replace files that are already there.
        #[arg(long)]
        force: bool,
    },
    /// Show how the site's templates and static files differ from the
    /// built-in ones they replace.
    Diff,
}

#[derive(Args)]
struct ServeArgs {
    /// The site's folder: site.yaml, content/, themes/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The address to listen on (loopback by default: only this computer).
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// The port; 0 picks a free one.
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The day statuses are computed against, YYYY-MM-DD [default: today].
    #[arg(long, value_parser = parse_today)]
    today: Option<NaiveDate>,
    /// Show pages marked `draft: true` and content dated after today too.
    #[arg(long)]
    drafts: bool,
}

#[derive(Args)]
struct BuildArgs {
    /// The site's folder: site.yaml, content/, themes/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the site [default: <root>/public].
    #[arg(long)]
    output: Option<PathBuf>,
    /// The address the site is published at, e.g. https://example.gov.vn/thi-dua/
    /// (overrides base_url of site.yaml).
    #[arg(long, value_parser = parse_base_url)]
    base_url: Option<String>,
    /// The day statuses are computed against, YYYY-MM-DD [default: SOURCE_DATE_EPOCH,
    /// else today in the site's time zone].
    #[arg(long, value_parser = parse_today)]
    today: Option<NaiveDate>,
    /// Publish pages marked `draft: true` too.
    #[arg(long)]
    drafts: bool,
    /// Treat every warning as an error.
    #[arg(long)]
    deny_warnings: bool,
}

fn parse_today(text: &str) -> Result<NaiveDate, String> {
    bangvang::text::date::parse_day(text).map_err(|e| match e.help {
        Some(help) => format!("{} ({help})", e.message),
        None => e.message,
    })
}

fn parse_base_url(text: &str) -> Result<String, String> {
    bangvang::model::config::normalize_base_url(text)
}

impl BuildArgs {
    fn options(self) -> BuildOptions {
        BuildOptions {
            root: self.root,
            output: self.output,
            base_url: self.base_url,
            today: self.today,
            drafts: self.drafts,
            deny_warnings: self.deny_warnings,
        }
    }
}

fn main() -> ExitCode {
    // The site is published for everyone to read: whatever umask the build
    // runs under (077 in some CI runners and service accounts), folders are
    // 0755 and files 0644, or the web server answers 403.
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o022));
    let cli = Cli::parse();
    if let Err(message) = bangvang::source_date_epoch() {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    match cli.command {
        Command::Build(args) => finish(bangvang::build(&args.options()), "published"),
        Command::Check(args) => finish(bangvang::check(&args.options()), "checked"),
        Command::New { what, root, today } => {
            let result = bangvang::load::site_config(&root)
                .map_err(|d| {
                    d.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .and_then(|config| {
                    let today = today.unwrap_or_else(|| bangvang::today_in(config.timezone));
                    match what {
                        NewCommand::Campaign { slug } => {
                            bangvang::scaffold::campaign(&root, &config, &slug, today)
                        }
                        NewCommand::Results { campaign, name } => {
                            bangvang::scaffold::results(&root, &config, &campaign, &name, today)
                        }
                    }
                });
            match result {
                Ok(path) => {
                    println!(
                        "wrote {} (a draft: remove `draft: true` when it is filled in)",
                        path.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Init { dir, name } => match bangvang::scaffold::init(&dir, &name) {
            Ok(init) => {
                for file in &init.files {
                    println!("wrote {}", file.display());
                }
                let root = dir.display();
                println!(
                    "\nThe site of {name} is ready. Next:\n  \
                     1. bangvang serve --root {root}    (preview it at http://127.0.0.1:1111/)\n  \
                     2. fill in site.yaml: the address, phone and email, the units, base_url\n  \
                     3. bangvang new campaign <folder> --root {root}    (the first campaign plan)"
                );
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(1)
            }
        },
        Command::Theme { what, root } => theme(what, &root),
        Command::Schema { output, root } => {
            let output = output.unwrap_or_else(|| root.join("schemas"));
            match write_schemas(&output) {
                Ok(count) => {
                    println!("wrote {count} schemas to {}", output.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!(
                        "error: cannot write the schemas to {}: {e}",
                        output.display()
                    );
                    ExitCode::from(1)
                }
            }
        }
        Command::Serve(args) => {
            let options = bangvang::serve::ServeOptions {
                build: BuildOptions {
                    root: args.root,
                    today: args.today,
                    drafts: args.drafts,
                    ..BuildOptions::default()
                },
                bind: args.bind,
                port: args.port,
            };
            match bangvang::serve::serve(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn theme(what: ThemeCommand, root: &std::path::Path) -> ExitCode {
    let config = match bangvang::load::site_config(root) {
        Ok(config) => Some(config),
        // Exporting needs no site.yaml (a theme may be written anywhere).
        Err(_) if matches!(what, ThemeCommand::Export { dir: Some(_), .. }) => None,
        Err(problems) => {
            for d in &problems {
                eprintln!("{d}");
            }
            return ExitCode::from(1);
        }
    };
    let theme_name = config.as_ref().and_then(|c| c.theme.clone());
    match what {
        ThemeCommand::Export { dir, force } => {
            let dir = dir.unwrap_or_else(|| {
                root.join(bangvang::theme::THEMES_DIR)
                    .join(theme_name.as_deref().unwrap_or(bangvang::theme::BUILTIN))
            });
            match bangvang::theme::export(&dir, force) {
                Ok(exported) => {
                    println!(
                        "wrote {} files of the built-in theme to {}",
                        exported.written.len(),
                        dir.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(1)
                }
            }
        }
        ThemeCommand::Diff => {
            let dir = root
                .join(bangvang::theme::THEMES_DIR)
                .join(theme_name.as_deref().unwrap_or(bangvang::theme::BUILTIN));
            let dir = dir.is_dir().then_some(dir);
            let report = bangvang::theme::diff_report(root, dir.as_deref());
            if report.is_empty() {
                println!(
                    "the site's templates and static files are the built-in ones, or replace none"
                );
            } else {
                print!("{report}");
            }
            ExitCode::SUCCESS
        }
    }
}

fn write_schemas(output: &std::path::Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(output)?;
    let schemas = bangvang::schema::all();
    for (name, schema) in &schemas {
        let mut text = serde_json::to_string_pretty(schema).expect("schemas serialize");
        text.push('\n');
        std::fs::write(output.join(name), text)?;
    }
    Ok(schemas.len())
}

fn finish(result: Result<BuildReport, Vec<Diagnostic>>, verb: &str) -> ExitCode {
    match result {
        Ok(report) => {
            for warning in &report.warnings {
                eprintln!("{warning}");
            }
            let held = if report.held_back > 0 {
                format!(
                    ", {} held back (drafts or dated after today)",
                    report.held_back
                )
            } else {
                String::new()
            };
            let destination = if verb == "checked" {
                "nothing written".to_owned()
            } else {
                format!("→ {}", report.output.display())
            };
            println!(
                "{verb} {} pages, {} data files, {} files copied{held}, {} warnings in {} ms {destination}",
                report.pages,
                report.data_files,
                report.files_copied,
                report.warnings.len(),
                report.millis,
            );
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{d}");
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == bangvang::diagnostics::Severity::Error)
                .count();
            let warnings = diagnostics.len() - errors;
            eprintln!(
                "{errors} error{}, {warnings} warning{}; nothing was {verb}, the output is unchanged",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" },
            );
            ExitCode::from(1)
        }
    }
}
