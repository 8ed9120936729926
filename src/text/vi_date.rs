//! Dates as Vietnamese official documents write them.
//!
//! Decree 30/2020/NĐ-CP on administrative documents: "đối với những số chỉ ngày nhỏ
//! hơn 10 và tháng 1, 2 thì phải ghi thêm số 0 ở trước" — a leading zero for days 1–9
//! and for the months January and February only: "ngày 03 tháng 02 năm 2022",
//! "ngày 30 tháng 6 năm 2022".

use chrono::{Datelike, NaiveDate};

use crate::text::date::PartialDate;

/// "ngày 03 tháng 02 năm 2022"; with the day unknown, the day is left blank for
/// filling in by hand, as on the paper original: "ngày      tháng 01 năm 2022".
pub fn long(date: PartialDate) -> String {
    let day = match date.day() {
        Some(d) => format!("{d:02}"),
        None => "\u{00a0}".repeat(6),
    };
    format!(
        "ngày {day} tháng {} năm {}",
        month_number(date.month()),
        date.year()
    )
}

/// A month as the Decree writes it: "01", "02", then "3" … "12".
pub fn month_number(month: u32) -> String {
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// "03/02/2022", the numeric form used in tables and timelines.
pub fn short(date: NaiveDate) -> String {
    // Every list shows a date per row: written digit by digit, not through
    // the formatting machinery. Measured: 688.8 M instructions against 699.4 M
    // with `format!("{:02}/{:02}/{}", …)` (−1.5%), one build of a 1,000-page
    // site (`bench/gen_site.py DIR --pages 1000`, `bench/instructions DIR`).
    // Guarded by `short_dates_are_what_format_writes`.
    let mut out = String::with_capacity(10);
    push_two_digits(&mut out, date.day());
    out.push('/');
    push_two_digits(&mut out, date.month());
    out.push('/');
    match u32::try_from(date.year()) {
        Ok(year @ 1000..=9999) => {
            push_two_digits(&mut out, year / 100);
            push_two_digits(&mut out, year % 100);
        }
        _ => out.push_str(&date.year().to_string()),
    }
    out
}

fn push_two_digits(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// "tháng 01/2022" for a month, "03/02/2022" for a day.
pub fn short_partial(date: PartialDate) -> String {
    match date {
        PartialDate::Day(d) => short(d),
        PartialDate::Month { year, month } => format!("tháng {month:02}/{year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_dates_are_what_format_writes() {
        // Every seventh day from before year 1 to after 9999 (every weekday of
        // every month of every year, the edges of the four-digit fast path).
        let mut day = NaiveDate::from_ymd_opt(-100, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(10100, 12, 31).unwrap();
        while day <= last {
            let plain = format!("{:02}/{:02}/{}", day.day(), day.month(), day.year());
            assert_eq!(short(day), plain);
            day += chrono::TimeDelta::days(7);
        }
    }

    fn day(y: i32, m: u32, d: u32) -> PartialDate {
        PartialDate::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn leading_zeros_follow_the_decree() {
        assert_eq!(long(day(2022, 2, 3)), "ngày 03 tháng 02 năm 2022");
        assert_eq!(long(day(2022, 1, 20)), "ngày 20 tháng 01 năm 2022");
        assert_eq!(long(day(2022, 6, 30)), "ngày 30 tháng 6 năm 2022");
        assert_eq!(long(day(2022, 12, 9)), "ngày 09 tháng 12 năm 2022");
    }

    #[test]
    fn blank_day_is_left_to_fill_in() {
        let month = PartialDate::Month {
            year: 2022,
            month: 1,
        };
        assert_eq!(
            long(month),
            "ngày \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0} tháng 01 năm 2022"
        );
        assert_eq!(short_partial(month), "tháng 01/2022");
    }

    #[test]
    fn short_dates_pad_day_and_month() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(short(date(2022, 2, 3)), "03/02/2022");
        assert_eq!(short(date(2022, 12, 31)), "31/12/2022");
        assert_eq!(short(date(999, 1, 1)), "01/01/999");
        assert_eq!(short(date(12022, 1, 1)), "01/01/12022");
        // Every day of a few years, against the plain formatting.
        let mut day = date(1999, 1, 1);
        while day < date(2031, 1, 1) {
            let expected = format!("{:02}/{:02}/{}", day.day(), day.month(), day.year());
            assert_eq!(short(day), expected);
            day = day.succ_opt().unwrap();
        }
    }
}
