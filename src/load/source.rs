//! Reading one text file the way editors write them: UTF-8 with or without a BOM,
//! LF or CRLF line endings, NFC or decomposed (NFD) accents.
//!
//! After this step every later stage sees LF-terminated NFC text, so comparisons,
//! slugs and search keys never depend on how an editor's keyboard composed "ệ".

use std::path::{Path, PathBuf};

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::diagnostics::{Diagnostic, Pos};

/// Files larger than this are refused before they are read, so that a stray video or
/// a generated file cannot exhaust memory. Results lists of tens of thousands of
/// honorees stay far below it.
pub const MAX_TEXT_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A normalized text file.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Relative to the site root, `/`-separated: the name used in messages.
    pub path: PathBuf,
    pub text: String,
    /// The file's size and times when it was read (none for text that did
    /// not come from a file): the build checks, before it publishes, that
    /// no source changed since.
    pub version: Option<FileVersion>,
}

/// A file's size, times and inode, as `fstat` gives them: two equal
/// versions of one path are (as far as the file system can tell) the same
/// contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileVersion {
    len: u64,
    modified: (i64, i64),
    changed: (i64, i64),
    inode: u64,
}

impl FileVersion {
    fn from_metadata(meta: &std::fs::Metadata) -> FileVersion {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            FileVersion {
                len: meta.len(),
                modified: (meta.mtime(), meta.mtime_nsec()),
                changed: (meta.ctime(), meta.ctime_nsec()),
                inode: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let nanos = |t: std::io::Result<std::time::SystemTime>| {
                t.ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or((0, 0), |d| (d.as_secs() as i64, d.subsec_nanos() as i64))
            };
            FileVersion {
                len: meta.len(),
                modified: nanos(meta.modified()),
                changed: (0, 0),
                inode: 0,
            }
        }
    }

    /// The version of the file at `path` now.
    pub fn of(path: &Path) -> Option<FileVersion> {
        std::fs::metadata(path)
            .ok()
            .map(|m| FileVersion::from_metadata(&m))
    }
}

/// The files read by a build, with the version each had: checked again
/// before the site is published (see [`changed_since_read`]).
pub type ReadFiles = Vec<(PathBuf, PathBuf, FileVersion)>;

/// The files of `read` whose version is no longer the one read, as errors.
/// A page saved while the build read it is caught as it is read (two stats
/// agree around the read); a program that stalls half-way through writing a
/// file (a busy machine pauses it for milliseconds) looks finished then,
/// and is caught here when it resumes: the site built from it is not
/// published.
pub fn changed_since_read(read: &ReadFiles) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    read.par_iter()
        .filter(|(abs, _, version)| FileVersion::of(abs).as_ref() != Some(version))
        .map(|(_, rel, _)| {
            Diagnostic::error(
                rel,
                Pos::NONE,
                "the file changed while the site was being built; nothing was published",
            )
            .with_help("build again once the program writing it has finished")
        })
        .collect()
}

