//! A .docx's text: `word/document.xml` (found through `_rels/.rels`) read
//! into paragraphs and tables, the automatic labels of `numbering.xml`
//! written in, tracked changes accepted.
//!
//! The XML is read as a stream of events (quick-xml), never a tree and never
//! by recursion: what the parser keeps is one open paragraph and a stack of
//! open tables, so a document nested 10,000 tables deep costs a counter, and
//! is refused at [`DEPTH_LIMIT`]. The package refuses a DOCTYPE before this
//! sees a byte, so no entity is ever declared: a reference to one that is not
//! XML's own five is an error, not an expansion.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::doc::{At, Block, Para, Span, Table};
use crate::import::package::{Package, PackageError};

/// The deepest element nesting read: a real plan's document.xml nests about
/// 12 deep (a table in a cell of a table: 18).
pub const DEPTH_LIMIT: usize = 256;
/// The most text a plan may have: a real one has 30–60 KB.
pub const TEXT_LIMIT: usize = 4 << 20;
/// The most paragraphs: a real plan has 100–300.
pub const PARAGRAPH_LIMIT: u32 = 100_000;

/// Why a .docx could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    Package(PackageError),
    /// Malformed XML in a part: the part and the parser's reason.
    Xml(String, String),
    TooDeep(String),
    TooMuchText,
    TooManyParagraphs,
    /// `&name;` where `name` is not one of XML's five.
    Entity(String, String),
}

impl From<PackageError> for DocxError {
    fn from(e: PackageError) -> DocxError {
        DocxError::Package(e)
    }
}

/// The document's blocks, in order.
pub fn read(bytes: Vec<u8>) -> Result<Vec<Block>, DocxError> {
    let mut package = Package::open(bytes)?;
    let main = main_part(&mut package)?;
    let xml = package.required_xml(&main)?;
    let (dir, file) = match main.rsplit_once('/') {
        Some((dir, file)) => (format!("{dir}/"), file.to_owned()),
        None => (String::new(), main.clone()),
    };
    let rels = match package.xml(&format!("{dir}_rels/{file}.rels"))? {
        Some(xml) => relationships(&xml, &format!("{dir}_rels/{file}.rels"))?,
        None => Vec::new(),
    };
    let links: HashMap<String, String> = rels
        .iter()
        .filter(|r| r.kind.ends_with("/hyperlink"))
        .map(|r| (r.id.clone(), r.target.clone()))
        .collect();
    let numbering = match rels.iter().find(|r| r.kind.ends_with("/numbering")) {
        Some(r) => {
            let part = resolve(&dir, &r.target);
            match package.xml(&part)? {
                Some(xml) => Numbering::read(&xml, &part)?,
                None => Numbering::default(),
            }
        }
        None => Numbering::default(),
    };
    Body::new(numbering, links).read(&xml, &main)
}

/// The main part named by the package's relationships, else the usual name.
fn main_part(package: &mut Package) -> Result<String, DocxError> {
    if let Some(xml) = package.xml("_rels/.rels")? {
        for r in relationships(&xml, "_rels/.rels")? {
            if r.kind.ends_with("/officeDocument") {
                return Ok(r.target.trim_start_matches('/').to_owned());
            }
        }
    }
    Ok("word/document.xml".to_owned())
}

/// `target` relative to the folder `dir` (`word/`), `..` resolved.
fn resolve(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_owned();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in target.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

struct Relationship {
    id: String,
    kind: String,
    target: String,
}

fn relationships(xml: &[u8], part: &str) -> Result<Vec<Relationship>, DocxError> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Vec::new();
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                depth += 1;
                check_depth(depth, part)?;
                relationship(&e, &mut out);
            }
            Ok(Event::Empty(e)) => relationship(&e, &mut out),
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) => return Ok(out),
            Ok(_) => {}
            Err(e) => return Err(DocxError::Xml(part.to_owned(), e.to_string())),
        }
    }
}

