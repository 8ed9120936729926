//! `bangvang import plan FILE --campaign SLUG`: a campaign's index.md from
//! the plan's own file.
//!
//! - [`docx`] reads a .docx's document.xml (with numbering.xml's labels and
//!   the hyperlinks' targets) into blocks, [`txt`] a pasted .txt or .md;
//! - [`read`] finds the campaign's fields in the blocks (number, date, place,
//!   subject, motto, basis, phases with their commemorations and review
//!   deadlines, targets, recipients, signer) and what the body is;
//! - [`write`] writes the front matter, each field not found a `# TODO:`
//!   comment, and the body as Markdown.
//!
//! The page is written as a draft beside a copy of the original file (its
//! attachment), and an existing page is never replaced without `--force`.
//! A plan that says something impossible (31/02, "95 năm" for 94 years, no
//! phase at all) is refused with where it says it, and nothing is written.

pub mod doc;
pub mod docx;
pub mod read;
pub mod txt;
pub mod write;

use std::path::{Path, PathBuf};

use super::package::{Looks, PackageError};
use super::problem::{Place, Problem};
use crate::text::slug::slugify;

/// The largest file read: a plan's .docx is 20–200 KB, its text 50 KB.
pub const FILE_LIMIT: u64 = 32 << 20;

pub struct PlanOptions {
    /// The site's folder.
    pub root: PathBuf,
    pub file: PathBuf,
    /// The campaign's folder name under content/phong-trao/.
    pub campaign: String,
    /// The page to write [default: content/phong-trao/<campaign>/index.md].
    pub output: Option<PathBuf>,
    pub force: bool,
}

/// What an import wrote, and what the editor has left to do.
#[derive(Debug)]
pub struct Imported {
    pub page: PathBuf,
    pub attachment: PathBuf,
    /// Fields not read: (key, English id of what was looked for where).
    pub todos: Vec<read::Todo>,
    pub warnings: Vec<Problem>,
}