/// Reads `abs` and normalizes it; `rel` is the name used in messages.
pub fn read_text(abs: &Path, rel: &Path) -> Result<SourceText, Diagnostic> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        Diagnostic::error(rel, Pos::START, format!("cannot read the file: {e}"))
    };
    let too_big = |size: u64| {
        Diagnostic::error(
            rel,
            Pos::START,
            format!(
                "the file is {size} bytes; text files are limited to {MAX_TEXT_FILE_BYTES} bytes"
            ),
        )
        .with_help("split it into several files")
    };
    // A file saved while it is read can be read half old, half new, or cut
    // short (an editor truncates, then writes): the file's size and times,
    // the same after the read as before it, say the bytes are one version.
    // Read again when they differ (1 build in 10 published a cut page under
    // a rewrite loop before this).
    for _attempt in 0..READ_ATTEMPTS {
        // One open and two fstats per file: a build reads every source.
        let mut file = std::fs::File::open(abs).map_err(cannot)?;
        let before = file.metadata().map_err(cannot)?;
        let size = before.len();
        if size > MAX_TEXT_FILE_BYTES {
            return Err(too_big(size));
        }
        let mut bytes = Vec::with_capacity(size as usize);
        // Reading up to the size fstat gave needs no second read() to find the
        // end (one syscall per file less). A file that reports no size (a
        // special file) is read to its end, up to the limit.
        let limit = if size > 0 {
            size
        } else {
            MAX_TEXT_FILE_BYTES + 1
        };
        (&mut file)
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        if bytes.len() as u64 > MAX_TEXT_FILE_BYTES {
            return Err(too_big(bytes.len() as u64));
        }
        let after = file.metadata().map_err(cannot)?;
        let version = FileVersion::from_metadata(&after);
        if bytes.len() as u64 == size && version == FileVersion::from_metadata(&before) {
            let mut text = decode(bytes, rel)?;
            text.version = Some(version);
            return Ok(text);
        }
    }
    Err(
        Diagnostic::error(rel, Pos::START, "the file kept changing while it was read")
            .with_help("wait for the program writing it to finish, then build again"),
    )
}

/// Reads of a file that keeps changing before giving up.
const READ_ATTEMPTS: usize = 5;

/// Decodes and normalizes file contents; separate from [`read_text`] for tests.
pub fn decode(bytes: Vec<u8>, rel: &Path) -> Result<SourceText, Diagnostic> {
    let text = match simdutf8::compat::from_utf8(&bytes) {
        // SAFETY: just validated as UTF-8.
        Ok(_) => unsafe { String::from_utf8_unchecked(bytes) },
        Err(e) => {
            let offset = e.valid_up_to();
            let pos = pos_of_byte(&bytes[..offset]);
            return Err(Diagnostic::error(
                rel,
                pos,
                format!("the file is not valid UTF-8 (invalid byte at offset {offset})"),
            )
            .with_help("save the file with the encoding \"UTF-8\""));
        }
    };
    // The usual file (composed Vietnamese, LF, no control character) is
    // settled by one vectorized pass over its bytes; any other goes through
    // the character scan and normalization.
    let text = if is_plain(text.as_bytes()) {
        text
    } else {
        if let Some(d) = unpublishable_characters(&text, rel) {
            return Err(d);
        }
        normalize(text)
    };
    Ok(SourceText {
        path: rel.to_path_buf(),
        text,
        version: None,
    })
}

/// The first character of `text` that no page or data file may hold, at
/// its line and column, with where the others are. Refused: the C0 control
/// characters but tab and line breaks (a NUL ends yaml-rust2's input
/// silently: a `draft: true` after one was never read; most of them make
/// the XML feeds invalid), DEL and the C1 controls (what a Windows-1252 file
/// read as Latin-1 leaves for its dashes and quotes), and Unicode's
/// noncharacters.
fn unpublishable_characters(text: &str, rel: &Path) -> Option<Diagnostic> {
    let mut found: Vec<(Pos, char)> = Vec::new();
    let mut count = 0usize;
    let (mut line, mut col) = (1u32, 1u32);
    for c in text.chars() {
        if is_unpublishable(c) {
            count += 1;
            if found.len() < 6 {
                found.push((Pos::new(line, col), c));
            }
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else if c != '\r' {
            col += 1;
        }
    }
    let ((pos, c), others) = found.split_first()?;
    let what = match c {
        '\0' => "the NUL character (U+0000)".to_owned(),
        c if (*c as u32) < 0x20 || *c == '\u{7f}' => {
            format!("the control character U+{:04X}", *c as u32)
        }
        c if c.is_control() => format!(
            "the control character U+{:04X} (a sign of text converted from another encoding)",
            *c as u32
        ),
        c => format!("the noncharacter U+{:04X}", *c as u32),
    };
    let mut help = "remove it: it is invisible, and no page or feed may contain it".to_owned();
    if count > 1 {
        let at: Vec<String> = others
            .iter()
            .map(|(p, _)| format!("{}:{}", p.line, p.col))
            .collect();
        let more = count - 1 - others.len();
        // Two messages, not one with an optional tail: each is a line of the
        // catalogue (src/messages/vi.tsv).
        help = if more > 0 {
            format!(
                "{help}; the file has {} more such characters, at {} and {more} others",
                count - 1,
                at.join(", "),
            )
        } else {
            format!(
                "{help}; the file has {} more such characters, at {}",
                count - 1,
                at.join(", "),
            )
        };
    }
    Some(Diagnostic::error(rel, *pos, format!("the file contains {what}")).with_help(help))
}

fn is_unpublishable(c: char) -> bool {
    let n = c as u32;
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&n)
        || n & 0xFFFE == 0xFFFE
}