fn relationship(e: &BytesStart, out: &mut Vec<Relationship>) {
    if e.local_name().as_ref() == "Relationship" {
        out.push(Relationship {
            id: attr(e, "Id").unwrap_or_default(),
            kind: attr(e, "Type").unwrap_or_default(),
            target: attr(e, "Target").unwrap_or_default(),
        });
    }
}

fn check_depth(depth: usize, part: &str) -> Result<(), DocxError> {
    if depth > DEPTH_LIMIT {
        return Err(DocxError::TooDeep(part.to_owned()));
    }
    Ok(())
}

/// An attribute's value by its local name (`w:val` → `val`).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::default())
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// `<w:b/>`, `<w:b w:val="1"/>` are on; `w:val="0"`, `"false"`, `"off"` off.
fn toggle(e: &BytesStart) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off"))
}

/// One level of a list: how its label is written.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
    bold: bool,
    italic: bool,
    /// What follows the label: a tab (the default), a space or nothing.
    suffix: String,
}

#[derive(Debug, Default)]
struct Numbering {
    /// abstractNum id → its levels by ilvl.
    abstract_levels: HashMap<String, HashMap<u32, Level>>,
    /// numId → (abstractNum id, start overrides by ilvl).
    nums: HashMap<String, (String, HashMap<u32, u32>)>,
}

