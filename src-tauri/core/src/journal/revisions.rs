//! When each session's calendar entry last changed, read from the journal.
//!
//! The programme's calendar file tells calendars which copy of an entry is
//! newer by its SEQUENCE, which has to grow whenever the entry does: the
//! session, its day, the event (venue, time zone), its chairs and speakers
//! (one added or removed too) and their records (person, participation,
//! delegation). Any change to those records counts, printed or not (a
//! speaker's new arrival time too): a SEQUENCE that grows when nothing shown
//! changed costs a calendar an update, one that does not grow would cost it
//! the change. Every change is an operation with a clock, so the latest clock among them
//! is when the entry last changed, and the same on every laptop that holds the
//! same operations, whichever of them exports.

use super::codec::encode_key;
use super::history::clock_time;
use crate::error::Result;
use crate::store::Store;
use chrono::{DateTime, Utc};
use rusqlite::params;
use rusqlite::types::Value;
use std::collections::HashMap;
use uuid::Uuid;

/// The records a session's entry is made from, by key, for every session of event `?1`.
const SOURCES_SQL: &str = "
    WITH s AS (SELECT id, day_id FROM session WHERE event_id = ?1),
    people AS (
        SELECT sp.session_id, p.id AS participant, p.person_id, p.delegation_id
        FROM session_person sp JOIN s ON s.id = sp.session_id JOIN participant p ON p.id = sp.participant_id
    ),
    source (session, row) AS (
        SELECT id, id FROM s
        UNION ALL SELECT id, day_id FROM s
        UNION ALL SELECT id, ?1 FROM s
        UNION ALL SELECT session_id, participant FROM people
        UNION ALL SELECT session_id, person_id FROM people
        UNION ALL SELECT session_id, delegation_id FROM people
    )
    SELECT source.session, MAX(o.hlc) FROM source JOIN journal_op o ON o.row = source.row GROUP BY source.session";

impl Store {
    /// When each session of `event_id` last changed, with everything its
    /// calendar entry is made from; a session nothing changed since the
    /// journal began is not listed.
    pub fn session_revisions(&self, event_id: Uuid) -> Result<HashMap<Uuid, DateTime<Utc>>> {
        let conn = self.read();
        let mut latest: HashMap<Uuid, i64> = conn
            .prepare_cached(SOURCES_SQL)?
            .query_map([event_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        // A chair or speaker added or taken off: the link's key starts with the session's.
        let sessions: Vec<Uuid> = conn
            .prepare_cached("SELECT id FROM session WHERE event_id = ?1")?
            .query_map([event_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut links = conn
            .prepare_cached("SELECT MAX(hlc) FROM journal_op WHERE row > ?1 AND row < ?2 AND tbl = 'session_person'")?;
        for session in sessions {
            let mut prefix = encode_key(false, &[&Value::Blob(session.as_bytes().to_vec())]);
            prefix.pop(); // the closing bracket: the participant's id follows
            prefix.push(b',');
            let past = [prefix.as_slice(), &[0xff]].concat();
            if let Some(hlc) = links.query_row(params![prefix, past], |r| r.get::<_, Option<i64>>(0))? {
                let entry = latest.entry(session).or_insert(hlc);
                *entry = (*entry).max(hlc);
            }
        }
        Ok(latest.into_iter().filter_map(|(session, hlc)| Some((session, clock_time(hlc)?))).collect())
    }
}