/// Whether UTF-8 `bytes` need nothing from [`decode`]: [`is_already_normal`]
/// (NFC, no carriage return, so no BOM either), and none of the bytes that
/// can start a character [`is_unpublishable`] refuses but `is_already_normal`
/// lets through: a control byte but newline, DEL, and 0xC2 (which leads the
/// C1 controls; 0xEF and above, which lead the noncharacters, already fail
/// `is_already_normal`). Tabs and the Latin-1 signs led by 0xC2 (« » ° NBSP)
/// only send a file to the character scan.
///
/// One pass for both checks: two passes over a 10,000-page site's 40 MB cost
/// 68 M more instructions than the single one of normalization before
/// (`bench/instructions`); this one costs ~12 M more.
fn is_plain(bytes: &[u8]) -> bool {
    // The same loop compiled for AVX2 where the processor has it: the
    // compiler vectorizes it 32 bytes at a time instead of 16, and the pass
    // over a 10,000-page site goes from 58 M to 31 M instructions
    // (`bench/instructions`), below the 35 M of the normalization check
    // alone before this check was added.
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, checked just above.
        return unsafe { is_plain_avx2(bytes) };
    }
    is_plain_portable(bytes)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn is_plain_avx2(bytes: &[u8]) -> bool {
    is_plain_portable(bytes)
}

#[inline(always)]
fn is_plain_portable(bytes: &[u8]) -> bool {
    const BLOCK: usize = 256;
    let Some(pairs) = bytes.len().checked_sub(1) else {
        return bytes.first().is_none_or(|&b| b >= 0x20 || b == b'\n');
    };
    // 0x20..=0xCB shifted down by 0x20 is 0x00..=0xAB: one comparison
    // catches both the control bytes (which wrap round to 0xE0 and above)
    // and the bytes from 0xCC up.
    let outside = |b: u8| b.wrapping_sub(0x20) >= 0xAC;
    let plain_byte = |b: u8| !outside(b) & (b != 0x7f) & (b != 0xc2);
    let mut start = 0;
    while start < pairs {
        let end = (start + BLOCK).min(pairs);
        let (now, next) = (&bytes[start..end], &bytes[start + 1..end + 1]);
        let wrong = now.iter().zip(next).fold(0u8, |wrong, (&b, &n)| {
            let tone_letter = (b == 0xE1) & (n & 0xFC == 0xB8);
            let excused = (b == b'\n') | tone_letter;
            let bad = (outside(b) & !excused) | (b == 0x7f) | (b == 0xc2);
            wrong | bad as u8
        });
        if wrong != 0 {
            return false;
        }
        start = end;
    }
    let last = bytes[pairs];
    plain_byte(last) || last == b'\n'
}

