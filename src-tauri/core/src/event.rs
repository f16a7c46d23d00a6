//! Events: a round-table, dialogue, consultation or workshop, its facts and
//! its status lifecycle, and the list of events on the home screen.

use crate::countries;
use crate::error::{Checks, Error, Result};
use crate::field::Field;
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::validate::{self, LINE_MAX, TEXT_MAX};
use crate::vocabulary::{EventFormat, EventStatus};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

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

/// A date typed as `YYYY-MM-DD`.
pub fn parse_date(field: Field, label: &str, text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, format!("{label} is required")));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Error::invalid(field, format!("'{text}' is not a valid date; write it as YYYY-MM-DD, e.g. 2022-09-21"))
    })
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

/// Checked values of an [`EventInput`].
struct ValidEvent {
    series_id: Option<Uuid>,
    title: String,
    format: EventFormat,
    host_city: String,
    host_country: String,
    venue: String,
    time_zone: String,
    start_date: NaiveDate,
    end_date: NaiveDate,
    status: EventStatus,
    objectives: String,
    priorities: Vec<String>,
    sdgs: Vec<u8>,
    languages: Vec<String>,
    notes: String,
}

impl EventInput {
    /// The checked event, or every problem of the input at once.
    fn validated(&self, default_status: EventStatus) -> Result<ValidEvent> {
        let mut checks = Checks::default();
        let title = checks.check(validate::required(Field::Title, "Title", &self.title, LINE_MAX));
        let host_city = checks.check(validate::required(Field::HostCity, "Host city", &self.host_city, LINE_MAX));
        let host_country = checks.check(validate::country(Field::HostCountry, &self.host_country));
        let venue = checks.check(validate::limited(Field::Venue, "Venue", &self.venue, LINE_MAX));
        let time_zone = checks.check(validate::time_zone(Field::TimeZone, &self.time_zone));
        let start_date = checks.check(parse_date(Field::StartDate, "First day", &self.start_date).map(Some));
        let end_date = checks.check(parse_date(Field::EndDate, "Last day", &self.end_date).map(Some));
        if let (Some(start), Some(end)) = (start_date, end_date) {
            checks.check(check_length(start, end));
        }
        if let Some(bad) = self.sdgs.iter().find(|g| !(1..=17).contains(*g)) {
            checks.check::<()>(Err(Error::invalid(
                Field::Sdgs,
                format!("SDG {bad} does not exist; the goals are numbered 1 to 17"),
            )));
        }
        let objectives = checks.check(validate::limited(Field::Objectives, "Objectives", &self.objectives, TEXT_MAX));
        let priorities = checks.check(validate::list(Field::Priorities, "Priority", &self.priorities));
        let languages = checks.check(validate::list(Field::Languages, "Language", &self.languages));
        let notes = checks.check(validate::limited(Field::Notes, "Notes", &self.notes, TEXT_MAX));
        checks.done()?;
        let (Some(start_date), Some(end_date)) = (start_date, end_date) else {
            unreachable!("both dates parsed when no check failed")
        };
        let mut sdgs = self.sdgs.clone();
        sdgs.sort_unstable();
        sdgs.dedup();
        Ok(ValidEvent {
            series_id: self.series_id,
            title,
            format: self.format.unwrap_or(EventFormat::RoundTable),
            host_city,
            host_country,
            venue,
            time_zone,
            start_date,
            end_date,
            status: self.status.unwrap_or(default_status),
            objectives,
            priorities,
            sdgs,
            languages,
            notes,
        })
    }
}

/// The last day comes after the first, and the event is not implausibly long.
fn check_length(start_date: NaiveDate, end_date: NaiveDate) -> Result<()> {
    if end_date < start_date {
        return Err(Error::invalid(
            Field::EndDate,
            format!(
                "The last day ({}) is before the first day ({})",
                crate::shown::date(end_date),
                crate::shown::date(start_date)
            ),
        ));
    }
    let days = (end_date - start_date).num_days() + 1;
    if days > MAX_EVENT_DAYS {
        return Err(Error::invalid(
            Field::EndDate,
            format!("The event would last {days} days; at most {MAX_EVENT_DAYS} are allowed"),
        ));
    }
    Ok(())
}