/// Imports the plan; on any error nothing is written.
pub fn import(options: &PlanOptions) -> Result<Imported, Vec<Problem>> {
    let shown = options.file.display().to_string();
    let whole = |message: String| vec![Problem::error(&shown, Place::File, message)];
    if slugify(&options.campaign) != options.campaign {
        return Err(whole(format!(
            "the campaign's folder name `{}` must be lowercase letters, digits and `-`; try `{}`",
            options.campaign,
            slugify(&options.campaign)
        )));
    }
    if !options.root.join("site.yaml").is_file() {
        return Err(vec![
            Problem::error(
                "site.yaml",
                Place::File,
                format!("no site.yaml in {}", options.root.display()),
            )
            .with_help("run bangvang in the site's folder, or give it with --root"),
        ]);
    }
    let size = std::fs::metadata(&options.file)
        .map_err(|e| whole(format!("cannot read the file: {e}")))?
        .len();
    if size > FILE_LIMIT {
        return Err(whole(format!(
            "the file is {} MB; a plan is well under {} MB: refused",
            size >> 20,
            FILE_LIMIT >> 20
        )));
    }
    let bytes =
        std::fs::read(&options.file).map_err(|e| whole(format!("cannot read the file: {e}")))?;
    let ext = options
        .file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let blocks = match ext.as_str() {
        "docx" => docx::read(bytes).map_err(|e| vec![docx_problem(&shown, e)])?,
        "txt" | "md" => {
            if bytes.starts_with(b"PK\x03\x04") {
                return Err(whole(
                    "this is a ZIP package (a .docx?), not text: name it .docx".into(),
                ));
            }
            let text = std::str::from_utf8(&bytes).map_err(|_| {
                vec![
                    Problem::error(&shown, Place::File, "the text file is not UTF-8")
                        .with_help("save it again as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"),
                ]
            })?;
            txt::read(text)
        }
        "doc" => {
            return Err(vec![
                Problem::error(
                    &shown,
                    Place::File,
                    "a Word 97-2003 document (.doc) cannot be imported",
                )
                .with_help("open it in Word or LibreOffice and save it as .docx (Word Document)"),
            ]);
        }
        _ => {
            return Err(whole(
                "bangvang import plan reads .docx, .txt and .md files".into(),
            ));
        }
    };
    let mut plan = read::read(blocks);
    // A target's award is kept only if the site reads it as the build will.
    if let Ok(config) = crate::load::site_config(&options.root) {
        let vocabulary =
            crate::model::awards::Vocabulary::new(&config.awards, config.award_setting());
        for target in &mut plan.targets {
            if let Some((award, _)) = &target.award
                && vocabulary.read_target(award).is_err()
            {
                target.award = None;
            }
        }
    }
    let problems: Vec<Problem> = plan
        .findings
        .iter()
        .map(|f| {
            let place = match &f.at {
                Some((doc::At::Paragraph(n), text)) => Place::Paragraph {
                    number: *n,
                    text: text.clone(),
                },
                Some((doc::At::Line(n), _)) => Place::Line(*n),
                None => Place::File,
            };
            let p = if f.error {
                Problem::error(&shown, place, &f.message)
            } else {
                Problem::warning(&shown, place, &f.message)
            };
            match &f.help {
                Some(h) => p.with_help(h),
                None => p,
            }
        })
        .collect();
    if plan.has_errors() {
        return Err(problems);
    }

    let page = options.output.clone().unwrap_or_else(|| {
        options
            .root
            .join("content/phong-trao")
            .join(&options.campaign)
            .join("index.md")
    });
    let folder = page.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    let stem = options
        .file
        .file_stem()
        .map(|s| slugify(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "ke-hoach".to_owned());
    let attachment_name = format!("{stem}.{ext}");
    let attachment = folder.join(&attachment_name);
    if !options.force {
        for existing in [&page, &attachment] {
            if existing.exists() {
                return Err(vec![
                    Problem::error(
                        &existing.display().to_string(),
                        Place::File,
                        "the file is already there: nothing was written",
                    )
                    .with_help("give --force to replace it"),
                ]);
            }
        }
    }
    let title = if ext == "docx" {
        "Toàn văn kế hoạch (tệp Word)"
    } else {
        "Toàn văn kế hoạch (tệp văn bản thuần)"
    };
    let text = write::index_md(&plan, &attachment_name, title);
    let written = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(&folder)?;
        std::fs::copy(&options.file, &attachment)?;
        std::fs::write(&page, text)
    })();
    written.map_err(|e| {
        vec![Problem::error(
            &page.display().to_string(),
            Place::File,
            format!("cannot write the page: {e}"),
        )]
    })?;
    Ok(Imported {
        page,
        attachment,
        todos: plan.todos,
        warnings: problems,
    })
}

/// A .docx that cannot be read, as the editor is told.
fn docx_problem(file: &str, error: docx::DocxError) -> Problem {
    use docx::DocxError;
    match error {
        DocxError::Package(e) => {
            let problem = e.problem(file, "Word (.docx)");
            match e {
                PackageError::NotZip(Looks::Text) => problem.with_help(
                    "a .docx is a ZIP package; if this is the plan's text, name it .txt and import that, or save it as .docx in Word",
                ),
                PackageError::NotZip(Looks::OldOffice) => problem.with_help(
                    "this is a Word 97-2003 document (.doc) named .docx, or one protected by a password: open it in Word or LibreOffice and save it as .docx (Word Document), without a password",
                ),
                _ => problem,
            }
        }
        DocxError::Xml(part, reason) => Problem::error(
            file,
            Place::Part(part.clone()),
            format!("the part `{part}` is not well-formed XML ({reason})"),
        ),
        DocxError::TooDeep(part) => Problem::error(
            file,
            Place::Part(part.clone()),
            format!(
                "the part `{part}` nests its elements more than {} deep (tables inside tables): refused",
                docx::DEPTH_LIMIT
            ),
        ),
        DocxError::TooMuchText => Problem::error(
            file,
            Place::File,
            format!(
                "the document has more than {} MB of text; a plan has well under 1 MB: refused",
                docx::TEXT_LIMIT >> 20
            ),
        ),
        DocxError::TooManyParagraphs => Problem::error(
            file,
            Place::File,
            format!(
                "the document has more than {} paragraphs; a plan has a few hundred: refused",
                docx::PARAGRAPH_LIMIT
            ),
        ),
        DocxError::Entity(part, name) => Problem::error(
            file,
            Place::Part(part.clone()),
            format!(
                "the part `{part}` uses the entity `&{name};`, which nothing declares: refused (a .docx needs none)"
            ),
        ),
    }
}
