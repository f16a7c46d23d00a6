//! Events: a round-table, dialogue, consultation or workshop, its facts and
//! its status lifecycle, and the list of events on the home screen. Their
//! rules (required facts, dates, the moves of the status) are in [`checks`].

use crate::error::{Error, Result};
use crate::field::Field;
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::vocabulary::{EventFormat, EventStatus};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

mod checks;

use checks::ValidEvent;
pub use checks::{check_transition, parse_date};

/// Every event with its counts, for the home screen, in no order: sorted by
/// SQLite, the dates (each its own) would each open a sort of its own for the
/// titles, which took half the time of a 1,000-event list.
pub(crate) const LIST_EVENTS_SQL: &str =
    "SELECT e.id, e.title, e.series_id, s.title AS series_title, e.format, e.status,
        e.start_date, e.end_date, e.host_city, e.host_country,
        e.delegation_count AS delegations, e.seat_count AS participants, e.session_count AS sessions
     FROM event e LEFT JOIN series s ON s.id = e.series_id";

/// The longest event we accept, in days: a guard against a mistyped year.
pub const MAX_EVENT_DAYS: i64 = 60;

/// An event and its facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Event {
    pub id: Uuid,
    pub series_id: Option<Uuid>,
    pub title: String,
    pub format: EventFormat,
    pub host_city: String,
    /// ISO 3166-1 alpha-2.
    pub host_country: String,
    pub venue: String,
    /// IANA time zone of the venue; session times are in it.
    pub time_zone: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub status: EventStatus,
    pub objectives: String,
    pub priorities: Vec<String>,
    /// Sustainable Development Goals, 1 to 17.
    pub sdgs: Vec<u8>,
    pub languages: Vec<String>,
    pub notes: String,
    /// Whether panels of one gender are flagged (set apart from the other facts: `set_panel_balance_check`).
    pub check_panel_balance: bool,
}

/// What a person types to create or change an event. Dates are text
/// (`YYYY-MM-DD`) so that a mistyped date comes back as a field error.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct EventInput {
    pub series_id: Option<Uuid>,
    pub title: String,
    pub format: Option<EventFormat>,
    pub host_city: String,
    pub host_country: String,
    pub venue: String,
    pub time_zone: String,
    pub start_date: String,
    pub end_date: String,
    pub status: Option<EventStatus>,
    pub objectives: String,
    pub priorities: Vec<String>,
    pub sdgs: Vec<u8>,
    pub languages: Vec<String>,
    pub notes: String,
}

/// A line of the home screen's list of events.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct EventSummary {
    pub id: Uuid,
    pub title: String,
    pub series_id: Option<Uuid>,
    pub series_title: Option<String>,
    pub format: EventFormat,
    pub status: EventStatus,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub host_city: String,
    pub host_country: String,
    pub country_name: String,
    pub delegations: u32,
    /// Participants who hold a seat (not declined or cancelled).
    pub participants: u32,
    pub sessions: u32,
}

/// A date column as stored (`YYYY-MM-DD`, written only by this crate), read
/// without chrono's general format parser: on the home list of 1,000 events that
/// parser took a seventh of the time.
fn stored_date(row: &Row<'_>, index: usize) -> rusqlite::Result<NaiveDate> {
    let text = row.get_ref(index)?.as_str()?;
    let number = |range: std::ops::Range<usize>| {
        text.get(range)
            .filter(|part| part.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|part| part.parse::<u32>().ok())
    };
    let dashed = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    let date = match (dashed, number(0..4), number(5..7), number(8..10)) {
        (true, Some(year), Some(month), Some(day)) => NaiveDate::from_ymd_opt(year as i32, month, day),
        _ => None,
    };
    date.ok_or_else(|| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, text.into()))
}

