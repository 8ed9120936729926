//! The editors' language: the catalogue of messages (`src/messages/vi.tsv`)
//! is sound, and a build speaks Vietnamese by default and English when asked.
//! That every message of the bad-input corpus has its Vietnamese is tested by
//! `tests/bad_input.rs` (its `vi::` trials).

mod common;

use std::collections::BTreeMap;

use bangvang::messages::{self, catalogue_lines, chunks, places};
use common::TestSite;

#[test]
fn every_line_of_the_catalogue_is_sound() {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (line, parsed) in catalogue_lines() {
        let (en, vi) = match parsed {
            Ok(columns) => columns,
            Err(why) => {
                problems.push(format!("line {line}: {why}"));
                continue;
            }
        };
        if let Some(first) = seen.insert(en, line) {
            problems.push(format!(
                "line {line}: the English is already on line {first}"
            ));
        }
        let holes = chunks(en).len() - 1;
        let used = places(vi);
        for n in &used {
            if *n == 0 || *n > holes {
                problems.push(format!(
                    "line {line}: `{{{n}}}` but the English has {holes} hole(s)"
                ));
            }
        }
        for n in 1..=holes {
            if !used.contains(&n) {
                problems.push(format!(
                    "line {line}: hole {n} is not used in the Vietnamese"
                ));
            }
        }
        if !places(en).is_empty() {
            problems.push(format!("line {line}: the English has a numbered hole"));
        }
        if vi.contains("{}") {
            problems.push(format!(
                "line {line}: the Vietnamese has an unnumbered hole"
            ));
        }
        if !unicode_normalization::is_nfc(vi) {
            problems.push(format!("line {line}: the Vietnamese is not NFC"));
        }
        if en.trim() != en.trim_matches(' ') || vi.trim() != vi.trim_matches(' ') {
            problems.push(format!("line {line}: a stray tab or line end"));
        }
        // A piece that starts or ends with a space ( and {} others) keeps it.
        if en.starts_with(' ') != vi.starts_with(' ') || en.ends_with(' ') != vi.ends_with(' ') {
            problems.push(format!("line {line}: the spaces around differ"));
        }
        if en.contains("{}{}") {
            problems.push(format!(
                "line {line}: two holes side by side cannot be told apart"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(seen.len() > 300, "{} messages", seen.len());
}

/// Each hole's piece is put back, and a quoted piece is never translated.
#[test]
fn the_catalogue_translates_with_its_holes() {
    for (english, vietnamese) in [
        (
            "unknown key `titel` in the front matter",
            "không biết khóa `titel` trong phần đầu tệp",
        ),
        (
            "expected text, found a list",
            "cần một đoạn chữ, nhưng ở đây là một danh sách",
        ),
        (
            "the phase `dot-2` starts on 2022-06-15 but the phase `dot-1` before it runs until 2022-06-30",
            "đợt `dot-2` bắt đầu ngày 2022-06-15 nhưng đợt `dot-1` trước nó kéo dài đến ngày 2022-06-30",
        ),
        (
            "the front matter has no `text`; it is required",
            "phần đầu tệp thiếu khóa `text`; khóa này bắt buộc",
        ),
        ("did you mean `title`?", "có phải là `title`?"),
        (
            "cannot read: Permission denied",
            "không đọc được: Permission denied",
        ),
        ("1 and 2", "1 and 2"),
    ] {
        let translated = messages::translate(english);
        if english == vietnamese {
            assert_eq!(translated, None, "{english}");
        } else {
            assert_eq!(translated.as_deref(), Some(vietnamese), "{english}");
        }
    }
}

const MISSPELT: &str = "---\ntitel: Giới thiệu\n---\nNội dung.\n";

fn misspelt_site() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write("content/gioi-thieu-moi.md", MISSPELT);
    site
}

fn lang(value: &str) -> Vec<(String, String)> {
    vec![("BANGVANG_LANG".to_owned(), value.to_owned())]
}

#[test]
fn a_misspelt_key_is_told_in_vietnamese_at_its_line_and_column() {
    let site = misspelt_site();
    // No BANGVANG_LANG at all: Vietnamese is the default.
    let run = site.run_with_env(
        &["build", "--today", "2022-05-10"],
        &[("BANGVANG_LANG".to_owned(), String::new())],
    );
    run.assert_content_error();
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines.contains(
            &"lỗi: content/gioi-thieu-moi.md:2:1: không biết khóa `titel` trong phần đầu tệp"
        ),
        "{}",
        run.stderr
    );
    assert!(
        lines.contains(&"  gợi ý: có phải là `title`?"),
        "{}",
        run.stderr
    );
    assert_eq!(
        lines.last(),
        Some(&"1 lỗi, 0 cảnh báo; chưa xuất bản gì, thư mục xuất bản giữ nguyên"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
}

#[test]
fn lang_en_gives_the_english() {
    let site = misspelt_site();
    for (args, env) in [
        (
            vec!["--lang", "en", "build", "--today", "2022-05-10"],
            lang("vi"),
        ),
        (
            vec!["build", "--today", "2022-05-10", "--lang=en"],
            lang(""),
        ),
        (vec!["build", "--today", "2022-05-10"], lang("en")),
    ] {
        let run = site.run_with_env(&args, &env);
        run.assert_content_error();
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert!(
            lines.contains(
                &"error: content/gioi-thieu-moi.md:2:1: unknown key `titel` in the front matter"
            ),
            "{args:?}: {}",
            run.stderr
        );
        assert!(
            lines.contains(&"  help: did you mean `title`?"),
            "{}",
            run.stderr
        );
        assert_eq!(
            lines.last(),
            Some(&"1 error, 0 warnings; nothing was published, the output is unchanged"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_build_that_succeeds_says_so_in_vietnamese() {
    let site = TestSite::fixture("basic");
    let run = site.run_with_env(&["build", "--today", "2022-05-10"], &lang("vi"));
    run.assert_ok();
    assert!(run.stdout.starts_with("Đã xuất bản "), "{}", run.stdout);
    assert!(run.stdout.contains(" cảnh báo, trong "), "{}", run.stdout);
    let run = site.run_with_env(&["check", "--today", "2022-05-10"], &lang("vi"));
    run.assert_ok();
    assert!(run.stdout.starts_with("Đã kiểm tra "), "{}", run.stdout);
    assert!(
        run.stdout.trim_end().ends_with("không ghi gì"),
        "{}",
        run.stdout
    );
}

#[test]
fn help_is_vietnamese_and_english_on_request() {
    let site = TestSite::empty();
    let vi = site.run_with_env(&["build", "--help"], &lang("vi"));
    assert_eq!(vi.code, 0, "{}", vi.stderr);
    for words in [
        "Cách dùng: bangvang build [TÙY_CHỌN]",
        "Tùy chọn:",
        "--root <THƯ_MỤC>",
        "Thư mục của trang web: site.yaml, content/, themes/ [mặc định: .]",
        "Coi mọi cảnh báo là lỗi",
    ] {
        assert!(vi.stdout.contains(words), "{words}: {}", vi.stdout);
    }
    let top = site.run_with_env(&["--help"], &lang("vi"));
    for words in ["Lệnh:", "Dựng trang web", "--lang <vi|en>"] {
        assert!(top.stdout.contains(words), "{words}: {}", top.stdout);
    }
    let en = site.run_with_env(&["--lang", "en", "build", "--help"], &lang("vi"));
    for words in [
        "Usage: bangvang build [OPTIONS]",
        "Options:",
        "--root <ROOT>",
        "The site's folder",
        "[default: .]",
        "Treat every warning as an error",
    ] {
        assert!(en.stdout.contains(words), "{words}: {}", en.stdout);
    }
    assert!(!en.stdout.contains("Tùy chọn"), "{}", en.stdout);
}

#[test]
fn a_wrong_command_line_is_told_in_vietnamese() {
    let site = TestSite::empty();
    let run = site.run_with_env(&["build", "--today", "2022-13-01"], &lang("vi"));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "lỗi: giá trị `2022-13-01` của `--today <NGÀY>` không dùng được: `2022-13-01` không phải là một ngày có trên lịch"
        ),
        "{}",
        run.stderr
    );
    let run = site.run_with_env(&["buld"], &lang("vi"));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("không có lệnh `buld`; có phải là `build`?"),
        "{}",
        run.stderr
    );
    let run = site.run_with_env(&["build", "--lang", "fr"], &lang("vi"));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("ngôn ngữ là vi hoặc en"),
        "{}",
        run.stderr
    );
}

#[test]
fn new_speaks_vietnamese() {
    let site = TestSite::fixture("basic");
    let run = site.run_with_env(
        &["new", "campaign", "ke-hoach-2027", "--today", "2027-01-05"],
        &lang("vi"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("đã ghi "), "{}", run.stdout);
    assert!(
        run.stdout.contains("(bản nháp: xóa `draft: true`"),
        "{}",
        run.stdout
    );
    let again = site.run_with_env(
        &["new", "campaign", "ke-hoach-2027", "--today", "2027-01-05"],
        &lang("vi"),
    );
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.starts_with("lỗi: ") && again.stderr.contains("đã có; không ghi gì"),
        "{}",
        again.stderr
    );
    let wrong = site.run_with_env(&["new", "campaign", "Kế hoạch"], &lang("vi"));
    assert!(
        wrong.stderr.contains(
            "tên thư mục của phong trào thi đua `Kế hoạch` chỉ được gồm chữ thường không dấu"
        ),
        "{}",
        wrong.stderr
    );
}
