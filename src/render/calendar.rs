//! The calendar: every campaign's phases, commemorations, review deadlines and
//! public-comment periods, as a page (`/lich/`) and as an iCalendar feed
//! (`/lich.ics`, RFC 5545) that offices subscribe to in their own calendars.

use crate::paths;
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::labels;
use super::links::Links;
use super::views::Status;
use crate::model::Site;
use crate::model::results::ListStatus;
use crate::text::vi_date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Phase,
    Milestone,
    Review,
    Comment,
}

/// One all-day event or span of days.
#[derive(Debug, Clone)]
pub struct Event {
    pub kind: EventKind,
    pub start: NaiveDate,
    /// Inclusive.
    pub end: NaiveDate,
    pub title: String,
    pub campaign: String,
    /// Site path of the page it belongs to (campaign or list).
    pub path: String,
    /// Stable across builds: made from the campaign's folder and the event's ids.
    pub uid: String,
    /// When the event's source was issued, for DTSTAMP.
    pub stamp: NaiveDate,
}

pub fn events(site: &Site) -> Vec<Event> {
    let mut events = Vec::new();
    for &c in &site.campaigns {
        let page = site.page(c);
        let Some(campaign) = &page.campaign else {
            continue;
        };
        let slug = crate::text::collate::last_segment(&page.path);
        let stamp = campaign.date().unwrap_or(site.today);
        let title = &page.meta.title;
        for phase in &campaign.phases {
            events.push(Event {
                kind: EventKind::Phase,
                start: phase.start.first_day(),
                end: phase.end,
                title: phase.name.clone(),
                campaign: title.clone(),
                path: page.path.clone(),
                uid: format!("{slug}.{}", phase.id),
                stamp,
            });
            for (i, m) in phase.milestones.iter().enumerate() {
                let name = labels::milestone(&m.title, m.anniversary_years());
                events.push(Event {
                    kind: EventKind::Milestone,
                    start: m.date,
                    end: m.date,
                    title: name,
                    campaign: title.clone(),
                    path: page.path.clone(),
                    uid: format!("{slug}.{}.moc-{}-{i}", phase.id, m.date),
                    stamp,
                });
            }
            if let Some(review_by) = phase.review_by {
                events.push(Event {
                    kind: EventKind::Review,
                    start: review_by,
                    end: review_by,
                    title: labels::review_of(&phase.name),
                    campaign: title.clone(),
                    path: page.path.clone(),
                    uid: format!("{slug}.{}.tong-ket", phase.id),
                    stamp,
                });
            }
        }
        for &l in site.lists_of(c) {
            let list = site.list(l);
            let (ListStatus::Proposed, Some(until)) = (list.status, list.comment_until) else {
                continue;
            };
            let list_slug = crate::text::collate::last_segment(&list.path);
            events.push(Event {
                kind: EventKind::Comment,
                start: list.published.filter(|p| *p <= until).unwrap_or(until),
                end: until,
                title: labels::comment_on(&list.title),
                campaign: title.clone(),
                path: list.path.clone(),
                uid: format!("{slug}.{list_slug}.lay-y-kien"),
                stamp: list.published.unwrap_or(stamp),
            });
        }
    }
    events.sort_by(|a, b| (a.start, a.kind, &a.uid).cmp(&(b.start, b.kind, &b.uid)));
    events
}

/// The calendar page: years newest first, events in date order within a year.
#[derive(Serialize)]
pub struct YearView<'a> {
    pub year: i32,
    pub events: Vec<EventView<'a>>,
}

#[derive(Serialize)]
pub struct EventView<'a> {
    pub kind: EventKind,
    pub kind_label: &'static str,
    pub start: String,
    pub end: String,
    /// "03/02/2022" or "01/01/2022 – 30/06/2022".
    pub when: String,
    pub title: &'a str,
    pub campaign: &'a str,
    pub href: String,
    /// `past`, `current` or `upcoming` relative to `--today`.
    pub status: Status,
    pub status_label: &'static str,
}

pub fn years<'a>(events: &'a [Event], today: NaiveDate, links: &Links) -> Vec<YearView<'a>> {
    let mut years: Vec<YearView> = Vec::new();
    for e in events {
        let status = Status::of(e.start, e.end, today);
        let view = EventView {
            kind: e.kind,
            kind_label: labels::event_kind(e.kind),
            start: e.start.to_string(),
            end: e.end.to_string(),
            when: if e.start == e.end {
                vi_date::short(e.start)
            } else {
                format!("{} – {}", vi_date::short(e.start), vi_date::short(e.end))
            },
            title: &e.title,
            campaign: &e.campaign,
            href: links.href(&e.path),
            status,
            status_label: labels::status(status),
        };
        match years.iter_mut().find(|y| y.year == e.start.year()) {
            Some(year) => year.events.push(view),
            None => years.push(YearView {
                year: e.start.year(),
                events: vec![view],
            }),
        }
    }
    years.sort_by_key(|y| std::cmp::Reverse(y.year));
    years
}

/// The iCalendar file: CRLF line endings, lines folded at 75 octets, text
/// escaped, all-day events with an exclusive DTEND.
pub fn ics(site: &Site, events: &[Event], links: &Links) -> String {
    let host = links
        .base_url
        .as_deref()
        .and_then(|b| b.split('/').nth(2))
        .unwrap_or("bangvang.invalid")
        .to_owned();
    let mut out = String::new();
    let mut line = |text: String| fold_line(&mut out, &text);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//bangvang//Lich thi dua//VI".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(&site.config.title)));
    line(format!("X-WR-TIMEZONE:{}", site.config.timezone.name()));
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}@{host}", e.uid));
        line(format!("DTSTAMP:{}T000000Z", e.stamp.format("%Y%m%d")));
        line(format!("DTSTART;VALUE=DATE:{}", e.start.format("%Y%m%d")));
        line(format!(
            "DTEND;VALUE=DATE:{}",
            (e.end + Duration::days(1)).format("%Y%m%d")
        ));
        line(format!("SUMMARY:{}", escape(&e.title)));
        line(format!(
            "DESCRIPTION:{}",
            escape(&format!("{} — {}", labels::event_kind(e.kind), e.campaign))
        ));
        line(format!("CATEGORIES:{}", escape(labels::event_kind(e.kind))));
        if let Some(url) = links.permalink(&e.path) {
            line(format!("URL:{url}"));
        }
        line("TRANSP:TRANSPARENT".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// RFC 5545 §3.3.11 text escaping.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF and a space,
/// never splitting a UTF-8 character.
fn fold_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The calendar page: every phase, commemoration, review deadline and
/// comment period, by year.
pub(super) fn render(
    cx: &super::Context,
) -> Result<Vec<crate::diagnostics::Diagnostic>, crate::diagnostics::Diagnostic> {
    let path = paths::CALENDAR;
    let generated = cx.generated(path, labels::CALENDAR, Vec::new());
    let years = years(cx.events, cx.site.today, cx.links);
    let mut inputs = generated.inputs();
    inputs.push(("years", &years));
    inputs.push(("ics_href", &paths::CALENDAR_ICS));
    cx.render(
        "calendar.html",
        &inputs,
        path,
        std::path::Path::new("content"),
    )
}

/// The same events as an iCalendar file.
pub(super) fn write_ics(
    cx: &super::Context,
) -> Result<Vec<crate::diagnostics::Diagnostic>, crate::diagnostics::Diagnostic> {
    cx.write_data(
        paths::CALENDAR_ICS,
        ics(cx.site, cx.events, cx.links).as_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "Đợt thi đua thứ nhất ".repeat(6));
        fold_line(&mut out, &text);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), text);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