fn json_list<T: serde::de::DeserializeOwned>(row: &Row<'_>, column: &str) -> rusqlite::Result<Vec<T>> {
    let text: String = row.get(column)?;
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Event> {
    Ok(Event {
        id: row.get("id")?,
        series_id: row.get("series_id")?,
        title: row.get("title")?,
        format: row.get("format")?,
        host_city: row.get("host_city")?,
        host_country: row.get("host_country")?,
        venue: row.get("venue")?,
        time_zone: row.get("time_zone")?,
        start_date: row.get("start_date")?,
        end_date: row.get("end_date")?,
        status: row.get("status")?,
        objectives: row.get("objectives")?,
        priorities: json_list(row, "priorities")?,
        sdgs: json_list(row, "sdgs")?,
        languages: json_list(row, "languages")?,
        notes: row.get("notes")?,
        check_panel_balance: row.get("check_panel_balance")?,
    })
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("lists of strings and numbers always serialise")
}

/// Fails unless the event exists; used before writing its children.
pub(crate) fn ensure_exists(conn: &Connection, id: Uuid) -> Result<Event> {
    conn.query_row("SELECT * FROM event WHERE id = ?1", [id], from_row)
        .optional()?
        .ok_or(Error::NotFound { what: "Event" })
}

fn ensure_series_exists(conn: &Connection, series_id: Option<Uuid>) -> Result<()> {
    if let Some(id) = series_id {
        let found: Option<i64> = conn.query_row("SELECT 1 FROM series WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        if found.is_none() {
            return Err(Error::invalid(Field::SeriesId, "The chosen series no longer exists"));
        }
    }
    Ok(())
}

/// Writes a checked event: inserted when new, its columns updated when not.
/// (An upsert, not a replace: replacing would cascade-delete its children.)
fn save(conn: &Connection, id: Uuid, v: &ValidEvent) -> Result<()> {
    ensure_series_exists(conn, v.series_id)?;
    conn.execute(
        "INSERT INTO event (id, series_id, title, format, host_city, host_country, venue, time_zone,
            start_date, end_date, status, objectives, priorities, sdgs, languages, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
         ON CONFLICT (id) DO UPDATE SET series_id = excluded.series_id, title = excluded.title,
            format = excluded.format, host_city = excluded.host_city, host_country = excluded.host_country,
            venue = excluded.venue, time_zone = excluded.time_zone, start_date = excluded.start_date,
            end_date = excluded.end_date, status = excluded.status, objectives = excluded.objectives,
            priorities = excluded.priorities, sdgs = excluded.sdgs, languages = excluded.languages,
            notes = excluded.notes",
        params![
            id,
            v.series_id,
            v.title,
            v.format,
            v.host_city,
            v.host_country,
            v.venue,
            v.time_zone,
            v.start_date,
            v.end_date,
            v.status,
            v.objectives,
            to_json(&v.priorities),
            to_json(&v.sdgs),
            to_json(&v.languages),
            v.notes
        ],
    )?;
    Ok(())
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl Store {
    /// Creates an event (a draft unless the input says otherwise) with a day
    /// in its agenda for each of its dates, in one transaction.
    pub fn create_event(&mut self, input: &EventInput) -> Result<Event> {
        self.transaction(|s| {
            let v = input.validated(EventStatus::Draft)?;
            check_transition(EventStatus::Draft, v.status, v.start_date, today())?;
            let id = Uuid::now_v7();
            s.write(|tx| save(tx, id, &v))?;
            s.fill_days(id)?;
            s.event(id)
        })
    }

    /// Changes an event. Moving its dates keeps its agenda days: days that fall
    /// outside the new dates are reported as conflicts, not deleted.
    pub fn update_event(&mut self, id: Uuid, input: &EventInput) -> Result<Event> {
        self.transaction(|s| {
            let current = s.event(id)?;
            let v = input.validated(current.status)?;
            check_transition(current.status, v.status, v.start_date, today())?;
            s.write(|tx| save(tx, id, &v))?;
            s.event(id)
        })
    }

    /// Moves an event to another status, following the lifecycle.
    pub fn set_event_status(&mut self, id: Uuid, status: EventStatus) -> Result<Event> {
        self.transaction(|s| {
            let current = s.event(id)?;
            check_transition(current.status, status, current.start_date, today())?;
            s.write(|tx| Ok(tx.execute("UPDATE event SET status = ?2 WHERE id = ?1", params![id, status])?))?;
            s.event(id)
        })
    }

    /// Deletes an event with everything that belongs to it (delegations,
    /// participations, days, sessions, funding, outcomes); people and
    /// organisations stay for other events.
    pub fn delete_event(&mut self, id: Uuid) -> Result<()> {
        self.back_up(crate::BackupReason::BeforeDelete)?;
        let deleted = self.write(|tx| Ok(tx.execute("DELETE FROM event WHERE id = ?1", [id])?))?;
        if deleted == 0 {
            return Err(Error::NotFound { what: "Event" });
        }
        Ok(())
    }

    /// One event.
    pub fn event(&self, id: Uuid) -> Result<Event> {
        ensure_exists(self.read(), id)
    }

    /// Every event with its counts, the latest first.
    pub fn list_events(&self) -> Result<Vec<EventSummary>> {
        let names = self.country_names()?;
        let mut stmt = self.read().prepare_cached(LIST_EVENTS_SQL)?;
        // Columns by position, in LIST_EVENTS_SQL's order: a name is looked up
        // column by column on every row, a fifth of the time of the 1,000-event list.
        let rows = stmt.query_map([], |row| {
            let host_country: String = row.get(9)?;
            Ok(EventSummary {
                id: row.get(0)?,
                title: row.get(1)?,
                series_id: row.get(2)?,
                series_title: row.get(3)?,
                format: row.get(4)?,
                status: row.get(5)?,
                start_date: stored_date(row, 6)?,
                end_date: stored_date(row, 7)?,
                host_city: row.get(8)?,
                country_name: names.name_of(&host_country).to_owned(),
                host_country,
                delegations: row.get(10)?,
                participants: row.get(11)?,
                sessions: row.get(12)?,
            })
        })?;
        let mut events: Vec<EventSummary> = rows.skip_damaged()?;
        events.sort_unstable_by(|a, b| {
            b.start_date.cmp(&a.start_date).then_with(|| crate::collation::compare(&a.title, &b.title))
        });
        Ok(events)
    }
}

impl From<&Event> for EventInput {
    fn from(event: &Event) -> Self {
        EventInput {
            series_id: event.series_id,
            title: event.title.clone(),
            format: Some(event.format),
            host_city: event.host_city.clone(),
            host_country: event.host_country.clone(),
            venue: event.venue.clone(),
            time_zone: event.time_zone.clone(),
            start_date: event.start_date.to_string(),
            end_date: event.end_date.to_string(),
            status: Some(event.status),
            objectives: event.objectives.clone(),
            priorities: event.priorities.clone(),
            sdgs: event.sdgs.clone(),
            languages: event.languages.clone(),
            notes: event.notes.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_dates_are_read_as_written_and_anything_else_is_an_error() {
        let db = Connection::open_in_memory().unwrap();
        let read = |text: &str| db.query_row("SELECT ?1", [text], |row| stored_date(row, 0));
        assert_eq!(read("2022-09-21").unwrap(), NaiveDate::from_ymd_opt(2022, 9, 21).unwrap());
        assert_eq!(read("0999-12-31").unwrap(), NaiveDate::from_ymd_opt(999, 12, 31).unwrap());
        for bad in ["2022-02-30", "2022-9-21", "2022-09-21T00", "+022-09-21", "2022/09/21", ""] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
