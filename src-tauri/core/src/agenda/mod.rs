//! The agenda: the event's days (with an optional theme) and their sessions,
//! in the venue's local time, with chairs and speakers from the participants.
//! Its rules (days within the event, times, who may chair or speak) are in
//! [`checks`].

use crate::conflicts::{self, Conflict};
use crate::error::{Error, Result};
use crate::field::Field;
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::vocabulary::{Gender, SessionKind, SessionRole};
use crate::{delegation, event};
use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use uuid::Uuid;

mod balance;
mod checks;

pub use balance::SpeakerGenders;
use checks::{check_day, check_session, ensure_day, within};

/// The people of an event's sessions (or one session's), in their order.
pub(crate) const SESSION_PEOPLE_SQL: &str =
    "SELECT sp.session_id, sp.participant_id, pe.id, sp.role, pe.full_name, pe.position, d.name, d.country_code,
                    pe.gender
             FROM session_person sp
             JOIN session s ON s.id = sp.session_id
             JOIN participant p ON p.id = sp.participant_id
             JOIN person pe ON pe.id = p.person_id
             JOIN delegation d ON d.id = p.delegation_id
             WHERE s.event_id = ?1 AND (?2 IS NULL OR s.id = ?2)
             ORDER BY sp.session_id, sp.position";

/// An event's sessions (or one), in day and time order.
pub(crate) const SESSIONS_SQL: &str = "SELECT s.*, d.date FROM session s JOIN agenda_day d ON d.id = s.day_id
             WHERE s.event_id = ?1 AND (?2 IS NULL OR s.id = ?2)
             ORDER BY d.date, s.start_time, s.end_time, s.title";

/// One date of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AgendaDay {
    pub id: Uuid,
    pub event_id: Uuid,
    pub date: NaiveDate,
    /// "Areas of cooperation and partnerships".
    pub theme: String,
    /// Copied from another stop and not looked at since (the next edit clears it).
    pub needs_review: bool,
}

/// What a person types for a day.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct AgendaDayInput {
    pub date: String,
    pub theme: String,
}

/// A chair, moderator, speaker or rapporteur of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SessionPerson {
    pub participant_id: Uuid,
    pub person_id: Uuid,
    pub role: SessionRole,
    /// "H.E. Mr Phuchphop Mongkolnavin".
    pub name: String,
    /// The person's position, for the programme.
    pub position: String,
    pub delegation_name: String,
    /// For the balance of panels ([`SpeakerGenders`]).
    pub gender: Gender,
}

/// A session of the agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Session {
    pub id: Uuid,
    pub event_id: Uuid,
    pub day_id: Uuid,
    pub date: NaiveDate,
    /// Local time at the venue.
    pub start_time: NaiveTime,
    pub end_time: NaiveTime,
    pub title: String,
    pub kind: SessionKind,
    pub room: String,
    pub description: String,
    /// Copied from another stop and not looked at since.
    pub needs_review: bool,
    pub people: Vec<SessionPerson>,
    /// Its speakers by gender.
    pub speaker_genders: SpeakerGenders,
    /// "All 4 speakers are men": a panel of one gender, while the event checks for it.
    pub single_gender_warning: Option<String>,
}

/// Someone to put on a session.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct SessionPersonInput {
    pub participant_id: Uuid,
    pub role: SessionRole,
}

/// What a person types for a session. Times are text (`HH:MM`, venue time)
/// so that a mistyped time comes back as a field error.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct SessionInput {
    pub day_id: Uuid,
    pub start_time: String,
    pub end_time: String,
    pub title: String,
    pub kind: Option<SessionKind>,
    pub room: String,
    pub description: String,
    pub people: Vec<SessionPersonInput>,
    /// Keeps (or sets) the mark of a text still to review; saving the editor
    /// with it unticked clears it, a move keeps what the session had.
    #[serde(default)]
    pub needs_review: bool,
}

/// A day with its sessions in time order.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AgendaDayView {
    pub day: AgendaDay,
    /// False when the day lies outside the event's dates (after they moved).
    pub within_event: bool,
    pub sessions: Vec<Session>,
}

/// The whole agenda of an event, with what clashes.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Agenda {
    pub event_id: Uuid,
    pub time_zone: String,
    pub days: Vec<AgendaDayView>,
    pub conflicts: Vec<Conflict>,
    /// Whether panels of one gender are flagged at this event.
    pub check_panel_balance: bool,
}

