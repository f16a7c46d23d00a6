//! What clashes in an event's programme, computed in SQL: a person in two
//! overlapping sessions, two overlapping sessions in one room, a day outside
//! the event's dates (after the dates moved). A delegation over its quota is
//! not a clash of the programme: the tracker flags it, and readiness lists it.

use crate::error::Result;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// Pairs of overlapping sessions of one day that share a participant.
pub(crate) const DOUBLE_BOOKED_SQL: &str =
    "SELECT a.id, b.id, d.id, d.date, a.title, b.title, a.start_time, a.end_time, b.start_time, b.end_time,
                spa.participant_id, pe.full_name
         FROM session a
         JOIN session b ON b.day_id = a.day_id AND a.id < b.id
                       AND a.start_time < b.end_time AND b.start_time < a.end_time
         JOIN session_person spa ON spa.session_id = a.id
         JOIN session_person spb ON spb.session_id = b.id AND spb.participant_id = spa.participant_id
         JOIN participant p ON p.id = spa.participant_id
         JOIN person pe ON pe.id = p.person_id
         JOIN agenda_day d ON d.id = a.day_id
         WHERE a.event_id = ?1
         ORDER BY d.date, a.start_time, b.start_time";

/// Pairs of overlapping sessions of one day in the same room.
pub(crate) const ROOM_CLASH_SQL: &str = "SELECT a.id, b.id, d.id, d.date, a.title, b.title, a.room
         FROM session a
         JOIN session b ON b.day_id = a.day_id AND a.id < b.id
                       AND a.start_time < b.end_time AND b.start_time < a.end_time
                       AND LOWER(TRIM(a.room)) = LOWER(TRIM(b.room))
         JOIN agenda_day d ON d.id = a.day_id
         WHERE a.event_id = ?1 AND TRIM(a.room) <> ''
         ORDER BY d.date, a.start_time, b.start_time";

/// The kinds of clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    PersonDoubleBooked,
    RoomClash,
    DayOutsideEvent,
}

/// One clash, with what it concerns so the UI can mark it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub message: String,
    pub session_ids: Vec<Uuid>,
    pub day_id: Option<Uuid>,
    pub participant_id: Option<Uuid>,
}

/// Every clash of an event, sessions in time order.
pub(crate) fn of_event(conn: &Connection, event_id: Uuid) -> Result<Vec<Conflict>> {
    let mut conflicts = Vec::new();

    let mut stmt = conn.prepare_cached(DOUBLE_BOOKED_SQL)?;
    let mut rows = stmt.query([event_id])?;
    while let Some(r) = rows.next()? {
        let date: chrono::NaiveDate = r.get(3)?;
        let (a_start, a_end, b_start, b_end): (
            chrono::NaiveTime,
            chrono::NaiveTime,
            chrono::NaiveTime,
            chrono::NaiveTime,
        ) = (r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?);
        conflicts.push(Conflict {
            kind: ConflictKind::PersonDoubleBooked,
            message: format!(
                "{} is in two sessions at once on {}: '{}' ({}–{}) and '{}' ({}–{})",
                r.get::<_, String>(11)?,
                date.format("%a %-d %b"),
                r.get::<_, String>(4)?,
                a_start.format("%H:%M"),
                a_end.format("%H:%M"),
                r.get::<_, String>(5)?,
                b_start.format("%H:%M"),
                b_end.format("%H:%M"),
            ),
            session_ids: vec![r.get(0)?, r.get(1)?],
            day_id: Some(r.get(2)?),
            participant_id: Some(r.get(10)?),
        });
    }

    let mut stmt = conn.prepare_cached(ROOM_CLASH_SQL)?;
    let mut rows = stmt.query([event_id])?;
    while let Some(r) = rows.next()? {
        let date: chrono::NaiveDate = r.get(3)?;
        conflicts.push(Conflict {
            kind: ConflictKind::RoomClash,
            message: format!(
                "'{}' and '{}' overlap in {} on {}",
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                date.format("%a %-d %b")
            ),
            session_ids: vec![r.get(0)?, r.get(1)?],
            day_id: Some(r.get(2)?),
            participant_id: None,
        });
    }

    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.date, e.start_date, e.end_date,
                (SELECT COUNT(*) FROM session s WHERE s.day_id = d.id)
         FROM agenda_day d JOIN event e ON e.id = d.event_id
         WHERE d.event_id = ?1 AND (d.date < e.start_date OR d.date > e.end_date)
         ORDER BY d.date",
    )?;
    let mut rows = stmt.query([event_id])?;
    while let Some(r) = rows.next()? {
        let (date, start, end): (chrono::NaiveDate, chrono::NaiveDate, chrono::NaiveDate) =
            (r.get(1)?, r.get(2)?, r.get(3)?);
        let sessions: i64 = r.get(4)?;
        conflicts.push(Conflict {
            kind: ConflictKind::DayOutsideEvent,
            message: format!(
                "{} and its {sessions} session(s) lie outside the event's dates ({})",
                crate::shown::day(date),
                crate::shown::date_range(start, end)
            ),
            session_ids: Vec::new(),
            day_id: Some(r.get(0)?),
            participant_id: None,
        });
    }

    Ok(conflicts)
}
