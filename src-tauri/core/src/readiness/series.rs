//! Series memory in the readiness: the follow-ups an earlier stop of the same
//! series left open (not done) are reminders at every later stop, so what was
//! promised in Bangkok is asked about before Mexico City. Each points at the
//! earlier stop's outcomes, where it is closed.

use super::{ReadinessItem, ReadinessKind, ReadinessTab, item};
use crate::countries::CountryNames;
use crate::error::Result;
use crate::event::Event;
use crate::shown;
use crate::store::Store;
use chrono::NaiveDate;
use rusqlite::params;
use uuid::Uuid;

const OPEN_BEFORE_SQL: &str = "SELECT f.id, f.action, f.owner, f.due_date, f.country_code, e.id, e.title
     FROM follow_up f JOIN event e ON e.id = f.event_id
     WHERE e.series_id = ?1 AND e.id <> ?2 AND e.start_date < ?3 AND f.status <> 'done'
     ORDER BY e.start_date, f.due_date, f.action";

/// One item for every follow-up an earlier stop of `event`'s series left open.
pub(super) fn open_follow_ups(store: &Store, event: &Event, names: CountryNames) -> Result<Vec<ReadinessItem>> {
    let Some(series) = event.series_id else { return Ok(Vec::new()) };
    let mut stmt = store.read().prepare_cached(OPEN_BEFORE_SQL)?;
    let mut rows = stmt.query(params![series, event.id, event.start_date])?;
    let mut items = Vec::new();
    while let Some(r) = rows.next()? {
        let (id, action, owner): (Uuid, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let (due, country): (Option<NaiveDate>, Option<String>) = (r.get(3)?, r.get(4)?);
        let (stop, stop_title): (Uuid, String) = (r.get(5)?, r.get(6)?);
        let details: Vec<String> = [
            country.map(|c| names.name_of(&c).to_owned()),
            Some(owner).filter(|o| !o.is_empty()),
            due.map(|d| format!("due {}", shown::date(d))),
        ]
        .into_iter()
        .flatten()
        .collect();
        let details = if details.is_empty() { String::new() } else { format!(" ({})", details.join(", ")) };
        let message = format!("Still open from {stop_title}: '{action}'{details}");
        items.push(ReadinessItem {
            event_id: Some(stop),
            ..item(ReadinessKind::OpenFollowUp, ReadinessTab::Outcomes, Some(id), message)
        });
    }
    Ok(items)
}
