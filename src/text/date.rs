//! Calendar dates as content writes them.

use chrono::{Datelike, NaiveDate};

/// A day, or a month whose day is not filled in yet: official documents are often
/// drafted as "ngày    tháng 01 năm 2022" and numbered and dated on signing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
}

impl PartialDate {
    pub fn year(self) -> i32 {
        match self {
            PartialDate::Day(d) => d.year(),
            PartialDate::Month { year, .. } => year,
        }
    }

    pub fn month(self) -> u32 {
        match self {
            PartialDate::Day(d) => d.month(),
            PartialDate::Month { month, .. } => month,
        }
    }

    pub fn day(self) -> Option<u32> {
        match self {
            PartialDate::Day(d) => Some(d.day()),
            PartialDate::Month { .. } => None,
        }
    }

    /// The first day the date can mean: used for ordering and for "has it begun".
    pub fn first_day(self) -> NaiveDate {
        match self {
            PartialDate::Day(d) => d,
            PartialDate::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1)
                .expect("months are validated to 1..=12 when parsed"),
        }
    }

    /// ISO form: `2022-01-20` or `2022-01`.
    pub fn iso(self) -> String {
        match self {
            PartialDate::Day(d) => d.format("%Y-%m-%d").to_string(),
            PartialDate::Month { year, month } => format!("{year:04}-{month:02}"),
        }
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.day().is_some().cmp(&other.day().is_some()))
    }
}

/// Why a date string was refused, with the spelling the editor should use instead.
#[derive(Debug, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
    pub help: Option<String>,
}

/// Parses `YYYY-MM-DD` strictly; anything else gets an explanation and, where the
/// intent is clear (`30/6/2022`, `2022-6-30`), the correct spelling.
pub fn parse_day(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    if let Some((y, m, d)) = split_iso(text) {
        check_year(text, y)?;
        return NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| not_a_day(text, y, m));
    }
    Err(DateError {
        message: format!("`{text}` is not a date written YYYY-MM-DD"),
        help: guess(text)
            .map(|(y, m, d)| format!("write {y:04}-{m:02}-{d:02}"))
            .or_else(|| Some("write the date as YYYY-MM-DD, e.g. 2022-06-30".into())),
    })
}

/// Parses `YYYY-MM-DD` or `YYYY-MM`.
pub fn parse_partial(text: &str) -> Result<PartialDate, DateError> {
    // Templates format every date of every list through here (`vi_date_short`):
    // the common, well-formed day is read before any trimming or guessing.
    if let Some(day) = split_iso(text).and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        && (1..=MAX_YEAR).contains(&day.year())
    {
        return Ok(PartialDate::Day(day));
    }
    let trimmed = text.trim();
    if let Some((y, m)) = split_year_month(trimmed) {
        check_year(trimmed, y)?;
        if (1..=12).contains(&m) {
            return Ok(PartialDate::Month { year: y, month: m });
        }
        return Err(DateError {
            message: format!("`{trimmed}`: there is no month {m}"),
            help: None,
        });
    }
    parse_day(trimmed).map(PartialDate::Day).map_err(|mut e| {
        if split_iso(trimmed).is_none() {
            e.message = format!("`{trimmed}` is not a date written YYYY-MM-DD or YYYY-MM");
            // "2022-1" or "1/2022": a month written loosely.
            let parts: Vec<&str> = trimmed.split(['-', '/', '.']).collect();
            let month_year = match parts[..] {
                [y, m] if y.len() == 4 => Some((y, m)),
                [m, y] if y.len() == 4 => Some((y, m)),
                _ => None,
            };
            if let Some((y, m)) = month_year
                && let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u32>())
                && (1..=12).contains(&m)
            {
                e.help = Some(format!("write {y:04}-{m:02}"));
            }
        }
        e
    })
}

/// The last year a date may name: later is a typo (`20222` cannot be
/// written, `9999` can), and the calendar file (`lich.ics`) could not write
/// the day after 9999-12-31, its exclusive end. Years before 1000 stay
/// possible for the original events of commemorations, written `0938-…`.
pub const MAX_YEAR: i32 = 2999;

fn check_year(text: &str, year: i32) -> Result<(), DateError> {
    if (1..=MAX_YEAR).contains(&year) {
        return Ok(());
    }
    Err(DateError {
        message: format!("`{text}`: the year {year} is not one a document can be dated"),
        help: Some(format!(
            "years go from 0001 to {MAX_YEAR}; check for a typo"
        )),
    })
}