impl Numbering {
    fn read(xml: &[u8], part: &str) -> Result<Numbering, DocxError> {
        let mut n = Numbering::default();
        let mut reader = Reader::from_reader(xml);
        let mut depth = 0usize;
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<(u32, Level)> = None;
        let mut override_level: Option<u32> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| DocxError::Xml(part.to_owned(), e.to_string()))?;
            let (e, empty) = match &event {
                Event::Start(e) => {
                    depth += 1;
                    check_depth(depth, part)?;
                    (e, false)
                }
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    depth = depth.saturating_sub(1);
                    match e.local_name().as_ref() {
                        "lvl" => {
                            if let (Some(id), Some((ilvl, l))) = (&abstract_id, level.take()) {
                                n.abstract_levels
                                    .entry(id.clone())
                                    .or_default()
                                    .insert(ilvl, l);
                            }
                        }
                        "abstractNum" => abstract_id = None,
                        "num" => num_id = None,
                        "lvlOverride" => override_level = None,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => return Ok(n),
                _ => continue,
            };
            let val = || attr(e, "val").unwrap_or_default();
            match e.local_name().as_ref() {
                "abstractNum" if !empty => abstract_id = attr(e, "abstractNumId"),
                "num" if !empty => {
                    num_id = attr(e, "numId");
                }
                "abstractNumId" => {
                    if let Some(id) = &num_id {
                        n.nums.insert(id.clone(), (val(), HashMap::new()));
                    }
                }
                "lvlOverride" if !empty => {
                    override_level = attr(e, "ilvl").and_then(|v| v.parse().ok());
                }
                "startOverride" => {
                    if let (Some(id), Some(ilvl)) = (&num_id, override_level)
                        && let Some((_, overrides)) = n.nums.get_mut(id)
                    {
                        overrides.insert(ilvl, val().parse().unwrap_or(1));
                    }
                }
                "lvl" if abstract_id.is_some() && !empty => {
                    let ilvl = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((
                        ilvl,
                        Level {
                            start: 1,
                            suffix: "\t".into(),
                            ..Level::default()
                        },
                    ));
                }
                name => {
                    if let Some((_, l)) = &mut level {
                        match name {
                            "numFmt" => l.format = val(),
                            "lvlText" => l.text = val(),
                            "start" => l.start = val().parse().unwrap_or(1),
                            "b" => l.bold = toggle(e),
                            "i" => l.italic = toggle(e),
                            "suff" => {
                                l.suffix = match val().as_str() {
                                    "space" => " ".into(),
                                    "nothing" => String::new(),
                                    _ => "\t".into(),
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
    }

    /// The level of a list, with its start after any override.
    fn level(&self, num_id: &str, ilvl: u32) -> Option<Level> {
        let (abstract_id, overrides) = self.nums.get(num_id)?;
        let mut level = self.abstract_levels.get(abstract_id)?.get(&ilvl)?.clone();
        if let Some(start) = overrides.get(&ilvl) {
            level.start = *start;
        }
        Some(level)
    }
}

/// A counter written in a list's number format.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "lowerLetter" => letter(n),
        "upperLetter" => letter(n).to_uppercase(),
        "decimalZero" => format!("{n:02}"),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= *value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// a, b, …, z, aa, bb, … as Word counts letters.
fn letter(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let c = char::from(b'a' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(c, ((n - 1) / 26 + 1) as usize).collect()
}

/// What the body reader is inside of.
struct Body {
    numbering: Numbering,
    links: HashMap<String, String>,
    /// numId → the counters of its levels (0 = not used yet).
    counters: HashMap<String, [u32; 9]>,
    blocks: Vec<Block>,
    /// Open tables, innermost last: each its rows, the open row's cells, the
    /// open cell's paragraphs.
    tables: Vec<OpenTable>,
    para: Option<OpenPara>,
    /// Inside a run: its formatting.
    run: Option<(bool, bool)>,
    in_rpr: bool,
    in_ppr: bool,
    /// The hyperlink being read.
    link: Option<String>,
    /// Depth at which skipping started (deleted text, drawings, fallbacks).
    skip_from: Option<usize>,
    in_text: bool,
    text_bytes: usize,
    paragraphs: u32,
}

struct OpenTable {
    rows: Vec<Vec<Vec<Para>>>,
    row: Vec<Vec<Para>>,
    cell: Vec<Para>,
    header: bool,
    at: At,
}

struct OpenPara {
    spans: Vec<Span>,
    num_id: Option<String>,
    ilvl: u32,
    at: At,
}

impl Body {
    fn new(numbering: Numbering, links: HashMap<String, String>) -> Body {
        Body {
            numbering,
            links,
            counters: HashMap::new(),
            blocks: Vec::new(),
            tables: Vec::new(),
            para: None,
            run: None,
            in_rpr: false,
            in_ppr: false,
            link: None,
            skip_from: None,
            in_text: false,
            text_bytes: 0,
            paragraphs: 0,
        }
    }

    fn read(mut self, xml: &[u8], part: &str) -> Result<Vec<Block>, DocxError> {
        let mut reader = Reader::from_reader(xml);
        let mut depth = 0usize;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| DocxError::Xml(part.to_owned(), e.to_string()))?;
            match event {
                Event::Start(e) => {
                    depth += 1;
                    check_depth(depth, part)?;
                    if self.skip_from.is_some() {
                        continue;
                    }
                    if skipped(e.local_name().as_ref()) {
                        self.skip_from = Some(depth);
                        continue;
                    }
                    self.start(&e, false)?;
                }
                Event::Empty(e) if self.skip_from.is_none() => self.start(&e, true)?,
                Event::End(e) => {
                    if let Some(from) = self.skip_from {
                        if depth == from {
                            self.skip_from = None;
                        }
                        depth -= 1;
                        continue;
                    }
                    depth = depth.saturating_sub(1);
                    self.end(e.local_name().as_ref());
                }
                Event::Text(t) if self.in_text && self.skip_from.is_none() => {
                    self.push_text(&t.xml10_content())?;
                }
                Event::CData(t) if self.in_text && self.skip_from.is_none() => {
                    self.push_text(&t.xml10_content())?;
                }
                Event::GeneralRef(r) if self.in_text && self.skip_from.is_none() => {
                    let name = r.xml10_content().into_owned();
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        _ => match name.as_str() {
                            "lt" => '<',
                            "gt" => '>',
                            "amp" => '&',
                            "quot" => '"',
                            "apos" => '\'',
                            _ => return Err(DocxError::Entity(part.to_owned(), name)),
                        },
                    };
                    self.push_text(c.encode_utf8(&mut [0; 4]))?;
                }
                Event::GeneralRef(r) if self.skip_from.is_none() => {
                    let name = r.xml10_content().into_owned();
                    if !name.starts_with('#')
                        && !matches!(name.as_str(), "lt" | "gt" | "amp" | "quot" | "apos")
                    {
                        return Err(DocxError::Entity(part.to_owned(), name));
                    }
                }
                Event::DocType(_) => {
                    return Err(DocxError::Package(PackageError::Doctype(part.to_owned())));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(self.blocks)
    }

    fn start(&mut self, e: &BytesStart, empty: bool) -> Result<(), DocxError> {
        match e.local_name().as_ref() {
            "p" => {
                self.paragraphs += 1;
                if self.paragraphs > PARAGRAPH_LIMIT {
                    return Err(DocxError::TooManyParagraphs);
                }
                let para = OpenPara {
                    spans: Vec::new(),
                    num_id: None,
                    ilvl: 0,
                    at: At::Paragraph(self.paragraphs),
                };
                if empty {
                    self.para = Some(para);
                    self.end("p");
                } else {
                    self.para = Some(para);
                }
            }
            "pPr" if !empty => self.in_ppr = true,
            "rPr" if !empty => self.in_rpr = true,
            "numId" if self.in_ppr && !self.in_rpr => {
                if let Some(p) = &mut self.para {
                    p.num_id = attr(e, "val");
                }
            }
            "ilvl" if self.in_ppr && !self.in_rpr => {
                if let Some(p) = &mut self.para {
                    p.ilvl = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
            }
            "r" if !empty => self.run = Some((false, false)),
            "b" if self.in_rpr && !self.in_ppr => {
                if let Some(run) = &mut self.run {
                    run.0 = toggle(e);
                }
            }
            "i" if self.in_rpr && !self.in_ppr => {
                if let Some(run) = &mut self.run {
                    run.1 = toggle(e);
                }
            }
            "t" if self.run.is_some() && !empty => self.in_text = true,
            "tab" if self.run.is_some() && !self.in_ppr => self.push_text("\t")?,
            // A page or column break is layout, not a line of the text.
            "br" | "cr"
                if self.run.is_some()
                    && !matches!(attr(e, "type").as_deref(), Some("page" | "column")) =>
            {
                self.push_text("\n")?
            }
            "noBreakHyphen" if self.run.is_some() => self.push_text("-")?,
            "hyperlink" if !empty => {
                self.link = attr(e, "id").and_then(|id| self.links.get(&id).cloned());
            }
            "tbl" if !empty => {
                let at = At::Paragraph(self.paragraphs + 1);
                self.tables.push(OpenTable {
                    rows: Vec::new(),
                    row: Vec::new(),
                    cell: Vec::new(),
                    header: false,
                    at,
                });
            }
            "tblHeader" => {
                if let Some(t) = self.tables.last_mut()
                    && t.rows.is_empty()
                    && toggle(e)
                {
                    t.header = true;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) {
        match name {
            "pPr" => self.in_ppr = false,
            "rPr" => self.in_rpr = false,
            "r" => self.run = None,
            "t" => self.in_text = false,
            "hyperlink" => self.link = None,
            "p" => {
                if let Some(open) = self.para.take() {
                    let para = self.finish(open);
                    match self.tables.last_mut() {
                        Some(t) => t.cell.push(para),
                        None => self.blocks.push(Block::Para(para)),
                    }
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    let cell = std::mem::take(&mut t.cell);
                    t.row.push(cell);
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            "tbl" => {
                if let Some(t) = self.tables.pop() {
                    let table = Table {
                        rows: t.rows,
                        header: t.header,
                        at: t.at,
                    };
                    match self.tables.last_mut() {
                        // A table in a cell: its paragraphs join the cell.
                        Some(outer) => outer.cell.extend(table.paras().cloned()),
                        None => self.blocks.push(Block::Table(table)),
                    }
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) -> Result<(), DocxError> {
        self.text_bytes += text.len();
        if self.text_bytes > TEXT_LIMIT {
            return Err(DocxError::TooMuchText);
        }
        let (bold, italic) = self.run.unwrap_or((false, false));
        if let Some(p) = &mut self.para {
            match p.spans.last_mut() {
                Some(last)
                    if last.bold == bold && last.italic == italic && last.link == self.link =>
                {
                    last.text.push_str(text)
                }
                _ => p.spans.push(Span {
                    text: text.to_owned(),
                    bold,
                    italic,
                    link: self.link.clone(),
                }),
            }
        }
        Ok(())
    }

    /// The paragraph with its automatic label in front, normalized.
    fn finish(&mut self, open: OpenPara) -> Para {
        let mut spans = open.spans;
        if let Some(num_id) = open.num_id.filter(|id| id != "0")
            && let Some(label) = self.label(&num_id, open.ilvl)
        {
            spans.insert(0, label);
        }
        let mut para = Para { spans, at: open.at };
        para.normalize();
        para
    }

    /// The label Word shows for the next item of a list at a level, counted
    /// like Word: a level's counter restarts after any item of a higher level.
    fn label(&mut self, num_id: &str, ilvl: u32) -> Option<Span> {
        let ilvl = ilvl.min(8);
        let level = self.numbering.level(num_id, ilvl)?;
        let counters = self.counters.entry(num_id.to_owned()).or_insert([0; 9]);
        counters[ilvl as usize] = match counters[ilvl as usize] {
            0 => level.start,
            n => n + 1,
        };
        for deeper in counters.iter_mut().skip(ilvl as usize + 1) {
            *deeper = 0;
        }
        let counters = *counters;
        let text = if level.format == "bullet" {
            "-".to_owned()
        } else {
            let mut text = level.text.clone();
            for k in (1..=9u32).rev() {
                let hole = format!("%{k}");
                if text.contains(&hole) {
                    let at = (k - 1) as usize;
                    let format = self
                        .numbering
                        .level(num_id, k - 1)
                        .map(|l| l.format)
                        .unwrap_or_default();
                    let n = match counters[at] {
                        0 => self.numbering.level(num_id, k - 1).map_or(1, |l| l.start),
                        n => n,
                    };
                    text = text.replace(&hole, &format_number(n, &format));
                }
            }
            text
        };
        if text.trim().is_empty() {
            return None;
        }
        let suffix = if level.format == "bullet" {
            " ".to_owned()
        } else {
            level.suffix
        };
        Some(Span {
            text: format!("{text}{suffix}"),
            bold: level.bold,
            italic: level.italic,
            link: None,
        })
    }
}

/// Elements whose content is not the document's text: deleted and moved-away
/// text, field instructions, drawings and VML shapes, the second copy of an
/// alternate content, footnote references' marks.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "del"
            | "moveFrom"
            | "delText"
            | "instrText"
            | "delInstrText"
            | "drawing"
            | "pict"
            | "object"
            | "Fallback"
            | "sectPr"
            | "rPrChange"
            | "pPrChange"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_counted_as_word_counts_them() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(letter(1), "a");
        assert_eq!(letter(27), "aa");
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(resolve("word/", "numbering.xml"), "word/numbering.xml");
        assert_eq!(
            resolve("word/", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
    }

    fn body(xml: &str) -> Result<Vec<Block>, DocxError> {
        Body::new(Numbering::default(), HashMap::new()).read(xml.as_bytes(), "word/document.xml")
    }

    #[test]
    fn deletions_are_dropped_insertions_kept() {
        let blocks = body(
            r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t xml:space="preserve">a </w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:ins><w:r><w:rPr><w:b/></w:rPr><w:t>b</w:t></w:r></w:ins><w:r><w:tab/><w:t>c&amp;d</w:t><w:noBreakHyphen/></w:r></w:p></w:body></w:document>"#,
        )
        .unwrap();
        let Block::Para(p) = &blocks[0] else { panic!() };
        assert_eq!(p.text(), "a b\tc&d-");
        assert!(p.spans[1].bold);
    }

    #[test]
    fn an_undeclared_entity_is_refused() {
        let err = body(
            r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#,
        );
        assert!(matches!(err, Err(DocxError::Entity(_, name)) if name == "lol9"));
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let mut xml = String::from(r#"<w:document xmlns:w="w"><w:body>"#);
        for _ in 0..10_000 {
            xml.push_str("<w:tbl><w:tr><w:tc>");
        }
        assert!(matches!(body(&xml), Err(DocxError::TooDeep(_))));
    }
}
