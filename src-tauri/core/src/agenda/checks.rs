//! The rules of the agenda: a day within its event's dates, a session's
//! times (HH:MM, the end after the start) on a day of its event, and its
//! chairs and speakers among the event's participants.

use super::{AgendaDay, AgendaDayInput, SessionInput, SessionPersonInput, day_from_row};
use crate::error::{Checks, Error, Result};
use crate::event::{self, Event, parse_date};
use crate::field::Field;
use crate::participant;
use crate::shown;
use crate::validate::{self, LINE_MAX, TEXT_MAX};
use crate::vocabulary::SessionKind;
use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

fn parse_time(field: Field, label: &str, text: &str) -> Result<NaiveTime> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, format!("{label} is required")));
    }
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .map_err(|_| Error::invalid(field, format!("'{text}' is not a valid time; write it as HH:MM, e.g. 09:30")))
}

pub(super) fn ensure_day(conn: &Connection, id: Uuid, field: Field) -> Result<AgendaDay> {
    conn.query_row("SELECT * FROM agenda_day WHERE id = ?1", [id], day_from_row)
        .optional()?
        .ok_or_else(|| Error::invalid(field, "The chosen day no longer exists"))
}

pub(super) fn within(event: &Event, date: NaiveDate) -> bool {
    event.start_date <= date && date <= event.end_date
}

fn outside_message(event: &Event, date: NaiveDate) -> String {
    format!(
        "{} is outside the event, which runs from {} to {}",
        shown::day(date),
        shown::date(event.start_date),
        shown::date(event.end_date)
    )
}

pub(super) fn check_day(conn: &Connection, event: &Event, id: Uuid, input: &AgendaDayInput) -> Result<AgendaDay> {
    let date = parse_date(Field::Date, "Date", &input.date)?;
    if !within(event, date) {
        return Err(Error::invalid(Field::Date, outside_message(event, date)));
    }
    let taken: Option<Uuid> = conn
        .query_row(
            "SELECT id FROM agenda_day WHERE event_id = ?1 AND date = ?2 AND id <> ?3",
            params![event.id, date, id],
            |r| r.get(0),
        )
        .optional()?;
    if taken.is_some() {
        return Err(Error::duplicate(Field::Date, format!("The agenda already has {}", shown::day(date))));
    }
    Ok(AgendaDay {
        id,
        event_id: event.id,
        date,
        theme: validate::limited(Field::Theme, "Theme", &input.theme, LINE_MAX)?,
        needs_review: false,
    })
}

pub(super) struct ValidSession {
    pub(super) start: NaiveTime,
    pub(super) end: NaiveTime,
    pub(super) title: String,
    pub(super) kind: SessionKind,
    pub(super) room: String,
    pub(super) description: String,
}

/// Checks a session against its day, its event and its people.
pub(super) fn check_session(conn: &Connection, input: &SessionInput) -> Result<(AgendaDay, ValidSession)> {
    let day = ensure_day(conn, input.day_id, Field::DayId)?;
    let event = event::ensure_exists(conn, day.event_id)?;
    if !within(&event, day.date) {
        return Err(Error::invalid(Field::DayId, outside_message(&event, day.date)));
    }
    let mut checks = Checks::default();
    let title = checks.check(validate::required(Field::Title, "Title", &input.title, LINE_MAX));
    let start = checks.check(parse_time(Field::StartTime, "Start", &input.start_time).map(Some));
    let end = checks.check(parse_time(Field::EndTime, "End", &input.end_time).map(Some));
    if let (Some(start), Some(end)) = (start, end)
        && end <= start
    {
        checks.check::<()>(Err(Error::invalid(
            Field::EndTime,
            format!("The session ends ({}) before it starts ({})", end.format("%H:%M"), start.format("%H:%M")),
        )));
    }
    let room = checks.check(validate::limited(Field::Room, "Room", &input.room, LINE_MAX));
    let description = checks.check(validate::limited(Field::Description, "Description", &input.description, TEXT_MAX));
    let kind = input.kind.unwrap_or(SessionKind::Plenary);
    checks.check(check_people(conn, &event, kind, &input.people));
    checks.done()?;
    let (Some(start), Some(end)) = (start, end) else { unreachable!("both times parsed when no check failed") };
    Ok((day, ValidSession { start, end, title, kind, room, description }))
}

/// The session's chair and speakers: none in a break, each once, each a participant of the event.
fn check_people(conn: &Connection, event: &Event, kind: SessionKind, people: &[SessionPersonInput]) -> Result<()> {
    if kind.is_pause() && !people.is_empty() {
        return Err(Error::invalid(
            Field::People,
            format!("A {} has no chair or speakers", kind.label().to_lowercase()),
        ));
    }
    for (i, person) in people.iter().enumerate() {
        if people[..i].iter().any(|p| p.participant_id == person.participant_id) {
            return Err(Error::invalid(Field::People, "The same person is listed twice in this session"));
        }
        let participant = participant::ensure_exists(conn, person.participant_id)
            .map_err(|_| Error::invalid(Field::People, "A chosen speaker is no longer a participant"))?;
        if participant.event_id != event.id {
            return Err(Error::invalid(Field::People, "A chosen speaker is a participant of another event"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_hours_and_minutes() {
        assert_eq!(parse_time(Field::StartTime, "Start", "09:30").unwrap(), NaiveTime::from_hms_opt(9, 30, 0).unwrap());
        assert_eq!(
            parse_time(Field::StartTime, "Start", "14:05:00").unwrap(),
            NaiveTime::from_hms_opt(14, 5, 0).unwrap()
        );
        for bad in ["25:00", "9.30", "noon", ""] {
            assert_eq!(
                parse_time(Field::StartTime, "Start", bad).unwrap_err().field(),
                Some(Field::StartTime),
                "{bad}"
            );
        }
    }
}
