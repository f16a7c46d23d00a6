//! "Duplicate as the next stop": a series tours capitals, and each stop
//! starts from a copy of the last one: its facts, agenda skeleton (days
//! shifted to the new dates, sessions at the same local times), delegations
//! with their quotas, organisers and funders, and optionally the people,
//! invited afresh. Everything is copied in one transaction.
//!
//! Two things keep a copy from passing for the real thing: a stop that would
//! land on an existing stop of the series (same city, overlapping dates) is
//! refused unless the person confirms it, and the copied day themes, session
//! titles and descriptions are marked for review, or left out (the sessions
//! keep their times and are named after their kind), as the person chooses.

use crate::error::{Error, Result};
use crate::event::{self, parse_date};
use crate::field::Field;
use crate::shown;
use crate::store::Store;
use crate::text::fold;
use crate::validate::{self, LINE_MAX};
use crate::vocabulary::{CopiedTexts, EventStatus, ParticipantStatus, SessionKind};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use uuid::Uuid;

/// Where and when the next stop is, and what to copy into it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct NextStopInput {
    pub title: String,
    pub host_city: String,
    pub host_country: String,
    pub venue: String,
    pub time_zone: String,
    /// First day, `YYYY-MM-DD`; the stop lasts as many days as the original.
    pub start_date: String,
    /// Days with their themes, and sessions at the same local times.
    pub copy_agenda: bool,
    /// Delegations with their quotas.
    pub copy_delegations: bool,
    /// The delegations' people, invited afresh (needs `copy_delegations`).
    pub copy_participants: bool,
    /// Organisers with their roles, and the funding.
    pub copy_organisers: bool,
    /// What becomes of the copied day themes, session titles and descriptions.
    #[serde(default)]
    pub copied_texts: CopiedTexts,
    /// Creates the stop even when the series has one in that city on those dates.
    #[serde(default)]
    pub allow_same_stop: bool,
}