fn not_a_day(text: &str, y: i32, m: u32) -> DateError {
    let help = if (1..=12).contains(&m) {
        let days = days_in_month(y, m);
        Some(format!("month {m} of {y} has {days} days"))
    } else {
        Some("months go from 01 to 12".into())
    };
    DateError {
        message: format!("`{text}` is not a day of the calendar"),
        help,
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

fn number<T: std::str::FromStr>(part: &str, len: usize) -> Option<T> {
    (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

/// Exactly `YYYY-MM-DD` in ASCII digits, as numbers (the calendar is not
/// consulted). Read byte by byte, without splitting: every date of every list
/// comes through here.
fn split_iso(text: &str) -> Option<(i32, u32, u32)> {
    let b: &[u8; 10] = text.as_bytes().try_into().ok()?;
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |from: usize, to: usize| {
        (from..to).try_fold(0, |n, i| Some(n * 10 + (b[i] as char).to_digit(10)?))
    };
    Some((digits(0, 4)? as i32, digits(5, 7)?, digits(8, 10)?))
}

fn split_year_month(text: &str) -> Option<(i32, u32)> {
    let (y, m) = text.split_once('-')?;
    Some((number(y, 4)?, number(m, 2)?))
}

/// Reads the spellings editors commonly use: `30/6/2022`, `30-06-2022`, `30.6.2022`
/// (day first, as Vietnamese writes dates) and `2022-6-30`, `2022/06/30`.
fn guess(text: &str) -> Option<(i32, u32, u32)> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    let [a, b, c] = parts[..] else { return None };
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (a, b, c) = (num(a)?, num(b)?, num(c)?);
    let (y, m, d) = if a >= 1000 { (a, b, c) } else { (c, b, a) };
    if y < 1000 {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).map(|_| (y as i32, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_beyond_the_calendar_are_refused() {
        for text in ["9999-12-31", "3000-01-01", "0000-06-30"] {
            assert!(parse_day(text).is_err(), "{text}");
            assert!(parse_partial(text).is_err(), "{text}");
        }
        assert!(parse_partial("9999-12").is_err());
        assert!(parse_day("2999-12-31").is_ok());
        assert!(
            parse_day("0938-01-01").is_ok(),
            "an old event of a commemoration"
        );
    }

    #[test]
    fn the_quick_read_of_a_day_agrees_with_the_full_one() {
        // The reading by byte against a reading by parts, as split_iso was.
        let well_formed_day =
            |text: &str| split_iso(text).and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        let full = |text: &str| {
            let parts: Vec<&str> = text.split('-').collect();
            let [y, m, d] = parts[..] else { return None };
            NaiveDate::from_ymd_opt(number(y, 4)?, number(m, 2)?, number(d, 2)?)
        };
        for y in [0, 999, 1999, 2000, 2022, 2024, 2100, 9999] {
            for m in 0..=13 {
                for d in 0..=32 {
                    let text = format!("{y:04}-{m:02}-{d:02}");
                    assert_eq!(well_formed_day(&text), full(&text), "{text}");
                }
            }
        }
        // Not YYYY-MM-DD in ASCII; the ten-byte ones reach the digits ("²" and "١" are
        // digits to Unicode, not to a date).
        for text in [
            " 2022-01-02",
            "2022-1-02 ",
            "2022/01/02",
            "+202-01-02",
            "2022-01-0x",
            "2022-01-²",
            "2022-01-١",
            "२०२२-01-02",
            "",
        ] {
            assert_eq!(well_formed_day(text), None, "{text}");
        }
        assert!(parse_partial("2022-02-29").is_err());
    }

    #[test]
    fn accepts_iso_days_and_months() {
        assert_eq!(
            parse_day("2022-06-30"),
            Ok(NaiveDate::from_ymd_opt(2022, 6, 30).unwrap())
        );
        assert_eq!(
            parse_partial("2022-01"),
            Ok(PartialDate::Month {
                year: 2022,
                month: 1
            })
        );
    }

    #[test]
    fn suggests_the_iso_spelling() {
        let e = parse_day("30/6/2022").unwrap_err();
        assert_eq!(e.help.as_deref(), Some("write 2022-06-30"));
        let e = parse_day("2022-6-30").unwrap_err();
        assert_eq!(e.help.as_deref(), Some("write 2022-06-30"));
    }

    #[test]
    fn loose_months_get_the_iso_spelling() {
        assert_eq!(
            parse_partial("2022-1").unwrap_err().help.as_deref(),
            Some("write 2022-01")
        );
        assert_eq!(
            parse_partial("1/2022").unwrap_err().help.as_deref(),
            Some("write 2022-01")
        );
    }

    #[test]
    fn impossible_days_are_named() {
        let e = parse_day("2022-02-30").unwrap_err();
        assert!(e.message.contains("not a day"));
        assert_eq!(e.help.as_deref(), Some("month 2 of 2022 has 28 days"));
        assert!(parse_partial("2022-13").is_err());
    }
}
