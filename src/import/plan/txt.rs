//! A plan pasted as plain text (.txt, .md): blocks of lines between blank
//! lines. A block is a paragraph whose lines are its line breaks, as Word's
//! "copy as text" writes a Shift+Enter; a block whose every line has the same
//! number of tabs (two columns or more) is a table, the way Word pastes one.

use unicode_normalization::UnicodeNormalization;

use super::doc::{At, Block, Para, Span, Table};

/// The blocks of a text, its byte order mark and CR line ends dropped, NFC.
pub fn read(text: &str) -> Vec<Block> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text: String = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .collect();
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut first = 0u32;
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            if !lines.is_empty() {
                blocks.push(block(&lines, first));
                lines.clear();
            }
            continue;
        }
        if lines.is_empty() {
            first = i as u32 + 1;
        }
        lines.push(line);
    }
    if !lines.is_empty() {
        blocks.push(block(&lines, first));
    }
    blocks
}

fn block(lines: &[&str], first: u32) -> Block {
    let cells = |l: &str| l.trim_end().split('\t').count();
    let columns = cells(lines[0]);
    let is_table = lines.len() >= 2
        && columns >= 2
        && lines
            .iter()
            .all(|l| cells(l) == columns && !l.starts_with('\t'));
    if is_table {
        let rows = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                l.trim_end()
                    .split('\t')
                    .map(|cell| {
                        vec![Para {
                            spans: vec![Span::plain(cell.trim())],
                            at: At::Line(first + i as u32),
                        }]
                    })
                    .collect()
            })
            .collect();
        return Block::Table(Table {
            rows,
            header: true,
            at: At::Line(first),
        });
    }
    Block::Para(Para {
        spans: vec![Span::plain(lines.join("\n"))],
        at: At::Line(first),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_tables_and_line_ends() {
        let blocks = read("\u{feff}KẾ HOẠCH\r\nphát động\r\n\r\nTT\tA\r\n1\tB\r\n\r\nI.\tMỤC\r\n");
        assert_eq!(blocks.len(), 3);
        let Block::Para(p) = &blocks[0] else { panic!() };
        assert_eq!(p.lines(), ["KẾ HOẠCH", "phát động"]);
        assert!(matches!(&blocks[1], Block::Table(t) if t.rows.len() == 2 && t.at == At::Line(4)));
        assert!(matches!(&blocks[2], Block::Para(p) if p.text() == "I.\tMỤC"));
    }
}