/// The stop of the series (or the event itself; events without a series count as one) in the
/// same city whose dates overlap, if any.
fn same_stop(
    conn: &Connection,
    source: &event::Event,
    city: &str,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<Option<String>> {
    let found: Option<(String, NaiveDate, NaiveDate)> = conn
        .query_row(
            "SELECT title, start_date, end_date FROM event
             WHERE (id = ?1 OR series_id IS ?2) AND fold(host_city) = ?3 AND start_date <= ?5 AND end_date >= ?4
             ORDER BY start_date LIMIT 1",
            params![source.id, source.series_id, fold(city), start, end],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(found.map(|(title, start, end)| format!("{title} ({})", shown::date_range(start, end))))
}

impl Store {
    /// Creates the next stop of an event's series from a copy of the event.
    pub fn duplicate_event(&mut self, id: Uuid, input: &NextStopInput) -> Result<event::Event> {
        self.transaction(|s| {
            let source = s.event(id)?;
            let title = validate::required(Field::Title, "Title", &input.title, LINE_MAX)?;
            let host_city = validate::required(Field::HostCity, "Host city", &input.host_city, LINE_MAX)?;
            let host_country = validate::country(Field::HostCountry, &input.host_country)?;
            let venue = validate::limited(Field::Venue, "Venue", &input.venue, LINE_MAX)?;
            let time_zone = validate::time_zone(Field::TimeZone, &input.time_zone)?;
            let start_date = parse_date(Field::StartDate, "First day", &input.start_date)?;
            if input.copy_participants && !input.copy_delegations {
                return Err(Error::invalid(Field::CopyParticipants, "People can only be copied with their delegations"));
            }
            let shift = start_date - source.start_date;
            let end_date = source.end_date + shift;
            if !input.allow_same_stop
                && let Some(twin) = same_stop(s.read(), &source, &host_city, start_date, end_date)?
            {
                return Err(Error::duplicate(
                    Field::AllowSameStop,
                    format!(
                        "The series already has a stop in {host_city} on these dates: {twin}. \
                         Choose other dates or another city, or confirm that you want a second one"
                    ),
                ));
            }
            let leave_out = input.copied_texts == CopiedTexts::LeaveOut;
            let new_id = Uuid::now_v7();
            s.write(|tx| {
                tx.execute(
                    "INSERT INTO event (id, series_id, title, format, host_city, host_country, venue, time_zone,
                        start_date, end_date, status, objectives, priorities, sdgs, languages, notes, check_panel_balance)
                     SELECT ?2, series_id, ?3, format, ?4, ?5, ?6, ?7, ?8, ?9, ?10, objectives, priorities, sdgs, languages, '',
                        check_panel_balance
                     FROM event WHERE id = ?1",
                    params![id, new_id, title, host_city, host_country, venue, time_zone, start_date, end_date, EventStatus::Draft],
                )?;
                if input.copy_organisers {
                    tx.execute(
                        "INSERT INTO event_organiser (event_id, organisation_id, role)
                         SELECT ?2, organisation_id, role FROM event_organiser WHERE event_id = ?1",
                        params![id, new_id],
                    )?;
                    let fundings: Vec<Uuid> = tx
                        .prepare("SELECT id FROM funding WHERE event_id = ?1 ORDER BY position")?
                        .query_map([id], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()?;
                    for funding in fundings {
                        tx.execute(
                            "INSERT INTO funding (id, event_id, funder_id, programme, amount, currency, covers, acknowledgement, position)
                             SELECT ?3, ?2, funder_id, programme, amount, currency, covers, acknowledgement, position
                             FROM funding WHERE id = ?1",
                            params![funding, new_id, Uuid::now_v7()],
                        )?;
                    }
                }
                let mut delegations: HashMap<Uuid, Uuid> = HashMap::new();
                if input.copy_delegations {
                    let old: Vec<Uuid> = tx
                        .prepare("SELECT id FROM delegation WHERE event_id = ?1")?
                        .query_map([id], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()?;
                    for old_id in old {
                        let copy = Uuid::now_v7();
                        tx.execute(
                            "INSERT INTO delegation (id, event_id, kind, country_code, organisation_id, name, quota, notes)
                             SELECT ?3, ?2, kind, country_code, organisation_id, name, quota, notes FROM delegation WHERE id = ?1",
                            params![old_id, new_id, copy],
                        )?;
                        delegations.insert(old_id, copy);
                    }
                }
                let mut participants: HashMap<Uuid, Uuid> = HashMap::new();
                if input.copy_participants {
                    let old: Vec<(Uuid, Uuid)> = tx
                        .prepare("SELECT id, delegation_id FROM participant WHERE event_id = ?1 AND holds_seat")?
                        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect::<rusqlite::Result<_>>()?;
                    for (old_id, delegation) in old {
                        let copy = Uuid::now_v7();
                        tx.execute(
                            "INSERT INTO participant (id, event_id, delegation_id, person_id, role, status, visa_letter_needed,
                                dietary_needs, accessibility_needs)
                             SELECT ?3, ?2, ?4, person_id, role, ?5, 0, dietary_needs, accessibility_needs
                             FROM participant WHERE id = ?1",
                            params![old_id, new_id, copy, delegations[&delegation], ParticipantStatus::Invited],
                        )?;
                        participants.insert(old_id, copy);
                    }
                }
                if input.copy_agenda {
                    let days: Vec<(Uuid, chrono::NaiveDate)> = tx
                        .prepare("SELECT id, date FROM agenda_day WHERE event_id = ?1")?
                        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect::<rusqlite::Result<_>>()?;
                    for (old_day, date) in days {
                        let day = Uuid::now_v7();
                        tx.execute(
                            "INSERT INTO agenda_day (id, event_id, date, theme, needs_review)
                             SELECT ?3, ?2, ?4, CASE WHEN ?5 THEN '' ELSE theme END, 1 FROM agenda_day WHERE id = ?1",
                            params![old_day, new_id, day, date + shift, leave_out],
                        )?;
                        let sessions: Vec<(Uuid, SessionKind)> = tx
                            .prepare("SELECT id, kind FROM session WHERE day_id = ?1")?
                            .query_map([old_day], |r| Ok((r.get(0)?, r.get(1)?)))?
                            .collect::<rusqlite::Result<_>>()?;
                        for (old_session, kind) in sessions {
                            let session = Uuid::now_v7();
                            let placeholder = leave_out.then(|| kind.label());
                            tx.execute(
                                "INSERT INTO session (id, event_id, day_id, start_time, end_time, title, kind, room, description,
                                    needs_review)
                                 SELECT ?3, ?2, ?4, start_time, end_time, COALESCE(?5, title), kind, room,
                                    CASE WHEN ?5 IS NULL THEN description ELSE '' END, 1
                                 FROM session WHERE id = ?1",
                                params![old_session, new_id, session, day, placeholder],
                            )?;
                            let people: Vec<(Uuid, String, i64)> = tx
                                .prepare("SELECT participant_id, role, position FROM session_person WHERE session_id = ?1")?
                                .query_map([old_session], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                                .collect::<rusqlite::Result<_>>()?;
                            for (participant, role, position) in people {
                                if let Some(copy) = participants.get(&participant) {
                                    tx.execute(
                                        "INSERT INTO session_person (session_id, participant_id, role, position) VALUES (?1, ?2, ?3, ?4)",
                                        params![session, copy, role, position],
                                    )?;
                                }
                            }
                        }
                    }
                }
                Ok(())
            })?;
            s.event(new_id)
        })
    }
}
