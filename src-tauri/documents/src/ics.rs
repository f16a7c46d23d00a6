//! The programme as an iCalendar file (RFC 5545): one VEVENT per session.
//!
//! UIDs are derived from the session ids (`{session_id}@roundtable-planner`)
//! so that importing a revised programme updates the entries already in a
//! calendar instead of duplicating them. SEQUENCE tells calendars which copy
//! is newer: the seconds since 2020 of the session's last change in the
//! change journal (its time, room, title, people, day, venue…), which grows
//! with every change and is the same whichever teammate exports; a session
//! unchanged since the journal began keeps the days since 2000 of the
//! version date, as exports made before the journal had it, so they stay
//! the older copies. DTSTAMP is the moment of the export. A calendar needs
//! at least one entry (RFC 5545): an event without sessions is refused.
//!
//! Times are written in UTC (`DTSTART:20220921T020000Z`), computed from the
//! venue's IANA zone with chrono-tz. Every calendar reads UTC the same way,
//! whereas a `TZID=Asia/Bangkok` needs a VTIMEZONE block that Outlook in
//! particular insists on and that would have to be generated and kept right
//! for daylight-saving rules; the venue's local times are still given in each
//! description, and `X-WR-TIMEZONE` tells calendars which zone to show.
//!
//! Text reaches the file only through [`line`] and [`text`] (the core's
//! [`without_controls`], the rule every input is cleaned by): the icalendar
//! crate escapes a line feed but not a carriage return, which calendars read
//! as a line break, so a title holding "\rEND:VCALENDAR" (stored before inputs
//! were cleaned, or written into the plan by another program) could end the
//! calendar early or start an entry of its own.

use crate::error::{Error, Result};
use crate::programme::{Programme, ProgrammeSession};
use icalendar::{Calendar, Component, Event, EventLike, Property};
use roundtable_core::validate::without_controls;

/// The UID of a session's calendar entry.
pub fn uid(session_id: uuid::Uuid) -> String {
    format!("{session_id}@roundtable-planner")
}

/// A single-line value: line breaks as spaces, other control characters dropped.
fn line(value: &str) -> String {
    without_controls(value, false)
}

/// A free-text value: CRLF and CR as LF (which the crate escapes), other control characters dropped.
fn text(value: &str) -> String {
    without_controls(value, true)
}

/// The SEQUENCE of a session's entry (see the module's documentation).
fn sequence(session: &ProgrammeSession, version_days: u32) -> u32 {
    let since_2020 = |at: chrono::DateTime<chrono::Utc>| (at.timestamp() - 1_577_836_800).try_into().ok();
    session.revised.and_then(since_2020).map_or(version_days, |seconds: u32| seconds.max(version_days))
}

/// The programme as iCalendar text (CRLF line endings, folded lines).
pub fn programme(p: &Programme) -> Result<String> {
    if p.days.iter().all(|d| d.sessions.is_empty()) {
        return Err(Error::Empty(format!(
            "“{}” has no sessions yet, and a calendar file needs at least one: add sessions to the agenda first.",
            p.title
        )));
    }
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//Roundtable Planner//Programme//EN"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .append_property(Property::new("X-WR-TIMEZONE", line(&p.time_zone)));
    calendar.name(&line(&p.title));
    // The version date, as days since 2000, only ever grows between versions.
    let version_days = chrono::NaiveDate::parse_from_str(&p.version_date, "%-d %B %Y")
        .ok()
        .and_then(|d| d.signed_duration_since(chrono::NaiveDate::from_ymd_opt(2000, 1, 1)?).num_days().try_into().ok())
        .unwrap_or(0u32);
    let place = [p.venue.as_str(), p.place.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>();
    for day in &p.days {
        for s in &day.sessions {
            let mut description = vec![format!(
                "{} · {} {}–{} ({}). {} programme, version of {}.",
                day.date, s.kind, s.start, s.end, p.time_zone, p.stage_label, p.version_date
            )];
            if !s.description.is_empty() {
                description.push(s.description.clone());
            }
            for person in &s.people {
                description.push(format!("{}: {}", person.role, person.line()));
            }
            let location = if s.room.is_empty() {
                place.join(", ")
            } else {
                std::iter::once(s.room.as_str()).chain(place.iter().copied()).collect::<Vec<_>>().join(", ")
            };
            let mut event = Event::new();
            event
                .uid(&uid(s.id))
                .summary(&line(&s.title))
                .starts(s.start_utc)
                .ends(s.end_utc)
                .description(&text(&description.join("\n")))
                .sequence(sequence(s, version_days))
                .add_property("CATEGORIES", line(&s.kind))
                .add_property("TRANSP", if s.pause { "TRANSPARENT" } else { "OPAQUE" });
            if !location.is_empty() {
                event.location(&line(&location));
            }
            calendar.push(event.done());
        }
    }
    Ok(calendar.done().to_string())
}
