//! The `bangvang` command line: parses arguments, calls the library, prints
//! diagnostics and maps the outcome to an exit code (0 built, 1 the content is
//! wrong or the site cannot be written, 2 the command itself is wrong).

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use bangvang::diagnostics::Diagnostic;
use bangvang::messages::{self, Label, Lang, Verb, tr};
use bangvang::{BuildOptions, BuildReport};

// See Cargo.toml for why the allocator is not the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The command line, its help in Vietnamese (the editors' language).
/// `--lang en` swaps in the English of [`ENGLISH_HELP`].
#[derive(Parser)]
#[command(
    name = "bangvang",
    version,
    about = "Dựng trang web thi đua, khen thưởng (bảng vàng) từ thư mục content/ và một giao diện",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Ngôn ngữ của các thông báo: vi (mặc định) hoặc en; cũng đặt được bằng
    /// biến môi trường BANGVANG_LANG.
    #[arg(long, global = true, value_name = "vi|en", value_parser = parse_lang)]
    lang: Option<Lang>,
    /// In phần trợ giúp này.
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    /// In số phiên bản.
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Subcommand)]
enum Command {
    /// Dựng trang web vào thư mục xuất bản (chỉ thay thư mục khi dựng thành công).
    Build(BuildArgs),
    /// Chạy mọi bước kiểm tra của lệnh build mà không ghi gì.
    Check(BuildArgs),
    /// Xem trước trang web: dựng, mở trên máy này, tự dựng lại và tải lại
    /// trang sau mỗi lần sửa.
    Serve(ServeArgs),
    /// Tạo sẵn một tệp phong trào thi đua hoặc danh sách khen thưởng để điền.
    New {
        #[command(subcommand)]
        what: NewCommand,
        /// Thư mục của trang web.
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
        /// Ngày làm mốc cho tệp mới, YYYY-MM-DD [mặc định: hôm nay].
        #[arg(long, value_parser = parse_today, global = true)]
        today: Option<NaiveDate>,
    },
    /// Tạo một trang web mới trong một thư mục: site.yaml, trang chủ và các
    /// chuyên mục, các JSON Schema và các tệp xuất bản (giao diện có sẵn).
    Init {
        /// Thư mục của trang web mới.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Tên đầy đủ của cơ quan, ví dụ "Sở Giáo dục và Đào tạo tỉnh Nghệ An".
        #[arg(long)]
        name: String,
    },
    /// Giao diện có sẵn: ghi ra để sửa, hoặc so bản sao của trang web với nó.
    Theme {
        #[command(subcommand)]
        what: ThemeCommand,
        /// Thư mục của trang web.
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
    },
    /// Đọc tệp của cơ quan (kế hoạch bằng Word, danh sách bằng Excel, CSV)
    /// thành bản nháp để duyệt.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
        /// Thư mục của trang web.
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
        /// Ghi đè tệp đã có.
        #[arg(long, global = true)]
        force: bool,
    },
    /// Ghi các JSON Schema của phần đầu tệp, tệp danh sách khen thưởng và site.yaml.
    Schema {
        /// Nơi ghi [mặc định: <root>/schemas].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Thư mục của trang web.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Subcommand)]
enum NewCommand {
    /// content/phong-trao/<slug>/index.md: kế hoạch phát động phong trào thi đua.
    Campaign {
        /// Tên thư mục của phong trào thi đua (chữ thường không dấu, chữ số và `-`).
        slug: String,
    },
    /// content/phong-trao/<campaign>/<name>.yaml: danh sách khen thưởng.
    Results {
        /// Tên thư mục của phong trào thi đua.
        campaign: String,
        /// Tên tệp của danh sách, không có .yaml.
        name: String,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Đọc kế hoạch phát động phong trào thi đua (.docx, .txt, .md) thành
    /// content/phong-trao/<slug>/index.md (bản nháp), kèm tệp gốc.
    Plan {
        /// Tệp kế hoạch: .docx (Word), hoặc .txt, .md (văn bản thuần).
        file: PathBuf,
        /// Tên thư mục của phong trào thi đua (chữ thường không dấu, chữ số và `-`).
        #[arg(long)]
        campaign: String,
        /// Nơi ghi trang [mặc định: content/phong-trao/<slug>/index.md].
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Danh sách khen thưởng từ bảng tính (.xlsx, .xls, .ods, .csv): ghi
    /// content/phong-trao/<phong trào>/<tên tệp>.yaml, một bản nháp.
    Results {
        /// Tệp bảng tính.
        file: PathBuf,
        /// Tên thư mục của phong trào thi đua.
        #[arg(long)]
        campaign: String,
        /// Mã đợt thi đua của danh sách (bỏ trống nếu là tổng kết cả phong trào).
        #[arg(long)]
        phase: Option<String>,
        /// proposed (dự kiến) hoặc decided (đã có quyết định) [mặc định: theo
        /// tiêu đề của bảng tính].
        #[arg(long, value_name = "proposed|decided", value_parser = ["proposed", "decided"], hide_possible_values = true)]
        status: Option<String>,
        /// Nơi ghi [mặc định: content/phong-trao/<phong trào>/<tên tệp>.yaml].
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Trang tính có danh sách [mặc định: trang đầu tiên có dòng tiêu đề].
        #[arg(long)]
        sheet: Option<String>,
    },
    /// Các đơn vị của site.yaml (units:) từ một bảng tính tên đơn vị; giữ
    /// nguyên các đơn vị đã có.
    Units {
        /// Tệp bảng tính.
        file: PathBuf,
        /// Trang tính có danh sách đơn vị [mặc định: trang đầu tiên có dòng tiêu đề].
        #[arg(long)]
        sheet: Option<String>,
    },
}

#[derive(Subcommand)]
enum ThemeCommand {
    /// Ghi các mẫu và tệp tĩnh của giao diện có sẵn ra một thư mục
    /// [mặc định: <root>/themes/default, trang web sẽ dùng thư mục này].
    Export {
        /// Thư mục ghi ra.
        dir: Option<PathBuf>,
        /// Ghi đè các tệp đã có.
        #[arg(long)]
        force: bool,
    },
    /// Cho biết các mẫu, tệp tĩnh của trang web khác với giao diện có sẵn
    /// ở những chỗ nào.
    Diff,
}

#[derive(Args)]
struct ServeArgs {
    /// Thư mục của trang web: site.yaml, content/, themes/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Địa chỉ để mở (mặc định là loopback: chỉ máy này xem được).
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Cổng; 0 để tự chọn một cổng còn trống.
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Ngày dùng để tính trạng thái, YYYY-MM-DD [mặc định: hôm nay].
    #[arg(long, value_parser = parse_today)]
    today: Option<NaiveDate>,
    /// Hiện cả các trang ghi `draft: true` (bản nháp) và nội dung ghi ngày sau hôm nay.
    #[arg(long)]
    drafts: bool,
}

#[derive(Args)]
struct BuildArgs {
    /// Thư mục của trang web: site.yaml, content/, themes/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Nơi ghi trang web [mặc định: <root>/public].
    #[arg(long)]
    output: Option<PathBuf>,
    /// Địa chỉ trang web được đăng, ví dụ https://example.gov.vn/thi-dua/
    /// (thay cho base_url của site.yaml).
    #[arg(long, value_parser = parse_base_url)]
    base_url: Option<String>,
    /// Ngày dùng để tính trạng thái, YYYY-MM-DD [mặc định: SOURCE_DATE_EPOCH,
    /// nếu không có thì hôm nay theo múi giờ của trang web].
    #[arg(long, value_parser = parse_today)]
    today: Option<NaiveDate>,
    /// Xuất bản cả các trang ghi `draft: true` (bản nháp).
    #[arg(long)]
    drafts: bool,
    /// Coi mọi cảnh báo là lỗi.
    #[arg(long)]
    deny_warnings: bool,
}

/// The English of the help, for `--lang en`: (subcommand path, argument id or
/// "" for the command's about, text).
const ENGLISH_HELP: &[(&[&str], &str, &str)] = &[
    (
        &["import"],
        "",
        "Read the office's own files (a plan in Word, lists in Excel or CSV) into drafts to review.",
    ),
    (&["import"], "root", "The site's folder."),
    (
        &["import"],
        "force",
        "Replace a file that is already there.",
    ),
    (
        &["import", "results"],
        "",
        "An honoree list from a spreadsheet (.xlsx, .xls, .ods, .csv): writes content/phong-trao/<campaign>/<file name>.yaml, a draft.",
    ),
    (&["import", "results"], "file", "The spreadsheet."),
    (
        &["import", "results"],
        "campaign",
        "The campaign's folder name.",
    ),
    (
        &["import", "results"],
        "phase",
        "The list's phase id (leave out for the whole campaign's review).",
    ),
    (
        &["import", "results"],
        "status",
        "proposed or decided [default: as the spreadsheet's title says].",
    ),
    (
        &["import", "results"],
        "output",
        "Where to write [default: content/phong-trao/<campaign>/<file name>.yaml].",
    ),
    (
        &["import", "results"],
        "sheet",
        "The sheet with the list [default: the first with a header row].",
    ),
    (
        &["import", "units"],
        "",
        "site.yaml's units (units:) from a spreadsheet of unit names; the units already there are kept.",
    ),
    (&["import", "units"], "file", "The spreadsheet."),
    (
        &["import", "units"],
        "sheet",
        "The sheet with the units [default: the first with a header row].",
    ),
    (
        &["init"],
        "",
        "Start a new site in a folder: site.yaml, the home page and sections, the schemas and the publishing files (the theme is built in).",
    ),
    (&["init"], "dir", "The new site's folder."),
    (
        &["init"],
        "name",
        "The body's full name, e.g. \"Sở Giáo dục và Đào tạo tỉnh Nghệ An\".",
    ),
    (
        &["theme"],
        "",
        "The built-in theme: write it out to change it, or compare the site's copy with it.",
    ),
    (&["theme"], "root", "The site's folder."),
    (
        &["theme", "export"],
        "",
        "Write the built-in theme's templates and static files to a folder [default: <root>/themes/default, which the site then uses].",
    ),
    (&["theme", "export"], "dir", "The folder to write to."),
    (
        &["theme", "export"],
        "force",
        "Replace files that are already there.",
    ),
    (
        &["theme", "diff"],
        "",
        "Show how the site's templates and static files differ from the built-in ones they replace.",
    ),
    (
        &[],
        "",
        "Builds the emulation and honours site (bảng vàng) from content/ and a theme",
    ),
    (
        &[],
        "lang",
        "The language of messages: vi (the default) or en; also BANGVANG_LANG",
    ),
    (&[], "help", "Print help"),
    (&[], "version", "Print version"),
    (
        &["build"],
        "",
        "Build the site into the output folder (replaced only if the build succeeds).",
    ),
    (
        &["check"],
        "",
        "Run every check of a build and write nothing.",
    ),
    (
        &["serve"],
        "",
        "Preview the site: build, serve on this computer, rebuild and reload on every change.",
    ),
    (
        &["new"],
        "",
        "Write a ready-to-fill campaign or results file.",
    ),
    (&["new"], "root", "The site's folder."),
    (
        &["new"],
        "today",
        "The date the scaffold starts from, YYYY-MM-DD [default: today].",
    ),
    (
        &["new", "campaign"],
        "",
        "content/phong-trao/<slug>/index.md: a campaign's plan.",
    ),
    (
        &["new", "campaign"],
        "slug",
        "The campaign's folder name (lowercase letters, digits and `-`).",
    ),
    (
        &["new", "results"],
        "",
        "content/phong-trao/<campaign>/<name>.yaml: a results list.",
    ),
    (
        &["new", "results"],
        "campaign",
        "The campaign's folder name.",
    ),
    (
        &["new", "results"],
        "name",
        "The list's file name, without .yaml.",
    ),
    (
        &["schema"],
        "",
        "Write the JSON Schemas of front matter, results files and site.yaml.",
    ),
    (
        &["schema"],
        "output",
        "Where to write them [default: <root>/schemas].",
    ),
    (&["schema"], "root", "The site's folder."),
    (
        &["import", "plan"],
        "",
        "Read a campaign's plan (.docx, .txt, .md) into content/phong-trao/<slug>/index.md (a draft), with the original file beside it.",
    ),
    (
        &["import", "plan"],
        "file",
        "The plan's file: .docx (Word), or .txt, .md (plain text).",
    ),
    (
        &["import", "plan"],
        "campaign",
        "The campaign's folder name (lowercase letters, digits and `-`).",
    ),
    (
        &["import", "plan"],
        "output",
        "Where to write the page [default: content/phong-trao/<slug>/index.md].",
    ),
    (
        &["serve"],
        "root",
        "The site's folder: site.yaml, content/, themes/.",
    ),
    (
        &["serve"],
        "bind",
        "The address to listen on (loopback by default: only this computer).",
    ),
    (&["serve"], "port", "The port; 0 picks a free one."),
    (
        &["serve"],
        "today",
        "The day statuses are computed against, YYYY-MM-DD [default: today].",
    ),
    (
        &["serve"],
        "drafts",
        "Show pages marked `draft: true` and content dated after today too.",
    ),
    (
        &["build", "check"],
        "root",
        "The site's folder: site.yaml, content/, themes/.",
    ),
    (
        &["build", "check"],
        "output",
        "Where to write the site [default: <root>/public].",
    ),
    (
        &["build", "check"],
        "base_url",
        "The address the site is published at, e.g. https://example.gov.vn/thi-dua/ (overrides base_url of site.yaml).",
    ),
    (
        &["build", "check"],
        "today",
        "The day statuses are computed against, YYYY-MM-DD [default: SOURCE_DATE_EPOCH, else today in the site's time zone].",
    ),
    (
        &["build", "check"],
        "drafts",
        "Publish pages marked `draft: true` too.",
    ),
    (
        &["build", "check"],
        "deny_warnings",
        "Treat every warning as an error.",
    ),
];

/// The command line in `lang`: Vietnamese headings, or the English help.
fn command(lang: Lang) -> clap::Command {
    let mut cmd = Cli::command();
    match lang {
        Lang::Vi => vietnamese_headings(cmd),
        Lang::En => {
            for (path, arg, text) in ENGLISH_HELP {
                // `build` and `check` share their arguments: a path of two
                // names there means either command.
                let targets: Vec<Vec<&str>> = match path {
                    [] => vec![vec![]],
                    ["build", "check"] => vec![vec!["build"], vec!["check"]],
                    _ => vec![path.to_vec()],
                };
                for target in targets {
                    cmd = with_help(cmd, &target, arg, text);
                }
            }
            cmd.help_template(
                "{about-with-newline}\n{usage-heading} {usage}\n\n{all-args}{after-help}",
            )
        }
    }
}

/// `text` as the help of `arg` (or the about, for "") of the subcommand at `path`.
fn with_help(cmd: clap::Command, path: &[&str], arg: &str, text: &'static str) -> clap::Command {
    match path.split_first() {
        Some((first, rest)) => cmd.mut_subcommand(*first, |sub| with_help(sub, rest, arg, text)),
        None if arg.is_empty() => cmd.about(text),
        None => cmd.mut_arg(arg, |a| a.help(text)),
    }
}

/// clap's own words (Usage, Commands, Options, Arguments) in Vietnamese, on
/// every command.
fn vietnamese_headings(cmd: clap::Command) -> clap::Command {
    let cmd = cmd
        .help_template("{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .mut_args(|a| {
            let heading = if a.is_positional() {
                "Tham số"
            } else {
                "Tùy chọn"
            };
            // The imports' `--output` is a file, named FILE in English.
            let file = a
                .get_value_names()
                .is_some_and(|names| names.iter().any(|n| n.as_str() == "FILE"));
            let value_name = match a.get_id().as_str() {
                "output" if file => Some("TỆP"),
                "root" | "output" => Some("THƯ_MỤC"),
                "file" => Some("TỆP"),
                "campaign" => Some("PHONG_TRÀO"),
                "phase" => Some("ĐỢT"),
                "sheet" => Some("TRANG_TÍNH"),
                "base_url" | "bind" => Some("ĐỊA_CHỈ"),
                "today" => Some("NGÀY"),
                "port" => Some("CỔNG"),
                _ => None,
            };
            // clap writes `[default: …]` itself, in English.
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let mut a = a.help_heading(heading);
            if let Some(name) = value_name {
                a = a.value_name(name);
            }
            if !defaults.is_empty() && !a.is_hide_default_value_set() {
                let help = a.get_help().map(ToString::to_string).unwrap_or_default();
                a = a
                    .help(format!("{help} [mặc định: {}]", defaults.join(", ")))
                    .hide_default_value(true);
            }
            a
        });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    names.iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, vietnamese_headings)
    })
}

