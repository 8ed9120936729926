//! ZIP packages (.xlsx, .ods, .docx) opened with their limits checked first.
//!
//! A package is a ZIP of XML parts, and each is a way in: a part that inflates
//! to gigabytes (a "zip bomb", 1.2 MB on disk), headers that lie about the
//! size, a DOCTYPE whose entities expand a billion times or name a file of the
//! machine (`file:///etc/passwd`). So before any parser sees a part it is
//! inflated here under a limit that counts the bytes actually produced, not
//! the sizes the headers declare, and a part with a DOCTYPE is refused: no
//! Office or OpenDocument part has one, so refusing costs nothing real.
//!
//! Parts are read whole into memory: a real honoree list or plan is a few
//! hundred kilobytes of XML; the limits below are 100 times that.

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// The most one part may inflate to: 64 MiB (a 10,000-row sheet is 3 MB).
pub const PART_LIMIT: u64 = 64 << 20;
/// The most all the parts read from one package may inflate to.
pub const TOTAL_LIMIT: u64 = 256 << 20;
/// The most entries a package may have (a workbook of 50 sheets has ~120).
pub const ENTRY_LIMIT: usize = 10_000;

/// Why a package cannot be read. Each becomes one located problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    /// Not a ZIP at all: what the bytes look like instead.
    NotZip(Looks),
    /// A ZIP, but broken (truncated, a bad checksum) or encrypted.
    Broken(String),
    TooManyEntries(usize),
    /// A part needed is missing (`xl/workbook.xml`).
    MissingPart(String),
    /// A part inflates past [`PART_LIMIT`] (or all parts past [`TOTAL_LIMIT`]).
    TooLarge {
        part: String,
        limit: u64,
    },
    /// A part declares a DOCTYPE.
    Doctype(String),
}

/// What a file that is not a ZIP looks like, for a message that says how to
/// fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looks {
    Empty,
    /// `D0 CF 11 E0`: an Office 97-2003 file (.xls, .doc), or an encrypted
    /// Office file (password-protected .xlsx and .docx are this container too).
    OldOffice,
    /// Readable text: a CSV or a text file renamed.
    Text,
    /// Anything else.
    Unknown,
}

