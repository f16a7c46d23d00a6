//! Plan-wide search from Home: one phrase finds the events (by title or host
//! city), the people with the events they take part in, and the sessions with
//! their event and day, each with what the UI needs to open it where it lives.
//!
//! Matching is [`fold`]ed like every search of the plan: any case, with or
//! without accents.

use crate::error::Result;
use crate::plan_check::SkipDamaged;
use crate::store::{Store, contains_pattern};
use crate::text::fold;
use chrono::{NaiveDate, NaiveTime};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// What a plan-wide search found, each list at most the limit asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanSearch {
    pub events: Vec<EventHit>,
    pub people: Vec<PersonHit>,
    pub sessions: Vec<SessionHit>,
}

/// An event whose title or host city matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct EventHit {
    pub event_id: Uuid,
    pub title: String,
    pub host_city: String,
    pub start_date: NaiveDate,
}

/// A person whose name, e-mail or organisation matches, with every event
/// they take part in (latest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PersonHit {
    pub person_id: Uuid,
    pub full_name: String,
    pub organisation: String,
    pub participations: Vec<Participation>,
}

/// One event a found person takes part in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Participation {
    pub participant_id: Uuid,
    pub event_id: Uuid,
    pub event_title: String,
}

/// A session whose title matches, with its event and day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SessionHit {
    pub session_id: Uuid,
    pub title: String,
    pub event_id: Uuid,
    pub event_title: String,
    pub date: NaiveDate,
    pub start_time: NaiveTime,
}

/// The events a person takes part in, latest first.
pub(crate) const PARTICIPATIONS_SQL: &str =
    "SELECT p.id, e.id, e.title FROM participant p JOIN event e ON e.id = p.event_id
     WHERE p.person_id = ?1 ORDER BY e.start_date DESC";

impl Store {
    /// Events, people and sessions matching `text` (folded), at most `limit` of each;
    /// nothing for a text with no letters or digits.
    pub fn search_plan(&self, text: &str, limit: u32) -> Result<PlanSearch> {
        let folded = fold(text);
        if folded.is_empty() {
            return Ok(PlanSearch { events: Vec::new(), people: Vec::new(), sessions: Vec::new() });
        }
        self.snapshot(|conn| {
            let pattern = contains_pattern(&folded);
            let events = conn
                .prepare_cached(
                    "SELECT id, title, host_city, start_date FROM event
                     WHERE fold(title) LIKE ?1 ESCAPE '\\' OR fold(host_city) LIKE ?1 ESCAPE '\\'
                     ORDER BY start_date DESC LIMIT ?2",
                )?
                .query_map(params![pattern, limit], |r| {
                    Ok(EventHit { event_id: r.get(0)?, title: r.get(1)?, host_city: r.get(2)?, start_date: r.get(3)? })
                })?
                .skip_damaged()?;
            let sessions = conn
                .prepare_cached(
                    "SELECT s.id, s.title, e.id, e.title, d.date, s.start_time FROM session s
                     JOIN agenda_day d ON d.id = s.day_id
                     JOIN event e ON e.id = s.event_id
                     WHERE fold(s.title) LIKE ?1 ESCAPE '\\'
                     ORDER BY e.start_date DESC, d.date, s.start_time LIMIT ?2",
                )?
                .query_map(params![pattern, limit], |r| {
                    Ok(SessionHit {
                        session_id: r.get(0)?,
                        title: r.get(1)?,
                        event_id: r.get(2)?,
                        event_title: r.get(3)?,
                        date: r.get(4)?,
                        start_time: r.get(5)?,
                    })
                })?
                .skip_damaged()?;
            let mut participations = conn.prepare_cached(PARTICIPATIONS_SQL)?;
            let mut people = Vec::new();
            for person in self.search_people(&folded, limit)? {
                let participations = participations
                    .query_map([person.id], |r| {
                        Ok(Participation { participant_id: r.get(0)?, event_id: r.get(1)?, event_title: r.get(2)? })
                    })?
                    .skip_damaged()?;
                people.push(PersonHit {
                    person_id: person.id,
                    full_name: person.full_name,
                    organisation: person.organisation,
                    participations,
                });
            }
            Ok(PlanSearch { events, people, sessions })
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    fn found_title(store: &Store, event_id: uuid::Uuid) -> String {
        store.event(event_id).unwrap().title
    }

    #[test]
    fn the_examples_are_found_by_people_sessions_and_events_without_accents() {
        let mut store = Store::open_in_memory().unwrap();
        crate::examples::load(&mut store).unwrap();
        let found = store.search_plan("BANGKOK", 10).unwrap();
        assert!(found.events.iter().any(|e| e.host_city == "Bangkok"), "{found:?}");
        let found = store.search_plan("opening", 10).unwrap();
        assert!(!found.sessions.is_empty());
        assert!(found.sessions.iter().all(|s| s.title.to_lowercase().contains("opening")), "{found:?}");
        let found = store.search_plan("tomas novak", 10).unwrap();
        assert_eq!(found.people.len(), 1, "{found:?}");
        assert_eq!(found.people[0].full_name, "Mr Tomás Novák");
        assert_eq!(found.people[0].participations.len(), 1);
        assert_eq!(
            found.people[0].participations[0].event_title,
            found_title(&store, found.people[0].participations[0].event_id)
        );
        assert!(store.search_plan("  ,, ", 10).unwrap().people.is_empty());
    }
}
