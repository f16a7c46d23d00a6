//! Readiness items that hold the participants' logistics against the agenda
//! and the funding: a speaker or chair who arrives after their session starts
//! or leaves before it ends (by the venue's clock, as both are typed), and a
//! funder paying people's travel whose funding of the event does not cover
//! delegates' travel. Only people with a seat count: the declined and the
//! cancelled are not coming.

use super::{ReadinessItem, ReadinessKind, ReadinessTab, item};
use crate::countries::CountryNames;
use crate::delegation::shown_name;
use crate::error::Result;
use crate::shown;
use crate::store::Store;
use crate::vocabulary::FundingCover;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The people on sessions who are not there for the whole of one, session by session.
const AWAY_SQL: &str = "SELECT p.id, pe.full_name, dl.name, dl.country_code, p.arrival, p.departure,
        s.title, d.date, s.start_time, s.end_time
     FROM session_person sp
     JOIN session s ON s.id = sp.session_id
     JOIN agenda_day d ON d.id = s.day_id
     JOIN participant p ON p.id = sp.participant_id
     JOIN person pe ON pe.id = p.person_id
     JOIN delegation dl ON dl.id = p.delegation_id
     WHERE s.event_id = ?1 AND p.holds_seat
       AND (p.arrival > d.date || ' ' || s.start_time OR p.departure < d.date || ' ' || s.end_time)
     ORDER BY d.date, s.start_time, sp.position";

/// One item for every person on a session who arrives after it starts or leaves before it ends.
pub(super) fn away_for_sessions(store: &Store, event_id: Uuid, names: CountryNames) -> Result<Vec<ReadinessItem>> {
    let mut stmt = store.read().prepare_cached(AWAY_SQL)?;
    let mut rows = stmt.query([event_id])?;
    let mut items = Vec::new();
    while let Some(r) = rows.next()? {
        let (participant, name, delegation): (Uuid, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let code: Option<String> = r.get(3)?;
        let (arrival, departure): (Option<NaiveDateTime>, Option<NaiveDateTime>) = (r.get(4)?, r.get(5)?);
        let (title, date): (String, NaiveDate) = (r.get(6)?, r.get(7)?);
        let (start, end): (NaiveTime, NaiveTime) = (r.get(8)?, r.get(9)?);
        let who = format!("{name} ({})", shown_name(names, code.as_deref(), &delegation));
        let session = format!("'{title}' ({} {})", shown::day(date), start.format("%H:%M"));
        if let Some(arrival) = arrival.filter(|a| *a > date.and_time(start)) {
            let message = format!("{who} arrives {}, after {session} starts", shown::moment(arrival));
            items.push(item(
                ReadinessKind::ArrivesAfterSession,
                ReadinessTab::Participants,
                Some(participant),
                message,
            ));
        }
        if let Some(departure) = departure.filter(|d| *d < date.and_time(end)) {
            let ends = end.format("%H:%M");
            let message = format!("{who} leaves {}, before {session} ends at {ends}", shown::moment(departure));
            items.push(item(
                ReadinessKind::LeavesBeforeSession,
                ReadinessTab::Participants,
                Some(participant),
                message,
            ));
        }
    }
    Ok(items)
}

/// One item for every funder paying people's travel whose funding of the event does not cover it.
pub(super) fn travel_not_covered(store: &Store, event_id: Uuid) -> Result<Vec<ReadinessItem>> {
    let mut travellers: BTreeMap<String, (Uuid, u32)> = BTreeMap::new();
    let mut stmt = store.read().prepare_cached(
        "SELECT o.id, o.name, COUNT(*) FROM participant p JOIN organisation o ON o.id = p.travel_funded_by
         WHERE p.event_id = ?1 AND p.holds_seat GROUP BY o.id",
    )?;
    let mut rows = stmt.query([event_id])?;
    while let Some(r) = rows.next()? {
        travellers.insert(r.get(1)?, (r.get(0)?, r.get(2)?));
    }
    let fundings = store.event_fundings(event_id)?;
    let mut items = Vec::new();
    for (funder, (funder_id, people)) in travellers {
        let own: Vec<_> = fundings.iter().filter(|f| f.funder_id == funder_id).collect();
        if own.iter().any(|f| f.covers.contains(&FundingCover::DelegatesTravel)) {
            continue;
        }
        let paying = match people {
            1 => "pays the travel of 1 participant".to_owned(),
            n => format!("pays the travel of {n} participants"),
        };
        let (target, why) = match own.first() {
            Some(funding) => (Some(funding.id), "its funding of this event does not cover delegates' travel"),
            None => (None, "it has no funding recorded for this event"),
        };
        let message = format!("{funder} {paying}, but {why}");
        items.push(item(ReadinessKind::TravelNotCovered, ReadinessTab::Overview, target, message));
    }
    Ok(items)
}