/// Whether an event may move from `from` to `to`. Planning statuses move
/// freely among themselves; an event is held only once it has begun, reported
/// only after it was held; a cancelled event can be taken up again as a draft
/// or planned event.
pub fn check_transition(from: EventStatus, to: EventStatus, start_date: NaiveDate, today: NaiveDate) -> Result<()> {
    use EventStatus::*;
    let allowed = from == to
        || match from {
            Draft | Planned | Confirmed => matches!(to, Draft | Planned | Confirmed | Held | Cancelled),
            Held => matches!(to, Confirmed | Reported),
            Reported => matches!(to, Held),
            Cancelled => matches!(to, Draft | Planned),
        };
    if !allowed {
        return Err(Error::InvalidTransition {
            message: format!(
                "An event that is {} cannot become {}",
                from.label().to_lowercase(),
                to.label().to_lowercase()
            ),
        });
    }
    if from != to && matches!(to, Held | Reported) && start_date > today {
        return Err(Error::InvalidTransition {
            message: format!(
                "The event begins on {start_date}; it cannot be marked {} before then",
                to.label().to_lowercase()
            ),
        });
    }
    Ok(())
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
                country_name: countries::name_of(&host_country).to_owned(),
                host_country,
                delegations: row.get(10)?,
                participants: row.get(11)?,
                sessions: row.get(12)?,
            })
        })?;
        let mut events: Vec<EventSummary> = rows.skip_damaged()?;
        events.sort_unstable_by(|a, b| b.start_date.cmp(&a.start_date).then_with(|| a.title.cmp(&b.title)));
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
    use EventStatus::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn dates_in_messages_read_as_the_screens_show_them() {
        let input = EventInput { start_date: "2018-05-29".into(), end_date: "2018-05-28".into(), ..Default::default() };
        let error = input.validated(Draft).err().unwrap();
        let end = error.problems().iter().find(|p| p.field == Field::EndDate).unwrap();
        assert_eq!(end.message, "The last day (28 May 2018) is before the first day (29 May 2018)");
    }

    #[test]
    fn an_empty_event_reports_every_missing_field_at_once() {
        let error = EventInput::default().validated(Draft).err().unwrap();
        let fields: Vec<Field> = error.problems().iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [Field::Title, Field::HostCity, Field::HostCountry, Field::TimeZone, Field::StartDate, Field::EndDate]
        );
        assert_eq!(error.field(), Some(Field::Title), "the first problem is the message");
        assert_eq!(error.to_string(), "Title is required");
        let api = crate::ApiError::from(error);
        assert_eq!(api.problems.len(), 6);
    }

    #[test]
    fn planning_statuses_move_freely_and_held_needs_the_event_to_have_begun() {
        let past = day("2022-09-21");
        let today = day("2026-01-01");
        assert!(check_transition(Draft, Confirmed, past, today).is_ok());
        assert!(check_transition(Confirmed, Planned, past, today).is_ok());
        assert!(check_transition(Confirmed, Held, past, today).is_ok());
        assert!(check_transition(Held, Reported, past, today).is_ok());
        assert!(check_transition(Cancelled, Planned, past, today).is_ok());
        let future = day("2027-03-05");
        let early = check_transition(Confirmed, Held, future, today).unwrap_err();
        assert!(early.to_string().contains("2027-03-05"), "{early}");
    }

    #[test]
    fn lifecycle_refuses_skipping_or_undoing_a_held_event() {
        let past = day("2022-09-21");
        let today = day("2026-01-01");
        for (from, to) in [(Draft, Reported), (Held, Cancelled), (Reported, Draft), (Cancelled, Held)] {
            let error = check_transition(from, to, past, today).unwrap_err();
            assert_eq!(error.kind(), crate::ErrorKind::InvalidTransition, "{from:?} -> {to:?}");
        }
    }

    #[test]
    fn stored_dates_are_read_as_written_and_anything_else_is_an_error() {
        let db = Connection::open_in_memory().unwrap();
        let read = |text: &str| db.query_row("SELECT ?1", [text], |row| stored_date(row, 0));
        assert_eq!(read("2022-09-21").unwrap(), day("2022-09-21"));
        assert_eq!(read("0999-12-31").unwrap(), day("0999-12-31"));
        for bad in ["2022-02-30", "2022-9-21", "2022-09-21T00", "+022-09-21", "2022/09/21", ""] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_must_be_real_and_in_order() {
        let mut input = EventInput {
            title: "Dialogue".into(),
            host_city: "Bangkok".into(),
            host_country: "TH".into(),
            time_zone: "Asia/Bangkok".into(),
            start_date: "2022-02-30".into(),
            end_date: "2022-03-01".into(),
            ..EventInput::default()
        };
        let error = input.validated(Draft).err().unwrap();
        assert_eq!(error.field(), Some(Field::StartDate));
        assert!(error.to_string().contains("2022-02-30"));
        input.start_date = "2022-03-02".into();
        assert_eq!(input.validated(Draft).err().unwrap().field(), Some(Field::EndDate));
        input.end_date = "2023-03-02".into();
        assert!(input.validated(Draft).err().unwrap().to_string().contains("366 days"));
        input.end_date = "2022-03-03".into();
        input.sdgs = vec![16, 18];
        assert_eq!(input.validated(Draft).err().unwrap().field(), Some(Field::Sdgs));
    }
}