/// What the first bytes of a file say it is.
pub fn looks(bytes: &[u8]) -> Looks {
    const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.is_empty() {
        return Looks::Empty;
    }
    if bytes.starts_with(CFB) {
        return Looks::OldOffice;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let texty = head
        .iter()
        .all(|&b| b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r'));
    if texty { Looks::Text } else { Looks::Unknown }
}

pub struct Package {
    archive: ZipArchive<Cursor<Vec<u8>>>,
    /// Bytes inflated so far, against [`TOTAL_LIMIT`].
    inflated: u64,
}

impl Package {
    /// Opens a package from its bytes; reads only the ZIP's directory.
    pub fn open(bytes: Vec<u8>) -> Result<Package, PackageError> {
        const ZIP: &[u8] = b"PK\x03\x04";
        if !bytes.starts_with(ZIP) {
            return Err(PackageError::NotZip(looks(&bytes)));
        }
        let archive =
            ZipArchive::new(Cursor::new(bytes)).map_err(|e| PackageError::Broken(e.to_string()))?;
        if archive.len() > ENTRY_LIMIT {
            return Err(PackageError::TooManyEntries(archive.len()));
        }
        Ok(Package {
            archive,
            inflated: 0,
        })
    }

    /// The entries' names, as stored.
    pub fn names(&self) -> Vec<String> {
        self.archive
            .file_names()
            .filter_map(|name| name.ok().map(std::borrow::Cow::into_owned))
            .collect()
    }

    /// A part inflated under the limits, with its DOCTYPE refused; `None` when
    /// the package has no such part.
    pub fn xml(&mut self, name: &str) -> Result<Option<Vec<u8>>, PackageError> {
        let Some(bytes) = self.inflate(name)? else {
            return Ok(None);
        };
        if has_doctype(&bytes) {
            return Err(PackageError::Doctype(name.to_owned()));
        }
        Ok(Some(bytes))
    }

    /// A part that must be there.
    pub fn required_xml(&mut self, name: &str) -> Result<Vec<u8>, PackageError> {
        self.xml(name)?
            .ok_or_else(|| PackageError::MissingPart(name.to_owned()))
    }

    /// Inflates every XML part once under the limits: for packages another
    /// reader (calamine) then opens, so that it never meets a bomb or a DOCTYPE.
    pub fn check_every_xml_part(&mut self) -> Result<(), PackageError> {
        for name in self.names() {
            let lower = name.to_ascii_lowercase();
            if lower.ends_with(".xml") || lower.ends_with(".rels") {
                self.xml(&name)?;
            }
        }
        Ok(())
    }

    /// The package's bytes back, for a reader that opens them itself.
    pub fn into_bytes(self) -> Vec<u8> {
        self.archive.into_inner().into_inner()
    }

    fn inflate(&mut self, name: &str) -> Result<Option<Vec<u8>>, PackageError> {
        let left = TOTAL_LIMIT.saturating_sub(self.inflated);
        let limit = PART_LIMIT.min(left);
        let mut entry = match self.archive.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(PackageError::Broken(format!("{name}: {e}"))),
        };
        // Sized once from the header (never past the limit): left to grow by
        // doubling, a part read up to the 64 MiB limit peaked at 224 MB (the
        // zip-bomb fixture, `/usr/bin/time -v`). A header that lies is caught
        // by the inflater, which stops at the declared size.
        let declared = entry.size().min(limit + 1);
        let mut bytes = Vec::with_capacity(declared as usize);
        // One byte past the limit tells "too large" from "exactly the limit";
        // `take` counts what the inflater produces, whatever the header says.
        (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| PackageError::Broken(format!("{name}: {e}")))?;
        if bytes.len() as u64 > limit {
            let limit = if limit < PART_LIMIT {
                TOTAL_LIMIT
            } else {
                PART_LIMIT
            };
            return Err(PackageError::TooLarge {
                part: name.to_owned(),
                limit,
            });
        }
        self.inflated += bytes.len() as u64;
        Ok(Some(bytes))
    }
}

/// Whether XML text declares a DOCTYPE (anywhere: a literal `<!DOCTYPE`
/// can only be markup, since text and attributes escape `<`).
pub fn has_doctype(xml: &[u8]) -> bool {
    memchr::memmem::find(xml, b"<!DOCTYPE").is_some()
        || memchr::memmem::find(xml, b"<!doctype").is_some()
}

impl PackageError {
    /// This error as the editor is told it: at the part it is about (a part
    /// too large, with a DOCTYPE, missing) or at the whole file. `kind`
    /// names the file's type in the message (".xlsx", "Word (.docx)").
    pub fn problem(&self, file: &str, kind: &str) -> super::problem::Problem {
        use super::problem::{Place, Problem};
        let place = match self {
            PackageError::TooLarge { part, .. }
            | PackageError::Doctype(part)
            | PackageError::MissingPart(part) => Place::Part(part.clone()),
            _ => Place::File,
        };
        Problem::error(file, place, self.message(kind))
    }

    /// The English message of this error, for [`super::problem::Problem`].
    pub fn message(&self, kind: &str) -> String {
        match self {
            PackageError::NotZip(Looks::Empty) => "the file is empty (0 bytes)".to_owned(),
            PackageError::NotZip(Looks::OldOffice) => format!(
                "not a {kind} file: this is an Office 97-2003 file (or one protected by a password)"
            ),
            PackageError::NotZip(Looks::Text) => {
                format!("not a {kind} file: the file is plain text, not a ZIP package")
            }
            PackageError::NotZip(Looks::Unknown) => {
                format!("not a {kind} file: it is not a ZIP package")
            }
            PackageError::Broken(reason) => {
                format!("the {kind} file is damaged and cannot be opened ({reason})")
            }
            PackageError::TooManyEntries(n) => format!(
                "the {kind} package has {n} parts, more than the {ENTRY_LIMIT} an office file has"
            ),
            PackageError::MissingPart(part) => {
                format!("the {kind} package has no part `{part}`")
            }
            PackageError::TooLarge { part, limit } => format!(
                "the part `{part}` inflates to more than {} MB: refused (a compressed bomb or a file far larger than an office's)",
                limit >> 20
            ),
            PackageError::Doctype(part) => format!(
                "the part `{part}` declares a DOCTYPE, which office files never do: refused (its entities are not expanded and no file it names is read)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut out);
        for (name, bytes) in parts {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn a_part_past_the_limit_is_refused_without_inflating_it_all() {
        let big = vec![b' '; (PART_LIMIT + 10) as usize];
        let mut p = Package::open(zip_of(&[("a.xml", &big)])).unwrap();
        assert!(matches!(p.xml("a.xml"), Err(PackageError::TooLarge { .. })));
    }

    #[test]
    fn a_doctype_is_refused_and_its_entities_never_read() {
        let xml = br#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"#;
        let mut p = Package::open(zip_of(&[("a.xml", xml)])).unwrap();
        assert_eq!(
            p.check_every_xml_part(),
            Err(PackageError::Doctype("a.xml".into()))
        );
    }

    #[test]
    fn what_a_file_that_is_not_a_zip_looks_like() {
        assert_eq!(
            Package::open(b"STT;H\xe1\xbb\x8d t\xc3\xaan\r\n".to_vec()).err(),
            Some(PackageError::NotZip(Looks::Text))
        );
        assert_eq!(
            looks(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Looks::OldOffice
        );
        assert_eq!(looks(b""), Looks::Empty);
    }
}
