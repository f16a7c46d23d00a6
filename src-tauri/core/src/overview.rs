//! The event overview: the facts, organisers, funders with the
//! acknowledgement line, media contacts, the tracker's totals, the agenda's
//! size and every conflict, in one call for the overview screen and the CLI.

use crate::conflicts::{self, Conflict};
use crate::error::Result;
use crate::event::Event;
use crate::funding::{Funding, acknowledgement_line};
use crate::media::MediaContact;
use crate::organisation::EventOrganiser;
use crate::outcome::{FollowUp, Outcome};
use crate::plan_check::SkipDamaged;
use crate::series::Series;
use crate::store::Store;
use crate::tracker::TrackerCounts;
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// Everything the overview shows about one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct EventOverview {
    pub event: Event,
    pub country_name: String,
    pub series: Option<Series>,
    /// The series' other events in date order, with this one among them.
    pub series_events: Vec<SeriesStop>,
    pub organisers: Vec<EventOrganiser>,
    pub fundings: Vec<Funding>,
    /// Each funding's own line, or the line built from every funder.
    pub acknowledgement: Option<String>,
    pub media_contacts: Vec<MediaContact>,
    pub delegations: u32,
    pub participants: TrackerCounts,
    pub days: u32,
    pub sessions: u32,
    pub outcomes: Vec<Outcome>,
    pub follow_ups: Vec<FollowUp>,
    pub conflicts: Vec<Conflict>,
}

/// The stops of a series in date order, only the columns a stop shows: a
/// series of a large plan has dozens of events, and their full rows (texts,
/// lists) are not needed here.
pub(crate) const SERIES_STOPS_SQL: &str =
    "SELECT id, title, host_city, start_date, status FROM event WHERE series_id = ?1 ORDER BY start_date, title";

/// One stop of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SeriesStop {
    pub event_id: Uuid,
    pub title: String,
    pub host_city: String,
    pub start_date: chrono::NaiveDate,
    pub status: crate::vocabulary::EventStatus,
}

/// The funders' own acknowledgement lines, then one built line naming every
/// funder who has none, so that no funder is left out of the programme.
pub fn combined_acknowledgement(fundings: &[Funding]) -> Option<String> {
    let unwritten: Vec<Funding> = fundings.iter().filter(|f| f.acknowledgement.is_none()).cloned().collect();
    let parts: Vec<String> =
        fundings.iter().filter_map(|f| f.acknowledgement.clone()).chain(acknowledgement_line(&unwritten)).collect();
    if parts.is_empty() { None } else { Some(parts.join(" ")) }
}

impl Store {
    /// The events of a series in date order: the stops of the tour.
    pub fn series_stops(&self, series_id: Uuid) -> Result<Vec<SeriesStop>> {
        let mut stmt = self.read().prepare_cached(SERIES_STOPS_SQL)?;
        let rows = stmt.query_map([series_id], |row| {
            Ok(SeriesStop {
                event_id: row.get(0)?,
                title: row.get(1)?,
                host_city: row.get(2)?,
                start_date: row.get(3)?,
                status: row.get(4)?,
            })
        })?;
        Ok(rows.skip_damaged()?)
    }

    /// The overview of an event.
    pub fn event_overview(&self, event_id: Uuid) -> Result<EventOverview> {
        let event = self.event(event_id)?;
        let series = event.series_id.map(|id| self.series(id)).transpose()?;
        let series_events = match &series {
            Some(s) => self.series_stops(s.id)?,
            None => Vec::new(),
        };
        let fundings = self.event_fundings(event_id)?;
        let acknowledgement = combined_acknowledgement(&fundings);
        let tracker = self.delegation_tracker(event_id)?;
        let (days, sessions): (u32, u32) = self.read().query_row(
            "SELECT (SELECT COUNT(*) FROM agenda_day WHERE event_id = ?1), (SELECT COUNT(*) FROM session WHERE event_id = ?1)",
            [event_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(EventOverview {
            country_name: self.country_names()?.name_of(&event.host_country).to_owned(),
            series,
            series_events,
            organisers: self.event_organisers(event_id)?,
            acknowledgement,
            fundings,
            media_contacts: self.media_contacts(event_id)?,
            delegations: tracker.rows.len() as u32,
            participants: tracker.totals,
            days,
            sessions,
            outcomes: self.outcomes(event_id)?,
            follow_ups: self.follow_ups(event_id)?,
            conflicts: conflicts::of_event(self.read(), event_id)?,
            event,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn funding(name: &str, acknowledgement: Option<&str>) -> Funding {
        Funding {
            id: Uuid::nil(),
            event_id: Uuid::nil(),
            funder_id: Uuid::nil(),
            funder_name: name.into(),
            programme: None,
            amount: None,
            currency: None,
            covers: vec![],
            acknowledgement: acknowledgement.map(Into::into),
        }
    }

    #[test]
    fn a_funder_without_its_own_line_is_still_acknowledged() {
        let line = combined_acknowledgement(&[
            funding("PRM", Some("Supported by PRM through the Asia Regional Migration Program.")),
            funding("the Bali Process Regional Support Office", None),
        ])
        .unwrap();
        assert_eq!(
            line,
            "Supported by PRM through the Asia Regional Migration Program. \
             Made possible with financial support from the Bali Process Regional Support Office."
        );
        assert_eq!(combined_acknowledgement(&[]), None);
    }
}