/// A session's own columns (of [`SESSIONS_SQL`]); its people are read apart.
pub(crate) fn session_from_row(row: &Row<'_>) -> rusqlite::Result<Session> {
    Ok(Session {
        id: row.get("id")?,
        event_id: row.get("event_id")?,
        day_id: row.get("day_id")?,
        date: row.get("date")?,
        start_time: row.get("start_time")?,
        end_time: row.get("end_time")?,
        title: row.get("title")?,
        kind: row.get("kind")?,
        room: row.get("room")?,
        description: row.get("description")?,
        needs_review: row.get("needs_review")?,
        people: Vec::new(),
        speaker_genders: SpeakerGenders::default(),
        single_gender_warning: None,
    })
}

pub(crate) fn day_from_row(row: &Row<'_>) -> rusqlite::Result<AgendaDay> {
    Ok(AgendaDay {
        id: row.get("id")?,
        event_id: row.get("event_id")?,
        date: row.get("date")?,
        theme: row.get("theme")?,
        needs_review: row.get("needs_review")?,
    })
}

fn write_people(conn: &Connection, session_id: Uuid, people: &[SessionPersonInput]) -> Result<()> {
    conn.execute("DELETE FROM session_person WHERE session_id = ?1", [session_id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO session_person (session_id, participant_id, role, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, person) in people.iter().enumerate() {
        stmt.execute(params![session_id, person.participant_id, person.role, position as i64])?;
    }
    Ok(())
}

impl Store {
    /// Adds a day to an event's agenda; the date must be one of the event's.
    pub fn add_day(&mut self, event_id: Uuid, input: &AgendaDayInput) -> Result<AgendaDay> {
        self.write(|tx| {
            let event = event::ensure_exists(tx, event_id)?;
            let day = check_day(tx, &event, Uuid::now_v7(), input)?;
            tx.execute(
                "INSERT INTO agenda_day (id, event_id, date, theme) VALUES (?1, ?2, ?3, ?4)",
                params![day.id, day.event_id, day.date, day.theme],
            )?;
            Ok(day)
        })
    }

    /// Gives every date of the event a day in the agenda, keeping those it has.
    pub fn fill_days(&mut self, event_id: Uuid) -> Result<Vec<AgendaDay>> {
        self.transaction(|s| {
            s.write(|tx| {
                let event = event::ensure_exists(tx, event_id)?;
                let mut stmt = tx.prepare_cached(
                    "INSERT OR IGNORE INTO agenda_day (id, event_id, date, theme) VALUES (?1, ?2, ?3, '')",
                )?;
                for date in event.start_date.iter_days().take_while(|d| *d <= event.end_date) {
                    stmt.execute(params![Uuid::now_v7(), event_id, date])?;
                }
                Ok(())
            })?;
            s.days(event_id)
        })
    }

    /// Changes a day's date or theme; its sessions move with it.
    pub fn update_day(&mut self, id: Uuid, input: &AgendaDayInput) -> Result<AgendaDay> {
        self.write(|tx| {
            let current = ensure_day(tx, id, Field::Id).map_err(|_| Error::NotFound { what: "Agenda day" })?;
            let event = event::ensure_exists(tx, current.event_id)?;
            let day = check_day(tx, &event, id, input)?;
            tx.execute(
                "UPDATE agenda_day SET date = ?2, theme = ?3, needs_review = 0 WHERE id = ?1",
                params![id, day.date, day.theme],
            )?;
            Ok(day)
        })
    }

    /// Deletes a day with its sessions.
    pub fn delete_day(&mut self, id: Uuid) -> Result<()> {
        let deleted = self.write(|tx| Ok(tx.execute("DELETE FROM agenda_day WHERE id = ?1", [id])?))?;
        if deleted == 0 {
            return Err(Error::NotFound { what: "Agenda day" });
        }
        Ok(())
    }

    /// The days of an event, in date order.
    pub fn days(&self, event_id: Uuid) -> Result<Vec<AgendaDay>> {
        event::ensure_exists(self.read(), event_id)?;
        let mut stmt = self.read().prepare_cached("SELECT * FROM agenda_day WHERE event_id = ?1 ORDER BY date")?;
        let rows = stmt.query_map([event_id], day_from_row)?;
        Ok(rows.skip_damaged()?)
    }

    /// Adds a session to a day.
    pub fn create_session(&mut self, input: &SessionInput) -> Result<Session> {
        self.transaction(|s| {
            let id = s.write(|tx| {
                let (day, v) = check_session(tx, input)?;
                let id = Uuid::now_v7();
                tx.execute(
                    "INSERT INTO session (id, event_id, day_id, start_time, end_time, title, kind, room, description,
                        needs_review)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        id,
                        day.event_id,
                        day.id,
                        v.start,
                        v.end,
                        v.title,
                        v.kind,
                        v.room,
                        v.description,
                        input.needs_review
                    ],
                )?;
                write_people(tx, id, &input.people)?;
                Ok(id)
            })?;
            s.session(id)
        })
    }

    /// Changes, moves or resizes a session (another day of the same event, other times, other people).
    pub fn update_session(&mut self, id: Uuid, input: &SessionInput) -> Result<Session> {
        self.transaction(|s| {
            s.write(|tx| {
                let event_id: Uuid = tx
                    .query_row("SELECT event_id FROM session WHERE id = ?1", [id], |r| r.get(0))
                    .optional()?
                    .ok_or(Error::NotFound { what: "Session" })?;
                let (day, v) = check_session(tx, input)?;
                if day.event_id != event_id {
                    return Err(Error::invalid(
                        Field::DayId,
                        "A session can only move to another day of its own event",
                    ));
                }
                tx.execute(
                    "UPDATE session SET day_id = ?2, start_time = ?3, end_time = ?4, title = ?5, kind = ?6, room = ?7,
                        description = ?8, needs_review = ?9 WHERE id = ?1",
                    params![id, day.id, v.start, v.end, v.title, v.kind, v.room, v.description, input.needs_review],
                )?;
                write_people(tx, id, &input.people)
            })?;
            s.session(id)
        })
    }

    /// Deletes a session.
    pub fn delete_session(&mut self, id: Uuid) -> Result<()> {
        let deleted = self.write(|tx| Ok(tx.execute("DELETE FROM session WHERE id = ?1", [id])?))?;
        if deleted == 0 {
            return Err(Error::NotFound { what: "Session" });
        }
        Ok(())
    }

    /// One session with its people.
    pub fn session(&self, id: Uuid) -> Result<Session> {
        let event_id: Uuid = self
            .read()
            .query_row("SELECT event_id FROM session WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound { what: "Session" })?;
        self.sessions(event_id, Some(id))?.pop().ok_or(Error::NotFound { what: "Session" })
    }

    /// The sessions of an event (or just one), in day and time order.
    pub(crate) fn sessions(&self, event_id: Uuid, only: Option<Uuid>) -> Result<Vec<Session>> {
        let conn = self.read();
        let mut people: HashMap<Uuid, Vec<SessionPerson>> = HashMap::new();
        let names = crate::countries::country_names_in(conn)?;
        let mut stmt = conn.prepare_cached(SESSION_PEOPLE_SQL)?;
        let rows = stmt.query_map(params![event_id, only], |row| {
            let delegation_name: String = row.get(6)?;
            let country_code: Option<String> = row.get(7)?;
            let person = SessionPerson {
                participant_id: row.get(1)?,
                person_id: row.get(2)?,
                role: row.get(3)?,
                name: row.get(4)?,
                position: row.get(5)?,
                delegation_name: delegation::shown_name(names, country_code.as_deref(), &delegation_name).to_owned(),
                gender: row.get(8)?,
            };
            Ok((row.get::<_, Uuid>(0)?, person))
        })?;
        for (session_id, person) in rows.skip_damaged::<Vec<_>>()? {
            people.entry(session_id).or_default().push(person);
        }
        let check_balance: bool =
            conn.query_row("SELECT check_panel_balance FROM event WHERE id = ?1", [event_id], |r| r.get(0))?;
        let mut stmt = conn.prepare_cached(SESSIONS_SQL)?;
        let rows = stmt.query_map(params![event_id, only], |row| {
            let mut session = session_from_row(row)?;
            session.people = people.remove(&session.id).unwrap_or_default();
            session.speaker_genders = SpeakerGenders::of(&session.people);
            session.single_gender_warning =
                check_balance.then(|| session.speaker_genders.single_gender_warning()).flatten();
            Ok(session)
        })?;
        Ok(rows.skip_damaged()?)
    }

    /// The agenda of an event, day by day, with its conflicts.
    pub fn agenda(&self, event_id: Uuid) -> Result<Agenda> {
        let event = self.event(event_id)?;
        let mut sessions = self.sessions(event_id, None)?.into_iter().peekable();
        let days = self
            .days(event_id)?
            .into_iter()
            .map(|day| {
                let mut own = Vec::new();
                while let Some(session) = sessions.next_if(|s| s.day_id == day.id) {
                    own.push(session);
                }
                AgendaDayView { within_event: within(&event, day.date), day, sessions: own }
            })
            .collect();
        Ok(Agenda {
            event_id,
            time_zone: event.time_zone,
            days,
            conflicts: conflicts::of_event(self.read(), event_id)?,
            check_panel_balance: event.check_panel_balance,
        })
    }
}