/// Strips a BOM, turns CRLF and lone CR into LF, and composes to NFC.
pub fn normalize(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    // One pass over the bytes settles the usual file: no carriage return, and
    // nothing composition could change.
    if is_already_normal(text.as_bytes()) {
        return text;
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    nfc(text)
}

/// NFC without allocating when the text is already composed (the usual case).
pub fn nfc(text: String) -> String {
    // The full quick check looks every character up in two tables; Vietnamese
    // text typed as precomposed letters never needs it (a tenth of a build's
    // loading time before this shortcut).
    if is_already_normal(text.as_bytes()) {
        return text;
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

/// Whether UTF-8 `bytes` need nothing from [`normalize`]: no carriage return,
/// and only plain starters: ASCII, Latin-1 and Latin
/// Extended-A/B letters (below U+0300) and the precomposed Latin letters of
/// U+1E00–U+1EFF (every Vietnamese letter with its tone mark). Each is in NFC,
/// combines with nothing before it, and is not changed by composition, so
/// text made only of them is already NFC. Decided on the bytes: a lead byte
/// below 0xCC starts a character below U+0300 (continuation bytes are
/// 0x80–0xBF), and U+1E00–U+1EFF is 0xE1 0xB8–0xBB ….
fn is_already_normal(bytes: &[u8]) -> bool {
    // Branch-free over blocks, so the compiler vectorizes it: a byte is wrong
    // when it is 0xCC or above and not 0xE1 before 0xB8–0xBB. The last byte
    // of valid UTF-8 is never a lead byte, so pairing each byte with the next
    // one covers every lead byte.
    const BLOCK: usize = 256;
    let Some(pairs) = bytes.len().checked_sub(1) else {
        return true;
    };
    let mut start = 0;
    while start < pairs {
        let end = (start + BLOCK).min(pairs);
        let (now, next) = (&bytes[start..end], &bytes[start + 1..end + 1]);
        let wrong = now.iter().zip(next).fold(0u8, |wrong, (&b, &n)| {
            let high = (b >= 0xCC) as u8;
            let tone_letter = ((b == 0xE1) & (n & 0xFC == 0xB8)) as u8;
            wrong | (high & !tone_letter) | (b == b'\r') as u8
        });
        if wrong != 0 {
            return false;
        }
        start = end;
    }
    bytes[pairs] < 0xCC && bytes[pairs] != b'\r'
}

/// NFC of a short string that did not come through [`read_text`] (CLI arguments).
pub fn nfc_str(text: &str) -> String {
    nfc(text.to_owned())
}

/// The line and column just after `prefix`, for errors given as byte offsets.
fn pos_of_byte(prefix: &[u8]) -> Pos {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count() as u32
        + 1;
    Pos::new(line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_normal_alone(c: char) -> bool {
        c != '\r' && (c < '\u{300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c))
    }

    #[test]
    fn plain_starters_are_nfc_on_their_own_and_never_combine() {
        use unicode_normalization::char::canonical_combining_class;
        let plain = (0u32..0x300)
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32)
            .filter(|&c| c != '\r');
        for c in plain {
            assert!(is_normal_alone(c));
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
        assert!(!is_normal_alone('\u{301}'));
        // The byte test agrees with the character test on every character,
        // alone and between others.
        for c in (0u32..0x11000)
            .chain(0x1F600..0x1F610)
            .filter_map(char::from_u32)
        {
            let text = format!("aệ{c}ư");
            assert_eq!(
                is_already_normal(text.as_bytes()),
                text.chars().all(is_normal_alone),
                "{c:?}"
            );
            assert_eq!(
                is_already_normal(c.to_string().as_bytes()),
                is_normal_alone(c),
                "{c:?}"
            );
        }
        // Across the blocks the test works in.
        for c in ['ệ', 'đ', '\u{301}', '\u{1F600}', '\u{2000}', '\r'] {
            for at in 250..262 {
                let text = format!("{}{c}{}", "a".repeat(at), "b".repeat(300));
                assert_eq!(
                    is_already_normal(text.as_bytes()),
                    is_normal_alone(c),
                    "{c:?} at {at}"
                );
            }
        }
        // Decomposed text still goes through composition.
        assert_eq!(nfc("Nguye\u{302}\u{303}n".to_owned()), "Nguyễn");
    }

    #[test]
    fn bom_crlf_and_nfd_are_normalized() {
        let nfd = "\u{feff}Tie\u{0302}\u{0301}n\r\nđô\r";
        let out = decode(nfd.as_bytes().to_vec(), Path::new("a.md")).unwrap();
        assert_eq!(out.text, "Tiến\nđô\n");
    }

    #[test]
    fn control_characters_and_noncharacters_are_refused_where_they_are() {
        for (text, pos, what) in [
            (
                "---\ntitle: Bí mật\0\ndraft: true\n---\n",
                Pos::new(2, 14),
                "NUL",
            ),
            ("a\r\nb \u{1b}[31m\n", Pos::new(2, 3), "U+001B"),
            ("Tin \u{1} \u{b} end", Pos::new(1, 5), "U+0001"),
            ("x\u{96}y", Pos::new(1, 2), "another encoding"),
            ("ab\u{fffe}", Pos::new(1, 3), "noncharacter U+FFFE"),
            ("\u{fdd0}", Pos::new(1, 1), "noncharacter"),
            ("\u{10ffff}", Pos::new(1, 1), "noncharacter"),
        ] {
            let err = decode(text.as_bytes().to_vec(), Path::new("a.md")).unwrap_err();
            assert_eq!(err.pos, pos, "{text:?}: {err}");
            assert!(err.message.contains(what), "{text:?}: {err}");
        }
        let err = decode(b"\0\n\x01\n\x02".to_vec(), Path::new("a.md")).unwrap_err();
        assert!(
            err.help
                .unwrap()
                .contains("2 more such characters, at 2:1, 3:1")
        );
        // Tabs, line breaks and every Vietnamese letter are text.
        let fine = "\u{feff}Tiến\tđộ\r\n\u{a0}«»©° ＡＢ \u{1f600}\u{ffef}";
        assert!(decode(fine.as_bytes().to_vec(), Path::new("a.md")).is_ok());
    }

    #[test]
    fn the_byte_filter_never_misses_a_refused_or_unnormal_character() {
        for n in (0u32..0x3000)
            .chain(0xF000..0x10000)
            .chain(0x1E00..0x1F00)
            .chain(0x1FFF0..0x20000)
            .chain(0x10FFF0..0x110000)
        {
            let Some(c) = char::from_u32(n) else { continue };
            for text in [format!("ab{c}cd"), c.to_string(), format!("{c}\n")] {
                if is_unpublishable(c) {
                    assert!(!is_plain(text.as_bytes()), "{n:x}");
                }
                if is_plain(text.as_bytes()) {
                    assert!(is_already_normal(text.as_bytes()), "{n:x}");
                }
            }
        }
        assert!(is_plain("Đoàn kết, đổi mới\nthi đua\n".as_bytes()));
        // Both compilations of the loop agree, at every length and place.
        let text = "Nguyễn Thị Hòa, Phòng Tổ chức\n".repeat(40);
        for cut in 0..text.len().min(600) {
            let Some(prefix) = text.get(..cut) else {
                continue;
            };
            for odd in ["", "\t", "\u{a0}", "\r", "e\u{301}"] {
                let sample = format!("{prefix}{odd}{prefix}");
                assert_eq!(
                    is_plain(sample.as_bytes()),
                    is_plain_portable(sample.as_bytes()),
                    "{cut} {odd:?}"
                );
            }
        }
        assert!(!is_plain(b"a\tb"));
        assert!(is_plain(b""));
    }

    #[test]
    fn invalid_utf8_names_line_column_and_offset() {
        let bytes = b"title: a\nab\xff".to_vec();
        let err = decode(bytes, Path::new("a.md")).unwrap_err();
        assert_eq!(err.pos, Pos::new(2, 3));
        assert!(err.message.contains("offset 11"), "{}", err.message);
    }
}
