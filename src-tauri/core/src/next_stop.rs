//! "Duplicate as the next stop": a series tours capitals, and each stop
//! starts from a copy of the last one: its facts, agenda skeleton (days
//! shifted to the new dates, sessions at the same local times), delegations
//! with their quotas, organisers and funders, and optionally the people,
//! invited afresh. Everything is copied in one transaction.

use crate::error::{Error, Result};
use crate::event::{self, parse_date};
use crate::field::Field;
use crate::store::Store;
use crate::validate::{self, LINE_MAX};
use crate::vocabulary::{EventStatus, ParticipantStatus};
use rusqlite::params;
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
            let new_id = Uuid::now_v7();
            s.write(|tx| {
                tx.execute(
                    "INSERT INTO event (id, series_id, title, format, host_city, host_country, venue, time_zone,
                        start_date, end_date, status, objectives, priorities, sdgs, languages, notes)
                     SELECT ?2, series_id, ?3, format, ?4, ?5, ?6, ?7, ?8, ?9, ?10, objectives, priorities, sdgs, languages, ''
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
                            "INSERT INTO agenda_day (id, event_id, date, theme) SELECT ?3, ?2, ?4, theme FROM agenda_day WHERE id = ?1",
                            params![old_day, new_id, day, date + shift],
                        )?;
                        let sessions: Vec<Uuid> = tx
                            .prepare("SELECT id FROM session WHERE day_id = ?1")?
                            .query_map([old_day], |r| r.get(0))?
                            .collect::<rusqlite::Result<_>>()?;
                        for old_session in sessions {
                            let session = Uuid::now_v7();
                            tx.execute(
                                "INSERT INTO session (id, event_id, day_id, start_time, end_time, title, kind, room, description)
                                 SELECT ?3, ?2, ?4, start_time, end_time, title, kind, room, description FROM session WHERE id = ?1",
                                params![old_session, new_id, session, day],
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