/// The usage lines of a help clap wrote, its `[OPTIONS]` in Vietnamese.
fn vietnamese_usage(help: &str) -> String {
    help.replace("[OPTIONS]", "[TÙY_CHỌN]")
}

/// The language asked for before the command line is parsed (its own
/// messages depend on it): `--lang X` or `--lang=X` anywhere, else
/// `BANGVANG_LANG`, else Vietnamese.
fn chosen_lang(args: &[std::ffi::OsString]) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|w| w.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            return lang;
        }
    }
    Lang::from_env().unwrap_or(Lang::Vi)
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| messages::tr("the language is vi or en").into_owned())
}

fn parse_today(text: &str) -> Result<NaiveDate, String> {
    bangvang::text::date::parse_day(text).map_err(|e| match e.help {
        Some(help) => format!("{} ({})", tr(&e.message), tr(&help)),
        None => tr(&e.message).into_owned(),
    })
}

fn parse_base_url(text: &str) -> Result<String, String> {
    bangvang::model::config::normalize_base_url(text).map_err(|e| tr(&e).into_owned())
}

/// A mistake in the command line, said in Vietnamese: clap writes its own
/// errors in English only. Help and version, and kinds not listed, are
/// printed as clap writes them.
fn command_line_error(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let said = match error.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            let why = std::error::Error::source(error)
                .map(|e| format!(": {e}"))
                .unwrap_or_default();
            format!("giá trị `{value}` của `{arg}` không dùng được{why}")
        }
        ErrorKind::UnknownArgument => {
            let hint = get(ContextKind::SuggestedArg)
                .map(|s| format!("; có phải là `{s}`?"))
                .unwrap_or_default();
            format!("không có tùy chọn `{arg}` ở đây{hint}")
        }
        ErrorKind::InvalidSubcommand => {
            let arg = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            let hint = get(ContextKind::SuggestedSubcommand)
                .map(|s| format!("; có phải là `{s}`?"))
                .unwrap_or_default();
            format!("không có lệnh `{arg}`{hint}")
        }
        ErrorKind::MissingRequiredArgument => format!("thiếu {arg}"),
        ErrorKind::MissingSubcommand => "thiếu lệnh".to_owned(),
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("`{arg}` cần một giá trị")
        }
        ErrorKind::TooManyValues | ErrorKind::ArgumentConflict => {
            format!("`{arg}` không dùng được như vậy")
        }
        _ => return None,
    };
    Some(format!(
        "{}: {said}\n\nXem cách dùng: bangvang --help",
        Label::Error.word()
    ))
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
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = chosen_lang(&args);
    messages::set_lang(lang);
    let cli = match command(lang)
        .try_get_matches_from(&args)
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
    {
        Ok(cli) => cli,
        Err(error) => match (lang, command_line_error(&error)) {
            (Lang::Vi, Some(said)) => {
                eprintln!("{said}");
                return ExitCode::from(2);
            }
            (Lang::Vi, None) if error.use_stderr() => {
                eprint!("{}", vietnamese_usage(&error.render().to_string()));
                return ExitCode::from(2);
            }
            (Lang::Vi, None) => {
                print!("{}", vietnamese_usage(&error.render().to_string()));
                return ExitCode::SUCCESS;
            }
            _ => error.exit(),
        },
    };
    if let Err(message) = bangvang::source_date_epoch() {
        eprintln!("{}: {}", Label::Error.word(), tr(&message));
        return ExitCode::from(2);
    }
    match cli.command {
        Command::Build(args) => finish(bangvang::build(&args.options()), Verb::Published),
        Command::Check(args) => finish(bangvang::check(&args.options()), Verb::Checked),
        Command::New { what, root, today } => {
            let result = bangvang::load::site_config(&root)
                .map_err(|d| {
                    d.iter()
                        .map(|d| d.localized().to_string())
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
                        "{}",
                        tr(&format!(
                            "wrote {} (a draft: remove `draft: true` when it is filled in)",
                            path.display()
                        ))
                    );
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    // Diagnostics of site.yaml come already labelled.
                    if message.starts_with(&format!("{}: ", Label::Error.word())) {
                        eprintln!("{message}");
                    } else {
                        eprintln!("{}: {}", Label::Error.word(), tr(&message));
                    }
                    ExitCode::from(1)
                }
            }
        }
        Command::Import { what, root, force } => import(what, &root, force),
        Command::Init { dir, name } => match bangvang::scaffold::init(&dir, &name) {
            Ok(init) => {
                for file in &init.files {
                    println!("{}", tr(&format!("wrote {}", file.display())));
                }
                let root = dir.display();
                println!("\n{}", tr(&format!("The site of {name} is ready. Next:")));
                for step in [
                    format!(
                        "1. bangvang serve --root {root}    (preview it at http://127.0.0.1:1111/)"
                    ),
                    "2. fill in site.yaml: the address, phone and email, the units, base_url"
                        .to_owned(),
                    format!(
                        "3. bangvang new campaign <folder> --root {root}    (the first campaign plan)"
                    ),
                ] {
                    println!("  {}", tr(&step));
                }
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("{}: {}", Label::Error.word(), tr(&message));
                ExitCode::from(1)
            }
        },
        Command::Theme { what, root } => theme(what, &root),
        Command::Schema { output, root } => {
            let output = output.unwrap_or_else(|| root.join("schemas"));
            match write_schemas(&output) {
                Ok(count) => {
                    println!(
                        "{}",
                        tr(&format!("wrote {count} schemas to {}", output.display()))
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!(
                        "{}: {}",
                        Label::Error.word(),
                        tr(&format!(
                            "cannot write the schemas to {}: {e}",
                            output.display()
                        ))
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
                    eprintln!("{}: {}", Label::Error.word(), tr(&message));
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
                eprintln!("{}", d.localized());
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
                        "{}",
                        tr(&format!(
                            "wrote {} files of the built-in theme to {}",
                            exported.written.len(),
                            dir.display()
                        ))
                    );
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("{}: {}", Label::Error.word(), tr(&message));
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

/// `bangvang import plan`.
fn import_plan(
    file: PathBuf,
    campaign: String,
    output: Option<PathBuf>,
    root: PathBuf,
    force: bool,
) -> ExitCode {
    let options = bangvang::import::plan::PlanOptions {
        root,
        file,
        campaign,
        output,
        force,
    };
    match bangvang::import::plan::import(&options) {
        Ok(imported) => {
            for warning in &imported.warnings {
                eprintln!("{warning}");
            }
            println!(
                "{}",
                tr(&format!(
                    "wrote {} (a draft: remove `draft: true` when it is filled in)",
                    imported.page.display()
                ))
            );
            println!(
                "{}",
                tr(&format!(
                    "copied the plan beside it: {}",
                    imported.attachment.display()
                ))
            );
            if !imported.todos.is_empty() {
                println!(
                    "{}",
                    tr(&format!(
                        "{} fields not read from the plan, marked `# TODO:` in the front matter:",
                        imported.todos.len()
                    ))
                );
                for todo in &imported.todos {
                    println!("  {}: {}", todo.key, tr(&todo.message));
                }
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in bangvang::import::problem::sorted(problems) {
                eprintln!("{problem}");
            }
            eprintln!("{}", tr("the plan was not imported: nothing was written"));
            ExitCode::from(1)
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

fn finish(result: Result<BuildReport, Vec<Diagnostic>>, verb: Verb) -> ExitCode {
    match result {
        Ok(report) => {
            for warning in &report.warnings {
                eprintln!("{}", warning.localized());
            }
            let output = report.output.display().to_string();
            println!(
                "{}",
                messages::done(&messages::Done {
                    verb,
                    pages: report.pages,
                    data_files: report.data_files,
                    files_copied: report.files_copied,
                    held_back: report.held_back,
                    warnings: report.warnings.len(),
                    millis: report.millis,
                    output: (verb == Verb::Published).then_some(output.as_str()),
                })
            );
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{}", d.localized());
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == bangvang::diagnostics::Severity::Error)
                .count();
            let warnings = diagnostics.len() - errors;
            eprintln!("{}", messages::failed(verb, errors, warnings));
            ExitCode::from(1)
        }
    }
}

/// `bangvang import …`: exit 0 written (perhaps with warnings), 1 when the
/// file has problems (nothing written).
fn import(what: ImportCommand, root: &std::path::Path, force: bool) -> ExitCode {
    use bangvang::import;
    if let ImportCommand::Plan {
        file,
        campaign,
        output,
    } = what
    {
        return import_plan(file, campaign, output, root.to_path_buf(), force);
    }
    let config = match bangvang::load::site_config(root) {
        Ok(config) => config,
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{}", d.localized());
            }
            return ExitCode::from(1);
        }
    };
    let today = bangvang::today_in(config.timezone);
    let print_all = |problems: &[import::problem::Problem]| {
        for p in problems {
            eprintln!("{p}");
        }
    };
    match what {
        ImportCommand::Results {
            file,
            campaign,
            phase,
            status,
            output,
            sheet,
        } => {
            let status = status.as_deref().map(|s| match s {
                "decided" => import::results::ListStatus::Decided,
                _ => import::results::ListStatus::Proposed,
            });
            let request = import::results::Request {
                file: &file,
                campaign: &campaign,
                phase: phase.as_deref(),
                status,
                output: output.as_deref(),
                sheet: sheet.as_deref(),
                force,
                today,
            };
            match import::results::run(root, &config, &request) {
                Ok(outcome) => {
                    print_all(&outcome.problems);
                    println!("{}", import::results::summary(&outcome, &file));
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    print_all(&problems);
                    let errors = problems
                        .iter()
                        .filter(|p| p.severity == bangvang::diagnostics::Severity::Error)
                        .count();
                    eprintln!(
                        "{}",
                        tr(&format!(
                            "{errors} problems to fix in {}; nothing was written",
                            file.display()
                        ))
                    );
                    ExitCode::from(1)
                }
            }
        }
        ImportCommand::Plan { .. } => unreachable!("imported above"),
        ImportCommand::Units { file, sheet } => {
            match import::units::run(root, &file, sheet.as_deref()) {
                Ok(outcome) => {
                    print_all(&outcome.problems);
                    println!("{}", tr(&outcome.summary()));
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    print_all(&problems);
                    eprintln!(
                        "{}",
                        tr(&format!(
                            "site.yaml was not changed: {} problems in {}",
                            problems.len(),
                            file.display()
                        ))
                    );
                    ExitCode::from(1)
                }
            }
        }
    }
}
